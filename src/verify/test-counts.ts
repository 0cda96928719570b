/**
 * Test counts as a reader checks them: the test inventory per file, class, folder, kind or language.
 * "PaymentServiceTest: 4 tests" is that class's file; "API suite: 12" the files under api/; "unit"
 * the files that are not integration, end-to-end or load tests; a runner's "12 tests completed" may
 * count one language of a polyglot repository. A name that matches nothing decides nothing.
 */
import { testInventory, type TestInventory } from '../facts/tests/inventory.js';
import type { Evidence } from '../types.js';
import type { Finding, LookupContext } from './lookup.js';
import { fileText } from './problems.js';
import { table } from '../util/table.js';

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
/** "FooServiceTests", "foo.spec", "foo_test_it": the test words a name ends with, however many. */
const TEST_SUFFIX = /[._-]?(?:tests?|specs?|it|e2e)$/i;
function withoutTestSuffixes(name: string): string {
  let out = name;
  for (let i = 0; i < 8 && TEST_SUFFIX.test(out); i++) out = out.replace(TEST_SUFFIX, '');
  return out;
}
const stem = (p: string) =>
  squash(
    withoutTestSuffixes(
      p
        .split('/')
        .pop()!
        .replace(/\.[^.]+$/, ''),
    ).replace(/^test[_-]?/i, ''),
  );
const LANGUAGE_KEYS: Record<string, string> = table({
  java: 'Java/Kotlin',
  kotlin: 'Java/Kotlin',
  jvm: 'Java/Kotlin',
  javascript: 'JavaScript/TypeScript',
  typescript: 'JavaScript/TypeScript',
  python: 'Python',
  go: 'Go',
  golang: 'Go',
  rust: 'Rust',
  ruby: 'Ruby',
  php: 'PHP',
  csharp: 'C#',
  c: 'C#',
  dotnet: 'C#',
});
const KINDS =
  /^(unit|integration|e2e|endtoend|smoke|load|performance|perf|api|functional|acceptance|contract|component|ui|regression|security)$/;

/** The test files a name means: a file or class ("PaymentServiceTest"), a folder or kind ("API suite", "integration"). */
export function testsInScope(
  inv: TestInventory,
  scope: string | null,
): { files: TestInventory['files']; how: string; approximate?: boolean; named?: boolean } | null {
  const words = (scope ?? '')
    .replace(/\b(tests?|suites?|specs?|cases|pruebas|testfälle|tests? unitaires)\b/gi, ' ')
    // The same kinds in other languages.
    .replace(/\b(?:unitari[oa]s|unitaires?|unitarias)\b/gi, 'unit')
    .replace(/\b(?:integraci[oó]n|int[ée]gration|integrations)\b/gi, 'integration')
    .replace(/\bend[- ]to[- ]end\b/gi, 'e2e')
    // Chinese kinds: 单元测试 (unit), 集成测试 (integration), 端到端 (end to end).
    .replace(/[单單]元/g, ' unit ')
    .replace(/集成/g, ' integration ')
    .replace(/端到端/g, ' e2e ')
    .trim();
  // "unit excellent", "integration complete": a kind among the words is what is counted.
  const kindWord = words.split(/\s+/).find((w) => KINDS.test(squash(w)) && squash(w) !== 'api');
  const key = kindWord && words.split(/\s+/).length > 1 ? squash(kindWord) : squash(words);
  if (!key || /^(all|total|overall|gesamt|todos?)$/.test(key)) return { files: inv.files, how: 'the whole suite' };
  // A language ("Java tests") or the file or class itself, spelled exactly, before looser matches.
  const lang = LANGUAGE_KEYS[key];
  if (lang) {
    const language = inv.files.filter((f) => f.language === lang);
    if (language.length) return { files: language, how: `the ${lang} test files` };
  }
  const exact = inv.files.filter(
    (f) =>
      f.path
        .split('/')
        .pop()!
        .replace(/\.[^.]+$/, '') === (scope ?? '').trim(),
  );
  if (exact.length) return { files: exact, how: exact.map((f) => f.path).join(', '), named: true };
  const byStem = inv.files.filter((f) => stem(f.path) === squash(words.replace(/(?:tests?|spec)$/i, '')));
  if (byStem.length) return { files: byStem, how: byStem.map((f) => f.path).join(', '), named: true };
  const kind = key === 'endtoend' ? 'e2e' : key;
  const inDir = inv.files.filter((f) =>
    f.path
      .toLowerCase()
      .split('/')
      .slice(0, -1)
      .some((d) => squash(d) === kind || squash(d) === `${kind}tests`),
  );
  if (inDir.length) return { files: inDir, how: `the ${inDir.length} test files under a ${words} folder` };
  if (KINDS.test(kind)) {
    const named = inv.files.filter((f) => new RegExp(`(^|[^a-z])${kind}([^a-z]|$)`).test(f.path.toLowerCase()));
    if (named.length) return { files: named, how: `the ${named.length} test files named for ${words}` };
    if (kind === 'unit') {
      const rest = inv.files.filter((f) => !/(integration|e2e|smoke|load|perf|acceptance|functional)/i.test(f.path));
      if (rest.length && rest.length < inv.files.length)
        return { files: rest, how: 'the test files that are not integration, e2e or load tests' };
      return { files: inv.files, how: 'the whole suite (no separate unit folder)' };
    }
    return null;
  }
  if (key.length >= 5) {
    // "(Frontend)" → the files under finora-frontend/: names that merely contain the words.
    const contains = inv.files.filter(
      (f) =>
        stem(f.path).includes(key) ||
        f.path
          .toLowerCase()
          .split('/')
          .slice(0, -1)
          .some((d) => squash(d).includes(key)),
    );
    if (contains.length)
      return {
        files: contains,
        how: contains
          .slice(0, 3)
          .map((f) => f.path)
          .join(', '),
        approximate: true,
      };
  }
  return null;
}

