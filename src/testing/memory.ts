/** An in-memory repository for unit tests: the same FileIndex, bytes from a plain object. */
import { FileIndex, type FileSource, type SkipReason } from '../walk/file-index.js';
import { compareCodePoints } from '../walk/list.js';

/** A symbolic link in a tree: listed, never read through (as DiskSource opens with O_NOFOLLOW). */
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
}

export function memoryIndex(tree: Tree, maxFileBytes?: number): FileIndex {
  const paths = Object.keys(tree).sort(compareCodePoints);
  return new FileIndex(paths, new MemorySource(tree), maxFileBytes);
}
