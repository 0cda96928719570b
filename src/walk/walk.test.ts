import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { listFiles } from './list.js';
import { FileIndex } from './file-index.js';
import { DiskSource } from './disk-source.js';
import { gitTagHistory, gitTags } from './git.js';
import { runGit, runGitEntries } from './git-exec.js';

describe('runGit time limit', () => {
  it('a git that finished while the thread was busy (longer than its limit) is read, not timed out', async () => {
    // git's metadata calls run beside the scan, which holds the thread for seconds on a big tree.
    const root = tree({ 'a.txt': 'x' });
    try {
      await execa('git', ['init', '-q'], { cwd: root });
      const before = new Set(childPids());
      const pending = runGit({ root, gitDir: join(root, '.git') }, ['rev-parse', '--sq-quote', 'marker'], {
        timeoutMs: 300,
      });
      const ours = childPids().filter((pid) => !before.has(pid));
      expect(ours).toHaveLength(1);
      // Hold the thread, without yielding, until that git has exited (a zombie nobody has reaped yet)
      // and more than its limit has passed: however slow the machine, git is done before the thread
      // comes back, and only the order in which the two are noticed is left to decide the result.
      const start = Date.now();
      let exited = false;
      while (!(exited && Date.now() - start > 400) && Date.now() - start < 60_000) exited = isZombie(ours[0]!);
      expect(exited).toBe(true);
      expect(await pending).toBe(" 'marker'");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** This process's child processes (Linux /proc). */
function childPids(): string[] {
  return readdirSync('/proc/self/task').flatMap((task) => {
    try {
      return readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean);
    } catch {
      return [];
    }
  });
}

/** Whether a process has exited and not been reaped yet: its state, after the command name in parentheses, is Z. */
function isZombie(pid: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2) === 'Z';
  } catch {
    return false;
  }
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'readiness-walk-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), c);
  }
  return root;
}

const base = {
  'src/app.ts': 'x',
  'src/gen/out.js': 'x',
  '.gitignore': 'src/gen/\n*.log\n',
  'debug.log': 'x',
  'node_modules/left/index.js': 'x',
  'test/fixtures/repo/Dockerfile': 'FROM x',
  'pkg/testdata/a.tf': 'x',
  'docs/guide.md': 'x',
  'sub/.gitignore': 'secret.txt\n',
  'sub/secret.txt': 'x',
  'sub/kept.txt': 'x',
  // Restored client libraries of an ASP.NET app (LibMan/Bower) are vendored; a lib/ elsewhere is code.
  'Web/wwwroot/lib/jquery/jquery.slim.js': 'x',
  'Web/wwwroot/js/site.js': 'x',
  'src/lib/util.ts': 'x',
  // Yarn Berry's vendored release and plugins (round 25): Yarn's code, not the project's; .yarnrc.yml is kept.
  '.yarn/plugins/@yarnpkg/plugin-workspace-tools.cjs': 'module.exports = { env: process.env.YARN_X };',
  '.yarn/releases/yarn-4.1.0.cjs': 'x',
  '.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-4.1.0.cjs\n',
  // Build output beside a JVM source set is left out; a package of that name inside one is code (round 37).
  'app/target/classes/Main.class': 'x',
  'app/coverage/index.html': 'x',
  'app/src/main/kotlin/acme/coverage/Report.kt': 'x',
  'app/src/test/groovy/acme/target/TargetSpec.groovy': 'x',
  // A Gradle module named test-fixtures is code; a sample project below a source set is test data.
  'server/test-fixtures/src/test/kotlin/acme/LoaderSpec.kt': 'x',
  'plugin/src/test/fixtures/src/main/java/Sample.java': 'x',
};
const expected = [
  '.gitignore',
  '.yarnrc.yml',
  'Web/wwwroot/js/site.js',
  'app/src/main/kotlin/acme/coverage/Report.kt',
  'app/src/test/groovy/acme/target/TargetSpec.groovy',
  'docs/guide.md',
  'server/test-fixtures/src/test/kotlin/acme/LoaderSpec.kt',
  'src/app.ts',
  'src/lib/util.ts',
  'sub/.gitignore',
  'sub/kept.txt',
];

describe('listing', () => {
  it('walks outside git honouring nested .gitignore files and the skip lists', async () => {
    const l = await listFiles(tree(base));
    expect(l.method).toBe('walk');
    expect(l.paths).toEqual(expected);
  });

  it('uses git ls-files inside a work tree, including untracked files that are not ignored', async () => {
    const root = tree(base);
    await execa('git', ['init', '-q'], { cwd: root });
    await execa('git', ['add', 'src/app.ts'], { cwd: root });
    const l = await listFiles(root);
    expect(l.method).toBe('git');
    expect(l.paths).toEqual(expected);
  });

  it('reads the tags of a repository through the isolated git layer, and none from a walked tree', async () => {
    const root = tree({ 'a.py': 'x\n' });
    const git = (...args: string[]) =>
      execa('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root });
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('commit', '-q', '-m', 'one');
    await git('tag', 'v1.0.0');
    await git('tag', '-a', '-m', 'release', 'v1.1.0');
    const l = await listFiles(root);
    expect((await gitTags(l.repo)).sort()).toEqual(['v1.0.0', 'v1.1.0']);
    // The newest tag's date comes with the names, from the same process (release-management's staleness).
    expect((await gitTagHistory(l.repo)).newestDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    const walked = await listFiles(tree({ 'a.py': 'x\n' }));
    expect(await gitTags(walked.repo)).toEqual([]);
    expect(await gitTagHistory(walked.repo)).toEqual({ tags: [], newestDate: null });
  });

  it('leaves out a tracked file deleted in the work tree, lists a conflicted path once and keeps untracked files', async () => {
    const root = tree({ 'a.py': 'base\n', 'gone.py': 'x\n', 'kept.py': 'y\n' });
    const git = (...args: string[]) =>
      execa('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root });
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('commit', '-q', '-m', 'base');
    await git('checkout', '-q', '-b', 'other');
    writeFileSync(join(root, 'a.py'), 'other\n');
    await git('commit', '-q', '-am', 'other');
    await git('checkout', '-q', 'main');
    writeFileSync(join(root, 'a.py'), 'main\n');
    await git('commit', '-q', '-am', 'main');
    await git('merge', '-q', 'other').catch(() => undefined); // a conflict: a.py has three stages
    rmSync(join(root, 'gone.py'));
    writeFileSync(join(root, 'new.py'), 'z\n');
    const l = await listFiles(root);
    expect(l.method).toBe('git');
    expect(l.paths).toEqual(['a.py', 'kept.py', 'new.py']);
  });

  it('a FIFO named .gitignore (git would block on it) ends in the walker, which never opens it', async () => {
    const root = tree({ 'a.py': 'x', 'sub/b.py': 'y' });
    await execa('git', ['init', '-q'], { cwd: root });
    await execa('mkfifo', [join(root, 'sub', '.gitignore')]);
    const l = await listFiles(root, { gitTimeoutMs: 1500 });
    expect(l.method).toBe('walk');
    expect(l.notes.join(' ')).toMatch(/git ls-files failed \(timed out\); listed with the file walker/);
    expect(l.paths).toEqual(['a.py', 'sub/b.py']);
  });

  it('leaves out vendored copies (a folder under lib/ with its own licence) and minified bundles, and says so', async () => {
    const l = await listFiles(
      tree({
        LICENSE: 'MIT',
        'phpstan.dist.neon': 'parameters:\n  level: 9\n',
        'lib/lib_feed.php': '<?php',
        'lib/composer.json': '{}',
        'lib/feedparser/feedparser/LICENSES/BSD-3-Clause.txt': 'x',
        'lib/feedparser/feedparser/phpstan.neon': 'parameters:\n  level: 6\n',
        'lib/mailer/mailer/LICENSE': 'LGPL',
        'lib/mailer/mailer/src/Mailer.php': '<?php',
        'app/Models/Entry.php': '<?php',
        'pkg/docs/api/redoc.standalone.js': '/*! redoc */',
        'web/vendor-ish/chart.min.js': '/*! chart */',
      }),
    );
    expect(l.paths).toEqual([
      'LICENSE',
      'app/Models/Entry.php',
      'lib/composer.json',
      'lib/lib_feed.php',
      'phpstan.dist.neon',
    ]);
    expect(l.notes.join('\n')).toContain('lib/feedparser/feedparser, lib/mailer/mailer');
  });

  it("a project's own lib/ and packages with their licence stay: only copies below a vendor folder go", async () => {
    const l = await listFiles(
      tree({
        'lib/LICENSE': 'x',
        'lib/shop/cart.rb': 'x',
        'packages/ui/LICENSE': 'x',
        'packages/ui/index.ts': 'x',
        'src/bundle.js': 'x',
      }),
    );
    expect(l.paths).toEqual([
      'lib/LICENSE',
      'lib/shop/cart.rb',
      'packages/ui/LICENSE',
      'packages/ui/index.ts',
      'src/bundle.js',
    ]);
  });

  it('keeps test data when asked, and applies ignore globs', async () => {
    const l = await listFiles(tree(base), { includeTestData: true, ignore: ['docs', 'sub/**'] });
    expect(l.paths).toEqual([
      '.gitignore',
      '.yarnrc.yml',
      'Web/wwwroot/js/site.js',
      'app/src/main/kotlin/acme/coverage/Report.kt',
      'app/src/test/groovy/acme/target/TargetSpec.groovy',
      'pkg/testdata/a.tf',
      'plugin/src/test/fixtures/src/main/java/Sample.java',
      'server/test-fixtures/src/test/kotlin/acme/LoaderSpec.kt',
      'src/app.ts',
      'src/lib/util.ts',
      'test/fixtures/repo/Dockerfile',
    ]);
  });

  it('never follows a symbolic link: a loop or a link out of the root is listed, not read', async () => {
    const outside = tree({ 'secret.txt': 'TOP SECRET' });
    const root = tree({ 'a.txt': 'hello' });
    symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
    symlinkSync(root, join(root, 'loop'));
    const l = await listFiles(root);
    expect(l.paths).toEqual(['a.txt', 'leak.txt', 'loop']);
    const files = new FileIndex(l.paths, new DiskSource(root));
    expect(files.read('a.txt')).toBe('hello');
    expect(files.read('leak.txt')).toBeUndefined();
    expect(files.stats.skipped.get('leak.txt')).toBe('symlink');
  });

  it('counts files above the size cap and binary files as skipped', () => {
    const root = tree({ 'big.txt': 'x'.repeat(2000), 'bin.py': 'ab\0cd', 'ok.py': 'print(1)' });
    const files = new FileIndex(['big.txt', 'bin.py', 'ok.py'], new DiskSource(root), 1000);
    expect(files.read('big.txt')).toBeUndefined();
    expect(files.read('bin.py')).toBeUndefined();
    expect(files.read('ok.py')).toBe('print(1)');
    expect(Object.fromEntries(files.stats.skipped)).toEqual({ 'big.txt': 'too-large', 'bin.py': 'binary' });
  });

  it('reads through the callback API exactly what is on disk, whatever the size, and says why it skips', async () => {
    const sized = (n: number, seed: number) =>
      Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7 + seed) % 26))).join('');
    const texts: Record<string, string> = {
      'empty.py': '',
      'small.py': 'print(1)\n',
      'just-under.txt': sized(65535, 1),
      'exactly-chunk.txt': sized(65536, 2),
      'just-over.txt': sized(65537, 3),
      'large.txt': sized(300_000, 4),
    };
    const root = tree({ ...texts, 'too-big.txt': 'x'.repeat(400_001), 'small-but-over-cap.txt': 'y'.repeat(1001) });
    mkdirSync(join(root, 'folder.py'));
    const source = new DiskSource(root);
    const shown = (r: Buffer | string) => (typeof r === 'string' ? `skip:${r}` : r.toString('utf8'));
    const readAsync = (p: string, max: number) =>
      new Promise<string>((resolve) => source.readBytesAsync(p, max, (r) => resolve(shown(r))));
    const readSync = (p: string, max: number) => {
      let out = '';
      source.readBytesLent(p, max, (r) => void (out = shown(r)));
      return Promise.resolve(out);
    };
    for (const read of [readAsync, readSync]) {
      for (const [p, text] of Object.entries(texts)) expect(await read(p, 1 << 20), p).toBe(text);
      // Reads in flight at once reuse buffers: none may see another's bytes.
      const together = await Promise.all(Object.keys(texts).map((p) => read(p, 1 << 20)));
      expect(together).toEqual(Object.values(texts));
      expect(await read('too-big.txt', 400_000)).toBe('skip:too-large');
      expect(await read('small-but-over-cap.txt', 1000)).toBe('skip:too-large');
      expect(await read('folder.py', 1 << 20)).toBe('skip:not-a-file');
      expect(await read('missing.py', 1 << 20)).toBe('skip:unreadable');
    }
  });

  it('finds a file under a root written with a final slash, `.` or `..`, and by a path with such segments', () => {
    const root = tree({ 'a.txt': 'top', 'sub/b.txt': 'inner' });
    const readWith = (r: string, p: string) => {
      let out = '';
      new DiskSource(r).readBytesLent(
        p,
        1 << 20,
        (x) => void (out = typeof x === 'string' ? `skip:${x}` : x.toString()),
      );
      return out;
    };
    for (const r of [root, `${root}/`, `${root}/sub/..`, `${root}/./sub/../`])
      for (const [p, text] of [
        ['a.txt', 'top'],
        ['sub/b.txt', 'inner'],
        ['sub/../a.txt', 'top'],
        ['./sub//b.txt', 'inner'],
        ['sub/./b.txt', 'inner'],
        ['', 'skip:not-a-file'],
        ['missing.txt', 'skip:unreadable'],
      ] as const)
        expect(readWith(r, p), `${r} + ${p}`).toBe(text);
    // A root relative to the working directory (`../../tmp/…`), and `.` with the whole path after it.
    const rel = relative(process.cwd(), root);
    expect(readWith(rel, 'sub/b.txt')).toBe('inner');
    expect(readWith(`./${rel}/`, 'a.txt')).toBe('top');
    expect(readWith('.', `${rel}/a.txt`)).toBe('top');
  });

  it('a buffer the reader keeps is not lent again until it is given back', () => {
    const root = tree({ 'a.txt': 'first', 'b.txt': 'second' });
    const source = new DiskSource(root);
    let kept: Buffer | undefined;
    source.readBytesLent('a.txt', 1 << 20, (r) => ((kept = r as Buffer), true));
    source.readBytesLent('b.txt', 1 << 20, () => false);
    expect(kept!.toString()).toBe('first');
    source.recycle(kept!.buffer as ArrayBuffer);
    let again: Buffer | undefined;
    source.readBytesLent('b.txt', 1 << 20, (r) => void (again = r as Buffer));
    expect(again!.buffer).toBe(kept!.buffer);
  });
});

