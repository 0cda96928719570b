/**
 * Reading many Reports (one per repository or package, as a CI matrix uploads them). Each file is
 * read, parsed and reduced to what the aggregate needs, then dropped: 10,000 Reports of ~80 KB
 * never sit in memory together. A file that is not a readable readiness Report (malformed,
 * truncated, foreign JSON, too large, a link) is skipped with a note naming it, never a crash.
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { PILLAR_IDS, type PillarId } from '../types.js';
import { compareCodePoints } from '../walk/list.js';
import { ruleState, type RuleState } from './levels.js';
import { fsReason } from '../util/fs-errors.js';

/** Larger than any real Report (a big monorepo's is ~2 MB); a bigger file is not read. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

export interface RepoEntry {
  /** The file it came from, as the user named it or relative to the folder given. */
  file: string;
  name: string;
  remote: string | null;
  commit: string | null;
  commitDate: string | null;
  branch: string | null;
  toolVersion: string;
  catalogue: string | null;
  config: string | null;
  profile: string;
  score: number | null;
  grade: string | null;
  pillars: Record<PillarId, number | null>;
  /** Rule id → state, for every rule the Report holds. */
  rules: Map<string, RuleState>;
  /** The level the Report itself computed (its own config's levels), if any. */
  level: string | null | undefined;
}

export interface RuleMeta {
  title: string;
  pillar: PillarId;
  severity: string;
}

export interface Skipped {
  file: string;
  reason: string;
}

/** Expands folders (every *.json below, sorted) and globs (relative to cwd) into files. */
export function expandInputs(inputs: readonly string[], cwd = process.cwd()): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    let st: ReturnType<typeof lstatSync> | undefined;
    try {
      st = lstatSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) files.push(...jsonFilesUnder(abs).map((f) => join(input, relative(abs, f))));
    else if (st) files.push(input);
    else if (picomatch.scan(input).isGlob) {
      const { base, glob } = picomatch.scan(input);
      const test = picomatch(glob, { dot: false });
      const root = resolve(cwd, base || '.');
      const found = jsonFilesUnder(root, true).filter((f) => test(relative(root, f)));
      if (found.length === 0) missing.push(input);
      files.push(...found.map((f) => relative(cwd, f)));
    } else missing.push(input);
  }
  return { files: [...new Set(files)], missing };
}

/** Regular files under a folder, never through a link, sorted; only *.json unless `all`. */
function jsonFilesUnder(dir: string, all = false): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git') stack.push(p);
      } else if (e.isFile() && (all || e.name.endsWith('.json'))) out.push(p);
    }
  }
  return out.sort(compareCodePoints);
}

/** Reads a file with a size cap, refusing links, devices and FIFOs. */
function readCapped(file: string): { text: string } | { error: string } {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(file);
  } catch (err) {
    return { error: `cannot read (${fsReason(err, file, 'read')})` };
  }
  if (st.isSymbolicLink()) return { error: 'a symbolic link, not followed' };
  if (!st.isFile()) return { error: 'not a regular file' };
  if (st.size > MAX_REPORT_BYTES) return { error: `larger than ${MAX_REPORT_BYTES / 1024 / 1024} MiB` };
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_REPORT_BYTES) return { error: `larger than ${MAX_REPORT_BYTES / 1024 / 1024} MiB` };
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const got = readSync(fd, buf, off, size - off, off);
      if (got === 0) break;
      off += got;
    }
    return { text: buf.toString('utf8', 0, off) };
  } catch (err) {
    return { error: `cannot read (${fsReason(err, file, 'read')})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The parts of a Report the aggregate reads, checked by hand rather than by the full schema: a
 * full validation of 10,000 Reports would cost more than reading them. Anything off is a reason.
 */
export function entryFrom(file: string, json: unknown, meta: Map<string, RuleMeta>): RepoEntry | string {
  if (!isObj(json)) return 'not a JSON object';
  const tool = json.tool;
  if (!isObj(tool) || tool.name !== 'readiness') return 'not a readiness report (no tool.name "readiness")';
  if (json.schemaVersion !== 1 && json.schemaVersion !== 2)
    return `report schemaVersion ${String(json.schemaVersion)} is not supported`;
  const repo = json.repository;
  const summary = json.summary;
  if (!isObj(repo) || !isObj(summary) || !Array.isArray(json.pillars))
    return 'incomplete report (repository, summary or pillars missing)';
  const name = str(repo.name);
  if (!name) return 'incomplete report (no repository.name)';
  const pillars = Object.fromEntries(PILLAR_IDS.map((id) => [id, null])) as Record<PillarId, number | null>;
  const rules = new Map<string, RuleState>();
  for (const p of json.pillars) {
    if (!isObj(p) || !(PILLAR_IDS as readonly string[]).includes(String(p.id)) || !Array.isArray(p.rules))
      return 'incomplete report (a pillar without id or rules)';
    const pid = p.id as PillarId;
    pillars[pid] = num(p.score);
    for (const r of p.rules) {
      if (!isObj(r) || typeof r.id !== 'string' || typeof r.outcome !== 'string')
        return 'incomplete report (a rule without id or outcome)';
      rules.set(r.id, ruleState(r as { outcome: string; suppressed?: unknown }));
      if (!meta.has(r.id))
        meta.set(r.id, { title: str(r.title) ?? r.id, pillar: pid, severity: str(r.severity) ?? 'medium' });
    }
  }
  const stamp = isObj(json.stamp) ? json.stamp : undefined;
  const level = isObj(json.level) ? (str(json.level.id) ?? null) : undefined;
  const profile = isObj(repo.profile) ? (str(repo.profile.id) ?? 'unknown') : 'unknown';
  return {
    file,
    name,
    remote: str(repo.remote),
    commit: str(repo.commit),
    branch: str(repo.branch),
    commitDate: stamp ? str(stamp.commitDate) : null,
    toolVersion: str(tool.version) ?? 'unknown',
    catalogue: stamp ? str(stamp.catalogue) : null,
    config: stamp ? str(stamp.config) : null,
    profile,
    score: num(summary.score),
    grade: str(summary.grade),
    pillars,
    rules,
    level,
  };
}

export interface Loaded {
  entries: RepoEntry[];
  skipped: Skipped[];
  /** Rule id → title, pillar and severity, from the first Report that holds the rule. */
  meta: Map<string, RuleMeta>;
}

export function loadReports(files: readonly string[], cwd = process.cwd()): Loaded {
  const entries: RepoEntry[] = [];
  const skipped: Skipped[] = [];
  const meta = new Map<string, RuleMeta>();
  for (const file of files) {
    const read = readCapped(resolve(cwd, file));
    if ('error' in read) {
      skipped.push({ file, reason: read.error });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(read.text);
    } catch (err) {
      skipped.push({ file, reason: `not valid JSON (${(err as Error).message.split('\n')[0]!.slice(0, 120)})` });
      continue;
    }
    const entry = entryFrom(file, json, meta);
    if (typeof entry === 'string') skipped.push({ file, reason: entry });
    else entries.push(entry);
  }
  return { entries, skipped, meta };
}
