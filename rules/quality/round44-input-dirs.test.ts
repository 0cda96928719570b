/**
 * Blind round 44 (issue 15): a composite action runs `yarn test` in the directory its caller names
 * (`working-directory: ${{ inputs.dir }}`, called with `dir: functions/${{ matrix.fn }}`). The
 * command runs in each folder that value may name, so the package's `test` script that measures
 * coverage is reached from CI.
 */
import { describe, expect, it } from 'vitest';
import coverageGate from './coverage-gate.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

function repo(dir: string, pkgDir = 'functions/notify'): Tree {
  return {
    '.github/workflows/ci.yml': [
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    strategy:',
      '      matrix:',
      '        fn: ${{ fromJSON(needs.detect.outputs.changed) }}',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: ./.github/actions/test-fn',
      '        with:',
      `          dir: ${dir}`,
      '',
    ].join('\n'),
    '.github/actions/test-fn/action.yml': [
      'name: Test',
      'inputs:',
      '  dir:',
      '    required: true',
      'runs:',
      '  using: composite',
      '  steps:',
      '    - run: |',
      '        yarn install',
      '        yarn test',
      '      working-directory: ${{ inputs.dir }}',
      '      shell: bash',
      '',
    ].join('\n'),
    [`${pkgDir}/package.json`]: JSON.stringify(
      { name: 'notify', scripts: { test: 'vitest --coverage' }, devDependencies: { vitest: '4' } },
      null,
      2,
    ),
    [`${pkgDir}/src/main.ts`]: 'export const x = 1;\n',
    [`${pkgDir}/tests/main.test.ts`]: "import { it } from 'vitest';\nit('x', () => {});\n",
  };
}

describe("round 44: a composite action's working-directory named by its caller", () => {
  it('a matrix entry in the directory: the step runs in each folder it may name, and its test script measures coverage in CI', async () => {
    const run = await runRuleOn(coverageGate, repo('functions/${{ matrix.fn }}'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('measured in CI (Vitest --coverage)');
    expect(run.evidence[0]).toMatchObject({ path: 'functions/notify/package.json', line: 4 });
    expect(run.evidence[0]!.note).toContain('.github/actions/test-fn/action.yml:10');
  });

  it('expressions side by side are one unknown part of a folder name, not a globstar', async () => {
    const run = await runRuleOn(coverageGate, repo('functions/${{ matrix.a }}${{ matrix.b }}'), { profile: 'service' });
    expect(run.message).toContain('measured in CI (Vitest --coverage)');
    const deep = await runRuleOn(coverageGate, repo('functions/${{ matrix.a }}${{ matrix.b }}', 'functions/x/notify'), {
      profile: 'service',
    });
    expect(deep.message).toContain('not seen in CI');
  });

  it('a plain value names the directory itself', async () => {
    const run = await runRuleOn(coverageGate, repo('./functions/notify'), { profile: 'service' });
    expect(run.message).toContain('measured in CI (Vitest --coverage)');
  });

  it('a package outside the folders the value may name is not reached: configured, not seen in CI', async () => {
    const run = await runRuleOn(coverageGate, repo('functions/${{ matrix.fn }}', 'tools/notify'), {
      profile: 'service',
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('not seen in CI');
  });

  it('a value that is all run-time expression (or carries glob characters) is not guessed', async () => {
    for (const dir of ['${{ matrix.fn }}', 'functions/{a,b}/${{ matrix.fn }}', '../${{ matrix.fn }}']) {
      const run = await runRuleOn(coverageGate, repo(dir), { profile: 'service' });
      expect(run.message).toContain('not seen in CI');
    }
  });
});

describe("round 44: a reusable workflow's defaults.run.working-directory named by its caller", () => {
  const tree = (dir: string): Tree => ({
    '.github/workflows/ci.yml': [
      'on: push',
      'jobs:',
      '  web:',
      '    uses: ./.github/workflows/node-ci.yml',
      '    with:',
      `      working-directory: ${dir}`,
      '',
    ].join('\n'),
    '.github/workflows/node-ci.yml': [
      'on:',
      '  workflow_call:',
      '    inputs:',
      '      working-directory:',
      '        type: string',
      "        default: '.'",
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    defaults:',
      '      run:',
      '        working-directory: ${{ inputs.working-directory }}',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: npm ci',
      '      - run: npm test',
      '',
    ].join('\n'),
    'web/package.json': JSON.stringify({ name: 'web', scripts: { test: 'jest --coverage' } }, null, 2),
    'web/src/a.ts': 'export const a = 1;\n',
    'web/src/a.test.ts': "it('a', () => {});\n",
  });

  it("the caller's folder is where npm test runs: the test script measures coverage in CI", async () => {
    const run = await runRuleOn(coverageGate, tree('web'), { profile: 'service' });
    expect(run.message).toContain('measured in CI (Jest --coverage)');
    expect(run.evidence[0]).toMatchObject({ path: 'web/package.json', line: 4 });
  });

  it('called for another folder, the package is not reached', async () => {
    const run = await runRuleOn(coverageGate, tree('api'), { profile: 'service' });
    expect(run.message).toContain('not seen in CI');
  });
});
