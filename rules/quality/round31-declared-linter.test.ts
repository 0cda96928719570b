import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './linting.js';

/** Blind round 31: a linter only declared as a dependency is installed, not configured or run. */
const pyproject = (extra = '') =>
  `[tool.poetry]\nname = "api"\nversion = "0.1.0"\n\n[tool.poetry.group.dev.dependencies]\npylint = "^3.1.0"\nblack = "^24.3.0"\n${extra}`;

ruleTester(rule, {
  valid: [
    {
      name: 'a declared linter run by a project task (a poe task) stays "configured, not run in CI" (partial)',
      tree: { 'pyproject.toml': pyproject('\n[tool.poe.tasks]\nlint = "pylint app"\n'), 'app/main.py': 'x = 1\n' },
      expect: { outcome: 'partial', score: 0.6, message: 'Pylint configured' },
    },
    {
      name: 'an npm linter declared and run by a package script stays partial',
      tree: {
        'package.json': '{\n  "scripts": { "lint": "eslint src" },\n  "devDependencies": { "eslint": "^9.0.0" }\n}\n',
        'src/index.js': 'export const x = 1;\n',
      },
      expect: { outcome: 'partial', score: 0.6 },
    },
  ],
  invalid: [
    {
      name: 'pylint only in the dev dependencies, no config, nothing runs it: fail',
      tree: { 'pyproject.toml': pyproject(), 'app/main.py': 'x = 1\n' },
      expect: {
        outcome: 'fail',
        message: 'Pylint is only declared as a dependency: not configured, and no CI job, commit hook or project task',
        evidence: [{ path: 'pyproject.toml', line: 6 }],
      },
    },
    {
      name: 'eslint only in devDependencies, no config, no script: fail',
      tree: {
        'package.json': '{\n  "scripts": { "build": "tsc" },\n  "devDependencies": { "eslint": "^9.0.0" }\n}\n',
        'src/index.js': 'export const x = 1;\n',
      },
      expect: { outcome: 'fail', message: 'only declared as a dependency' },
    },
  ],
});
