/**
 * readiness verify: contradictions found (round 20, development on rounds 5–19). Each case is a small
 * document of our own against an in-memory tree: the claim's own value (a count, a version, a name) is
 * compared with the repository's facts, and contradicted only where the repository settles it.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a total of tests the line gives, under a heading whose words name no part of the suite', () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","devDependencies":{"vitest":"1.0.0"}}\n',
    'src/cart.test.ts': "import { it } from 'vitest';\nit('adds', () => {});\nit('removes', () => {});\n",
    'src/pay.test.ts': "import { it } from 'vitest';\nit('pays', () => {});\nit('refunds', () => {});\n",
  };
  const doc = [
    '# Report', // 1
    '', // 2
    '### Test Suite Health', // 3
    '- **Framework**: Vitest', // 4
    '- **Total Tests**: 40', // 5
    '', // 6
    '### Test Suite Vitality', // 7
    '- **Total Tests**: 4', // 8
  ].join('\n');
  const { at } = verifier('REPORT.md')(tree, doc, reportWith([]));

  it('is compared with the whole suite and contradicted when it differs', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('4 test cases');
  });
  it('is confirmed when the suite holds that many', () => {
    expect(at(8).verdict).toBe('confirmed');
  });
});
