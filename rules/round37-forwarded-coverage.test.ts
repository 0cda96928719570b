/**
 * Blind round 37 (cheerio): CI ran `npm run test:vi -- --coverage` and uploaded to Coveralls in the
 * matrix leg `if: matrix.node == env.NODE_COV`; the comparison's right side is a context reference,
 * not the literal text "env.NODE_COV", so the step is not one the matrix rules out, and coverage is
 * measured (partial: no threshold). A literal value the matrix never gives still rules a step out.
 */
import { describe, expect, it } from 'vitest';
import coverageGate from './quality/coverage-gate.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

function repo(cond: string): Tree {
  return {
    'package.json': JSON.stringify(
      {
        name: 'parse-lib',
        version: '1.0.0',
        main: 'lib/index.js',
        scripts: { test: 'npm run lint && npm run test:vi', 'test:vi': 'vitest run', lint: 'eslint .' },
        devDependencies: { vitest: '^4.0.0', '@vitest/coverage-v8': '^4.0.0' },
      },
      null,
      2,
    ),
    'package-lock.json': '{}\n',
    'src/index.ts': 'export const parse = (s: string) => s.trim();\n',
    'src/index.spec.ts': "import { it, expect } from 'vitest';\nit('parses', () => expect(1).toBe(1));\n",
    '.github/workflows/ci.yml': [
      'name: CI',
      'on: [push]',
      'env:',
      '  NODE_COV: lts/* # the Node.js version that reports coverage',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    strategy:',
      '      matrix:',
      '        node: [22, 24, lts/*]',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: npm ci',
      '      - name: Run tests',
      '        run: npm run test:vi',
      '        if: matrix.node != env.NODE_COV',
      '      - name: Run tests with coverage',
      '        run: npm run test:vi -- --coverage',
      `        if: ${cond}`,
      '      - uses: coverallsapp/github-action@v2',
      `        if: ${cond}`,
      '',
    ].join('\n'),
  };
}

describe('a coverage step in the matrix leg a context value selects', () => {
  it('`matrix.node == env.NODE_COV`: coverage measured through the forwarded --coverage, no threshold', async () => {
    const run = await runRuleOn(coverageGate, repo('matrix.node == env.NODE_COV'));
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('Vitest --coverage');
  });

  it('a literal version the matrix never gives: the step never runs, nothing measured', async () => {
    const run = await runRuleOn(coverageGate, repo("matrix.node == '18'"));
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('neither measured nor gated');
  });
});
