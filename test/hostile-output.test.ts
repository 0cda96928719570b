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
import { describe, expect, it } from 'vitest';
import { render } from '../src/render/index.js';
import type { Report } from '../src/report/schema.js';
import { renderVerifyMarkdown } from '../src/verify/render.js';
import type { VerifyResult } from '../src/verify/schema.js';
import { cli } from './helpers/cli.js';
import { linkTargets, markdownToHtml, neutralTwin, tagSequence } from './helpers/markup.js';
import { tempDir, writeTree } from './helpers/tree.js';

// Anything a terminal or a log would act on: C0 but tab and newline, DEL, C1, bidi overrides.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the check
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
  if (process.env.DIAG) {
    writeFileSync(`/tmp/trust-output-${what.replace(/\W/g, '')}.h.html`, hostile);
    writeFileSync(`/tmp/trust-output-${what.replace(/\W/g, '')}.n.html`, neutral);
  }
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
    if (process.env.DIAG) {
      writeFileSync('/tmp/trust-output-html.h.html', html);
      writeFileSync('/tmp/trust-output-html.n.html', render(twin, 'html', { color: false }));
    }
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
