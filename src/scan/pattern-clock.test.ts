/**
 * The CPU clock a pattern's budget reads (review of round 23: a CpuBudget per pattern per file of
 * 64 KB or more read /proc/thread-self/schedstat ~30 times per file). Counted in clock reads, never timed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Match } from '../types.js';

import { compilePatterns, runPatterns } from './patterns.js';
import { clockStats, WallBudget } from '../util/time-limit.js';

// Clock reads are counted by time-limit.ts itself (clockStats): no module is mocked, since test files
// share a worker's module cache (vitest.config.ts, isolate: false).
const reads = {
  get n() {
    return clockStats.reads - start;
  },
};
let start = clockStats.reads;

const big = `${'const x = 1;\n'.repeat(8000)}needle\n`.repeat(10);

beforeEach(() => {
  start = clockStats.reads;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pattern budgets on a large file', () => {
  it('thirty patterns that finish inside their budget read no CPU clock', () => {
    const compiled = compilePatterns(
      Array.from({ length: 30 }, (_, k) => ({
        key: `rule:p${k}`,
        regex: new RegExp(`needle|x${k}y`),
        files: ['**/*.ts'],
      })),
    ).flatMap((g) => g.patterns);
    const matches = new Map<string, Match[]>();
    const overruns = new Map();
    runPatterns('a.ts', big, compiled, matches, undefined, overruns);
    expect(big.length).toBeGreaterThan(64 * 1024);
    expect(matches.get('rule:p0')).toHaveLength(10);
    expect(overruns.size).toBe(0);
    expect(reads.n).toBe(0);
  });

  it('a run past its wall budget is not judged on it: it runs again from one CPU reading, its matches once', () => {
    // The clock jumps 300 ms per look for the first five looks, then stands still.
    let looks = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => Math.min(looks++, 5) * 300);
    const compiled = compilePatterns([{ key: 'rule:n', regex: /needle/, files: ['**/*.ts'] }]).flatMap(
      (g) => g.patterns,
    );
    const matches = new Map<string, Match[]>();
    const overruns = new Map();
    runPatterns('a.ts', big, compiled, matches, undefined, overruns);
    expect(looks).toBeGreaterThan(5);
    expect(matches.get('rule:n')?.map((m) => m.line)).toEqual(Array.from({ length: 10 }, (_, i) => 8001 * (i + 1)));
    expect(overruns.size).toBe(0);
    expect(reads.n).toBeLessThanOrEqual(1);
  });

  it('a wall budget is spent, unmeasured, only past its deadline', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const b = new WallBudget(100);
    now = 100;
    expect([b.spent(), b.unmeasured]).toEqual([false, false]);
    now = 101;
    expect([b.spent(), b.unmeasured]).toEqual([true, true]);
    expect(reads.n).toBe(0);
  });
});
