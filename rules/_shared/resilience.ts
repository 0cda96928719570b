/**
 * Shared verdict for the resilience-library rules (retries, circuit breakers, rate limiting):
 * code evidence in production files earns full credit; a catalogue dependency that no production
 * code uses earns partial credit at most, as DESIGN asks.
 */
import { fail, partial, pass } from '../../src/engine/results.js';
import type { Evidence, Match, RuleContext, RuleResult } from '../../src/types.js';
import { firstPerFile, fromMatch, isProductionPath } from '../../src/facts/paths.js';

/** Source files of every covered language (code patterns run on these only). */
export const CODE_GLOBS = [
  '**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx,py,go,java,kt,kts,scala,groovy,cs,fs,vb,rb,php,rs,ex,exs}',
];

export function productionMatches(ctx: RuleContext, ...keys: string[]): Match[] {
  return keys.flatMap((k) => ctx.matches(k)).filter((m) => isProductionPath(m.path));
}

export interface LibraryVerdict {
  /** What is looked for, for messages: "retries with backoff". */
  what: string;
  catalogue: string;
  /** Pattern keys whose production matches count as code evidence. */
  code: string[];
  /** Config evidence (gateway annotations, mesh policies) that counts like code. */
  config?: Evidence[];
}

export function libraryVerdict(ctx: RuleContext, v: LibraryVerdict): RuleResult {
  const code = productionMatches(ctx, ...v.code);
  const deps = ctx.facts.findDependencies(ctx.catalogue(v.catalogue));
  const depEvidence: Evidence[] = deps
    .slice(0, 3)
    .map((d) => ({ path: d.path, ...(d.line ? { line: d.line } : {}), note: `dependency ${d.name}` }));
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
  if (deps.length > 0) {
    return partial(
      0.4,
      `A library for ${v.what} is declared (${data.dependencies.join(', ')}), but no production code uses it.`,
      [...depEvidence, none],
      data,
    );
  }
  return fail(`No ${v.what} found.`, [none], data);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
