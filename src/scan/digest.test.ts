import { describe, expect, it } from 'vitest';
import { memoryIndex, MemorySource, type Tree } from '../testing/memory.js';
import { scan } from './scanner.js';
import type { Digest } from '../walk/file-index.js';
import { detach } from '../util/detach.js';

const tree: Tree = {
  'tests/test_api.py': 'def test_a():\n    pass\n\ndef test_b():\n    pass\n',
  'src/app.py': 'print("hi")\n',
  'bin/blob.py': Buffer.from([0, 1, 2]),
};
const lines: Digest<number> = { key: 'test:lines', files: ['**/*.py'], of: (_p, text) => text.split('\n').length };

describe('digests', () => {
  it('are taken while the scanner reads a file, and its text is not kept', async () => {
    const files = memoryIndex(tree);
    let calls = 0;
    const counted: Digest<number> = { ...lines, of: (p, t, f) => (calls++, lines.of(p, t, f)) };
    await scan(files, new MemorySource(tree), [], [], [counted]);
    expect(files.peek('tests/test_api.py')).toBeUndefined();
    expect(files.digest('tests/test_api.py', counted)).toBe(6);
    expect(files.digest('src/app.py', counted)).toBe(2);
    expect(files.digest('bin/blob.py', counted)).toBeUndefined();
    expect(calls).toBe(2);
    expect(files.stats.reads).toBe(2); // the binary file is skipped, nothing is read twice
  });

  it('are computed on demand, from one read, where the scanner did not take them', () => {
    const files = memoryIndex(tree);
    expect(files.digest('src/app.py', lines)).toBe(2);
    expect(files.digest('src/app.py', lines)).toBe(2);
    expect(files.digest('missing.py', lines)).toBeUndefined();
    expect(files.stats.reads).toBe(1);
    expect(files.peek('src/app.py')).toBeUndefined();
  });

  it('a digest that throws does not stop the scan; the rule that asks meets the error', async () => {
    const files = memoryIndex(tree);
    const bad: Digest<number> = {
      key: 'test:bad',
      files: ['tests/**'],
      of: () => {
        throw new Error('boom');
      },
    };
    await expect(scan(files, new MemorySource(tree), [], [], [bad])).resolves.toBeDefined();
    expect(() => files.digest('tests/test_api.py', bad)).toThrow('boom');
  });
});

describe('digests taken alongside', () => {
  // Taken from a file the scan reads for something else; never the reason the scan reads one.
  const sized: Digest<number> = { key: 'test:sized', files: ['**/*.py'], alongside: true, of: (_p, t) => t.length };
  const app = [{ key: 'p:app', regex: /print/, files: ['src/**'] }];

  it('are taken while the scan reads a file for a pattern, so asking later reads nothing', async () => {
    const files = memoryIndex(tree);
    await scan(files, new MemorySource(tree), app, [], [sized]);
    expect(files.stats.reads).toBe(1);
    expect(files.digested('test:sized', 'src/app.py')).toBe(true);
    expect(files.digest('src/app.py', sized)).toBe(12);
    expect(files.stats.reads).toBe(1);
  });

  it('do not make the scan read a file no pattern, kept text or other digest covers; asked, it is read once', async () => {
    const files = memoryIndex(tree);
    await scan(files, new MemorySource(tree), app, [], [sized]);
    expect(files.digested('test:sized', 'tests/test_api.py')).toBe(false);
    expect(files.digest('tests/test_api.py', sized)).toBe(47);
    expect(files.stats.reads).toBe(2);
    // Without `alongside`, the same digest makes the scan read every file its globs cover.
    const all = memoryIndex(tree);
    await scan(all, new MemorySource(tree), app, [], [{ ...sized, alongside: false }]);
    expect(all.digested('test:sized', 'tests/test_api.py')).toBe(true);
    expect(all.stats.reads).toBe(2);
  });
});

describe('digests that read other files', () => {
  // `x.t` files read the source file they name: a one-by-one scan reads it there, or again when it came first.
  const reading: Digest<string | undefined> = {
    key: 'test:reads',
    files: ['**/*.t'],
    of: (_p, text, files) => files.read(text.trim())?.trim(),
  };
  const source = [{ key: 'p:src', regex: /src/, files: ['**/*.src'] }];

  // Taken after the scan's reads (they need another file), in the scan's order: read operations
  // are those of a one-by-one scan, whichever thread read which file first.
  it('read the other file once when it comes later in the scan, as a one-by-one scan does', async () => {
    const tree: Tree = { 'a.t': 'b.src\n', 'b.src': 'src b\n' };
    const files = memoryIndex(tree);
    const r = await scan(files, new MemorySource(tree), source, [], [reading]);
    expect(files.digest('a.t', reading)).toBe('src b');
    expect(r.matches.get('p:src')).toHaveLength(1);
    expect(files.stats.reads).toBe(2);
    expect(files.stats.filesRead).toBe(2);
  });

  it('read it a second time when it came first, as a one-by-one scan does', async () => {
    const tree: Tree = { 'b.src': 'src b\n', 'z.t': 'b.src\n' };
    const files = memoryIndex(tree);
    await scan(files, new MemorySource(tree), source, [], [reading]);
    expect(files.digest('z.t', reading)).toBe('src b');
    expect(files.stats.reads).toBe(3);
    expect(files.stats.filesRead).toBe(2); // distinct files
  });
});

