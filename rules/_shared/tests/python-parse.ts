/**
 * Parsing a Python test module into what pytest's collection needs, without running it:
 * classes (bases, methods, nested classes, class fixtures), module functions, fixtures (with
 * `params` table sizes and the fixtures they request), `from … import` names and module-level
 * constants (so `parametrize("x", CASES)` can be sized). Works on masked code: comments and
 * string contents never count.
 */
import { mask, matchBracket, SYNTAX } from './mask.js';

export interface PyFunc {
  name: string;
  line: number;
  args: string[];
  /** Product of literal `parametrize` table sizes; null when one is not literal; undefined: none. */
  params: number | null | undefined;
  /** Argument names given by `parametrize` (they shadow fixtures of the same name). */
  paramNames: string[];
  skipped: boolean;
}

export interface PyFixture {
  name: string;
  /** Size of `params=`; 1 without params; null when not literal. */
  size: number | null;
  deps: string[];
  autouse: boolean;
}

export interface PyClass {
  name: string;
  bases: string[];
  indent: number;
  line: number;
  methods: PyFunc[];
  fixtures: Map<string, PyFixture>;
  hasInit: boolean;
  disabled: boolean;
  params: number | null | undefined;
  paramNames: string[];
  skipped: boolean;
  nested: PyClass[];
}

export interface PyModule {
  classes: PyClass[];
  functions: PyFunc[];
  fixtures: Map<string, PyFixture>;
  imports: { name: string; line: number }[];
  usesPytest: boolean;
}

interface Stmt {
  indent: number;
  text: string;
  line: number;
}


/** Logical statements: physical lines joined while brackets are open (masked code). */
function statements(code: string): Stmt[] {
  const out: Stmt[] = [];
  const lines = code.split('\n');
  let cur: Stmt | undefined;
  let depth = 0;
  lines.forEach((l, i) => {
    if (cur && (depth > 0 || /\\\s*$/.test(cur.text))) cur.text += '\n' + l;
    else {
      if (!l.trim()) return;
      cur = { indent: l.length - l.trimStart().length, text: l, line: i + 1 };
      out.push(cur);
    }
    for (const c of l) depth += '([{'.includes(c) ? 1 : ')]}'.includes(c) ? -1 : 0;
    if (depth < 0) depth = 0;
  });
  return out;
}

/**
 * A statement of `pytest_generate_tests(metafunc)`: `metafunc.parametrize('name', VALUES)` under
 * `if 'name' in metafunc.fixturenames:` parametrizes every test that requests `name`, directly
 * or through fixtures, as a fixture with `params=VALUES` would; so it is kept as one. With
 * several names (`'a,b'`) the first carries the table and the others depend on it, so a test
 * asking for both counts the rows once.
 */
function generated(body: string, orig: string, locals: Map<string, string>, consts: Map<string, string>, fixtures: Map<string, PyFixture>) {
  const assign = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]+)$/.exec(body);
  if (assign) locals.set(assign[1]!, assign[2]!);
  const call = /\bmetafunc\s*\.\s*parametrize\s*\(/.exec(body);
  if (!call) return;
  const names = parametrizeNames(orig.slice(orig.indexOf('metafunc')).replace(/^metafunc\s*/, ''));
  if (names.length === 0) return;
  const scope = new Map([...consts, ...locals]);
  const size = parametrizeSize(body.slice(call.index + 'metafunc'.length), scope) ?? null;
  // Two calls for one name in if/elif branches: one runs; a runtime choice is not evident.
  const prev = fixtures.get(names[0]!);
  const merged = prev && prev.size !== size ? null : size;
  fixtures.set(names[0]!, { name: names[0]!, size: merged, deps: [], autouse: false });
  for (const n of names.slice(1)) fixtures.set(n, { name: n, size: 1, deps: [names[0]!], autouse: false });
}

