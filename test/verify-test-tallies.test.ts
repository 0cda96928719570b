/**
 * readiness verify: "15 pages covered by tests", "34/34 Task #11 tests" count tests or tally a run;
 * a test file whose name shares a word with the line (pages.spec.ts, task_controller_test.exs) settles
 * neither, so they are not confirmed by it. "Pages tests" still names the tests of a thing.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': '{"name":"web","devDependencies":{"@playwright/test":"^1.40.0"}}\n',
  'tests/e2e/pages.spec.ts': "test('home', async () => {});\ntest('about', async () => {});\n",
  'tests/e2e/task.spec.ts': "test('task', async () => {});\n",
};

describe('a count or tally of tests beside a test file named for one of its words', () => {
  const doc = [
    '# Status', // 1
    '', // 2
    '- ✅ 15 pages covered by tests', // 3
    '- ✅ 34/34 Task #11 tests', // 4
    '- ✅ Pages tests', // 5
  ].join('\n');
  const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));

  it('is not confirmed by the file name', () => {
    expect(at(3).verdict).not.toBe('confirmed');
    expect(at(4).verdict).not.toBe('confirmed');
    expect(at(4).reason).not.toContain('test files named for Task');
  });
  it('still confirms the tests of a thing a test file is named for', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).reason).toContain('pages.spec.ts');
  });
});
