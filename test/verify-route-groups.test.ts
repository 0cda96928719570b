/**
 * readiness verify: a heading that counts the endpoints of one group ("#### Users API (3 endpoints)",
 * "#### ユーザー管理API（3個）") with the group's endpoints listed under it, settled by the router file
 * named for the group (round 30, development set).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const router = (routes: string[]) =>
  ["const router = require('express').Router();", ...routes, 'module.exports = router;'].join('\n');

describe('the count of one group of endpoints', () => {
  const tree: Tree = {
    'package.json': '{"name":"api","dependencies":{"express":"^4.19.0"}}\n',
    'src/index.js': [
      "const app = require('express')();",
      "app.use('/api/users', require('./routes/users'));",
      "app.use('/api/orders', require('./routes/orders'));",
      "app.use('/api/shared', require('./routes/shared'));",
    ].join('\n'),
    'src/routes/users.js': router([
      "router.get('/me', me);",
      "router.put('/me', update);",
      "router.put('/me/password', password);",
      "router.get('/:id', byId);",
    ]),
    'src/routes/orders.js': router(["router.get('/', list);", "router.post('/', create);"]),
  };
  const doc = [
    '# Handover', // 1
    '', // 2
    '#### ユーザー管理API（3個）', // 3
    '- ✅ `GET /api/users/me` - 自分の情報取得', // 4
    '- ✅ `PUT /api/users/me` - 自分の情報更新', // 5
    '- ✅ `GET /api/users/:id` - ユーザー詳細取得', // 6
    '', // 7
    '#### Orders API (2 endpoints)', // 8
    '- ✅ `GET /api/orders` - list', // 9
    '- ✅ `POST /api/orders` - create', // 10
    '', // 11
    '#### Misc (1 endpoint)', // 12
    '- ✅ `GET /api/users/me` - again', // 13
  ].join('\n');
  const { at } = verifier('HANDOVER.md')(tree, doc, reportWith([]));

  it("is out of date when the group's router declares more routes than the heading counts", () => {
    expect(at(3).verdict, at(3).reason).toBe('contradicted');
    expect(at(3).reason).toContain('src/routes/users.js');
    expect(at(3).reason).toContain('4 routes');
    expect(at(3).evidence[0]).toMatchObject({ path: 'src/routes/users.js', line: 2 });
  });
  it("confirms a count equal to the routes of the group's router", () => {
    expect(at(8).verdict, at(8).reason).toBe('confirmed');
  });
  it('leaves a single listed endpoint open', () => {
    expect(at(12).verdict).toBe('unverifiable');
  });

  it('leaves a count above the declarations open', () => {
    const more = [
      '# API',
      '',
      '#### Users API (6 endpoints)',
      '- ✅ `GET /api/users/me` - me',
      '- ✅ `GET /api/users/:id` - by id',
    ];
    expect(verifier('API.md')(tree, more.join('\n'), reportWith([])).at(3).verdict).toBe('unverifiable');
  });

  it("leaves two groups routed by the same file open: its count is neither one's", () => {
    const two = [
      '# API',
      '',
      '#### Profile API (2 endpoints)',
      '- ✅ `GET /api/users/me` - me',
      '- ✅ `PUT /api/users/me` - update',
      '#### Directory API (2 endpoints)',
      '- ✅ `GET /api/users/:id` - by id',
      '- ✅ `GET /api/users/:id/avatar` - avatar',
    ];
    const { at: at2 } = verifier('API.md')(tree, two.join('\n'), reportWith([]));
    expect(at2(3).verdict, at2(3).reason).toBe('unverifiable');
    expect(at2(6).verdict, at2(6).reason).toBe('unverifiable');
  });
});
