import { describe, expect, it } from 'vitest';
import testTypes from './quality/test-types.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

/**
 * Blind round 36: a CI job starts postgres and a mock SAML server as service containers for the
 * Playwright run (the app it starts needs them) and also runs Jest, whose only test checks a string
 * helper; "integration: Jest against its service containers" was claimed. Beside a browser suite,
 * the services count for the other runner only when its tests use a service.
 */
const tree = (jestTest: string) => ({
  'package.json': JSON.stringify({
    name: 'shop',
    scripts: { test: 'jest', 'test:e2e': 'playwright test' },
    dependencies: { next: '15.0.0', pg: '8.0.0' },
    devDependencies: { jest: '29.0.0', '@playwright/test': '1.50.0' },
  }),
  'playwright.config.ts': "export default { testDir: './e2e' };\n",
  'pages/index.tsx': 'export default function Home() {\n  return null;\n}\n',
  'lib/slug.ts': "export const slug = (s: string) => s.toLowerCase().replace(/ /g, '-');\n",
  'lib/db.ts':
    "import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n",
  '__tests__/lib.spec.ts': jestTest,
  'e2e/login.spec.ts':
    "import { test, expect } from '@playwright/test';\ntest('logs in', async ({ page }) => {\n  await page.goto('/');\n  await expect(page).toHaveTitle(/Shop/);\n});\n",
  '.github/workflows/ci.yml': [
    'on: push',
    'jobs:',
    '  ci:',
    '    runs-on: ubuntu-latest',
    '    services:',
    '      postgres:',
    '        image: postgres:16',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: npm ci',
    '      - run: npm test',
    '      - run: npx playwright test',
    '',
  ].join('\n'),
});

const notes = async (jestTest: string) =>
  (await runRuleOn(testTypes, tree(jestTest), { profile: 'service' })).evidence.map((e) => e.note ?? '');

describe('service containers that serve a browser suite (blind round 36)', () => {
  it('a pure unit test run beside Playwright in a job with services is no integration test', async () => {
    const n = await notes(
      "import { slug } from '../lib/slug';\ntest('slugs', () => {\n  expect(slug('A b')).toBe('a-b');\n});\n",
    );
    expect(n.filter((x) => x.startsWith('integration'))).toEqual([]);
    expect(n.some((x) => x.startsWith('end-to-end: Playwright'))).toBe(true);
  });
  it('a Jest test that uses the database in that job is an integration test', async () => {
    const n = await notes(
      "import { pool } from '../lib/db';\ntest('reads', async () => {\n  expect((await pool.query('select 1')).rowCount).toBe(1);\n});\n",
    );
    expect(n).toContainEqual(
      expect.stringMatching(/^integration: job ci runs Jest .* against its service containers \(postgres\)/),
    );
  });
});
