import { describe, expect, it } from 'vitest';
import { memoryIndex, MemorySource, type Tree } from '../../testing/memory.js';
import { FileIndex } from '../../walk/file-index.js';
import { testInventory } from './inventory.js';
import { countJavaScript } from './javascript.js';

const counts = (tree: Record<string, string>) =>
  testInventory(memoryIndex(tree)).files.map((f) => [f.path, f.cases, f.fromTables ?? 0]);

/** An eslint-plugin-like repository: rules in lib/, one RuleTester file per rule under tests/, run by mocha. */
const plugin = (tests: Record<string, string>) => ({
  'package.json': JSON.stringify({
    name: 'eslint-plugin-ledger',
    scripts: { test: 'mocha tests --recursive' },
    devDependencies: { eslint: '9', mocha: '10' },
  }),
  'lib/rules/no-float-money.js': 'module.exports = { meta: {}, create() { return {}; } };\n',
  'lib/rules/prefer-cents.js': 'module.exports = { meta: {}, create() { return {}; } };\n',
  ...tests,
});

describe("ESLint's RuleTester", () => {
  it('counts one test per element of valid and invalid, as ESLint defines one `it` per element', () => {
    const tree = plugin({
      'tests/lib/rules/no-float-money.js': [
        "const { RuleTester } = require('eslint');",
        "const rule = require('../../../lib/rules/no-float-money');",
        'const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 2022 } });',
        "ruleTester.run('no-float-money', rule, {",
        '  valid: [',
        "    'const cents = 100;',",
        "    { code: 'const price = toCents(1.5);', options: [{ allow: ['toCents', 'round'] }] },",
        '    `const total = sum([1, 2]);`,',
        '  ],',
        '  invalid: [',
        "    { code: 'const price = 1.5;', errors: [{ messageId: 'float' }, { messageId: 'money' }] },",
        '  ],',
        '});',
      ].join('\n'),
      // typescript-eslint's tester built and run in one expression; a list referenced by name.
      'tests/lib/rules/prefer-cents.js': [
        "const { RuleTester } = require('@typescript-eslint/rule-tester');",
        "const rule = require('../../../lib/rules/prefer-cents');",
        "const invalid = [{ code: 'a', errors: [] }, { code: 'b', errors: [] }];",
        "new RuleTester({ parser: '@typescript-eslint/parser' }).run('prefer-cents', rule, { valid: ['x'], invalid });",
      ].join('\n'),
    });
    expect(counts(tree)).toEqual([
      ['tests/lib/rules/no-float-money.js', 4, 4],
      ['tests/lib/rules/prefer-cents.js', 3, 3],
    ]);
  });

  it('counts a list it cannot size once, the others by their elements, and no `run` of another object', () => {
    const r = countJavaScript(
      [
        "const { RuleTester } = require('eslint');",
        "const { shared } = require('eslint-plugin-other/cases');",
        'const tester = new RuleTester();',
        "tester.run('a', rule, { valid: [...shared, 'x', 'y'], invalid: buildInvalid() });",
        "tester.run('b', rule, loadSuite('b'));",
        "const job = queue.run('c', handler, { retries: [1, 2, 3] });",
        "runner.run('d', rule, { valid: ['z'] });",
      ].join('\n'),
    );
    // a: 2 literal + 1 for the unknown spread, 1 for the unknown invalid list; b: once; c and d: not testers.
    expect(r).toMatchObject({ cases: 3 + 1 + 1, fromTables: 5 });
  });

  it('reads a spread that follows a comment line as the rows it spreads', () => {
    const r = countJavaScript(
      [
        "const { RuleTester } = require('eslint');",
        "new RuleTester().run('x', rule, {",
        "  valid: ['a',",
        '    // Ignored names: every one a case of its own, spread in with a long explanation above it',
        "    ...['b', 'c', 'd'].map((code) => ({ code, options: [{ ignores: [code] }] })),",
        '  ],',
        '});',
      ].join('\n'),
    );
    expect(r.cases).toBe(4);
  });

  it('multiplies a run inside a loop over parsers, and counts the tests beside it', () => {
    const r = countJavaScript(
      [
        "const { RuleTester } = require('eslint');",
        "for (const parser of ['espree', '@babel/eslint-parser']) {",
        '  const ruleTester = new RuleTester({ parser });',
        "  ruleTester.run('x', rule, { valid: ['a', 'b'], invalid: [{ code: 'c', errors: 1 }] });",
        '}',
        "it('exports the rule', () => {});",
      ].join('\n'),
    );
    expect(r).toMatchObject({ cases: 4, fromTables: 3, expanded: 3 * 2 + 1 });
  });
});

