/**
 * A text as a pattern that matches it literally: every character a pattern treats specially is
 * escaped (`/` too, so the result may also sit in a regex literal's source). The one copy; facts,
 * rules and verify import it (review 23 found four).
 */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Whether a regex a repository wrote (Jest's `testRegex`, Playwright's `testMatch`) runs in bounded
 * time on V8's backtracking engine against a path: no back-reference, no quantifier but `?` on a
 * group (`(a+)+`, `(a|aa)*` backtrack exponentially), at most two unbounded quantifiers (`.*a.*a.*b`
 * is polynomial in their number). A `testRegex: "(a+)+b"` took 35 s against one file name of 28
 * letters; a regex that fails this test is not used, and the runner's globs decide alone.
 */
export function boundedRegexSource(src: string): boolean {
  let unbounded = 0;
  let afterGroup = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const groupQuantified = afterGroup;
    afterGroup = false;
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return false;
      i++;
    } else if (c === '[') {
      // A class is one character: skip to its closing bracket (an escaped one does not close it).
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === ')') afterGroup = true;
    else if (c === '*' || c === '+' || c === '{') {
      if (groupQuantified) return false;
      const bounded = c === '{' && /^\{\d+(?:,\d+)?\}/.test(src.slice(i, i + 12));
      if (!bounded) unbounded++;
      if (unbounded > 2) return false;
    }
  }
  return true;
}
