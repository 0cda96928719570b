/**
 * Rust test-only modules, shared by module-size and tests-present (one production-source count).
 * `#[cfg(test)] mod tests;` names a file compiled only for tests, and a file that opens with
 * `#![cfg(test)]` is one (blind round 4, lemmy: db_views/post/src/test.rs, 2,443 lines, was the
 * "god module").
 */
import type { Lines, Match, PatternSpec } from '../types.js';

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

/**
 * The first `#[cfg(test)]` line of a Rust file (1-based), Infinity when there is none. The unit-test
 * module closes the file by convention (clippy's `items_after_test_module` warns otherwise), so what
 * follows it is test code.
 */
export function rustTestFrom(lines: Lines): number {
  let at = 1;
  while (at <= lines.count && !/^\s*#\[cfg\(test\)\]/.test(lines.line(at))) at++;
  return at <= lines.count ? at : Number.POSITIVE_INFINITY;
}

/**
 * A test function's attribute: `#[test]` and the async runtimes' (`#[tokio::test]`,
 * `#[actix_rt::test]`, `#[actix_web::test]`, `#[async_std::test]`, `#[sqlx::test]`).
 */
const TEST_ATTRIBUTE = /^\s*#\[(?:(?:tokio|actix_rt|actix_web|async_std|sqlx|rstest|test_log)::)?test\b/;

const testFrom = new WeakMap<Lines, number>();
/** Whether `line` of a Rust file sits in a unit test: after `#[cfg(test)]`, or a test attribute a few lines up. */
export function inRustTestModule(lines: Lines | undefined, line: number): boolean {
  if (!lines) return false;
  let from = testFrom.get(lines);
  if (from === undefined) testFrom.set(lines, (from = rustTestFrom(lines)));
  if (from < line) return true;
  return lines.range(line - 6, line - 1).some((l) => TEST_ATTRIBUTE.test(l));
}
