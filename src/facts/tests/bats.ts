/**
 * Bats (Bash Automated Testing System): `bats <dir>` runs every `@test "name" { … }` block of the
 * `*.bats` files it is given. A case is an `@test` at the start of a line (a `# @test` comment is
 * none); a test whose body starts with an unconditional `skip` is skipped. Copies of Bats' own
 * helper libraries (`test_helper/bats-support`, `bats-assert`, a vendored `bats-core`) hold that
 * library's tests, not the project's.
 */
import { lineIndex } from './mask.js';
import { counter } from './types.js';

export const BATS_TEST_GLOBS = ['**/*.bats'];
/** A vendored copy of Bats or one of its libraries, with their own test suites. */
export const BATS_LIBRARY = /(^|\/)(?:test_helpers?\/|bats-(?:core|support|assert|file|mock)\/)/;

// `@test` then blanks then a quote; the name itself is not read (one pass, no backtracking).
const DEFINITION = /^[ \t]*@test[ \t]+['"]/gm;
// The first statement of a body: `skip` or `skip "reason"` (a `[[ … ]] && skip` is conditional).
const SKIP_FIRST = /^\{?[ \t]*\n?[ \t]*skip(?:[ \t;]|$)/;

export function countBats(text: string) {
  const count = counter();
  const lineOf = lineIndex(text);
  for (const m of text.matchAll(DEFINITION)) {
    // The body opens with `{` at the end of the `@test` line; look at a bounded slice after it.
    const open = text.indexOf('{', m.index + m[0].length);
    const eol = text.indexOf('\n', m.index);
    const body = open >= 0 && (eol < 0 || open < eol) ? text.slice(open, open + 200) : '';
    count.add({ line: lineOf(m.index), skipped: SKIP_FIRST.test(body) });
  }
  return { ...count.result(), framework: 'Bats' };
}
