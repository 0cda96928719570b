/**
 * readiness verify: the state a run left a named thing in ("POST /api/sms: BLOQUÉ", "TestSync: Skipped
 * (no fixtures)", "Email sending works (Mailer)") is not shown by the name being in the code — the
 * thing exists, how it ran is not recorded. A line that names the thing alone is still confirmed by it.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('a run state given of a named thing', () => {
  const tree: Tree = {
    'package.json': '{"name":"app","version":"1.0.0","dependencies":{"express":"4.19.0","nodemailer":"6.9.0"}}\n',
    'server/routes.js': [
      'const express = require("express");',
      'const router = express.Router();',
      'router.post("/api/sms/verify", (req, res) => res.json({ ok: true }));',
      'router.post("/api/orders", (req, res) => res.json({ ok: true }));',
      'module.exports = router;',
    ].join('\n'),
    'server/mail.js':
      'const nodemailer = require("nodemailer");\nfunction sendMail() {\n  return nodemailer.createTransport({});\n}\nmodule.exports = { sendMail };\n',
    'test/sync.test.js': 'function testOrderSyncIntegration() {}\ntestOrderSyncIntegration();\n',
  };
  const doc = [
    '# Status', // 1
    '', // 2
    '- ✅ POST /api/orders', // 3
    '- ✅ POST /api/sms/verify: BLOQUÉ', // 4
    '- ✅ `testOrderSyncIntegration`: Skipped (no fixtures)', // 5
    '- ✅ Envoi email fonctionne (nodemailer)', // 6
    '- ✅ Email sending with nodemailer', // 7
  ].join('\n');
  const { at } = verifier('STATUS.md')(tree, doc);

  it('the route alone is confirmed by finding it', () => {
    expect(at(3).verdict).toBe('confirmed');
  });
  it('a route "blocked" is a state the code does not record', () => {
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(4).reason).toMatch(/state of a run \("BLOQUÉ"\)/);
  });
  it('a test "skipped" is a run result, whatever the name found', () => {
    expect(at(5).verdict).toBe('unverifiable');
  });
  it('"works" is shown by running it, not by the package being declared', () => {
    expect(at(6).verdict).toBe('unverifiable');
  });
  it('the package named without a run state is confirmed as before', () => {
    expect(at(7).verdict).toBe('confirmed');
  });
});
