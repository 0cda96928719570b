import { describe, expect, it } from 'vitest';
import { gradeOf, overallScore, roadmap, scorePillar, type ScoredRuleInput } from './score.js';

const r = (
  id: string,
  weight: number,
  outcome: ScoredRuleInput['outcome'],
  score: number | null,
  extra: Partial<ScoredRuleInput> = {},
): ScoredRuleInput => ({
  id,
  weight,
  outcome,
  score,
  effort: 'low',
  suppressed: false,
  ...extra,
});

describe('scorePillar', () => {
  const table: [string, ScoredRuleInput[], number | null, Partial<Record<string, number>>][] = [
    ['all pass', [r('a', 5, 'pass', 1), r('b', 5, 'pass', 1)], 100, { assessed: 2 }],
    ['pass and fail weighted', [r('a', 3, 'pass', 1), r('b', 1, 'fail', 0)], 75, { assessed: 2 }],
    ['partial counts its score', [r('a', 4, 'partial', 0.5), r('b', 4, 'pass', 1)], 75, { assessed: 2 }],
    [
      'not-applicable carries no weight',
      [r('a', 5, 'pass', 1), r('b', 50, 'not-applicable', null)],
      100,
      { assessed: 1, notApplicable: 1 },
    ],
    [
      'error and unknown carry no weight',
      [r('a', 2, 'fail', 0), r('b', 9, 'error', null), r('c', 9, 'unknown', null)],
      0,
      { assessed: 1, error: 1, unknown: 1 },
    ],
    [
      'all not applicable is null, never 0 or 100',
      [r('a', 5, 'not-applicable', null), r('b', 5, 'not-applicable', null)],
      null,
      { assessed: 0, notApplicable: 2 },
    ],
    ['an empty pillar is null', [], null, { assessed: 0, total: 0 }],
    [
      'a suppressed failure leaves the score',
      [r('a', 5, 'pass', 1), r('b', 5, 'fail', 0, { suppressed: true })],
      100,
      { assessed: 1, suppressed: 1 },
    ],
    ['only errors is null', [r('a', 5, 'error', null)], null, { error: 1 }],
  ];
  for (const [name, rules, score, coverage] of table) {
    it(name, () => {
      const p = scorePillar('security', 1, rules);
      expect(p.score).toBe(score);
      expect(p.grade).toBe(gradeOf(score));
      expect(p.coverage).toMatchObject(coverage);
    });
  }

  it('reports points and max points per rule', () => {
    const p = scorePillar('quality', 1, [r('a', 4, 'partial', 0.25), r('b', 3, 'not-applicable', null)]);
    expect(p.rules).toEqual([
      { id: 'a', weight: 4, assessed: true, points: 1, maxPoints: 4 },
      { id: 'b', weight: 3, assessed: false, points: 0, maxPoints: 0 },
    ]);
  });
});

describe('grades and overall', () => {
  it('grades by the documented thresholds', () => {
    expect([90, 89, 75, 74, 60, 59, 40, 39, 0].map(gradeOf)).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']);
    expect(gradeOf(null)).toBeNull();
  });

  it('averages non-null pillars by pillar weight', () => {
    expect(
      overallScore([
        { score: 100, weight: 1 },
        { score: 40, weight: 2 },
        { score: null, weight: 5 },
      ]),
    ).toBe(60);
    expect(overallScore([{ score: null, weight: 1 }])).toBeNull();
  });
});

describe('roadmap', () => {
  it('ranks missing points by gain per effort', () => {
    const sec = scorePillar('security', 1, [
      r('security/big', 10, 'fail', 0, { effort: 'high' }),
      r('security/small', 4, 'fail', 0),
      r('security/ok', 6, 'pass', 1),
    ]);
    const ops = scorePillar('operations', 1, [r('operations/x', 5, 'partial', 0.5)]);
    const items = roadmap(
      [sec, ops],
      new Map([
        ['security/big', 'high'],
        ['security/small', 'low'],
        ['operations/x', 'medium'],
      ]),
    );
    expect(items.map((i) => i.rule)).toEqual(['operations/x', 'security/small', 'security/big']);
    expect(items[0]).toMatchObject({ pillar: 'operations', pillarGain: 50, gain: 25 });
    expect(items.find((i) => i.rule === 'security/big')).toMatchObject({ pillarGain: 50, gain: 25, effort: 'high' });
  });
});
