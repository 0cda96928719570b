import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import { countSwift } from '../../src/facts/tests/swift.js';
import testsPresent from './tests-present.js';
import testTypes from './test-types.js';

/**
 * Blind round 27 (a Swift command-line tool and library): 5,766 XCTest methods in Tests/ were
 * "No test cases found" and "No tests of any kind"; most of its test files hold Swift source as
 * input in multi-line strings, with `func test…` and `import Testing` inside.
 */
const XCTEST = [
  'import XCTest', // 1
  '@testable import Formatter', // 2
  '', // 3
  'final class WrapTests: XCTestCase {', // 4
  '    func testWrapsLongLines() {', // 5
  '        let input = """', // 6
  '        import Testing', // 7
  '        @Test func inner() {}', // 8
  '        func testNotATest() {}', // 9
  '        """', // 10
  '        XCTAssertEqual(wrap(input), input)', // 11
  '    }', // 12
  '', // 13
  '    // func testCommentedOut() {}', // 14
  '    func testHelper(for input: String) {}', // 15
  '    override func testKeepsShortLines() throws {', // 16
  '        let s = "func testInString() {"', // 17
  '    }', // 18
  '    /* func testInBlock() {} /* nested */ func testStillComment() {} */', // 19
  '    func testAsync() async throws {}', // 20
  '}', // 21
].join('\n');

const SWIFT_TESTING = [
  'import Testing', // 1
  '', // 2
  '@Suite struct ParserTests {', // 3
  '    @Test func parsesEmpty() {}', // 4
  '    @Test("named", arguments: [1, 2, 3])', // 5
  '    func parsesNumbers(n: Int) {}', // 6
  '    @Test(.disabled("flaky")) func parsesLater() {}', // 7
  '}', // 8
].join('\n');

const PACKAGE = [
  '// swift-tools-version:5.9',
  'import PackageDescription',
  'let package = Package(name: "Formatter", targets: [',
  '  .target(name: "Formatter"),',
  '  .testTarget(name: "FormatterTests", dependencies: ["Formatter"]),',
  '])',
].join('\n');

describe('Swift tests (XCTest, swift-testing)', () => {
  it('counts XCTest methods of XCTestCase classes, never what strings and comments hold', () => {
    const c = countSwift(XCTEST);
    expect(c).toMatchObject({ cases: 3, framework: 'XCTest', firstLine: 5 });
  });

  it('counts @Test functions, parametrized and disabled ones marked', () => {
    expect(countSwift(SWIFT_TESTING)).toMatchObject({
      cases: 3,
      skipped: 1,
      parametrized: 1,
      framework: 'swift-testing',
    });
    // Without `import Testing`, `@Test` is nobody's attribute.
    expect(countSwift(SWIFT_TESTING.replace('import Testing', 'import Foundation')).cases).toBe(0);
    // A `test…` method outside any class deriving from a test case base is no XCTest.
    expect(countSwift('import XCTest\nstruct Helper {\n    func testLike() {}\n}\n').cases).toBe(0);
  });

  it('counts Quick and Spectre examples, each it("…"), instead of the XCTest methods that run them', () => {
    const spectre = [
      'import Spectre', // 1
      'import XCTest', // 2
      'class SpecLoaderTests: XCTestCase {', // 3
      '    func testSpecLoader() {', // 4
      '        describe {', // 5
      '            $0.it("loads a spec") {}', // 6
      '            $0.it("merges includes") {}', // 7
      '            $0.xit("resolves cycles") {}', // 8
      '            let s = "it(\\"not a test\\")"', // 9
      '        }', // 10
      '    }', // 11
      '}', // 12
    ].join('\n');
    expect(countSwift(spectre)).toMatchObject({ cases: 3, skipped: 1, framework: 'Spectre', firstLine: 6 });
    const quick =
      'import Quick\nimport Nimble\nclass DogSpec: QuickSpec {\n  override class func spec() {\n    it("barks") {}\n  }\n}\n';
    expect(countSwift(quick)).toMatchObject({ cases: 1, framework: 'Quick' });
  });

  it('tests-present and test-types see the Swift suite of a package', async () => {
    const tree = {
      'Package.swift': PACKAGE,
      'Sources/Formatter/Wrap.swift': 'public func wrap(_ s: String) -> String { s }\n',
      'Sources/Formatter/Tokens.swift': 'public struct Token {}\n',
      'Tests/FormatterTests/WrapTests.swift': XCTEST,
      'Tests/FormatterTests/ParserTests.swift': SWIFT_TESTING,
    };
    const present = await runRuleOn(testsPresent, tree, { profile: 'library' });
    expect(present.outcome).toBe('pass');
    expect(present.message).toMatch(/^6 test cases in 2 test files/);
    expect(present.evidence[0]!.note).toMatch(/Swift: 6 test cases in 2 files \(XCTest, swift-testing\)/);
    const types = await runRuleOn(testTypes, tree, { profile: 'library' });
    expect(types.outcome).toBe('pass');
  });

  it('test files in a language the tool does not count make the count unknown, not zero', async () => {
    const tree = {
      'src/parser.c': 'int parse(void) { return 0; }\n',
      'tests/test_parser.c': '#include "unity.h"\nvoid test_parse(void) { TEST_ASSERT_EQUAL(0, parse()); }\n',
    };
    const present = await runRuleOn(testsPresent, tree, { profile: 'library' });
    expect(present.outcome).toBe('unknown');
    expect(present.message).toMatch(/1 test file is in a language or framework this tool does not count/);
    expect((await runRuleOn(testTypes, tree, { profile: 'library' })).outcome).toBe('unknown');
    // No file that looks like a test: still a plain fail.
    const bare = { 'src/parser.c': tree['src/parser.c'] };
    expect((await runRuleOn(testsPresent, bare, { profile: 'library' })).outcome).toBe('fail');
    expect((await runRuleOn(testTypes, bare, { profile: 'library' })).outcome).toBe('fail');
  });
});
