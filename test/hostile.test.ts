/**
 * Hostile input (issue 7): trees built at test time that try to crash, hang, mislead or leak
 * through the auditor. Each is audited through the real CLI; the report must complete, every
 * output format must stay valid, and the right notes and counts must appear.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../src/facts/manifests/index.js';
import { callText, pulumi } from '../src/facts/pulumi.js';
import { offsetStats } from '../src/facts/manifests/text.js';
import { reportSchema, type Report } from '../src/report/schema.js';
import { memoryIndex, type Tree } from '../src/testing/memory.js';
import { BIN, cli as inProcess, spawnCli } from './helpers/cli.js';

/** The command line in this process; `{ spawn: true }` where the process environment itself is the attack. */
const cli = inProcess;
import { tempDir, writeTree } from './helpers/tree.js';
import { assertMarkdownTablesIntact } from './helpers/markdown.js';

/**
 * The report in JSON, Markdown and terminal text. `own` runs the first audit in a process of its own,
 * for the inputs that could hang: a hang is then a timeout that fails the test, not a frozen worker.
 */
async function auditAll(root: string, extra: string[] = [], own = false): Promise<Report> {
  // Once the first audit has finished in a process of its own, the same tree cannot hang the others.
  const cli = inProcess;
  const json = await (own ? spawnCli : inProcess)(['audit', root, '--format', 'json', ...extra]);
  expect(json.code, json.stderr).toBe(0);
  expect(json.stderr).not.toMatch(/internal error|\n\s+at /);
  const report = reportSchema.parse(JSON.parse(json.stdout)) as Report;
  const md = await cli(['audit', root, '--format', 'md', ...extra]);
  expect(md.code, md.stderr).toBe(0);
  assertMarkdownTablesIntact(md.stdout);
  const term = await cli(['audit', root, ...extra]);
  expect(term.code).toBe(0);
  // eslint-disable-next-line no-control-regex
  expect(term.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/); // no raw control characters from file names
  return report;
}

describe('hostile trees', () => {
  it('symlink loops, links out of the root and dangling links: listed, never followed or read', async () => {
    const outside = writeTree(tempDir(), { 'creds.txt': 'aws_key = AKIAQWERTYUIOPASDFGHJ\n' });
    const root = writeTree(tempDir(), { 'README.md': '# x\n', 'src/app.py': 'print(1)\n' });
    symlinkSync(root, join(root, 'loop'));
    symlinkSync(join(root, 'src'), join(root, 'src', 'again'));
    symlinkSync(join(outside, 'creds.txt'), join(root, 'creds.txt'));
    symlinkSync(outside, join(root, 'outside-dir'));
    symlinkSync(join(root, 'missing-target'), join(root, 'dangling.py'));
    const r = await auditAll(root);
    expect(JSON.stringify(r)).not.toContain('AKIAQWERTYUIOPASDFGHJ');
    expect(r.stats.skippedByReason.symlink).toBeGreaterThanOrEqual(3);
    expect(r.stats.filesListed).toBeLessThan(10);
  });

  it('huge, sparse, single-line and binary files are skipped for content and counted', async () => {
    const root = writeTree(tempDir(), {
      'one-line.js': 'x'.repeat(5 * 1024 * 1024),
      'image.py': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0]),
      'ok.py': 'def test_ok():\n    pass\n',
    });
    const fd = openSync(join(root, 'sparse.log.ts'), 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const r = await auditAll(root);
    expect(r.stats.skippedByReason).toMatchObject({ 'too-large': 2, binary: 1 });
    expect(r.notes.join(' ')).toMatch(/3 file\(s\) listed but not read/);
  });

  it('invalid UTF-8, UTF-16 with and without a byte-order mark', async () => {
    const root = writeTree(tempDir(), {
      'bad-utf8.py': Buffer.concat([
        Buffer.from('def test_a():\n    x = "'),
        Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
        Buffer.from('"\n'),
      ]),
      'utf16-bom.cs': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('[Fact]\npublic void Works() {}\n', 'utf16le'),
      ]),
      'utf16-be.txt': Buffer.concat([
        Buffer.from([0xfe, 0xff]),
        Buffer.from('hello', 'utf16le').swap16(),
        Buffer.from([0x41]),
      ]),
      'utf16-nobom.java': Buffer.from('@Test void x() {}', 'utf16le'),
    });
    const r = await auditAll(root);
    expect(r.stats.skippedByReason.binary).toBe(1); // UTF-16 without a BOM looks binary (NUL bytes)
  });

  it('malformed YAML, JSON, TOML, XML, HCL and Dockerfiles become notes or unknowns, not crashes', async () => {
    const root = writeTree(tempDir(), {
      'package.json': '{ "name": "x", "dependencies": { "express": ',
      'pyproject.toml': '[project\nname = ',
      Pipfile: '[[[',
      'pom.xml': '<project><dependencies><dependency><artifactId>x</artifactId>',
      'App.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include=',
      'go.mod': 'module\nrequire (\n',
      'Cargo.toml': 'name = = =',
      'composer.json': '[1, 2',
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n',
      Dockerfile: 'this is not a dockerfile\n\\\n',
      'api/Dockerfile': 'FROM\nUSER\n',
      '.github/workflows/ci.yml': 'jobs:\n  test:\n    steps:\n      - run: npm test\n    - bad indent: [\n',
      '.gitlab-ci.yml': ': : :\n\t\ttabs',
      'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nspec: {{ .Values.x }\n',
      '.readiness-not-config.yml': '{',
    });
    const r = await auditAll(root);
    expect(r.pillars.flatMap((p) => p.rules).filter((x) => x.outcome === 'error')).toEqual([]);
  });

  it('a YAML alias bomb and deeply nested YAML/JSON do not hang or crash', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const deepJson = '['.repeat(20000) + ']'.repeat(20000);
    const deepYaml = `${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} end\n`;
    const root = writeTree(tempDir(), {
      '.github/workflows/bomb.yml': `${bomb.join('\n')}\njobs: *j\n`,
      'k8s/bomb.yaml': `${bomb.join('\n')}\n`,
      'package.json': deepJson,
      'composer.json': deepJson,
      'k8s/deep.yaml': deepYaml,
      'docker-compose.yml': deepYaml,
    });
    const r = await auditAll(root, [], true);
    expect(r.pillars.flatMap((p) => p.rules).filter((x) => x.outcome === 'error')).toEqual([]);
  });

  it('file names with spaces, pipes, backticks, newlines, leading dashes and non-ASCII', async () => {
    const names = [
      'with space.py',
      'pi|pe.py',
      'back`tick`.py',
      'new\nline.py',
      '-rf.py',
      '--help.py',
      'naïve-ünïcødé.py',
      'emoji-🚀.py',
      'tab\there.py',
      '<script>alert(1)</script>.py',
      'esc\u001b[31mred.py',
    ];
    const files: Record<string, string> = { 'README.md': '# names\n' };
    for (const n of names) files[`tests/test_${n}`] = 'def test_x():\n    assert True\n';
    const root = writeTree(tempDir(), files);
    const r = await auditAll(root);
    expect(r.stats.filesListed).toBe(names.length + 1);
    const tests = r.pillars.flatMap((p) => p.rules).find((x) => x.id === 'quality/tests-present')!;
    expect(tests.outcome).not.toBe('fail');
  });

  it('300 nested folders, an empty folder, a non-git folder', async () => {
    const root = tempDir();
    let deep = root;
    for (let i = 0; i < 300; i++) deep = join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'Dockerfile'), 'FROM alpine:3.20\n');
    const r = await auditAll(root);
    expect(r.stats.filesListed).toBe(1);
    const empty = tempDir();
    const e = await auditAll(empty);
    expect(e.stats.filesListed).toBe(0);
    expect(e.summary.counts.error).toBe(0);
  });

  it('a git repository with no commits, and a .git file pointing nowhere (falls back to the walker with a note)', async () => {
    const fresh = writeTree(tempDir(), { 'a.py': 'x = 1\n' });
    execFileSync('git', ['init', '-q'], { cwd: fresh });
    const r = await auditAll(fresh);
    expect(r.repository.commit).toBeNull();
    expect(r.stats.filesListed).toBe(1);

    const pointer = writeTree(tempDir(), { '.git': 'gitdir: /nonexistent/worktree/.git\n', 'b.py': 'y = 2\n' });
    const p = await auditAll(pointer);
    expect(p.notes.join(' ')).toMatch(
      /git not used: \.git points to a git directory that does not exist; listed with the file walker/,
    );
    expect(p.stats.filesListed).toBe(2);
  });

  it('a special file with a source name (a FIFO) is never opened for reading, inside git or not', async () => {
    const root = writeTree(tempDir(), { 'ok.py': 'x = 1\n' });
    execFileSync('mkfifo', [join(root, 'pipe.py')]);
    const r = await auditAll(root, [], true); // a blocking read would hang here until the test times out
    expect(r.stats.filesRead).toBe(1);
    execFileSync('git', ['init', '-q'], { cwd: root });
    const g = await auditAll(root, [], true);
    expect(g.stats.filesRead).toBe(1);
  });

  it('a file whose read fails is counted as unreadable and the audit completes', async () => {
    const { FileIndex } = await import('../src/walk/file-index.js');
    const { runAudit } = await import('../src/engine/audit.js');
    const { PILLARS } = await import('../rules/index.js');
    const source = {
      readBytes: (p: string) =>
        p === 'locked.py' ? ('unreadable' as const) : Buffer.from('def test_a():\n    pass\n'),
    };
    const files = new FileIndex(['locked.py', 'test_ok.py'], source);
    const run = await runAudit({ files, source, pillars: PILLARS, config: {} });
    expect(files.stats.skipped.get('locked.py')).toBe('unreadable');
    expect(run.runs.filter((r) => r.outcome === 'error')).toEqual([]);
  });
});

