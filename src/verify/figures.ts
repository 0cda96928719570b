/**
 * Claims about figures: the document's readiness and its pillars' sub-scores, test counts (whole
 * suite, a class, a suite or a kind of test), coverage and pass rates. Each is compared with the one
 * measurement it speaks of — a sub-score with its pillar, never with the overall score; a count of
 * smoke scenarios with those files, never with the whole suite — or left unverifiable.
 */
import type { Report } from '../report/schema.js';
import type { Claim } from './extract.js';
import type { JudgeOptions, Out } from './judge.js';
import { ruleById } from './claim-shapes.js';
import { pillarOf } from './vocabulary.js';
import type { VerifiedClaim } from './schema.js';
import { testsFinding } from './test-counts.js';
import { plain } from './status.js';

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
    const f = testsFinding(
      opts.lookup,
      scope,
      claimed,
      /files|suites/.test(n.unit ?? ''),
      approximation(claim.text, claimed),
    );
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
    // "44/44 tests PASSED": the count is in the files, but that they pass only a run shows.
    if (f.present === 'yes' && passing && !junit.length)
      return out(
        'tests',
        'unverifiable',
        `the document says ${claimed} tests; ${f.detail}, as said, but whether they pass is what a run reports (give --junit)`,
        f.evidence,
      );
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

/** "~120 tests", "120+ tests", "over 120 tests": a figure given as approximate or as a floor. */
export function approximation(text: string, claimed: number): 'exact' | 'about' | 'atLeast' {
  const n = String(claimed);
  const at = text.replace(/(\d),(\d{3})/g, '$1$2').search(new RegExp(`(?<![\\d.])${n}(?![\\d.])`));
  if (at < 0) return 'exact';
  const t = text.replace(/(\d),(\d{3})/g, '$1$2');
  const before = t.slice(Math.max(0, at - 16), at);
  const after = t.slice(at + n.length, at + n.length + 2);
  if (/^\+/.test(after) || /\b(?:over|more than|at least|mais de|más de|plus de|über|mehr als|>=?|≥)\s*$/i.test(before))
    return 'atLeast';
  if (
    /(?:~|≈|\b(?:about|around|approx(?:\.|imately)?|roughly|nearly|almost|cerca de|aproximadamente|environ|etwa|ca\.))\s*$/i.test(
      before,
    )
  )
    return 'about';
  return 'exact';
}

