/**
 * readiness verify: "**Implementation**: `src/utils/logger.ts`" under a done item says where the code
 * is. The file there confirms it; no file at that place (gone, or moved to another folder) makes the
 * line out of date — contradicted, naming where the same name is — whatever a rule finds of the practice.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': '{"name":"starter","version":"1.0.0","dependencies":{"express":"^5.0.0"}}\n',
  'src/middleware/cors.middleware.ts': 'export const cors = () => {};\n',
};

describe('the place a done item names for its code', () => {
  const doc = [
    '# Improvements', // 1
    '', // 2
    '### ✅ 1. CORS Configuration', // 3
    '- **Status**: ✅ Completed', // 4
    '- **Implementation**: `src/middleware/cors.middleware.ts`', // 5
    '', // 6
    '### ✅ 2. Structured Logging', // 7
    '- **Status**: ✅ Completed', // 8
    '- **Implementation**: `src/utils/logger.ts` - structured logger', // 9
    '', // 10
    '### ✅ 3. Health Check', // 11
    '- **Status**: ✅ Completed', // 12
    '- **Implementation**: `src/routes/health.route.ts` and `src/controllers/health.controller.ts`', // 13
  ].join('\n');
  const t: Tree = { ...tree, 'src/lib/logger.ts': 'export const logger = console;\n' };
  const { at } = verifier('IMPROVEMENTS.md')(t, doc);
  it('is confirmed where the file is', () => {
    expect(at(5).verdict).toBe('confirmed');
  });
  it('is out of date where the file moved or is gone', () => {
    expect(at(9).verdict).toBe('contradicted');
    expect(at(9).reason).toMatch(/src\/lib\/logger\.ts/);
    expect(at(13).verdict).toBe('contradicted');
  });
});
