/**
 * Blind round 43, class "rate limiting set up in a server router": a monorepo's own limiter
 * (`createRateLimit` keeps bucketed counters, `createRateLimitMiddleware` answers 429) lives in a
 * shared package under a `rate-limit/` folder; the server router builds per-route middleware from
 * it and mounts it with `app.use`. That is rate limiting; a factory nothing mounts is not.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import rateLimiting from './reliability/rate-limiting.js';

const LIMITER = [
  "import type { Context } from 'hono';",
  "import type { MiddlewareHandler } from 'hono/types';",
  "import type { createRateLimit, RateLimitCheckResult } from './rate-limit';",
  '',
  "const headers = (c: Context, result: RateLimitCheckResult) => c.header('X-Left', String(result.isLimited));",
  '',
  'export const createRateLimitMiddleware = (',
  '  limiter: ReturnType<typeof createRateLimit>,',
  '): MiddlewareHandler => {',
  '  return async (c, next) => {',
  "    const result = await limiter.check({ ip: c.req.header('x-forwarded-for') ?? 'unknown' });",
  '    if (result.isLimited) {',
  "      return c.json({ error: 'Too many requests' }, 429);",
  '    }',
  '    await next();',
  '  };',
  '};',
  '',
].join('\n');

const COUNTER = [
  "import { db } from '@acme/db';",
  '',
  'export type RateLimitCheckResult = { isLimited: boolean };',
  '',
  'type RateLimitConfig = { action: string; max: number; window: string };',
  '',
  'export const createRateLimit = (config: RateLimitConfig) => {',
  '  return {',
  '    async check(params: { ip: string }): Promise<RateLimitCheckResult> {',
  '      const row = await db.rateLimit.upsert({ where: { key: params.ip }, update: { count: { increment: 1 } } });',
  '      return { isLimited: row.count > config.max };',
  '    },',
  '  };',
  '};',
  '',
].join('\n');

const LIMITS = [
  "import { createRateLimit } from './rate-limit';",
  '',
  "export const apiRateLimit = createRateLimit({ action: 'api', max: 100, window: '1m' });",
  '',
].join('\n');

const ROUTER = (mounted: boolean) =>
  [
    "import { Hono } from 'hono';",
    "import { createRateLimitMiddleware } from '@acme/lib/server-only/rate-limit/rate-limit-middleware';",
    "import { apiRateLimit } from '@acme/lib/server-only/rate-limit/rate-limits';",
    '',
    'const app = new Hono();',
    mounted ? 'const apiRateLimitMiddleware = createRateLimitMiddleware(apiRateLimit);' : '',
    mounted ? "app.use('/api/*', apiRateLimitMiddleware);" : '',
    "app.get('/api/items', (c) => c.json([]));",
    'export default app;',
    '',
  ].join('\n');

function tree(mounted: boolean): Tree {
  return {
    'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'apps/web/package.json': JSON.stringify({ name: '@acme/web', dependencies: { hono: '^4.0.0' } }),
    'apps/web/server/router.ts': ROUTER(mounted),
    'apps/web/server/main.ts':
      "import { serve } from '@hono/node-server';\nimport app from './router';\nserve({ fetch: app.fetch, port: 3000 });\n",
    // A shared library of the monorepo: React helpers for the pages and server-only modules.
    'packages/lib/package.json': JSON.stringify({
      name: '@acme/lib',
      dependencies: { react: '^18.0.0', pg: '^8.0.0' },
    }),
    'packages/lib/server-only/rate-limit/rate-limit-middleware.ts': LIMITER,
    'packages/lib/server-only/rate-limit/rate-limit.ts': COUNTER,
    'packages/lib/server-only/rate-limit/rate-limits.ts': LIMITS,
  };
}

describe('a limiter of the project mounted in the server router', () => {
  it("still reads a React package's other folders as page code (the limiter there is not credited)", async () => {
    const t = tree(true);
    for (const k of Object.keys(t))
      if (k.includes('/server-only/')) {
        t[k.replace('/server-only/', '/helpers/')] = t[k]!;
        delete t[k];
      }
    const r = await runRuleOn(rateLimiting, t);
    expect(r.outcome, r.message).toBe('fail');
  });
  it('passes and cites the limiter and its use in the router', async () => {
    const r = await runRuleOn(rateLimiting, tree(true));
    expect(r.outcome, r.message).toBe('pass');
    const cited = JSON.stringify(r.evidence);
    expect(cited).toContain('createRateLimit');
    expect(cited).not.toContain('RateLimitCheckResult');
  });
});
