import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { FileIndex, exactHash } from './file-index.js';
import type { Digest } from '../types.js';

// A digest that, like a test file needing another's helpers, asks for a second file's lines.
const needsHelper: Digest<number> = {
  key: 'test:needs-helper',
  files: ['**/*.rb'],
  of: (_path, _text, files) => files.lines('helper.rb')?.count ?? 0,
};

describe('FileIndex: a text held for the scanner is dropped with its line index', () => {
  it('release() drops the held text and its lines: the next ask indexes afresh', () => {
    const files = memoryIndex({ 'a.rb': 'x\n', 'helper.rb': 'h\n'.repeat(1000) });
    files.scanning = true;
    // helper.rb's digest asked for during the scan: its text is held until the scanner reaches it.
    files.digest('helper.rb', needsHelper);
    const held = files.lines('helper.rb');
    expect(files.peek('helper.rb')).toBeDefined();
    files.release('helper.rb');
    expect(files.peek('helper.rb')).toBeUndefined();
    expect(files.lines('helper.rb')).not.toBe(held);
  });

  it('releaseAll() drops every held text and its lines', () => {
    const files = memoryIndex({ 'a.rb': 'x\n', 'helper.rb': 'h\n' });
    files.scanning = true;
    files.digest('helper.rb', needsHelper);
    const held = files.lines('helper.rb');
    files.releaseAll();
    expect(files.peek('helper.rb')).toBeUndefined();
    expect(files.lines('helper.rb')).not.toBe(held);
  });
});

describe('FileIndex: positions of listed paths', () => {
  it('finds each listed path exactly (case, non-ASCII, emoji) and no other', () => {
    const paths = ['A/b.txt', 'a/B.txt', 'a/b.txt', 'docs/Émile.md', 'docs/émile.md', 'x/🚀.yaml', 'z'];
    const files = new FileIndex(paths, { readBytes: () => 'unreadable' as const });
    paths.forEach((p, i) => {
      expect(files.position(p)).toBe(i);
      expect(files.exists(p)).toBe(true);
    });
    for (const p of ['a/b.TXT', 'A/B.txt', 'docs/EMILE.md', 'x/🚀.yml', '', 'z/']) {
      expect(files.position(p)).toBe(-1);
      expect(files.exists(p)).toBe(false);
    }
  });

  it('gives the last position of a path listed twice, as a Map of the listing did', () => {
    const files = new FileIndex(['a', 'b', 'a'], { readBytes: () => 'unreadable' as const });
    expect(files.position('a')).toBe(2);
    expect(files.position('b')).toBe(1);
  });

  it('case variants of one path hash apart: 65,536 variants spread over the table (exists() over them took 184 s)', () => {
    // Every upper/lower spelling of a 16-letter name: the table hashed them lower-cased, so all fell in
    // one chain and each look-up walked all of it. Keyed by the exact path, a bucket of the table
    // (twice the listing, a power of two) holds a handful.
    const paths: string[] = [];
    for (let m = 0; m < 1 << 16; m++) {
      let s = '';
      for (let b = 0; b < 16; b++) s += (m >> b) & 1 ? 'A' : 'a';
      paths.push(`d/${s}.py`);
    }
    paths.sort();
    const size = 1 << 17;
    const buckets = new Map<number, number>();
    for (const p of paths) {
      const b = exactHash(p) & (size - 1);
      buckets.set(b, (buckets.get(b) ?? 0) + 1);
    }
    expect(Math.max(...buckets.values())).toBeLessThanOrEqual(12);
    const files = new FileIndex(paths, { readBytes: () => 'unreadable' as const });
    let found = 0;
    paths.forEach((p, i) => {
      if (files.position(p) === i) found++;
    });
    expect(found).toBe(paths.length);
    expect(files.exists('d/aaaaaaaaaaaaaaaa.PY')).toBe(false);
  });
});
