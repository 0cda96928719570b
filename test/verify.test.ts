/** readiness verify: mojibake repair, claim extraction, verdicts, and the command end to end. */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../src/verify/mojibake.js';
import { extractClaims, statusOf } from '../src/verify/extract.js';
import { judgeClaim } from '../src/verify/judge.js';
import type { Report } from '../src/report/schema.js';
import { verifySchema, type VerifyResult } from '../src/verify/schema.js';
import { cli, fixture } from './helpers/cli.js';
import { assertMarkdownTablesIntact } from './helpers/markdown.js';
import { tempDir, writeTree } from './helpers/tree.js';

describe('mojibake', () => {
  it('repairs UTF-8 read as Mac Roman, line by line', () => {
    const r = repairMojibake('# ‚úÖ Done\nplain line\n- ‚ùå CI ‚Äî missing\n');
    expect(r).toMatchObject({ repaired: true, encoding: 'mac-roman', lines: 2 });
    expect(r.text).toBe('# ✅ Done\nplain line\n- ❌ CI — missing\n');
  });
  it('repairs UTF-8 read as Windows-1252', () => {
    const r = repairMojibake('- âœ… CI â€” â€œdoneâ€\u009d\n');
    expect(r).toMatchObject({ repaired: true, encoding: 'windows-1252' });
    expect(r.text).toBe('- ✅ CI — “done”\n');
  });
  it('leaves correct text alone, accents and emoji included', () => {
    const text = '# Déploiement ✅\nCafé — naïve façade 🚀\n';
    expect(repairMojibake(text)).toEqual({ text, repaired: false, lines: 0 });
  });
});

