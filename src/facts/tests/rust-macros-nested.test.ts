/**
 * Blind round 30 (quick-xml): test macros whose arms write several `#[test] fn`, or invoke other
 * test macros (`text!` → `serialize_as!`), make that many tests per invocation; a macro invoking
 * itself dispatches to another arm and is not multiplied; a call inside a test's body is code, not
 * a test.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { countRust } from './annotated.js';
import { testInventory } from './inventory.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('Rust test macros that write several tests or call other test macros', () => {
  it('an arm with two #[test] fns makes two tests per invocation', () => {
    const r = countRust(
      lines(
        'macro_rules! both {',
        '    ($name:ident: $v:expr) => {',
        '        mod $name {',
        '            #[test]',
        '            fn borrowed() { assert!($v); }',
        '            #[test]',
        '            fn buffered() { assert!($v); }',
        '        }',
        '    };',
        '}',
        'both!(one: true);',
        'both!(two: true);',
        'both!(three: true);',
      ),
    );
    expect(r.cases).toBe(6);
    expect(r.macroVia).toEqual([{ name: 'both!', line: 1, cases: 6 }]);
  });

  it('a wrapper of a wrapper of a test macro (two levels) counts one test per leaf invocation', () => {
    const r = countRust(
      lines(
        'macro_rules! serialize_as {',
        '    ($name:ident: $data:expr => $expected:expr) => {',
        '        #[test]',
        '        fn $name() { assert_eq!($data, $expected); }',
        '    };',
        '}',
        'macro_rules! text {',
        '    ($name:ident: $data:expr) => {',
        '        serialize_as!($name: $data => "<root/>");',
        '    };',
        '}',
        'macro_rules! pair {',
        '    ($a:ident, $b:ident: $data:expr) => {',
        '        text!($a: $data);',
        '        text!($b: $data);',
        '    };',
        '}',
        'text!(false_: false);',
        'text!(true_: true);',
        'pair!(x, y: 1);',
        'serialize_as!(direct: 1 => "1");',
      ),
    );
    expect(r.cases).toBe(5);
  });

  it('a tt-muncher arm that invokes its own macro is not multiplied through the recursion', () => {
    const r = countRust(
      lines(
        'macro_rules! eof {',
        '    ($name:ident: $type:ty = $value:expr) => {',
        '        #[test]',
        '        fn $name() { let _ = $value; }',
        '    };',
        '    ($value:expr) => {',
        '        eof!(i8_: i8 = $value);',
        '        eof!(i16_: i16 = $value);',
        '        eof!(i32_: i32 = $value);',
        '    };',
        '}',
        'eof!(a: u8 = "");',
        'eof!(b: u8 = "");',
      ),
    );
    expect(r.cases).toBe(2);
  });

  it('a test macro called inside a test function body adds no test of its own', () => {
    const r = countRust(
      lines(
        'macro_rules! serialize_as {',
        '    ($name:ident: $data:expr) => {',
        '        #[test]',
        '        fn $name() { serialize_as!(@ $data); }',
        '    };',
        '    (@ $data:expr) => {',
        '        assert!($data);',
        '    };',
        '}',
        'macro_rules! only {',
        '    ($name:ident: $data:expr) => {',
        '        #[test]',
        '        fn $name() {',
        '            serialize_as!(@ $data);',
        '        }',
        '    };',
        '}',
        'only!(a: true);',
        'only!(b: true);',
      ),
    );
    expect(r.cases).toBe(2);
  });

  it('another file invoking a two-test macro counts two per invocation', () => {
    const inv = testInventory(
      memoryIndex({
        'Cargo.toml': '[package]\nname = "x"\n',
        'tests/helpers/mod.rs': lines(
          'macro_rules! small_buffers_tests {',
          '    ($name:ident) => {',
          '        #[test]',
          '        fn borrowed() {}',
          '        #[test]',
          '        fn buffered() {}',
          '    };',
          '}',
        ),
        'tests/reader.rs': lines('#[macro_use]', 'mod helpers;', '', 'small_buffers_tests!(read);'),
      }),
    );
    expect(inv.files.find((f) => f.path === 'tests/reader.rs')?.cases).toBe(2);
  });
});
