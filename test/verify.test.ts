/** readiness verify: mojibake repair, claim extraction in context, one judge over rules and facts, and the command end to end. */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFacts, completeFacts } from '../src/facts/index.js';
import type { Report } from '../src/report/schema.js';
import { memoryIndex, type Tree } from '../src/testing/memory.js';
import { extractClaims, statusOf } from '../src/verify/extract.js';
import { verifyDocument } from '../src/verify/index.js';
import { judgeClaim } from '../src/verify/judge.js';
import { repairMojibake } from '../src/verify/mojibake.js';
import { describedProfile } from '../src/verify/profile.js';
import { toolsFromGraph } from '../src/verify/tools.js';
import { verifySchema, type VerifyResult } from '../src/verify/schema.js';
import { cli, fixture } from './helpers/cli.js';
import { assertMarkdownTablesIntact } from './helpers/markdown.js';
import { tempDir, writeTree } from './helpers/tree.js';

/** UTF-8 bytes shown through a single-byte code page, as an editor that guessed wrong would. */
const MAC_ROMAN =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';
const CP437 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const through = (table: string, text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => (b < 0x80 ? String.fromCharCode(b) : [...table][b - 0x80])).join('');
const LATIN1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('mojibake, span by span', () => {
  it('repairs UTF-8 read as Mac Roman', () => {
    const r = repairMojibake(through(MAC_ROMAN, '# ✅ Done\nplain line\n- ❌ CI — missing\n'));
    expect(r).toMatchObject({ repaired: true, encoding: 'mac-roman', lines: 2 });
    expect(r.text).toBe('# ✅ Done\nplain line\n- ❌ CI — missing\n');
  });
  it('repairs UTF-8 read as Windows-1252 or Latin-1', () => {
    expect(repairMojibake('- âœ… CI â€” â€œdoneâ€\u009d\n').text).toBe('- ✅ CI — “done”\n');
    expect(repairMojibake(LATIN1('- ✅ Terraform — 🔴 missing\n')).text).toBe('- ✅ Terraform — 🔴 missing\n');
  });
  it('repairs UTF-8 read as CP437, the console code page', () => {
    const r = repairMojibake(through(CP437, '- ✅ Done — tests ⚠️ 🚀\n'));
    expect(r).toMatchObject({ repaired: true, encoding: 'cp437' });
    expect(r.text).toBe('- ✅ Done — tests ⚠️ 🚀\n');
  });
  it('repairs only the garbled spans of a line, leaving correct accents beside them', () => {
    const line = `Déploiement naïve: ${through(MAC_ROMAN, '✅ fait')} — café`;
    expect(repairMojibake(line).text).toBe('Déploiement naïve: ✅ fait — café');
  });
  it('recovers emoji whose lead byte was lost and marks whose undefined byte was dropped', () => {
    const lostLead = through(MAC_ROMAN, '## Observability 🔴 NOT DONE\n- ✅ CI').replace('\uf8ff', '');
    expect(repairMojibake(lostLead).text).toBe('## Observability 🔴 NOT DONE\n- ✅ CI');
    const dropped = LATIN1('- ❌ CI — “done” ⚠️').replace(/[\u0081\u008d\u008f\u0090\u009d]/g, '');
    expect(repairMojibake(dropped).text).toBe('- ❌ CI — “done” ⚠️');
  });
  it('reads a lead byte through one page and its continuation through another', () => {
    const mixed = `Γ${LATIN1('✅').slice(1)}`; // 0xE2 as CP437, 0x9C 0x85 as Latin-1
    expect(repairMojibake(`- ${mixed} x\n- ${through(MAC_ROMAN, '✅')} y`).text).toBe('- ✅ x\n- ✅ y');
  });
  it('leaves correct text alone, accents and emoji included', () => {
    const text = '# Déploiement ✅\nCafé — naïve façade 🚀 Größe «ok» 10 °C\n';
    expect(repairMojibake(text)).toEqual({ text, repaired: false, lines: 0 });
  });
});

