/**
 * Blind round 46 (issue 15): a Vitest config in a workspace package whose `include` reaches outside
 * the package (`'../../other/__tests__/**.{js,ts}'`) collects those tests; they were listed as "not
 * collected" and the count was 8.5 % short. What the include does not name stays uncollected, and an
 * include that climbs above the repository root names nothing here.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const cases = (n: number) =>
  `import { test } from 'vitest';\n${Array.from({ length: n }, (_, i) => `test('case ${i}', () => {});\n`).join('')}`;

const site = (include: string) => ({
  'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['services/*'] }),
  'services/site/package.json': JSON.stringify({ scripts: { test: 'vitest' }, devDependencies: { vitest: '3' } }),
  'services/site/vitest.config.ts': [
    "import { defineConfig } from 'vitest/config';",
    'export default defineConfig({',
    '  test: {',
    `    include: ['**/__tests__/**.{js,jsx,ts,tsx}', ${include}],`,
    "    environment: 'node',",
    '  },',
    '});',
  ].join('\n'),
  'services/site/app/utils/__tests__/dates.test.ts': cases(3),
  'other/__tests__/deploy-plan.test.js': cases(4),
  'other/search/__tests__/chunks.test.ts': cases(5),
});

describe('round 46: a runner include that reaches outside its package', () => {
  it("`'../../other/__tests__/**'` from services/site collects other/__tests__, not other/search/__tests__", () => {
    const inv = testInventory(memoryIndex(site("'../../other/__tests__/**.{js,jsx,ts,tsx}'")));
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([
      ['other/__tests__/deploy-plan.test.js', 4],
      ['services/site/app/utils/__tests__/dates.test.ts', 3],
    ]);
    expect(inv.notCollected.map((n) => n.path)).toEqual(['other/search/__tests__/chunks.test.ts']);
  });

  it('without that include the outside tests are not collected', () => {
    const inv = testInventory(memoryIndex(site("'app/**/*.test.ts'")));
    expect(inv.files.map((f) => f.path)).toEqual(['services/site/app/utils/__tests__/dates.test.ts']);
    expect(inv.notCollected.map((n) => n.path)).toContain('other/__tests__/deploy-plan.test.js');
  });

  it('an include that climbs above the root names nothing here', () => {
    const inv = testInventory(memoryIndex(site("'../../../../other/__tests__/**.{js,ts}'")));
    expect(inv.files.map((f) => f.path)).toEqual(['services/site/app/utils/__tests__/dates.test.ts']);
  });
});
