/**
 * readiness verify: a heading that counts the endpoints of one group of the API ("#### Users API (3)")
 * over the group's routes is compared with the routes the router mounted at their shared prefix
 * registers: more there is a stale heading (contradicted), as many confirms, none mounted leaves it open.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': '{"name":"api","dependencies":{"express":"^4.18.0"}}\n',
  'src/index.js': [
    "const express = require('express');",
    'const app = express();',
    "app.use('/api/users', require('./routes/users'));",
    "app.use('/api/bookings', require('./routes/bookings'));",
    'app.listen(3000);',
    '',
  ].join('\n'),
  'src/routes/users.js': [
    "const router = require('express').Router();",
    "router.get('/me', me);",
    "router.put('/me', update);",
    "router.put('/me/password', password);",
    "router.get('/:id', show);",
    "// router.delete('/:id', remove);",
    'module.exports = router;',
    '',
  ].join('\n'),
  'src/routes/bookings.js': [
    "const router = require('express').Router();",
    "router.get('/', list);",
    "router.post('/', create);",
    'module.exports = router;',
    '',
  ].join('\n'),
};

describe('a heading that counts a group of endpoints', () => {
  const doc = [
    '# API', // 1
    '', // 2
    '#### Users API (3)', // 3
    '- ✅ `GET /api/users/me` - own profile', // 4
    '- ✅ `PUT /api/users/me` - profile update', // 5
    '- ✅ `GET /api/users/:id` - user detail', // 6
    '', // 7
    '#### Bookings API (2)', // 8
    '- ✅ `GET /api/bookings` - booking list', // 9
    '- ✅ `POST /api/bookings` - booking creation', // 10
    '', // 11
    '#### Invoices API (2)', // 12
    '- ✅ `GET /api/invoices` - invoice list', // 13
    '- ✅ `POST /api/invoices` - invoice creation', // 14
  ].join('\n');
  const { at, has } = verifier('API.md')(tree, doc, reportWith([]));

  it('is contradicted when the router registers more routes (a commented one not counted)', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('4 routes registered in src/routes/users.js');
    expect(at(3).evidence[0]).toMatchObject({ path: 'src/index.js', line: 3 });
  });
  it('is confirmed when the router registers as many', () => {
    expect(at(8).verdict).toBe('confirmed');
  });
  it('is left open when no router is mounted at the prefix', () => {
    if (has(12)) expect(at(12).verdict).toBe('unverifiable');
  });
});
