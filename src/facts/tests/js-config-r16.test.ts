import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const spec = (n: number) =>
  `import { test, expect } from '@playwright/test';\n\n${Array.from({ length: n }, (_, i) => `test('page ${i}', async ({ page }) => {\n  await expect(page).toHaveTitle(/Shop/);\n});\n`).join('\n')}`;

describe('JavaScript runner configs (round 16)', () => {
  it('Playwright projects whose testMatch names folders under testDir (`tests/given-app/*.spec.ts`) collect those specs', () => {
    const inv = testInventory(
      memoryIndex({
        'tools/e2e/package.json': JSON.stringify({ devDependencies: { '@playwright/test': '1.50.0' } }),
        'tools/e2e/playwright.config.ts': [
          "import { defineConfig, devices } from '@playwright/test';",
          'export default defineConfig({',
          "  testDir: './tests',",
          '  projects: [',
          "    { name: 'login', testMatch: 'tests/given-login/_setup.ts' },",
          "    { name: 'given app', testMatch: 'tests/given-app/*.spec.ts', use: { ...devices['Desktop Chrome'] } },",
          "    { name: 'logged out', testMatch: 'tests/*.spec.ts' },",
          '  ],',
          '});',
        ].join('\n'),
        'tools/e2e/tests/given-login/_setup.ts': spec(1),
        'tools/e2e/tests/given-app/orders.spec.ts': spec(2),
        'tools/e2e/tests/login.spec.ts': spec(3),
        // Not in any project's testMatch: not collected.
        'tools/e2e/tests/pages/helpers.spec.ts': spec(1),
      }),
    );
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([
      ['tools/e2e/tests/given-app/orders.spec.ts', 2],
      ['tools/e2e/tests/given-login/_setup.ts', 1],
      ['tools/e2e/tests/login.spec.ts', 3],
    ]);
    expect(inv.notCollected.map((n) => n.path)).toEqual(['tools/e2e/tests/pages/helpers.spec.ts']);
  });

  it("a function-form vite.config's `test:` block configures Vitest; optimizeDeps' include names no test file", () => {
    const inv = testInventory(
      memoryIndex({
        'apps/admin/package.json': JSON.stringify({
          scripts: { test: 'vitest --run' },
          devDependencies: { vitest: '4' },
        }),
        'apps/admin/vite.config.mts': [
          "import { defineConfig } from 'vitest/config'",
          'export default ({ mode }) => {',
          '  return defineConfig({',
          "    optimizeDeps: { exclude: ['lucide-react'], include: ['@base-ui/react/button'] },",
          "    test: { environment: 'happy-dom', setupFiles: ['test/setup.ts'] },",
          '  })',
          '}',
        ].join('\n'),
        'apps/admin/src/api/http.test.ts':
          "import { it } from 'vitest'\nit('retries', () => {})\nit('times out', () => {})\n",
        'apps/admin/src/data/hooks.test.tsx': "import { it } from 'vitest'\nit('loads', () => {})\n",
      }),
    );
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([
      ['apps/admin/src/api/http.test.ts', 2],
      ['apps/admin/src/data/hooks.test.tsx', 1],
    ]);
    expect(inv.notCollected).toEqual([]);
  });
});
