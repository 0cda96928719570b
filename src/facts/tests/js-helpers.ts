/**
 * Functions that define tests when called: `function shared(app) { it(…) }` in the test file, or
 * `exports.withNow = (name, f) => test(name, …)` in a sibling helper module that test files import.
 * A runner lists one set of the helper's tests per call, so the counter counts call sites.
 */
import type { FileView } from '../../types.js';
import { detachDeep } from '../../util/detach.js';
import { loopsIn, tableOf, type TableSpec, without } from './js-tables.js';
import { closerOf, mask, SYNTAX } from './mask.js';

export interface NamedFunction {
  name: string;
  /** Start of the declaration, the body's `{` and the offset just past its `}`. */
  from: number;
  open: number;
  to: number;
  /** Parameter names, for helpers that call a callback they are given. */
  params: string[];
  /** The parameters as written (masked code), for binding a call's arguments (`{ valid, invalid }`). */
  rawParams: string[];
}

// Heads up to the parameter list's `(` (or a lone arrow parameter); the rest is bracket-matched,
// since TypeScript parameters and return types hold parentheses and braces of their own.
const DECL = new RegExp(
  [
    String.raw`\bfunction\s*\*?\s*([\w$]+)\s*(?:<[^>(]*>)?\s*(?=\()`,
    String.raw`\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=;]+)?=\s*(?:async\s*)?(?:function\b\s*\*?\s*[\w$]*\s*(?=\()|(?=\()|([\w$]+)\s*=>)`,
    String.raw`\b(?:module\s*\.\s*)?exports\s*\.\s*([\w$]+)\s*=\s*(?:async\s*)?(?:function\b\s*\*?\s*[\w$]*\s*(?=\()|(?=\()|([\w$]+)\s*=>)`,
  ].join('|'),
  'g',
);
const DEFINES = /(?<![\w$.])(?:it|test|specify)\s*(?:\.\s*\w+\s*)*\(/;

/**
 * Named functions with a body (masked code), in source order; an arrow's expression body counts.
 * The last answer is kept: a test file's count and its helpers ask for the same code.
 */
export function namedFunctions(code: string): NamedFunction[] {
  if (lastFunctions?.code !== code) lastFunctions = { code, fns: namedFunctionsUncached(code) };
  return lastFunctions.fns;
}
let lastFunctions: { code: string; fns: NamedFunction[] } | undefined;

function namedFunctionsUncached(code: string): NamedFunction[] {
  // Brackets from one pass over the file (closerOf): matched per declaration, each unclosed
  // `function f() {` of thousands was scanned to the end of the file, and nested ones each to theirs.
  const out: NamedFunction[] = [];
  for (const m of code.matchAll(DECL)) {
    // `describe('x', function suite() {…})` is a named function expression that runs where it stands.
    if (m[1] && /(?:[(,=:?[&|!]|\breturn|=>)\s*(?:async\s*)?$/.test(code.slice(Math.max(0, m.index - 20), m.index)))
      continue;
    const keyword = /\bfunction\b/.test(m[0]);
    let j = m.index + m[0].length;
    let params: string[];
    let rawParams: string[];
    const lone = m[3] ?? m[5];
    if (lone) params = rawParams = [lone];
    else {
      const close = closerOf(code, j);
      if (close < 0) continue;
      rawParams = topLevel(code.slice(j + 1, close - 1));
      params = rawParams.map((p) => /^(?:\.\.\.)?([\w$]+)/.exec(p)?.[1]).filter((p): p is string => !!p);
      j = skipReturnType(code, close);
      const arrow = /^\s*=>/.exec(code.slice(j, j + 20));
      if (keyword === !!arrow) continue;
      if (arrow) j += arrow[0].length;
    }
    while (/\s/.test(code[j] ?? '')) j++;
    const name = (m[1] ?? m[2] ?? m[4])!;
    if (code[j] === '{') {
      const to = closerOf(code, j);
      if (to > 0) out.push({ name, from: m.index, open: j, to, params, rawParams });
    } else if (!keyword) {
      // `const f = (n, g) => test(n, g)`: the body ends where the expression does.
      out.push({ name, from: m.index, open: j - 1, to: expressionEnd(code, j) + 1, params, rawParams });
    }
  }
  return out;
}

function topLevel(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if ('([{<'.includes(c)) depth++;
    else if (')]}'.includes(c) || (c === '>' && inner[i - 1] !== '=')) depth--;
    else if (c === ',' && depth === 0) out.push(inner.slice(last, i).trim()), (last = i + 1);
  }
  out.push(inner.slice(last).trim());
  return out.filter(Boolean);
}

/** Past `): Promise<{ a: string }>` to where `{` or `=>` starts. */
function skipReturnType(code: string, j: number): number {
  let k = j;
  while (/\s/.test(code[k] ?? '')) k++;
  if (code[k] !== ':') return j;
  let depth = 0;
  for (k++; k < Math.min(code.length, j + 400); k++) {
    const c = code[k]!;
    if (depth === 0 && c === '{' && !/[:|&<,]\s*$/.test(code.slice(j, k))) return k;
    if (depth === 0 && c === '=' && code[k + 1] === '>') return k;
    if ('([{<'.includes(c)) depth++;
    else if (')]}'.includes(c) || (c === '>' && code[k - 1] !== '=')) depth--;
  }
  return j;
}

function expressionEnd(code: string, j: number): number {
  let depth = 0;
  for (let k = j; k < code.length; k++) {
    const c = code[k]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (--depth < 0) return k;
    } else if (depth === 0 && (c === ';' || c === ',' || c === '\n')) return k;
  }
  return code.length;
}

/**
 * How many times a function runs a callback it is given: `describeMatrix(title, fn)` whose body
 * calls `run(web)` and `run(node)`, where `run` calls `fn(…)`, runs the callback twice. Calls
 * through inner named functions multiply; 0 when no parameter is ever called.
 */
export function callbackRuns(code: string, f: NamedFunction, fns: NamedFunction[]): number {
  if (f.params.length === 0) return 0;
  const body = code.slice(f.open, f.to);
  const inner = fns.filter((g) => g.from > f.open && g.to <= f.to);
  const times = (at: number, depth: number): number => {
    const g = inner.filter((h) => at > h.open && at < h.to).sort((a, b) => b.open - a.open)[0];
    if (!g) return 1;
    if (depth > 6) return 1;
    let n = 0;
    for (const u of body.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(g.name)}\\s*\\(`, 'g'))) {
      const a = f.open + u.index;
      if (a < g.from || a >= g.to) n += times(a, depth + 1);
    }
    return n;
  };
  let runs = 0;
  for (const p of f.params) for (const at of callsOf(body, p)) runs += times(f.open + at, 0);
  return runs;
}

/**
 * Offsets of `name(` calls in `code`: what `(?<![\w$.])name\s*\(` finds, without compiling a
 * regex per name (one per parameter of every function of every test file added up).
 */
export function callsOf(code: string, name: string): number[] {
  const out: number[] = [];
  for (let i = code.indexOf(name); i >= 0; i = code.indexOf(name, i + 1)) {
    if (i > 0 && /[\w$.]/.test(code[i - 1]!)) continue;
    let j = i + name.length;
    while (j < code.length && /\s/.test(code[j]!)) j++;
    if (code[j] === '(') out.push(i);
  }
  return out;
}

/** Named functions whose body itself defines a test. */
export function testDefiningFunctions(code: string): NamedFunction[] {
  return namedFunctions(code).filter((f) => DEFINES.test(code.slice(f.open, f.to)));
}

export const escapeRe = (s: string) => s.replace(/[$.]/g, (c) => `\\${c}`);

/** Path of the module a relative specifier names, trying the usual extensions. */
export function resolveModule(files: FileView, from: string, spec: string): string | undefined {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  const out: string[] = [];
  for (const seg of (dir ? `${dir}/${spec}` : spec).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  const base = out.join('/');
  const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
  // Every candidate sits in base's folder or in stem/: a folder that holds no file has none.
  const folders = files.folders?.() ?? foldersOf(files.paths);
  if (!folders.has(base.slice(0, Math.max(0, base.lastIndexOf('/')))) && !folders.has(stem)) return undefined;
  return [base, ...['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'].map((e) => stem + e)].find(
    (p) => files.exists(p),
  );
}

/** Folders that directly hold a listed file ('' for the root), per listing. */
function foldersOf(paths: readonly string[]): Set<string> {
  let set = folderSets.get(paths);
  if (!set) {
    set = new Set();
    for (const p of paths) set.add(p.slice(0, Math.max(0, p.lastIndexOf('/'))));
    folderSets.set(paths, set);
  }
  return set;
}
const folderSets = new WeakMap<readonly string[], Set<string>>();

export interface Helper {
  /** How the test file calls it: `withNow` or `Helpers.withNow`. */
  callee: string;
  /** Tests one call defines besides its table's. */
  perCall: number;
  /** Times it runs the callback passed to it, when two or more (a suite matrix). */
  callbackRuns?: number;
  /** The table it defines one test per row of, sized at each call. */
  table?: TableSpec;
}

/**
 * Test-defining helpers a test file imports from relative modules: named imports and
 * destructured requires (`withNow`), namespaces and required objects (`Helpers.withNow`).
 * `perCall` counts the tests one call defines; `testSide` says which modules the scan reads anyway
 * (test files and test folders): their helpers come from `helpersOf` (the scan's digest) when given.
 * A module elsewhere (`src/testing/rule-tester.ts`) is read only when the test file calls one of
 * its names as a statement, as a test-defining helper is called, never from inside an expression.
 */
export function importedHelpers(
  files: FileView,
  path: string,
  text: string,
  perCall: (body: string) => number,
  testSide: (path: string) => boolean,
  helpersOf?: (path: string) => ModuleHelper[],
): Helper[] {
  const out: Helper[] = [];
  // Every import below names a relative module in quotes: without one, there is nothing to find.
  if (!/['"]\.\.?\//.test(text)) return out;
  const code = mask(text, SYNTAX.js);
  const statement = (callee: string) => new RegExp(`(?:^|[;{}\\n]|=>)\\s*${callee}\\s*\\(`).test(code);
  const add = (spec: string, pick: (name: string) => string | undefined, called: () => boolean) => {
    const target = resolveModule(files, path, spec);
    if (!target || target === path || !/\.[cm]?[jt]sx?$/.test(target)) return;
    let helpers: ModuleHelper[];
    if (testSide(target)) helpers = helpersOf ? helpersOf(target) : moduleHelpers(files, target, perCall);
    // Any other module is source: read (once, cached) only when a call could be a helper's.
    else if (called()) helpers = moduleHelpers(files, target, perCall);
    else return;
    for (const h of helpers) {
      const callee = pick(h.name);
      if (callee)
        out.push({
          callee,
          perCall: h.perCall,
          ...(h.callbackRuns ? { callbackRuns: h.callbackRuns } : {}),
          ...(h.table ? { table: h.table } : {}),
        });
    }
  };
  const REL = String.raw`['"](\.{1,2}\/[^'"]+)['"]`;
  for (const m of text.matchAll(
    new RegExp(
      String.raw`import\s*\{([^}]+)\}\s*from\s*${REL}|(?:const|let|var)\s*\{([^}]+)\}\s*=\s*require\s*\(\s*${REL}\s*\)`,
      'g',
    ),
  )) {
    const names = new Map<string, string>();
    for (const part of (m[1] ?? m[3])!.split(',')) {
      const [orig, local] = part.trim().split(/\s+as\s+|\s*:\s*/);
      if (orig && /^[\w$]+$/.test(orig)) names.set(orig, local && /^[\w$]+$/.test(local) ? local : orig);
    }
    add(
      (m[2] ?? m[4])!,
      (n) => names.get(n),
      () => [...names.values()].some((n) => statement(escapeRe(n))),
    );
  }
  for (const m of text.matchAll(
    new RegExp(
      String.raw`import\s+(?:\*\s+as\s+)?([\w$]+)\s+from\s*${REL}|(?:const|let|var)\s+([\w$]+)\s*=\s*require\s*\(\s*${REL}\s*\)`,
      'g',
    ),
  )) {
    const ns = (m[1] ?? m[3])!;
    add(
      (m[2] ?? m[4])!,
      (n) => `${ns}.${n}`,
      () => statement(`${escapeRe(ns)}\\s*\\.\\s*[\\w$]+`),
    );
  }
  return out;
}

export type ModuleHelper = { name: string; perCall: number; callbackRuns?: number; table?: TableSpec };
const cache = new WeakMap<FileView, Map<string, ModuleHelper[]>>();
/** A source module read for its helpers: a helper module is small; a larger one is not read. */
const MAX_HELPER_MODULE = 256 * 1024;

function moduleHelpers(files: FileView, path: string, perCall: (body: string) => number): ModuleHelper[] {
  let byPath = cache.get(files);
  if (!byPath) cache.set(files, (byPath = new Map()));
  let hit = byPath.get(path);
  if (!hit) {
    const text = files.read(path) ?? '';
    // Kept for the audit: no string in it may be a view into the text.
    hit = text.length > MAX_HELPER_MODULE ? [] : detachDeep(helpersOfModule(text, perCall));
    byPath.set(path, hit);
  }
  return hit;
}

/**
 * The functions of a module that define tests when called: with their count per call (tests in a
 * table loop left out) and the table they define one test per row of.
 */
export function helpersOfModule(text: string, perCall: (body: string) => number): ModuleHelper[] {
  const code = mask(text, SYNTAX.js);
  const fns = namedFunctions(code);
  const loops = loopsIn(code);
  const out: ModuleHelper[] = [];
  for (const f of fns) {
    const table = tableOf(code, text, f, loops, perCall);
    const body = without(text.slice(f.open + 1, f.to - 1), table?.spans ?? [], f.open + 1);
    const n = DEFINES.test(without(code.slice(f.open, f.to), table?.spans ?? [], f.open)) ? perCall(body) : 0;
    const runs = callbackRuns(code, f, fns);
    if (n > 0 || runs > 1 || table)
      out.push({
        name: f.name,
        perCall: n,
        ...(runs > 1 ? { callbackRuns: runs } : {}),
        ...(table ? { table: table.spec } : {}),
      });
  }
  return out;
}
