/**
 * The one-pass scanner (DESIGN §2). Every rule declares its content patterns; the scanner reads
 * each candidate file once, runs only the patterns whose globs cover that file, behind a cheap
 * literal pre-filter, and records matches (path, line, snippet). Nothing but matches and digests
 * is kept, except the text of files some rule parses whole (`reads` globs), handed to the FileIndex.
 *
 * Order of work, and why the result is the same on any number of threads:
 * 1. Files whose text a fact already read, then files kept whole: on the main thread, which keeps
 *    their texts. 2. Every other file, shared out between the main thread and worker threads
 *    (pool.ts). In both, digests are taken from the file's own text and the listing only
 *    (local.ts). 3. The digests that asked for other files are replayed on the main thread, in
 *    the order a one-by-one scan would have taken them (cached, kept, rest), with every other
 *    file already read: the FileIndex hands them the texts held for them, and does not count a
 *    second read of a file a one-by-one scan would have read only at that point.
 */
import type { Match } from '../types.js';
import { decode, type Digest, type FileIndex, type FileSource, type SkipReason } from '../walk/file-index.js';
import { ListingView, localDigest, restorePrototypes } from './local.js';
import {
  compilePatterns,
  GuardedQueue,
  NO_GROUPS,
  prebuiltOf,
  runPatterns,
  type Compiled,
  type Group,
  type Overrun,
  type Prebuilt,
  type ScanPattern,
} from './patterns.js';
import { PathPlan } from './plan.js';
import { ScanPool, shareListing, type Batch, type WorkerMode } from './pool.js';
import { portableKeys } from './portable.js';
import { isAsyncSource, readAll, type AsyncSource } from './read.js';
import type { Worker } from 'node:worker_threads';

export type { Overrun, ScanPattern } from './patterns.js';
export { compilePatterns, PATTERN_BUDGET_MS, runPatterns } from './patterns.js';

export interface ScanResult {
  matches: Map<string, Match[]>;
  /** How many readable files each pattern was run against (for "searched N files" evidence). */
  searched: Map<string, number>;
  /** Files scanned on worker threads (see pool.ts). */
  offloaded: number;
  /**
   * Patterns that ran past their time budget on a file (patterns.ts), with the first such file
   * reported; they were run on no further file of the thread that stopped them.
   */
  overruns: Map<string, Overrun>;
}

export interface WorkItem {
  path: string;
  /** Position in the listing. */
  at: number;
  /** Items with the same patterns, digests and keep flag share one shape (an id, and the lists). */
  shape: number;
  compiled: Compiled[];
  keep: boolean;
  digests: Digest<unknown>[];
}

/**
 * The files to read and the patterns to run on each: every path's pattern groups, whether it is
 * kept whole and its digests, decided per extension (plan.ts) rather than per path and glob.
 */
export function planFiles(
  paths: readonly string[],
  groups: Group[],
  keep: readonly string[],
  digests: Digest<unknown>[] = [],
): WorkItem[] {
  const keepId = groups.length;
  const plan = new PathPlan([...groups.map((g) => g.globs), keep, ...digests.map((d) => d.files)]);
  // Files that match the same groups share one item template (a list per file cost ~40 MB at 100k).
  const shapes = new Map<readonly number[], Omit<WorkItem, 'path' | 'at'> | null>();
  const work: WorkItem[] = [];
  for (let at = 0; at < paths.length; at++) {
    const path = paths[at]!;
    const hit = plan.targetsFor(path);
    let shape = shapes.get(hit);
    if (shape === undefined) {
      const compiled = hit.filter((t) => t < keepId).flatMap((t) => groups[t]!.patterns);
      const k = hit.includes(keepId);
      const ds = hit.filter((t) => t > keepId).map((t) => digests[t - keepId - 1]!);
      shape = compiled.length || k || ds.length ? { shape: shapes.size, compiled, keep: k, digests: ds } : null;
      shapes.set(hit, shape);
    }
    if (shape) work.push({ path, at, ...shape });
  }
  return work;
}

