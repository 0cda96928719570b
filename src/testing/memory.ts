/** An in-memory repository for unit tests: the same FileIndex, bytes from a plain object. */
import { FileIndex, type FileSource, type SkipReason } from '../walk/file-index.js';
import { compareCodePoints } from '../walk/list.js';

/** A symbolic link in a tree: listed, skipped by the scan (as DiskSource opens with O_NOFOLLOW); a read by name follows it inside the tree. */
export class Symlink {
  constructor(readonly target: string) {}
}

export type Tree = Record<string, string | Buffer | Symlink>;

export class MemorySource implements FileSource {
  constructor(private readonly tree: Tree) {}
  readBytes(path: string, maxBytes: number): Buffer | SkipReason {
    const v = this.tree[path];
    if (v === undefined) return 'unreadable';
    if (v instanceof Symlink) return 'symlink';
    const b = typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
    return b.length > maxBytes ? 'too-large' : b;
  }
  /** The path a chain of links (each relative to its folder) leads to, inside the tree; at most 8 hops. */
  linkTarget(path: string): string | undefined {
    let at = path;
    for (let hop = 0; hop < 8; hop++) {
      const v = this.tree[at];
      if (!(v instanceof Symlink))
        return hop > 0 && (v !== undefined || Object.keys(this.tree).some((k) => k.startsWith(`${at}/`)))
          ? at
          : undefined;
      if (v.target.startsWith('/')) return undefined;
      const parts = at.split('/').slice(0, -1);
      for (const seg of v.target.split('/')) {
        if (seg === '..') {
          if (!parts.length) return undefined;
          parts.pop();
        } else if (seg && seg !== '.') parts.push(seg);
      }
      at = parts.join('/');
    }
    return undefined;
  }
}

export function memoryIndex(tree: Tree, maxFileBytes?: number): FileIndex {
  const paths = Object.keys(tree).sort(compareCodePoints);
  return new FileIndex(paths, new MemorySource(tree), maxFileBytes);
}
