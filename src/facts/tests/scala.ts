/**
 * Scala test DSLs, read from masked code (comments and string contents blanked): ScalaTest's
 * styles, MUnit, specs2, ZIO Test and Weaver register tests by calls, not annotations. Counted per
 * file and conservatively: one case per registration as written (a helper that registers tests
 * in a loop counts once), containers (`describe`, `suite`, `"x" should {`, `"x" - {`) not at all.
 *
 * - `test("…")`, `it("…")`, `Scenario("…")`, `property("…")`, Weaver's `pureTest("…")`: FunSuite,
 *   FunSpec, FeatureSpec, MUnit, ZIO Test, Weaver, ScalaCheck properties; `ignore("…")` is skipped.
 * - `"…" in {`, `"…" should "…" in`, `it should "…" in`: FlatSpec, WordSpec, FreeSpec, specs2
 *   (the leaf is the string before `in`); `ignore`/`is (pending)` instead of `in` are skipped.
 * - specs2 `"…" >> {`: a leaf when its block registers nothing else (otherwise a group).
 */

/** The framework a file's imports or base classes name; undefined for none of these (JUnit in Scala). */
function framework(code: string): string | undefined {
  if (
    /\borg\.scalatest\b|\bextends[ \t]+(?:Any|Async)?(?:FlatSpec|FunSuite|WordSpec|FreeSpec|FunSpec|FeatureSpec|PropSpec)\w*\b/.test(
      code,
    )
  )
    return 'ScalaTest';
  if (
    /\bimport[ \t]+munit\b|\bextends[ \t]+(?:munit\.)?(?:FunSuite|CatsEffectSuite|ScalaCheckSuite|ZSuite)\b/.test(code)
  )
    return 'MUnit';
  if (/\borg\.specs2\b/.test(code)) return 'specs2';
  if (/\bimport[ \t]+zio\.test\b|\bextends[ \t]+ZIOSpec\w*\b/.test(code)) return 'ZIO Test';
  if (/\bimport[ \t]+weaver\b|\bextends[ \t]+(?:weaver\.)?(?:Simple)?IOSuite\b/.test(code)) return 'Weaver';
  if (/\bimport[ \t]+utest\b/.test(code)) return 'uTest';
  // A spec extending the project's own base class (`class UserTest extends BaseTest`) imports
  // nothing of the framework; FlatSpec's `it should "…" in` is unmistakable.
  if (/^[ \t]*(?:it|they|ignore)[ \t]+(?:should|must|can)[ \t]+"[^"\n]*"[ \t]*(?:in|ignore)\b/m.test(code))
    return 'ScalaTest';
  return undefined;
}

/** A call registering one test by name: `test("…")`, `it("…")`…; not a method of another object. */
const CALL = /(?<![\w.])(test|testM|it|they|Scenario|scenario|property|pureTest|loggedTest|ignore)[ \t]*\([ \t]*"/g;
/**
 * A named leaf before its body: `"…" in`, `"…" ignore`, `"…" is (pending)`, `"…" taggedAs (…) in`.
 * The string is matched by its quotes only (masked content has no quote in it).
 */
const LEAF = /"[^"\n]*"[ \t]*(?:taggedAs[ \t]*\([^()\n]{0,200}\)[ \t]*)?\b(in|ignore|is)\b(?![\w.])/g;
/** `ignore should "…" in` (FlatSpec): skipped. */
const IGNORED_BEFORE = /\bignore[ \t]+(?:should|must|can)[ \t]+$/;
/** specs2 `"…" >> {`: its brace. */
const ARROW = /"[^"\n]*"[ \t]*>>[ \t]*\{/g;

export function countScala(
  code: string,
  lineOf: (at: number) => number,
): { framework: string; leaves: Array<{ line: number; skipped: boolean }> } | undefined {
  const fw = framework(code);
  if (!fw) return undefined;
  const leaves: Array<{ at: number; skipped: boolean }> = [];
  for (const m of code.matchAll(CALL)) {
    // MUnit `test("x".ignore)`: the argument is blanked, `.ignore` after its closing quote stays.
    const ignored =
      m[1] === 'ignore' ||
      /^[^"\n]{0,300}"\.ignore\b/.test(code.slice(m.index + m[0].length, m.index + m[0].length + 320));
    leaves.push({ at: m.index, skipped: ignored });
  }
  for (const m of code.matchAll(LEAF)) {
    if (
      m[1] === 'is' &&
      !/^[ \t]*\(?[ \t]*pending\b/.test(code.slice(m.index + m[0].length, m.index + m[0].length + 20))
    )
      continue;
    const near = code.slice(Math.max(0, m.index - 40), m.index);
    const before = near.slice(near.lastIndexOf('\n') + 1);
    leaves.push({ at: m.index, skipped: m[1] !== 'in' || IGNORED_BEFORE.test(before) });
  }
  if (fw === 'specs2') {
    const arrows = [...code.matchAll(ARROW)];
    if (arrows.length) {
      const closes = braceCloses(code);
      // Prefix counts of registrations, to ask "any inside this block?" in constant time.
      const marks = new Int32Array(code.length + 1);
      for (const l of leaves) marks[l.at + 1] = 1;
      for (const a of arrows) marks[a.index + 1] = 1;
      for (let i = 1; i <= code.length; i++) marks[i]! += marks[i - 1]!;
      for (const a of arrows) {
        const open = a.index + a[0].length - 1;
        const close = closes.get(open) ?? code.length;
        if (marks[close]! - marks[open + 1]! === 0) leaves.push({ at: a.index, skipped: false });
      }
    }
  }
  return { framework: fw, leaves: leaves.map((l) => ({ line: lineOf(l.at), skipped: l.skipped })) };
}

/** For each `{` of masked code, the offset of the `}` that closes it: one pass with a stack. */
function braceCloses(code: string): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 123) stack.push(i);
    else if (c === 125 && stack.length) out.set(stack.pop()!, i);
  }
  return out;
}