describe('table helpers', () => {
  it('sizes the table a helper imported from ../helpers/ loops over, at each call', () => {
    const tree = {
      'package.json': JSON.stringify({ devDependencies: { vitest: '3' } }),
      'src/ledger.ts': 'export const post = (n: number) => n;\n',
      // Outside the test folders: read because a test file calls it as a statement.
      'src/helpers/check.ts': [
        "import { describe, it } from 'vitest';",
        'export interface Case { name: string; input: number }',
        'export function checkAll(title: string, suite: { valid: Case[]; invalid: Case[]; extra?: Case[] }): void {',
        '  if (suite.valid.length === 0) throw new Error(`${title}: no valid case`);',
        '  describe(title, () => {',
        '    for (const c of [...suite.valid, ...suite.invalid, ...(suite.extra ?? [])]) {',
        '      it(c.name, () => {});',
        '    }',
        "    it('has a title', () => {});",
        '  });',
        '}',
        'export const each = ({ cases }: { cases: Case[] }) => cases.forEach((c) => it(c.name, () => {}));',
        'export function byName(table: Record<string, number>) {',
        '  const rows = Object.entries(table);',
        '  for (const [name] of rows) it(name, () => {});',
        '}',
      ].join('\n'),
      'src/__tests__/post.test.ts': [
        "import { checkAll, each, byName } from '../helpers/check';",
        "const REFUNDS = [{ name: 'r1', input: -1 }, { name: 'r2', input: -2 }, { name: 'r3', input: -3 }];",
        "checkAll('post', {",
        "  valid: [{ name: 'a', input: 1 }, { name: 'b', input: 2 }],",
        '  invalid: REFUNDS,',
        '});',
        "each({ cases: [{ name: 'x', input: 0 }, { name: 'y', input: 9 }] });",
        'byName({ one: 1, two: 2, three: 3, four: 4 });',
      ].join('\n'),
      // The helper's argument is not a literal: the call counts once, never a guess.
      'src/__tests__/loaded.test.ts': [
        "import { checkAll } from '../helpers/check';",
        "import { loadSuite } from '../ledger';",
        "checkAll('loaded', loadSuite('refunds'));",
      ].join('\n'),
    };
    expect(counts(tree)).toEqual([
      ['src/__tests__/loaded.test.ts', 2, 1],
      // 2 valid + 3 invalid + 'has a title'; 2 cases; 4 names.
      ['src/__tests__/post.test.ts', 1 + 5 + 2 + 4, 5 + 2 + 4],
    ]);
  });

  it('sizes a helper defined in the test file, and one wrapping a RuleTester', () => {
    const r = countJavaScript(
      [
        "const { RuleTester } = require('eslint');",
        'const tester = new RuleTester();',
        'function cases(list) {',
        '  list.forEach((c) => {',
        '    test(`${c.in} gives ${c.out}`, () => {});',
        '  });',
        '}',
        'function lint(name, tests) { tester.run(name, rules[name], tests); }',
        "describe('cents', () => { cases([{ in: 1, out: 100 }, { in: 2, out: 200 }]); });",
        "lint('no-float', { valid: ['a', 'b', 'c'], invalid: [] });",
        'cases(process.env.CASES);',
      ].join('\n'),
    );
    // 2 rows, 3 rows, and the call whose table is not evident once.
    expect(r).toMatchObject({ cases: 2 + 3 + 1, fromTables: 6 });
  });

  it('leaves a helper alone when nothing calls it, and does not read a module only used inside expressions', () => {
    const tree: Tree = {
      'package.json': JSON.stringify({ devDependencies: { vitest: '3' } }),
      'src/money.ts': 'export function cents(rows: number[]) { for (const r of rows) it(String(r), () => {}); }\n',
      'src/money.test.ts': [
        "import { cents } from './money';",
        "it('rounds', () => { expect(cents([1, 2, 3])).toBe(6); });",
        'export function unused(rows) { for (const r of rows) it(String(r), () => {}); }',
      ].join('\n'),
    };
    const read: string[] = [];
    const source = new MemorySource(tree);
    const files = new FileIndex(Object.keys(tree).sort(), {
      readBytes: (path, max) => (read.push(path), source.readBytes(path, max)),
    });
    expect(testInventory(files).files.map((f) => [f.path, f.cases])).toEqual([['src/money.test.ts', 1]]);
    expect(read).not.toContain('src/money.ts');
  });
});

