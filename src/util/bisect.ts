/**
 * The first index in [0, length) whose item is not `below` the target (a lower bound), for items
 * sorted so that every `below` index comes before every other; `length` when all are below.
 */
export function lowerBound(length: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
