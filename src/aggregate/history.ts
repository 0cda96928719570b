/**
 * History without a server: `--history history.ndjson` gets one line per repository per snapshot
 * (DuckDB or BigQuery load the file as is), and the aggregate compares with the previous snapshot.
 * The file is read line by line and only the previous snapshot is kept, so it can grow for years.
 */
import { closeSync, existsSync, openSync, readSync, writeSync } from 'node:fs';
import { UsageError } from '../util/errors.js';
import { compareCodePoints } from '../walk/list.js';
import type { Aggregate, AggregateChanges, AggregateRepository } from './schema.js';
import { fsReason } from '../util/fs-errors.js';

export const HISTORY_VERSION = 1;
/** A line longer than this is not a line we wrote: skipped with a note. */
const MAX_LINE = 4 * 1024 * 1024;

export interface HistoryLine {
  v: number;
  snapshot: string;
  name: string;
  remote: string | null;
  team: string;
  tier: string;
  commit: string | null;
  commitDate: string | null;
  score: number | null;
  level: string | null;
  pillars: Record<string, number | null>;
  /** Rule id → state (pass, partial, fail, not-applicable, unknown, error, suppressed). */
  rules: Record<string, string>;
}

export interface HistoryRead {
  /** The last snapshot before this one, one line per repository (empty when there is none). */
  previous: { snapshot: string; lines: HistoryLine[] } | null;
  trend: Aggregate['trend'];
  /** Snapshot labels already used (a new snapshot must not reuse one). */
  labels: Set<string>;
  notes: string[];
}

/** Calls `onLine` for each line of a file, reading 1 MiB at a time. */
function eachLine(path: string, onLine: (line: string, n: number) => void, notes: string[]): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1024 * 1024);
    let rest = Buffer.alloc(0);
    let n = 0;
    let skipping = false;
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      const chunk = got > 0 ? Buffer.concat([rest, buf.subarray(0, got)]) : rest;
      let start = 0;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, start)) {
        n++;
        if (!skipping) onLine(chunk.toString('utf8', start, i), n);
        skipping = false;
        start = i + 1;
      }
      rest = chunk.subarray(start);
      if (rest.length > MAX_LINE) {
        notes.push(`${path}: line ${n + 1} is longer than ${MAX_LINE} bytes and was skipped`);
        rest = Buffer.alloc(0);
        skipping = true;
      }
      if (got === 0) {
        if (rest.length > 0 && !skipping) onLine(rest.toString('utf8'), n + 1);
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}

export function readHistory(path: string): HistoryRead {
  const notes: string[] = [];
  const out: HistoryRead = { previous: null, trend: [], labels: new Set(), notes };
  if (!existsSync(path)) return out;
  let block: { snapshot: string; lines: HistoryLine[] } | null = null;
  const sums = new Map<string, { sum: number; scored: number; repos: number }>();
  let bad = 0;
  try {
    eachLine(
      path,
      (text, n) => {
        if (!text.trim()) return;
        let line: HistoryLine;
        try {
          line = JSON.parse(text) as HistoryLine;
        } catch {
          bad++;
          if (bad <= 3) notes.push(`${path}: line ${n} is not JSON and was skipped`);
          return;
        }
        if (!line || typeof line !== 'object' || typeof line.snapshot !== 'string' || typeof line.name !== 'string') {
          bad++;
          if (bad <= 3) notes.push(`${path}: line ${n} is not a history line and was skipped`);
          return;
        }
        out.labels.add(line.snapshot);
        const s = sums.get(line.snapshot) ?? { sum: 0, scored: 0, repos: 0 };
        s.repos++;
        if (typeof line.score === 'number') {
          s.sum += line.score;
          s.scored++;
        }
        sums.set(line.snapshot, s);
        if (!block || block.snapshot !== line.snapshot) block = { snapshot: line.snapshot, lines: [] };
        block.lines.push(line);
      },
      notes,
    );
  } catch (err) {
    throw new UsageError(`--history ${path}: cannot read (${fsReason(err, path, 'read')})`);
  }
  if (bad > 3) notes.push(`${path}: ${bad} lines in all were skipped`);
  out.previous = block;
  out.trend = [...sums.entries()].map(([snapshot, s]) => ({
    snapshot,
    score: s.scored ? Math.round((s.sum / s.scored) * 10) / 10 : null,
    repositories: s.repos,
  }));
  return out;
}

