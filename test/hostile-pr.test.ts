/**
 * A hostile pull request (issue 14, second round): the repository runs `readiness audit --fail-on
 * high` on every pull request and posts the Markdown as a comment; the attacker writes the pull
 * request. Each attack is planted in a tree and run through the real CLI.
 *
 * The attacks, one line each:
 * - globs in a committed config (every key that holds one) and in repository files (workspaces)
 *   that backtrack for hours, overflow the stack or expand without end: refused, or matched in
 *   bounded time; a .gitignore that hangs the file walker: its line is not honoured, with a note.
 * - a reader that closes the pipe (`| head -3`) on stdout or stderr, for every command: no stack
 *   trace ("Unhandled 'error' event … write EPIPE"), the exit code the run decided.
 * - a repository whose git reads objects or refs outside the root (objects/info/alternates, absolute,
 *   relative or chained; `objects` a link; the branch HEAD names a link or a FIFO; grafts or
 *   shallow a FIFO): git is not used, the walker lists, and a note says why.
 * - @user, @org/team, #123, GH-123 and owner/repo#123 in custom-rule prose, suppression reasons,
 *   workspace names, evidence notes and a verified document: no mention or issue reference in
 *   any Markdown output (report, summary, verify, diff) or SARIF text, as GitHub would find them.
 * - the pull request's own .readiness.yml (rules off, a suppression, ignore, a profile), an inline
 *   readiness-ignore marker, a --baseline kept in the tree: each can lift a gate, and each is
 *   named as a warning in the gates; a trusted --config (inlineSuppressions: false) keeps them.
 * - aggregate CSV: `x;=1+1` is no formula in a spreadsheet whose list separator is `;`.
 * - a template kept in the repository: its partials never read through a link (a file outside,
 *   /proc/self/environ), a FIFO or /dev/zero; old Handlebars prototype payloads run nothing.
 * - 250,000 empty YAML documents, flow nesting 300,000 deep (CI, compose, Kubernetes, config);
 *   .gitmodules command URL and update command; __proto__/constructor keys everywhere; XML
 *   entity bombs and external entities in --junit/--coverage; a hostile branch name; a 900 KB
 *   one-line bundle; NUL bytes in config text; a .gitignore that keeps git busy for minutes;
 *   folders 1,000 deep under the names the built-in globs look for.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/schema.js';
import { markdownToHtml } from './helpers/markup.js';
import { BIN, cli, fixture, spawnCli } from './helpers/cli.js';
import { tempDir, writeTree } from './helpers/tree.js';

/** Exit 2 with exactly one line on stderr, matching `why`. */
function oneLineRefusal(r: { code: number; stdout: string; stderr: string }, why: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(why);
}

function deepFolder(root: string, depth: number, segment = 'a'): string {
  const dir = join(root, ...Array(depth).fill(segment));
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('hostile pull request: globs', () => {
  let nested = 'x';
  for (let i = 0; i < 12_000; i++) nested = `{a${i % 10},${nested}}`;
  const attacks: [string, RegExp][] = [
    ['+(a|aa)+(a|aa)+(a|aa)+(a|aa)+(a|aa)+(a|aa)', /more than 3 repeating wildcards/],
    ['*a*a*a*a*a*a*a*a*a*a*b', /more than 3 repeating wildcards/], // 2^n on a 40-character name
    ['*(a*)*b', /a wildcard inside a group/],
    [nested, /longer than 512 characters/], // was: a stack overflow, an internal error
    ['{a,{b,{c,{d,{e,{f,{g,h}}}}}}}', /braces nested more than 5 deep/],
  ];
  const configs: [string, (g: string) => string][] = [
    ['ignore.0', (g) => `ignore: [${JSON.stringify(g)}]\n`],
    [
      'suppressions.0.paths.1',
      (g) => `suppressions:\n  - rule: security/x\n    reason: r\n    paths: ["ok/**", ${JSON.stringify(g)}]\n`,
    ],
    [
      'custom.0.require.files.0',
      (g) =>
        `custom:\n  - id: a/b\n    pillar: security\n    title: t\n    require: { files: [${JSON.stringify(g)}] }\n`,
    ],
    [
      'custom.0.require.contains.files.0',
      (g) =>
        `custom:\n  - id: a/b\n    pillar: security\n    title: t\n    require: { contains: { files: [${JSON.stringify(g)}], pattern: x } }\n`,
    ],
    ['packages.0', (g) => `packages: [${JSON.stringify(g)}]\n`],
  ];

  it('a committed config: every glob key refuses a hostile glob in one exit-2 line naming the key', async () => {
    for (const [key, yaml] of configs)
      for (const [glob, why] of attacks) {
        const root = writeTree(tempDir(), { '.readiness.yml': yaml(glob), 'a.py': 'x = 1\n' });
        const r = await cli(['audit', root, '--format', 'json']);
        oneLineRefusal(r, new RegExp(`^readiness: \\.readiness\\.yml: ${key.replace(/\./g, '\\.')}: glob refused: `));
        expect(r.stderr).toMatch(why);
      }
  });

  it('globs in repository files (workspaces) cannot crash or hang the audit (nested braces were an internal error)', async () => {
    const root = writeTree(tempDir(), {
      'package.json': JSON.stringify({
        name: 'x',
        workspaces: [nested, '*a*a*a*a*a*a*a*a*a*a*b/*', '**/a/**/a/**/a/**/a/**/b', 'packages/*'],
      }),
      'packages/p/package.json': JSON.stringify({ name: 'p' }),
      [`${'a'.repeat(40)}/package.json`]: JSON.stringify({ name: 'bait' }),
    });
    writeFileSync(join(deepFolder(root, 600), 'package.json'), JSON.stringify({ name: 'deep' }));
    const r = await spawnCli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.pillars.flatMap((p) => p.rules).filter((x) => x.outcome === 'error')).toEqual([]);
  });

  it('an accepted glob whose wildcards would multiply stays bounded on a tree built for it', async () => {
    // Four globstars and wildcard segments: as one regex, 0.2 s per path 1,000 folders deep (80 s
    // for these 400 files, past the test's limit); matched segment by segment, well within it.
    const glob = '**/*a*/**/*a*/**/*a*/**/b';
    expect(glob.split('**').length - 1).toBe(4);
    const root = writeTree(tempDir(), {
      '.readiness.yml': `custom:\n  - id: a/b\n    pillar: security\n    title: t\n    severity: high\n    require: { files: [${JSON.stringify(glob)}] }\n`,
    });
    const deep = deepFolder(root, 1000);
    for (let i = 0; i < 400; i++) writeFileSync(join(deep, `f${i}`), 'x\n');
    const r = await spawnCli(['audit', root, '--format', 'json', '--only', 'security/a/b', '--fail-on', 'high']);
    expect(r.code, r.stderr).toBe(1); // no file named b: the rule fails, and so does the gate
    const rule = (JSON.parse(r.stdout) as Report).pillars.flatMap((p) => p.rules)[0]!;
    expect(rule.outcome).toBe('fail');
  });

  it('a .gitignore line that hangs the file walker (17 s per path, over 2 minutes here) is not honoured, with a note', async () => {
    const root = writeTree(tempDir(), {
      '.gitignore': '**/a/**/a/**/b\n*.log\n',
      'keep.log': '',
      'app.py': 'x = 1\n',
    });
    writeFileSync(join(deepFolder(root, 1000), 'x.py'), 'y = 2\n');
    const r = await spawnCli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.stats.filesListed).toBe(3); // .gitignore, app.py and the deep x.py; *.log still ignored
    expect(report.notes.join(' ')).toMatch(/1 \.gitignore line\(s\) with more than one \*\* .* were not honoured/);
  });
});

