/**
 * Blind round 27: a Hono server (the custom server of a React Router app, in apps/webapp/server/)
 * registers hono-rate-limiter, a hand-written security-headers middleware and Hono's own
 * middleware; all were missed while its folder was taken for page code.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import rateLimiting from './reliability/rate-limiting.js';
import authentication from './security/authentication.js';
import middleware from './security/security-middleware.js';

const app = {
  'apps/webapp/package.json': JSON.stringify({
    name: 'webapp',
    dependencies: { hono: '4', react: '19', 'hono-rate-limiter': '0.4' },
  }),
  'apps/webapp/server/index.ts': [
    "import { Hono } from 'hono';", // 1
    "import { csrf } from 'hono/csrf';", // 2
    "import { bearerAuth } from 'hono/bearer-auth';", // 3
    "import { securityHeaders } from './security-headers';", // 4
    "import { apiLimit } from './rate-limit';", // 5
    'const app = new Hono();', // 6
    "app.use('*', securityHeaders());", // 7
    "app.use('*', csrf({ origin: 'https://app.example.com' }));", // 8
    "app.use('/api/*', apiLimit());", // 9
    "app.use('/api/admin/*', bearerAuth({ token: process.env.ADMIN_TOKEN! }));", // 10
    'export default app;', // 11
  ].join('\n'),
  'apps/webapp/server/security-headers.ts': [
    "import type { MiddlewareHandler } from 'hono';", // 1
    'export const securityHeaders = (): MiddlewareHandler => async (c, next) => {', // 2
    '  await next();', // 3
    "  c.header('X-Frame-Options', 'DENY');", // 4
    "  c.header('X-Content-Type-Options', 'nosniff');", // 5
    "  c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');", // 6
    '};', // 7
  ].join('\n'),
  'apps/webapp/server/rate-limit.ts': [
    "import { rateLimiter } from 'hono-rate-limiter';", // 1
    'export const apiLimit = () =>', // 2
    '  rateLimiter({', // 3
    '    windowMs: 60_000,', // 4
    '    limit: 100,', // 5
    "    keyGenerator: (c) => c.req.header('fly-client-ip') ?? '',", // 6
    '  });', // 7
  ].join('\n'),
};

describe('Hono middleware', () => {
  it('hono-rate-limiter registered in the server is rate limiting', async () => {
    const r = await runRuleOn(rateLimiting, app, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'apps/webapp/server/rate-limit.ts', line: 3 }));
    // Declared and never registered: no limiter in the request pipeline.
    const { 'apps/webapp/server/rate-limit.ts': _, ...bare } = app;
    const unused = await runRuleOn(
      rateLimiting,
      {
        ...bare,
        'apps/webapp/server/index.ts': app['apps/webapp/server/index.ts'].replace("app.use('/api/*', apiLimit());", ''),
      },
      { profile: 'service' },
    );
    expect(unused.outcome).not.toBe('pass');
  });

  it('a hand-written middleware that sets the security headers, and hono/csrf, are hardening', async () => {
    const r = await runRuleOn(middleware, app, { profile: 'service' });
    expect(r.message).toMatch(/security headers/);
    expect(r.message).not.toMatch(/no security headers/);
    expect(r.message).not.toMatch(/no CSRF/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'apps/webapp/server/security-headers.ts' }));
    // Without them: no security headers found.
    const plain = {
      ...app,
      'apps/webapp/server/security-headers.ts':
        'export const securityHeaders = () => async (_c: unknown, next: () => Promise<void>) => next();\n',
    };
    expect((await runRuleOn(middleware, plain, { profile: 'service' })).message).toMatch(/no security headers/);
  });

  it("Hono's bearerAuth/jwt middleware is authentication", async () => {
    const r = await runRuleOn(authentication, app, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'apps/webapp/server/index.ts', line: 10 }));
    const jwt = {
      ...app,
      'apps/webapp/server/index.ts': app['apps/webapp/server/index.ts']
        .replace("import { bearerAuth } from 'hono/bearer-auth';", "import { jwt } from 'hono/jwt';")
        .replace(
          'bearerAuth({ token: process.env.ADMIN_TOKEN! })',
          "jwt({ secret: process.env.JWT_SECRET!, alg: 'HS256' })",
        ),
    };
    expect((await runRuleOn(authentication, jwt, { profile: 'service' })).outcome).toBe('pass');
    const none = {
      ...app,
      'apps/webapp/server/index.ts': app['apps/webapp/server/index.ts'].replace(/^.*bearerAuth.*$/gm, ''),
    };
    expect((await runRuleOn(authentication, none, { profile: 'service' })).outcome).not.toBe('pass');
  });
});
