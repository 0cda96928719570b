import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import alerting from './alerting.js';

/**
 * Blind round 30: a Helm chart depending on a shared alerting chart (`generic-prometheus-alerts`)
 * configured in the service's values (`generic-prometheus-alerts: targetApplication: …`) was "no
 * alerting rules": the shared chart renders the PrometheusRule with those values.
 */
const chart = (dep: string) =>
  [
    'apiVersion: v2',
    'name: orders',
    'version: 0.1.0',
    'dependencies:',
    '  - name: generic-service',
    '    version: "3.17"',
    '    repository: https://charts.example.org',
    `  - name: ${dep}`,
    '    version: "1.17"',
    '    repository: https://charts.example.org',
  ].join('\n');
const GO = 'package main\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n';
const values = 'generic-service:\n  replicaCount: 2\n\ngeneric-prometheus-alerts:\n  targetApplication: orders\n';

describe('round 30: alerts from a shared alerting chart', () => {
  it('the dependency configured in values: pass, citing the dependency and its values block', async () => {
    const r = await runRuleOn(
      alerting,
      {
        'main.go': GO,
        'helm/orders/Chart.yaml': chart('generic-prometheus-alerts'),
        'helm/orders/values.yaml': values,
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'helm/orders/Chart.yaml', line: 8 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'helm/orders/values.yaml', line: 4 }));
  });

  it('an alerting dependency nobody configures, or a dependency not named for alerts: fail', async () => {
    for (const [dep, v] of [
      ['generic-prometheus-alerts', 'generic-service:\n  replicaCount: 2\n'],
      ['redis', 'redis:\n  enabled: true\n'],
    ] as const) {
      const r = await runRuleOn(
        alerting,
        { 'main.go': GO, 'helm/orders/Chart.yaml': chart(dep), 'helm/orders/values.yaml': v },
        { profile: 'service' },
      );
      expect(r.outcome).toBe('fail');
    }
  });
});
