import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const files = (tree: Tree) => testInventory(memoryIndex(tree)).files;

// A Ktor service tested with TestBalloon: suites of `test("…")`, and the project's own registering
// functions (declared once, called in every spec) that wrap `test(name)` with a server or a database.
const BALLOON: Tree = {
  'src/test/kotlin/org/shop/Support.kt': [
    'package org.shop',
    '',
    'import de.infix.testBalloon.framework.core.TestSuite',
    'import de.infix.testBalloon.framework.shared.TestElementName',
    'import de.infix.testBalloon.framework.shared.TestRegistering',
    '',
    '@TestRegistering',
    'fun TestSuite.testServer(',
    '    @TestElementName name: String,',
    '    test: suspend Test.ExecutionScope.() -> Unit,',
    ') =',
    '    test(name) {',
    '        testApplication { test() }',
    '    }',
    '',
    'fun <E> TestSuite.testRaise(name: String, block: suspend () -> Unit) = test(name) { block() }',
    '',
    'fun userFixture(name: String) = User(name)',
    '',
  ].join('\n'),
  'src/test/kotlin/org/shop/OrderRouteSpec.kt': [
    'package org.shop',
    '',
    'import de.infix.testBalloon.framework.core.testSuite',
    '',
    'val OrderRoutes by testSuite {',
    '    testServer("lists no orders for a new user") {',
    '        val user = userFixture("ann")',
    '        assert(client.get("/orders").status == HttpStatusCode.OK)',
    '    }',
    '    // testServer("commented out") {',
    '    testServer("rejects an order without items") {',
    '        assertEquals("x", "x")',
    '    }',
    '    testRaise("computes a total") {',
    '    }',
    '}',
    '',
  ].join('\n'),
  'src/test/kotlin/org/shop/SlugSpec.kt': [
    'package org.shop',
    '',
    'import de.infix.testBalloon.framework.core.testSuite',
    '',
    'val Slugs by testSuite {',
    '    test("lower-cases the title") {',
    '        assertEquals("a-b", slug("A B"))',
    '    }',
    '    test("drops punctuation") {}',
    '}',
    '',
  ].join('\n'),
};

describe('Kotlin test DSLs and the project wrappers that register tests (round 12)', () => {
  it('TestBalloon test(…) calls and calls of @TestRegistering / test-calling wrappers each count once, with evidence', () => {
    const out = files(BALLOON);
    expect(out.map((f) => `${f.path}:${f.framework}:${f.cases}`)).toEqual([
      'src/test/kotlin/org/shop/OrderRouteSpec.kt:TestBalloon:3',
      'src/test/kotlin/org/shop/SlugSpec.kt:TestBalloon:2',
    ]);
    const order = out.find((f) => f.path.endsWith('OrderRouteSpec.kt'))!;
    expect(order.first).toEqual({ line: 6, snippet: 'testServer("lists no orders for a new user") {' });
  });

  it('a wrapper name with no declaration in the test sources counts nothing', () => {
    const { 'src/test/kotlin/org/shop/Support.kt': _support, ...rest } = BALLOON;
    expect(files(rest).map((f) => `${f.path.split('/').pop()}:${f.cases}`)).toEqual(['SlugSpec.kt:2']);
  });

  it('Kotest specs: FunSpec test(…), DescribeSpec it(…) under describe, StringSpec "name" { }, xit skipped', () => {
    const out = files({
      'src/test/kotlin/org/shop/CartSpec.kt':
        'import io.kotest.core.spec.style.DescribeSpec\n\nclass CartSpec : DescribeSpec({\n  describe("cart") {\n    it("starts empty") { }\n    xit("sums prices") { }\n  }\n})\n',
      'src/test/kotlin/org/shop/PriceTest.kt':
        'import io.kotest.core.spec.style.StringSpec\n\nclass PriceTest : StringSpec({\n  "rounds half up" {\n  }\n  "keeps cents".config(enabled = false) {\n  }\n})\n',
      'src/test/kotlin/org/shop/TaxTest.kt':
        'import io.kotest.core.spec.style.FunSpec\n\nclass TaxTest : FunSpec({\n  context("vat") {\n    test("applies 20 %") { }\n  }\n})\n',
    });
    expect(out.map((f) => `${f.path.split('/').pop()}:${f.framework}:${f.cases}:${f.skipped}`)).toEqual([
      'CartSpec.kt:Kotest:2:1',
      'PriceTest.kt:Kotest:2:0',
      'TaxTest.kt:Kotest:1:0',
    ]);
  });

  // Blind round 46: JUnit 5 tests whose assertions come from Kotest (io.kotest.matchers,
  // io.kotest.assertions.json) were labelled "Kotest".
  it('JUnit 5 @Test methods using Kotest assertions are JUnit 5; a spec style (io.kotest.core) is Kotest', () => {
    const out = files({
      'src/test/kotlin/org/shop/BasketTest.kt':
        'import io.kotest.assertions.json.shouldEqualJson\nimport io.kotest.matchers.shouldBe\nimport org.junit.jupiter.api.Test\n\nclass BasketTest {\n  @Test\n  fun `is empty`() {\n    1 shouldBe 1\n  }\n  @Test\n  fun `serialises`() {\n    "{}" shouldEqualJson "{}"\n  }\n}\n',
      'src/test/kotlin/org/shop/StockSpec.kt':
        'import io.kotest.matchers.shouldBe\n\nclass StockSpec : io.kotest.core.spec.style.FunSpec({\n  test("counts") { 1 shouldBe 1 }\n})\n',
    });
    expect(out.map((f) => `${f.path.split('/').pop()}:${f.framework}:${f.cases}`)).toEqual([
      'BasketTest.kt:JUnit 5:2',
      'StockSpec.kt:Kotest:1',
    ]);
  });
});
