/**
 * Claims about figures: the document's readiness and its pillars' sub-scores, test counts (whole
 * suite, a class, a suite or a kind of test), coverage and pass rates. Each is compared with the one
 * measurement it speaks of — a sub-score with its pillar, never with the overall score; a count of
 * smoke scenarios with those files, never with the whole suite — or left unverifiable.
 */
import type { Report } from '../report/schema.js';
import type { Claim } from './extract.js';
import { type JudgeOptions, type Out, ruleById } from './judge.js';
import { claimedScore } from './numbers.js';
import type { VerifiedClaim } from './schema.js';
import { testsFinding } from './test-counts.js';

/** How far a claimed figure may be from the measured one and still be confirmed. */
export const READINESS_TOLERANCE = 10;
export const PILLAR_TOLERANCE = 15;
export const COUNT_TOLERANCE = 0.05;
export const COVERAGE_TOLERANCE = 2;

type Evidence = VerifiedClaim['evidence'][number];

export function judgeTests(claim: Claim, report: Report, opts: JudgeOptions, out: Out): VerifiedClaim {
  const n = claim.number!;
  const claimed = Number(n.kind === 'ratio' ? n.total : n.value);
  const passing = /pass|bestanden|pasando|réussi/i.test(claim.text);
  const note = passing ? '; whether they pass is not checked without --junit' : '';
  const junit = opts.lookup?.artifacts?.junit ?? [];
  if (opts.lookup) {
    const scope = testScope(claim);
    const f = testsFinding(opts.lookup, scope, claimed, /files|suites/.test(n.unit ?? ''));
    if (f.present === 'unknown')
      return out('tests', 'unverifiable', `${f.detail}; the count is not compared with the whole suite`, f.evidence);
    if (passing && junit.length && scope === null) {
      const passed = junit.reduce((s, j) => s + j.passed, 0);
      const ok = Math.abs(passed - Number(n.value)) <= Math.max(1, Number(n.value) * COUNT_TOLERANCE);
      return out(
        'tests',
        ok ? 'confirmed' : 'contradicted',
        `the document says ${n.value} passing; JUnit reports ${passed} passed`,
        junit.map((j) => ({ path: j.path, note: `${j.passed} passed, ${j.failed} failed` })),
      );
    }
    return f.present === 'yes'
      ? out('tests', 'confirmed', `the document says ${claimed} tests; ${f.detail}${note}`, f.evidence)
      : out('tests', 'contradicted', `the document says ${claimed} tests, but ${f.detail}`, f.evidence);
  }
  const rule = ruleById(report, 'quality/tests-present');
  const counted = Number((rule?.data as { testCases?: unknown } | undefined)?.testCases ?? Number.NaN);
  const evidence = rule?.evidence.slice(0, 3) ?? [];
  if (!rule || !Number.isFinite(counted))
    return out('rule:quality/tests-present', 'unverifiable', 'the test count is not available', evidence);
  if (testScope(claim) !== null)
    return out(
      'rule:quality/tests-present',
      'unverifiable',
      'a count of part of the suite is not compared with the whole suite',
      evidence,
    );
  const close = Math.abs(counted - claimed) <= Math.max(2, claimed * COUNT_TOLERANCE);
  return close
    ? out(
        'rule:quality/tests-present',
        'confirmed',
        `the document says ${claimed} tests; ${counted} test cases counted${note}`,
        evidence,
      )
    : out(
        'rule:quality/tests-present',
        'contradicted',
        `the document says ${claimed} tests, but ${counted} test cases are counted in the repository (tolerance ${Math.round(COUNT_TOLERANCE * 100)} %)`,
        evidence,
      );
}

