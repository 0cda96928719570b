/**
 * Runner configs written to be slow (trust review, mend43): each `test: {` of a Vitest config and
 * each `const X = {` a Jest project spreads was matched to its brace by a scan of its own, to the
 * end of the file when unclosed (40,000 unclosed `test:{` took 94 s; 20,000 unclosed declarations
 * 74 s), and nested `test: {` blocks were each copied whole. Asserted on the result, never timed.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';
import { jestProjects } from './js-config.js';

const files = { read: () => undefined, match: () => [], named: () => [] } as never;
const cases = "import { it } from 'vitest';\nit('a', () => {});\n";

const inventory = (config: string) =>
  testInventory(
    memoryIndex({
      'package.json': JSON.stringify({ scripts: { test: 'vitest' }, devDependencies: { vitest: '2' } }),
      'vitest.config.ts': config,
      'spec/a.check.ts': cases,
      'src/b.test.ts': cases,
    }),
  );

describe('hostile JavaScript runner configs', () => {
  it('a Vitest config followed by 40,000 unclosed `test:{` still selects by its own test block', () => {
    const inv = inventory(
      `export default { test: { include: ['spec/**/*.check.ts'] } };\nconst junk = [${'test:{'.repeat(40_000)}\n`,
    );
    expect(inv.files.map((f) => f.path)).toEqual(['spec/a.check.ts']);
  });

  it('20,000 nested `test: {` blocks are read as their outermost one', () => {
    const n = 20_000;
    const inv = inventory(
      `export default { test: { ${'test:{'.repeat(n)} include: ['spec/**/*.check.ts'] ${'}'.repeat(n)} } };\n`,
    );
    expect(inv.files.map((f) => f.path)).toEqual(['spec/a.check.ts']);
  });

  it('a Jest project spreading 20,000 unclosed declarations still reads its closed base', () => {
    const n = 20_000;
    const decls = Array.from({ length: n }, (_, i) => `const a${i} = {\n`).join('');
    const spreads = Array.from({ length: n }, (_, i) => `...a${i}`).join(', ');
    const text = `const base = { testMatch: ['**/*.it.js'] };\n${decls}module.exports = { projects: [{ ...base, ${spreads} }] };\n`;
    const specs = jestProjects('jest.config.js', text, files)!.specs;
    expect(specs).toHaveLength(1);
    expect(specs[0]!.include).toContain('**/*.it.js');
  });
});
