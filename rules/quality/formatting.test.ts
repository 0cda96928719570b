import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './formatting.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Prettier config checked in CI',
      tree: {
        '.prettierrc': '{ "singleQuote": true }\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  fmt:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx prettier --check .\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Prettier configured and checked in CI',
        evidence: [{ path: '.prettierrc' }, { path: '.github/workflows/ci.yml', line: 6 }],
      },
    },
    {
      name: 'Black in pyproject.toml',
      tree: { 'pyproject.toml': '[tool.black]\nline-length = 100\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'pyproject.toml', line: 1 }] },
    },
    {
      name: 'Spotless in a Gradle build',
      tree: {
        'build.gradle.kts':
          'plugins {\n  id("com.diffplug.spotless") version "6.25.0"\n}\nspotless { java { googleJavaFormat() } }\n',
      },
      expect: { outcome: 'pass', message: 'Spotless' },
    },
    {
      name: 'a Go module: gofmt by convention',
      tree: { 'go.mod': 'module x\n', 'main.go': 'package main\n', 'util.go': 'package main\n' },
      expect: { outcome: 'pass', message: 'gofmt' },
    },
    {
      name: 'ruff-format as a pre-commit hook',
      tree: {
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    hooks:\n      - id: ruff-check\n      - id: ruff-format\n',
        'app.py': 'x = 1\n',
      },
      expect: { outcome: 'pass', message: 'Ruff format', evidence: [{ path: '.pre-commit-config.yaml', line: 5 }] },
    },
  ],
  invalid: [
    {
      name: '.editorconfig only: partial',
      tree: { '.editorconfig': 'root = true\n[*]\nindent_style = space\n', 'app.py': 'x = 1\n' },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: '.editorconfig' }] },
    },
    {
      name: 'nothing',
      tree: { 'app.py': 'x = 1\n' },
      expect: { outcome: 'fail' },
    },
  ],
});
