/**
 * readiness verify: an endpoint written in an Express router file that no file requires or imports
 * is defined but never mounted, so it is not served: partly there, not confirmed.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const router = (path: string, route: string) =>
  [
    "const express = require('express');",
    'const router = express.Router();',
    '/**',
    ` * - GET ${path}${route} - the count for the badge`,
    ' */',
    `router.get('${route}', async (req, res) => res.json({ count: 0 }));`,
    'module.exports = router;',
    '',
  ].join('\n');

const tree: Tree = {
  'package.json': '{"name":"meters","dependencies":{"express":"^4.18.0"}}\n',
  'src/server.js': [
    "const express = require('express');",
    "const meterRoutes = require('./routes/meters');",
    "// const alertRoutes = require('./routes/alerts'); // disabled",
    'const app = express();',
    "app.use('/api/meters', meterRoutes);",
    'app.listen(3000);',
    '',
  ].join('\n'),
  'src/routes/meters.js': router('/api/meters', '/total'),
  'src/routes/alerts.js': router('/api/alerts', '/open'),
  'src/routes/notifications.js': router('/api/notifications', '/count'),
};

describe('an endpoint in a router file', () => {
  const doc = [
    '# Summary', // 1
    '', // 2
    '## API', // 3
    '- ✅ `GET /api/meters/total` - Meter count', // 4
    '- ✅ `GET /api/notifications/count` - Notification count for the badge', // 5
    '- ✅ `GET /api/alerts/open` - Open alerts', // 6
  ].join('\n');
  const { at } = verifier('SUMMARY.md')(tree, doc, reportWith([]));

  it('is confirmed when the server requires the router', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it('is partly there when no file requires the router', () => {
    expect(at(5).verdict).toBe('partially-confirmed');
    expect(at(5).reason).toContain('not mounted');
  });
  it('is partly there when the only require is commented out', () => {
    expect(at(6).verdict).toBe('partially-confirmed');
  });
});
