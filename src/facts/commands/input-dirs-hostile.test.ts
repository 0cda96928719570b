/**
 * A reusable workflow whose steps run in a folder its caller names with matrix expressions
 * (`p/${{ matrix.a }}/${{ matrix.b }}`): the folders are listed once per pattern, not once per step.
 * 400 steps over 10,000 packages listed the tree 400 times (5.4 s; 20,000 packages 10 s).
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain } from './index.js';

const STEPS = 400;
const tree: Tree = {
  '.github/workflows/ci.yml': [
    'on: push',
    'jobs:',
    '  web:',
    '    uses: ./.github/workflows/node-ci.yml',
    '    with:',
    '      working-directory: p/${{ matrix.a }}/${{ matrix.b }}',
    '',
  ].join('\n'),
  '.github/workflows/node-ci.yml': [
    'on:',
    '  workflow_call:',
    '    inputs:',
    '      working-directory:',
    '        type: string',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    defaults:',
    '      run:',
    '        working-directory: ${{ inputs.working-directory }}',
    '    steps:',
    ...Array.from({ length: STEPS }, (_, i) => `      - run: npm run t${i}`),
    '',
  ].join('\n'),
};
for (let i = 0; i < 10_000; i++)
  tree[`p/a${i % 100}/b${i}/package.json`] = JSON.stringify({ name: `b${i}`, scripts: { t0: 'jest --coverage' } });

describe('working-directory from a caller’s matrix, 400 steps over 10,000 packages', () => {
  it('each step runs in the first 24 folders the pattern names, the first step reaching Jest in each', () => {
    const g = commandGraph(memoryIndex(tree));
    const jest = g.runs.filter((r) => r.tools.some((t) => t.name === 'Jest'));
    expect(jest).toHaveLength(24);
    expect(describeChain(jest[0]!, 'Jest')).toBe(
      '.github/workflows/ci.yml:4 → .github/workflows/node-ci.yml:13 (job test) → p/a0/b0/package.json:1 (npm script t0) → Jest',
    );
    expect(new Set(jest.map((r) => r.chain.at(-1)!.path.split('/').slice(0, 3).join('/'))).size).toBe(24);
  });
});
