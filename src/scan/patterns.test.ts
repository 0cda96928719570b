import { describe, expect, it } from 'vitest';
import type { Match } from '../types.js';
import { compilePatterns, GuardedQueue, runPatterns, type Overrun, type ScanPattern } from './patterns.js';

const patterns: ScanPattern[] = [
  // From configuration: run under a hard limit, and catastrophic on a run of `a`s without an end.
  { key: 'custom:evil', regex: /^(a+)+$/m, files: ['**/*.txt'], guarded: true },
  { key: 'custom:word', regex: /needle/, files: ['**/*.txt'], guarded: true },
  { key: 'rule:plain', regex: /needle/, files: ['**/*.txt'] },
];
const files: [string, string][] = [
  ['a.txt', 'needle\naaaa\n'],
  ['b.txt', `${'a'.repeat(40)}!\nneedle\n`],
  ['c.txt', 'aaa\nneedle needle\n'],
];

function scan(queue: boolean): { matches: Record<string, string[]>; overruns: [string, Overrun][] } {
  const compiled = compilePatterns(patterns).flatMap((g) => g.patterns);
  const matches = new Map<string, Match[]>();
  const overruns = new Map<string, Overrun>();
  const q = queue ? new GuardedQueue(overruns) : undefined;
  for (const [path, text] of files) runPatterns(path, text, compiled, matches, undefined, overruns, q);
  q?.flush();
  return {
    matches: Object.fromEntries([...matches].map(([k, l]) => [k, l.map((m) => `${m.path}:${m.line}`)])),
    overruns: [...overruns],
  };
}

describe('guarded patterns of several files under one watchdog', () => {
  it('stop the runaway pattern on its file and on no later one; the others find what they find one file at a time', () => {
    const alone = scan(false);
    expect(alone.overruns).toEqual([['custom:evil', { path: 'b.txt', budgetMs: 1000 }]]);
    expect(alone.matches['custom:evil']).toEqual(['a.txt:2']);
    expect(alone.matches['custom:word']).toEqual(['a.txt:1', 'b.txt:2', 'c.txt:2', 'c.txt:2']);
    expect(scan(true)).toEqual(alone);
  });
});
