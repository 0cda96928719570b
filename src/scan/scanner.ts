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
import { ListingView, localDigest, restorePrototypes, sharePath } from './local.js';
import {
  compilePatterns,
  EndMatches,
  GuardedQueue,
  NO_GROUPS,
  prebuiltOf,
  runPatterns,
  type Compiled,
  type Group,
  type MatchList,
  type Overrun,
  type Prebuilt,
  type ScanPattern,
} from './patterns.js';
import { readPrebuilt, writePrebuilt } from './pattern-cache.js';
import { PathPlan } from './plan.js';
import { DOCKERFILE_GLOB, misnamedDockerfile } from '../walk/dockerfile-names.js';
import { anyGlob } from '../walk/glob.js';
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

/** What every file of one shape gets: the patterns run on it, whether its text is kept whole, its digests. */
export interface Shape {
  compiled: Compiled[];
  keep: boolean;
  digests: Digest<unknown>[];
}

/**
 * The files to read, in listing order, as parallel arrays: each file's position in the listing and
 * its shape (files with the same patterns, digests and keep flag share one). An object per file,
 * held through the whole scan, was ~8 MB at 100k files (88k objects with their property arrays).
 */
export interface FilePlan {
  at: Int32Array;
  shape: Int32Array;
  shapes: Shape[];
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
): FilePlan {
  const keepId = groups.length;
  const plan = new PathPlan([...groups.map((g) => g.globs), keep, ...digests.map((d) => d.files)]);
  // Files that match the same groups share one shape (a list per file cost ~40 MB at 100k).
  const ids = new Map<readonly number[], number>();
  const shapes: Shape[] = [];
  const at = new Int32Array(paths.length);
  const shape = new Int32Array(paths.length);
  let n = 0;
  for (let j = 0; j < paths.length; j++) {
    const hit = plan.targetsFor(paths[j]!);
    let id = ids.get(hit);
    if (id === undefined) {
      const compiled = hit.filter((t) => t < keepId).flatMap((t) => groups[t]!.patterns);
      const k = hit.includes(keepId);
      const ds = hit.filter((t) => t > keepId).map((t) => digests[t - keepId - 1]!);
      // A file only `alongside` digests cover is not read for them (types.ts: Digest.alongside).
      id =
        compiled.length || k || ds.some((d) => !d.alongside) ? shapes.push({ compiled, keep: k, digests: ds }) - 1 : -1;
      ids.set(hit, id);
    }
    if (id >= 0) (at[n] = j), (shape[n++] = id);
  }
  return { at: at.slice(0, n), shape: shape.slice(0, n), shapes };
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
  // A small tree checks literals one by one (see LiteralMode); a large one builds the automaton,
  // or reads the one an earlier run built for the same patterns (pattern-cache.ts).
  const automaton = files.paths.length >= AUTOMATON_MIN_FILES;
  const kept = automaton ? readPrebuilt(patterns) : {};
  const groups = compilePatterns(
    patterns,
    automaton ? { kind: 'automaton', ...(kept.prebuilt ? { prebuilt: kept.prebuilt } : {}) } : { kind: 'plain' },
  );
  if (kept.file && !kept.prebuilt) writePrebuilt(kept.file, prebuiltOf(groups));
  // A pattern that matches only at the text's end, once per file, keeps columns until the workers
  // have exited (EndMatches); the rest, Match objects.
  const endOnly = new Set(
    groups.flatMap((g) => g.patterns.filter((c) => c.endOnly && c.guarded === false).map((c) => c.key)),
  );
  const matches = new Map<string, MatchList>(patterns.map((p) => [p.key, endOnly.has(p.key) ? new EndMatches() : []]));
  const searched = new Map<string, number>(patterns.map((p) => [p.key, 0]));
  const overruns = new Map<string, Overrun>();
  const guardedQueue = new GuardedQueue(overruns);
  const plan = planFiles(files.paths, groups, keep, digests);
  const { shapes } = plan;

  // The one-by-one order: files already read, files kept whole, the rest. Position in this order →
  // the file's position in the listing, and its shape.
  const total = plan.at.length;
  const orderAt = new Int32Array(total);
  const orderShape = new Int32Array(total);
  const group = new Uint8Array(total);
  const counts = [0, 0, 0];
  for (let n = 0; n < total; n++) {
    const g = files.peek(files.paths[plan.at[n]!]!) !== undefined ? 0 : shapes[plan.shape[n]!]!.keep ? 1 : 2;
    group[n] = g;
    counts[g]!++;
  }
  const fill = [0, counts[0]!, counts[0]! + counts[1]!];
  for (let n = 0; n < total; n++) {
    const pos = fill[group[n]!]!++;
    orderAt[pos] = plan.at[n]!;
    orderShape[pos] = plan.shape[n]!;
  }
  const cachedCount = counts[0]!;
  const first = cachedCount + counts[1]!;
  const restCount = total - first;
  const pathAt = (pos: number) => files.paths[orderAt[pos]!]!;
  const shapeAt = (pos: number) => shapes[orderShape[pos]!]!;

  let done = 0;
  const progress = () => {
    // Every 512 files: a progress line costs nothing measurable at that rate.
    if (onProgress && (++done & 511) === 0) onProgress(done, total);
  };
  const view = new ListingView(files);
  /** Readable files scanned, per shape: each of the shape's patterns searched them. */
  const scannedShapes: number[] = [];
  /** Digests to replay, by position in `order`, with the text they were refused. */
  const replay = new Map<number, { text: string; digests: Digest<unknown>[] }>();

  const handle = (pos: number, text: string | undefined) => {
    const item = shapeAt(pos);
    const path = pathAt(pos);
    if (item.keep) files.remember(path, text ?? null);
    if (text === undefined) {
      for (const d of item.digests) files.rememberDigest(d.key, path, undefined);
      return;
    }
    runPatterns(path, text, item.compiled, matches, undefined, overruns, guardedQueue);
    const shape = orderShape[pos]!;
    scannedShapes[shape] = (scannedShapes[shape] ?? 0) + 1;
    const later: Digest<unknown>[] = [];
    for (const d of item.digests) {
      if (files.digested(d.key, path)) continue;
      const got = localDigest(d, path, text, view);
      // One that throws is left for the rule that asks for it, where the failure is reported.
      if (got.ok) files.rememberDigest(d.key, path, got.value);
      else if (!got.threw) later.push(d);
    }
    // Digests another file's digest asked for (a test helper module's, for its importers): taken
    // now, while the text is here. A worker's files are not asked here: replay reads those again.
    const asked = view.asked.get(path);
    if (asked) {
      view.asked.delete(path);
      for (const d of asked) {
        if (files.digested(d.key, path)) continue;
        const got = localDigest(d, path, text, view);
        if (got.ok) files.rememberDigest(d.key, path, got.value);
      }
    }
    if (later.length > 0) replay.set(pos, { text, digests: later });
  };
  const take = (pos: number, r: Buffer | SkipReason) => {
    progress();
    const path = pathAt(pos);
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
    const reported = new Uint8Array(restCount);
    const adopters = new Map(digests.flatMap((d) => (d.adopt ? [[d.key, d.adopt.bind(d)] as const] : [])));
    const onBatch = (b: Batch) => {
      offloaded += b.done.length;
      // A worker's matches name their file with a copy of its path: each takes the listing's own
      // string instead (one copy of each path kept, ~2 MB at 100k files), and the frozen empty
      // groups array when it has none, as the main thread's matches do.
      const listed = new Map<string, string>();
      b.done.forEach((i, n) => {
        reported[i] = 1;
        progress();
        const path = pathAt(first + i);
        const shape = orderShape[first + i]!;
        listed.set(path, path);
        const size = b.sizes[n]!;
        files.account(path, size);
        if (typeof size === 'number') scannedShapes[shape] = (scannedShapes[shape] ?? 0) + 1;
        else for (const d of shapes[shape]!.digests) files.rememberDigest(d.key, path, undefined);
      });
      // Each match made again as the main thread makes it: a cloned object holds its fields outside
      // itself (a property array, ~45 bytes more a match: 5 MB of the heap at 300k files).
      for (const [key, list] of b.matches) {
        const into = matches.get(key)!;
        if (!Array.isArray(into)) {
          for (const m of list) into.add(listed.get(m.path) ?? m.path, m.line, m.snippet);
          continue;
        }
        for (const m of list)
          into.push({
            path: listed.get(m.path) ?? m.path,
            line: m.line,
            snippet: m.snippet,
            groups: m.groups.length === 0 ? NO_GROUPS : m.groups,
          });
      }
      for (const [key, o] of b.overruns) if (!overruns.has(key)) overruns.set(key, o);
      for (const [i, key, value, nulls] of b.digests) {
        const path = pathAt(first + i);
        const cloned = sharePath(restorePrototypes(value, nulls), path);
        const adopt = adopters.get(key);
        files.rememberDigest(key, path, adopt ? adopt(cloned) : cloned);
      }
      for (const [i, text, keys] of b.replay)
        replay.set(first + i, { text, digests: shapeAt(first + i).digests.filter((d) => keys.includes(d.key)) });
    };
    const threads = disk ? (warm ?? ScanPool.prewarm(worker, files.paths.length)) : undefined;
    const pool = disk
      ? await startPool(
          threads,
          worker,
          disk,
          files,
          patterns,
          prebuiltOf(groups),
          { at: orderAt.subarray(first), shape: orderShape.subarray(first), shapes },
          onBatch,
        )
      : undefined;
    if (!pool) ScanPool.discard(threads);

    for (let pos = 0; pos < cachedCount; pos++) progress(), handle(pos, files.peek(pathAt(pos)) ?? undefined);
    // Files kept whole: on this thread, which keeps their texts.
    let k = cachedCount;
    await readFrom(disk, source, files, pathAt, () => (k < first ? k++ : -1), take);
    let r = 0;
    const next = pool
      ? () => {
          const i = pool.next();
          if (i >= 0) reported[i] = 1;
          return i < 0 ? -1 : first + i;
        }
      : () => (r < restCount ? first + r++ : -1);
    await readFrom(disk, source, files, pathAt, next, take);
    if (pool) {
      await pool.finish();
      // Files a worker took and never reported (it died): read here.
      let lost = 0;
      const nextLost = () => {
        while (lost < restCount && reported[lost]) lost++;
        return lost < restCount ? first + lost++ : -1;
      };
      await readFrom(disk, source, files, pathAt, nextLost, take);
    }

    guardedQueue.flush();
    replayInOrder(files, pathAt, orderAt, replay, view.asked);
  } finally {
    files.scanning = false;
    files.replay = undefined;
  }
  scannedShapes.forEach((n, shape) => {
    for (const c of shapes[shape]!.compiled) searched.set(c.key, searched.get(c.key)! + n);
  });
  // The workers have exited (pool.finish): their isolates' memory is gone, and the columns can be
  // matches now.
  const lists = new Map<string, Match[]>();
  const misnamed = misnamedDockerfileFilters(patterns);
  for (const [key, list] of matches) {
    let all = Array.isArray(list) ? list : list.toMatches();
    const keep = misnamed.get(key);
    if (keep && all.some((m) => misnamedDockerfile(m.path))) all = all.filter((m) => keep(m.path));
    lists.set(
      key,
      all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line)),
    );
  }
  return { matches: lists, searched, offloaded, overruns };
}

