import { describe, expect, it } from 'vitest';
import rule from './environments.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 23 (dittofeed): Temporal's dynamic config `temporal-dynamicconfig/prod.yaml` beside
 * dev.yaml was credited as the production environment ("Only production is described (prod)").
 */
const TREE = {
  'package.json': '{"name":"engage","dependencies":{"fastify":"4.0.0"}}',
  'src/server.ts': "import Fastify from 'fastify';\nFastify().listen({ port: 3000 });\n",
  'docker-compose.yaml':
    'services:\n  temporal:\n    image: temporalio/auto-setup:1.22\n    volumes:\n      - ./packages/backend-lib/temporal-dynamicconfig:/etc/temporal/config/dynamicconfig\n',
  'packages/backend-lib/temporal-dynamicconfig/dev.yaml': 'limit.maxIDLength:\n  - value: 255\n    constraints: {}\n',
  'packages/backend-lib/temporal-dynamicconfig/prod.yaml': 'limit.maxIDLength:\n  - value: 255\n    constraints: {}\n',
};

describe('environments: a bundled server’s per-environment config is not the service’s environment (round 23)', () => {
  it('temporal-dynamicconfig/prod.yaml is set aside and named: fail', async () => {
    const run = await runRuleOn(rule, TREE);
    expect(run.outcome).toBe('fail');
    expect(run.evidence).toContainEqual({
      path: 'packages/backend-lib/temporal-dynamicconfig/prod.yaml',
      note: expect.stringContaining('set aside: named for an environment, but it configures a bundled server'),
    });
    expect(run.data).toMatchObject({ production: [] });
  });

  it('the service’s own per-environment values still count', async () => {
    const run = await runRuleOn(rule, {
      ...TREE,
      'deploy/values-prod.yaml': 'replicaCount: 3\n',
      'deploy/values-staging.yaml': 'replicaCount: 1\n',
    });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'deploy/values-prod.yaml' }));
  });
});
