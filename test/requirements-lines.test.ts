/**
 * A requirements line is read in one pass: its comment cut and its name, extras and version taken
 * apart without trying every split of a long run of blanks (a line of blanks and a stray line
 * separator took seconds for 2 KB, minutes for 10 KB).
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../src/facts/manifests/index.js';
import { CFG_KEY, REQ_NAME, withoutComment } from '../src/facts/manifests/python.js';
import { memoryIndex } from '../src/testing/memory.js';

// The regexes these replace: right on short lines, cubic and quadratic on long runs of blanks.
const oldName = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/;
const oldComment = /\s+#.*$/;
const oldKey = /^(install_requires|tests_require|[a-z_]+)\s*=\s*(.*)$/;

function texts(alphabet: string[], count: number, seed: number): string[] {
  const out: string[] = [];
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let n = 0; n < count; n++) {
    let s = '';
    for (let k = next() % 12; k > 0; k--) s += alphabet[next() % alphabet.length];
    out.push(s);
  }
  return out;
}

describe('a requirements line', () => {
  it('is taken apart as the old patterns took it', () => {
    const alphabet = [
      'a',
      'B9',
      '.',
      '-',
      '_',
      ' ',
      '\t',
      '[',
      ']',
      'x,y',
      '>=1.0',
      '#',
      '\r',
      '\u2028',
      '\n',
      '==',
      '=',
    ];
    let named = 0;
    for (const s of texts(alphabet, 8000, 3)) {
      expect(withoutComment(s), JSON.stringify(s)).toBe(s.replace(oldComment, ''));
      const want = oldName.exec(s);
      if (want) named++;
      expect(REQ_NAME.exec(s)?.slice(1) ?? null, JSON.stringify(s)).toEqual(want?.slice(1) ?? null);
      expect(CFG_KEY.exec(s)?.slice(1) ?? null, JSON.stringify(s)).toEqual(oldKey.exec(s)?.slice(1) ?? null);
      const key = `tests_require${s}`;
      expect(CFG_KEY.exec(key)?.slice(1) ?? null, JSON.stringify(key)).toEqual(oldKey.exec(key)?.slice(1) ?? null);
    }
    expect(named).toBeGreaterThan(500);
    expect(REQ_NAME.exec('requests[socks] >= 2.0')?.slice(1)).toEqual(['requests', '[socks]', '>= 2.0']);
    expect(withoutComment('flask==2.0  # web')).toBe('flask==2.0');
  });

  it('is read at once from a file of long runs of blanks', () => {
    const blanks = ' '.repeat(50_000);
    const text = [
      `a${blanks}x\u2028y`,
      `b${blanks}#\rz`,
      `${' #'.repeat(20_000)}\rq`,
      `flask==2.0${blanks}# the web framework`,
      `requests[socks]${blanks}>=2.0`,
      '',
    ].join('\n');
    const { dependencies } = parseManifests(memoryIndex({ 'requirements.txt': text }));
    // The first three lines name nothing: a line separator that `.` does not cross follows each.
    expect(dependencies.map((d) => [d.name, d.line, d.version])).toEqual([
      ['flask', 4, '==2.0'],
      ['requests', 5, '>=2.0'],
    ]);
  });

  it('setup.py: the first install_requires list, also after many unclosed ones', () => {
    const setup = (text: string) =>
      parseManifests(memoryIndex({ 'setup.py': text })).dependencies.map((d) => [d.name, d.line]);
    expect(
      setup('from setuptools import setup\nsetup(\n  install_requires = [\n    "flask>=2",\n    "requests"],\n)\n'),
    ).toEqual([
      ['flask', 4],
      ['requests', 5],
    ]);
    // Each unclosed `install_requires=[` was a start the old regex scanned to the end from.
    const head = 'from setuptools import setup\nsetup()\n';
    expect(setup(`${head}${'install_requires=['.repeat(20_000)}\n`)).toEqual([]);
    expect(setup(`${head}install_requires=["a", ${'install_requires=['.repeat(20_000)}]\n`)).toEqual([['a', 3]]);
  });
});
