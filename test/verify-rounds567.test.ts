/**
 * readiness verify: classes found on rounds 5–7 together (used for development), each on a small
 * document of our own against an in-memory tree. Precision first: a confirmation rests on a lookup
 * of the thing the claim names, not on a practice word, a vague topic or a package's mere presence.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const verifyIn = verifier('STATUS.md');

const tree: Tree = {
  'requirements.txt': 'fastapi==0.110.0\nsqlalchemy==2.0.25\nredis==5.0.1\n',
  'app/db.py': [
    'from sqlalchemy import create_engine',
    'from sqlalchemy.pool import NullPool',
    'engine = create_engine(URL, poolclass=NullPool)',
    'cache = {}  # in-process caching of lookups',
  ].join('\n'),
  'app/main.py': [
    'from fastapi import FastAPI',
    'app = FastAPI()',
    '@app.exception_handler(Exception)',
    'async def on_error(request, exc):',
    '    return JSONResponse(status_code=500, content={})',
  ].join('\n'),
  'app/settings.py': 'REFRESH_TOKEN_EXPIRY = 2592000\n',
  'scripts/nightly-backup.sh': '#!/bin/sh\npg_dump "$DATABASE_URL" > /backups/db.sql\n',
  'README.md': '# Service\n\nRun it with uvicorn.\n',
};

describe('a vague topic is not confirmed by a rule or an unnamed file, with a state word either', () => {
  const doc = [
    '# Status', //  1
    '', //  2
    '## What Works', //  3
    '', //  4
    '- Rate limiting active', //  5
    '- Documentation complete', //  6
    '- Backup script created', //  7
  ].join('\n');
  const report = reportWith([
    {
      id: 'reliability/rate-limiting',
      outcome: 'pass',
      message: 'Rate limiting found',
      evidence: [{ path: 'app/main.py' }],
    },
  ]);
  const { at } = verifyIn(tree, doc, report);

  it('"Rate limiting active" found by a rule stays unverifiable, the rule kept in the reason', () => {
    expect(at(5).verdict).toBe('unverifiable');
    expect(at(5).reason).toMatch(/rate-limiting/);
  });

  it('"Documentation complete" is not confirmed by a README the claim does not name', () => {
    expect(at(6).verdict).toBe('unverifiable');
  });

  it('a file whose name carries the claim\'s own word ("backup") is a lookup of what the claim names', () => {
    expect(at(7).verdict).toBe('confirmed');
  });
});

describe('a declared package does not confirm what the claim says of its use', () => {
  const doc = [
    '# Stack', //  1
    '', //  2
    '- ✅ Database: SQLAlchemy ORM with async support', //  3
    '- ✅ Cache: Redis', //  4
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('"with async support" is more than the manifest shows', () => {
    expect(at(3).verdict).toBe('unverifiable');
  });

  it('the package alone is confirmed by the manifest', () => {
    expect(at(4)).toMatchObject({ verdict: 'confirmed', basis: 'dependency' });
  });
});

describe('a duration in days compares with a setting held in seconds', () => {
  it('"expiry: 30 days" is the 2592000 s a setting holds; "expiry: 7 days", compared with nothing, is open', () => {
    const { at } = verifyIn(
      tree,
      ['# Tokens', '', '- ✅ Refresh token expiry: 30 days', '- ✅ Refresh token expiry: 7 days'].join('\n'),
    );
    expect(at(3)).toMatchObject({ verdict: 'confirmed', basis: 'config' });
    expect(at(4)).toMatchObject({ verdict: 'unverifiable' });
    // Open either way: no setting holds 7 days, and the refresh-token code found names no value.
    expect(at(4).reason).toMatch(/7 days|practice word/);
  });
});
