/**
 * Reading files from disk safely: never through a symbolic link (O_NOFOLLOW on the last
 * component; listings never descend into linked folders), never more than the size cap, never
 * a FIFO or device.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  open,
  close,
  fstat,
  read,
  openSync,
  readSync,
  realpathSync,
  type Stats,
} from 'node:fs';
import { join, sep } from 'node:path';
import type { FileSource, SkipReason } from './file-index.js';

const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function openError(err: NodeJS.ErrnoException): SkipReason {
  return err.code === 'ELOOP' || err.code === 'EMLINK' ? 'symlink' : 'unreadable';
}

/** A path `join` would change beyond prefixing: empty, absolute, with an empty, `.` or `..` segment, or a final slash. */
const UNCLEAN = /^$|^\/|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)/;

export class DiskSource implements FileSource {
  /** `join(root, path)` of a clean path is this followed by the path (undefined: always join). */
  private readonly prefix: string | undefined;

  constructor(readonly root: string) {
    const base = join(root, '.');
    this.prefix = sep !== '/' ? undefined : base === '.' ? '' : base.endsWith('/') ? base : `${base}/`;
  }

  /**
   * Where `path` is on disk, as `join(this.root, path)` gives it. The index's paths are clean (what
   * git and the walk list), and for them join's normalising pass, a few strings per file (~60 MB of
   * garbage at 100k files), changes nothing: they are appended instead.
   */
  private at(path: string): string {
    return this.prefix === undefined || UNCLEAN.test(path) ? join(this.root, path) : this.prefix + path;
  }

  /** The root with every link in it resolved (the base a link's target must stay under). */
  private realRoot: string | undefined;

  /**
   * Where the link at `path` leads, relative to the root, when its fully resolved target stays
   * inside the root (realpath: every hop, loops refused by the system); undefined otherwise.
   */
  linkTarget(path: string): string | undefined {
    try {
      const abs = this.at(path);
      if (!lstatSync(abs).isSymbolicLink()) return undefined;
      if (this.realRoot === undefined) this.realRoot = realpathSync(this.root);
      const real = realpathSync(abs);
      const base = this.realRoot.endsWith(sep) ? this.realRoot : `${this.realRoot}${sep}`;
      if (!real.startsWith(base)) return undefined;
      return real.slice(base.length).split(sep).join('/');
    } catch {
      return undefined;
    }
  }

  /** A read whose bytes the caller owns (FileIndex keeps nothing of them but the decoded text). */
  readBytes(path: string, maxBytes: number): Buffer | SkipReason {
    let out: Buffer | SkipReason = 'unreadable';
    readLentSync(this.at(path), maxBytes, (r) => void (out = typeof r === 'string' ? r : Buffer.from(r)));
    return out;
  }

  /**
   * The synchronous twin of readBytesAsync (same lent buffer, same answers), for a warm page
   * cache: no thread-pool round trips, which on a cached tree cost more than the reads.
   */
  readBytesLent(path: string, maxBytes: number, cb: (result: Buffer | SkipReason) => boolean | void): void {
    readLentSync(this.at(path), maxBytes, cb);
  }

  /**
   * The callback-API read used by the scanner on a cold cache: there it beats a synchronous loop
   * by 2–3× because many reads are in flight at once (DESIGN §9).
   *
   * Most files are small, so a read is open → one read into a reused 64 KiB buffer → close: no
   * fstat (which costs a pool round trip and a Stats object per file). Only a read that fills the
   * buffer (a large file, or a device) or returns nothing (an empty file, or a FIFO without a
   * writer) asks fstat whether it is a regular file and how large. The buffer passed to `cb` is
   * lent: valid during the call only, unless `cb` returns true — it keeps the buffer (to hand it
   * to another thread) and gives it back later with `recycle`.
   */
  readBytesAsync(path: string, maxBytes: number, cb: (result: Buffer | SkipReason) => boolean | void): void {
    open(this.at(path), FLAGS, (err, fd) => {
      if (err) return cb(openError(err));
      const chunk = lend();
      const done = (r: Buffer | SkipReason) => {
        close(fd, noop);
        handOver(chunk, r, cb);
      };
      const fill = (buf: Buffer, off: number): void => {
        if (off >= buf.length) {
          done(buf);
          return;
        }
        read(fd, buf, off, buf.length - off, off, (err2, got) => {
          if (err2) return done(readError(err2));
          if (got === 0) return done(buf.subarray(0, off));
          fill(buf, off + got);
        });
      };
      read(fd, chunk, 0, CHUNK, 0, (err2, n) => {
        if (err2) return done(readError(err2));
        const first = afterFirstRead(chunk, n, maxBytes);
        if (first) return done(first);
        fstat(fd, (err3, st) => {
          if (err3) return done('unreadable');
          const next = afterStat(chunk, n, maxBytes, st);
          if (typeof next === 'string' || Buffer.isBuffer(next)) return done(next);
          fill(next.buf, next.from);
        });
      });
    });
  }

