/**
 * Values of the tables JS/TS tests loop over, worked out statically so a loop or `.each` over
 * `CASES.filter((c) => typeof c.path === 'string')` counts the rows a runner would see. A tiny
 * evaluator over masked code (string contents from the original text, same offsets): literals,
 * arrays, objects, names declared or imported, member access, `typeof`, `!`, `===`/`!==`, `&&`,
 * `||`, `??`, `?:`, arrow/function bodies that declare a few `const`s and `return` (predicates,
 * case generators), the array methods that keep or filter rows and `flatMap`, `new Set([...])`
 * of literals and its `has`, and imported JSON documents. Anything else is unknown (`?`), and an
 * unknown row makes a filter unknown: the caller then counts the table as written. Known constant
 * lists of dependencies: `http.METHODS` (`http`/`node:http`) and the npm `methods` package (the
 * same list, lowercased), taken from the Node running the audit, as those packages do at test time.
 */
import { createRequire } from 'node:module';
import { matchBracket } from './mask.js';
import { table } from '../../util/table.js';

// node:http (and the modules it loads) only when a test names it: ~3 ms of every audit's start-up.
const require = createRequire(import.meta.url);

export type Value =
  /** `v` absent: a string whose content is not evident (a template with `${}`). */
  | { t: 'str'; v?: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'undef' }
  | { t: 'arr'; items: Value[] }
  /** `open`: a spread or computed key, so a property not listed is unknown, not undefined. */
  | { t: 'obj'; props: Record<string, Value>; open?: boolean }
  | { t: 'fn'; call?: (args: Value[]) => Value }
  /** `new Set([...])` of primitives whose values are all evident, duplicates dropped. */
  | { t: 'set'; items: Value[] }
  /** A regex, `new X()`, a class: an object, truthy. */
  | { t: 'thing' }
  | { t: 'global'; name: string }
  | { t: '?' };

const U: Value = { t: '?' };
const str = (v?: string): Value => (v === undefined ? { t: 'str' } : { t: 'str', v });
const bool = (v: boolean | undefined): Value => (v === undefined ? U : { t: 'bool', v });
const arr = (items: Value[]): Value => ({ t: 'arr', items });
const obj = (props: Record<string, Value>, open = false): Value => ({ t: 'obj', props, ...(open ? { open } : {}) });
const record = (entries: [string, Value][]) =>
  Object.assign(Object.create(null) as Record<string, Value>, Object.fromEntries(entries));

let methods: string[] | undefined;
const METHODS = (): string[] => (methods ??= [...(require('node:http') as typeof import('node:http')).METHODS]);
/** The most rows `Array.from({ length })` builds. */
const MAX_ROWS = 10_000;
const KNOWN: Record<string, () => Value> = table({
  methods: () => arr(METHODS().map((m) => str(m.toLowerCase()))),
  http: () => obj(record([['METHODS', arr(METHODS().map((m) => str(m)))]]), true),
});
KNOWN['node:http'] = KNOWN.http!;

export function truthy(v: Value): boolean | undefined {
  switch (v.t) {
    case 'str':
      return v.v === undefined ? undefined : v.v.length > 0;
    case 'num':
      return v.v !== 0 && !Number.isNaN(v.v);
    case 'bool':
      return v.v;
    case 'null':
    case 'undef':
      return false;
    case '?':
      return undefined;
    default:
      return true;
  }
}

function typeOf(v: Value): string | undefined {
  const types: Partial<Record<Value['t'], string>> = {
    str: 'string',
    num: 'number',
    bool: 'boolean',
    undef: 'undefined',
    null: 'object',
    arr: 'object',
    obj: 'object',
    set: 'object',
    thing: 'object',
    fn: 'function',
  };
  return types[v.t];
}

const primitive = (v: Value) => v.t === 'str' || v.t === 'num' || v.t === 'bool' || v.t === 'null' || v.t === 'undef';

