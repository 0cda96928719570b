/**
 * A repository of Helm charts that also keeps a small Terraform root for its own GitHub settings
 * (blind round 22, influxdata/helm-charts): chart-testing installs the charts in CI, example
 * per-environment values under a chart's examples/ deploy nothing, and hashicorp/terraform-github-actions
 * runs the subcommand its input names (fmt checks, apply deploys).
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import testsInCi from './quality/tests-in-ci.js';
import ciPipeline from './operations/ci-pipeline.js';
import cd from './operations/continuous-deployment.js';
import formatting from './quality/formatting.js';

const tf = (sub: string) =>
  `      - name: "Terraform ${sub}"\n        uses: hashicorp/terraform-github-actions@master\n        with:\n          tf_actions_version: 0.12.20\n          tf_actions_subcommand: "${sub}"\n          tf_actions_working_dir: "infra"\n        env:\n          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}\n`;
const job = (on: string, steps: string) =>
  `name: w\non:\n${on}\njobs:\n  main:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

const tree: Tree = {
  '.github/workflows/charts-test.yaml': job(
    '  pull_request:',
    '      - run: ct lint --target-branch=main\n      - uses: helm/kind-action@v1\n      - name: install\n        run: |\n          set -o pipefail\n          ct install --target-branch=main 2>&1 | tee $RUNNER_TEMP/ct.txt\n',
  ),
  '.github/workflows/infra-plan.yaml': job('  pull_request:', tf('fmt') + tf('plan')),
  '.github/workflows/infra-apply.yaml': job('  push:\n    branches: [main]', tf('init') + tf('apply')),
  'charts/tsdb/Chart.yaml': 'apiVersion: v2\nname: tsdb\nversion: 1.2.0\n',
  'charts/tsdb/values.yaml': 'replicas: 1\n',
  'charts/tsdb/templates/statefulset.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: tsdb\n',
  'charts/tsdb/templates/tests/test-ping.yaml':
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ping\n  annotations:\n    "helm.sh/hook": test\n',
  'charts/tsdb/examples/values-production.yaml': 'replicas: 3\n',
  'charts/tsdb/examples/plugins/downsample.py': 'def process(rows):\n    return rows[::10]\n',
  'infra/main.tf':
    'terraform {\n  backend "gcs" {\n    bucket = "charts-state"\n  }\n}\n\nprovider "github" {\n  owner = "example"\n}\n',
  'infra/repository.tf': 'resource "github_repository" "charts" {\n  name = "charts"\n}\n',
};

describe('a chart repository with a Terraform root for its own settings (round 22)', () => {
  it('tests-in-ci: ct install tests the charts; example values-production.yaml deploys nothing', async () => {
    const run = await runRuleOn(testsInCi, tree, { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('1 CI job runs the tests (chart-testing install).');
    expect(run.evidence).toEqual([
      expect.objectContaining({
        path: '.github/workflows/charts-test.yaml',
        line: 14,
        note: expect.stringContaining('runs tests'),
      }),
    ]);
  });
  it('ci-pipeline: builds and tests', async () => {
    const run = await runRuleOn(ciPipeline, tree, { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/charts-test.yaml',
        line: 14,
        note: expect.stringContaining('runs tests'),
      }),
    );
  });
  it('continuous-deployment: tf_actions_subcommand apply on push to main deploys', async () => {
    const run = await runRuleOn(cd, tree, { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toEqual([
      expect.objectContaining({
        path: '.github/workflows/infra-apply.yaml',
        line: 19,
        note: expect.stringContaining('Terraform apply'),
      }),
    ]);
  });
  it('continuous-deployment: plan alone deploys nothing', async () => {
    const planOnly = { ...tree };
    delete planOnly['.github/workflows/infra-apply.yaml'];
    const run = await runRuleOn(cd, planOnly, { profile: 'infrastructure' });
    expect(run.outcome).not.toBe('pass');
  });
  it('formatting: tf_actions_subcommand fmt is a format check in CI', async () => {
    const run = await runRuleOn(formatting, tree, { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toEqual([
      expect.objectContaining({
        path: '.github/workflows/infra-plan.yaml',
        line: 10,
        note: expect.stringContaining('terraform fmt'),
      }),
    ]);
  });
  it('a values-production.yaml outside examples/ still makes the charts a deployment: ct install is no product test', async () => {
    const deployed: Tree = { ...tree, 'deploy/values-production.yaml': 'replicas: 3\n' };
    delete deployed['charts/tsdb/examples/values-production.yaml'];
    const run = await runRuleOn(testsInCi, deployed, { profile: 'infrastructure' });
    expect(run.outcome).not.toBe('pass');
  });
});
