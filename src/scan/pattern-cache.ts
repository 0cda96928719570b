/**
 * The compiled patterns' literal automaton and alternatives (patterns.ts, `Prebuilt`) kept between
 * runs, beside the launcher's code cache (bin/readiness.js). Building them reads ~500 regexes for
 * what each alternative needs (required.ts) and fills a table of ~14k states: ~0.1 s of CPU at the
 * start of every audit of a large tree, the same work on the same patterns every time. The scan
 * worker already builds its patterns from the main thread's `Prebuilt` (a structured clone), so a
 * `Prebuilt` read back from a file is the same answer by the same path.
 *
 * A cached one is used only when everything compilePatterns reads to build it is the same: the
 * program (the launcher's bundle hash), and each pattern's key, regex, flags, case mode and
 * literals in order (the repository's dependencies add patterns: one file per set). The launcher
 * hands its cache directory over a global of the process, so an audit run as a library (the API,
 * the tests) reads and writes nothing. Written under a temporary name and renamed, so a reader
 * never sees half a file; a file that does not read back whole is ignored and written again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import v8 from 'node:v8';
import { sharedInt32 } from './literals.js';
import type { Prebuilt, ScanPattern } from './patterns.js';

const KEY = Symbol.for('readiness.cache');

interface LauncherCache {
  /** A directory of this user only (the launcher checks it). */
  dir: string;
  /** The bundle's sha256: a cache of another build is never read. */
  build: string;
}

function launcherCache(): LauncherCache | undefined {
  const c = (globalThis as Record<symbol, unknown>)[KEY] as Partial<LauncherCache> | undefined;
  return typeof c?.dir === 'string' && typeof c.build === 'string' && /^[0-9a-f]{64}$/.test(c.build)
    ? (c as LauncherCache)
    : undefined;
}

/** The file for these patterns under this build, or undefined outside the launcher. */
function cacheFile(patterns: readonly ScanPattern[]): string | undefined {
  const cache = launcherCache();
  if (!cache) return undefined;
  const h = createHash('sha256').update(cache.build);
  for (const p of patterns)
    h.update(
      JSON.stringify([p.key, p.regex.source, p.regex.flags, !!p.ignoreCase, !!p.keepCase, p.literals ?? null]),
    ).update('\n');
  return join(cache.dir, `patterns-${h.digest('hex').slice(0, 40)}.bin`);
}

/**
 * The file: the serialised `Prebuilt` without its table (4 bytes of length, then v8.serialize's
 * bytes), then the table's bytes, copied straight into shared memory, as LiteralSet.build leaves it
 * (the scan's workers get a view of it, not a copy).
 */
const HEAD = 4;

/** The kept `Prebuilt` of these patterns, or undefined (none yet, or unreadable). */
export function readPrebuilt(patterns: readonly ScanPattern[]): { prebuilt?: Prebuilt; file?: string } {
  const file = cacheFile(patterns);
  if (!file) return {};
  try {
    const bytes = readFileSync(file);
    const length = bytes.readUInt32LE(0);
    const got = v8.deserialize(bytes.subarray(HEAD, HEAD + length)) as Prebuilt & { tableLength: number };
    const { tables, ids, tableLength } = got;
    const from = HEAD + length;
    if (!Number.isInteger(tableLength) || bytes.length - from !== tableLength * 4 || typeof ids !== 'object')
      return { file };
    const table = sharedInt32(tableLength);
    bytes.copy(new Uint8Array(table.buffer, table.byteOffset, tableLength * 4), 0, from);
    return { prebuilt: { tables: { ...tables, table }, ids }, file };
  } catch {
    return { file };
  }
}

/** Keeps `prebuilt` for the next run with the same patterns; every failure only leaves it unkept. */
export function writePrebuilt(file: string | undefined, prebuilt: Prebuilt | undefined): void {
  if (!file || !prebuilt) return;
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const { table, ...rest } = prebuilt.tables;
    const head = v8.serialize({ tables: rest, ids: prebuilt.ids, tableLength: table.length });
    const length = Buffer.alloc(HEAD);
    length.writeUInt32LE(head.length, 0);
    const body = Buffer.from(table.buffer, table.byteOffset, table.length * 4);
    writeFileSync(temporary, Buffer.concat([length, head, body]), { flag: 'wx', mode: 0o600 });
    renameSync(temporary, file);
    keepNewest(file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      /* nothing to clean */
    }
  }
}

/**
 * Pattern files kept at once. Each repository whose dependencies add patterns has its own set, and each
 * file is ~5 MB: an aggregate audit of hundreds of repositories would otherwise fill the cache directory
 * for a week (the launcher's age limit). The newest are kept; a set used again is written again.
 */
export const KEPT_PATTERN_FILES = 8;

function keepNewest(written: string): void {
  const dir = dirname(written);
  const kept: { file: string; at: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!/^patterns-[0-9a-f]{40}\.bin$/.test(name)) continue;
    const file = join(dir, name);
    try {
      kept.push({ file, at: file === written ? Number.POSITIVE_INFINITY : statSync(file).mtimeMs });
    } catch {
      /* gone already */
    }
  }
  kept.sort((a, b) => b.at - a.at);
  for (const { file } of kept.slice(KEPT_PATTERN_FILES)) rmSync(file, { force: true });
}
