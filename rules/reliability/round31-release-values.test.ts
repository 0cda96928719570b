/**
 * Blind round 31 (a Flux home-lab repository): workloads declared in a GitOps release's inline
 * chart values (Flux HelmRelease `spec.values`, Argo CD Application `helm.valuesObject`/`values`)
 * are workloads: probes, resources and replicas are read from the common value shapes (bjw-s
 * app-template controllers/containers, a conventional chart's `resources`/`livenessProbe`/
 * `replicaCount`), and the backup operators' custom resources back up the cluster's volumes.
 */
import { describe, expect, it } from 'vitest';
import healthChecks from './health-checks.js';
import resourceLimits from './resource-limits.js';
import redundancy from './redundancy.js';
import backups from './backups.js';
import { assertRun, runRuleOn, type Case } from '../../src/testing/rule-tester.js';
import type { Rule } from '../../src/types.js';
import type { Tree } from '../../src/testing/memory.js';

const cases = (rule: Rule, list: Case[]) =>
  describe(`rule ${rule.meta.id} on GitOps release values`, () => {
    for (const c of list) it(c.name, async () => assertRun(await runRuleOn(rule, c.tree, c), c.expect));
  });

const appTemplate = [
  'apiVersion: helm.toolkit.fluxcd.io/v2', // 1
  'kind: HelmRelease', // 2
  'metadata:', // 3
  '  name: mailer', // 4
  'spec:', // 5
  '  chartRef:', // 6
  '    kind: OCIRepository', // 7
  '    name: app-template', // 8
  '  values:', // 9
  '    controllers:', // 10
  '      mailer:', // 11
  '        replicas: 2', // 12
  '        containers:', // 13
  '          app:', // 14
  '            image:', // 15
  '              repository: ghcr.io/example/mailer', // 16
  '            probes:', // 17
  '              liveness:', // 18
  '                enabled: true', // 19
  '              readiness:', // 20
  '                enabled: true', // 21
  '            resources:', // 22
  '              requests:', // 23
  '                cpu: 10m', // 24
  '              limits:', // 25
  '                memory: 64Mi', // 26
  '',
].join('\n');

const flux = (release: string): Tree => ({
  'kubernetes/apps/mailer/app/helmrelease.yaml': release,
  'kubernetes/apps/mailer/app/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./helmrelease.yaml\n',
  'README.md': '# cluster\n',
});

const conventional = [
  'apiVersion: argoproj.io/v1alpha1', // 1
  'kind: Application', // 2
  'metadata:', // 3
  '  name: ingress', // 4
  'spec:', // 5
  '  source:', // 6
  '    chart: ingress-nginx', // 7
  '    helm:', // 8
  '      valuesObject:', // 9
  '        controller:', // 10
  '          replicaCount: 3', // 11
  '          resources: {}', // 12
  '',
].join('\n');

cases(healthChecks, [
  {
    name: 'app-template probes in HelmRelease values are the container’s probes, cited at the values line',
    profile: 'infrastructure',
    tree: flux(appTemplate),
    expect: {
      outcome: 'pass',
      evidence: [
        {
          path: 'kubernetes/apps/mailer/app/helmrelease.yaml',
          line: 14,
          note: expect.stringContaining(
            'readiness and liveness probes; values: readinessProbe kubernetes/apps/mailer/app/helmrelease.yaml:17',
          ),
        },
      ],
    },
  },
  {
    name: 'probes switched off in the values are no probes',
    profile: 'infrastructure',
    tree: flux(
      appTemplate
        .replace(/enabled: true/g, 'enabled: false')
        .replace('probes:', 'probes:\n              startup: { enabled: false }'),
    ),
    expect: {
      outcome: 'fail',
      evidence: [{ note: expect.stringContaining('container app has no readiness or liveness probe') }],
    },
  },
  {
    name: 'a conventional chart’s liveness probe without readiness is half the probes',
    profile: 'infrastructure',
    tree: flux(
      appTemplate.replace(
        / {4}controllers:[\s\S]*$/,
        '    livenessProbe:\n      httpGet: { path: /healthz, port: 8080 }\n',
      ),
    ),
    expect: { outcome: 'partial', evidence: [{ note: expect.stringContaining('liveness probe but no readiness') }] },
  },
]);

