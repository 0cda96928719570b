/**
 * Case tables given to test helpers: a function that defines one test per element of what it is
 * given. `ruleTester(rule, { valid: [...], invalid: [...] })` whose body runs
 * `for (const c of [...suite.valid, ...suite.invalid]) it(c.name, …)`, and ESLint's
 * `new RuleTester().run(name, rule, { valid, invalid })` (one `it` per element, as ESLint,
 * typescript-eslint and their wrappers define them), define as many tests as the call's table has
 * rows. The helper side is kept as source text (its parameters and the expression it loops over),
 * so a digest stays plain data; the call side evaluates its arguments in the calling file, binds
 * them to those parameters and sizes the list. A list whose size is not evident counts once, as
 * an unknown loop does: never a guess.
 */
import { matchBracket } from './mask.js';
import {
  bind,
  evaluate,
  expressionEnd,
  member,
  parseBinder,
  splitTop,
  unknown,
  type Source,
  type Value,
} from './js-values.js';

export interface TableSpec {
  /** The helper's parameters as written (masked code): the call's arguments bind to them. */
  params: string[];
  /**
   * What it loops over: an expression of its parameters (masked code and original text, same
   * offsets), with the tests one row defines.
   */
  lists: TableList[];
}

export interface TableList {
  code: string;
  text: string;
  perRow: number;
  /** A RuleTester suite (`{ valid, invalid }`) rather than a list. */
  suite?: true;
  /** Where the expression starts in its file, for a helper of the calling file (its names resolve there). */
  at?: number;
  /**
   * A RuleTester run per row whose suite comes from the row (`for (const pattern of patterns)
   * tester.run(name, rule, { valid: pattern.valid, … })`): the row's binder and that suite.
   */
  rowSuite?: { binder: string; code: string; text: string; at: number };
}

/** `text` with the spans blanked (newlines kept), so a count of what is left leaves them out. */
export function without(text: string, spans: [number, number][], base = 0): string {
  let out = text;
  for (const [a, b] of spans)
    out = out.slice(0, a - base) + out.slice(a - base, b - base).replace(/[^\n]/g, ' ') + out.slice(b - base);
  return out;
}

/** Offset of the bracket that opens the one closing at `close`, or -1. */
function matchBack(code: string, close: number): number {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (let j = close; j >= 0; j--) {
    const c = code[j]!;
    if (pairs[c]) stack.push(pairs[c]!);
    else if (c === '(' || c === '[' || c === '{') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return j;
    }
  }
  return -1;
}

/** Start of the member/call chain that ends just before `dot` (`Object.keys(x)`, `[1, 2]`, `a.b`). */
export function receiverStart(code: string, dot: number): number {
  let k = dot;
  for (;;) {
    while (k > 0 && /\s/.test(code[k - 1]!)) k--;
    const c = code[k - 1];
    if (c === ')' || c === ']') {
      const open = matchBack(code, k - 1);
      if (open < 0) return k;
      k = open;
      while (k > 0 && /\s/.test(code[k - 1]!)) k--;
      if (!/[\w$]/.test(code[k - 1] ?? '')) return open;
    }
    while (k > 0 && /[\w$]/.test(code[k - 1]!)) k--;
    let d = k;
    while (d > 0 && /\s/.test(code[d - 1]!)) d--;
    if (code[d - 1] !== '.' || code[d - 2] === '.') return k;
    k = d - 1;
  }
}

/** A loop in masked code: the list it walks `[listFrom, listTo)` and the code that runs per row `[from, to)`. */
export interface Loop {
  at: number;
  listFrom: number;
  listTo: number;
  from: number;
  to: number;
  /** What each row is bound to, as written (`pattern`, `{ valid, invalid }`). */
  binder?: string;
}

