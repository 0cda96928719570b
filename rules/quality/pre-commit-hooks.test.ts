import { expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './pre-commit-hooks.js';

ruleTester(rule, {
  valid: [
    {
      name: 'CaptainHook actions run phpcs on the staged PHP files (through a composer script) before a commit',
      tree: {
        'captainhook.json':
          '{\n    "config": { "verbosity": "normal" },\n    "commit-msg": { "enabled": false, "actions": [] },\n    "pre-push": {\n        "enabled": true,\n        "actions": [ { "action": "composer test" } ]\n    },\n    "pre-commit": {\n        "enabled": true,\n        "actions": [\n            {\n                "action": "\\\\CaptainHook\\\\App\\\\Hook\\\\Composer\\\\Action\\\\CheckLockFile"\n            },\n            {\n                "action": "composer phpcs -- {$STAGED_FILES|of-type:php}",\n                "conditions": [ { "exec": "\\\\CaptainHook\\\\App\\\\Hook\\\\Condition\\\\FileStaged\\\\OfType", "args": ["php"] } ]\n            }\n        ]\n    }\n}\n',
        'composer.json':
          '{\n  "name": "acme/ids",\n  "scripts": {\n    "phpcs": "phpcs --cache=build/phpcs.cache",\n    "test": "phpunit"\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Commit hooks (captainhook) run',
        evidence: [{ path: 'composer.json', line: 4 }],
      },
    },
    {
      name: 'the husky v4 "hooks" key runs with husky 4 installed',
      tree: {
        'package.json':
          '{\n  "name": "mooc",\n  "devDependencies": {\n    "husky": "^4.3.8",\n    "lint-staged": "10.5.4",\n    "prettier": "^2.2.1"\n  },\n  "husky": {\n    "hooks": {\n      "pre-commit": "lint-staged"\n    }\n  },\n  "lint-staged": {\n    "src/**/*.ts": ["prettier --write"]\n  }\n}\n',
      },
      expect: { outcome: 'pass', message: 'Commit hooks (husky) run Prettier' },
    },
    {
      name: 'an old-style .pre-commit-config.yaml (a top-level list of repos, `sha:`, a local hook by its entry) is read (round 20)',
      tree: {
        '.pre-commit-config.yaml': [
          '-   repo: git://github.com/pre-commit/pre-commit-hooks', // 1
          '    sha: v0.9.1', // 2
          '    hooks:', // 3
          '    -   id: trailing-whitespace', // 4
          '    -   id: flake8', // 5
          '-   repo: https://github.com/ambv/black', // 6
          '    rev: stable', // 7
          '    hooks:', // 8
          '    - id: black', // 9
          '-   repo: local', // 10
          '    hooks:', // 11
          '    -   id: security-check', // 12
          '        name: bandit', // 13
          '        entry: bandit', // 14
          "        args: ['-r', 'app']", // 15
          '        language: system', // 16
          '', // 17
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'Commit hooks (pre-commit) run Bandit, Black, Flake8',
        evidence: [
          { path: '.pre-commit-config.yaml', line: 5 },
          { path: '.pre-commit-config.yaml', line: 9 },
          { path: '.pre-commit-config.yaml', line: 12 },
        ],
      },
    },
    {
      name: 'pre-commit config lists its hooks',
      tree: {
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.6.0\n    hooks:\n      - id: ruff\n      - id: ruff-format\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Commit hooks (pre-commit) run Ruff and Ruff format',
        evidence: [
          {
            path: '.pre-commit-config.yaml',
            line: 5,
            note: 'pre-commit hook runs Ruff: .pre-commit-config.yaml:5 (pre-commit hook ruff) → Ruff',
          },
        ],
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
        message: 'Commit hooks (husky) run ESLint',
        evidence: [
          {
            path: 'package.json',
            line: 3,
            note: 'husky hook runs ESLint: .husky/pre-commit:1 (husky pre-commit) → package.json:3 (lint-staged *.ts) → ESLint',
          },
        ],
      },
    },
    {
      name: 'lefthook',
      tree: { 'lefthook.yml': 'pre-commit:\n  commands:\n    lint:\n      run: golangci-lint run\n' },
      expect: { outcome: 'pass', data: { managers: ['lefthook'] } },
    },
    {
      name: 'pre-commit hooks that check spelling, docstrings and config files are checks, though none is a linter',
      tree: {
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/codespell-project/codespell\n    rev: v2.3.0\n    hooks:\n      - id: codespell\n  - repo: https://github.com/abravalheri/validate-pyproject\n    rev: v0.23\n    hooks:\n      - id: validate-pyproject\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v5.0.0\n    hooks:\n      - id: check-yaml\n',
      },
      expect: {
        outcome: 'pass',
        message: ['Commit hooks (pre-commit) run', 'codespell', 'validate-pyproject'],
        evidence: [{ path: '.pre-commit-config.yaml', line: 5 }],
      },
    },
    {
      name: 'committed .githooks/pre-commit that a Makefile setup target points git at (core.hooksPath): installed, a pass',
      tree: {
        '.githooks/pre-commit': '#!/bin/sh\nset -e\nruff check\n',
        Makefile: 'setup:\n\tpip install -e .\n\tgit config core.hooksPath .githooks\n',
        'pyproject.toml': '[project]\nname = "ledger"\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: '.githooks/pre-commit', line: 3, note: expect.stringContaining('→ Ruff') },
          { path: 'Makefile', line: 3, note: 'installs the committed hooks' },
        ],
      },
    },
    {
      name: 'hooks in a directory of any name that a preinstall script points git at (core.hooksPath): installed and run (round 42)',
      tree: {
        'package.json':
          '{\n  "name": "web",\n  "scripts": {\n    "preinstall": "./bin/preinstall.sh || true",\n    "lint": "eslint ."\n  }\n}\n',
        'bin/preinstall.sh':
          '#!/bin/bash\nif git --version >/dev/null 2>&1; then\n  git config core.hooksPath ./bin/githooks\nfi\n',
        'bin/githooks/pre-commit': '#!/bin/bash\nset -e\nyarn lint\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'package.json',
            line: 5,
            note: expect.stringContaining('bin/githooks/pre-commit:3 (git hooks pre-commit)'),
          },
          { path: 'bin/preinstall.sh', line: 3, note: 'installs the committed hooks' },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'an installed hook directory (core.hooksPath from preinstall) whose hook only bumps the version: partial, not "no hooks" (round 42)',
      tree: {
        'package.json': '{\n  "name": "web",\n  "scripts": {\n    "preinstall": "./bin/preinstall.sh"\n  }\n}\n',
        'bin/preinstall.sh': '#!/bin/bash\ngit config core.hooksPath ./bin/githooks\n',
        'bin/githooks/pre-commit':
          '#!/bin/bash\ngit fetch\nnext=$((patch+1))\nnpm version patch --no-git-tag-version\ngit add package.json\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: ['Hooks are set up (git hooks), but they run no linter', 'they run git and npm'],
        evidence: [{ path: 'bin/githooks/pre-commit', note: 'committed git hook' }],
      },
    },
    {
      name: 'core.hooksPath pointing outside the repository or into .git is not a committed hook directory',
      tree: {
        'package.json':
          '{\n  "name": "web",\n  "scripts": {\n    "prepare": "git config core.hooksPath ../shared-hooks"\n  }\n}\n',
        '../shared-hooks/pre-commit': '#!/bin/sh\neslint .\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a hook script committed at the root to copy into .git/hooks by hand: it checks, but nothing installs it (round 12, Django app)',
      tree: {
        'pre-commit':
          '#!/bin/sh\nset -e\n\n# this script must be placed in .git/hooks/pre-commit for it to run automatically\n\nruff check\n',
        'CONTRIBUTING.md':
          '# Contributing\n\nCopy the pre-commit script in the root to .git/hooks to lint before each commit.\n',
        'pyproject.toml': '[project]\nname = "ledger"\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: [
          'Committed git hook scripts (pre-commit) run Ruff, but nothing installs them',
          'by hand (as CONTRIBUTING.md:3 says)',
        ],
        evidence: [
          { path: 'pre-commit', line: 6, note: expect.stringContaining('→ Ruff') },
          { path: 'CONTRIBUTING.md', line: 3, note: 'installation left to the developer' },
        ],
      },
    },
    {
      name: 'CaptainHook with every hook disabled runs nothing: named, partial',
      tree: {
        'captainhook.json':
          '{\n  "pre-commit": {\n    "enabled": false,\n    "actions": [ { "action": "composer phpcs" } ]\n  }\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        evidence: [{ path: 'captainhook.json', note: 'CaptainHook configured' }],
      },
    },
    {
      name: 'a husky v4 "hooks" key with husky 5 installed (lockfile) runs nothing: fail, naming why',
      tree: {
        'package.json':
          '{\n  "name": "mooc",\n  "devDependencies": {\n    "husky": "^5.1.3",\n    "lint-staged": "10.5.4",\n    "prettier": "^2.2.1"\n  },\n  "husky": {\n    "hooks": {\n      "pre-commit": "lint-staged"\n    }\n  },\n  "lint-staged": {\n    "src/**/*.ts": ["prettier --write"]\n  }\n}\n',
        'package-lock.json':
          '{\n  "lockfileVersion": 2,\n  "packages": {\n    "node_modules/husky": {\n      "version": "5.2.0",\n      "dev": true\n    }\n  }\n}\n',
      },
      expect: {
        outcome: 'fail',
        message: ['husky v4 "hooks" key in package.json is ignored by the installed husky 5', 'nothing runs it'],
        evidence: [
          {
            path: 'package.json',
            line: 8,
            note: 'husky v4 "hooks" key, ignored by the installed husky 5 (package-lock.json:4), which runs only .husky/<hook> scripts',
          },
          { path: 'package.json', line: 13, note: 'lint-staged configured' },
        ],
      },
    },
    {
      name: 'a husky hook that only prints a reminder runs no check: partial, naming what it runs',
      tree: { '.husky/pre-commit': 'echo "remember to run npm test"\n' },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: ['Hooks are set up (husky)', 'run no linter'],
        evidence: [{ path: '.husky/pre-commit' }],
      },
    },
    {
      name: 'lint-staged with a JavaScript config but no hook manager to run it',
      tree: { 'lint-staged.config.js': "export default { '*.ts': ['eslint --fix', 'prettier --write'] };\n" },
      expect: { outcome: 'partial', score: 0.5, message: 'no hook manager runs it' },
    },
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