describe('detach', () => {
  it('returns an equal string', () => {
    const big = `${'x'.repeat(10_000)}needle in a long line of text`;
    expect(detach(big.slice(10_000))).toBe('needle in a long line of text');
    expect(detach('short')).toBe('short');
  });
});

describe('test inventory through the scan', async () => {
  const { TEST_DIGEST, testInventory } = await import('../facts/tests/inventory.js');
  const suite: Tree = {
    'package.json': '{"devDependencies":{"mocha":"10"}}',
    // a.test.js sorts before the helper it imports: the helper is read ahead once, not twice.
    'test/a.test.js':
      "const { shared } = require('./helpers.js');\ndescribe('a', () => { shared('x'); shared('y'); it('own', () => {}); });\n",
    'test/helpers.js':
      "const { a } = require('./a.test.js');\nexports.shared = (name) => { it(name + ' one', () => {}); it(name + ' two', () => {}); };\n",
  };

  it('counts helpers imported from another test-side module, reading each file once and keeping no text', async () => {
    const files = memoryIndex(suite);
    await scan(files, new MemorySource(suite), [], [], [TEST_DIGEST]);
    expect(files.stats.reads).toBe(2);
    expect(files.peek('test/helpers.js')).toBeUndefined();
    expect(files.peek('test/a.test.js')).toBeUndefined();
    const a = testInventory(files).files.find((f) => f.path === 'test/a.test.js');
    expect(a?.expanded).toBe(5);
  });

  it('analyses the helpers of imported test-side modules only, in either scan order', async () => {
    const { HELPERS_DIGEST } = await import('../facts/tests/digest.js');
    const helper = "exports.shared = (name) => { it(name + ' one', () => {}); it(name + ' two', () => {}); };\n";
    const user = "const { shared } = require('./m.js');\ndescribe('x', () => { shared('a'); });\n";
    for (const [first, second] of [
      ['test/a.test.js', 'test/m.js'],
      ['test/m.js', 'test/z.test.js'],
    ] as const) {
      const tree: Tree = {
        [first]: first === 'test/m.js' ? helper : user,
        [second]: second === 'test/m.js' ? helper : user,
        // Exports a test-defining function too, but no test file imports it.
        'test/lonely.test.js': helper,
      };
      const files = memoryIndex(tree);
      await scan(files, new MemorySource(tree), [], [], [TEST_DIGEST]);
      expect(files.digested(HELPERS_DIGEST.key, 'test/m.js')).toBe(true);
      expect(files.digested(HELPERS_DIGEST.key, 'test/lonely.test.js')).toBe(false);
      const importer = first === 'test/m.js' ? second : first;
      expect(testInventory(files).files.find((f) => f.path === importer)?.expanded).toBe(2);
    }
  });

  it('gives every file importing a case table its rows, whichever importer the scan reads first', async () => {
    // The first importer's digest is refused the table's module during the scan and taken again
    // after it; the second used to get the refused module's placeholder instead: no rows.
    const parametrized = (name: string) =>
      `import pytest\nfrom cases import CASES\n\n@pytest.mark.parametrize("x", CASES)\ndef ${name}(x):\n    pass\n`;
    const py: Tree = {
      'tests/cases.py': 'CASES = [1, 2, 3]\n',
      'tests/test_a.py': parametrized('test_a'),
      'tests/test_b.py': parametrized('test_b'),
    };
    const files = memoryIndex(py);
    await scan(files, new MemorySource(py), [], [], [TEST_DIGEST]);
    const expanded = testInventory(files).files.map((f) => [f.path, f.expanded]);
    expect(expanded).toEqual([
      ['tests/test_a.py', 3],
      ['tests/test_b.py', 3],
    ]);
  });

  it('gives the same counts without a scan', () => {
    const a = testInventory(memoryIndex(suite)).files.find((f) => f.path === 'test/a.test.js');
    expect(a?.expanded).toBe(5);
  });
});

describe('read statistics', () => {
  it('count each file once, however often or in whichever order it is read', () => {
    // The scanner and a digest can both read a file when their reads overlap in time; the report's
    // figures must not depend on that, or two audits of one tree would differ.
    const files = memoryIndex({ 'a.py': 'x = 1\n', 'b.py': 'yy = 2\n' });
    files.account('a.py', 6);
    files.account('a.py', 6);
    files.account('b.py', 7);
    expect(files.stats).toMatchObject({ filesRead: 2, bytesRead: 13, reads: 3 });
  });
});
