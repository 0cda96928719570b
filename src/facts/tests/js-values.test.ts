import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';
import { countJavaScript } from './javascript.js';
import { scopeOf } from './js-scope.js';
import { evaluate, truthy } from './js-values.js';
import { mask, SYNTAX } from './mask.js';

/** The value of the last line of `src` (an expression), with the lines before it in scope. */
function lastValue(src: string) {
  const code = mask(src, SYNTAX.js);
  const from = src.lastIndexOf('\n') + 1;
  return evaluate(scopeOf(code, src), from, src.length);
}
const sizeOf = (src: string) => {
  const v = lastValue(src);
  return v.t === 'arr' ? v.items.length : null;
};

describe('table values', () => {
  const ROWS = [
    'const ROWS = [',
    "  { path: '/a', skip: false, note: 'x' },",
    "  { path: ['/b', '/c'], skip: true, note: '' },",
    '  { path: `/d`, note: 0 },',
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
    expect(lastValue('const R = [{ a: 1 }, { a: someVar }];\nR.filter((x) => x.a === 1)').t).toBe('?');
    // A spread row may carry the property.
    expect(lastValue('const R = [{ a: 1 }, { ...base }];\nR.filter((x) => x.a === undefined)').t).toBe('?');
    expect(lastValue('const R = [1, 2];\nR.filter((x) => isOdd(x))').t).toBe('?');
    expect(lastValue('const R = [1, 2];\nR.filter((x) => { log(x); return x > 1; })').t).toBe('?');
  });

  it('knows the lists of http.METHODS and the methods package from the Node running the audit', () => {
    const lower = lastValue("const methods = require('methods');\nmethods");
    expect(lower.t === 'arr' && lower.items.map((v) => (v.t === 'str' ? v.v : '?'))).toEqual(
      http.METHODS.map((m) => m.toLowerCase()),
    );
    expect(sizeOf("import { METHODS as M } from 'node:http';\nM.filter((m) => m !== 'GET')")).toBe(
      http.METHODS.length - 1,
    );
    expect(sizeOf("const http = require('http');\nhttp.METHODS")).toBe(http.METHODS.length);
    expect(sizeOf("require('http').METHODS.map((m) => m.toLowerCase()).filter((m) => m.startsWith('p'))")).toBe(
      http.METHODS.filter((m) => m.startsWith('P')).length,
    );
  });

  it('reads truthiness of evident values only', () => {
    expect(truthy({ t: 'str', v: '' })).toBe(false);
    expect(truthy({ t: 'str' })).toBeUndefined();
    expect(truthy({ t: 'arr', items: [] })).toBe(true);
  });
});

describe('loops over filtered and known tables', () => {
  it('counts a forEach over the methods package once per method, minus the ones its guard returns on', () => {
    const r = countJavaScript(
      [
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
      ].join('\n'),
    );
    const n = http.METHODS.length;
    expect(r.cases).toBe(2);
    expect(r.expanded).toBe(n - (http.METHODS.includes('CONNECT') ? 1 : 0) + n);
  });

  it('applies continue guards in for…of over destructured rows', () => {
    const r = countJavaScript(
      [
        "const CASES = [['a', 1], ['b', 2], ['c', 3]];",
        'for (const [name, n] of CASES) {',
        '  if (n > 2) continue;',
        "  if (name === 'a') { continue; }",
        '  test(name, () => {});',
        '}',
      ].join('\n'),
    );
    expect(r.expanded).toBe(1);
  });

  it('follows a table filtered in one test file and exported by another, and a known list re-exported by a source module', () => {
    const inv = testInventory(
      memoryIndex({
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
        'lib/utils.js':
          "var { METHODS } = require('node:http');\nexports.methods = METHODS.map((method) => method.toLowerCase());\n",
        'test/app.js': [
          "var methods = require('../lib/utils').methods;",
          "describe('app', function () { methods.forEach(function (m) { it('routes ' + m, function () {}); }); });",
        ].join('\n'),
      }),
    );
    const by = Object.fromEntries(inv.files.map((f) => [f.path, f.expanded]));
    expect(by['src/cases.spec.ts']).toBe(3);
    expect(by['src/redos.spec.ts']).toBe(2 + 1);
    expect(by['test/app.js']).toBe(http.METHODS.length);
  });
});

