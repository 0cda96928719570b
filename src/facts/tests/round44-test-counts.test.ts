/**
 * Blind round 44, class "test counts within 3 % of the runner": rows of a parametrised test written
 * over several lines are each one run.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { countRust } from './annotated.js';
import { testInventory } from './inventory.js';

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

describe('it.each over a constant imported through a tsconfig path alias', () => {
  const spec = `import { KINDS } from '@acme/common/config';
import { handle } from './handler';

describe('handle', () => {
  it.each(KINDS)('handles %s', (kind) => {
    expect(handle(kind)).toBeDefined();
  });
});
`;
  const tree = (tsconfig: string): Tree => ({
    'package.json': '{"name":"acme","devDependencies":{"jest":"29.0.0"}}',
    'tsconfig.base.json': tsconfig,
    'libs/common/src/lib/config.ts': "export const KINDS = ['BUY', 'SELL', 'DIVIDEND'];\n",
    'apps/api/src/handler.ts': 'export const handle = (k: string) => k;\n',
    'apps/api/src/handler.spec.ts': spec,
  });
  const expanded = (t: Tree) => testInventory(memoryIndex(t)).files.map((f) => [f.path, f.expanded]);

  it('the alias resolves (comments and trailing commas allowed): one run per element', () => {
    const t = tree(
      '{\n  // shared\n  "compilerOptions": {\n    "baseUrl": ".",\n    "paths": {\n      "@acme/common/*": ["./libs/common/src/lib/*"],\n    },\n  },\n}\n',
    );
    expect(expanded(t)).toEqual([['apps/api/src/handler.spec.ts', 3]]);
  });

  it('with no alias for the import, the table is of unknown size: one run', () => {
    const t = tree('{ "compilerOptions": { "paths": { "@other/*": ["./other/*"] } } }\n');
    expect(expanded(t)).toEqual([['apps/api/src/handler.spec.ts', 1]]);
  });
});
