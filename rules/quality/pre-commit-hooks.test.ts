import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './pre-commit-hooks.js';

ruleTester(rule, {
  valid: [
    {
      name: 'pre-commit config lists its hooks',
      tree: {
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.6.0\n    hooks:\n      - id: ruff\n      - id: ruff-format\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: '.pre-commit-config.yaml', note: 'pre-commit hooks: ruff, ruff-format' }],
      },
    },
    {
      name: 'Husky pre-commit running lint-staged',
      tree: {
        '.husky/pre-commit': 'npx lint-staged\n',
        'package.json': JSON.stringify({ 'lint-staged': { '*.ts': 'eslint --fix' } }, null, 2),
      },
      expect: {
        outcome: 'pass',
        message: 'with lint-staged',
        evidence: [{ path: '.husky/pre-commit', note: 'Husky pre-commit runs `npx lint-staged`' }],
      },
    },
    {
      name: 'lefthook',
      tree: { 'lefthook.yml': 'pre-commit:\n  commands:\n    lint:\n      run: golangci-lint run\n' },
      expect: { outcome: 'pass', data: { managers: ['lefthook'] } },
    },
  ],
  invalid: [
    {
      name: 'lint-staged without anything to run it',
      tree: { '.lintstagedrc.json': '{ "*.js": "eslint" }\n' },
      expect: { outcome: 'partial', score: 0.5 },
    },
    {
      name: 'a pre-commit config with no hooks is not a hook',
      tree: { '.pre-commit-config.yaml': 'repos: []\n' },
      expect: { outcome: 'partial' },
    },
    {
      name: 'no hooks',
      tree: { 'README.md': '# x\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
});