function strictEq(a: Value, b: Value): boolean | undefined {
  if (a.t === '?' || b.t === '?' || a.t === 'global' || b.t === 'global') return undefined;
  if (a.t !== b.t) return false;
  if (!primitive(a)) return undefined; // identity of objects is not evident
  if (a.t === 'null' || a.t === 'undef') return true;
  const x = (a as { v?: unknown }).v;
  const y = (b as { v?: unknown }).v;
  return x === undefined || y === undefined ? undefined : x === y;
}

function looseEq(a: Value, b: Value): boolean | undefined {
  const nullish = (v: Value) => v.t === 'null' || v.t === 'undef';
  if (nullish(a) || nullish(b)) return a.t === '?' || b.t === '?' ? undefined : nullish(a) && nullish(b);
  return a.t === b.t ? strictEq(a, b) : undefined;
}

export function member(v: Value, key: string): Value {
  if (v.t === 'obj') return Object.hasOwn(v.props, key) ? v.props[key]! : v.open ? U : { t: 'undef' };
  if (v.t === 'arr')
    return key === 'length'
      ? { t: 'num', v: v.items.length }
      : /^\d+$/.test(key)
        ? (v.items[+key] ?? { t: 'undef' })
        : U;
  if (v.t === 'str' && key === 'length') return v.v === undefined ? U : { t: 'num', v: v.v.length };
  if (v.t === 'set' && key === 'size') return { t: 'num', v: v.items.length };
  return U;
}

/** `new Set(list)`: its items only when they are primitives with evident values (else which are equal is not evident). */
function newSet(list: Value | undefined): Value {
  if (!list || list.t === 'undef') return { t: 'set', items: [] };
  // Still an object (truthy, typeof 'object'), whose members are not evident.
  if (
    list.t !== 'arr' ||
    !list.items.every(
      (x) => primitive(x) && (x.t === 'null' || x.t === 'undef' || (x as { v?: unknown }).v !== undefined),
    )
  )
    return { t: 'thing' };
  const seen = new Set<string>();
  return {
    t: 'set',
    items: list.items.filter((x) => {
      const key = `${x.t}:${String((x as { v?: unknown }).v)}`;
      return !seen.has(key) && !!seen.add(key);
    }),
  };
}

/**
 * A JSON document as a value (an imported fixture table); unknown past 100 000 values, so a large
 * data file costs no more than it can tell.
 */
export function fromJson(json: unknown): Value {
  let budget = 100_000;
  const walk = (x: unknown): Value => {
    if (--budget < 0) return U;
    if (typeof x === 'string') return str(x);
    if (typeof x === 'number') return { t: 'num', v: x };
    if (typeof x === 'boolean') return { t: 'bool', v: x };
    if (x === null) return { t: 'null' };
    if (Array.isArray(x)) return arr(x.map(walk));
    if (typeof x === 'object')
      return obj(record(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, walk(v)])));
    return U;
  };
  const v = walk(json);
  return budget < 0 ? U : v;
}

/** Every row through `f`; unknown when one row is. */
function each<T>(items: Value[], f: (v: Value, i: number) => T | undefined): T[] | undefined {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = f(items[i]!, i);
    if (r === undefined) return undefined;
    out.push(r);
  }
  return out;
}

const callFn = (f: Value | undefined, args: Value[]): Value => (f?.t === 'fn' && f.call ? f.call(args) : U);

