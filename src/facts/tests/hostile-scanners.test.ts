import { describe, expect, it } from 'vitest';
import { countCSharp, countJvm, countRust } from './annotated.js';
import { countGo, goSuites } from './go.js';
import { countPhp } from './scripting.js';

// Test files written to be slow to read: each one finishes with the same counts as its
// ordinary part alone, in one pass (these used to rescan the file per call or per block).
describe('test counters on hostile input', () => {
  it('Pest: thousands of unclosed describe( calls and tests inside thousands of describes', () => {
    const unclosed = countPhp(`<?php\n${"describe('a', function () {\n".repeat(20_000)}`);
    expect([unclosed.cases, unclosed.framework]).toEqual([0, 'PHPUnit']);
    const many = countPhp(
      `<?php\n${"describe('a', function () {});\n".repeat(10_000)}` +
        "describe('b', function () {\n  describe('c', function () {\n    it('x', function () {});\n  })->skip();\n" +
        "  it('y', function () {});\n});\n" +
        "  it('outside', function () {});\n" +
        `${"describe('d', function () {\n  it('z', function () {});\n});\n".repeat(5_000)}`,
    );
    expect([many.cases, many.skipped, many.framework]).toEqual([5_002, 1, 'Pest']);
  });

  it('Go: thousands of unclosed or nested tests, structs and examples, and a test of thousands of suite.Run calls', () => {
    const suite = 'type MySuite struct {\n\tsuite.Suite\n}\n';
    const unclosed = goSuites(
      `package x\n${'func TestA(t *testing.T) {\n'.repeat(10_000)}${'type S struct {\n'.repeat(10_000)}${suite}`,
    );
    expect(unclosed).toEqual({ runners: [], methods: [], embeds: { MySuite: ['Suite'] } });
    const nested = goSuites(`package x\n${'type S struct {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}${suite}`);
    expect(nested.embeds.MySuite).toEqual(['Suite']);
    const calls = Array.from({ length: 10_000 }, (_, i) => `\tsuite.Run(t, v${i})\n`).join('');
    const runs = goSuites(`package x\nfunc TestX(t *testing.T) {\n\ts := new(MySuite)\n${calls}\tsuite.Run(t, s)\n}\n`);
    expect(runs.runners).toEqual([{ line: 2, types: ['MySuite'] }]);
    const examples = countGo(
      `package x\n${'func Example() {\n'.repeat(10_000)}func ExampleB() {\n\tfmt.Println(1)\n\t// Output: 1\n}\n`,
    );
    expect(examples.examples).toBe(1);
  });
});

describe('annotated test counters on hostile input', () => {
  it('thousands of unclosed @Test( / #[test( / [Fact( annotations after an ordinary test', () => {
    const jvm = countJvm(
      `import org.junit.jupiter.api.Test;\nclass A {\n  @Test\n  void a() {}\n}\n${'@Test(\n'.repeat(20_000)}`,
      'java',
    );
    expect(jvm.cases).toBe(1);
    const rust = countRust(`#[test]\nfn a() {}\n${'#[test(\n'.repeat(20_000)}`);
    expect(rust.cases).toBe(1);
    const cs = countCSharp(`using Xunit;\nclass A {\n  [Fact]\n  public void A() {}\n}\n${'[Fact(\n'.repeat(20_000)}`);
    expect(cs.cases).toBe(1);
  });
});
