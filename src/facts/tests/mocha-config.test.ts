import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';
import { mochaOptions } from './js-config.js';

const counts = (tree: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, `${f.framework}:${f.cases}`]));

const spec = (n: number) =>
  `const assert = require('assert');\ndescribe('lib', function () {\n${Array.from({ length: n }, (_, i) => `  it('case ${i}', function () {});\n`).join('')}});\n`;

// An admin UI for a document database: Mocha specs named `*Spec.js` under test/lib, run through
// `.mocharc.yml` (recursive, default folder ./test) by `mocha` with no arguments.
const PKG = JSON.stringify({ scripts: { test: 'cross-env NODE_ENV=test mocha' }, devDependencies: { mocha: '11' } });
const ADMIN: Tree = {
  'package.json': PKG,
  '.mocharc.yml': '# the router specs start a database\nrecursive: true\nreporter: dot\nrequire: ./test/rootHooks.js\n',
  'test/lib/fooSpec.js': spec(3),
  'test/lib/routers/barSpec.js': spec(2),
  'test/testUtils.js': 'module.exports = { wait: () => {} };\n',
  'lib/foo.js': 'module.exports = () => 1;\n',
};

describe('Mocha configs select the test files', () => {
  it('.mocharc.yml `recursive: true` walks the default ./test folder: *Spec.js files are tests', () => {
    expect(counts(ADMIN)).toEqual({ 'test/lib/fooSpec.js': 'mocha:3', 'test/lib/routers/barSpec.js': 'mocha:2' });
    const inv = testInventory(memoryIndex(ADMIN));
    const foo = inv.files.find((f) => f.path === 'test/lib/fooSpec.js');
    expect(foo?.first?.line).toBe(3);
    expect(inv.sources).toContain('.mocharc.yml');
  });

  it('without the config only test/*.js runs; a *Spec.js outside test/ is not a test', () => {
    const { '.mocharc.yml': _, ...bare } = ADMIN;
    expect(counts(bare)).toEqual({});
    expect(counts({ 'package.json': PKG, 'src/fooSpec.js': spec(3) })).toEqual({});
    expect(counts({ ...ADMIN, 'src/fooSpec.js': spec(3) })['src/fooSpec.js']).toBeUndefined();
  });

  it('`spec:` globs and folders, `extension:` and `ignore:` in YAML, JSON, JS and package.json', () => {
    expect(mochaOptions('spec:\n  - test/unit\n  - "test/e2e/**/*.e2e.js"\nrecursive: true\n')).toEqual({
      include: ['test/unit/**/*.{js,cjs,mjs}', 'test/e2e/**/*.e2e.js'],
      exclude: [],
    });
    expect(
      mochaOptions('{\n "spec": ["src/**/*Test.ts"],\n "extension": ["ts"],\n "ignore": "src/fixtures/**"\n}'),
    ).toEqual({
      include: ['src/**/*Test.ts'],
      exclude: ['src/fixtures/**'],
    });
    expect(mochaOptions("module.exports = { recursive: true, extension: ['ts'] };")).toEqual({
      include: ['test/**/*.ts'],
      exclude: [],
    });
    const inline: Tree = {
      'package.json': JSON.stringify({
        scripts: { test: 'mocha' },
        devDependencies: { mocha: '11' },
        mocha: { spec: 'spec', recursive: true },
      }),
      'spec/api/users-spec.js': spec(4),
      'test/old.js': spec(1),
    };
    expect(counts(inline)).toEqual({ 'spec/api/users-spec.js': 'mocha:4' });
    expect(
      counts({
        'package.json': JSON.stringify({ scripts: { test: 'mocha --recursive' }, devDependencies: { mocha: '11' } }),
        'test/deep/aTest.js': spec(2),
      }),
    ).toEqual({ 'test/deep/aTest.js': 'mocha:2' });
  });

  it('spec globs on the command line (`[jt]` classes, `{js,ts}`, quoted) run beside a .mocharc that names none', () => {
    const tree = (test: string, rc = true): Tree => ({
      'package.json': JSON.stringify({
        scripts: { 'test-only': test, test: 'npm run test-only' },
        devDependencies: { mocha: '11' },
      }),
      ...(rc ? { '.mocharc.js': "module.exports = {\n  require: ['ts-node/register'],\n  exit: true\n}\n" } : {}),
      'test/a.js': spec(2),
      'test/sub/b.ts': spec(3),
      'test/sub/c.tsx': spec(1),
    });
    const both = { 'test/a.js': 'mocha:2', 'test/sub/b.ts': 'mocha:3' };
    expect(counts(tree("NODE_ENV=test mocha 'test/**/*.[jt]s'"))).toEqual(both);
    expect(counts(tree('mocha "test/**/*.{js,ts}"'))).toEqual(both);
    expect(counts(tree("mocha 'test/**/*.[jt]s'", false))).toEqual(both);
    // With no spec argument the .mocharc's default ./test/*.js is all that runs.
    expect(counts(tree('mocha'))).toEqual({ 'test/a.js': 'mocha:2' });
  });
});
