/**
 * Rust test-only modules, shared by module-size and tests-present (one production-source count).
 * `#[cfg(test)] mod tests;` names a file compiled only for tests, and a file that opens with
 * `#![cfg(test)]` is one (blind round 4, lemmy: db_views/post/src/test.rs, 2,443 lines, was the
 * "god module").
 */
import type { Lines, Match, PatternSpec } from '../types.js';
import { lineIndex, mask, matchBrackets, SYNTAX } from './tests/mask.js';

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
 * A test function's attribute: `#[test]` and any path ending in `::test` (`#[tokio::test]`, `#[crate::test]`,
 * `#[actix_rt::test]`, `#[actix_web::test]`, `#[async_std::test]`, `#[sqlx::test]`).
 */
const TEST_ATTRIBUTE = /^\s*#\[(?:(?:::)?(?:\w+::){1,4})?test\b/;

const testFrom = new WeakMap<Lines, number>();
/** Whether `line` of a Rust file sits in a unit test: after `#[cfg(test)]`, or a test attribute a few lines up. */
export function inRustTestModule(lines: Lines | undefined, line: number): boolean {
  if (!lines) return false;
  let from = testFrom.get(lines);
  if (from === undefined) testFrom.set(lines, (from = rustTestFrom(lines)));
  if (from < line) return true;
  return lines.range(line - 6, line - 1).some((l) => TEST_ATTRIBUTE.test(l));
}

/** The most `#[cfg(test)]` / test attributes of one file whose items are measured (a bound for hostile files). */
const MAX_TEST_ITEMS = 2000;

const testBlocksOf = new WeakMap<Lines, [number, number][]>();

/**
 * The line spans [first, last] of a Rust file's test code: each item under `#[cfg(test)]` or a test
 * attribute (`#[test]`, `#[tokio::test]` …) that opens a brace body, `mod tests { … }` or a test
 * function, from its attribute to its closing brace. Unlike rustTestFrom this is exact: production
 * code after an inline test module stays production code (blind round 46: test RSA keys in a
 * `#[cfg(test)] mod rotation_tests { … }` of an OAuth module were counted as committed secrets).
 */
export function rustTestBlocks(lines: Lines): [number, number][] {
  const cached = testBlocksOf.get(lines);
  if (cached) return cached;
  const out: [number, number][] = [];
  const text = lines.text;
  if (text.includes('#[')) {
    const code = mask(text, SYNTAX.rust);
    const lineOf = lineIndex(code);
    const opens: { attr: number; open: number }[] = [];
    const ATTR = /#\[\s*(?:cfg\s*\(\s*test\s*\)|(?:(?:tokio|actix_rt|actix_web|async_std|sqlx|test_log)::)?test)\s*\]/g;
    let last = -1;
    for (const m of code.matchAll(ATTR)) {
      if (m.index < last) continue;
      // The item the attribute stands on: its body opens at the first `{` before any `;` (an item
      // without a body, `#[cfg(test)] mod tests;` or `use`, has none here).
      let j = m.index + m[0].length;
      const end = Math.min(code.length, j + 4000);
      while (j < end && code.charCodeAt(j) !== 0x7b && code.charCodeAt(j) !== 0x3b) j++;
      if (j >= end || code.charCodeAt(j) !== 0x7b) continue;
      opens.push({ attr: m.index, open: j });
      last = j;
      if (opens.length >= MAX_TEST_ITEMS) break;
    }
    const closes = matchBrackets(
      code,
      opens.map((o) => o.open),
    );
    let reach = -1;
    for (const o of opens) {
      const close = closes.get(o.open) ?? -1;
      if (close < 0 || o.attr < reach) continue;
      out.push([lineOf(o.attr), lineOf(close - 1)]);
      reach = close;
    }
  }
  testBlocksOf.set(lines, out);
  return out;
}

/** Whether `line` (1-based) of a Rust file lies in its test code (rustTestBlocks). */
export function inRustTestBlock(lines: Lines | undefined, line: number): boolean {
  if (!lines) return false;
  return rustTestBlocks(lines).some(([a, b]) => a <= line && line <= b);
}
