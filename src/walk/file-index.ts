/**
 * FileIndex: the listing plus memoised, safe reads. Rules and facts see the repository only
 * through it, so the in-memory index used by tests and the disk index behave the same.
 */
import { checkYamlNesting, parseJson, toml, yaml } from '../util/parsers.js';
import type { Digest, FileView, Lines, Parsed, SkipReason } from '../types.js';
import { LineIndex } from '../util/lines.js';
import { basename, extensionOf, globExtensions, globTest, literalPrefix } from './glob.js';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Files read through a symbolic link inside the root: documents (FileIndex.read). */
const LINKED_DOCUMENT = {
  test: (path: string) =>
    /\.(?:md|markdown|mdx|rst|txt|adoc|asciidoc|org|rdoc)$/i.test(path) || /(?:^|\/)[A-Z][A-Z_-]*$/.test(path),
};

/** Where file bytes come from: the disk, or a map in tests. */
export interface FileSource {
  /** Raw bytes, or the reason the file cannot be read. */
  readBytes(path: string, maxBytes: number): Buffer | SkipReason;
  /**
   * Where a symbolic link at `path` leads, as a path relative to the root, when every hop stays
   * inside the root; undefined for anything else (not a link, out of the root, a loop, dangling).
   */
  linkTarget?(path: string): string | undefined;
}

export interface ReadStats {
  /** Distinct files read (the report's figure: the same for every run of the same tree). */
  filesRead: number;
  /** Bytes of those distinct files. */
  bytesRead: number;
  /**
   * Read operations, repeats included. A file can be read twice when a digest asks for it while the
   * scanner's own read of it is in flight, which depends on timing: kept out of the report so that
   * two audits of one tree give identical JSON, shown by --timings and checked by the scan tests.
   */
  reads: number;
  skipped: Map<string, SkipReason>;
}

export type { Digest, Parsed, SkipReason };

export class FileIndex implements FileView {
  readonly paths: readonly string[];
  /**
   * Listed path → its position in `paths`: a hash table over the positions, keyed by the exact path, built on
   * first use. A scan worker's index (scan-worker.ts) answers the few listing questions its digests
   * ask without it. At 100k paths a Map was ~3.5 MB; these two arrays are 1.4 MB.
   */
  private byPath?: { head: Int32Array; next: Int32Array };
  /** Per listed path: read already (counted once in stats.filesRead). */
  private readonly readOnce: Uint8Array;
  private readonly text = new Map<string, string | null>();
  private readonly lineIndexes = new Map<string, Lines>();
  private readonly parsed = new Map<string, Parsed<unknown>>();
  private readonly digests = new Map<string, Map<string, unknown>>();
  private readonly heldForScan = new Set<string>();
  /** Set by the scanner while it reads (see digest). */
  scanning = false;
  /**
   * Set by the scanner while it replays, in scan order, the digests that needed other files
   * (scanner.ts): texts of files it has read and not replayed yet, given out instead of a second
   * read, and the files whose read now is not counted, because a one-by-one scan would have read
   * them here and not again at their own turn.
   */
  replay: { texts: Map<string, string | null>; uncounted: (path: string) => boolean } | undefined;
  private readonly globCache = new Map<string, string[]>();
  /** Listed paths by lower-cased base name (see hashTable). */
  private byBase?: { head: Int32Array; next: Int32Array };
  private byExt?: Map<string, number[]>;
  readonly stats: ReadStats = { filesRead: 0, bytesRead: 0, reads: 0, skipped: new Map() };

  constructor(
    paths: readonly string[],
    private readonly source: FileSource,
    readonly maxFileBytes = DEFAULT_MAX_FILE_BYTES,
  ) {
    this.paths = paths;
    this.readOnce = new Uint8Array(paths.length);
  }

  get size(): number {
    return this.paths.length;
  }

