/**
 * Test files written to be slow (trust review, mend43): each named function's parameters and body
 * were matched to their brackets by a scan of their own, to the end of the file when unclosed (20,000
 * unclosed `function f() {` took 33 s, 10,000 10 s; 20,000 nested ones 33 s). Asserted on the
 * counts, never timed.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const count = (body: string) =>
  testInventory(
    memoryIndex({
      'package.json': JSON.stringify({ scripts: { test: 'jest' }, devDependencies: { jest: '29' } }),
      'src/a.test.js': body,
    }),
  ).files.map((f) => [f.path, f.cases]);

const shared = "function shared() {\n  it('x', () => {});\n}\nshared();\nshared();\ntest('a', () => {});\n";

describe('hostile JavaScript test files', () => {
  const plain = count(shared);

  it('20,000 unclosed functions leave the count of the file as it was', () => {
    expect(plain).toEqual([['src/a.test.js', 2]]);
    expect(count(`${shared}${'function f() {\n'.repeat(20_000)}`)).toEqual(plain);
  });

  it('20,000 nested functions leave the count of the file as it was', () => {
    const n = 20_000;
    expect(count(`${shared}${'function f() {\n'.repeat(n)}${'}'.repeat(n)}\n`)).toEqual(plain);
  });
});

/*
 * Unclosed brackets after the tests (trust review): every reader that matched a bracket scanned to the
 * end of the file when it was unclosed, once per opener — 20,000 unclosed `it('x', () => {` took 63 s,
 * 20,000 `it.each([` 37 s, 5,000 unclosed loops around a test 11 s. matchBracket now answers a far
 * bracket from one pass over the file.
 */
const described = "describe('s', () => {\n  it('x', () => {});\n  test('y', () => {});\n});\n";
const n = 20_000;

describe('hostile JavaScript test files: unclosed brackets after the tests', () => {
  const plain = count(described);

  it.each([
    ['unclosed test calls', "it('x', () => {\n"],
    ['unclosed test tables', 'it.each([\n'],
    ['unclosed loops around a test', "for (const x of [1, 2]) {\n  it('a', () => {});\n"],
    ['unclosed forEach around a test', "[1, 2].forEach((x) => {\n  it('a', () => {});\n"],
    ['unclosed conditions around a test', "if (x) {\n  it('a', () => {});\n"],
  ])('%s leave the tests before them counted', (_, junk) => {
    expect(plain).toEqual([['src/a.test.js', 2]]);
    const [[path, cases]] = count(`${described}${junk.repeat(n)}`) as [[string, number]];
    expect(path).toBe('src/a.test.js');
    expect(cases).toBeGreaterThanOrEqual(2);
  });
});
