/**
 * The Markdown, summary and HTML reports: goldens for the report fixtures, forge links, hostile
 * repository content, baseline deltas, users' templates, and the render and diff commands.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffReports } from '../src/report/diff.js';
import { reportSchema, type Report } from '../src/report/schema.js';
import { render } from '../src/render/index.js';
import { cli, fixture, ROOT } from './helpers/cli.js';

const FIXTURES = ['reports-go-service', 'reports-hostile'];
const base = new Map<string, Report>();
let tmp: string;

function golden(file: string, actual: string): void {
  const path = join(ROOT, 'test', 'golden', file);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const clone = (r: Report): Report => JSON.parse(JSON.stringify(r)) as Report;
const md = (r: Report) => render(r, 'md', { color: false });
const html = (r: Report) => render(r, 'html', { color: false });
const summary = (r: Report) => render(r, 'summary', { color: false });
const ruleOf = (r: Report, id: string) => r.pillars.flatMap((p) => p.rules).find((x) => x.id === id)!;

/** Markdown without its code spans, which GitHub shows literally whatever they hold. */
function outsideCode(text: string): string {
  return text.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, '');
}

/** Every table in the Markdown keeps the same number of cell separators on every row. */
function expectTablesIntact(text: string): void {
  const lines = text.split('\n');
  let group: string[] = [];
  const check = () => {
    if (group.length === 0) return;
    const cells = group.map((l) => (l.match(/(?<!\\)\|/g) ?? []).length);
    expect(new Set(cells).size, group.join('\n')).toBe(1);
    group = [];
  };
  for (const l of lines) {
    if (l.startsWith('|')) group.push(l);
    else check();
  }
  check();
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'readiness-render-'));
  for (const name of FIXTURES) {
    const out = await cli(['audit', fixture(name), '--format', 'json']);
    expect(out.code, out.stderr).toBe(0);
    base.set(name, reportSchema.parse(JSON.parse(out.stdout)) as Report);
  }
});

