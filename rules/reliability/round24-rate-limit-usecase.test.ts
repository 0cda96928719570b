import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rateLimiting from './rate-limiting.js';

/**
 * Blind round 24: a rate limiter written as a use-case module (hits counted per key in a KV store
 * over a window, 429 when exceeded) in a folder spelt `rate-limit/`, called from a route.
 */
const USECASE = [
  "import { createTooManyRequestsError } from './rate-limit.errors';", // 1
  '', // 2
  'export async function getRateLimit({ maxHits, windowMs, key, store }) {', // 3
  '  const entry = await store.get(key);', // 4
  '  if (!entry) {', // 5
  '    await store.set(key, { hitCount: 1 }, { ttlMs: windowMs });', // 6
  '    return { exceeded: false };', // 7
  '  }', // 8
  '  await store.set(key, { hitCount: entry.hitCount + 1 }, { ttlMs: windowMs });', // 9
  '  return { exceeded: entry.hitCount >= maxHits };', // 10
  '}', // 11
  '', // 12
  'export async function checkRateLimit(args) {', // 13
  '  const result = await getRateLimit(args);', // 14
  '  if (result.exceeded) {', // 15
  '    throw createTooManyRequestsError();', // 16
  '  }', // 17
  '}', // 18
];
const TREE = {
  'package.json': JSON.stringify({ name: 'docs-server', dependencies: { hono: '^4.6.0' } }),
  'src/modules/app/rate-limit/rate-limit.usecases.ts': USECASE.join('\n'),
  'src/modules/app/rate-limit/rate-limit.errors.ts':
    "export const createTooManyRequestsError = () => new HttpError({ message: 'Too many requests', statusCode: 429 });\n",
  'src/modules/shares/shares.routes.ts': [
    "import { checkRateLimit } from '../app/rate-limit/rate-limit.usecases';", // 1
    '', // 2
    "app.get('/shares/:id', async (c) => {", // 3
    "  await checkRateLimit({ maxHits: 20, windowMs: 60_000, key: `share:${c.req.header('x-forwarded-for')}`, store });", // 4
    '  return c.json({});', // 5
    '});', // 6
  ].join('\n'),
};

describe('round 24: a rate limiter in a use-case module', () => {
  it('passes, cited at its definition and its use', async () => {
    const r = await runRuleOn(rateLimiting, TREE, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/modules/app/rate-limit/rate-limit.usecases.ts' }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/modules/shares/shares.routes.ts', line: 4 }),
    );
  });
});
