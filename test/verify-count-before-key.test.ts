/**
 * readiness verify: a setting written count first ("bcrypt with 12 rounds", "HTTP calls with 3
 * retries") is a setting as "Salt rounds: 12" is — compared with the code that sets it, not left open
 * because a declared package does not count the figure.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('a count before the key it sets', () => {
  const tree: Tree = {
    'package.json': '{"name":"a","version":"1.0.0","dependencies":{"bcryptjs":"2.4.3"}}\n',
    'lib/auth.ts':
      'import bcrypt from "bcryptjs";\nconst saltRounds = 12;\nexport const hash = (p: string) => bcrypt.hash(p, saltRounds);\n',
    'lib/retry.ts': 'export const MAX_RETRIES = 3;\n',
  };
  const doc = [
    '# Security', // 1
    '', // 2
    '- ✅ bcrypt with 12 rounds', // 3
    '- ✅ bcrypt with 10 rounds', // 4
    '- ✅ HTTP calls with 3 retries', // 5
  ].join('\n');
  const { at } = verifier('SECURITY.md')(tree, doc);

  it('the value the code sets confirms the line, with the line that sets it', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence.some((e) => e.path === 'lib/auth.ts' && e.line === 2)).toBe(true);
    expect(at(5).verdict).toBe('confirmed');
  });
  it('a value the code does not set is not confirmed by the package being declared', () => {
    expect(at(4).verdict).not.toBe('confirmed');
    expect(at(4).verdict).not.toBe('partially-confirmed');
  });
});
