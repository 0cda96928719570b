/**
 * Blind round 24, class "the deployed unit": a wrapper Helm chart (Chart.yaml names a shared
 * microservice chart, no templates of its own, values-<env>.yaml configure it under the dependency's
 * name) is the deployment, not a local smoke-test compose file beside it; and a library's interactive
 * compose runner (`docker-compose run --rm gem rspec`) is no deployed unit. Each case asserts the
 * verdict and the file:line cited.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import healthChecks from './reliability/health-checks.js';
import redundancy from './reliability/redundancy.js';
import resourceLimits from './reliability/resource-limits.js';

const CHART = [
  'apiVersion: v2',
  'name: fees-calculator',
  'description: Computes fees',
  'type: application',
  'version: 1.4.0',
  'appVersion: 0.9.1',
  'dependencies:',
  '  - name: service-blueprint',
  '    version: 3.1.0',
  '    repository: "https://charts.example.org/blueprint"',
  '',
].join('\n');

const values = (opts: { probes: boolean; replicas: number; hpa?: [number, number]; resources: boolean }) =>
  [
    'service-blueprint:', // 1
    '  namespace: "fees"', // 2
    '  image:', // 3
    '    repository: ghcr.io/example/fees-calculator', // 4
    '    tag: "0.9.1"', // 5
    ...(opts.probes
      ? [
          '  livenessProbe:', // 6
          '    httpGet:',
          '      path: /actuator/health/liveness',
          '      port: 8080',
          '  readinessProbe:', // 10
          '    httpGet:',
          '      path: /actuator/health/readiness',
          '      port: 8080',
        ]
      : []),
    '  deployment:', // 14
    '    create: true',
    `    replicas: ${opts.replicas}`, // 16
    ...(opts.resources
      ? [
          '  resources:', // 17
          '    requests:',
          '      memory: "512Mi"',
          '      cpu: "0.25"',
          '    limits:',
          '      memory: "768Mi"',
          '      cpu: "0.5"',
        ]
      : []),
    ...(opts.hpa
      ? ['  autoscaling:', '    enable: true', `    minReplica: ${opts.hpa[0]}`, `    maxReplica: ${opts.hpa[1]}`]
      : []),
    '',
  ].join('\n');

/** A local smoke-test runner beside the chart: builds the image and publishes its port. */
const SMOKE_COMPOSE = [
  "version: '3.8'",
  'services:',
  '  app:',
  "    container_name: 'calculator'",
  '    build:',
  '      dockerfile: Dockerfile',
  '      context: ../',
  '    ports:',
  '      - "8080:8080"',
  '',
].join('\n');

const service = (prod: string): Tree => ({
  Dockerfile:
    'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\nEXPOSE 8080\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
  'docker/docker-compose.yml': SMOKE_COMPOSE,
  'docker/run_docker.sh': '#!/bin/bash\ndocker compose up -d --build\n',
  'helm/Chart.yaml': CHART,
  'helm/values-dev.yaml': values({ probes: true, replicas: 1, resources: true }),
  'helm/values-prod.yaml': prod,
  'src/main/java/org/example/fees/App.java': 'package org.example.fees;\n\npublic class App {}\n',
});

const healthy = service(values({ probes: true, replicas: 3, hpa: [3, 6], resources: true }));
const bare = service(values({ probes: false, replicas: 1, resources: false }));

