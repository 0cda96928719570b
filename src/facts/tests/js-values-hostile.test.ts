import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';
import { expressionEnd } from './js-values.js';

describe('expressionEnd on a file of unclosed declarations', () => {
  it('finds where each expression ends, jumping over closed groups and stopping at an unclosed one', () => {
    const code = 'const a = f(x, [1, 2], { b: 3 }), c = 4;\nconst d = g(\nconst e = 5;\n';
    expect(expressionEnd(code, 10)).toBe(code.indexOf('), c') + 1);
    expect(expressionEnd(code, code.indexOf('4'))).toBe(code.indexOf(';'));
    // `g(` is never closed: the expression runs to the end (or the limit given).
    expect(expressionEnd(code, code.indexOf('g('))).toBe(code.length);
    expect(expressionEnd(code, code.indexOf('g('), code.length - 2)).toBe(code.length - 2);
    // A line ending in an operator continues on the next one; one that does not, ends there.
    const cont = 'x = a +\n  b\ny = 1\n';
    expect(expressionEnd(cont, 4)).toBe(cont.indexOf('\ny'));
    expect(expressionEnd('a\n.b()\nc', 0)).toBe('a\n.b()'.length);
  });

  it('a test file of 3,000 unclosed `const x = f(` lines is read in one pass, its test still counted', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `const v${i} = make(${i},`);
    const text = `it('runs', () => {});\n${lines.join('\n')}\n`;
    const inv = testInventory(memoryIndex({ 'package.json': '{"devDependencies":{"jest":"29"}}', 'a.test.js': text }));
    expect(inv.files.find((f) => f.path === 'a.test.js')).toMatchObject({ cases: 1 });
    const ends = lines.length;
    let at = 0;
    let unclosed = 0;
    for (let i = 0; i < ends; i++) {
      at = text.indexOf('make(', at) + 'make'.length;
      if (expressionEnd(text, at) === text.length) unclosed++;
      at++;
    }
    expect(unclosed).toBe(3000);
  });
});
