/**
 * Swift tests, as `swift test` and `xcodebuild test` find them. XCTest runs each method `func
 * test…()` (no parameters) of an `XCTestCase` subclass; swift-testing runs each function marked
 * `@Test` (one per argument with `arguments:`, skipped with `.disabled`); Quick and Spectre each
 * `it("…")`. Test targets live in
 * SwiftPM's `Tests/<Target>/` or an Xcode project's `…Tests/` folders.
 *
 * Swift test files often hold Swift source as input data in multi-line string literals (a
 * formatter's tests are mostly `"""…"""` blocks with `func test…` and `import Testing` inside):
 * strings and comments are blanked first, in one pass, and only what is left is read.
 */
import { counter } from './types.js';
import type { FileCount } from './digest.js';

export const SWIFT_TEST_GLOBS = ['**/Tests/**/*.swift', '**/*Tests/**/*.swift', '**/*{Test,Tests}.swift'];

/**
 * The text with comments and string literal contents replaced by spaces (newlines kept, so lines
 * keep their numbers; a string's delimiters are kept): `"…"`, `"""…"""`, raw `#"…"#` / `#"""…"""#`, `//` and nested `/* … *\/`.
 * Interpolations `\(…)` are blanked with their string. One pass, no backtracking.
 */
export function maskSwift(text: string): string {
  // Where a string's contents start: after its `#`s and its one or three quotes.
  const k0 = (at: number, hashes: number, multi: boolean) => at + hashes + (multi ? 3 : 1);
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  let from = 0; // start of the text not yet copied
  const blank = (a: number, b: number) => {
    out.push(text.slice(from, a));
    for (let k = a; k < b; k++) out.push(text[k] === '\n' ? '\n' : ' ');
    from = b;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      let e = text.indexOf('\n', i);
      if (e === -1) e = n;
      blank(i, e);
      i = e;
    } else if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      let k = i + 2;
      while (k < n && depth > 0) {
        if (text[k] === '/' && text[k + 1] === '*') {
          depth++;
          k += 2;
        } else if (text[k] === '*' && text[k + 1] === '/') {
          depth--;
          k += 2;
        } else k++;
      }
      blank(i, k);
      i = k;
    } else if (c === '"' || (c === '#' && (text[i + 1] === '"' || text[i + 1] === '#'))) {
      let hashes = 0;
      let k = i;
      while (text[k] === '#') {
        hashes++;
        k++;
      }
      if (text[k] !== '"') {
        i = k;
        continue;
      }
      const multi = text.startsWith('"""', k);
      const close = (multi ? '"""' : '"') + '#'.repeat(hashes);
      k += multi ? 3 : 1;
      let end = -1;
      while (k < n) {
        const ch = text[k]!;
        if (ch === '\\' && hashes === 0) {
          k += 2;
          continue;
        }
        if (!multi && ch === '\n') break; // an unterminated one-line string ends with its line
        if (ch === '"' && text.startsWith(close, k)) {
          end = k + close.length;
          break;
        }
        k++;
      }
      const open = k0(i, hashes, multi);
      if (end === -1) {
        end = Math.min(k, n);
        blank(open, end);
      } else blank(open, end - close.length);
      i = end;
    } else i++;
  }
  out.push(text.slice(from));
  return out.join('');
}

const XCTEST_METHOD =
  /^[ \t]*(?:@\w+[ \t]+)*(?:(?:override|public|private|fileprivate|internal|open|final|nonisolated)[ \t]+)*func[ \t]+test\w*[ \t]*\([ \t]*\)/;
const TEST_ATTRIBUTE = /@Test\b(?![\w.])/g;
/** A Quick or Spectre example: `it("…")`, `$0.it("…")`, `xit("…")` (skipped), at the start of a statement. */
const SPEC_IT = /^[ \t]*(?:\$\d+\.)?([fx]?)it[ \t]*\([ \t]*"/;

/** XCTest methods and swift-testing `@Test` functions of one Swift file. */
export function countSwift(text: string): FileCount {
  const code = maskSwift(text);
  const count = counter();
  const xctest = /^[ \t]*(?:@testable[ \t]+)?import[ \t]+XCTest\b/m.test(code);
  const testing = /^[ \t]*(?:@_?\w+[ \t]+)*import[ \t]+Testing\b/m.test(code);
  // A class deriving from something: an XCTestCase or a project base class that does.
  // The generic clause carries its own trailing blanks (`[ \t]*(?:<…>)?[ \t]*` is quadratic on a long run of blanks).
  const hasTestClass = xctest && /\bclass[ \t]+\w+[ \t]*(?:<[^>\n]*>[ \t]*)?:[ \t]*\w/.test(code);
  // Quick and Spectre specs: each `it("…")` is a test (`xit`/`pending` skipped); Spectre's run
  // inside XCTest methods, whose own count then gives way to them.
  const specs = /^[ \t]*(?:@testable[ \t]+)?import[ \t]+(?:Quick|Spectre)\b/m.test(code);
  const spec = counter();
  let xc = 0;
  let st = 0;
  let line = 0;
  let start = 0;
  while (start <= code.length) {
    let end = code.indexOf('\n', start);
    if (end === -1) end = code.length;
    line++;
    const l = code.slice(start, end);
    if (specs && l.includes('it')) {
      const m = SPEC_IT.exec(l);
      if (m) spec.add({ line, skipped: m[1] === 'x' });
    }
    if (hasTestClass && l.includes('func') && XCTEST_METHOD.test(l)) {
      count.add({ line });
      xc++;
    }
    if (testing && l.includes('@Test')) {
      TEST_ATTRIBUTE.lastIndex = 0;
      for (let m = TEST_ATTRIBUTE.exec(l); m; m = TEST_ATTRIBUTE.exec(l)) {
        // The attribute's own arguments, read from a bounded window (a line of many `@Test`s stays linear).
        const rest = l.slice(m.index, m.index + 400);
        count.add({
          line,
          skipped: /^@Test[ \t]*\([^\n]*\.disabled\b/.test(rest),
          ...(/^@Test[ \t]*\([^\n]*\barguments[ \t]*:/.test(rest) ? { params: 1 } : {}),
        });
        st++;
      }
    }
    start = end + 1;
  }
  const specCount = spec.result();
  if (specCount.cases > 0)
    return { ...specCount, framework: /^[ \t]*import[ \t]+Quick\b/m.test(code) ? 'Quick' : 'Spectre' };
  const framework = xc && st ? 'XCTest, swift-testing' : xc ? 'XCTest' : st ? 'swift-testing' : undefined;
  return { ...count.result(), ...(framework ? { framework } : {}) };
}
