import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { neutraliseHelm } from './helm.js';
import { k8s, objectsOfKind } from './k8s.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runRuleOn } from '../testing/rule-tester.js';
import type { Rule } from '../types.js';
import circuitBreakers from '../../rules/reliability/circuit-breakers.js';
import gracefulShutdown from '../../rules/reliability/graceful-shutdown.js';
import healthChecks from '../../rules/reliability/health-checks.js';
import redundancy from '../../rules/reliability/redundancy.js';
import resourceLimits from '../../rules/reliability/resource-limits.js';
import timeouts from '../../rules/reliability/timeouts.js';
import orchestration from '../../rules/operations/orchestration.js';
import { fixtureTree } from '../testing/fixtures.js';

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
    expect(w).toMatchObject({
      kind: 'Deployment',
      name: 'api',
      path: 'deploy/app.yaml',
      line: 2,
      replicas: 3,
      replicasLine: 6,
      terminationGracePeriodSeconds: 45,
    });
    expect(w.containers.map((c) => [c.name, c.line, !!c.readinessProbe, !!c.livenessProbe])).toEqual([
      ['api', 11, true, false],
      ['sidecar', 18, false, false],
    ]);
    expect(w.containers[0]!.resources).toEqual({ requests: { cpu: '100m' }, limits: { memory: '256Mi' } });
    expect(objectsOfKind(m, 'Service').map((o) => [o.name, o.line])).toEqual([['api', 22]]);
  });

  it('counts a values slot in a containers list (`tpl .Values.extraContainers`) only by what values.yaml lists', async () => {
    const template = (name: string) =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '{{- if .Values.extraContainers }}',
        '{{ tpl .Values.extraContainers . | indent 8 }}',
        '{{- end }}',
        '        - name: {{ .Chart.Name }}',
        '          image: "{{ .Values.image.repository }}"',
        '          livenessProbe:',
        '            httpGet: { path: /healthz, port: http }',
        '          readinessProbe:',
        '            httpGet: { path: /healthz, port: http }',
        '',
      ].join('\n');
    const tree = {
      'deploy/ide/Chart.yaml': 'apiVersion: v2\nname: ide\nversion: 1.0.0\n',
      'deploy/ide/values.yaml':
        'image:\n  repository: example/ide\n## Sidecars, e.g. a docker daemon.\nextraContainers: |\n# - name: dind\n#   image: docker:dind\n',
      'deploy/ide/templates/deployment.yaml': template('ide'),
      'deploy/box/Chart.yaml': 'apiVersion: v2\nname: box\nversion: 1.0.0\n',
      'deploy/box/values.yaml':
        'image:\n  repository: example/box\nextraContainers:\n  - name: logs\n    image: busybox\n',
      'deploy/box/templates/deployment.yaml': template('box'),
    };
    const m = k8s(memoryIndex(tree));
    const byName = (n: string) => m.workloads.find((w) => w.name === n)!;
    // Empty by default: the slot renders nothing, the one written container is all there is.
    expect(byName('ide').containers.map((c) => [c.name, c.line])).toEqual([['(templated)', 12]]);
    // Listed by default: each listed container counts, cited at the slot.
    expect(byName('box').containers.map((c) => [c.name, c.line])).toEqual([
      ['logs', 10],
      ['(templated)', 12],
    ]);
    const ide = { ...tree };
    for (const k of Object.keys(ide)) if (k.startsWith('deploy/box/')) delete (ide as Record<string, string>)[k];
    const hc = await runRuleOn(healthChecks, ide, { profile: 'service' });
    expect(hc.outcome).toBe('pass');
    expect(hc.evidence).toEqual([expect.objectContaining({ path: 'deploy/ide/templates/deployment.yaml', line: 12 })]);
  });

  it('neutralises Helm templates and resolves .Values from values.yaml', () => {
    const tree = {
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'charts/web/values.yaml':
        'replicaCount: 2\nautoscaling:\n  enabled: false\nlivenessProbe:\n  httpGet: { path: /healthz, port: http }\nresources:\n  limits: { cpu: 500m }\n',
      'charts/web/templates/deployment.yaml': chartTemplate,
      'charts/web/templates/hpa.yaml':
        '{{- if .Values.autoscaling.enabled }}\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n{{- end }}\n',
    };
    const m = k8s(memoryIndex(tree));
    expect(m.notes).toEqual([]);
    const w = m.workloads[0]!;
    expect(w).toMatchObject({
      kind: 'Deployment',
      path: 'charts/web/templates/deployment.yaml',
      line: 3,
      replicas: 2,
      chart: 'charts/web',
    });
    expect(w.disabled).toBeUndefined();
    expect(w.containers[0]!.line).toBe(13);
    expect(w.containers[0]!.livenessProbe).toEqual({ httpGet: { path: '/healthz', port: 'http' } });
    expect(w.containers[0]!.resources).toEqual({ limits: { cpu: '500m' } });
    expect(objectsOfKind(m, 'HorizontalPodAutoscaler')).toEqual([]);
    expect(m.objects.find((o) => o.kind === 'HorizontalPodAutoscaler')?.disabled).toBe(true);
  });

  it('reads chart templates that mix values blocks with literal list items, templated items and labels (argo-helm style)', () => {
    const deployment = [
      '{{- if .Values.controller.enabled }}',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "cd.fullname" . }}',
      '  labels: {{- include "cd.labels" . | nindent 4 }}',
      '    app.kubernetes.io/component: controller',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: controller',
      '        env:',
      '          {{- with .Values.controller.env }}',
      '            {{- toYaml . | nindent 10 }}',
      '          {{- end }}',
      '          - name: HEARTBEAT',
      '            value: "30"',
      '        readinessProbe:',
      '          httpGet: { path: /healthz, port: 8082 }',
      '        livenessProbe:',
      '          {{- toYaml .Values.controller.livenessProbe | nindent 10 }}',
      '      topologySpreadConstraints:',
      '      {{- range $c := .Values.controller.spread }}',
      '      - {{ toYaml $c | nindent 8 | trim }}',
      '        labelSelector:',
      '          matchLabels: { app: controller }',
      '      {{- end }}',
      '{{- end }}',
    ].join('\n');
    const role = [
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: ClusterRole',
      'metadata:',
      '  name: controller',
      'rules:',
      '  {{- if .Values.controller.rules.enabled }}',
      '    {{- toYaml .Values.controller.rules.rules | nindent 2 }}',
      '  {{- else }}',
      '  # default rules',
      '  - apiGroups: ["*"]',
      '    resources: ["*"]',
      '  {{- end }}',
    ].join('\n');
    const m = k8s(
      memoryIndex({
        'charts/cd/Chart.yaml': 'apiVersion: v2\nname: cd\n',
        'charts/cd/values.yaml':
          'controller:\n  enabled: true\n  env: []\n  livenessProbe:\n    httpGet: { path: /healthz, port: 8082 }\n  rules:\n    enabled: false\n',
        'charts/cd/templates/controller/deployment.yaml': deployment,
        'charts/cd/templates/controller/clusterrole.yaml': role,
        'charts/cd/templates/_helpers.yaml': '{{- define "cd.labels" -}}\napp: cd\n{{- end }}\n',
      }),
    );
    expect(m.notes).toEqual([]);
    const c = m.workloads[0]!.containers[0]!;
    expect(c.readinessProbe).toBeTruthy();
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/healthz', port: 8082 } });
    expect(objectsOfKind(m, 'ClusterRole').map((o) => o.name)).toEqual(['controller']);
  });

  it('reads if/else branches that hold alternative `- image:` lines of one container as one container', async () => {
    const tree = {
      'chart/agent/Chart.yaml': 'apiVersion: v2\nname: agent\nversion: 1.0.0\n',
      'chart/agent/values.yaml':
        'global:\n  imageRegistry: ""\nimage:\n  repository: example/agent\n  tag: v1\n  digest: ""\nresources: {}\n',
      'chart/agent/templates/deployment.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: {{ .Release.Name }}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '      {{- if .Values.global.imageRegistry }}',
        '      - image: "{{ .Values.global.imageRegistry }}/agent:{{ .Values.image.tag }}"',
        '      {{- else }}',
        '      {{- if .Values.image.digest }}',
        '      - image: "{{ .Values.image.repository }}@{{ .Values.image.digest }}"',
        '      {{- else }}',
        '      - image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
        '      {{- end }}',
        '      {{- end }}',
        '        name: agent',
        '        livenessProbe:',
        '          httpGet: { path: /live, port: 9090 }',
        '        readinessProbe:',
        '          httpGet: { path: /live, port: 9090 }',
        '        {{- with .Values.resources }}',
        '        resources:',
        '          {{- toYaml . | nindent 10 }}',
        '        {{- end }}',
        '',
      ].join('\n'),
    };
    const m = k8s(memoryIndex(tree));
    expect(m.notes).toEqual([]);
    expect(m.workloads).toHaveLength(1);
    expect(m.workloads[0]!.containers.map((c) => [c.name, c.line])).toEqual([['agent', 10]]);
    const hc = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(hc.outcome).toBe('pass');
    expect(hc.message).toBe('Health checks found (1).');
    expect(hc.evidence).toContainEqual(
      expect.objectContaining({ path: 'chart/agent/templates/deployment.yaml', line: 10 }),
    );
    const rl = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(rl.evidence).toContainEqual({
      path: 'chart/agent/templates/deployment.yaml',
      line: 10,
      note: 'Deployment agent (chart) container agent has no resource requests or limits; empty chart defaults, rendered as nothing: resources chart/agent/values.yaml:7',
    });
    expect(rl.evidence.filter((e) => e.path.endsWith('deployment.yaml'))).toHaveLength(1);
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
    const m = k8s(
      memoryIndex({
        'overlays/prod/kustomization.yaml':
          'resources:\n  - ../../base\nreplicas:\n  - name: api\n    count: 4\npatchesStrategicMerge:\n  - ./probes.yaml\npatches:\n  - path: ../shared/env.yaml\n    target: {kind: Deployment}\n',
        '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      }),
    );
    expect(m.kustomizations).toEqual([
      {
        path: 'overlays/prod/kustomization.yaml',
        resources: ['../../base'],
        replicas: [{ name: 'api', count: 4 }],
        patches: ['overlays/prod/probes.yaml', 'overlays/shared/env.yaml'],
      },
    ]);
    expect(m.objects).toEqual([]);
  });

  it('reads Krane/ERB templates with output tags as placeholders', () => {
    const m = k8s(
      memoryIndex({
        'config/deploy/web.yaml.erb':
          '<% replicas = 3 %>\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-<%= env %>\nspec:\n  replicas: <%= replicas %>\n  template:\n    spec:\n      containers:\n        - name: web\n          image: <%= image %>\n',
      }),
    );
    expect(m.notes).toEqual([]);
    expect(m.workloads[0]).toMatchObject({ kind: 'Deployment', name: 'web-…', line: 3, replicas: 'templated' });
    expect(m.workloads[0]!.containers[0]!.line).toBe(11);
  });

  it('keeps line count when neutralising', () => {
    expect(neutraliseHelm(chartTemplate)).toHaveLength(chartTemplate.split('\n').length);
  });
});

