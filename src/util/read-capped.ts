/**
 * Reading a document the user names (--config, --baseline, --coverage, --junit, the verify
 * document, a saved report): a regular file only (a FIFO would block the run, a device such as
 * /dev/zero never ends), and never more than a cap, checked before the read and enforced during
 * it (a file that grows is cut off, not followed). Every problem is one UsageError line that
 * names the file and never quotes its content.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './errors.js';
import { fsReason } from './fs-errors.js';

export const MiB = 1024 * 1024;

/** Caps per kind of document: far above any real one, far below what would exhaust memory. */
export const CAPS = {
  config: 1 * MiB,
  report: 64 * MiB,
  artefact: 128 * MiB,
  document: 4 * MiB,
  template: 1 * MiB,
} as const;

export interface CappedRead {
  maxBytes: number;
  /** How the file is named in an error: `--baseline x.json`, `x.json`. */
  label: string;
  /** Refuse a symbolic link in the last component (configuration discovered in the tree). */
  noFollow?: boolean;
}

export function readCappedBytes(path: string, opts: CappedRead): Buffer {
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (opts.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (opts.noFollow && (code === 'ELOOP' || code === 'EMLINK'))
      throw new UsageError(`${opts.label}: is a symbolic link; it is not read through a link`);
    throw new UsageError(`${opts.label}: cannot read (${fsReason(err, path, 'read')})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`${opts.label}: not a regular file`);
    if (st.size > opts.maxBytes) throw new UsageError(`${opts.label}: larger than ${sizeText(opts.maxBytes)}`);
    // Read to the end, but never past one byte over the cap: a file that grows while it is read
    // (or reports no size) is refused once it passes the cap, not followed.
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 64 * 1024), opts.maxBytes + 1 - total));
      const got = chunk.length === 0 ? 0 : readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      parts.push(chunk.subarray(0, got));
      total += got;
      if (total > opts.maxBytes) throw new UsageError(`${opts.label}: larger than ${sizeText(opts.maxBytes)}`);
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${opts.label}: cannot read (${fsReason(err, path, 'read')})`);
  } finally {
    closeSync(fd);
  }
}

export function readCappedText(path: string, opts: CappedRead): string {
  return readCappedBytes(path, opts).toString('utf8');
}

/**
 * JSON.parse's message without the excerpt of the text it quotes (Node 20 prints the start of
 * the input): a file named by mistake, or a link to a secret, is never echoed.
 */
export function jsonErrorText(err: unknown): string {
  const m = /position (\d+)/.exec((err as Error)?.message ?? '');
  if (m) return `at position ${m[1]}`;
  return /Unexpected end/.test((err as Error)?.message ?? '') ? 'unexpected end of input' : 'malformed';
}

function sizeText(n: number): string {
  return n % MiB === 0 ? `${n / MiB} MiB` : `${n} bytes`;
}
