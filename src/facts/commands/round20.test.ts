import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import type { ToolKind } from '../../types.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function chains(tree: Tree, kind: ToolKind): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, kind, 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
}

describe('command graph: round 20', () => {
  it('a script that runs the tests through a variable holding `docker compose --file …` is followed to the command', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: bash -x script/ci ${{ matrix.db }}\n',
      'script/ci': [
        '#!/bin/bash', // 1
        'set -e', // 2
        'dc="docker compose --file envs/compose-$1.yml"', // 3
        'trap "$dc down" EXIT', // 4
        '$dc build', // 5
        '$dc run web bin/rake db:migrate', // 6
        'echo "==> tests"', // 7
        '$dc run web bin/rails test', // 8
      ].join('\n'),
      Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → script/ci:8 → rails test']);
  });
});