describe('FileIndex.named', () => {
  it('finds base names exactly or ignoring case, in listing order, non-ASCII names included', () => {
    const paths = [
      'Chart.yaml',
      'a/chart.yaml',
      'a/b/CHART.YAML',
      'a/Chart.yaml.bak',
      'b/Chart.yaml',
      'docs/Ünïcode.md',
      'x/ünïcode.md',
      // U+212A KELVIN SIGN lower-cases to an ASCII "k".
      'k/\u212Aey',
      'k/key',
      ...Array.from({ length: 200 }, (_, i) => `gen/${i}/file${i % 7}.txt`),
    ];
    const files = new FileIndex(paths, new DiskSource('/nonexistent'));
    expect(files.named('Chart.yaml')).toEqual(['Chart.yaml', 'b/Chart.yaml']);
    expect(files.named('chart.yaml', true)).toEqual(['Chart.yaml', 'a/chart.yaml', 'a/b/CHART.YAML', 'b/Chart.yaml']);
    expect(files.named('ÜNÏCODE.md', true)).toEqual(['docs/Ünïcode.md', 'x/ünïcode.md']);
    expect(files.named('ünïcode.md')).toEqual(['x/ünïcode.md']);
    expect(files.named('KEY', true)).toEqual(['k/\u212Aey', 'k/key']);
    expect(files.named('file3.txt')).toEqual(paths.filter((p) => p.endsWith('/file3.txt')));
    expect(files.named('absent')).toEqual([]);
    expect(files.match('**/Chart.yaml')).toEqual(['Chart.yaml', 'b/Chart.yaml']);
  });
});