describe('reliability rules on the reliab-go-helm fixture (a chart, a plain manifest, Go code)', () => {
  const root = join(import.meta.dirname, '..', '..', 'fixtures', 'reliab-go-helm');
  const tree: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else tree[relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  const RULES: Record<string, Rule> = {
    'circuit-breakers': circuitBreakers,
    'graceful-shutdown': gracefulShutdown,
    'health-checks': healthChecks,
    redundancy,
    'resource-limits': resourceLimits,
    timeouts,
  };
  const run = async (id: string) => runRuleOn(RULES[id]!, tree, { profile: 'service' });
  const chart = 'deploy/chart/templates/deployment.yaml';

  it('health-checks: the chart container lacks a liveness probe (values has none), the worker has no probes', async () => {
    const r = await run('health-checks');
    expect(r.outcome).toBe('partial');
    expect(r.score).toBe(0.25);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: chart,
        line: 13,
        note: expect.stringContaining('readiness probe but no liveness'),
      }),
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'deploy/k8s/worker.yaml', line: 10 }));
  });

  it('redundancy: two replicas from values, a single-replica worker, a PDB', async () => {
    const r = await run('redundancy');
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: chart, line: 7, note: expect.stringContaining('2 replicas') }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'deploy/k8s/worker.yaml',
        line: 6,
        note: expect.stringContaining('runs 1 replica'),
      }),
    );
    expect(r.data).toMatchObject({ podDisruptionBudgets: 1, autoscalers: 0 });
  });

  it('resource-limits, timeouts, graceful-shutdown and circuit-breakers read the same tree', async () => {
    const limits = await run('resource-limits');
    expect(limits.outcome).toBe('partial');
    expect(limits.evidence).toContainEqual(
      expect.objectContaining({ path: chart, line: 13, note: expect.stringContaining('requests but no limits') }),
    );
    // Its only timeouts are the server's (ReadHeaderTimeout, the shutdown deadline): the outbound
    // http.Get has none, and nothing bounds a call it makes.
    const timeouts = await run('timeouts');
    expect(timeouts.outcome).toBe('fail');
    expect(timeouts.message).toContain('bound the server');
    expect(timeouts.evidence).toContainEqual(
      expect.objectContaining({ path: 'internal/upstream/client.go', line: 13 }),
    );
    expect((await run('graceful-shutdown')).outcome).toBe('pass');
    const cb = await run('circuit-breakers');
    expect(cb.outcome).toBe('pass');
    expect(cb.evidence).toContainEqual(expect.objectContaining({ path: 'internal/upstream/client.go', line: 9 }));
  });
});

