/**
 * readiness verify: a dot-file's name a line gives (".env") is not found in a member access
 * (`process.env.DATABASE_URL`) — that is no mention of the file (round 30, development set).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a dot-file named in a line', () => {
  const doc = ['# Handover', '', '### Setup', '- ✅ `.env`ファイル設定済み'].join('\n');
  it('is not found in process.env', () => {
    const tree: Tree = {
      'package.json': '{"name":"api","dependencies":{"express":"^4.19.0"}}\n',
      'scripts/check-env.js': "if (!process.env.DATABASE_URL) {\n  console.error('missing');\n}\n",
    };
    const { result } = verifier('HANDOVER.md')(tree, doc, reportWith([]));
    const c = result.claims.find((x) => x.line === 4);
    expect(c?.verdict ?? 'unverifiable', c?.reason).not.toBe('confirmed');
    expect(c?.reason ?? '').not.toContain('scripts/check-env.js');
  });
});