/** From this many listed files on, one automaton for all literals pays for its build. */
const AUTOMATON_MIN_FILES = 2000;

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
  /** Worker threads started ahead (ScanPool.prewarm); started here when not given. */
  warm?: Worker[],
): Promise<ScanResult> {
  // A small tree checks literals one by one (see LiteralMode); a large one builds the automaton.
  const groups = compilePatterns(patterns, { kind: files.paths.length >= AUTOMATON_MIN_FILES ? 'automaton' : 'plain' });
  const matches = new Map<string, Match[]>(patterns.map((p) => [p.key, []]));
  const searched = new Map<string, number>(patterns.map((p) => [p.key, 0]));
  const overruns = new Map<string, Overrun>();
  const guardedQueue = new GuardedQueue(overruns);
  const work = planFiles(files.paths, groups, keep, digests);

  // The one-by-one order: files already read, files kept whole, the rest.
  const cached: WorkItem[] = [];
  const kept: WorkItem[] = [];
  const rest: WorkItem[] = [];
  for (const item of work) (files.peek(item.path) !== undefined ? cached : item.keep ? kept : rest).push(item);
  const order = [...cached, ...kept, ...rest];
  const first = cached.length + kept.length;

  let done = 0;
  const progress = () => {
    // Every 512 files: a progress line costs nothing measurable at that rate.
    if (onProgress && (++done & 511) === 0) onProgress(done, order.length);
  };
  const view = new ListingView(files);
  /** Readable files scanned, per shape: each of the shape's patterns searched them. */
  const scannedShapes: number[] = [];
  /** Digests to replay, by position in `order`, with the text they were refused. */
  const replay = new Map<number, { text: string; digests: Digest<unknown>[] }>();

  const handle = (pos: number, text: string | undefined) => {
    const item = order[pos]!;
    if (item.keep) files.remember(item.path, text ?? null);
    if (text === undefined) {
      for (const d of item.digests) files.rememberDigest(d.key, item.path, undefined);
      return;
    }
    runPatterns(item.path, text, item.compiled, matches, undefined, overruns, guardedQueue);
    scannedShapes[item.shape] = (scannedShapes[item.shape] ?? 0) + 1;
    const later: Digest<unknown>[] = [];
    for (const d of item.digests) {
      if (files.digested(d.key, item.path)) continue;
      const got = localDigest(d, item.path, text, view);
      // One that throws is left for the rule that asks for it, where the failure is reported.
      if (got.ok) files.rememberDigest(d.key, item.path, got.value);
      else if (!got.threw) later.push(d);
    }
    // Digests another file's digest asked for (a test helper module's, for its importers): taken
    // now, while the text is here. A worker's files are not asked here: replay reads those again.
    const asked = view.asked.get(item.path);
    if (asked) {
      view.asked.delete(item.path);
      for (const d of asked) {
        if (files.digested(d.key, item.path)) continue;
        const got = localDigest(d, item.path, text, view);
        if (got.ok) files.rememberDigest(d.key, item.path, got.value);
      }
    }
    if (later.length > 0) replay.set(pos, { text, digests: later });
  };
  const take = (pos: number, r: Buffer | SkipReason) => {
    progress();
    const path = order[pos]!.path;
    if (typeof r === 'string') return (files.account(path, r), handle(pos, undefined));
    const text = decode(r);
    files.account(path, text === null ? 'binary' : r.length);
    handle(pos, text ?? undefined);
  };

  let offloaded = 0;
  files.scanning = true;
  try {
    const disk = isAsyncSource(source) ? source : undefined;
    // The rest, shared with worker threads when the tree is large enough; they start at once.
    const reported = new Uint8Array(rest.length);
    const onBatch = (b: Batch) => {
      offloaded += b.done.length;
      // A worker's matches name their file with a copy of its path: each takes the listing's own
      // string instead (one copy of each path kept, ~2 MB at 100k files), and the frozen empty
      // groups array when it has none, as the main thread's matches do.
      const listed = new Map<string, string>();
      b.done.forEach((i, n) => {
        reported[i] = 1;
        progress();
        const item = order[first + i]!;
        listed.set(item.path, item.path);
        const size = b.sizes[n]!;
        files.account(item.path, size);
        if (typeof size === 'number') scannedShapes[item.shape] = (scannedShapes[item.shape] ?? 0) + 1;
        else for (const d of item.digests) files.rememberDigest(d.key, item.path, undefined);
      });
      for (const [key, list] of b.matches) {
        const into = matches.get(key)!;
        for (const m of list) {
          m.path = listed.get(m.path) ?? m.path;
          if (m.groups.length === 0) m.groups = NO_GROUPS;
          into.push(m);
        }
      }
      for (const [key, o] of b.overruns) if (!overruns.has(key)) overruns.set(key, o);
      for (const [i, key, value, nulls] of b.digests)
        files.rememberDigest(key, order[first + i]!.path, restorePrototypes(value, nulls));
      for (const [i, text, keys] of b.replay)
        replay.set(first + i, { text, digests: order[first + i]!.digests.filter((d) => keys.includes(d.key)) });
    };
    const threads = disk ? (warm ?? ScanPool.prewarm(worker, files.paths.length)) : undefined;
    const pool = disk
      ? await startPool(threads, worker, disk, files, patterns, prebuiltOf(groups), rest, onBatch)
      : undefined;
    if (!pool) ScanPool.discard(threads);

    for (let pos = 0; pos < cached.length; pos++) progress(), handle(pos, files.peek(order[pos]!.path) ?? undefined);
    // Files kept whole: on this thread, which keeps their texts.
    let k = cached.length;
    await readFrom(disk, source, files, order, () => (k < first ? k++ : -1), take);
    let r = 0;
    const next = pool
      ? () => {
          const i = pool.next();
          if (i >= 0) reported[i] = 1;
          return i < 0 ? -1 : first + i;
        }
      : () => (r < rest.length ? first + r++ : -1);
    await readFrom(disk, source, files, order, next, take);
    if (pool) {
      await pool.finish();
      // Files a worker took and never reported (it died): read here.
      let lost = 0;
      const nextLost = () => {
        while (lost < rest.length && reported[lost]) lost++;
        return lost < rest.length ? first + lost++ : -1;
      };
      await readFrom(disk, source, files, order, nextLost, take);
    }

    guardedQueue.flush();
    replayInOrder(files, order, replay, view.asked);
  } finally {
    files.scanning = false;
    files.replay = undefined;
  }
  const compiledOf: Compiled[][] = [];
  for (const item of order) compiledOf[item.shape] ??= item.compiled;
  scannedShapes.forEach((n, shape) => {
    for (const c of compiledOf[shape]!) searched.set(c.key, searched.get(c.key)! + n);
  });
  for (const list of matches.values())
    list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  return { matches, searched, offloaded, overruns };
}

