/**
 * A second thread for the scan (DESIGN §9). On a large tree most files are read only to run
 * patterns on them; decoding those bytes and running the patterns is half the main thread's
 * work. The main thread keeps reading (one read per file, as before) and hands such files'
 * bytes to a worker in batches, without copying them (the buffers are transferred and come
 * back to be read into again). Files a digest or a rule needs whole stay on the main thread.
 *
 * Results are the same with or without the worker: matches are sorted by path and line at the
 * end of the scan, and each file is scanned whole by one thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Match } from '../types.js';
import type { Overrun, ScanPattern } from './scanner.js';

export interface ToWorker {
  batch: number;
  paths: string[];
  lists: number[];
  bytes: Uint8Array[];
  /** Pattern lists not sent before: id and pattern keys. */
  newLists: [number, string[]][];
}

export interface ToMain {
  batch: number;
  /** Indices (in the batch) of files that turned out to be binary. */
  binary: number[];
  matches: [string, Match[]][];
  buffers: ArrayBuffer[];
  /** Patterns that ran past their time budget in this batch. */
  overruns: [string, Overrun][];
}

/** When the scan uses the worker: never, always (tests), or for trees with enough such files. */
export type WorkerMode = 'auto' | 'always' | 'never';

/** Below this many pattern-only files, starting a thread costs more than it saves. */
const AUTO_MIN_FILES = 1500;
const BATCH = 64;
/** Files handed over and not yet returned: bounds the bytes in flight (64 KiB each, mostly). */
export const MAX_WITH_WORKER = 512;

export interface Returned<T> {
  item: T;
  /** The file's size in bytes. */
  bytes: number;
  binary: boolean;
}

export class PatternOffload<T extends { path: string }> {
  private readonly worker: Worker;
  private outgoing: { item: T; bytes: Buffer; list: number }[] = [];
  private readonly sent = new Map<number, { item: T; bytes: number }[]>();
  private readonly listIds = new Map<object, number>();
  private readonly listKeys: [number, string[]][] = [];
  private nextBatch = 0;
  private flushScheduled = false;
  private failed = false;
  /** Files handed over whose results have not come back. */
  pending = 0;

  /** A worker when the mode and the tree call for one and its script is built (not under vitest's sources). */
  static start<T extends { path: string }>(
    mode: WorkerMode,
    patternOnlyFiles: number,
    patterns: ScanPattern[],
    onReturn: (
      r: Returned<T>[],
      matches: [string, Match[]][],
      buffers: ArrayBuffer[],
      overruns: [string, Overrun][],
    ) => void,
    onLost: (items: T[]) => void,
  ): PatternOffload<T> | undefined {
    if (mode === 'never' || patternOnlyFiles === 0) return undefined;
    if (mode === 'auto' && (patternOnlyFiles < AUTO_MIN_FILES || availableParallelism() < 2)) return undefined;
    const script = new URL('./scan-worker.js', import.meta.url);
    if (!existsSync(fileURLToPath(script))) return undefined;
    try {
      // A small young generation: the worker's garbage is one decoded text per file, and V8's
      // default lets it grow until it doubled the audit's peak RSS on a 100k-file tree.
      const resourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 };
      return new PatternOffload(new Worker(script, { workerData: { patterns }, resourceLimits }), onReturn, onLost);
    } catch {
      return undefined; // patterns that cannot be cloned (a plugin's): scan on one thread
    }
  }

  private constructor(
    worker: Worker,
    private readonly onReturn: (
      r: Returned<T>[],
      matches: [string, Match[]][],
      buffers: ArrayBuffer[],
      overruns: [string, Overrun][],
    ) => void,
    private readonly onLost: (items: T[]) => void,
  ) {
    this.worker = worker;
    worker.on('message', (msg: ToMain) => {
      const batch = this.sent.get(msg.batch);
      if (!batch) return;
      this.sent.delete(msg.batch);
      this.pending -= batch.length;
      const binary = new Set(msg.binary);
      this.onReturn(
        batch.map((b, i) => ({ item: b.item, bytes: b.bytes, binary: binary.has(i) })),
        msg.matches,
        msg.buffers,
        msg.overruns,
      );
      this.settle?.();
    });
    // A worker that dies takes its batches with it: they are scanned again on the main thread.
    const lose = () => {
      if (this.failed) return;
      this.failed = true;
      const lost = [...this.sent.values()].flat().map((b) => b.item);
      this.sent.clear();
      this.pending = 0;
      this.onLost(lost);
      this.settle?.();
    };
    worker.on('error', lose);
    worker.on('exit', lose);
  }

  private settle: (() => void) | undefined;

  /** Called whenever files come back (or are taken back after a failure). */
  onSettle(cb: (() => void) | undefined): void {
    this.settle = cb;
  }

  get alive(): boolean {
    return !this.failed;
  }

  /**
   * Hand a file's bytes over. True when the buffer itself goes (it is the worker's until it
   * comes back); false when it was copied and the caller may reuse it.
   */
  send(item: T, bytes: Buffer, list: object, keys: () => string[]): boolean {
    let id = this.listIds.get(list);
    if (id === undefined) {
      this.listIds.set(list, (id = this.listIds.size));
      this.listKeys.push([id, keys()]);
    }
    // A view into Node's shared pool slab (small buffers) cannot be transferred alone: copy it.
    const own = bytes.buffer.byteLength > Buffer.poolSize ? bytes : Buffer.from(bytes);
    this.outgoing.push({ item, bytes: own, list: id });
    this.pending++;
    if (this.outgoing.length >= BATCH) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return own === bytes;
  }

  flush(): void {
    this.flushScheduled = false;
    if (this.outgoing.length === 0 || this.failed) return;
    const out = this.outgoing;
    this.outgoing = [];
    const batch = this.nextBatch++;
    this.sent.set(
      batch,
      out.map((o) => ({ item: o.item, bytes: o.bytes.length })),
    );
    const msg: ToWorker = {
      batch,
      paths: out.map((o) => o.item.path),
      lists: out.map((o) => o.list),
      bytes: out.map((o) => o.bytes),
      newLists: this.listKeys.splice(0),
    };
    this.worker.postMessage(msg, [...new Set(out.map((o) => o.bytes.buffer as ArrayBuffer))]);
  }

  async stop(): Promise<void> {
    this.failed = true; // its exit is expected now
    this.settle = undefined;
    await this.worker.terminate();
  }
}
