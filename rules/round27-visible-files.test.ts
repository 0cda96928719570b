/**
 * Blind round 27, class "messages that contradict a visible file": Flask-WTF forms check a CSRF
 * token (every FlaskForm subclass, unless WTF_CSRF_ENABLED = False), and fly.toml's
 * `[experimental] auto_rollback = true` rolls a failed deploy back.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import securityMiddleware from './security/security-middleware.js';
import rollback from './operations/rollback.js';

const flask = (extra: Tree = {}): Tree => ({
  'pyproject.toml': '[project]\nname = "scorer"\ndependencies = ["flask", "flask-wtf"]\n',
  'scorer/app.py': 'from flask import Flask\n\napp = Flask(__name__)\n',
  'scorer/views/auth.py': [
    'from flask_wtf import FlaskForm', // 1
    'from wtforms import PasswordField, StringField', // 2
    '', // 3
    '', // 4
    'class LoginForm(FlaskForm):', // 5
    '    username = StringField("Username")', // 6
    '    password = PasswordField("Password")', // 7
    '',
  ].join('\n'),
  ...extra,
});

describe('round 27: Flask-WTF forms are CSRF protection', () => {
  it('a FlaskForm subclass is cited as CSRF protection', async () => {
    const run = await runRuleOn(securityMiddleware, flask(), { profile: 'service' });
    expect(run.message).not.toContain('no CSRF protection');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'scorer/views/auth.py', line: 5, note: 'CSRF protection' }),
    );
  });

  it('WTF_CSRF_ENABLED = False turns it off', async () => {
    const run = await runRuleOn(securityMiddleware, flask({ 'scorer/config.py': 'WTF_CSRF_ENABLED = False\n' }), {
      profile: 'service',
    });
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'scorer/config.py',
        line: 1,
        note: expect.stringContaining('CSRF protection disabled'),
      }),
    );
  });
});

const fly = (rollbackSetting: string): Tree => ({
  'package.json': '{ "name": "webapp", "dependencies": { "hono": "^4.6.0" } }\n',
  'server/index.ts': "import { Hono } from 'hono';\nexport const app = new Hono();\n",
  'fly.toml': `app = "webapp"\nprimary_region = "ams"\n\n[experimental]\n${rollbackSetting}\n\n[deploy]\nstrategy = "bluegreen"\n`,
});

describe('round 27: fly.toml auto_rollback', () => {
  it('auto_rollback = true is an automatic rollback, cited at its line', async () => {
    const run = await runRuleOn(rollback, fly('auto_rollback = true'), { profile: 'service' });
    expect(run.message).not.toContain('no rollback command or automatic rollback');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'fly.toml', line: 5, note: 'automatic rollback on failed deploys' }),
    );
  });

  it('auto_rollback = false is none', async () => {
    const run = await runRuleOn(rollback, fly('auto_rollback = false'), { profile: 'service' });
    expect(run.evidence).not.toContainEqual(expect.objectContaining({ path: 'fly.toml' }));
  });
});
