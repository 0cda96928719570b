/**
 * Blind round 31 (regression after Flux HelmReleases became workloads): an operations repository
 * runs Kubernetes releases and, beside them, Docker-host stacks deployed by a GitOps agent for
 * Docker (doco-cd). Beside manifests a compose file reads as local development, but one an agent
 * or a CI deploy step runs on a host is a deployment, and its services are judged.
 */
import { describe, expect, it } from 'vitest';
import { webDeployment } from '../src/testing/k8s-trees.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import healthChecks from './reliability/health-checks.js';
import resourceLimits from './reliability/resource-limits.js';

const DEPLOYMENT = webDeployment(
  'readinessProbe: {httpGet: {path: /ready, port: 8080}}',
  'livenessProbe: {httpGet: {path: /live, port: 8080}}',
  'resources: {requests: {cpu: 10m, memory: 64Mi}, limits: {memory: 128Mi}}',
);

const STACK = [
  'services:',
  '  proxy:',
  '    image: ghcr.io/acmeops/edge-proxy:2.1.0',
  '    restart: unless-stopped',
  '    ports: ["443:443"]',
  '',
].join('\n');

function ops(extra: Tree): Tree {
  return {
    'kubernetes/apps/web/deployment.yaml': DEPLOYMENT,
    'docker/edge1/10-proxy/docker-compose.yaml': STACK,
    ...extra,
  };
}

describe('compose stacks deployed to Docker hosts beside Kubernetes manifests', () => {
  it('judges the stack a doco-cd configuration above it deploys', async () => {
    const tree = ops({
      'docker/edge1/.doco-cd.yaml': 'working_dir: ./docker/edge1\nauto_discovery:\n  enabled: true\n',
    });
    const hc = await runRuleOn(healthChecks, tree);
    expect(hc.outcome).toBe('partial');
    expect(hc.evidence.map((e) => e.note ?? '').join('\n')).toContain('compose service proxy has no healthcheck');
    const rl = await runRuleOn(resourceLimits, tree);
    expect(rl.outcome).toBe('partial');
  });

  it('judges the stack a CI step runs on a remote Docker engine', async () => {
    const tree = ops({
      '.github/workflows/deploy.yml': [
        'on: push',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: docker --context edge1 compose -f docker/edge1/10-proxy/docker-compose.yaml up -d',
        '',
      ].join('\n'),
    });
    expect((await runRuleOn(healthChecks, tree)).outcome).toBe('partial');
  });

  it('leaves a compose file nothing deploys to the manifests, as local development', async () => {
    const hc = await runRuleOn(healthChecks, ops({}));
    expect(hc.outcome).toBe('pass');
    const ci = ops({
      '.github/workflows/test.yml':
        'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker compose -f docker/edge1/10-proxy/docker-compose.yaml up -d\n',
    });
    expect((await runRuleOn(healthChecks, ci)).outcome).toBe('pass');
  });
});
