import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternativesOf, requiredLiterals, someAlternatives, staysOnLine } from './required.js';

// The property the scanner relies on: a text the regex matches in holds one of the literals. Without
// a positive lookaround, each match holds one itself; with one, the literal may be where it looks.
function holds(re: RegExp, text: string, literals: string[]): boolean {
  const g = new RegExp(re.source, `${re.flags.replace('g', '')}g`);
  const ci = re.flags.includes('i');
  const has = (s: string) => literals.some((l) => (ci ? s.toLowerCase() : s).includes(l));
  if (/\(\?<?=/.test(re.source)) return text.match(g) === null || has(text);
  for (const m of text.matchAll(g)) if (!has(m[0])) return false;
  return true;
}

/** Random regex sources over a small alphabet: sequences, classes, quantifiers, groups, lookarounds, alternations. */
function randomRegex(): fc.Memo<string> {
  const piece = fc
    .tuple(
      fc.constantFrom(
        'a',
        'b',
        'c',
        'A',
        '-',
        '\\.',
        '.',
        '\\w',
        '\\d',
        '[ab]',
        '[^a]',
        '[a-c]',
        'abc',
        'bca',
        'cab',
        'aab',
      ),
      fc.constantFrom('', '', '', '*', '+', '?', '{2}', '{1,3}', '{0,2}', '+?'),
    )
    .map(([a, q]) => a + q);
  const assertion = fc.constantFrom('\\b', '^', '$');
  const regex: fc.Memo<string> = fc.memo((n) => {
    const term: fc.Arbitrary<string> =
      n <= 1
        ? fc.oneof(piece, piece, assertion)
        : fc.oneof(
            piece,
            assertion,
            fc
              .tuple(
                regex(n - 1),
                fc.constantFrom('(', '(?:', '(?=', '(?!', '(?<='),
                fc.constantFrom('', '', '+', '?', '{2}'),
              )
              .map(([r, open, q]) => `${open}${r})${open.startsWith('(?') && open !== '(?:' ? '' : q}`),
          );
    const seq = fc.array(term, { minLength: 1, maxLength: 4 }).map((ts) => ts.join(''));
    return n <= 1
      ? seq
      : fc.oneof(
          seq,
          fc.tuple(seq, regex(n - 1)).map(([a, b]) => `${a}|${b}`),
        );
  });
  return regex;
}

describe('requiredLiterals', () => {
  it('finds the literals of alternatives, sequences and small classes', () => {
    // Cut to their first ten characters: any part of a required string is required too.
    expect(requiredLiterals(/\b(MapHealthChecks|AddHealthChecks)\b/)).toEqual(['MapHealthC', 'AddHealthC']);
    expect(requiredLiterals(/["']health["']/)?.sort()).toEqual(
      ['"health"', '"health\'', '\'health"', "'health'"].sort(),
    );
    expect(requiredLiterals(/(?:^|\s)--timeout=\d+/)).toEqual(['--timeout=']);
    expect(requiredLiterals(/Sentry\.(?:init|conf)\(/)).toEqual(['Sentry.ini', 'Sentry.con']);
    expect(requiredLiterals(/Spring\.Dat/i)).toEqual(['spring.dat']);
    expect(requiredLiterals(/(?<=kind: )Deployment/)).toEqual(['Deployment']);
  });

  it('takes what a positive lookaround needs beside the match, never a negative one', () => {
    // A retry loop's bound named for retries: a file without `retr` or `Retr` has none.
    expect(requiredLiterals(/\bfor\s+(?=\w*?[Rr]etr)\w+/)?.sort()).toEqual(['Retr', 'retr']);
    expect(requiredLiterals(/(?<=kind: )\w+/)).toEqual(['kind: ']);
    expect(requiredLiterals(/(?!Deployment)\w+/)).toBeUndefined();
    expect(requiredLiterals(/(?<!kind: )\w+/)).toBeUndefined();
    expect(requiredLiterals(/(?:(?=Deployment)\w+)?x/)).toBeUndefined();
  });

  it('claims nothing it cannot be sure of', () => {
    for (const re of [/\w+/, /a*/, /(ab)?c/, /[a-z]{3}/, /x|\d/, /(a)\1/, /a{2}b/u, /.{3}/, /ab/])
      expect(requiredLiterals(re), String(re)).toBeUndefined();
    expect(requiredLiterals(/[^abc]def/)).toEqual(['def']);
    // Braces that are not a quantifier are read by JavaScript as literal text: not read here.
    expect(requiredLiterals(/a{x}bcd/)).toBeUndefined();
  });

  it('never misses a match, on random regexes and texts', () => {
    let claimed = 0;
    const regex = randomRegex();
    fc.assert(
      fc.property(
        regex(3),
        fc.boolean(),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', '-', '.', ' ', '1') }), { maxLength: 4 }),
        (src, ci, texts) => {
          let re: RegExp;
          try {
            re = new RegExp(src, ci ? 'i' : '');
          } catch {
            return true;
          }
          const lits = requiredLiterals(re);
          if (lits) claimed++;
          return !lits || texts.every((t) => holds(re, `${t}abcaab${t}bca${t}`, lits));
        },
      ),
      // A fixed seed: a random regex with nested quantifiers can backtrack for minutes on an unlucky draw, and
      // a suite must not hang on the day's random numbers (a run of 2026-12-06 sat in this test for 9 minutes).
      { numRuns: 3000, seed: 20261206 },
    );
    expect(claimed).toBeGreaterThan(100); // not vacuous: many random regexes do get literals
  });
});

/** Every match of a global regex over a text: where, what, and its groups. */
function matchesOf(re: RegExp, text: string, groupAt?: number[], total = 0): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let n = 0; n < 50 && (m = re.exec(text)) !== null; n++) {
    if (m[0].length === 0) re.lastIndex++;
    let groups: (string | undefined)[] = m.slice(1);
    if (groupAt) {
      const whole: (string | undefined)[] = new Array(total).fill(undefined);
      groupAt.forEach((to, from) => (whole[to] = groups[from]));
      groups = whole;
    }
    out.push(JSON.stringify([m.index, m[0], groups]));
  }
  return out;
}

describe('alternativesOf', () => {
  it('splits the top level only, counts capture groups and needs every clause of an alternative', () => {
    const alts = alternativesOf(
      /\.(?:incr|INCR)\s*\(|\b\w*(?:[Cc]ount|[Hh]its)\w*\s*(?:\+=|-=)\s*\d|(a)(?<n>b)(?:c)(?=d)/,
    )!;
    expect(alts.map((a) => a.source)).toEqual([
      '\\.(?:incr|INCR)\\s*\\(',
      '\\b\\w*(?:[Cc]ount|[Hh]its)\\w*\\s*(?:\\+=|-=)\\s*\\d',
      '(a)(?<n>b)(?:c)(?=d)',
    ]);
    expect(alts.map((a) => a.groups)).toEqual([0, 0, 2]);
    // A counter needs one of its words and one of the operators: a file without `+=` skips it.
    expect(alts[1]!.clauses.map((c) => [...c].sort())).toEqual([
      ['Count', 'Hits', 'count', 'hits'],
      ['+=', '-='],
    ]);
    // What a lookahead needs is needed too, beside the match.
    expect(alternativesOf(/\bwhile\s*(?=\w*?[Aa]ttempts)\w+|x/)![0]!.clauses.map((c) => [...c].sort())).toEqual([
      ['Attempts', 'attempts'],
      ['while'],
    ]);
    expect(alternativesOf(/(a)\1|b/)).toBeUndefined();
  });

  it('keeps a named back-reference with its own group: that alternative goes whole, or not at all', () => {
    // A signal list handled in a loop (graceful-shutdown): the name refers to its own alternative's group.
    const loop =
      /\bprocess\.once\(\s*['"]SIGTERM['"]|\[[^[\]]{0,50}?['"]SIGTERM['"][^[\]]{0,50}\]\.forEach\(\(?(?<each>\w+)\)?\s*=>\s*process\.on\(\k<each>\b|\bcloseWithGrace\(/g;
    const alts = alternativesOf(loop)!;
    expect(alts.map((a) => a.groups)).toEqual([0, 1, 0]);
    expect(alts[2]!.clauses).toEqual([['closeWithGrace(']]);
    // A text with only the loop: the regex of that alternative alone finds what the whole finds, group in place.
    const text = `const sigs = ['SIGINT', 'SIGTERM'];\n['SIGINT', 'SIGTERM'].forEach((s) => process.on(s, stop));`;
    const alive = alts.map((a) => a.clauses.every((c) => c.some((l) => text.includes(l))));
    expect(alive).toEqual([false, true, false]);
    const some = someAlternatives(alts, alive, loop.flags);
    expect(matchesOf(some.regex, text, some.groupAt, 1)).toEqual(matchesOf(loop, text));
    expect(matchesOf(loop, text)).toHaveLength(1);
    // A name defined in another alternative (or nowhere: without named groups `\k<x>` is plain text) keeps the regex whole.
    expect(alternativesOf(/(?<q>['"])x|y\k<q>/)).toBeUndefined();
    const nameless = String.raw`ab\k<x>|cd`; // a literal here would not compile under TypeScript's regex check
    expect(alternativesOf(new RegExp(nameless))).toBeUndefined();
  });

  it('the regex of the alternatives a text satisfies finds exactly what the whole regex finds, groups in place', () => {
    let pruned = 0;
    fc.assert(
      fc.property(
        randomRegex()(3),
        fc.boolean(),
        // Short texts: a random regex can backtrack exponentially, and this checks matches, not time.
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', '-', '.', ' ', '1'), maxLength: 6 }), {
          maxLength: 4,
        }),
        (src, ci, parts) => {
          let re: RegExp;
          try {
            re = new RegExp(src, ci ? 'gi' : 'g');
          } catch {
            return true;
          }
          const alts = alternativesOf(re);
          if (!alts) return true;
          const text = parts.join('abc');
          const hay = ci ? text.toLowerCase() : text;
          const alive = alts.map((a) => a.clauses.every((c) => c.some((l) => hay.includes(l))));
          const whole = matchesOf(re, text);
          if (!alive.some(Boolean)) return whole.length === 0;
          if (alive.every(Boolean)) return true;
          pruned++;
          const total = alts.reduce((n, a) => n + a.groups, 0);
          const some = someAlternatives(alts, alive, re.flags);
          return JSON.stringify(matchesOf(some.regex, text, some.groupAt, total)) === JSON.stringify(whole);
        },
      ),
      { numRuns: 3000, seed: 20261205 },
    );
    expect(pruned).toBeGreaterThan(100); // not vacuous: many texts leave some alternatives out
  });
});

describe('staysOnLine', () => {
  it('is true only where nothing can match a newline', () => {
    for (const source of [
      String.raw`\bis(?=[_A-Z])\w*?[Rr]ole\w*`,
      String.raw`def[ \t]+\([^)\n]{0,80}\)`,
      String.raw`^[ \t]*from[ \t]+x$`,
      'a.b',
      String.raw`[^\s"]+`,
      '[ -~]',
      String.raw`(?<![\w.])x\k<n>`,
    ])
      expect(staysOnLine(source, 'gm'), source).toBe(true);
    for (const [source, flags] of <[string, string][]>[
      [String.raw`a\s*b`, 'g'],
      [String.raw`a\Wb`, 'g'],
      [String.raw`a\Db`, 'g'],
      [String.raw`[\s\S]`, 'g'],
      ['[^)]', 'g'],
      [String.raw`[^\\n]`, 'g'],
      [String.raw`a\nb`, 'g'],
      [String.raw`[\n]`, 'g'],
      [String.raw`\x0a`, 'g'],
      [String.raw`\u000a`, 'g'],
      [String.raw`\cJ`, 'g'],
      [String.raw`\012`, 'g'],
      [String.raw`[\x00-\x7f]`, 'g'],
      [String.raw`[\t-\r]`, 'g'],
      ['a\nb', 'g'],
      ['(?=[^a])b', 'g'],
      ['a.b', 'gs'],
      ['a', 'gu'],
    ])
      expect(staysOnLine(source, flags), source).toBe(false);
  });

  it('never says so of a regex that matches a newline, on random regexes', () => {
    const texts = ['a\nb', 'ab\n\nba', 'aab\nabc\n', '\n', 'a-\n.c'];
    fc.assert(
      fc.property(randomRegex()(3), (source) => {
        let re: RegExp;
        try {
          re = new RegExp(source, 'g');
        } catch {
          return true;
        }
        if (!staysOnLine(source, 'g')) return true;
        return texts.every((t) => [...t.matchAll(re)].every((m) => !m[0].includes('\n')));
      }),
      { numRuns: 400, seed: 17 },
    );
  });
});
