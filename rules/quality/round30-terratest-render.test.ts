import { describe, expect, it } from 'vitest';
import rule from './test-types.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const goTest = (body: string) =>
  `package test\n\nimport (\n\t"testing"\n\n\t"github.com/gruntwork-io/terratest/modules/helm"\n\t"github.com/gruntwork-io/terratest/modules/k8s"\n)\n\nfunc TestChart(t *testing.T) {\n\topts := &helm.Options{KubectlOptions: k8s.NewKubectlOptions("", "", "default")}\n${body}\n}\n`;

const tree = (body: string) => ({
  'go.mod': 'module example.com/chart-test\n\ngo 1.22\n\nrequire github.com/gruntwork-io/terratest v0.46.0\n',
  'charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\n',
  'test/chart_test.go': goTest(body),
});

describe('test-types: Terratest tests typed by what they call (blind round 30)', () => {
  it('rendering templates with kubectl options passed in is a unit test', async () => {
    const run = await runRuleOn(
      rule,
      tree('\toutput := helm.RenderTemplate(t, opts, "../charts/db", "db", nil)\n\t_ = output'),
      {
        profile: 'library',
      },
    );
    expect(run.message).toMatch(/^unit tests found/);
  });
  it('waiting for a pod or installing the chart reaches a live cluster: integration', async () => {
    const run = await runRuleOn(
      rule,
      tree(
        '\thelm.Install(t, opts, "../charts/db", "db")\n\tk8s.WaitUntilPodAvailable(t, opts.KubectlOptions, "db-0", 10, 0)',
      ),
      { profile: 'library' },
    );
    expect(run.message).toContain('integration tests');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ note: expect.stringContaining('live Kubernetes cluster') }),
    );
  });
});
