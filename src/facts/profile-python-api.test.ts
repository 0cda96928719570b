/**
 * Blind round 29 (natsort): a Python library that also ships a console script named for itself is
 * still a library when its package exports an importable API; with no API of its own it is a CLI.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { collectFacts, completeFacts } from './index.js';

const profile = (tree: Record<string, string>) => {
  const files = memoryIndex(tree);
  return completeFacts(files, collectFacts(files), { matches: () => [] }).profile;
};
const pyproject =
  '[project]\nname = "natsort"\nversion = "8.0"\n\n[project.scripts]\nnatsort = "natsort.__main__:main"\n';
const main =
  'import argparse\nfrom natsort.natsort import natsorted\n\ndef main():\n    argparse.ArgumentParser().parse_args()\n';

describe('profile: a Python library with a console script', () => {
  it('exports an API from its __init__.py: library, citing it', () => {
    const p = profile({
      'pyproject.toml': pyproject,
      'natsort/__init__.py': 'from natsort.natsort import (\n    natsorted,\n    humansorted,\n)\n',
      'natsort/natsort.py':
        'def natsorted(seq):\n    return sorted(seq)\n\ndef humansorted(seq):\n    return sorted(seq)\n',
      'natsort/__main__.py': main,
    });
    expect(p.id).toBe('library');
    expect(p.reasons[0]).toContain('natsort/__init__.py:1');
  });
  it('an empty __init__.py (the package is only the command): cli', () => {
    const p = profile({
      'pyproject.toml': pyproject,
      'natsort/__init__.py': '',
      'natsort/natsort.py': 'def natsorted(seq):\n    return sorted(seq)\n',
      'natsort/__main__.py': main,
    });
    expect(p.id).toBe('cli');
  });
});