  /** The position of `path` in `paths` (the last, were it listed twice), or -1 when it is not listed. */
  position(path: string): number {
    // Hashed by the exact path, not lower-cased: case variants of one path (a hostile tree can list
    // 65,536 of them) fall in different chains. A chain runs from the last listed position down, so
    // the first equal path is the answer (the last, as a Map of paths once gave).
    const { head, next } = (this.byPath ??= exactHashTable(this.paths));
    for (let i = head[exactHash(path) & (head.length - 1)]!; i >= 0; i = next[i]!) if (this.paths[i] === path) return i;
    return -1;
  }

  exists(path: string): boolean {
    return this.position(path) >= 0;
  }

  /** All listed paths matching the glob(s), sorted. Memoised per glob. */
  match(globs: string | readonly string[]): string[] {
    const list = typeof globs === 'string' ? [globs] : globs;
    const key = list.join('\0');
    let hit = this.globCache.get(key);
    if (!hit) {
      hit = this.matchUncached(list);
      this.globCache.set(key, hit);
    }
    return hit;
  }

  has(globs: string | readonly string[]): boolean {
    return this.match(globs).length > 0;
  }

  /** Files whose base name is exactly `name` (case-insensitive when asked), in listing order. */
  named(name: string, ignoreCase = false): string[] {
    const { head, next } = (this.byBase ??= hashTable(this.paths, (p) => p.lastIndexOf('/') + 1));
    const lower = name.toLowerCase();
    const out: string[] = [];
    for (let i = head[hashOf(lower, 0) & (head.length - 1)]!; i >= 0; i = next[i]!) {
      const p = this.paths[i]!;
      if (baseIsLower(p, lower) && (ignoreCase || basename(p) === name)) out.push(p);
    }
    return out;
  }

  private matchUncached(globs: readonly string[]): string[] {
    // Positions of the paths that match, collected and sorted: the paths are sorted, so the
    // answer is in listing order without a pass over every path per query.
    const found: number[] = [];
    // `**/name` globs: answer from the base-name table.
    if (globs.every((g) => /^\*\*\/[^*?[\]{}()!+@/]+$/.test(g))) {
      for (const g of globs) for (const p of this.named(g.slice(3))) found.push(this.position(p));
      return this.inOrder(found);
    }
    if (globs.length === 1 && !/[*?[\]{}()!+@]/.test(globs[0]!)) {
      return this.exists(globs[0]!) ? [globs[0]!] : [];
    }
    // Globs that fix the extension are tried only on the paths with those extensions; the
    // others (`**/Dockerfile.*`) on the paths that start with their literal prefix (`docs/`), a
    // range of the sorted listing.
    const hit = new Uint8Array(this.paths.length);
    const index = this.extensionIndex();
    for (const g of globs) {
      const exts = globExtensions(g);
      const test = globTest(g);
      if (exts) {
        for (const e of exts)
          for (const i of index.get(e) ?? []) if (!hit[i] && test(this.paths[i]!)) (hit[i] = 1), found.push(i);
        continue;
      }
      const [from, to] = this.prefixRange(literalPrefix(g));
      for (let i = from; i < to; i++) if (!hit[i] && test(this.paths[i]!)) (hit[i] = 1), found.push(i);
    }
    return this.inOrder(found);
  }

  private inOrder(positions: number[]): string[] {
    return [...new Set(positions)].sort((a, b) => a - b).map((i) => this.paths[i]!);
  }

  /** The positions [from, to) of the listed paths that start with `prefix` (all when the listing is not sorted). */
  private prefixRange(prefix: string): [number, number] {
    const n = this.paths.length;
    if (prefix === '' || !this.sorted()) return [0, n];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.paths[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < n && this.paths[end]!.startsWith(prefix)) end++;
    return [lo, end];
  }

  private isSorted?: boolean;
  private sorted(): boolean {
    if (this.isSorted === undefined) {
      this.isSorted = true;
      for (let i = 1; i < this.paths.length && this.isSorted; i++)
        if (this.paths[i - 1]! > this.paths[i]!) this.isSorted = false;
    }
    return this.isSorted;
  }