describe('runGit output in pieces', () => {
  it('decodes the output a piece at a time, at NULs, to the same text as all at once', async () => {
    // Multi-byte names (2, 3 and 4 bytes in UTF-8) so that reads and pieces end inside characters.
    const names = ['a.txt', 'über/ß.txt', '测试/文件.ts', 'emoji/😀.md', 'plain/x.js', 'é/é/é.py'];
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) for (const n of names) files[`d${i}/${n}`] = 'x';
    const root = tree(files);
    try {
      await execa('git', ['init', '-q'], { cwd: root });
      await execa('git', ['add', '-A'], { cwd: root });
      const repo = { root, gitDir: join(root, '.git') };
      const args = ['ls-files', '-z', '-t', '--cached', '--others', '--exclude-standard'];
      const whole = await runGit(repo, args, { stripFinalNewline: false, pieceBytes: Number.POSITIVE_INFINITY });
      expect(whole.split('\0').filter(Boolean)).toHaveLength(240);
      expect(whole).toContain('emoji/😀.md');
      for (const pieceBytes of [1, 7, 100, 4096])
        expect(await runGit(repo, args, { stripFinalNewline: false, pieceBytes })).toBe(whole);
      // Entry by entry, each decoded on its own: the entries of the whole text, the tag apart.
      const split = whole.split('\0').filter(Boolean);
      for (const pieceBytes of [1, 7, 100, 4096, Number.POSITIVE_INFINITY]) {
        const { tags, entries } = await runGitEntries(repo, args, { pieceBytes }, 2);
        expect(tags).toEqual(split.map((e) => e.slice(0, 2)));
        expect(entries).toEqual(split.map((e) => e.slice(2)));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
