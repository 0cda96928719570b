/**
 * JSON nested to overflow the stack (trust review, mend44): JSON.parse reads any depth, but the test
 * inventory's JSON.stringify of a package.json `jest` object 100,000 deep overflowed it and crashed
 * every test rule ("the rule crashed: Maximum call stack size exceeded"). Now such JSON is refused
 * as unreadable before it is parsed, and the tests are counted as if it had no configuration.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

describe('hostile JSON nesting', () => {
  it('a package.json whose jest object nests 100,000 deep leaves the tests counted', () => {
    const tree = (jest: string) => ({
      'package.json': `{"name":"x","devDependencies":{"jest":"29"},"jest":${jest}}`,
      'test/a.test.js': "it('a', () => {});\nit('b', () => {});\n",
    });
    const count = (jest: string) => testInventory(memoryIndex(tree(jest))).files.map((f) => [f.path, f.cases]);
    expect(count('{"testEnvironment":"node"}')).toEqual([['test/a.test.js', 2]]);
    expect(count(deep(100_000))).toEqual([['test/a.test.js', 2]]);
  });

  it('reads JSON nested 256 deep, refuses 257', () => {
    const files = memoryIndex({ 'a.json': deep(256), 'b.json': deep(257), 'c.json': `["${'['.repeat(1000)}"]` });
    expect(files.readJson('a.json').ok).toBe(true);
    const b = files.readJson('b.json');
    expect(b.ok ? '' : b.error).toContain('nested deeper than 256 levels');
    // Brackets inside strings are text.
    expect(files.readJson('c.json').ok).toBe(true);
  });
});
