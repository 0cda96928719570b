/**
 * The terminal view: one screen by default (overall score with coverage, the pillars, the top
 * fixes, a hint to the detail), fitted to the terminal's width — prose wrapped or cut, the pillar
 * table never — and the same wording of a partial result as every other format.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../index.js';
import type { Report } from '../src/report/schema.js';
import { ruleTitle } from '../src/report/wording.js';
import { render } from '../src/render/index.js';
import { displayWidth, truncate, wrap } from '../src/render/text.js';
import { cli, fixture } from './helpers/cli.js';
import { tempDir, writeTree } from './helpers/tree.js';

const view = (r: Report, width?: number, verbose = false) =>
  render(r, 'terminal', { color: false, verbose, ...(width ? { width } : {}) });
const lines = (text: string) => text.replace(/\n$/, '').split('\n');
const widest = (text: string) => Math.max(...lines(text).map(displayWidth));
/** The pillar table: its lines, each of which must be whole. */
const tableLines = (text: string) => lines(text).filter((l) => /^[┌│└]/.test(l));

let service: Report;
beforeAll(async () => {
  service = await audit(fixture('node-service'), { minScore: 90, failOn: 'high' });
});

describe('the default view', () => {
  it.each([80, 120])('fits %i columns: score and coverage, the pillars, the top fixes, then the hint', (width) => {
    const text = view(service, width);
    expect(widest(text)).toBeLessThanOrEqual(width);
    const at = (s: string | RegExp) =>
      lines(text).findIndex((l) => (typeof s === 'string' ? l.includes(s) : s.test(l)));
    const order = [
      at(/^Overall \d+ [A-F] {2}\(\d+ of \d+ rules assessed/),
      at('│ Pillar'),
      at('Top fixes'),
      at('Gates'),
      at('--verbose, or --format md'),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const p of service.pillars) expect(text).toContain(`│ ${p.title}`);
    // The first roadmap item, with the points it adds to its pillar and its effort.
    const top = service.roadmap[0]!;
    expect(text).toContain(`+${top.pillarGain.toFixed(1)}`);
    expect(text).toContain(`${top.effort} effort`);
    // Evidence and remedies are the verbose view's.
    expect(text).not.toMatch(/^ +fix:/m);
    expect(text).not.toContain('What to fix');
    // Every line of the table has the same width: nothing in it is cut or wrapped.
    expect(new Set(tableLines(text).map(displayWidth)).size).toBe(1);
  });

  it('uses a wider terminal: a top-fix column and the first step of each fix', () => {
    const narrow = view(service, 80);
    const wide = view(service, 120);
    expect(narrow).not.toBe(wide);
    expect(narrow).not.toContain('Top fix ');
    expect(wide).toContain('│ Top fix');
    const step = service.pillars
      .flatMap((p) => p.rules)
      .find((r) => r.id === service.roadmap[0]!.rule)!
      .remediation.slice(0, 20);
    expect(wide).toContain(step);
    expect(narrow).not.toContain(step);
  });

  it('falls back to pillar ids rather than cut the table on a narrow terminal', () => {
    const text = view(service, 44);
    expect(widest(text)).toBeLessThanOrEqual(44);
    expect(text).toContain('│ observability');
    expect(text).not.toContain('Observability & Monitoring │');
    expect(new Set(tableLines(text).map(displayWidth)).size).toBe(1);
  });

  it('stays within 60 lines and the width whatever the report holds; --verbose shows it all', () => {
    // The worst a large repository gives: many failed gates, notes, baseline changes and
    // suppressions, very long names and messages.
    const r = structuredClone(service);
    r.repository.name = `a-very-long-repository-name-${'x'.repeat(150)}`;
    r.notes = Array.from({ length: 40 }, (_, i) => `note ${i}: ${'long text '.repeat(30)}`);
    r.gates.checks = Array.from({ length: 20 }, (_, i) => ({
      kind: 'min-pillar' as const,
      target: 'security',
      expected: '>= 90',
      actual: String(i),
      passed: i % 3 === 0,
      message: `gate ${i}: ${'the pillar score is below its minimum '.repeat(4)}`,
    }));
    const rules = r.pillars.flatMap((p) => p.rules);
    r.baseline = {
      file: `baselines/${'deep/'.repeat(30)}base.json`,
      commit: 'abcdef1234567',
      overall: { before: 50, after: 40, delta: -10 },
      pillars: r.pillars.map((p) => ({
        id: p.id,
        before: 50,
        after: p.score,
        delta: p.score === null ? null : p.score - 50,
      })),
      rules: rules.map((x) => ({
        id: x.id,
        before: 'pass' as const,
        after: 'fail' as const,
        beforeScore: 1,
        afterScore: 0,
        change: 'regressed' as const,
      })),
      regressions: { pillars: [], rules: rules.map((x) => x.id) },
    };
    for (const x of rules.slice(0, 10)) x.suppressed = { reason: 'reason '.repeat(40) };
    r.roadmap = Array.from({ length: 60 }, (_, i) => ({ ...service.roadmap[i % service.roadmap.length]! }));
    r.level = {
      id: 'bronze',
      next: { id: 'silver', unmet: rules.slice(0, 12).map((x) => ({ rule: x.id, state: 'fail' as const })) },
      suppressed: [],
    };
    r.packages = Array.from({ length: 40 }, (_, i) => ({
      path: `packages/${'nested/'.repeat(i % 5)}pkg-${i}`,
      name: `@acme/pkg-${i}`,
      ecosystem: 'npm',
      manifest: `packages/pkg-${i}/package.json`,
      files: 10,
      languages: r.repository.languages,
      profile: r.repository.profile,
      frameworks: [],
      inherited: [],
      summary: r.summary,
      pillars: r.pillars,
      roadmap: r.roadmap.slice(0, 3),
      gates: { passed: i % 2 === 0, failed: [] },
    }));
    for (const width of [80, 120]) {
      const text = view(r, width);
      if (process.env.SHOW_VIEW) console.log(text);
      expect(lines(text).length).toBeLessThanOrEqual(60);
      expect(widest(text)).toBeLessThanOrEqual(width);
      const full = view(r, width, true);
      expect(lines(full).length).toBeGreaterThan(200);
      expect(widest(full)).toBeLessThanOrEqual(width);
      for (const n of r.notes) expect(full).toContain(n.slice(0, 20));
      for (const p of r.packages) expect(full).toContain(p.path);
      expect(text).toContain('Level bronze · next silver: 12 rules to meet');
      expect(text).toContain('Packages (40), weakest first');
    }
  });

  it('on a generated repository of a thousand files with failing gates: one screen', async () => {
    const files: Record<string, string> = { 'package.json': '{"name":"big","dependencies":{"express":"4"}}' };
    for (let i = 0; i < 400; i++) {
      files[`services/svc${i % 20}/src/handler${i}.js`] = `const x = require('express');\nmodule.exports = ${i};\n`;
      files[`services/svc${i % 20}/test/handler${i}.test.js`] = `it('works ${i}', () => {});\n`;
    }
    for (let i = 0; i < 100; i++)
      files[`deploy/k8s/app${i}.yaml`] =
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:latest\n`;
    for (let i = 0; i < 100; i++) files[`docs/page${i}.md`] = `# Page ${i}\n`;
    const root = writeTree(tempDir(), files);
    const gates = ['--min-score', '95', '--fail-on', 'low'];
    for (const p of ['architecture', 'quality', 'observability', 'security', 'reliability', 'operations'])
      gates.push('--min-pillar', `${p}=95`);
    for (const columns of [80, 120]) {
      const r = await cli(['audit', root, ...gates], { columns });
      expect(r.code).toBe(1);
      expect(lines(r.stdout).length).toBeLessThanOrEqual(60);
      expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
    }
  });
});

describe('the width the command line fits', () => {
  it('is the terminal columns, else $COLUMNS, else 80; a file gets 80', async () => {
    const at = (r: { stdout: string }) => widest(r.stdout);
    const wide = await cli(['audit', fixture('node-service')], { columns: 150 });
    expect(wide.stdout).toContain('│ Top fix');
    expect(at(wide)).toBeGreaterThan(100);
    const env = await cli(['audit', fixture('node-service')], { env: { COLUMNS: '150' } });
    expect(env.stdout).toBe(wide.stdout);
    const none = await cli(['audit', fixture('node-service')]);
    expect(none.stdout).not.toContain('│ Top fix');
    expect(at(none)).toBeLessThanOrEqual(80);
    const out = `${tempDir()}/report.txt`;
    await cli(['audit', fixture('node-service'), '-o', out], { columns: 150 });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(out, 'utf8')).toBe(`${none.stdout}\n`);
  });
});

