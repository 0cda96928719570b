/**
 * Issue 15, blind round 50: a monitoring stack rendered from its own Jsonnet had its
 * prometheus-adapter Deployment (2 replicas, image registry.k8s.io/…) left out of redundancy as a
 * cluster add-on. A workload whose image the repository's own Jsonnet names is rendered from the
 * project's source: a component of the product, counted. An add-on's manifest applied beside a
 * service, or named only by Jsonnet under vendor/, is still set aside. Real facts, in-memory trees.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../../src/testing/memory.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import redundancy from './redundancy.js';

const deployment = (name: string, image: string, replicas: number) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  namespace: monitoring',
    'spec:',
    `  replicas: ${replicas}`,
    '  template:',
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: ${image}`,
    '',
  ].join('\n');

const adapterImage = 'registry.k8s.io/prometheus-adapter/prometheus-adapter:v0.12.0';
const stack: Tree = {
  'README.md': '# monitoring stack\n',
  'jsonnetfile.json': '{"version": 1, "dependencies": []}\n',
  'jsonnet/stack/main.libsonnet': [
    '{',
    '  values+:: {',
    '    images: {',
    "      grafana: 'grafana/grafana:' + $.values.versions.grafana,",
    "      adapter: 'registry.k8s.io/prometheus-adapter/prometheus-adapter:v' + $.values.versions.adapter,",
    '    },',
    '  },',
    '}',
    '',
  ].join('\n'),
  'manifests/grafana-deployment.yaml': deployment('grafana', 'grafana/grafana:11.0.0', 1),
  'manifests/adapter-deployment.yaml': deployment('prometheus-adapter', adapterImage, 2),
};

describe('a workload rendered from the repository’s own Jsonnet is no cluster add-on', () => {
  it('the adapter (2 replicas) is counted as a redundant unit of the product', async () => {
    const run = await runRuleOn(redundancy, stack, { profile: 'infrastructure' });
    expect(run.message).toBe(
      '1 of 2 deployed units are redundant; 1 of 2 run a single instance; no PodDisruptionBudget.',
    );
    expect(run.evidence.map((e) => `${e.path}:${e.line} ${e.note}`)).toContain(
      'manifests/adapter-deployment.yaml:7 Deployment prometheus-adapter: 2 replicas',
    );
  });

  it('named only by vendored Jsonnet, or not by Jsonnet at all, it stays an add-on beside the product', async () => {
    const { 'jsonnet/stack/main.libsonnet': main, ...rest } = stack;
    const vendored = {
      ...rest,
      'jsonnet/stack/main.libsonnet': "{ grafana: 'grafana/grafana:11.0.0' }\n",
      'vendor/github.com/upstream/adapter/adapter.libsonnet': main!,
    };
    for (const tree of [vendored, rest]) {
      const run = await runRuleOn(redundancy, tree, { profile: 'infrastructure' });
      expect(run.evidence.map((e) => e.path)).not.toContain('manifests/adapter-deployment.yaml');
      expect(run.outcome).toBe('fail');
    }
  });
});
