import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import type { ToolKind } from '../../types.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function chains(tree: Tree, kind: ToolKind): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, kind, 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
}

const WORKFLOW = [
  'on: push',
  'jobs:',
  '  ci:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - run: python -m scripts.check', // 7
  '      - run: python -m tools.tests -x', // 8
  '      - run: python -m mypy src', // 9
].join('\n');

const tree: Tree = {
  '.github/workflows/ci.yml': WORKFLOW,
  'scripts/__init__.py': '',
  'scripts/check.py':
    'import subprocess\n\n\ndef main():\n    subprocess.run(["ruff", "check", "."], check=True)\n\n\nmain()\n',
  'tools/__init__.py': '',
  'tools/tests/__main__.py': 'import sys\n\nimport pytest\n\nsys.exit(pytest.main(["tests", *sys.argv[1:]]))\n',
  // A package of the project named like the tool is not followed: `python -m mypy` is mypy.
  'mypy/__main__.py': 'print("not the type checker")\n',
};

describe('command graph: `python -m package.module` from CI', () => {
  it('follows the module to its file like a script path (module.py, or package/__main__.py)', () => {
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:7 → scripts/check.py:5 → Ruff']);
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:8 → tools/tests/__main__.py:5 → pytest']);
    expect(chains(tree, 'typecheck')).toEqual(['.github/workflows/ci.yml:9 → mypy']);
  });
});