/** `for (const x of LIST) …` and `LIST.forEach(…)`/`LIST.map(…)` in a module. */
export function loopsIn(code: string): Loop[] {
  const out: Loop[] = [];
  for (const m of code.matchAll(
    /\bfor\s*(?:await\s*)?(?=\(\s*(?:const|let|var)\s+(?:[\w$]+|\[[^\]]*\]|\{[^}]*\})\s+of\s)/g,
  )) {
    const head = m.index + m[0].length;
    const close = matchBracket(code, head);
    const of =
      close > 0 ? /^\(\s*(?:const|let|var)\s+([\w$]+|\[[^\]]*\]|\{[^}]*\})\s+of\s/.exec(code.slice(head, close)) : null;
    if (!of) continue;
    let at = close;
    while (/\s/.test(code[at] ?? '')) at++;
    const to = code[at] === '{' ? matchBracket(code, at) : expressionEnd(code, at) + 1;
    if (to > 0)
      out.push({ at: m.index, listFrom: head + of[0].length, listTo: close - 1, from: at, to, binder: of[1]! });
  }
  for (const m of code.matchAll(/\.\s*(?:forEach|map|flatMap)\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const to = matchBracket(code, open);
    const from = receiverStart(code, m.index);
    const param =
      to > 0
        ? /^\s*(?:async\s*)?(?:\(\s*([\w$]+|\[[^\]]*\]|\{[^}]*\})|([\w$]+)\s*=>)/.exec(code.slice(open + 1, to))
        : null;
    const binder = param?.[1] ?? param?.[2];
    if (to > 0 && from < m.index)
      out.push({ at: from, listFrom: from, listTo: m.index, from: open, to, ...(binder ? { binder } : {}) });
  }
  return out.sort((a, b) => a.at - b.at);
}

