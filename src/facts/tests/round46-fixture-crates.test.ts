/**
 * Blind round 46, class "test counts within 3 % of the runner": crates under a test or fixture
 * folder that the tests compile, upload or document (each with a `[workspace]` of its own, or left
 * out of the enclosing workspace) are not run by `cargo test` of the project, so their `#[test]`s
 * are not the project's tests. A crate under tests/ that the workspace lists as a member is.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/quality/tests-present.js';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { runRuleOn } from '../../testing/rule-tester.js';
import { testInventory } from './inventory.js';

const LIB = (n: number) =>
  `pub fn f() -> u32 { 1 }\n\n#[cfg(test)]\nmod tests {\n${Array.from({ length: n }, (_, i) => `    #[test]\n    fn t${i}() { assert_eq!(super::f(), 1); }\n`).join('')}}\n`;
const PKG = (name: string, extra = '') => `[package]\nname = "${name}"\nversion = "1.0.0"\nedition = "2021"\n${extra}`;

const base = (root: string, extra: Tree = {}): Tree => ({
  'Cargo.toml': root,
  'crates/app/Cargo.toml': PKG('app'),
  'crates/app/src/lib.rs': LIB(3),
  'crates/app/src/main.rs': 'fn main() {}\n',
  ...extra,
});
const counted = (t: Tree) => {
  const inv = testInventory(memoryIndex(t));
  return {
    files: inv.files.map((f) => [f.path, f.cases]),
    notCollected: inv.notCollected.map((n) => n.path),
  };
};
const WS = '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n';

describe('Rust fixture crates under a test folder', () => {
  it('a crate with a [workspace] of its own under tests/crates is compiled by the tests, not run', () => {
    const t = base(WS, {
      'tests/crates/foo-bar/Cargo.toml': PKG('foo-bar', '\n[workspace]\n'),
      'tests/crates/foo-bar/src/lib.rs': LIB(1),
      'tests/fixtures/upload/crates/baz/Cargo.toml': PKG('baz', '\n[workspace]\n'),
      'tests/fixtures/upload/crates/baz/src/lib.rs': LIB(1),
    });
    const c = counted(t);
    expect(c.files).toEqual([['crates/app/src/lib.rs', 3]]);
    // Files in a test-data folder (tests/fixtures/) are left out of the not-collected list as ever.
    expect(c.notCollected).toEqual(['tests/crates/foo-bar/src/lib.rs']);
  });

  it('the message names the fixture crate and why cargo test does not run it', async () => {
    const run = await runRuleOn(
      rule,
      base(WS, {
        'tests/crates/foo-bar/Cargo.toml': PKG('foo-bar', '\n[workspace]\n'),
        'tests/crates/foo-bar/src/lib.rs': LIB(1),
      }),
    );
    expect(run.message).toMatch(/^3 test cases in 1 test file/);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'tests/crates/foo-bar/src/lib.rs',
        note: expect.stringMatching(
          /fixture crate \(tests\/crates\/foo-bar\/Cargo\.toml\).*declares a \[workspace\] of its own.*does not run it/,
        ),
      }),
    );
  });

  it('a crate the workspace excludes, or that no member glob matches, is a fixture too', () => {
    const excluded = base('[workspace]\nmembers = ["crates/*", "tests/*"]\nexclude = ["tests/fixture-crate"]\n', {
      'tests/fixture-crate/Cargo.toml': PKG('fixture-crate'),
      'tests/fixture-crate/src/lib.rs': LIB(2),
    });
    expect(counted(excluded).files).toEqual([['crates/app/src/lib.rs', 3]]);
    const stray = base(WS, {
      'tests/data/sample/Cargo.toml': PKG('sample'),
      'tests/data/sample/src/lib.rs': LIB(2),
    });
    expect(counted(stray).files).toEqual([['crates/app/src/lib.rs', 3]]);
  });

  it('the crates of a fixture workspace (fixtures/project with members of its own) are part of the fixture', () => {
    const t = base(WS, {
      'fixtures/project/Cargo.toml': `${PKG('project')}\n[workspace]\nmembers = ["derive"]\n`,
      'fixtures/project/src/lib.rs': LIB(1),
      'fixtures/project/derive/Cargo.toml': PKG('derive'),
      'fixtures/project/derive/src/lib.rs': LIB(2),
    });
    const inv = testInventory(memoryIndex(t));
    expect(inv.files.map((f) => f.path)).toEqual(['crates/app/src/lib.rs']);
    expect(inv.notCollected).toContainEqual({
      path: 'fixtures/project/derive/src/lib.rs',
      reason: expect.stringContaining('of the fixture project fixtures/project/Cargo.toml'),
    });
  });

  it('a workspace member under tests/ is the project’s own test crate and counts', () => {
    const t = base('[workspace]\nmembers = ["crates/*", "tests/integration"]\n', {
      'tests/integration/Cargo.toml': PKG('integration'),
      'tests/integration/src/lib.rs': LIB(2),
    });
    expect(counted(t).files).toEqual([
      ['crates/app/src/lib.rs', 3],
      ['tests/integration/src/lib.rs', 2],
    ]);
  });

  it('a package’s own integration tests in tests/ and crates outside test folders still count', () => {
    const t: Tree = {
      'Cargo.toml': PKG('solo'),
      'src/lib.rs': LIB(1),
      'tests/api.rs': '#[test]\nfn api() { assert!(true); }\n',
      // An independent crate beside the package (its own workspace), not in a test folder: its own tests.
      'tools/gen/Cargo.toml': PKG('gen', '\n[workspace]\n'),
      'tools/gen/src/lib.rs': LIB(1),
    };
    expect(counted(t).files).toEqual([
      ['src/lib.rs', 1],
      ['tests/api.rs', 1],
      ['tools/gen/src/lib.rs', 1],
    ]);
  });
});

describe('Rust fixture crates: hostile manifests', () => {
  it('deep trees, brace bombs and unparsable manifests end quickly and leave real tests counted', () => {
    const deep = Array.from({ length: 60 }, (_, i) => `d${i}`).join('/');
    const bomb = `"${'{a,b}'.repeat(40)}"`;
    const t = base(`[workspace]\nmembers = ["crates/*", ${Array.from({ length: 500 }, () => bomb).join(', ')}]\n`, {
      [`tests/${deep}/Cargo.toml`]: PKG('deep'),
      [`tests/${deep}/src/lib.rs`]: LIB(1),
      'tests/broken/x/Cargo.toml': '[package\nname = "x"\n[workspace]\n',
      'tests/broken/x/src/lib.rs': LIB(1),
    });
    const started = Date.now();
    const c = counted(t);
    expect(Date.now() - started).toBeLessThan(3000);
    // The deep crate is past the walk's bound: counted as before; the broken manifest still roots a workspace.
    expect(c.files.map(([p]) => p)).toContain('crates/app/src/lib.rs');
    expect(c.notCollected).toContain('tests/broken/x/src/lib.rs');
  });
});
