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
import { reportSchema, type Report } from '../src/report/schema.js';
import { BIN, cli as inProcess, spawnCli } from './helpers/cli.js';
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
    expect(p.notes.join(' ')).toMatch(/git ls-files failed .* listed with the file walker/);
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

describe('nothing lost', () => {
  it('a run killed mid-write leaves the previous report intact and no temporary file', async () => {
    const big = writeTree(
      tempDir(),
      Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`tests/test_m${i}.py`, 'def test_a():\n    pass\n'])),
    );
    const outDir = tempDir();
    const out = join(outDir, 'report.json');
    writeFileSync(out, '{"previous": true}');
    for (const delay of [50, 150, 300, 450, 600, 800]) {
      const child = spawn('node', [BIN, 'audit', big, '--output', out], { stdio: 'ignore' });
      // Listen before waiting: a run that ends within the delay must not leave this test hanging.
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const text = readFileSync(out, 'utf8');
      // Either the old report or a complete new one — never a torn file.
      expect(() => JSON.parse(text)).not.toThrow();
      expect(readdirSync(outDir).filter((f) => f.endsWith('.tmp')).length).toBeLessThanOrEqual(1);
    }
    const done = await inProcess(['audit', big, '--output', out]);
    expect(done.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(2);
  });
});
