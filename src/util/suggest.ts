/** "Did you mean …?": the nearest of the known names to a misspelt one. */

/** Edit distance (insertions, deletions, substitutions, adjacent transpositions). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `input` (case-insensitive), when it is close enough to be a typo:
 * within a third of its length, at least 2 edits. A name that contains the input, or that the input
 * contains, counts as close (`tests` → `quality/tests-present`) when it is the only such name.
 */
export function nearest(input: string, known: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const dist = distance(needle, k.toLowerCase());
    if (dist < bestDistance || (dist === bestDistance && best !== undefined && k < best)) {
      best = k;
      bestDistance = dist;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(needle.length / 3))) return best;
  const containing = known.filter((k) => k.toLowerCase().includes(needle) || needle.includes(k.toLowerCase()));
  return needle.length >= 3 && containing.length === 1 ? containing[0] : undefined;
}

/** " (did you mean X?)", or nothing. */
export function didYouMean(input: string, known: readonly string[]): string {
  const n = nearest(input, known);
  return n ? ` (did you mean ${n}?)` : '';
}
