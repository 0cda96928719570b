/**
 * Blind round 33: Prettier can come inside a shared ESLint config. A config whose package name
 * says Prettier (`@vue/eslint-config-prettier`) runs it as an ESLint rule, so the ESLint run in CI
 * checks the layout; one without Prettier in its name may bring it too, but its contents are in
 * node_modules, which is not read: the message says so and nothing is credited.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import formatting from './quality/formatting.js';

const app = (shared: string) => ({
  'package.json': JSON.stringify(
    {
      name: 'ui',
      scripts: { lint: 'eslint . --max-warnings 0' },
      devDependencies: { eslint: '^9.0.0', [shared]: '^1.0.0' },
    },
    null,
    2,
  ),
  'package-lock.json': '{}\n',
  'eslint.config.mjs': `import shared from '${shared}'\n\nexport default shared({})\n`,
  '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\n',
  'server/app.ts': 'export const app = 1\n',
  '.github/workflows/ci.yml':
    'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm run lint\n',
});

describe('formatting: Prettier inside a shared ESLint config (round 33)', () => {
  it('a shared config named for Prettier, run by ESLint in CI, checks the formatting', async () => {
    const run = await runRuleOn(formatting, app('@acme/eslint-config-prettier'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/Prettier through the shared ESLint config @acme\/eslint-config-prettier/);
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'eslint.config.mjs', line: 1 }));
  });
  it('an organisation config without Prettier in its name is not enough, and the message says why', async () => {
    const run = await runRuleOn(formatting, app('@acme/eslint-config-acme'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/shared ESLint config @acme\/eslint-config-acme .*node_modules, which is not read/);
  });
  it('finds the Prettier config among several shared configs', async () => {
    const tree = app('@vue/eslint-config-prettier');
    tree['eslint.config.mjs'] =
      "import ts from '@vue/eslint-config-typescript'\nimport prettier from '@vue/eslint-config-prettier'\n\nexport default [ts(), prettier]\n";
    const run = await runRuleOn(formatting, tree, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'eslint.config.mjs', line: 2 }));
  });
  it('eslint-config-prettier itself only turns layout rules off', async () => {
    const run = await runRuleOn(formatting, app('eslint-config-prettier'), { profile: 'service' });
    expect(run.outcome).not.toBe('pass');
  });
});
