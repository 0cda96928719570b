/**
 * Outputs that cannot be turned against their reader (issue 14). Each attack is planted in a tree,
 * a configuration, a document or an artefact, run through the real CLI, and every output format
 * is checked as the reader would meet it: a terminal or CI log, a Markdown renderer (micromark with
 * GFM and raw HTML allowed), a browser's HTML, GitHub code scanning's SARIF.
 *
 * The attacks, one line each:
 * - verify echoes credentials written in the document (AWS, GitHub ghp_/gho_/github_pat_, GitLab,
 *   Slack, Stripe, npm…), also after claim normalisation dropped their `_`: masked in every format.
 * - file names, config values and document text carry ESC/CSI/OSC/BEL/CR/DEL/C1/bidi controls:
 *   none reaches stdout or stderr raw, whatever the format.
 * - a config key or path holds `\n::error …`: the error stays one line, no forged workflow command.
 * - repository and config text (custom-rule titles and prose, suppression reasons, workspace names,
 *   JUnit test names, globs, the document) tries to become an element, a link or an image in the
 *   Markdown report, the PR summary, verify's Markdown and the HTML report (autolink literals that
 *   swallow an escaping backslash included).
 * - a remote carries credentials (userinfo, percent-encoded, scp-like, insteadOf) or is
 *   javascript:/data:/file:/ext::/a local path: never printed, never a link.
 * - --coverage ../lcov.info and --junit /abs/junit.xml, and a verified document in a subfolder or
 *   outside the repository: every SARIF uri is relative and inside the repository, and the log is
 *   valid SARIF 2.1.0.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AjvModule from 'ajv-draft-04';
import formatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forgeUrl, mdCode, mdEscape, mdProse } from '../src/render/helpers.js';
import { render } from '../src/render/index.js';
import type { Report } from '../src/report/schema.js';
import { renderVerifyMarkdown } from '../src/verify/render.js';
import type { VerifyResult } from '../src/verify/schema.js';
import { cli } from './helpers/cli.js';
import { linkTargets, markdownToHtml, neutralTwin, tagSequence, textOf } from './helpers/markup.js';
import { tempDir, writeTree } from './helpers/tree.js';

// Anything a terminal or a log would act on: C0 but tab and newline, DEL, C1, bidi overrides.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Text that tries every trick on a reader; each must stay visible text. */
const NASTY = [
  '<img src=x onerror=alert(1)>',
  'www.evil.example\\<img src=x onerror=alert(2)>',
  'see https://evil.example/p?<b>x</b> now',
  '[click](javascript:alert(3)) and ![pixel](https://tracker.example/p.png)',
  'mail attacker@evil.example or <https://evil.example/auto>',
  '**bold** _em_ ~~del~~ ~one~ `code` | split | cells',
  '&lt;script&gt; &#60;b&#62; <!-- c --> <details open><summary>s</summary>',
  'esc \u001b[31mred\u001b[0m osc \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 bell \u0007',
  'csi \u009b2J del \u007f bidi \u202eexe.txt\u202c cr\roverwrite',
  'line\n::error file=app.js,line=1::forged\n# heading\n- item\n1. item\n    code',
];
const nasty = (i: number) => NASTY[i % NASTY.length]!;

function expectNoRawControl(text: string, where: string): void {
  const m = RAW_CONTROL.exec(text);
  expect(m ? `${where}: U+${m[0].charCodeAt(0).toString(16)} at ${m.index}` : '').toBe('');
  // No line of the output is a GitHub Actions workflow command.
  expect(text.split('\n').filter((l) => /^\s*::/.test(l))).toEqual([]);
}

