/**
 * readiness verify: a line of code the document quotes ("$count = Order::whereYear('created_at',
 * $year)->count() + 1", "`const id = crypto.randomUUID()`") is in the repository when a file holds it
 * as written (blanks aside) — not when one of its names occurs somewhere. A copy under archive/ holds
 * what the code was.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('a quoted line of code', () => {
  const tree: Tree = {
    'package.json': '{"name":"ledger","version":"1.0.0"}\n',
    'src/numbers.ts': [
      'export function nextNumber(last: number): number {',
      '  const next = lockedLast("orders", last) + 1;',
      '  return next;',
      '}',
      'function lockedLast(t: string, n: number) {',
      '  return n;',
      '}',
    ].join('\n'),
    'src/ids.ts': 'export function newId(): string {\n  const id  =  crypto.randomUUID();\n  return id;\n}\n',
    'archive/2024/src/numbers.ts':
      'export function nextNumber(): number {\n  const next = countRows("orders") + 1;\n  return next;\n}\nfunction countRows(t: string) {\n  return t.length;\n}\n',
  };
  const doc = [
    '# Audit', // 1
    '', // 2
    '- ✅ `const next = lockedLast("orders", last) + 1`', // 3
    '- ✅ `const next = countRows("orders") + 1`', // 4
    '- ✅ `ids.ts` `const id = crypto.randomUUID()`', // 5
    '- ✅ `lockedLast` guards the numbering', // 6
  ].join('\n');
  const { at } = verifier('AUDIT.md')(tree, doc);

  it('a statement a file holds is confirmed, with its place', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toContain('src/numbers.ts:2');
  });
  it('a statement only an archived copy holds is not confirmed by its names', () => {
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(4).reason).toMatch(/quotes code/);
  });
  it('blanks inside the line do not matter', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).reason).toContain('src/ids.ts:2');
  });
  it('a line about a name, not a quoted statement, is judged as before', () => {
    expect(at(6).verdict).toBe('confirmed');
  });
});
