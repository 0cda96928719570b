import rule from './redundancy.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

// Blind round 50: a monitoring stack's operator custom resources (`kind: Alertmanager` with
// `replicas: 3`, `kind: Prometheus` with `replicas: 2`) were not counted: "0 of 4 redundant", and
// their PodDisruptionBudgets were called budgets "over a single replica". A custom resource whose
// spec sets `replicas` is a unit its operator runs that many pods of.
const cr = (kind: string, name: string, replicas: number) =>
  [
    'apiVersion: monitoring.coreos.com/v1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    '  namespace: monitoring',
    'spec:',
    '  image: quay.io/prometheus/x:v1',
    `  replicas: ${replicas}`,
    '',
  ].join('\n');
const deployment = (name: string, replicas: number) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  replicas: ${replicas}`,
    '  template:',
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: example/${name}:1.0`,
    '',
  ].join('\n');
const pdb = (name: string) =>
  `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${name}\nspec:\n  minAvailable: 1\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'operator custom resources with replicas ≥ 2 are redundant units; their disruption budgets count',
      profile: 'infrastructure',
      tree: {
        'manifests/alertmanager-alertmanager.yaml': cr('Alertmanager', 'main', 3),
        'manifests/prometheus-prometheus.yaml': cr('Prometheus', 'k8s', 2),
        'manifests/alertmanager-podDisruptionBudget.yaml': pdb('alertmanager-main'),
      },
      expect: {
        outcome: 'pass',
        message: '2 of 2 redundant',
        evidence: [
          { path: 'manifests/alertmanager-alertmanager.yaml', line: 8 },
          { path: 'manifests/prometheus-prometheus.yaml', line: 8 },
        ],
      },
    },
    {
      name: 'custom resources in one multi-document file are read too; a CustomResourceDefinition is no unit',
      profile: 'infrastructure',
      tree: {
        'deploy/stack.yaml': [
          'apiVersion: apiextensions.k8s.io/v1',
          'kind: CustomResourceDefinition',
          'metadata:',
          '  name: rabbitmqclusters.rabbitmq.com',
          'spec:',
          '  group: rabbitmq.com',
          '---',
          'apiVersion: rabbitmq.com/v1beta1',
          'kind: RabbitmqCluster',
          'metadata:',
          '  name: broker',
          'spec:',
          '  replicas: 3',
          '',
        ].join('\n'),
        'deploy/pdb.yaml': pdb('broker'),
      },
      expect: {
        outcome: 'pass',
        message: '1 of 1 redundant',
        evidence: [{ path: 'deploy/stack.yaml', line: 13 }],
      },
    },
  ],
  invalid: [
    {
      name: 'a custom resource with replicas 1 is a single instance beside single-replica Deployments',
      profile: 'infrastructure',
      tree: {
        'manifests/alertmanager-alertmanager.yaml': cr('Alertmanager', 'main', 3),
        'manifests/prometheus-prometheus.yaml': cr('Prometheus', 'k8s', 1),
        'manifests/grafana-deployment.yaml': deployment('grafana', 1),
        'manifests/alertmanager-podDisruptionBudget.yaml': pdb('alertmanager-main'),
      },
      expect: {
        outcome: 'partial',
        message: '1 of 3 deployed units are redundant',
        absent: ['over a single replica'],
        evidence: [{ path: 'manifests/prometheus-prometheus.yaml', line: 8 }],
      },
    },
  ],
});
