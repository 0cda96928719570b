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
import v8 from 'node:v8';
import type { Overrun, Prebuilt, ScanPattern } from './patterns.js';

/**
 * When the scan uses worker threads: never, always (tests: the workers take every shared file), or
 * for trees with enough files (the main thread takes files too).
 */
export type WorkerMode = 'auto' | 'always' | 'never';

/** Below this many shared files, starting a thread costs more than it saves. */
const AUTO_MIN_FILES = 1500;
const MAX_WORKERS = 3;
/**
 * A scan worker's semi-spaces, in MB (its young generation may reach four times this): measured at
 * 100k files, 4 MB took ~1.2 s of CPU off the audit (four alternated pairs, 18.6 -> 17.4 s, peak RSS
 * 170-178 -> 176-179 MiB); 8 MB added ~15 MiB of peak RSS for no clearer gain (docs/performance.md).
 */
const WORKER_SEMI_SPACE_MB = 4;

export interface WorkerInput {
  root: string;
  maxFileBytes: number;
  patterns: ScanPattern[];
  /** The main thread's literal automaton (absent: literals are checked one by one). */
  prebuilt?: Prebuilt;
  /**
   * Every listed path, as folders and base names in shared memory (SharedListing): a view of shared
   * memory is cloned as a view of the same memory, so the process holds the listing's bytes once,
   * and a worker makes a string of a path when it reads the file.
   */
  listing: SharedListing;
  /** Per shared file: its position in the listing, and its shape. */
  items: Int32Array;
  shapes: Int32Array;
  /** Per shape: pattern keys, and the keys of the digests the thread takes. */
  shapeDefs: { patterns: string[]; digests: string[] }[];
  /** The shared files in the order they are taken (takingOrder), in shared memory. */
  order: Int32Array;
  /** Files taken so far, and of those, taken from the front of `order` (by the workers). */
  cursor: SharedArrayBuffer;
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * The listing for the workers, in shared memory: each folder once, and each path as its folder's
 * number and its base name. The paths one after the other were 16.4 MB at 300k generated files (12k
 * folders), resident through the whole scan and its peak; split, 5.5 MB of names and 2.4 MB of numbers.
 */
export interface SharedListing {
  /** Folders ('' for the root), UTF-8, one after the other in order of first appearance, and where each ends. */
  folders: Uint8Array;
  folderEnds: Int32Array;
  /** Per listed path: its folder's number. */
  folder: Int32Array;
  /** Base names, UTF-8, one after the other, and where each path's ends. */
  bases: Uint8Array;
  baseEnds: Int32Array;
}

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

/**
 * The listing in shared memory for the workers (WorkerInput), or undefined when a path would not
 * come back the same from its folder and base name in UTF-8 (a lone surrogate: never from git, whose
 * output is decoded from UTF-8; a path that starts with `/`): the scan then stays on one thread.
 */
export function shareListing(paths: readonly string[]): SharedListing | undefined {
  const ids = new Map<string, number>();
  const folderOf = new Int32Array(shared(4 * paths.length));
  let folderBytes = 0;
  let baseBytes = 0;
  for (let j = 0; j < paths.length; j++) {
    const p = paths[j]!;
    if (LONE_SURROGATE.test(p) || p.startsWith('/')) return undefined;
    const slash = p.lastIndexOf('/');
    const dir = slash < 0 ? '' : p.slice(0, slash);
    let id = ids.get(dir);
    if (id === undefined) {
      ids.set(dir, (id = ids.size));
      folderBytes += Buffer.byteLength(dir);
    }
    folderOf[j] = id;
    baseBytes += Buffer.byteLength(p) - Buffer.byteLength(dir) - (slash < 0 ? 0 : 1);
  }
  const folders = Buffer.from(shared(folderBytes));
  const folderEnds = new Int32Array(shared(4 * ids.size));
  let at = 0;
  let k = 0;
  for (const dir of ids.keys()) folderEnds[k++] = at += folders.write(dir, at);
  const bases = Buffer.from(shared(baseBytes));
  const baseEnds = new Int32Array(shared(4 * paths.length));
  at = 0;
  for (let j = 0; j < paths.length; j++) {
    const p = paths[j]!;
    baseEnds[j] = at += bases.write(p.slice(p.lastIndexOf('/') + 1), at);
  }
  return {
    folders: new Uint8Array(folders.buffer),
    folderEnds,
    folder: folderOf,
    bases: new Uint8Array(bases.buffer),
    baseEnds,
  };
}

/** Reads a shared listing (shareListing): paths, base names and folders, as strings made when asked. */
export class ListingReader {
  private readonly folderBytes: Buffer;
  private readonly baseBytes: Buffer;
  /** Folder names decoded so far, by number (a few thousand, each made once). */
  private readonly folderNames: (string | undefined)[] = [];
  constructor(private readonly listing: SharedListing) {
    const view = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    this.folderBytes = view(listing.folders);
    this.baseBytes = view(listing.bases);
  }

  get size(): number {
    return this.listing.folder.length;
  }

