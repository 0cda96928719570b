/**
 * The catalogue of RULES.md is the contract: every fixed rule id exists in its pillar, is
 * documented and has a test beside it. The ids are embedded here on purpose (they are fixed:
 * reports, configs, baselines and suppressions name them), so a renamed or dropped rule fails.
 * This fails until every pillar's rules are merged — that is its job.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PILLARS } from '../rules/index.js';
import type { PillarId } from '../src/types.js';

const CATALOGUE: Record<PillarId, readonly string[]> = {
  architecture: [
    'type-safety',
    'api-contract',
    'database-migrations',
    'architecture-docs',
    'readme',
    'config-externalized',
    'module-size',
  ],
  quality: ['tests-present', 'test-types', 'coverage-gate', 'tests-in-ci', 'linting', 'formatting', 'pre-commit-hooks'],
  observability: [
    'structured-logging',
    'metrics',
    'tracing',
    'health-endpoints',
    'alerting',
    'dashboards',
    'error-tracking',
  ],
  security: [
    'no-committed-secrets',
    'security-middleware',
    'authentication',
    'authorization',
    'security-policy',
    'dependency-updates',
    'lockfiles',
    'security-scanning',
    'container-user',
    'license',
  ],
  reliability: [
    'retries',
    'circuit-breakers',
    'timeouts',
    'rate-limiting',
    'graceful-shutdown',
    'health-checks',
    'redundancy',
    'backups',
    'resource-limits',
  ],
  operations: [
    'infrastructure-as-code',
    'container-image',
    'orchestration',
    'ci-pipeline',
    'continuous-deployment',
    'progressive-delivery',
    'rollback',
    'runbooks',
    'environments',
    'release-management',
    'cost-monitoring',
  ],
};

const root = join(import.meta.dirname, '..');

describe('the RULES.md catalogue is implemented', () => {
  it('lists 51 fixed rule ids, each once', () => {
    const all = Object.values(CATALOGUE).flat();
    expect(all).toHaveLength(51);
    expect(new Set(all).size).toBe(all.length);
  });

  for (const [pillarId, ids] of Object.entries(CATALOGUE) as [PillarId, readonly string[]][]) {
    const pillar = PILLARS.find((p) => p.id === pillarId);
    for (const id of ids) {
      it(`${pillarId}/${id}: implemented in its pillar, documented and tested`, () => {
        const entry = pillar?.rules.find((r) => r.rule.meta.id === id);
        const elsewhere = PILLARS.filter((p) => p.id !== pillarId && p.rules.some((r) => r.rule.meta.id === id)).map(
          (p) => p.id,
        );
        expect(elsewhere, `${id} is registered in another pillar`).toEqual([]);
        expect(entry, `rules/${pillarId}/index.ts registers ${id}`).toBeDefined();
        const meta = entry!.rule.meta;
        for (const field of ['title', 'failureTitle', 'description', 'remediation', 'detection'] as const) {
          expect((meta[field] ?? '').trim().length, `${pillarId}/${id} meta.${field}`).toBeGreaterThan(10);
        }
        expect(existsSync(join(root, 'rules', pillarId, `${id}.ts`)), `rules/${pillarId}/${id}.ts`).toBe(true);
        expect(existsSync(join(root, 'rules', pillarId, `${id}.test.ts`)), `rules/${pillarId}/${id}.test.ts`).toBe(
          true,
        );
      });
    }
  }

  it('has no built-in rule outside the catalogue (new ids go into RULES.md first)', () => {
    const extra = PILLARS.flatMap((p) => p.rules.map((r) => `${p.id}/${r.rule.meta.id}`)).filter((full) => {
      const [p, id] = full.split('/') as [PillarId, string];
      return !CATALOGUE[p].includes(id);
    });
    expect(extra).toEqual([]);
  });
});
