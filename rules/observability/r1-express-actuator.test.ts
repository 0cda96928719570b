/**
 * express-actuator (`app.use(actuator())`) serves /health and /metrics; a POST /status of an
 * integration behind a session check answers no probe (blind round 22, actual-server).
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import health from './health-endpoints.js';
import metrics from './metrics.js';

const tree = (actuator: boolean): Tree => ({
  'package.json': JSON.stringify({
    name: 'ledger-server',
    main: 'src/app.js',
    scripts: { start: 'node src/app.js' },
    dependencies: { express: '4.19.0', ...(actuator ? { 'express-actuator': '1.8.4' } : {}) },
  }),
  'src/app.js': [
    "import express from 'express';",
    ...(actuator ? ["import actuator from 'express-actuator';"] : []),
    "import * as bankApp from './bank-sync.js';",
    '',
    'const app = express();',
    "app.use('/bank', bankApp.handlers);",
    ...(actuator ? ['app.use(actuator()); // Provides /health, /metrics, /info'] : []),
    'app.listen(5006);',
    '',
  ].join('\n'),
  'src/bank-sync.js': [
    "import express from 'express';",
    "import { validateSession } from './session.js';",
    '',
    'const app = express();',
    'app.use(express.json());',
    'app.use(validateSession);',
    '',
    "app.post('/status', async (req, res) => {",
    "  res.send({ status: 'ok', data: { configured: true } });",
    '});',
    '',
    'app.post(',
    "  '/ping',",
    '  async (req, res) => {',
    "    res.send({ status: 'ok' });",
    '  },',
    ');',
    '',
    'export { app as handlers };',
    '',
  ].join('\n'),
});

describe('express-actuator and a POST /status (round 22)', () => {
  it('health-endpoints: the actuator /health is the health route, the POST /status none', async () => {
    const run = await runRuleOn(health, tree(true), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      'A health endpoint is registered (/health). Suggestion: a separate readiness route that checks the dependencies the service needs would let a load balancer hold traffic back while they are down.',
    );
    expect(run.evidence).toEqual([
      {
        path: 'src/app.js',
        line: 7,
        snippet: 'app.use(actuator()); // Provides /health, /metrics, /info',
        note: 'health route /health (served by express-actuator: status UP, no dependency checked)',
      },
    ]);
  });
  it('metrics: the actuator /metrics is a route, with no application metrics', async () => {
    const run = await runRuleOn(metrics, tree(true), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe('Found a /metrics route, but no code that registers metrics.');
    expect(run.evidence).toEqual([
      {
        path: 'src/app.js',
        line: 7,
        snippet: 'app.use(actuator()); // Provides /health, /metrics, /info',
        note: 'metrics route /metrics (served by express-actuator: process memory and uptime as JSON)',
      },
    ]);
  });
  it('without the actuator, a POST /status (or a POST /ping written over lines) is no health route', async () => {
    const run = await runRuleOn(health, tree(false), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.message).toBe('No health or readiness endpoint found.');
  });
});
