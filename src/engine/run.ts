/**
 * Running rules: each in isolation. A rule that throws, returns something malformed or runs
 * past its time limit becomes an `error` result and the run goes on (like Lighthouse's runner).
 */
import type { Facts } from '../types.js';
import { eachWithTimeLimit, TimeLimitError, withTimeLimit } from '../util/time-limit.js';
import type { ScanResult } from '../scan/scanner.js';
import type { FileView, Evidence, Match, Outcome, PillarId, Rule, RuleContext, RuleResult } from '../types.js';

export interface RuleEntry {
  pillar: PillarId;
  rule: Rule;
  weight: number;
  options: Record<string, unknown>;
}

export interface RuleRun {
  pillar: PillarId;
  rule: Rule;
  weight: number;
  outcome: Outcome;
  score: number | null;
  message: string;
  evidence: Evidence[];
  data?: Record<string, unknown>;
  durationMs: number;
}

export interface RunBase {
  files: FileView;
  facts: Facts;
  scan: ScanResult;
  catalogue: (name: string) => string[];
  artifacts?: import('../types.js').Artifacts;
}

export const DEFAULT_RULE_TIMEOUT_MS = 10_000;

export function contextFor(entry: RuleEntry, base: RunBase): RuleContext {
  const id = entry.rule.meta.id;
  const declared = new Set(Object.keys(entry.rule.meta.patterns ?? {}));
  const key = (k: string) => {
    if (!declared.has(k))
      throw new Error(`rule ${id} asked for pattern "${k}", which its meta.patterns does not declare`);
    return `${id}:${k}`;
  };
  const specs = entry.rule.meta.patterns ?? {};
  const generated = base.facts.generated ?? [];
  const skip = generated.length > 0 ? new Set(generated) : undefined;
  return {
    files: base.files,
    facts: base.facts,
    matches: (k) => {
      const all = base.scan.matches.get(key(k)) ?? [];
      return skip && !specs[k]?.generated ? withoutGenerated(all, skip) : all;
    },
    searched: (k) => base.scan.searched.get(key(k)) ?? 0,
    options: entry.options,
    catalogue: base.catalogue,
    ...(base.artifacts ? { artifacts: base.artifacts } : {}),
  };
}

/** Matches outside generated files; the same array when there are none to drop. */
function withoutGenerated(all: Match[], skip: ReadonlySet<string>): Match[] {
  return all.some((m) => skip.has(m.path)) ? all.filter((m) => !skip.has(m.path)) : all;
}

export function runRule(
  entry: RuleEntry,
  base: RunBase,
  timeoutMs = DEFAULT_RULE_TIMEOUT_MS,
  exec: <T>(fn: () => T, timeoutMs: number) => T = withTimeLimit,
): RuleRun {
  const start = performance.now();
  const done = (r: Omit<RuleRun, 'pillar' | 'rule' | 'weight' | 'durationMs'>): RuleRun => ({
    pillar: entry.pillar,
    rule: entry.rule,
    weight: entry.weight,
    ...r,
    durationMs: performance.now() - start,
  });
  // An empty repository is not judged at all: a few vacuous passes would make a score.
  if (base.facts.nothingToAssess)
    return done({ outcome: 'not-applicable', score: null, message: base.facts.nothingToAssess, evidence: [] });
  // A pattern the rule depends on that ran past its time budget in the scan left the rule without
  // part of its input: the rule is not assessed, and says where (an error counts against gates).
  const overrun = Object.keys(entry.rule.meta.patterns ?? {})
    .map((k) => [k, base.scan.overruns?.get(`${entry.rule.meta.id}:${k}`)] as const)
    .find(([, o]) => o);
  if (overrun) {
    const [name, o] = overrun;
    const message = `pattern "${name}" did not finish within its time budget of ${o!.budgetMs} ms on ${o!.path}; the rule was not assessed`;
    return done({
      outcome: 'error',
      score: null,
      message,
      evidence: [{ path: o!.path, note: 'scan time budget exceeded' }],
    });
  }
  try {
    const ctx = contextFor(entry, base);
    const verdict = exec(() => {
      const applies = entry.rule.appliesTo ? entry.rule.appliesTo(ctx) : true;
      if (applies !== true) return { na: applies.reason };
      return { result: entry.rule.check(ctx) };
    }, timeoutMs) as { na: string } | { result: RuleResult };
    if ('na' in verdict) {
      return done({ outcome: 'not-applicable', score: null, message: verdict.na, evidence: [] });
    }
    const r = validate(verdict.result);
    return done({
      outcome: r.outcome,
      score: r.outcome === 'unknown' ? null : r.outcome === 'pass' ? 1 : r.outcome === 'fail' ? 0 : r.score!,
      message: r.message,
      evidence: r.evidence.map(cleanEvidence),
      ...(r.data ? { data: r.data } : {}),
    });
  } catch (err) {
    const e = err as { message?: string };
    const message =
      err instanceof TimeLimitError
        ? `the rule did not finish within its time limit of ${timeoutMs} ms`
        : `the rule crashed: ${(e?.message ?? String(err)).split('\n')[0]}`;
    return done({ outcome: 'error', score: null, message, evidence: [] });
  }
}

const untimed = <T>(fn: () => T): T => fn();

/**
 * Rules one after another, each under its own time limit but under one watchdog while none runs
 * past it (eachWithTimeLimit): V8's watchdog for a timed script is a thread started and joined per
 * call, which ~80 quick rules (thousands, over workspace packages) would pay for nothing. A rule
 * cut short by the others' time runs again with a whole limit; one that uses up its own limit is
 * the same error as under a watchdog of its own. Rules are pure, so running one twice is harmless.
 */
export function runRules(entries: RuleEntry[], base: RunBase, timeoutMs = DEFAULT_RULE_TIMEOUT_MS): RuleRun[] {
  const runs: RuleRun[] = [];
  const started: number[] = [];
  const timedOut = () => {
    throw new TimeLimitError(`did not finish within ${timeoutMs} ms`);
  };
  eachWithTimeLimit(
    entries.length,
    timeoutMs,
    (i) => {
      started[i] = performance.now();
      runs[i] = runRule(entries[i]!, base, timeoutMs, untimed);
    },
    (i) => {
      // The answer runRule gives when its own watchdog stops the rule, with the time it ran.
      runs[i] = { ...runRule(entries[i]!, base, timeoutMs, timedOut), durationMs: performance.now() - started[i]! };
    },
  );
  return runs;
}

function validate(r: RuleResult): RuleResult {
  if (!r || typeof r !== 'object') throw new Error('check() returned no result');
  if (!['pass', 'partial', 'fail', 'unknown'].includes(r.outcome))
    throw new Error(`check() returned outcome "${String(r.outcome)}"`);
  if (!Array.isArray(r.evidence)) throw new Error('check() returned no evidence array');
  if (r.outcome === 'partial' && !(typeof r.score === 'number' && r.score > 0 && r.score < 1)) {
    throw new Error(`a partial result needs 0 < score < 1, got ${String(r.score)}`);
  }
  return r;
}

function cleanEvidence(e: Evidence): Evidence {
  const out: Evidence = { path: String(e.path) };
  if (Number.isInteger(e.line) && e.line! > 0) out.line = e.line!;
  if (Number.isInteger(e.endLine) && e.endLine! > 0 && e.endLine !== e.line) out.endLine = e.endLine!;
  if (e.snippet) out.snippet = e.snippet;
  if (e.note) out.note = e.note;
  return out;
}
