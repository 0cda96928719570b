/**
 * JavaScript/TypeScript test definitions in one file: `it`/`test`/`specify` calls of Jest,
 * Vitest, Mocha (BDD and TDD), Jasmine, node:test, AVA, Playwright and Cypress, with `.only`,
 * `.skip`/`xit`/`.todo` (skipped, also inside `describe.skip`/`xdescribe`), `.concurrent`, and
 * `.each`/`.for` tables (one definition; the literal table size goes to `expanded`).
 */
import type { FileIndex } from '../../../src/walk/file-index.js';
import { literalSize, lineIndex, mask, matchBracket, SYNTAX } from './mask.js';
import { callbackRuns, escapeRe, namedFunctions, resolveModule, type Helper, type NamedFunction } from './js-helpers.js';
import { counter } from './types.js';

const CALL = /(?<![\w$.])(x?it|x?test|x?specify|fit|ftest|fspecify)((?:\s*\.\s*[A-Za-z]\w*)*)\s*(?=[(`])/g;
const MODIFIERS = new Set(['only', 'skip', 'todo', 'concurrent', 'each', 'for', 'failing', 'fixme', 'fails', 'fail', 'sequential', 'skipIf', 'runIf', 'serial', 'prop']);
const TABLE = new Set(['each', 'for', 'prop']);
const CONDITION = new Set(['skipIf', 'runIf']);
const SKIPPED_SUITE = /(?<![\w$.])(?:xdescribe|xcontext|(?:describe|context|suite)\s*\.\s*(?:skip|todo)|test\s*\.\s*describe\s*\.\s*(?:skip|fixme))\s*\(/g;
const FN = /^(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|[\w$]+\s*=>|\(\s*\{)/;
const STR = /^['"`]/;

/**
 * Is this call a test definition? Its title comes first and a function follows (an options
 * object may sit between); a lone string title is a pending/todo test. `test.skip(cond, 'why')`
 * and `test.skip()` inside a Playwright test are runtime skips, not definitions.
 */
function isDefinition(args: string[], chain: string[]): boolean {
  if (args.length === 0) return false;
  // `it('t', fn)`, `test(name, f)` in a helper: a title, then a function or a name for one.
  if (args.slice(1).some((a) => FN.test(a) || (!FN.test(args[0]!) && /^[\w$.]+$/.test(a)))) return true;
  return args.length === 1 && STR.test(args[0]!) && !chain.includes('fixme') && !chain.includes('fail') && !chain.includes('slow');
}

/** Loops and `describe.each` around tests: `for (const x of LIST)`, `LIST.forEach(…)`, with the list's literal size. */
export type ImportedArray = (name: string) => { code: string; open: number } | undefined;
export interface Loops {
  spans: { from: number; to: number; size: number | null }[];
  /** `it.each(rows)` inside `describe.each(TABLE)(…, ({ rows }) => …)`: the summed row tables, by the position of `(`. */
  rowTables: Map<number, { size: number | null; spanFrom: number }>;
  sizeOf: (from: number, to: number) => number | null;
}

function loopSpans(code: string, imported: ImportedArray = () => undefined): Loops {
  // The same name is often declared in several describe blocks: a loop uses the nearest one before it.
  const consts = declarations(code);
  // Array size with `...spread` of other literal arrays resolved; null when not evident.
  const literal = (open: number, depth: number): number | null => {
    const end = matchBracket(code, open);
    if (end < 0 || depth > 6) return null;
    const parts = topLevelParts(code.slice(open + 1, end - 1));
    let n = 0;
    for (const p of parts) {
      const spread = /^\.\.\.\s*([\w$]+)$/.exec(p);
      if (!spread) n++;
      else {
        const c = consts.filter((k) => k.name === spread[1] && k.at < open).pop();
        const k = c ? literal(c.open, depth + 1) : null;
        if (k === null) return null;
        n += k;
      }
    }
    return n;
  };
  /**
   * Size of the expression `code[from, to)`: a literal array (or object, for `Object.keys`), a
   * const or imported name, through size-keeping wrappers (`Object.entries(x)`, `Array.from(x)`,
   * `[...x]`, `x.map(f)`, `x.slice()`, `x.sort()`). `x.filter(f)` and anything else: null.
   */
  const sizeOf = (from: number, to: number, depth = 0): number | null => {
    while (from < to && /\s/.test(code[from]!)) from++;
    while (to > from && /\s/.test(code[to - 1]!)) to--;
    if (from >= to || depth > 6) return null;
    const c0 = code[from]!;
    if ((c0 === '[' || c0 === '{') && matchBracket(code, from) === to) {
      const parts = topLevelParts(code.slice(from + 1, to - 1));
      const only = parts.length === 1 ? /^\.\.\.\s*/.exec(parts[0]!) : null;
      if (c0 === '[' && only) return sizeOf(code.indexOf('.', from) + only[0].length, to - 1, depth + 1);
      return literal(from, 0);
    }
    const wrap = /^(?:Object\s*\.\s*(?:entries|keys|values)|Array\s*\.\s*from)\s*\(/.exec(code.slice(from, Math.min(to, from + 40)));
    if (wrap && matchBracket(code, from + wrap[0].length - 1) === to) return sizeOf(from + wrap[0].length, to - 1, depth + 1);
    if (code[to - 1] === ')') {
      const open = matchBack(code, to - 1);
      const method = open > from ? /\.\s*(map|slice|sort|reverse|entries|keys|values|toSorted|toReversed)\s*$/.exec(code.slice(from, open)) : null;
      if (!method || (method[1] !== 'map' && code.slice(open + 1, to - 1).trim() !== '')) return null;
      return sizeOf(from, from + method.index, depth + 1);
    }
    const e = code.slice(from, to);
    if (!/^[\w$]+$/.test(e)) return null;
    const c = consts.filter((k) => k.name === e && k.at < from).pop();
    if (c) return literal(c.open, 0);
    const ext = imported(e);
    return ext ? literalSize(ext.code, ext.open) ?? null : null;
  };
  const arraySource = (arg: string, at: number): { code: string; open: number } | undefined => {
    if (arg.startsWith('[')) return { code, open: code.indexOf('[', at) };
    const c = consts.filter((k) => k.name === arg && k.at < at).pop();
    return c ? { code, open: c.open } : imported(arg);
  };
  const rowTables: Loops['rowTables'] = new Map();
  const out: { from: number; to: number; size: number | null }[] = [];
  for (const m of code.matchAll(/\bfor\s*(?=\(\s*(?:const|let|var)\s+(?:[\w$]+|\[[^\]]*\]|\{[^}]*\})\s+(?:of|in)\s)/g)) {
    const head = m.index + m[0].length;
    const close = matchBracket(code, head);
    const of = close > 0 ? /^\(\s*(?:const|let|var)\s+(?:[\w$]+|\[[^\]]*\]|\{[^}]*\})\s+(?:of|in)\s/.exec(code.slice(head, close)) : null;
    if (!of) continue;
    let at = close;
    while (/\s/.test(code[at] ?? '')) at++;
    const to = code[at] === '{' ? matchBracket(code, at) : code.indexOf(';', at) + 1;
    if (to > 0) out.push({ from: m.index, to, size: sizeOf(head + of[0].length, close - 1) });
  }
  // `LIST.forEach(…)`, `[a, b].forEach(…)`, `Object.keys(MAP).forEach(…)`: the receiver is read backwards.
  for (const m of code.matchAll(/\.\s*forEach\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const to = matchBracket(code, open);
    const from = receiverStart(code, m.index);
    if (to > 0) out.push({ from, to, size: sizeOf(from, m.index) });
  }
  for (const m of code.matchAll(/(?<![\w$.])(?:describe|context|suite)\s*\.\s*(?:each|for)\s*(?=[(`])/g)) {
    const at = m.index + m[0].length;
    let size: number | null = null;
    let next: number;
    if (code[at] === '`') {
      next = code.indexOf('`', at + 1) + 1;
      size = Math.max(0, code.slice(at + 1, next - 1).split('\n').filter((l) => l.trim()).length - 1);
    } else {
      next = matchBracket(code, at);
      size = sizeOf(at + 1, next - 1);
    }
    const open = code.indexOf('(', next);
    const to = open >= 0 ? matchBracket(code, open) : -1;
    if (next > 0 && to > 0) out.push({ from: m.index, to, size });
    // Rows that carry their own case lists: `({ path, tests }) => { it.each(tests)(…) }`.
    const src = code[at] === '(' ? arraySource(code.slice(at + 1, Math.max(at + 1, next - 1)).trim(), m.index) : undefined;
    const cb = to > 0 ? /^\s*(?:async\s*)?\(\s*\{([^}]*)\}/.exec(callArgs(code, open)[1] ?? '') : null;
    if (!src || !cb) continue;
    const end = matchBracket(src.code, src.open);
    const rows = end > 0 ? topLevelParts(src.code.slice(src.open + 1, end - 1)) : [];
    for (const name of cb[1]!.split(',').map((n) => n.trim().split(/\s*[:=]\s*/)[0]!).filter((n) => /^[\w$]+$/.test(n))) {
      for (const e of code.slice(open, to).matchAll(new RegExp(`\\.\\s*(?:each|for)\\s*\\(\\s*${name.replace(/\$/g, '\\$')}\\s*\\)`, 'g'))) {
        let sum: number | null = 0;
        for (const row of rows) {
          const k = new RegExp(`[{,]\\s*${name.replace(/\$/g, '\\$')}\\s*:\\s*\\[`).exec(row);
          const n = k ? literalSize(row, k.index + k[0].length - 1) : undefined;
          sum = n === undefined || sum === null ? null : sum + n;
        }
        rowTables.set(open + e.index! + e[0].indexOf('('), { size: sum, spanFrom: m.index });
      }
    }
  }
  return { spans: out, rowTables, sizeOf };
}

/**
 * `const NAME = [` / `{` declarations with where their literal opens. A type annotation may hold
 * `;`, `=>` and brackets (`const t: { a: [string, number?]; f: () => void }[] = [`), so it is
 * skipped bracket by bracket up to the `=` at depth 0.
 */
function declarations(code: string): { name: string; at: number; open: number }[] {
  const out: { name: string; at: number; open: number }[] = [];
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([\w$]+)\s*(?=[:=])/g)) {
    let j = m.index + m[0].length;
    if (code[j] === ':') {
      let depth = 0;
      for (j++; j < Math.min(code.length, m.index + 4000); j++) {
        const c = code[j]!;
        if ('([{<'.includes(c)) depth++;
        else if (')]}'.includes(c) || (c === '>' && code[j - 1] !== '=')) depth--;
        else if (depth === 0 && (c === ';' || (c === '\n' && !/[:|&]\s*$/.test(code.slice(m.index, j)) && !/^\s*[|&]/.test(code.slice(j + 1, j + 40))))) break;
        else if (depth === 0 && c === '=' && code[j + 1] !== '>' && code[j + 1] !== '=') break;
        if (depth < 0) break;
      }
      if (code[j] !== '=') continue;
    }
    j++;
    while (/\s/.test(code[j] ?? '')) j++;
    if (code[j] === '[' || code[j] === '{') out.push({ name: m[1]!, at: m.index, open: j });
  }
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
function receiverStart(code: string, dot: number): number {
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

function topLevelParts(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) (out.push(inner.slice(last, i).trim()), (last = i + 1));
  }
  out.push(inner.slice(last).trim());
  return out.filter(Boolean);
}

/** Top-level arguments of the call whose `(` is at `open`. */
function callArgs(code: string, open: number): string[] {
  const end = matchBracket(code, open);
  return end < 0 ? [] : topLevelParts(code.slice(open + 1, end - 1));
}

export function frameworkOf(text: string): string | undefined {
  if (/from\s+['"]@playwright\/test['"]|require\(\s*['"]@playwright\/test['"]\s*\)/.test(text)) return 'playwright';
  if (/from\s+['"]vitest['"]|require\(\s*['"]vitest['"]\s*\)/.test(text)) return 'vitest';
  if (/from\s+['"](?:node:)?test['"]|require\(\s*['"](?:node:)?test['"]\s*\)/.test(text)) return 'node:test';
  if (/from\s+['"]@jest\/globals['"]/.test(text)) return 'jest';
  if (/from\s+['"]ava['"]|require\(\s*['"]ava['"]\s*\)/.test(text)) return 'ava';
  if (/\bcy\s*\.\s*(?:visit|get|request|mount)\s*\(/.test(text)) return 'cypress';
  return undefined;
}

export function countJavaScript(text: string, imported?: ImportedArray, helpers: Helper[] = []) {
  const code = mask(text, SYNTAX.js);
  const lineOf = lineIndex(code);
  const skippedSpans: [number, number][] = [];
  for (const m of code.matchAll(SKIPPED_SUITE)) {
    const open = m.index + m[0].length - 1;
    const end = matchBracket(code, open);
    if (end > 0) skippedSpans.push([open, end]);
  }
  const { spans, rowTables, sizeOf } = loopSpans(code, imported);
  const defs: Def[] = [];
  // A file that declares its own `function test(…)` calls that, not a runner.
  const own = new Set([...code.matchAll(/\bfunction\s+(it|test|specify)\s*\(|\b(?:const|let|var)\s+(it|test|specify)\s*=\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/g)].map((m) => (m[1] ?? m[2])!));
  for (const m of code.matchAll(CALL)) {
    const base = m[1]!;
    if (own.has(base)) continue;
    const chain = m[2]!.split('.').map((s) => s.trim()).filter(Boolean);
    if (!chain.every((c) => MODIFIERS.has(c))) continue;
    if (/\b(?:function|def|class|new)\s*$/.test(code.slice(Math.max(0, m.index - 12), m.index))) continue;
    let at = m.index + m[0].length;
    let params: number | null | undefined;
    let rowSpan = -1;
    const table = chain.find((c) => TABLE.has(c));
    if (table || chain.some((c) => CONDITION.has(c))) {
      // `.each([...])(title, fn)`, `.each\`table\`(title, fn)`, `.skipIf(cond)(title, fn)`.
      if (code[at] === '`') {
        const close = code.indexOf('`', at + 1);
        if (close < 0) continue;
        const rows = text.slice(at + 1, close).split('\n').map((l) => l.trim()).filter(Boolean);
        params = Math.max(0, rows.length - 1);
        at = close + 1;
      } else {
        const end = matchBracket(code, at);
        if (end < 0) continue;
        if (table) {
          const row = rowTables.get(at);
          if (row) (params = row.size), (rowSpan = row.spanFrom);
          else params = sizeOf(at + 1, end - 1);
        }
        at = end;
      }
      while (/\s/.test(code[at] ?? '')) at++;
      if (code[at] !== '(') continue;
    }
    if (code[at] !== '(' || !isDefinition(callArgs(code, at), chain)) continue;
    const skipped = base.startsWith('x') || chain.some((c) => c === 'skip' || c === 'todo' || c === 'fixme');
    defs.push({ at: m.index, params, table: !!table, rowSpan, skipped });
  }
  // Suite matrices run the callback they are given several times: the tests inside multiply.
  const fns = namedFunctions(code);
  const matrices = [...helpers, ...fns.map((f) => ({ callee: f.name, perCall: 0, callbackRuns: callbackRuns(code, f, fns) })).filter((h) => h.callbackRuns > 1)];
  for (const h of matrices) {
    const re = new RegExp(`(?<![\\w$.])${h.callee.split('.').map(escapeRe).join('\\s*\\.\\s*')}\\s*\\(`, 'g');
    for (const m of code.matchAll(re)) {
      if (/\bfunction\s*$/.test(code.slice(Math.max(0, m.index - 10), m.index))) continue;
      if (h.perCall > 0) defs.push({ at: m.index, params: h.perCall, table: false, rowSpan: -1, skipped: false, helper: true });
      const to = (h.callbackRuns ?? 0) > 1 ? matchBracket(code, m.index + m[0].length - 1) : -1;
      if (to > 0) spans.push({ from: m.index, to, size: h.callbackRuns! });
    }
  }
  const loops = [...spans, ...exclusiveBranches(code, defs.map((d) => d.at))];
  const runs = helperRuns(code, defs.map((d) => d.at), loops, fns);
  const count = counter();
  for (const d of defs) {
    const { owner, times } = runs(d.at, d.rowSpan);
    // A table whose size is not evident counts once; the evident loops around it still multiply.
    const params = times === 1 && !owner ? d.params : (d.params ?? 1) * times;
    const skipped = d.skipped || skippedSpans.some(([a, b]) => d.at > a && d.at < b);
    const varies = d.table || d.helper || owner !== undefined || loops.some((l) => d.at > l.from && d.at < l.to);
    count.add({ line: lineOf(d.at), skipped, ...(varies ? { params: params === undefined ? null : params } : {}) });
  }
  return count.result();
}

interface Def {
  at: number;
  params: number | null | undefined;
  table: boolean;
  rowSpan: number;
  skipped: boolean;
  helper?: boolean;
}
type Span = { from: number; to: number; size: number | null };

/**
 * How many times the code at an offset runs: the product of the evident loop sizes around it,
 * and, inside a named function that defines tests, the number of times that function runs (its
 * call sites and bare references such as `describe('x', shared)`, each with its own loops). A
 * function nothing calls or names (an `exports.x = …` helper inside a test file) runs zero times.
 */
function helperRuns(code: string, defAt: number[], loops: Span[], fns: NamedFunction[]) {
  const inside = (f: NamedFunction, at: number) => at > f.open && at < f.to;
  const testing = new Set(fns.filter((f) => defAt.some((a) => inside(f, a))));
  const uses = new Map<NamedFunction, number[]>();
  for (let round = 0, grew = true; grew && round < 6; round++) {
    grew = false;
    for (const f of testing) {
      if (!uses.has(f)) uses.set(f, [...code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(f.name)}\\b`, 'g'))].map((m) => m.index).filter((i) => i < f.from || i >= f.open));
      for (const g of fns) if (!testing.has(g) && uses.get(f)!.some((a) => inside(g, a))) (testing.add(g), (grew = true));
    }
  }
  const ownerOf = (at: number) => [...testing].filter((f) => inside(f, at)).sort((a, b) => b.open - a.open)[0];
  const loopTimes = (at: number, within: NamedFunction | undefined, rowSpan = -1) => {
    let n = 1;
    for (const l of loops) if (at > l.from && at < l.to && l.from !== rowSpan && (!within || l.from > within.open)) n *= l.size ?? 1;
    return n;
  };
  const memo = new Map<NamedFunction, number>();
  const timesOf = (f: NamedFunction, depth: number): number => {
    if (memo.has(f)) return memo.get(f)!;
    if (depth > 8) return 1;
    let n = 0;
    for (const a of uses.get(f) ?? []) {
      const o = ownerOf(a);
      n += loopTimes(a, o) * (o ? timesOf(o, depth + 1) : 1);
    }
    memo.set(f, n);
    return n;
  };
  return (at: number, rowSpan: number) => {
    const owner = ownerOf(at);
    return { owner, times: loopTimes(at, owner, rowSpan) * (owner ? timesOf(owner, 0) : 1) };
  };
}

/**
 * `if (…) { it(…) } else { it(…) }`: one branch runs, so every branch but the one defining the
 * most tests gets size 0. A lone `if` around tests depends on runtime and counts as written.
 */
function exclusiveBranches(code: string, defAt: number[]): Span[] {
  const out: Span[] = [];
  const seen = new Set<number>();
  for (const m of code.matchAll(/(?<![\w$.])if\s*\(/g)) {
    if (seen.has(m.index)) continue;
    const branches: [number, number][] = [];
    let at = m.index;
    for (;;) {
      seen.add(at);
      const cond = matchBracket(code, code.indexOf('(', at));
      let open = cond;
      while (/\s/.test(code[open] ?? '')) open++;
      if (cond < 0 || code[open] !== '{') break;
      const close = matchBracket(code, open);
      if (close < 0) break;
      branches.push([open, close]);
      const rest = /^\s*else\s*(if\s*\(|\{)/.exec(code.slice(close, close + 200));
      if (!rest) break;
      if (rest[1] === '{') {
        const o = close + rest[0].length - 1;
        const e = matchBracket(code, o);
        if (e > 0) branches.push([o, e]);
        break;
      }
      at = close + rest[0].length - rest[1]!.length;
    }
    const sizes = branches.map(([a, b]) => defAt.filter((d) => d > a && d < b).length);
    if (sizes.filter((n) => n > 0).length < 2) continue;
    const keep = sizes.indexOf(Math.max(...sizes));
    branches.forEach(([a, b], i) => i !== keep && out.push({ from: a, to: b, size: 0 }));
  }
  return out;
}

/**
 * Arrays a test file imports from a sibling module (`import { CASES } from './cases.js'`), for
 * tables kept apart from the tests. Only `export const NAME = [` literals are read.
 */
export function importedArrays(files: FileIndex, path: string, text: string): ImportedArray {
  const from = new Map<string, string>();
  for (const m of text.matchAll(/import\s*\{([^}]+)\}\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    for (const n of m[1]!.split(',')) from.set(n.trim().split(/\s+as\s+/).pop()!, m[2]!);
  }
  return (name) => {
    const spec = from.get(name);
    const target = spec ? resolveModule(files, path, spec) : undefined;
    const other = target ? files.read(target) : undefined;
    if (!other) return undefined;
    const code = mask(other, SYNTAX.js);
    const m = new RegExp(`\\bexport\\s+const\\s+${name.replace(/\$/g, '\\$')}\\b[^=;]*=\\s*\\[`).exec(code);
    return m ? { code, open: m.index + m[0].length - 1 } : undefined;
  };
}