cases(resourceLimits, [
  {
    name: 'app-template resources in HelmRelease values are the container’s requests and limits',
    profile: 'infrastructure',
    tree: flux(appTemplate),
    expect: {
      outcome: 'pass',
      evidence: [
        { path: 'kubernetes/apps/mailer/app/helmrelease.yaml', note: expect.stringContaining('helmrelease.yaml:22') },
      ],
    },
  },
  {
    name: 'an app-template container without resources is a finding',
    profile: 'infrastructure',
    tree: flux(appTemplate.replace(/ {12}resources:[\s\S]*$/, '')),
    expect: {
      outcome: 'fail',
      evidence: [{ note: expect.stringContaining('container app has no resource requests or limits') }],
    },
  },
  {
    name: 'look-alike: an Argo CD component with `resources: {}` sizes nothing and is not judged on it',
    profile: 'infrastructure',
    tree: {
      'argocd/ingress.yaml': conventional.replace('          replicaCount: 3\n', ''),
      'README.md': '# cluster\n',
    },
    expect: { outcome: 'not-applicable' },
  },
]);

cases(redundancy, [
  {
    name: 'app-template `replicas: 2` is two instances',
    profile: 'infrastructure',
    tree: flux(appTemplate),
    expect: { outcome: 'partial', evidence: [{ line: 12, note: expect.stringContaining('2 replicas') }] },
  },
  {
    name: 'an Argo CD component with `replicaCount: 3` is three instances',
    profile: 'infrastructure',
    tree: { 'argocd/ingress.yaml': conventional, 'README.md': '# cluster\n' },
    expect: {
      outcome: 'partial',
      evidence: [{ path: 'argocd/ingress.yaml', line: 11, note: expect.stringContaining('3 replicas') }],
    },
  },
  {
    name: 'Argo CD `helm.values` written as a YAML string is read at its own lines',
    profile: 'infrastructure',
    tree: {
      'argocd/ingress.yaml': conventional.replace(
        '      valuesObject:\n        controller:\n          replicaCount: 3\n',
        '      values: |\n        controller:\n          replicaCount: 3\n',
      ),
      'README.md': '# cluster\n',
    },
    expect: {
      outcome: 'partial',
      evidence: [{ path: 'argocd/ingress.yaml', line: 11, note: expect.stringContaining('3 replicas') }],
    },
  },
  {
    name: 'an app-template controller with no replica count runs one instance',
    profile: 'infrastructure',
    tree: flux(appTemplate.replace('        replicas: 2\n', '')),
    expect: { outcome: 'fail' },
  },
]);

const pvc =
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 5Gi\n';
const volsync =
  'apiVersion: volsync.backube/v1alpha1\nkind: ReplicationSource\nmetadata:\n  name: data\nspec:\n  sourcePVC: data\n  trigger:\n    schedule: "0 * * * *"\n';

cases(backups, [
  {
    name: 'a persistent volume with a VolSync ReplicationSource is backed up',
    profile: 'infrastructure',
    tree: {
      ...flux(appTemplate),
      'kubernetes/apps/mailer/app/pvc.yaml': pvc,
      'kubernetes/apps/mailer/app/volsync.yaml': volsync,
    },
    expect: {
      outcome: 'pass',
      evidence: [{ path: 'kubernetes/apps/mailer/app/pvc.yaml', note: expect.stringContaining('VolSync') }],
    },
  },
  {
    name: 'a persistent volume that no backup object covers is a finding',
    profile: 'infrastructure',
    tree: { ...flux(appTemplate), 'kubernetes/apps/mailer/app/pvc.yaml': pvc },
    expect: { outcome: 'fail', evidence: [{ note: expect.stringContaining('no backup object') }] },
  },
  {
    name: 'a CloudNativePG cluster with a ScheduledBackup is backed up',
    profile: 'infrastructure',
    tree: {
      ...flux(appTemplate),
      'db/cluster.yaml':
        'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: pg\nspec:\n  instances: 3\n',
      'db/backup.yaml':
        'apiVersion: postgresql.cnpg.io/v1\nkind: ScheduledBackup\nmetadata:\n  name: pg-daily\nspec:\n  schedule: "0 0 0 * * *"\n  cluster:\n    name: pg\n',
    },
    expect: {
      outcome: 'pass',
      evidence: [{ path: 'db/cluster.yaml', note: expect.stringContaining('CloudNativePG scheduled backup pg-daily') }],
    },
  },
]);
