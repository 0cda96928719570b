/**
 * Shared verdict for the resilience-library rules (retries, circuit breakers, rate limiting):
 * code evidence in production files earns full credit; a catalogue dependency that no production
 * code uses earns partial credit at most, as DESIGN asks.
 */
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import type { Evidence, Match, NotApplicable, RuleContext, RuleResult } from '../../src/types.js';
import { firstPerFile, fromMatch, isCommentLine, isMigrationRunner, isProductionPath } from '../../src/facts/paths.js';
import { dependencyEvidence, setAside } from '../../src/facts/dependencies.js';
import {
  type Definition,
  definedName,
  definitionEvidence,
  splitByUse,
  unusedNote,
} from '../../src/facts/references.js';

/**
 * Source files of every covered language (code patterns run on these only). Swift is program source
 * as much as Go (blind round 39: a Vapor server's 354 Swift files were never scanned).
 */
export const CODE_GLOBS = [
  '**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx,py,go,java,kt,kts,scala,groovy,cs,fs,vb,rb,php,rs,ex,exs,swift}',
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
  // Arrow's resilience module: Schedule (retries), CircuitBreaker and Saga in one artifact.
  'io.arrow-kt:arrow-resilience',
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
    // Worded by what was looked for: a database or cache driver the code imports is not counted,
    // so "imports no client library" would be false of it (round 14: StackExchange.Redis).
    reason: `no outbound calls: production code makes no HTTP, gRPC, mail, LDAP, IMAP, Redis or cloud-SDK client call${outbound.searched ? ` (${outbound.searched} source files searched)` : ''} and imports no HTTP or SDK client library (database drivers are not counted), so there is nothing for ${what} to protect`,
  };
}

/**
 * Matches in the service's own production code: not tests or examples, and not another component
 * (a browser hook's reconnect loop, an Electron window, a build script) — see src/facts/component.ts.
 */
export function productionMatches(ctx: RuleContext, ...keys: string[]): Match[] {
  return keys
    .flatMap((k) => ctx.matches(k))
    .filter(
      (m) => isProductionPath(m.path) && !isMigrationRunner(m.path) && ctx.facts.componentOf(m.path) === 'server',
    );
}

