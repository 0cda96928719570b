/**
 * Blind round 25, class "Kubernetes, kustomize and compose manifests read without their meaning":
 * a Kustomize patch is merged onto its base, a compose file that names itself the development
 * stack is not the deployment, a CRD's schema is an operator's API contract (and its property
 * names are no settings), and an example PodDisruptionBudget guards nothing deployed here.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import apiContract from './architecture/api-contract.js';
import orchestration from './operations/orchestration.js';
import progressiveDelivery from './operations/progressive-delivery.js';
import redundancy from './reliability/redundancy.js';
import resourceLimits from './reliability/resource-limits.js';

const BASE = [
  'apiVersion: apps/v1', // 1
  'kind: Deployment', // 2
  'metadata:', // 3
  '  name: donations-api', // 4
  'spec:', // 5
  '  replicas: 1', // 6
  '  selector:', // 7
  '    matchLabels: { app: donations-api }', // 8
  '  template:', // 9
  '    metadata:', // 10
  '      labels: { app: donations-api }', // 11
  '    spec:', // 12
  '      containers:', // 13
  '        - name: api', // 14
  '          image: ghcr.io/example/donations-api:1.4.0', // 15
  '          resources:', // 16
  '            requests: { cpu: 100m, memory: 256Mi }', // 17
  '            limits: { memory: 512Mi }', // 18
  '',
].join('\n');

const PATCH = [
  'apiVersion: apps/v1', // 1
  'kind: Deployment', // 2
  'metadata:', // 3
  '  name: donations-api', // 4
  'spec:', // 5
  '  replicas: 2', // 6
  '  template:', // 7
  '    spec:', // 8
  '      containers:', // 9
  '        - name: api', // 10
  '          env:', // 11
  '            - name: APP_ENV', // 12
  '              value: production', // 13
  '',
].join('\n');

const kustomized = (patches: 'patches' | 'none'): Tree => ({
  'package.json': '{"name":"donations-api","dependencies":{"@nestjs/core":"^10.0.0"}}\n',
  'src/main.ts':
    "import { NestFactory } from '@nestjs/core';\nNestFactory.create(AppModule).then((a) => a.listen(3000));\n",
  'manifests/base/deployment.yaml': BASE,
  'manifests/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'manifests/overlays/production/deployment.patch.yaml': PATCH,
  'manifests/overlays/production/kustomization.yaml':
    patches === 'patches'
      ? 'bases:\n  - ../../base\npatches:\n  - path: deployment.patch.yaml\n'
      : 'resources:\n  - deployment.patch.yaml\n',
});

describe('round 25: a Kustomize patch is merged onto its base', () => {
  it('resource-limits judges the base (its requests and limits), not the patch that leaves them out', async () => {
    const run = await runRuleOn(resourceLimits, kustomized('patches'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toEqual([
      expect.objectContaining({
        path: 'manifests/base/deployment.yaml',
        note: 'Deployment donations-api container api: requests and limits',
      }),
    ]);
  });
  it('redundancy counts one unit, with the replicas the patch sets, cited at the patch line', async () => {
    const run = await runRuleOn(redundancy, kustomized('patches'), { profile: 'service' });
    expect(run.message).toMatch(/^1 of 1 deployed units are redundant/);
    expect(run.evidence[0]).toMatchObject({
      path: 'manifests/base/deployment.yaml',
      line: 6,
      note: 'Deployment donations-api: 2 replicas (set by the Kustomize patch manifests/overlays/production/deployment.patch.yaml:6)',
    });
  });
  it('the same fragment listed as a resource (not a patch) stays a workload of its own, without resources', async () => {
    const run = await runRuleOn(resourceLimits, kustomized('none'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'manifests/overlays/production/deployment.patch.yaml', line: 10 }),
    );
  });
});

const compose = (comment: string, alias: string) =>
  [
    'services:', // 1
    '  api:', // 2
    '    image: ghcr.io/example/donations-api:master', // 3
    '    restart: always', // 4
    '    ports:', // 5
    "      - '5010:5010'", // 6
    '    networks:', // 7
    '      backend:', // 8
    '        aliases:', // 9
    `          - ${alias}`, // 10
    '', // 11
    `  ## ${comment} ##`, // 12
    '  db:', // 13
    '    image: postgres:16', // 14
    'networks:', // 15
    '  backend: {}', // 16
    '',
  ].join('\n');

const selfHosted = (comment: string, alias: string): Tree => ({
  'package.json': '{"name":"donations-api","dependencies":{"express":"^4.19.0"}}\n',
  'src/server.js': "const app = require('express')();\napp.listen(5010);\n",
  Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "src/server.js"]\n',
  '.github/workflows/image.yml':
    'on: [push]\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t ghcr.io/example/donations-api:master . && docker push ghcr.io/example/donations-api:master\n',
  'docker-compose.yml': compose(comment, alias),
});

describe('round 25: a compose file that names itself the development stack is not the production deployment', () => {
  it('a `## Postgres Development ##` section comment: orchestration does not call it production', async () => {
    const run = await runRuleOn(orchestration, selfHosted('Postgres Development', 'api'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('usually describes local development');
    expect(JSON.stringify(run.evidence)).not.toContain('self-hosting template');
  });
  it('a network alias under .localhost (resolves only on the machine itself) says the same', async () => {
    const run = await runRuleOn(orchestration, selfHosted('Database', 'api.donations.localhost'), {
      profile: 'service',
    });
    expect(run.message).toContain('usually describes local development');
  });
  it('without either, the published image with restart: always is still the self-hosting template', async () => {
    const run = await runRuleOn(orchestration, selfHosted('Database', 'api'), { profile: 'service' });
    expect(run.message).toContain('docker-compose (production)');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'docker-compose.yml', note: expect.stringContaining('self-hosting template') }),
    );
  });
});

const CRD = [
  'apiVersion: apiextensions.k8s.io/v1', // 1
  'kind: CustomResourceDefinition', // 2
  'metadata:', // 3
  '  name: queues.messaging.example.org', // 4
  'spec:', // 5
  '  group: messaging.example.org', // 6
  '  names:', // 7
  '    kind: Queue', // 8
  '    plural: queues', // 9
  '  scope: Namespaced', // 10
  '  versions:', // 11
  '    - name: v1', // 12
  '      served: true', // 13
  '      storage: true', // 14
  '      schema:', // 15
  '        openAPIV3Schema:', // 16
  '          type: object', // 17
  '          properties:', // 18
  '            spec:', // 19
  '              properties:', // 20
  '                updateStrategy:', // 21
  '                  properties:', // 22
  '                    rollingUpdate:', // 23
  '                      properties:', // 24
  '                        maxUnavailable:', // 25
  '                          x-kubernetes-int-or-string: true', // 26
  '',
].join('\n');

const operator = (group: string): Tree => ({
  'go.mod': 'module example.org/queue-operator\n\ngo 1.23\n\nrequire sigs.k8s.io/controller-runtime v0.19.0\n',
  'cmd/main.go':
    'package main\n\nimport ctrl "sigs.k8s.io/controller-runtime"\n\nfunc main() {\n\tmgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})\n\t_ = mgr.Start(ctrl.SetupSignalHandler())\n}\n',
  'api/v1/groupversion_info.go': [
    '// +kubebuilder:object:generate=true', // 1
    `// +groupName=${group}`, // 2
    'package v1', // 3
    '', // 4
    'import "k8s.io/apimachinery/pkg/runtime/schema"', // 5
    '', // 6
    `var GroupVersion = schema.GroupVersion{Group: "${group}", Version: "v1"}`, // 7
    '',
  ].join('\n'),
  'config/crd/bases/messaging.example.org_queues.yaml': CRD,
  'config/manager/manager.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: queue-operator',
    'spec:',
    '  replicas: 1',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: manager',
    '          image: ghcr.io/example/queue-operator:0.3.0',
    '',
  ].join('\n'),
  'docs/examples/ha/pdb.yaml':
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ha-queue\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: { app: ha-queue }\n',
});

describe('round 25: a CustomResourceDefinition is an operator API contract, not a rollout setting', () => {
  it('api-contract passes on the CRD schema of the group the code declares, cited at openAPIV3Schema', async () => {
    const run = await runRuleOn(apiContract, operator('messaging.example.org'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'config/crd/bases/messaging.example.org_queues.yaml',
      line: 16,
      note: "CustomResourceDefinition queues.messaging.example.org (group messaging.example.org): its openAPIV3Schema is the operator's API contract; the group is this repository's own (api/v1/groupversion_info.go:7)",
    });
  });
  it("a CRD of another project's group (bundled beside the code) is not this repository's contract", async () => {
    const run = await runRuleOn(apiContract, operator('other.example.com'), { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });
  it("progressive-delivery does not read the schema's maxUnavailable property as a rolling-update setting", async () => {
    const run = await runRuleOn(progressiveDelivery, operator('messaging.example.org'), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(JSON.stringify(run.evidence)).not.toContain('rolling-update');
  });
  it('redundancy cites no PodDisruptionBudget from docs/examples', async () => {
    const run = await runRuleOn(redundancy, operator('messaging.example.org'), { profile: 'service' });
    expect(run.message).toContain('no PodDisruptionBudget');
    expect(JSON.stringify(run.evidence)).not.toContain('docs/examples/ha/pdb.yaml');
    expect(run.evidence[0]).toMatchObject({ path: 'config/manager/manager.yaml', line: 6 });
  });
});