describe('one wording of a partial result in every format', () => {
  it('terminal, Markdown, HTML and SARIF call it by its title, marked partly — never by its failure title', () => {
    const partial = service.pillars
      .flatMap((p) => p.rules)
      .filter((r) => r.outcome === 'partial' && !/[&<>"']/.test(r.title + r.failureTitle));
    expect(partial.length).toBeGreaterThan(0);
    const outputs = {
      terminal: view(service, 200, true),
      md: render(service, 'md', { color: false }),
      html: render(service, 'html', { color: false }),
      sarif: JSON.parse(render(service, 'sarif', { color: false })).runs[0].results.map(
        (x: { message: { text: string } }) => x.message.text,
      ),
    };
    for (const r of partial) {
      expect(ruleTitle(r)).toBe(`${r.title} (partly)`);
      for (const [format, text] of Object.entries(outputs)) {
        const all = Array.isArray(text) ? text.join('\n') : text;
        expect(all, `${format}: ${r.id}`).toContain(ruleTitle(r));
        expect(all, `${format}: ${r.id}`).not.toContain(r.failureTitle);
      }
    }
  });
});

describe('text layout', () => {
  it('measures wide characters, cuts with an ellipsis and wraps words, cutting only words wider than a line', () => {
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(truncate('hello world', 8)).toBe('hello w…');
    expect(displayWidth(truncate('日本語のテキスト', 7))).toBeLessThanOrEqual(7);
    expect(wrap('aaa bbb ccc ddd', 7)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(wrap('  aaa bbb ccc', 9, '    ')).toEqual(['  aaa bbb', '    ccc']);
    expect(wrap(`x ${'y'.repeat(12)}`, 5)).toEqual(['x', 'yyyyy', 'yyyyy', 'yy']);
  });
});

describe('verify and diff fit the terminal too', () => {
  const doc = [
    '# Readiness of the node service',
    '',
    `Overall readiness: 95 %. ${'This paragraph goes on and on about what the team did this quarter. '.repeat(3)}`,
    '',
    '- ✅ Health checks: liveness and readiness probes on every deployment, with a database ping behind /ready',
    '- ❌ No distributed tracing: OpenTelemetry is not configured anywhere in the service or its deployment',
    '- ✅ Docker image runs as a non-root user, pinned by digest, scanned with Trivy in the pipeline on every push',
    '',
  ].join('\n');

  it.each([60, 100])(
    'verify prints nothing wider than %i columns, and the claims stay whole in JSON',
    async (columns) => {
      const dir = tempDir();
      writeTree(dir, { 'READINESS.md': doc });
      const r = await cli(['verify', `${dir}/READINESS.md`, fixture('node-service')], { columns });
      expect(r.code).toBe(0);
      expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
      expect(r.stdout).toMatch(/line 5: Health checks/);
      const json = await cli(['verify', `${dir}/READINESS.md`, fixture('node-service'), '--format', 'json']);
      expect(json.stdout).toContain('with a database ping behind /ready');
    },
  );

  it('diff cuts a rule title, never the rule id or the change, to fit', async () => {
    const dir = tempDir();
    const before = JSON.parse(render(service, 'json', { color: false })) as Report;
    const rule = before.pillars.flatMap((p) => p.rules).find((x) => x.outcome === 'pass')!;
    rule.outcome = 'fail';
    writeTree(dir, { 'before.json': JSON.stringify(before), 'after.json': render(service, 'json', { color: false }) });
    const r = await cli(['diff', `${dir}/before.json`, `${dir}/after.json`], { columns: 60 });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(60);
    expect(r.stdout).toContain(rule.id);
    expect(r.stdout).toMatch(/improved/);
  });
});
