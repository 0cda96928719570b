/**
 * readiness verify: "**Location:** `user_management/handler.go` lines 169, 197" names the lines of a
 * finding, as "`handler.go:169`" does: the file being there does not confirm them. A line past the
 * end of the file makes the place out of date; a line within it needs a reader.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const body = Array.from({ length: 60 }, (_, i) => `// line ${i + 1}`).join('\n');
const tree: Tree = {
  'go.mod': 'module app\n\ngo 1.22\n',
  'modules/users/handler.go': `package users\n${body}\n`,
};

describe('the lines a finding names', () => {
  const doc = [
    '# Audit', // 1
    '', // 2
    '## Critical issues', // 3
    '', // 4
    '### 1. Error Information Leakage', // 5
    '**Issue:** Generic error messages hide root causes', // 6
    '**Location:** `users/handler.go` lines 12, 40', // 7
    '', // 8
    '### 2. Missing context', // 9
    '**Issue:** Queries ignore cancellation', // 10
    '**Location:** `users/handler.go` line 169', // 11
  ].join('\n');
  const { at, has } = verifier('AUDIT.md')(tree, doc);
  it('lines within the file are not confirmed by the file alone', () => {
    expect(has(7) ? at(7).verdict : 'unverifiable').not.toBe('confirmed');
  });
  it('a line past the end of the file is out of date', () => {
    expect(at(11).verdict).toBe('contradicted');
  });
});
