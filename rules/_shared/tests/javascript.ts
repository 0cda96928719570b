/**
 * JavaScript/TypeScript test definitions in one file: `it`/`test`/`specify` calls of Jest,
 * Vitest, Mocha (BDD and TDD), Jasmine, node:test, AVA, Playwright and Cypress, with `.only`,
 * `.skip`/`xit`/`.todo` (skipped, also inside `describe.skip`/`xdescribe`), `.concurrent`, and
 * `.each`/`.for` tables (one definition; the literal table size goes to `expanded`).
 */
import { literalSize, lineIndex, mask, matchBracket, SYNTAX } from './mask.js';
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
  if (args.slice(1).some((a) => FN.test(a) || (STR.test(args[0]!) && /^[\w$.]+$/.test(a)))) return true;
  return args.length === 1 && STR.test(args[0]!) && !chain.includes('fixme') && !chain.includes('fail') && !chain.includes('slow');
}

/** Loops and `describe.each` around tests: `for (const x of LIST)`, `LIST.forEach(…)`, with the list's literal size. */
function loopSpans(code: string): { from: number; to: number; size: number | null }[] {
  // The same name is often declared in several describe blocks: a loop uses the nearest one before it.
  const consts: { name: string; at: number; open: number }[] = [];
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=;]+)?=\s*(?=[[{])/g)) consts.push({ name: m[1]!, at: m.index, open: m.index + m[0].length });
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
  const sizeOf = (expr: string, at: number): number | null => {
    const e = expr.trim().replace(/^Object\s*\.\s*(?:entries|keys|values)\s*\(\s*([\w$]+)\s*\)$/, '$1');
    const c = consts.filter((k) => k.name === e && k.at < at).pop();
    return c ? literal(c.open, 0) : null;
  };
  const out: { from: number; to: number; size: number | null }[] = [];
  for (const m of code.matchAll(/\bfor\s*\(\s*(?:const|let|var)\s+(?:[\w$]+|\[[^\]]*\]|\{[^}]*\})\s+(?:of|in)\s+([^)]+?)\s*\)\s*/g)) {
    const at = m.index + m[0].length;
    const to = code[at] === '{' ? matchBracket(code, at) : code.indexOf(';', at) + 1;
    if (to > 0) out.push({ from: m.index, to, size: sizeOf(m[1]!, m.index) });
  }
  for (const m of code.matchAll(/([\w$]+(?:\s*\(\s*[\w$]+\s*\))?)\s*\.\s*forEach\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const to = matchBracket(code, open);
    if (to > 0) out.push({ from: m.index, to, size: sizeOf(m[1]!, m.index) });
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
      const arg = code.slice(at + 1, Math.max(at + 1, next - 1)).trim();
      size = arg.startsWith('[') ? literalSize(code, code.indexOf('[', at)) ?? null : sizeOf(arg, m.index);
    }
    const open = code.indexOf('(', next);
    const to = open >= 0 ? matchBracket(code, open) : -1;
    if (next > 0 && to > 0) out.push({ from: m.index, to, size });
  }
  // Helpers that define tests and are called several times: `function check(app) { it(…) }`.
  for (const m of code.matchAll(/\bfunction\s+([\w$]+)\s*\([^)]*\)\s*\{|\b(?:const|let)\s+([\w$]+)\s*=\s*(?:async\s*)?(?:\([^)]*\)|[\w$]+)\s*=>\s*\{/g)) {
    const name = m[1] ?? m[2]!;
    const open = m.index + m[0].length - 1;
    const to = matchBracket(code, open);
    if (to < 0 || !/(?<![\w$.])(?:it|test|specify)\s*\(/.test(code.slice(open, to))) continue;
    const calls = [...code.matchAll(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\(`, 'g'))].filter((c) => c.index < m.index || c.index >= to).length;
    if (calls > 1) out.push({ from: m.index, to, size: calls });
  }
  return out;
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

export function countJavaScript(text: string) {
  const code = mask(text, SYNTAX.js);
  const lineOf = lineIndex(code);
  const skippedSpans: [number, number][] = [];
  for (const m of code.matchAll(SKIPPED_SUITE)) {
    const open = m.index + m[0].length - 1;
    const end = matchBracket(code, open);
    if (end > 0) skippedSpans.push([open, end]);
  }
  const loops = loopSpans(code);
  const count = counter();
  for (const m of code.matchAll(CALL)) {
    const base = m[1]!;
    const chain = m[2]!.split('.').map((s) => s.trim()).filter(Boolean);
    if (!chain.every((c) => MODIFIERS.has(c))) continue;
    if (/\b(?:function|def|class|new)\s*$/.test(code.slice(Math.max(0, m.index - 12), m.index))) continue;
    let at = m.index + m[0].length;
    let params: number | null | undefined;
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
          const arg = code.slice(at + 1, end - 1).trimStart();
          params = arg.startsWith('[') ? literalSize(code, code.indexOf('[', at)) ?? null : null;
        }
        at = end;
      }
      while (/\s/.test(code[at] ?? '')) at++;
      if (code[at] !== '(') continue;
    }
    if (code[at] !== '(' || !isDefinition(callArgs(code, at), chain)) continue;
    for (const l of loops) if (m.index > l.from && m.index < l.to) params = params === null || l.size === null ? null : (params ?? 1) * l.size;
    const skipped =
      base.startsWith('x') || chain.some((c) => c === 'skip' || c === 'todo' || c === 'fixme') ||
      skippedSpans.some(([a, b]) => m.index > a && m.index < b);
    const inLoop = loops.some((l) => m.index > l.from && m.index < l.to);
    count.add({ line: lineOf(m.index), skipped, ...(table || inLoop ? { params: params === undefined ? null : params } : {}) });
  }
  return count.result();
}
