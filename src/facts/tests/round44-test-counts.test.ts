/**
 * Blind round 44, class "test counts within 3 % of the runner": rows of a parametrised test written
 * over several lines are each one run.
 */
import { describe, expect, it } from 'vitest';
import { countRust } from './annotated.js';

describe('Rust #[test_case] rows whose strings span lines', () => {
  const rows = `#[cfg(not(windows))]
#[test_case("--all", "a.txt
b/c.txt
b/d/e.txt"; "all")]
#[test_case("--some", "a.txt
b/c.txt"; "some")]
#[test_case("--none", ""; "none")]
fn lists(flag: &str, expected: &str) {
    check(flag, expected);
}

#[test]
fn plain() {
    let s = "one
two // not a comment #[test] fn not_a_test() {}
";
    assert!(s.len() > 0);
}
`;
  it('three rows are three runs, beside one plain #[test]; a #[test] named inside a multi-line string is none', () => {
    const c = countRust(rows);
    expect(c.cases).toBe(2);
    expect(c.expanded).toBe(4);
  });

  it('one-line rows still count one run each', () => {
    const c = countRust('#[test_case(1; "one")]\n#[test_case(2; "two")]\nfn n(x: u32) { assert!(x > 0); }\n');
    expect(c.expanded).toBe(2);
  });
});
