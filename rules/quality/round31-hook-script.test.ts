import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './pre-commit-hooks.js';

/** Blind round 31: a hook calling an argument-dispatch script runs the arm it names; `[` and `cd` are not checks. */
const script = (arm: string) =>
  [
    '#!/bin/sh',
    'group=${1:-default}',
    'if [ $group = "server" ]',
    'then',
    '  cd src',
    '  poetry run alembic upgrade head',
    '  python main.py',
    'elif [ $group = "check" ]',
    'then',
    '  cd src',
    `  ${arm}`,
    'fi',
    '',
  ].join('\n');
const hook =
  'repos:\n  - repo: local\n    hooks:\n      - id: format\n        name: format\n        language: system\n        entry: bash\n        args: ["run.sh", "check"]\n        pass_filenames: false\n';

ruleTester(rule, {
  valid: [
    {
      name: 'the hook runs the `check` arm: Black, not `[`, alembic or main.py of the `server` arm',
      tree: { '.pre-commit-config.yaml': hook, 'run.sh': script('poetry run black . --check') },
      expect: { outcome: 'pass', message: 'Commit hooks (pre-commit) run Black.' },
    },
  ],
  invalid: [
    {
      name: 'the `check` arm only installs, tests and changes directory: `poetry install`, `[` and `cd` check nothing',
      tree: { '.pre-commit-config.yaml': hook, 'run.sh': script('poetry install && [ -d build ] && echo built') },
      expect: { outcome: 'partial', message: 'but they run no linter, formatter, type checker, scanner or tests' },
    },
  ],
});