describe('claim extraction', () => {
  it('reads status words and icons, icons first', () => {
    expect(statusOf('✅ Complete')).toBe('done');
    expect(statusOf('⚠️ PARTIAL')).toBe('partial');
    expect(statusOf('❌ NOT DONE')).toBe('not-done');
    expect(statusOf('Pending')).toBe('partial');
    expect(statusOf('⚠️ not configured')).toBe('partial');
    expect(statusOf('[ ]')).toBe('not-done');
    expect(statusOf('fehlt')).toBe('not-done');
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
    '**Files:**', // 18
    '- `app/core/metrics.py` (150 lines)', // 19
    '', // 20
    '```', // 21
    '- ✅ inside a code block', // 22
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
  it('bullets inherit the status of their heading; "Missing:" lists are claims of absence; "Files:" lists are not claims', () => {
    expect(at(11)).toMatchObject({ source: 'heading', asserted: 'not-done' });
    expect(at(12)).toMatchObject({ subject: 'Distributed tracing', asserted: 'not-done' });
    expect(at(16)).toMatchObject({ subject: 'Grafana dashboards', asserted: 'not-done' });
    expect(at(19)).toBeUndefined();
  });
  it('skips code blocks and reads checklists with their counts', () => {
    expect(at(22)).toBeUndefined();
    expect(at(24)).toMatchObject({
      source: 'checklist',
      asserted: 'done',
      number: { kind: 'ratio', value: 98, total: 98 },
    });
    expect(at(25)).toMatchObject({ asserted: 'not-done' });
  });
});

describe('verdicts', () => {
  const rule = (id: string, outcome: string, data?: Record<string, unknown>) => ({
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
    evidence: [{ path: 'x.tf', line: 3 }],
    remediation: '',
    ...(data ? { data } : {}),
  });
  const report = {
    repository: { name: 'r' },
    summary: { score: 52, grade: 'D', coverage: { assessed: 10, total: 12 } },
    pillars: [
      {
        id: 'operations',
        title: 'Operations & Deployment',
        score: 80,
        grade: 'B',
        coverage: { assessed: 3, total: 3 },
        rules: [
          rule('operations/infrastructure-as-code', 'pass'),
          rule('operations/ci-pipeline', 'fail'),
          rule('operations/container-image', 'partial'),
        ],
      },
      {
        id: 'quality',
        title: 'Code Quality & Testing',
        score: 30,
        grade: 'F',
        coverage: { assessed: 1, total: 1 },
        rules: [rule('quality/tests-present', 'pass', { testCases: 96 })],
      },
      {
        id: 'observability',
        title: 'Observability & Monitoring',
        score: null,
        grade: null,
        coverage: { assessed: 0, total: 1 },
        rules: [rule('observability/tracing', 'not-applicable')],
      },
    ],
  } as unknown as Report;
  const judge = (line: string) => judgeClaim(extractClaims(line)[0]!, report);

  it.each([
    ['- ✅ Terraform modules', 'confirmed', 'operations/infrastructure-as-code'],
    ['- ❌ Terraform not started', 'contradicted', 'operations/infrastructure-as-code'],
    ['- ✅ CI/CD pipeline', 'contradicted', 'operations/ci-pipeline'],
    ['- ❌ CI/CD pipeline not configured', 'confirmed', 'operations/ci-pipeline'],
    ['- ✅ Dockerfile', 'partially-confirmed', 'operations/container-image'],
    ['- ⚠️ Dockerfile partial', 'confirmed', 'operations/container-image'],
    ['- ✅ 98 tests', 'confirmed', 'quality/tests-present'],
    ['- ✅ 98/98 tests passing', 'partially-confirmed', 'quality/tests-present'],
    ['- ✅ 790 tests', 'contradicted', 'quality/tests-present'],
    ['- ✅ Distributed tracing', 'unverifiable', 'observability/tracing'],
    ['- ✅ SLA 99.95% met', 'unverifiable', null],
    ['- ✅ Team trained on incident response', 'unverifiable', null],
    ['- ✅ Penetration test passed', 'unverifiable', null],
    ['- ✅ Quantum flux capacitor', 'unverifiable', null],
  ])('%s → %s', (line, verdict, ruleId) => {
    const v = judge(line);
    expect(v.verdict, v.reason).toBe(verdict);
    expect(v.rule).toBe(ruleId);
  });

  it('compares the overall figure with the measured score, stating the gap', () => {
    const v = judge('**Overall:** 85% production-ready');
    expect(v).toMatchObject({ verdict: 'contradicted' });
    expect(v.reason).toContain('measured 52 (D): 33 points lower');
    expect(judge('Current readiness: 5.5/10').verdict).toBe('confirmed');
    expect(judge('Readiness grade: D').verdict).toBe('confirmed');
    expect(judge('Readiness grade: A+').verdict).toBe('contradicted');
  });

  it('judges pillar rows by the pillar score, and says when a pillar was not assessed', () => {
    const rows =
      '| Area | Maturity | Status |\n|---|---|---|\n| Deployment | 85% | ✅ |\n| Testing | 90% | ✅ |\n| Monitoring | 40% | ❌ |\n';
    const [deploy, testing, monitoring] = extractClaims(rows).map((c) => judgeClaim(c, report));
    expect(deploy).toMatchObject({ rule: 'pillar:operations', verdict: 'confirmed' });
    expect(testing).toMatchObject({ rule: 'pillar:quality', verdict: 'contradicted' });
    expect(monitoring).toMatchObject({ rule: 'pillar:observability', verdict: 'unverifiable' });
  });

  it('a claim naming one mechanism is confirmed only when the evidence shows that mechanism', () => {
    const auth = {
      ...rule('security/authentication', 'pass'),
      evidence: [{ path: 'app/deps.py', line: 16, snippet: 'reusable_oauth2 = OAuth2PasswordBearer(' }],
    };
    const withAuth = {
      ...report,
      pillars: [
        ...report.pillars,
        {
          id: 'security',
          title: 'Security & Compliance',
          score: 70,
          grade: 'C',
          coverage: { assessed: 1, total: 1 },
          rules: [auth],
        },
      ],
    } as unknown as Report;
    const j = (line: string) => judgeClaim(extractClaims(line)[0]!, withAuth);
    expect(j('- ✅ OAuth2 login').verdict).toBe('confirmed');
    expect(j('- ✅ API key authentication')).toMatchObject({
      verdict: 'partially-confirmed',
      rule: 'security/authentication',
    });
    expect(j('- ✅ API key authentication').reason).toContain('API keys');
    // A claim that API keys are missing is neither proved nor disproved by OAuth2 being there.
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
    expect(verdictAt(r, 3)).toMatchObject({ verdict: 'contradicted', rule: null });
    expect(verdictAt(r, 10)).toMatchObject({ verdict: 'confirmed', rule: 'security/security-middleware' });
    expect(verdictAt(r, 10)!.evidence).toContainEqual(expect.objectContaining({ path: 'src/server.js', line: 5 }));
    expect(verdictAt(r, 11)).toMatchObject({ verdict: 'contradicted', rule: 'operations/infrastructure-as-code' });
    expect(verdictAt(r, 12)).toMatchObject({
      verdict: 'contradicted',
      rule: 'quality/tests-present',
      number: { kind: 'count', value: 42 },
    });
    expect(verdictAt(r, 13)).toMatchObject({ verdict: 'unverifiable' });
    expect(verdictAt(r, 14)).toMatchObject({ verdict: 'unverifiable' });
    expect(verdictAt(r, 15)).toMatchObject({
      verdict: 'confirmed',
      rule: 'operations/container-image',
      asserted: 'not-done',
    });
    expect(verdictAt(r, 20)).toMatchObject({ verdict: 'contradicted', rule: 'security/no-committed-secrets' });
    expect(r.summary.claimedReadiness).toMatchObject({ line: 3, value: 100 });
  });

  it('a stale document in Mac Roman mojibake: claims of absence contradicted by what is there', async () => {
    const r = await verify('verify-stale');
    expect(r.repaired).toMatchObject({ encoding: 'mac-roman' });
    expect(verdictAt(r, 3)).toMatchObject({ verdict: 'contradicted' });
    expect(verdictAt(r, 6)).toMatchObject({
      verdict: 'contradicted',
      rule: 'operations/ci-pipeline',
      asserted: 'not-done',
    });
    expect(verdictAt(r, 6)!.evidence).toContainEqual(expect.objectContaining({ path: '.github/workflows/ci.yml' }));
    expect(verdictAt(r, 7)).toMatchObject({ verdict: 'contradicted', rule: 'operations/infrastructure-as-code' });
    expect(verdictAt(r, 9)).toMatchObject({
      verdict: 'confirmed',
      rule: 'quality/tests-present',
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
    expect(verdictAt(r, 3)).toMatchObject({ verdict: 'contradicted', number: { kind: 'score10', value: 9.1 } });
    expect(verdictAt(r, 5)).toMatchObject({ rule: 'pillar:security' });
    expect(verdictAt(r, 7)).toMatchObject({ verdict: 'contradicted', rule: 'security/security-middleware' });
    expect(verdictAt(r, 8)).toMatchObject({ verdict: 'contradicted', rule: 'security/authentication' });
    expect(verdictAt(r, 14)).toMatchObject({ verdict: 'contradicted', rule: 'operations/ci-pipeline' });
    expect(verdictAt(r, 15)).toMatchObject({ verdict: 'confirmed', rule: 'operations/container-image' });
    expect(verdictAt(r, 17)).toMatchObject({ verdict: 'unverifiable', asserted: 'planned' });
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
  it('Markdown for the document author, with intact tables', async () => {
    const r = await cli(['verify', doc, repo, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Readiness claims checked: READINESS\.md/);
    expect(r.stdout).toContain('mac-roman');
    assertMarkdownTablesIntact(r.stdout);
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
      expect.arrayContaining([3, 6, 7, 13]),
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
    expect(results.length).toBeGreaterThanOrEqual(4);
    for (const x of results) {
      expect(x.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: '.' } });
      expect(x.message.text).toMatch(/^READINESS\.md line \d+: /);
    }
    expect(results.map((x) => Number(/line (\d+)/.exec(x.message.text)![1]))).toEqual(
      expect.arrayContaining([3, 6, 7, 13]),
    );
  });
  it('a missing or binary document is exit 2 with one line', async () => {
    const missing = await cli(['verify', '/nonexistent/doc.md', repo]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the document/);
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
