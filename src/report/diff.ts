/**
 * Differences between two Reports: overall, per pillar and per rule. Pure and deterministic, so
 * `readiness diff`, the summary template and baseline gates all agree on what changed.
 */
import type { Report, RuleReport } from './schema.js';
import { ruleTitle } from './wording.js';

export type Change = 'improved' | 'regressed' | 'added' | 'removed' | 'changed';

export interface ScoreDelta {
  before: number | null;
  after: number | null;
  /** after − before; null when either side was not assessed. */
  delta: number | null;
  gradeBefore: string | null;
  gradeAfter: string | null;
}

export interface PillarDelta extends ScoreDelta {
  id: string;
  title: string;
}

export interface RuleDelta {
  id: string;
  pillar: string;
  title: string;
  change: Change;
  /** null when the rule is absent from that report. */
  before: RuleReport['outcome'] | null;
  after: RuleReport['outcome'] | null;
  pointsBefore: number | null;
  pointsAfter: number | null;
  maxPoints: number | null;
}

export interface ReportDiff {
  overall: ScoreDelta;
  pillars: PillarDelta[];
  /** Only rules whose outcome or points changed, sorted by rule id. */
  rules: RuleDelta[];
  counts: Record<Change, number>;
}

/** How good an outcome is, for "improved"/"regressed"; outcomes that say nothing are absent. */
const RANK: Partial<Record<RuleReport['outcome'], number>> = { fail: 0, partial: 1, pass: 2 };

function scoreDelta(
  before: number | null | undefined,
  after: number | null | undefined,
  gb: string | null | undefined,
  ga: string | null | undefined,
): ScoreDelta {
  const b = before ?? null;
  const a = after ?? null;
  return {
    before: b,
    after: a,
    delta: a !== null && b !== null ? a - b : null,
    gradeBefore: gb ?? null,
    gradeAfter: ga ?? null,
  };
}

function ruleChange(b: RuleReport | undefined, a: RuleReport | undefined): Change | null {
  if (!b) return 'added';
  if (!a) return 'removed';
  const ratio = (r: RuleReport) => (r.maxPoints > 0 ? r.points / r.maxPoints : null);
  const rb = RANK[b.outcome];
  const ra = RANK[a.outcome];
  if (rb !== undefined && ra !== undefined) {
    if (ra !== rb) return ra > rb ? 'improved' : 'regressed';
    const pb = ratio(b);
    const pa = ratio(a);
    if (pb !== null && pa !== null && Math.abs(pa - pb) > 1e-9) return pa > pb ? 'improved' : 'regressed';
    return null;
  }
  return a.outcome !== b.outcome ? 'changed' : null;
}

export function diffReports(before: Report, after: Report): ReportDiff {
  const pillarIds = [
    ...after.pillars.map((p) => p.id),
    ...before.pillars.map((p) => p.id).filter((id) => !after.pillars.some((p) => p.id === id)),
  ];
  const pillars = pillarIds.map((id) => {
    const b = before.pillars.find((p) => p.id === id);
    const a = after.pillars.find((p) => p.id === id);
    return { id, title: (a ?? b)!.title, ...scoreDelta(b?.score, a?.score, b?.grade, a?.grade) };
  });

  const rulesOf = (r: Report) => new Map(r.pillars.flatMap((p) => p.rules.map((x) => [x.id, x] as const)));
  const rb = rulesOf(before);
  const ra = rulesOf(after);
  const ids = [...new Set([...rb.keys(), ...ra.keys()])].sort();
  const rules: RuleDelta[] = [];
  const counts: Record<Change, number> = { improved: 0, regressed: 0, added: 0, removed: 0, changed: 0 };
  for (const id of ids) {
    const b = rb.get(id);
    const a = ra.get(id);
    const change = ruleChange(b, a);
    if (!change) continue;
    counts[change]++;
    const shown = a ?? b!;
    rules.push({
      id,
      pillar: id.split('/')[0] ?? '',
      title: ruleTitle(shown),
      change,
      before: b?.outcome ?? null,
      after: a?.outcome ?? null,
      pointsBefore: b ? b.points : null,
      pointsAfter: a ? a.points : null,
      maxPoints: a?.maxPoints ?? b?.maxPoints ?? null,
    });
  }
  return {
    overall: scoreDelta(before.summary.score, after.summary.score, before.summary.grade, after.summary.grade),
    pillars,
    rules,
    counts,
  };
}
