import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import testsPresent from './tests-present.js';
import testTypes from './test-types.js';

const spec = (n: number) =>
  `const assert = require('assert');\ndescribe('lib', function () {\n${Array.from({ length: n }, (_, i) => `  it('case ${i}', function () {});\n`).join('')}});\n`;

// An admin UI for a document database: Mocha specs named `*Spec.js` under test/lib, run through
// `.mocharc.yml` (recursive, default folder ./test) by `mocha` with no arguments (blind round 26).
const ADMIN: Tree = {
  'package.json': JSON.stringify({
    scripts: { test: 'cross-env NODE_ENV=test mocha' },
    devDependencies: { mocha: '11' },
  }),
  '.mocharc.yml': '# the router specs start a database\nrecursive: true\nreporter: dot\n',
  'test/lib/fooSpec.js': spec(3),
  'test/lib/routers/barSpec.js': spec(2),
  'test/testUtils.js': 'module.exports = { wait: () => {} };\n',
  'lib/foo.js': 'module.exports = () => 1;\n',
};

describe('rules see the Mocha specs a .mocharc selects', () => {
  const tree: Tree = {
    ...ADMIN,
    'lib/bar.js': 'module.exports = () => 2;\n',
    'test/lib/csvSpec.js': spec(3),
  };

  it('tests-present counts them and cites the first case (file:line)', async () => {
    const run = await runRuleOn(testsPresent, tree);
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/^8 test cases in 3 test files/);
    expect(run.evidence[0]).toMatchObject({ path: 'test/lib/csvSpec.js', line: 3 });
    expect((run.data as { configuredBy: string[] }).configuredBy).toContain('.mocharc.yml');
  });

  it('test-types calls specs that import no server unit tests', async () => {
    const run = await runRuleOn(testTypes, tree, { profile: 'service' });
    expect(run.message).toMatch(/^unit tests/);
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'test/lib/csvSpec.js', line: 3 }));
  });
});