/** What a test count is about: "PaymentServiceTest", "API", "integration", or null for the whole suite. */
export function testScope(claim: Claim): string | null {
  const strip = (t: string) =>
    t
      .replace(/\.(?:java|kt|py|ts|tsx|js|jsx|go|cs|rb|php|rs|scala|swift)\b/gi, '')
      // "(Frontend)" names the part counted; "(97.4%)" does not.
      .replace(/\(([^)]*)\)/g, (_, inner: string) => (/\d/.test(inner) ? ' ' : ` ${inner} `))
      .replace(/(?<![\w,.])\d[\d,.]*(?:\s*\/\s*\d[\d,]*)?\s*%?(?![\w])/g, ' ')
      .replace(TEST_WORDS, ' ')
      .replace(GENERIC_SCOPE, ' ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  // What the subject names ("PaymentServiceTest", "API suite", "Database migrations"), else the
  // words beside the count ("189/194 unit tests"), else the whole suite.
  // "**Migration Tests:**" above "- ✅ 5/6 passing": the list's label names what is counted.
  const labelled = /\b(?:tests?|pruebas|testfälle|specs?)\b/i.test(claim.section ?? '') ? strip(claim.section!) : '';
  const kind = (t: string) =>
    /\b(?:unit|unitari[oa]s|unitaires?|integration|integraci[oó]n|int[ée]gration|e2e|end[- ]to[- ]end|smoke|load|api)\b/i.exec(
      t,
    )?.[0] ?? '';
  return strip(claim.subject) || strip(claim.number?.unit ?? '') || labelled || kind(claim.section ?? '') || null;
}

const TEST_WORDS =
  /\b(?:tests?|test cases?|test files?|test suites?|files?|cases|testing|passing|passed|pass|failing|failed|skipped|total|all|suites?|specs?|bestehen|bestanden|pasando|pruebas|testfälle|tests?\s+unitarios|unit-tests|automated|automatisierte|green|run|executed|ran|completed|count|number of|with|and|of|the|in)\b/gi;
const GENERIC_SCOPE =
  /\b(?:overall|assessment|summary|status|result|results|verdict|current|key|metrics?|execution|report|coverage|stand|estado|resumen|gesamt|ergebnis|actual|state|quality|score|rate|pass rate|ratio)\b/gi;

export function judgeCoverage(claim: Claim, report: Report, opts: JudgeOptions, out: Out): VerifiedClaim {
  const claimed = Number(claim.number!.value);
  const rule = ruleById(report, 'quality/coverage-gate');
  const data = rule?.data as
    | {
        measured?: { linePercent?: number };
        thresholds?: { tool: string; path: string; line: number; value?: number }[];
      }
    | undefined;
  if (/\b(threshold|gate|enforced|fail[_ ]under|minimum|required|floor|mindest)\b/i.test(claim.text)) {
    const t = data?.thresholds?.filter((x) => x.value !== undefined) ?? [];
    const ev = t.map((x) => ({ path: x.path, line: x.line, note: `${x.tool}: ${x.value}%` }));
    if (t.some((x) => x.value === claimed))
      return out('rule:quality/coverage-gate', 'confirmed', `a coverage floor of ${claimed}% is configured`, ev);
    if (t.length)
      return out(
        'rule:quality/coverage-gate',
        'contradicted',
        `the configured coverage floor is ${t.map((x) => `${x.value}%`).join(', ')}, not ${claimed}%`,
        ev,
      );
    if (rule?.outcome === 'fail')
      return out(
        'rule:quality/coverage-gate',
        'contradicted',
        `no coverage floor is configured: ${rule.message}`,
        rule.evidence.slice(0, 2),
      );
  }
  const measured = data?.measured?.linePercent;
  if (measured === undefined)
    return out(
      'coverage',
      'unverifiable',
      'coverage is measured by running the tests; give the coverage report with --coverage to check this figure',
    );
  const ev = (opts.lookup?.artifacts?.coverage ?? []).map((c) => ({
    path: c.path,
    note: `${c.format}: ${c.percent}% of lines`,
  }));
  return Math.abs(measured - claimed) <= COVERAGE_TOLERANCE
    ? out('coverage', 'confirmed', `the document says ${claimed}% coverage; the coverage report says ${measured}%`, ev)
    : out(
        'coverage',
        'contradicted',
        `the document says ${claimed}% coverage, but the coverage report says ${measured}%`,
        ev,
      );
}

