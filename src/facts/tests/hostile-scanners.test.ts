import { describe, expect, it } from 'vitest';
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
});
