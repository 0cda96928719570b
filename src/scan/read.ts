/**
 * Reading the files one thread has claimed, warm or cold, decided as it goes (DESIGN §9): on a
 * cached tree a synchronous read beats the callback API (no thread-pool round trip per call);
 * from disk, many reads in flight win by 2–3×. So files are read synchronously while few reads
 * of a window take over SLOW_READ_MS, and with the callback API (IN_FLIGHT at a time) for the
 * next span of files when many do; then the cache is tried again.
 */
import type { FileSource, SkipReason } from '../walk/file-index.js';

/** A source that can also read without blocking (the disk). Buffers it passes are lent for the call only. */
export interface AsyncSource extends FileSource {
  readBytesAsync(path: string, maxBytes: number, cb: (r: Buffer | SkipReason) => void): void;
  /** The same read, synchronously, into the same lent buffer. */
  readBytesLent?(path: string, maxBytes: number, cb: (r: Buffer | SkipReason) => void): void;
}

export const isAsyncSource = (s: FileSource): s is AsyncSource => 'readBytesAsync' in s;

/** Files read to judge the cache, a read time that means the disk, and how many such reads in a window mean a cold tree. */
const WINDOW = 64;
const SLOW_READ_MS = 0.1;
const COLD_READS = WINDOW / 4;
/** Files read with the callback API after a cold window (doubling while the tree stays cold). */
const ASYNC_SPAN = 2048;
const IN_FLIGHT = 64;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads every file `next()` hands out (an index, or -1 when there are no more) and gives the
 * bytes to `onRead`. Every WINDOW files it yields, so that messages and progress get in.
 */
export async function readAll(
  source: AsyncSource,
  pathOf: (i: number) => string,
  next: () => number,
  maxBytes: number,
  onRead: (i: number, r: Buffer | SkipReason) => void,
): Promise<void> {
  let span = ASYNC_SPAN;
  for (let done = false; !done; ) {
    if (source.readBytesLent) {
      let slowReads = 0;
      let counted = 0;
      let slow = false;
      let warm = false;
      while (!slow) {
        const i = next();
        if (i < 0) return;
        const t0 = performance.now();
        source.readBytesLent(pathOf(i), maxBytes, (r) => {
          if (performance.now() - t0 > SLOW_READ_MS) slowReads++;
          onRead(i, r);
        });
        // Cold when many reads of the window are slow, not when their mean is: on a busy machine a
        // thread is descheduled now and then, and that one read looks like a disk read. A cold
        // tree makes most reads slow, and its probe stops as soon as enough of them were.
        slow = slowReads > COLD_READS;
        if (++counted === WINDOW) {
          if (!slow) warm = true;
          slowReads = counted = 0;
          await tick();
        }
      }
      // Cold again right after a warm window: start over with a short span; cold twice: longer.
      span = warm ? ASYNC_SPAN : Math.min(span * 2, ASYNC_SPAN * 8);
    }
    done = await readAsync(
      source,
      pathOf,
      next,
      source.readBytesLent ? span : Number.POSITIVE_INFINITY,
      maxBytes,
      onRead,
    );
  }
}

/** Reads up to `count` files with the callback API, IN_FLIGHT at a time; true when `next` ran dry. */
function readAsync(
  source: AsyncSource,
  pathOf: (i: number) => string,
  next: () => number,
  count: number,
  maxBytes: number,
  onRead: (i: number, r: Buffer | SkipReason) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    let started = 0;
    let active = 0;
    let dry = false;
    const pump = () => {
      while (!dry && active < IN_FLIGHT && started < count) {
        const i = next();
        if (i < 0) {
          dry = true;
          break;
        }
        started++;
        active++;
        source.readBytesAsync(pathOf(i), maxBytes, (r) => {
          active--;
          onRead(i, r);
          pump();
        });
      }
      if (active === 0 && (dry || started >= count)) resolve(dry);
    };
    pump();
  });
}
