/**
 * Strings cut from a file's text (`slice`, `split`, regex groups) are, in V8, views that keep the
 * whole text alive. A snippet or a parsed name kept after the file is scanned must be a copy, or
 * the audit holds every file it ever read (measured: the heap grew with the tree, 100k files kept
 * ~100 MB of texts through one snippet each).
 */
import { isMainThread } from 'node:worker_threads';

/** A scan worker's strings reach the main thread as copies anyway (structured clone): nothing to detach. */
const needed = isMainThread;

export function detach(s: string): string {
  if (!needed) return s;
  // Concatenation then slice makes V8 flatten into a fresh string of just these characters.
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/**
 * Short strings kept for the whole run (digests' names, kinds, keys, labels) are shared: one copy
 * per distinct value among the digests taken on the main thread. At 100k files the digests held
 * 800k strings of which 117k distinct, 24 MB of copies. Long ones are rarely repeated and are only
 * detached. (The scan threads' digests arrive as copies: `intern` pools them during the walk that
 * gives them the listing's path, see local.ts sharePath; a walk of their own cost ~0.7 s at 100k.)
 */
const SHARED_MAX = 64;
// Exported as `share` for the few fields a model keeps of every object (a kind, a block type),
// including the scan workers' copies, which detachDeep leaves as they come.
const SHARED_CAP = 1_000_000;
const pool = new Map<string, string>();

export function share(s: string): string {
  if (s.length > SHARED_MAX) return detach(s);
  let kept = pool.get(s);
  if (kept === undefined) {
    kept = detach(s);
    if (pool.size < SHARED_CAP) pool.set(kept, kept);
  }
  return kept;
}

/**
 * `share` for a string that is a copy of its own already (a scan worker's digest, cloned): pooled
 * as it is, without `detach`'s copy. The workers' digests held their own copies of every kind,
 * API version, name and label: ~6 MB of duplicate strings at 300k files at the end of the scan.
 */
export function intern(s: string): string {
  if (s.length > SHARED_MAX) return s;
  const kept = pool.get(s);
  if (kept !== undefined) return kept;
  if (pool.size < SHARED_CAP) pool.set(s, s);
  return s;
}

/** `detach` every string in plain data (objects, arrays, Maps, Sets), in place, sharing short ones; returns it. */
export function detachDeep<T>(value: T): T {
  return needed ? eachString(value, share) : value;
}

/**
 * Arrays are kept at their length: one grown by `push` has room for 17 elements after its first
 * (V8 grows a backing store to 1.5× + 16 and trims it only when it is far longer than the array),
 * so a digest's one- and two-element lists (Terraform labels, a workload's containers) took ~150
 * bytes each instead of ~60. A copy made by `slice` has no spare room. An array met twice in the
 * value is replaced by the same copy, so what was shared stays shared. Only short arrays: there the
 * spare room is most of the array, and checking for properties beside the elements is cheap (a
 * regex match array has `index` and `input`, which a copy would lose: such an array is kept).
 */
const TRIM_UP_TO = 16;

function eachString<T>(value: T, map: (s: string) => string): T {
  const seen = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return map(v);
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return seen.get(v);
    seen.set(v, v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      if (v.length > 0 && v.length <= TRIM_UP_TO && Object.getPrototypeOf(v) === Array.prototype && isPlainArray(v)) {
        const exact = v.slice();
        seen.set(v, exact);
        return exact;
      }
    } else if (v instanceof Map) for (const [k, x] of v) v.set(k, walk(x));
    else if (v instanceof Set) {
      const items = [...v];
      v.clear();
      for (const x of items) v.add(walk(x));
    } else for (const k of Object.keys(v)) (v as Record<string, unknown>)[k] = walk((v as Record<string, unknown>)[k]);
    return v;
  };
  return walk(value) as T;
}

/** An array with nothing but its elements (no own properties beside `length` and the indices). */
function isPlainArray(v: unknown[]): boolean {
  return Object.getOwnPropertyNames(v).length === v.length + 1;
}
