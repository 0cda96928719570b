import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const ava = (n: number) =>
  `import test from 'ava';\n\n${Array.from({ length: n }, (_, i) => `test('request ${i}', async t => {\n  t.is(await get(${i}), 200);\n});\n`).join('\n')}`;

describe('JavaScript runners with their own test() (round 21)', () => {
  it("AVA configured in package.json with `extensions: { ts: 'module' }` collects test/*.ts, not its helpers", () => {
    const inv = testInventory(
      memoryIndex({
        'package.json': JSON.stringify({
          name: 'fetchy',
          scripts: { test: 'xo && ava' },
          devDependencies: { ava: '^6.4.1', typescript: '^5.9.3' },
          ava: { extensions: { ts: 'module' }, nodeArguments: ['--import=tsx/esm'] },
        }),
        'source/index.ts': 'export const get = async (n: number) => 200;\n',
        'test/main.ts': `${ava(3)}test.serial('one at a time', t => {\n  t.pass();\n});\ntest.failing('known bug', t => {\n  t.fail();\n});\n`,
        'test/retry.ts': ava(2),
        'test/helpers/with-server.ts':
          "import test from 'ava';\nexport const withServer = test.macro(async t => {});\n",
        'test/_setup.ts': ava(1),
      }),
    );
    expect(inv.files.map((f) => [f.path, f.cases, f.framework])).toEqual([
      ['test/main.ts', 5, 'ava'],
      ['test/retry.ts', 2, 'ava'],
    ]);
    expect(inv.files[0]!.first).toEqual({ line: 3, snippet: "test('request 0', async t => {" });
  });

  it("an ava.config.js's `files` (with a negated glob) and `extensions` array select the tests", () => {
    const inv = testInventory(
      memoryIndex({
        'package.json': JSON.stringify({ scripts: { test: 'ava' }, devDependencies: { ava: '6' } }),
        'ava.config.js':
          "export default {\n  files: ['spec/**/*.spec.mts', '!spec/slow/**'],\n  extensions: ['mts'],\n};\n",
        'spec/client.spec.mts': ava(2),
        'spec/slow/upload.spec.mts': ava(4),
        'test/ignored.js': ava(1),
      }),
    );
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([['spec/client.spec.mts', 2]]);
  });

  it('node-tap run without file arguments collects its defaults; `uvu -r tsm tests` walks that folder', () => {
    const inv = testInventory(
      memoryIndex({
        'tap/package.json': JSON.stringify({ scripts: { test: 'tap' }, devDependencies: { tap: '18' } }),
        'tap/test/parse.ts':
          "import t from 'tap';\nt.test('parses', async t => {});\nt.test('rejects', async t => {});\n",
        'tap/test/fixtures/input.js': "import t from 'tap';\nt.test('not a test', async t => {});\n",
        'uvu/package.json': JSON.stringify({ scripts: { test: 'uvu -r tsm tests' }, devDependencies: { uvu: '0.5' } }),
        'uvu/tests/diff.ts':
          "import { test } from 'uvu';\ntest('lines', () => {});\ntest('words', () => {});\ntest.run();\n",
      }),
    );
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([
      ['tap/test/parse.ts', 2],
      ['uvu/tests/diff.ts', 2],
    ]);
  });
});