describe('goldens', () => {
  for (const name of FIXTURES) {
    it(`${name}: Markdown, summary and HTML match the committed goldens`, async () => {
      for (const [format, file] of [
        ['md', `${name}.md`],
        ['summary', `${name}.summary.md`],
        ['html', `${name}.html`],
      ] as const) {
        const out = await cli(['audit', fixture(name), '--format', format]);
        expect(out.code, out.stderr).toBe(0);
        golden(file, `${out.stdout}\n`);
      }
    });
  }

  it('the long-form report has the sections a hand-written readiness report has', () => {
    const text = md(base.get('reports-go-service')!);
    const headings = text.split('\n').filter((l) => /^#{1,3} /.test(l));
    expect(headings[0]).toBe('# Production readiness report: reports-go-service');
    for (const h of [
      '## Executive summary',
      '## Roadmap',
      '## Not assessed',
      '## Appendix: what was detected',
      '### Verified',
      '### Missing',
    ])
      expect(headings).toContain(h);
    // One section per pillar, in the fixed order, each with its score or "not assessed".
    expect(headings.filter((h) => /^## .+: (\d+\/100 \([A-F]\)|not assessed)$/.test(h))).toHaveLength(6);
    const r = base.get('reports-go-service')!;
    // Every pillar has a summary row: score with its bar, grade, status icon, coverage and main gap.
    for (const p of r.pillars) {
      expect(text).toMatch(
        new RegExp(
          `^\\| ${p.title} \\| (${p.score} [▓░]{10}|not assessed) \\| ${p.grade ?? '—'} \\| (✅|⚠️|❌|➖) \\| ${p.coverage.assessed} of ${p.coverage.total} rules? \\| [^|]+ \\|$`,
          'm',
        ),
      );
    }
    const sec = r.pillars.find((p) => p.id === 'security')!;
    const gap = r.roadmap.find((i) => i.pillar === 'security')!;
    const gapRule = ruleOf(r, gap.rule);
    expect(text).toContain(`| Security & Compliance | ${sec.score} `);
    expect(text).toMatch(
      new RegExp(
        `of ${sec.coverage.total} rules \\| ${(gapRule.outcome === 'partial' ? `${gapRule.title} (partly)` : gapRule.failureTitle).replace(/[()]/g, '\\$&')} \\|`,
      ),
    );
    // Each pillar opens with a status table, one row per check, citing its first piece of evidence.
    const mw = r.pillars
      .flatMap((p) => p.rules)
      .find((x) => x.outcome === 'partial' && x.evidence.some((e) => e.path !== '.' && e.line))!;
    const first = mw.evidence.find((e) => e.path !== '.')!;
    expect(text).toContain(
      `| ${mw.title} (partly) | ⚠️ partial | ${Number(mw.points.toFixed(1))} / ${mw.maxPoints} | \`${first.path}${first.line ? `:${first.line}` : ''}`,
    );
    const iac = ruleOf(r, 'operations/infrastructure-as-code');
    expect(text).toContain(`| ${iac.failureTitle} | ❌ fail | 0 / ${iac.maxPoints} | whole repository |`);
    expect(text).toContain(`**Overall: ${r.summary.score}/100 (${r.summary.grade})**`);
    // A missing item says what fixing it adds, and the appendix lists what was detected.
    const item = r.roadmap.find((i) => i.rule === mw.id)!;
    const pillarTitle = r.pillars.find((p) => p.id === item.pillar)!.title;
    expect(text).toContain(
      `Adds **+${Number(item.pillarGain.toFixed(1))} ${pillarTitle}** (+${Number(item.gain.toFixed(1))} overall).`,
    );
    expect(text).toContain('**CI systems:** github-actions (`.github/workflows/ci.yml`).');
    expect(text).toContain('**Frameworks:** chi (`go.mod:6`).');
  });

  it('every verified or missing item cites evidence', () => {
    const text = md(base.get('reports-go-service')!);
    const items = text
      .split('\n- ')
      .slice(1)
      .filter((b) => /^(✅|⚠️|❌) \*\*/.test(b));
    const r = base.get('reports-go-service')!;
    expect(items.length).toBe(
      r.pillars.flatMap((p) => p.rules).filter((x) => ['pass', 'partial', 'fail'].includes(x.outcome)).length,
    );
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) expect(item).toMatch(/\n {2}- (`[^`]+`|whole repository)/);
  });
});

describe('evidence links', () => {
  const cases: [string, string][] = [
    [
      'https://github.com/acme/ledger',
      'https://github.com/acme/ledger/blob/0123456789abcdef0123456789abcdef01234567/internal/httpapi/router.go#L13',
    ],
    [
      'https://gitlab.com/acme/ledger',
      'https://gitlab.com/acme/ledger/-/blob/0123456789abcdef0123456789abcdef01234567/internal/httpapi/router.go#L13',
    ],
    [
      'https://bitbucket.org/acme/ledger',
      'https://bitbucket.org/acme/ledger/src/0123456789abcdef0123456789abcdef01234567/internal/httpapi/router.go#lines-13',
    ],
    [
      'https://dev.azure.com/acme/pay/_git/ledger',
      'https://dev.azure.com/acme/pay/_git/ledger?path=/internal/httpapi/router.go&version=GC0123456789abcdef0123456789abcdef01234567&line=13&lineEnd=13&lineStartColumn=1&lineEndColumn=1000',
    ],
  ];
  for (const [remote, url] of cases) {
    it(`point at the audited commit on ${new URL(remote).host}`, () => {
      const r = clone(base.get('reports-go-service')!);
      r.repository.remote = remote;
      r.repository.commit = '0123456789abcdef0123456789abcdef01234567';
      expect(md(r)).toContain(`[\`internal/httpapi/router.go:13\`](${url})`);
      expect(html(r)).toContain(
        `<a href="${url.replace(/&/g, '&amp;').replace(/=/g, '&#x3D;')}"><code>internal/httpapi/router.go:13</code></a>`,
      );
    });
  }

  it('are plain paths when the remote is not a known forge or there is no commit', () => {
    const r = clone(base.get('reports-go-service')!);
    r.repository.remote = 'https://git.internal.example/acme/ledger';
    r.repository.commit = '0123456789abcdef0123456789abcdef01234567';
    const text = md(r);
    expect(text).toContain('  - `internal/httpapi/router.go:13` — ');
    expect(text).not.toContain('router.go:13`](');
    r.repository.remote = 'https://github.com/acme/ledger';
    r.repository.commit = null;
    expect(md(r)).not.toContain('router.go:13`](');
  });
});

describe('hostile repository content', () => {
  const LONG = `${'deeply-nested-directory/'.repeat(14)}handler.py`;
  function hostile(): Report {
    const r = clone(base.get('reports-go-service')!);
    r.repository.name = 'evil | <b>repo</b>';
    const rule = ruleOf(r, 'security/security-middleware');
    rule.message = 'line one\nline two | with a pipe <script>alert(1)</script> and `ticks`';
    rule.outcome = 'fail';
    rule.failureTitle = 'Title | with *stars* and [link](http://x)';
    rule.evidence = [
      {
        path: 'src/a|b.py',
        line: 3,
        snippet: 'x = "|" # ``` triple ``` and <img src=x onerror=alert(1)>',
        note: 'note\r\nwith newline & &amp; entity',
      },
      { path: LONG, line: 7, snippet: '`leading backtick' },
      { path: '<script>alert(2)</script>.py', line: 1 },
    ];
    r.repository.manifests.push({ path: 'weird|dir/package.json', ecosystem: 'npm', ok: false, dependencies: 0 });
    r.roadmap[0]!.title = 'Roadmap | title\nsplit';
    return r;
  }

  it('Markdown: tables keep their columns, nothing becomes HTML, newlines stay inside one line', () => {
    const text = md(hostile());
    expectTablesIntact(text);
    expect(outsideCode(text)).not.toMatch(/(?<!\\)<[a-zA-Z/]/);
    expect(text).toContain('line one line two \\| with a pipe &lt;script&gt;alert(1)&lt;/script&gt; and \\`ticks\\`');
    expect(text).toContain('**Title \\| with \\*stars\\* and \\[link\\](http\\://x)**');
    expect(text).toContain('note with newline & \\&amp; entity');
    // The very long path is shortened with an ellipsis, keeping its start and its file name.
    const longLine = text.split('\n').find((l) => l.includes('handler.py:7'))!;
    expect(longLine).toMatch(/`deeply-nested-directory\/.*….*handler\.py:7`/);
    expect(longLine.length).toBeLessThan(140);
    // A snippet full of backticks is wrapped in a longer fence, so it cannot close early.
    expect(text).toContain('````x = "|" # ``` triple ``` and <img src=x onerror=alert(1)>````');
    expectTablesIntact(summary(hostile()));
  });

  it('HTML: repository content is text, never markup', () => {
    const page = html(hostile());
    expect(page).not.toMatch(/<script|<img|<b>/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('evil | &lt;b&gt;repo&lt;/b&gt;');
    expect(page).toContain('…');
  });
});

describe('summary for pull requests', () => {
  it('without a baseline: pillar table, gates, top five fixes, no change column', () => {
    const r = clone(base.get('reports-hostile')!);
    r.gates = {
      passed: false,
      checks: [
        {
          kind: 'min-score',
          target: 'overall',
          expected: '>= 70',
          actual: String(r.summary.score),
          passed: false,
          message: `overall score ${r.summary.score} is below 70`,
        },
      ],
    };
    const text = summary(r);
    const icon = { A: '✅', B: '✅', C: '⚠️', D: '❌', F: '❌' }[r.summary.grade!];
    expect(text.split('\n')[0]).toBe(
      `### ${icon} Production readiness of reports-hostile: ${r.summary.score}/100 (${r.summary.grade})`,
    );
    expect(text).toContain('| Pillar | Score | Grade | Coverage |');
    expect(text).not.toContain('Change');
    expect(text).toContain(`**Gates failed:**\n- ❌ overall score ${r.summary.score} is below 70`);
    const fixes = text.split('\n').filter((l) => /^\d\. /.test(l));
    expect(fixes).toHaveLength(Math.min(5, r.roadmap.length));
    // A partial result keeps its positive title, marked "(partly)"; a failure shows its failure title.
    const first = ruleOf(r, r.roadmap[0]!.rule);
    expect(fixes[0]).toContain(first.outcome === 'partial' ? `${first.title} (partly)` : first.failureTitle);
    expect(fixes[0]).toMatch(
      new RegExp(
        `^1\\. .+: \\+[0-9.]+ ${r.pillars.find((p) => p.id === r.roadmap[0]!.pillar)!.title} \\(\\+[0-9.]+ overall, (low|medium|high) effort\\) \`${r.roadmap[0]!.rule}\`$`,
      ),
    );
  });

  it('with a baseline: overall and per-pillar deltas and the rules that changed', () => {
    const before = base.get('reports-hostile')!;
    const after = clone(base.get('reports-go-service')!);
    // The shape `audit --baseline` writes (src/report/baseline.ts): ids, outcomes and scores only.
    const diff = diffReports(before, after);
    const score = (r: Report, id: string) => r.pillars.flatMap((p) => p.rules).find((x) => x.id === id)?.score ?? null;
    after.baseline = {
      file: 'baseline.json',
      commit: '0123456789abcdef0123456789abcdef01234567',
      overall: { before: diff.overall.before, after: diff.overall.after, delta: diff.overall.delta },
      pillars: diff.pillars.map((p) => ({ id: p.id, before: p.before, after: p.after, delta: p.delta })),
      rules: diff.rules.map((r) => ({
        id: r.id,
        before: r.before,
        after: r.after,
        beforeScore: score(before, r.id),
        afterScore: score(after, r.id),
        change: r.change,
      })),
      regressions: { pillars: [], rules: [] },
    } as unknown as Report['baseline'];
    expect(reportSchema.safeParse(after).success).toBe(true);
    const text = summary(after);
    const d = diffReports(before, after);
    expect(text.split('\n')[0]).toContain(`▲ +${d.overall.delta}`);
    expect(text).toContain('| Pillar | Score | Grade | Change | Coverage |');
    const ops = d.pillars.find((p) => p.id === 'operations')!;
    const opsNow = after.pillars.find((p) => p.id === 'operations')!;
    expect(text).toContain(
      `Operations & Deployment | ${ops.after} | ${opsNow.grade} | ▲ +${ops.delta} | ${opsNow.coverage.assessed} of ${opsNow.coverage.total} |`,
    );
    expect(text).toContain('**Changes since the baseline (`0123456`):**');
    expect(text).toMatch(/- ▲ improved: CI builds and tests every change \(`operations\/ci-pipeline`\) fail → pass/);
  });
});

describe('diffReports', () => {
  it('reports pillar deltas and classifies rule changes', () => {
    const before = base.get('reports-go-service')!;
    const after = clone(before);
    const mw = ruleOf(after, 'security/security-middleware');
    mw.outcome = 'fail';
    mw.points = 0;
    after.pillars.find((p) => p.id === 'security')!.score = 60;
    const sec = after.pillars.find((p) => p.id === 'security')!;
    sec.rules = sec.rules.filter((r) => r.id !== 'security/no-committed-secrets');
    sec.rules.push({ ...mw, id: 'security/new-rule', outcome: 'pass', points: 1, maxPoints: 1 });
    const d = diffReports(before, after);
    const was = before.pillars.find((p) => p.id === 'security')!.score!;
    expect(d.pillars.find((p) => p.id === 'security')).toMatchObject({ before: was, after: 60, delta: 60 - was });
    // A pillar with no score on either side has no delta, rather than a made-up zero.
    const nulled = clone(before);
    nulled.pillars.find((p) => p.id === 'reliability')!.score = null;
    expect(diffReports(nulled, nulled).pillars.find((p) => p.id === 'reliability')).toMatchObject({
      before: null,
      after: null,
      delta: null,
    });
    expect(d.rules.map((r) => [r.id, r.change])).toEqual([
      ['security/new-rule', 'added'],
      ['security/no-committed-secrets', 'removed'],
      ['security/security-middleware', 'regressed'],
    ]);
    expect(d.counts).toMatchObject({ regressed: 1, added: 1, removed: 1, improved: 0 });
    expect(diffReports(before, before).rules).toEqual([]);
  });
});

describe('render, diff and --template on the command line', () => {
  it('render re-renders a saved report exactly as the audit rendered it', async () => {
    const saved = join(tmp, 'saved.json');
    writeFileSync(saved, JSON.stringify(base.get('reports-go-service')));
    const direct = await cli(['audit', fixture('reports-go-service'), '--format', 'md']);
    const again = await cli(['render', saved]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(direct.stdout);
    const out = join(tmp, 'report.html');
    expect((await cli(['render', saved, '--output', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('render rejects a file that is not a report with one line and exit 2', async () => {
    const bad = join(tmp, 'bad.json');
    const r = clone(base.get('reports-go-service')!) as unknown as { pillars: { score: unknown }[] };
    r.pillars[0]!.score = 'high';
    writeFileSync(bad, JSON.stringify(r));
    const out = await cli(['render', bad]);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toEqual([
      `readiness: ${bad}: not a readiness report (schemaVersion 1 or 2): at pillars.0.score: Invalid input: expected number, received string`,
    ]);
    writeFileSync(bad, '{ not json');
    expect((await cli(['render', bad])).stderr).toMatch(/not valid JSON/);
  });

  it('diff prints pillar and rule deltas as terminal text, Markdown or JSON', async () => {
    const a = join(tmp, 'a.json');
    const b = join(tmp, 'b.json');
    writeFileSync(a, JSON.stringify(base.get('reports-hostile')));
    writeFileSync(b, JSON.stringify(base.get('reports-go-service')));
    const term = await cli(['diff', a, b]);
    expect(term.code).toBe(0);
    const [h, g] = [base.get('reports-hostile')!.summary, base.get('reports-go-service')!.summary];
    expect(term.stdout.split('\n')[0]).toBe(
      `Overall ${h.score} ${h.grade} → ${g.score} ${g.grade} +${g.score! - h.score!}`,
    );
    expect(term.stdout).toMatch(/▲ improved\s+operations\/ci-pipeline\s+fail → pass/);
    const json = JSON.parse((await cli(['diff', a, b, '--format', 'json'])).stdout);
    expect(json).toEqual(
      JSON.parse(JSON.stringify(diffReports(base.get('reports-hostile')!, base.get('reports-go-service')!))),
    );
    expect((await cli(['diff', a, b, '--format', 'md'])).stdout).toContain('| Pillar | Before | After | Change |');
    expect((await cli(['diff', a, b, '--format', 'xml'])).code).toBe(2);
  });

  it('--template renders a user template with the helpers and partials', async () => {
    const dir = join(tmp, 'tpl');
    mkdirSync(join(dir, 'partials'), { recursive: true });
    writeFileSync(join(dir, 'partials', 'head.md.hbs'), '# {{mdEscape repository.name}} ({{grade summary.grade}})\n');
    writeFileSync(
      join(dir, 'mine.md.hbs'),
      [
        '{{> head}}',
        '{{#each pillars}}',
        '- {{title}}: {{score}} {{scoreBar score 5}} {{percent score}}',
        '{{/each}}',
        '{{#each (where (allRules) "partial")}}{{outcomeIcon outcome}} {{pluralize evidence.length "item"}} {{#each evidence}}{{link this}}{{/each}}{{/each}}',
        '{{json summary.counts.pass}}',
      ].join('\n'),
    );
    const saved = join(tmp, 'go.json');
    writeFileSync(saved, JSON.stringify(base.get('reports-go-service')));
    const out = await cli(['render', saved, '--template', join(dir, 'mine.md.hbs')]);
    expect(out.code, out.stderr).toBe(0);
    const r = base.get('reports-go-service')!;
    const bar = (v: number | null) =>
      v === null ? '·····' : '▓'.repeat(Math.round(v / 20)) + '░'.repeat(5 - Math.round(v / 20));
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe(`# reports-go-service (${r.summary.grade})`);
    expect(lines.slice(1, 7)).toEqual(
      r.pillars.map(
        (p) => `- ${p.title}: ${p.score ?? 'n/a'} ${bar(p.score)} ${p.score === null ? '—' : `${p.score}%`}`,
      ),
    );
    const partials = r.pillars.flatMap((p) => p.rules).filter((x) => x.outcome === 'partial');
    expect(lines[7]).toBe(
      partials
        .map(
          (x) =>
            `⚠️ ${x.evidence.length} item${x.evidence.length === 1 ? '' : 's'} ${x.evidence.map((e) => `\`${e.line ? `${e.path}:${e.line}` : e.path}\``).join('')}`,
        )
        .join(''),
    );
    expect(lines.at(-1)).toBe(String(r.summary.counts.pass));
    // The same template works from the audit command too.
    const audited = await cli(['audit', fixture('reports-go-service'), '--template', join(dir, 'mine.md.hbs')]);
    expect(audited.stdout).toBe(out.stdout);
  });

  it('the worked example in docs/templates.md prints what the document says it prints', async () => {
    const doc = readFileSync(join(ROOT, 'docs', 'templates.md'), 'utf8');
    const source = /```handlebars\n([\s\S]*?)```/.exec(doc)![1]!;
    const expected = /For the `reports-go-service` fixture this prints:\n\n```markdown\n([\s\S]*?)```/.exec(doc)![1]!;
    const file = join(tmp, 'brief.md.hbs');
    writeFileSync(file, source);
    const out = await cli(['audit', fixture('reports-go-service'), '--template', file]);
    expect(out.code, out.stderr).toBe(0);
    expect(`${out.stdout}\n`).toBe(expected);
  });

  it('template errors name the file and line and exit 2', async () => {
    const saved = join(tmp, 'go2.json');
    writeFileSync(saved, JSON.stringify(base.get('reports-go-service')));
    const cases: [string, RegExp][] = [
      ['line one\n{{#each pillars}}\n{{title}}\n{{/if}}\n', /bad1\.hbs line 2: each doesn't match if/],
      ['ok\n\n{{frobnicate summary}}\n', /bad2\.hbs line 3: Missing helper: "frobnicate"/],
      ['fine\n{{> nosuch}}\n', /bad3\.hbs line 2: The partial nosuch could not be found/],
    ];
    for (const [i, [source, message]] of cases.entries()) {
      const file = join(tmp, `bad${i + 1}.hbs`);
      writeFileSync(file, source);
      const out = await cli(['render', saved, '--template', file]);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr).toContain(file);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    }
    const missing = await cli(['render', saved, '--template', join(tmp, 'absent.hbs')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('absent.hbs: cannot read (no such file or directory)');
  });

  it('the same tree renders byte-identical Markdown and HTML', async () => {
    for (const format of ['md', 'html']) {
      const a = await cli(['audit', fixture('reports-hostile'), '--format', format]);
      const b = await cli(['audit', '.', '--format', format], { cwd: fixture('reports-hostile') });
      expect(b.stdout).toBe(a.stdout);
    }
  });
});