/** What a test count is about: "PaymentServiceTest", "API", "integration", or null for the whole suite. */
export function testScope(claim: Claim): string | null {
  const strip = (t: string) =>
    t
      .replace(/\.(?:java|kt|py|ts|tsx|js|jsx|go|cs|rb|php|rs|scala|swift)\b/gi, '')
      // "(Frontend)" names the part counted; "(97.4%)" does not.
      .replace(/\(([^()]*)\)/g, (_, inner: string) => (/\d/.test(inner) ? ' ' : ` ${inner} `))
      .replace(/(?<![\w,.])\d[\d,.]*(?: ?\/ ?\d[\d,]*)? ?%?(?![\w])/g, ' ')
      .replace(TEST_WORDS, ' ')
      .replace(GENERIC_SCOPE, ' ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  // What the subject names ("PaymentServiceTest", "API suite", "Database migrations"), else the
  // words beside the count ("189/194 unit tests"), else the whole suite.
  // "**Migration Tests:**" above "- ✅ 5/6 passing": the list's label names what is counted.
  // "Total: 263 tests" under "Test Breakdown": the whole suite, whatever the heading says.
  if (/^(?:total|all|overall|gesamt|insgesamt|todos?|total geral)$/i.test(plain(claim.subject).trim())) return null;
  // "**Total Tests**: 498" under "### Test Suite Health", "`cargo test` runs all 269 tests" under
  // "Issue #2": the line's own words count the whole suite, and a heading's words name no part of it.
  if (WHOLE_SUITE.test(plain(claim.text)) && !strip(claim.subject.replace(/\b(?:total|all|alle|todos?|tous)\b/gi, ' ')))
    return null;
  // "Issue #16: Backend unit tests (PaymentServiceTest, 19 tests)": the test class the line names is what is counted.
  const testClass = /(?<![\w.])([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+(?:Tests?|Spec|IT))\b/.exec(plain(claim.text))?.[1];
  if (testClass && !/^(?:Unit|Integration|E2e|Api|Backend|Frontend|Smoke|Load)+(?:Tests?|Spec|IT)$/.test(testClass))
    return testClass;
  // "### test_sync_api.py" above "44/44 tests PASSED": the file the heading names is what is counted.
  const testFile =
    /(?:^|[\s/`(])((?:test_[\w-]+|[\w-]+_test|[\w-]+\.(?:test|spec)|[\w-]+(?:Tests?|Spec|IT))\.(?:py|go|rb|php|java|kt|cs|rs|[cm]?[jt]sx?|scala|swift|dart|ex|exs))\b/.exec(
      claim.section ?? '',
    )?.[1];
  const labelled = testFile
    ? testFile.replace(/\.[^.]+$/, '')
    : /\b(?:tests?|pruebas|testfälle|specs?)\b/i.test(claim.section ?? '')
      ? strip(claim.section!)
      : '';
  const kind = (t: string) =>
    /\b(?:unit|unitari[oa]s|unitaires?|integration|integraci[oó]n|int[ée]gration|e2e|end[- ]to[- ]end|smoke|load|api)\b/i.exec(
      t,
    )?.[0] ?? '';
  // "# Quality report - Orders API" over "**Tests**: 222/222": "API" names the product, not a kind of test,
  // unless the heading speaks of tests ("### API tests").
  const sectionKind = kind(claim.section ?? '');
  const ofSuite =
    !/^api$/i.test(sectionKind) || /\b(?:tests?|testing|pruebas|testes|suites?|specs?)\b/i.test(claim.section ?? '');
  return strip(claim.subject) || strip(claim.number?.unit ?? '') || labelled || (ofSuite ? sectionKind : '') || null;
}

/** "Total Tests: 498", "all 269 tests", "Tests total: 12": a count the line itself gives as the whole suite's. */
const WHOLE_SUITE =
  /\b(?:total|all|overall|gesamt|insgesamt|todos os|todas as|tous les)\s+(?:(?:\d[\d,]*|of the|the)\s+)?(?:tests?|testes|test cases|pruebas)\b|\btests?\s+(?:total|insgesamt|gesamt)\b/i;
const TEST_WORDS =
  /\b(?:tests?|test cases?|test files?|test suites?|files?|cases|testing|passing|passed|pass|failing|failed|skipped|total|all|suites?|specs?|bestehen|bestanden|pasando|pruebas|testfälle|tests? unitarios|unit-tests|automated|automatisierte|green|run|executed|ran|completed|count|number of|with|and|of|the|in|passes|passando|passent|passants|réussis|testes|todos os|todas as|tous les|sucesso|success(?:ful(?:ly)?)?)\b/gi;
const GENERIC_SCOPE =
  /\b(?:across(?: the)? (?:workspace|project|codebase|repository|repo)|breakdown|comprehensive|extensive|thorough|entire|whole|overall project|overall|assessment|summary|status|result|results|verdict|current|key|metrics?|execution|report|coverage|stand|estado|resumen|gesamt|ergebnis|actual|state|quality|score|rate|pass rate|ratio|exists?|present|in place|available|written|added|created)\b/gi;

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

/** A figure that is a score the author gave: "95/100", "7/10", a grade. */
export function isScore(n: Claim['number']): boolean {
  return !!n && (n.kind === 'score10' || n.kind === 'grade' || n.unit === 'score');
}

/** What the audit measured, shown beside a score no file can settle. */
function measuredEvidence(report: Report): Evidence[] {
  return [
    {
      path: '.',
      note: `measured overall ${report.summary.score ?? 'n/a'}${report.summary.grade ? ` (${report.summary.grade})` : ''}, ${report.summary.coverage.assessed} of ${report.summary.coverage.total} rules assessed`,
    },
  ];
}

/**
 * The document's readiness figure ("66.5/100", "85% production-ready") is the author's weighting of
 * what they looked at: no file fixes it, so it is neither confirmed nor contradicted. The measured
 * score is shown beside it (and in the summary) for the reader to compare.
 */
export function judgeReadiness(claim: Claim, report: Report, out: Out): VerifiedClaim {
  const n = claim.number!;
  const shown = n.kind === 'score10' ? `${n.value}/10` : n.kind === 'grade' ? `grade ${n.value}` : `${n.value} %`;
  return out(
    'score',
    'unverifiable',
    `a self-assessed readiness figure (${shown}): the author's weighting, which no file fixes; readiness measures ${report.summary.score ?? 'n/a'}${report.summary.grade ? ` (${report.summary.grade})` : ''} by its own rules`,
    measuredEvidence(report),
  );
}

/** A sub-score ("Design Patterns: 95/100", "Observability: 7/10"): the author's weighting too. */
export function judgeScore(claim: Claim, report: Report, out: Out): VerifiedClaim {
  const pillarId = pillarOf(claim.subject);
  const p = pillarId ? report.pillars.find((x) => x.id === pillarId) : undefined;
  const ev: Evidence[] =
    p && p.score !== null
      ? [
          {
            path: '.',
            note: `${p.title}: ${p.score} (${p.grade}), ${p.coverage.assessed} of ${p.coverage.total} rules assessed`,
          },
        ]
      : [];
  return out(
    p ? `pillar:${p.id}` : 'score',
    'unverifiable',
    `a self-assessed score (${claim.number!.value}${claim.number!.kind === 'score10' ? '/10' : claim.number!.kind === 'percent' ? '/100' : ''}): the author's weighting, which no file fixes${p && p.score !== null ? `; readiness measures ${p.title} at ${p.score}` : ''}`,
    ev,
  );
}

/** "Testing | ❌ MISSING", "Monitoring: none": an area said to be absent, not merely judged weak. */
const ABSENT_AREA =
  /\b(missing|none|absent|not (?:implemented|started|present|configured|available)|no (?:tests?(?: at all)?|monitoring)|fehlt|fehlen|keine?|nicht vorhanden|ninguno|ninguna|inexistente|aucun[e]?|manquant)\b|(?<![\d.])0 ?(?:\/ ?(?:10|100)|%)/i;

/**
 * A pillar's row ("Security | ✅ Sehr gut", "Observability | ⚠️ NEEDS WORK") is a judgement no file
 * settles. Only an area said to be absent is checked: against the tests found for testing, else
 * against what the pillar's rules found in the code.
 */
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
  const absent = claim.asserted !== 'done' && claim.asserted !== 'partial' && ABSENT_AREA.test(claim.text);
  if (!absent)
    return out(
      target,
      'unverifiable',
      `a judgement of the whole area; readiness measures ${p.title} at ${p.score} by its own rules`,
      ev,
    );
  const testing = /^(?:testing|tests|testen|pruebas|tests?\s*(?:&|and)\s*\w+)$/i.test(claim.subject.trim());
  const rules = testing
    ? p.rules.filter((r) => r.id === 'quality/tests-present')
    : p.rules.filter((r) => r.outcome === 'pass' || r.outcome === 'partial' || r.outcome === 'fail');
  const found = rules.filter(
    (r) => (r.outcome === 'pass' || r.outcome === 'partial') && r.evidence.some((e) => e.path !== '.'),
  );
  if (found.length)
    return out(
      found.length === 1 ? `rule:${found[0]!.id}` : target,
      'contradicted',
      `the document says ${testing ? 'there are no tests' : `${p.title} is missing`}, but it is there (the document is out of date): ${found
        .slice(0, 3)
        .map((r) => `${r.id}: ${r.message.replace(/\.$/, '')}`)
        .join('; ')}`,
      found.flatMap((r) => r.evidence.slice(0, 2)).slice(0, 4),
    );
  if (rules.length && rules.every((r) => r.outcome === 'fail'))
    return out(
      target,
      'confirmed',
      `absent, as the document says: ${rules
        .slice(0, 3)
        .map((r) => `${r.id}: ${r.message.replace(/\.$/, '')}`)
        .join('; ')}`,
      rules.flatMap((r) => r.evidence.slice(0, 1)).slice(0, 4),
    );
  return out(target, 'unverifiable', `${p.title} scores ${p.score}; the rules found neither all nor nothing`, ev);
}
