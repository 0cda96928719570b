/**
 * A scan worker thread (see pool.ts): it takes shared files one at a time, reads each, runs its
 * patterns and takes its digests from its own text and the listing, and posts the results in
 * batches. It never sees a rule: patterns come as data, digests' code is loaded by key
 * (portable.ts), and a digest that needs other files is sent back to be replayed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Match, SkipReason } from '../types.js';
import { renewFlags } from '../util/heap-flags.js';
import { DiskSource } from '../walk/disk-source.js';
import { decode, FileIndex } from '../walk/file-index.js';
import { ListingView, localDigest, nullPrototypes } from './local.js';
import { compilePatterns, GuardedQueue, runPatterns, type Compiled, type Overrun } from './patterns.js';
import { ListingReader, type Batch, type WorkerInput, type WorkerStart } from './pool.js';
import { PORTABLE_KEYS, portableDigest } from './portable.js';
import { readAll } from './read.js';

// This thread's isolate reset the launcher's heap flags for the whole process: set them again first.
renewFlags((workerData as WorkerStart | null)?.v8Flags);
const port = parentPort!;
// Started ahead of the scan (ScanPool.prewarm): load the digests' code now, then wait for the files.
const preloaded = new Map(await Promise.all(PORTABLE_KEYS.map(async (k) => [k, await portableDigest(k)] as const)));
const input = await new Promise<WorkerInput>((resolve) => port.once('message', resolve));
const mode = input.prebuilt ? ({ kind: 'automaton', prebuilt: input.prebuilt } as const) : ({ kind: 'plain' } as const);
const byKey = new Map(compilePatterns(input.patterns, mode).flatMap((g) => g.patterns.map((c) => [c.key, c] as const)));
const loaded = new Map(
  await Promise.all(
    [...new Set(input.shapeDefs.flatMap((s) => s.digests))].map(
      async (k) => [k, (preloaded.get(k) ?? (await portableDigest(k)))!] as const,
    ),
  ),
);
const shapes = input.shapeDefs.map((s) => ({
  compiled: s.patterns.map((k) => byKey.get(k)!) as Compiled[],
  digests: s.digests.map((k) => loaded.get(k)!),
}));
const nothing = {
  readBytes: (): SkipReason => {
    throw new Error('the worker reads shared files only');
  },
};
// The listing stays in shared memory (pool.ts): a path becomes a string when its file is read, and
// the whole listing only when a digest first asks a question of it that the shared bytes do not
// answer. Base names and folders are read off the bytes: at 100k files the JavaScript test digest
// asks for the folder set (resolveModule) and one digest for files by name, and with the whole
// index built for them the worker kept ~9 MB of path strings and tables to the end of the scan.
const listing = new ListingReader(input.listing);
const pathAt = (j: number) => listing.path(j);
let index: FileIndex | undefined;
let folders: Set<string> | undefined;
/** Answers of `named` read off the shared bytes (each a pass over the listing), by case mode and name. */
const named = new Map<string, string[]>();
const whole = () =>
  (index ??= new FileIndex(
    Array.from({ length: listing.size }, (_, j) => pathAt(j)),
    nothing,
    input.maxFileBytes,
  ));
const view = new ListingView({
  get paths() {
    return whole().paths;
  },
  get size() {
    return listing.size;
  },
  maxFileBytes: input.maxFileBytes,
  exists: (path) => whole().exists(path),
  match: (globs) => whole().match(globs),
  has: (globs) => whole().has(globs),
  named: (name, ignoreCase = false) => {
    if (index) return index.named(name, ignoreCase);
    const key = `${ignoreCase ? 'i' : 's'}${name}`;
    let found = named.get(key);
    if (!found) named.set(key, (found = listing.named(name, ignoreCase)));
    return [...found];
  },
  folders: () => (folders ??= listing.folders()),
});
const cursor = new Int32Array(input.cursor);
const shared = input.items.length;
const pathOf = (i: number) => pathAt(input.items[i]!);

let batch: Batch = fresh();
let matches = new Map<string, Match[]>();
// Patterns past their budget on this thread are run on no further file here, and reported once.
const overruns = new Map<string, Overrun>();
const guardedQueue = new GuardedQueue(overruns);
let reported = 0;
function fresh(): Batch {
  return { done: [], sizes: [], matches: [], digests: [], replay: [], overruns: [] };
}
function post(end = false): void {
  // The waiting guarded runs add to this batch's matches (and overruns): run them first.
  guardedQueue.flush();
  batch.matches = [...matches].filter(([, l]) => l.length > 0);
  if (overruns.size > reported) batch.overruns = [...overruns].slice(reported);
  reported = overruns.size;
  if (end) batch.end = true;
  port.postMessage(batch);
  batch = fresh();
  matches = new Map();
}

function onRead(i: number, r: Buffer | SkipReason): void {
  const text = typeof r === 'string' ? undefined : decode(r);
  batch.done.push(i);
  batch.sizes.push(typeof r === 'string' ? r : text === null ? 'binary' : r.length);
  if (typeof text === 'string') {
    const path = pathOf(i);
    const shape = shapes[input.shapes[i]!]!;
    runPatterns(path, text, shape.compiled, matches, undefined, overruns, guardedQueue);
    const later: string[] = [];
    for (const d of shape.digests) {
      const got = localDigest(d, path, text, view);
      const nulls = got.ok ? nullPrototypes(got.value) : undefined;
      if (got.ok && nulls) batch.digests.push([i, d.key, got.value, nulls]);
      else if (got.ok || !got.threw) later.push(d.key);
    }
    if (later.length > 0) batch.replay.push([i, text, later]);
  }
  if (batch.done.length >= 64) post();
}

await readAll(
  new DiskSource(input.root),
  pathOf,
  // A file is claimed first (the main thread claims from the same count), then taken from the front.
  () => (Atomics.add(cursor, 0, 1) < shared ? input.order[Atomics.add(cursor, 1, 1)]! : -1),
  input.maxFileBytes,
  onRead,
);
post(true);