describe('secrets never reach any output', () => {
  const planted = {
    aws: 'AKIAZ7VQ3MX5KJ2PLW4N',
    github: 'ghp_' + 'Zq8Wm3Rt6Yp1Lk4Nd7Vb2Xc5Hj9Gf0Sa3Eu6',
    stripe: 'sk_live_' + '51HqL2kJx9Rt4Wm8Pz3Vn6Yb0',
    slack: 'xoxb-' + '210987654321-123456789012-' + 'Qr7Tw2Ez5Yu8Io1Pa4Sd6Fg3',
    google: 'AIza' + 'SyD4x9Qk2Lm7Np3Rt8Vw1Zb6Hc5Jf0Gs2Ke',
  };
  it('no format contains a planted secret value', async () => {
    const root = writeTree(tempDir(), {
      'src/config.py': `AWS_KEY = "${planted.aws}"\nTOKEN = "${planted.github}"\n`,
      'deploy/values.yaml': `stripe: ${planted.stripe}\nslack: ${planted.slack}\n`,
      'web/map.js': `const key = '${planted.google}';\n`,
      '.env': 'DATABASE_URL=postgres://admin:hunter2hunter2@db/prod\n',
      // An inline suppression whose comment runs on into a secret: the reason text must not carry it out.
      'src/keys.py': `# readiness-ignore security/no-committed-secrets -- old key ${planted.aws.replace('Z7', 'Q9')}\nKEY = "${planted.aws.replace('Z7', 'Q9')}"\n`,
      'deploy/key.json': `{"key": "-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEAtopsecretkeymaterial0123456789abcdefghij\\n-----END RSA PRIVATE KEY-----"}\n`,
    });
    for (const format of ['json', 'md', 'terminal', 'badge', 'sarif', 'html', 'summary']) {
      const r = await inProcess(['audit', root, '--format', format, '--verbose']);
      expect([0, 1]).toContain(r.code);
      for (const value of [...Object.values(planted), planted.aws.replace('Z7', 'Q9'), 'MIIEowIBAAKCAQEAtopsecret']) {
        expect(r.stdout + r.stderr, `${format} leaks ${value.slice(0, 6)}`).not.toContain(value);
      }
      expect(r.stdout).not.toContain('hunter2hunter2');
    }
    const json = JSON.parse((await inProcess(['audit', root, '--format', 'json'])).stdout) as Report;
    const secrets = json.pillars.flatMap((p) => p.rules).find((x) => x.id === 'security/no-committed-secrets')!;
    expect(secrets.outcome).toBe('fail');
    expect(secrets.evidence.map((e) => e.path)).toEqual(
      expect.arrayContaining(['src/config.py', 'deploy/values.yaml', 'web/map.js', '.env']),
    );
  });
});