describe('claim extraction', () => {
  it('reads status words and marks, marks first, in several languages', () => {
    expect(statusOf('✅ Complete')).toBe('done');
    expect(statusOf('⚠️ PARTIAL')).toBe('partial');
    expect(statusOf('❌ NOT DONE')).toBe('not-done');
    // Pending is not there yet; work under way is partial.
    expect(statusOf('Pending')).toBe('planned');
    expect(statusOf('⏳ Add integration tests')).toBe('planned');
    expect(statusOf('⏳ in progress')).toBe('partial');
    // A warning sign beside words of absence marks an absence (round 15, sixth session).
    expect(statusOf('⚠️ not configured')).toBe('not-done');
    expect(statusOf('⚠️ partially configured')).toBe('partial');
    expect(statusOf('fehlt')).toBe('not-done');
    expect(statusOf('completado')).toBe('done');
    expect(statusOf('Planned for Q3')).toBe('planned');
  });

  const doc = [
    '# Report', // 1
    '', // 2
    '**Overall:** ✅ **87% production-ready**', // 3
    '', // 4
    '| Component | Maturity | Status | Gaps |', // 5
    '|---|---|---|---|', // 6
    '| **Terraform** | 90% | ✅ YES | state backend |', // 7
    '| Load tests | — | ❌ NOT DONE | |', // 8
    '| Notes only | text | more text | |', // 9
    '', // 10
    '## Observability 🔴 NOT DONE', // 11
    '- Distributed tracing', // 12
    '- Alerting (PagerDuty)', // 13
    '', // 14
    '**Missing:**', // 15
    '- Grafana dashboards', // 16
    '', // 17
    '**Notes:**', // 18
    '- talk to the platform team', // 19
    '', // 20
    '```python', // 21
    'status = "✅ inside code"', // 22
    '```', // 23
    '- [x] 98/98 tests passing', // 24
    '- [ ] Runbooks documented', // 25
    '### Goal: 100% production ready', // 26
    '**Result:** 95% production-ready after phase 2', // 27
  ].join('\n');
  const claims = extractClaims(doc);
  const at = (line: number) => claims.find((c) => c.line === line);

  it('finds the readiness figure, and not goals or projected results', () => {
    expect(at(3)).toMatchObject({ readiness: true, number: { kind: 'percent', value: 87 }, asserted: 'done' });
    expect(at(26)).toBeUndefined();
    expect(at(27)).toBeUndefined();
  });
  it('reads table rows with a status column, keeping numbers and the subject', () => {
    expect(at(7)).toMatchObject({
      source: 'table',
      subject: 'Terraform',
      asserted: 'done',
      number: { kind: 'percent', value: 90 },
    });
    expect(at(8)).toMatchObject({ subject: 'Load tests', asserted: 'not-done' });
    expect(at(9)).toBeUndefined();
  });
  it('bullets inherit the status of their heading; "Missing:" lists claim absence; other labelled lists claim nothing', () => {
    expect(at(11)).toMatchObject({ source: 'heading', asserted: 'not-done' });
    expect(at(12)).toMatchObject({ subject: 'Distributed tracing', asserted: 'not-done' });
    expect(at(16)).toMatchObject({ subject: 'Grafana dashboards', asserted: 'not-done' });
    expect(at(19)).toBeUndefined();
  });
  it('skips code, and reads checklists of a list that tracks status', () => {
    expect(at(22)).toBeUndefined();
    expect(at(24)).toMatchObject({
      source: 'checklist',
      asserted: 'done',
      number: { kind: 'ratio', value: 98, total: 98 },
    });
    // In a document that ticks other boxes, an open box says the thing is not done yet (a progress checklist).
    expect(at(25)).toMatchObject({ source: 'checklist', asserted: 'not-done' });
  });

  it('an unticked box in a document whose boxes are all open is a to-do, unless a mark after it gives a verdict', () => {
    const c = extractClaims(
      [
        '## Reviewer checklist', // 1
        '- [ ] Helm chart exists', // 2
        '## Before you deploy', // 3
        '- [ ] Backups verified', // 4
        '## Hardening', // 5
        '- [ ] Rate limiting on the public API', // 6
        '- [ ] ❌ WAF in front of the API', // 7
      ].join('\n'),
    );
    expect(c.map((x) => [x.line, x.asserted])).toEqual([[7, 'not-done']]);
  });

  it("beside ticked boxes, an open box says not done yet, except in a reviewer's list or before deploying", () => {
    const c = extractClaims(
      [
        '## Reviewer checklist', // 1
        '- [ ] Helm chart exists', // 2
        '## Before you deploy', // 3
        '- [ ] Backups verified', // 4
        '## Hardening', // 5
        '- [ ] Rate limiting on the public API', // 6
        '- [ ] ❌ WAF in front of the API', // 7
        '## Status', // 8
        '- [x] CI pipeline', // 9
        '- [ ] Load tests', // 10
      ].join('\n'),
    );
    expect(c.map((x) => [x.line, x.asserted])).toEqual([
      [6, 'not-done'],
      [7, 'not-done'],
      [9, 'done'],
      [10, 'not-done'],
    ]);
  });

  it('imperative steps, gaps of a completed phase, labels and sign-off tables are not claims', () => {
    const c = extractClaims(
      [
        '## Rollout', // 1
        '- Run the migrations', // 2
        '- Watch the dashboards for a day', // 3
        '## Phase 1 (completed)', // 4
        '### Gaps found then', // 5
        '- ❌ No CI pipeline', // 6
        '- ✅ Dockerfile written', // 7
        '**Owner:** ✅ Platform team', // 8
        '**Date:** 2024-05-01', // 9
        '| Role | Name | Date |', // 10
        '|---|---|---|', // 11
        '| Tech lead | ✅ A. Example | 2024-05-01 |', // 12
        '## Remaining', // 13
        '- Canary deployment: set up a progressive rollout', // 14
      ].join('\n'),
    );
    expect(c.map((x) => [x.line, x.asserted])).toEqual([
      [7, 'done'],
      [14, 'not-done'],
    ]);
  });

  it('the mark after a box, the words beside a coloured circle, and examples or proposals', () => {
    const c = extractClaims(
      [
        '## Go-live', // 1
        '- [x] Monitoring configured ❌ PENDING', // 2
        '- 🟢 CI integration pending (backlog)', // 3
        '## Proposed test architecture', // 4
        '- ✅ Shared containers across tests', // 5
        '### Phase 2: Staging (Week 3) 🟡', // 6
        '- [ ] Deploy to staging', // 7
      ].join('\n'),
    );
    expect(c.map((x) => [x.line, x.asserted])).toEqual([
      [2, 'not-done'],
      [3, 'planned'],
    ]);
  });

  it('reads figures in context: sub-scores, label counts, test tables, targets and run outcomes', () => {
    const c = extractClaims(
      [
        '- Observability: 7/10', // 1
        'Tests passing: 412/415', // 2
        '- **Coverage**: 71% (goal: 80%)', // 3
        '| Suite | Tests | Status |', // 4
        '|---|---|---|', // 5
        '| PaymentServiceTest | 4 | ✅ |', // 6
        '- Smoke: 3 smoke scenarios pass', // 7
        '- ❌ 2 tests failing in CI', // 8
      ].join('\n'),
    );
    const line = (n: number) => c.find((x) => x.line === n);
    expect(line(1)).toMatchObject({
      subject: 'Observability',
      number: { kind: 'score10', value: 7 },
      readiness: false,
    });
    expect(line(2)).toMatchObject({ number: { kind: 'ratio', value: 412, total: 415 } });
    expect(line(3)).toMatchObject({ number: { kind: 'percent', value: 71, unit: 'coverage' } });
    expect(line(6)).toMatchObject({
      subject: 'PaymentServiceTest',
      number: { kind: 'count', value: 4, unit: 'tests' },
    });
    expect(line(7)?.number).toMatchObject({ value: 3, unit: 'smoke scenarios' });
    expect(line(8)?.number?.unit).toContain('(outcome)');
  });

  it('reads claims inside fenced blocks: tree nodes with a mark and test-runner output', () => {
    const c = extractClaims(
      [
        '```',
        'app/',
        '├── docs/',
        '│   └── RUNBOOK.md ✅',
        '└── helm/ ❌',
        '```',
        '```',
        'Tests  189 passed | 5 skipped (194)',
        '```',
      ].join('\n'),
    );
    // (A bare node, "├── docs/", is read too: a loose claim that the folder is there.)
    expect(c.map((x) => [x.line, x.subject, x.asserted])).toEqual([
      [3, 'docs/', 'done'],
      [4, 'docs/RUNBOOK.md', 'done'],
      [5, 'helm/', 'not-done'],
      [8, 'test run', 'done'],
    ]);
    expect(c[3]!.number).toMatchObject({ kind: 'ratio', value: 189, total: 194 });
  });

  it('reads hostile lines (long runs of digits, hyphens, underscores) as ordinary text', () => {
    const hostile = [`- ✅ ${'1,'.repeat(40_000)}`, `- ✅ ${'a-'.repeat(40_000)}`, `- ✅ ${' _x'.repeat(30_000)}`].join(
      '\n',
    );
    const c = extractClaims(hostile);
    expect(c.map((x) => [x.line, x.asserted])).toEqual([
      [1, 'done'],
      [2, 'done'],
      [3, 'done'],
    ]);
    expect(c.every((x) => x.text.length <= 400)).toBe(true);
  });
});

