/**
 * Blind round 41: a test macro whose body writes `#[test] fn` inside a `$( … )*` group makes one
 * test per repetition of its pattern's group in each invocation; it was counted once per invocation.
 */
import { describe, expect, it } from 'vitest';
import { countRust } from './annotated.js';
import testsPresent from '../../../rules/quality/tests-present.js';
import { runRuleOn } from '../../testing/rule-tester.js';

const file = (...lines: string[]) => lines.join('\n');

// Separator-less group closed by `,` (cases `name(closure),`), and by `;` in a braced pattern.
const UI = file(
  '#[cfg(test)]', // 1
  'mod tests {',
  '    fn run(_n: &str, _f: fn(&mut u8)) {}',
  '',
  '    macro_rules! uitests {', // 5
  '        ($($input:ident($f:expr),)+) => {',
  '            $(',
  '                #[test]',
  '                fn $input() {',
  '                    run(stringify!($input), $f);',
  '                }',
  '            )+',
  '        }',
  '    }',
  '',
  '    uitests!(', // 16
  '        plain(|_| {}),',
  '        wide(|o| {',
  '            *o = 2;',
  '        }),',
  '        narrow(|o| { *o = 1; }),',
  '    );',
  '',
  '    macro_rules! cases {', // 24
  '        {$($name:ident([$($e:expr),*]);)+} => {',
  '            $( #[test] fn $name() { let v = [$($e),*]; assert!(v.len() < 9); } )+',
  '        }',
  '    }',
  '',
  '    cases! {', // 30
  '        // one chunk; two',
  '        one([1, 2]);',
  '        two([3]);',
  '    }',
  '}',
);

describe('Rust test macros with repetitions', () => {
  it('count one test per repetition of the group, never the #[test] of the template', () => {
    const r = countRust(UI);
    expect(r.cases).toBe(5);
    expect(r.macroVia).toEqual([
      { name: 'uitests!', line: 5, cases: 3, perRepetition: true },
      { name: 'cases!', line: 24, cases: 2, perRepetition: true },
    ]);
  });

  it('with a separator: `$(…),*` makes one more test than separators, a trailing one not counted', () => {
    const code = file(
      'macro_rules! eq_tests {',
      '    ($($name:ident => $a:expr),* $(,)?) => {',
      '        $( #[test] fn $name() { assert_eq!($a, $a); } )*',
      '    };',
      '}',
      'eq_tests!(a => 1, b => f(1, 2), c => 3);',
      'eq_tests! {',
      '    d => 4,',
      '    e => 5,',
      '}',
    );
    expect(countRust(code).cases).toBe(5);
  });

  it('a #[test] outside the repetition is one per invocation, however many repetitions', () => {
    const code = file(
      'macro_rules! table_test {',
      '    ($name:ident: $($input:expr => $want:expr;)*) => {',
      '        #[test]',
      '        fn $name() { $( assert_eq!(f($input), $want); )* }',
      '    };',
      '}',
      'table_test!(doubles: 1 => 2; 2 => 4; 3 => 6;);',
      'table_test!(halves: 2 => 1;);',
    );
    const r = countRust(code);
    expect(r.cases).toBe(2);
    expect(r.macroVia).toEqual([{ name: 'table_test!', line: 1, cases: 2 }]);
  });

  it('a macro invoking itself once per repetition makes one test per repetition', () => {
    const code = file(
      'macro_rules! checks {',
      '    (@one $n:ident $v:expr) => { #[test] fn $n() { assert!($v); } };',
      '    ($($n:ident = $v:expr;)+) => { $( checks!(@one $n $v); )+ };',
      '}',
      'checks! {',
      '    yes = true;',
      '    also = 1 < 2;',
      '    third = !false;',
      '}',
    );
    expect(countRust(code).cases).toBe(3);
  });

  it('stays linear on hostile input: deep nesting and a huge invocation', () => {
    const head = 'macro_rules! t { ($($n:ident,)+) => { $( #[test] fn $n() {} )+ } }\n';
    const many = `t!(${'x,'.repeat(200_000)});\n`;
    const deep = `t!(${'t!('.repeat(20_000)}${')'.repeat(20_000)});\n`;
    const started = performance.now();
    const r = countRust(head + many + deep);
    expect(performance.now() - started).toBeLessThan(2000);
    // One invocation is credited with at most 1,000 tests.
    expect(r.cases).toBeGreaterThanOrEqual(1000);
  });

  it('stays linear with a macro of many repeating arms invoked many times', () => {
    const arms = Array.from({ length: 10_000 }, (_, i) => `(@a${i} $($n:ident,)+) => { $( #[test] fn $n() {} )+ };`);
    const code = `macro_rules! m {\n${arms.join('\n')}\n}\n${'m!(x, y,);\n'.repeat(10_000)}`;
    const started = performance.now();
    const r = countRust(code);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(r.cases).toBe(20_000);
  });
});

describe('tests-present says how macro-generated tests were counted', () => {
  it('cites the macro_rules! line and counts per repetition', async () => {
    const run = await runRuleOn(
      testsPresent,
      {
        'Cargo.toml': '[package]\nname = "ui"\nversion = "0.1.0"\n',
        'src/lib.rs': `pub fn f() -> u8 { 1 }\n${UI}\n`,
      },
      { profile: 'library' },
    );
    expect(run.message).toMatch(/^5 test cases/);
    const note = run.evidence.find((e) => e.note?.includes('uitests!'));
    expect(note).toMatchObject({ path: 'src/lib.rs', line: 6 });
    expect(note?.note).toContain('3 tests in src/lib.rs generated by uitests! (macro_rules!): one per repetition');
  });
});
