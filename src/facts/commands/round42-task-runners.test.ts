import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain } from './index.js';

function chains(tree: Tree): string[] {
  const g = commandGraph(memoryIndex(tree));
  return g.runs
    .filter((r) => r.origin.kind === 'ci' && r.tools.length)
    .flatMap((r) => r.tools.map((t) => describeChain(r, t.name)));
}

const pyproject = [
  '[project]',
  'name = "lib"',
  '',
  '[tool.poe.tasks]',
  'test = "pytest"',
  'docs = "sphinx-build -W -b html doc build"',
  'check = ["test", "docs"]',
  '',
  '[tool.poe.tasks.lint]',
  'sequence = [',
  '    { cmd = "ruff check ." },',
  '    { cmd = "ruff format --check ." },',
  ']',
  '',
].join('\n');

describe('round 42: CI steps reached through a task runner', () => {
  it('poe tasks named by a matrix entry of `uv run --python … poe ${{ matrix.task }}`', () => {
    const tree: Tree = {
      'pyproject.toml': pyproject,
      '.github/workflows/ci.yaml': [
        'on: push',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    strategy:',
        '      matrix:',
        '        include:',
        '          - python: "3.12"',
        '            task: check',
        '          - python: "3.13"',
        '            task: lint',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: uv run --python ${{ matrix.python }} poe ${{ matrix.task }}',
        '',
      ].join('\n'),
    };
    // Each include entry is one job: `poe check` (a list of task names) and `poe lint` (its own table).
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yaml:14 → pyproject.toml:7 (poe task check) → pyproject.toml:5 (poe task test) → pytest',
      '.github/workflows/ci.yaml:14 → pyproject.toml:9 (poe task lint) → Ruff',
      '.github/workflows/ci.yaml:14 → pyproject.toml:9 (poe task lint) → Ruff format',
    ]);
    // A task the matrix does not name is not run in CI.
    const only = {
      ...tree,
      '.github/workflows/ci.yaml': tree['.github/workflows/ci.yaml']!.replace('task: lint', 'task: docs'),
    };
    expect(chains(only)).toEqual([
      '.github/workflows/ci.yaml:14 → pyproject.toml:7 (poe task check) → pyproject.toml:5 (poe task test) → pytest',
    ]);
  });
});