const rule = (
  id: string,
  outcome: string,
  data?: Record<string, unknown>,
  evidence: object[] = [{ path: 'x.tf', line: 3 }],
) => ({
  id,
  title: id,
  failureTitle: id,
  description: '',
  outcome,
  score: outcome === 'pass' ? 1 : outcome === 'fail' ? 0 : outcome === 'partial' ? 0.5 : null,
  weight: 1,
  points: 0,
  maxPoints: 1,
  severity: 'high',
  effort: 'low',
  message: `${id} says ${outcome}`,
  evidence,
  remediation: '',
  ...(data ? { data } : {}),
});
const pillar = (id: string, score: number | null, rules: object[]) => ({
  id,
  title: id,
  score,
  grade: score === null ? null : 'C',
  coverage: { assessed: rules.length, total: rules.length },
  rules,
});
const report = {
  repository: { name: 'r', profile: { id: 'service', reasons: [] } },
  summary: { score: 52, grade: 'D', coverage: { assessed: 10, total: 12 } },
  pillars: [
    pillar('operations', 80, [
      rule('operations/infrastructure-as-code', 'pass'),
      rule('operations/ci-pipeline', 'fail'),
      rule('operations/container-image', 'partial'),
    ]),
    pillar('quality', 30, [rule('quality/tests-present', 'pass', { testCases: 96 })]),
    pillar('observability', 70, [rule('observability/tracing', 'pass', undefined, [{ path: 'app/otel.py', line: 2 }])]),
    pillar('security', 40, [
      rule('security/authentication', 'pass', undefined, [
        { path: 'app/deps.py', line: 16, snippet: 'reusable_oauth2 = OAuth2PasswordBearer(' },
      ]),
    ]),
  ],
} as unknown as Report;

