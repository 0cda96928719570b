/**
 * Review round 32: the nested test macros (h-accfixz13) took the most tests of a macro's arms with
 * `Math.max(...arms)`, which throws past ~120k arguments: one macro of 130k empty arms in a `.rs`
 * file threw "Maximum call stack size exceeded" out of the test inventory. And the definition an
 * invocation refers to was found by walking every definition of its name: 40k redefinitions of a
 * test macro and 40k wrappers invoking it took 48 s (10k: 0.8 s, 20k: 13 s).
 */
import { describe, expect, it } from 'vitest';
import { countRust } from './annotated.js';

describe('Rust test macros in a hostile file', () => {
  it('a macro of 130k arms, one of them a test: read, its invocation counted', () => {
    const arms = '() => {};'.repeat(130_000);
    const r = countRust(`macro_rules! many {\n${arms} (t) => { #[test] fn t() {} };\n}\nmany!(t);\n`);
    expect(r.cases).toBe(1);
    expect(r.macroVia).toEqual([{ name: 'many!', line: 1, cases: 1 }]);
  });

  it('a macro redefined 20k times, wrapped 20k times: each wrapper refers to the definition before it', () => {
    const n = 20_000;
    const code = [
      'macro_rules! leaf { () => { #[test] fn t() {} } }\n'.repeat(n),
      'macro_rules! wrap { () => { leaf!{} leaf!{} } }\n'.repeat(n),
      'wrap!();\n',
    ].join('');
    const r = countRust(code);
    expect(r.cases).toBe(2);
    expect(r.macroVia).toEqual([{ name: 'wrap!', line: 2 * n, cases: 2 }]);
  });
});
