/**
 * Blind round 48, class "Argo CD applications declared as Helm values": a GitOps repository installs
 * Argo CD with the argocd-apps chart and writes its ApplicationSet as that chart's values
 * (`argocd-apps: applicationsets: root: generators: [git directories system/*, apps/*]`). No YAML
 * holds `kind: ApplicationSet`, so the repository was taken for "Helm charts that callers install"
 * and continuous-deployment, environments, alerting, dashboards, backups and cost-monitoring were
 * not applicable. The chart's own empty defaults and chart-testing values still deploy nothing.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import cd from './operations/continuous-deployment.js';
import environments from './operations/environments.js';
import costMonitoring from './operations/cost-monitoring.js';
import alerting from './observability/alerting.js';

const APPSET_VALUES = [
  'argo-cd:',
  '  server:',
  '    ingress:',
  '      enabled: true',
  'argocd-apps:',
  '  applicationsets:',
  '    root:',
  '      namespace: argocd',
  '      generators:',
  '        - git:',
  '            repoURL: https://git.example.org/ops/cluster',
  '            revision: main',
  '            directories:',
  '              - path: system/*',
  '              - path: apps/*',
  '      template:',
  '        metadata:',
  "          name: '{{path.basename}}'",
  '        spec:',
  '          destination:',
  '            name: in-cluster',
  "            namespace: '{{path.basename}}'",
  '          project: default',
  '          source:',
  '            repoURL: https://git.example.org/ops/cluster',
  "            path: '{{path}}'",
  '            targetRevision: main',
  '          syncPolicy:',
  '            automated:',
  '              prune: true',
  '              selfHeal: true',
  '',
].join('\n');

const chart = (name: string, deps = '') =>
  `apiVersion: v2\nname: ${name}\nversion: 0.0.0\n${deps ? `dependencies:\n${deps}` : ''}`;

const GITOPS_TREE: Tree = {
  'system/argocd/Chart.yaml': chart(
    'argocd',
    '  - name: argo-cd\n    version: 7.0.0\n    repository: https://argoproj.github.io/argo-helm\n  - name: argocd-apps\n    version: 2.0.0\n    repository: https://argoproj.github.io/argo-helm\n',
  ),
  'system/argocd/values.yaml': APPSET_VALUES,
  'system/argocd/values-seed.yaml': APPSET_VALUES.replace('https://git.example.org', 'http://gitea.local'),
  'system/monitoring/Chart.yaml': chart(
    'monitoring',
    '  - name: kube-prometheus-stack\n    version: 60.0.0\n    repository: https://prometheus-community.github.io/helm-charts\n',
  ),
  'system/monitoring/values.yaml': 'kube-prometheus-stack:\n  grafana:\n    enabled: false\n',
  'apps/wiki/Chart.yaml': chart('wiki'),
  'apps/wiki/values.yaml': 'image: wiki:1.0\n',
  'apps/wiki/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wiki\n',
  'metal/inventories/prod.yml':
    'metal:\n  children:\n    masters:\n      hosts:\n        node0: {ansible_host: 10.0.0.10}\n',
  'metal/inventories/stag.yml':
    'metal:\n  children:\n    masters:\n      hosts:\n        vm0: {ansible_host: 10.0.1.10}\n',
};

describe('Argo CD applications declared as Helm values (round 48)', () => {
  it('continuous-deployment: the ApplicationSet in values deploys the folders it generates from', async () => {
    const r = await runRuleOn(cd, GITOPS_TREE, { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Argo CD ApplicationSet root declared as Helm values');
    expect(r.message).toContain('synced automatically from system/ and apps/');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'system/argocd/values.yaml',
        line: 7,
        note: expect.stringContaining('ApplicationSet root'),
      }),
    );
  });

  it('the repository is a deployment: cost-monitoring and alerting are judged, not N/A', async () => {
    const cost = await runRuleOn(costMonitoring, GITOPS_TREE, { profile: 'infrastructure' });
    expect(cost.outcome).not.toBe('not-applicable');
    const alerts = await runRuleOn(alerting, GITOPS_TREE, { profile: 'infrastructure' });
    expect(alerts.outcome).not.toBe('not-applicable');
  });

  it('environments: production and staging inventories; a seed values file is no environment', async () => {
    const r = await runRuleOn(environments, GITOPS_TREE, { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('stag');
    expect(r.message).not.toContain('seed');
  });

  it('a plain list of applications (older argocd-apps) counts too', async () => {
    const tree: Tree = {
      ...GITOPS_TREE,
      'system/argocd/values.yaml':
        'applications:\n  - name: wiki\n    project: default\n    source:\n      repoURL: https://git.example.org/ops/cluster\n      path: apps/wiki\n    destination:\n      server: https://kubernetes.default.svc\n      namespace: wiki\n',
      'system/argocd/values-seed.yaml': 'applications: []\n',
    };
    const r = await runRuleOn(cd, tree, { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Argo CD Application wiki declared as Helm values');
    expect(r.message).toContain('synced by Argo CD from apps/wiki/');
  });

  it('still not applicable: the chart’s empty defaults, chart-testing values and docs deploy nothing', async () => {
    const tree: Tree = {
      'charts/argocd-apps/Chart.yaml': chart('argocd-apps'),
      'charts/argocd-apps/values.yaml':
        '# -- Applications\napplications: {}\n# -- ApplicationSets\napplicationsets: {}\n',
      'charts/argocd-apps/ci/applicationsets-values.yaml': APPSET_VALUES.replace(/^argocd-apps:\n/m, ''),
      'charts/argocd-apps/templates/applicationsets.yaml':
        '{{- range $name, $set := .Values.applicationsets }}\napiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\n{{- end }}\n',
      'docs/values-example.yaml': APPSET_VALUES,
    };
    const r = await runRuleOn(cd, tree, { profile: 'infrastructure' });
    expect(r.outcome).toBe('not-applicable');
    expect(r.message).toContain('Helm chart(s) that callers install');
    const cost = await runRuleOn(costMonitoring, tree, { profile: 'infrastructure' });
    expect(cost.outcome).toBe('not-applicable');
  });
});
