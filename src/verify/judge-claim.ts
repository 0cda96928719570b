/**
 * The judge of one claim once the line is known to state something of the repository: which lookups
 * apply to it (rules, files, counts, settings, tests) and what they found. Split from judge.ts.
 */
import type { Report } from '../report/schema.js';
import type { Claim } from './extract.js';
import { isScore, judgeCoverage, judgePillar, judgeReadiness, judgeScore, judgeTests } from './figures.js';
import { judgeProblem } from './problems.js';
import { judgeOccurrences } from './occurrences.js';
import type { Finding } from './lookup.js';
import { runtimeClaim, runtimeFinding } from './runtimes.js';
import { testedItemFinding, testFileHeading } from './tested.js';
import { judgePlaced, judgeTestsNamed } from './placed.js';
import { judgeHeader } from './headers.js';
import { composeServiceCounts, listedFinding } from './listed.js';
import { plain } from './status.js';
import { countFigure, isTestCount } from './numbers.js';
import { classMethodCount, methodCountFigure } from './stubs.js';
import { symbolFinding } from './symbols.js';
import { managedFinding } from './managed-entities.js';
import { removedNames, replacedNames } from './removed-names.js';
import { missingTestClass, nestedTestClassCount, testClassCount } from './test-classes.js';
import type { VerifiedClaim, Verdict } from './schema.js';
import { findingsFor } from './findings.js';
import { configFinding, dependencyTermFinding } from './terms.js';
import { namedFeatureFinding } from './named-feature.js';
import { scriptFinding } from './script-names.js';
import { cliCommandFinding } from './cli-commands.js';
import { resolveLink } from './links.js';
import { ignoredFindings } from './ignored.js';
import { docSectionFinding } from './documents.js';
import { namedDocFinding } from './named-docs.js';
import { testTitleFinding } from './test-titles.js';
import { stateVerdict, untestedRow } from './states.js';
import { NEGATED } from './needles.js';
import { isCompoundNoun } from './context.js';
import { docTests, docTestsAgree } from './doctests.js';
import { unitCount, unitCountAgrees } from './unit-counts.js';
import { endpointCount, endpointVerdict } from './endpoint-counts.js';
import { folderCountReason, folderFileCount } from './folder-counts.js';
import { suiteAbsentWithCoverage, testsOfFinding } from './test-counts.js';
import { mapClaim, pillarOf } from './vocabulary.js';
import { migrationCountFinding } from './migration-count.js';
import { fileLinesFinding } from './file-lines.js';
import { judgeNamedCount } from './named-counts.js';
import { subjectFinding } from './subjects.js';
import { exactNamesFinding } from './exact-names.js';
import { keyedFigureFinding } from './keyed-figures.js';
import { labelledPart } from './ordinals.js';
import { judgeListing } from './listings.js';
import { type Out, judgeParts, type JudgeOptions, judgeClaim } from './judge.js';
import {
  butParts,
  composeCount,
  PRIORITY_LEAD,
  valueDependency,
  superfluousFile,
  RAN_VERDICT,
  BEHAVIOUR,
  UNCHECKABLE_ACTION,
  OBJECT_OF_ACTION,
  NOT_VERIFIED,
  OUTCOME,
  RUN_WORDS,
  RUNS,
  RUN_RESULT,
  RUN_FAILS,
  OPINION,
  RUN_STATE,
  manifestCount,
  endpointEntry,
  DURATION,
} from './claim-shapes.js';
import { ruleFinding, NOT_RUN, testFileCounted, listCounted, decide, namedCode } from './decide.js';
export function judgeClaimInner(
  claim: Claim,
  report: Report,
  options: JudgeOptions | Record<string, string[]> = {},
): VerifiedClaim {
  const opts: JudgeOptions =
    'vocabulary' in options || 'lookup' in options || 'empty' in options
      ? (options as JudgeOptions)
      : { vocabulary: options as Record<string, string[]> };
  const base = { line: claim.line, text: claim.text.slice(0, 300), asserted: claim.asserted, number: claim.number };
  const out: Out = (basis, verdict, reason, evidence = [], rule) => ({
    ...base,
    rule:
      rule === undefined
        ? basis.startsWith('rule:')
          ? basis.slice(5)
          : basis.startsWith('pillar:')
            ? basis
            : null
        : rule,
    basis,
    verdict,
    reason,
    evidence: evidence.slice(0, 4),
  });

  if (claim.readiness && claim.number) return judgeReadiness(claim, report, out);
  // "CrearPedidos (5 tests)" under a service's heading: a JUnit 5 @Nested class, its @Test markers counted.
  const nested =
    opts.lookup && claim.asserted !== 'not-done' && claim.asserted !== 'planned'
      ? nestedTestClassCount(opts.lookup, claim)
      : null;
  if (nested)
    return out(
      'tests',
      nested.present === 'yes' ? 'confirmed' : 'contradicted',
      nested.present === 'yes'
        ? `found: ${nested.detail}`
        : `the document says ${nested.subject}, but ${nested.detail}: the document is out of date`,
      nested.evidence,
    );
  // "#### Test Setup (`tests/setup.ts`):" over code: each line is in that file as written, or not found.
  if (claim.listing && claim.locus && opts.lookup) return judgeListing(claim, opts.lookup, out);
  // "- [Deployment](DEPLOYMENT.md)" in an index of documents: the file is there, or the index is stale.
  // "(3 examples)" of a path pattern, "Modules: 9", "X.cs # 3 tests", "Lines of Code: ~350": counted.
  const namedCount = opts.lookup ? judgeNamedCount(claim, opts.lookup, out) : null;
  if (namedCount) return namedCount;
  if (claim.linked && opts.lookup) {
    const path = resolveLink(opts.lookup.documentPath, claim.linked);
    if (path) {
      const there = opts.lookup.files.exists(path);
      return out(
        'file',
        there ? 'confirmed' : 'contradicted',
        there
          ? `the document links to ${path}, which exists`
          : `the document links to ${claim.linked}, but ${path} is not in the repository`,
        [{ path: there ? path : '.', ...(there ? {} : { note: `${path} not found` }) }],
      );
    }
  }
  // "├── setup.go   (Setup de testcontainers)", "Implemented in `src/x.py`", "`src/x.go:59-63`": a
  // file at the place the document gives.
  if (claim.placed && opts.lookup) return judgePlaced(claim, opts.lookup, out);
  // "- TestAuthFlow_LoginSuccess", "// Auth Flow (3 tests)" over such names: tests defined by name.
  if (claim.testsNamed && opts.lookup) return judgeTestsNamed(claim, opts.lookup, out);
  // "- X-Frame-Options: DENY": the header is set in code or configuration, to that value.
  if (claim.setting && opts.lookup) return judgeHeader(claim, opts.lookup, out);
  if (claim.parts) return judgeParts(claim, report, opts, out);
  // "Current state: authentication delegates to Accent-Auth, but no local user management": what is
  // there and what is not, each judged.
  const but = !claim.problem && !claim.number ? butParts(claim.text) : null;
  if (but) return judgeParts({ ...claim, parts: but }, report, opts, out);
  // "Status: ✅ PRODUCTION READY": a go/no-go verdict, the author's judgement of everything at once.
  if (claim.readiness)
    return out(
      'score',
      'unverifiable',
      `an overall verdict of readiness is a judgement; the audit measures ${report.summary.score ?? 'no'} of 100 (grade ${report.summary.grade ?? '—'})`,
    );
  // "Tests absents - 0% coverage": the suite said absent; test files in the repository say otherwise.
  const absentSuite =
    opts.lookup && claim.asserted !== 'done' && claim.asserted !== 'planned'
      ? suiteAbsentWithCoverage(opts.lookup, plain(claim.text))
      : null;
  if (absentSuite)
    return out(
      'tests',
      'contradicted',
      `the document says there are no tests, but there are: ${absentSuite.detail} (the document is out of date)`,
      absentSuite.evidence,
    );
  // "| filter | 0% | 0% | ❌ NO TESTEADO |": a unit the row says has no tests, whatever its figures.
  const untested = opts.lookup ? untestedRow(opts.lookup, claim) : null;
  if (untested) return out(untested.basis, untested.verdict, untested.reason, untested.evidence);
  // "Design Patterns: 95/100", "Observability: 7/10": the author's own weighting, which no file fixes.
  // ("Testing | 0/100 | ❌ MISSING" says the area is absent, which the pillar's rules check.)
  if (isScore(claim.number) && !(pillarOf(claim.subject) && claim.asserted === 'not-done'))
    return judgeScore(claim, report, out);
  // "2. Module 2: Spring Boot Core ✓": a folder numbered and named as the part (ordinals.ts).
  const part = opts.lookup ? labelledPart(opts.lookup, claim) : null;
  if (part) return out('file', 'confirmed', `found: ${part.detail}`, part.evidence);
  // "115 instances of `.unwrap()` in production code": counted in the code, whatever else the line says.
  // "❌ `src/docker/` - Not needed", "`old.Dockerfile` - unused": the mark judges the file's use; the
  // line says the file is there. Gone since, the document is out of date; there, its use is not checked.
  // "Contributing guidelines", "Tech stack listed": a file of the topic or a README section settles it.
  // "Requirements pinned", "Commit-msg hook", "No tests for repositories": a state one file shows.
  const state = opts.lookup && !claim.number ? stateVerdict(opts.lookup, claim) : null;
  if (state) return out(state.basis, state.verdict, state.reason, state.evidence);
  const section =
    opts.lookup && claim.asserted && !claim.number
      ? (docSectionFinding(opts.lookup, plain(claim.text)) ??
        namedDocFinding(opts.lookup, plain(claim.text), claim.asserted !== 'done' && claim.asserted !== 'partial'))
      : null;
  if (section) {
    const done = claim.asserted === 'done' || claim.asserted === 'partial';
    return out(
      'file',
      done ? 'confirmed' : 'contradicted',
      done ? `found: ${section.detail}` : `the document says it is missing, but ${section.detail}`,
      section.evidence,
    );
  }
  // "`local.properties` ignored", "Sensitive files not tracked": the .gitignore rules and the listing.
  const ignoredOf = opts.lookup && claim.asserted && !claim.number ? ignoredFindings(opts.lookup, claim) : null;
  if (ignoredOf?.length) {
    const done = claim.asserted === 'done' || claim.asserted === 'partial';
    const held = ignoredOf.filter((f) => f.present === 'yes').length;
    const partly = ignoredOf.some((f) => f.present === 'partly');
    const said = ignoredOf.map((f) => f.detail).join('; ');
    const verdict: Verdict = !done
      ? held === 0 && !partly
        ? 'confirmed'
        : 'contradicted'
      : held === ignoredOf.length
        ? 'confirmed'
        : held || partly
          ? 'partially-confirmed'
          : 'contradicted';
    return out(
      'file',
      verdict,
      verdict === 'confirmed' ? `found: ${said}` : `not as the document says: ${said}`,
      ignoredOf.flatMap((f) => f.evidence),
    );
  }
  const superfluous = opts.lookup ? superfluousFile(claim, opts.lookup) : null;
  if (superfluous)
    return superfluous.present === 'no'
      ? out(
          'file',
          'contradicted',
          `the document says ${superfluous.subject} is there but not needed, but ${superfluous.detail}`,
          superfluous.evidence,
        )
      : out(
          'file',
          'unverifiable',
          `${superfluous.detail}; whether it is used or needed is a reading of the project`,
          superfluous.evidence,
        );
  // "**Go Version**: 1.25.4": the version the project's own files state.
  const runtime = opts.lookup ? runtimeClaim(claim) : null;
  const stated = runtime ? runtimeFinding(opts.lookup!, runtime) : null;
  if (stated)
    return out(
      'config',
      stated.present === 'yes' ? 'confirmed' : 'contradicted',
      stated.present === 'yes'
        ? `found: ${stated.detail}`
        : `the document says ${stated.subject}, but ${stated.detail}`,
      stated.evidence,
    );
  // "### tests/test_api.py (629 lines, 44 tests)" and the list of what it tests under it.
  const heading = opts.lookup ? testFileHeading(opts.lookup, claim) : null;
  if (heading?.length) {
    // (A length a little off, 'partly', holds the file as there but changed since.)
    const held = heading.filter((f) => f.present === 'yes');
    const wrong = heading.filter((f) => f.present !== 'yes' && f.present !== 'partly');
    const said = heading.map((f) => f.detail).join('; ');
    const verdict: Verdict =
      held.length === heading.length
        ? 'confirmed'
        : wrong.length < heading.length
          ? 'partially-confirmed'
          : 'contradicted';
    return out(
      heading[0]!.basis,
      verdict,
      verdict === 'confirmed' ? `found: ${said}` : `not as said: ${said}`,
      heading.flatMap((f) => f.evidence),
    );
  }
  // "📍 tests/test_models.py (173 lines)", "README.md: 500+ lines": the size of the file named.
  const size = opts.lookup && claim.asserted !== 'not-done' ? fileLinesFinding(opts.lookup, claim) : null;
  if (size)
    return out(
      'file',
      size.present === 'yes' ? 'confirmed' : size.present === 'partly' ? 'partially-confirmed' : 'contradicted',
      size.present === 'yes'
        ? `found: ${size.detail}`
        : `the document says ${size.subject}; ${size.detail}: the document is out of date`,
      size.evidence,
    );
  const tested = opts.lookup && claim.tested ? testedItemFinding(opts.lookup, claim) : null;
  // A test named for the item shows where to look, not that the behaviour described is covered:
  // what a test exercises is read in its body, so the item stays open either way.
  if (tested)
    return out(
      'tests',
      'unverifiable',
      tested.present === 'yes' ? `${tested.detail}; what those tests exercise is for a reader to judge` : tested.detail,
      tested.evidence,
    );
  // "**dupl** ✅ Code duplication detection", "✅ `queue` - worker": a linter or service the config lists.
  const listed = opts.lookup && claim.asserted ? listedFinding(opts.lookup, claim) : null;
  // ("(max 10)", "(all analyzers enabled)": settings beyond the name, which the list does not show —
  // the settings lookups below decide those.)
  if (listed && !/\([^()]*\)/.test(claim.text) && !countFigure(claim.text) && !claim.number) {
    const done = claim.asserted === 'done' || claim.asserted === 'partial';
    const there = listed.present === 'yes';
    return out(
      'config',
      there === done ? 'confirmed' : 'contradicted',
      there === done
        ? `found: ${listed.detail}`
        : `the document says ${done ? 'done' : 'missing'}, but ${listed.detail}`,
      listed.evidence,
    );
  }
  // "- [x] `test:unit` - Run unit tests": a command a manifest of the repository declares (script-names.ts).
  const script = opts.lookup && !claim.number ? scriptFinding(opts.lookup, claim) : null;
  if (script) return out('config', 'confirmed', `found: ${script.detail}`, script.evidence);
  // "- `tsk cache warm` - Pre-warm caches": a sub-command of the project's own program (cli-commands.ts).
  const command = opts.lookup && !claim.number ? cliCommandFinding(opts.lookup, claim) : null;
  if (command)
    return out(
      'config',
      command.present === 'yes' ? 'confirmed' : command.present === 'partly' ? 'partially-confirmed' : 'contradicted',
      command.present === 'yes' ? `found: ${command.detail}` : `the document says it is there, but ${command.detail}`,
      command.evidence,
    );
  // "Created `ICustomerService`", "| B2 | Wrapped in `DB::transaction()` | P0 | RESOLVED |": the code
  // named is looked up exactly, and it alone decides.
  const named = opts.lookup && claim.named ? namedCode(opts.lookup, claim) : null;
  if (named?.length) {
    const held = named.filter((f) => f.present === 'yes');
    const what =
      claim.named === 'open' ? 'the finding is open' : claim.named === 'fixed' ? 'the fix is in' : 'the code is there';
    // An open finding's quoted string ("`ops@example.com` hard-coded") is the problem itself: gone, the
    // finding is out of date; any code it names gone, the code it describes has changed.
    const literal = claim.named === 'open' ? named.filter((f) => f.subject.startsWith('"')) : [];
    // "- `routes/app/review/+page.svelte` - Use `total` for size": the file the item is about is gone,
    // whatever else of its words is somewhere.
    const bare = (p: string) => p.replace(/^\.?\//, '');
    const headGone = named.some(
      (f) => f.basis === 'file' && f.present === 'no' && bare(f.subject) === bare(claim.subject),
    );
    const verdict: Verdict =
      headGone && claim.named !== 'open'
        ? 'contradicted'
        : held.length === named.length
          ? 'confirmed'
          : claim.named === 'open'
            ? literal.length && literal.every((f) => f.present === 'yes')
              ? 'confirmed'
              : 'contradicted'
            : held.length
              ? 'partially-confirmed'
              : 'contradicted';
    return out(
      'search',
      verdict,
      verdict === 'confirmed'
        ? `found: ${named.map((f) => f.detail).join('; ')}`
        : `the document says ${what}, but ${named
            .filter((f) => f.present !== 'yes')
            .map((f) => f.detail)
            .join('; ')}`,
      named.flatMap((f) => f.evidence),
    );
  }
  const counted = opts.lookup ? judgeOccurrences(claim, opts.lookup, out) : null;
  if (counted) return counted;
  if (claim.problem) return judgeProblem(claim, opts.lookup, out);
  // "19 fehlgeschlagen", "2 failures": what a test run reported, which only its results can show.
  // ("263 tests passing, 2 skipped" still counts the tests, and the count is checked.)
  if (OUTCOME.test(claim.text) && !opts.lookup?.artifacts?.junit.length && !(opts.lookup && isTestCount(claim.number)))
    return /warn/i.test(OUTCOME.exec(claim.text)![0])
      ? out('none', 'unverifiable', 'warnings are what a run of the linter reports; the repository does not hold them')
      : out(
          'tests',
          'unverifiable',
          'test failures are what a run reports; give the JUnit report with --junit to check them',
        );
  // A test-coverage figure out of 10 is the quality sub-score; as a percentage it is coverage.
  const coverageSubject = /cover|abdeckung|cobertura|couverture/i.test(claim.subject);
  if (coverageSubject && claim.number?.kind === 'percent')
    return judgeCoverage({ ...claim, number: { ...claim.number, unit: 'coverage' } }, report, opts, out);
  const pillar = pillarOf(claim.subject) ?? (coverageSubject && claim.number?.kind === 'score10' ? 'quality' : null);
  // "Infrastructure: Docker check (2 tests)" counts tests; it does not score the pillar.
  if (pillar && !isTestCount(claim.number)) return judgePillar(claim, report, pillar, out);
  if (!claim.asserted) return out('none', 'unverifiable', 'the document states no status for this');
  if (
    /\b(?:pass rate|success rate|erfolgsquote|tasa de [ée]xito|taux de réussite)\b/i.test(claim.subject) ||
    (claim.number?.kind === 'percent' && /\b(?:pass(?:ing|ed)?|bestanden|bestehen|pasando|éxito)\b/i.test(claim.text))
  )
    return out(
      'tests',
      'unverifiable',
      'a pass rate is measured by running the tests; give the JUnit report with --junit to check it',
    );

  // "TestStatusEndpoints (5 tests)": a test class named with its count must be there to be counted.
  const suite =
    opts.lookup && claim.asserted !== 'not-done' && /\(\d{1,5} tests?\)/.test(claim.text)
      ? missingTestClass(opts.lookup, claim)
      : null;
  if (suite) return out('tests', 'contradicted', `the document counts the tests of ${suite.detail}`, suite.evidence);
  // "TestPaymentModel (7 tests)": the class is there, and its test methods are counted.
  const inClass =
    opts.lookup && claim.asserted !== 'not-done' && claim.asserted !== 'planned'
      ? testClassCount(opts.lookup, claim)
      : null;
  if (inClass)
    return out(
      'tests',
      inClass.present === 'yes' ? 'confirmed' : 'contradicted',
      inClass.present === 'yes'
        ? `found: ${inClass.detail}`
        : `the document says ${inClass.subject}, but ${inClass.detail}: the document is out of date`,
      inClass.evidence,
    );
  // "Authentication Tests ❌ MISSING", "Test Categories: ✅ Queues (Horizon)": the tests of a thing,
  // which the thing itself being in the code does not show.
  const testsOf =
    opts.lookup && (!isTestCount(claim.number) || Number(claim.number!.value) === 0)
      ? testsOfFinding(opts.lookup, claim.text, claim.subject, claim.section)
      : null;
  if (testsOf) {
    if (testsOf.present === 'unknown') return out('tests', 'unverifiable', testsOf.detail, testsOf.evidence);
    const done = claim.asserted === 'done' || claim.asserted === 'partial';
    // No test files, yet CI runs the tests: "no test infrastructure" is partly so (tests in place are not).
    if (testsOf.present === 'partly' && !done)
      return out('tests', 'partially-confirmed', `partly: ${testsOf.detail}`, testsOf.evidence);
    const there = testsOf.present === 'yes';
    return out(
      'tests',
      there === done ? 'confirmed' : 'contradicted',
      there === done
        ? `${done ? 'found' : 'absent, as the document says'}: ${testsOf.detail}`
        : `the document says ${done ? 'they are there' : 'they are missing'}, but ${testsOf.detail}`,
      testsOf.evidence,
    );
  }
  if (isTestCount(claim.number)) return judgeTests(claim, report, opts, out);
  // "IMMEDIATE: Secure JWT configuration", "P1: Add rate limiting": a priority names work to do.
  if (PRIORITY_LEAD.test(plain(claim.text)))
    return out(
      'none',
      'unverifiable',
      'an action ranked by priority; whether it was taken does not show in the repository',
    );
  // "Error Handling: thiserror": the value is a library the project declares, which decides.
  const library = opts.lookup ? valueDependency(opts.lookup, claim) : null;
  if (library) {
    const done = claim.asserted === 'done' || claim.asserted === 'partial';
    return out(
      'dependency',
      done ? 'confirmed' : 'contradicted',
      `${done ? 'found' : 'the document says it is missing, but'}: ${library.name}${library.version ? ` ${library.version}` : ''} is a declared dependency`,
      [
        {
          path: library.path,
          ...(library.line ? { line: library.line } : {}),
          snippet: `${library.name} ${library.version ?? ''}`.trim(),
        },
      ],
    );
  }
  // "Run the load test", "Review the error handling": whether an action was taken is not in the
  // repository — but "✅ Optimize database queries (indexes added)" or "⏳ Consider a CDN" names a
  // thing that is there or not, and that thing is judged.
  const action = UNCHECKABLE_ACTION.test(claim.subject) && !isCompoundNoun(claim.subject);
  if (action) {
    const subject = claim.subject.replace(OBJECT_OF_ACTION, '');
    if (subject === claim.subject || subject.split(/\s+/).length < 1 || !subject)
      return out('none', 'unverifiable', 'an action to take; whether it was taken does not show in the repository');
    const judged = judgeClaim({ ...claim, subject, text: claim.text.replace(OBJECT_OF_ACTION, '') }, report, opts);
    return judged.verdict === 'unverifiable' && judged.basis === 'none'
      ? { ...judged, reason: 'an action to take; whether it was taken does not show in the repository' }
      : { ...judged, text: base.text };
  }
  // "| Containers Docker | 8 |", "docker-compose: 9 services": the services a compose file defines.
  const services = opts.lookup && claim.asserted === 'done' ? composeCount(claim) : null;
  if (services !== null) {
    const files = composeServiceCounts(opts.lookup!);
    if (files.length) {
      const same = files.find((f) => f.count === services);
      return out(
        'config',
        same ? 'confirmed' : 'contradicted',
        same
          ? `${same.path} defines ${services} services`
          : `the document says ${services} services, but ${files.map((f) => `${f.path} defines ${f.count}`).join(', ')}`,
        (same ? [same] : files).slice(0, 3).map((f) => ({ path: f.path, note: `${f.count} services` })),
      );
    }
  }
  // "All 17 migrations executed", "Migrations: 16/15": the migration files the migrations rule counted.
  const migrations = migrationCountFinding(report, claim);
  if (migrations && !(migrations.present === 'yes' && RUN_WORDS.test(claim.text)))
    return out(
      migrations.basis,
      migrations.present === 'yes' ? 'confirmed' : 'contradicted',
      migrations.present === 'yes'
        ? `found: ${migrations.detail}`
        : `the document says ${migrations.subject}, but ${migrations.detail}: the document is out of date`,
      migrations.evidence,
    );
  // "7/8 doc tests passing": the code blocks of the doc comments, counted.
  // "32 Java source files", "4 REST Controllers": counted in the file listing.
  const units = unitCount(opts.lookup, claim);
  // "4 REST Controllers with 16 API endpoints": the other figures of the line are not counted here.
  if (units && unitCountAgrees(units) && units.others)
    return out(
      'file',
      'unverifiable',
      `the repository holds ${units.found} ${units.what} as the document says, but the line's other figures are not checked`,
      units.evidence,
    );
  if (units)
    return out(
      'file',
      unitCountAgrees(units) ? 'confirmed' : 'contradicted',
      `the document says ${units.atLeast ? 'at least ' : ''}${units.claimed} ${units.what}; the repository holds ${units.where ?? units.found}${unitCountAgrees(units) ? '' : ': the document is out of date'}`,
      units.evidence,
    );
  // "Complete REST API with 6 endpoints": the route declarations of the product's code, counted.
  const endpoints = endpointCount(opts.lookup, claim);
  if (endpoints) {
    const verdict = endpointVerdict(endpoints);
    return out(
      'search',
      verdict,
      verdict === 'unverifiable'
        ? `the document says ${endpoints.claimed} endpoints; the code declares ${endpoints.found} routes in ${endpoints.files} files, fewer than that, and routes declared in ways not read here may be missing from the count`
        : `the document says ${endpoints.claimed} endpoints; the code declares ${endpoints.found} routes in ${endpoints.files} files${verdict === 'contradicted' ? ': the document is out of date' : ''}`,
      endpoints.evidence,
    );
  }
  const doc = docTests(opts.lookup, claim);
  if (doc)
    return out(
      'tests',
      docTestsAgree(doc) ? 'confirmed' : 'contradicted',
      `the document says ${doc.claimed} doc tests; the doc comments hold ${doc.total} code blocks that rustdoc runs or skips (${doc.ignored} marked ignore)${doc.total === doc.claimed ? '' : ': the document is out of date'}; whether they pass is not checked`,
      doc.evidence.length ? doc.evidence : [{ path: '.', note: 'no code blocks in doc comments' }],
    );
  // "Working examples verified", "Builds successfully": that something runs is shown by running it.
  // "`npm run lint` still fails because of lint debt": what a run reports, whatever files it names.
  if (RUN_FAILS.test(claim.text))
    return out(
      'none',
      'unverifiable',
      'that a command fails is shown by running it, which the repository does not record',
    );
  // "Easy orchestration", "Intuitive interface": an opinion of a thing, not a statement that it is there.
  if (claim.asserted === 'done' && OPINION.test(claim.subject.replace(/^\W+/, '')))
    return out('none', 'unverifiable', 'an opinion of how good something is; the files do not settle it');
  // "Privacy policy considerations", "Scalability thoughts": that something was thought about, not that it is there.
  if (/\b(?:considerations?|thoughts|awareness)\s*$/i.test(claim.subject))
    return out('none', 'unverifiable', 'that something was considered is not a thing the files show');
  // "I resolved the workflow so that all tests are now green", "Security scan complete", "Apto com
  // ressalvas": the state of a run or the author's own verdict, whatever status the line carries.
  if (claim.asserted !== 'not-done' && RUN_STATE.test(plain(claim.text)))
    return out(
      'none',
      'unverifiable',
      "the outcome of a run or the author's own verdict, which the repository does not record",
    );
  if (
    claim.asserted === 'done' &&
    (RUNS.test(claim.subject) || RUNS.test(plain(claim.text)) || RUN_RESULT.test(claim.text))
  )
    return out('none', 'unverifiable', 'that it works is shown by running it, which the repository does not record');
  // "Database high availability (not tested)": a claim about testing it, not about having it.
  if (claim.asserted !== 'done' && NOT_VERIFIED.test(claim.text) && !/\btests?\b/i.test(claim.subject))
    return out(
      'none',
      'unverifiable',
      'the document says it was not tested or verified, which the repository cannot show',
    );
  if (claim.number?.unit === 'coverage') return judgeCoverage(claim, report, opts, out);
  // "16/16 packages exceed 80% coverage": a measured coverage figure, whatever else the line counts.
  const covered =
    /(\d{1,3}(?:\.\d+)?) ?% (?:[\w-]+ ){0,2}?coverage|coverage(?: of| is| at|:)? ?(\d{1,3}(?:\.\d+)?) ?%/i.exec(
      claim.text,
    );
  if (covered && !isTestCount(claim.number))
    return judgeCoverage(
      { ...claim, number: { kind: 'percent', value: Number(covered[1] ?? covered[2]), unit: 'coverage' } },
      report,
      opts,
      out,
    );
  const mapped = mapClaim(claim.subject, claim.text, opts.vocabulary ?? {});
  const rule =
    mapped && !mapped.target.startsWith('unverifiable:') && !mapped.target.startsWith('pillar:')
      ? ruleFinding(mapped.target, report, opts)
      : null;
  // "Asset Mapper (replaced encore_entry)", "statt moment.js": the name after a verb of replacement is
  // what must be gone — found, the claim fails; not found, it holds.
  const replaced = replacedNames(claim.text);
  // "Removed deprecated serde_yaml" where the name is left only in tests: gone from the product.
  const removed = removedNames(claim.text, claim.raw);
  const bare = (f: Finding) => f.subject.toLowerCase().replace(/[`"']/g, '');
  const findings = findingsFor(claim, rule, opts.lookup, mapped?.via).map((f) =>
    f.testsOnly && !f.negated && [...replaced, ...removed].includes(bare(f))
      ? { ...f, present: 'no' as const, negated: true, detail: `${f.subject} is left only in tests` }
      : // "Removed `System.out.println`" where the search finds none: gone, as the line says.
        f.present === 'no' && !f.negated && f.basis === 'search' && removed.includes(bare(f))
        ? { ...f, negated: true }
        : replaced.length &&
            !f.negated &&
            (f.basis === 'search' || f.basis === 'file' || f.basis === 'dependency') &&
            replaced.some((r) => bare(f) === r)
          ? { ...f, negated: true }
          : f,
  );
  const decisive = findings.filter((f) => f.present !== 'unknown');
  // A build file's line quoted as it is, or code a finding shows from named files: those files decide,
  // and no word of the line looked up elsewhere does.
  if (decisive.length === 0 && (claim.quotedBuildLine || claim.locatedFinding || claim.absentUnits))
    return out(
      claim.quotedBuildLine || claim.absentUnits ? 'file' : 'search',
      'unverifiable',
      claim.quotedBuildLine
        ? 'a build file line as quoted: no build file holds that line with one version, so it is not settled'
        : (findings[0]?.detail ?? 'the files named do not settle it'),
      [],
    );
  // "rechaza studyTime fuera de rango | Verifica … | Pass": a test table's title is a test declared so.
  if (decisive.length === 0 && opts.lookup && (claim.asserted === 'done' || claim.asserted === 'partial')) {
    const titled = testTitleFinding(opts.lookup, claim.subject);
    if (titled) decisive.push(titled);
  }
  // Nothing named settled it: the claim's words as a configuration key, its proper nouns as dependencies.
  if (
    decisive.length === 0 &&
    opts.lookup &&
    !mapped?.target.startsWith('unverifiable:') &&
    !(claim.asserted === 'done' && NEGATED.test(claim.subject)) &&
    !/^(?:all|every|everything|alle|todos?|todas?|tous|toutes)\b/i.test(claim.subject)
  ) {
    const absence = claim.asserted !== 'done' && claim.asserted !== 'partial';
    const last =
      configFinding(opts.lookup, claim, absence) ??
      (claim.asserted === 'done' ? dependencyTermFinding(opts.lookup, claim) : null);
    if (last) decisive.push(last);
  }
  // "Email change request system with approval workflow": a file, folder or dependency the claim's
  // words name — even beside a word of people and process, when the name is not that word.
  if (
    decisive.length === 0 &&
    opts.lookup &&
    !(claim.asserted === 'done' && NEGATED.test(claim.subject)) &&
    !/^(?:all|every|everything|alle|todos?|todas?|tous|toutes)\b/i.test(claim.subject)
  ) {
    const name = namedFeatureFinding(opts.lookup, claim);
    const via = mapped?.target.startsWith('unverifiable:') ? mapped.via.toLowerCase() : '';
    // "Status badges use text + color", "Windows Events | PASS": a file whose name shares the claim's
    // words shows the component is there, not what it does nor that a run passed.
    const ran = RAN_VERDICT.exec(claim.raw ?? claim.text);
    const does = BEHAVIOUR.exec(claim.text);
    if (name && name.basis === 'file' && claim.asserted === 'done' && (ran || does))
      return out(
        'file',
        'unverifiable',
        `${name.detail}, which shows the component is there; ${ran ? `the "${ran[0]}" it reports is a run's result, which the repository does not record` : `what it does ("${does![0]}") is not read from a file's name`}`,
        name.evidence,
      );
    // "Load testing (not performed)": a script of that name shows it can be run, not that it was.
    if (name && name.basis === 'file' && claim.asserted !== 'done' && NOT_RUN.test(claim.text))
      return out(
        'file',
        'unverifiable',
        `${name.detail}, which shows it can be done; whether it was ("${NOT_RUN.exec(claim.text)![0]}") is a run's record, not the repository's`,
        name.evidence,
      );
    if (name && !(via && name.subject.includes(via.replace(/s$/, '')))) decisive.push(name);
  }
  // "Metrics endpoint enabled" where the metrics rule is partial for want of a registry: the
  // setting the claim names (management.endpoints…include: …,metrics) is what it claims.
  if (
    opts.lookup &&
    claim.asserted === 'done' &&
    decisive.length === 1 &&
    decisive[0]!.basis.startsWith('rule:') &&
    decisive[0]!.present === 'partly'
  ) {
    const set = configFinding(opts.lookup, claim, false);
    if (set?.present === 'yes') decisive.push(set);
  }
  // "NestJS modules structured", "No cache module": a line whose every word is a framework concept,
  // a product or a name the inventory holds is settled by the inventory (subjects.ts).
  if (decisive.length === 0 && opts.lookup && !mapped?.target.startsWith('unverifiable:')) {
    const subject = subjectFinding(opts.lookup, claim);
    if (subject) decisive.push(subject);
  }
  // "API key validation", "❌ No password reset": a unit of the product named by exactly the line's
  // words (symbols.ts) — more specific than a practice word matched in lines of code.
  if (
    opts.lookup &&
    !mapped?.target.startsWith('unverifiable:') &&
    decisive.every((f) => f.basis === 'mechanism' && f.keyword)
  ) {
    const unit = symbolFinding(opts.lookup, claim);
    if (unit) decisive.splice(0, decisive.length, unit);
  }
  // "School management", "CRUD operations for services": the unit that serves that record, and a write
  // operation in it (managed-entities.ts) — the record's name alone shows it is kept, not managed.
  if (
    opts.lookup &&
    !mapped?.target.startsWith('unverifiable:') &&
    decisive.every((f) => f.basis === 'mechanism' && f.keyword)
  ) {
    const managed = managedFinding(opts.lookup, claim);
    if (managed) decisive.splice(0, decisive.length, managed);
  }
  // "WhenHealthCheckIsRequested_ThenReturnsOkResult", "Botão \"INITIATE SYNTHESIS\"": the distinctive
  // names the line gives, each written as it is in the project's code (exact-names.ts).
  if (decisive.length === 0 && opts.lookup && !mapped?.target.startsWith('unverifiable:')) {
    const exact = exactNamesFinding(opts.lookup, claim) ?? keyedFigureFinding(opts.lookup, claim);
    if (exact) decisive.push(exact);
  }
  if (decisive.length === 0) {
    if (mapped?.target.startsWith('unverifiable:'))
      return out('none', 'unverifiable', `not checkable in a repository (${mapped.target.slice(13)}: "${mapped.via}")`);
    const why = findings.map((f) => f.detail).join('; ');
    return out(
      rule ? rule.basis : 'none',
      'unverifiable',
      why || 'no rule or fact checks this claim; it needs a human or production evidence',
      findings.flatMap((f) => f.evidence),
    );
  }
  // "Connection pool size 20" where the pool holds 10: the value the claim gives is more specific
  // than the mechanism it names, and decides.
  const valued = decisive.filter((f) => f.valued);
  if (valued.length && valued.length < decisive.length) decisive.splice(0, decisive.length, ...valued);
  const mappedRule =
    mapped && !mapped.target.startsWith('unverifiable:') && !mapped.target.startsWith('pillar:')
      ? mapped.target.split(':')[0]!
      : null;
  const verdict = decide(claim, decisive, out, mappedRule);
  // A confirmation rests on what the lookups compared: a count the claim gives ("(23 dependencies)",
  // "| Containers | 8 |") that none of them counted may be stale, so the claim is not settled.
  const figure =
    claim.number && claim.number.kind !== 'percent'
      ? `${claim.number.value}${claim.number.unit ? ` ${claim.number.unit}` : ''}`
      : (countFigure(claim.text) ?? DURATION.exec(plain(claim.text))?.[0] ?? methodCountFigure(plain(claim.text)));
  if (
    figure &&
    (verdict.verdict === 'confirmed' || verdict.verdict === 'partially-confirmed') &&
    !decisive.some((f) => f.basis === 'tests' || f.valued) &&
    !endpointEntry(claim, decisive) &&
    !listCounted(claim.text, decisive) &&
    !testFileCounted(opts.lookup, claim, decisive)
  ) {
    // "handlers/  # ALL handlers (6 files)": the folder found is listed, and its files are the count.
    const listed = folderFileCount(opts.lookup, claim, decisive);
    if (listed)
      return out('file', listed.agrees ? 'confirmed' : 'contradicted', folderCountReason(listed), listed.evidence);
    // "ContratoService (9 métodos)": the class found, and the methods its body defines are the count.
    const methods = opts.lookup ? classMethodCount(opts.lookup, claim, verdict.evidence) : null;
    if (methods && methods.all > 0) {
      const agrees = [methods.all, methods.open, methods.open + methods.dunder].includes(methods.claimed);
      return out(
        'search',
        agrees ? 'confirmed' : 'contradicted',
        `the document says ${methods.name} has ${methods.claimed} methods; its body at ${methods.path}:${methods.line} defines ${methods.all}${methods.open !== methods.all ? ` (${methods.open} not private)` : ''}${agrees ? '' : ': the document is out of date'}`,
        [{ path: methods.path, line: methods.line, note: `${methods.all} methods` }],
      );
    }
    // "Gemfile configuration (27 gems)": the manifest found, and the entries it declares are the count.
    const declared = manifestCount(opts.lookup, claim, decisive);
    if (declared)
      return out(
        'dependency',
        declared.agrees ? 'confirmed' : 'contradicted',
        `the document says ${declared.atLeast ? 'at least ' : ''}${declared.claimed} ${declared.unit}; ${declared.path} declares ${declared.found}${declared.agrees ? '' : ': the document is out of date'}`,
        [{ path: declared.path, note: `${declared.found} declared` }],
      );
    return {
      ...verdict,
      verdict: 'unverifiable',
      reason: `${verdict.reason}; but the figure the claim gives (${figure}) is not counted, so the claim is not settled`,
    };
  }
  const inFile = figure && verdict.verdict === 'confirmed' ? testFileCounted(opts.lookup, claim, decisive) : null;
  if (inFile)
    return {
      ...verdict,
      reason: `${verdict.reason}; ${inFile.cases} test cases counted in ${inFile.path}, as the line says`,
    };
  if (figure && verdict.verdict === 'confirmed' && listCounted(claim.text, decisive))
    return { ...verdict, reason: `${verdict.reason} (the ${figure} the line counts are the names it lists)` };
  return verdict;
}
