/**
 * Blind round 30: opt-in or incidental operations signals are not credited. A PodDisruptionBudget
 * behind a chart values switch that is off by default guards nothing as installed (sealed-secrets:
 * `pdb.enabled: false` beside a hard-coded `replicas: 1`). A "Troubleshooting" section that is one
 * link to someone else's guide is no runbook (helm/sealed-secrets/README.md).
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import redundancy from './reliability/redundancy.js';
import runbooks from './operations/runbooks.js';

const chart = (pdbEnabled: boolean) => ({
  'go.mod': 'module example.com/ctl\n',
  'helm/ctl/Chart.yaml': 'apiVersion: v2\nname: ctl\nversion: 1.0.0\n',
  'helm/ctl/values.yaml': `pdb:\n  create: ${pdbEnabled}\n  minAvailable: 1\n`,
  'helm/ctl/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ctl\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: ctl\n          image: example/ctl:v1\n',
  'helm/ctl/templates/pdb.yaml':
    '{{- if .Values.pdb.create }}\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ctl\nspec:\n  minAvailable: {{ .Values.pdb.minAvailable }}\n{{- end }}\n',
});

describe('round 30: an opt-in PodDisruptionBudget earns nothing', () => {
  it('one hard-coded replica and a budget off by default: fail, the budget named as opt-in', async () => {
    const run = await runRuleOn(redundancy, chart(false), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('the PodDisruptionBudget is opt-in (off by default)');
  });
  it('the same budget on by default keeps its share: partial', async () => {
    const run = await runRuleOn(redundancy, chart(true), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.score).toBe(0.2);
  });
});

describe('round 30: a troubleshooting heading over a link is no runbook', () => {
  const service = (section: string) => ({
    'go.mod': 'module example.com/ctl\n',
    'cmd/ctl/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
    'helm/ctl/README.md': `# ctl\n\nInstall the chart.\n\n## Troubleshooting\n\n${section}\n## Upgrading\n\nRun helm upgrade.\n`,
  });
  it('one line linking to a guide elsewhere earns nothing', async () => {
    const run = await runRuleOn(
      runbooks,
      service('Find more about common errors in [this guide](https://docs.example.com/troubleshoot-charts).\n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
  it('a section with its own steps earns partial credit', async () => {
    const run = await runRuleOn(
      runbooks,
      service(
        'If the controller pod restarts, check its logs with `kubectl logs deploy/ctl`.\nIf the key is missing, restore it from the backup secret and restart the pod.\n',
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
  });
});
