/**
 * readiness verify: "GET /api/bookings/:id" where the server mounts a router at /api/bookings and the
 * router registers '/:id' is the route the code composes — confirmed with the route and the mount as
 * evidence, not "not found". A method the line names must be one the route serves.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': '{"name":"bookings","dependencies":{"express":"^4.18.0"}}\n',
  'src/index.js': [
    "const express = require('express');",
    "import adminRoutes from './routes/admin.js';",
    'const app = express();',
    "app.use('/api', limiter);",
    "app.use('/api/bookings', require('./routes/bookings'));",
    "app.use('/api/admin', adminRoutes);",
    'app.listen(3000);',
    '',
  ].join('\n'),
  'src/routes/bookings.js': [
    "const router = require('express').Router();",
    "router.get('/', list);",
    "router.get('/:id', authenticate, show);",
    "router.route('/:id/notes')",
    '  .get(listNotes)',
    '  .post(addNote);',
    "router.delete('/:id', authenticate, remove);",
    "// router.patch('/:id', authenticate, patch);",
    'module.exports = router;',
    '',
  ].join('\n'),
  'src/routes/admin.js': [
    "const router = require('express').Router();",
    "const reports = require('./reports');",
    "router.use('/reports', reports);",
    'module.exports = router;',
    '',
  ].join('\n'),
  'src/routes/reports.js': [
    "const router = require('express').Router();",
    "router.get('/chart/:reportType', chart);",
    'module.exports = router;',
    '',
  ].join('\n'),
};

describe('a route under a mounted router', () => {
  const doc = [
    '# Handover', // 1
    '', // 2
    '## API', // 3
    '- `GET /api/bookings/:id` - booking detail', // 4
    '- `PUT /api/bookings/:id` - update a booking', // 5
    '- `POST /api/bookings/:bookingId/notes` - add a note', // 6
    '- `GET /api/admin/reports/chart/:reportType` - chart data', // 7
    '- `GET /api/invoices/:id` - invoice detail', // 8
    '- `GET /api/bookings/:id/history` - booking history', // 9
    '- `DELETE /api/bookings/{bookingId}` - cancels the booking', // 10
    '- `PATCH /api/bookings/:id` - partial update', // 11
  ].join('\n');
  const { at } = verifier('HANDOVER.md')(tree, doc, reportWith([]));

  it('is confirmed from the mount and the router, with both as evidence', () => {
    expect(at(4).verdict).toBe('confirmed');
    const shown = at(4).evidence.map((e) => `${e.path}:${e.line}`);
    expect(shown).toContain('src/routes/bookings.js:3');
    expect(shown).toContain('src/index.js:5');
  });
  it('is partly there when the path is routed for another method only', () => {
    expect(at(5).verdict).toBe('partially-confirmed');
    expect(at(5).reason).toContain('not for PUT');
  });
  it('is confirmed from the registration of the method the line names', () => {
    expect(at(10).verdict).toBe('confirmed');
    expect(at(10).evidence.map((e) => `${e.path}:${e.line}`)).toContain('src/routes/bookings.js:7');
  });
  it('does not count a registration that is commented out', () => {
    expect(at(11).verdict).not.toBe('confirmed');
  });
  it('reads the methods chained after router.route()', () => {
    expect(at(6).verdict).toBe('confirmed');
  });
  it('follows a router mounted inside a mounted router', () => {
    expect(at(7).verdict).toBe('confirmed');
    expect(at(7).evidence.map((e) => `${e.path}:${e.line}`)).toContain('src/routes/reports.js:2');
  });
  it('is not confirmed when no mount leads to the route', () => {
    expect(at(8).verdict).not.toBe('confirmed');
    expect(at(9).verdict).not.toBe('confirmed');
  });
});