describe('objects kept by identity', () => {
  const crd = (extra = '') =>
    `# Copyright header\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  labels:\n    app.kubernetes.io/name: x\n  name: widgets.example.com\n${extra}spec:\n  versions:\n  - schema:\n      openAPIV3Schema:\n        description: 'Set it to {{ .Values.x }} in docs'\n        properties:\n          kind: {type: string}\n`;
  it('a single-document custom resource gives its identity and line without its body', () => {
    const m = k8s(memoryIndex({ 'crds/widget.yaml': crd() }));
    expect(m.objects).toEqual([
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        name: 'widgets.example.com',
        path: 'crds/widget.yaml',
        line: 3,
        doc: {
          apiVersion: 'apiextensions.k8s.io/v1',
          kind: 'CustomResourceDefinition',
          metadata: { name: 'widgets.example.com' },
        },
      },
    ]);
  });
  it('is parsed in full when its identity is templated or it carries a rate-limit annotation', () => {
    const templated = k8s(
      memoryIndex({
        'crds/widget.yaml': crd().replace('name: widgets.example.com', 'name: {{ .Release.Name }}-widgets'),
      }),
    );
    // The shortcut would keep the raw template; the full parse neutralises it.
    expect(templated.objects[0]!.name).toBe('helm-template-widgets');
    const limited = k8s(
      memoryIndex({
        'gw/route.yaml':
          'apiVersion: gateway.example.com/v1\nkind: Route\nmetadata:\n  name: r\n  annotations:\n    nginx.ingress.kubernetes.io/limit-rps: "5"\n',
      }),
    );
    expect(limited.objects[0]!.doc).toHaveProperty(['metadata', 'annotations']);
  });
  it('workloads are always parsed in full', () => {
    const m = k8s(memoryIndex({ 'deploy/app.yaml': deployment }));
    expect(m.workloads).toHaveLength(1);
  });
  it('a Kustomization with apiVersion and kind keeps its resources, replicas and patches', () => {
    const m = k8s(
      memoryIndex({
        'overlays/prod/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\nreplicas:\n  - name: web\n    count: 3\npatches:\n  - path: probe.yaml\n',
        'overlays/prod/probe.yaml': deployment,
      }),
    );
    expect(m.kustomizations).toEqual([
      {
        path: 'overlays/prod/kustomization.yaml',
        resources: ['../../base'],
        replicas: [{ name: 'web', count: 3 }],
        patches: ['overlays/prod/probe.yaml'],
      },
    ]);
    expect(m.workloads[0]!.patch).toBe(true);
  });
  it('documents keep what rules read: a scaler its spec, a workload its containers but not its pod template', () => {
    const hpa =
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n';
    const m = k8s(memoryIndex({ 'deploy/app.yaml': deployment, 'deploy/hpa.yaml': hpa }));
    const scaler = m.objects.find((o) => o.kind === 'HorizontalPodAutoscaler')!;
    expect(scaler.doc).toHaveProperty(['spec', 'scaleTargetRef', 'name'], 'web');
    expect(m.workloads[0]!.containers.length).toBeGreaterThan(0);
    expect(m.workloads[0]!.doc).not.toHaveProperty('spec');
    expect(m.objects.find((o) => o.kind === m.workloads[0]!.kind)!.doc).toBe(m.workloads[0]!.doc);
  });
});