export function judgeReadiness(claim: Claim, report: Report, out: Out): VerifiedClaim {
  const measured = report.summary.score;
  const ev: Evidence[] = [
    {
      path: '.',
      note: `measured overall ${measured ?? 'n/a'}${report.summary.grade ? ` (${report.summary.grade})` : ''}, ${report.summary.coverage.assessed} of ${report.summary.coverage.total} rules assessed`,
    },
  ];
  if (measured === null)
    return out('score', 'unverifiable', 'nothing could be assessed, so there is no measured score to compare', ev);
  const n = claim.number!;
  if (n.kind === 'grade') {
    const same = String(n.value)[0] === report.summary.grade;
    return out(
      'score',
      same ? 'confirmed' : 'contradicted',
      `the document claims grade ${n.value}; measured ${measured} (${report.summary.grade})`,
      ev,
    );
  }
  const claimed = claimedScore(n)!;
  const gap = Math.round(claimed - measured);
  const shown = n.kind === 'score10' ? `${n.value}/10` : `${n.value} %`;
  if (Math.abs(gap) <= READINESS_TOLERANCE)
    return out(
      'score',
      'confirmed',
      `the document claims ${shown}; measured ${measured} (${report.summary.grade}), within ${READINESS_TOLERANCE} points`,
      ev,
    );
  return out(
    'score',
    'contradicted',
    `the document claims ${shown}; measured ${measured} (${report.summary.grade}): ${Math.abs(gap)} points ${gap > 0 ? 'lower' : 'higher'} than claimed`,
    ev,
  );
}

/** A pillar's row or sub-score ("Observability: 7/10"): compared with that pillar, never the overall score. */
export function judgePillar(claim: Claim, report: Report, pillarId: string, out: Out): VerifiedClaim {
  const p = report.pillars.find((x) => x.id === pillarId);
  const target = `pillar:${pillarId}`;
  if (!p || p.score === null) return out(target, 'unverifiable', `the ${p?.title ?? pillarId} pillar was not assessed`);
  const ev: Evidence[] = [
    {
      path: '.',
      note: `${p.title}: ${p.score} (${p.grade}), ${p.coverage.assessed} of ${p.coverage.total} rules assessed`,
    },
  ];
  const claimed = claimedScore(claim.number);
  if (claimed !== null) {
    const gap = Math.round(claimed - p.score);
    const shown = claim.number!.kind === 'score10' ? `${claim.number!.value}/10` : `${claimed} %`;
    return Math.abs(gap) <= PILLAR_TOLERANCE
      ? out(target, 'confirmed', `the document claims ${shown} for ${p.title}; measured ${p.score}`, ev)
      : out(
          target,
          'contradicted',
          `the document claims ${shown} for ${p.title}; measured ${p.score}, ${Math.abs(gap)} points ${gap > 0 ? 'lower' : 'higher'}`,
          ev,
        );
  }
  const s = p.score;
  if (claim.asserted === 'done')
    return out(
      target,
      s >= 75 ? 'confirmed' : s >= 40 ? 'partially-confirmed' : 'contradicted',
      `the document says done; ${p.title} scores ${s}`,
      ev,
    );
  if (claim.asserted === 'partial')
    return out(
      target,
      s >= 25 && s < 90 ? 'confirmed' : 'partially-confirmed',
      `the document says partial; ${p.title} scores ${s}`,
      ev,
    );
  if (claim.asserted === 'not-done' || claim.asserted === 'planned')
    return out(
      target,
      s < 40 ? 'confirmed' : s < 75 ? 'partially-confirmed' : 'contradicted',
      `the document says not done; ${p.title} scores ${s}`,
      ev,
    );
  return out(target, 'unverifiable', 'the document states no status for this', ev);
}
