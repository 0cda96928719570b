/**
 * Blind round 50: a name taken for the practice. A login this process makes to another system
 * (`if not pin_login.checkLogin():` polling a provider's PIN login) checks no request.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';

const server = (provider: string[]) => ({
  'pyproject.toml':
    '[project]\nname = "media"\nversion = "1.0.0"\ndependencies = ["aiohttp==3.9.0", "plexapi==4.15.0"]\n',
  'media/server.py': 'from aiohttp import web\n\napp = web.Application()\nweb.run_app(app)\n',
  'media/providers/acme.py': [
    'from plexapi.myplex import MyPlexPinLogin',
    '',
    'async def get_config(values):',
    '    pin_login = MyPlexPinLogin(oauth=True)',
    ...provider,
    '    return pin_login.token',
    '',
  ].join('\n'),
});

describe('round 50: an outbound login polled by the process is not request authentication', () => {
  it('`pin_login.checkLogin()` with nothing handed to it is not credited', async () => {
    const r = await runRuleOn(
      authentication,
      server(['    if not pin_login.checkLogin():', '        raise LoginFailed()']),
    );
    expect(r.outcome).toBe('fail');
    expect(r.message).not.toMatch(/hand-written login check/);
  });

  it('a login check handed the request is still credited', async () => {
    const r = await runRuleOn(
      authentication,
      server(['    if not sso.checkLogin(request):', '        raise web.HTTPUnauthorized()']),
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/hand-written login check/);
  });
});
