/**
 * Reading files from disk safely: never through a symbolic link (O_NOFOLLOW on the last
 * component; listings never descend into linked folders), never more than the size cap, never
 * a FIFO or device.
 */
import { closeSync, constants, fstatSync, open, close, fstat, read, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSource, SkipReason } from './file-index.js';

const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function openError(err: NodeJS.ErrnoException): SkipReason {
  return err.code === 'ELOOP' || err.code === 'EMLINK' ? 'symlink' : 'unreadable';
}

export class DiskSource implements FileSource {
  constructor(readonly root: string) {}

  readBytes(path: string, maxBytes: number): Buffer | SkipReason {
    let fd: number;
    try {
      fd = openSync(join(this.root, path), FLAGS);
    } catch (err) {
      return openError(err as NodeJS.ErrnoException);
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) return 'not-a-file';
      if (st.size > maxBytes) return 'too-large';
      const buf = Buffer.allocUnsafe(st.size);
      let off = 0;
      while (off < st.size) {
        const n = readSync(fd, buf, off, st.size - off, off);
        if (n === 0) break;
        off += n;
      }
      return off === st.size ? buf : buf.subarray(0, off);
    } catch {
      return 'unreadable';
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The callback-API read used by the scanner: on a cold cache it beats a synchronous loop by
   * 2–3× because many reads are in flight at once (DESIGN §9).
   */
  readBytesAsync(path: string, maxBytes: number, cb: (result: Buffer | SkipReason) => void): void {
    open(join(this.root, path), FLAGS, (err, fd) => {
      if (err) return cb(openError(err));
      const done = (r: Buffer | SkipReason) => close(fd, () => cb(r));
      fstat(fd, (err2, st) => {
        if (err2) return done('unreadable');
        if (!st.isFile()) return done('not-a-file');
        if (st.size > maxBytes) return done('too-large');
        const buf = Buffer.allocUnsafe(st.size);
        const step = (off: number): void => {
          if (off >= st.size) return done(buf);
          read(fd, buf, off, st.size - off, off, (err3, n) => {
            if (err3) return done('unreadable');
            if (n === 0) return done(buf.subarray(0, off));
            step(off + n);
          });
        };
        step(0);
      });
    });
  }
}
