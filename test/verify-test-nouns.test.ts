/**
 * readiness verify: "Test helpers exist", "Test fixtures exist" name things of the test suite — "test"
 * is the first half of a noun there, not an instruction to test — so the folder the row gives decides.
 * "Test the login flow" still asks for work.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': '{"name":"api","devDependencies":{"jest":"^29.0.0"}}\n',
  'test/helpers/db.ts': 'export const db = () => null;\n',
  'test/fixtures/user.json': '{"name":"a"}\n',
  'test/app.spec.ts': "it('works', () => expect(1).toBe(1));\n",
};

describe('a row about the test suite’s helpers', () => {
  const doc = [
    '# Validation', // 1
    '', // 2
    '| Check | Status | Evidence |', // 3
    '|---|---|---|', // 4
    '| Test helpers exist | ✅ PASS | test/helpers/ |', // 5
    '| Test fixtures exist | ✅ PASS | test/fixtures/ |', // 6
    '| Test mocks exist | ✅ PASS | test/mocks/ |', // 7
    '| Spec fixtures exist | ✅ PASS | spec/fixtures/ |', // 8
    '', // 9
    '- [x] Test the login flow by hand', // 10
  ].join('\n');
  const { at, has } = verifier('VALIDATION.md')(tree, doc, reportWith([]));

  it('is judged by the folder it names', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).reason).not.toContain('an action to take');
    expect(at(6).verdict).toBe('confirmed');
  });
  it('is contradicted when the folder is not there', () => {
    expect(at(7).verdict).toBe('contradicted');
  });
  it('does not contradict a fixtures folder, which the file listing leaves out', () => {
    expect(at(8).verdict).not.toBe('contradicted');
  });
  it('still reads "Test the …" as an action', () => {
    if (has(10)) expect(at(10).verdict).toBe('unverifiable');
  });
});