  /** Positions in `paths` by extension, so a query reads only the paths it can match. */
  private extensionIndex(): Map<string, number[]> {
    if (!this.byExt) {
      this.byExt = new Map();
      this.paths.forEach((p, i) => {
        const e = extensionOf(p);
        const l = this.byExt!.get(e);
        if (l) l.push(i);
        else this.byExt!.set(e, [i]);
      });
    }
    return this.byExt;
  }

  /**
   * The text of a listed file, or undefined when it is not listed, too large, binary or
   * unreadable (counted in stats.skipped). Memoised: a file is read from its source once.
   */
  read(path: string): string | undefined {
    const hit = this.text.get(path);
    if (hit !== undefined) return hit ?? this.throughLink(path);
    if (!this.exists(path)) return undefined;
    const text = this.load(path);
    this.text.set(path, text ?? null);
    return text ?? this.throughLink(path);
  }

  /**
   * The folder inside the root a listed symbolic link leads to (a runner walking `frontend/src`
   * reaches `common/` through `frontend/src/common → ../../common`). Only a path the scan skipped
   * as a link; the source resolves every hop and refuses a target outside the root.
   */
  linkedFolder(path: string): string | undefined {
    if (!this.source.linkTarget || !this.exists(path)) return undefined;
    // Asked of listed paths without an extension: a file already read is no link, one skipped for
    // another reason neither; one not read yet is asked of the source (an lstat), never read for it
    // (its text would be kept for nothing).
    const known = this.text.get(path);
    if (known !== undefined && known !== null) return undefined;
    const skipped = this.stats.skipped.get(path);
    if (skipped !== undefined && skipped !== 'symlink') return undefined;
    const target = this.source.linkTarget(path);
    if (!target || target === path || this.exists(target) || path.startsWith(`${target}/`)) return undefined;
    return this.has(`${target}/**`) ? target : undefined;
  }

  /**
   * The text of the listed document a symbolic link leads to, when the link stays inside the root (a
   * README.rst linked to doc/source/index.rst: blind round 42 called it unreadable). Only for reads
   * a rule or fact asks for by name: the scan still skips links, so a linked file's code and tests
   * are counted once, at the target. The target must be listed itself (never .git/ or an ignored
   * or linked-folder path); it is read as any listed file is (no link, FIFO or device, size cap).
   * Documents only (README.rst, docs/*.md, LICENSE): a linked manifest or config is the file it
   * points to, judged where it lies — read through the link it would count twice (a root
   * pyproject.toml linked to back/pyproject.toml "has no lockfile" beside the link).
   */
  private throughLink(path: string): string | undefined {
    if (this.stats.skipped.get(path) !== 'symlink' || !this.source.linkTarget || !LINKED_DOCUMENT.test(path))
      return undefined;
    const target = this.source.linkTarget(path);
    if (target === undefined || target === path || !this.exists(target)) return undefined;
    const text = this.text.get(target);
    if (text !== undefined) return text ?? undefined;
    const loaded = this.load(target);
    this.text.set(target, loaded ?? null);
    return loaded;
  }

  /** The file's lines, indexed on first use and kept with its text. */
  lines(path: string): Lines | undefined {
    const hit = this.lineIndexes.get(path);
    if (hit) return hit;
    const text = this.read(path);
    if (text === undefined) return undefined;
    const lines = new LineIndex(text);
    this.lineIndexes.set(path, lines);
    return lines;
  }

  /** Text already read (null: read and skipped), or undefined when not read yet. */
  peek(path: string): string | null | undefined {
    return this.text.get(path);
  }

  /** Let the scanner hand over text it has already read, so read() will not read it again. */
  remember(path: string, text: string | null): void {
    this.text.set(path, text);
  }

