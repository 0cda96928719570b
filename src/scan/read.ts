/**
 * Reading the files one thread has claimed, warm or cold, decided as it goes (DESIGN §9): on a
 * cached tree a synchronous read beats the callback API (no thread-pool round trip per call);
 * from disk, many reads in flight win by 2–3×. So files are read synchronously while a read
 * averages under SLOW_READ_MS over a window, and with the callback API (IN_FLIGHT at a time) for
 * the next span of files when it does not; then the cache is tried again.
 */
import type { FileSource, SkipReason } from '../walk/file-index.js';

/** A source that can also read without blocking (the disk). Buffers it passes are lent for the call only. */
export interface AsyncSource extends FileSource {
  readBytesAsync(path: string, maxBytes: number, cb: (r: Buffer | SkipReason) => void): void;
  /** The same read, synchronously, into the same lent buffer. */
  readBytesLent?(path: string, maxBytes: number, cb: (r: Buffer | SkipReason) => void): void;
}

export const isAsyncSource = (s: FileSource): s is AsyncSource => 'readBytesAsync' in s;

/** Files read to judge the cache, and the mean read time above which reads are going to disk. */
const WINDOW = 64;
const SLOW_READ_MS = 0.1;
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
      let spent = 0;
      let counted = 0;
      let slow = false;
      let warm = false;
      while (!slow) {
        const i = next();
        if (i < 0) return;
        const t0 = performance.now();
        source.readBytesLent(pathOf(i), maxBytes, (r) => ((spent += performance.now() - t0), onRead(i, r)));
        // A window that has already spent its budget is cold: a probe of a cold tree stays short.
        slow = spent > SLOW_READ_MS * WINDOW;
        if (++counted === WINDOW) {
          if (!slow) warm = true;
          spent = counted = 0;
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
