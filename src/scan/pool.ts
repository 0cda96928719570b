/**
 * Worker threads for the scan (DESIGN §9). The files the scan reads are shared out through one
 * counter in shared memory: the main thread and each worker take the next file, read it, run its
 * patterns and take its digests from its own text (local.ts). Nothing is copied between threads
 * but results: matches, digests, sizes, and the text of a file whose digest must be replayed on
 * the main thread. Each file is read by exactly one thread.
 *
 * Results do not depend on how files were shared out: matches are sorted at the end, digests
 * that read other files are replayed in order (scanner.ts), sizes are summed.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Match, SkipReason } from '../types.js';
import { launcherFlags, renewFlags } from '../util/heap-flags.js';
import type { Overrun, Prebuilt, ScanPattern } from './patterns.js';

/**
 * When the scan uses worker threads: never, always (tests: the workers take every shared file), or
 * for trees with enough files (the main thread takes files too).
 */
export type WorkerMode = 'auto' | 'always' | 'never';

/** Below this many shared files, starting a thread costs more than it saves. */
const AUTO_MIN_FILES = 1500;
const MAX_WORKERS = 3;

export interface WorkerInput {
  root: string;
  maxFileBytes: number;
  patterns: ScanPattern[];
  /** The main thread's literal automaton (absent: literals are checked one by one). */
  prebuilt?: Prebuilt;
  /**
   * Every listed path, UTF-8, one after the other in shared memory, and where each ends: a view of
   * shared memory is cloned as a view of the same memory, so the process holds the listing's bytes
   * once, and a worker makes a string of a path when it reads the file (see shareListing).
   */
  listing: Uint8Array;
  ends: Int32Array;
  /** Per shared file: its position in the listing, and its shape. */
  items: Int32Array;
  shapes: Int32Array;
  /** Per shape: pattern keys, and the keys of the digests the thread takes. */
  shapeDefs: { patterns: string[]; digests: string[] }[];
  cursor: SharedArrayBuffer;
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * The listing in shared memory for the workers (WorkerInput), or undefined when a path would not
 * come back the same from UTF-8 (a lone surrogate: never from git, whose output is decoded from
 * UTF-8); the scan then stays on one thread.
 */
export function shareListing(paths: readonly string[]): { listing: Uint8Array; ends: Int32Array } | undefined {
  let total = 0;
  for (const p of paths) {
    if (LONE_SURROGATE.test(p)) return undefined;
    total += Buffer.byteLength(p);
  }
  const bytes = Buffer.from(new SharedArrayBuffer(total));
  const ends = new Int32Array(new SharedArrayBuffer(4 * paths.length));
  let at = 0;
  for (let j = 0; j < paths.length; j++) ends[j] = at += bytes.write(paths[j]!, at);
  return { listing: new Uint8Array(bytes.buffer), ends };
}

/** The path at position `j` of a shared listing (shareListing). */
export function listedPath(listing: Buffer, ends: Int32Array, j: number): string {
  return listing.toString('utf8', j === 0 ? 0 : ends[j - 1]!, ends[j]!);
}

/** Where the base name of path `j` of a shared listing starts (after its last `/`, an ASCII byte in UTF-8). */
function baseStart(listing: Buffer, ends: Int32Array, j: number): number {
  const from = j === 0 ? 0 : ends[j - 1]!;
  if (ends[j] === from) return from;
  const slash = listing.lastIndexOf(0x2f, ends[j]! - 1);
  return slash >= from ? slash + 1 : from;
}

/**
 * The paths of a shared listing whose base name is `name` (case-insensitive when asked), in listing
 * order: FileIndex.named's answer, without a string per listed path kept (only base names made and dropped).
 */
export function namedIn(listing: Buffer, ends: Int32Array, name: string, ignoreCase = false): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (let j = 0; j < ends.length; j++) {
    const base = listing.toString('utf8', baseStart(listing, ends, j), ends[j]!);
    if (base.toLowerCase() === lower && (ignoreCase || base === name)) out.push(listedPath(listing, ends, j));
  }
  return out;
}

/** The folders that directly hold a path of a shared listing ('' for the root). */
export function foldersIn(listing: Buffer, ends: Int32Array): Set<string> {
  const out = new Set<string>();
  for (let j = 0; j < ends.length; j++) {
    const from = j === 0 ? 0 : ends[j - 1]!;
    out.add(listing.toString('utf8', from, Math.max(from, baseStart(listing, ends, j) - 1)));
  }
  return out;
}

