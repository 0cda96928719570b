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
});