describe('round 24: a wrapper chart of a dependency chart is the deployed unit', () => {
  it('health-checks pass on the production values, not fail on the smoke-test compose file', async () => {
    const run = await runRuleOn(healthChecks, healthy, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'helm/values-prod.yaml',
      line: 3,
      note: 'Deployment fees-calculator (service-blueprint values) container fees-calculator: readiness and liveness probes; values: readinessProbe helm/values-prod.yaml:10, livenessProbe helm/values-prod.yaml:6',
    });
    expect(
      run.evidence.some((e) => e.path === 'docker/docker-compose.yml' && /no healthcheck/.test(e.note ?? '')),
    ).toBe(false);
  });

  it('health-checks fail when the production values set no probe, citing those values', async () => {
    const run = await runRuleOn(healthChecks, bare, { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]).toMatchObject({
      path: 'helm/values-prod.yaml',
      line: 3,
      note: 'Deployment fees-calculator (service-blueprint values) container fees-calculator has no readiness or liveness probe',
    });
  });

  it('redundancy reads the autoscaling floor of the production values', async () => {
    const run = await runRuleOn(redundancy, healthy, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe('1 of 1 deployed units are redundant; no PodDisruptionBudget.');
    expect(run.evidence[0]).toMatchObject({
      path: 'helm/values-prod.yaml',
      line: 26,
      note: 'Deployment fees-calculator (service-blueprint values) is autoscaled (min 3, max 6)',
    });
    const single = await runRuleOn(redundancy, bare, { profile: 'service' });
    expect(single.outcome).toBe('fail');
    expect(single.evidence[0]).toMatchObject({ path: 'helm/values-prod.yaml', line: 8 });
  });

  it('resource-limits pass on the values requests/limits, fail without them', async () => {
    const run = await runRuleOn(resourceLimits, healthy, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'helm/values-prod.yaml',
      line: 3,
      note: 'Deployment fees-calculator (service-blueprint values) container fees-calculator: requests and limits; values: resources helm/values-prod.yaml:17',
    });
    const none = await runRuleOn(resourceLimits, bare, { profile: 'service' });
    expect(none.outcome).toBe('fail');
    expect(none.evidence[0]).toMatchObject({ path: 'helm/values-prod.yaml', line: 3 });
  });
});

/** A gem whose compose file is a shell to run the specs in (CONTRIBUTING: `docker-compose run --rm gem rspec`). */
const gem = (serviceExtra: string[] = []): Tree => ({
  'widget.gemspec':
    'Gem::Specification.new do |s|\n  s.name = "widget"\n  s.version = "1.0.0"\n  s.files = Dir["lib/**/*.rb"]\nend\n',
  'lib/widget.rb': 'module Widget\n  VERSION = "1.0.0"\nend\n',
  'spec/widget_spec.rb':
    'describe Widget do\n  it "has a version" do\n    expect(Widget::VERSION).to eq("1.0.0")\n  end\nend\n',
  'docker/Dockerfile':
    'ARG RUBY_VERSION=3.3\nFROM ruby:${RUBY_VERSION}-slim\nWORKDIR /var/widget\nCOPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh\nENTRYPOINT ["entrypoint.sh"]\n',
  'docker/entrypoint.sh': '#!/bin/sh\nbundle install\nexec "$@"\n',
  'docker-compose.yml': [
    'volumes:',
    '  gems:',
    '',
    'services:',
    '  widget:', // 5
    '    build:',
    '      context: .',
    '      dockerfile: docker/Dockerfile',
    '    stdin_open: true',
    '    tty: true',
    ...serviceExtra,
    '    volumes:',
    '      - .:/var/widget',
    '      - gems:/usr/local/bundle',
    '',
  ].join('\n'),
});

describe('round 24: a library interactive compose runner is no deployed unit', () => {
  it('health-checks and resource-limits are not applicable, and say why', async () => {
    const hc = await runRuleOn(healthChecks, gem(), { profile: 'library' });
    expect(hc.outcome).toBe('not-applicable');
    expect(hc.message).toContain(
      'compose service widget (docker-compose.yml:5) set aside as local development: an interactive container (stdin_open) that mounts the source tree and serves no port',
    );
    const rl = await runRuleOn(resourceLimits, gem(), { profile: 'library' });
    expect(rl.outcome).toBe('not-applicable');
    expect(rl.message).toContain('compose service widget (docker-compose.yml:5) set aside as local development');
  });

  it('a compose service that publishes a port is still judged', async () => {
    const served = gem(['    ports:', '      - "9292:9292"']);
    const hc = await runRuleOn(healthChecks, served, { profile: 'library' });
    expect(hc.outcome).toBe('fail');
    expect(hc.evidence[0]).toMatchObject({
      path: 'docker-compose.yml',
      line: 5,
      note: 'compose service widget has no healthcheck',
    });
  });
});
