/**
 * readiness verify: the code a finding shows under its "**File:**" label is what that file holds
 * today only while the finding is open. Under a finding marked resolved ("**Status:** ✅ RESOLVED",
 * "### 1. … ✅ FIXED") or in a shell block of settings ("```bash" of environment variables), the
 * lines of the section are not made contradicted because that code is not in the file.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const tree: Tree = {
  'go.mod': 'module shop\n\ngo 1.22\n',
  'database/database.go': [
    'package database',
    '',
    'import "os"',
    '',
    'func Connect() string {',
    '  user := os.Getenv("DB_USER")',
    '  return user',
    '}',
  ].join('\n'),
};

const finding = (status: string, fence: string) =>
  [
    '# Hardening', // 1
    '', // 2
    '## Critical issues', // 3
    '', // 4
    '### 1. **Hardcoded Database Credentials**', // 5
    '**File:** `database/database.go:13`', // 6
    '', // 7
    status, // 8
    '', // 9
    '**Current Implementation:**', // 10
    '- Reads credentials from environment variables', // 11
    '- Includes connection pooling', // 12
    '', // 13
    fence, // 14
    'DB_USER=shop_app', // 15
    'DB_PASSWORD=change_me', // 16
    '```', // 17
  ].join('\n');

describe('a closed finding does not take its section with it', () => {
  it('under "Status: ✅ RESOLVED", no line is contradicted for the code shown', () => {
    const { result } = verifier('HARDENING.md')(tree, finding('**Status:** ✅ **RESOLVED**', '```go'));
    const leaked = result.claims.filter((c) => /shows as current/.test(c.reason));
    expect(leaked).toEqual([]);
  });
  it("a bash block of settings is not the Go file's code", () => {
    const { result } = verifier('HARDENING.md')(tree, finding('**Risk:** leaked credentials', '```bash'));
    const leaked = result.claims.filter((c) => /shows as current/.test(c.reason));
    expect(leaked).toEqual([]);
  });
  it('an open finding whose Go code is gone is still out of date', () => {
    const { result } = verifier('HARDENING.md')(tree, finding('**Risk:** leaked credentials', '```go'));
    const leaked = result.claims.filter((c) => /shows as current/.test(c.reason));
    expect(leaked.length).toBeGreaterThan(0);
    expect(leaked.every((c) => c.verdict === 'contradicted')).toBe(true);
  });
});
