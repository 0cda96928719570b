/**
 * Functions that define tests when called: `function shared(app) { it(…) }` in the test file, or
 * `exports.withNow = (name, f) => test(name, …)` in a sibling helper module that test files import.
 * A runner lists one set of the helper's tests per call, so the counter counts call sites.
 */
import type { FileIndex } from '../../../src/walk/file-index.js';
import { mask, matchBracket, SYNTAX } from './mask.js';

export interface NamedFunction {
  name: string;
  /** Start of the declaration, the body's `{` and the offset just past its `}`. */
  from: number;
  open: number;
  to: number;
}

const PARAMS = String.raw`(?:\([^)]*\)|[\w$]+)`;
const DECL = new RegExp(
  [
    String.raw`\bfunction\s*\*?\s*([\w$]+)\s*\([^)]*\)\s*\{`,
    String.raw`\b(?:const|let|var)\s+([\w$]+)\s*=\s*(?:async\s*)?(?:${PARAMS}\s*=>|function\b[^(]*\([^)]*\))\s*\{`,
    String.raw`\b(?:module\s*\.\s*)?exports\s*\.\s*([\w$]+)\s*=\s*(?:async\s*)?(?:${PARAMS}\s*=>|function\b[^(]*\([^)]*\))\s*\{`,
  ].join('|'),
  'g',
);
const DEFINES = /(?<![\w$.])(?:it|test|specify)\s*(?:\.\s*\w+\s*)*\(/;

/** Named functions with a body (masked code), in source order. */
export function namedFunctions(code: string): NamedFunction[] {
  const out: NamedFunction[] = [];
  for (const m of code.matchAll(DECL)) {
    // `describe('x', function suite() {…})` is a named function expression that runs where it stands.
    if (m[1] && /(?:[(,=:?[&|!]|\breturn|=>)\s*(?:async\s*)?$/.test(code.slice(Math.max(0, m.index - 20), m.index))) continue;
    const open = m.index + m[0].length - 1;
    const to = matchBracket(code, open);
    if (to > 0) out.push({ name: (m[1] ?? m[2] ?? m[3])!, from: m.index, open, to });
  }
  return out;
}

/** Named functions whose body itself defines a test. */
export function testDefiningFunctions(code: string): NamedFunction[] {
  return namedFunctions(code).filter((f) => DEFINES.test(code.slice(f.open, f.to)));
}

export const escapeRe = (s: string) => s.replace(/[$.]/g, (c) => `\\${c}`);

/** Path of the module a relative specifier names, trying the usual extensions. */
export function resolveModule(files: FileIndex, from: string, spec: string): string | undefined {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  const out: string[] = [];
  for (const seg of (dir ? `${dir}/${spec}` : spec).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  const base = out.join('/');
  const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
  return [base, ...['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'].map((e) => stem + e)].find((p) => files.exists(p));
}

export interface Helper {
  /** How the test file calls it: `withNow` or `Helpers.withNow`. */
  callee: string;
  perCall: number;
}

/**
 * Test-defining helpers a test file imports from relative modules: named imports and
 * destructured requires (`withNow`), namespaces and required objects (`Helpers.withNow`).
 * `perCall` counts the tests one call defines; `testSide` says which modules may hold helpers.
 */
export function importedHelpers(files: FileIndex, path: string, text: string, perCall: (body: string) => number, testSide: (path: string) => boolean): Helper[] {
  const out: Helper[] = [];
  const add = (spec: string, pick: (name: string) => string | undefined) => {
    const target = resolveModule(files, path, spec);
    // Production modules never define tests; reading them would cost a second read of source.
    if (!target || target === path || !testSide(target)) return;
    for (const h of moduleHelpers(files, target, perCall)) {
      const callee = pick(h.name);
      if (callee) out.push({ callee, perCall: h.perCall });
    }
  };
  const REL = String.raw`['"](\.{1,2}\/[^'"]+)['"]`;
  for (const m of text.matchAll(new RegExp(String.raw`import\s*\{([^}]+)\}\s*from\s*${REL}|(?:const|let|var)\s*\{([^}]+)\}\s*=\s*require\s*\(\s*${REL}\s*\)`, 'g'))) {
    const names = new Map<string, string>();
    for (const part of (m[1] ?? m[3])!.split(',')) {
      const [orig, local] = part.trim().split(/\s+as\s+|\s*:\s*/);
      if (orig && /^[\w$]+$/.test(orig)) names.set(orig, local && /^[\w$]+$/.test(local) ? local : orig);
    }
    add((m[2] ?? m[4])!, (n) => names.get(n));
  }
  for (const m of text.matchAll(new RegExp(String.raw`import\s+(?:\*\s+as\s+)?([\w$]+)\s+from\s*${REL}|(?:const|let|var)\s+([\w$]+)\s*=\s*require\s*\(\s*${REL}\s*\)`, 'g'))) {
    add((m[2] ?? m[4])!, (n) => `${m[1] ?? m[3]}.${n}`);
  }
  return out;
}

const cache = new WeakMap<FileIndex, Map<string, { name: string; perCall: number }[]>>();

function moduleHelpers(files: FileIndex, path: string, perCall: (body: string) => number): { name: string; perCall: number }[] {
  let byPath = cache.get(files);
  if (!byPath) cache.set(files, (byPath = new Map()));
  let hit = byPath.get(path);
  if (!hit) {
    const text = files.read(path) ?? '';
    const code = mask(text, SYNTAX.js);
    hit = testDefiningFunctions(code).map((f) => ({ name: f.name, perCall: perCall(text.slice(f.open + 1, f.to - 1)) })).filter((h) => h.perCall > 0);
    byPath.set(path, hit);
  }
  return hit;
}