function callMethod(recv: Value, name: string, args: Value[]): Value {
  if (recv.t === 'global') {
    const a = args[0] ?? U;
    if (recv.name === 'Object' && a.t === 'obj' && !a.open) {
      const keys = Object.keys(a.props);
      if (name === 'keys') return arr(keys.map((k) => str(k)));
      if (name === 'values') return arr(keys.map((k) => a.props[k]!));
      if (name === 'entries') return arr(keys.map((k) => arr([str(k), a.props[k]!])));
    }
    if (recv.name === 'Array' && name === 'from') {
      if (a.t === 'arr' || a.t === 'set')
        return args[1] ? arr(a.items.map((x, i) => callFn(args[1], [x, { t: 'num', v: i }]))) : arr(a.items);
      const n = member(a, 'length');
      // A table of test cases is not a 300 000-character string (nor `{ length: 1e9 }` written to
      // exhaust the audit): past MAX_ROWS the rows are not evident.
      if (a.t === 'obj' && n.t === 'num' && Number.isInteger(n.v) && n.v >= 0 && n.v <= MAX_ROWS)
        return arr(
          Array.from({ length: n.v }, (_, i) => (args[1] ? callFn(args[1], [U, { t: 'num', v: i }]) : { t: 'undef' })),
        );
    }
    if (recv.name === 'Array' && name === 'isArray') return a.t === '?' ? U : bool(a.t === 'arr');
    return U;
  }
  if (recv.t === 'str' && recv.v !== undefined) {
    const s = recv.v;
    const a = args[0]?.t === 'str' ? args[0].v : undefined;
    if (name === 'toLowerCase') return str(s.toLowerCase());
    if (name === 'toUpperCase') return str(s.toUpperCase());
    if (name === 'trim') return str(s.trim());
    if (a !== undefined && (name === 'includes' || name === 'startsWith' || name === 'endsWith'))
      return bool(s[name](a));
    return U;
  }
  if (recv.t === 'set' && name === 'has') {
    const hits = each(recv.items, (x) => strictEq(x, args[0] ?? U));
    return hits ? bool(hits.some(Boolean)) : U;
  }
  if (recv.t !== 'arr') return U;
  const items = recv.items;
  const idx = (i: number): Value => ({ t: 'num', v: i });
  switch (name) {
    case 'filter': {
      const kept = each(items, (x, i) => truthy(callFn(args[0], [x, idx(i)])));
      return kept ? arr(items.filter((_, i) => kept[i])) : U;
    }
    case 'map':
      return arr(items.map((x, i) => callFn(args[0], [x, idx(i)])));
    case 'flatMap': {
      // Rows that each give a list (`['a', 'b'].flatMap((m) => cases(m))`): the lists joined.
      const out: Value[] = [];
      for (let i = 0; i < items.length; i++) {
        const r = callFn(args[0], [items[i]!, idx(i)]);
        if (r.t === '?') return U;
        if (r.t === 'arr') out.push(...r.items);
        else out.push(r);
      }
      return arr(out);
    }
    case 'slice': {
      const n = args.map((a) => (a.t === 'num' ? a.v : a.t === 'undef' ? undefined : NaN));
      return n.some((x) => Number.isNaN(x)) ? U : arr(items.slice(n[0], n[1]));
    }
    case 'splice': {
      // What it returns: the rows it removes (`rows.splice(1)` drops a header row and keeps the rest).
      const n = args.slice(0, 2).map((a) => (a.t === 'num' ? a.v : NaN));
      if (n.length === 0 || n.some((x) => Number.isNaN(x))) return U;
      const start = n[0]! < 0 ? Math.max(0, items.length + n[0]!) : Math.min(n[0]!, items.length);
      return arr(items.slice(start, n[1] === undefined ? undefined : start + Math.max(0, n[1])));
    }
    case 'sort':
    case 'toSorted':
    case 'reverse':
    case 'toReversed':
      return arr(name.includes('everse') ? [...items].reverse() : [...items]);
    case 'values':
      return arr(items);
    case 'keys':
      return arr(items.map((_, i) => idx(i)));
    case 'entries':
      return arr(items.map((x, i) => arr([idx(i), x])));
    case 'concat':
      return args.every((a) => a.t === 'arr')
        ? arr([...items, ...args.flatMap((a) => (a as { items: Value[] }).items)])
        : U;
    case 'includes': {
      const hits = each(items, (x) => strictEq(x, args[0] ?? U));
      return hits ? bool(hits.some(Boolean)) : U;
    }
    default:
      return U;
  }
}

/** The source an expression is read from, and how its free names resolve. */
export interface Source {
  code: string;
  text: string;
  /** The value of a name declared or imported before `at`. */
  lookup: (name: string, at: number) => Value;
  /** What `require(spec)`/`import … from spec` gives. */
  module: (spec: string) => Value;
}

type Env = Record<string, Value>;
type Expr = (env: Env) => Value;

export type Binder = { name: string } | { keys: [string, Binder][] } | { items: (Binder | null)[] };

