/**
 * C unit-test frameworks, counted as their runners count them: each registration of a test function
 * is a case. CUnit `CU_add_test(suite, "name", fn)` (and its `CU_ADD_TEST` macro), Unity
 * `RUN_TEST(fn)`, Check `tcase_add_test(tc, fn)` (loop, exit and signal variants), cmocka
 * `cmocka_unit_test(fn)` (setup/teardown/prestate variants). Comments and strings are masked, and a
 * `#define` line (a framework's own macro) registers nothing. Files are those under a test folder or
 * named for tests; a file without any registration counts nothing (a hand-written harness stays
 * "not recognised", not zero).
 */
import { lineIndex, mask, type Syntax } from './mask.js';
import { counter } from './types.js';

const EXT = '{c,cc,cpp,cxx}';
export const C_TEST_GLOBS = [
  `**/{test,tests,unit,unittest,unittests,unit_tests,unit-tests,check}/**/*.${EXT}`,
  `**/*{test,Test}*.${EXT}`,
  `**/check_*.${EXT}`,
];

/**
 * A copy of a C test framework kept in the repository (`tests/unity/`, `CUnit-2.1/`, `cmocka/`):
 * its own self-tests, examples and expected-output samples register tests that are not the project's.
 */
export const C_TEST_LIBRARY = /(^|\/)(?:[Uu]nity|[Cc][Uu]nit|cmocka|libcheck)(?:-\d[\w.]*)?\//;

const C_SYNTAX: Syntax = { line: ['//'], block: 'flat', single: 'char' };

const FRAMEWORKS: [string, RegExp][] = [
  ['CUnit', /\bCU_(?:add_test|ADD_TEST)[ \t]*\(/g],
  ['Unity', /\bRUN_TEST[ \t]*\(/g],
  ['Check', /\btcase_add_(?:loop_)?(?:exit_)?test(?:_raise_signal)?[ \t]*\(/g],
  ['cmocka', /\bcmocka_unit_test(?:_prestate)?(?:_setup)?(?:_teardown)?[ \t]*\(/g],
];
const DIRECTIVE = /^[ \t]*#/gm;

export function countCTests(text: string) {
  const count = counter();
  if (!/CU_add_test|CU_ADD_TEST|RUN_TEST|tcase_add_|cmocka_unit_test/.test(text)) return count.result();
  const code = mask(text, C_SYNTAX);
  const lineOf = lineIndex(code);
  // Preprocessor lines, found in one pass (a search back from each match to its line start was
  // quadratic on one long line of many matches).
  const directives = new Set<number>();
  for (const m of code.matchAll(DIRECTIVE)) directives.add(lineOf(m.index));
  let framework: string | undefined;
  for (const [name, re] of FRAMEWORKS) {
    for (const m of code.matchAll(re)) {
      const line = lineOf(m.index);
      if (directives.has(line)) continue;
      count.add({ line, skipped: false });
      framework ??= name;
    }
  }
  return framework ? { ...count.result(), framework } : count.result();
}
