/**
 * Digests taken in any order, on any thread (DESIGN §9). A digest is a function of its file's
 * text, the listing and, sometimes, other files (a test helper module, a chart's values). The
 * scan first computes every digest from its own text and the listing only: that answer cannot
 * depend on which file was read first, nor on which thread read it. A digest that asks for another
 * file's content is stopped and replayed later, in the one-by-one scan's order, with every file
 * at hand (scanner.ts), so the result is the same as one thread reading in order.
 */
import type { Digest, FileView, Parsed } from '../types.js';
import { intern } from '../util/detach.js';

/** Thrown at a digest that asks for another file's content where only the listing is at hand. */
export class NeedsOtherFiles extends Error {
  constructor() {
    super('this digest reads other files: taken again after the scan');
  }
}

type Listing = Pick<FileView, 'paths' | 'size' | 'maxFileBytes' | 'exists' | 'match' | 'has' | 'named' | 'folders'>;

/** A FileView with the listing only; asking for content marks it `touched` and throws. */
export class ListingView implements FileView {
  touched = false;
  /**
   * Digests of other listed files that digests asked for, by path: the scanner takes them when it
   * reaches that file, with its text, instead of reading it again when the asker is replayed.
   */
  readonly asked = new Map<string, Digest<unknown>[]>();
  constructor(private readonly listing: Listing) {}
  get paths(): readonly string[] {
    return this.listing.paths;
  }
  get size(): number {
    return this.listing.size;
  }
  get maxFileBytes(): number {
    return this.listing.maxFileBytes;
  }
  exists(path: string): boolean {
    return this.listing.exists(path);
  }
  match(globs: string | readonly string[]): string[] {
    return this.listing.match(globs);
  }
  has(globs: string | readonly string[]): boolean {
    return this.listing.has(globs);
  }
  named(name: string, ignoreCase?: boolean): string[] {
    return this.listing.named(name, ignoreCase);
  }
  get folders(): (() => ReadonlySet<string>) | undefined {
    const listing = this.listing;
    return listing.folders && (() => listing.folders!());
  }
  private other(): never {
    this.touched = true;
    throw new NeedsOtherFiles();
  }
  read(): string | undefined {
    return this.other();
  }
  lines(): undefined {
    return this.other();
  }
  digest<T>(path: string, d: Digest<T>): T | undefined {
    if (this.listing.exists(path)) {
      const list = this.asked.get(path);
      if (!list) this.asked.set(path, [d as Digest<unknown>]);
      else if (!list.includes(d as Digest<unknown>)) list.push(d as Digest<unknown>);
    }
    return this.other();
  }
  readJson<T>(): Parsed<T> {
    return this.other();
  }
  readYaml<T>(): Parsed<T> {
    return this.other();
  }
  readYamlAll<T>(): Parsed<T[]> {
    return this.other();
  }
  readToml<T>(): Parsed<T> {
    return this.other();
  }
}

export type Local<T> = { ok: true; value: T } | { ok: false; threw: boolean };

/**
 * The digest from the file's own text and the listing: `ok`, or not because it needs other files
 * (`threw: false`: replay it) or failed on its own (`threw: true`: left for the rule that asks,
 * as a digest that throws during the scan always was).
 */
export function localDigest<T>(d: Digest<T>, path: string, text: string, view: ListingView): Local<T> {
  view.touched = false;
  try {
    const value = d.of(path, text, view);
    return view.touched ? { ok: false, threw: false } : { ok: true, value };
  } catch {
    return { ok: false, threw: !view.touched };
  }
}

/**
 * What structured cloning would lose of a digest: objects without a prototype (lookup tables
 * built with `Object.create(null)`) come back as plain objects. Their positions in a walk of the
 * value, or undefined when the value cannot cross threads unchanged at all (functions, symbols,
 * class instances): then the digest is taken on the main thread.
 */
export function nullPrototypes(value: unknown): number[] | undefined {
  const out: number[] = [];
  return walk(value, (o, i) => {
    const proto = Object.getPrototypeOf(o);
    if (proto === null) out.push(i);
    else if (proto !== Object.prototype) return false;
    return Object.getOwnPropertySymbols(o).length === 0;
  })
    ? out
    : undefined;
}

/** Gives back, after cloning, the null prototypes `nullPrototypes` found. */
export function restorePrototypes<T>(value: T, positions: readonly number[]): T {
  if (positions.length === 0) return value;
  const at = new Set(positions);
  walk(value, (o, i) => {
    if (at.has(i)) Object.setPrototypeOf(o, null);
    return true;
  });
  return value;
}

/**
 * The strings of a digest cloned from a worker that equal its file's path, replaced by `path`, the
 * listing's own string: a cloned digest brings a copy of the path for each object that names its file
 * (a Kubernetes object, a Terraform block), ~6 MB of copies at 300k files. Its other short strings
 * (kinds, API versions, names, labels: copies too) are pooled with the main thread's (`intern`).
 * Same values, one string each.
 */
export function sharePath<T>(value: T, path: string): T {
  const seen = new Set<object>();
  const one = (x: string) => (x === path ? path : intern(x));
  const go = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'string') v[i] = one(x);
        else go(x);
      }
    } else if (v instanceof Map) {
      for (const [k, x] of v) {
        if (typeof x === 'string') v.set(k, one(x));
        else go(x);
      }
    } else if (v instanceof Set) {
      for (const x of v) go(x);
    } else {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        const x = o[k];
        if (typeof x === 'string') o[k] = one(x);
        else go(x);
      }
    }
  };
  go(value);
  return value;
}

/** Visits every plain object in a fixed order (cloning keeps keys, items and entries in order). */
function walk(value: unknown, visit: (o: object, i: number) => boolean): boolean {
  const seen = new Set<object>();
  let n = 0;
  const go = (v: unknown): boolean => {
    if (typeof v === 'function' || typeof v === 'symbol') return false;
    if (v === null || typeof v !== 'object' || seen.has(v)) return true;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) if (!go(x)) return false;
      return true;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) if (!go(k) || !go(x)) return false;
      return true;
    }
    if (v instanceof Set) {
      for (const x of v) if (!go(x)) return false;
      return true;
    }
    if (!visit(v, n++)) return false;
    for (const k of Object.keys(v)) if (!go((v as Record<string, unknown>)[k])) return false;
    return true;
  };
  return go(value);
}
