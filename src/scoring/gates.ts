/**
 * Gates: the checks that decide exit code 1. Each failed check names what failed and why.
 *
 * A rule that errored (it crashed, or ran past a time budget: a file can be crafted for that)
 * must never lift a gate. It has no score, so leaving it out would raise the score it was meant
 * to hold down; every gate therefore counts an error as a failure: --fail-on fails on an errored
 * rule of that severity, and --min-score / --min-pillar compare the score the report would have
 * with each errored rule scored 0 (the message says so).
 */
import { SEVERITIES, type PillarId, type Severity } from '../types.js';
import type { GateCheck, Report } from '../report/schema.js';
import { overallScore } from './score.js';

export interface GateOptions {
  minScore?: number;
  minPillar?: Partial<Record<PillarId, number>>;
  failOn?: Severity;
  /** Fail when report.baseline records a pillar drop or a rule that passed and now fails. */
  failOnRegression?: boolean;
  /** With report.packages: fail when any package (default) or every package fails its gates. */
  packagesFailOn?: 'any' | 'all';
  /**
   * What in the audited tree itself narrows what the gates see, one phrase each: a configuration
   * found there (not named with --config; config/narrowing.ts), a --baseline file inside it. A pull
   * request can write both.
   */
  fromTree?: string[];
}

type PillarLike = Pick<Report['pillars'][number], 'id' | 'title' | 'score' | 'weight' | 'rules'>;

/** A pillar's score with every errored (unsuppressed) rule scored 0, and how many errored. */
export function scoreCountingErrors(p: PillarLike): { score: number | null; errors: number } {
  const errored = p.rules.filter((r) => r.outcome === 'error' && !r.suppressed && r.weight > 0);
  if (errored.length === 0) return { score: p.score, errors: 0 };
  const points = p.rules.reduce((s, r) => s + r.points, 0);
  const weight = p.rules.reduce((s, r) => s + r.maxPoints, 0) + errored.reduce((s, r) => s + r.weight, 0);
  return { score: weight > 0 ? Math.round((100 * points) / weight) : null, errors: errored.length };
}

const erroredNote = (n: number) =>
  n === 0 ? '' : ` (${n} rule${n === 1 ? '' : 's'} errored and count${n === 1 ? 's' : ''} as failed here)`;

