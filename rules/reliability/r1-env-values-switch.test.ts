/**
 * A chart deployed with per-environment values files and no values.yaml (blind round 22, laa-cma):
 * an HPA behind `autoscaling.enabled`, false in every values file, autoscales nothing; the replica
 * count the values set is what makes the Deployment redundant: read from each values-<env>.yaml,
 * production's decides.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import redundancy from './redundancy.js';

const values = (env: string, on: boolean) =>
  `replicaCount: ${env === 'prod' ? 3 : 2}\nimage:\n  repository: example/assess\nautoscaling:\n  enabled: ${on}\n  minReplicas: 1\n  maxReplicas: 10\n`;

const chart = (prodOn: boolean): Tree => ({
  'deploy/assess/Chart.yaml': 'apiVersion: v2\nname: assess\nversion: 0.1.0\n',
  'deploy/assess/values-dev.yaml': values('dev', false),
  'deploy/assess/values-prod.yaml': values('prod', prodOn),
  'deploy/assess/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: assess\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: assess\n          image: "{{ .Values.image.repository }}"\n',
  'deploy/assess/templates/hpa.yaml':
    '{{- if .Values.autoscaling.enabled }}\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: assess\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: assess\n  minReplicas: {{ .Values.autoscaling.minReplicas }}\n  maxReplicas: {{ .Values.autoscaling.maxReplicas }}\n{{- end }}\n',
  'src/main.py': 'print("assess")\n',
});

describe('an HPA switched off in every per-environment values file (round 22)', () => {
  it('is no autoscaling', async () => {
    const run = await runRuleOn(redundancy, chart(false), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toEqual([
      {
        path: 'deploy/assess/templates/deployment.yaml',
        line: 6,
        note: 'Deployment assess: 3 replicas in production (deploy/assess/values-prod.yaml:1; per environment: 2 in values-dev.yaml:1, 3 in values-prod.yaml:1)',
      },
    ]);
  });
  it('a single replica in the production values file is a finding, named with every environment', async () => {
    const tree = chart(false);
    tree['deploy/assess/values-prod.yaml'] = (tree['deploy/assess/values-prod.yaml'] as string).replace(
      'replicaCount: 3',
      'replicaCount: 1',
    );
    const run = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence).toContainEqual({
      path: 'deploy/assess/templates/deployment.yaml',
      line: 6,
      note: 'Deployment assess runs 1 replica in production (deploy/assess/values-prod.yaml:1; per environment: 2 in values-dev.yaml:1, 1 in values-prod.yaml:1) and no autoscaler targets it',
    });
  });
  it('switched on in one environment it still scales', async () => {
    const run = await runRuleOn(redundancy, chart(true), { profile: 'service' });
    expect(run.evidence).toEqual([
      { path: 'deploy/assess/templates/deployment.yaml', line: 2, note: 'Deployment assess is autoscaled' },
    ]);
  });
});
