/**
 * Blind round 33, class "timeouts set in a client-configuration object": per-API client settings
 * that carry superagent's `timeout: { response, deadline }`, or a timeout read from the environment
 * and converted (`timeout: Number(get('API_TIMEOUT', 10000))`), are timeouts on the calls the REST
 * client wrapper makes with them.
 */
import { expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import timeouts from './reliability/timeouts.js';

const tree = (apiConfig: string, call = '.timeout(this.config.timeout)') => ({
  'package.json': JSON.stringify({ name: 'shop-ui', dependencies: { express: '^5.0.0', superagent: '^10.0.0' } }),
  'server.ts': "import app from './server/app'\napp.listen(3000)\n",
  'server/app.ts': "import express from 'express'\nconst app = express()\nexport default app\n",
  'server/config.ts': [
    'export default {',
    '  apis: {',
    '    ordersApi: {',
    "      url: get('ORDERS_API_URL', 'http://localhost:8080'),",
    apiConfig,
    '    },',
    '  },',
    '}',
    '',
  ].join('\n'),
  'server/data/restClient.ts': [
    "import superagent from 'superagent'",
    'export default class RestClient {',
    '  constructor(private readonly config: ApiConfig) {}',
    '  async get(path: string) {',
    `    return superagent.get(\`\${this.config.url}\${path}\`)${call}`,
    '  }',
    '}',
    '',
  ].join('\n'),
});

it('a timeout object with response and deadline in the client configuration is an explicit timeout', async () => {
  const run = await runRuleOn(
    timeouts,
    tree(
      "      timeout: {\n        response: Number(get('ORDERS_API_TIMEOUT_RESPONSE', 10000)),\n        deadline: Number(get('ORDERS_API_TIMEOUT_DEADLINE', 10000)),\n      },",
    ),
    { profile: 'service' },
  );
  expect(run.outcome).toBe('pass');
  expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toContain('server/config.ts:5');
});

it('a client configuration without a timeout, used by a client that sets none, earns nothing', async () => {
  const run = await runRuleOn(timeouts, tree("      healthPath: '/health/ping',", ''), { profile: 'service' });
  expect(run.outcome).not.toBe('pass');
  expect(run.evidence.map((e) => e.path)).not.toContain('server/config.ts');
});