/** testsInScope, once per inventory and name: a long document asks the same names again and again. */
const chosenBy = new WeakMap<TestInventory, Map<string | null, ReturnType<typeof testsInScope>>>();
function scoped(inv: TestInventory, scope: string | null): ReturnType<typeof testsInScope> {
  let m = chosenBy.get(inv);
  if (!m) chosenBy.set(inv, (m = new Map()));
  if (!m.has(scope)) m.set(scope, testsInScope(inv, scope));
  return m.get(scope)!;
}

/** `files`: the document counts test files ("4 test files"), not test cases. */
/**
 * `about`: the document gives the count as approximate ("~120", "120+", "over 120"); otherwise a count
 * is checked as a reader checks it, exactly — a suite that grew or shrank makes the figure stale.
 */
export function testsFinding(
  ctx: LookupContext,
  scope: string | null,
  claimed: number,
  files = false,
  about: 'exact' | 'about' | 'atLeast' = 'exact',
): Finding {
  const inv = ctx.tests ?? testInventory(ctx.files);
  const subject = `${claimed} tests${scope ? ` (${scope})` : ''}`;
  const chosen = scoped(inv, scope);
  if (!chosen) {
    // "AssessmentService | 7 tests": a class no test file names or mentions has no tests of its own.
    const cls = scope && /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/.test(scope.trim()) ? scope.trim().toLowerCase() : null;
    if (cls && claimed > 0 && inv.files.length >= 3 && inv.files.length <= 800) {
      const mentions = inv.files.some((f) =>
        (fileText(ctx, f.path) ?? '').toLowerCase().replace(/[_-]/g, '').includes(cls),
      );
      if (!mentions)
        return {
          subject,
          basis: 'tests',
          present: 'no',
          detail: `no test file names or mentions ${scope} (${inv.files.length} test files searched)`,
          evidence: inv.files
            .slice(0, 3)
            .map((f) => ({ path: f.path, note: `${f.cases} test cases, none of ${scope}` })),
        };
    }
    return {
      subject,
      basis: 'tests',
      present: 'unknown',
      detail: `no test file or folder matches "${scope}"`,
      evidence: [],
    };
  }
  if (files)
    return {
      subject,
      basis: 'tests',
      present:
        about === 'atLeast'
          ? chosen.files.length >= claimed
            ? 'yes'
            : 'no'
          : Math.abs(chosen.files.length - claimed) <= (about === 'about' ? Math.round(claimed * 0.05) : 0)
            ? 'yes'
            : 'no',
      detail: `${chosen.files.length} test file${chosen.files.length === 1 ? '' : 's'} with test cases in ${chosen.how}`,
      evidence: chosen.files.slice(0, 3).map((f) => ({ path: f.path, note: `${f.cases} test cases` })),
    };
  const cases = chosen.files.reduce((s, f) => s + f.cases, 0);
  const expanded = chosen.files.reduce((s, f) => s + f.expanded, 0);
  const evidence: Evidence[] = chosen.files.slice(0, 3).map((f) => ({
    path: f.path,
    ...(f.first ? { line: f.first.line, snippet: f.first.snippet } : {}),
    note: `${f.cases} test case${f.cases === 1 ? '' : 's'}${f.expanded !== f.cases ? ` (${f.expanded} expanded)` : ''}`,
  }));
  const counted =
    expanded !== cases ? `${cases} test cases (${expanded} with parameters expanded)` : `${cases} test cases`;
  // go test lists subtests (t.Run) too, which the inventory does not count: a larger claim is not wrong
  // — unless the files named hold no subtest, and their count is all there is.
  const subtests = () => chosen.files.some((f) => /\.Run\(/.test(fileText(ctx, f.path) ?? '.Run('));
  if (
    claimed > expanded &&
    chosen.files.length > 0 &&
    chosen.files.every((f) => f.language === 'Go') &&
    (!chosen.named || subtests())
  )
    return {
      subject,
      basis: 'tests',
      present: 'unknown',
      detail: `${counted} counted in ${chosen.how}; go test also lists subtests, which are not counted`,
      evidence,
    };
  // A count is exact ("64 tests" where 66 are written is out of date); parameterised cases may
  // count once or once per parameter; "~120" allows 5 %, "120+" any larger suite.
  const tolerance = about === 'about' && !chosen.named ? Math.max(2, Math.round(claimed * 0.05)) : 0;
  const near = (c: number, e: number) =>
    about === 'atLeast'
      ? e >= claimed
      : (claimed >= c - tolerance && claimed <= e + tolerance) || Math.abs(claimed - c) <= tolerance;
  const close = near(cases, expanded);
  // A whole-suite figure from one runner's output may count one language of a polyglot repository.
  if (!close && scope === null) {
    const byLanguage = new Map<string, { cases: number; expanded: number }>();
    for (const f of inv.files) {
      const l = byLanguage.get(f.language) ?? { cases: 0, expanded: 0 };
      byLanguage.set(f.language, { cases: l.cases + f.cases, expanded: l.expanded + f.expanded });
    }
    for (const [language, l] of byLanguage)
      if (byLanguage.size > 1 && near(l.cases, l.expanded))
        return {
          subject,
          basis: 'tests',
          present: 'yes',
          detail: `${l.cases} ${language} test cases counted (of ${cases} in all)`,
          evidence,
        };
  }
  // Files whose names merely contain the words may hold more than the document counted.
  if (chosen.approximate && !close)
    return {
      subject,
      basis: 'tests',
      present: 'unknown',
      detail: `${counted} in files whose names contain "${scope}" (${chosen.how}); the document may count a part of them`,
      evidence,
    };
  if (cases === 0 && chosen.files.length === 0)
    return {
      subject,
      basis: 'tests',
      present: 'no',
      detail: `no test cases found in ${chosen.how}`,
      evidence: [{ path: '.', note: 'no test files' }],
    };
  return {
    subject,
    basis: 'tests',
    present: close ? 'yes' : 'no',
    detail: `${counted} counted in ${chosen.how}`,
    evidence,
  };
}

/** "Authentication Tests", "Service tests": a claim about the tests of a thing, not the thing. */
const TESTS_OF =
  /^((?:(?! - )[^:.(…—–]){3,40}?)\s+(?:tests?|testing|specs?|test coverage|testes)(?=\s*(?:$|[:(.…—–|-]|missing|present|exist|added|written|pending|done|complete))/i;
/** "No test project exists", "Zero tests", "No test infrastructure": no tests at all. */
/**
 * "No tests for repositories", "No hay tests para handlers", "Keine Tests für den Parser": what a
 * line of absence says has no tests — the thing after "for".
 */
const TESTS_FOR =
  /^(?:no|zero|without|missing|sin|sem|keine?|pas de|aucun|no hay|não há|n[aã]o existem|faltan?|fehlende?)\s+(?:(?:unit|automated|unit[aá]rios|unitarios)\s+)?(?:tests?|testes|pruebas|specs?)\s+(?:for|para|f[uü]r|pour|de|do|da|dos|das|del|de los|de las)\s+(?:the\s+|los\s+|las\s+|el\s+|la\s+|die\s+|den\s+|das\s+|les\s+|le\s+|la\s+|o\s+|os\s+|a\s+|as\s+)?([A-Za-z][\w-]{3,40})\b/i;
function testsFor(text: string): string | undefined {
  return TESTS_FOR.exec(text)?.[1];
}

const NO_TESTS =
  /^(?:(?:no|zero|missing|without)\s+(?:(?:unit|automated)\s+)?(?:test\s+(?:project|projects|suite|suites|infrastructure|files?)|tests)(?:\s+(?:exists?|found|at all|yet|written|present|implemented))?|(?:nenhum|nenhuma)\s+(?:testes?|teste automatizado)(?:\s+(?:encontrad|implementad|escrit)[oa]s?)?|ningun[oa]?\s+(?:tests?|pruebas?)(?:\s+(?:encontrad|implementad)[oa]s?)?|ningún\s+(?:tests?|pruebas?)(?:\s+(?:encontrad|implementad)[oa]s?)?|(?:aus[eê]ncia|ausencia|falta)\s+(?:total\s+)?de\s+(?:testes|tests|pruebas)(?:\s+(?:automatizad[oa]s|automatisiert|unit[aá]ri[oa]s))?|(?:sem|sin|no hay|n[aã]o h[aá])\s+(?:testes|tests|pruebas)(?:\s+(?:automatizad[oa]s|unit[aá]ri[oa]s))?|keine\s+(?:automatisierten\s+)?tests(?:\s+vorhanden)?|(?:aucun|pas de)\s+tests?(?:\s+(?:automatis|trouv|implément)[ée]s?)?)\s*[.!]?$/i;
/** Headings over a list of what the tests cover: "Test Categories", "What is tested", "Test coverage areas". */
const TESTED_LIST =
  /\btest(?:s|ing)?\s+(?:categor(?:y|ies)|areas)\b|\bwhat(?:'s| is) tested\b|\btested (?:features|areas|functionality)\b/i;
/** Words that say how or how much something is tested, not what: "Full", "Multi-platform", "Comprehensive". */
const GENERIC_TESTED =
  /^(?:unit|integration|e2e|end|smoke|load|performance|api|ui|manual|automated|all|the|our|feature|features|functional|basic|core|main|other|full|comprehensive|extensive|thorough|complete|proper|good|excellent|robust|additional|more|some|limited|multi|cross|platform|browser|device|parallel|regression|snapshot|property|fuzz|mutation|contract|acceptance|visual|stress|security|system|component|coverage|total|gesamt|insgesamt)$/i;

/**
 * What the tests of a thing are, when a claim is about them: "Authentication Tests ❌ MISSING",
 * "Test Categories: ✅ Queues (Horizon)". The thing being in the code says nothing about its tests;
 * test files named for it do, and no test files at all settles that it has none. Null when the
 * claim is not about tests of a thing.
 */
/** A count or pass tally before "tests": "15 pages covered by", "34/34 Task #11", "12 of 12". */
const TALLY_OF_TESTS = /^\d{1,6}(?:\s*(?:\/|of|von|de|sur)\s*\d{1,6})?\s|\bcovered\s+by$/i;
/** What runs tests, rather than the tests themselves. */
const INFRASTRUCTURE = /\b(?:infrastructure|infra|setup|set-up|framework|tooling|pipeline|harness|runner)\b/i;
/** A CI step that runs a project's tests. */
const TEST_COMMAND =
  /\b(?:dotnet\s+test|(?:npm|pnpm|yarn)\s+(?:run\s+)?test|pytest|go\s+test|cargo\s+(?:test|nextest)|mvn\w*\s+(?:[\w:-]+\s+){0,8}(?:test|verify)|gradlew?\s+(?:[\w:-]+\s+){0,8}test|rspec|rake\s+test|rails\s+test|phpunit|artisan\s+test|vitest|jest|mix\s+test|flutter\s+test|swift\s+test)\b/;
const CI_FILE =
  /^(?:\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|Jenkinsfile|bitbucket-pipelines\.yml)$/;

/** The first CI line that runs a test command, or null. */
function ciTestRun(ctx: LookupContext): { path: string; line: number; snippet: string } | null {
  for (const path of ctx.files.paths.filter((p) => CI_FILE.test(p)).slice(0, 50)) {
    const text = ctx.readText ? ctx.readText(path, 512 * 1024) : ctx.files.read(path);
    const lines = (text ?? '').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.length < 400 && !/^\s*#/.test(l) && TEST_COMMAND.test(l))
        return { path, line: i + 1, snippet: l.trim().slice(0, 120) };
    }
  }
  return null;
}

export function testsOfFinding(
  ctx: LookupContext,
  text: string,
  subject: string,
  section: string | undefined,
): Finding | null {
  const clean = (t: string) =>
    t
      .replace(/[*_`]/g, '')
      .replace(/\([^()]*\)/g, ' ')
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .trim();
  // (An item naming a path is about that place, which coverage of places reads.)
  // "No test project exists", "No test infrastructure": the whole suite.
  if (NO_TESTS.test(clean(text))) {
    const inv = ctx.tests ?? testInventory(ctx.files);
    // No test files, yet a CI job runs the test command: the infrastructure to run tests is there
    // ("No test project", "No unit tests" are still so).
    const run = inv.files.length || !INFRASTRUCTURE.test(text) ? null : ciTestRun(ctx);
    if (run)
      return {
        subject: 'tests',
        basis: 'tests',
        present: 'partly',
        detail: `the repository holds no test files, but CI runs tests (${run.path}:${run.line}: ${run.snippet})`,
        evidence: [{ path: '.', note: 'no test files' }, run],
      };
    return {
      subject: 'tests',
      basis: 'tests',
      present: inv.files.length ? 'yes' : 'no',
      detail: inv.files.length
        ? `${inv.files.length} test files hold ${inv.files.reduce((n, f) => n + f.cases, 0)} test cases`
        : 'the repository holds no test files',
      evidence: inv.files.length
        ? inv.files.slice(0, 3).map((f) => ({ path: f.path, note: `${f.cases} test cases` }))
        : [{ path: '.', note: 'no test files' }],
    };
  }
  const explicit = TESTS_OF.exec(clean(text))?.[1] ?? testsFor(clean(text));
  const named = explicit ?? (TESTED_LIST.test(section ?? '') && !/[/|`]/.test(text) ? clean(subject) : null);
  if (!named) return null;
  // "15 pages covered by tests", "34/34 Task #11 tests": a count or a pass tally of tests, not
  // that a thing has tests; a test file whose name shares a word with it settles neither.
  if (explicit && TALLY_OF_TESTS.test(named))
    return {
      subject: `tests of ${named.trim()}`,
      basis: 'tests',
      present: 'unknown',
      detail: `"${named.trim()}" counts tests or what they cover, which file names do not settle`,
      evidence: [],
    };
  const word = named
    .split(/[^\p{L}\p{N}]+/u)
    .find((w) => w.length >= 4 && !GENERIC_TESTED.test(w) && !/^(?:tests?|missing|coverage)$/i.test(w));
  if (!word || /[^\x00-\x7F]/.test(word)) return null;
  const inv = ctx.tests ?? testInventory(ctx.files);
  const subjectOf = `tests of ${named.trim()}`;
  if (!inv.files.length)
    return {
      subject: subjectOf,
      basis: 'tests',
      present: 'no',
      detail: 'the repository holds no test files',
      evidence: [{ path: '.', note: 'no test files' }],
    };
  const key = word.toLowerCase().slice(0, Math.max(4, Math.min(6, word.length - 2)));
  const flat = (p: string) => p.toLowerCase().replace(/[^a-z0-9/]/g, '');
  let files = inv.files.filter((f) => flat(f.path).includes(key));
  // A long word is often shortened in file names: "Authentication" in auth.test.js.
  if (!files.length && word.length >= 8) {
    const short = new RegExp(`(?:^|[/._-])${word.slice(0, 4).toLowerCase()}`);
    files = inv.files.filter((f) => short.test(f.path.toLowerCase()));
  }
  // An item of a "Test Categories" list names an area, which a file's name only points at.
  if (files.length && !explicit)
    return {
      subject: subjectOf,
      basis: 'tests',
      present: 'unknown',
      detail: `test files named for ${word}: ${files
        .slice(0, 3)
        .map((f) => f.path)
        .join(', ')}; what they exercise is for a reader to judge`,
      evidence: files.slice(0, 3).map((f) => ({ path: f.path, note: `${f.cases} test cases` })),
    };
  if (files.length)
    return {
      subject: subjectOf,
      basis: 'tests',
      present: 'yes',
      detail: `test files named for ${word}: ${files
        .slice(0, 3)
        .map((f) => f.path)
        .join(', ')}`,
      evidence: files.slice(0, 3).map((f) => ({ path: f.path, note: `${f.cases} test cases` })),
    };
  return {
    subject: subjectOf,
    basis: 'tests',
    present: 'unknown',
    detail: `no test file is named for ${word}; its tests may sit in files named otherwise`,
    evidence: [],
  };
}

/** "Tests absents", "No tests", "Pas de tests", "Tests missing": the whole suite said absent, as a line's head. */
const SUITE_ABSENT =
  /^(?:tests? (?:absents?|manquants?|missing|fehlen|ausentes|inexistentes)|(?:no|zero|pas de|aucun|sin|sem|keine) (?:(?:unit|automated|unitarios|unitaires) )?(?:tests?|testes|pruebas)|0 tests?)$/i;
/** What such a head's remark says about coverage: "0% coverage", "couverture nulle". */
const COVERAGE_REMARK = /(?<![\d.])0 ?%|\b(?:coverage|couverture|cobertura|abdeckung)\b/i;

/**
 * "Tests absents - 0% coverage", "No tests: 0% coverage": the suite said absent, with the coverage
 * that follows from it. Test files in the repository make the line out of date (the figure itself is
 * a run's, not checked); none found leaves the line to the rest. Null when the line is not of this shape.
 */
export function suiteAbsentWithCoverage(ctx: LookupContext, text: string): Finding | null {
  const t = text
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .trim();
  const cut = / [-–—:] |: |, /.exec(t);
  if (!cut) return null;
  const head = t.slice(0, cut.index).trim();
  const tail = t.slice(cut.index + cut[0].length);
  if (!SUITE_ABSENT.test(head) || !COVERAGE_REMARK.test(tail) || tail.length > 80) return null;
  const inv = ctx.tests ?? testInventory(ctx.files);
  const files = inv.files.filter((f) => f.cases > 0);
  if (!files.length) return null;
  return {
    subject: 'tests',
    basis: 'tests',
    present: 'yes',
    detail: `${files.length} test files hold ${files.reduce((n, f) => n + f.cases, 0)} test cases`,
    evidence: files.slice(0, 3).map((f) => ({ path: f.path, note: `${f.cases} test cases` })),
  };
}