describe('tables the rows of other tables carry', () => {
  it('sums a loop over a list each row of an outer loop carries, instead of multiplying', () => {
    const r = countJavaScript(
      [
        "const CATALOGUE: Record<string, readonly string[]> = { money: ['cents', 'rounding'], ledger: ['post', 'void', 'close'] };",
        'for (const [area, ids] of Object.entries(CATALOGUE) as [string, readonly string[]][]) {',
        '  it(`${area} is documented`, () => {});',
        '  for (const id of ids) it(`${area}/${id} is tested`, () => {});',
        '}',
      ].join('\n'),
    );
    expect(r.expanded).toBe(2 + 5);
  });

  it('sizes a default export and an array of them imported from the modules they live in', () => {
    const tree = {
      'package.json': JSON.stringify({ devDependencies: { vitest: '3' } }),
      'rules/money/index.ts': [
        "import cents from './cents.js';",
        "export default { id: 'money', rules: [{ rule: cents, weight: 2 }, { rule: rounding, weight: 1 }] } satisfies Area;",
      ].join('\n'),
      'rules/ledger/index.ts': "export default { id: 'ledger', rules: [{ rule: post, weight: 1 }] };\n",
      'rules/index.ts': [
        "import money from './money/index.js';",
        "import ledger from './ledger/index.js';",
        'export const AREAS = [money, ledger];',
      ].join('\n'),
      'rules/money/area.test.ts': [
        "import area from './index.js';",
        "for (const { rule } of area.rules) it('passes', () => {});",
      ].join('\n'),
      'test/registry.test.ts': [
        "import { AREAS } from '../rules/index.js';",
        'for (const area of AREAS) {',
        '  it(`${area.id} is registered`, () => {});',
        "  for (const { rule } of area.rules) it('is documented', () => {});",
        '}',
      ].join('\n'),
    };
    expect(testInventory(memoryIndex(tree)).files.map((f) => [f.path, f.expanded])).toEqual([
      ['rules/money/area.test.ts', 2],
      ['test/registry.test.ts', 2 + 3],
    ]);
  });

  it('reads type arguments of `describe.each<T>` and `it.each<T>`, and a generator a local RuleTester helper calls', () => {
    const r = countJavaScript(
      [
        "import { RuleTester } from '@typescript-eslint/rule-tester';",
        'const ruleTester = new RuleTester();',
        'const invalidFor = (op: string): Array<InvalidTestCase<"cmp", never>> => {',
        '  return [{ code: `a ${op} b`, errors: [] }, { code: `b ${op} a`, errors: [] }];',
        '};',
        'const testOperator = (op: string) => {',
        "  ruleTester.run(`cmp: ${op}`, rule, { valid: ['x', `y ${op}`], invalid: ['toBe', 'toEqual'].flatMap(() => invalidFor(op)) });",
        '};',
        "testOperator('>');",
        "testOperator('<');",
        "describe.each<number>([14, 15, 16])('jest %i', (v) => {",
        "  it.each<[string, number]>([['a', 1], ['b', 2]])('%s', () => {});",
        '});',
      ].join('\n'),
    );
    // 2 calls × (2 valid + 2 × 2 invalid); 3 versions × 2 rows.
    expect(r.expanded).toBe(2 * (2 + 4) + 3 * 2);
  });
});

describe('RuleTester suites built from rows', () => {
  it('sizes a suite per row of a helper loop, and suites joined by one call', () => {
    const r = countJavaScript(
      [
        "const { RuleTester } = require('eslint');",
        'function runTests(patterns) {',
        '  const ruleTester = new RuleTester();',
        '  for (const pattern of patterns) {',
        '    const tests = { valid: pattern.valid, invalid: pattern.invalid };',
        "    ruleTester.run('no-unsupported', rule, tests);",
        '  }',
        '}',
        'runTests([',
        "  { keyword: 'Array.from', valid: ['a', 'b'], invalid: [{ code: 'c', errors: 1 }] },",
        "  { keyword: 'Object.hasOwn', valid: ['d'], invalid: [] },",
        ']);',
        'function concat(patterns) {',
        '  const ret = { valid: [], invalid: [] };',
        '  for (const { valid, invalid } of patterns) ret.valid.push(...valid), ret.invalid.push(...invalid);',
        '  return ret;',
        '}',
        "new RuleTester().run('node-builtins', rule, concat([",
        "  { valid: ['e', 'f'], invalid: [{ code: 'g', errors: 1 }] },",
        "  { valid: ['h'], invalid: [] },",
        ']));',
      ].join('\n'),
    );
    expect(r).toMatchObject({ cases: 3 + 1 + 3 + 1, fromTables: 8 });
  });
});
