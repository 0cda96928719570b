import { describe, expect, it } from 'vitest';
import { LiteralSet } from './literals.js';
import { compilePatterns, runPatterns } from './patterns.js';

// The automaton must answer exactly what the per-literal `includes` check answered.
function naive(text: string, literal: string, ignoreCase: boolean): boolean {
  return ignoreCase ? text.toLowerCase().includes(literal.toLowerCase()) : text.includes(literal);
}

describe('LiteralSet', () => {
  const literals: [string, boolean][] = [
    ['process.env', false],
    ['Env', false],
    ['env', false],
    ['request_id', true],
    ['REQUEST', false],
    ['${', false],
    ['*', false],
    ['{{', false],
    ['he', false],
    ['she', false],
    ['hers', true],
    ['kelvin', true],
    ['café', true],
    ['Straße', false],
    ['i', true],
  ];
  const set = new LiteralSet();
  const ids = literals.map(([l, i]) => set.add(l, i));
  set.build();

  it('agrees with includes on overlapping, case-varied and non-ASCII texts', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = [
      'p',
      'r',
      'o',
      'c',
      'e',
      's',
      '.',
      'n',
      'v',
      'E',
      'N',
      'V',
      'R',
      'Q',
      'U',
      'S',
      'T',
      'q',
      'u',
      't',
      '_',
      'i',
      'd',
      'I',
      'D',
      '$',
      '{',
      '*',
      'h',
      'H',
      'K',
      '\u212a',
      '\u0130',
      'l',
      'L',
      'a',
      'f',
      'é',
      'É',
      'ß',
      'ü',
      ' ',
      '\n',
    ];
    const fixed = [
      'process.env.X',
      'PROCESS.ENV',
      'x-Request_ID',
      'REQUEST',
      'ushers',
      'HERS',
      '\u212aelvin',
      'CAFÉ',
      'straße',
      'STRASSE',
      '\u0130',
      'nothing',
      // A folded hit first, the exact one later (overlapping, then apart), and folded hits only.
      'PROCESS.ENV.Xprocess.env.X',
      'x-request_id, x-REQUEST_ID and x-Request_ID',
      'Process.Env.X process.ENV.x',
    ];
    const texts = [
      ...fixed,
      ...Array.from({ length: 3000 }, () =>
        Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(
          '',
        ),
      ),
    ];
    for (const text of texts) {
      const found = set.scan(text);
      literals.forEach(([l, i], k) => {
        expect(
          set.present(found, ids[k]!, text, () => text.toLowerCase()),
          `${JSON.stringify(l)} in ${JSON.stringify(text)}`,
        ).toBe(naive(text, l, i));
      });
    }
  });

  it('skips a regex whose literals are absent and runs it when one is present', () => {
    const groups = compilePatterns([
      { key: 'r:env', regex: /process\.env\.(\w+)/, files: ['**/*'], literals: ['process.env'] },
      { key: 'r:ci', regex: /request_?id/i, files: ['**/*'], literals: ['request_id', 'requestid'], ignoreCase: true },
      { key: 'r:lines', regex: /$/, files: ['**/*'], maxPerFile: 1 },
    ]);
    const matches = new Map<string, { line: number; snippet: string }[]>([
      ['r:env', []],
      ['r:ci', []],
      ['r:lines', []],
    ]);
    const searched = new Map<string, number>();
    runPatterns(
      'a.js',
      'const a = 1;\nconst x = process.env.PORT;\nlog(RequestId)\n',
      groups[0]!.patterns,
      matches as never,
      searched,
    );
    runPatterns('b.js', 'nothing here\n', groups[0]!.patterns, matches as never, searched);
    expect(matches.get('r:env')!.map((m) => m.line)).toEqual([2]);
    expect(matches.get('r:ci')!.map((m) => m.snippet)).toEqual(['log(RequestId)']);
    // `/$/` counts lines: it matches at the very end (line 4 of a.js, after the final newline).
    expect(matches.get('r:lines')!.map((m) => m.line)).toEqual([4, 2]);
    expect(searched.get('r:env')).toBe(2);
  });
});