/** Runs the launcher with the read end of stdout or stderr closed at once; the other is captured. */
function withClosedPipe(args: string[], closed: 'stdout' | 'stderr'): Promise<{ code: number | null; other: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    child[closed].destroy(); // the reader is gone before the first write
    let other = '';
    child[closed === 'stdout' ? 'stderr' : 'stdout'].on('data', (d) => {
      other += d;
    });
    child.on('close', (code) => resolve({ code, other }));
  });
}

describe('hostile pull request: a reader that stops reading', () => {
  it('every command, stdout closed: no stack trace, the exit code of the run', async () => {
    const root = fixture('node-service');
    const report = join(tempDir(), 'r.json');
    writeFileSync(report, (await cli(['audit', root, '--format', 'json'])).stdout);
    const doc = join(tempDir(), 'READINESS.md');
    writeFileSync(doc, '# Status\n\n- ✅ CI pipeline\n- ✅ Dockerfile\n');
    const commands: [string[], number][] = [
      [['audit', root], 0],
      [['audit', root, '--format', 'json'], 0],
      [['audit', root, '--format', 'md', '--min-score', '100'], 1], // a failed gate stays a failed gate
      [['audit', root, '--format', 'sarif'], 0],
      [['verify', doc, root], 0],
      [['verify', doc, root, '--format', 'json'], 0],
      [['diff', report, report], 0],
      [['render', report, '--format', 'html'], 0],
      [['aggregate', report, '--format', 'csv'], 0],
      [['explain', 'security/no-committed-secrets'], 0],
      [['rules', '--format', 'json'], 0],
      [['schema', 'report'], 0],
      [['--help'], 0],
    ];
    for (const [args, code] of commands) {
      const r = await withClosedPipe(args, 'stdout');
      expect(r.other, args.join(' ')).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
      expect(r.code, `${args.join(' ')}: ${r.other}`).toBe(code);
    }
  });

  it('stderr closed (timings, gate lines, an error line): no crash, the exit code of the run', async () => {
    const root = fixture('node-service');
    for (const [args, code] of [
      [['audit', root, '--format', 'json', '--timings'], 0],
      [['audit', root, '--format', 'json', '--min-score', '100'], 1],
      [['audit', join(root, 'missing')], 2],
    ] as const) {
      const r = await withClosedPipe([...args], 'stderr');
      expect(r.code, args.join(' ')).toBe(code);
    }
  });
});

/** A repository committed once, with `files` in its work tree. */
function gitRepo(files: Record<string, string>, root = tempDir()): string {
  writeTree(root, files);
  const g = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=a@b.c', '-c', 'user.name=a', ...args], { cwd: root, stdio: 'pipe' });
  g('init', '-q');
  g('add', '.');
  g('commit', '-qm', 'init');
  return root;
}

