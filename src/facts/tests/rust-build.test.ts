import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import type { FileView } from '../../types.js';
import { buildScriptTests } from './rust-build.js';

const INCLUDER = 'include!(concat!(env!("OUT_DIR"), "/tests.rs"));\n';

/** The index with a count of its glob queries. */
function counted(tree: Record<string, string>): { files: FileView; globs: string[] } {
  const inner = memoryIndex(tree);
  const globs: string[] = [];
  const files = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'match')
        return (g: string | string[]) => {
          globs.push(String(g));
          return target.match(g);
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { files, globs };
}

describe('Cargo build scripts that write tests: one pass over tests, walks and functions', () => {
  it('counts one test per file of a walked folder, from a literal, a const and a parameter', () => {
    const script = [
      'const DATA: &str = "tests/data";',
      'fn main() {',
      '    let out = env::var("OUT_DIR").unwrap();',
      '    emit("tests/more");',
      '}',
      'fn emit(dir: &str) {',
      '    for e in fs::read_dir(dir).unwrap() {',
      '        w.write_all(b"#[test]\\nfn t() {}").unwrap();',
      '    }',
      '    for e in WalkDir::new(DATA) {',
      '        w.write_all(b"#[test]").unwrap();',
      '    }',
      '    fs::write("tests.rs", w);',
      '}',
      '',
    ].join('\n');
    const got = buildScriptTests(
      memoryIndex({
        'Cargo.toml': '[package]\n',
        'build.rs': script,
        'tests/accuracy.rs': INCLUDER,
        'tests/data/a.rs': '',
        'tests/data/b/c.rs': '',
        'tests/more/x.txt': '',
        'tests/more/y.txt': '',
        'tests/more/z.txt': '',
      }),
      'build.rs',
    );
    expect(got).toEqual({
      line: 8,
      cases: 5,
      // Both templates sit in one-line strings: the file's own count never saw them.
      templates: 0,
      dirs: [
        { dir: 'tests/more', files: 3 },
        { dir: 'tests/data', files: 2 },
      ],
      includedBy: { path: 'tests/accuracy.rs', line: 1 },
    });
  });

  it('300 functions, 300 walks and 300 tests in one: each folder counted once (13 s on a 17 KB build.rs)', () => {
    const n = 300;
    let s = 'const OUT_DIR: &str = "x";\n';
    for (let i = 0; i < n; i++) s += `fn f${i}() {}\n`;
    s += 'fn gen() {\n';
    for (let i = 0; i < n; i++) s += ` read_dir("d${i % 50}");\n`;
    for (let i = 0; i < n; i++) s += ' "#[test]"\n';
    s += ' fs::write("tests.rs", w);\n}\n';
    const tree: Record<string, string> = { 'Cargo.toml': '', 'build.rs': s, 'tests/t.rs': INCLUDER };
    for (let i = 0; i < 2000; i++) tree[`d${i % 50}/f${i}.txt`] = '';
    const { files, globs } = counted(tree);
    const got = buildScriptTests(files, 'build.rs');
    // Each template is a one-line string: masked, so none is taken off the script's own count.
    expect(got?.templates).toBe(0);
    expect(got?.cases).toBe(2000);
    expect(got?.dirs.length).toBe(50);
    // One query per folder, and one for the test targets.
    expect(globs.length).toBe(51);
  });

  it('20,000 lines of `fn a(` with no `)`: no function, no template, no folder queried', () => {
    const { files, globs } = counted({ 'Cargo.toml': '', 'build.rs': `OUT_DIR #[test]\n${'fn a(\n'.repeat(20_000)}` });
    expect(buildScriptTests(files, 'build.rs')).toBeUndefined();
    expect(globs).toEqual([]);
  });
});
