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
