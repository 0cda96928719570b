import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Match } from '../types.js';
import {
  compilePatterns,
  EndMatches,
  GuardedQueue,
  NO_GROUPS,
  runPatterns,
  type MatchList,
  type Overrun,
  type ScanPattern,
} from './patterns.js';

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

describe('the line and snippet of a match', () => {
  // The first match of a file counts newlines; later ones use a table of line starts: both agree with a split.
  const texts = [
    '',
    '\n',
    '\n\nx',
    'x',
    'x\n',
    'a\nb\r\nneedle c\n\nneedle\n',
    'needle\n\n  needle  \nlast',
    '\nneedle',
  ];
  const expected = (text: string, at: number) => {
    const before = text.slice(0, at).split('\n');
    const line = text.split('\n')[before.length - 1]!;
    return `${before.length}:${line.replace(/\r$/, '').trim()}`;
  };
  it.each(texts)('are those of a split of the text, for the first match and later ones (%j)', (text) => {
    const specs: ScanPattern[] = [
      { key: 'r:end', regex: /$/, files: ['**/*'], maxPerFile: 1, comments: true },
      { key: 'r:needle', regex: /needle/, files: ['**/*'], comments: true },
      { key: 'r:start', regex: /^/, files: ['**/*'], maxPerFile: 1, comments: true },
    ];
    // Each pattern in turn is the one that meets the file first.
    for (const order of [specs, [specs[1]!, specs[2]!, specs[0]!], [specs[2]!, specs[0]!, specs[1]!]]) {
      const compiled = compilePatterns(order, { kind: 'plain' }).flatMap((g) => g.patterns);
      const matches = new Map<string, Match[]>();
      runPatterns('f.txt', text, compiled, matches);
      const got = (key: string) => matches.get(key)!.map((m) => `${m.line}:${m.snippet}`);
      expect(got('r:end')).toEqual([expected(text, text.length)]);
      expect(got('r:start')).toEqual([expected(text, 0)]);
      const at = [...text.matchAll(/needle/g)].map((m) => m.index);
      expect(got('r:needle')).toEqual(at.map((i) => expected(text, i)));
    }
  });
});

describe('the matches of a pattern that matches only at the end of the text, kept as columns', () => {
  it('are the Match objects a list gets, in the same order, past the columns first size', () => {
    const specs: ScanPattern[] = [
      { key: 'r:end', regex: /$/, files: ['**/*'], maxPerFile: 1, comments: true },
      { key: 'r:needle', regex: /needle/, files: ['**/*'] },
    ];
    const compiled = compilePatterns(specs, { kind: 'plain' }).flatMap((g) => g.patterns);
    expect(compiled.find((c) => c.key === 'r:end')!.endOnly).toBe(true);
    const texts = [
      '',
      '\n',
      'x',
      'x\n',
      'a\r\nneedle\r\n',
      'one\ntwo',
      '  last line  ',
      `${'y'.repeat(300)}\n${'z'.repeat(300)}`,
    ];
    const listed = new Map<string, MatchList>();
    const columns = new Map<string, MatchList>([['r:end', new EndMatches()]]);
    for (let i = 0; i < 600; i++) {
      const text = texts[i % texts.length]!;
      runPatterns(`d/${i}.ts`, text, compiled, listed);
      runPatterns(`d/${i}.ts`, text, compiled, columns);
    }
    const kept = columns.get('r:end')!;
    expect(kept).toBeInstanceOf(EndMatches);
    expect(kept.length).toBe(600);
    const made = (kept as EndMatches).toMatches();
    expect(made).toEqual(listed.get('r:end'));
    expect(made.every((m) => m.groups === NO_GROUPS)).toBe(true);
    expect(made.map((m) => m.snippet).filter(Boolean)).toContain(`${'z'.repeat(159)}…`);
    // Other patterns keep their lists.
    expect(columns.get('r:needle')).toEqual(listed.get('r:needle'));
  });
});

