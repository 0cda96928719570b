/**
 * readiness verify: a label line that counts a kind of thing ("Middleware: 6", "Database Tables: 3")
 * is about how many there are; that the kind is in the repository does not confirm it (round 30,
 * development set).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a count on a label line', () => {
  const tree: Tree = {
    'go.mod': 'module example.com/api\n\ngo 1.23\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
    'main.go': 'package main\n\nfunc main() {}\n',
    'internal/middleware/auth.go': 'package middleware\n',
    'internal/middleware/cors.go': 'package middleware\n',
    'internal/middleware/logging.go': 'package middleware\n',
  };
  const doc = [
    '# Summary', // 1
    '', // 2
    '## Statistics', // 3
    '- **Middleware**: 6', // 4
    '- ✅ Middleware', // 5
  ].join('\n');
  const { result } = verifier('SUMMARY.md')(tree, doc, reportWith([]));
  const at = (line: number) => result.claims.find((c) => c.line === line);

  it('is not confirmed by the kind being there', () => {
    expect(at(4)?.verdict ?? 'unverifiable').not.toBe('confirmed');
  });
  it('while the bare kind, said done, still is', () => {
    expect(at(5)?.verdict, at(5)?.reason).toBe('confirmed');
  });
});
