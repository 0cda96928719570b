/**
 * Blind round 37, "what is the deployed thing": a cluster add-on applied beside the service (a
 * device-plugin DaemonSet in kube-system, cert-manager, an ingress controller) is infrastructure,
 * not the service's workload; beside a production compose file, the compose services are the
 * deployed units. And a production compose file that builds its services from other Dockerfiles
 * than the base file's services of the same name is a stack of its own, not an override.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import healthChecks from './reliability/health-checks.js';
import resourceLimits from './reliability/resource-limits.js';

const app = {
  'requirements.txt': 'Django==4.2\n',
  'manage.py': 'import django\n',
  'app/settings.py': 'DEBUG = False\n',
  'docker/prod/web/Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "app.wsgi"]\n',
  'docker/prod/worker/Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nCMD ["celery", "-A", "app", "worker"]\n',
  'docker-compose-production.yml': [
    'services:',
    '  web:',
    '    image: registry.example.com/shop-web:${TAG}',
    '    build:',
    '      context: .',
    '      dockerfile: docker/prod/web/Dockerfile',
    '  worker:',
    '    image: registry.example.com/shop-worker:${TAG}',
    '    build:',
    '      context: .',
    '      dockerfile: docker/prod/worker/Dockerfile',
    '    deploy:',
    '      resources:',
    '        limits:',
    '          memory: 2G',
    '',
  ].join('\n'),
};

const daemonSet = (namespace: string, image: string) =>
  [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: device-plugin',
    `  namespace: ${namespace}`,
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      name: device-plugin',
    '  template:',
    '    metadata:',
    '      labels:',
    '        name: device-plugin',
    '    spec:',
    '      containers:',
    `      - image: ${image}`,
    '        name: plugin',
    '',
  ].join('\n');

describe('round 37: a cluster add-on is not the service workload', () => {
  for (const [what, manifest] of <[string, string][]>[
    ['in kube-system', daemonSet('kube-system', 'example/gpu-plugin:1.0')],
    ['an upstream add-on image', daemonSet('gpu', 'nvidia/k8s-device-plugin:1.11')],
    ['cert-manager', daemonSet('cert-manager', 'quay.io/jetstack/cert-manager-controller:v1.14.0')],
  ])
    it(`judges the production compose services, not the add-on (${what})`, async () => {
      const tree = { ...app, 'scripts/cluster/device-plugin.yml': manifest };
      const r = await runRuleOn(resourceLimits, tree, { profile: 'service' });
      expect(r.outcome).toBe('partial');
      expect(r.message).toContain('1 of 2');
      expect(JSON.stringify(r.evidence)).toContain('compose service web has no resource limits');
      expect(JSON.stringify(r.evidence)).not.toContain('device-plugin.yml');
      const h = await runRuleOn(healthChecks, tree, { profile: 'service' });
      expect(h.message).toContain('2 of 2');
      expect(JSON.stringify(h.evidence)).not.toContain('device-plugin.yml');
    });

  it("an application's own Deployment beside the compose file is still judged", async () => {
    const tree = {
      ...app,
      'k8s/web.yml': daemonSet('shop', 'registry.example.com/shop-web:1.0').replace('DaemonSet', 'Deployment'),
    };
    const r = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(JSON.stringify(r.evidence)).toContain('k8s/web.yml');
  });

  it('an add-on this repository builds is its own product and stays judged', async () => {
    const tree = {
      'go.mod': 'module example.com/gpu-plugin\n\ngo 1.22\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      Dockerfile:
        'FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /plugin .\nFROM scratch\nCOPY --from=build /plugin /plugin\n',
      '.github/workflows/release.yml':
        'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t example/gpu-plugin:latest . && docker push example/gpu-plugin:latest\n',
      'deploy/daemonset.yml': daemonSet('kube-system', 'example/gpu-plugin:1.0'),
      'docker-compose-production.yml': 'services:\n  plugin:\n    image: example/gpu-plugin:latest\n',
    };
    const r = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(JSON.stringify(r.evidence)).toContain('deploy/daemonset.yml');
  });

  it('add-ons that are all a repository deploys stay judged', async () => {
    const tree = { 'cluster/device-plugin.yml': daemonSet('kube-system', 'nvidia/k8s-device-plugin:1.11') };
    const r = await runRuleOn(resourceLimits, tree, { profile: 'infrastructure' });
    expect(r.outcome).toBe('fail');
    expect(JSON.stringify(r.evidence)).toContain('device-plugin.yml');
  });
});

describe('round 37: a production compose file with its own Dockerfiles is not an override', () => {
  const dev = [
    'services:',
    '  web:',
    '    build:',
    '      context: .',
    '      dockerfile: docker/dev/web/Dockerfile',
    '  worker:',
    '    build:',
    '      context: .',
    '      dockerfile: docker/dev/worker/Dockerfile',
    '',
  ].join('\n');
  const devImages = {
    'docker/dev/web/Dockerfile': 'FROM python:3.12\nCOPY . /app\nCMD ["python", "manage.py", "runserver"]\n',
    'docker/dev/worker/Dockerfile': 'FROM python:3.12\nCOPY . /app\nCMD ["celery", "-A", "app", "worker"]\n',
  };

  it('judges the production services beside a development base file', async () => {
    const r = await runRuleOn(
      resourceLimits,
      { ...app, ...devImages, 'docker-compose.yml': dev },
      { profile: 'service' },
    );
    expect(r.message).toContain('1 of 2');
    expect(JSON.stringify(r.evidence)).toContain('"path":"docker-compose-production.yml","line":2');
  });

  it('an override that only adds settings is still merged onto its base service', async () => {
    const override = 'services:\n  web:\n    deploy:\n      resources:\n        limits:\n          memory: 1G\n';
    const tree = {
      ...app,
      'docker-compose.yml': app['docker-compose-production.yml'],
      'docker-compose-production.yml': override,
    };
    const r = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
  });
});
