/**
 * ExUnit (Elixir): `mix test` runs the `*_test.exs` files under each project's test/ folder (an
 * umbrella's apps/<app>/test/ too). A case is a `test "…"` (with or without a context pattern),
 * or a StreamData/PropCheck `property "…"`; `describe` only groups them, and `doctest Mod`
 * expands a module's documentation examples, which no other counter counts either. A test tagged
 * `@tag :skip` (or every test under `@moduletag :skip` / `@describetag :skip`) is skipped, and a
 * `test "…"` with no body is ExUnit's not-implemented test, reported as skipped.
 */
import { lineIndex, mask, SYNTAX } from './mask.js';
import { counter } from './types.js';

export const EXUNIT_TEST_GLOBS = ['**/test/**/*_test.exs'];

// The optional `(` carries its own spaces: `[ \t]*\(?[ \t]*` would try every split of a long run
// of blanks (quadratic on a hostile line).
const DEFINITION = /^[ \t]*(test|property)[ \t]*(?:\([ \t]*)?["'~]/gm;
const SKIP_TAG = /^[ \t]*@tag[ \t]+(?::skip\b|skip:)/;
const NOT_IMPLEMENTED = /^[ \t]*test[ \t]*(?:\([ \t]*)?"[^"\n]*"[ \t]*(?:\)[ \t]*)?$/;
const MODULE_SKIP = /^[ \t]*@moduletag[ \t]+(?::skip\b|skip:)/m;

export function countExUnit(text: string) {
  const count = counter();
  // Comments blanked (`# test "old"` is no test); strings kept so a name's quote still follows.
  const code = mask(text, SYNTAX.ruby);
  const lineOf = lineIndex(code);
  const lines = code.split('\n');
  const moduleSkip = MODULE_SKIP.test(code);
  for (const m of code.matchAll(DEFINITION)) {
    const line = lineOf(m.index);
    // The tag sits on a line of its own above the test (other tags may sit between).
    let skipped = moduleSkip;
    for (let n = line - 2; n >= 0 && n >= line - 4 && !skipped; n--) {
      const above = lines[n] ?? '';
      if (SKIP_TAG.test(above)) skipped = true;
      else if (!/^[ \t]*@tag\b/.test(above)) break;
    }
    // `test "not written yet"` alone on its line (nothing after the name, strings blanked).
    if (m[1] === 'test' && NOT_IMPLEMENTED.test(lines[line - 1] ?? '')) skipped = true;
    count.add({ line, skipped });
  }
  return { ...count.result(), framework: 'ExUnit' };
}
