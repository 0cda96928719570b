/**
 * Blind round 46: an example app's configuration is the example's, not the project's. A Prettier
 * config, an ESLint config and husky/lint-staged in examples/<app>/ credited formatting, linting and
 * hooks to a project that had none of its own. The lockfiles rule already sets examples aside
 * (isProductionPath): the quality rules now use the same notion (ownConfig).
 */
import { describe, it } from 'vitest';
import formatting from './formatting.js';
import linting from './linting.js';
import preCommitHooks from './pre-commit-hooks.js';
import { assertRun, runRuleOn } from '../../src/testing/rule-tester.js';

const project = {
  'package.json': JSON.stringify({ name: 'server', scripts: { test: 'jest' } }, null, 2),
  'src/index.ts': 'export const x = 1;\n',
};
const exampleApp = {
  'examples/shop/package.json': JSON.stringify(
    {
      name: 'shop',
      husky: { hooks: { 'pre-commit': 'lint-staged' } },
      'lint-staged': { '*.ts': ['eslint --fix', 'prettier --write'] },
      devDependencies: { eslint: '^8.0.0', prettier: '^3.0.0', husky: '^4.3.0', 'lint-staged': '^10.0.0' },
    },
    null,
    2,
  ),
  'examples/shop/.eslintrc.js': 'module.exports = { extends: ["eslint:recommended"] };\n',
  'examples/shop/prettier.config.js': 'module.exports = { semi: false };\n',
  'examples/shop/src/app.ts': 'export const y = 2;\n',
  'examples/shop/.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\n',
};

describe('configs of example apps are not the project’s (round 46)', () => {
  it('formatting fails when only an example app configures Prettier and .editorconfig', async () => {
    const run = await runRuleOn(formatting, { ...project, ...exampleApp });
    assertRun(run, { outcome: 'fail' });
  });
  it('formatting passes on the project’s own Prettier config beside the example', async () => {
    const run = await runRuleOn(formatting, { ...project, ...exampleApp, '.prettierrc': '{}\n' });
    assertRun(run, { outcome: 'pass', evidence: [{ path: '.prettierrc' }] });
  });
  it('linting fails when only an example app configures ESLint', async () => {
    const run = await runRuleOn(linting, { ...project, ...exampleApp });
    assertRun(run, { outcome: 'fail' });
  });
  it('linting credits the project’s own ESLint config', async () => {
    const run = await runRuleOn(linting, { ...project, ...exampleApp, '.eslintrc.json': '{"root": true}\n' });
    assertRun(run, { outcome: 'partial', evidence: [{ path: '.eslintrc.json' }] });
  });
  it('pre-commit-hooks fails when only an example app sets up husky and lint-staged', async () => {
    const run = await runRuleOn(preCommitHooks, { ...project, ...exampleApp });
    assertRun(run, { outcome: 'fail' });
  });
  it('the project’s own husky hook running lint-staged still passes', async () => {
    const run = await runRuleOn(preCommitHooks, {
      ...exampleApp,
      'package.json': JSON.stringify(
        {
          name: 'server',
          scripts: { prepare: 'husky' },
          'lint-staged': { '*.ts': 'eslint' },
          devDependencies: { husky: '^9.0.0', 'lint-staged': '^15.0.0', eslint: '^9.0.0' },
        },
        null,
        2,
      ),
      '.husky/pre-commit': 'npx lint-staged\n',
    });
    assertRun(run, { outcome: 'pass', message: 'ESLint' });
  });
});
