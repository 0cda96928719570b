import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './tests-present.js';

/**
 * A line counter written in Rust: its tests/data folder holds one sample file per language it
 * counts (a C# file with an xUnit `[Fact]`, a Gherkin feature) that the Rust tests read.
 */
const counter = (extra: Record<string, string> = {}) => ({
  'Cargo.toml': '[package]\nname = "linecount"\nversion = "0.1.0"\n',
  'src/main.rs': 'fn main() {\n    println!("{}", linecount::count("x"));\n}\n',
  'src/lib.rs': [
    'pub fn count(s: &str) -> usize {',
    '    s.lines().count()',
    '}',
    '',
    '#[cfg(test)]',
    'mod tests {',
    '    #[test]',
    '    fn counts_lines() {',
    '        assert_eq!(super::count("a\\nb"), 2);',
    '    }',
    '}',
  ].join('\n'),
  'tests/accuracy.rs': '#[test]\nfn samples_match() {\n    assert!(true);\n}\n',
  'tests/data/csharp.cs': [
    '// 12 lines 8 code 2 comments 2 blanks',
    'using Xunit;',
    '',
    'public class Sample',
    '{',
    '    [Fact]',
    '    public void Adds()',
    '    {',
    '        Assert.Equal(2, 1 + 1);',
    '    }',
    '}',
  ].join('\n'),
  'tests/data/gherkin.feature': 'Feature: Counting\n  Scenario: a sample\n    Given a file\n',
  ...extra,
});

describe('tests-present: test-data folders hold fixtures, not tests', () => {
  it('does not count a C# sample under tests/data in a Rust project, nor cite a feature file there', async () => {
    const run = await runRuleOn(rule, counter());
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/^2 test cases in 2 test files/);
    const paths = run.evidence.map((e) => e.path);
    expect(paths).not.toContain('tests/data/csharp.cs');
    expect(paths).not.toContain('tests/data/gherkin.feature');
    expect(run.evidence[0]).toMatchObject({ path: 'src/lib.rs', line: 7, snippet: '#[test]' });
    expect(Object.keys((run.data as { byLanguage: object }).byLanguage)).toEqual(['Rust']);
  });

  it('still counts C# tests under a test-data folder when the project tests in C# elsewhere', async () => {
    const run = await runRuleOn(
      rule,
      counter({
        'tests/Sample.Tests/AddTests.cs': 'public class AddTests\n{\n    [Fact]\n    public void Adds() { }\n}\n',
      }),
    );
    const byLanguage = (run.data as { byLanguage: Record<string, { testFiles: number }> }).byLanguage;
    expect(byLanguage['C#']?.testFiles).toBe(2);
    expect(run.evidence.find((e) => e.path === 'tests/Sample.Tests/AddTests.cs')).toMatchObject({ line: 3 });
  });
});

describe("tests-present: a corpus of other projects is not this project's tests", () => {
  const swift = (extra: Record<string, string> = {}) => ({
    'Package.swift':
      '// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: "Fmt", targets: [.target(name: "Fmt"), .testTarget(name: "FmtTests", dependencies: ["Fmt"])])\n',
    'Sources/Fmt/Fmt.swift': 'public func format(_ s: String) -> String { s }\n',
    'Tests/FmtTests/FmtTests.swift':
      'import XCTest\n@testable import Fmt\n\nclass FmtTests: XCTestCase {\n    func testKeeps() {\n        XCTAssertEqual(format("a"), "a")\n    }\n}\n',
    ...extra,
  });
  const snapshot =
    'import XCTest\n\nclass LayoutTests: XCTestCase {\n    func testOne() {}\n    func testTwo() {}\n}\n';

  it('leaves out XCTest methods in a top-level Snapshots/ folder and a corpus/ folder', async () => {
    const run = await runRuleOn(
      rule,
      swift({ 'Snapshots/Layout/Tests/LayoutTests.swift': snapshot, 'fuzz/corpus/CaseTests.swift': snapshot }),
    );
    expect(run.message).toMatch(/^1 test case in 1 test file/);
    expect(run.evidence.map((e) => e.path)).not.toContain('Snapshots/Layout/Tests/LayoutTests.swift');
  });

  it("counts the same file under the project's own Tests/ folder", async () => {
    const run = await runRuleOn(rule, swift({ 'Tests/FmtTests/LayoutTests.swift': snapshot }));
    expect(run.message).toMatch(/^3 test cases in 2 test files/);
  });
});