/** Reads the files `next` hands out with the disk's adaptive reader, or synchronously from memory. */
async function readFrom(
  disk: AsyncSource | undefined,
  source: FileSource,
  files: FileIndex,
  pathAt: (pos: number) => string,
  next: () => number,
  take: (pos: number, r: Buffer | SkipReason) => void,
): Promise<void> {
  if (disk) return readAll(disk, pathAt, next, files.maxFileBytes, take);
  for (let pos = next(); pos >= 0; pos = next()) take(pos, source.readBytes(pathAt(pos), files.maxFileBytes));
}

async function startPool(
  threads: Worker[] | undefined,
  mode: WorkerMode,
  disk: AsyncSource,
  files: FileIndex,
  patterns: ScanPattern[],
  prebuilt: Prebuilt | undefined,
  rest: FilePlan,
  onBatch: (b: Batch) => void,
): Promise<ScanPool | undefined> {
  if (!threads || rest.at.length === 0 || !('root' in disk)) return undefined;
  const used: Shape[] = [];
  for (const id of rest.shape) used[id] ??= rest.shapes[id]!;
  const portable = await portableKeys([...new Set(used.flatMap((s) => s?.digests ?? []))]);
  const shapeDefs = used.map((s) => ({
    patterns: s.compiled.map((c) => c.key),
    digests: s.digests.map((d) => d.key),
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
      listing,
      items: rest.at.slice(),
      shapes: rest.shape.slice(),
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
  pathAt: (pos: number) => string,
  orderAt: Int32Array,
  replay: Map<number, { text: string; digests: Digest<unknown>[] }>,
  asked: Map<string, Digest<unknown>[]>,
): void {
  if (replay.size === 0) return;
  const positions = [...replay.keys()].sort((a, b) => a - b);
  const texts = new Map<string, string | null>();
  for (const pos of positions) texts.set(pathAt(pos), replay.get(pos)!.text);
  // Listing position → position in the scan order (-1: not scanned).
  const posOf = new Int32Array(files.paths.length).fill(-1);
  orderAt.forEach((j, pos) => {
    posOf[j] = pos;
  });
  let current = -1;
  files.replay = {
    texts,
    uncounted: (path) => {
      const j = files.position(path);
      return (j < 0 ? -1 : posOf[j]!) > current;
    },
  };
  for (const pos of positions) {
    current = pos;
    const path = pathAt(pos);
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

/**
 * For each pattern that reaches files through Dockerfile globs (`**\/Dockerfile.*`): which of its
 * matches to keep. A file that only carries the word (`Dockerfile.md`, `Dockerfile.kt`) is prose or
 * code about Dockerfiles, and the globs cannot say "not Markdown": its matches go, unless another of
 * the pattern's globs (`**\/*.sh`) asks for that file too.
 */
function misnamedDockerfileFilters(patterns: readonly ScanPattern[]): Map<string, (path: string) => boolean> {
  const out = new Map<string, (path: string) => boolean>();
  for (const p of patterns) {
    if (!p.files.some((g) => DOCKERFILE_GLOB.test(g))) continue;
    const other = anyGlob(p.files.filter((g) => !DOCKERFILE_GLOB.test(g)));
    out.set(p.key, (path) => !misnamedDockerfile(path) || other(path));
  }
  return out;
}
