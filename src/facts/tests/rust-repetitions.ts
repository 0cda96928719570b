/**
 * Repetitions of `macro_rules!` arms: a test macro whose body writes `#[test] fn` inside a
 * `$( … )*` (or `+`) group makes one test per repetition of the matching group of its pattern, per
 * invocation (`uitests!(a(..), b(..), c(..))` is three tests). Everything here walks the top
 * level of one bracketed span once, stepping over nested brackets by their precomputed closers
 * (`closerOf`), so a file costs time linear in its length.
 */
import { closerOf } from './mask.js';

/** A `$( … ) sep? op` group: its `(` and the index after its `)`, separator and operator. */
interface Repetition {
  open: number;
  close: number;
  sep: string;
  op: string;
}

const isWord = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const TWO_CHAR = new Set(['=>', '::', '->', '..', '==', '!=', '<=', '>=', '&&', '||']);

/**
 * The tokens at the top level of `code[a, b)`: a bracketed group is one token (its opening
 * bracket), a metavariable `$x` or `$x:frag` is `$`, a repetition `$( … )…` is `$(` with its
 * extent. Stops at a stray closer or a group that closes past `b`.
 */
export function topTokens(code: string, a: number, b: number, visit: (tok: string, rep?: Repetition) => void): void {
  let j = a;
  const word = (k: number) => {
    while (k < b && isWord(code.charCodeAt(k))) k++;
    return k;
  };
  const space = (k: number) => {
    while (k < b && isSpace(code.charCodeAt(k))) k++;
    return k;
  };
  while (j < b) {
    const c = code.charCodeAt(j);
    if (isSpace(c)) {
      j++;
      continue;
    }
    const ch = code[j]!;
    if (ch === '$') {
      if (code[j + 1] === '(') {
        const close = closerOf(code, j + 1);
        if (close < 0 || close > b) return;
        let e = space(close);
        let sep = '';
        if (e < b && !'*+?'.includes(code[e]!)) {
          const two = code.slice(e, e + 2);
          const end = isWord(code.charCodeAt(e)) ? word(e) : TWO_CHAR.has(two) ? e + 2 : e + 1;
          sep = code.slice(e, end);
          e = space(end);
        }
        const op = e < b && '*+?'.includes(code[e]!) ? code[e]! : '';
        visit('$(', { open: j + 1, close, sep, op });
        j = op ? e + 1 : e;
        continue;
      }
      // `$name` or `$name:frag` (not `$name::path`).
      let k = word(j + 1);
      const after = space(k);
      if (code[after] === ':' && code[after + 1] !== ':') k = word(space(after + 1));
      visit('$');
      j = Math.max(k, j + 1);
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      const close = closerOf(code, j);
      if (close < 0 || close > b) return;
      visit(ch);
      j = close;
      continue;
    }
    if (ch === ')' || ch === ']' || ch === '}') return;
    if (isWord(c)) {
      const k = word(j);
      visit(code.slice(j, k));
      j = k;
      continue;
    }
    const two = code.slice(j, j + 2);
    const n = TWO_CHAR.has(two) ? 2 : 1;
    visit(code.slice(j, j + n));
    j += n;
  }
}

/** How to count the repetitions of an arm's pattern group in an invocation's arguments. */
export interface RepetitionCount {
  /** The token each repetition holds once (its separator, closing `,`/`;`, or first literal). */
  token: string;
  /** Whether `token` is the separator written between repetitions (one fewer than them). */
  sep: boolean;
  /** Occurrences of `token` in the pattern outside the group. */
  outside: number;
  /** `+`: at least one repetition. */
  atLeastOne: boolean;
}

/** The metavariables a span names (`$name`, not `$crate`). */
function variables(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\$(\w+)/g)) if (m[1] !== 'crate') out.add(m[1]!);
  return out;
}

/**
 * The repetition groups at the top level of a macro arm's body (`[open, close)` of each), for
 * telling the test attributes a repetition writes from those it writes once.
 */
export function bodyRepetitions(code: string, open: number, close: number): Repetition[] {
  const out: Repetition[] = [];
  topTokens(code, open + 1, close, (tok, rep) => {
    if (tok === '$(' && rep && rep.op !== '?') out.push(rep);
  });
  return out;
}

/**
 * The pattern group whose repetitions a body repetition follows: the top-level group of the
 * pattern (`open`, `close` its brackets) that binds a variable the body group uses, or the only
 * one. Null when there is none, it is optional (`?`), or it holds no token to count by.
 */
export function repetitionCount(code: string, open: number, close: number, used: string): RepetitionCount | null {
  const reps: Repetition[] = [];
  topTokens(code, open + 1, close, (tok, rep) => {
    if (tok === '$(' && rep) reps.push(rep);
  });
  if (reps.length === 0) return null;
  const wanted = variables(used);
  const rep =
    reps.find((r) => [...variables(code.slice(r.open, r.close))].some((v) => wanted.has(v))) ??
    (reps.length === 1 ? reps[0]! : undefined);
  if (!rep || rep.op === '?' || rep.op === '') return null;
  let token = rep.sep;
  if (!token) {
    const literals: string[] = [];
    topTokens(code, rep.open + 1, rep.close - 1, (tok) => {
      if (tok !== '$' && tok !== '$(') literals.push(tok);
    });
    const last = literals[literals.length - 1];
    token = last === ',' || last === ';' ? last : (literals[0] ?? '');
  }
  if (!token) return null;
  let outside = 0;
  topTokens(code, open + 1, close, (tok) => {
    if (tok === token) outside++;
  });
  return { token, sep: rep.sep !== '', outside, atLeastOne: rep.op === '+' };
}

/** The top-level tokens of an invocation's arguments (`open` its bracket): counts and the last. */
export interface Tally {
  counts: Map<string, number>;
  last: string;
  total: number;
}

export function tallyArguments(code: string, open: number): Tally | undefined {
  const close = closerOf(code, open);
  if (close < 0) return undefined;
  const counts = new Map<string, number>();
  let last = '';
  let total = 0;
  topTokens(code, open + 1, close - 1, (tok) => {
    counts.set(tok, (counts.get(tok) ?? 0) + 1);
    last = tok;
    total++;
  });
  return { counts, last, total };
}

/** How many times an invocation with arguments `t` repeats the group `r` counts by. */
export function repetitionsIn(r: RepetitionCount, t: Tally): number {
  if (t.total <= r.outside) return r.atLeastOne ? 1 : 0;
  let n = (t.counts.get(r.token) ?? 0) - r.outside;
  if (r.sep) n += t.last === r.token ? 0 : 1;
  return Math.max(r.atLeastOne ? 1 : 0, n);
}
