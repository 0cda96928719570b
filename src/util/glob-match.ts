/**
 * Globs a repository writes (a shell `case` arm or `[[ x == glob ]]`, a Cargo workspace `members`
 * entry, a pytest `python_functions` pattern) matched against a word without building a regex from
 * them: the regex `^a.*a.*a…b$` backtracks exponentially in its stars (a members entry of ten stars
 * took 10 s against a 40-character folder name), and a `[` with no `]` made the regex itself throw
 * ("Unterminated character class"), which crashed the rule. One pass that backtracks only to the
 * last star: O(word × pattern) at worst.
 */

type Token =
  | { t: 'star' }
  | { t: 'any' }
  | { t: 'lit'; c: string }
  | { t: 'class'; negate: boolean; ranges: [string, string][] };

export interface GlobOptions {
  /** `?` is one character (shell, fnmatch); otherwise a literal `?` (Cargo's members as read before). */
  question?: boolean;
  /** `[abc]`, `[a-z]`, `[!x]` classes (fnmatch); otherwise `[` is a literal. An unclosed `[` is always a literal. */
  classes?: boolean;
  /** `*` stays inside one `/`-separated segment (Cargo's members): pattern and word are matched segment by segment. */
  segments?: boolean;
  /** Longest pattern or word matched; past it the answer is undefined (not known). Default 1000. */
  max?: number;
}

function tokens(pattern: string, o: GlobOptions): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (out.at(-1)?.t !== 'star') out.push({ t: 'star' });
    } else if (c === '?' && o.question) out.push({ t: 'any' });
    else if (c === '[' && o.classes) {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out.push({ t: 'lit', c });
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++)
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k]!, body[k + 2]!]);
          k += 2;
        } else ranges.push([body[k]!, body[k]!]);
      out.push({ t: 'class', negate, ranges });
      i = close;
    } else out.push({ t: 'lit', c });
  }
  return out;
}

function one(tok: Token, ch: string): boolean {
  if (tok.t === 'any') return true;
  if (tok.t === 'lit') return tok.c === ch;
  if (tok.t === 'class') return tok.ranges.some(([a, b]) => ch >= a && ch <= b) !== tok.negate;
  return false;
}

function matchTokens(toks: Token[], word: string): boolean {
  let p = 0;
  let w = 0;
  let star = -1;
  let mark = 0;
  while (w < word.length) {
    const tok = toks[p];
    if (tok?.t === 'star') {
      star = p++;
      mark = w;
    } else if (tok && one(tok, word[w]!)) {
      p++;
      w++;
    } else if (star >= 0) {
      p = star + 1;
      w = ++mark;
    } else return false;
  }
  while (toks[p]?.t === 'star') p++;
  return p === toks.length;
}

/** Whether `pattern` matches the whole of `word`; undefined when either is longer than `max`. */
export function globMatch(pattern: string, word: string, o: GlobOptions = {}): boolean | undefined {
  const max = o.max ?? 1000;
  if (pattern.length > max || word.length > max) return undefined;
  if (!o.segments) return matchTokens(tokens(pattern, o), word);
  const ps = pattern.split('/');
  const ws = word.split('/');
  return ps.length === ws.length && ps.every((p, i) => matchTokens(tokens(p, o), ws[i]!));
}
