/**
 * readiness verify: a line that says CORS lets any origin in, where the code now reads its origins from
 * a setting and sets "*" nowhere, is out of date (round 30, development set); a wildcard still set
 * anywhere leaves it alone.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const doc = [
  '# Security review', // 1
  '', // 2
  '#### CORS Configuration: INSECURE', // 3
  '**Status:** ❌ WILDCARD ENABLED', // 4
  '- Wildcard CORS allows any origin', // 5
  '- CORS wildcard removed in v2', // 6
].join('\n');

const app = (origins: string) => ({
  'requirements.txt': 'fastapi==0.110.0\n',
  'app/main.py': [
    'import os',
    'from fastapi import FastAPI',
    'from fastapi.middleware.cors import CORSMiddleware',
    'app = FastAPI()',
    `cors_origins = os.getenv("CORS_ORIGINS", ${origins})`,
    'allowed_origins = [o.strip() for o in cors_origins.split(",")]',
    'if "*" in allowed_origins:',
    '    raise ValueError("no wildcard")',
    'app.add_middleware(CORSMiddleware, allow_origins=allowed_origins)',
  ].join('\n'),
});

describe('a line that says CORS lets any origin in', () => {
  it('is out of date when the origins come from a setting and no "*" is set anywhere', () => {
    const tree: Tree = app('"http://localhost:3000"');
    const { at } = verifier('REVIEW.md')(tree, doc, reportWith([]));
    expect(at(4).verdict, at(4).reason).toBe('contradicted');
    expect(at(5).verdict, at(5).reason).toBe('contradicted');
    expect(at(5).reason).toContain('app/main.py:');
    expect(at(5).evidence.some((e) => e.path === 'app/main.py')).toBe(true);
  });
  it('is not contradicted where a "*" is still the default', () => {
    const tree: Tree = app('"*"');
    const { result } = verifier('REVIEW.md')(tree, doc, reportWith([]));
    for (const line of [4, 5]) {
      const c = result.claims.find((x) => x.line === line);
      expect(c?.verdict ?? 'unverifiable').not.toBe('contradicted');
    }
  });
  it('is not read as "any origin" when it says the wildcard is gone', () => {
    const tree: Tree = app('"http://localhost:3000"');
    const { result } = verifier('REVIEW.md')(tree, doc, reportWith([]));
    const c = result.claims.find((x) => x.line === 6);
    expect(c?.reason ?? '').not.toContain('no origin is "*"');
  });
});

describe('CORS switched on with no origins (all allowed)', () => {
  it('is a wildcard: the line is not contradicted', () => {
    const tree: Tree = {
      'package.json': '{"name":"api","dependencies":{"express":"^4.19.0","cors":"^2.8.5"}}\n',
      'src/index.js': [
        "const cors = require('cors');",
        "const app = require('express')();",
        'app.use(cors());',
        "const allowedOrigins = process.env.ALLOWED_ORIGINS || 'http://localhost:3000';",
      ].join('\n'),
    };
    const { result } = verifier('REVIEW.md')(tree, doc, reportWith([]));
    const c = result.claims.find((x) => x.line === 5);
    expect(c?.verdict ?? 'unverifiable').not.toBe('contradicted');
  });
});
