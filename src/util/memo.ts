/** Per-audit memoisation: a parse shared by several rules happens once per FileView. */
import type { FileView } from '../types.js';

const store = new WeakMap<FileView, Map<string, unknown>>();

/**
 * A view may hand a model to another view that holds the same files for it: a workspace package
 * shares the repository's CI model, since the CI files it sees are the repository's own.
 */
export interface MemoDelegate {
  memoOwner?(key: string): FileView | undefined;
}

export function memo<T>(view: FileView, key: string, compute: () => T): T {
  const files = (view as FileView & MemoDelegate).memoOwner?.(key) ?? view;
  let m = store.get(files);
  if (!m) store.set(files, (m = new Map()));
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}
