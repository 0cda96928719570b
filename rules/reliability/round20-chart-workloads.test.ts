/**
 * Round 20 (a repository of Helm charts): every workload template a chart renders is a deployed
 * unit. A Deployment installed as a post-install hook (`asHook: true`) keeps running and is
 * counted; a template whose branches, all kept, make no YAML is read as the defaults render it;
 * workloads behind a switch that is off by default are said, not counted.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import healthChecks from './health-checks.js';
import redundancy from './redundancy.js';
import resourceLimits from './resource-limits.js';

const deployment = (role: string, opts: { probe?: boolean; gate?: string; tail?: string[] } = {}) =>
  [
    ...(opts.gate ? [`{{- if .Values.${opts.gate} }}`] : []),
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: {{ template "mill.fullname" . }}-${role}`,
    '  {{- if .Values.asHook }}',
    '  annotations:',
    '    "helm.sh/hook": "post-install,post-upgrade"',
    '  {{- end }}',
    'spec:',
    `  replicas: {{ .Values.${role}.replicas }}`,
    '  template:',
    '    spec:',
    '      containers:',
    `      - name: ${role}`,
    '        image: "{{ .Values.image }}"',
    ...(opts.probe
      ? [
          '        livenessProbe:',
          '          httpGet: { path: /healthz, port: 3000 }',
          '        readinessProbe:',
          '          httpGet: { path: /healthz, port: 3000 }',
        ]
      : []),
    '        resources:',
    `{{ toYaml .Values.${role}.resources | indent 10 }}`,
    ...(opts.tail ?? []),
    ...(opts.gate ? ['{{- end }}'] : []),
    '',
  ].join('\n');

const TREE: Tree = {
  'README.md': '# Mill charts\n\nHelm charts for Mill.\n',
  'charts/mill/Chart.yaml': 'apiVersion: v2\nname: mill\nversion: 1.2.0\n',
  'charts/mill/values.yaml': [
    'asHook: true',
    'image: example/mill:1.2.0',
    'web:',
    '  replicas: 2',
    '  resources: {}',
    '  priorityClassName: ""',
    'relay:',
    '  replicas: 1',
    '  resources: {}',
    'worker:',
    '  replicas: 1',
    '  resources: {}',
    'profiler:',
    '  enabled: false',
    '  replicas: 1',
    '  resources: {}',
    '',
  ].join('\n'),
  'charts/mill/templates/_helpers.tpl': '{{- define "mill.fullname" -}}{{ .Release.Name }}-mill{{- end }}\n',
  // Every branch kept, `priorityClassName:` (a map key) sits before a `- name:` volume item: no
  // YAML until the chart's defaults leave the priority class out.
  'charts/mill/templates/web/deployment-web.yaml': deployment('web', {
    probe: true,
    tail: [
      '      volumes:',
      '      - name: config',
      '        emptyDir: {}',
      '      {{- if .Values.web.priorityClassName }}',
      '      priorityClassName: "{{ .Values.web.priorityClassName }}"',
      '      {{- end }}',
      '      {{- if .Values.web.geoip }}',
      '      - name: geoip',
      '        emptyDir: {}',
      '      {{- end }}',
    ],
  }),
  'charts/mill/templates/relay/deployment-relay.yaml': deployment('relay', { probe: true }),
  'charts/mill/templates/worker/deployment-worker.yaml': deployment('worker'),
  'charts/mill/templates/profiler/deployment-profiler.yaml': deployment('profiler', { gate: 'profiler.enabled' }),
  'charts/mill/templates/hooks/db-init.job.yaml': [
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    '  name: {{ template "mill.fullname" . }}-db-init',
    '  annotations:',
    '    "helm.sh/hook": "post-install"',
    'spec:',
    '  template:',
    '    spec:',
    '      restartPolicy: Never',
    '      containers:',
    '      - name: db-init',
    '        image: "{{ .Values.image }}"',
    '',
  ].join('\n'),
};

describe('round 20: a chart repository is judged on every workload its templates render', () => {
  it('health-checks counts the hook-installed Deployments and the default-rendered one, says the disabled one', async () => {
    const run = await runRuleOn(healthChecks, TREE);
    expect(run.outcome, run.message).toBe('partial');
    expect(run.message).toContain('1 of 3 deployed units lack health checks');
    expect(run.message).toContain('2 have them');
    expect(run.message).toContain(
      '1 more workload template is off by default and not counted (profiler.enabled charts/mill/values.yaml:14)',
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'charts/mill/templates/worker/deployment-worker.yaml',
        line: 14,
        note: expect.stringContaining(
          'Deployment mill-worker (chart) container worker has no readiness or liveness probe',
        ),
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'charts/mill/templates/web/deployment-web.yaml',
        line: 14,
        note: expect.stringContaining('Deployment mill-web (chart) container web: readiness and liveness probes'),
      }),
    );
    expect(JSON.stringify(run.evidence)).not.toContain('not parseable');
    expect(JSON.stringify(run.evidence)).not.toContain('db-init');
  });

  it('redundancy and resource-limits count the same three units, with the values line of each replica count', async () => {
    const r = await runRuleOn(redundancy, TREE);
    expect(r.outcome, r.message).toBe('partial');
    expect(r.message).toContain('1 of 3 deployed units are redundant');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'charts/mill/templates/relay/deployment-relay.yaml',
        line: 10,
        note: expect.stringContaining(
          'Deployment mill-relay (chart) runs 1 replica (chart default charts/mill/values.yaml:8)',
        ),
      }),
    );
    const l = await runRuleOn(resourceLimits, TREE);
    expect(l.outcome, l.message).toBe('fail');
    expect(l.message).toContain('3 of 3 lack complete resource requests/limits');
    expect(l.message).toContain('1 more workload template is off by default');
  });
});
