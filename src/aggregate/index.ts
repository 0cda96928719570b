/**
 * `readiness aggregate`: many Reports in, one organisation view out. Reports → entries (input.ts)
 * → owners, levels, flags, roll-ups (rollup.ts) → change since the previous snapshot and the
 * appended history (history.ts). Renderers take only the Aggregate (render.ts).
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { checkYamlNesting } from '../util/parsers.js';
import { formatIssue } from '../config/load.js';
import type { LevelConfig } from '../config/schema.js';
import { UsageError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { appendHistory, changesSince, freshLabel, historyLines, readHistory } from './history.js';
import { expandInputs, loadReports } from './input.js';
import { rollup } from './rollup.js';
import { type Aggregate, aggregateSchema, type Inventory, inventorySchema } from './schema.js';
import { fsReason } from '../util/fs-errors.js';

export interface AggregateOptions {
  /** Folders, files or globs of JSON Reports. */
  inputs: string[];
  inventory?: Inventory;
  levels?: LevelConfig[];
  /** Path of the NDJSON history to compare with and append to. */
  history?: string;
  /** The snapshot's label (default: today's date; a label already in the history gets a suffix). */
  snapshot?: string;
  staleDays?: number;
  cwd?: string;
}

export interface AggregateRun {
  aggregate: Aggregate;
  notes: string[];
}

export function aggregateReports(options: AggregateOptions): AggregateRun {
  const { files, missing } = expandInputs(options.inputs, options.cwd);
  if (files.length === 0)
    throw new UsageError(
      missing.length ? `no report found at ${missing.join(', ')}` : `no JSON report in ${options.inputs.join(', ')}`,
    );
  const notes = missing.map((m) => `nothing matched ${m}`);
  const loaded = loadReports(files, options.cwd);
  const history = options.history ? readHistory(options.history) : undefined;
  notes.push(...(history?.notes ?? []));
  const snapshot = freshLabel(options.snapshot ?? new Date().toISOString().slice(0, 10), history?.labels ?? new Set());
  const base = rollup({
    ...loaded,
    files: files.length,
    ...(options.inventory ? { inventory: options.inventory } : {}),
    ...(options.levels ? { levels: options.levels } : {}),
    snapshot,
    toolVersion: VERSION,
    staleDays: options.staleDays ?? 180,
  });
  const states = new Map(loaded.entries.map((e) => [e.file, e.rules as Map<string, string>]));
  const levelIds = base.levels.length
    ? base.levels.map((l) => l.id)
    : Object.keys(base.overview.levels).filter((l) => l !== 'none');
  const changes = history?.previous ? changesSince(history.previous, base.repositories, states, levelIds) : null;
  const current = { snapshot, score: base.overview.score.mean, repositories: base.repositories.length };
  const aggregate: Aggregate = {
    ...base,
    trend: history ? [...history.trend, current] : [current],
    changes,
  };
  const checked = aggregateSchema.safeParse(aggregate);
  if (!checked.success)
    throw new Error(
      `internal error: the aggregate does not match its schema at ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`,
    );
  if (options.history) appendHistory(options.history, historyLines(aggregate, states));
  return { aggregate, notes };
}

/** Reads the inventory YAML (repository → team, tier, tags); every problem is one line naming the file. */
export function readInventory(path: string): Inventory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--inventory ${path}: cannot read (${fsReason(err, path, 'read')})`);
  }
  let raw: unknown;
  try {
    checkYamlNesting(text);
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new UsageError(`--inventory ${path}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = inventorySchema.safeParse(raw ?? {});
  if (!parsed.success) throw new UsageError(`--inventory ${path}: ${formatIssue(parsed.error.issues[0]!)}`);
  return parsed.data;
}
