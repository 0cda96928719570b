/**
 * What a Report was made from, so that an aggregate over many Reports can tell stale or mixed
 * inputs from comparable ones: the commit's date, the rule catalogue (ids, weights, severities and
 * the tool version) and the configuration, each as a short hash. Deterministic: no clock is read.
 */
import { createHash } from 'node:crypto';
import type { PillarDefinition } from '../types.js';

export interface Stamp {
  /** Committer date of the audited commit (ISO 8601), null outside git. */
  commitDate: string | null;
  /** Hash of the rule catalogue the scores were computed with. */
  catalogue: string;
  /** Hash of the effective configuration, null when none was used. */
  config: string | null;
}

const short = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function catalogueHash(pillars: PillarDefinition[], version: string): string {
  const rows = pillars.flatMap((p) =>
    p.rules.map((r) => `${p.id}/${r.rule.meta.id}:${r.weight}:${r.rule.meta.severity}`).sort(),
  );
  return short(`${version}\n${rows.join('\n')}`);
}

/** A JSON text with keys sorted at every level: the same configuration always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function configHash(config: object, used: boolean): string | null {
  return used ? short(stableJson(config)) : null;
}
