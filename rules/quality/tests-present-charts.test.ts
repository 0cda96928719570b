import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './tests-present.js';

const chart = (name: string) => ({
  [`charts/${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`,
  [`charts/${name}/values.yaml`]: 'replicas: 1\n',
  [`charts/${name}/templates/deployment.yaml`]: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n',
});
const testPod = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: "{{ .Release.Name }}-test"',
  '  annotations:',
  '    "helm.sh/hook": test',
  'spec:',
  '  containers:',
  '    - name: wget',
  '      image: busybox',
  "      command: ['wget', 'svc:80']",
  '  restartPolicy: Never',
].join('\n');

/** A repository of charts with no program source; a packed subchart is no chart of its own. */
const repo = (tested: number, total: number) => {
  const tree: Record<string, string> = {};
  for (let i = 0; i < total; i++) Object.assign(tree, chart(`svc${i}`));
  for (let i = 0; i < tested; i++) tree[`charts/svc${i}/templates/tests/test-connection.yaml`] = testPod;
  tree['charts/svc0/charts/crds/Chart.yaml'] = 'apiVersion: v2\nname: crds\nversion: 0.1.0\n';
  return tree;
};

describe('tests-present: a Helm chart repository is judged by the share of charts with a test', () => {
  it('is partial when 2 of 8 charts have helm tests, and says so instead of a ratio over 0 source files', async () => {
    const run = await runRuleOn(rule, repo(2, 8));
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe(
      '2 of 8 charts have helm tests (2 test cases in 2 files); share 0.25, target 0.3: 6 charts without a test.',
    );
    expect(run.evidence[0]).toMatchObject({ path: 'charts/svc0/templates/tests/test-connection.yaml', line: 1 });
    expect(run.evidence.map((e) => e.path)).toContain('charts/svc2/Chart.yaml');
    expect(run.evidence.map((e) => e.path)).not.toContain('charts/svc0/charts/crds/Chart.yaml');
    expect(run.data).toMatchObject({ charts: 8, chartsWithTests: 2 });
  });

  it('passes when most charts have helm tests', async () => {
    const run = await runRuleOn(rule, repo(3, 4));
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/^3 of 4 charts have helm tests/);
  });

  it('fails when no chart has a test', async () => {
    const run = await runRuleOn(rule, repo(0, 3));
    expect(run.outcome).toBe('fail');
    expect(run.message).toBe('No chart has a helm test: 0 of 3 charts.');
    expect(run.evidence[0]).toMatchObject({ path: 'charts/svc0/Chart.yaml' });
  });

  it('measures the charts, not a small Terraform root beside them that manages the repository (round 22)', async () => {
    const tree = {
      ...repo(1, 5),
      'terraform/main.tf':
        'terraform {\n  backend "gcs" {\n    bucket = "charts-state"\n  }\n}\n\nresource "github_repository" "charts" {\n  name = "charts"\n}\n',
      'terraform/variables.tf': 'variable "token" {\n  type = string\n}\n',
    };
    const run = await runRuleOn(rule, tree);
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe(
      '1 of 5 charts has helm tests (1 test case in 1 file); 2 Terraform files beside the charts not counted as code; share 0.2, target 0.3: 4 charts without a test.',
    );
    expect(run.message).not.toMatch(/Terraform source files \(ratio/);
    expect(run.evidence[0]).toMatchObject({ path: 'charts/svc0/templates/tests/test-connection.yaml', line: 1 });
    expect(run.data).toMatchObject({ sourceKind: 'helm-charts', charts: 5, chartsWithTests: 1 });
  });
});
