/** Per-audit memoisation: a parse shared by several rules happens once per FileView. */
import type { FileView } from '../types.js';

const store = new WeakMap<FileView, Map<string, unknown>>();

export function memo<T>(files: FileView, key: string, compute: () => T): T {
  let m = store.get(files);
  if (!m) store.set(files, (m = new Map()));
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}
