import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import coverageGate from './coverage-gate.js';

/**
 * Blind round 28: a Codecov `threshold: 100` (the status allows coverage to drop by 100 points: it
 * blocks nothing) was read as a gate, and CI's `npm run test -- --coverage` over `"test": "vitest"`
 * was read as "neither measured nor gated" (the arguments after `--` go to the script).
 */
const workflow = (run: string) =>
  [
    'on: [push]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: npm ci',
    `      - run: ${run}`,
  ].join('\n');

describe('round 28: Codecov threshold is the drop allowed, not a floor', () => {
  it('threshold: 100 with the default target (auto) gates nothing', async () => {
    const run = await runRuleOn(coverageGate, {
      'codecov.yml':
        'coverage:\n  status:\n    project:\n      default:\n        threshold: 100\n    patch:\n      default:\n        threshold: 100%\n',
    });
    expect(run.outcome).toBe('fail');
  });

  it('target: auto beside threshold: 100 gates nothing', async () => {
    const run = await runRuleOn(coverageGate, {
      'codecov.yml':
        'coverage:\n  status:\n    project:\n      default:\n        target: auto\n        threshold: 100\n',
    });
    expect(run.outcome).toBe('fail');
  });

  it('a threshold of 2 (a drop of more than 2 points fails the check) is still a gate', async () => {
    const run = await runRuleOn(coverageGate, {
      'codecov.yml': 'coverage:\n  status:\n    project:\n      default:\n        target: auto\n        threshold: 2\n',
    });
    expect(run.outcome).toBe('pass');
  });
});

describe('round 28: arguments forwarded to a package script count', () => {
  const pkg = JSON.stringify({ name: 'app', scripts: { test: 'vitest' }, devDependencies: { vitest: '^3.0.0' } });
  for (const cmd of [
    'npm run test -- --coverage',
    'npm test -- --coverage',
    'yarn test --coverage',
    'pnpm run test --coverage',
  ]) {
    it(`${cmd} over "test": "vitest" measures coverage`, async () => {
      const run = await runRuleOn(coverageGate, { 'package.json': pkg, '.github/workflows/ci.yml': workflow(cmd) });
      expect(run.outcome).toBe('partial');
      expect(run.message).toContain('Vitest --coverage');
    });
  }

  it('npm run test --coverage (an npm option, not passed to the script) measures nothing', async () => {
    const run = await runRuleOn(coverageGate, {
      'package.json': pkg,
      '.github/workflows/ci.yml': workflow('npm run test --coverage'),
    });
    expect(run.outcome).toBe('fail');
  });
});
