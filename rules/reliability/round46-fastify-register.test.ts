/**
 * Blind round 46: a Fastify server registering @fastify/rate-limit by the name its import binds
 * (`app.register(fastifyRateLimit, { max })`) was "declared and imported, but no call applies it".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import { registersFastifyPlugin } from '../../src/facts/fastify-autoload.js';
import rateLimiting from './rate-limiting.js';

const server = (body: string[]) => ({
  'package.json': JSON.stringify({ name: 'api', dependencies: { fastify: '^4.0.0', '@fastify/rate-limit': '^9.0.0' } }),
  'src/server.ts': [
    "import fastify from 'fastify';",
    "import fastifyRateLimit from '@fastify/rate-limit';",
    'const app = fastify();',
    ...body,
    "app.get('/jobs', async () => []);",
    'app.listen({ port: 3000 });',
  ].join('\n'),
});

describe('rate-limiting: Fastify plugins registered by their import name (round 46)', () => {
  it('app.register(fastifyRateLimit, { max }) applies the limiter', async () => {
    const r = await runRuleOn(rateLimiting, server(['app.register(fastifyRateLimit, {', '  max: 100,', '});']), {
      profile: 'service',
    });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/server.ts', line: 4 }));
  });
  it('imported but never registered stays partial', async () => {
    const r = await runRuleOn(rateLimiting, server(['app.register(somethingElse);']), { profile: 'service' });
    expect(r.outcome).toBe('partial');
  });
  it('the binding decides: another package under the same register call is not the limiter', () => {
    const text = "import helmet from '@fastify/helmet';\nimport limit from '@fastify/rate-limit';\n";
    expect(registersFastifyPlugin('app.register(helmet)', text, ['@fastify/rate-limit'])).toBe(false);
    expect(registersFastifyPlugin('app.register(limit, { max: 5 })', text, ['@fastify/rate-limit'])).toBe(true);
    expect(registersFastifyPlugin("app.register(require('@fastify/rate-limit'))", '', ['@fastify/rate-limit'])).toBe(
      true,
    );
    expect(registersFastifyPlugin(`app.register(${'a'.repeat(5000)}`, text, ['@fastify/rate-limit'])).toBe(false);
  });
});
