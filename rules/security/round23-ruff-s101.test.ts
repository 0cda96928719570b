import { describe, expect, it } from 'vitest';
import rule from './security-scanning.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import { banditSelected } from './_lib/scanners.js';

/**
 * Blind round 23 (commitizen): Ruff selecting only `S101` (flake8-bandit's assert ban) was credited
 * as "CI runs ruff (bandit rules)". An assert ban is no security scan; the `S` family, a group of it
 * or a real security code (`S105` hard-coded password, `S608` SQL injection) is.
 */
const gha = (run: string) =>
  `name: ci\non: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;
const pyproject = (codes: string) =>
  [
    '[project]', // 1
    'name = "bumper"', // 2
    '', // 3
    '[tool.ruff.lint]', // 4
    'select = [', // 5
    '    "E",', // 6
    '    "F",', // 7
    '    # Checks for uses of the assert keyword.', // 8
    `    ${codes}`, // 9
    ']', // 10
    '',
  ].join('\n');

const tree = (codes: string, run = 'ruff check .') => ({
  'pyproject.toml': pyproject(codes),
  'bumper/__init__.py': 'x = 1\n',
  '.github/workflows/ci.yml': gha(run),
});

describe('security-scanning: Ruff S101 alone is an assert ban, not the Bandit scan (round 23)', () => {
  it('select = [..., "S101"] run by CI: no scanner', async () => {
    const run = await runRuleOn(rule, tree('"S101",'));
    expect(run.outcome).toBe('fail');
    expect(run.message).toBe('No CI job scans code or dependencies.');
    expect(run.evidence).not.toContainEqual(expect.objectContaining({ path: 'pyproject.toml' }));
  });

  it('a security code (S105) selected is the scan, cited at the select line', async () => {
    const run = await runRuleOn(rule, tree('"S101", "S105",'));
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'pyproject.toml', line: 5, note: expect.stringContaining('Bandit rules') }),
    );
  });

  it('--select S101 on the command line is no scan; --extend-select S is', async () => {
    expect((await runRuleOn(rule, tree('"W",', 'ruff check --select S101 .'))).outcome).toBe('fail');
    const ok = await runRuleOn(rule, tree('"W",', 'ruff check --extend-select S .'));
    expect(ok.outcome).toBe('pass');
    expect(ok.evidence).toContainEqual(expect.objectContaining({ path: '.github/workflows/ci.yml', line: 8 }));
  });

  it('banditSelected: the family, groups and security codes count; hygiene codes alone do not', () => {
    for (const e of [['S'], ['ALL'], ['S3'], ['S50'], ['S105'], ['S101', 'S608']])
      expect(banditSelected(e), e.join()).toBe(true);
    for (const e of [['S101'], ['S110', 'S112'], ['SIM'], ['E', 'F']]) expect(banditSelected(e), e.join()).toBe(false);
  });
});
