/** Per-audit memoisation: a parse shared by several rules happens once per FileIndex. */
import type { FileIndex } from '../../src/walk/file-index.js';

const store = new WeakMap<FileIndex, Map<string, unknown>>();

export function memo<T>(files: FileIndex, key: string, compute: () => T): T {
  let m = store.get(files);
  if (!m) store.set(files, (m = new Map()));
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}
