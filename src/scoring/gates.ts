/** Gates: the checks that decide exit code 1. Each failed check names what failed and why. */
import { SEVERITIES, type PillarId, type Severity } from '../types.js';
import type { GateCheck, Report } from '../report/schema.js';

export interface GateOptions {
  minScore?: number;
  minPillar?: Partial<Record<PillarId, number>>;
  failOn?: Severity;
  /** Fail when report.baseline records a pillar drop or a rule that passed and now fails. */
  failOnRegression?: boolean;
  /** With report.packages: fail when any package (default) or every package fails its gates. */
  packagesFailOn?: 'any' | 'all';
}

export function evaluateGates(report: Omit<Report, 'gates'>, options: GateOptions): Report['gates'] {
  const checks: GateCheck[] = [];
  if (options.minScore !== undefined) {
    const actual = report.summary.score;
    const passed = actual !== null && actual >= options.minScore;
    checks.push({
      kind: 'min-score',
      target: 'overall',
      expected: `>= ${options.minScore}`,
      actual: actual === null ? 'not assessed' : String(actual),
      passed,
      message: passed
        ? `overall score ${actual} meets the minimum of ${options.minScore}`
        : `overall score ${actual ?? 'not assessed'} is below the minimum of ${options.minScore}`,
    });
  }
  for (const [pillar, min] of Object.entries(options.minPillar ?? {})) {
    const p = report.pillars.find((x) => x.id === pillar);
    const actual = p?.score ?? null;
    // A pillar that was not assessed cannot prove it meets a minimum.
    const passed = actual !== null && actual >= min!;
    checks.push({
      kind: 'min-pillar',
      target: pillar,
      expected: `>= ${min}`,
      actual: actual === null ? 'not assessed' : String(actual),
      passed,
      message: passed
        ? `${p?.title ?? pillar} score ${actual} meets the minimum of ${min}`
        : `${p?.title ?? pillar} score ${actual ?? 'not assessed'} is below the minimum of ${min}`,
    });
  }
  if (options.failOn) {
    const limit = SEVERITIES.indexOf(options.failOn);
    const failed = report.pillars
      .flatMap((p) => p.rules)
      .filter((r) => r.outcome === 'fail' && !r.suppressed && SEVERITIES.indexOf(r.severity) <= limit);
    checks.push({
      kind: 'fail-on',
      target: options.failOn,
      expected: `no failed rule of severity ${options.failOn} or higher`,
      actual: failed.length === 0 ? 'none' : failed.map((r) => `${r.id} (${r.severity})`).join(', '),
      passed: failed.length === 0,
      message:
        failed.length === 0
          ? `no failed rule of severity ${options.failOn} or higher`
          : `${failed.length} failed rule${failed.length === 1 ? '' : 's'} of severity ${options.failOn} or higher: ${failed.map((r) => `${r.id} (${r.severity})`).join(', ')}`,
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
