import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import type { ToolKind } from '../../types.js';
import { commandGraph, describeChain, runsOf } from './index.js';

/** Blind round 31: a script that dispatches on its arguments runs only the arm its caller picks. */
function chains(tree: Tree, kind: ToolKind, origin: 'ci' | 'hook' = 'ci'): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, kind, origin).map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
}

const gha = (steps: string) =>
  `on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

/** A wrapper whose first argument picks a group and whose second picks the task, by `if`/`elif` tests. */
const SCRIPT = [
  '#!/bin/sh',
  'group=${1:-default}',
  'if [ $group = "server" ]',
  'then',
  '  poetry run alembic upgrade head',
  '  task=${2:-launch}',
  '  if [ "$task" = "tests" ]; then',
  '    poetry run pytest tests/',
  '  else',
  '    python main.py',
  '  fi',
  'elif [ $group = "check" ]',
  'then',
  '  task=${2:-types}',
  '  if [ $task = "types" ]',
  '  then',
  '    poetry run mypy .',
  '  elif [[ $task == format* ]]',
  '  then',
  '    poetry run black . --check',
  '  elif test "$task" = "imports"; then poetry run isort .',
  '  fi',
  'else',
  '  echo "unknown: $group"',
  '  exit 1',
  'fi',
  '',
].join('\n');

describe('argument-dispatch scripts (if/elif chains on $1, $2)', () => {
  it('CI calling `run.sh check types` runs the type check only, not the tests or formatter of the other arms', () => {
    const tree = { '.github/workflows/ci.yml': gha('      - run: ./run.sh check types\n'), 'run.sh': SCRIPT };
    expect(chains(tree, 'typecheck')).toEqual(['.github/workflows/ci.yml:7 → run.sh:17 → mypy']);
    expect(chains(tree, 'test')).toEqual([]);
    expect(chains(tree, 'format')).toEqual([]);
  });

  it('each argument reaches its own arm: nested tests, `[[ == glob ]]`, `test` and a one-line `then`', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: ./run.sh server tests\n      - run: ./run.sh check format-check\n      - run: ./run.sh check imports\n',
      ),
      'run.sh': SCRIPT,
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → run.sh:8 → pytest']);
    expect(chains(tree, 'format')).toEqual([
      '.github/workflows/ci.yml:8 → run.sh:20 → Black',
      '.github/workflows/ci.yml:9 → run.sh:21 → isort',
    ]);
    expect(chains(tree, 'typecheck')).toEqual([]);
  });

  it('an argument no arm matches runs none (the else arm only); a value it cannot know keeps every arm', () => {
    const none = { '.github/workflows/ci.yml': gha('      - run: ./run.sh deploy\n'), 'run.sh': SCRIPT };
    expect(chains(none, 'test')).toEqual([]);
    expect(chains(none, 'typecheck')).toEqual([]);
    const unknown = { '.github/workflows/ci.yml': gha('      - run: ./run.sh "$MODE" "$TASK"\n'), 'run.sh': SCRIPT };
    expect(chains(unknown, 'test')).toEqual(['.github/workflows/ci.yml:7 → run.sh:8 → pytest']);
    expect(chains(unknown, 'typecheck')).toEqual(['.github/workflows/ci.yml:7 → run.sh:17 → mypy']);
  });

  it('a pre-commit hook passing arguments to the script runs the arm it names', () => {
    const tree = {
      '.pre-commit-config.yaml':
        'repos:\n  - repo: local\n    hooks:\n      - id: format\n        name: format\n        language: system\n        entry: bash\n        args: ["run.sh", "check", "format"]\n        pass_filenames: false\n',
      'run.sh': SCRIPT,
    };
    expect(chains(tree, 'format', 'hook').map((c) => c.replace(/^.*→ /, ''))).toEqual(['Black']);
    expect(chains(tree, 'test', 'hook')).toEqual([]);
    expect(chains(tree, 'typecheck', 'hook')).toEqual([]);
  });
});