  /** A buffer lent by a read, handed to another thread and now back: read into it again. */
  recycle(buffer: ArrayBuffer): void {
    if (buffer.byteLength === CHUNK) giveBack(Buffer.from(buffer));
  }
}

const CHUNK = 64 * 1024;
const spare: Buffer[] = [];
const lend = (): Buffer => spare.pop() ?? Buffer.allocUnsafe(CHUNK);
const giveBack = (b: Buffer): void => {
  if (b.buffer.byteLength === CHUNK && spare.length < 128) spare.push(b);
};
const noop = () => {};

function readLentSync(abs: string, maxBytes: number, cb: (result: Buffer | SkipReason) => boolean | void): void {
  let fd: number;
  try {
    fd = openSync(abs, FLAGS);
  } catch (err) {
    cb(openError(err as NodeJS.ErrnoException));
    return;
  }
  const chunk = lend();
  let r: Buffer | SkipReason;
  try {
    const n = readSync(fd, chunk, 0, CHUNK, 0);
    let next = afterFirstRead(chunk, n, maxBytes) ?? afterStat(chunk, n, maxBytes, fstatSync(fd));
    if (typeof next !== 'string' && !Buffer.isBuffer(next)) {
      const { buf, from } = next;
      let off = from;
      for (let got = 1; off < buf.length && got > 0; off += got) got = readSync(fd, buf, off, buf.length - off, off);
      next = off === buf.length ? buf : buf.subarray(0, off);
    }
    r = next;
  } catch (err) {
    r = readError(err);
  } finally {
    closeSync(fd);
  }
  handOver(chunk, r, cb);
}

const readError = (err: unknown): SkipReason =>
  (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'not-a-file' : 'unreadable';

/** After the first read of `n` bytes into the chunk: the answer, or undefined when fstat must decide. */
function afterFirstRead(chunk: Buffer, n: number, maxBytes: number): Buffer | SkipReason | undefined {
  if (n > 0 && n < CHUNK) return n > maxBytes ? 'too-large' : chunk.subarray(0, n);
  return undefined;
}

/** After fstat: the answer, or a buffer holding the first `from` bytes, to be filled by further reads. */
function afterStat(
  chunk: Buffer,
  n: number,
  maxBytes: number,
  st: Stats,
): Buffer | SkipReason | { buf: Buffer; from: number } {
  if (!st.isFile()) return 'not-a-file';
  if (n === 0) return st.size === 0 ? chunk.subarray(0, 0) : 'unreadable';
  if (st.size > maxBytes) return 'too-large';
  const buf = Buffer.allocUnsafe(Math.max(st.size, n));
  chunk.copy(buf, 0, 0, n);
  return { buf, from: n };
}

/** Give the result to `cb`; the chunk goes back for reuse unless `cb` kept it (returned true). */
function handOver(chunk: Buffer, r: Buffer | SkipReason, cb: (result: Buffer | SkipReason) => boolean | void): void {
  let taken = false;
  try {
    taken = cb(r) === true;
  } finally {
    if (!(taken && typeof r !== 'string' && r.buffer === chunk.buffer)) giveBack(chunk);
  }
}