export function bind(b: Binder, v: Value, env: Env): void {
  if ('name' in b) env[b.name] = v;
  else if ('keys' in b) for (const [k, sub] of b.keys) bind(sub, member(v, k), env);
  else b.items.forEach((sub, i) => sub && bind(sub, member(v, String(i)), env));
}

const IDENT = /^[A-Za-z_$][\w$]*/;
/** `const [a, b] = ` / `const x: T = ` at the start of a statement in a function body. */
const LOCAL = /^\s*(?:const|let|var)\s+([\w$]+|\[[^\]]*\]|\{[^}]*\})\s*(?::[^=;]+)?=(?![=>])/;

/** A parameter or loop-variable pattern: `x`, `x: T`, `{ a, b: c }`, `[a, b]` (defaults make a name unknown-free: dropped). */
export function parseBinder(src: string): Binder | undefined {
  const s = src.trim();
  if (s.startsWith('{') || s.startsWith('[')) {
    const end = matchBracket(s, 0);
    if (end < 0) return undefined;
    const parts = splitTop(s, 1, end - 1).map(([a, b]) => s.slice(a, b).trim());
    if (s[0] === '[') return { items: parts.map((p) => (p ? (parseBinder(p) ?? null) : null)) };
    const keys: [string, Binder][] = [];
    for (const p of parts) {
      if (p.includes('=') || p.startsWith('...')) continue;
      const m = /^([\w$]+)\s*(?::\s*([\s\S]+))?$/.exec(p);
      const sub = m ? (m[2] ? parseBinder(m[2]) : { name: m[1]! }) : undefined;
      if (m && sub) keys.push([m[1]!, sub]);
    }
    return { keys };
  }
  const m = /^([A-Za-z_$][\w$]*)\s*\??\s*(?::[\s\S]*)?$/.exec(s);
  return m ? { name: m[1]! } : undefined;
}

/** Offsets [from, to) of the top-level comma-separated parts of `code[from, to)`. */
export function splitTop(code: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let last = from;
  for (let i = from; i < to; i++) {
    const c = code[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) out.push([last, i]), (last = i + 1);
  }
  out.push([last, to]);
  return out.filter(([a, b]) => code.slice(a, b).trim() !== '');
}

/**
 * A function at `at`: `(x) => …`, `x => …`, `async (…) => …`, `function name(x) { … }`; its
 * parameters and body (`block`: the `{` of a statement body, else an expression body).
 */
export function functionAt(
  code: string,
  at: number,
  end = code.length,
): { params: Binder[]; body: number; bodyEnd: number; block: boolean } | undefined {
  let i = at;
  const ws = () => {
    while (i < end && /\s/.test(code[i]!)) i++;
  };
  ws();
  if (code.startsWith('async', i) && !/[\w$]/.test(code[i + 5] ?? '')) (i += 5), ws();
  let params: Binder[];
  const keyword = code.startsWith('function', i) && !/[\w$]/.test(code[i + 8] ?? '');
  if (keyword) {
    i += 8;
    ws();
    if (code[i] === '*') return undefined;
    while (i < end && /[\w$]/.test(code[i]!)) i++;
    ws();
  }
  if (code[i] === '(') {
    const close = matchBracket(code, i);
    if (close < 0 || close > end) return undefined;
    const ps = splitTop(code, i + 1, close - 1).map(([a, b]) => parseBinder(code.slice(a, b)));
    if (ps.some((p) => !p)) return undefined;
    params = ps as Binder[];
    i = close;
    ws();
    if (code[i] === ':') {
      // A return type: up to the `=>` or `{` at depth 0.
      let depth = 0;
      for (i++; i < end; i++) {
        const c = code[i]!;
        if (depth === 0 && ((!keyword && c === '=' && code[i + 1] === '>') || (keyword && c === '{'))) break;
        if ('([{<'.includes(c)) depth++;
        else if (')]}'.includes(c) || (c === '>' && code[i - 1] !== '=')) depth--;
      }
    }
  } else if (!keyword) {
    const m = IDENT.exec(code.slice(i, i + 80));
    if (!m) return undefined;
    params = [{ name: m[0] }];
    i += m[0].length;
    ws();
  } else return undefined;
  if (!keyword) {
    if (!code.startsWith('=>', i)) return undefined;
    i += 2;
    ws();
  }
  if (code[i] === '{') {
    const close = matchBracket(code, i);
    return close < 0 || close > end ? undefined : { params, body: i, bodyEnd: close, block: true };
  }
  return keyword ? undefined : { params, body: i, bodyEnd: end, block: false };
}