  /**
   * The digest of a listed file: the one the scanner computed, or computed now from `text` (the
   * scanner's), from text already held, or from a read whose text is not kept. Undefined when the
   * file cannot be read, or while its own digest is being computed (import cycles).
   */
  digest<T>(path: string, d: Digest<T>, text?: string): T | undefined {
    let byPath = this.digests.get(d.key);
    if (!byPath) this.digests.set(d.key, (byPath = new Map()));
    if (byPath.has(path)) return byPath.get(path) as T | undefined;
    if (text === undefined) {
      const held = this.text.get(path);
      text = held !== undefined ? (held ?? undefined) : this.exists(path) ? this.load(path) : undefined;
      if (held === undefined && this.exists(path)) {
        // Asked for during the scan (one test file needs another's helpers): hold the text until
        // the scanner reaches the file, so it is not read a second time.
        if (text === undefined) this.text.set(path, null);
        else if (this.scanning) this.text.set(path, text), this.heldForScan.add(path);
      }
    }
    byPath.set(path, undefined);
    if (text === undefined) return undefined;
    try {
      const value = d.of(path, text, this);
      byPath.set(path, value);
      return value;
    } catch (err) {
      byPath.delete(path);
      throw err;
    }
  }

  /** The scanner has used a text held for it (see digest): drop it. */
  release(path: string): void {
    if (this.heldForScan.delete(path)) this.text.delete(path), this.lineIndexes.delete(path);
  }

  /** The scan is over: texts still held for it are dropped. */
  releaseAll(): void {
    for (const path of this.heldForScan) this.text.delete(path), this.lineIndexes.delete(path);
    this.heldForScan.clear();
  }

  /** Whether the digest of `path` is known (computed, or known to be absent). */
  digested(key: string, path: string): boolean {
    return this.digests.get(key)?.has(path) ?? false;
  }

  /** Let the scanner hand over a digest it computed while it had the text. */
  rememberDigest(key: string, path: string, value: unknown): void {
    let byPath = this.digests.get(key);
    if (!byPath) this.digests.set(key, (byPath = new Map()));
    byPath.set(path, value);
  }

  /** Record a read done elsewhere (the scanner) in the shared statistics. */
  account(path: string, bytes: number | SkipReason): void {
    if (typeof bytes === 'number') {
      this.stats.reads++;
      const i = this.position(path);
      if (i < 0 || this.readOnce[i]) return;
      this.readOnce[i] = 1;
      this.stats.filesRead++;
      this.stats.bytesRead += bytes;
    } else {
      this.stats.skipped.set(path, bytes);
    }
  }

  private load(path: string): string | undefined {
    const replay = this.replay;
    const held = replay?.texts.get(path);
    if (held !== undefined) {
      replay!.texts.delete(path);
      return held ?? undefined;
    }
    const bytes = this.source.readBytes(path, this.maxFileBytes);
    const counted = !replay?.uncounted(path);
    if (typeof bytes === 'string') {
      this.account(path, bytes);
      return undefined;
    }
    const text = decode(bytes);
    if (text === null) this.account(path, 'binary');
    else if (counted) this.account(path, bytes.length);
    return text ?? undefined;
  }

  readJson<T = unknown>(path: string): Parsed<T> {
    return this.parse(path, 'json', (t) => parseJson(t)) as Parsed<T>;
  }

  /** The first YAML document. */
  readYaml<T = unknown>(path: string): Parsed<T> {
    return this.parse(path, 'yaml', (t) => {
      checkYamlNesting(t);
      const doc = yaml().parseDocument(t, YAML_OPTIONS);
      if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]);
      return doc.toJS(TO_JS);
    }) as Parsed<T>;
  }

  /** Every YAML document of a multi-document stream (Kubernetes manifests). */
  readYamlAll<T = unknown>(path: string): Parsed<T[]> {
    return this.parse(path, 'yamlAll', (t) => {
      checkYamlNesting(t);
      const docs = yaml().parseAllDocuments(t, YAML_OPTIONS);
      const list = Array.isArray(docs) ? docs : [docs];
      for (const d of list) if (d.errors.length > 0) throw new Error(d.errors[0]!.message.split('\n')[0]);
      return list.map((d) => d.toJS(TO_JS));
    }) as Parsed<T[]>;
  }

  readToml<T = unknown>(path: string): Parsed<T> {
    return this.parse(path, 'toml', (t) => toml().parse(t)) as Parsed<T>;
  }

  private parse(path: string, kind: string, fn: (text: string) => unknown): Parsed<unknown> {
    const key = `${kind}\0${path}`;
    const hit = this.parsed.get(key);
    if (hit) return hit;
    const text = this.read(path);
    let result: Parsed<unknown>;
    if (text === undefined) {
      result = { ok: false, error: this.stats.skipped.get(path) ?? 'not listed' };
    } else {
      try {
        result = { ok: true, value: fn(text) };
      } catch (err) {
        result = { ok: false, error: `${path}: ${(err as Error).message ?? String(err)}`.slice(0, 300) };
      }
    }
    this.parsed.set(key, result);
    return result;
  }
}

