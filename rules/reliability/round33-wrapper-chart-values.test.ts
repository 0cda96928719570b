import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import healthChecks from './health-checks.js';
import redundancy from './redundancy.js';
import resourceLimits from './resource-limits.js';

/**
 * Blind round 33: wrapper charts (Chart.yaml depends on a remote "microservice" chart and has no
 * Deployment template) whose values files are named `<app>-values-<env>.yaml`, or sit one folder up
 * beside the chart folder (`helm_deploy/values-prod.yaml`), layered on the chart's values.yaml.
 * Beside them, a docker-compose.yml that builds the app and runs dev-profile stand-ins is the local stack.
 */
const APP = {
  'package.json': JSON.stringify({ name: 'shop', dependencies: { express: '^4.0.0' } }),
  'server/app.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
};

const PREFIXED = {
  ...APP,
  'helm/Chart.yaml':
    'apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n  - name: microservice-chart\n    version: 7.5.0\n    repository: https://example.github.io/charts\n',
  'helm/shop-values-dev.yaml':
    'microservice-chart:\n  image:\n    repository: example.io/shop\n    tag: "1.0.0"\n  deployment:\n    replicas: 1\n',
  'helm/shop-values-prod.yaml': [
    'microservice-chart:', // 1
    '  image:', // 2
    '    repository: example.io/shop', // 3
    '    tag: "2.1.0"', // 4
    '  livenessProbe:', // 5
    '    httpGet:', // 6
    '      path: /health/liveness', // 7
    '  readinessProbe:', // 8
    '    httpGet:', // 9
    '      path: /health/readiness', // 10
    '  deployment:', // 11
    '    replicas: 3', // 12
    '  resources:', // 13
    '    requests:', // 14
    '      memory: 512Mi', // 15
    '      cpu: 200m', // 16
    '    limits:', // 17
    '      memory: 512Mi', // 18
    '      cpu: 500m', // 19
  ].join('\n'),
  'docker-compose.yml':
    'services:\n  app:\n    build: .\n    ports:\n      - "8080:8080"\n    environment:\n      - SPRING_PROFILES_ACTIVE=dev\n',
};

describe('round 33: a wrapper chart whose values files carry the app name', () => {
  it('probes, replicas and resources of <app>-values-prod.yaml are the deployed unit', async () => {
    const h = await runRuleOn(healthChecks, PREFIXED, { profile: 'service' });
    expect(h.outcome).toBe('pass');
    expect(h.evidence.some((e) => e.path === 'helm/shop-values-prod.yaml')).toBe(true);
    expect(h.evidence.some((e) => e.path === 'docker-compose.yml' && /lack/.test(e.note ?? ''))).toBe(false);
    const r = await runRuleOn(resourceLimits, PREFIXED, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    const d = await runRuleOn(redundancy, PREFIXED, { profile: 'service' });
    expect(d.evidence).toContainEqual(expect.objectContaining({ path: 'helm/shop-values-prod.yaml', line: 12 }));
    expect(d.outcome).not.toBe('fail');
  });

  it('production values without probes or resources: the findings name them', async () => {
    const bare = {
      ...PREFIXED,
      'helm/shop-values-prod.yaml':
        'microservice-chart:\n  image:\n    repository: example.io/shop\n    tag: "2.1.0"\n  deployment:\n    replicas: 1\n',
    };
    const h = await runRuleOn(healthChecks, bare, { profile: 'service' });
    expect(h.outcome).toBe('fail');
    const r = await runRuleOn(resourceLimits, bare, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence.some((e) => e.path === 'helm/shop-values-prod.yaml')).toBe(true);
    const d = await runRuleOn(redundancy, bare, { profile: 'service' });
    expect(d.outcome).toBe('fail');
  });
});

const BESIDE = {
  ...APP,
  'helm_deploy/shop/Chart.yaml':
    'apiVersion: v2\nname: shop\nversion: 0.2.0\ndependencies:\n  - name: generic-service\n    version: "3.17"\n    repository: https://example.github.io/charts\n',
  'helm_deploy/shop/values.yaml': [
    'generic-service:', // 1
    '  replicaCount: 4', // 2
    '  image:', // 3
    '    repository: ghcr.io/example/shop', // 4
    '  livenessProbe:', // 5
    '    httpGet:', // 6
    '      path: /ping', // 7
    '  readinessProbe:', // 8
    '    httpGet:', // 9
    '      path: /ping', // 10
  ].join('\n'),
  'helm_deploy/values-dev.yaml': 'generic-service:\n  ingress:\n    host: dev.example.org\n',
  'helm_deploy/values-prod.yaml': [
    'generic-service:', // 1
    '  ingress:', // 2
    '    host: shop.example.org', // 3
    '  resources:', // 4
    '    limits:', // 5
    '      memory: 2048Mi', // 6
  ].join('\n'),
  'docker-compose.yml': [
    '# Runs the application and the services it depends on',
    'services:',
    '  minio:',
    '    image: minio/minio',
    '    ports:',
    "      - '9000:9000'",
    '  auth:',
    '    image: ghcr.io/example/auth:latest',
    '    environment:',
    '      - SPRING_PROFILES_ACTIVE=dev',
    '  app:',
    '    build: .',
    '    environment:',
    '      - AUTH_URL=http://localhost:9090/auth',
  ].join('\n'),
};

describe('round 33: environment values files beside the chart folder, over its values.yaml', () => {
  it('values-prod.yaml one folder up is layered on values.yaml: its limits count, values.yaml keeps the probes and replicas', async () => {
    const r = await runRuleOn(resourceLimits, BESIDE, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.evidence.some((e) => e.path === 'helm_deploy/values-prod.yaml')).toBe(true);
    const h = await runRuleOn(healthChecks, BESIDE, { profile: 'service' });
    expect(h.outcome).toBe('pass');
    const d = await runRuleOn(redundancy, BESIDE, { profile: 'service' });
    // The local compose stack (a dev-profile auth server, the app built from source) is no deployed unit.
    expect(d.evidence.some((e) => e.path === 'docker-compose.yml' && /one instance/.test(e.note ?? ''))).toBe(false);
    expect(d.evidence).toContainEqual(
      expect.objectContaining({ note: expect.stringContaining('helm_deploy/shop/values.yaml:2') }),
    );
  });

  it('a production values file that sets replicaCount 1 overrides values.yaml', async () => {
    const one = {
      ...BESIDE,
      'helm_deploy/values-prod.yaml': `${BESIDE['helm_deploy/values-prod.yaml']}\n  replicaCount: 1\n`,
    };
    const d = await runRuleOn(redundancy, one, { profile: 'service' });
    expect(d.outcome).toBe('fail');
    expect(d.evidence).toContainEqual(expect.objectContaining({ path: 'helm_deploy/values-prod.yaml', line: 7 }));
  });
});
