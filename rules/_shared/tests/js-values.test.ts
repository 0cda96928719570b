import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../../src/testing/memory.js';
import { testInventory } from './inventory.js';
import { countJavaScript } from './javascript.js';
import { scopeOf } from './js-scope.js';
import { evaluate, truthy } from './js-values.js';
import { mask, SYNTAX } from './mask.js';

/** The value of the last line of `src` (an expression), with the lines before it in scope. */
function valueOf(src: string) {
  const code = mask(src, SYNTAX.js);
  const from = src.lastIndexOf('\n') + 1;
  return evaluate(scopeOf(code, src), from, src.length);
}
const sizeOf = (src: string) => {
  const v = valueOf(src);
  return v.t === 'arr' ? v.items.length : null;
};

describe('table values', () => {
  const ROWS = [
    'const ROWS = [',
    "  { path: '/a', skip: false, note: 'x' },",
    "  { path: ['/b', '/c'], skip: true, note: '' },",
    "  { path: `/d`, note: 0 },",
    '  { path: "/e", skip: undefined, extra: { deep: 1 } },',
    '] as const;',
  ].join('\n');

  it('filters literal rows by typeof, !==, truthiness and negation', () => {
    expect(sizeOf(`${ROWS}\nROWS.filter((x) => typeof x.path === "string")`)).toBe(3);
    expect(sizeOf(`${ROWS}\nROWS.filter(x => x.skip !== undefined)`)).toBe(2);
    // '' and 0 are falsy; a property a row does not have is undefined.
    expect(sizeOf(`${ROWS}\nROWS.filter(({ note }) => note)`)).toBe(1);
    expect(sizeOf(`${ROWS}\nROWS.filter((x) => !x.skip)`)).toBe(3);
    expect(sizeOf(`${ROWS}\nROWS.filter(function (x) { return x.extra && x.extra.deep === 1; })`)).toBe(1);
    expect(sizeOf(`${ROWS}\nROWS.filter((x) => Array.isArray(x.path) || x.note === 'x').map((x) => [x.path])`)).toBe(2);
    expect(sizeOf(`${ROWS}\nROWS.slice(1, 3).filter(Boolean)`)).toBe(2);
  });

  it('leaves a filter unknown when one row is not literal or the predicate is not read', () => {
    expect(valueOf("const R = [{ a: 1 }, { a: someVar }];\nR.filter((x) => x.a === 1)").t).toBe('?');
    // A spread row may carry the property.
    expect(valueOf("const R = [{ a: 1 }, { ...base }];\nR.filter((x) => x.a === undefined)").t).toBe('?');
    expect(valueOf('const R = [1, 2];\nR.filter((x) => isOdd(x))').t).toBe('?');
    expect(valueOf('const R = [1, 2];\nR.filter((x) => { const y = x; return y > 1; })').t).toBe('?');
  });

  it('knows the lists of http.METHODS and the methods package from the Node running the audit', () => {
    const lower = valueOf("const methods = require('methods');\nmethods");
    expect(lower.t === 'arr' && lower.items.map((v) => (v.t === 'str' ? v.v : '?'))).toEqual(http.METHODS.map((m) => m.toLowerCase()));
    expect(sizeOf("import { METHODS as M } from 'node:http';\nM.filter((m) => m !== 'GET')")).toBe(http.METHODS.length - 1);
    expect(sizeOf("const http = require('http');\nhttp.METHODS")).toBe(http.METHODS.length);
    expect(sizeOf("require('http').METHODS.map((m) => m.toLowerCase()).filter((m) => m.startsWith('p'))")).toBe(http.METHODS.filter((m) => m.startsWith('P')).length);
  });

  it('reads truthiness of evident values only', () => {
    expect(truthy({ t: 'str', v: '' })).toBe(false);
    expect(truthy({ t: 'str' })).toBeUndefined();
    expect(truthy({ t: 'arr', items: [] })).toBe(true);
  });
});

describe('loops over filtered and known tables', () => {
  it('counts a forEach over the methods package once per method, minus the ones its guard returns on', () => {
    const r = countJavaScript([
      "var express = require('../')",
      "  , methods = require('methods');",
      "describe('verbs', function () {",
      '  methods.forEach(function (method) {',
      "    if (method === 'connect') return;",
      "    it('handles ' + method, function () {});",
      '  });',
      '  methods.forEach(function (method) {',
      // A runtime condition decides nothing: every method counts.
      '    if (!process.env.SLOW) return;',
      "    it('slow ' + method, function () {});",
      '  });',
      '});',
    ].join('\n'));
    const n = http.METHODS.length;
    expect(r.cases).toBe(2);
    expect(r.expanded).toBe(n - (http.METHODS.includes('CONNECT') ? 1 : 0) + n);
  });

  it('applies continue guards in for…of over destructured rows', () => {
    const r = countJavaScript([
      "const CASES = [['a', 1], ['b', 2], ['c', 3]];",
      'for (const [name, n] of CASES) {',
      '  if (n > 2) continue;',
      "  if (name === 'a') { continue; }",
      "  test(name, () => {});",
      '}',
    ].join('\n'));
    expect(r.expanded).toBe(1);
  });

  it('follows a table filtered in one test file and exported by another, and a known list re-exported by a source module', () => {
    const inv = testInventory(memoryIndex({
      'package.json': JSON.stringify({ devDependencies: { vitest: '3', mocha: '10' } }),
      'src/cases.spec.ts': [
        "import { it } from 'vitest';",
        'export const MATCH: { path: string | string[]; ok?: boolean }[] = [',
        "  { path: '/a', ok: true },",
        "  { path: ['/b', '/c'] },",
        "  { path: '/d' },",
        '];',
        "it.each(MATCH)('matches %s', () => {});",
      ].join('\n'),
      'src/redos.spec.ts': [
        "import { it } from 'vitest';",
        "import { MATCH } from './cases.spec.js';",
        'it.each(',
        '  // arrays are checked elsewhere',
        '  MATCH.filter((x) => typeof x.path === "string").map((x) => [x.path]),',
        ")('%s is safe', () => {});",
        "it.each(MATCH.filter((x) => x.ok))('%s is ok', () => {});",
      ].join('\n'),
      'lib/utils.js': "var { METHODS } = require('node:http');\nexports.methods = METHODS.map((method) => method.toLowerCase());\n",
      'test/app.js': [
        "var methods = require('../lib/utils').methods;",
        "describe('app', function () { methods.forEach(function (m) { it('routes ' + m, function () {}); }); });",
      ].join('\n'),
    }));
    const by = Object.fromEntries(inv.files.map((f) => [f.path, f.expanded]));
    expect(by['src/cases.spec.ts']).toBe(3);
    expect(by['src/redos.spec.ts']).toBe(2 + 1);
    expect(by['test/app.js']).toBe(http.METHODS.length);
  });
});
