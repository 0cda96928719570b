/**
 * Shared verdict for the resilience-library rules (retries, circuit breakers, rate limiting):
 * code evidence in production files earns full credit; a catalogue dependency that no production
 * code uses earns partial credit at most, as DESIGN asks.
 */
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import type { Evidence, Match, NotApplicable, RuleContext, RuleResult } from '../../src/types.js';
import { firstPerFile, fromMatch, isProductionPath } from '../../src/facts/paths.js';
import { dependencyEvidence, setAside } from '../../src/facts/dependencies.js';

/** Source files of every covered language (code patterns run on these only). */
export const CODE_GLOBS = [
  '**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx,py,go,java,kt,kts,scala,groovy,cs,fs,vb,rb,php,rs,ex,exs}',
];

/** Resilience toolkits: declaring one says nothing about retries (it may serve timeouts only). */
export const MULTI_PURPOSE = [
  'Polly',
  'Microsoft.Extensions.Http.Polly',
  'Microsoft.Extensions.Http.Resilience',
  'Microsoft.Extensions.Resilience',
  'cockatiel',
  'io.github.resilience4j:resilience4j-spring-boot',
  'io.github.resilience4j:resilience4j-kotlin',
  'dev.failsafe:',
  'net.jodah:failsafe',
  'github.com/failsafe-go/',
];

/**
 * Outbound-call rules apply to a service that calls other services (facts.outbound), or whose
 * code shows the pattern anyway. Absence of a keyword is never the reason: the fact is.
 */
export function outboundApplies(
  ctx: RuleContext,
  what: string,
  ownKeys: string[],
  configured?: () => boolean,
): true | NotApplicable {
  const { profile, outbound } = ctx.facts;
  if (profile.id !== 'service')
    return { reason: `${what} of outbound calls are judged for services; the repository profile is ${profile.id}` };
  if (outbound.found || productionMatches(ctx, ...ownKeys).length > 0 || configured?.()) return true;
  return {
    reason: `no outbound calls: production code makes no HTTP, gRPC or cloud-SDK client call${outbound.searched ? ` (${outbound.searched} source files searched)` : ''} and imports no client library, so there is nothing for ${what} to protect`,
  };
}

export function productionMatches(ctx: RuleContext, ...keys: string[]): Match[] {
  return keys.flatMap((k) => ctx.matches(k)).filter((m) => isProductionPath(m.path));
}

export interface LibraryVerdict {
  /** What is looked for, for messages: "retries with backoff". */
  what: string;
  catalogue: string;
  /** Pattern keys whose production matches count as code evidence. */
  code: string[];
  /** Code sites found by a shape the rule joined itself (a counter and a 429 in one file). */
  handWritten?: Match[];
  /** Config evidence (gateway annotations, mesh policies) that counts like code. */
  config?: Evidence[];
  /**
   * Libraries of several patterns (name prefixes): declaring one says nothing about this pattern,
   * so without a call that applies it they earn no credit.
   */
  multiPurpose?: string[];
  /** The pattern protects outbound calls: cite them when nothing protects them. */
  outbound?: boolean;
}

export function libraryVerdict(ctx: RuleContext, v: LibraryVerdict): RuleResult {
  const code = [...productionMatches(ctx, ...v.code), ...(v.handWritten ?? [])];
  const names = ctx.catalogue(v.catalogue);
  const deps = ctx.facts.findDependencies(names);
  const depEvidence: Evidence[] = deps.slice(0, 3).map((d) => dependencyEvidence(d, `dependency ${d.name}`));
  const aside = setAside(ctx.facts, names);
  const config = v.config ?? [];
  const data = {
    codeSites: code.length,
    files: new Set(code.map((m) => m.path)).size,
    dependencies: [...new Set(deps.map((d) => d.name))].sort(),
    configSites: config.length,
  };
  if (code.length > 0 || config.length > 0) {
    const where = [
      code.length > 0
        ? `${code.length} call site${code.length === 1 ? '' : 's'} in ${data.files} file${data.files === 1 ? '' : 's'}`
        : '',
      config.length > 0 ? `${config.length} configuration site${config.length === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    return pass(
      `${cap(v.what)} found: ${where}.`,
      [...firstPerFile(code).map((m) => fromMatch(m)), ...config.slice(0, 5), ...depEvidence],
      data,
    );
  }
  const searched = v.code.reduce((s, k) => Math.max(s, ctx.searched(k)), 0);
  const none: Evidence = {
    path: '.',
    note: `no ${v.what} in ${searched} source files (JS/TS, Python, Go, JVM, .NET, Ruby, PHP, Rust)`,
  };
  // A library imported by production code without a recognised call is partial credit only when
  // the library does nothing else: Polly or Resilience4j imported for timeouts is not a retry.
  const single = deps.filter(
    (d) => !(v.multiPurpose ?? []).some((p) => d.name.toLowerCase().startsWith(p.toLowerCase())),
  );
  if (single.length > 0) {
    const imported = single.filter((d) => d.use === 'production');
    return partial(
      0.4,
      `A library for ${v.what} is declared (${[...new Set(single.map((d) => d.name))].join(', ')})${imported.length > 0 ? ' and imported' : ''}, but no call that applies it was found in production code.`,
      [...single.slice(0, 3).map((d) => dependencyEvidence(d, `dependency ${d.name}`)), none, ...aside],
      data,
    );
  }
  const multi =
    deps.length > 0
      ? ` ${listing(data.dependencies)} ${deps.length === 1 ? 'is' : 'are'} declared, but nothing configures ${v.what} with ${deps.length === 1 ? 'it' : 'them'}.`
      : '';
  // What needs protecting: the outbound calls that made the rule apply.
  const calls = v.outbound ? ctx.facts.outbound.sites.slice(0, 2) : [];
  return fail(`No ${v.what} found.${multi}`, [none, ...calls, ...depEvidence, ...aside], data);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
