/**
 * Blind round 45, class "Helm chart workloads from included pod templates" (issue 15): a chart
 * whose Deployment and DaemonSet write `template: {{ include "x.podTemplate" . | fromYaml | toYaml | nindent 4 }}`
 * render the pod of a `define` in _podtemplate.tpl. The probes and resources written there belong
 * to both workloads (they were missed, and only a second chart's plain Deployment was counted).
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import healthChecks from './health-checks.js';
import resourceLimits from './resource-limits.js';

const podTemplate = (probes: boolean) =>
  [
    '{{- define "gate.podTemplate" }}',
    '    metadata:',
    '      labels:',
    '        app: gate',
    '    spec:',
    '      serviceAccountName: gate',
    '      containers:',
    '      - name: gate',
    '        image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
    '        resources:',
    '          {{- with .Values.resources }}',
    '          {{- toYaml . | nindent 10 }}',
    '          {{- end }}',
    ...(probes
      ? [
          '        readinessProbe:',
          '          httpGet: { path: /ping, port: 9000 }',
          '        livenessProbe:',
          '          httpGet: { path: /ping, port: 9000 }',
        ]
      : []),
    '{{- end }}',
    '',
  ].join('\n');

const workload = (kind: string, gate: string) =>
  [
    `{{- if and .Values.deployment.enabled (eq .Values.deployment.kind "${gate}") -}}`,
    '---',
    'apiVersion: apps/v1',
    `kind: ${kind}`,
    'metadata:',
    '  name: gate',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: gate',
    '  {{/* the dual conversion drops spurious newlines */}}',
    '  template: {{ include "gate.podTemplate" . | fromYaml | toYaml | nindent 4 }}',
    '{{- end -}}',
    '',
  ].join('\n');

const chart = (probes: boolean): Tree => ({
  'README.md': '# Gate chart\n',
  'gate/Chart.yaml': 'apiVersion: v2\nname: gate\nversion: 1.0.0\n',
  'gate/values.yaml': [
    'image:',
    '  repository: example/gate',
    '  tag: "3.1"',
    'deployment:',
    '  enabled: true',
    '  kind: Deployment',
    'resources:',
    '  requests:',
    '    cpu: 100m',
    '    memory: 128Mi',
    '  limits:',
    '    memory: 256Mi',
    '',
  ].join('\n'),
  'gate/templates/_podtemplate.tpl': podTemplate(probes),
  'gate/templates/deployment.yaml': workload('Deployment', 'Deployment'),
  'gate/templates/daemonset.yaml': workload('DaemonSet', 'DaemonSet'),
});

describe('round 45: a pod template included as the value of `template:`', () => {
  it('credits the probes of the included pod template to the workload', async () => {
    const run = await runRuleOn(healthChecks, chart(true), { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence.some((e) => e.path === 'gate/templates/_podtemplate.tpl' || /gate/.test(e.note ?? ''))).toBe(
      true,
    );
  });

  it('fails health checks when the included pod template has no probes', async () => {
    const run = await runRuleOn(healthChecks, chart(false), { profile: 'infrastructure' });
    expect(run.outcome).not.toBe('pass');
  });

  it('reads the resources the included pod template takes from values', async () => {
    const run = await runRuleOn(resourceLimits, chart(true), { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
    expect(run.message).not.toMatch(/^No /);
  });
});
