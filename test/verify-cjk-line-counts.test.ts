/**
 * readiness verify: "`src/config/configuration.ts` (152行)" says how long the file is, as "(152 lines)"
 * does: a file of that length is confirmed, a file much longer or shorter is there but not as said.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n');

const tree: Tree = {
  'package.json': '{"name":"starter","version":"1.0.0","dependencies":{"@nestjs/core":"^11.0.0"}}\n',
  'src/config/configuration.ts': lines(176),
  'src/config/index.ts': lines(5),
};

describe('a file length in Chinese', () => {
  const doc = [
    '# 开发计划', // 1
    '', // 2
    '### 交付文件', // 3
    '', // 4
    '- ✅ `src/config/configuration.ts` (152行)', // 5
    '- ✅ `src/config/index.ts` (5行)', // 6
  ].join('\n');
  const { at } = verifier('PLAN.md')(tree, doc);
  it('a file of another length is not confirmed', () => {
    expect(at(5).verdict).not.toBe('confirmed');
    expect(at(5).reason).toMatch(/176/);
  });
  it('a file of that length is confirmed', () => {
    expect(at(6).verdict).toBe('confirmed');
  });
});