/**
 * Positions of `paths` chained by the hash of a lower-cased part of each (from `from(path)` on: the
 * base name, or the whole path): `head[hash & mask]` is
 * the first, `next[i]` the one after position i (-1 ends a chain), in listing order. Two typed
 * arrays instead of a Map of lower-cased names to lists: that map was 11.6 MB at 100k paths.
 */
function hashTable(paths: readonly string[], from: (path: string) => number): { head: Int32Array; next: Int32Array } {
  let size = 16;
  while (size < paths.length * 2) size *= 2;
  const head = new Int32Array(size).fill(-1);
  const next = new Int32Array(paths.length);
  for (let i = paths.length - 1; i >= 0; i--) {
    const p = paths[i]!;
    const h = hashOf(p, from(p)) & (size - 1);
    next[i] = head[h]!;
    head[h] = i;
  }
  return { head, next };
}

/** The table of `position`: exact paths, each chain from the last listed position down. */
function exactHashTable(paths: readonly string[]): { head: Int32Array; next: Int32Array } {
  let size = 16;
  while (size < paths.length * 2) size *= 2;
  const head = new Int32Array(size).fill(-1);
  const next = new Int32Array(paths.length);
  for (let i = 0; i < paths.length; i++) {
    const h = exactHash(paths[i]!) & (size - 1);
    next[i] = head[h]!;
    head[h] = i;
  }
  return { head, next };
}

/** FNV-1a of the UTF-16 code units of `s`, case kept (exported for the tests' collision counts). */
export function exactHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // Murmur3's finaliser: FNV-1a alone leaves the low bits (the bucket) of names that differ only in
  // letter case (bit 5 of a character) bunched, 28 to a bucket over 65,536 variants.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of `s.slice(from).toLowerCase()`, without the copy when it is ASCII. */
function hashOf(s: string, from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 128) return hashWide(s.slice(from).toLowerCase());
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a of a lower-cased string that has non-ASCII characters (ASCII letters in it are lower case). */
function hashWide(lower: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < lower.length; i++) h = Math.imul(h ^ lower.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Whether the base name of `path`, lower-cased, is `lower`. */
function baseIsLower(path: string, lower: string): boolean {
  const from = path.lastIndexOf('/') + 1;
  if (path.length - from === lower.length) {
    let ascii = true;
    for (let i = 0; i < lower.length; i++) {
      let c = path.charCodeAt(from + i);
      if (c >= 128) {
        ascii = false;
        break;
      }
      if (c >= 65 && c <= 90) c += 32;
      if (c !== lower.charCodeAt(i)) return false;
    }
    if (ascii) return true;
  }
  return path.slice(from).toLowerCase() === lower;
}

/** YAML limits that keep a hostile file (alias bombs, huge documents) from hanging the audit. */
const YAML_OPTIONS = { uniqueKeys: false, strict: false, prettyErrors: false } as const;
const TO_JS = { maxAliasCount: 100 } as const;

/**
 * Bytes to text, or null for binary: a NUL byte means binary; UTF-16 with a byte-order mark is decoded; a UTF-8
 * byte-order mark is dropped; invalid UTF-8 becomes U+FFFD rather than an error.
 */
export function decode(bytes: Buffer): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes.includes(0)) return null;
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.toString('utf8', start);
}
