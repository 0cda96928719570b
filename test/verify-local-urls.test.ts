/**
 * readiness verify: an item that is only a route — a local server's address ("- http://localhost:3001/api/data")
 * or a method and a path ("- GET /api/orders") — states that the project serves it. Found among the
 * routes the code registers, it is confirmed although the item has no status mark; a route the code
 * does not register is not confirmed. A remote address is not the repository's route.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('an item that is only a route', () => {
  const tree: Tree = {
    'package.json': '{"name":"svc","version":"1.0.0","dependencies":{"express":"^4.18.0"}}\n',
    'index.js': [
      "const express = require('express');",
      'const app = express();',
      'const PORT = process.env.PORT || 3001;',
      "app.get('/api/data', (req, res) => res.json({ ok: true }));",
      "app.get('/api/orders', (req, res) => res.json([]));",
      'app.listen(PORT);',
    ].join('\n'),
  };
  const doc = [
    '# ✅ Integration summary', // 1
    '', // 2
    '### Available endpoints', // 3
    '', // 4
    '- http://localhost:3001/api/data', // 5
    '- http://localhost:3001/api/reports', // 6
    '- GET /api/orders', // 7
    '- https://api.example.com/api/data', // 8
  ].join('\n');
  const { at, has } = verifier('SUMMARY.md')(tree, doc);

  it('a local address whose path the code routes is confirmed', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]!.path).toBe('index.js');
  });
  it('a method and a path the code routes is confirmed', () => {
    expect(at(7).verdict).toBe('confirmed');
  });
  it('a local address whose path no code routes is not confirmed', () => {
    expect(at(6).verdict).not.toBe('confirmed');
    expect(at(6).verdict).not.toBe('partially-confirmed');
  });
  it('a remote address is not confirmed by a local route of the same path', () => {
    expect(has(8) ? at(8).verdict : 'unverifiable').toBe('unverifiable');
  });
});
