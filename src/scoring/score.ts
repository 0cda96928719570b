/**
 * Scoring (DESIGN §4), pure: results and weights in, scores out. Not-applicable, unknown, error
 * and suppressed results carry weight 0; a pillar with nothing assessed is null, never 0 or 100.
 */
import type { Effort, Outcome, PillarId } from '../types.js';

export interface ScoredRuleInput {
  id: string;
  weight: number;
  outcome: Outcome;
  /** 0..1 for pass/partial/fail. */
  score: number | null;
  effort: Effort;
  suppressed: boolean;
}

export interface ScoredRule {
  id: string;
  weight: number;
  assessed: boolean;
  points: number;
  maxPoints: number;
}

export interface PillarScore {
  id: PillarId;
  weight: number;
  score: number | null;
  grade: Grade | null;
  coverage: Coverage;
  rules: ScoredRule[];
  /** Σ weight of assessed rules. */
  assessedWeight: number;
}

export interface Coverage {
  assessed: number;
  total: number;
  notApplicable: number;
  unknown: number;
  error: number;
  suppressed: number;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export function gradeOf(score: number | null): Grade | null {
  if (score === null) return null;
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  if (score >= 40) return 'D';
  return 'F';
}

export function isAssessed(r: Pick<ScoredRuleInput, 'outcome' | 'suppressed'>): boolean {
  return !r.suppressed && (r.outcome === 'pass' || r.outcome === 'partial' || r.outcome === 'fail');
}

/** 2 decimals: keeps JSON stable and readable. */
const round2 = (n: number) => Math.round(n * 100) / 100;

export function scorePillar(id: PillarId, weight: number, rules: ScoredRuleInput[]): PillarScore {
  const scored: ScoredRule[] = rules.map((r) => {
    const assessed = isAssessed(r);
    return {
      id: r.id,
      weight: r.weight,
      assessed,
      points: assessed ? round2(r.weight * (r.score ?? 0)) : 0,
      maxPoints: assessed ? r.weight : 0,
    };
  });
  const assessedWeight = scored.reduce((s, r) => s + r.maxPoints, 0);
  const points = scored.reduce((s, r) => s + r.points, 0);
  const score = assessedWeight > 0 ? Math.round((100 * points) / assessedWeight) : null;
  const count = (o: Outcome) => rules.filter((r) => !r.suppressed && r.outcome === o).length;
  return {
    id,
    weight,
    score,
    grade: gradeOf(score),
    assessedWeight,
    rules: scored,
    coverage: {
      assessed: scored.filter((r) => r.assessed && r.weight > 0).length,
      total: rules.length,
      notApplicable: count('not-applicable'),
      unknown: count('unknown'),
      error: count('error'),
      suppressed: rules.filter((r) => r.suppressed).length,
    },
  };
}

/** Mean of the non-null pillar scores, weighted by pillar weight. */
export function overallScore(pillars: Pick<PillarScore, 'score' | 'weight'>[]): number | null {
  const scored = pillars.filter((p) => p.score !== null && p.weight > 0);
  const w = scored.reduce((s, p) => s + p.weight, 0);
  if (w === 0) return null;
  return Math.round(scored.reduce((s, p) => s + p.score! * p.weight, 0) / w);
}

export interface RoadmapItem {
  rule: string;
  pillar: PillarId;
  /** Pillar score points a full fix would add. */
  pillarGain: number;
  /** Overall score points a full fix would add. */
  gain: number;
  effort: Effort;
}

const EFFORT_COST: Record<Effort, number> = { low: 1, medium: 2, high: 3 };

/** Missing points ranked by overall gain ÷ effort, then by gain, then by id. */
export function roadmap(pillars: PillarScore[], efforts: Map<string, Effort>): RoadmapItem[] {
  const totalWeight = pillars.filter((p) => p.score !== null && p.weight > 0).reduce((s, p) => s + p.weight, 0);
  const items: RoadmapItem[] = [];
  for (const p of pillars) {
    if (p.score === null || p.assessedWeight === 0) continue;
    for (const r of p.rules) {
      const missing = r.maxPoints - r.points;
      if (!r.assessed || missing <= 0) continue;
      const pillarGain = round2((100 * missing) / p.assessedWeight);
      const gain = totalWeight > 0 ? round2((pillarGain * p.weight) / totalWeight) : 0;
      items.push({ rule: r.id, pillar: p.id, pillarGain, gain, effort: efforts.get(r.id) ?? 'medium' });
    }
  }
  return items.sort(
    (a, b) =>
      b.gain / EFFORT_COST[b.effort] - a.gain / EFFORT_COST[a.effort] || b.gain - a.gain || (a.rule < b.rule ? -1 : 1),
  );
}
