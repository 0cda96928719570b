import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

/**
 * Blind round 32: each database driver of a server keeps a Mocha suite (`drivers/pg/test.js`) that
 * its `test.sh` runs against a database it starts (`npx mocha ./test.js`); the package's own
 * `mocha test --recursive` collects test/ only, so those cases were not counted.
 */
const counts = (tree: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, `${f.framework}:${f.cases}`]));
const spec = (name: string) =>
  `const assert = require('assert');\ndescribe('${name}', () => {\n  it('connects', () => {});\n  it('runs a query', () => {});\n  it('lists the schema', () => {});\n});\n`;
const SERVER: Tree = {
  'server/package.json': JSON.stringify({
    scripts: { test: 'mocha test --recursive' },
    devDependencies: { mocha: '10' },
  }),
  'server/test/api.js': spec('api'),
  'server/drivers/pg/index.js': 'module.exports = {};\n',
  'server/drivers/pg/test.js': spec('pg driver'),
};

describe('Mocha suites run by a shell script of the repository (blind round 32)', () => {
  it('a test.sh running `npx mocha ./test.js` makes that file a Mocha test file, counted', () => {
    expect(
      counts({
        ...SERVER,
        'server/drivers/pg/test.sh':
          '#!/bin/bash\ndocker-compose up -d\nsleep 5\nnpx mocha ./test.js\ndocker-compose down\n',
      }),
    ).toEqual({ 'server/test/api.js': 'mocha:3', 'server/drivers/pg/test.js': 'mocha:3' });
  });
  it('without a script that runs it, the driver suite is not collected', () => {
    expect(
      counts({ ...SERVER, 'server/drivers/pg/test.sh': '#!/bin/bash\ndocker-compose up -d\nnode ./seed.js\n' }),
    ).toEqual({ 'server/test/api.js': 'mocha:3' });
  });
  it('a script at the root running `mocha server/drivers/pg/test.js` from the checkout counts it too', () => {
    expect(counts({ ...SERVER, 'scripts/test-drivers.sh': 'set -e\nmocha server/drivers/pg/test.js\n' })).toEqual({
      'server/test/api.js': 'mocha:3',
      'server/drivers/pg/test.js': 'mocha:3',
    });
  });
});
