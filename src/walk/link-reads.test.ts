import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import readme from '../../rules/architecture/readme.js';
import { runRuleOn } from '../testing/rule-tester.js';
import { Symlink } from '../testing/memory.js';
import { tempDir, writeTree } from '../../test/helpers/tree.js';
import { DiskSource } from './disk-source.js';
import { FileIndex } from './file-index.js';

const DOC = [
  'Retry it',
  '========',
  '',
  'A small library that retries calls.',
  '',
  'Installation',
  '------------',
  '',
  '    pip install retryit',
  '',
  'Examples',
  '--------',
  '',
  'Decorate a function and call it.',
  'It is retried until it succeeds.',
  'More prose about the project.',
  '',
].join('\n');

describe('a symbolic link read by name', () => {
  it('a README that links to a listed document inside the tree is read through the link (readme not unknown)', async () => {
    const r = await runRuleOn(readme, {
      'README.rst': new Symlink('doc/source/index.rst'),
      'doc/source/index.rst': DOC,
    });
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]?.path).toBe('README.rst');
  });

  it('a linked manifest or build file is not read through its link: it is judged where it lies', () => {
    const root = writeTree(tempDir(), {
      'back/pyproject.toml': '[project]\nname = "app"\n',
      'docs/guide.md': '# Guide\n',
    });
    symlinkSync('back/pyproject.toml', join(root, 'pyproject.toml'));
    symlinkSync('docs/guide.md', join(root, 'GUIDE.md'));
    symlinkSync('back/pyproject.toml', join(root, 'Makefile'));
    const paths = ['GUIDE.md', 'Makefile', 'back/pyproject.toml', 'docs/guide.md', 'pyproject.toml'];
    const files = new FileIndex(paths, new DiskSource(root));
    expect(files.read('GUIDE.md')).toBe('# Guide\n');
    expect(files.read('pyproject.toml')).toBeUndefined();
    expect(files.read('Makefile')).toBeUndefined();
  });

  it('a link out of the tree, to an unlisted file, or in a loop is still not read', async () => {
    const out = await runRuleOn(readme, { 'README.md': new Symlink('../other/README.md') });
    expect(out.outcome).toBe('unknown');
    const unlisted = await runRuleOn(readme, { 'README.md': new Symlink('.git/description'), 'src/a.py': 'x = 1\n' });
    expect(unlisted.outcome).toBe('unknown');
    const loop = await runRuleOn(readme, {
      'README.md': new Symlink('README.txt'),
      'README.txt': new Symlink('README.md'),
    });
    expect(loop.outcome).toBe('unknown');
  });

  it('on disk: an in-root link is followed for a named read, one out of the root, to a FIFO or dangling is not', () => {
    const outside = writeTree(tempDir(), { 'secret.txt': 'TOP-SECRET-CONTENT\n' });
    const root = writeTree(tempDir(), { 'doc/index.rst': DOC, 'src/app.py': 'print(1)\n' });
    symlinkSync('doc/index.rst', join(root, 'README.rst'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
    symlinkSync(outside, join(root, 'outside'));
    symlinkSync('missing.txt', join(root, 'dangling.txt'));
    mkdirSync(join(root, 'pipes'));
    execFileSync('mkfifo', [join(root, 'pipes', 'fifo')]);
    symlinkSync('pipes/fifo', join(root, 'fifo-link.txt'));
    const paths = [
      'README.rst',
      'dangling.txt',
      'doc/index.rst',
      'fifo-link.txt',
      'leak.txt',
      'pipes/fifo',
      'src/app.py',
    ];
    const files = new FileIndex(paths, new DiskSource(root));
    expect(files.read('README.rst')).toBe(DOC);
    expect(files.read('leak.txt')).toBeUndefined();
    expect(files.read('dangling.txt')).toBeUndefined();
    expect(files.read('fifo-link.txt')).toBeUndefined();
    expect(files.stats.skipped.get('README.rst')).toBe('symlink');
  });
});
