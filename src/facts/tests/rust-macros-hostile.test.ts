/**
 * Review round 32: the nested test macros (h-accfixz13) took the most tests of a macro's arms with
 * `Math.max(...arms)`, which throws past ~120k arguments: one macro of 130k empty arms in a `.rs`
 * file threw "Maximum call stack size exceeded" out of the test inventory.
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
});
