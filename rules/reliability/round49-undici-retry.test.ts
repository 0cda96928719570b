/**
 * undici's RetryAgent and retry interceptor are a retry policy with backoff (issue 15, blind round
 * 49): requests sent through them are retried up to maxRetries with a growing wait. A plain undici
 * Agent retries nothing.
 */
import { describe, expect, it } from 'vitest';
import rule from './retries.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const PKG = JSON.stringify({
  name: 'events',
  version: '1.0.0',
  dependencies: { '@nestjs/core': '^10.0.0', '@nestjs/common': '^10.0.0', undici: '^6.0.0' },
});
const MODULE = (dispatcher: string) =>
  [
    "import { Module } from '@nestjs/common';", // 1
    "import { Agent, RetryAgent, interceptors, request } from 'undici';", // 2
    '', // 3
    'const agent = new Agent({ connectTimeout: 5_000, headersTimeout: 10_000 });', // 4
    `const dispatcher = ${dispatcher};`, // 5
    '', // 6
    'export async function send(url: string, body: string) {', // 7
    "  return request(url, { method: 'POST', body, dispatcher });", // 8
    '}', // 9
    '', // 10
    '@Module({ providers: [] })', // 11
    'export class WebhookModule {}', // 12
    '',
  ].join('\n');
const MAIN =
  "import { NestFactory } from '@nestjs/core';\nimport { WebhookModule } from './webhook.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(WebhookModule);\n  await app.listen(3000);\n}\nbootstrap();\n";
const tree = (dispatcher: string) => ({
  'package.json': PKG,
  'src/main.ts': MAIN,
  'src/webhook.module.ts': MODULE(dispatcher),
});

describe('undici retries (blind round 49)', () => {
  it('new RetryAgent(agent, { maxRetries }) is a retry with backoff', async () => {
    const r = await runRuleOn(
      rule,
      tree('new RetryAgent(agent, { maxRetries: 3, minTimeout: 1_000, maxTimeout: 10_000, timeoutFactor: 2 })'),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'src/webhook.module.ts' && e.line === 5)).toBe(true);
  });
  it('agent.compose(interceptors.retry({ maxRetries })) too', async () => {
    const r = await runRuleOn(rule, tree('agent.compose(interceptors.retry({ maxRetries: 3 }))'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('pass');
  });
  it('a plain Agent retries nothing', async () => {
    const r = await runRuleOn(rule, tree('agent'), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
  });
});
