import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from './required.js';

// The property the scanner relies on: a match always contains one of the literals.
function holds(re: RegExp, text: string, literals: string[]): boolean {
  const g = new RegExp(re.source, `${re.flags.replace('g', '')}g`);
  const ci = re.flags.includes('i');
  for (const m of text.matchAll(g)) {
    const s = ci ? m[0].toLowerCase() : m[0];
    if (!literals.some((l) => s.includes(l))) return false;
  }
  return true;
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

  it('claims nothing it cannot be sure of', () => {
    for (const re of [/\w+/, /a*/, /(ab)?c/, /[a-z]{3}/, /x|\d/, /(a)\1/, /a{2}b/u, /.{3}/, /ab/])
      expect(requiredLiterals(re), String(re)).toBeUndefined();
    expect(requiredLiterals(/[^abc]def/)).toEqual(['def']);
    // Braces that are not a quantifier are read by JavaScript as literal text: not read here.
    expect(requiredLiterals(/a{x}bcd/)).toBeUndefined();
  });

  it('never misses a match, on random regexes and texts', () => {
    let claimed = 0;
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
      { numRuns: 3000 },
    );
    expect(claimed).toBeGreaterThan(100); // not vacuous: many random regexes do get literals
  });
});
