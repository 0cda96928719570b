/**
 * Levels beside scores: a repository's level is the highest whose rules, and every lower level's,
 * all count as met. Met: passed, suppressed (a decision on record — listed), or not applicable
 * (nothing to do). Partial, fail, unknown, error and a rule the report does not hold are not met.
 */
import type { LevelConfig } from '../config/schema.js';

export type RuleState = 'pass' | 'partial' | 'fail' | 'not-applicable' | 'unknown' | 'error' | 'suppressed' | 'missing';

export interface LevelResult {
  /** The level reached, null below the first. */
  id: string | null;
  /** The next level and what stands in its way (null at the top). */
  next: { id: string; unmet: { rule: string; state: RuleState }[] } | null;
  /** Suppressed rules that counted as met for the level reached or the next one. */
  suppressed: string[];
}

const met = (s: RuleState) => s === 'pass' || s === 'suppressed' || s === 'not-applicable';

export function levelOf(levels: readonly LevelConfig[], state: (rule: string) => RuleState): LevelResult {
  let reached: string | null = null;
  const suppressed = new Set<string>();
  for (const level of levels) {
    const states = level.rules.map((rule) => ({ rule, state: state(rule) }));
    for (const s of states) if (s.state === 'suppressed') suppressed.add(s.rule);
    const unmet = states.filter((s) => !met(s.state));
    if (unmet.length > 0) return { id: reached, next: { id: level.id, unmet }, suppressed: [...suppressed].sort() };
    reached = level.id;
  }
  return { id: reached, next: null, suppressed: [...suppressed].sort() };
}

/** Rank of a level id (0 = none reached), for ordering and comparing snapshots. */
export function levelRank(levels: readonly LevelConfig[], id: string | null): number {
  return id === null ? 0 : levels.findIndex((l) => l.id === id) + 1;
}

/** A rule's state as levels read it, from a Report's rule entry (or its absence). */
export function ruleState(rule: { outcome: string; suppressed?: unknown } | undefined): RuleState {
  if (!rule) return 'missing';
  if (rule.suppressed) return 'suppressed';
  return rule.outcome as RuleState;
}
