/**
 * Blind round 38: header values read for what they do. A header set to a value that switches its
 * protection off is no security header; Laravel's `URL::forceScheme('https')` generates https URLs
 * and sends no HSTS; two branches of a per-request CORS callback (credentials for an allow-list,
 * `*` without credentials) are not "any origin with credentials".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import rule from './security/security-middleware.js';

const PKG = JSON.stringify({ name: 'ingest', dependencies: { fastify: '^4.0.0', '@fastify/cors': '^9.0.0' } });

function api(body: string): Tree {
  return {
    'package.json': PKG,
    'src/app.ts': [
      "import Fastify from 'fastify';",
      "import cors from '@fastify/cors';",
      'const fastify = Fastify();',
      "const allowed = (process.env.CORS_ORIGINS ?? '').split(',');",
      body,
      'fastify.listen({ port: 3000 });',
      '',
    ].join('\n'),
  };
}

const BRANCHES = [
  'fastify.register(cors, () => {',
  '  return (req, callback) => {',
  "    if (req.url.startsWith('/trpc')) {",
  '      const origin = req.headers.origin;',
  '      return callback(null, { origin: allowed.includes(origin) ? origin : false, credentials: true });',
  '    }',
  '',
  "    return callback(null, { origin: '*', maxAge: 600 });",
  '  };',
  '});',
].join('\n');

const ONE_POLICY = ['fastify.register(cors, {', "  origin: '*',", '  credentials: true,', '});'].join('\n');

describe('header and CORS semantics', () => {
  it('keeps a credentials branch with an allow-list apart from an any-origin branch without credentials', async () => {
    const r = await runRuleOn(rule, api(BRANCHES));
    expect(r.message).not.toContain('with credentials');
    const one = await runRuleOn(rule, api(ONE_POLICY));
    expect(one.message).toContain('CORS allows any origin with credentials');
  });

  it('does not count headers that loosen protection as security headers', async () => {
    const loose = await runRuleOn(
      rule,
      api(
        "fastify.get('/embed', (req, reply) => {\n  reply.header('Cross-Origin-Resource-Policy', 'cross-origin');\n  return 'ok';\n});",
      ),
    );
    expect(loose.message).not.toMatch(/^security headers/);
    expect(JSON.stringify(loose.evidence)).toContain('loosens protection');
    const strict = await runRuleOn(
      rule,
      api("fastify.addHook('onSend', async (req, reply) => {\n  reply.header('X-Frame-Options', 'DENY');\n});"),
    );
    expect(strict.message).toMatch(/security headers/);
  });

  it('reads Laravel URL::forceScheme as URL generation, not HSTS', async () => {
    const laravel = (boot: string): Tree => ({
      'composer.json': JSON.stringify({ require: { 'laravel/framework': '^10.0' } }),
      'routes/web.php': "<?php\nRoute::get('/', fn () => view('welcome'));\n",
      'app/Providers/AppServiceProvider.php': `<?php\nnamespace App\\Providers;\nuse Illuminate\\Support\\Facades\\URL;\nclass AppServiceProvider\n{\n    public function boot()\n    {\n        ${boot}\n    }\n}\n`,
    });
    const scheme = await runRuleOn(rule, laravel("URL::forceScheme('https');"));
    expect(scheme.message).toContain('no HTTPS redirect/HSTS');
    const hsts = await runRuleOn(rule, laravel("header('Strict-Transport-Security: max-age=31536000');"));
    expect(hsts.message).not.toContain('no HTTPS redirect/HSTS');
  });
});
