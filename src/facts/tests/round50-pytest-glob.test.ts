import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const expanded = (tree: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, f.expanded]));

// Blind round 50: pytest tables built by listing fixture files (`list(FIXTURES.glob("albums/*.json"))`,
// `glob.glob(os.path.join(HERE, "cases", "*.json"))`) counted one case each; pytest runs one per file.
describe('pytest parametrised over the fixture files a glob lists', () => {
  const fixtures: Tree = {
    'tests/parsers/samples/albums/a.json': '{}',
    'tests/parsers/samples/albums/b.json': '{}',
    'tests/parsers/samples/albums/c.json': '{}',
    'tests/parsers/samples/albums/notes.txt': '',
    'tests/parsers/samples/artists/x.json': '{}',
    'tests/parsers/cases/one.yaml': '',
    'tests/parsers/cases/two.yaml': '',
  };

  it('counts the files a pathlib glob or glob.glob matches, within the repository', () => {
    const test = [
      'import glob',
      'import os',
      'import pathlib',
      'import pytest',
      '',
      'FIXTURES_DIR = pathlib.Path(__file__).parent / "samples"',
      'ALBUMS = list(FIXTURES_DIR.glob("albums/*.json"))',
      'ALL = sorted(FIXTURES_DIR.glob("*/*.json"))',
      'HERE = os.path.dirname(__file__)',
      '',
      '@pytest.mark.parametrize("example", ALBUMS)',
      'def test_albums(example):',
      '    assert example',
      '',
      '@pytest.mark.parametrize("example", ALL)',
      'def test_all(example):',
      '    assert example',
      '',
      '@pytest.mark.parametrize("case", glob.glob(os.path.join(HERE, "cases", "*.yaml")))',
      'def test_cases(case):',
      '    assert case',
      '',
    ].join('\n');
    expect(expanded({ ...fixtures, 'tests/parsers/test_parsers.py': test })['tests/parsers/test_parsers.py']).toBe(
      3 + 4 + 2,
    );
  });

  it('counts 1 for a glob it cannot resolve, that climbs out of the repository or that matches nothing listed', () => {
    const test = [
      'import pathlib',
      'import pytest',
      'from helpers import data_dir',
      '',
      '@pytest.mark.parametrize("example", list(data_dir().glob("*.json")))',
      'def test_unknown(example):',
      '    assert example',
      '',
      '@pytest.mark.parametrize("example", list(pathlib.Path(__file__).parent.parent.parent.parent.glob("*")))',
      'def test_outside(example):',
      '    assert example',
      '',
      '@pytest.mark.parametrize("example", sorted(pathlib.Path(__file__).parent.glob("missing/*.json")))',
      'def test_unlisted(example):',
      '    assert example',
      '',
    ].join('\n');
    expect(expanded({ ...fixtures, 'tests/parsers/test_other.py': test })['tests/parsers/test_other.py']).toBe(3);
  });

  it('sizes a module of 2000 tables over one glob of a 3000-file tree (read once, not once per table)', () => {
    const data: Tree = {};
    for (let i = 0; i < 3000; i++) data[`data/d${i % 30}/f${i}.json`] = '{}';
    const table = (i: number) =>
      `@pytest.mark.parametrize("p", sorted(glob.glob("data/**/*.json", recursive=True)))\ndef test_${i}(p):\n    pass\n`;
    const module = (n: number) =>
      ['import glob', 'import pytest', ''].concat(Array.from({ length: n }, (_, i) => table(i)));
    expect(expanded({ ...data, 'tests/test_one.py': module(1).join('\n') })['tests/test_one.py']).toBe(3000);
    // Each table scanned the listing again: 2000 × 3000 paths, 40 s.
    expect(expanded({ ...data, 'tests/test_many.py': module(2000).join('\n') })['tests/test_many.py']).toBe(6_000_000);
  });
});
