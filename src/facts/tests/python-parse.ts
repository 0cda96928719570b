/**
 * Parsing a Python test module into what pytest's collection needs, without running it:
 * classes (bases, methods, nested classes, class fixtures), module functions, fixtures (with
 * `params` table sizes and the fixtures they request), `from … import` names and module-level
 * constants (so `parametrize("x", CASES)` can be sized). Works on masked code: comments and
 * string contents never count.
 */
import { mask, matchBracket, SYNTAX } from './mask.js';
import {
  expr,
  literalKey,
  pyCondition,
  pyItems,
  slice,
  splitAt,
  trim,
  type Items,
  type Lookup,
  type PyExpr,
} from './python-values.js';

export interface PyFunc {
  name: string;
  line: number;
  args: string[];
  /** Product of literal `parametrize` table sizes; null when one is not literal; undefined: none. */
  params: number | null | undefined;
  /** Argument names given by `parametrize` (they shadow fixtures of the same name). */
  paramNames: string[];
  skipped: boolean;
  /** Fixtures named by `@pytest.mark.usefixtures(…)`: requested like arguments. */
  uses?: string[];
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
  /** `@pytest.mark.usefixtures(…)` on the class: every test method requests them. */
  uses?: string[];
  nested: PyClass[];
}

export interface PyModule {
  classes: PyClass[];
  functions: PyFunc[];
  fixtures: Map<string, PyFixture>;
  /** `from spec import orig as name` (`*` for a star import: name and orig are `*`). */
  imports: { name: string; line: number; from?: string; orig?: string }[];
  /** `import spec as name`, `import spec` (name = spec): module objects a dotted base class goes through. */
  moduleImports?: { name: string; spec: string }[];
  usesPytest: boolean;
  /** Module-level names bound to tables whose items are evident, for the modules that import them. */
  tables: Record<string, Items>;
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
    if (cur && (depth > 0 || /\\\s*$/.test(cur.text))) cur.text += `\n${l}`;
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
function generated(
  e: PyExpr,
  locals: Map<string, Items | undefined>,
  globals: Lookup,
  fixtures: Map<string, PyFixture>,
) {
  const scope: Lookup = (n) => (locals.has(n) ? locals.get(n) : globals(n));
  const assign = /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(e.code);
  if (assign) locals.set(assign[1]!, pyItems(slice(e, assign[0].length), scope));
  const call = /\bmetafunc\s*\.\s*parametrize\s*\(/.exec(e.code);
  if (!call) return;
  const names = parametrizeNames(e.orig.slice(call.index + 'metafunc'.length));
  if (names.length === 0) return;
  const size = parametrizeSize(slice(e, call.index + 'metafunc'.length), scope) ?? null;
  // Two calls for one name in if/elif branches: one runs; a runtime choice is not evident.
  const prev = fixtures.get(names[0]!);
  const merged = prev && prev.size !== size ? null : size;
  fixtures.set(names[0]!, { name: names[0]!, size: merged, deps: [], autouse: false });
  for (const n of names.slice(1)) fixtures.set(n, { name: n, size: 1, deps: [names[0]!], autouse: false });
}

/** Top-level arguments of the call whose `(` is at `open` (to the end when it is not closed). */
function callArgs(e: PyExpr, open: number): PyExpr[] {
  const close = matchBracket(e.code, open);
  return splitAt(slice(e, open + 1, close < 0 ? e.code.length : close - 1), ',')
    .map(trim)
    .filter((a) => a.code);
}

/** Size of a `parametrize` decorator's table, null when not literal, undefined when not one. */
function parametrizeSize(e: PyExpr, scope: Lookup): number | null | undefined {
  const m = /\.parametrize\s*\(/.exec(e.code);
  if (!m) return undefined;
  const args = callArgs(e, m.index + m[0].length - 1);
  const named = args.find((a) => /^argvalues\s*=/.test(a.code));
  const values = named
    ? slice(named, /^argvalues\s*=\s*/.exec(named.code)![0].length)
    : args.filter((a) => !/^\w+\s*=/.test(a.code))[1];
  return values ? (pyItems(values, scope)?.length ?? null) : null;
}

/** Top-level comma-separated parts of masked text (splitAt on text that is its own original). */
function splitTop(s: string, sep: string): string[] {
  return splitAt({ code: s, orig: s }, sep).map((p) => p.code);
}

function newClass(name: string, bases: string[], indent: number, line: number): PyClass {
  return {
    name,
    bases,
    indent,
    line,
    methods: [],
    fixtures: new Map(),
    hasInit: false,
    disabled: false,
    params: undefined,
    paramNames: [],
    skipped: false,
    nested: [],
  };
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

/**
 * Arguments Hypothesis's `@given` supplies, which are no fixtures: its keywords by name, and as
 * many of the last arguments as it has positional strategies.
 */
function givenNames(decos: PyExpr[], args: string[]): string[] {
  const out: string[] = [];
  for (const d of decos) {
    const m = /^@(?:hypothesis\.)?given\s*\(/.exec(d.code);
    const end = m ? matchBracket(d.code, m[0].length - 1) : -1;
    if (!m || end < 0) continue;
    const parts = splitTop(d.code.slice(m[0].length, end - 1), ',').filter((p) => p.trim());
    const positional = parts.filter((p) => !/^\s*\w+\s*=(?!=)/.test(p)).length;
    for (const p of parts) {
      const k = /^\s*(\w+)\s*=(?!=)/.exec(p);
      if (k) out.push(k[1]!);
    }
    if (positional) out.push(...args.slice(-positional));
  }
  return out;
}

/** Names a parametrize decorator binds (from the original text: they are in a string). */
function parametrizeNames(orig: string): string[] {
  const m = /\.parametrize\s*\(\s*(?:argnames\s*=\s*)?(?:(['"])([^'"]*)\1|[([]([^)\]]*)[)\]])/.exec(orig);
  if (!m) return [];
  const raw = m[2] ?? (m[3] ?? '').replace(/['"]/g, '');
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The tables of a module another one imports from (`from .cases import CASES`), by module name as written. */
export type PyImporter = (spec: string) => Record<string, Items> | undefined;

const MAX_TABLE = 10_000;

/**
 * `importer`: the tables of the modules this one imports from, asked only when an imported name
 * sizes a table. Module-level names are bound in order, as Python runs them: `CASES += […]`,
 * `CASES.extend(…)`, `.append(…)` extend the table; under `if sys.version_info …` (decided for
 * the assumed Python and platform, python-values.ts) a branch that does not run binds nothing and
 * defines no test, and a mutation under a condition that cannot be decided, or in a loop, makes the
 * table unknown.
 */
export function parsePython(text: string, importer?: PyImporter): PyModule {
  const code = mask(text, SYNTAX.python);
  const stmts = statements(code);
  const origLines = text.split('\n');
  /** Module-level bindings of each name, by statement index: a use sees the last one before it. */
  const bindings: Bindings = new Map();
  const classNames = new Map<PyClass, Bindings>();
  const bindAt = (name: string, at: number, get: () => Items | undefined, table = false, where = bindings) => {
    let list = where.get(name);
    if (!list) where.set(name, (list = []));
    list.push({ at, get: once(get), table });
  };
  const before = (where: Bindings, name: string, at: number) => {
    let hit: Binding | undefined;
    for (const b of where.get(name) ?? []) if (b.at < at) hit = b;
    return hit;
  };
  // A class body sees its own names, then the module's (not an enclosing class's).
  const lookupAt =
    (at: number, cls?: PyClass): Lookup =>
    (name) => {
      const own = cls && classNames.get(cls);
      return ((own && before(own, name, at)) ?? before(bindings, name, at))?.get();
    };
  /** Names bound to a `sys.version_info` comparison (`PY38 = sys.version_info >= (3, 8)`). */
  const flags = new Map<string, boolean | undefined>();
  const mod: PyModule = {
    classes: [],
    functions: [],
    fixtures: new Map(),
    imports: [],
    usesPytest: /\bpytest\b/.test(code),
    tables: {},
  };
  /** `hook`: inside `pytest_generate_tests`, with its local assignments; `branch`: inside an if/elif/else block. */
  type Frame = {
    indent: number;
    cls?: PyClass;
    hook?: Map<string, Items | undefined>;
    branch?: { holds: boolean | undefined };
  };
  const stack: Frame[] = [];
  /** The conditions of the if/elif chain open at each indent, for the `elif` and `else` that follow. */
  const chains = new Map<number, (boolean | undefined)[]>();
  let decorators: PyExpr[] = [];
  for (const [k, s] of stmts.entries()) {
    while (stack.length && s.indent <= stack[stack.length - 1]!.indent) stack.pop();
    const scopeFrame = stack.findLast((f) => !f.branch);
    if (scopeFrame && !scopeFrame.cls && !scopeFrame.hook) {
      // Inside a function body: most statements of a test file, so nothing more is made of them.
      decorators = [];
      continue;
    }
    const body = s.text.trim();
    let lines = 1;
    for (let at = s.text.indexOf('\n'); at >= 0; at = s.text.indexOf('\n', at + 1)) lines++;
    const orig = origLines
      .slice(s.line - 1, s.line - 1 + lines)
      .join('\n')
      .trim();
    // Masking keeps offsets: the masked statement is a prefix of the original one.
    const e = expr(body, orig.slice(0, body.length));
    if (body.startsWith('@')) {
      decorators.push(expr(body, orig));
      continue;
    }
    const decos = decorators;
    decorators = [];
    if (scopeFrame?.hook) {
      generated(e, scopeFrame.hook, lookupAt(k), mod.fixtures);
      continue;
    }
    const owner = scopeFrame?.cls;
    const branch = /^(?:(if|elif)\s+([\s\S]*?)|else)\s*:\s*$/.exec(body);
    for (const i of chains.keys())
      if (i > s.indent || (i === s.indent && !branch?.[0].startsWith('el'))) chains.delete(i);
    // A loop body runs any number of times, an `except` body maybe never: what they bind is not evident.
    if (/^(?:(?:async\s+)?(?:for|while)\s[\s\S]*|except\b[\s\S]*)\s*:\s*$/.test(body)) {
      stack.push({ indent: s.indent, branch: { holds: undefined } });
      continue;
    }
    if (branch) {
      const at = branch[1] ? /^\w+\s+/.exec(body)![0].length : 0;
      const cond = branch[1] ? pyCondition(slice(e, at, at + branch[2]!.length), (n) => flags.get(n)) : true;
      const before = branch[1] === 'if' ? [] : (chains.get(s.indent) ?? [undefined]);
      const holds = before.includes(true)
        ? false
        : before.every((b) => b === false)
          ? cond
          : cond === false
            ? false
            : undefined;
      chains.set(s.indent, [...before, cond]);
      stack.push({ indent: s.indent, branch: { holds } });
      continue;
    }
    const conds = stack.filter((f) => f.branch).map((f) => f.branch!.holds);
    if (conds.includes(false)) {
      // A branch the assumed Python does not run: nothing in it is defined.
      if (/^(?:class|(?:async\s+)?def)\s/.test(body)) stack.push({ indent: s.indent });
      continue;
    }
    const certain = !conds.includes(undefined);
    let params: number | null | undefined;
    for (const d of decos) {
      const n = parametrizeSize(d, lookupAt(k, owner));
      if (n !== undefined) params = n === null || params === null ? null : (params ?? 1) * n;
    }
    const paramNames = decos.flatMap((d) => parametrizeNames(d.orig));
    const skipped = decos.some((d) => /^@(?:pytest\.mark\.skip|unittest\.skip|skip)\b(?!if)/.test(d.code));
    const uses = decos
      .filter((d) => /^@(?:pytest\.)?mark\.usefixtures\s*\(/.test(d.code))
      .flatMap((d) => [...d.orig.matchAll(/(['"])(\w+)\1/g)].map((m) => m[2]!));
    const cls = /^class\s+(\w+)\s*(?:\(([\s\S]*)\))?\s*:/.exec(body);
    if (cls) {
      const c = newClass(
        cls[1]!,
        splitTop(cls[2] ?? '', ',')
          .map((b) => b.trim())
          .filter((b) => b && !b.includes('=')),
        s.indent,
        s.line,
      );
      Object.assign(c, { params, paramNames, skipped, ...(uses.length ? { uses } : {}) });
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
        let size: number | null = 1;
        if (p) {
          let v = trim(splitAt(slice(fixture, p.index + p[0].length), ',')[0]!);
          // `params=[…])`: the decorator's own `)` is no part of the value.
          if (v.code.endsWith(')') && (v.code.match(/\(/g) ?? []).length < (v.code.match(/\)/g) ?? []).length)
            v = slice(v, 0, v.code.length - 1);
          size = pyItems(v, lookupAt(k, owner))?.length ?? null;
        }
        (owner ? owner.fixtures : mod.fixtures).set(alias ?? name, {
          name: alias ?? name,
          size,
          deps: defArgs(body),
          autouse: /\bautouse\s*=\s*True\b/.test(fixture.code),
        });
      } else {
        const args = defArgs(body);
        const f: PyFunc = {
          name,
          line: s.line,
          args,
          params,
          paramNames: [...paramNames, ...givenNames(decos, args)],
          skipped,
          ...(uses.length ? { uses } : {}),
        };
        if (owner) {
          if (name === '__init__') owner.hasInit = true;
          owner.methods.push(f);
        } else mod.functions.push(f);
      }
      stack.push({
        indent: s.indent,
        ...(name === 'pytest_generate_tests' && !owner ? { hook: new Map<string, Items | undefined>() } : {}),
      });
      continue;
    }
    if (owner && /^__test__\s*=\s*False\b/.test(body)) owner.disabled = true;
    if (owner) {
      if (!classNames.has(owner)) classNames.set(owner, new Map());
      const names = classNames.get(owner)!;
      bindStatement(e, k, certain, lookupAt(k, owner), (n, at, get, table) => bindAt(n, at, get, table, names), flags);
      continue;
    }
    const imp = /^from\s+([\w.]+)\s+import\s+\(?([\w\s,]+)\)?$/.exec(body);
    if (imp) {
      const spec = imp[1]!;
      for (const part of imp[2]!
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)) {
        const [from, local = from] = part.split(/\s+as\s+/) as [string, string?];
        mod.imports.push({ name: local, line: s.line, from: spec, orig: from });
        if (importer) bindAt(local, k, () => importer(spec)?.[from]);
      }
      continue;
    }
    const star = /^from\s+([\w.]+)\s+import\s+\*$/.exec(body);
    if (star) {
      mod.imports.push({ name: '*', line: s.line, from: star[1]!, orig: '*' });
      continue;
    }
    const plain = /^import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)$/.exec(body);
    if (plain) {
      for (const part of plain[1]!.split(',')) {
        const [spec, name = spec] = part.trim().split(/\s+as\s+/) as [string, string?];
        (mod.moduleImports ??= []).push({ name, spec });
      }
      continue;
    }
    bindStatement(e, k, certain, lookupAt(k), bindAt, flags);
  }
  const all = lookupAt(Infinity);
  for (const [name, list] of bindings) {
    // Names last bound to what may be a sequence (not imports: they are not read for a module that imports this one).
    if (!list[list.length - 1]!.table) continue;
    const items = all(name);
    if (items && items.length <= MAX_TABLE) mod.tables[name] = items;
  }
  return mod;
}

/** A module-level assignment or mutation of a table (see parsePython). */
function bindStatement(
  e: PyExpr,
  k: number,
  certain: boolean,
  before: Lookup,
  bindAt: (name: string, at: number, get: () => Items | undefined, table?: boolean) => void,
  flags: Map<string, boolean | undefined>,
) {
  const assign = /^([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)\s*/.exec(e.code);
  if (assign) {
    const value = slice(e, assign[0].length);
    // Only what may be a sequence is offered to importing modules (a dict or a string is not evaluated for them).
    // Under a condition that cannot be decided, an assignment still binds, the last one written winning (as
    // before conditions were read); a mutation there makes the table unknown (see below).
    bindAt(
      assign[1]!,
      k,
      () => pyItems(value, before),
      /^[[(\w]/.test(value.code) && !/^[rRuUbBfF]*['"]/.test(value.code),
    );
    const flag =
      /version_info|platform|os\s*\.\s*name/.test(value.code) || flags.size > 0
        ? pyCondition(value, (n) => flags.get(n))
        : undefined;
    if (flag !== undefined || flags.has(assign[1]!)) flags.set(assign[1]!, certain ? flag : undefined);
    return;
  }
  const add = /^([A-Za-z_]\w*)\s*\+=\s*/.exec(e.code);
  if (add) {
    const more = slice(e, add[0].length);
    bindAt(add[1]!, k, () => (certain ? join(before(add[1]!), pyItems(more, before)) : undefined), true);
    return;
  }
  const call = /^([A-Za-z_]\w*)\s*\.\s*(extend|append|insert)\s*\(/.exec(e.code);
  if (!call || matchBracket(e.code, call[0].length - 1) !== e.code.length) return;
  const args = callArgs(e, call[0].length - 1);
  const name = call[1]!;
  bindAt(
    name,
    k,
    () => {
      if (!certain) return undefined;
      if (call[2] === 'extend') return args.length === 1 ? join(before(name), pyItems(args[0]!, before)) : undefined;
      const item = call[2] === 'append' ? args[0] : args[1];
      return item && args.length === (call[2] === 'append' ? 1 : 2)
        ? join(before(name), [literalKey(item)])
        : undefined;
    },
    true,
  );
}

type Binding = { at: number; get: () => Items | undefined; table: boolean };
type Bindings = Map<string, Binding[]>;

const join = (a: Items | undefined, b: Items | undefined): Items | undefined => (a && b ? [...a, ...b] : undefined);

function once<T>(get: () => T): () => T {
  let state: 0 | 1 | 2 = 0;
  let value: T | undefined;
  return () => {
    if (state === 2) return value as T;
    if (state === 1) return undefined as T; // a name that refers to itself
    state = 1;
    value = get();
    state = 2;
    return value;
  };
}
