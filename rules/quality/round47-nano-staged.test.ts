import { describe, expect, it } from 'vitest';
import rule from './pre-commit-hooks.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 47: simple-git-hooks running `npx nano-staged`, whose package.json block runs
 * `eslint --fix` on staged files, was read as a hook that runs no check. nano-staged is followed
 * like lint-staged.
 */
const pkg = (command: string) =>
  [
    '{',
    '  "name": "web",',
    '  "devDependencies": { "eslint": "^9.0.0", "nano-staged": "^1.0.0", "simple-git-hooks": "^2.0.0" },',
    '  "simple-git-hooks": {',
    '    "pre-commit": "npx nano-staged"',
    '  },',
    '  "nano-staged": {',
    `    "*": "${command}"`,
    '  }',
    '}',
    '',
  ].join('\n');

describe('pre-commit-hooks: nano-staged followed like lint-staged (blind round 47)', () => {
  it('a pre-commit hook running nano-staged → eslint --fix runs a linter: pass', async () => {
    const run = await runRuleOn(rule, { 'package.json': pkg('eslint --fix') });
    expect(run.outcome).toBe('pass');
    expect(JSON.stringify(run.evidence)).toContain('ESLint');
  });

  it('nano-staged that only echoes runs no check: partial', async () => {
    const run = await runRuleOn(rule, { 'package.json': pkg('echo staged') });
    expect(run.outcome).toBe('partial');
  });
});