export function evaluateGates(report: Omit<Report, 'gates'>, options: GateOptions): Report['gates'] {
  const checks: GateCheck[] = [];
  const strict = new Map(report.pillars.map((p) => [p.id, scoreCountingErrors(p)]));
  if (options.minScore !== undefined) {
    const errors = [...strict.values()].reduce((s, x) => s + x.errors, 0);
    const actual =
      errors === 0
        ? report.summary.score
        : overallScore(report.pillars.map((p) => ({ score: strict.get(p.id)!.score, weight: p.weight })));
    const passed = actual !== null && actual >= options.minScore;
    const note = erroredNote(errors);
    checks.push({
      kind: 'min-score',
      target: 'overall',
      expected: `>= ${options.minScore}`,
      actual: actual === null ? 'not assessed' : String(actual),
      passed,
      message: passed
        ? `overall score ${actual} meets the minimum of ${options.minScore}${note}`
        : `overall score ${actual ?? 'not assessed'} is below the minimum of ${options.minScore}${note}`,
    });
  }
  for (const [pillar, min] of Object.entries(options.minPillar ?? {})) {
    const p = report.pillars.find((x) => x.id === pillar);
    const { score: actual, errors } = p ? strict.get(p.id)! : { score: null, errors: 0 };
    const note = erroredNote(errors);
    // A pillar that was not assessed cannot prove it meets a minimum.
    const passed = actual !== null && actual >= min!;
    checks.push({
      kind: 'min-pillar',
      target: pillar,
      expected: `>= ${min}`,
      actual: actual === null ? 'not assessed' : String(actual),
      passed,
      message: passed
        ? `${p?.title ?? pillar} score ${actual} meets the minimum of ${min}${note}`
        : `${p?.title ?? pillar} score ${actual ?? 'not assessed'} is below the minimum of ${min}${note}`,
    });
  }
  if (options.failOn) {
    const limit = SEVERITIES.indexOf(options.failOn);
    // An error is not a pass: a rule that could not be assessed fails the gate like a failed one.
    const failed = report.pillars
      .flatMap((p) => p.rules)
      .filter(
        (r) =>
          (r.outcome === 'fail' || r.outcome === 'error') && !r.suppressed && SEVERITIES.indexOf(r.severity) <= limit,
      );
    const named = failed.map((r) => `${r.id} (${r.severity}${r.outcome === 'error' ? ', error' : ''})`).join(', ');
    const what = failed.some((r) => r.outcome === 'error') ? 'failed or errored' : 'failed';
    checks.push({
      kind: 'fail-on',
      target: options.failOn,
      expected: `no failed or errored rule of severity ${options.failOn} or higher`,
      actual: failed.length === 0 ? 'none' : named,
      passed: failed.length === 0,
      message:
        failed.length === 0
          ? `no failed rule of severity ${options.failOn} or higher`
          : `${failed.length} ${what} rule${failed.length === 1 ? '' : 's'} of severity ${options.failOn} or higher: ${named}`,
    });
  }
  if (options.failOnRegression && report.baseline) {
    const b = report.baseline;
    const named = [
      ...b.regressions.pillars.map((id) => {
        const p = b.pillars.find((x) => x.id === id)!;
        return `${report.pillars.find((x) => x.id === id)?.title ?? id} dropped from ${p.before} to ${p.after}`;
      }),
      ...b.regressions.rules.map((id) => `${id} passed and now fails`),
    ];
    checks.push({
      kind: 'regression',
      target: b.file,
      expected: 'no pillar score drops and no passing rule fails',
      actual: named.length === 0 ? 'none' : named.join('; '),
      passed: named.length === 0,
      message:
        named.length === 0
          ? `no regression since the baseline ${b.file}`
          : `regression since the baseline ${b.file}: ${named.join('; ')}`,
    });
  }
  if (
    report.packages?.length &&
    (options.minScore !== undefined || options.failOn || Object.keys(options.minPillar ?? {}).length)
  ) {
    const mode = options.packagesFailOn ?? 'any';
    const failed = report.packages.filter((p) => !p.gates.passed);
    const passed = mode === 'any' ? failed.length === 0 : failed.length < report.packages.length;
    const named = failed.map((p) => `${p.path} (${p.gates.failed.join('; ')})`);
    checks.push({
      kind: 'packages',
      target: mode,
      expected: mode === 'any' ? 'every package passes the gates' : 'at least one package passes the gates',
      actual: failed.length === 0 ? 'all pass' : `${failed.length} of ${report.packages.length} fail`,
      passed,
      message: passed
        ? failed.length === 0
          ? `all ${report.packages.length} packages pass the gates`
          : `${report.packages.length - failed.length} of ${report.packages.length} packages pass the gates (--packages-fail-on all)`
        : `${failed.length} of ${report.packages.length} package${report.packages.length === 1 ? '' : 's'} fail the gates: ${named.join(', ')}`,
    });
  }
  const narrowed = treeNarrowing(report, options);
  if (checks.length > 0 && narrowed) checks.push(narrowed);
  for (const s of report.suppressed.filter((x) => x.expired)) {
    checks.push({
      kind: 'suppression-expired',
      target: s.rule,
      expected: `suppression valid until ${s.expires}`,
      actual: 'expired',
      passed: false,
      message: `the suppression of ${s.rule} expired on ${s.expires} ("${s.reason}"): fix the rule or renew the suppression`,
    });
  }
  return { passed: checks.every((c) => c.passed), checks };
}

/**
 * A check that passes but says, where gates are in force, what the audited tree itself did to
 * narrow them: its own configuration (switched-off rules, suppressions, ignored paths, a profile),
 * a baseline it holds, and inline `readiness-ignore` markers that hid a finding. A pull request can write both; the
 * reader of its comment must see that the gates passed under them. Null when nothing narrowed.
 */
function treeNarrowing(report: Omit<Report, 'gates'>, options: GateOptions): GateCheck | null {
  const parts = [...(options.fromTree ?? [])];
  const inline = report.suppressed.filter((s) => s.path !== undefined && s.matched);
  if (inline.length) {
    const at = inline.slice(0, 3).map((s) => `${s.rule} at ${s.path}:${s.line}`);
    parts.push(
      `${inline.length} inline readiness-ignore marker${inline.length === 1 ? ' hides' : 's hide'} ${at.join(', ')}${inline.length > 3 ? ', …' : ''}`,
    );
  }
  if (parts.length === 0) return null;
  return {
    kind: 'config',
    target: 'audited tree',
    expected: 'gates the audited tree does not change',
    actual: parts.join('; '),
    passed: true,
    message: `evaluated with what the audited tree itself changes in them (a pull request can write it): ${parts.join('; ')}`,
  };
}
