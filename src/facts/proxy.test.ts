import { describe, expect, it } from 'vitest';
import { memoryIndex, MemorySource, type Tree } from '../testing/memory.js';
import { scan } from '../scan/scanner.js';
import { PROXY_PATTERNS, proxyFacts } from './proxy.js';

async function proxy(tree: Tree) {
  const scanned = await scan(memoryIndex(tree), new MemorySource(tree), PROXY_PATTERNS, []);
  return proxyFacts((k) => scanned.matches.get(k) ?? []);
}
const at = (ev: { path: string; line?: number }[]) => ev.map((e) => `${e.path}:${e.line}`);

describe('what a reverse proxy in the repository enforces', () => {
  it('nginx: headers, HSTS, an HTTPS redirect and request limits, each at its line', async () => {
    const p = await proxy({
      'deploy/nginx/default.conf.template': [
        'limit_req_zone $binary_remote_addr zone=api:10m rate=5r/s;',
        'server {',
        '  listen 80;',
        '  return 301 https://$host$request_uri;',
        '}',
        'server {',
        '  add_header Strict-Transport-Security "max-age=31536000" always;',
        '  add_header X-Frame-Options DENY;',
        '  # add_header Content-Security-Policy "default-src self";',
        '}',
      ].join('\n'),
    });
    expect(at(p.rateLimits)).toEqual(['deploy/nginx/default.conf.template:1']);
    expect(at(p.httpsRedirect)).toEqual(['deploy/nginx/default.conf.template:4']);
    expect(at(p.hsts)).toEqual(['deploy/nginx/default.conf.template:7']);
    expect(at(p.headers)).toEqual(['deploy/nginx/default.conf.template:8']);
  });
  it('Caddy serves a named site over HTTPS by default, unless auto_https is off', async () => {
    expect(at((await proxy({ Caddyfile: 'api.example.com {\n  reverse_proxy app:8000\n}\n' })).httpsRedirect)).toEqual([
      'Caddyfile:1',
    ]);
    const off = await proxy({ Caddyfile: '{\n  auto_https off\n}\napi.example.com {\n  reverse_proxy app:8000\n}\n' });
    expect(off.httpsRedirect).toEqual([]);
    expect((await proxy({ Caddyfile: ':80 {\n  reverse_proxy app:8000\n}\n' })).httpsRedirect).toEqual([]);
  });
  it('Traefik middlewares in dynamic configuration and compose labels', async () => {
    const p = await proxy({
      'traefik/dynamic.yml':
        'http:\n  middlewares:\n    secure:\n      headers:\n        frameDeny: true\n        stsSeconds: 31536000\n    limit:\n      rateLimit:\n        average: 50\n',
    });
    expect(at(p.headers)).toEqual(['traefik/dynamic.yml:5']);
    expect(at(p.hsts)).toEqual(['traefik/dynamic.yml:6']);
    expect(at(p.rateLimits)).toEqual(['traefik/dynamic.yml:8']);
  });
});

describe('a rate-limit switch in a compose file (blind round 30)', () => {
  it('set to false limits nothing; set on, it is the application’s switch, not the proxy', async () => {
    const off = await proxy({
      'compose.yaml':
        'services:\n  server:\n    image: app\n    environment:\n      APP_RATELIMIT_ENABLED: "false"\n      OTHER_RATELIMIT: 0\n',
    });
    expect(off.rateLimits).toEqual([]);
    const on = await proxy({
      'compose.yaml': 'services:\n  server:\n    image: app\n    environment:\n      APP_RATELIMIT_ENABLED: "true"\n',
    });
    expect(on.rateLimits).toEqual([
      expect.objectContaining({
        path: 'compose.yaml',
        line: 5,
        note: "an environment setting switches the application's rate limiting on",
      }),
    ]);
    const traefik = await proxy({
      'compose.yaml': 'services:\n  web:\n    labels:\n      - "traefik.http.middlewares.api.ratelimit.average=100"\n',
    });
    expect(traefik.rateLimits[0]!.note).toBe('the reverse proxy limits request rates');
  });
});

describe('a web server configuration the image ships (blind round 45)', () => {
  it("nginx's default.conf in docker/ and a Caddy header block with bare values add security headers", async () => {
    const p = await proxy({
      'docker/default.conf': [
        'http {',
        '  server {',
        '    add_header X-Frame-Options SAMEORIGIN;',
        '    add_header X-Content-Type-Options nosniff;',
        '  }',
        '}',
      ].join('\n'),
      'docker/Caddyfile': [
        ':80 {',
        '  header {',
        '    Referrer-Policy no-referrer',
        '    X-Frame-Options Deny',
        '  }',
        '}',
      ].join('\n'),
    });
    expect(at(p.headers)).toEqual(['docker/Caddyfile:3', 'docker/Caddyfile:4', 'docker/default.conf:3']);
  });
  it('a header name in prose or a log format is no header set', async () => {
    const p = await proxy({
      'docker/default.conf': 'log_format main "$http_x_frame_options";\n# X-Frame-Options is set by the app\n',
    });
    expect(p.headers).toEqual([]);
  });
});
