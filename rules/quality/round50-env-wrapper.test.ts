/**
 * Blind round 50: CI runs `pre-commit run --all-files`, whose hooks call the linter and formatter
 * through an environment wrapper (`entry: scripts/run-in-env.sh ruff check --fix`, a script that
 * activates a virtualenv and ends `exec "$@"`). The wrapper runs its arguments: ruff runs in CI.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import formatting from './formatting.js';
import linting from './linting.js';

const tree = (ciRun: string) => ({
  'pyproject.toml':
    '[project]\nname = "x"\nversion = "1.0.0"\n[tool.ruff]\nline-length = 100\n[tool.ruff.lint]\nselect = ["ALL"]\n',
  'x/__init__.py': 'X = 1\n',
  'scripts/run-in-env.sh':
    '#!/usr/bin/env sh\nset -eu\nfor venv in venv .venv .; do\n  if [ -f "${venv}/bin/activate" ]; then\n    . "${venv}/bin/activate"\n    break\n  fi\ndone\n\nexec "$@"\n',
  '.pre-commit-config.yaml': [
    'repos:',
    '  - repo: local',
    '    hooks:',
    '      - id: ruff-check',
    '        language: system',
    '        types: [python]',
    '        entry: scripts/run-in-env.sh ruff check --fix',
    '        stages: [pre-commit, pre-push, manual]',
    '      - id: ruff-format',
    '        language: system',
    '        types: [python]',
    '        entry: scripts/run-in-env.sh ruff format',
    '        stages: [pre-commit, pre-push, manual]',
    '',
  ].join('\n'),
  '.github/workflows/test.yml': `on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Lint\n        run: ${ciRun}\n`,
});

describe('round 50: hooks run through an environment wrapper script', () => {
  it('`pre-commit run --all-files` in CI runs the linter and the formatter the wrapper execs', async () => {
    const l = await runRuleOn(linting, tree('SKIP=no-commit-to-branch pre-commit run --all-files'));
    expect(l.outcome).toBe('pass');
    expect(l.message).toMatch(/run in CI/);
    const f = await runRuleOn(formatting, tree('SKIP=no-commit-to-branch pre-commit run --all-files'));
    expect(f.message).not.toMatch(/not checked in CI/);
  });

  it('without the CI step nothing runs them', async () => {
    const l = await runRuleOn(linting, tree('echo done'));
    expect(l.outcome).toBe('partial');
    expect(l.message).toMatch(/no CI job runs it/);
  });
});