/** `class X extends Y` (a generic parameter list between): the name it extends, bounded. */
const SUBCLASS = /\bclass\s+\w+(?:<[^>{\n]{0,80}>)?\s+extends\s+([\w.]{1,80})/;

export interface LibraryVerdict {
  /** What is looked for, for messages: "retries with backoff". */
  what: string;
  catalogue: string;
  /** Pattern keys whose production matches count as code evidence. */
  code: string[];
  /** Which of those matches count (a rule may set some aside: a sleep of a fixed retry interval). */
  keep?: (m: Match) => boolean;
  /** Code sites found by a shape the rule joined itself (a counter and a 429 in one file). */
  handWritten?: Match[];
  /** What a code site does, when its line does not say (a subclass of the library's breaker applied). */
  noteOf?: (m: Match) => string | undefined;
  /**
   * The rule's reference pattern (see src/facts/references.ts): a code match on a line that
   * defines a function or type counts only when something else uses that name.
   */
  refs?: string;
  /** The names the reference pattern records (a definition of another name cannot be checked). */
  refsCover?: RegExp;
  /** Practices the project wrote itself, found by definition and use (cited with both). */
  own?: Definition[];
  /** Hand-written definitions nothing uses: no credit, said in the message. */
  unused?: Definition[];
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
  const raw = productionMatches(ctx, ...v.code).filter((m) => v.keep?.(m) ?? true);
  const split = v.refs
    ? splitByUse(raw, ctx.matches(v.refs), v.refsCover, ctx.files)
    : { used: raw, definitions: [] as Definition[], unused: [] as Definition[] };
  const own = [...split.definitions, ...(v.own ?? [])];
  const ownDefs = new Set(own.map((d) => d.def));
  const unused = [...split.unused, ...(v.unused ?? [])].filter(
    (d, i, all) => all.findIndex((x) => x.def.path === d.def.path && x.def.line === d.def.line) === i,
  );
  const code = [...split.used, ...(v.own ?? []).map((d) => d.def), ...(v.handWritten ?? [])];
  const names = ctx.catalogue(v.catalogue);
  // A library the front end or the desktop shell declares protects that component, not the service.
  const deps = ctx.facts.findDependencies(names).filter((d) => ctx.facts.componentOf(d.path) === 'server');
  const depEvidence: Evidence[] = deps.slice(0, 3).map((d) => dependencyEvidence(d, `dependency ${d.name}`));
  const aside = setAside(ctx.facts, names);
  const config = v.config ?? [];
  const data = {
    codeSites: code.length,
    files: new Set(code.map((m) => m.path)).size,
    dependencies: [...new Set(deps.map((d) => d.name))].sort(),
    configSites: config.length,
    ...(own.length > 0 ? { handWritten: own.map((d) => d.name) } : {}),
    ...(unused.length > 0 ? { unused: unused.map((d) => `${d.name} (${d.def.path}:${d.def.line})`) } : {}),
  };
  if (code.length > 0 || config.length > 0) {
    // A hand-written practice is counted where it is called, not once for its definition (blind
    // round 42: a TokenBucket called in 8 files was "1 call site in 1 file").
    const uses = v.refs ? ownUses(ctx, ctx.matches(v.refs), own) : [];
    const sites = uses.length > 0 ? [...code.filter((m) => !ownDefs.has(m)), ...uses] : code;
    const siteFiles = new Set(sites.map((m) => m.path)).size;
    const where = [
      code.length > 0
        ? `${sites.length} call site${sites.length === 1 ? '' : 's'} in ${siteFiles} file${siteFiles === 1 ? '' : 's'}`
        : '',
      config.length > 0 ? `${config.length} configuration site${config.length === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    // A definition the library's pattern found on a `class X extends Y` line subclasses Y (a
    // NestJS guard extending @nestjs/throttler's ThrottlerGuard): the library's, not written by hand.
    const base = (d: Definition) => (split.definitions.includes(d) ? SUBCLASS.exec(d.def.snippet)?.[1] : undefined);
    const written = [...new Set(own.filter((d) => !base(d)).map((d) => d.name))];
    const subclassed = [...new Set(own.filter((d) => base(d)).map((d) => `${d.name} (extends ${base(d)})`))];
    const ownNote =
      (written.length > 0 ? ` Hand-written: ${written.slice(0, 3).join(', ')} (defined and used).` : '') +
      (subclassed.length > 0 ? ` Subclassed: ${subclassed.slice(0, 3).join(', ')}, defined and used.` : '');
    return pass(
      `${cap(v.what)} found: ${where}.${ownNote}`,
      [
        ...own
          .slice(0, 2)
          .flatMap((d) =>
            definitionEvidence(d, base(d) ? `${v.what}, a subclass of ${base(d)}` : `hand-written ${v.what}`),
          ),
        ...firstPerFile(code.filter((m) => !ownDefs.has(m))).map((m) => fromMatch(m, v.noteOf?.(m))),
        ...config.slice(0, 5),
        ...depEvidence,
      ],
      data,
    );
  }
  const idle: Evidence[] = unused
    .slice(0, 3)
    .map((d) => ({ ...fromMatch(d.def), note: `${d.name} defined here, but never used: no credit` }));
  const unusedText = unused.length > 0 ? ` ${unusedNote(unused)}.` : '';
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
      `A library for ${v.what} is declared (${[...new Set(single.map((d) => d.name))].join(', ')})${imported.length > 0 ? ' and imported' : ''}, but no call that applies it was found in production code.${unusedText}`,
      [...single.slice(0, 3).map((d) => dependencyEvidence(d, `dependency ${d.name}`)), none, ...idle, ...aside],
      data,
    );
  }
  const multi =
    deps.length > 0
      ? ` ${listing(data.dependencies)} ${deps.length === 1 ? 'is' : 'are'} declared, but nothing configures ${v.what} with ${deps.length === 1 ? 'it' : 'them'}.`
      : '';
  // What needs protecting: the outbound calls that made the rule apply.
  const calls = v.outbound ? ctx.facts.outbound.sites.slice(0, 2) : [];
  return fail(`No ${v.what} found.${multi}${unusedText}`, [none, ...idle, ...calls, ...depEvidence, ...aside], data);
}

/**
 * Where the project's own definitions are called: reference lines in production code that name one
 * (`TokenBucket.authorize_login(…)`, `limiter(`) other than its definition. At most 500 counted.
 */
function ownUses(ctx: RuleContext, refs: readonly Match[], own: readonly Definition[]): Match[] {
  if (own.length === 0) return [];
  const defs = new Set(own.map((d) => `${d.def.path}:${d.def.line}`));
  const names = [...new Set(own.map((d) => d.name))].filter((n) => /^[A-Za-z_$][\w$]{0,80}$/.test(n));
  if (names.length === 0) return [];
  const word = new RegExp(String.raw`(?<![\w$])(?:${names.map((n) => n.replace(/\$/g, '\\$')).join('|')})\s*[(.]`);
  const out: Match[] = [];
  const seen = new Set<string>();
  for (const r of refs) {
    const key = `${r.path}:${r.line}`;
    if (defs.has(key) || seen.has(key)) continue;
    if (!isProductionPath(r.path) || isCommentLine(r.snippet) || ctx.facts.componentOf(r.path) !== 'server') continue;
    if (!word.test(r.snippet) || names.includes(definedName(r.snippet) ?? '')) continue;
    seen.add(key);
    out.push(r);
    if (out.length >= 500) break;
  }
  // A class that names itself in its own body (`TokenBucket.objects.get_or_create`) is not called
  // there: where other files call it, only those count.
  const defFiles = new Set(own.map((d) => d.def.path));
  const elsewhere = out.filter((m) => !defFiles.has(m.path));
  return elsewhere.length > 0 ? elsewhere : out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
