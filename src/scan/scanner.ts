/**
 * The one-pass scanner (DESIGN §2). Every rule declares its content patterns; the scanner reads
 * each candidate file once, runs only the patterns whose globs cover that file, behind a cheap
 * literal pre-filter, and records matches (path, line, snippet). Nothing but matches is kept,
 * except the text of files some rule parses whole (`reads` globs), handed to the FileIndex.
 */
import type { Match, PatternSpec } from '../types.js';
import { decode, type Digest, type FileIndex, type FileSource, type SkipReason } from '../walk/file-index.js';
import { detach } from '../util/detach.js';
import { lineIndexAt, lineStarts as computeLines } from '../util/lines.js';
import { anyGlob, extensionOf, globExtensions, type PathTest } from '../walk/glob.js';
import { LiteralSet, type Found } from './literals.js';
import { MAX_WITH_WORKER, PatternOffload, type WorkerMode } from './offload.js';
import { TimeLimitError, withTimeLimit } from '../util/time-limit.js';
import { SUPERLINEAR, guardFrom } from './superlinear.js';

export interface ScanPattern extends PatternSpec {
  /** `<rule>:<name>`, unique across the run. */
  key: string;
}

export interface ScanResult {
  matches: Map<string, Match[]>;
  /** How many readable files each pattern was run against (for "searched N files" evidence). */
  searched: Map<string, number>;
  /** Files whose patterns ran on the second thread (see offload.ts). */
  offloaded: number;
  /** Patterns that ran past their time budget on a file, and were run on no further file. */
  overruns: Map<string, Overrun>;
}

export interface Overrun {
  path: string;
  budgetMs: number;
}

/**
 * A pattern's time budget on one file. Built-in patterns are linear (test/patterns.test.ts
 * checks the catalogue), so on a file under MEASURE_FROM characters they cannot come near it and
 * run unmeasured; on a larger file each one is timed, and one that overruns is stopped there and
 * run on no further file. A pattern from configuration (`guarded`) may be catastrophic, which no
 * timing after the fact can stop: it runs under a hard limit that interrupts it.
 */
export const PATTERN_BUDGET_MS = 1000;
const MEASURE_FROM = 64 * 1024;

export interface Compiled {
  key: string;
  regex: RegExp;
  literals?: string[];
  lowerLiterals: boolean;
  /** Ids of `literals` in the run's shared LiteralSet (one automaton pass per file). */
  literalIds?: number[];
  literalSet?: LiteralSet;
  /** `/$/` without `m` (used to count lines) matches only at the end: start there, skip the regex walk. */
  endOnly: boolean;
  maxPerFile: number;
  /** Run under an interrupting time limit: an untrusted pattern (from configuration) always, a known super-linear built-in on texts of this many characters or more. */
  guarded: 'always' | number | false;
}

interface Group {
  test: PathTest;
  patterns: Compiled[];
  /** The extensions its globs can match, or null when any (see globExtensions). */
  exts: Set<string> | null;
}

/**
 * Source that can read without blocking (the disk); memory sources are read synchronously. The
 * buffer it passes is lent for the call only: it is decoded at once, never kept.
 */
interface AsyncSource extends FileSource {
  /** `cb` returns true when it keeps the buffer (see DiskSource.readBytesAsync). */
  readBytesAsync(path: string, maxBytes: number, cb: (r: Buffer | SkipReason) => boolean | void): void;
  /** Take back a lent buffer whose memory came back from the worker. */
  recycle?(buffer: ArrayBuffer): void;
  /** The same read, synchronously (see readAll). */
  readBytesLent?(path: string, maxBytes: number, cb: (r: Buffer | SkipReason) => boolean | void): void;
}

const SNIPPET_MAX = 160;
const IN_FLIGHT = 64;

export function compilePatterns(patterns: ScanPattern[]): Group[] {
  // Patterns with the same globs share one path test per file.
  const groups = new Map<string, Group>();
  const literalSet = new LiteralSet();
  for (const p of patterns) {
    const sig = p.files.join('\0');
    let g = groups.get(sig);
    if (!g) {
      g = { test: anyGlob(p.files), patterns: [], exts: unionExtensions(p.files) };
      groups.set(sig, g);
    }
    const flags = new Set([...p.regex.flags, 'g']);
    if (p.ignoreCase) flags.add('i');
    flags.delete('y');
    g.patterns.push({
      key: p.key,
      regex: new RegExp(p.regex.source, [...flags].join('')),
      ...(p.literals ? { literals: p.ignoreCase ? p.literals.map((l) => l.toLowerCase()) : p.literals } : {}),
      lowerLiterals: !!p.ignoreCase,
      ...(p.literals ? { literalIds: p.literals.map((l) => literalSet.add(l, !!p.ignoreCase)), literalSet } : {}),
      endOnly: p.regex.source === '$' && !flags.has('m'),
      maxPerFile: p.maxPerFile ?? 50,
      guarded: p.guarded ? 'always' : SUPERLINEAR.has(p.key) ? guardFrom(SUPERLINEAR.get(p.key)!) : false,
    });
  }
  literalSet.build();
  return [...groups.values()];
}

