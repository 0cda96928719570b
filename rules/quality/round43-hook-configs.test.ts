/**
 * Blind round 43: hook managers' configurations are followed to the commands they run. A lint-staged
 * JavaScript config whose glob runs a package script (`'*.ts': 'npm run lint:staged'` → `biome check`)
 * was "hooks run no linter"; lefthook's TOML and JSON forms were a manager that runs nothing.
 */
import { describe, it } from 'vitest';
import preCommitHooks from './pre-commit-hooks.js';
import { assertRun, runRuleOn } from '../../src/testing/rule-tester.js';

const pkg = (scripts: Record<string, string>) =>
  JSON.stringify({ name: 'app', scripts, devDependencies: { husky: '^9.0.0', 'lint-staged': '^15.0.0' } }, null, 2);

describe('rule quality/pre-commit-hooks follows lint-staged and lefthook configurations', () => {
  it('a lint-staged.config.cjs glob running a package script runs that script’s linter', async () => {
    const run = await runRuleOn(preCommitHooks, {
      'package.json': pkg({ 'lint:staged': 'biome check --write --no-errors-on-unmatched', prepare: 'husky' }),
      '.husky/pre-commit': 'npx lint-staged\n',
      'lint-staged.config.cjs':
        "module.exports = {\n  '**/*.{ts,tsx,json}': 'npm run lint:staged',\n  '**/*/package.json': 'npm run precommit',\n};\n",
      'biome.json': '{}\n',
    });
    assertRun(run, { outcome: 'pass', message: 'Biome' });
  });
  it('a glob running a script that only echoes is still no linter', async () => {
    const run = await runRuleOn(preCommitHooks, {
      'package.json': pkg({ 'lint:staged': 'echo staged', prepare: 'husky' }),
      '.husky/pre-commit': 'npx lint-staged\n',
      '.lintstagedrc.mjs': "export default {\n  '*.ts': 'npm run lint:staged',\n};\n",
    });
    assertRun(run, { outcome: 'partial', message: 'run no linter' });
  });
  it('lefthook.toml run commands are the hook’s commands', async () => {
    const run = await runRuleOn(preCommitHooks, {
      'lefthook.toml':
        '[pre-commit]\nparallel = true\n\n[pre-commit.commands.lint]\nglob = "*.go"\nrun = "golangci-lint run {staged_files}"\n',
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
    });
    assertRun(run, { outcome: 'pass', message: 'golangci-lint', evidence: [{ path: 'lefthook.toml' }] });
  });
  it('a lefthook.toml whose only command echoes runs no linter', async () => {
    const run = await runRuleOn(preCommitHooks, {
      '.lefthook.toml': '[pre-commit.commands.hello]\nrun = "echo hello"\n',
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
    });
    assertRun(run, { outcome: 'partial' });
  });
  it('lefthook.json run commands are the hook’s commands', async () => {
    const run = await runRuleOn(preCommitHooks, {
      'lefthook.json': JSON.stringify({ 'pre-push': { jobs: [{ run: 'cargo clippy -- -D warnings' }] } }, null, 2),
      'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\n',
    });
    assertRun(run, { outcome: 'pass', message: 'Clippy' });
  });
});
