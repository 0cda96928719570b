import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import healthChecks from './health-checks.js';
import redundancy from './redundancy.js';
import resourceLimits from './resource-limits.js';

/**
 * Blind round 42: charts with no workload templates of their own whose Deployment is rendered by a
 * chart they depend on. A common library chart configured through `controllers.<c>.containers.<n>`
 * (templates that include `<vendor>.common.*`), a base chart configured under its key whose
 * autoscaling sets only a ceiling, and a cache subchart switched off in the values.
 */
const APP = {
  'package.json': JSON.stringify({ name: 'feeds', dependencies: { express: '^4.19.0' } }),
  'src/server.js': "const express = require('express');\nexpress().listen(8080);\n",
};

const LIBRARY_CHART = {
  'deploy/chart/feeds/Chart.yaml':
    'apiVersion: v2\nname: feeds\nversion: 0.1.0\ntype: application\ndependencies:\n  - name: common\n    repository: https://charts.example.org/library\n    version: 3.0.3\n',
  'deploy/chart/feeds/templates/common.yaml':
    '---\n{{- include "acme.common.loader.init" . }}\n{{ include "acme.common.loader.generate" . }}\n',
};
const libraryValues = (opts: { replicas?: number; probes?: boolean; resources?: boolean }) =>
  [
    'controllers:', // 1
    '  feeds:', // 2
    ...(opts.replicas !== undefined ? [`    replicas: ${opts.replicas}`] : []), // 3
    '    containers:',
    '      feeds:',
    '        image:',
    '          repository: example/feeds',
    '          tag: 1.2.0',
    ...(opts.resources
      ? [
          '        resources:',
          '          requests:',
          '            cpu: 100m',
          '          limits:',
          '            memory: 512Mi',
        ]
      : []),
    ...(opts.probes
      ? [
          '        probes:',
          '          liveness:',
          '            enabled: true',
          '            type: HTTP',
          '            path: /health',
          '          readiness:',
          '            enabled: true',
          '            type: HTTP',
          '            path: /health',
        ]
      : []),
    'service:',
    '  feeds:',
    '    controller: feeds',
    '',
  ].join('\n');

const BASE_CHART = {
  'charts/feeds/Chart.yaml':
    "apiVersion: v2\nname: feeds\nversion: 1.2.0\ndependencies:\n  - name: nodejs\n    version: 3.2.1\n    repository: 'oci://registry.example.org/helm'\n  - name: redis\n    version: 27.0.18\n    repository: 'oci://registry.example.org/charts'\n    condition: redis.enabled\n",
};
const baseValues = (opts: { min?: number; redisOn: boolean }) =>
  [
    'nodejs:', // 1
    '  applicationPort: 4000', // 2
    '  memoryRequests: "1024Mi"', // 3
    '  cpuRequests: "500m"', // 4
    '  memoryLimits: "2048Mi"', // 5
    '  cpuLimits: "1500m"', // 6
    '  autoscaling:', // 7
    '    enabled: true', // 8
    ...(opts.min !== undefined ? [`    minReplicas: ${opts.min}`] : []),
    '    maxReplicas: 4',
    '  image: registry.example.org/feeds:latest',
    '  livenessPath: /health/liveness',
    'redis:',
    `  enabled: ${opts.redisOn}`,
    '  architecture: standalone',
    '  image:',
    '    repository: bitnami/redis',
    '',
  ].join('\n');

describe('round 42: workloads rendered by a library or base chart from the values', () => {
  it('a common library chart: the controller in values is the workload, judged on its values', async () => {
    const bare = { ...APP, ...LIBRARY_CHART, 'deploy/chart/feeds/values.yaml': libraryValues({ resources: true }) };
    const hc = await runRuleOn(healthChecks, bare, { profile: 'service' });
    expect(hc.outcome).toBe('fail');
    expect(hc.evidence[0]).toMatchObject({ path: 'deploy/chart/feeds/values.yaml', line: 5 });
    expect(hc.evidence[0]!.note).toContain(
      'Deployment feeds (common values) container feeds has no readiness or liveness probe',
    );
    expect(hc.evidence.some((e) => /no Kubernetes workloads/.test(e.note ?? ''))).toBe(false);
    const red = await runRuleOn(redundancy, bare, { profile: 'service' });
    expect(red.outcome).toBe('fail');
    expect(red.evidence[0]!.note).toContain('runs 1 replica (replicas unset)');
    const rl = await runRuleOn(resourceLimits, bare, { profile: 'service' });
    expect(rl.outcome).toBe('pass');
    expect(rl.evidence[0]!.note).toContain('requests and limits');
    expect(rl.evidence[0]!.note).toContain('deploy/chart/feeds/values.yaml:8');

    const good = {
      ...APP,
      ...LIBRARY_CHART,
      'deploy/chart/feeds/values.yaml': libraryValues({ replicas: 3, probes: true, resources: true }),
    };
    const hc2 = await runRuleOn(healthChecks, good, { profile: 'service' });
    expect(hc2.outcome).toBe('pass');
    expect(hc2.evidence[0]!.note).toContain('readiness and liveness probes');
    const red2 = await runRuleOn(redundancy, good, { profile: 'service' });
    expect(red2.evidence[0]).toMatchObject({ path: 'deploy/chart/feeds/values.yaml', line: 3 });
    expect(red2.evidence[0]!.note).toContain('3 replicas');
  });

  it('a disabled subchart is no workload; an enabled one is', async () => {
    const off = { ...APP, ...BASE_CHART, 'charts/feeds/values.yaml': baseValues({ min: 2, redisOn: false }) };
    const rl = await runRuleOn(resourceLimits, off, { profile: 'service' });
    expect(rl.outcome).toBe('pass');
    expect(rl.message).toContain('all 1 workload');
    const on = { ...APP, ...BASE_CHART, 'charts/feeds/values.yaml': baseValues({ min: 2, redisOn: true }) };
    const rl2 = await runRuleOn(resourceLimits, on, { profile: 'service' });
    expect(rl2.outcome).toBe('partial');
    expect(rl2.evidence.some((e) => /redis values/.test(e.note ?? ''))).toBe(true);
  });

  it('autoscaling with only a ceiling is a floor of one (half credit); a floor of 2 is redundant', async () => {
    const ceiling = { ...APP, ...BASE_CHART, 'charts/feeds/values.yaml': baseValues({ redisOn: false }) };
    const red = await runRuleOn(redundancy, ceiling, { profile: 'service' });
    expect(red.outcome).toBe('partial');
    expect(red.evidence[0]).toMatchObject({ path: 'charts/feeds/values.yaml', line: 8 });
    expect(red.evidence[0]!.note).toContain(
      'is autoscaled from min 1 (minReplicas unset: the autoscaler default) (max 4): a single instance at low load',
    );
    const floor = { ...APP, ...BASE_CHART, 'charts/feeds/values.yaml': baseValues({ min: 2, redisOn: false }) };
    const red2 = await runRuleOn(redundancy, floor, { profile: 'service' });
    expect(red2.evidence[0]!.note).toContain('is autoscaled (min 2, max 4)');
  });
});
