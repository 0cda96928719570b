/**
 * The V8 heap flags the launcher (bin/readiness.js) set, and their renewal after a worker thread
 * starts (docs/performance.md, ninth session).
 *
 * The launcher sets `--semi-space-growth-factor=1` before the program loads, so that the main
 * thread's young generation stays at its starting size (1 MB semi-spaces) instead of doubling to
 * 16 MB ones while the scan's digests accumulate: ~30 MiB of peak RSS at 100k files. V8 cannot
 * size the young generation of a running isolate, but it reads this flag each time it would grow
 * it. Every isolate V8 creates, though, raises a growth factor below 2 back to 2 when it
 * configures its heap, and the flag is process-wide: the scan worker's start undid the launcher's
 * setting for the main thread too. So a worker sets the launcher's flags again as its first
 * statement (after its own heap is configured), and the main thread once more when it hands the
 * worker its files.
 *
 * The flags travel as a global of the process (set by the launcher, read here), not as a constant
 * of this module: an audit run as a library (the API, the tests) leaves V8 as its host set it.
 */
import v8 from 'node:v8';

const KEY = Symbol.for('readiness.v8-flags');

/** The flags the launcher set, or undefined outside the command line. */
export function launcherFlags(): string | undefined {
  const flags = (globalThis as Record<symbol, unknown>)[KEY];
  return typeof flags === 'string' && flags !== '' ? flags : undefined;
}

/** Sets the given flags again (after a new isolate has reset them); nothing when there are none. */
export function renewFlags(flags: string | undefined): void {
  if (flags) v8.setFlagsFromString(flags);
}

/**
 * The flag the rules run under when the heap is large, set by the command line before the rules
 * (engine/audit.ts). The scan's digests are live from the scan's end to the report (159 MB at 300k
 * files), and each rule adds garbage of the listing's size (sets and arrays of every path); with
 * the launcher's 20 % V8 let the heap reach ~1.3 times the live data before the next full
 * collection, which was the audit's peak at 300k files (docs/performance.md, thirteenth session).
 * 10 % (V8's least) costs a few more full collections in the rules; on a small heap those are a
 * larger share of the work (+5 % CPU at 10k files) for megabytes, so the heap must hold more than
 * RULES_TIGHT_ABOVE first (~80 MB at 100k files, ~170 at 300k). A library audit leaves V8 alone.
 */
export const RULES_HEAP_FLAGS = '--heap-growing-percent=10';
export const RULES_TIGHT_ABOVE = 128 * 1024 * 1024;

export function rulesHeapFlags(): void {
  if (launcherFlags() && v8.getHeapStatistics().used_heap_size > RULES_TIGHT_ABOVE)
    v8.setFlagsFromString(RULES_HEAP_FLAGS);
}

/**
 * Full collections of a small audit, set by the command line once the files are listed. V8 marks
 * the old generation incrementally (with concurrent marking on helper threads), starting before the
 * heap reaches its limit so that the collection ends near it. A small audit's first limit is set
 * from its heap after the first scavenges (~22 MB for a 12-file repository), and the report's last
 * few MB started a marking that then had to be finished: ~10 ms of the ~250 ms of CPU. With
 * incremental marking off, a collection runs only when the limit is reached, in one pause (a
 * command line does not mind how long one pause is); at 10k files the audit took ~6 % less CPU at
 * the same peak RSS. At 100k files, though, peak RSS went from 189 to 275 MiB, so a large tree
 * keeps V8's default (docs/performance.md, twenty-fourth session). A library audit leaves V8 alone.
 */
export const SMALL_AUDIT_HEAP_FLAGS = '--no-incremental-marking';
export const SMALL_AUDIT_BELOW = 20_000;

export function smallAuditHeapFlags(files: number): void {
  if (!launcherFlags()) return;
  (globalThis as Record<symbol, unknown>)[TREE_FILES] = files;
  if (files < SMALL_AUDIT_BELOW) v8.setFlagsFromString(SMALL_AUDIT_HEAP_FLAGS);
}

/**
 * How many files the command line's audit listed, for the launcher (bin/readiness.js): it keeps
 * V8's code cache of the audit command only from a small tree. The cache holds every function the
 * run compiled; one written after a 100k-file audit holds the digests and readers of every stack,
 * and each later audit deserialised all of it: the 12-file audit took ~100 ms more (4.14× → 5.14×
 * `node -e 0`, docs/performance.md). A large audit runs for seconds, where compiling its code costs
 * little; a small one is where start-up is the run.
 */
const TREE_FILES = Symbol.for('readiness.tree-files');