describe('verdicts from rules', () => {
  const judge = (line: string) => judgeClaim(extractClaims(line)[0]!, report);
  it.each([
    ['- ✅ Terraform modules', 'confirmed', 'operations/infrastructure-as-code'],
    ['- ❌ Terraform not started', 'contradicted', 'operations/infrastructure-as-code'],
    ['- ✅ CI/CD pipeline', 'contradicted', 'operations/ci-pipeline'],
    ['- ❌ CI/CD pipeline not configured', 'confirmed', 'operations/ci-pipeline'],
    ['- ✅ Dockerfile', 'partially-confirmed', 'operations/container-image'],
    ['- ⚠️ Dockerfile partial', 'confirmed', 'operations/container-image'],
    ['- ✅ 98 tests', 'confirmed', 'quality/tests-present'],
    ['- ✅ 98/98 tests passing', 'confirmed', 'quality/tests-present'],
    ['- ✅ 790 tests', 'contradicted', 'quality/tests-present'],
    ['- ❌ No tracing: OpenTelemetry not configured', 'contradicted', 'observability/tracing'],
    ['- ✅ SLA 99.95% met', 'unverifiable', null],
    ['- ✅ Team trained on incident response', 'unverifiable', null],
    ['- ✅ Penetration test passed', 'unverifiable', null],
    ['- ✅ Quantum flux capacitor', 'unverifiable', null],
  ])('%s → %s', (line, verdict, ruleId) => {
    const v = judge(line);
    expect(v.verdict, v.reason).toBe(verdict);
    expect(v.rule).toBe(ruleId);
  });

  it("a readiness figure or a sub-score is the author's weighting: unverifiable, with the measured score beside it", () => {
    const v = judge('**Overall:** 85% production-ready');
    expect(v).toMatchObject({ verdict: 'unverifiable', basis: 'score' });
    expect(v.reason).toContain('readiness measures 52 (D)');
    expect(v.evidence[0]!.note).toContain('measured overall 52');
    expect(judge('Current readiness: 5.5/10').verdict).toBe('unverifiable');
    expect(judge('Readiness grade: A+').verdict).toBe('unverifiable');
    // A sub-score is shown beside its pillar, never the overall score.
    const sub = judge('- Observability: 7/10');
    expect(sub).toMatchObject({ verdict: 'unverifiable', rule: 'pillar:observability' });
    expect(sub.evidence[0]!.note).toMatch(/^observability: 70/);
    expect(judge('- Design patterns: 95/100')).toMatchObject({ verdict: 'unverifiable', basis: 'score' });
  });

  it('a count of part of the suite is never compared with the whole suite, and a target is not a result', () => {
    expect(judge('- Smoke: 3 smoke scenarios pass').verdict).toBe('unverifiable');
    expect(judge('- ✅ Coverage: 71% (goal: 80%)').reason).toMatch(/--coverage/);
    expect(judge('- ❌ 2 tests failing in CI').verdict).toBe('unverifiable');
  });

  it('a list label says what a count counts; actions to take and "not tested" are not checkable', () => {
    const c = extractClaims('**Integration Tests:**\n- ✅ 7/8 tests passing\n')[0]!;
    expect(c).toMatchObject({ section: 'Integration Tests' });
    expect(judge('- ⚠️ Update documentation with latest results').verdict).toBe('unverifiable');
    expect(judge('- ❌ Terraform state backups (not tested)').verdict).toBe('unverifiable');
    expect(judge('- ❌ Terraform not started').verdict).toBe('contradicted');
  });

  it('a claim naming one mechanism is confirmed only by that mechanism', () => {
    const j = (line: string) => judgeClaim(extractClaims(line)[0]!, report);
    expect(j('- ✅ OAuth2 login').verdict).toBe('confirmed');
    const apiKey = j('- ✅ Token auth via an API-key header');
    expect(apiKey).toMatchObject({ verdict: 'partially-confirmed', rule: 'security/authentication' });
    expect(apiKey.reason).toMatch(/API keys.*instead/);
    // Not shown in a rule's evidence is no proof of absence.
    expect(j('- ❌ API key authentication missing').verdict).toBe('unverifiable');
    expect(j('- ❌ OAuth2 not implemented').verdict).toBe('contradicted');
  });

  it('takes extra vocabulary from the config', () => {
    const c = extractClaims('- ✅ Fluxomat pipelines\n')[0]!;
    expect(judgeClaim(c, report).verdict).toBe('unverifiable');
    expect(judgeClaim(c, report, { 'operations/ci-pipeline': ['fluxomat'] })).toMatchObject({
      rule: 'operations/ci-pipeline',
      verdict: 'contradicted',
    });
  });
});

