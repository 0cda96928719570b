/**
 * The process's own streams as the program's Io (the launcher's only binding to them).
 *
 * A reader that stops reading (`readiness audit . | head -3`, a CI step that closes its end) makes
 * the next write fail with EPIPE, which Node reports as an 'error' event on the stream; unhandled,
 * it prints "Unhandled 'error' event … write EPIPE" with a stack trace and ends the process with 1.
 * Here a stream whose reader has gone is closed for the rest of the run: further writes to it are
 * dropped, nothing is printed about it, and the process ends with the exit code the run decided —
 * the verdict of the audit does not depend on how much of the report someone chose to read.
 */
import type { Io } from './index.js';

/** Errors that mean the other end of the stream has gone, not that we did something wrong. */
const GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ECONNRESET']);

type Stream = Pick<NodeJS.WriteStream, 'write' | 'on'>;

/** A writer that drops everything once the stream reports its reader gone; any other error is rethrown. */
export function guardedWriter(stream: Stream): (s: string) => void {
  let gone = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (GONE.has(err.code ?? '')) gone = true;
    else throw err;
  });
  return (s) => {
    if (gone) return;
    try {
      stream.write(s);
    } catch (err) {
      // A stream already destroyed may throw instead of emitting.
      if (GONE.has((err as NodeJS.ErrnoException).code ?? '')) gone = true;
      else throw err;
    }
  };
}

export function processIo(): Io {
  return {
    stdout: guardedWriter(process.stdout),
    stderr: guardedWriter(process.stderr),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  };
}