function unionExtensions(globs: readonly string[]): Set<string> | null {
  const out = new Set<string>();
  for (const g of globs) {
    const e = globExtensions(g);
    if (!e) return null;
    for (const x of e) out.add(x);
  }
  return out;
}

export interface WorkItem {
  path: string;
  compiled: Compiled[];
  keep: boolean;
  digests: Digest<unknown>[];
}

/**
 * The files to read and the patterns to run on each. A path is tested only against the groups
 * that can match its extension (the list per extension is worked out once), not against all.
 */
export function planFiles(
  paths: readonly string[],
  groups: Group[],
  keepTest: PathTest,
  digests: Digest<unknown>[] = [],
): WorkItem[] {
  const byExt = new Map<string, Group[]>();
  const digestTests = digests.map((d) => ({ d, test: anyGlob(d.files) }));
  // Files that match the same groups share one pattern list (a list per file cost ~40 MB at 100k).
  const lists = new Map<string, Compiled[]>();
  const index = new Map(groups.map((g, i) => [g, i]));
  const work: WorkItem[] = [];
  for (const path of paths) {
    const ext = extensionOf(path);
    let candidates = byExt.get(ext);
    if (!candidates) byExt.set(ext, (candidates = groups.filter((g) => !g.exts || g.exts.has(ext))));
    let key = '';
    let hits: Group[] | undefined;
    for (const g of candidates) if (g.test(path)) (key += `${index.get(g)},`), (hits ??= []).push(g);
    let compiled = hits && lists.get(key);
    if (hits && !compiled) lists.set(key, (compiled = hits.flatMap((g) => g.patterns)));
    const k = keepTest(path);
    const ds = digestTests.length ? digestTests.filter((x) => x.test(path)).map((x) => x.d) : [];
    if (compiled || k || ds.length) work.push({ path, compiled: compiled ?? [], keep: k, digests: ds });
  }
  return work;
}

/** Called now and then during the read with files read so far and the total to read. */
export type ScanProgress = (done: number, total: number) => void;

export async function scan(
  files: FileIndex,
  source: FileSource,
  patterns: ScanPattern[],
  keep: string[],
  digests: Digest<unknown>[] = [],
  onProgress?: ScanProgress,
  worker: WorkerMode = 'auto',
): Promise<ScanResult> {
  const groups = compilePatterns(patterns);
  const keepTest = keep.length ? anyGlob(keep) : () => false;
  const matches = new Map<string, Match[]>(patterns.map((p) => [p.key, []]));
  const searched = new Map<string, number>(patterns.map((p) => [p.key, 0]));
  const overruns = new Map<string, Overrun>();

  const work = planFiles(files.paths, groups, keepTest, digests);

  const handle = (item: WorkItem, text: string | undefined) => {
    if (item.keep) files.remember(item.path, text ?? null);
    if (text === undefined) {
      for (const d of item.digests) files.rememberDigest(d.key, item.path, undefined);
      return;
    }
    runPatterns(item.path, text, item.compiled, matches, searched, overruns);
    // The digest is taken now, while the text is in hand; the text itself is dropped. One that
    // throws is left for the rule that asks for it, where the failure is isolated and reported.
    for (const d of item.digests) {
      try {
        files.digest(item.path, d, text);
      } catch {
        /* computed again, and reported, inside the rule */
      }
    }
  };

  const take = (item: WorkItem, r: Buffer | SkipReason) => {
    if (typeof r === 'string') return (files.account(item.path, r), handle(item, undefined));
    const text = decode(r);
    files.account(item.path, text === null ? 'binary' : r.length);
    handle(item, text ?? undefined);
  };

  const pending = work.filter((item) => {
    // Text a fact already read (a manifest) is not read again.
    const cached = files.peek(item.path);
    if (cached === undefined) return true;
    handle(item, cached ?? undefined);
    return false;
  });

  let done = 0;
  const progress = () => {
    // Every 512 files: a progress line costs nothing measurable at that rate.
    if (onProgress && (++done & 511) === 0) onProgress(done, pending.length);
  };

  // A digest may read a file ahead of the scan (FileIndex.digest); the scanner then takes that
  // text instead of reading the file again.
  const ahead = (item: WorkItem) => {
    const held = files.peek(item.path);
    if (held === undefined) return false;
    handle(item, held ?? undefined);
    files.release(item.path);
    return true;
  };
  let offloaded = 0;
  files.scanning = true;
  try {
    if ('readBytesAsync' in source) {
      const disk = source as AsyncSource;
      // Files only patterns look at may be decoded and matched on a second thread (offload.ts).
      const patternOnly = (i: WorkItem) => !i.keep && i.digests.length === 0 && i.compiled.length > 0;
      const offload = PatternOffload.start<WorkItem>(
        worker,
        pending.reduce((n, i) => n + (patternOnly(i) ? 1 : 0), 0),
        patterns,
        (returned, found, buffers, over) => {
          offloaded += returned.length;
          for (const [key, o] of over) if (!overruns.has(key)) overruns.set(key, o);
          for (const { item, bytes, binary } of returned) {
            files.account(item.path, binary ? 'binary' : bytes);
            if (!binary) for (const c of item.compiled) searched.set(c.key, searched.get(c.key)! + 1);
          }
          for (const [key, list] of found) for (const m of list) matches.get(key)!.push(m);
          for (const b of buffers) disk.recycle?.(b);
        },
        // The worker died (it should not): its files are read and scanned here.
        (lost) => lost.forEach((item) => take(item, source.readBytes(item.path, files.maxFileBytes))),
      );
      const onRead = (item: WorkItem, r: Buffer | SkipReason): boolean => {
        progress();
        if (offload?.alive && typeof r !== 'string' && patternOnly(item))
          return offload.send(item, r, item.compiled, () => item.compiled.map((c) => c.key));
        take(item, r);
        return false;
      };
      try {
        // Files kept whole first: a digest may need one of them (a chart's values.yaml for its
        // templates), and it must be in hand, not in flight, when that digest runs.
        const kept = pending.filter((i) => i.keep);
        await readAll(disk, kept, files.maxFileBytes, onRead, ahead, offload);
        await readAll(
          disk,
          kept.length ? pending.filter((i) => !i.keep) : pending,
          files.maxFileBytes,
          onRead,
          ahead,
          offload,
        );
      } finally {
        await offload?.stop();
      }
    } else {
      for (const item of pending)
        if (!ahead(item)) progress(), take(item, source.readBytes(item.path, files.maxFileBytes));
    }
  } finally {
    files.scanning = false;
  }
  for (const list of matches.values())
    list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  return { matches, searched, offloaded, overruns };
}

