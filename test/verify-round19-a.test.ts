/**
 * readiness verify: wrong confirmations (rounds 5–18, eighth session), each on a small document of our
 * own against an in-memory tree. A rule's outcome confirms only what the rule measured: a practice the
 * line calls partial that the rule finds whole makes the line out of date; a formatter that exists by
 * the language's convention is not code formatted with it; no coverage measurement is not an amount
 * of coverage.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { extractClaims } from '../src/verify/extract.js';
import { reportWith, verifier } from './helpers/verify.js';

const rule = (id: string, outcome: string, message = id, evidence: { path: string; line?: number }[] = []) => ({
  id,
  outcome,
  message,
  evidence: evidence.length ? evidence : [{ path: '.' }],
  score: outcome === 'pass' ? 1 : outcome === 'partial' ? 0.5 : 0,
});

const tree: Tree = {
  'Cargo.toml': '[package]\nname = "ledger"\nversion = "0.1.0"\n',
  'src/main.rs': 'fn main() {\n    println!("ledger");\n}\n',
  'src/policy.rs': 'pub fn can_edit(role: &str) -> bool {\n    role == "admin"\n}\n',
};

describe('a line that calls a practice partial, where the rule finds it whole', () => {
  const doc = [
    '# Ledger status', // 1
    '', // 2
    '- ⚠️ Authorization: implemented without policies', // 3
  ].join('\n');

  it('is contradicted: the part it says is missing is there', () => {
    const report = reportWith([
      rule('security/authorization', 'pass', 'Authorization is wired in code: policies (3 places)', [
        { path: 'src/policy.rs', line: 1 },
      ]),
    ]);
    const { at } = verifier('STATUS.md')(tree, doc, report);
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('the rule finds it whole');
  });

  it('stays confirmed when the rule finds it only in part', () => {
    const report = reportWith([
      rule('security/authorization', 'partial', 'Authorization: role checks in 1 handler of 4', [
        { path: 'src/policy.rs', line: 1 },
      ]),
    ]);
    const { at } = verifier('STATUS.md')(tree, doc, report);
    expect(at(3).verdict).toBe('confirmed');
  });
});

describe('a formatter that exists by convention', () => {
  const doc = [
    '# Ledger status', // 1
    '', // 2
    '- ✅ Code formatted with rustfmt', // 3
  ].join('\n');

  it('does not confirm that the code was formatted with it', () => {
    const report = reportWith([
      rule('quality/formatting', 'pass', 'Formatted by convention with rustfmt (Rust toolchain).'),
    ]);
    const { at } = verifier('STATUS.md')(tree, doc, report);
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toContain("language's convention");
  });

  it('a formatter CI checks confirms it', () => {
    const report = reportWith([rule('quality/formatting', 'pass', 'rustfmt configured and checked in CI (rustfmt)')]);
    const { at } = verifier('STATUS.md')(tree, doc, report);
    expect(at(3).verdict).toBe('confirmed');
  });
});

describe('coverage that nothing measures', () => {
  const doc = [
    '# Ledger status', // 1
    '', // 2
    '## Gaps', // 3
    '', // 4
    '- ❌ Missing test coverage for critical paths', // 5
    '- ❌ No test coverage reports', // 6
  ].join('\n');
  const report = reportWith([rule('quality/coverage-gate', 'fail', 'Coverage is neither measured nor gated')]);

  it('does not confirm how much the tests cover', () => {
    const { at } = verifier('STATUS.md')(tree, doc, report);
    expect(at(5).verdict).toBe('unverifiable');
    expect(at(5).reason).toContain('how much the tests cover');
  });

  it('confirms a line about the measuring itself', () => {
    const { at } = verifier('STATUS.md')(tree, doc, report);
    expect(at(6).verdict).toBe('confirmed');
  });
});

describe('a topic in bold heading the items nested under it', () => {
  const doc = [
    '# Release checklist', // 1
    '', // 2
    '- [x] **Code Formatting**', // 3
    '', // 4
    '  - [x] rustfmt configured in CI', // 5
    '', // 6
    '- [x] **Ledger export configured**', // 7
    '  - [x] CSV writer in src/main.rs', // 8
    '- [x] **Linting**', // 9
    '- [x] **Benchmarks**', // 10
  ].join('\n');

  it('is a label of the group, not a claim; its items are', () => {
    const lines = new Set(extractClaims(doc).map((c) => c.line));
    expect(lines.has(3)).toBe(false);
    expect(lines.has(5)).toBe(true);
  });

  it('a bold item that states something, or has nothing nested, stays a claim', () => {
    const lines = new Set(extractClaims(doc).map((c) => c.line));
    expect(lines.has(7)).toBe(true);
    expect(lines.has(9)).toBe(true);
    expect(lines.has(10)).toBe(true);
  });
});

describe('a number a line gives a quoted key', () => {
  const metrics: Tree = {
    ...tree,
    'src/metrics.rs': 'pub fn report() -> String {\n    format!("{{\\"latency_ms\\": {}}}", 0)\n}\n',
  };
  const doc = [
    '# Run', // 1
    '', // 2
    '- `"latency_ms": 600` in the report', // 3
    '- `latency_ms` in the report', // 4
  ].join('\n');

  it('is not confirmed by the key being in the code', () => {
    const { at } = verifier('RUN.md')(metrics, doc, reportWith([]));
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toContain('"latency_ms": 600');
  });

  it('the key alone is confirmed by it', () => {
    const { at } = verifier('RUN.md')(metrics, doc, reportWith([]));
    expect(at(4).verdict).toBe('confirmed');
  });
});
