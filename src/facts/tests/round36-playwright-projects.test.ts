import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

/**
 * Blind round 36: a Playwright config whose `setup` project says `testMatch: 'support/*.setup.ts'`
 * and whose `chromium` project states no testMatch; the setup project's pattern was applied to the
 * whole config and 7 spec files under testDir were "not collected". Each project selects its own
 * files (its testDir and testMatch, defaulting to the config's); the union runs.
 */
const spec = (n: number) =>
  `import { test, expect } from '@playwright/test';\n\n${Array.from({ length: n }, (_, i) => `test('page ${i}', async ({ page }) => {\n  await expect(page).toHaveTitle(/Shop/);\n});\n`).join('\n')}`;

const config = (projects: string[], top = "  testDir: './tests/e2e',") =>
  [
    "import { defineConfig, devices } from '@playwright/test';",
    'export default defineConfig({',
    '  projects: [',
    ...projects,
    '  ],',
    top,
    '});',
  ].join('\n');

const tree = (cfg: string) => ({
  'package.json': JSON.stringify({ devDependencies: { '@playwright/test': '1.50.0' } }),
  'playwright.config.ts': cfg,
  'tests/e2e/support/account.setup.ts': spec(1),
  'tests/e2e/auth/login.spec.ts': spec(3),
  'tests/e2e/settings/members.spec.ts': spec(2),
  'tests/e2e/support/helpers.ts': 'export const x = 1;\n',
});

describe('Playwright projects select their own files (blind round 36)', () => {
  it("a project without testMatch collects Playwright's default specs beside a setup project's own pattern", () => {
    const inv = testInventory(
      memoryIndex(
        tree(
          config([
            "    { name: 'setup', testMatch: 'support/*.setup.ts' },",
            "    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'] },",
          ]),
        ),
      ),
    );
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([
      ['tests/e2e/auth/login.spec.ts', 3],
      ['tests/e2e/settings/members.spec.ts', 2],
      ['tests/e2e/support/account.setup.ts', 1],
    ]);
    expect(inv.notCollected).toEqual([]);
  });
  it('when every project states a testMatch, a spec none of them matches is not collected', () => {
    const inv = testInventory(
      memoryIndex(
        tree(
          config([
            "    { name: 'setup', testMatch: /.*\\.setup\\.ts/ },",
            "    { name: 'auth', testMatch: 'auth/*.spec.ts' },",
          ]),
        ),
      ),
    );
    expect(inv.files.map((f) => f.path)).toEqual([
      'tests/e2e/auth/login.spec.ts',
      'tests/e2e/support/account.setup.ts',
    ]);
    expect(inv.notCollected.map((n) => n.path)).toEqual(['tests/e2e/settings/members.spec.ts']);
  });
  it("a project's own testDir replaces the config's; the config's testMatch applies to projects stating none", () => {
    const inv = testInventory(
      memoryIndex(
        tree(
          config(
            ["    { name: 'auth', testDir: './tests/e2e/auth' },", "    { name: 'all' },"],
            "  testDir: './tests/e2e/settings',\n  testMatch: '*.spec.ts',",
          ),
        ),
      ),
    );
    expect(inv.files.map((f) => f.path)).toEqual([
      'tests/e2e/auth/login.spec.ts',
      'tests/e2e/settings/members.spec.ts',
    ]);
  });
});

describe('Vitest projects select their own files (blind round 36, re-audit)', () => {
  const vitestTree = (projects: string) => ({
    'package.json': JSON.stringify({ scripts: { test: 'vitest run' }, devDependencies: { vitest: '3.2.0' } }),
    'vitest.config.ts': [
      "import { defineConfig } from 'vitest/config';",
      'export default defineConfig({',
      '  test: {',
      "    coverage: { include: ['src/**/*.ts'] },",
      '    projects: [',
      projects,
      '    ],',
      '  },',
      '});',
    ].join('\n'),
    'src/utils/helpers.test.ts': "import { it } from 'vitest';\nit('a', () => {});\nit('b', () => {});\n",
    'src/hooks/use-menu.test.ts': "import { it } from 'vitest';\nit('opens', () => {});\n",
    'src/components/toggle.test.tsx': "import { it } from 'vitest';\nit('renders', () => {});\n",
  });
  it("one project's exclude does not drop what another project includes", () => {
    const inv = testInventory(
      memoryIndex(
        vitestTree(
          [
            "      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/hooks/**/*.test.ts'] } },",
            "      { extends: true, test: { name: 'ui', include: ['**/*.test.tsx', 'src/hooks/**/*.test.ts'] } },",
          ].join('\n'),
        ),
      ),
    );
    expect(inv.files.map((f) => f.path)).toEqual([
      'src/components/toggle.test.tsx',
      'src/hooks/use-menu.test.ts',
      'src/utils/helpers.test.ts',
    ]);
    expect(inv.notCollected).toEqual([]);
  });
  it('a file no project includes is not collected', () => {
    const inv = testInventory(
      memoryIndex(
        vitestTree(
          "      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/hooks/**/*.test.ts'] } },",
        ),
      ),
    );
    expect(inv.files.map((f) => f.path)).toEqual(['src/utils/helpers.test.ts']);
    expect(inv.notCollected.map((n) => n.path).sort()).toEqual([
      'src/components/toggle.test.tsx',
      'src/hooks/use-menu.test.ts',
    ]);
  });
});
