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
// A definition's first argument is a title: a string, a template, or a name or member followed
// by a function. `test.skip(cond, 'reason')` (Playwright's runtime skip) is not a definition.
const TITLE = /^\(\s*(?:['"`]|[\w$.[\]]+\s*,\s*(?:async\b|function\b|\(|[\w$]+\s*=>|\{))/;

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
    if (!TITLE.test(code.slice(at, at + 200))) continue;
    const skipped =
      base.startsWith('x') || chain.some((c) => c === 'skip' || c === 'todo' || c === 'fixme') ||
      skippedSpans.some(([a, b]) => m.index > a && m.index < b);
    count.add({ line: lineOf(m.index), skipped, ...(table ? { params: params === undefined ? null : params } : {}) });
  }
  return count.result();
}