describe('verdicts from fact lookups', () => {
  const tree: Tree = {
    'package.json': JSON.stringify({
      name: 'billing',
      scripts: { lint: 'eslint .' },
      dependencies: { express: '^4.19.2', 'express-rate-limit': '^7.1.0', 'legacy-gateway-client': '1.2.0' },
      devDependencies: { vitest: '^1.6.0' },
    }),
    'src/server.js': [
      "const express = require('express');",
      'const app = express();',
      "app.get('/ready', (req, res) => res.send('ok'));",
      "app.get('/health/live', (req, res) => res.send('ok'));",
      'const retryPolicy = { attempts: 3, delay: 500 };',
      'function backoffFor(attempt) { return 100 * 2 ** attempt; }',
      'app.listen(8000);',
      'module.exports = { retryPolicy, backoffFor };',
    ].join('\n'),
    'src/db.js': 'module.exports = { poolSize: 10 };\n',
    'docs/RUNBOOK.md': '# Runbook\n',
    '.github/workflows/ci.yml':
      'on: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run lint\n',
    'test/api/orders.test.js': "import { it } from 'vitest';\nit('lists', () => {});\nit('creates', () => {});\n",
    'test/billing.test.js': "import { it } from 'vitest';\nit('bills', () => {});\n",
    'vitest.config.js': 'export default {};\n',
    Dockerfile: 'FROM node:20-alpine\nCOPY . .\n',
  };
  const files = memoryIndex(tree);
  const facts = completeFacts(files, collectFacts(files), { matches: () => [] }, { override: 'service' });
  const verify = (doc: string): VerifyResult =>
    verifyDocument({
      document: 'd.md',
      text: doc,
      report,
      facts: { files, facts, tools: toolsFromGraph(facts.commands) },
    });
  const one = (line: string) => verify(line).claims[0]!;

  it.each([
    ['- ✅ `docs/RUNBOOK.md` added', 'confirmed', 'file'],
    ['- ✅ `docs/ONCALL.md` added', 'contradicted', 'file'],
    ['- ✅ Upgraded to Express 4.19', 'confirmed', 'dependency'],
    ['- ✅ Upgraded to Express 5.0', 'contradicted', 'dependency'],
    ['- ✅ Dropped the `legacy-gateway-client` library', 'contradicted', 'dependency'],
    ['- ✅ Removed the moment library', 'confirmed', 'dependency'],
    ['- ✅ `/ready` exposed', 'confirmed', 'search'],
    ['- ✅ `/metrics` exposed', 'contradicted', 'search'],
    ['- ✅ Listens on port 8000', 'confirmed', 'search'],
    ['- ✅ Connection pool size 20', 'contradicted', 'search'],
    ['- ✅ `backoffFor` helper', 'confirmed', 'search'],
    ['- ❌ `retryPolicy` not implemented', 'contradicted', 'search'],
    ['- API suite: 2 tests', 'confirmed', 'tests'],
    ['- billing: 3 tests', 'contradicted', 'tests'],
    // A practice word matched in a line of code the claim does not name: shown, not confirmed.
    ['- ✅ Retries with exponential backoff', 'unverifiable', 'mechanism'],
    ['- ✅ Runs on Node 20', 'confirmed', 'dependency'],
    ['- ✅ Runs on Node 18', 'contradicted', 'dependency'],
    ['- ✅ 2 test files', 'confirmed', 'tests'],
    ['- ✅ 5 test files', 'contradicted', 'tests'],
    ['- ✅ ESLint runs in CI on every push', 'confirmed', 'tools'],
    ['- ✅ Trivy scans the image in the pipeline', 'contradicted', 'tools'],
  ])('%s → %s (%s)', (line, verdict, basis) => {
    const v = one(line);
    expect(v.verdict, v.reason).toBe(verdict);
    expect(v.basis).toBe(basis);
    expect(v.evidence.length, 'a decided claim shows its evidence').toBeGreaterThan(0);
  });

  it('each decided claim names the file and line it rests on', () => {
    expect(one('- ✅ `/ready` exposed').evidence[0]).toMatchObject({ path: 'src/server.js', line: 3 });
    expect(one('- ✅ Upgraded to Express 4.19').evidence[0]).toMatchObject({ path: 'package.json' });
    expect(one('- ✅ Connection pool size 20').evidence[0]).toMatchObject({ path: 'src/db.js', line: 1 });
    // A tool CI runs: where CI starts it, and where the command is written.
    const eslint = one('- ✅ ESLint runs in CI on every push');
    expect(eslint.evidence).toEqual([
      expect.objectContaining({ path: '.github/workflows/ci.yml', line: 6 }),
      expect.objectContaining({ path: 'package.json' }),
    ]);
  });

  it('the document itself is never evidence for its own claims', () => {
    const doc = '- ✅ `checkoutLimiter` protects checkout\n';
    const withDoc = memoryIndex({ ...tree, 'READINESS.md': doc });
    const r = verifyDocument({
      document: 'READINESS.md',
      text: doc,
      report,
      facts: {
        files: withDoc,
        facts: completeFacts(withDoc, collectFacts(withDoc), { matches: () => [] }, { override: 'service' }),
        documentPath: 'READINESS.md',
      },
    });
    expect(r.claims[0]!.verdict).toBe('contradicted');
  });
});