/** A repository whose every free-text surface is attacker text. */
function hostileTree(): string {
  const root = join(tempDir(), `repo ${nasty(0)} ${nasty(7)}`.replace(/\//g, '∕').slice(0, 120));
  mkdirSync(root, { recursive: true });
  const yml = (s: string) => JSON.stringify(s);
  writeTree(root, {
    '.readiness.yml': [
      'custom:',
      ...[0, 1, 2, 3].map((i) =>
        [
          `  - id: acme/rule-${i}`,
          '    pillar: operations',
          `    title: ${yml(`Title ${nasty(i)}`)}`,
          `    failureTitle: ${yml(`Failure ${nasty(i + 4)}`)}`,
          `    description: ${yml(`Why ${nasty(i + 1)}`)}`,
          `    remediation: ${yml(`Do \`this\`. ${nasty(i + 2)}`)}`,
          '    severity: high',
          `    require: { files: [${yml(`docs/${nasty(i + 5).replace(/\n/g, ' ')}*.md`)}] }`,
        ].join('\n'),
      ),
      'suppressions:',
      '  - rule: operations/acme/rule-3',
      `    reason: ${yml(`Reason ${nasty(3)} ${nasty(9)}`)}`,
      '',
    ].join('\n'),
    'package.json': JSON.stringify({
      name: 'root',
      workspaces: ['packages/*'],
      dependencies: { express: '^4.19.0' },
    }),
    'packages/a/package.json': JSON.stringify({ name: `@a/${nasty(1)}`, version: '1.0.0' }),
    'packages/b/package.json': JSON.stringify({ name: nasty(6), version: '1.0.0' }),
    'README.md': `# ${nasty(0)}\n\n${NASTY.join('\n\n')}\n`,
    'src/index.js': "const express = require('express');\nexpress().listen(3000);\n",
    [`src/${nasty(7).replace(/\//g, '∕')}.js`]: 'module.exports = 1;\n',
    [`src/${nasty(8).replace(/\//g, '∕')}.test.js`]: "test('x', () => {});\n",
  });
  return root;
}

describe('hostile outputs: control characters', () => {
  it('no control character from file names, config or content reaches any format, stdout or stderr', async () => {
    const root = hostileTree();
    for (const format of ['terminal', 'json', 'md', 'summary', 'html', 'sarif', 'badge']) {
      const r = await cli(['audit', root, '--format', format, '--min-score', '100']);
      expect(r.code, `${format}: ${r.stderr}`).toBe(1);
      expectNoRawControl(r.stdout, `${format} stdout`);
      expectNoRawControl(r.stderr, `${format} stderr`);
    }
    // JSON keeps the data exactly: the escapes are JSON's own.
    const json = JSON.parse((await cli(['audit', root, '--format', 'json'])).stdout) as Report;
    const rule = json.pillars.flatMap((p) => p.rules).find((r) => r.id === 'operations/acme/rule-0')!;
    expect(rule.title).toBe(`Title ${nasty(0)}`);
    expect(JSON.stringify(json)).toContain('\\u001b[31m');
    // The terminal shows the escape as text and keeps each rule on its own lines.
    const term = (await cli(['audit', root, '--verbose'])).stdout;
    expect(term).toContain('\\x1b[31mred');
    expect(term).toContain('\\u202eexe.txt');
  });

  it('a config key holding a newline and a workflow command is one error line, exit 2', async () => {
    const root = writeTree(tempDir(), {
      '.readiness.yml': `${JSON.stringify('x\n::error file=app.js,line=1::forged\u001b[2J')}: 1\n`,
    });
    const r = await cli(['audit', root]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^readiness: /);
    expectNoRawControl(r.stderr, 'stderr');
    // A path argument with the same payload: one line too.
    const missing = await cli(['audit', join(root, 'missing\n::error::forged')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expectNoRawControl(missing.stderr, 'stderr');
  });

  it('progress lines on a terminal: only their own repaint sequence, the path made visible', async () => {
    const { main } = await import('../src/cli/index.js');
    const { PILLARS } = await import('../rules/index.js');
    const root = writeTree(tempDir(), { 'a.py': 'print(1)\n' });
    const raw: string[] = [];
    await main(
      ['audit', root, '--skip', 'security,reliability,operations,observability,architecture', '--format', 'json'],
      {
        stdout: () => {},
        stderr: (s) => raw.push(s),
        isTTY: true,
        env: { CI: '' },
        progressDelayMs: 0,
      },
      async () => PILLARS,
    );
    const progress = raw.filter((s) => s.startsWith('\r'));
    expect(progress.length).toBeGreaterThan(0);
    for (const s of progress) expectNoRawControl(s.replace(/^\r\u001b\[2K/, ''), 'progress');
  });

  it('verify and diff terminals: the document and saved reports reach the terminal as text', async () => {
    const root = hostileTree();
    const doc = join(tempDir(), 'READINESS.md');
    writeFileSync(doc, `# Status\n\n${NASTY.map((n) => `- ✅ CI pipeline ${n}`).join('\n')}\n`);
    for (const format of ['terminal', 'json', 'md', 'sarif']) {
      const r = await cli(['verify', doc, root, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expectNoRawControl(r.stdout, `verify ${format}`);
    }
    const report = join(tempDir(), 'r.json');
    writeFileSync(report, (await cli(['audit', root, '--format', 'json'])).stdout);
    for (const format of ['terminal', 'md', 'json']) {
      const d = await cli(['diff', report, report, '--format', format]);
      expect(d.code, d.stderr).toBe(0);
      expectNoRawControl(d.stdout, `diff ${format}`);
    }
  });
});

/** The hostile output and the neutral twin's render the same elements, and nothing links out. */
function expectSameElements(hostileMd: string, neutralMd: string, what: string): void {
  const hostile = markdownToHtml(hostileMd);
  const neutral = markdownToHtml(neutralMd);
  expect(tagSequence(hostile), what).toEqual(tagSequence(neutral));
  const tags = new Set(tagSequence(hostile));
  for (const tag of ['img', 'script', 'iframe', 'details', 'b', 'em', 'del']) expect(tags.has(tag), tag).toBe(false);
  for (const target of linkTargets(hostile)) expect(target, what).toMatch(/^#|^https:\/\/github\.com\/acme\/ledger\//);
}

describe('hostile outputs: Markdown and HTML', () => {
  it('no repository or config text becomes an element, a link or an image: md, summary, html', async () => {
    const root = hostileTree();
    const artefacts = writeTree(tempDir(), {
      'junit.xml': `<testsuite><testcase name="${nasty(0).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}"><failure/></testcase><testcase name="ok ${nasty(1).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}"><failure/></testcase></testsuite>`,
    });
    const args = ['--junit', join(artefacts, 'junit.xml')];
    const report = JSON.parse((await cli(['audit', root, '--format', 'json', ...args])).stdout) as Report;
    const titles = report.pillars.flatMap((p) => p.rules).map((r) => r.title);
    expect(titles).toContain(`Title ${nasty(1)}`); // the attack reached the report
    const twin = neutralTwin(report);
    for (const format of ['md', 'summary'] as const) {
      const hostile = (await cli(['audit', root, '--format', format, ...args])).stdout;
      expectSameElements(hostile, render(twin, format, { color: false }), format);
    }
    // HTML is escaped by Handlebars: the same tags as the twin's, and no script or handler.
    const html = (await cli(['audit', root, '--format', 'html', ...args])).stdout;
    expect(tagSequence(html)).toEqual(tagSequence(render(twin, 'html', { color: false })));
    expect(html).not.toMatch(/<img|<script|href="javascript|<[^>]*\sonerror=/i);
  });

  it("verify's Markdown: the document's text stays text", async () => {
    const root = hostileTree();
    const doc = join(tempDir(), 'READINESS.md');
    writeFileSync(
      doc,
      `# Status ${nasty(0)}\n\nOverall readiness: 80%\n\n| Area | Status |\n|---|---|\n${NASTY.map(
        (n) => `| CI pipeline ${n.replace(/\n/g, ' ').replace(/\|/g, '\\|')} | ✅ |`,
      ).join('\n')}\n\n${NASTY.map((n) => `- ❌ Tests ${n.replace(/\n/g, ' ')}`).join('\n')}\n`,
    );
    const result = JSON.parse((await cli(['verify', doc, root, '--format', 'json'])).stdout) as VerifyResult;
    expect(result.claims.length).toBeGreaterThanOrEqual(NASTY.length);
    const hostile = (await cli(['verify', doc, root, '--format', 'md'])).stdout;
    expectSameElements(hostile, renderVerifyMarkdown(neutralTwin(result)), 'verify md');
  });
});

// Credentials of every kind the audit masks, none of them a placeholder.
const TOKENS = {
  aws: 'AKIAZ7Q4M2X9L5T8W3RB',
  ghp: 'ghp_R8x2Kq9ZtW4mN7pL1vB6cY3hJ5dF0sGaQeUo',
  gho: 'gho_T5nW8qZ2xR7vK4mP9sL3cY6hJ1dF0gBaQeUi',
  pat: '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',
  gitlab: 'glpat-Zq8Xw3Rt7Yu2Io9Pa1Sd',
  slack: 'xoxb-482913756102-7364519280-Qw8Er5Ty2Ui9Op3As6Df',
  stripe: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  npm: 'npm_Vb7Nm2Qw9Er4Ty6Ui1Op8As3Df5Gh0Jk2LzX',
};

/** No credential, nor any 10-character piece of its secret part, nor the same with `_` and `-` dropped. */
function expectNoToken(text: string, where: string): void {
  const flat = text.replace(/[_-]/g, '');
  for (const [kind, token] of Object.entries(TOKENS)) {
    const body = token.replace(/^(AKIA|gh[po]_|github_pat_|glpat-|xoxb-|sk_live_|npm_)/, '');
    for (let i = 0; i + 10 <= body.length; i += 5) {
      const piece = body.slice(i, i + 10);
      expect(text.includes(piece), `${where}: ${kind} (${piece})`).toBe(false);
      expect(flat.includes(piece.replace(/[_-]/g, '')), `${where}: ${kind} without _ (${piece})`).toBe(false);
    }
  }
}

describe('hostile outputs: secrets in a verified document', () => {
  it('verify masks every credential in every format, before claim text drops its underscores', async () => {
    const root = writeTree(tempDir(), { 'app.py': 'print(1)\n', 'test_app.py': 'def test_a():\n    pass\n' });
    const doc = join(tempDir(), `READINESS-${TOKENS.ghp}.md`);
    const lines = Object.entries(TOKENS).map(([kind, t]) => `- ✅ CI pipeline deploys with the ${kind} token ${t}`);
    writeFileSync(
      doc,
      [
        `# Readiness (overall readiness: 85%, key ${TOKENS.aws})`,
        '',
        ...lines,
        '',
        '| Area | Status | Notes |',
        '|---|---|---|',
        ...Object.values(TOKENS).map((t) => `| Tests | ✅ Done | token=${t} |`),
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await cli(['verify', doc, root, '--format', 'json'])).stdout) as VerifyResult;
    expect(json.claims.length).toBeGreaterThanOrEqual(lines.length); // the claims were read…
    expect(json.claims.filter((c) => c.text.includes('[REDACTED]')).length).toBeGreaterThanOrEqual(lines.length);
    for (const format of ['terminal', 'json', 'md', 'sarif']) {
      const r = await cli(['verify', doc, root, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expectNoToken(r.stdout, `verify ${format}`); // …and what verify prints holds none of them
      expectNoToken(r.stderr, `verify ${format} stderr`);
    }
  });
});

function gitRepo(remote: string, config: string[][] = []): string {
  const root = writeTree(tempDir(), { 'app.py': 'print(1)\n', 'README.md': '# ledger\n' });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  for (const [k, v] of config) git('config', k!, v!);
  git('remote', 'add', 'origin', remote);
  git('add', '-A');
  git('commit', '-qm', 'init');
  return root;
}

describe('hostile outputs: git remotes', () => {
  const secret = ['mallory7', 's3cr3tPassw0rd', TOKENS.ghp, TOKENS.gitlab];
  const cases: [string, string, string[][], string | null][] = [
    [
      'https userinfo',
      `https://mallory7:s3cr3tPassw0rd@github.com/acme/ledger.git`,
      [],
      'https://github.com/acme/ledger',
    ],
    ['token as user', `https://${TOKENS.ghp}@github.com/acme/ledger`, [], 'https://github.com/acme/ledger'],
    [
      'percent-encoded',
      'https://mallory7%40corp:s3cr3t%50assw0rd@github.com/acme/ledger',
      [],
      'https://github.com/acme/ledger',
    ],
    ['ssh with user and port', 'ssh://mallory7@github.com:22/acme/ledger.git', [], 'https://github.com/acme/ledger'],
    [
      'scp-like with password',
      'mallory7:s3cr3tPassw0rd@github.com:acme/ledger.git',
      [],
      'https://github.com/acme/ledger',
    ],
    [
      'insteadOf that adds a token',
      'gh:acme/ledger',
      [[`url.https://oauth2:${TOKENS.gitlab}@github.com/.insteadOf`, 'gh:']],
      'https://github.com/acme/ledger',
    ],
    ['query token', `https://github.com/acme/ledger?access_token=${TOKENS.ghp}`, [], 'https://github.com/acme/ledger'],
    ['javascript:', 'javascript://github.com/%0aalert(1)', [], null],
    ['data:', 'data:text/html,<script>alert(1)</script>', [], null],
    ['file:', 'file:///etc/passwd', [], null],
    ['remote helper', 'ext::sh -c touch% /tmp/pwned', [], null],
    ['local path', '/srv/git/ledger.git', [], null],
  ];
  for (const [name, remote, config, expected] of cases) {
    it(`${name}: ${expected ? 'no credential printed' : 'never printed, never a link'}`, async () => {
      const root = gitRepo(remote, config);
      const json = await cli(['audit', root, '--format', 'json']);
      const report = JSON.parse(json.stdout) as Report;
      expect(report.repository.remote).toBe(expected);
      expect(report.repository.commit).toMatch(/^[0-9a-f]{40}$/);
      // The audit ran once through the CLI; every format renders that same report.
      const outputs: [string, string][] = [
        ['json', json.stdout],
        ...(['terminal', 'md', 'summary', 'html', 'sarif'] as const).map((f): [string, string] => [
          f,
          render(report, f, { color: false }),
        ]),
      ];
      for (const [format, out] of outputs) {
        for (const s of secret) expect(out.includes(s), `${format}: ${s}`).toBe(false);
        expect(out).not.toMatch(/javascript:|data:text|file:\/\/\/etc|ext::|\/srv\/git/);
        const html = format === 'md' || format === 'summary' ? markdownToHtml(out) : format === 'html' ? out : '';
        const targets = linkTargets(html);
        for (const target of targets) expect(target, format).toMatch(/^#|^https:\/\/github\.com\/acme\/ledger(\/|$)/);
        // A forge remote links the evidence to the audited commit; any other remote links nothing.
        if (format === 'md') expect(targets.some((t) => t.includes('/blob/'))).toBe(expected !== null);
      }
    });
  }

  it('a saved report with a hostile remote or commit (readiness render): still no link but to the forge', async () => {
    const root = gitRepo('https://github.com/acme/ledger.git');
    const file = join(tempDir(), 'report.json');
    const saved = JSON.parse((await cli(['audit', root, '--format', 'json'])).stdout) as Report;
    for (const [remote, commit] of [
      ['javascript://github.com/%0aalert(1)', saved.repository.commit],
      ['https://user:pw@github.com/acme/ledger', saved.repository.commit],
      ['https://github.com/acme/ledger', 'abc)](javascript:alert(1))'],
      ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', saved.repository.commit],
    ] as const) {
      writeFileSync(file, JSON.stringify({ ...saved, repository: { ...saved.repository, remote, commit } }));
      for (const format of ['md', 'html']) {
        const r = await cli(['render', file, '--format', format]);
        expect(r.code, r.stderr).toBe(0);
        const html = format === 'md' ? markdownToHtml(r.stdout) : r.stdout;
        for (const target of linkTargets(html))
          expect(target, `${remote} ${format}`).toMatch(
            /^#|^https:\/\/github\.com\/acme\/ledger(\/(blob|commit)\/[0-9a-f]{40}|$)/,
          );
        expect(r.stdout).not.toContain('user:pw');
      }
    }
  });
});

const require = createRequire(import.meta.url);
const ajv = new AjvModule.default({ allErrors: true, strict: false, unicodeRegExp: false });
formatsModule.default(ajv);
const validateSarif = ajv.compile(
  JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')),
);

interface SarifResult {
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string } }; message?: { text: string } }[];
}

/** Valid SARIF 2.1.0 that code scanning takes: a location per result, every uri relative and inside. */
function expectSarifInside(text: string): SarifResult[] {
  const log = JSON.parse(text);
  expect(validateSarif(log) ? [] : validateSarif.errors?.slice(0, 3)).toEqual([]);
  const results = log.runs[0].results as SarifResult[];
  for (const r of results) {
    expect(r.locations.length).toBeGreaterThan(0);
    for (const l of r.locations) {
      const uri = l.physicalLocation.artifactLocation.uri;
      expect(uri, uri).not.toMatch(/^[A-Za-z][A-Za-z0-9+.-]*:|^\/|^%2F/i);
      expect(uri.split('/'), uri).not.toContain('..');
    }
  }
  return results;
}

describe('hostile outputs: SARIF uris', () => {
  it('--coverage ../lcov.info and --junit /abs/junit.xml: no uri outside the repository; the files are named', async () => {
    const parent = tempDir();
    const root = writeTree(join(parent, 'repo'), {
      'package.json': JSON.stringify({ name: 'x', scripts: { test: 'vitest' }, devDependencies: { vitest: '^3' } }),
      'src/a.js': 'module.exports = 1;\n',
      'src/a.test.js': "test('a', () => {});\n",
    });
    writeTree(parent, { 'lcov.info': 'SF:src/a.js\nLH:1\nLF:4\nend_of_record\n' });
    const junit = join(tempDir(), 'junit.xml');
    writeFileSync(junit, '<testsuite><testcase name="a [x](https://evil.example)"><failure/></testcase></testsuite>');
    const r = await cli(['audit', '.', '--format', 'sarif', '--coverage', '../lcov.info', '--junit', junit], {
      cwd: root,
    });
    expect(r.code, r.stderr).toBe(0);
    const results = expectSarifInside(r.stdout);
    expect(r.stdout).not.toContain(parent); // no absolute path of the runner's disk as a location
    const gate = results.find((x) => x.message.text.includes('lcov.info'))!;
    expect(gate.message.text).toContain('Evidence outside the repository: ../lcov.info');
    expect(gate.message.text).toContain('junit.xml');
    // The JUnit test name cannot make an embedded link in the message (SARIF §3.11.6).
    expect(gate.message.text).toContain('\\[x\\](https://evil.example)');
  });

  it('verify: a document in a subfolder is located by its repository path; one outside the repository by none', async () => {
    const root = writeTree(tempDir(), {
      'app.py': 'print(1)\n',
      'docs/status/READINESS.md': '# Status\n\n- ✅ CI pipeline runs on every push\n- ✅ Kubernetes manifests\n',
    });
    const inside = await cli(['verify', join(root, 'docs/status/READINESS.md'), root, '--format', 'sarif']);
    const found = expectSarifInside(inside.stdout);
    expect(found.length).toBeGreaterThan(0);
    for (const x of found)
      expect(x.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docs/status/READINESS.md');
    const outsideDoc = join(tempDir(), 'READINESS.md');
    writeFileSync(outsideDoc, readFileSync(join(root, 'docs/status/READINESS.md')));
    const outside = expectSarifInside((await cli(['verify', outsideDoc, root, '--format', 'sarif'])).stdout);
    expect(outside.length).toBe(found.length);
    for (const x of outside) {
      expect(x.locations[0]!.physicalLocation.artifactLocation.uri).toBe('.');
      expect(x.message.text).toMatch(/^READINESS\.md line \d+: /);
    }
  });
});

describe('hostile outputs: the Markdown helpers under a real renderer (custom templates use them too)', () => {
  const units = [
    ...'<>&#;w.:/@[]()!*_~`|\\ \t\n-+=1aé"\'',
    'www.',
    'WWW.',
    'http://',
    'https://',
    'mailto:',
    'a@b.co',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">',
    '<https://e.co>',
    '&lt;',
    '&#60;',
    '&amp;',
    '](',
    '![',
    '[^1]',
    '<!--',
    '***',
    '---',
    '    ',
    '1. ',
    '# ',
    '> ',
    '[x] ',
  ];
  const nastyText = fc.string({ unit: fc.constantFrom(...units), maxLength: 40 });
  const flatText = (s: string) => s.replace(/\r\n|[\r\n\t]/g, ' ').trim();
  const contexts: [string, (x: string) => string, string[]][] = [
    ['paragraph', (x) => x, ['p']],
    ['list item', (x) => `- ${x}`, ['ul', 'li']],
    ['table cell', (x) => `| h |\n|---|\n| ${x} |`, ['table', 'thead', 'tr', 'th', 'tbody', 'td']],
    ['heading', (x) => `## T ${x}`, ['h2']],
  ];

  it('mdEscape: text stays exactly the text, in a paragraph, a list item, a table cell and a heading', () => {
    fc.assert(
      fc.property(nastyText, (s) => {
        for (const [name, wrap, allowed] of contexts) {
          const html = markdownToHtml(wrap(mdEscape(s)));
          const tags = new Set(tagSequence(html).map((t) => t.replace('/', '')));
          for (const t of tags) expect(allowed, `${name}: <${t}> from ${JSON.stringify(s)}`).toContain(t);
          const shown = name === 'table cell' ? (/<td>([\s\S]*)<\/td>/.exec(html)?.[1] ?? '') : html;
          const prefix = name === 'heading' ? 'T ' : '';
          // Zero-width spaces after @ and # keep GitHub from reading a mention or a reference (inertReferences).
          expect(
            textOf(shown)
              .replace(/\u200b/g, '')
              .replace(/\s+/g, ' ')
              .trim(),
            `${name}: ${JSON.stringify(s)}`,
          ).toBe(`${prefix}${flatText(s)}`.replace(/\s+/g, ' ').trim());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('mdProse: only its own code spans, no link, image, emphasis or HTML', () => {
    fc.assert(
      fc.property(nastyText, (s) => {
        for (const [name, wrap, allowed] of contexts) {
          const html = markdownToHtml(wrap(mdProse(s)));
          for (const t of new Set(tagSequence(html).map((x) => x.replace('/', ''))))
            expect([...allowed, 'code'], `${name}: <${t}> from ${JSON.stringify(s)}`).toContain(t);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('mdCode and link: one code span, or a link to the forge only', () => {
    fc.assert(
      fc.property(
        nastyText,
        fc.constantFrom('https://github.com/acme/ledger', 'javascript://github.com/%0a'),
        (s, remote) => {
          const html = markdownToHtml(`| h |\n|---|\n| ${mdCode(s)} |`);
          const cell = flatText(s) ? ['td', 'code', '/code', '/td'] : ['td', '/td'];
          expect(tagSequence(html), JSON.stringify(s)).toEqual([
            'table',
            'thead',
            'tr',
            'th',
            '/th',
            '/tr',
            '/thead',
            'tbody',
            'tr',
            ...cell,
            '/tr',
            '/tbody',
            '/table',
          ]);
          const url = forgeUrl(remote, 'a1b2c3d', { path: `x${s}`, line: 3 });
          if (remote.startsWith('javascript')) expect(url).toBe(null);
          else expect(url).toMatch(/^https:\/\/github\.com\/acme\/ledger\/blob\/a1b2c3d\/[A-Za-z0-9%._~/-]*#L3$/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