describe('trust: nothing from the audited tree runs', () => {
  it('lifecycle scripts, conftest.py and an in-tree plugin never execute', async () => {
    const marker = join(tempDir(), 'ran');
    const root = writeTree(tempDir(), {
      'package.json': JSON.stringify({
        name: 'evil',
        scripts: {
          preinstall: `touch ${marker}`,
          postinstall: `touch ${marker}`,
          prepare: `touch ${marker}`,
          test: `touch ${marker}`,
        },
      }),
      'conftest.py': `open(${JSON.stringify(marker)}, "w").write("ran")\n`,
      'setup.py': `open(${JSON.stringify(marker)}, "w").write("ran")\nfrom setuptools import setup\nsetup(install_requires=["flask"])\n`,
      'plugin.mjs': `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'ran'); export default [];\n`,
      'evil.cjs': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = [];\n`,
      '.readiness.yml': 'plugins: ["./plugin.mjs", "./evil.cjs"]\n',
      Makefile: `test:\n\ttouch ${marker}\n`,
    });
    const r = await inProcess(['audit', root, '--format', 'json']);
    expect([0, 1]).toContain(r.code);
    expect(existsSync(marker)).toBe(false);
  });
});

/** A repository committed once, with `files` in its work tree. */
function gitRepo(files: Record<string, string>): string {
  const root = writeTree(tempDir(), files);
  const g = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=a@b.c', '-c', 'user.name=a', ...args], { cwd: root });
  g('init', '-q');
  g('add', '.');
  g('commit', '-qm', 'init');
  return root;
}

/** A shell script that records that it ran; returns the script path and the marker it writes. */
function markerScript(): { script: string; marker: string } {
  const dir = tempDir();
  const marker = join(dir, 'ran');
  const script = join(dir, 'evil.sh');
  writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> ${marker}\ncat > /dev/null\nexit 0\n`, { mode: 0o755 });
  return { script, marker };
}

describe('trust: git runs isolated from the audited repository (issue 14)', () => {
  it('every command-bearing git key, hook, driver and inherited GIT_* variable is planted: none runs', async () => {
    const { script, marker } = markerScript();
    const root = gitRepo({ 'app.py': 'print(1)\n', '.gitattributes': '* filter=evil diff=evil merge=evil\n' });
    const keys = [
      'core.fsmonitor', // runs on every index read (ls-files ran it before the fix)
      'core.pager',
      'pager.ls-files',
      'pager.rev-parse',
      'pager.config',
      'core.editor',
      'sequence.editor',
      'core.askPass',
      'core.sshCommand',
      'core.gitProxy',
      'core.alternateRefsCommand',
      'core.virtualFilesystem',
      'diff.external',
      'diff.evil.command',
      'diff.evil.textconv',
      'filter.evil.clean',
      'filter.evil.smudge',
      'filter.evil.process',
      'merge.evil.driver',
      'credential.helper',
      'gpg.program',
      'gpg.ssh.program',
      'remote.origin.uploadpack',
      'remote.origin.receivepack',
    ];
    const cfg = (...a: string[]) => execFileSync('git', ['config', ...a], { cwd: root });
    for (const k of keys) cfg(k, script);
    // A partial clone whose missing objects would be fetched lazily through a command transport.
    cfg('core.repositoryformatversion', '1');
    cfg('extensions.partialClone', 'origin');
    cfg('remote.origin.promisor', 'true');
    cfg('remote.origin.url', `ext::sh -c ${script}`);
    cfg('protocol.ext.allow', 'always');
    // Every hook, in .git/hooks and in a core.hooksPath folder.
    const hooks = join(tempDir(), 'hooks');
    mkdirSync(hooks);
    cfg('core.hooksPath', hooks);
    for (const h of ['post-index-change', 'reference-transaction', 'post-checkout', 'pre-commit', 'fsmonitor-watchman'])
      for (const dir of [hooks, join(root, '.git', 'hooks')])
        writeFileSync(join(dir, h), readFileSync(script), { mode: 0o755 });
    writeFileSync(join(root, 'app.py'), 'print(2)\n'); // a dirty work tree: git would consult fsmonitor and filters
    writeFileSync(join(root, 'new.py'), 'print(3)\n');
    // Variables a hook or a user's shell may leave set: they must not steer our git.
    const env = {
      GIT_PAGER: script,
      GIT_EXTERNAL_DIFF: script,
      GIT_SSH_COMMAND: script,
      GIT_ASKPASS: script,
      GIT_EDITOR: script,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.fsmonitor',
      GIT_CONFIG_VALUE_0: script,
      GIT_CONFIG_PARAMETERS: `'core.fsmonitor'='${script}'`,
    };
    for (const format of ['json', 'md', 'sarif']) {
      const r = await cli(['audit', root, '--format', format], { env, spawn: true });
      expect([0, 1], r.stderr).toContain(r.code);
    }
    expect(existsSync(marker), existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe(false);
    const report = JSON.parse((await cli(['audit', root, '--format', 'json'], { env, spawn: true })).stdout) as Report;
    expect(report.notes.join(' ')).not.toMatch(/git/); // git was used, and listed the tree
    expect(report.stats.filesListed).toBe(3);
    expect(report.repository.commit).toMatch(/^[0-9a-f]{40}$/);
    // The planted config is live: the same listing without the isolation runs the script.
    execFileSync('git', ['ls-files', '--others'], { cwd: root });
    expect(existsSync(marker)).toBe(true);
  });

  it('GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE inherited from the caller do not point the audit at another repository', async () => {
    const other = gitRepo({ 'other-secret.py': 'x = 1\n' });
    const root = gitRepo({ 'mine.py': 'y = 2\n' });
    const env = { GIT_DIR: join(other, '.git'), GIT_WORK_TREE: other, GIT_INDEX_FILE: join(other, '.git', 'index') };
    const r = JSON.parse((await cli(['audit', root, '--format', 'json'], { env, spawn: true })).stdout) as Report;
    expect(r.stats.filesListed).toBe(1);
    expect(r.repository.languages).toEqual([{ name: 'Python', files: 1 }]);
    expect(JSON.stringify(r)).not.toContain('other-secret');
  });

  it('core.worktree, a .git file or link pointing out, commondir out and config includes never list or read outside the root', async () => {
    const outside = gitRepo({ 'outside-secret.py': 'x = 1\n' });
    execFileSync('git', ['remote', 'add', 'origin', 'https://example.com/private/outside-secret.git'], {
      cwd: outside,
    });
    const fifo = join(tempDir(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    const cases: [string, (root: string) => void, RegExp | null][] = [
      // core.worktree is overridden: git lists the audited folder, not the one the config names.
      ['core.worktree', (root) => execFileSync('git', ['config', 'core.worktree', outside], { cwd: root }), null],
      [
        '.git file to another repository',
        (root) => {
          execFileSync('rm', ['-rf', join(root, '.git')]);
          writeFileSync(join(root, '.git'), `gitdir: ${join(outside, '.git')}\n`);
        },
        /git not used: \.git points outside the audited folder/,
      ],
      [
        '.git link to another repository',
        (root) => {
          execFileSync('rm', ['-rf', join(root, '.git')]);
          symlinkSync(join(outside, '.git'), join(root, '.git'));
        },
        /git not used: \.git is a link out of the audited folder/,
      ],
      [
        'commondir to another repository',
        (root) => writeFileSync(join(root, '.git', 'commondir'), `${join(outside, '.git')}\n`),
        /git not used: \.git\/commondir points outside/,
      ],
      [
        'include of another repository config',
        (root) => execFileSync('git', ['config', 'include.path', join(outside, '.git', 'config')], { cwd: root }),
        /git not used: its git config includes other files/,
      ],
      [
        'includeIf of a FIFO (would hang git)',
        (root) => execFileSync('git', ['config', 'includeIf.gitdir:/.path', fifo], { cwd: root }),
        /git not used: its git config includes other files/,
      ],
      [
        '.git/config as a link to /dev/zero',
        (root) => {
          execFileSync('rm', [join(root, '.git', 'config')]);
          symlinkSync('/dev/zero', join(root, '.git', 'config'));
        },
        /git not used: \.git\/config is not a regular file/,
      ],
      [
        '.git/HEAD as a FIFO (would hang git)',
        (root) => {
          execFileSync('rm', [join(root, '.git', 'HEAD')]);
          execFileSync('mkfifo', [join(root, '.git', 'HEAD')]);
        },
        /git not used: \.git\/HEAD is not a regular file/,
      ],
    ];
    for (const [name, plant, note] of cases) {
      const root = gitRepo({ 'mine.py': 'y = 2\n' });
      plant(root);
      const json = await cli(['audit', root, '--format', 'json']);
      expect(json.code, `${name}: ${json.stderr}`).toBe(0);
      const r = JSON.parse(json.stdout) as Report;
      const text = JSON.stringify(r);
      expect(text, name).not.toContain('outside-secret');
      expect(r.repository.languages, name).toEqual([{ name: 'Python', files: 1 }]); // mine.py, nothing from outside
      if (note) expect(r.notes.join(' '), name).toMatch(note);
      else expect(r.notes.join(' '), name).not.toMatch(/git/);
    }
  });

  it('a hand-written index naming a file under a folder linked out of the root: never read through the link', async () => {
    const outside = writeTree(tempDir(), { 'secret.py': 'AWS_KEY = "AKIAZ7VQ3MX5KJ2PLW4N"\n' });
    const root = gitRepo({ 'a.py': 'x = 1\n' });
    const blob = execFileSync('git', ['hash-object', '-w', join(outside, 'secret.py')], { cwd: root })
      .toString()
      .trim();
    execFileSync('git', ['update-index', '--add', '--cacheinfo', `100644,${blob},linkdir/secret.py`], { cwd: root });
    symlinkSync(outside, join(root, 'linkdir'));
    const r = await auditAll(root);
    expect(r.stats.bytesRead).toBe(6); // a.py alone
    expect(JSON.stringify(r)).not.toContain('linkdir/secret.py');
    expect(r.notes.join(' ')).toMatch(/1 path\(s\) git listed under a symbolic link to a folder were left out/);
  });

  it('a linked work tree and a submodule whose git directories link back are still audited with git', async () => {
    const main = gitRepo({ 'a.py': 'x = 1\n' });
    const wt = join(tempDir(), 'linked');
    execFileSync('git', ['worktree', 'add', '-q', wt], { cwd: main });
    const r = await auditAll(wt);
    expect(r.notes.join(' ')).not.toMatch(/git/);
    expect(r.repository.commit).toMatch(/^[0-9a-f]{40}$/);

    const lib = gitRepo({ 'lib.py': 'y = 2\n' });
    const g = ['-c', 'protocol.file.allow=always', '-c', 'user.email=a@b.c', '-c', 'user.name=a'];
    execFileSync('git', [...g, 'submodule', 'add', '-q', lib, 'vendored-lib'], { cwd: main });
    expect(readFileSync(join(main, 'vendored-lib', '.git'), 'utf8')).toMatch(/^gitdir: \.\.\/\.git\/modules\//);
    const s = await auditAll(join(main, 'vendored-lib'));
    expect(s.notes.join(' ')).not.toMatch(/git/);
    expect(s.repository.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

/** Exit 2 with exactly one line on stderr, which matches `why` and quotes nothing of `secret`. */
function oneLineRefusal(r: { code: number; stderr: string }, why: RegExp, secret = 'TOP-SECRET-CONTENT'): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(why);
  expect(r.stderr).not.toContain(secret);
}

function sparse(path: string, bytes: number): string {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

describe('trust: configuration and named documents are read safely (issue 14)', () => {
  const outside = writeTree(tempDir(), {
    'secret.yml': 'TOP-SECRET-CONTENT: 1\n',
    'secret.json': 'TOP-SECRET-CONTENT\n',
  });

  it('a discovered config that links out, to /dev/zero or is a FIFO, a device or over 1 MiB: one exit-2 line, nothing echoed', async () => {
    const cases: [string, (root: string) => void, RegExp][] = [
      // Before: /dev/zero ate memory until the process aborted.
      [
        '.readiness.yml',
        (r) => symlinkSync('/dev/zero', join(r, '.readiness.yml')),
        /\.readiness\.yml: is a symbolic link/,
      ],
      // Before: the file outside the root was read and its content echoed in the error.
      ['.readiness.yml', (r) => symlinkSync(join(outside, 'secret.yml'), join(r, '.readiness.yml')), /symbolic link/],
      [
        'readiness.config.json',
        (r) => symlinkSync(join(outside, 'secret.json'), join(r, 'readiness.config.json')),
        /symbolic link/,
      ],
      ['dangling link', (r) => symlinkSync(join(outside, 'missing.yml'), join(r, '.readiness.yml')), /symbolic link/],
      ['FIFO', (r) => execFileSync('mkfifo', [join(r, '.readiness.yml')]), /\.readiness\.yml: not a regular file/],
      ['folder', (r) => mkdirSync(join(r, '.readiness.yml')), /\.readiness\.yml: not a regular file/],
      [
        '2 MiB',
        (r) => writeFileSync(join(r, '.readiness.yml'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`),
        /larger than 1 MiB/,
      ],
      ['sparse 4 GB', (r) => sparse(join(r, '.readiness.yml'), 4 * 1024 ** 3), /larger than 1 MiB/],
      ['binary', (r) => writeFileSync(join(r, '.readiness.yml'), Buffer.from([0x61, 0, 0x62])), /not a text file/],
    ];
    for (const [name, plant, why] of cases) {
      const root = writeTree(tempDir(), { 'a.py': 'x = 1\n' });
      plant(root);
      const r = await cli(['audit', root, '--format', 'json']);
      expect(r.stdout, name).toBe('');
      oneLineRefusal(r, why);
    }
  });

  it('--config, --baseline, --coverage, --junit, a saved report and the verify document: capped, regular files only, content never echoed', async () => {
    const root = writeTree(tempDir(), { 'a.py': 'x = 1\n' });
    const fifo = join(tempDir(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    const huge = sparse(join(tempDir(), 'huge.json'), 300 * 1024 * 1024);
    const secret = join(outside, 'secret.json');
    const cases: [string[], RegExp][] = [
      [['audit', root, '--config', '/dev/zero'], /\/dev\/zero: not a regular file/],
      [['audit', root, '--config', fifo], /not a regular file/],
      [['audit', root, '--baseline', '/dev/zero'], /--baseline \/dev\/zero: not a regular file/],
      [['audit', root, '--baseline', huge], /--baseline .*: larger than 64 MiB/],
      [['audit', root, '--baseline', secret], /--baseline .*: not valid JSON \(/], // Node's parse error quotes the text
      [['audit', root, '--coverage', fifo], /--coverage .*: not a regular file/],
      [['audit', root, '--coverage', huge], /--coverage .*: larger than 128 MiB/],
      [['audit', root, '--junit', '/dev/zero'], /--junit .*: not a regular file/],
      [['render', huge, '--format', 'md'], /larger than 64 MiB/],
      [['render', secret, '--format', 'md'], /not valid JSON/],
      [['diff', secret, secret], /not valid JSON/],
      [['verify', '/dev/zero', root], /the document \/dev\/zero: not a regular file/],
      // Before: a 50 MB document cost 2 GB of memory.
      [['verify', sparse(join(tempDir(), 'doc.md'), 50 * 1024 * 1024), root], /the document .*: larger than 4 MiB/],
      [['verify', fifo, root], /not a regular file/],
    ];
    for (const [args, why] of cases) oneLineRefusal(await cli(args), why);
  });
});

describe('trust: bounded time, and an error never lifts a gate (issue 14)', () => {
  const evilConfig = [
    'custom:',
    '  - id: acme/evil',
    '    pillar: security',
    '    title: Evil pattern',
    '    severity: high',
    '    weight: 50',
    '    require:',
    '      contains: { files: ["**/*.txt"], pattern: "^(a+)+$" }',
    '',
  ].join('\n');

  it('a catastrophic custom pattern from a discovered config is interrupted at its budget; the rule is an error in every format and fails the gates', async () => {
    // 2^40 backtracking steps: without a hard limit this never ends, on any machine.
    const root = writeTree(tempDir(), {
      '.readiness.yml': evilConfig,
      'a.txt': `${'a'.repeat(40)}!\n`,
      'app.py': 'x=1\n',
    });
    const json = await cli(['audit', root, '--format', 'json', '--fail-on', 'high', '--min-score', '1']);
    expect(json.code, json.stderr).toBe(1);
    const r = JSON.parse(json.stdout) as Report;
    const evil = r.pillars.flatMap((p) => p.rules).find((x) => x.id === 'security/acme/evil')!;
    expect(evil.outcome).toBe('error');
    expect(evil.message).toMatch(/did not finish within its time budget of \d+ ms on a\.txt/);
    expect(r.summary.counts.error).toBe(1);
    const failOn = r.gates.checks.find((c) => c.kind === 'fail-on')!;
    expect(failOn.passed).toBe(false);
    expect(failOn.actual).toContain('security/acme/evil (high, error)');
    // The score gate counts the errored rule as 0: it cannot raise the score the gate compares.
    const minScore = r.gates.checks.find((c) => c.kind === 'min-score')!;
    expect(Number(minScore.actual)).toBeLessThan(r.summary.score!);
    expect(minScore.message).toMatch(/1 rule errored and counts as failed here/);
    const md = await cli(['audit', root, '--format', 'md']);
    expect(md.stdout).toMatch(/1 error/);
    const term = await cli(['audit', root]);
    expect(term.stdout).toMatch(/1 error/);
    const sarif = JSON.parse((await cli(['audit', root, '--format', 'sarif'])).stdout);
    expect(JSON.stringify(sarif.runs[0].invocations)).toContain('security/acme/evil could not be assessed');
  });

  it("250 KB runs of tabs, spaces, newlines and CRLF behind every pattern's literals scan in linear time (a file of tabs took minutes)", async () => {
    // Literals that open the pre-filters of most built-in patterns, then the runs that made
    // `^\s*-?\s*name:` (cubic on newlines) and friends backtrack.
    const bait =
      'retry( Retry name: resilience4j AWS:: Type: access_control role_hierarchy thresholds readiness-ignore x -- y';
    const runs = [
      '\t'.repeat(250_000),
      ' '.repeat(250_000),
      '\n'.repeat(250_000),
      '\r\n'.repeat(125_000),
      ' \t\n'.repeat(80_000),
    ];
    const files: Record<string, string> = {};
    const names = [
      'a.yml',
      'b.py',
      'c.js',
      'D.java',
      'e.cs',
      'f.php',
      'g.tf',
      'h.go',
      'i.rb',
      'Dockerfile',
      'j.md',
      'k.json',
      'l.ts',
      'm.rs',
    ];
    names.forEach((n, i) => {
      files[`src/${n}`] = `${bait}\n${runs[i % runs.length]}${bait}\n`;
    });
    // The rules' wall-clock limit (10 s by default) is lifted so that a busy machine cannot turn a
    // slow linear run into an error outcome: the test's own time limit is the bound.
    files['.readiness.yml'] = 'ruleTimeoutMs: 200000\n';
    const root = writeTree(tempDir(), files);
    // No timing assertion. A pattern past its budget would show as an error outcome (or a note):
    // there is none.
    const r = await cli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(
      report.pillars
        .flatMap((p) => p.rules)
        .filter((x) => x.outcome === 'error')
        .map((x) => x.message),
    ).toEqual([]);
    expect(report.notes.join(' ')).not.toMatch(/time budget|did not finish/);
  });

  it('verify: long label lines and digit runs are linear (a 1 KB line under "Missing" took minutes; 100 KB of "1," took 20 s)', async () => {
    const root = writeTree(tempDir(), { 'a.py': 'x = 1\n' });
    const doc = join(tempDir(), 'READINESS.md');
    const lines = [
      '# Readiness',
      `**Missing${' '.repeat(100_000)}x:x`,
      `## Next steps${' \t'.repeat(50_000)}: ** : x`,
      `**Label**${' '.repeat(100_000)}x`,
      `${'1,'.repeat(50_000)} tests`,
      `${'1,'.repeat(30_000)} / ${'2,'.repeat(30_000)} tests passing`,
      '- ✅ CI pipeline',
    ];
    writeFileSync(doc, `${lines.join('\n')}\n`);
    // The test's own 60 s limit is the bound: before the fix this document did not finish in it.
    const r = await cli(['verify', doc, root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).claims.length).toBeGreaterThan(0);
  });

  it('a README of 200,000 lone `$` lines beside an npm package with a command is read in linear time (quadratic before: minutes)', async () => {
    const root = writeTree(tempDir(), {
      'package.json': JSON.stringify({
        name: 'tool',
        version: '1.0.0',
        bin: { tool: 'cli.js' },
        exports: './index.js',
      }),
      'index.js': 'export const x = 1;\n',
      'cli.js': 'console.log(1);\n',
      'README.md': `# tool\n\n\`\`\`js\nimport { x } from "tool";\n\`\`\`\n${'$\n'.repeat(200_000)}`,
    });
    // The test's own time limit is the bound (no timing assertion): before the fix this took minutes.
    const r = await cli(['audit', root, '--format', 'json'], { spawn: true });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    // The README imports the package and never runs the command: a library with a side tool.
    expect(report.repository.profile.id).toBe('library');
  });

  it('verify: thousands of "every route" lines against a hundred large route files stop at a byte budget (half a minute before, minutes on larger trees)', async () => {
    const handler = `router.get('/x', (req, res) => res.send(1));\n${'// a handler file with nothing else on this line\n'.repeat(800)}`;
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'x', dependencies: { express: '4', 'express-rate-limit': '7' } }),
      'src/app.js':
        "const rateLimit = require('express-rate-limit');\nconst limiter = rateLimit({ max: 5 });\nmodule.exports = limiter;\n",
    };
    for (let i = 0; i < 100; i++) files[`src/routes/r${i}.js`] = handler;
    const root = writeTree(tempDir(), files);
    const doc = join(tempDir(), 'READINESS.md');
    const lines = Array.from(
      { length: 2000 },
      (_, i) => `- ✅ All routes are rate limited with express-rate-limit and limiter${i}()`,
    );
    writeFileSync(doc, `# Readiness\n\n## Security\n${lines.join('\n')}\n`);
    // The test's own time limit is the bound (no timing assertion).
    const r = await cli(['verify', doc, root, '--format', 'json'], { spawn: true });
    expect(r.code, r.stderr).toBe(0);
    const claims = JSON.parse(r.stdout).claims as Array<{ verdict: string; reason: string }>;
    expect(claims).toHaveLength(2000);
    // Lines past the budget stay open and say why; none is decided from a partial count.
    const open = claims.filter((c) => /budget for counting route files/.test(c.reason));
    expect(open.length).toBeGreaterThan(1900);
    expect(open.every((c) => c.verdict === 'unverifiable')).toBe(true);
  });

  it('commands, scripts, hooks and targets named after JavaScript built-ins (constructor, toString, __proto__) do not crash the command graph', async () => {
    const root = writeTree(tempDir(), {
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: constructor x\n      - run: toString y\n      - run: npm run constructor\n      - run: make constructor toString\n      - run: npx constructor\n',
      'package.json': '{"name":"x","scripts":{"test":"constructor","constructor":"toString","__proto__":"x"}}',
      'grumphp.yml': 'grumphp:\n  tasks:\n    constructor: ~\n    toString: ~\n',
      Makefile: 'constructor:\n\tconstructor x\ntoString:\n\t$(call constructor)\n',
      'Cargo.toml':
        '[package]\nname = "x"\n[dev-dependencies.cargo-husky]\nversion = "1"\nfeatures = ["constructor", "toString"]\n',
    });
    const r = await cli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const ci = report.pillars.flatMap((p) => p.rules).find((x) => x.id === 'quality/tests-in-ci')!;
    // No built-in is taken for a test runner: the steps run nothing this tool knows.
    expect(ci.outcome).not.toBe('pass');
    expect(ci.outcome).not.toBe('error');
  });

  it('names of JavaScript built-ins anywhere a repository writes a name (hook ids, dependencies, keys, routes, claim words) reach no Object.prototype member', async () => {
    const b = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const root = writeTree(tempDir(), {
      // `id: constructor` in a pre-commit config crashed the command graph ("argv is not iterable").
      '.pre-commit-config.yaml': `repos:\n- repo: local\n  hooks:\n${b.map((n) => `  - id: ${n}\n`).join('')}`,
      '.github/workflows/ci.yml':
        'on: {push: {}, constructor: {}}\njobs:\n  constructor:\n    runs-on: constructor\n    environment: __proto__\n    steps:\n      - uses: constructor/__proto__@toString\n        with: {constructor: valueOf, action: constructor}\n      - run: pre-commit run --all-files && npm test\n',
      'package.json': JSON.stringify({
        name: 'x',
        scripts: { test: 'jest', constructor: 'toString' },
        dependencies: Object.fromEntries(b.map((n) => [n, '1.0.0'])),
      }),
      'src/server.js': `${b.map((n) => `app.get('/${n}', h); x(process.env.${n});`).join('\n')}\n`,
      'app/views.py': `${b.map((n) => `import ${n}\nos.environ["${n}"]`).join('\n')}\n`,
      'requirements.txt': `${b.map((n) => `${n}==1.0`).join('\n')}\n`,
      'docker-compose.yml':
        'services:\n  constructor:\n    image: x\n    depends_on: [__proto__]\n  __proto__:\n    image: y\n',
      Dockerfile: 'FROM constructor AS __proto__\nFROM __proto__\nENTRYPOINT ["constructor", "toString"]\n',
      'main.tf':
        'resource "constructor" "__proto__" { constructor = var.__proto__ }\nvariable "__proto__" { default = 1 }\n',
      'values.yaml': 'constructor: 1\nreplicaCount: __proto__\n',
      'tests/a.test.js': 'describe("constructor", () => { it("__proto__", () => {}); });\n',
      'README.md': '# constructor\n\n## __proto__\n',
      'doc.md': `# Readiness\n${b.map((n) => `- ✅ ${n} implemented in \`src/${n}.ts\`, ${n} tests: 12 passing\n- ❌ No ${n} endpoint /${n}\n- [x] ${n} upgraded to ${n} 5.0\n`).join('')}`,
    });
    const report = await auditAll(root, ['--profile', 'service']);
    expect(JSON.stringify(report)).not.toMatch(/native code|function Object|\[object Object\]/);
    // Each test case is counted once: the built-in names are plain names.
    const present = report.pillars.flatMap((p) => p.rules).find((x) => x.id === 'quality/tests-present')!;
    expect(present.message).toMatch(/^1 test case in 1 test file/);
    // "s.toLowerCase is not a function": verify looked claim words up in a plain alias table.
    const v = await cli(['verify', join(root, 'doc.md'), root, '--format', 'json']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).not.toMatch(/native code|function Object/);
  });

  it('names holding pattern syntax (jobs, Make targets, scripts, Helm variables, compose services, matrix keys, XML properties, grunt tasks) are names: audit and verify finish', async () => {
    // A name inserted into a pattern unescaped throws "Invalid regular expression" (a grunt task
    // `a(b` stopped the whole audit) or backtracks on a crafted `(a+)+`.
    for (const n of ['(a+)+$[\\', 'x)a(b']) {
      const q = JSON.stringify(n);
      const root = writeTree(tempDir(), {
        '.github/workflows/ci.yml': [
          'on: push',
          'jobs:',
          `  ${q}:`,
          `    name: ${q}`,
          '    runs-on: ubuntu-latest',
          '    strategy:',
          '      matrix:',
          `        ${q}: [a, b]`,
          `        node: [${q}]`,
          '    env:',
          '      FOO: ${{ matrix.node }}',
          '    steps:',
          '      - run: echo ${{ matrix.node }} $FOO',
          `      - run: npm run ${q}`,
          `      - run: make ${q}`,
          '      - run: npx grunt test',
          `      - run: tox -e ${q}`,
          '  deploy:',
          `    needs: [${q}]`,
          '    runs-on: ubuntu-latest',
          `    environment: ${q}`,
          '    steps:',
          '      - run: echo deploy',
          '',
        ].join('\n'),
        Makefile: `.PHONY: ${n}\n${n}:\n\techo hi\ntest: ${n}\n\tpytest\n`,
        'package.json': JSON.stringify({
          name: n,
          bin: { [n]: 'x.js' },
          exports: './x.js',
          scripts: { [n]: 'jest', test: `npm run ${q}` },
          husky: { hooks: { 'pre-commit': `npm run ${q}` } },
        }),
        'Gruntfile.js': `module.exports = function (grunt) {\n  grunt.initConfig({ ${q}: { a: 1 } });\n  grunt.registerTask('test', [${q}, 'shell:' + ${q}]);\n};\n`,
        'docker-compose.yml': `services:\n  ${q}:\n    image: ${q}\n    build: .\n    ports: ["8080:80"]\n`,
        'chart/Chart.yaml': `apiVersion: v2\nname: ${q}\nversion: 0.1.0\n`,
        'chart/values.yaml': `${q}:\n  replicas: 2\ncomponents:\n  ${q}:\n    resources: {}\n`,
        'chart/templates/dep.yaml': `{{- range $k, $v := .Values.components }}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ $k }}\nspec:\n  replicas: {{ .Values.${n}.replicas }}\n  template:\n    spec:\n      containers:\n        - name: {{ $${n} }}\n          image: "{{ $v.image }}"\n{{- end }}\n`,
        'pom.xml': `<project><properties><${n}>1</${n}><skipTests>\${${n}}</skipTests></properties><dependencies><dependency><groupId>${n}</groupId><artifactId>${n}</artifactId><version>\${${n}}</version></dependency></dependencies></project>\n`,
        'tox.ini': `[tox]\nenvlist = ${n}\n[testenv:${n}]\ncommands = pytest\n`,
        'pyproject.toml': `[project]\nname = ${q}\n[project.scripts]\n${q} = "pkg.cli:main"\n[tool.poe.tasks]\n${q} = "pytest"\n`,
        '.travis.yml': `language: node_js\njobs:\n  include:\n    - name: ${q}\n      script: npm run ${q}\n`,
        '.pre-commit-config.yaml': `repos:\n  - repo: local\n    hooks:\n      - id: ${q}\n        name: ${q}\n        entry: ${q}\n        language: system\n`,
        'x.js': 'console.log(1);\n',
      });
      const report = await auditAll(root);
      expect(report.pillars.length).toBeGreaterThan(0);
      const doc = join(root, 'READINESS.md');
      writeFileSync(
        doc,
        [
          '# Readiness',
          `- CI job \`${n}\` runs the tests`,
          `- \`npm run ${n}\` and \`make ${n}\``,
          `- compose service \`${n}\`, Helm value \`.Values.${n}\`, matrix key \`${n}\``,
          `- Maven property \`<${n}>\``,
          `- 3 calls of \`${n}\``,
          '',
        ].join('\n'),
      );
      const v = await cli(['verify', doc, root, '--format', 'json']);
      expect(v.code, v.stderr).toBe(0);
      expect(JSON.parse(v.stdout).claims.length).toBeGreaterThan(0);
    }
  });

  it('huge manifests are scanned a few times each, not once per dependency (a search per dependency: three 1 MB package.json and composer.json cost 136 s in facts)', () => {
    // Work counted in characters scanned, not in time: a lookup per dependency scans the manifest
    // thousands of times over, whatever the machine's speed.
    const n = 6000;
    const files: Record<string, string> = {};
    for (const d of ['a', 'b']) {
      const deps = (prefix: string, count: number) =>
        Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}-${d}-${i}`, '^1.0.0']));
      files[`${d}/package.json`] = JSON.stringify(
        { name: d, dependencies: deps('pkg', n), devDependencies: deps('dev', 1000) },
        null,
        2,
      );
      files[`${d}/composer.json`] = JSON.stringify({ require: deps('vendor/p', n) }, null, 2);
      files[`${d}/Cargo.toml`] =
        `[package]\nname = "x"\n[dependencies]\n${Array.from({ length: n }, (_, i) => `crate-${i} = "1"`).join('\n')}\n`;
      files[`${d}/requirements.txt`] = `${Array.from({ length: n }, (_, i) => `lib-${i}==1.0`).join('\n')}\n`;
      files[`${d}/pyproject.toml`] =
        `[project]\nname = "p${d}"\ndependencies = [\n${Array.from({ length: n }, (_, i) => `  "py-${i}>=1",`).join('\n')}\n]\n`;
    }
    const size = Object.values(files).reduce((sum, t) => sum + t.length, 0);
    const before = offsetStats.scanned;
    const { manifests, dependencies } = parseManifests(memoryIndex(files as Tree));
    const scanned = offsetStats.scanned - before;
    expect(manifests.filter((m) => m.ok)).toHaveLength(10);
    const declared = (path: string) => dependencies.filter((x) => x.path === path);
    expect(declared('a/package.json')).toHaveLength(n + 1000);
    expect(declared('b/composer.json')).toHaveLength(n);
    expect(declared('a/Cargo.toml')).toHaveLength(n);
    expect(declared('b/requirements.txt')).toHaveLength(n);
    expect(declared('a/pyproject.toml')).toHaveLength(n);
    // Each dependency still points at its own line.
    expect(declared('a/package.json').find((x) => x.name === `pkg-a-${n - 1}`)?.line).toBe(n + 3);
    expect(declared('b/composer.json').find((x) => x.name === `vendor/p-b-${n - 1}`)?.line).toBe(n + 2);
    expect(declared('a/Cargo.toml').find((x) => x.name === `crate-${n - 1}`)?.line).toBe(n + 3);
    expect(declared('b/pyproject.toml').find((x) => x.name === `py-${n - 1}`)?.line).toBe(n + 3);
    expect(scanned).toBeGreaterThan(0);
    expect(scanned).toBeLessThanOrEqual(4 * size);
  });

  it('a Pulumi program of 100,000 unclosed calls or 20,000 nested workload objects is read in one pass (40 s and minutes before)', () => {
    const header = 'import * as k8s from "@pulumi/kubernetes";\n';
    const files = memoryIndex({
      'Pulumi.yaml': 'name: x\nruntime: nodejs\n',
      'stores.ts': `${header}${'new Redis('.repeat(100_000)}`,
      'nested.ts': `${header}${'x({image: 1, limits: 1, a: '.repeat(20_000)}`,
    } as Tree);
    const facts = pulumi(files);
    // Each file contributes a bounded number of findings; the first are kept.
    expect(facts.dataStores.filter((d) => d.path === 'stores.ts')).toHaveLength(200);
    expect(facts.workloads.filter((w) => w.path === 'nested.ts')).toHaveLength(200);
    expect(facts.workloads[0]!.line).toBe(2);
    // A call's text still ends at its own closing parenthesis.
    expect(callText('f(a(b), c) d', 1)).toBe('(a(b), c)');
    expect(callText('f(a(b, c', 1)).toBe('(a(b, c');
  });

  it('a CI script of 40,000 commands: the walk stops at its bound and the report says so (it was silent)', async () => {
    const root = writeTree(tempDir(), {
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash ci.sh\n',
      'ci.sh': 'echo step\n'.repeat(40_000),
      'package.json': '{"name":"x","scripts":{"test":"vitest run"}}\n',
    });
    const json = await inProcess(['audit', root, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const report = reportSchema.parse(JSON.parse(json.stdout)) as Report;
    expect(report.notes.join('\n')).toMatch(/CI commands were followed up to \d[\d,]* (?:steps|commands)/);
  });

  it('lines that run on in spaces with no ending (Rake tasks, package scripts, a Go CORS block) are read in one pass: no rule errors', async () => {
    const pad = ' '.repeat(100_000);
    const root = writeTree(tempDir(), {
      Rakefile: `task${pad}!\ntask :spec do\n  sh "rspec"\nend\n`,
      'package.json': `{\n  "name": "x",\n  "scripts": {\n    "audit": "npm audit"${pad}!\n  }\n}\n`,
      'go.mod': 'module example.com/x\n\ngo 1.22\n\nrequire github.com/labstack/echo/v4 v4.11.0\n',
      'main.go': `package main\n\nfunc main() {\n\te.Use(middleware.CORSWithConfig(middleware.CORSConfig{\n\t\tAllowMethods: nil,\n\t}))${pad}!\n}\n`,
    });
    const json = await inProcess(['audit', root, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const report = reportSchema.parse(JSON.parse(json.stdout)) as Report;
    const errors = report.pillars.flatMap((p) => p.rules).filter((r) => r.outcome === 'error');
    expect(errors.map((r) => `${r.id}: ${r.message}`)).toEqual([]);
  });

  it('config numbers outside sane bounds are one exit-2 line (a 2^32 ms rule limit made every rule an error; 4 GB files an internal error)', async () => {
    for (const [line, why] of [
      ['ruleTimeoutMs: 4294967296', /ruleTimeoutMs: Too big: expected number to be <=600000/],
      ['ruleTimeoutMs: 0', /ruleTimeoutMs: Too small/],
      ['maxFileBytes: 4000000000', /maxFileBytes: Too big: expected number to be <=67108864/],
      ['maxFileBytes: -1', /maxFileBytes: Too small/],
    ] as const) {
      const root = writeTree(tempDir(), { '.readiness.yml': `${line}\n`, 'a.py': 'x = 1\n' });
      oneLineRefusal(await cli(['audit', root, '--format', 'json']), why);
    }
  });

  it('the same rule, erroring, fails --fail-on where a pass would not: a crafted file cannot lift the gate', async () => {
    const clean = writeTree(tempDir(), { '.readiness.yml': evilConfig, 'a.txt': 'aaaa\n' });
    const ok = JSON.parse(
      (await cli(['audit', clean, '--format', 'json', '--only', 'security/acme/evil', '--fail-on', 'high'])).stdout,
    ) as Report;
    expect(ok.pillars.flatMap((p) => p.rules).map((x) => x.outcome)).toEqual(['pass']);
    expect(ok.gates.passed).toBe(true);
    writeFileSync(join(clean, 'crafted.txt'), `${'a'.repeat(40)}!\n`);
    const crafted = await cli([
      'audit',
      clean,
      '--format',
      'json',
      '--only',
      'security/acme/evil',
      '--fail-on',
      'high',
    ]);
    expect(crafted.code).toBe(1);
    expect(crafted.stderr).toMatch(
      /gate failed: 1 failed or errored rule of severity high or higher: security\/acme\/evil \(high, error\)/,
    );
  });
});

describe('nothing lost', () => {
  it('a run killed mid-write or before its rename leaves the previous report intact', async () => {
    // Killed at an exact point of the write (a preload kills the process there), not after a
    // timer: the outcome cannot depend on how fast the machine is.
    const root = writeTree(tempDir(), { 'tests/test_a.py': 'def test_a():\n    pass\n', 'README.md': '# x\n' });
    const outDir = tempDir();
    const out = join(outDir, 'report.json');
    writeFileSync(out, '{"previous": true}');
    const preload = join(import.meta.dirname, 'helpers', 'die-mid-write.cjs');
    for (const at of ['write', 'rename']) {
      const child = spawn('node', ['--require', preload, BIN, 'audit', root, '--output', out], {
        stdio: 'ignore',
        env: { ...process.env, READINESS_DIE_AT: at },
      });
      const signal = await new Promise((r) => child.on('exit', (_code, sig) => r(sig)));
      expect(signal, at).toBe('SIGKILL'); // it did die where it was told to
      expect(readFileSync(out, 'utf8'), at).toBe('{"previous": true}');
      // What a killed run can leave is its own hidden temporary file, never a torn report.
      expect(
        readdirSync(outDir)
          .filter((f) => f !== 'report.json')
          .every((f) => /^\.report\.json\..*\.tmp$/.test(f)),
      ).toBe(true);
    }
    const done = await cli(['audit', root, '--output', out]);
    expect(done.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(2);
  });
});
