/**
 * The kind of repository a document describes. A near-empty repository is detected as docs, so
 * the audit would not check a service's claims at all; verify assumes what the document
 * describes (a service with endpoints and deployments, a library, a command-line tool) unless the
 * user says otherwise with --profile or the configuration.
 */
import type { ProfileId } from '../types.js';

const SERVICE =
  /\b(api|apis|endpoints?|server|microservices?|backend|web ?app|rest|graphql|kubernetes|k8s|deploy(?:ment|ed|s)?|health ?checks?|uptime|latency|database|docker|load balancer|rate limit(?:ing)?|requests? per second)\b/gi;
const LIBRARY = /\b(library|sdk|npm package|pypi|crate|rubygem|nuget package|public api of the package)\b/gi;
const CLI = /\b(cli|command[- ]line(?: tool| interface)?)\b/gi;
const INFRA = /\b(terraform modules?|helm charts?|ansible roles?|infrastructure repo(?:sitory)?)\b/gi;

const distinct = (text: string, re: RegExp) =>
  new Set([...text.matchAll(re)].map((m) => m[1]!.toLowerCase().replace(/s$/, ''))).size;

/** The profile the document describes, or null when it does not say clearly. */
export function describedProfile(text: string): ProfileId | null {
  const head = text.slice(0, 200_000);
  const title = /^#\s+(.*)$/m.exec(head)?.[1] ?? '';
  const service = distinct(head, SERVICE);
  if (distinct(title, LIBRARY) > 0) return 'library';
  if (distinct(title, CLI) > 0 && service < 6) return 'cli';
  if (distinct(title, INFRA) > 0) return 'infrastructure';
  if (service >= 4) return 'service';
  if (distinct(head, LIBRARY) >= 2) return 'library';
  if (distinct(head, CLI) >= 2) return 'cli';
  return null;
}
