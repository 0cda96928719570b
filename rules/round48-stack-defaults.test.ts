/**
 * Blind round 48, class "practice reached through a chart's defaults": a GitOps repository installs
 * kube-prometheus-stack as a dependency of its own chart. The upstream chart creates default alert
 * rules (`defaultRules.create`) and deploys its Grafana dashboards (with Grafana, or with
 * `grafana.forceDeployDashboards`); alerting said "no alert rules" and dashboards "none as code".
 * What the dependency's values switch off earns nothing.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import alerting from './observability/alerting.js';
import dashboards from './observability/dashboards.js';

const CHART =
  'apiVersion: v2\nname: monitoring\nversion: 0.0.0\ndependencies:\n  - name: kube-prometheus-stack\n    version: 56.19.0\n    repository: https://prometheus-community.github.io/helm-charts\n';

const tree = (values: string): Tree => ({
  'system/monitoring/Chart.yaml': CHART,
  'system/monitoring/values.yaml': values,
  'system/root.yaml':
    'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: monitoring\nspec:\n  source:\n    path: system/monitoring\n  destination:\n    name: in-cluster\n',
  'apps/wiki/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wiki\nspec:\n  replicas: 1\n',
});

describe('kube-prometheus-stack defaults as a chart dependency (round 48)', () => {
  it('credits its default alert rules and dashboards (dashboards forced without Grafana)', async () => {
    const t = tree(
      'kube-prometheus-stack:\n  grafana:\n    enabled: false\n    forceDeployDashboards: true\n  alertmanager:\n    config:\n      route:\n        receiver: ntfy\n      receivers:\n        - name: ntfy\n          webhook_configs:\n            - url: http://ntfy\n',
    );
    const a = await runRuleOn(alerting, t, { profile: 'infrastructure' });
    expect(a.outcome).toBe('pass');
    expect(a.message).toContain('the default alert rules of kube-prometheus-stack');
    expect(a.evidence).toContainEqual(expect.objectContaining({ path: 'system/monitoring/Chart.yaml', line: 5 }));
    const d = await runRuleOn(dashboards, t, { profile: 'infrastructure' });
    expect(d.outcome).toBe('pass');
    expect(d.message).toContain('the default Grafana dashboards of kube-prometheus-stack');
  });

  it('earns nothing for what the values switch off', async () => {
    const t = tree('kube-prometheus-stack:\n  defaultRules:\n    create: false\n  grafana:\n    enabled: false\n');
    expect((await runRuleOn(alerting, t, { profile: 'infrastructure' })).outcome).toBe('fail');
    expect((await runRuleOn(dashboards, t, { profile: 'infrastructure' })).outcome).toBe('fail');
  });
});
