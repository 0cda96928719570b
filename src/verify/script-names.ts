/**
 * An item led by a ticked bare name the repository's own manifests declare as a command: "- [x]
 * `test:unit` - Run unit tests", "- `analyse` – Run PHPStan", "- `lint`: eslint". The name is looked up
 * among the "scripts" of package.json and composer.json files and the targets of Makefiles — only
 * names those files really hold. Found, the item is confirmed at the manifest's line; not found, it is
 * left to the other lookups (the name may be a service, a folder or a word), never contradicted here.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { escapeRe } from '../util/regex.js';

/** "- ✅ `name` - …", "1. `name`: …": a ticked name of a command at the item's start. */
const LEAD =
  /^\s*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]*)?(?:[^\s`\w]{1,3}[ \t]+)?`([a-z][\w:.-]{0,40})`[ \t]*(?:[-–—:]|$)/;

const MANIFEST = /(?:^|\/)(?:package\.json|composer\.json)$/;
const MAKEFILE = /(?:^|\/)(?:Makefile|makefile|GNUmakefile)$/;
const SKIP = /(?:^|\/)(?:node_modules|vendor|dist|build)\//;

/** The ticked name an item leads with, when it is shaped like a command's name. */
export function ledName(raw: string): string | null {
  return LEAD.exec(raw)?.[1] ?? null;
}

/** Where a manifest of the repository declares the command: its file and line. */
function declared(ctx: LookupContext, name: string): { path: string; line: number; text: string } | null {
  const key = new RegExp(`^\\s*"${escapeRe(name)}"\\s*:`);
  const target = new RegExp(`^${escapeRe(name)}\\s*:(?!=)`);
  for (const path of ctx.files.paths) {
    if (SKIP.test(path)) continue;
    if (MANIFEST.test(path)) {
      const json = ctx.files.readJson<{ scripts?: Record<string, unknown> }>(path);
      const scripts = json.ok ? json.value?.scripts : undefined;
      if (!scripts || typeof scripts !== 'object' || !(name in scripts)) continue;
      const lines = (ctx.files.read(path) ?? '').split('\n');
      const start = lines.findIndex((l) => /"scripts"\s*:/.test(l));
      const at = lines.findIndex((l, i) => i > start && key.test(l));
      if (start >= 0 && at > start) return { path, line: at + 1, text: lines[at]!.trim() };
    } else if (MAKEFILE.test(path)) {
      const lines = (ctx.files.read(path) ?? '').split('\n');
      const at = lines.findIndex((l) => target.test(l));
      if (at >= 0) return { path, line: at + 1, text: lines[at]!.trim() };
    }
  }
  return null;
}

/** The finding of an item of presence led by a declared command's name; null otherwise. */
export function scriptFinding(ctx: LookupContext, claim: Claim): Finding | null {
  if (claim.asserted !== 'done' && claim.asserted !== 'partial') return null;
  const name = ledName(claim.raw ?? '');
  if (!name) return null;
  const at = declared(ctx, name);
  if (!at) return null;
  return {
    subject: name,
    basis: 'config',
    present: 'yes',
    detail: `${at.path}:${at.line} declares the command ${name}`,
    evidence: [{ path: at.path, line: at.line, snippet: at.text.slice(0, 120) }],
  };
}
