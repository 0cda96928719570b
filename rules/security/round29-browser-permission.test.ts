/**
 * Blind round 29, class "look-alikes accepted": the browser Notification API's `hasPermission()`
 * in a Rails app's page code (app/javascript/) was cited as a JavaScript permission check of the
 * service. A check in the page refuses no request; the same check in server code still counts.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import authorization from './authorization.js';

const NOTIFIER = [
  'export default class Notifier {',
  '  notify(title) {',
  '    if (this.hasPermission()) {',
  '      new Notification(title);',
  '    }',
  '  }',
  '  hasPermission() {',
  '    return Notification.permission === "granted";',
  '  }',
  '}',
  '',
].join('\n');

describe('round 29: permission checks in page code are not the service’s authorization', () => {
  it('does not cite a browser permission check', async () => {
    const run = await runRuleOn(
      authorization,
      {
        'package.json': '{"name":"forum","dependencies":{"express":"^4.18.0"}}',
        'src/server.js':
          'const express = require("express");\nconst app = express();\napp.get("/", (req, res) => res.send("ok"));\napp.listen(3000);\n',
        'app/javascript/front/notifier.js': NOTIFIER,
      } satisfies Tree,
      { profile: 'service' },
    );
    expect(run.evidence.some((e) => e.path === 'app/javascript/front/notifier.js')).toBe(false);
    expect(run.outcome).toBe('fail');
  });

  it('still credits a permission check in server code', async () => {
    const run = await runRuleOn(
      authorization,
      {
        'package.json': '{"name":"forum","dependencies":{"express":"^4.18.0"}}',
        'src/server.js': [
          'const express = require("express");',
          'const app = express();',
          'function requirePermission(name) {',
          '  return (req, res, next) => (req.user?.permissions?.includes(name) ? next() : res.sendStatus(403));',
          '}',
          'app.delete("/posts/:id", requirePermission("posts:delete"), (req, res) => res.sendStatus(204));',
          'app.listen(3000);',
          '',
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('fail');
  });
});