/** A label not used before: the date, then `date.2`, `date.3` for more snapshots on one day. */
export function freshLabel(base: string, used: Set<string>): string {
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}.${i}`)) return `${base}.${i}`;
}

export function historyLines(agg: Aggregate, states: Map<string, Map<string, string>>): HistoryLine[] {
  return agg.repositories.map((r) => ({
    v: HISTORY_VERSION,
    snapshot: agg.snapshot,
    name: r.name,
    remote: r.remote,
    team: r.team,
    tier: r.tier,
    commit: r.commit,
    commitDate: r.commitDate,
    score: r.score,
    level: r.level,
    pillars: r.pillars,
    rules: Object.fromEntries(states.get(r.file) ?? []),
  }));
}

/** Appends the lines (one write; a crash leaves at most one partial line, which the reader skips). */
export function appendHistory(path: string, lines: HistoryLine[]): void {
  const text = lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length ? '\n' : '');
  let fd: number | undefined;
  try {
    fd = openSync(path, 'a', 0o644);
    writeSync(fd, text);
  } catch (err) {
    throw new UsageError(`--history ${path}: cannot append (${fsReason(err, path, 'write')})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const key = (name: string, remote: string | null) => (remote ?? name).toLowerCase();

export function changesSince(
  previous: { snapshot: string; lines: HistoryLine[] },
  repos: AggregateRepository[],
  states: Map<string, Map<string, string>>,
  levelIds: string[],
): AggregateChanges {
  const before = new Map(previous.lines.map((l) => [key(l.name, l.remote), l]));
  const now = new Map(repos.map((r) => [key(r.name, r.remote), r]));
  const rank = (l: string | null) => (l === null ? 0 : levelIds.indexOf(l) + 1);
  const levelChanges: AggregateChanges['levelChanges'] = [];
  const newlyFailing: AggregateChanges['newlyFailing'] = [];
  const newlyPassing: AggregateChanges['newlyPassing'] = [];
  for (const [k, r] of now) {
    const b = before.get(k);
    if (!b) continue;
    if ((b.level ?? null) !== r.level)
      levelChanges.push({
        name: r.name,
        from: b.level ?? null,
        to: r.level,
        up: rank(r.level) > rank(b.level ?? null),
      });
    const cur = states.get(r.file) ?? new Map<string, string>();
    for (const [rule, was] of Object.entries(b.rules ?? {})) {
      const is = cur.get(rule);
      if (!is || is === was) continue;
      if (was === 'pass' && (is === 'fail' || is === 'partial' || is === 'error'))
        newlyFailing.push({ name: r.name, rule, from: was, to: is });
      else if (is === 'pass' && was !== 'pass') newlyPassing.push({ name: r.name, rule, from: was });
    }
  }
  const teamMean = (rows: { team: string; score: number | null }[]) => {
    const m = new Map<string, number[]>();
    for (const r of rows) {
      if (r.score === null) continue;
      const list = m.get(r.team);
      if (list) list.push(r.score);
      else m.set(r.team, [r.score]);
    }
    return new Map([...m].map(([t, xs]) => [t, Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10]));
  };
  const was = teamMean(previous.lines);
  const is = teamMean(repos);
  const teams = [...new Set([...was.keys(), ...is.keys()])].sort(compareCodePoints);
  const byName = (a: { name: string }, b: { name: string }) => compareCodePoints(a.name, b.name);
  return {
    since: previous.snapshot,
    added: [...now.keys()]
      .filter((k) => !before.has(k))
      .map((k) => now.get(k)!.name)
      .sort(compareCodePoints),
    removed: [...before.keys()]
      .filter((k) => !now.has(k))
      .map((k) => before.get(k)!.name)
      .sort(compareCodePoints),
    levelChanges: levelChanges.sort(byName),
    newlyFailing: newlyFailing.sort((a, b) => byName(a, b) || compareCodePoints(a.rule, b.rule)),
    newlyPassing: newlyPassing.sort((a, b) => byName(a, b) || compareCodePoints(a.rule, b.rule)),
    scoreDeltas: teams.map((team) => {
      const b = was.get(team) ?? null;
      const a = is.get(team) ?? null;
      return { team, before: b, after: a, delta: b === null || a === null ? null : Math.round((a - b) * 10) / 10 };
    }),
  };
}
