/**
 * Rust test-only modules, shared by module-size and tests-present (one production-source count).
 * `#[cfg(test)] mod tests;` names a file compiled only for tests, and a file that opens with
 * `#![cfg(test)]` is one (blind round 4, lemmy: db_views/post/src/test.rs, 2,443 lines, was the
 * "god module").
 */
import type { Match, PatternSpec } from '../types.js';

export const RUST_CFG_TEST: PatternSpec = {
  regex: /#\[cfg\(test\)\]\s*(?:pub(?:\([\w:]+\))?\s+)?mod\s+(\w+)\s*;|(?:^|\n)#!\[cfg\(test\)\]/,
  files: ['**/*.rs'],
  literals: ['cfg(test)'],
  maxPerFile: 10,
};

/**
 * Files compiled only for tests: a `#[cfg(test)] mod x;` in src/lib.rs, main.rs or mod.rs names
 * src/x.rs or src/x/mod.rs; in src/foo.rs it names src/foo/x.rs. A file opening with
 * `#![cfg(test)]` is one itself.
 */
export function rustTestModules(matches: readonly Match[]): Set<string> {
  const out = new Set<string>();
  for (const m of matches) {
    const name = m.groups[0];
    if (!name) {
      out.add(m.path);
      continue;
    }
    const slash = m.path.lastIndexOf('/');
    const dir = slash === -1 ? '' : m.path.slice(0, slash + 1);
    const base = m.path.slice(slash + 1);
    const parent = /^(?:lib|main|mod)\.rs$/.test(base) ? dir : `${dir}${base.replace(/\.rs$/, '')}/`;
    out.add(`${parent}${name}.rs`);
    out.add(`${parent}${name}/mod.rs`);
  }
  return out;
}
