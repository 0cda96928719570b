import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { LineIndex } from './lines.js';

describe('LineIndex', () => {
  it('numbers the offsets at line starts and line ends', () => {
    const l = new LineIndex('ab\ncd\n\nef');
    expect(l.count).toBe(4);
    expect([0, 1, 2].map((o) => l.lineAt(o))).toEqual([1, 1, 1]); // the '\n' at 2 ends line 1
    expect([3, 5, 6, 7, 8].map((o) => l.lineAt(o))).toEqual([2, 2, 3, 4, 4]);
    expect([1, 2, 3, 4, 5].map((n) => l.start(n))).toEqual([0, 3, 6, 7, 9]);
    expect([1, 2, 3, 4].map((n) => l.line(n))).toEqual(['ab', 'cd', '', 'ef']);
  });

  it('gives the last line without a newline, and an empty last line after one', () => {
    expect(new LineIndex('x\ny').line(2)).toBe('y');
    const l = new LineIndex('x\ny\n');
    expect(l.count).toBe(3);
    expect(l.line(3)).toBe('');
    expect(l.lineAt(4)).toBe(3);
    expect(l.line(0)).toBe('');
    expect(l.line(4)).toBe('');
  });

  it('has one empty line in an empty file', () => {
    const l = new LineIndex('');
    expect(l.count).toBe(1);
    expect(l.lineAt(0)).toBe(1);
    expect(l.line(1)).toBe('');
    expect(l.window(1, 3, 3)).toEqual(['']);
    expect(l.range(2, 5)).toEqual([]);
  });

  it('keeps the \\r of a CRLF ending in line() and drops it in bare()', () => {
    const l = new LineIndex('a\r\nb\r\nc\r');
    expect(l.count).toBe(3);
    expect(l.line(1)).toBe('a\r');
    expect(l.bare(1)).toBe('a');
    expect(l.lineAt(2)).toBe(1); // the '\n' of the first CRLF
    expect(l.lineAt(3)).toBe(2);
    // A '\r' with no '\n' after it ends no line: split(/\r?\n/) keeps it too.
    expect(l.bare(3)).toBe('c\r');
    expect(l.window(2, 1, 1, true)).toEqual(['a', 'b', 'c\r']);
  });

  it('clips windows and ranges to the text', () => {
    const l = new LineIndex('1\n2\n3\n4\n5');
    expect(l.window(1, 2, 1)).toEqual(['1', '2']);
    expect(l.window(5, 1, 9)).toEqual(['4', '5']);
    expect(l.range(4, 40)).toEqual(['4', '5']);
  });

  it('agrees with split() for any text', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '\n', '\r', 'é'), { maxLength: 40 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.nat(45), fc.nat(6), fc.nat(6), (t, offset, n, k) => {
        const l = new LineIndex(t);
        const lf = t.split('\n');
        const crlf = t.split(/\r?\n/);
        const at = Math.min(offset, t.length);
        expect(l.count).toBe(lf.length);
        expect(l.lineAt(at)).toBe(t.slice(0, at).split('\n').length);
        expect(l.line(n)).toBe(lf[n - 1] ?? '');
        expect(l.bare(n)).toBe(n >= 1 ? (crlf[n - 1] ?? '') : '');
        expect(l.range(n, n + k)).toEqual(lf.slice(Math.max(0, n - 1), n + k));
        expect(l.window(n, k, k, true)).toEqual(crlf.slice(Math.max(0, n - 1 - k), n + k));
      }),
    );
  });
});

describe('FileView.lines', () => {
  it('indexes a file once and only where read() gives its text', () => {
    const files = memoryIndex({ 'a.txt': 'one\ntwo\n', 'b.bin': Buffer.from([0, 1, 2, 0]) });
    const lines = files.lines('a.txt');
    expect(lines?.line(2)).toBe('two');
    expect(files.lines('a.txt')).toBe(lines);
    expect(files.lines('b.bin')).toBeUndefined();
    expect(files.lines('missing.txt')).toBeUndefined();
  });
});
