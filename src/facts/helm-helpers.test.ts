import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { k8s } from './k8s.js';
import { runRuleOn } from '../testing/rule-tester.js';
import healthChecks from '../../rules/reliability/health-checks.js';
import redundancy from '../../rules/reliability/redundancy.js';
import resourceLimits from '../../rules/reliability/resource-limits.js';

// A chart whose pod spec lives in a named template (templates/_pod.tpl) that the Deployment
// includes; probes and resources come from values.yaml defaults; its HPA is behind
// `if and .Values.autoscaling.enabled (…)`, off by default. A second chart hard-codes one replica
// and names its objects with an `include`, as the first chart's HPA names its target.
const relay = {
  'charts/relay/Chart.yaml': 'apiVersion: v2\nname: relay\nversion: 0.3.0\n',
  'charts/relay/values.yaml': [
    'mode: deployment', // 1
    'replicaCount: 1', // 2
    'image:', // 3
    '  repository: example/relay', // 4
    '# probes', // 5
    'livenessProbe:', // 6
    '  # periodSeconds: 10', // 7
    '  httpGet:', // 8
    '    port: 13133', // 9
    '    path: /', // 10
    'readinessProbe:', // 11
    '  httpGet:', // 12
    '    port: 13133', // 13
    '    path: /ready', // 14
    'resources:', // 15
    '  limits:', // 16
    '    memory: 256Mi', // 17
    '  requests:', // 18
    '    cpu: 100m', // 19
    'autoscaling:', // 20
    '  enabled: false', // 21
    '  minReplicas: 2', // 22
    '',
  ].join('\n'),
  'charts/relay/templates/_helpers.tpl': [
    '{{/*', // 1
    'Full name.', // 2
    '*/}}', // 3
    '{{- define "relay.fullname" -}}', // 4
    '{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 }}', // 5
    '{{- end }}', // 6
    '', // 7
  ].join('\n'),
  'charts/relay/templates/_pod.tpl': [
    '{{- define "relay.pod" -}}', // 1
    'serviceAccountName: {{ include "relay.fullname" . }}', // 2
    'containers:', // 3
    '  - name: relay', // 4
    '    image: "{{ .Values.image.repository }}"', // 5
    '    livenessProbe:', // 6
    '      httpGet:', // 7
    '        path: {{ .Values.livenessProbe.httpGet.path }}', // 8
    '        port: {{ .Values.livenessProbe.httpGet.port }}', // 9
    '    readinessProbe:', // 10
    '      {{- toYaml .Values.readinessProbe | nindent 6 }}', // 11
    '    {{- with .Values.resources }}', // 12
    '    resources:', // 13
    '      {{- toYaml . | nindent 6 }}', // 14
    '    {{- end }}', // 15
    '{{- end }}', // 16
    '',
  ].join('\n'),
  'charts/relay/templates/deployment.yaml': [
    '{{- if eq .Values.mode "deployment" -}}', // 1
    'apiVersion: apps/v1', // 2
    'kind: Deployment', // 3
    'metadata:', // 4
    '  name: {{ include "relay.fullname" . }}', // 5
    'spec:', // 6
    '{{- if and (not .Values.autoscaling.enabled) (.Values.replicaCount) }}', // 7
    '  replicas: {{ .Values.replicaCount }}', // 8
    '{{- end }}', // 9
    '  template:', // 10
    '    spec:', // 11
    '      {{- include "relay.pod" . | nindent 6 }}', // 12
    '      hostNetwork: false', // 13
    '{{- end }}', // 14
    '',
  ].join('\n'),
  'charts/relay/templates/hpa.yaml': [
    '{{- if and .Values.autoscaling.enabled (eq .Values.mode "deployment") }}', // 1
    'apiVersion: autoscaling/v2', // 2
    'kind: HorizontalPodAutoscaler', // 3
    'metadata:', // 4
    '  name: {{ include "relay.fullname" . }}', // 5
    'spec:', // 6
    '  scaleTargetRef:', // 7
    '    apiVersion: apps/v1', // 8
    '    kind: Deployment', // 9
    '    name: {{ include "relay.fullname" . }}', // 10
    '  minReplicas: {{ .Values.autoscaling.minReplicas }}', // 11
    '{{- end }}', // 12
    '',
  ].join('\n'),
};
const reducer = {
  'charts/reducer/Chart.yaml': 'apiVersion: v2\nname: reducer\nversion: 0.1.0\n',
  'charts/reducer/values.yaml': 'image: example/reducer\n',
  'charts/reducer/templates/deployment.yaml': [
    'apiVersion: apps/v1', // 1
    'kind: Deployment', // 2
    'metadata:', // 3
    '  name: {{ include "reducer.fullname" . }}', // 4
    'spec:', // 5
    '  replicas: 1', // 6
    '  template:', // 7
    '    spec:', // 8
    '      containers:', // 9
    '        - name: reducer', // 10
    '          image: {{ .Values.image }}', // 11
    '',
  ].join('\n'),
};
const tree = { 'README.md': '# charts\n', ...relay, ...reducer };

