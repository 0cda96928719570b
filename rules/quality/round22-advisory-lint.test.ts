import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import linting from './linting.js';

/**
 * Blind round 22 (pokeapi): ruff ran in CI only as `make lint-check || true` in a continue-on-error
 * job, and through pre-commit hooks the CI command SKIPs; linting passed as if it gated.
 */
const tree = (lint: string) => ({
  'pyproject.toml': '[project]\nname = "dex"\nversion = "1.0"\n',
  'ruff.toml': 'line-length = 100\n',
  'app/main.py': 'print("hi")\n',
  Makefile: 'lint-check:\n\tuv run ruff check .\n',
  '.github/workflows/quality.yml': `on: push\njobs:\n  ruff:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${lint}\n`,
});

describe('round 22: a linter run only as advisory does not gate', () => {
  it('`make lint-check || true` is partial and says why', async () => {
    const r = await runRuleOn(linting, tree('make lint-check || true'), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(
      /Ruff configured and run in CI, but only advisory \(`\|\| true` at \.github\/workflows\/quality\.yml:7\)/,
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'Makefile', line: 2 }));
  });

  it('a gating run passes', async () => {
    const r = await runRuleOn(linting, tree('make lint-check'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
  });
});
