import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import type { ToolKind } from '../../types.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function chains(tree: Tree, kind: ToolKind): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, kind, 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
}

describe('command graph: round 19 CI commands', () => {
  it('commands inside a double-quoted `$(…)`, backticks and make `$(shell …)` run too', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make checks\n      - run: test -z "$(gofumpt -l .)"\n      - run: \'[ -z "`goimports -l .`" ]\'\n      - run: echo "built at $(date)"\n',
      Makefile: 'checks:\n\tgo vet ./...\n\t@if [ "$(shell gofmt -e -l . | wc -l)" -ne 0 ]; then exit 1; fi\n',
    };
    expect(chains(tree, 'format')).toEqual([
      '.github/workflows/ci.yml:7 → Makefile:3 (make checks) → gofmt',
      '.github/workflows/ci.yml:8 → gofumpt',
      '.github/workflows/ci.yml:9 → goimports',
    ]);
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:7 → Makefile:2 (make checks) → go vet']);
  });
});
