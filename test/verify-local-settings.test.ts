/**
 * readiness verify: ".env configured" where .gitignore keeps .env out is local state: a script that
 * writes the file does not confirm it is set up (round 30, development set).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const doc = ['# Handover', '', '### Setup', '- ✅ `.env`ファイル設定済み'].join('\n');
const base: Tree = {
  'package.json': '{"name":"api","dependencies":{"express":"^4.19.0"}}\n',
  'scripts/setup-database.sh': '#!/bin/sh\nif [ "$create" = "y" ]; then\n  cat > .env << \'EOF\'\nPORT=3000\nEOF\nfi\n',
};

describe('a local settings file said to be set up', () => {
  it('is not confirmed by a script that writes it when .gitignore keeps it out', () => {
    const { result } = verifier('HANDOVER.md')({ ...base, '.gitignore': 'node_modules/\n.env\n' }, doc, reportWith([]));
    const c = result.claims.find((x) => x.line === 4);
    expect(c?.verdict ?? 'unverifiable', c?.reason).toBe('unverifiable');
    expect(c?.reason).toContain('local state');
    expect(c?.evidence[0]?.path).toBe('.gitignore');
  });
  it('keeps what the search found when nothing keeps the file out', () => {
    const { result } = verifier('HANDOVER.md')(base, doc, reportWith([]));
    const c = result.claims.find((x) => x.line === 4);
    expect(c?.reason ?? '').not.toContain('local state');
  });
});
