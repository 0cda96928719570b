import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const counts = (tree: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, `${f.framework}:${f.cases}`]));

const spec = (name: string) =>
  `const assert = require('assert');\ndescribe('${name}', () => {\n  it('starts', () => {});\n  it('stops', () => {});\n});\n`;

// A file-watcher CLI: each Mocha file runs alone, from a shell loop in a package script; its
// fixtures vendor a third-party package with its own tests.
const LOOPED: Tree = {
  'package.json': JSON.stringify({
    scripts: {
      test: 'npm run lint && npm run spec',
      spec: 'for FILE in test/**/*.test.js; do echo $FILE; TEST=1 mocha --exit --timeout 30000 $FILE; if [ $? -ne 0 ]; then exit 1; fi; done',
    },
    devDependencies: { mocha: '10' },
  }),
  'test/cli/parse.test.js': spec('parse'),
  'test/monitor/run.test.js': spec('run'),
  'test/utils.js': 'module.exports = { it: () => {} };\n',
  'test/fixtures/app/node_modules/router/test/route.js': spec('vendored'),
};

describe('Mocha files selected by a package script read through the shell', () => {
  it('a `for FILE in <glob>` loop running `mocha $FILE` collects the glob, not node_modules under fixtures', () => {
    expect(counts(LOOPED)).toEqual({ 'test/cli/parse.test.js': 'mocha:2', 'test/monitor/run.test.js': 'mocha:2' });
    const inv = testInventory(memoryIndex(LOOPED));
    expect(inv.files.find((f) => f.path === 'test/cli/parse.test.js')?.first?.line).toBe(3);
    expect(inv.sources).toContain('package.json');
  });

  it('`&&` chains, `xargs mocha` and wrappers (`nyc`, `cross-env`) keep the spec arguments after the runner', () => {
    const tree = (script: string): Tree => ({
      'package.json': JSON.stringify({ scripts: { test: script }, devDependencies: { mocha: '10' } }),
      'spec/api/users.spec.js': spec('users'),
      'test/old.js': spec('old'),
    });
    const want = { 'spec/api/users.spec.js': 'mocha:2' };
    expect(counts(tree('npm run build && mocha --exit "spec/**/*.spec.js"'))).toEqual(want);
    expect(counts(tree('find spec -name "*.spec.js" | xargs -n1 mocha spec/**/*.spec.js'))).toEqual(want);
    expect(counts(tree('cross-env NODE_ENV=test nyc mocha spec/**/*.spec.js'))).toEqual(want);
  });

  it('a runner with no spec left (only an unknown variable) falls back to package.json `mocha.spec`, then to ./test', () => {
    const files = { 'spec/a.spec.js': spec('a'), 'test/b.js': spec('b') };
    const pkg = (extra: object) =>
      JSON.stringify({ scripts: { test: 'mocha --exit $SPECS' }, devDependencies: { mocha: '10' }, ...extra });
    expect(counts({ 'package.json': pkg({ mocha: { spec: 'spec/*.spec.js' } }), ...files })).toEqual({
      'spec/a.spec.js': 'mocha:2',
    });
    expect(counts({ 'package.json': pkg({}), ...files })).toEqual({ 'test/b.js': 'mocha:2' });
  });

  it('every script that runs Mocha adds its own folders, read with its own --recursive (not only the first script)', () => {
    const tree: Tree = {
      'package.json': JSON.stringify({
        scripts: {
          test: 'yarn test:unit && yarn test:component',
          'test:unit': 'NODE_ENV=testing nyc mocha test/unit --reporter spec --recursive --timeout 10000',
          'test:component': 'NODE_ENV=testing mocha test/component --reporter spec --recursive',
          'test:a11y': 'mocha test/accessibility --timeout 30000 --exit',
          'test:both': 'mocha test/smoke/a.js && mocha test/smoke/b.js',
        },
        devDependencies: { mocha: '10' },
      }),
      'test/unit/core/testA.js': spec('a'),
      'test/component/static/testB.js': spec('b'),
      'test/component/testC.js': spec('c'),
      'test/accessibility/a11yTest.js': spec('a11y'),
      'test/accessibility/deep/notRun.js': spec('deep'),
      'test/smoke/a.js': spec('smoke a'),
      'test/smoke/b.js': spec('smoke b'),
      'test/util/helper.js': spec('helper'),
    };
    expect(counts(tree)).toEqual({
      'test/unit/core/testA.js': 'mocha:2',
      'test/component/static/testB.js': 'mocha:2',
      'test/component/testC.js': 'mocha:2',
      'test/accessibility/a11yTest.js': 'mocha:2',
      'test/smoke/a.js': 'mocha:2',
      'test/smoke/b.js': 'mocha:2',
    });
  });

  it("a script running bare `mocha` beside one naming a folder adds Mocha's default ./test, not more", () => {
    const tree: Tree = {
      'package.json': JSON.stringify({
        scripts: { test: 'mocha', 'test:int': 'mocha integration --recursive' },
        devDependencies: { mocha: '10' },
      }),
      'test/a.js': spec('a'),
      'test/deep/b.js': spec('b'),
      'integration/x/c.js': spec('c'),
      'src/d.js': spec('d'),
    };
    expect(counts(tree)).toEqual({ 'test/a.js': 'mocha:2', 'integration/x/c.js': 'mocha:2' });
  });

  it('a script running `mocha --config <file>` collects what that config selects, beside the other scripts', () => {
    const tree: Tree = {
      'package.json': JSON.stringify({
        scripts: {
          test: 'mocha test/unit',
          'test:int': 'NODE_ENV=test mocha --config test/integration/mocharc.int.yml --exit',
        },
        devDependencies: { mocha: '10' },
      }),
      'test/integration/mocharc.int.yml':
        "# integration suite\nspec: 'test/integration/**/*.spec.js'\ntimeout: 20000\n",
      'test/unit/a.js': spec('a'),
      'test/integration/db/users.spec.js': spec('users'),
      'test/integration/db/helpers.js': spec('helpers'),
    };
    expect(counts(tree)).toEqual({ 'test/unit/a.js': 'mocha:2', 'test/integration/db/users.spec.js': 'mocha:2' });
  });
});