/**
 * Reads the items and settles when every read is handled — including the files handed to the
 * offload worker, which also hold back new reads while too many are with it.
 *
 * Warm or cold, decided as it goes (DESIGN §9): on a cached tree a synchronous read beats the
 * callback API (no thread-pool round trip per call); from disk, many reads in flight win by 2–3×.
 * So files are read synchronously while a read averages under SLOW_READ_MS over a window, and
 * with the callback API (IN_FLIGHT at a time) for the next span of files when it does not, then
 * the cache is tried again.
 */
async function readAll<T extends { path: string }>(
  source: AsyncSource,
  items: T[],
  maxBytes: number,
  onRead: (item: T, r: Buffer | SkipReason) => boolean,
  ahead: (item: T) => boolean,
  offload?: PatternOffload<T>,
): Promise<void> {
  let next = 0;
  let span = ASYNC_SPAN;
  const room = () => (offload?.pending ?? 0) < MAX_WITH_WORKER;
  while (next < items.length) {
    if (source.readBytesLent) {
      let spent = 0;
      let counted = 0;
      let slow = false;
      let warm = false;
      while (next < items.length && !slow) {
        const item = items[next++]!;
        if (ahead(item)) continue;
        const t0 = performance.now();
        source.readBytesLent(item.path, maxBytes, (r) => ((spent += performance.now() - t0), onRead(item, r)));
        // A window that has already spent its budget is cold: a probe of a cold tree stays short.
        slow = spent > SLOW_READ_MS * WINDOW;
        if (++counted === WINDOW) {
          if (!slow) warm = true;
          spent = counted = 0;
          // Let the worker's results (and a progress line) in; wait while too much is with it.
          await new Promise<void>((resolve) => setImmediate(resolve));
          while (!room()) await new Promise<void>((resolve) => offload!.onSettle(resolve));
          offload?.onSettle(undefined);
        }
      }
      if (!slow) break;
      // Cold again right after a warm window: start over with a short span; cold twice: longer.
      span = warm ? ASYNC_SPAN : Math.min(span * 2, ASYNC_SPAN * 8);
    }
    next = await readAsync(
      source,
      items,
      next,
      source.readBytesLent ? Math.min(items.length, next + span) : items.length,
      maxBytes,
      onRead,
      ahead,
      offload,
    );
  }
  while (offload && offload.pending > 0) {
    offload.flush();
    await new Promise<void>((resolve) => offload.onSettle(resolve));
  }
  offload?.onSettle(undefined);
}