/** Size of a `parametrize` decorator's table, null when not literal, undefined when not one. */
function parametrizeSize(text: string, consts: Map<string, string>): number | null | undefined {
  const m = /\.parametrize\s*\(/.exec(text);
  if (!m) return undefined;
  const args = splitArgs(text.slice(m.index + m[0].length - 1));
  const values = args.find((a) => /^argvalues\s*=/.test(a))?.replace(/^argvalues\s*=\s*/, '') ?? args.filter((a) => !/^\w+\s*=/.test(a))[1];
  return values ? pySize(values, consts, 0) ?? null : null;
}

/**
 * Number of items a Python expression iterates, when it is evident from the text: list/tuple
 * literals (with `*unpacked` parts), `range(n)`, comprehensions over those, `a + b`, and names
 * bound to such values at module level. Undefined otherwise.
 */
function pySize(expr: string, consts: Map<string, string>, depth: number): number | undefined {
  const e = expr.trim();
  if (depth > 8 || !e) return undefined;
  // `A = '3.6', '3.7'`: a tuple without brackets.
  const items = splitTop(e, ',');
  if (items.length > 1) return items.filter((p) => p.trim()).length;
  const plus = splitTop(e, '+');
  if (plus.length > 1) return sumOf(plus.map((p) => pySize(p, consts, depth + 1)));
  if (/^[A-Za-z_][\w.]*$/.test(e)) return consts.has(e) ? pySize(consts.get(e)!, consts, depth + 1) : undefined;
  const range = /^range\(\s*(-?[\d_]+)\s*(?:,\s*(-?[\d_]+)\s*)?(?:,\s*([\d_]+)\s*)?\)$/.exec(e.replace(/_/g, ''));
  if (range) {
    const [a, b] = range[2] !== undefined ? [Number(range[1]), Number(range[2])] : [0, Number(range[1])];
    return Math.max(0, Math.ceil((b - a) / Number(range[3] ?? 1)));
  }
  const call = /^(?:list|tuple|sorted)\(([\s\S]*)\)$/.exec(e);
  if (call) return pySize(call[1]!, consts, depth + 1);
  if (!/^[[(]/.test(e) || matchBracket(e, 0) !== e.length) return undefined;
  const inner = e.slice(1, -1);
  const comp = /^([\s\S]*?)\sfor\s+[\w\s,()]+?\s+in\s+([\s\S]+)$/.exec(inner);
  if (comp && splitTop(inner, ',').length === 1 && depthAt(inner, comp[1]!.length) === 0) {
    return /\sif\s/.test(comp[2]!) ? undefined : pySize(comp[2]!, consts, depth + 1);
  }
  const parts = splitTop(inner, ',').filter((p) => p.trim());
  // `(x)` is not a tuple; `(x,)` is.
  if (e.startsWith('(') && parts.length === 1 && !/,\s*$/.test(inner)) return pySize(inner, consts, depth + 1);
  return sumOf(parts.map((p) => (p.trim().startsWith('*') && !p.trim().startsWith('**') ? pySize(p.trim().slice(1), consts, depth + 1) : 1)));
}

const sumOf = (ns: (number | undefined)[]) => (ns.some((n) => n === undefined) ? undefined : ns.reduce<number>((a, b) => a + b!, 0));

function depthAt(s: string, end: number): number {
  let d = 0;
  for (let i = 0; i < end; i++) d += '([{'.includes(s[i]!) ? 1 : ')]}'.includes(s[i]!) ? -1 : 0;
  return d;
}

function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let d = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ('([{'.includes(c)) d++;
    else if (')]}'.includes(c)) d--;
    else if (c === sep && d === 0) (out.push(s.slice(last, i)), (last = i + 1));
  }
  out.push(s.slice(last));
  return out;
}

/** Top-level arguments of a call whose `(` is at offset 0. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      depth--;
      if (depth === 0) {
        out.push(s.slice(start, i));
        break;
      }
    } else if (c === ',' && depth === 1) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  return out.map((a) => a.trim()).filter(Boolean);
}


function newClass(name: string, bases: string[], indent: number, line: number): PyClass {
  return { name, bases, indent, line, methods: [], fixtures: new Map(), hasInit: false, disabled: false, params: undefined, paramNames: [], skipped: false, nested: [] };
}

/** Argument names of a `def` statement (masked text), without self and cls. */
function defArgs(stmt: string): string[] {
  const open = stmt.indexOf('(');
  const close = matchBracket(stmt, open);
  if (open < 0 || close < 0) return [];
  return splitTop(stmt.slice(open + 1, close - 1), ',')
    .map((a) => /^\s*([A-Za-z_]\w*)/.exec(a)?.[1])
    .filter((a): a is string => !!a && a !== 'self' && a !== 'cls');
}

/** Names a parametrize decorator binds (from the original text: they are in a string). */
function parametrizeNames(orig: string): string[] {
  const m = /\.parametrize\s*\(\s*(?:argnames\s*=\s*)?(?:(['"])([^'"]*)\1|[([]([^)\]]*)[)\]])/.exec(orig);
  if (!m) return [];
  const raw = m[2] ?? (m[3] ?? '').replace(/['"]/g, '');
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

export function parsePython(text: string): PyModule {
  const code = mask(text, SYNTAX.python);
  const stmts = statements(code);
  const origLines = text.split('\n');
  const consts = new Map<string, string>();
  const mod: PyModule = { classes: [], functions: [], fixtures: new Map(), imports: [], usesPytest: /\bpytest\b/.test(code) };
  /** `hook`: inside `pytest_generate_tests`, with its local assignments. */
  type Frame = { indent: number; cls?: PyClass; hook?: Map<string, string> };
  const stack: Frame[] = [];
  let decorators: { code: string; orig: string }[] = [];
  for (const s of stmts) {
    while (stack.length && s.indent <= stack[stack.length - 1]!.indent) stack.pop();
    const body = s.text.trim();
    const orig = origLines.slice(s.line - 1, s.line - 1 + s.text.split('\n').length).join('\n').trim();
    if (body.startsWith('@')) {
      decorators.push({ code: body, orig });
      continue;
    }
    const decos = decorators;
    decorators = [];
    const frame = stack[stack.length - 1];
    if (frame?.hook) {
      generated(body, orig, frame.hook, consts, mod.fixtures);
      continue;
    }
    if (frame && !frame.cls) continue; // inside a function body
    const owner = frame?.cls;
    let params: number | null | undefined;
    for (const d of decos) {
      const n = parametrizeSize(d.code, consts);
      if (n !== undefined) params = n === null || params === null ? null : (params ?? 1) * n;
    }
    const paramNames = decos.flatMap((d) => parametrizeNames(d.orig));
    const skipped = decos.some((d) => /^@(?:pytest\.mark\.skip|unittest\.skip|skip)\b(?!if)/.test(d.code));
    const cls = /^class\s+(\w+)\s*(?:\(([\s\S]*)\))?\s*:/.exec(body);
    if (cls) {
      const c = newClass(cls[1]!, splitTop(cls[2] ?? '', ',').map((b) => b.trim()).filter((b) => b && !b.includes('=')), s.indent, s.line);
      Object.assign(c, { params, paramNames, skipped });
      (owner ? owner.nested : mod.classes).push(c);
      stack.push({ indent: s.indent, cls: c });
      continue;
    }
    const fn = /^(?:async\s+)?def\s+(\w+)\s*\(/.exec(body);
    if (fn) {
      const name = fn[1]!;
      const fixture = decos.find((d) => /^@(?:pytest\.)?fixture\b/.test(d.code));
      if (fixture) {
        const alias = /\bname\s*=\s*(['"])(\w+)\1/.exec(fixture.orig)?.[2];
        const p = /\bparams\s*=/.exec(fixture.code);
        const size = p ? pySize(splitTop(fixture.code.slice(p.index + p[0].length), ',')[0]!.replace(/\)\s*$/, ''), consts, 0) ?? null : 1;
        (owner ? owner.fixtures : mod.fixtures).set(alias ?? name, { name: alias ?? name, size, deps: defArgs(body), autouse: /\bautouse\s*=\s*True\b/.test(fixture.code) });
      } else {
        const f: PyFunc = { name, line: s.line, args: defArgs(body), params, paramNames, skipped };
        if (owner) {
          if (name === '__init__') owner.hasInit = true;
          owner.methods.push(f);
        } else mod.functions.push(f);
      }
      stack.push({ indent: s.indent, ...(name === 'pytest_generate_tests' && !owner ? { hook: new Map<string, string>() } : {}) });
      continue;
    }
    if (owner && /^__test__\s*=\s*False\b/.test(body)) owner.disabled = true;
    if (owner) continue;
    const imp = /^from\s+[\w.]+\s+import\s+\(?([\w\s,]+)\)?$/.exec(body);
    if (imp) mod.imports.push(...imp[1]!.split(',').map((n) => n.trim().split(/\s+as\s+/).pop()!).filter(Boolean).map((name) => ({ name, line: s.line })));
    const assign = /^([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)\s*([\s\S]+)$/.exec(body);
    if (assign) consts.set(assign[1]!, assign[2]!);
  }
  return mod;
}
