/**
 * Blind round 31, class "operations-repository catalogue": a home-operations repository declares
 * its cluster with Flux Kustomizations and HelmReleases, Talos machine configuration and Helmfile
 * releases, and was failed as having no infrastructure as code.
 */
import { describe, expect, it } from 'vitest';
import { webDeployment } from '../src/testing/k8s-trees.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import iac from './operations/infrastructure-as-code.js';

const HELMRELEASE = [
  'apiVersion: helm.toolkit.fluxcd.io/v2',
  'kind: HelmRelease',
  'metadata:',
  '  name: web',
  'spec:',
  '  chartRef: {kind: OCIRepository, name: app-template}',
  '  values:',
  '    controllers:',
  '      web:',
  '        containers:',
  '          app:',
  '            image: {repository: ghcr.io/acme/web, tag: 1.0.0}',
  '',
].join('\n');

const PLAIN = webDeployment();

describe('GitOps, Talos and Helmfile as infrastructure as code', () => {
  it('passes a Flux repository with Talos machine configs and Helmfile releases', async () => {
    const tree: Tree = {
      'kubernetes/apps/web/helmrelease.yaml': HELMRELEASE,
      'talos/controlplane.yaml.j2': 'machine:\n  type: controlplane\n  network:\n    hostname: cp1\n',
      'bootstrap/helmfile/apps.yaml': 'releases:\n  - name: cilium\n    chart: oci://ghcr.io/cilium/cilium\n',
    };
    const r = await runRuleOn(iac, tree, { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Flux');
    expect(r.message).toContain('Talos');
    expect(r.message).toContain('Helmfile');
  });

  it('passes talhelper’s talconfig.yaml', async () => {
    const r = await runRuleOn(
      iac,
      {
        'kubernetes/web.yaml': PLAIN,
        'talos/talconfig.yaml': 'clusterName: home\nnodes: []\n',
      },
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('pass');
  });

  it('still fails plain manifests and a YAML file that only mentions a machine', async () => {
    const r = await runRuleOn(
      iac,
      {
        'kubernetes/web.yaml': PLAIN,
        'talos/notes.yaml': 'machine: {}\n',
        'charts/helmfile.yaml': 'environments: {}\n',
      },
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('fail');
  });
});
