/**
 * Scala test DSLs register tests by calls (blind round 38: bootzooka's 36 ScalaTest cases were
 * not counted), and a JSX closing tag is no regex (4 of its Vitest cases were lost).
 */
import { describe, expect, it } from 'vitest';
import { countJvm } from './annotated.js';
import { countJavaScript } from './javascript.js';

const count = (lines: string[]) => {
  const r = countJvm(lines.join('\n'), 'scala');
  return { cases: r.cases, skipped: r.skipped, framework: r.framework };
};

describe('Scala test DSLs', () => {
  it('ScalaTest FlatSpec: `"x" should "y" in`, `it should "y" in`, ignored ones skipped', () => {
    expect(
      count([
        'import org.scalatest.flatspec.AnyFlatSpec',
        'class UserSpec extends AnyFlatSpec:',
        '  "validate" should "accept valid data" in:',
        '    ok',
        '  it should "reject a short login" in {',
        '  }',
        '  ignore should "reject an empty login" in {}',
        '  // it should "be commented out" in {}',
        '  it should "be tagged" taggedAs (Slow) in {}',
      ]),
    ).toEqual({ cases: 4, skipped: 1, framework: 'ScalaTest' });
  });

  it('a spec on the project’s own base class, with no framework import, is still FlatSpec', () => {
    expect(count(['class MailTest extends BaseTest:', '  it should "send" in {', '  }'])).toMatchObject({
      cases: 1,
      framework: 'ScalaTest',
    });
  });

  it('WordSpec and FreeSpec: leaves only, not `should {` / `- {` containers', () => {
    expect(
      count([
        'import org.scalatest.wordspec.AnyWordSpec',
        'class StackSpec extends AnyWordSpec {',
        '  "A Stack" when {',
        '    "empty" should {',
        '      "be empty" in { }',
        '      "pop fails" in { }',
        '      "later" ignore { }',
        '    }',
        '  }',
        '}',
      ]),
    ).toEqual({ cases: 3, skipped: 1, framework: 'ScalaTest' });
  });

  it('FunSuite and MUnit `test("…")`, `ignore("…")`, `test("…".ignore)`; a method named test of another object is not one', () => {
    expect(
      count([
        'class MathSuite extends munit.FunSuite {',
        '  test("adds") { assertEquals(1 + 1, 2) }',
        '  test("later".ignore) { }',
        '  property("commutes") { forAll { (a: Int) => true } }',
        '  val x = client.test("not a test")',
        '}',
      ]),
    ).toEqual({ cases: 3, skipped: 1, framework: 'MUnit' });
  });

  it('ZIO Test counts tests inside suites, not the suites', () => {
    expect(
      count([
        'import zio.test._',
        'object UserSpec extends ZIOSpecDefault {',
        '  def spec = suite("users")(',
        '    test("creates") { assertTrue(true) },',
        '    suite("nested")(test("deletes") { assertTrue(true) })',
        '  )',
        '}',
      ]),
    ).toEqual({ cases: 2, skipped: 0, framework: 'ZIO Test' });
  });

  it('specs2: `"…" >> {` is a leaf when nothing inside registers, a group otherwise', () => {
    expect(
      count([
        'import org.specs2.mutable.Specification',
        'class HelloSpec extends Specification {',
        '  "The string" >> {',
        '    "has 11 characters" >> { s must haveSize(11) }',
        '    "starts with Hello" in { s must startWith("Hello") }',
        '  }',
        '}',
      ]),
    ).toEqual({ cases: 2, skipped: 0, framework: 'specs2' });
  });

  it('a Scala helper under src/test with no test DSL counts nothing', () => {
    expect(
      count(['object Requests {', '  def login(name: String) = post("/login" in "x")', '  "a" should "b"', '}']).cases,
    ).toBe(0);
  });
});

describe('JSX closing tags are not regex literals', () => {
  it('`<>x</>` followed by `/>` on the same line keeps the next test', () => {
    const text = [
      "test('a', () => {",
      '  render(<Route index element={<>Protected</>} />);',
      '});',
      "test('b', () => {});",
    ].join('\n');
    expect(countJavaScript(text).cases).toBe(2);
  });
});