const TESTER = /\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=;]+)?=\s*new\s+(?:[\w$]+\s*\.\s*)*[\w$]*RuleTester\s*[(<]/g;
const NEW_TESTER = /\bnew\s+(?:[\w$]+\s*\.\s*)*[\w$]*RuleTester\s*(?=[(<])/g;

/**
 * `tester.run(name, rule, { valid, invalid })` calls: the receiver is bound to `new …RuleTester(…)`
 * in this module (ESLint's, typescript-eslint's, a local subclass) or named like one
 * (`ruleTester`, imported from a helper). `bound` says which, since a name alone is weaker evidence.
 */
export function testerRuns(code: string): { at: number; open: number; bound: boolean }[] {
  // Asked once per file and once per helper and loop that may hold a run: found once per text.
  const hit = recentRuns.find((r) => r.code === code);
  if (hit) return hit.runs;
  const bound = new Set([...code.matchAll(TESTER)].map((m) => m[1]!));
  const out: { at: number; open: number; bound: boolean }[] = [];
  for (const m of code.matchAll(/\.\s*run\s*\(/g)) {
    let a = m.index;
    while (a > 0 && /\s/.test(code[a - 1]!)) a--;
    const end = a;
    while (a > 0 && /[\w$]/.test(code[a - 1]!)) a--;
    const name = code.slice(a, end);
    if (!name || code[a - 1] === '.' || /[\w$]/.test(code[a - 1] ?? '')) continue;
    if (bound.has(name) || /tester$/i.test(name))
      out.push({ at: a, open: m.index + m[0].length - 1, bound: bound.has(name) });
  }
  // `new RuleTester(config).run(…)`.
  for (const m of code.matchAll(NEW_TESTER)) {
    let j = m.index + m[0].length;
    if (code[j] === '<') j = code.indexOf('(', j);
    const end = j >= 0 ? matchBracket(code, j) : -1;
    const run = end > 0 ? /^\s*\.\s*run\s*\(/.exec(code.slice(end, end + 40)) : null;
    if (run) out.push({ at: m.index, open: end + run[0].length - 1, bound: true });
  }
  recentRuns.unshift({ code, runs: out });
  if (recentRuns.length > 4) recentRuns.pop();
  return out;
}
const recentRuns: { code: string; runs: { at: number; open: number; bound: boolean }[] }[] = [];

const namesOf = (b: ReturnType<typeof parseBinder> | null): string[] =>
  !b ? [] : 'name' in b ? [b.name] : 'keys' in b ? b.keys.flatMap(([, s]) => namesOf(s)) : b.items.flatMap(namesOf);

/** `x = []`, `x: T = {}`: the binder without its default. */
export const binderOf = (param: string) => parseBinder(param.replace(/^(\s*[\w$]+)\s*(?::[^=]*)?=[^>][\s\S]*$/, '$1'));

/** The RuleTester run in a loop's body whose suite comes from the row (directly or through a local `const`). */
function suiteOfRow(code: string, text: string, l: Loop) {
  const names = new Set(namesOf(binderOf(l.binder!)));
  const mentions = (from: number, to: number) =>
    [...code.slice(from, to).matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)].some((m) => names.has(m[0]));
  for (const r of testerRuns(code)) {
    if (r.at <= l.from || r.at >= l.to) continue;
    const end = matchBracket(code, r.open);
    let arg = end > 0 ? splitTop(code, r.open + 1, end - 1)[2] : undefined;
    if (!arg) continue;
    const name = code.slice(...arg).trim();
    if (/^[\w$]+$/.test(name)) {
      const decl = [
        ...code
          .slice(l.from, r.at)
          .matchAll(new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*=(?!=)`, 'g')),
      ].at(-1);
      if (decl) arg = [l.from + decl.index + decl[0].length, expressionEnd(code, l.from + decl.index + decl[0].length)];
    }
    if (!mentions(...arg)) continue;
    const [a, b] = arg;
    return {
      span: [r.at, end] as [number, number],
      suite: { binder: l.binder!, code: code.slice(a, b), text: text.slice(a, b), at: a },
    };
  }
  return undefined;
}

/**
 * The table a function defines tests from, when it loops over one of its parameters (or a local
 * `const` made of them) and defines tests in the loop, or hands a parameter to a RuleTester's
 * `run`. `perCall` counts the tests of a piece of source; `spans` are the table loops, whose tests
 * the caller leaves out of the function's per-call count.
 */
export function tableOf(
  code: string,
  text: string,
  f: { open: number; to: number; rawParams: string[] },
  loops: Loop[],
  perCall: (body: string) => number,
): { spec: TableSpec; spans: [number, number][] } | undefined {
  const params = f.rawParams.flatMap((p) => namesOf(binderOf(p)));
  if (params.length === 0) return undefined;
  const mentions = new RegExp(`(?<![\\w$.])(?:${params.map((p) => p.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`);
  const lists: TableSpec['lists'] = [];
  const spans: [number, number][] = [];
  const inside = (at: number) => spans.some(([a, b]) => at >= a && at < b);
  /** The list expression, through one local `const all = [...suite.valid, …]`. */
  const listAt = (from: number, to: number, before: number): [number, number] | undefined => {
    const expr = code.slice(from, to).trim();
    if (mentions.test(expr)) return [from, to];
    if (!/^[\w$]+$/.test(expr)) return undefined;
    const decls = [
      ...code
        .slice(f.open, before)
        .matchAll(new RegExp(`\\b(?:const|let|var)\\s+${expr.replace(/\$/g, '\\$')}\\s*(?::[^=;]+)?=(?!=)`, 'g')),
    ];
    const last = decls.at(-1);
    if (!last) return undefined;
    const init = f.open + last.index + last[0].length;
    const end = expressionEnd(code, init);
    return mentions.test(code.slice(init, end)) ? [init, end] : undefined;
  };
  for (const l of loops) {
    if (l.at <= f.open || l.to > f.to || inside(l.at)) continue;
    const list = listAt(l.listFrom, l.listTo, l.at);
    if (!list) continue;
    const rowSuite = l.binder ? suiteOfRow(code, text, l) : undefined;
    const perRow = perCall(without(text.slice(l.from, l.to), rowSuite ? [rowSuite.span] : [], l.from));
    if (perRow === 0 && !rowSuite) continue;
    lists.push({
      code: code.slice(list[0], list[1]),
      text: text.slice(list[0], list[1]),
      perRow,
      at: list[0],
      ...(rowSuite ? { rowSuite: rowSuite.suite } : {}),
    });
    spans.push([l.at, l.to]);
  }
  for (const r of testerRuns(code)) {
    if (r.at <= f.open || r.at >= f.to || inside(r.at)) continue;
    const end = matchBracket(code, r.open);
    const arg = end > 0 ? splitTop(code, r.open + 1, end - 1)[2] : undefined;
    if (!arg || !mentions.test(code.slice(arg[0], arg[1]))) continue;
    lists.push({ code: code.slice(...arg), text: text.slice(...arg), perRow: 1, suite: true, at: arg[0] });
    spans.push([r.at, end]);
  }
  return lists.length ? { spec: { params: f.rawParams, lists }, spans } : undefined;
}

const sizeOf = (v: Value): number | null =>
  v.t === 'arr' ? v.items.length : v.t === 'obj' && !v.open ? Object.keys(v.props).length : null;

/**
 * Rows of the list `src.code[from, to)` under `env`: a spread-built array literal sums its parts,
 * so a part whose size is not evident counts once and the rest still count; a call with one
 * argument (`withFixtureFilename([...])`, `parsers.all([...])`, the wrappers test suites put around
 * their lists) has the rows of that argument; a list with nothing evident counts once.
 */
function rowsIn(src: Source, from: number, to: number, env?: Record<string, Value>, depth = 0): number {
  const code = src.code;
  let start = from;
  while (/\s/.test(code[start] ?? '')) start++;
  let end = to;
  while (end > start && /[\s,]/.test(code[end - 1]!)) end--;
  // A literal is counted by its elements, without evaluating each case (suites run to thousands).
  if (code[start] === '[' && matchBracket(code, start) === end) {
    let known = 0;
    let unsized = 0;
    for (const [a, b] of splitTop(code, start + 1, end - 1)) {
      let p = a;
      while (/\s/.test(code[p] ?? '')) p++;
      const n = code.startsWith('...', p) ? sizeOf(evaluate(src, p + 3, b, env)) : 1;
      if (n === null) unsized++;
      else known += n;
    }
    return unsized === 0 ? known : known === 0 ? 1 : known + unsized;
  }
  const whole = sizeOf(evaluate(src, from, to, env));
  if (whole !== null) return whole;
  const call = /^[\w$]+(?:\s*\.\s*[\w$]+)*\s*(?:<(?:[^<>()]|<[^<>()]*>)*>\s*)?\(/.exec(
    code.slice(start, Math.min(end, start + 300)),
  );
  if (call && depth < 4 && matchBracket(code, start + call[0].length - 1) === end) {
    const args = splitTop(code, start + call[0].length, end - 1);
    if (args.length === 1) return rowsIn(src, args[0]![0], args[0]![1], env, depth + 1);
  }
  return 1;
}

/**
 * Tests a RuleTester suite `src.code[from, to)` defines: the rows of its `valid` and `invalid`
 * lists, each read where it is written. Undefined when it is not a test suite (for a receiver
 * known only by its name: neither list named); a suite not evident at all counts once.
 */
function suiteRows(
  src: Source,
  from: number,
  to: number,
  bound: boolean,
  env?: Record<string, Value>,
): number | undefined {
  const code = src.code;
  let at = from;
  while (/\s/.test(code[at] ?? '')) at++;
  const close = code[at] === '{' ? matchBracket(code, at) : -1;
  if (close > 0 && close <= to) {
    let rows = 0;
    let named = false;
    for (const [a, b] of splitTop(code, at + 1, close - 1)) {
      const key = /^\s*(valid|invalid)\s*(:|$)/.exec(code.slice(a, b));
      if (!key) continue;
      named = true;
      rows += rowsIn(src, key[2] ? a + key[0].length : a + key[0].indexOf(key[1]!), b, env);
    }
    return named ? rows : bound ? 1 : undefined;
  }
  // `merge([{ valid, invalid }, …])`: a call that joins suites written in place has their rows.
  const call = /^\s*[\w$]+(?:\s*\.\s*[\w$]+)*\s*\(\s*\[/.exec(code.slice(from, Math.min(to, from + 200)));
  const open = call ? from + call[0].length - 1 : -1;
  const listEnd = open > 0 ? matchBracket(code, open) : -1;
  if (listEnd > 0 && listEnd <= to && /^\s*,?\s*\)\s*$/.test(code.slice(listEnd, to))) {
    const parts = splitTop(code, open + 1, listEnd - 1).map(([a, b]) => suiteRows(src, a, b, false, env));
    if (parts.length && parts.every((p) => p !== undefined)) return parts.reduce((x: number, y) => x + y!, 0);
  }
  const suite = evaluate(src, from, to, env);
  if (suite.t !== 'obj') return bound ? 1 : undefined;
  if (!bound && !('valid' in suite.props) && !('invalid' in suite.props)) return undefined;
  return ['valid', 'invalid'].reduce((n, k) => {
    const p = member(suite, k);
    return n + (p.t === 'undef' ? 0 : (sizeOf(p) ?? 1));
  }, 0);
}

/**
 * Tests a call of a table helper defines: the call's `(` at `open` in the calling file. `local`:
 * the helper is the calling file's own, so the names in its lists resolve in that file.
 */
export function tableRows(scope: Source, open: number, spec: TableSpec, local = false): number {
  const close = matchBracket(scope.code, open);
  const args = close > 0 ? splitTop(scope.code, open + 1, close - 1) : [];
  const env = Object.create(null) as Record<string, Value>;
  for (let i = 0; i < spec.params.length; i++) {
    const b = binderOf(spec.params[i]!);
    const a = args[i];
    if (!b || /^\s*\.\.\./.test(spec.params[i]!)) continue;
    if (a && /^\s*\.\.\./.test(scope.code.slice(a[0], a[1]))) break;
    bind(b, a ? evaluate(scope, a[0], a[1]) : { t: 'undef' }, env);
  }
  const sourceOf = (part: { code: string; text: string; at?: number }): [Source, number] =>
    local && part.at !== undefined
      ? [scope, part.at]
      : [{ code: part.code, text: part.text, lookup: () => unknown, module: () => unknown }, 0];
  return spec.lists.reduce((n, l) => {
    const [src, from] = sourceOf(l);
    const to = from + l.code.length;
    if (l.suite) return n + (suiteRows(src, from, to, true, env) ?? 1);
    if (!l.rowSuite) return n + rowsIn(src, from, to, env) * l.perRow;
    // A suite per row: each row bound, its suite sized.
    const rows = evaluate(src, from, to, env);
    const binder = binderOf(l.rowSuite.binder);
    if (rows.t !== 'arr' || !binder) return n + l.perRow + 1;
    const [ssrc, sfrom] = sourceOf(l.rowSuite);
    for (const row of rows.items) {
      const inner = Object.assign(Object.create(null) as Record<string, Value>, env);
      bind(binder, row, inner);
      n += l.perRow + (suiteRows(ssrc, sfrom, sfrom + l.rowSuite.code.length, true, inner) ?? 1);
    }
    return n;
  }, 0);
}

/** Tests a RuleTester run defines (its `(` at `open`): see suiteRows. */
export function testerRows(scope: Source, open: number, bound: boolean): number | undefined {
  const close = matchBracket(scope.code, open);
  const arg = close > 0 ? splitTop(scope.code, open + 1, close - 1)[2] : undefined;
  return arg ? suiteRows(scope, arg[0], arg[1], bound) : undefined;
}