describe('the regex of the alternatives a file can match', () => {
  // Keyed by a bit mask up to 30 alternatives and by a string beyond: both give what the whole regex gives.
  const words = (n: number) => Array.from({ length: n }, (_, i) => `(word${String.fromCharCode(97 + (i % 26))}${i})`);
  const texts = [
    'worda0 wordb1 nothing',
    'wordd3 then wordc2\nand worda0',
    'nothing here',
    `${words(40)
      .filter((_, i) => i % 3 === 0)
      .map((w) => w.slice(1, -1))
      .join('\n')}\n`,
  ];
  for (const n of [3, 30, 31, 40]) {
    it(`${n} alternatives`, () => {
      const regex = new RegExp(words(n).join('|'));
      const compiled = compilePatterns([{ key: 'r:w', regex, files: ['**/*'] }]).flatMap((g) => g.patterns);
      expect(compiled[0]!.alts).toHaveLength(n);
      for (const text of texts) {
        const matches = new Map<string, MatchList>();
        runPatterns('a.txt', text, compiled, matches);
        const whole = [...text.matchAll(new RegExp(regex.source, 'g'))].map((m) => m.slice(1).join(','));
        expect((matches.get('r:w') as Match[] | undefined)?.map((m) => m.groups.join(',')) ?? []).toEqual(whole);
      }
    });
  }
});

describe('a regex that stays on one line runs from the first line where its alternatives can match', () => {
  const run = (regex: RegExp, text: string, mode?: { kind: 'plain' }) => {
    const compiled = compilePatterns([{ key: 'r:x', regex, files: ['**/*'], comments: true }], mode).flatMap(
      (g) => g.patterns,
    );
    const matches = new Map<string, MatchList>();
    runPatterns('a.txt', text, compiled, matches);
    return { compiled: compiled[0]!, found: (matches.get('r:x') as Match[] | undefined) ?? [] };
  };

  it('finds what the whole text gives, where lookbehinds, line anchors and word edges look before that line', () => {
    const text = 'isX\nx isRoleA\n\n  isStaffRole isOwner\nrole\n';
    for (const regex of [
      /\bis(?=[_A-Z])\w*?(?:Role|Staff|Owner)\w*/,
      /(?<=^ {2})isStaff\w*/m,
      /^role$/m,
      /^ {2}is\w+/m,
    ]) {
      const { compiled, found } = run(regex, text);
      expect(compiled.oneLine, regex.source).toBe(true);
      expect(found).toEqual(run(regex, text, { kind: 'plain' }).found);
      expect(found.length, regex.source).toBeGreaterThan(0);
    }
  });

  it('runs from the text start when the regex can cross a line: a match that starts lines above its needed string', () => {
    const { compiled, found } = run(/isAdmin\s*\(\s*roleCheck/, 'x\nisAdmin(\n  roleCheck)\n');
    expect(compiled.oneLine).toBeUndefined();
    expect(found.map((m) => m.line)).toEqual([2]);
  });

  it('finds the same matches as the plain scan, on random one-line regexes and texts of many lines', () => {
    const pieces = ['ab', 'abc', 'ca', 'b', '[ab]', '\\w', '\\d', '.', '\\b', '^', '$', '(?<=a)', '(?<!b)', '[^\\n]'];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '+', '?')),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(fc.constantFrom('a', 'b', 'c', 'ab', 'abc', 'ca', '1', ' ', '\n', '\n\n'), { maxLength: 40 }),
        fc.boolean(),
        (alts, parts, multiline) => {
          const source = alts.map(([ps, q]) => `(?:${ps.join('')})${q}`).join('|');
          const regex = new RegExp(source, multiline ? 'm' : '');
          const text = parts.join('');
          return JSON.stringify(run(regex, text).found) === JSON.stringify(run(regex, text, { kind: 'plain' }).found);
        },
      ),
      { numRuns: 1500, seed: 37 },
    );
  });
});
