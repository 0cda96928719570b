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
