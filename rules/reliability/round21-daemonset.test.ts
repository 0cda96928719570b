import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import redundancy from './redundancy.js';

/**
 * Blind round 21 (spegel): a chart whose only workload is a DaemonSet was `unknown` with "no
 * Kubernetes workloads", while health-checks and resource-limits judged that DaemonSet. A DaemonSet
 * runs one pod per node: redundant on any cluster of more than one node.
 */
const CHART = {
  'go.mod': 'module example.com/nodecache\n\ngo 1.22\n',
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":5000", nil) }\n',
  'charts/nodecache/Chart.yaml': 'apiVersion: v2\nname: nodecache\nversion: 0.1.0\n',
  'charts/nodecache/values.yaml': 'image:\n  repository: ghcr.io/example/nodecache\n  tag: ""\n',
  'charts/nodecache/templates/daemonset.yaml': [
    'apiVersion: apps/v1', // 1
    'kind: DaemonSet', // 2
    'metadata:', // 3
    '  name: nodecache', // 4
    'spec:', // 5
    '  selector:', // 6
    '    matchLabels:', // 7
    '      app: nodecache', // 8
    '  template:', // 9
    '    metadata:', // 10
    '      labels:', // 11
    '        app: nodecache', // 12
    '    spec:', // 13
    '      containers:', // 14
    '        - name: registry', // 15
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"', // 16
  ].join('\n'),
};

describe('round 21: a DaemonSet is a workload redundancy judges', () => {
  it('a DaemonSet passes as one pod per node, cited at its manifest', async () => {
    const r = await runRuleOn(redundancy, CHART, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).not.toMatch(/no Kubernetes workloads/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'charts/nodecache/templates/daemonset.yaml',
        line: 2,
        note: expect.stringMatching(/one pod per node: redundant on any cluster of more than one node/),
      }),
    );
  });

  it('a DaemonSet installed as a post-delete hook cleans up after the release: not a running workload', async () => {
    const r = await runRuleOn(
      redundancy,
      {
        ...CHART,
        'charts/nodecache/templates/post-delete-hook.yaml': CHART['charts/nodecache/templates/daemonset.yaml']
          .replace('  name: nodecache', '  name: nodecache-cleanup\n  annotations:\n    helm.sh/hook: "post-delete"')
          .replace(/app: nodecache/g, 'app: nodecache-cleanup'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/1 of 1 redundant/);
    expect(r.evidence).not.toContainEqual(
      expect.objectContaining({ path: 'charts/nodecache/templates/post-delete-hook.yaml' }),
    );
  });

  it('a CronJob alone is named as running to completion, not called "no Kubernetes workloads"', async () => {
    const r = await runRuleOn(
      redundancy,
      {
        ...Object.fromEntries(Object.entries(CHART).filter(([k]) => !k.endsWith('daemonset.yaml'))),
        'charts/nodecache/templates/cronjob.yaml': [
          'apiVersion: batch/v1',
          'kind: CronJob',
          'metadata:',
          '  name: nodecache-gc',
          'spec:',
          '  schedule: "0 3 * * *"',
          '  jobTemplate:',
          '    spec:',
          '      template:',
          '        spec:',
          '          restartPolicy: OnFailure',
          '          containers:',
          '            - name: gc',
          '              image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('unknown');
    expect(r.message).toMatch(/CronJob nodecache-gc, run to completion/);
  });
});
