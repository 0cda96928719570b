/**
 * Reusable workflows and composite actions written to fan out (trust review, mend44): each `uses:`
 * was followed down every path to the hop limit, so ten workflows calling five others each (5^10
 * paths) kept the audit busy past five minutes. Expansions now count against the graph's step
 * budget. Asserted on what is found, never timed.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, runsOf } from './index.js';

const fanOut = (n: number, fan: number): Tree => {
  const tree: Tree = {
    '.github/workflows/ci.yml':
      'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/a0\n      - run: go test ./...\n',
  };
  for (let i = 0; i < n; i++) {
    const calls = Array.from(
      { length: fan },
      (_, j) => `  j${j}:\n    uses: ./.github/workflows/w${(i + j + 1) % n}.yml\n`,
    );
    tree[`.github/workflows/w${i}.yml`] =
      `on: [push, workflow_call]\njobs:\n${calls.join('')}  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/a${i}\n`;
    const steps = Array.from({ length: fan }, (_, j) => `    - uses: ./.github/actions/a${(i + j + 1) % n}\n`);
    tree[`.github/actions/a${i}/action.yml`] =
      `runs:\n  using: composite\n  steps:\n${steps.join('')}    - run: npm test\n      shell: bash\n`;
  }
  return tree;
};

describe('hostile reusable workflows and composite actions', () => {
  it('ten workflows and actions calling five others each are read within the step budget', () => {
    const g = commandGraph(memoryIndex(fanOut(10, 5)));
    const tests = runsOf(g, 'test');
    expect(
      tests.some((r) => r.origin.path === '.github/workflows/ci.yml' && r.argv.join(' ') === 'go test ./...'),
    ).toBe(true);
    // The composite action's own command is found through the first call as well.
    expect(tests.some((r) => r.origin.path === '.github/workflows/ci.yml' && r.argv.join(' ') === 'npm test')).toBe(
      true,
    );
  });
});