/** The value of `code[from, to)` under `env` (the rows a predicate is applied to). */
export function evaluate(
  src: Source,
  from: number,
  to: number,
  env: Env = Object.create(null) as Env,
  depth = 0,
): Value {
  const f = compile(src, from, to, depth);
  return f ? f(env) : U;
}

/** `code[from, to)` as a function of the names in scope; undefined when it is not all read. */
export function compile(src: Source, from: number, to: number, depth = 0): Expr | undefined {
  if (depth > 12) return undefined;
  const { code, text } = src;
  // `x as const`, `x satisfies T`, `x!`: types say nothing of the value.
  // Read from the last 200 characters only: compile runs on every nested part of a large table.
  const tailFrom = Math.max(from, to - 200);
  const window = code.slice(tailFrom, to);
  const tail =
    window.includes('as') || window.includes('satisfies') || window.trimEnd().endsWith('!')
      ? /\s+(?:as|satisfies)\s+[\w$.<>[\]\s,|'"]+$|!$/.exec(window)
      : null;
  if (tail && !/[()]/.test(tail[0])) to = tailFrom + tail.index;
  // A trailing comma of an argument list (`it.each(\n  rows,\n)`).
  while (to > from && /[\s,]/.test(code[to - 1]!)) to--;
  let i = from;
  const ws = () => {
    while (i < to && /\s/.test(code[i]!)) i++;
  };
  const word = () => {
    const m = IDENT.exec(code.slice(i, Math.min(to, i + 100)));
    return m ? m[0] : '';
  };
  const eat = (s: string) => {
    ws();
    if (i + s.length > to || !code.startsWith(s, i)) return false;
    i += s.length;
    return true;
  };
  let failed = false;
  const fail = (): Expr => ((failed = true), () => U);

  const args = (open: number): Expr[] | undefined => {
    const close = matchBracket(code, open);
    if (close < 0 || close > to) return undefined;
    const out = splitTop(code, open + 1, close - 1).map(([a, b]) => compile(src, a, b, depth + 1) ?? (() => U));
    i = close;
    return out;
  };

  const fn = (): Expr | undefined => {
    const head = functionAt(code, i, to);
    if (!head) return undefined;
    let body: Expr | undefined;
    const locals: { binder: Binder; e: Expr }[] = [];
    if (!head.block) {
      const end = expressionEnd(code, head.body, to);
      body = compile(src, head.body, end, depth + 1);
      i = end;
    } else {
      // `{ const … = …; return expr; }` only (a case generator names a few parts, then returns
      // its list); any other body is a function whose result is not evident.
      let k = head.body + 1;
      for (let n = 0; n < 8; n++) {
        const d = LOCAL.exec(code.slice(k, Math.min(head.bodyEnd, k + 400)));
        const binder = d ? parseBinder(d[1]!) : undefined;
        if (!d || !binder) break;
        const end = expressionEnd(code, k + d[0].length, head.bodyEnd - 1);
        const e = compile(src, k + d[0].length, end, depth + 1);
        locals.push({ binder, e: e ?? (() => U) });
        k = end + (code[end] === ';' ? 1 : 0);
      }
      const m = /^\s*return\b/.exec(code.slice(k, k + 40));
      const close = code.slice(0, head.bodyEnd - 1).trimEnd();
      if (m) body = compile(src, k + m[0].length, close.endsWith(';') ? close.length - 1 : close.length, depth + 1);
      i = head.bodyEnd;
    }
    return (env) => ({
      t: 'fn',
      ...(body
        ? {
            call: (vals: Value[]) => {
              const inner = Object.assign(Object.create(null) as Env, env);
              head.params.forEach((p, k) => bind(p, vals[k] ?? { t: 'undef' }, inner));
              for (const l of locals) bind(l.binder, l.e(inner), inner);
              return body!(inner);
            },
          }
        : {}),
    });
  };

  const primary = (): Expr => {
    ws();
    const c = code[i];
    const at = i;
    if (c === undefined || i >= to) return fail();
    if (c === '(') {
      const f = fn();
      if (f) return f;
      const close = matchBracket(code, i);
      if (close < 0 || close > to) return fail();
      const inner = compile(src, i + 1, close - 1, depth + 1);
      i = close;
      return inner ?? fail();
    }
    if (c === '[') {
      const close = matchBracket(code, i);
      if (close < 0 || close > to) return fail();
      const parts = splitTop(code, i + 1, close - 1).map(([a, b]) => {
        const spread = /^\s*\.\.\./.exec(code.slice(a, b));
        const e = compile(src, spread ? a + spread[0].length : a, b, depth + 1) ?? (() => U);
        return { spread: !!spread, e };
      });
      i = close;
      return (env) => {
        const items: Value[] = [];
        for (const p of parts) {
          const v = p.e(env);
          if (!p.spread) items.push(v);
          else if (v.t === 'arr' || v.t === 'set') items.push(...v.items);
          else return U;
        }
        return arr(items);
      };
    }
    if (c === '{') {
      const close = matchBracket(code, i);
      if (close < 0 || close > to) return fail();
      let open = false;
      const props: [string, Expr][] = [];
      for (const [a, b] of splitTop(code, i + 1, close - 1)) {
        const p = code.slice(a, b);
        const key = /^\s*(?:([A-Za-z_$][\w$]*)|(['"])[^'"]*\2|(\d+))\s*(:|\(|$)/.exec(p);
        if (!key || /^\s*(?:get|set|async)\s+[\w$]/.test(p)) {
          open = true;
          continue;
        }
        const name = key[1] ?? key[3] ?? text.slice(a + key[0].indexOf(key[2]!) + 1, a + key[0].lastIndexOf(key[2]!));
        if (key[4] === ':') props.push([name, compile(src, a + key[0].length, b, depth + 1) ?? (() => U)]);
        else if (key[4] === '(') props.push([name, () => ({ t: 'fn' })]);
        else props.push([name, (env) => (name in env ? env[name]! : src.lookup(name, a))]);
      }
      i = close;
      return (env) => obj(record(props.map(([k, e]) => [k, e(env)])), open);
    }
    if (c === '"' || c === "'" || c === '`') {
      const close = code.indexOf(c, i + 1);
      if (close < 0 || close >= to) return fail();
      const raw = text.slice(i + 1, close);
      i = close + 1;
      const known = !raw.includes('\\') && !(c === '`' && raw.includes('${'));
      const v = str(known ? raw : undefined);
      return () => v;
    }
    if (c === '/') {
      const close = code.indexOf('/', i + 1);
      if (close < 0 || close >= to) return fail();
      i = close + 1;
      while (/[a-z]/.test(code[i] ?? '')) i++;
      return () => ({ t: 'thing' });
    }
    const num = /^(?:0[xX][\da-fA-F]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)/.exec(
      code.slice(i, Math.min(to, i + 40)),
    );
    if (num) {
      i += num[0].length;
      const v: Value = { t: 'num', v: Number(num[0].replace(/_/g, '')) };
      return () => v;
    }
    const w = word();
    if (!w) return fail();
    if (w === 'function' || w === 'async') {
      const f = fn();
      return f ?? fail();
    }
    i += w.length;
    ws();
    if (i < to && code.startsWith('=>', i)) {
      i = at;
      return fn() ?? fail();
    }
    const consts: Record<string, Value> = {
      true: { t: 'bool', v: true },
      false: { t: 'bool', v: false },
      null: { t: 'null' },
      undefined: { t: 'undef' },
      NaN: { t: 'num', v: NaN },
    };
    if (w in consts) return () => consts[w]!;
    if (w === 'new' && /^Set\s*\(/.test(code.slice(i, i + 10))) {
      i = code.indexOf('(', i);
      const a = args(i);
      if (!a) return fail();
      return (env) => newSet(a[0]?.(env));
    }
    if (w === 'new' || w === 'class') {
      // `new X(…)` / a class expression: skip to the end of the call or body.
      i = expressionEnd(code, i, to);
      return () => ({ t: 'thing' });
    }
    if (w === 'require' && i < to && code[i] === '(') {
      const close = matchBracket(code, i);
      const spec = close > 0 ? /^\(\s*(['"])([^'"]*)\1\s*\)$/.exec(text.slice(i, close)) : null;
      if (!spec || close > to) return fail();
      const name = spec[2]!;
      i = close;
      return () => src.module(name);
    }
    if (w === 'Object' || w === 'Array') return () => ({ t: 'global', name: w });
    if (w === 'Boolean') return () => ({ t: 'fn', call: (vals) => bool(truthy(vals[0] ?? { t: 'undef' })) });
    return (env) => (w in env ? env[w]! : src.lookup(w, at));
  };

  const postfix = (): Expr => {
    let e = primary();
    for (;;) {
      ws();
      if (i >= to) return e;
      if (code.startsWith('?.', i) && code[i + 2] !== '(' && !/\d/.test(code[i + 2] ?? '')) i += 2;
      else if (code[i] === '.' && code[i + 1] !== '.') i++;
      else if (code[i] === '[') {
        const close = matchBracket(code, i);
        if (close < 0 || close > to) return fail();
        const key = compile(src, i + 1, close - 1, depth + 1) ?? (() => U);
        const recv = e;
        i = close;
        e = (env) => {
          const k = key(env);
          return k.t === 'num' || (k.t === 'str' && k.v !== undefined) ? member(recv(env), String(k.v)) : U;
        };
        continue;
      } else if (code[i] === '(') {
        const callee = e;
        const a = args(i);
        if (!a) return fail();
        e = (env) =>
          callFn(
            callee(env),
            a.map((x) => x(env)),
          );
        continue;
      } else return e;
      ws();
      const name = word();
      if (!name) return fail();
      i += name.length;
      ws();
      const recv = e;
      if (i < to && code[i] === '(') {
        const a = args(i);
        if (!a) return fail();
        e = (env) =>
          callMethod(
            recv(env),
            name,
            a.map((x) => x(env)),
          );
      } else e = (env) => member(recv(env), name);
    }
  };

  const unary = (): Expr => {
    ws();
    if (code[i] === '!' && code[i + 1] !== '=') {
      i++;
      const e = unary();
      return (env) => {
        const t = truthy(e(env));
        return t === undefined ? U : { t: 'bool', v: !t };
      };
    }
    if (code.startsWith('typeof', i) && !/[\w$]/.test(code[i + 6] ?? '')) {
      i += 6;
      const e = unary();
      return (env) => {
        const t = typeOf(e(env));
        return t === undefined ? U : str(t);
      };
    }
    if (code[i] === '-' && /[\d.]/.test(code[i + 1] ?? '')) {
      i++;
      const e = unary();
      return (env) => {
        const v = e(env);
        return v.t === 'num' ? { t: 'num', v: -v.v } : U;
      };
    }
    return postfix();
  };

  const compare = (): Expr => {
    let e = unary();
    for (;;) {
      ws();
      if (i >= to) return e;
      const op = /^(?:===|!==|==|!=|<=|>=|<(?!<)|>(?!>))/.exec(code.slice(i, i + 3))?.[0];
      if (!op) return e;
      i += op.length;
      const l = e;
      const r = unary();
      e = (env) => {
        const a = l(env);
        const b = r(env);
        if (op === '===' || op === '!==') {
          const eq = strictEq(a, b);
          return eq === undefined ? U : { t: 'bool', v: op === '===' ? eq : !eq };
        }
        if (op === '==' || op === '!=') {
          const eq = looseEq(a, b);
          return eq === undefined ? U : { t: 'bool', v: op === '==' ? eq : !eq };
        }
        if (a.t !== 'num' || b.t !== 'num') return U;
        return {
          t: 'bool',
          v: op === '<' ? a.v < b.v : op === '>' ? a.v > b.v : op === '<=' ? a.v <= b.v : a.v >= b.v,
        };
      };
    }
  };

  const logical = (): Expr => {
    let e = compare();
    for (;;) {
      ws();
      if (i >= to) return e;
      const op = /^(?:&&|\|\||\?\?)/.exec(code.slice(i, i + 2))?.[0];
      if (!op) return e;
      i += 2;
      const l = e;
      const r = compare();
      e = (env) => {
        const a = l(env);
        if (op === '??') return a.t === '?' ? U : a.t === 'null' || a.t === 'undef' ? r(env) : a;
        const t = truthy(a);
        if (t === undefined) return U;
        return (op === '&&') === t ? r(env) : a;
      };
    }
  };

  const ternary = (): Expr => {
    const cond = logical();
    ws();
    if (i >= to || code[i] !== '?' || code[i + 1] === '.' || code[i + 1] === '?') return cond;
    i++;
    const a = ternary();
    if (!eat(':')) return fail();
    const b = ternary();
    return (env) => {
      const t = truthy(cond(env));
      return t === undefined ? U : t ? a(env) : b(env);
    };
  };

  const e = ternary();
  ws();
  return failed || i < to ? undefined : e;
}

/**
 * For each opening bracket of `code`, where the bracket that closes it is (any kind closes any,
 * as `expressionEnd` counts them), or -1 when none does: one pass with a stack. Kept for the last
 * few texts, so that each declaration of a file full of unclosed `const x = f(` lines jumps over
 * its open call instead of scanning to the end of the file again (quadratic before).
 */
const CLOSERS: { code: string; close: Int32Array }[] = [];
function closers(code: string): Int32Array {
  for (const c of CLOSERS) if (c.code === code) return c.close;
  const close = new Int32Array(code.length).fill(-1);
  const open: number[] = [];
  for (let k = 0; k < code.length; k++) {
    const c = code.charCodeAt(k);
    if (c === 40 || c === 91 || c === 123) open.push(k);
    else if ((c === 41 || c === 93 || c === 125) && open.length) close[open.pop()!] = k;
  }
  if (CLOSERS.length >= 4) CLOSERS.shift();
  CLOSERS.push({ code, close });
  return close;
}

const CONTINUES_BEFORE = /[=(,[{.?:&|+\-*/<>!]/;
const CONTINUES_AFTER = /[.?:&|+\-*/=]/;
const BLANK = /\s/;

/** Where the expression starting at `from` ends: a `,`, `;` or closing bracket at depth 0, or a line that does not continue it. */
export function expressionEnd(code: string, from: number, limit = code.length): number {
  // Only depth 0 is walked: a bracketed group is jumped over to its closer (linear per call in
  // the text between `from` and the end, never the text inside groups).
  let close: Int32Array | undefined;
  let last = '';
  for (let k = from; k < limit; k++) {
    const c = code[k]!;
    if (c === '(' || c === '[' || c === '{') {
      close ??= closers(code);
      const m = close[k]!;
      if (m < 0 || m >= limit) return limit;
      k = m;
      last = code[m]!;
    } else if (c === ')' || c === ']' || c === '}') return k;
    else if (c === ';' || c === ',') return k;
    else if (c === '\n') {
      const after = /^\s*(.)/.exec(code.slice(k, k + 200))?.[1] ?? '';
      if (!(last && CONTINUES_BEFORE.test(last)) && !CONTINUES_AFTER.test(after)) return k;
    } else if (!BLANK.test(c)) last = c;
  }
  return limit;
}

/** The module values a tool knows without reading the package: `methods`, `http.METHODS`. */
export const knownModule = (spec: string): Value | undefined => KNOWN[spec]?.();

export const unknown = U;

/** A value with its functions made inert, for keeping in a digest (no closure may hold a file's text). */
export function inert(v: Value): Value {
  if (v.t === 'fn') return { t: 'fn' };
  if (v.t === 'arr') return arr(v.items.map(inert));
  if (v.t === 'obj') return obj(record(Object.entries(v.props).map(([k, x]) => [k, inert(x)])), !!v.open);
  return v;
}
