/** Baseline deltas (src/report/baseline.ts) on hand-made reports: the edge cases a history meets. */
import { describe, expect, it } from 'vitest';
import { compareToBaseline, type BaselineInput } from '../src/report/baseline.js';
import { evaluateGates } from '../src/scoring/gates.js';
import type { Report } from '../src/report/schema.js';

type R = { id: string; outcome: string; score: number | null; suppressed?: { reason: string } };
type P = { id: string; score: number | null; rules: R[] };

function report(pillars: P[], score: number | null): Report {
  return {
    repository: { commit: 'abc1234def' },
    summary: { score },
    pillars: pillars.map((p) => ({ ...p, title: p.id.toUpperCase() })),
    suppressed: [],
  } as unknown as Report;
}
const asBaseline = (r: Report) => ({ ...r, schemaVersion: 1 }) as unknown as BaselineInput;

describe('compareToBaseline', () => {
  const before = report(
    [
      {
        id: 'security',
        score: 80,
        rules: [
          { id: 'security/a', outcome: 'pass', score: 1 },
          { id: 'security/b', outcome: 'partial', score: 0.5 },
          { id: 'security/gone', outcome: 'pass', score: 1 },
        ],
      },
      { id: 'reliability', score: null, rules: [{ id: 'reliability/r', outcome: 'not-applicable', score: null }] },
      { id: 'operations', score: 50, rules: [{ id: 'operations/o', outcome: 'pass', score: 1 }] },
    ],
    65,
  );

  it('records pillar deltas, and a pillar that was not assessed has no delta and is no regression', () => {
    const after = report(
      [
        {
          id: 'security',
          score: 80,
          rules: [
            { id: 'security/a', outcome: 'pass', score: 1 },
            { id: 'security/b', outcome: 'partial', score: 0.5 },
            { id: 'security/gone', outcome: 'pass', score: 1 },
          ],
        },
        { id: 'reliability', score: 30, rules: [{ id: 'reliability/r', outcome: 'fail', score: 0 }] },
        { id: 'operations', score: null, rules: [{ id: 'operations/o', outcome: 'not-applicable', score: null }] },
      ],
      55,
    );
    const d = compareToBaseline(asBaseline(before), after, '/abs/path/base.json');
    expect(d.file).toBe('base.json');
    expect(d.commit).toBe('abc1234def');
    expect(d.overall).toEqual({ before: 65, after: 55, delta: -10 });
    expect(d.pillars).toEqual([
      { id: 'security', before: 80, after: 80, delta: 0 },
      { id: 'reliability', before: null, after: 30, delta: null },
      { id: 'operations', before: 50, after: null, delta: null },
    ]);
    expect(d.regressions).toEqual({ pillars: [], rules: [] });
    expect(d.rules).toEqual([
      {
        id: 'operations/o',
        before: 'pass',
        after: 'not-applicable',
        beforeScore: 1,
        afterScore: null,
        change: 'changed',
      },
      {
        id: 'reliability/r',
        before: 'not-applicable',
        after: 'fail',
        beforeScore: null,
        afterScore: 0,
        change: 'changed',
      },
    ]);
  });

  it('added, removed and suppressed rules; a rule that is suppressed now is not a regression', () => {
    const after = report(
      [
        {
          id: 'security',
          score: 60,
          rules: [
            { id: 'security/a', outcome: 'fail', score: 0, suppressed: { reason: 'accepted' } },
            { id: 'security/b', outcome: 'fail', score: 0 },
            { id: 'security/new', outcome: 'pass', score: 1 },
          ],
        },
        { id: 'reliability', score: null, rules: [{ id: 'reliability/r', outcome: 'not-applicable', score: null }] },
        { id: 'operations', score: 50, rules: [{ id: 'operations/o', outcome: 'pass', score: 1 }] },
      ],
      55,
    );
    const d = compareToBaseline(asBaseline(before), after, 'b.json');
    expect(d.rules).toEqual([
      { id: 'security/a', before: 'pass', after: 'suppressed', beforeScore: 1, afterScore: null, change: 'changed' },
      { id: 'security/b', before: 'partial', after: 'fail', beforeScore: 0.5, afterScore: 0, change: 'regressed' },
      { id: 'security/gone', before: 'pass', after: null, beforeScore: 1, afterScore: null, change: 'removed' },
      { id: 'security/new', before: null, after: 'pass', beforeScore: null, afterScore: 1, change: 'added' },
    ]);
    // The pillar dropped; no rule went from pass to fail.
    expect(d.regressions).toEqual({ pillars: ['security'], rules: [] });
    const gates = evaluateGates({ ...after, baseline: d } as Report, { failOnRegression: true });
    expect(gates.passed).toBe(false);
    expect(gates.checks[0]!.message).toBe('regression since the baseline b.json: SECURITY dropped from 80 to 60');
    // Without the flag the deltas are informational.
    expect(evaluateGates({ ...after, baseline: d } as Report, {}).checks).toEqual([]);
  });
});
