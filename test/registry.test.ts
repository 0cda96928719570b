/**
 * Meta-tests that keep the registry honest (after ESLint's checkRuleFiles): every rule file is in
 * exactly one pillar table, its id equals its file name, it has documentation and a test beside it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PILLARS } from '../rules/index.js';
import { PILLAR_IDS } from '../src/types.js';

const root = join(import.meta.dirname, '..');

describe('rule registry', () => {
  it('has the six pillars in their fixed order', () => {
    expect(PILLARS.map((p) => p.id)).toEqual([...PILLAR_IDS]);
  });

  for (const pillar of PILLARS) {
    const dir = join(root, 'rules', pillar.id);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');

    it(`${pillar.id}: every rule file is registered once, and nothing else is`, () => {
      const ids = pillar.rules.map((r) => r.rule.meta.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
    });

    for (const { rule, weight } of pillar.rules) {
      it(`${pillar.id}/${rule.meta.id}: documented, weighted and tested`, () => {
        const m = rule.meta;
        expect(m.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(existsSync(join(dir, `${m.id}.ts`))).toBe(true);
        expect(existsSync(join(dir, `${m.id}.test.ts`)), `rules/${pillar.id}/${m.id}.test.ts`).toBe(true);
        for (const field of ['title', 'failureTitle', 'description', 'remediation'] as const) {
          expect(m[field].trim().length, field).toBeGreaterThan(10);
        }
        expect(weight).toBeGreaterThan(0);
      });
    }
  }

  it('rule ids are unique across pillars', () => {
    const ids = PILLARS.flatMap((p) => p.rules.map((r) => r.rule.meta.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
