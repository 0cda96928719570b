import type { Lines } from '../types.js';

/** Offsets to line numbers: one table of line starts per text, then a binary search per lookup. */

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based index of the line that contains `offset`. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A 1-based line lookup for one text. */
export function lineLookup(text: string): (offset: number) => number {
  const starts = lineStarts(text);
  return (offset) => lineIndexAt(starts, offset) + 1;
}

// Callers ask for many lines of the same text in a row: keep the last text's line table.
let last: { text: string; lookup: (offset: number) => number } | undefined;

/**
 * 1-based line of a character offset of a text (`text.slice(0, offset).split('\n').length`, without
 * the copy): for a text that is no listed file; a file's lines come from FileView.lines.
 */
export function lineAt(text: string, offset: number): number {
  if (last?.text !== text) last = { text, lookup: lineLookup(text) };
  return last.lookup(offset);
}

/**
 * A text's lines, worked out once (FileView.lines memoises one per file), so that a rule looking at
 * the lines around each of a file's matches does a lookup per match, not a split of the whole file:
 * a hostile file with many matches must not make a rule quadratic. Lines are numbered from 1, as
 * in matches and evidence, and split at '\n' as `text.split('\n')` would: a file ending in a
 * newline has an empty last line, an empty file one empty line. A line keeps a '\r' of its CRLF
 * ending, as that split does; `bare` drops it, as `split(/\r?\n/)` would.
 */
export class LineIndex implements Lines {
  private readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  /** How many lines there are (`text.split('\n').length`). */
  get count(): number {
    return this.starts.length;
  }

  /** The 1-based line that holds `offset` (an offset at or past the end is on the last line). */
  lineAt(offset: number): number {
    return lineIndexAt(this.starts, offset) + 1;
  }

  /** Offset of the first character of line `n`, or the text's length past the last line. */
  start(n: number): number {
    return n < 1 ? 0 : n > this.starts.length ? this.text.length : this.starts[n - 1]!;
  }

  /** Line `n` without its '\n' (a '\r' before it stays, see bare); '' outside the text. */
  line(n: number): string {
    if (n < 1 || n > this.starts.length) return '';
    const end = n < this.starts.length ? this.starts[n]! - 1 : this.text.length;
    return this.text.slice(this.starts[n - 1]!, end);
  }

  /** Line `n` without its line ending, '\n' or '\r\n'. */
  bare(n: number): string {
    const l = this.line(n);
    return l.endsWith('\r') && n < this.starts.length ? l.slice(0, -1) : l;
  }

  /**
   * Lines `from`..`to` (1-based, inclusive, clipped to the text), as `split('\n').slice(from - 1, to)`;
   * `bare`: without the '\r' of CRLF endings, as `split(/\r?\n/)`.
   */
  range(from: number, to: number, bare = false): string[] {
    const out: string[] = [];
    for (let n = Math.max(1, from); n <= Math.min(to, this.starts.length); n++)
      out.push(bare ? this.bare(n) : this.line(n));
    return out;
  }

  /** Line `n` with `before` lines above and `after` below, clipped to the text (`bare` as in range). */
  window(n: number, before: number, after: number, bare = false): string[] {
    return this.range(n - before, n + after, bare);
  }
}
