/**
 * Blind round 26, class "tox.toml": tox reads tox.ini, setup.cfg, pyproject.toml and tox.toml in that
 * order, passing over a file without its settings; `tox run --notest` only sets the environments up;
 * environments named for a release, docs or lint are no test runs.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import testsInCi from './quality/tests-in-ci.js';

const TOX_TOML = [
  'env_list = ["3.13", "3.12", "docs"]', // 1
  '',
  '[env_run_base]', // 3
  'description = "run the tests"',
  'commands = [["python", "-m", "pytest", "tests"]]', // 5
  '',
  '[env.docs]',
  'commands = [["sphinx-build", "docs", "build"]]',
  '',
  '[env.release]',
  'commands = [["python", "tasks/release.py"]]',
  '',
].join('\n');

const check = [
  'name: check',
  'on: [push]',
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - name: Setup test suite',
  '        run: tox run --notest -e 3.13', // 9
  '      - name: Run test suite',
  '        run: tox run --skip-pkg-install -e 3.13', // 11
  '',
].join('\n');

const release = [
  'name: prepare release',
  'on: [workflow_dispatch]',
  'jobs:',
  '  release:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - run: uvx --with tox-uv tox run -e release -- --bump minor', // 8
  '',
].join('\n');

const base = (extra: Tree): Tree => ({
  'pyproject.toml': '[project]\nname = "deptool"\nversion = "1.0"\n\n[tool.ruff]\nline-length = 120\n',
  'src/deptool/__init__.py': 'def run():\n    return 1\n',
  'tests/test_run.py': 'from deptool import run\n\ndef test_run():\n    assert run() == 1\n',
  ...extra,
});

describe('round 26: tox.toml beside a pyproject.toml without [tool.tox]', () => {
  it('is the tox configuration: the test step runs pytest, cited after the --notest setup step', async () => {
    const run = await runRuleOn(
      testsInCi,
      base({
        'tox.toml': TOX_TOML,
        '.github/workflows/check.yaml': check,
        '.github/workflows/prepare-release.yaml': release,
      }),
      { profile: 'cli' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('1 CI job');
    expect(run.evidence[0]).toMatchObject({ path: 'tox.toml', line: 5 });
    expect(run.evidence[0]!.note).toContain('.github/workflows/check.yaml:11');
    expect(JSON.stringify(run.evidence)).not.toContain('prepare-release');
  });

  it('a release environment is no test run, even without the configuration', async () => {
    const run = await runRuleOn(testsInCi, base({ '.github/workflows/prepare-release.yaml': release }), {
      profile: 'cli',
    });
    expect(run.outcome).toBe('fail');
  });

  it('a test environment without the configuration still runs the tests by convention', async () => {
    const run = await runRuleOn(
      testsInCi,
      base({ '.github/workflows/check.yaml': check.replace('tox run --notest -e 3.13', 'echo setup') }),
      { profile: 'cli' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: '.github/workflows/check.yaml', line: 11 });
  });
});