/** What a worker is started with: the launcher's V8 flags, to set again (util/heap-flags.ts). */
export interface WorkerStart {
  v8Flags: string | undefined;
}

/** One batch of results from a worker (indices are positions among the shared files). */
export interface Batch {
  done: number[];
  /** Per file in `done`: bytes read, or why it was not read. */
  sizes: (number | SkipReason)[];
  matches: [string, Match[]][];
  /** Digests taken: file, key, value, null-prototype positions (local.ts). */
  digests: [number, string, unknown, number[]][];
  /** Files with digests to replay on the main thread: file, text, digest keys. */
  replay: [number, string, string[]][];
  /** Patterns that ran past their time budget on this thread since its last batch. */
  overruns: [string, Overrun][];
  end?: boolean;
}

export class ScanPool {
  private readonly cursor: Int32Array;
  private running: number;
  private readonly waiting: (() => void)[] = [];

  /**
   * Worker threads started before the scan knows its files (a thread takes ~0.1 s to start and
   * load its code): they wait for `start`. For trees with enough files, when the mode allows and
   * the worker script is built (not under vitest's sources).
   */
  static prewarm(mode: WorkerMode, listed: number): Worker[] | undefined {
    const cores = availableParallelism();
    if (mode === 'never' || listed === 0) return undefined;
    if (mode === 'auto' && (listed < AUTO_MIN_FILES || cores < 2)) return undefined;
    const script = new URL('./scan-worker.js', import.meta.url);
    if (!existsSync(fileURLToPath(script))) return undefined;
    const count = mode === 'always' ? 1 : Math.min(MAX_WORKERS, cores - 1);
    const workers: Worker[] = [];
    // A worker keeps little (compiled patterns, the listing); its garbage is texts and parse
    // trees, and V8's default young generation let it add ~90 MB to the audit's peak RSS at 100k
    // files. Out of memory, a worker dies and the main thread reads what it left (see scanner.ts).
    // Not holding the process open until the scan uses them: an audit that fails before its
    // scan (a bad --only) still exits.
    const resourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };
    // The launcher's heap flags, which each new isolate resets process-wide (util/heap-flags.ts).
    const workerData: WorkerStart = { v8Flags: launcherFlags() };
    for (let k = 0; k < count; k++) workers.push(new Worker(script, { resourceLimits, workerData }));
    for (const w of workers) w.unref();
    return workers;
  }

  /** Hands the scan's files to prewarmed workers (undefined: none, or the input cannot be sent to them). */
  static start(
    warm: Worker[] | undefined,
    mode: WorkerMode,
    input: Omit<WorkerInput, 'cursor'>,
    onBatch: (b: Batch) => void,
  ): ScanPool | undefined {
    if (!warm) return undefined;
    // The workers have long started (and reset the launcher's flags, see prewarm): set them again.
    renewFlags(launcherFlags());
    const shared = input.items.length;
    const cursor = new SharedArrayBuffer(4);
    try {
      for (const w of warm) w.postMessage({ ...input, cursor }), w.ref();
    } catch {
      for (const w of warm) void w.terminate();
      return undefined; // patterns that cannot be cloned (a plugin's): scan on one thread
    }
    return new ScanPool(warm, new Int32Array(cursor), mode === 'always' ? 0 : shared, onBatch);
  }

  /** Prewarmed workers the scan did not use. */
  static discard(warm: Worker[] | undefined): void {
    for (const w of warm ?? []) void w.terminate();
  }

  private constructor(
    private readonly workers: Worker[],
    cursor: Int32Array,
    /** How many shared files the main thread may take (all, or none under 'always'). */
    private readonly shared: number,
    onBatch: (b: Batch) => void,
  ) {
    this.cursor = cursor;
    this.running = workers.length;
    for (const w of workers) {
      let over = false;
      const stop = () => {
        if (over) return;
        over = true;
        if (--this.running === 0) for (const wake of this.waiting.splice(0)) wake();
      };
      w.on('message', (b: Batch) => {
        onBatch(b);
        if (b.end) stop();
      });
      // A worker that dies leaves its files unreported: the main thread reads them (see unreported).
      w.on('error', stop);
      w.on('exit', stop);
    }
  }

  /** The next shared file for the main thread, or -1. */
  next(): number {
    if (this.shared === 0) return -1;
    const i = Atomics.add(this.cursor, 0, 1);
    return i < this.shared ? i : -1;
  }

  /** Resolves when every worker has sent its last batch (or died). */
  async finish(): Promise<void> {
    if (this.running > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