describe('imported JSON tables, splice and literal Sets', () => {
  it('counts a loop over a JSON fixture without its header row, minus rows a literal Set ignores', () => {
    const rows = [
      '"comment: a header row, not a case"',
      ...['a', 'b', 'ignored', 'c'].map((input) => JSON.stringify({ input, output: `x-${input}` })),
      '{ "input": "no output", "output": null }',
    ];
    const byPath = Object.fromEntries(
      testInventory(
        memoryIndex({
          'test/fixture/cases.json': `[${rows.join(',\n')}]`,
          'test/fixture/broken.json': '[1, 2,',
          'test/cases.test.ts': [
            "import { describe, test } from 'vitest';",
            "import cases from './fixture/cases.json';",
            "import broken from './fixture/broken.json';",
            // The same string twice: a Set holds it once; "b-c" is no row.
            "const ignored = new Set(['ignored', 'ignored', 'b-c']);",
            "describe('cases', () => {",
            '  const tests = cases.splice(1).filter((t) => t.output && !ignored.has(t.input));',
            '  for (const t of tests) test(t.input, () => {});',
            '  for (const t of broken) test(String(t), () => {});',
            '  for (const n of [...new Set([1, 1, 2])]) test(`n${n}`, () => {});',
            '});',
          ].join('\n'),
        }),
      ).files.map((f) => [f.path, f]),
    );
    // 3 JSON rows survive; the unparsable fixture's loop counts once; the spread Set has 2 items.
    expect(byPath['test/cases.test.ts']?.expanded).toBe(3 + 1 + 2);
  });

  it('leaves Set membership unknown when an item is not evident', () => {
    expect(truthy(lastValue('const s = new Set([x, "a"]);\ns.has("a")'))).toBeUndefined();
    expect(truthy(lastValue('const s = new Set(rows);\n!s'))).toBe(false);
    expect(truthy(lastValue('const s = new Set(["a", 1]);\ns.has("1")'))).toBe(false);
    expect(sizeOf('const r = [1, 2, 3, 4];\nr.splice(-3, 2)')).toBe(2);
  });
});

describe('case generators', () => {
  it('calls functions that name a few parts before returning their list, and joins flatMap lists', () => {
    const gen = [
      'const cases = (',
      '  matcher: string,',
      "): Array<Case<'useCents', never>> => {",
      "  const [name, fn] = matcher.split('.');",
      '  const errors: [Err] = [{ id: name }];',
      '  return [{ code: `${fn}()`, errors }, { code: fn, errors }, `${name}[fn]`];',
      '};',
    ].join('\n');
    expect(sizeOf(`${gen}\ncases('a.b')`)).toBe(3);
    expect(sizeOf(`${gen}\n['toBe', 'toEqual'].flatMap((m) => cases(m))`)).toBe(6);
    expect(sizeOf(`function pairs(list) { return list.map((x) => [x, x]); }\npairs([1, 2, 3, 4])`)).toBe(4);
    // A flatMap row whose list is not evident makes the whole unknown.
    expect(lastValue('[1, 2].flatMap((x) => load(x))').t).toBe('?');
  });

  it('does not trust the literal of a table filled in place', () => {
    expect(sizeOf('const rows = [];\nrows.push(1, 2);\nrows')).toBeNull();
    expect(sizeOf('const rows = [1];\nrows[1] = 2;\nrows')).toBeNull();
    expect(sizeOf('const rows = [1, 2, 3];\nrows.map((r) => r + 1)')).toBe(3);
  });
});

describe('tables an audited file cannot blow up', () => {
  it('builds Array.from({ length }) rows up to 10 000, and leaves a longer or odd length unknown', () => {
    expect(sizeOf('Array.from({ length: 3 }, (_, i) => i)')).toBe(3);
    expect(lastValue('Array.from({ length: 1e9 }, (_, i) => i)').t).toBe('?');
    expect(lastValue('Array.from({ length: 300000 })').t).toBe('?');
    expect(lastValue('Array.from({ length: -1 })').t).toBe('?');
  });
});
