/**
 * C# test-data sources written to be slow (trust review, mend44): each `[MemberData(nameof(X))]` /
 * `[TestCaseSource(nameof(X))]` looked its member up with a pattern over the whole file and read its
 * body again (to the end of the file when unclosed, the enclosing ones when nested), and each
 * initializer's list was read in full with every list nested in it (5,000 unclosed sources took
 * 4.7 s, 20,000 over 20 s; 2,000 nested initializers 6.2 s). Asserted on the counts, never timed.
 */
import { describe, expect, it } from 'vitest';
import { countCSharp } from './annotated.js';
import { literalSize } from './mask.js';

const fixture = (body: string) => `using NUnit.Framework;\npublic class RowsTests {\n${body}\n}\n`;
const uses = (n: number, attr: string) =>
  Array.from({ length: n }, (_, i) => `  [${attr}(nameof(S${i}))]\n  public void A${i}(int a) {}\n`).join('');

describe('hostile C# data sources', () => {
  it('a source of three rows reads as three cases beside 20,000 unclosed sources', () => {
    const n = 20_000;
    const plain =
      '  [TestCaseSource(nameof(Rows))]\n  public void WithRows(int a) {}\n  static object[] Rows = { 1, 2, 3 };\n';
    expect(countCSharp(fixture(plain)).expanded).toBe(3);
    const junk = Array.from(
      { length: n },
      (_, i) =>
        `  [Theory]\n  [MemberData(nameof(D${i}))]\n  public void B${i}(int a) {}\n  public static IEnumerable<object[]> D${i} => new List<int> {\n`,
    ).join('');
    const r = countCSharp(fixture(plain + junk));
    // Each unclosed source is unknown (one case, its rows not counted); Rows still reads as three.
    expect([r.cases, r.expanded]).toEqual([n + 1, n + 3]);
  });

  it('5,000 initializers nested in one another each count their own two entries', () => {
    const n = 5_000;
    const decls = Array.from({ length: n }, (_, i) => `  static object[] S${i} = { ${i}, `).join('\n');
    const r = countCSharp(fixture(`${uses(n, 'TestCaseSource')}${decls}0${' }'.repeat(n)};`));
    expect([r.cases, r.expanded]).toEqual([n, 2 * n]);
  });

  it('5,000 nested properties each count the yield returns of their own body', () => {
    const n = 5_000;
    const decls = Array.from(
      { length: n },
      (_, i) => `  static IEnumerable<TestCaseData> S${i} { get { yield return new TestCaseData(${i});\n`,
    ).join('');
    const r = countCSharp(fixture(`${uses(n, 'TestCaseSource')}${decls}${' } }'.repeat(n)}`));
    // S(i) holds the rows of S(i+1)…S(n-1) too: n - i rows each.
    expect([r.cases, r.expanded]).toEqual([n, (n * (n + 1)) / 2]);
  });
});

describe('literalSize', () => {
  it('counts the top-level entries of a long literal the same way as a short one', () => {
    const inner = `[${'(1, [2, {3: 4}]), '.repeat(200)}]`;
    expect(literalSize(`x = [1, ${inner}, (5, 6), {7}]`, 4)).toBe(4);
    expect(literalSize(`x = [${'a, '.repeat(2000)}[b, c]]`, 4)).toBe(2001);
    expect(literalSize(`x = [${' '.repeat(2000)}]`, 4)).toBe(0);
    expect(literalSize(`x = [${'(a, b), '.repeat(500)}c,]`, 4)).toBe(501);
  });
});