describe('hostile pull request: git that reads outside the root', () => {
  it('alternates, a linked objects folder, a linked or FIFO branch ref, FIFO grafts: git not used, with a note', async () => {
    const outside = gitRepo({ 'outside-secret.py': 'x = 1\n' });
    const outsideObjects = join(outside, '.git', 'objects');
    const cases: [string, (root: string) => string, RegExp][] = [
      [
        'a clone --shared (absolute alternates)',
        (dir) => {
          execFileSync('git', ['clone', '-q', '--shared', outside, dir]);
          return dir;
        },
        /alternates names an object store outside the audited folder/,
      ],
      [
        'relative alternates, reached through a store inside the root',
        (dir) => {
          const root = gitRepo({ 'mine.py': 'y = 2\n' }, dir);
          mkdirSync(join(root, 'store', 'info'), { recursive: true });
          writeFileSync(join(root, '.git', 'objects', 'info', 'alternates'), '../../store\n');
          const rel = join('..', '..', '..', ...Array(20).fill('..'), outsideObjects);
          writeFileSync(join(root, 'store', 'info', 'alternates'), `${rel}\n`);
          return root;
        },
        /alternates names an object store outside the audited folder/,
      ],
      [
        'alternates as a FIFO (would hang git)',
        (dir) => {
          const root = gitRepo({ 'mine.py': 'y = 2\n' }, dir);
          execFileSync('mkfifo', [join(root, '.git', 'objects', 'info', 'alternates')]);
          return root;
        },
        /alternates is not a small regular file/,
      ],
      [
        '.git/objects a link to another repository',
        (dir) => {
          const root = gitRepo({ 'mine.py': 'y = 2\n' }, dir);
          rmSync(join(root, '.git', 'objects'), { recursive: true });
          symlinkSync(outsideObjects, join(root, '.git', 'objects'));
          return root;
        },
        /\.git\/objects is not a folder/,
      ],
      [
        'the branch HEAD names, a link out',
        (dir) => {
          const root = gitRepo({ 'mine.py': 'y = 2\n' }, dir);
          const ref = readFileSync(join(root, '.git', 'HEAD'), 'utf8')
            .replace(/^ref:\s*/, '')
            .trim();
          rmSync(join(root, '.git', ref));
          symlinkSync(join(outside, '.git', ref), join(root, '.git', ref));
          return root;
        },
        /\.git\/refs\/heads\/\S+ is not a regular file/,
      ],
      [
        'the branch HEAD names, a FIFO (would hang git)',
        (dir) => {
          const root = gitRepo({ 'mine.py': 'y = 2\n' }, dir);
          const ref = readFileSync(join(root, '.git', 'HEAD'), 'utf8')
            .replace(/^ref:\s*/, '')
            .trim();
          rmSync(join(root, '.git', ref));
          execFileSync('mkfifo', [join(root, '.git', ref)]);
          return root;
        },
        /is not a regular file/,
      ],
      [
        'info/grafts as a FIFO (would hang git)',
        (dir) => {
          const root = gitRepo({ 'mine.py': 'y = 2\n' }, dir);
          execFileSync('mkfifo', [join(root, '.git', 'info', 'grafts')]);
          return root;
        },
        /\.git\/info\/grafts is not a regular file/,
      ],
    ];
    for (const [name, plant, note] of cases) {
      const root = plant(join(tempDir(), 'repo'));
      const json = await cli(['audit', root, '--format', 'json']);
      expect(json.code, `${name}: ${json.stderr}`).toBe(0);
      const r = JSON.parse(json.stdout) as Report;
      expect(r.notes.join(' '), name).toMatch(note);
      expect(r.notes.join(' '), name).toMatch(/git not used: .*; listed with the file walker instead/);
      expect(r.repository.commit, name).toBeNull(); // nothing read from the other repository's objects
      expect(r.stats.filesListed, name).toBeGreaterThan(0);
    }
  });

  it("alternates inside the root are the repository's own: git is used", async () => {
    const root = gitRepo({ 'mine.py': 'y = 2\n' });
    // Move every object into a store inside the root and point git at it.
    renameSync(join(root, '.git', 'objects'), join(root, 'store'));
    mkdirSync(join(root, '.git', 'objects', 'info'), { recursive: true });
    writeFileSync(join(root, '.git', 'objects', 'info', 'alternates'), '../../store\n');
    const r = JSON.parse((await cli(['audit', root, '--format', 'json'])).stdout) as Report;
    expect(r.notes.join(' ')).not.toMatch(/git/);
    expect(r.repository.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

const PINGS = ['@octocat', '@acme/security-team', '#1', 'GH-12', 'acme/ledger#42', '(@root)', 'cc:@admins'];

/**
 * What GitHub would turn into a notification or a cross-reference in rendered HTML: @mentions
 * (`@user`, `@org/team`) and issue references (`#1`, `GH-1`, `owner/repo#1`) in text that is not
 * inside code, a link or a pre block (GitHub's own filters skip those).
 */
function githubReferences(html: string): string[] {
  const text = html
    .replace(/<(code|pre|a)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
  return [
    ...text.matchAll(/(?<![\w`])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w.-]*)?/g),
    ...text.matchAll(/(?<![\w&])(?:[\w.-]+\/[\w.-]+)?#\d+|\bGH-\d+/gi),
  ].map((m) => m[0]);
}

describe('hostile pull request: GitHub mentions and references', () => {
  const ping = PINGS.join(' ');
  function tree(): string {
    return writeTree(tempDir(), {
      '.readiness.yml': [
        'custom:',
        '  - id: acme/ping',
        '    pillar: operations',
        `    title: ${JSON.stringify(`Runbook for ${ping}`)}`,
        `    description: ${JSON.stringify(`Ask ${ping} about \`it\``)}`,
        `    remediation: ${JSON.stringify(`Write it, then tell ${ping}.`)}`,
        '    severity: high',
        '    require: { files: ["docs/runbook.md"] }',
        'suppressions:',
        '  - rule: security/security-policy',
        `    reason: ${JSON.stringify(`agreed with ${ping}`)}`,
        '',
      ].join('\n'),
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': JSON.stringify({ name: '@acme/security-team', version: '1.0.0' }),
      'README.md': `# ledger ${ping}\n`,
      'src/index.js': 'module.exports = 1;\n',
    });
  }

  it('the audit: md, summary and SARIF hold no mention or reference; JSON keeps the text as it was', async () => {
    const root = tree();
    const json = JSON.parse((await cli(['audit', root, '--format', 'json', '--packages'])).stdout) as Report;
    const rule = json.pillars.flatMap((p) => p.rules).find((r) => r.id === 'operations/acme/ping')!;
    expect(rule.title).toBe(`Runbook for ${ping}`); // the attack reached the report
    for (const format of ['md', 'summary']) {
      const md = (await cli(['audit', root, '--format', format, '--packages'])).stdout;
      expect(md).toContain('octocat');
      expect(githubReferences(markdownToHtml(md)), format).toEqual([]);
    }
    const sarif = JSON.parse((await cli(['audit', root, '--format', 'sarif'])).stdout);
    const texts: string[] = [];
    // Messages and rule help; a region's snippet is the file's own text, shown as code.
    JSON.stringify(sarif, (key, value) => {
      if (key === 'snippet') return undefined;
      if ((key === 'text' || key === 'markdown') && typeof value === 'string') texts.push(value);
      return value;
    });
    expect(texts.join(' ')).toContain('octocat');
    for (const t of texts) expect(githubReferences(markdownToHtml(t)), t).toEqual([]);
  });

  it("verify's Markdown and SARIF, and diff's Markdown: the same", async () => {
    const root = tree();
    const doc = join(root, 'READINESS.md');
    writeFileSync(
      doc,
      `# Readiness ${ping}\n\n- ❌ CI pipeline, owned by ${ping}\n- ✅ Kubernetes manifests ${ping}\n`,
    );
    for (const format of ['md', 'sarif']) {
      const out = (await cli(['verify', doc, root, '--format', format])).stdout;
      expect(out).toContain('octocat');
      const md =
        format === 'md'
          ? out
          : JSON.parse(out)
              .runs[0].results.map((r: { message: { text: string } }) => r.message.text)
              .join('\n\n');
      expect(githubReferences(markdownToHtml(md)), format).toEqual([]);
    }
    const report = join(tempDir(), 'r.json');
    writeFileSync(report, (await cli(['audit', root, '--format', 'json'])).stdout);
    const diff = (await cli(['diff', report, report, '--format', 'md'])).stdout;
    expect(githubReferences(markdownToHtml(diff))).toEqual([]);
  });

  it('the detector finds what GitHub would (so that the assertions above can fail)', () => {
    expect(githubReferences(markdownToHtml(`Ask ${ping} and \`@inside-code\``))).toEqual([
      '@octocat',
      '@acme/security-team',
      '@root',
      '@admins',
      '#1',
      'GH-12',
      'acme/ledger#42',
    ]);
  });
});

describe("hostile pull request: lifting the gate with the tree's own configuration", () => {
  const secret = 'AWS_KEY = "AKIAZ7VQ3MX5KJ2PLW4N"\n';
  const narrowings: [string, Record<string, string>, RegExp][] = [
    [
      'rules off',
      { '.readiness.yml': 'rules: {security/no-committed-secrets: off}\n' },
      /\.readiness\.yml switches off security\/no-committed-secrets/,
    ],
    [
      'a suppression',
      { '.readiness.yml': 'suppressions: [{rule: security/no-committed-secrets, reason: fine}]\n' },
      /suppresses security\/no-committed-secrets/,
    ],
    ['ignore', { 'readiness.config.json': '{"ignore": ["keys.py"]}' }, /readiness\.config\.json leaves out "keys\.py"/],
    ['a profile', { '.readiness.yml': 'profile: docs\n' }, /sets the profile to docs/],
    [
      'an always-passing custom rule of weight 100 (raises the score past --min-score)',
      {
        '.readiness.yml':
          'custom:\n  - {id: acme/always, pillar: security, title: Always, weight: 100, require: {files: ["**"]}}\npillars: {security: {weight: 100}}\n',
      },
      /reweights the pillar security; adds the rule acme\/always/,
    ],
    [
      'an inline marker',
      { 'keys.py': `# readiness-ignore security/no-committed-secrets -- test key\n${secret}` },
      /1 inline readiness-ignore marker hides security\/no-committed-secrets at keys\.py:1/,
    ],
  ];

  it('each lifts --fail-on critical only in plain sight: a warning in the gates of every format', async () => {
    for (const [name, files, why] of narrowings) {
      const root = writeTree(tempDir(), { 'keys.py': secret, 'app.py': 'print(1)\n', ...files });
      const r = await cli(['audit', root, '--format', 'json', '--fail-on', 'critical']);
      const report = JSON.parse(r.stdout) as Report;
      const warning = report.gates.checks.find((c) => c.kind === 'config');
      expect(warning?.message, name).toMatch(why);
      expect(warning?.message, name).toMatch(/a pull request can write it/);
      const summary = (await cli(['audit', root, '--format', 'summary', '--fail-on', 'critical'])).stdout;
      expect(summary, name).toMatch(
        new RegExp(`- ⚠️ evaluated with what the audited tree itself changes in them.*${why.source}`),
      );
      const term = (await cli(['audit', root, '--fail-on', 'critical'])).stdout;
      expect(term, name).toMatch(/! evaluated with what the audited tree itself changes in them/);
    }
  });

  it('a --baseline committed in the tree, rewritten by the pull request, lifts --fail-on-regression only in plain sight', async () => {
    const dependabot =
      'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    schedule: { interval: weekly }\n';
    const root = writeTree(tempDir(), {
      'app.py': 'print(1)\n',
      'requirements.txt': 'flask==3.0.0\n',
      '.github/dependabot.yml': dependabot,
    });
    const honest = JSON.parse((await cli(['audit', root, '--format', 'json'])).stdout) as Report;
    // The pull request removes automated dependency updates and rewrites the committed baseline to match.
    rmSync(join(root, '.github'), { recursive: true });
    const forged = JSON.parse((await cli(['audit', root, '--format', 'json'])).stdout) as Report;
    mkdirSync(join(root, '.readiness'));
    writeFileSync(join(root, '.readiness', 'baseline.json'), JSON.stringify(forged));
    const r = await cli([
      'audit',
      root,
      '--format',
      'json',
      '--baseline',
      join(root, '.readiness', 'baseline.json'),
      '--fail-on-regression',
    ]);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.score).toBeLessThan(honest.summary.score!); // a real regression…
    expect(r.code).toBe(0); // …that the forged baseline hides
    expect(report.gates.checks.find((c) => c.kind === 'config')?.message).toMatch(
      /the --baseline \S*baseline\.json is a file of the audited tree/,
    );
    // The same baseline from outside the tree (the last main build's artefact) carries no warning.
    const outside = join(tempDir(), 'baseline.json');
    writeFileSync(outside, JSON.stringify(honest));
    const fromMain = await cli(['audit', root, '--format', 'json', '--baseline', outside, '--fail-on-regression']);
    expect(fromMain.code).toBe(1);
    expect((JSON.parse(fromMain.stdout) as Report).gates.checks.some((c) => c.kind === 'config')).toBe(false);
  });

  it("with the base branch's configuration given by --config (inlineSuppressions: false), none of them lifts the gate", async () => {
    const trusted = join(tempDir(), 'base.yml');
    writeFileSync(trusted, 'inlineSuppressions: false\n');
    for (const [name, files] of narrowings) {
      const root = writeTree(tempDir(), { 'keys.py': secret, 'app.py': 'print(1)\n', ...files });
      const r = await cli(['audit', root, '--format', 'json', '--fail-on', 'critical', '--config', trusted]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(
        /gate failed: 1 failed rule of severity critical or higher: security\/no-committed-secrets/,
      );
    }
  });
});

/** CSV rows split as a spreadsheet would with `sep` as its list separator (quotes respected). */
function spreadsheetCells(csv: string, sep: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === sep || ch === '\n' || ch === '\r') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  return [...cells, cur];
}

describe('hostile pull request: a report that attacks the spreadsheet', () => {
  it('aggregate CSV: no cell is a formula, with , or ; as the list separator (x;=1+1 was one in a European locale)', async () => {
    const root = writeTree(tempDir(), { 'app.py': 'print(1)\n' });
    const report = JSON.parse((await cli(['audit', root, '--format', 'json'])).stdout) as Report;
    const dir = tempDir();
    const names = ['ok;=1+1', 'ok\t=HYPERLINK("http://evil.example","x")', "ok;@SUM(1+1)*cmd|' /C calc'!A0", '-2+3;+4'];
    names.forEach((name, i) => {
      writeFileSync(join(dir, `r${i}.json`), JSON.stringify({ ...report, repository: { ...report.repository, name } }));
    });
    const r = await cli(['aggregate', dir, '--snapshot', 'x', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    for (const sep of [',', ';', '\t']) {
      const cells = spreadsheetCells(r.stdout, sep);
      expect(cells.join(' ')).toContain('HYPERLINK'); // the names are there…
      expect(
        cells.filter((c) => /^[=+\-@]/.test(c)),
        `separator ${JSON.stringify(sep)}`,
      ).toEqual([]); // …as text
    }
  });
});

describe('hostile pull request: a Handlebars template the repository holds (--template docs/report.md.hbs)', () => {
  it('its partials are never read through a link (a link to a file outside, /proc/self/environ, /dev/zero) nor past a cap', async () => {
    const outside = writeTree(tempDir(), { 'secret.txt': 'OUTSIDE-SECRET-42\n' });
    const cases: [string, (partials: string) => void, RegExp][] = [
      // Before: the file's content was printed in the report (and would be posted as the comment).
      [
        'a link out',
        (d) => symlinkSync(join(outside, 'secret.txt'), join(d, 'leak.hbs')),
        /leak\.hbs: is a symbolic link/,
      ],
      ['the environment', (d) => symlinkSync('/proc/self/environ', join(d, 'leak.hbs')), /is a symbolic link/],
      // Before: the run hung reading /dev/zero.
      ['/dev/zero', (d) => symlinkSync('/dev/zero', join(d, 'leak.hbs')), /is a symbolic link/],
      ['a FIFO', (d) => execFileSync('mkfifo', [join(d, 'leak.hbs')]), /leak\.hbs: not a regular file/],
      ['2 MiB', (d) => writeFileSync(join(d, 'leak.hbs'), 'x'.repeat(2 * 1024 * 1024)), /larger than 1 MiB/],
    ];
    for (const [name, plant, why] of cases) {
      const root = writeTree(tempDir(), { 'app.py': 'print(1)\n', 'docs/report.md.hbs': '# Report\n{{> leak}}\n' });
      mkdirSync(join(root, 'docs', 'partials'));
      plant(join(root, 'docs', 'partials'));
      const r = await spawnCli(['audit', root, '--template', join(root, 'docs', 'report.md.hbs')], {
        env: { SECRET_TOKEN: 'ENV-SECRET-43' },
      });
      oneLineRefusal(r, why);
      expect(r.stderr, name).not.toMatch(/OUTSIDE-SECRET|ENV-SECRET/);
    }
    // The partials folder itself as a link out: refused too.
    const root = writeTree(tempDir(), { 'app.py': 'print(1)\n', 'docs/report.md.hbs': '{{> secret}}\n' });
    writeFileSync(join(outside, 'secret.hbs'), 'OUTSIDE-SECRET-42\n');
    symlinkSync(outside, join(root, 'docs', 'partials'));
    oneLineRefusal(
      await cli(['audit', root, '--template', join(root, 'docs', 'report.md.hbs')]),
      /partials .*: not a folder/,
    );
  });

  it('cannot run code: the prototype-pollution payloads of old Handlebars CVEs print nothing and run nothing', async () => {
    const marker = join(tempDir(), 'ran');
    const code = `return process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;
    const payloads = [
      `{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push ${JSON.stringify(code)}}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}`,
      `{{#with (lookup this "constructor")}}{{#with (lookup this "constructor")}}{{this ${JSON.stringify(code)}}}{{/with}}{{/with}}`,
      '{{lookup (lookup this "__proto__") "toString"}}{{__proto__.polluted}}{{constructor.name}}',
    ];
    for (const payload of payloads) {
      const root = writeTree(tempDir(), { 'app.py': 'print(1)\n', 'docs/report.md.hbs': `# R\n${payload}\n` });
      const r = await cli(['audit', root, '--template', join(root, 'docs', 'report.md.hbs')]);
      expect([0, 2]).toContain(r.code);
      expect(r.stdout).not.toMatch(/function|Object|native code/);
    }
    expect(existsSync(marker)).toBe(false);
  });
});

describe('hostile pull request: more inputs built to hang, crash, read out or mislead', () => {
  it('250,000 empty YAML documents, flow nesting 300,000 deep in CI, compose and Kubernetes files: the audit completes', async () => {
    const root = writeTree(tempDir(), {
      'k8s/many.yaml': '---\n'.repeat(250_000),
      'k8s/deep.yaml': `kind: Deployment\nspec: ${'['.repeat(300_000)}${']'.repeat(300_000)}\n`,
      '.github/workflows/ci.yml': `on: push\njobs: ${'['.repeat(200_000)}\n`,
      'docker-compose.yml': `services: ${'{a: '.repeat(100_000)}\n`,
      'app.py': 'print(1)\n',
    });
    const r = await spawnCli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.pillars.flatMap((p) => p.rules).filter((x) => x.outcome === 'error')).toEqual([]);
    // The same nesting in the configuration is one line, exit 2.
    writeFileSync(join(root, '.readiness.yml'), `ignore: ${'['.repeat(300_000)}${']'.repeat(300_000)}\n`);
    oneLineRefusal(await spawnCli(['audit', root]), /^readiness: \.readiness\.yml: invalid YAML: /);
  });

  it('a chart and specs built for blow-ups (review of round 16): include fan-out, nested ranges, spaces, shared-example chains', async () => {
    const fan = 12;
    const body = (next: string) => ['containers:', ...Array.from({ length: fan }, () => `{{ include "${next}" . }}`)];
    const helper = ['a', 'b', 'c', 'd']
      .flatMap((n, k) => [`{{- define "${n}" -}}`, ...body(String.fromCharCode(98 + k)), '{{- end }}'])
      .join('\n');
    const deployment = (name: string, rest: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${rest}`;
    const root = writeTree(tempDir(), {
      'chart/Chart.yaml': 'apiVersion: v2\nname: fan\nversion: 1.0.0\n',
      'chart/values.yaml': 'x:\n  one:\n    a: 1\nreplicaCount: 2\n',
      // 12 includes of 12 of 12 of 12, from a 1 KB helper: millions of lines spliced, once.
      'chart/templates/_h.tpl': helper,
      'chart/templates/fan.yaml': deployment(
        'fan',
        `spec:\n  template:\n    spec:\n${'      {{ include "a" . | nindent 6 }}\n'.repeat(fan)}`,
      ),
      'chart/templates/nested.yaml': deployment(
        'nested',
        `${'{{ range $k, $v := .Values.x }}\n'.repeat(4000)}${'{{ end }}\n'.repeat(4000)}`,
      ),
      'chart/templates/spaces.yaml': deployment(
        'spaces',
        `spec:\n  replicas: {{ .Values.a${' '.repeat(40_000)}| default .Values.replicaCount }}\n`,
      ),
      Gemfile: 'source "https://rubygems.org"\ngem "rspec"\n',
      // 5,000 shared examples, each including the next (a stack overflow), and 40,000 uses in one body.
      'spec/support/chain_shared.rb': Array.from(
        { length: 5000 },
        (_, i) => `shared_examples "s${i}" do\n  include_context "s${i + 1}"\n  it "runs ${i}" do\n  end\nend\n`,
      ).join(''),
      'spec/chain_spec.rb': 'describe "Chain" do\n  it_behaves_like "s0"\nend\n',
      'spec/support/big_shared.rb': `shared_examples "big" do\n${'  include_context "c"\n'.repeat(40_000)}end\nshared_context "c" do\n  it "c" do\n  end\nend\n`,
      'spec/big_spec.rb': 'describe "Big" do\n  it_behaves_like "big"\nend\n',
    });
    const r = await spawnCli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/RangeError|Warning/);
    const rules = (JSON.parse(r.stdout) as Report).pillars.flatMap((p) => p.rules);
    expect(rules.filter((x) => x.outcome === 'error')).toEqual([]);
    // The fan-out template is read plain, and the rules that judge it say why.
    const limits = rules.find((x) => x.id === 'reliability/resource-limits')!;
    expect(limits.evidence).toContainEqual({
      path: 'chart/templates/fan.yaml',
      note: 'named templates not spliced in: they would grow the template past 20000 lines; read without them',
    });
    expect(rules.find((x) => x.id === 'reliability/health-checks')?.outcome).toBe('fail');
  });

  it('.gitmodules with a command URL and an update command, and a gitlink in the index: nothing runs', async () => {
    const marker = join(tempDir(), 'ran');
    const root = gitRepo({
      'app.py': 'print(1)\n',
      '.gitmodules': `[submodule "evil"]\n\tpath = evil\n\turl = ext::sh -c touch% ${marker}\n\tupdate = !touch ${marker}\n\tfetchRecurseSubmodules = true\n`,
    });
    const commit = execFileSync('git', ['hash-object', '-t', 'commit', '--stdin', '-w'], {
      cwd: root,
      input: 'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor a <a@b> 0 +0000\ncommitter a <a@b> 0 +0000\n\nx\n',
    })
      .toString()
      .trim();
    execFileSync('git', ['update-index', '--add', '--cacheinfo', `160000,${commit},evil`], { cwd: root });
    mkdirSync(join(root, 'evil'));
    writeFileSync(join(root, 'evil', '.git'), `gitdir: ${join(tempDir(), 'nowhere')}\n`);
    const r = await spawnCli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Report).repository.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(existsSync(marker)).toBe(false);
  });

  it('__proto__, constructor and toString as config keys, dependency names, scripts and workspaces: no crash, no pollution', async () => {
    const root = writeTree(tempDir(), {
      '.readiness.yml':
        'rules:\n  __proto__: {enabled: false}\npillars:\n  __proto__: {weight: 0}\ndetect:\n  __proto__: [x]\n  constructor: [y]\nclaims:\n  __proto__: [all good]\n',
      'package.json': JSON.stringify({
        name: '__proto__',
        dependencies: JSON.parse('{"__proto__": "1.0.0", "constructor": "1", "toString": "2", "express": "4"}'),
        scripts: JSON.parse('{"__proto__": "x", "constructor": "jest", "test": "jest"}'),
        workspaces: JSON.parse('{"__proto__": ["a"]}'),
      }),
      'pyproject.toml':
        '[project]\nname = "x"\ndependencies = ["__proto__==1", "constructor"]\n[tool.__proto__]\npolluted = 1\n',
      'composer.json': '{"require": {"__proto__": "1", "constructor": "2"}}',
      'app.py': 'print(1)\n',
    });
    const r = await cli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.pillars.flatMap((p) => p.rules).filter((x) => x.outcome === 'error')).toEqual([]);
    expect(report.pillars.every((p) => p.weight === 1)).toBe(true); // no pillar lost its weight
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
  });

  it("CI artefacts the pull request's own tests write (--junit, --coverage): entities are not expanded, external ones refused", async () => {
    const ents = ['<!ENTITY lol "lollollollollollollollollollol">'];
    for (let i = 1; i < 10; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const doctype = (root: string, extra = '') =>
      `<?xml version="1.0"?>\n<!DOCTYPE ${root} [\n${ents.join('\n')}${extra}\n]>\n`;
    const dir = writeTree(tempDir(), {
      'junit.xml': `${doctype('testsuite')}<testsuite name="&lol9;"><testcase name="&lol9;" classname="a"><failure message="&lol9;"/></testcase></testsuite>\n`,
      'coverage.xml': `${doctype('coverage', '\n<!ENTITY xxe SYSTEM "file:///etc/passwd">')}<coverage line-rate="1" lines-valid="1" lines-covered="1"><packages><package name="&xxe;"/></packages></coverage>\n`,
    });
    const root = writeTree(tempDir(), { 'app.py': 'print(1)\n' });
    const j = await spawnCli(['audit', root, '--format', 'json', '--junit', join(dir, 'junit.xml')]);
    expect(j.code, j.stderr).toBe(0);
    expect(j.stdout.length).toBeLessThan(200_000); // 10^9 "lol"s were not built
    expect(j.stdout).not.toContain('lollollol');
    const c = await spawnCli(['audit', root, '--format', 'json', '--coverage', join(dir, 'coverage.xml')]);
    oneLineRefusal(c, /--coverage .*coverage\.xml: malformed XML: External entities are not supported/);
    expect(c.stderr).not.toContain('root:');
  });

  it("a branch name (the pull request's head ref) with HTML, Markdown, a mention and a bidi override: inert in every format", async () => {
    const root = gitRepo({ 'app.py': 'print(1)\n' });
    const branch = 'feat/@acme/team-#12-<img_src=x_onerror=alert(1)>-`x`-\u202eexe.txt-|pipe|-(l)';
    execFileSync('git', ['checkout', '-q', '-b', branch], { cwd: root });
    const json = JSON.parse((await cli(['audit', root, '--format', 'json'])).stdout) as Report;
    expect(json.repository.branch).toBe(branch);
    const md = (await cli(['audit', root, '--format', 'md'])).stdout;
    const html = markdownToHtml(md);
    expect(html).not.toMatch(/<img|<[^>]*\sonerror=/);
    expect(html).toContain('<code>feat/'); // shown, as code
    expect(githubReferences(html)).toEqual([]);
    const page = (await cli(['audit', root, '--format', 'html'])).stdout;
    expect(page).not.toMatch(/<img_src|\u202e/);
    for (const format of ['md', 'summary', 'terminal', 'html', 'sarif', 'json'])
      expect((await cli(['audit', root, '--format', format])).stdout, format).not.toContain('\u202e');
  });

  it('a 900 KB single-line bundle full of pattern hits: snippets stay short and the report small', async () => {
    let line = '';
    const unit =
      'const k = "AKIAZ7VQ3MX5KJ2PLW4N"; app.use(helmet()); retry(3); logger.info(JSON.stringify({a:1})); fetch(u, {timeout: 5000}); ';
    while (line.length < 900_000) line += unit;
    const root = writeTree(tempDir(), {
      'bundle.js': `${line}\n`,
      'package.json': JSON.stringify({ name: 'x', dependencies: { express: '4' } }),
    });
    const json = await spawnCli(['audit', root, '--format', 'json']);
    const report = JSON.parse(json.stdout) as Report;
    const evidence = report.pillars.flatMap((p) => p.rules).flatMap((r) => r.evidence);
    expect(Math.max(...evidence.map((e) => (e.snippet ?? '').length))).toBeLessThanOrEqual(200);
    expect(json.stdout.length).toBeLessThan(500_000);
    expect(json.stdout).not.toContain('AKIAZ7VQ3MX5KJ2PLW4N');
  });

  it('NUL and other C0 bytes in configuration text never reach an output raw', async () => {
    const root = writeTree(tempDir(), {
      '.readiness.yml': `custom:\n  - id: acme/nul\n    pillar: operations\n    title: "a\\0b\\x01c"\n    require: { files: [x] }\n`,
      'app.py': 'print(1)\n',
    });
    for (const format of ['terminal', 'md', 'summary', 'html', 'sarif', 'json']) {
      const r = await cli(['audit', root, '--format', format]);
      expect(r.stdout, format).toContain('acme/nul');
      expect(r.stdout, format).not.toMatch(/[\u0000\u0001]/);
    }
  });

  it("a .gitignore git itself matches for minutes: git's time limit, then the walker (which skips the line), with notes", async () => {
    const { listFiles } = await import('../src/walk/list.js');
    const root = gitRepo({ 'app.py': 'print(1)\n' });
    writeFileSync(join(root, '.gitignore'), '**/a/**/a/**/a/**/a/**/a/**/b\n');
    writeFileSync(join(deepFolder(root, 1000), 'x.py'), 'y = 2\n');
    const listing = await listFiles(root, { gitTimeoutMs: 1500 });
    expect(listing.method).toBe('walk');
    expect(listing.notes.join(' ')).toMatch(/git ls-files failed \(timed out\); listed with the file walker instead/);
    expect(listing.notes.join(' ')).toMatch(/1 \.gitignore line\(s\) with more than one \*\*/);
    expect(listing.paths).toContain(`${Array(1000).fill('a').join('/')}/x.py`);
  });

  it('folders 780 and 1,000 deep holding the names the built-in globs look for (docs/…/*.md, adr/…/*.rst): the audit completes', async () => {
    const root = writeTree(tempDir(), { 'app.py': 'print(1)\n' });
    const docs = join(root, ...Array(780).fill('docs'));
    const adr = join(root, ...Array(1000).fill('adr'));
    mkdirSync(docs, { recursive: true });
    mkdirSync(adr, { recursive: true });
    for (let i = 0; i < 300; i++) {
      writeFileSync(join(docs, `f${i}.md`), '# x\n');
      writeFileSync(join(adr, `g${i}.rst`), 'x\n');
    }
    const r = await spawnCli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Report).stats.filesListed).toBe(601);
  });
});
