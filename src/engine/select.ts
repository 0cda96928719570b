/** Which rules run, with which weight and options: pillar tables + config `rules:` + --only/--skip. */
import type { Config } from '../config/schema.js';
import { UsageError } from '../util/errors.js';
import type { RuleEntry } from './run.js';
import { PILLAR_IDS, type PillarDefinition } from '../types.js';
import { didYouMean } from '../util/suggest.js';
import { ruleOptions } from './options.js';

export function selectRules(
  pillars: PillarDefinition[],
  config: Config,
  only?: string[],
  skip?: string[],
): RuleEntry[] {
  const known = new Set<string>();
  for (const p of pillars) for (const { rule } of p.rules) known.add(`${p.id}/${rule.meta.id}`);
  const check = (flag: string, ids: string[] | undefined) => {
    for (const id of ids ?? []) {
      if (!(PILLAR_IDS as readonly string[]).includes(id) && !known.has(id)) {
        throw new UsageError(
          `${flag} ${id}: not a pillar (${PILLAR_IDS.join(', ')}) or a rule id${didYouMean(id, [...PILLAR_IDS, ...known])}; 'readiness rules' lists them`,
        );
      }
    }
  };
  check('--only', only);
  check('--skip', skip);
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id))
      throw new UsageError(
        `config rules.${id}: unknown rule id${didYouMean(id, [...known])}; 'readiness rules' lists them`,
      );
  }
  const selected = (pillar: string, id: string) => {
    const full = `${pillar}/${id}`;
    if (only?.length && !only.includes(pillar) && !only.includes(full)) return false;
    if (skip?.includes(pillar) || skip?.includes(full)) return false;
    return true;
  };
  const out: RuleEntry[] = [];
  for (const p of pillars) {
    for (const { rule, weight } of p.rules) {
      const full = `${p.id}/${rule.meta.id}`;
      if (!selected(p.id, rule.meta.id)) continue;
      const setting = config.rules?.[full];
      if (setting === 'off' || (typeof setting === 'object' && setting.enabled === false)) continue;
      out.push({
        pillar: p.id,
        rule,
        weight: typeof setting === 'object' && setting.weight !== undefined ? setting.weight : weight,
        options: ruleOptions(
          rule.meta,
          typeof setting === 'object' ? setting.options : undefined,
          `config rules.${full}.options`,
        ),
      });
    }
  }
  return out;
}

/**
 * The pillar tables with custom and plugin rules appended (after the built-ins, sorted by id), so
 * that selection, scoring and the report treat them like built-ins. An id that is already taken
 * in its pillar is a usage error rather than a silent shadowing.
 */
export function withExtraRules(
  pillars: PillarDefinition[],
  extras: { pillar: string; weight: number; rule: RuleEntry['rule']; origin: string }[],
): PillarDefinition[] {
  if (extras.length === 0) return pillars;
  return pillars.map((p) => {
    const mine = extras
      .filter((e) => e.pillar === p.id)
      .sort((a, b) => (a.rule.meta.id < b.rule.meta.id ? -1 : a.rule.meta.id > b.rule.meta.id ? 1 : 0));
    if (mine.length === 0) return p;
    const taken = new Set(p.rules.map((r) => r.rule.meta.id));
    for (const e of mine) {
      if (taken.has(e.rule.meta.id))
        throw new UsageError(`${e.origin}: rule id ${p.id}/${e.rule.meta.id} is already defined`);
      taken.add(e.rule.meta.id);
    }
    return { ...p, rules: [...p.rules, ...mine.map((e) => ({ rule: e.rule, weight: e.weight }))] };
  });
}
