/** Small constructors so rules read as verdicts, not object literals. */
import type { Evidence, RuleResult } from '../types.js';

export function pass(message: string, evidence: Evidence[], data?: Record<string, unknown>): RuleResult {
  return { outcome: 'pass', score: 1, message, evidence, ...(data ? { data } : {}) };
}

export function fail(message: string, evidence: Evidence[], data?: Record<string, unknown>): RuleResult {
  return { outcome: 'fail', score: 0, message, evidence, ...(data ? { data } : {}) };
}

export function unknown(message: string, evidence: Evidence[], data?: Record<string, unknown>): RuleResult {
  return { outcome: 'unknown', message, evidence, ...(data ? { data } : {}) };
}

/**
 * Partial credit. A score that rounds to 0 or 1 becomes fail or pass, so that "partial" always
 * means something was found and something is missing.
 */
export function partial(
  score: number,
  message: string,
  evidence: Evidence[],
  data?: Record<string, unknown>,
): RuleResult {
  const s = Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
  if (s <= 0) return fail(message, evidence, data);
  if (s >= 1) return pass(message, evidence, data);
  return { outcome: 'partial', score: s, message, evidence, ...(data ? { data } : {}) };
}

/** Grade several independent parts: each found part earns its share. */
export function graded(parts: { name: string; found: boolean; weight?: number }[]): {
  score: number;
  found: string[];
  missing: string[];
} {
  const total = parts.reduce((s, p) => s + (p.weight ?? 1), 0);
  const got = parts.filter((p) => p.found).reduce((s, p) => s + (p.weight ?? 1), 0);
  return {
    score: total === 0 ? 0 : got / total,
    found: parts.filter((p) => p.found).map((p) => p.name),
    missing: parts.filter((p) => !p.found).map((p) => p.name),
  };
}

/** "a, b and c" */
export function listing(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Evidence for a search that found nothing: says what was searched. */
export function searched(what: string, globs: string[], filesSearched: number): Evidence {
  return {
    path: '.',
    note: `no ${what} in ${filesSearched} file${filesSearched === 1 ? '' : 's'} matching ${globs.join(', ')}`,
  };
}
