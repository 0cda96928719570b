/**
 * Blind round 50: a name taken for the practice. A login this process makes to another system
 * (`if not pin_login.checkLogin():` polling a provider's PIN login) checks no request.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';
import securityMiddleware from './security-middleware.js';
import retries from '../reliability/retries.js';
import noCommittedSecrets from './no-committed-secrets.js';

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

describe('round 50: a wildcard CORS header set by hand is no hardening', () => {
  const tree = (extra: Record<string, string> = {}) => ({
    'pyproject.toml': '[project]\nname = "media"\nversion = "1.0.0"\ndependencies = ["aiohttp==3.9.0"]\n',
    'media/server.py': 'from aiohttp import web\n\napp = web.Application()\nweb.run_app(app)\n',
    'media/images.py': [
      'from aiohttp import web',
      '',
      'async def handle_image(request: web.Request) -> web.Response:',
      '    data = await load(request)',
      '    return web.Response(',
      '        body=data,',
      '        headers={"Cache-Control": "max-age=31536000", "Access-Control-Allow-Origin": "*"},',
      '    )',
      '',
    ].join('\n'),
    ...extra,
  });

  it('alone it fails, and the wildcard is cited as a finding', async () => {
    const r = await runRuleOn(securityMiddleware, tree(), { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(/only a CORS header allowing any origin is set by hand \(media\/images\.py:7\)/);
  });

  it('beside real hardening it leaves that hardening credited', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      tree({
        'media/security.py': [
          'from aiohttp import web',
          '',
          '@web.middleware',
          'async def headers(request, handler):',
          '    resp = await handler(request)',
          '    resp.headers["X-Content-Type-Options"] = "nosniff"',
          '    resp.headers["X-Frame-Options"] = "DENY"',
          '    return resp',
          '',
        ].join('\n'),
      }),
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('fail');
  });
});

describe('round 50: a method of the class named retry is not a retry policy', () => {
  const tree = (call: string) => ({
    'composer.json': '{"name":"acme/links","require":{"php":"^8.3","slim/slim":"^4.0","guzzlehttp/guzzle":"^7.0"}}',
    'public/index.php': '<?php\n$app = AppFactory::create();\n$app->run();\n',
    'src/Title.php':
      '<?php\nclass Title {\n    public function fetch($url) {\n        return (new \\GuzzleHttp\\Client())->get($url);\n    }\n}\n',
    'src/Command/DeleteCommand.php': [
      '<?php',
      'class DeleteCommand {',
      '    public function run($io, $id) {',
      '        try {',
      '            return $this->delete($id);',
      '        } catch (ThresholdException $e) {',
      `            return ${call};`,
      '        }',
      '    }',
      '    private function retry($io, $id, $msg) {',
      '        return $io->confirm($msg) ? $this->delete($id, true) : 1;',
      '    }',
      '}',
      '',
    ].join('\n'),
  });

  it('`$this->retry($io, …)` is not credited', async () => {
    const r = await runRuleOn(retries, tree('$this->retry($io, $id, $e->getMessage())'), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ path: 'src/Command/DeleteCommand.php', line: 7 }));
  });

  it("Laravel's HTTP client `->retry($times, …)` still is", async () => {
    const r = await runRuleOn(retries, tree('$client->retry($times, 100)->get("x")'), { profile: 'service' });
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/Command/DeleteCommand.php', line: 7 }));
  });
});

describe("round 50: Algolia's search-only key in a documentation site's configuration", () => {
  const tree = (options: string[]) => ({
    'go.mod': 'module example.com/tool\n\ngo 1.22\n',
    'main.go': 'package main\n\nfunc main() {}\n',
    'website/.vitepress/config.ts': [
      "import { defineConfig } from 'vitepress';",
      'export default defineConfig({',
      '  themeConfig: {',
      '    search: {',
      "      provider: 'algolia',",
      '      options: {',
      ...options,
      '      }',
      '    }',
      '  }',
      '});',
      '',
    ].join('\n'),
  });

  it('is public by design: set aside and named, not a committed credential', async () => {
    const r = await runRuleOn(
      noCommittedSecrets,
      tree([
        "        appId: '7QZXJ13AK7',",
        "        apiKey: '3f4b64ae4fc8d9da43d9a13d9710adbc',",
        "        indexName: 'tool'",
      ]),
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(
      /search-only API key \(Algolia, public by design\) at website\/\.vitepress\/config\.ts:8/,
    );
  });

  it('the same key without the search client around it is still a finding', async () => {
    const r = await runRuleOn(noCommittedSecrets, tree(["        apiKey: '3f4b64ae4fc8d9da43d9a13d9710adbc',"]));
    expect(r.outcome).toBe('fail');
  });
});