describe('the profile a document describes', () => {
  it('a service with endpoints and deployments, a library, or nothing clear', () => {
    expect(
      describedProfile(
        '# Orders API\n- REST endpoints\n- deployed to Kubernetes\n- health checks\n- database migrations',
      ),
    ).toBe('service');
    expect(describedProfile('# Parser library\nA small SDK for parsing.')).toBe('library');
    expect(describedProfile('# Notes\nSome thoughts.')).toBeNull();
  });
});

async function verify(name: string, doc = 'READINESS.md', extra: string[] = []): Promise<VerifyResult> {
  const r = await cli(['verify', `${fixture(name)}/${doc}`, `${fixture(name)}/repo`, '--format', 'json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return verifySchema.parse(JSON.parse(r.stdout));
}
const verdictAt = (r: VerifyResult, line: number) => r.claims.find((c) => c.line === line);

describe('readiness verify on fixture documents', () => {
  it('a status table: confirmed, contradicted and unverifiable claims, each with its line', async () => {
    const r = await verify('verify-table');
    expect(r.repaired).toBeNull();
    expect(verdictAt(r, 3)).toMatchObject({ verdict: 'unverifiable', basis: 'score' });
    expect(verdictAt(r, 10)).toMatchObject({ verdict: 'confirmed', rule: 'security/security-middleware' });
    expect(verdictAt(r, 10)!.evidence).toContainEqual(expect.objectContaining({ path: 'src/server.js', line: 5 }));
    expect(verdictAt(r, 11)).toMatchObject({ verdict: 'contradicted', rule: 'operations/infrastructure-as-code' });
    expect(verdictAt(r, 12)).toMatchObject({
      verdict: 'contradicted',
      basis: 'tests',
      number: { kind: 'count', value: 42 },
    });
    expect(verdictAt(r, 13)).toMatchObject({ verdict: 'unverifiable' });
    expect(verdictAt(r, 14)).toMatchObject({ verdict: 'unverifiable' });
    expect(verdictAt(r, 15)).toMatchObject({
      verdict: 'confirmed',
      rule: 'operations/container-image',
      asserted: 'not-done',
    });
    // "- [ ] Committed secrets removed" is a to-do: the secret is there, but nothing was claimed.
    expect(verdictAt(r, 20)).toBeUndefined();
    expect(r.summary.claimedReadiness).toMatchObject({ line: 3, value: 100 });
  });

  it('a stale document in Mac Roman mojibake: claims of absence contradicted by what is there', async () => {
    const r = await verify('verify-stale');
    expect(r.repaired).toMatchObject({ encoding: 'mac-roman' });
    expect(verdictAt(r, 3)).toMatchObject({ verdict: 'unverifiable', basis: 'score' });
    expect(verdictAt(r, 6)).toMatchObject({
      verdict: 'contradicted',
      rule: 'operations/ci-pipeline',
      asserted: 'not-done',
    });
    expect(verdictAt(r, 6)!.evidence).toContainEqual(expect.objectContaining({ path: '.github/workflows/ci.yml' }));
    expect(verdictAt(r, 7)).toMatchObject({ verdict: 'contradicted', rule: 'operations/infrastructure-as-code' });
    expect(verdictAt(r, 7)!.evidence).toContainEqual(expect.objectContaining({ path: 'infra/main.tf' }));
    expect(verdictAt(r, 9)).toMatchObject({
      verdict: 'confirmed',
      basis: 'tests',
      number: { kind: 'count', value: 2 },
    });
    expect(verdictAt(r, 12)).toMatchObject({ verdict: 'unverifiable' });
    expect(verdictAt(r, 13)).toMatchObject({ verdict: 'contradicted', rule: 'security/security-middleware' });
  });

  it('a Windows-1252 mojibake document is repaired too', async () => {
    const r = await verify('verify-stale', 'STATUS-cp1252.md');
    expect(r.repaired).toMatchObject({ encoding: 'windows-1252' });
    expect(verdictAt(r, 3)).toMatchObject({ verdict: 'confirmed', rule: 'operations/ci-pipeline' });
    expect(verdictAt(r, 4)).toMatchObject({ verdict: 'contradicted', rule: 'operations/infrastructure-as-code' });
  });

  it('German headings with English technical terms', async () => {
    const r = await verify('verify-german');
    expect(verdictAt(r, 3)).toMatchObject({ verdict: 'unverifiable', number: { kind: 'score10', value: 9.1 } });
    expect(verdictAt(r, 5)).toMatchObject({ rule: 'pillar:security' });
    expect(verdictAt(r, 7)).toMatchObject({ verdict: 'contradicted', rule: 'security/security-middleware' });
    expect(verdictAt(r, 8)).toMatchObject({ verdict: 'contradicted', rule: 'security/authentication' });
    expect(verdictAt(r, 14)).toMatchObject({ verdict: 'contradicted', rule: 'operations/ci-pipeline' });
    expect(verdictAt(r, 15)).toMatchObject({ verdict: 'confirmed', rule: 'operations/container-image' });
    expect(verdictAt(r, 17)).toMatchObject({ verdict: 'unverifiable', asserted: 'planned' });
  });

  it('named facts of a Java service: files, versions, removed dependencies, test counts, annotations, endpoints, settings', async () => {
    const r = await verify('verify-facts');
    const v = (line: number) => verdictAt(r, line);
    expect(v(6)).toMatchObject({ verdict: 'confirmed', basis: 'file' });
    expect(v(7)).toMatchObject({ verdict: 'confirmed', basis: 'dependency' });
    expect(v(7)!.evidence).toContainEqual(expect.objectContaining({ path: 'pom.xml', line: 7 }));
    expect(v(8)).toMatchObject({ verdict: 'confirmed', basis: 'dependency' });
    expect(v(9)).toMatchObject({ verdict: 'contradicted', basis: 'dependency' });
    expect(v(10)).toMatchObject({ verdict: 'contradicted', basis: 'file' });
    expect(v(11)).toMatchObject({ verdict: 'confirmed' });
    expect(v(11)!.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/main/java/com/acme/pay/PaymentClient.java', line: 6 }),
    );
    expect(v(12)).toMatchObject({ verdict: 'confirmed', basis: 'search' });
    expect(v(13)).toMatchObject({ verdict: 'confirmed' });
    expect(v(14)).toMatchObject({ verdict: 'partially-confirmed', basis: 'mechanism' });
    expect(v(14)!.reason).toMatch(/OAuth2.*instead/);
    expect(v(15)).toMatchObject({ verdict: 'partially-confirmed', basis: 'mechanism' });
    expect(v(15)!.reason).toMatch(/fixed delay instead/);
    expect(v(16)).toMatchObject({ verdict: 'contradicted', asserted: 'not-done' });
    expect(v(19)).toMatchObject({ verdict: 'confirmed', basis: 'tests' });
    expect(v(20)).toMatchObject({ verdict: 'contradicted', basis: 'tests' });
    // "Tests passing: 10/10": 10 tests are there; that they pass only a run shows.
    expect(v(21)).toMatchObject({ verdict: 'unverifiable', basis: 'tests' });
    expect(v(22)).toMatchObject({ verdict: 'unverifiable' });
    expect(v(23)).toMatchObject({ verdict: 'unverifiable', number: { value: 71 } });
    expect(v(28)).toMatchObject({ rule: 'pillar:observability' });
    // The completed phase, the reviewer checklist, the rollout steps and the sign-off table claim nothing.
    for (const line of [33, 36, 37, 40, 41, 46]) expect(v(line)).toBeUndefined();
    expect(v(52)).toMatchObject({ verdict: 'confirmed', basis: 'file' });
    expect(v(55)).toMatchObject({ verdict: 'contradicted', basis: 'file' });
    expect(v(59)).toMatchObject({ verdict: 'confirmed', basis: 'tests' });
  });

  it('a near-empty repository is audited as the service the document describes, and passes on no code confirm nothing', async () => {
    const r = await verify('verify-empty');
    expect(r.profile).toEqual({ id: 'service', from: 'document' });
    expect(verdictAt(r, 4)).toMatchObject({ verdict: 'contradicted' });
    expect(verdictAt(r, 5)).toMatchObject({ verdict: 'contradicted', rule: 'observability/health-endpoints' });
    expect(verdictAt(r, 6)).toMatchObject({ verdict: 'unverifiable', rule: 'security/no-committed-secrets' });
    expect(verdictAt(r, 7)).toMatchObject({ verdict: 'unverifiable' });
    const asDocs = await verify('verify-empty', 'READINESS.md', ['--profile', 'docs']);
    expect(asDocs.profile).toEqual({ id: 'docs', from: 'option' });
  });
});

describe('readiness verify: outputs and exit codes', () => {
  const doc = `${fixture('verify-stale')}/READINESS.md`;
  const repo = `${fixture('verify-stale')}/repo`;
  it('exits 1 with --fail-on-contradiction, 0 without', async () => {
    expect((await cli(['verify', doc, repo])).code).toBe(0);
    const r = await cli(['verify', doc, repo, '--fail-on-contradiction']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('contradicted');
    expect(r.stdout).toMatch(/line 6: CI\/CD pipeline not configured/);
  });
  it('Markdown for the document author: intact tables and evidence for every decided claim', async () => {
    const r = await cli(['verify', doc, repo, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Readiness claims checked: READINESS\.md/);
    expect(r.stdout).toContain('mac-roman');
    assertMarkdownTablesIntact(r.stdout);
    // A confirmation shows its evidence as a contradiction does.
    expect(r.stdout).toMatch(/### ✅ Line 9: 2 tests[\s\S]*?- `tests\/test_app\.py:1`/);
    expect(r.stdout).toMatch(/### ❌ Line 7: Terraform not started[\s\S]*?- `infra\/main\.tf`/);
    expect(r.stdout).not.toMatch(/### \S+ Line 12:/);
  });
  it('SARIF results sit at the contradicted lines of a document inside the repository', async () => {
    // The document in docs/ of a copy of the repository: its uri is its repository path, not its base name.
    const root = tempDir();
    cpSync(repo, root, { recursive: true });
    writeTree(root, { 'docs/READINESS.md': readFileSync(doc) });
    const r = await cli(['verify', join(root, 'docs', 'READINESS.md'), root, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    type Loc = { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } };
    const locations = sarif.runs[0].results.map((x: { locations: Loc[] }) => x.locations[0]!.physicalLocation);
    expect(locations.map((l: Loc['physicalLocation']) => l.region.startLine)).toEqual(
      expect.arrayContaining([6, 7, 13]),
    );
    expect(new Set(locations.map((l: Loc['physicalLocation']) => l.artifactLocation.uri))).toEqual(
      new Set(['docs/READINESS.md']),
    );
  });
  it('SARIF of a document outside the repository: no uri leaves it; the line is in the message', async () => {
    const r = await cli(['verify', doc, repo, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    const results = sarif.runs[0].results as {
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: unknown } }[];
    }[];
    expect(results.length).toBeGreaterThanOrEqual(3);
    for (const x of results) {
      expect(x.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: '.' } });
      expect(x.message.text).toMatch(/^READINESS\.md line \d+: /);
    }
    expect(results.map((x) => Number(/line (\d+)/.exec(x.message.text)![1]))).toEqual(
      expect.arrayContaining([6, 7, 13]),
    );
  });
  it('a missing or binary document is exit 2 with one line', async () => {
    const missing = await cli(['verify', '/nonexistent/doc.md', repo]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the document \/nonexistent\/doc.md: cannot read \(no such file or directory\)/);
    const binary = await cli(['verify', `${fixture('bare-library')}/package-lock.json`, repo]);
    expect(binary.code).toBe(0);
    const png = await cli(['verify', '/bin/true', repo]);
    expect(png.code).toBe(2);
    expect(png.stderr).toMatch(/not a text document/);
  });
  it('the seeds folder is not needed: fixture documents are our own', () => {
    expect(readFileSync(doc, 'utf8')).toContain('Billing Service Readiness');
  });
});
