import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import healthChecks from './health-checks.js';
import redundancy from './redundancy.js';
import resourceLimits from './resource-limits.js';

/**
 * Blind round 38: a chart built on a LIBRARY chart (`dependencies:` on a shared chart, templates
 * that only include the library's named templates) keeps probes, sizing and HPA bounds in its own
 * values.yaml, at the top level. Those values are the deployed unit, not the local compose file.
 */
const APP = {
  'package.json': JSON.stringify({ name: 'pay', dependencies: { '@hapi/hapi': '^21.0.0' } }),
  'app/index.js': "const Hapi = require('@hapi/hapi');\nHapi.server({ port: 3000 }).start();\n",
  'docker-compose.yaml': 'services:\n  pay:\n    build: .\n    ports:\n      - "3000:3000"\n',
};
const CHART = {
  'helm/pay/Chart.yaml':
    'apiVersion: v2\nname: pay\nversion: 1.0.0\ndependencies:\n- name: team-helm-library\n  version: 5.2.*\n  repository: https://example.org/charts/\n',
  'helm/pay/templates/deployment.yaml':
    '{{- include "team-helm-library.deployment" (list . "pay.deployment") -}}\n{{- define "pay.deployment" -}}\nspec:\n  template:\n    spec:\n      containers:\n      - {{ include "team-helm-library.container" (list . "pay.container") }}\n{{- end -}}\n',
  'helm/pay/templates/horizontal-pod-autoscaler.yaml':
    '{{- include "team-helm-library.horizontal-pod-autoscaler" (list . "pay.hpa") -}}\n{{- define "pay.hpa" -}}\nspec: {}\n{{- end -}}\n',
};
const VALUES = [
  'name: pay', // 1
  'image: pay', // 2
  'deployment:', // 3
  '  minReplicas: 2', // 4
  '  maxReplicas: 4', // 5
  'container:', // 6
  '  requestMemory: 180Mi', // 7
  '  requestCpu: 200m', // 8
  '  limitMemory: 1000Mi', // 9
  '  limitCpu: 1000m', // 10
  '  port: 3000', // 11
  'readinessProbe:', // 12
  '  path: /healthy', // 13
  '  port: 3000', // 14
  'livenessProbe:', // 15
  '  path: /healthz', // 16
  '  port: 3000', // 17
].join('\n');

describe('round 38: a chart on a library chart is read from its own values', () => {
  it('probes, container sizing and HPA bounds in values.yaml are the deployed unit', async () => {
    const tree = { ...APP, ...CHART, 'helm/pay/values.yaml': VALUES };
    const h = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(h.outcome).toBe('pass');
    expect(h.evidence.some((e) => e.path === 'helm/pay/values.yaml')).toBe(true);
    const r = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'docker-compose.yaml')).toBe(false);
    const d = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(d.outcome).not.toBe('fail');
    expect(d.evidence).toContainEqual(expect.objectContaining({ path: 'helm/pay/values.yaml', line: 4 }));
  });

  it('values without probes or sizing, and an HPA pinned at one replica, are findings on the chart', async () => {
    const bare = 'name: pay\nimage: pay\ndeployment:\n  minReplicas: 1\n  maxReplicas: 1\ncontainer:\n  port: 3000\n';
    const tree = { ...APP, ...CHART, 'helm/pay/values.yaml': bare };
    const h = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(h.outcome).toBe('fail');
    expect(h.evidence.some((e) => e.path === 'helm/pay/values.yaml')).toBe(true);
    const r = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    const d = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(d.outcome).toBe('fail');
    expect(d.evidence).toContainEqual(
      expect.objectContaining({ path: 'helm/pay/values.yaml', note: expect.stringMatching(/bounded at min 1, max 1/) }),
    );
  });

  it('an application chart dependency (not included by name) keeps values under its key', async () => {
    const tree = {
      ...APP,
      'helm/pay/Chart.yaml': CHART['helm/pay/Chart.yaml'],
      'helm/pay/values.yaml': VALUES,
    };
    const h = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(h.evidence.some((e) => e.path === 'helm/pay/values.yaml')).toBe(false);
  });
});