describe('Helm workloads whose pod spec comes from a named template (round 15)', () => {
  it('splices the included pod spec in and cites the helper line', () => {
    const m = k8s(memoryIndex(tree));
    expect(m.notes).toEqual([]);
    const relayW = m.workloads.find((w) => w.path === 'charts/relay/templates/deployment.yaml')!;
    expect(relayW.line).toBe(3);
    expect(relayW.replicas).toBe(1);
    expect(relayW.replicasLine).toBe(8);
    expect(relayW.containers).toHaveLength(1);
    expect(relayW.containers[0]).toMatchObject({
      name: 'relay',
      path: 'charts/relay/templates/_pod.tpl',
      line: 4,
      resources: { limits: { memory: '256Mi' }, requests: { cpu: '100m' } },
      defaults: {
        livenessProbe: { path: 'charts/relay/values.yaml', line: 6 },
        readinessProbe: { path: 'charts/relay/values.yaml', line: 11 },
        resources: { path: 'charts/relay/values.yaml', line: 15 },
      },
    });
    // The HPA is behind `if and .Values.autoscaling.enabled …`, false by default.
    expect(m.objects.find((o) => o.kind === 'HorizontalPodAutoscaler')?.disabled).toBe(true);
  });

  it('health-checks and resource-limits count the helper container with its values.yaml defaults', async () => {
    const hc = await runRuleOn(healthChecks, tree, { profile: 'infrastructure' });
    expect(hc.evidence).toContainEqual({
      path: 'charts/relay/templates/_pod.tpl',
      line: 4,
      note: 'Deployment relay (chart) container relay: readiness and liveness probes (pod spec from a helper, included by charts/relay/templates/deployment.yaml); chart defaults: readinessProbe charts/relay/values.yaml:11, livenessProbe charts/relay/values.yaml:6',
    });
    expect(hc.data).toMatchObject({ kubernetesContainers: 2, checked: 1 });
    const rl = await runRuleOn(resourceLimits, tree, { profile: 'infrastructure' });
    expect(rl.outcome).toBe('partial');
    expect(rl.message).toBe(
      '1 of 2 workloads declare requests and limits; 1 of 2 lack complete resource requests/limits.',
    );
    expect(rl.evidence).toContainEqual({
      path: 'charts/relay/templates/_pod.tpl',
      line: 4,
      note: 'Deployment relay (chart) container relay: requests and limits (pod spec from a helper, included by charts/relay/templates/deployment.yaml); chart defaults: resources charts/relay/values.yaml:15',
    });
  });

  it('redundancy: an HPA behind a default-false switch and another chart’s placeholder name scale nothing', async () => {
    const r = await runRuleOn(redundancy, tree, { profile: 'infrastructure' });
    expect(r.data).toMatchObject({ redundant: 0, single: 2, autoscalers: 0 });
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'charts/reducer/templates/deployment.yaml',
        line: 6,
        note: 'Deployment reducer (chart) runs 1 replica and no autoscaler targets it',
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'charts/relay/templates/deployment.yaml',
        line: 8,
        note: "Deployment relay (chart) runs 1 replica (chart default charts/relay/values.yaml:2) and no autoscaler targets it by default: the chart's HorizontalPodAutoscaler (charts/relay/templates/hpa.yaml:3) is behind a values switch, .Values.autoscaling.enabled false by default (charts/relay/values.yaml:21)",
      }),
    );
  });

  it('unrolls `range $name, $config := .Values.components` over a helper that writes a whole Deployment', async () => {
    const shop = {
      'charts/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
      'charts/shop/values.yaml': [
        'default:', // 1
        '  image: example/shop', // 2
        'components:', // 3
        '  cart-api:', // 4
        '    enabled: true', // 5
        '    resources:', // 6
        '      limits:', // 7
        '        memory: 160Mi', // 8
        '      requests:', // 9
        '        cpu: 50m', // 10
        '    livenessProbe:', // 11
        '      httpGet: { path: /healthz, port: 8080 }', // 12
        '    readinessProbe:', // 13
        '      httpGet: { path: /ready, port: 8080 }', // 14
        '  quote:', // 15
        '    enabled: true', // 16
        '    replicas: 2', // 17
        '    resources:', // 18
        '      limits:', // 19
        '        memory: 40Mi', // 20
        '  legacy:', // 21
        '    enabled: false', // 22
        '',
      ].join('\n'),
      'charts/shop/templates/_objects.tpl': [
        '{{/*', // 1
        'A component Deployment.', // 2
        '*/}}', // 3
        '{{- define "shop.deployment" }}', // 4
        '---', // 5
        'apiVersion: apps/v1', // 6
        'kind: Deployment', // 7
        'metadata:', // 8
        '  name: {{ .name }}', // 9
        'spec:', // 10
        '  replicas: {{ .replicas | default .defaultValues.replicas }}', // 11
        '  template:', // 12
        '    spec:', // 13
        '      containers:', // 14
        '        - name: {{ .name }}', // 15
        '          image: {{ .defaultValues.image }}', // 16
        '          resources:', // 17
        '            {{- .resources | toYaml | nindent 12 }}', // 18
        '          {{- if .livenessProbe }}', // 19
        '          livenessProbe:', // 20
        '            {{- .livenessProbe | toYaml | nindent 12 }}', // 21
        '          {{- end }}', // 22
        '          {{- if .readinessProbe }}', // 23
        '          readinessProbe:', // 24
        '            {{- .readinessProbe | toYaml | nindent 12 }}', // 25
        '          {{- end }}', // 26
        '        {{- range .sidecarContainers }}', // 27
        '        - name: {{ .name }}', // 28
        '          image: {{ .image }}', // 29
        '        {{- end }}', // 30
        '{{- end }}', // 31
        '',
      ].join('\n'),
      'charts/shop/templates/component.yaml': [
        '{{- range $name, $config := .Values.components }}', // 1
        '    {{- $config := set . "name" ($name | lower) }}', // 2
        '    {{- $config := set . "defaultValues" $.Values.default }}', // 3
        '    {{- if $config.enabled -}}', // 4
        '        {{- include "shop.deployment" $config -}}', // 5
        '    {{ end }}', // 6
        '{{- end }}', // 7
        '',
      ].join('\n'),
    };
    const t = { 'README.md': '# shop\n', ...shop };
    const m = k8s(memoryIndex(t));
    expect(m.notes).toEqual([]);
    const enabled = m.workloads.filter((w) => !w.disabled);
    expect(enabled.map((w) => [w.name, w.path, w.line, w.replicas])).toEqual([
      ['cart-api', 'charts/shop/templates/component.yaml', 5, undefined],
      ['quote', 'charts/shop/templates/component.yaml', 5, 2],
    ]);
    // The disabled entry is there, switched off by its values; no phantom sidecar container.
    expect(m.workloads.find((w) => w.name === 'legacy')?.disabled).toBe(true);
    expect(enabled.map((w) => w.containers.map((c) => [c.name, c.path, c.line]))).toEqual([
      [['cart-api', 'charts/shop/templates/_objects.tpl', 15]],
      [['quote', 'charts/shop/templates/_objects.tpl', 15]],
    ]);
    const rl = await runRuleOn(resourceLimits, t, { profile: 'infrastructure' });
    expect(rl.message).toBe(
      '1 of 2 workloads declare requests and limits; 1 of 2 lack complete resource requests/limits. 1 more workload template is off by default and not counted (components.legacy.enabled charts/shop/values.yaml:22).',
    );
    expect(rl.evidence).toContainEqual({
      path: 'charts/shop/templates/_objects.tpl',
      line: 15,
      note: 'Deployment quote container quote has limits (memory) but no requests (pod spec from a helper, included by charts/shop/templates/component.yaml); chart defaults: resources charts/shop/values.yaml:18',
    });
    const hc = await runRuleOn(healthChecks, t, { profile: 'infrastructure' });
    expect(hc.evidence).toContainEqual({
      path: 'charts/shop/templates/_objects.tpl',
      line: 15,
      note: 'Deployment cart-api container cart-api: readiness and liveness probes (pod spec from a helper, included by charts/shop/templates/component.yaml); chart defaults: readinessProbe charts/shop/values.yaml:13, livenessProbe charts/shop/values.yaml:11',
    });
    const r = await runRuleOn(redundancy, t, { profile: 'infrastructure' });
    expect(r.data).toMatchObject({ redundant: 1, single: 1 });
    expect(r.evidence).toContainEqual({
      path: 'charts/shop/templates/component.yaml',
      line: 5,
      note: 'Deployment quote: 2 replicas (chart default charts/shop/values.yaml:17)',
    });
  });
});