describe('OpenShift Templates (deploy-openshift fixture): the objects a Template creates are manifests', () => {
  const tree = fixtureTree('deploy-openshift');
  const json = 'openshift/templates/feeds-postgresql.json';
  const run = async (rule: Rule) => runRuleOn(rule, tree, { profile: 'service' });

  it('reads JSON and YAML Templates: their DeploymentConfigs are workloads with lines, probes, limits and replicas', () => {
    const m = k8s(memoryIndex(tree));
    expect(m.objects.map((o) => `${o.path}:${o.line} ${o.kind}`)).toEqual([
      `${json}:2 Template`,
      `${json}:11 Service`,
      `${json}:16 DeploymentConfig`,
      `${json}:47 DeploymentConfig`,
      'openshift/worker.yaml:2 Template',
      'openshift/worker.yaml:7 DeploymentConfig',
    ]);
    expect(m.workloads.map((w) => [w.name, w.replicas, w.replicasLine, w.containers[0]!.line])).toEqual([
      ['${NAME}', 1, 20, 25],
      ['${DATABASE_SERVICE_NAME}', 1, 51, 54],
      ['feeds-worker', 2, 11, 15],
    ]);
    expect(m.workloads[0]!.containers[0]).toMatchObject({
      readinessProbe: expect.anything(),
      livenessProbe: expect.anything(),
      resources: { limits: { memory: '${MEMORY_LIMIT}' } },
    });
  });

  it('health-checks: probes of the JSON Template count; the worker without probes is cited at its container', async () => {
    const r = await run(healthChecks);
    expect(r.outcome).toBe('partial');
    expect(r.message).toBe('1 of 3 deployed units lack health checks; 2 have them.');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: json,
        line: 25,
        note: 'DeploymentConfig ${NAME} container feeds: readiness and liveness probes',
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'openshift/worker.yaml',
        line: 15,
        note: 'DeploymentConfig feeds-worker container worker has no readiness or liveness probe',
      }),
    );
  });

  it('resource-limits and redundancy read the same DeploymentConfigs', async () => {
    const limits = await run(resourceLimits);
    expect(limits.outcome).toBe('partial');
    expect(limits.evidence).toContainEqual(expect.objectContaining({ path: 'openshift/worker.yaml', line: 15 }));
    const red = await run(redundancy);
    expect(red.evidence).toContainEqual(
      expect.objectContaining({ path: json, line: 20, note: expect.stringContaining('1 replica') }),
    );
    expect(red.evidence).toContainEqual(
      expect.objectContaining({ path: 'openshift/worker.yaml', line: 11, note: expect.stringContaining('2 replicas') }),
    );
  });

  it('orchestration: the Templates describe the deployment target', async () => {
    const r = await run(orchestration);
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: json, line: 2, note: expect.stringContaining('DeploymentConfig') }),
    );
  });
});
