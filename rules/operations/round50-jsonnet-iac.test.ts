import rule from './infrastructure-as-code.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

// Blind round 50: a Jsonnet repository (jsonnet-bundler's jsonnetfile.json, libraries declaring
// Deployments, Services and operator resources that compile to a manifests/ folder) failed as
// having no infrastructure as code; like a Helm chart, it defines Kubernetes resources as code.
const lib = [
  '{',
  '  deployment: {',
  "    apiVersion: 'apps/v1',",
  "    kind: 'Deployment',",
  '    metadata: { name: $._config.name, namespace: $._config.namespace },',
  '    spec: { replicas: 2 },',
  '  },',
  '}',
].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'Jsonnet managed by jsonnet-bundler that declares Kubernetes resources is infrastructure as code',
      profile: 'infrastructure',
      tree: {
        'jsonnetfile.json': '{"version": 1, "dependencies": []}',
        'jsonnet/stack/components/app.libsonnet': lib,
        'example.jsonnet':
          "local stack = import 'stack/main.libsonnet';\n{ ['app-' + name]: stack.app[name] for name in std.objectFields(stack.app) }\n",
      },
      expect: {
        outcome: 'pass',
        message: 'Jsonnet',
        evidence: [{ path: 'jsonnet/stack/components/app.libsonnet', line: 4 }],
      },
    },
    {
      name: 'a Tanka environment (spec.json of tanka.dev) is infrastructure as code',
      profile: 'infrastructure',
      tree: {
        'environments/prod/spec.json':
          '{"apiVersion": "tanka.dev/v1alpha1", "kind": "Environment", "spec": {"namespace": "prod"}}',
        'environments/prod/main.jsonnet': "(import 'app.libsonnet') + { _config+:: { replicas: 3 } }\n",
        'lib/app.libsonnet': "local k = import 'k.libsonnet';\n{ app: k.apps.v1.deployment.new('app', 3, []) }\n",
      },
      expect: { outcome: 'pass', message: 'Tanka', evidence: [{ path: 'environments/prod/spec.json' }] },
    },
    {
      name: 'the Jsonnet library is cited before a docs example declaring the same kinds',
      profile: 'infrastructure',
      tree: {
        'jsonnetfile.json': '{"version": 1, "dependencies": []}',
        'docs/examples/a.jsonnet': lib,
        'jsonnet/stack/app.libsonnet': lib,
      },
      expect: { outcome: 'pass', evidence: [{ path: 'jsonnet/stack/app.libsonnet', line: 4 }] },
    },
  ],
  invalid: [
    {
      name: 'Jsonnet that builds only dashboards and alert rules (a monitoring mixin) provisions nothing',
      profile: 'infrastructure',
      tree: {
        'jsonnetfile.json': '{"version": 1, "dependencies": []}',
        'mixin.libsonnet':
          "{ grafanaDashboards+:: { 'api.json': { title: 'API' } }, prometheusAlerts+:: { groups: [] } }\n",
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Kubernetes kinds in Jsonnet without jsonnet-bundler or Tanka (a vendored copy) are not the repository’s IaC',
      profile: 'infrastructure',
      tree: {
        'vendor/github.com/x/lib/app.libsonnet': lib,
      },
      expect: { outcome: 'fail' },
    },
  ],
});
