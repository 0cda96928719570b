/**
 * An integer with commas between thousands, as `n.toLocaleString('en-US')` writes it, without
 * loading ICU's locale data: the first toLocaleString of a run cost ~80 ms, a small audit's
 * largest single item.
 */
export function withThousands(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3)
    out = digits.slice(Math.max(0, end - 3), end) + (out ? `,${out}` : '');
  return n < 0 ? `-${out}` : out;
}