  private folderName(id: number): string {
    let name = this.folderNames[id];
    if (name === undefined) {
      const ends = this.listing.folderEnds;
      this.folderNames[id] = name = this.folderBytes.toString('utf8', id === 0 ? 0 : ends[id - 1]!, ends[id]!);
    }
    return name;
  }

  private base(j: number): string {
    const ends = this.listing.baseEnds;
    return this.baseBytes.toString('utf8', j === 0 ? 0 : ends[j - 1]!, ends[j]!);
  }

  /** The path at position `j` of the listing. */
  path(j: number): string {
    const dir = this.folderName(this.listing.folder[j]!);
    return dir === '' ? this.base(j) : `${dir}/${this.base(j)}`;
  }

  /**
   * The paths whose base name is `name` (case-insensitive when asked), in listing order:
   * FileIndex.named's answer, without a string per listed path kept (only base names made and dropped).
   */
  named(name: string, ignoreCase = false): string[] {
    const lower = name.toLowerCase();
    const out: string[] = [];
    for (let j = 0; j < this.size; j++) {
      const base = this.base(j);
      if (base.toLowerCase() === lower && (ignoreCase || base === name)) out.push(this.path(j));
    }
    return out;
  }

  /** The folders that directly hold a listed path ('' for the root), in order of first appearance. */
  folders(): Set<string> {
    const out = new Set<string>();
    for (let id = 0; id < this.listing.folderEnds.length; id++) out.add(this.folderName(id));
    return out;
  }
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

/**
 * The order the threads take the shared files in: the workers from the front, the main thread from
 * the back, each claim counted first in one shared counter so that the two ends never pass each
 * other. Files with digests are at the front: the digests' code (the YAML and HCL readers, the test
 * files' lexer) then runs, and is compiled and optimised, on the workers alone, where before each
 * thread ran it from cold on its share of them. The order of the files decides nothing else: the
 * results do not depend on which thread took a file (see the header).
 */
export function takingOrder(shapes: Int32Array, defs: readonly { digests: readonly string[] }[]): Int32Array {
  const order = new Int32Array(shared(4 * shapes.length));
  let k = 0;
  for (let i = 0; i < shapes.length; i++) if (defs[shapes[i]!]!.digests.length > 0) order[k++] = i;
  for (let i = 0; i < shapes.length; i++) if (defs[shapes[i]!]!.digests.length === 0) order[k++] = i;
  return order;
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
    // Its semi-spaces start at WORKER_SEMI_SPACE_MB, not V8's 1 MB, which the launcher's growth
    // factor of 1 kept them at: a scavenge every megabyte copied the texts and digests then in
    // hand each time (75 scavenges at 10k files, 37-41 now). V8 reads the size when it creates an
    // isolate (the main thread's is long made), so the flag is set here, from the command line only.
    const resourceLimits = { maxYoungGenerationSizeMb: 4 * WORKER_SEMI_SPACE_MB, maxOldGenerationSizeMb: 128 };
    // The launcher's heap flags, which each new isolate resets process-wide (util/heap-flags.ts).
    const workerData: WorkerStart = { v8Flags: launcherFlags() };
    if (launcherFlags()) v8.setFlagsFromString(`--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`);
    for (let k = 0; k < count; k++) workers.push(new Worker(script, { resourceLimits, workerData }));
    for (const w of workers) w.unref();
    return workers;
  }

  /** Hands the scan's files to prewarmed workers (undefined: none, or the input cannot be sent to them). */
  static start(
    warm: Worker[] | undefined,
    mode: WorkerMode,
    input: Omit<WorkerInput, 'cursor' | 'order'>,
    onBatch: (b: Batch) => void,
  ): ScanPool | undefined {
    if (!warm) return undefined;
    // The workers have long started (and reset the launcher's flags, see prewarm): set them again.
    renewFlags(launcherFlags());
    const shared = input.items.length;
    const cursor = new SharedArrayBuffer(8);
    const order = takingOrder(input.shapes, input.shapeDefs);
    try {
      for (const w of warm) w.postMessage({ ...input, order, cursor }), w.ref();
    } catch {
      for (const w of warm) void w.terminate();
      return undefined; // patterns that cannot be cloned (a plugin's): scan on one thread
    }
    return new ScanPool(warm, new Int32Array(cursor), order, mode === 'always' ? 0 : shared, onBatch);
  }

  /** Prewarmed workers the scan did not use. */
  static discard(warm: Worker[] | undefined): void {
    for (const w of warm ?? []) void w.terminate();
  }

  /** Files the main thread took, from the back of `order`. */
  private back = 0;

  private constructor(
    private readonly workers: Worker[],
    cursor: Int32Array,
    private readonly order: Int32Array,
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
    if (this.shared === 0 || Atomics.add(this.cursor, 0, 1) >= this.shared) return -1;
    return this.order[this.shared - 1 - this.back++]!;
  }

  /** Resolves when every worker has sent its last batch (or died). */
  async finish(): Promise<void> {
    if (this.running > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
