/**
 * Blind round 43: a wrapper chart on a well-known shared base chart (src/facts/base-charts.ts)
 * whose values leave the probes unset gets the base chart's default probes; values that switch a
 * probe off win, and an uncatalogued base chart is not credited.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import healthChecks from './reliability/health-checks.js';
import redundancy from './reliability/redundancy.js';

const chart = (repo: string) =>
  `apiVersion: v2\nname: api\nversion: 0.1.0\ndependencies:\n  - name: generic-service\n    version: "3.17"\n    repository: ${repo}\n`;
const values = (extra = '') =>
  `generic-service:\n  replicaCount: 2\n  image:\n    repository: example/api\n    port: 8080\n${extra}`;
const tree = (repo: string, extra = '') => ({
  'helm_deploy/api/Chart.yaml': chart(repo),
  'helm_deploy/api/values.yaml': values(extra),
  'helm_deploy/values-prod.yaml': 'generic-service:\n  ingress:\n    host: api.example\n',
});
const MOJ = 'https://ministryofjustice.github.io/hmpps-helm-charts';

describe('round 43: a shared base chart supplies default probes', () => {
  it('a catalogued base chart with probes left unset is credited, saying the default supplies them', async () => {
    const r = await runRuleOn(healthChecks, tree(MOJ), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]!.note).toContain("readiness and liveness from the generic-service chart's defaults");
  });

  it('values that switch the liveness probe off win', async () => {
    const r = await runRuleOn(healthChecks, tree(MOJ, '  livenessProbe: null\n'), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
    expect(r.evidence[0]!.note).toContain(
      "has a readiness probe but no liveness probe (readiness from the generic-service chart's defaults",
    );
  });

  it('the same chart name from another repository is not credited', async () => {
    const r = await runRuleOn(healthChecks, tree('https://charts.example.org/x'), { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence[0]!.note).toContain('has no readiness or liveness probe');
  });
});

describe('round 43: a shared base chart supplies a default PodDisruptionBudget', () => {
  it('two replicas on a catalogued base chart whose values leave the budget on pass, citing the default', async () => {
    const r = await runRuleOn(redundancy, tree(MOJ), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('with a PodDisruptionBudget');
    expect(r.evidence.some((e) => e.note?.includes("from the generic-service chart's defaults (minAvailable 1"))).toBe(
      true,
    );
  });

  it('values that switch the budget off win', async () => {
    const r = await runRuleOn(redundancy, tree(MOJ, '  poddisruptionbudget:\n    enabled: false\n'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('no PodDisruptionBudget');
  });

  it('an uncatalogued chart of the same name supplies none', async () => {
    const r = await runRuleOn(redundancy, tree('https://charts.example.org/x'), { profile: 'service' });
    expect(r.message).toContain('no PodDisruptionBudget');
  });
});

describe('round 43: another catalogued base chart, configured by probe paths', () => {
  const t = (extra = '') => ({
    'charts/web/Chart.yaml':
      'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - name: nodejs\n    version: 3.2.1\n    repository: oci://hmctsprod.azurecr.io/helm\n',
    'charts/web/values.yaml': `nodejs:\n  applicationPort: 4000\n  image: registry.example/web:latest\n${extra}`,
  });
  it('probe paths left unset are the chart defaults', async () => {
    const r = await runRuleOn(healthChecks, t(), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]!.note).toContain("from the nodejs chart's defaults");
  });
  it('a path the values set is read from the values, not the catalogue', async () => {
    const r = await runRuleOn(healthChecks, t('  livenessPath: ""\n'), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
  });
});
