import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../src/testing/memory.js';
import { neutraliseHelm } from './helm.js';
import { k8s, objectsOfKind } from './k8s.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  template:
    spec:
      terminationGracePeriodSeconds: 45
      containers:
        - name: api
          image: api:1.0
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
          resources:
            requests: { cpu: 100m }
            limits: { memory: 256Mi }
        - name: sidecar
          image: proxy:2
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  ports: [{ port: 80 }]
`;

const chartTemplate = `{{- if not .Values.autoscaling.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "web.fullname" . }}
  labels:
    {{- include "web.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          livenessProbe:
            {{- toYaml .Values.livenessProbe | nindent 12 }}
          {{- with .Values.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
{{- end }}
`;

describe('k8s model', () => {
  it('reads workloads, containers, probes, resources and lines from multi-document YAML', () => {
    const m = k8s(memoryIndex({ 'deploy/app.yaml': deployment, 'README.md': '# x' }));
    expect(m.workloads).toHaveLength(1);
    const w = m.workloads[0]!;
    expect(w).toMatchObject({ kind: 'Deployment', name: 'api', path: 'deploy/app.yaml', line: 2, replicas: 3, replicasLine: 6, terminationGracePeriodSeconds: 45 });
    expect(w.containers.map((c) => [c.name, c.line, !!c.readinessProbe, !!c.livenessProbe])).toEqual([['api', 11, true, false], ['sidecar', 18, false, false]]);
    expect(w.containers[0]!.resources).toEqual({ requests: { cpu: '100m' }, limits: { memory: '256Mi' } });
    expect(objectsOfKind(m, 'Service').map((o) => [o.name, o.line])).toEqual([['api', 22]]);
  });

  it('neutralises Helm templates and resolves .Values from values.yaml', () => {
    const tree = {
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'charts/web/values.yaml': 'replicaCount: 2\nautoscaling:\n  enabled: false\nlivenessProbe:\n  httpGet: { path: /healthz, port: http }\nresources:\n  limits: { cpu: 500m }\n',
      'charts/web/templates/deployment.yaml': chartTemplate,
      'charts/web/templates/hpa.yaml': '{{- if .Values.autoscaling.enabled }}\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n{{- end }}\n',
    };
    const m = k8s(memoryIndex(tree));
    expect(m.notes).toEqual([]);
    const w = m.workloads[0]!;
    expect(w).toMatchObject({ kind: 'Deployment', path: 'charts/web/templates/deployment.yaml', line: 3, replicas: 2, chart: 'charts/web' });
    expect(w.disabled).toBeUndefined();
    expect(w.containers[0]!.line).toBe(13);
    expect(w.containers[0]!.livenessProbe).toEqual({ httpGet: { path: '/healthz', port: 'http' } });
    expect(w.containers[0]!.resources).toEqual({ limits: { cpu: '500m' } });
    expect(objectsOfKind(m, 'HorizontalPodAutoscaler')).toEqual([]);
    expect(m.objects.find((o) => o.kind === 'HorizontalPodAutoscaler')?.disabled).toBe(true);
  });

  it('keeps a template value unresolved when the chart has no values.yaml', () => {
    const m = k8s(memoryIndex({ 'Chart.yaml': 'apiVersion: v2\nname: x\n', 'templates/d.yaml': chartTemplate }));
    expect(m.workloads[0]!.replicas).toBe('templated');
    expect(m.workloads[0]!.containers[0]!.livenessProbe).toBeTruthy();
  });

  it('notes malformed YAML and keeps the documents before it', () => {
    const m = k8s(memoryIndex({ 'k8s/bad.yaml': `${deployment}---\nkind: Pod\napiVersion: v1\nspec: [unclosed\n` }));
    expect(m.workloads).toHaveLength(1);
    expect(m.notes[0]).toMatchObject({ path: 'k8s/bad.yaml' });
  });

  it('reads Kustomize files and ignores YAML that is not a manifest', () => {
    const m = k8s(memoryIndex({
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\nreplicas:\n  - name: api\n    count: 4\n',
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
    }));
    expect(m.kustomizations).toEqual([{ path: 'overlays/prod/kustomization.yaml', resources: ['../../base'], replicas: [{ name: 'api', count: 4 }] }]);
    expect(m.objects).toEqual([]);
  });

  it('keeps line count when neutralising', () => {
    expect(neutraliseHelm(chartTemplate)).toHaveLength(chartTemplate.split('\n').length);
  });
});
