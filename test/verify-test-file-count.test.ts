/**
 * readiness verify: "| Test files exist | ✅ PASS | 7 test files |" counts the whole suite's test files:
 * the words that say they exist name no part of it (round 30, development set).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const spec = (name: string) => `describe('${name}', () => { it('works', () => { expect(1).toBe(1); }); });\n`;

describe('a count of test files beside "exist"', () => {
  const tree: Tree = {
    'package.json': '{"name":"api","devDependencies":{"jest":"^29.0.0"}}\n',
    'src/a.ts': 'export const a = 1;\n',
    ...Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((n) => [`src/${n}.spec.ts`, spec(n)]),
    ),
  };
  const table = (n: number) =>
    [
      '# Validation',
      '',
      '| Check | Status | Notes |',
      '|---|---|---|',
      `| Test files exist | ✅ PASS | ${n} test files |`,
    ].join('\n');

  it('is out of date when the suite holds far more test files', () => {
    const { at } = verifier('VALIDATION.md')(tree, table(7), reportWith([]));
    expect(at(5).verdict, at(5).reason).toBe('contradicted');
    expect(at(5).reason).toContain('12');
  });
  it('stands when the count is the test files (that they pass is left to a run)', () => {
    const { at } = verifier('VALIDATION.md')(tree, table(12), reportWith([]));
    expect(at(5).verdict, at(5).reason).not.toBe('contradicted');
    expect(at(5).reason).toContain('12 test files');
  });
});