/** Files read to judge the cache, and the mean read time above which reads are going to disk. */
const WINDOW = 64;
const SLOW_READ_MS = 0.1;
/** Files read with the callback API after a cold window (doubling while the tree stays cold). */
const ASYNC_SPAN = 2048;

/** Reads items[from, to) with the callback API, IN_FLIGHT at a time; resolves with `to`. */
function readAsync<T extends { path: string }>(
  source: AsyncSource,
  items: T[],
  from: number,
  to: number,
  maxBytes: number,
  onRead: (item: T, r: Buffer | SkipReason) => boolean,
  ahead: (item: T) => boolean,
  offload?: PatternOffload<T>,
): Promise<number> {
  return new Promise((resolve) => {
    let next = from;
    let active = 0;
    let settled = false;
    const pump = () => {
      if (settled) return;
      while (active < IN_FLIGHT && next < to && (offload?.pending ?? 0) < MAX_WITH_WORKER) {
        const item = items[next++]!;
        if (ahead(item)) continue;
        active++;
        source.readBytesAsync(item.path, maxBytes, (r) => {
          active--;
          const kept = onRead(item, r);
          pump();
          return kept;
        });
      }
      if (next >= to && active === 0) {
        settled = true;
        offload?.onSettle(undefined);
        resolve(to);
      }
    };
    // Results coming back make room for more reads.
    offload?.onSettle(pump);
    pump();
  });
}

export function runPatterns(
  path: string,
  text: string,
  compiled: Compiled[],
  matches: Map<string, Match[]>,
  searched: Map<string, number>,
  overruns: Map<string, Overrun> = new Map(),
): void {
  let lower: string | undefined;
  const lowered = () => (lower ??= text.toLowerCase());
  let found: Found | undefined;
  let lineStarts: number[] | undefined;
  const measured = text.length >= MEASURE_FROM;
  for (const c of compiled) {
    // A pattern that overran on an earlier file is not run again: one budget per pattern, not per file.
    if (overruns.has(c.key)) continue;
    searched.set(c.key, (searched.get(c.key) ?? 0) + 1);
    if (c.literalIds) {
      const set = c.literalSet!;
      const f = (found ??= set.scan(text));
      if (!c.literalIds.some((id) => set.present(f, id, text, lowered))) continue;
    } else if (c.literals) {
      const hay = c.lowerLiterals ? lowered() : text;
      if (!c.literals.some((l) => hay.includes(l))) continue;
    }
    const out = matches.get(c.key)!;
    const record = (m: RegExpExecArray) => {
      lineStarts ??= computeLines(text);
      // A pattern like /^\s*resource/m may start on a blank line above: cite the first real character.
      const lead = m[0].search(/\S/);
      const line = lineIndexAt(lineStarts, m.index + Math.max(lead, 0));
      const start = lineStarts[line]!;
      const end = text.indexOf('\n', start);
      out.push({
        path,
        line: line + 1,
        snippet: snippetOf(text.slice(start, end === -1 ? undefined : end)),
        groups: m.slice(1).map((g) => (g === undefined ? g : detach(g))),
      });
    };
    if (c.guarded === 'always' || (c.guarded !== false && text.length >= c.guarded)) {
      try {
        withTimeLimit(() => execAll(c, text, record, Number.POSITIVE_INFINITY), PATTERN_BUDGET_MS);
      } catch (err) {
        if (!(err instanceof TimeLimitError)) throw err;
        overruns.set(c.key, { path, budgetMs: PATTERN_BUDGET_MS });
      }
    } else if (!execAll(c, text, record, measured ? performance.now() + PATTERN_BUDGET_MS : Number.POSITIVE_INFINITY))
      overruns.set(c.key, { path, budgetMs: PATTERN_BUDGET_MS });
  }
}

/** Runs one pattern over the text; false when it passed `deadline` (a performance.now() time). */
function execAll(c: Compiled, text: string, record: (m: RegExpExecArray) => void, deadline: number): boolean {
  c.regex.lastIndex = c.endOnly ? text.length : 0;
  let n = 0;
  let m: RegExpExecArray | null;
  while (n < c.maxPerFile && (m = c.regex.exec(text)) !== null) {
    if (m[0].length === 0) c.regex.lastIndex++;
    record(m);
    n++;
    if (deadline !== Number.POSITIVE_INFINITY && performance.now() > deadline) return false;
  }
  return deadline === Number.POSITIVE_INFINITY || performance.now() <= deadline;
}

export function snippetOf(line: string): string {
  const t = line.replace(/\r$/, '').trim();
  // A copy: a slice would keep the whole file's text alive as long as the match.
  return detach(t.length > SNIPPET_MAX ? `${t.slice(0, SNIPPET_MAX - 1)}…` : t);
}
