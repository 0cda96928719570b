import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { globMatcher } from '../../walk/glob.js';
import { testInventory } from './inventory.js';

const cases = (n: number) =>
  `import { it } from 'vitest';\n${Array.from({ length: n }, (_, i) => `it('case ${i}', () => {});\n`).join('')}`;

describe('JavaScript runner configs (round 27)', () => {
  it('a Vitest include written as its own default, with `[jt]` and extglobs, collects the tests; an exclude still drops files', () => {
    const inv = testInventory(
      memoryIndex({
        'apps/web/package.json': JSON.stringify({ scripts: { test: 'vitest' }, devDependencies: { vitest: '2' } }),
        'apps/web/vitest.config.ts': [
          "import { defineConfig } from 'vite';",
          'export default defineConfig({',
          '  test: {',
          '    // A `**/*.test.server.[jt]s` pattern used to sit here.',
          '    include: ["**/*.{test,spec}.?(c|m)[jt]s?(x)"],',
          '    exclude: ["node_modules", "test/e2e/**/*"],',
          '    coverage: { include: ["app/**/*.{js,ts}"] },',
          '  },',
          '});',
        ].join('\n'),
        'apps/web/app/utils/dates.test.ts': cases(3),
        'apps/web/app/components/badge.spec.tsx': cases(2),
        'apps/web/app/modules/esm.test.mjs': cases(1),
        'apps/web/test/e2e/smoke.spec.ts': cases(4),
      }),
    );
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([
      ['apps/web/app/components/badge.spec.tsx', 2],
      ['apps/web/app/modules/esm.test.mjs', 1],
      ['apps/web/app/utils/dates.test.ts', 3],
    ]);
    expect(inv.notCollected.map((n) => n.path)).toEqual(['apps/web/test/e2e/smoke.spec.ts']);
  });

  it('an include naming only another folder leaves the rest uncollected', () => {
    const inv = testInventory(
      memoryIndex({
        'package.json': JSON.stringify({ devDependencies: { vitest: '2' } }),
        'vitest.config.ts': 'export default { test: { include: ["unit/**/*.[jt]s"] } };\n',
        'unit/a.ts': cases(2),
        'src/b.test.ts': cases(1),
      }),
    );
    expect(inv.files.map((f) => f.path)).toEqual(['unit/a.ts']);
    expect(inv.notCollected.map((n) => n.path)).toEqual(['src/b.test.ts']);
  });

  it('extglob forms of runner globs match as picomatch reads them', () => {
    const m = (g: string, p: string) => globMatcher(g, false)(p);
    expect(m('**/*.{test,spec}.?(c|m)[jt]s?(x)', 'a/b.test.cjs')).toBe(true);
    expect(m('**/*.{test,spec}.?(c|m)[jt]s?(x)', 'a/b.test.xjs')).toBe(false);
    expect(m('**/?(*.)+(spec|test).[jt]s?(x)', 'a/b.spec.tsx')).toBe(true);
    expect(m('**/*.@(spec|test).ts', 'a/b.e2e.ts')).toBe(false);
    expect(m('**/*(x)y.ts', 'a/xxy.ts')).toBe(true);
    expect(m('**/!(*.d).ts', 'a/types.d.ts')).toBe(false);
    expect(m('**/!(*.d).ts', 'a/types.ts')).toBe(true);
  });

  it('`node --import tsx --test` in a package script counts node:test files written in TypeScript', () => {
    const nodeTest = (n: number) =>
      `import { test } from 'node:test';\n${Array.from({ length: n }, (_, i) => `test('t${i}', () => {});\n`).join('')}`;
    const inv = testInventory(
      memoryIndex({
        'packages/rbac/package.json': JSON.stringify({
          scripts: { test: 'node --import tsx --test' },
          devDependencies: { tsx: '4' },
        }),
        'packages/rbac/src/resolver.test.ts': nodeTest(3),
        'packages/rbac/src/matrix.ts': 'export const m = 1;\n',
        // No script runs node --test here: not collected.
        'packages/other/package.json': JSON.stringify({ scripts: { build: 'tsc' } }),
        'packages/other/src/a.test.ts': nodeTest(1),
      }),
    );
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([['packages/rbac/src/resolver.test.ts', 3]]);
    expect(inv.notCollected.map((n) => n.path)).toEqual(['packages/other/src/a.test.ts']);
  });
});
