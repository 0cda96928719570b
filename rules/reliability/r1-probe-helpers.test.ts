/**
 * Probes a container gets from a named template of its chart (`{{- include "tsdb.probes" . | nindent 10 }}`,
 * blind round 22, influxdata/helm-charts): the helper's body is spliced in where it is included, a
 * `range $name := list "liveness" "readiness"` writing `{{ $name }}Probe:` unrolled, and the probe is
 * cited at the helper's line.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import healthChecks from './health-checks.js';
import resourceLimits from './resource-limits.js';

const sts = (name: string, include: string) =>
  [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    '          image: "example/tsdb:{{ .Values.image.tag }}"',
    '          ports:',
    '            - name: http',
    '              containerPort: 8181',
    include,
    '',
  ].join('\n');

const tree: Tree = {
  'charts/tsdb/Chart.yaml': 'apiVersion: v2\nname: tsdb\nversion: 1.0.0\n',
  'charts/tsdb/values.yaml':
    'image:\n  tag: "3.0"\nprobes:\n  enabled: true\n  liveness:\n    periodSeconds: 10\n  readiness:\n    periodSeconds: 5\nresources:\n  requests:\n    cpu: 100m\n    memory: 256Mi\n  limits:\n    memory: 512Mi\n',
  'charts/tsdb/templates/_helpers.tpl': [
    '{{- define "tsdb.fullname" -}}{{ .Release.Name }}-tsdb{{- end }}',
    '',
    '{{/*',
    'Probe configuration',
    '*/}}',
    '{{- define "tsdb.probes" -}}',
    '{{- if .Values.probes.enabled }}',
    '{{- range $name := list "liveness" "readiness" }}',
    '{{ $name }}Probe:',
    '  httpGet:',
    '    path: /health',
    '    port: http',
    '  {{- toYaml (get $.Values.probes $name) | nindent 2 }}',
    '{{- end }}',
    '{{- end }}',
    '{{- end }}',
    '',
    '{{- define "tsdb.container-resources" -}}',
    'resources:',
    '  {{- toYaml .Values.resources | nindent 2 }}',
    '{{- end }}',
    '',
  ].join('\n'),
  'charts/tsdb/templates/statefulset.yaml': sts(
    'tsdb',
    '          {{- include "tsdb.probes" . | nindent 10 }}\n          {{- include "tsdb.container-resources" . | nindent 10 }}',
  ),
  'charts/tsdb/templates/compactor.yaml': sts(
    'tsdb-compactor',
    '          {{- include "tsdb.fullname" . | nindent 10 }}',
  ),
};

describe('probes and resources from a chart helper (round 22)', () => {
  it('the included helper gives the container its probes; the workload that includes only a name helper still lacks them', async () => {
    const run = await runRuleOn(healthChecks, tree, { profile: 'infrastructure' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe('1 of 2 deployed units lack health checks; 1 has them.');
    expect(run.evidence).toEqual([
      {
        path: 'charts/tsdb/templates/compactor.yaml',
        line: 9,
        note: 'StatefulSet tsdb-compactor container tsdb-compactor has no readiness or liveness probe',
      },
      {
        path: 'charts/tsdb/templates/statefulset.yaml',
        line: 9,
        note: 'StatefulSet tsdb container tsdb: readiness and liveness probes',
      },
    ]);
  });
  it('resources rendered by an included helper count, with the chart default cited', async () => {
    const run = await runRuleOn(resourceLimits, tree, { profile: 'infrastructure' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual({
      path: 'charts/tsdb/templates/statefulset.yaml',
      line: 9,
      note: 'StatefulSet tsdb container tsdb: requests and limits; chart defaults: resources charts/tsdb/values.yaml:9',
    });
  });
});