/** Reads the files `next` hands out with the disk's adaptive reader, or synchronously from memory. */
async function readFrom(
  disk: AsyncSource | undefined,
  source: FileSource,
  files: FileIndex,
  order: WorkItem[],
  next: () => number,
  take: (pos: number, r: Buffer | SkipReason) => void,
): Promise<void> {
  if (disk) return readAll(disk, (pos) => order[pos]!.path, next, files.maxFileBytes, take);
  for (let pos = next(); pos >= 0; pos = next()) take(pos, source.readBytes(order[pos]!.path, files.maxFileBytes));
}

async function startPool(
  threads: Worker[] | undefined,
  mode: WorkerMode,
  disk: AsyncSource,
  files: FileIndex,
  patterns: ScanPattern[],
  prebuilt: Prebuilt | undefined,
  rest: WorkItem[],
  onBatch: (b: Batch) => void,
): Promise<ScanPool | undefined> {
  if (!threads || rest.length === 0 || !('root' in disk)) return undefined;
  const firsts: WorkItem[] = [];
  for (const item of rest) firsts[item.shape] ??= item;
  const portable = await portableKeys([...new Set(firsts.flatMap((i) => i?.digests ?? []))]);
  const shapeDefs = firsts.map((item) => ({
    patterns: item.compiled.map((c) => c.key),
    digests: item.digests.map((d) => d.key),
  }));
  for (let id = 0; id < shapeDefs.length; id++) shapeDefs[id] ??= { patterns: [], digests: [] };
  // A digest only the main thread can take (a plugin's) keeps its files there.
  if (shapeDefs.some((s) => s.digests.some((k) => !portable.has(k)))) return undefined;
  const listing = shareListing(files.paths);
  if (!listing) return undefined;
  return ScanPool.start(
    threads,
    mode,
    {
      root: (disk as unknown as { root: string }).root,
      maxFileBytes: files.maxFileBytes,
      patterns,
      ...(prebuilt ? { prebuilt } : {}),
      ...listing,
      items: Int32Array.from(rest, (item) => item.at),
      shapes: Int32Array.from(rest, (item) => item.shape),
      shapeDefs,
    },
    onBatch,
  );
}

/**
 * Step 3 (see the header): digests that asked for other files, taken again in scan order. Each
 * file's text comes from where a one-by-one scan would have had it: held by an earlier replay
 * that read it ahead, or the text kept for this replay.
 */
function replayInOrder(
  files: FileIndex,
  order: WorkItem[],
  replay: Map<number, { text: string; digests: Digest<unknown>[] }>,
  asked: Map<string, Digest<unknown>[]>,
): void {
  if (replay.size === 0) return;
  const positions = [...replay.keys()].sort((a, b) => a - b);
  const texts = new Map<string, string | null>();
  for (const pos of positions) texts.set(order[pos]!.path, replay.get(pos)!.text);
  const posOf = new Map(order.map((item, pos) => [item.path, pos]));
  let current = -1;
  files.replay = { texts, uncounted: (path) => (posOf.get(path) ?? -1) > current };
  for (const pos of positions) {
    current = pos;
    const { path } = order[pos]!;
    let text = files.peek(path) ?? undefined;
    if (text === undefined) {
      text = texts.get(path) ?? undefined;
      texts.delete(path);
    }
    // Then what a file read after this one asked of it (scanner: asked), while the text is here.
    for (const d of [...replay.get(pos)!.digests, ...(asked.get(path) ?? [])]) {
      try {
        if (text !== undefined) files.digest(path, d, text);
      } catch {
        /* computed again, and reported, inside the rule */
      }
    }
    files.release(path);
  }
  files.replay = undefined;
  files.releaseAll();
}
