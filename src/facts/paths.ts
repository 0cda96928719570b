/** Path classification shared by rules: tests, examples, docs, generated code. */
import type { Evidence, Match } from '../types.js';

/**
 * .NET configuration files. The host reads them whatever their case on Windows and macOS, so projects
 * commit `AppSettings.json` or `appSettings.json` as well (blind round 9); globs are case-sensitive.
 */
export const APPSETTINGS = ['**/appsettings*.json', '**/AppSettings*.json', '**/appSettings*.json'];

// A module of test helpers (`test-support/src/main/java/…`, `testsupport/`, `test_helpers/`) is test
// code although its sources sit under src/main (blind round 8, start.spring.io: a temp-file cleanup
// hook in test-support was cited as the service's graceful shutdown).
// Test data folders (`resources/testfiles/`, Go `testdata/`, `fixtures/`) hold inputs the tests read:
// their sub-folders are no environments, their keys no leaks (blind round 11, solidtime:
// resources/testfiles/solidtime_import_test_1/clients.csv was read as a pre-production environment).
// A testbed or test environment (`docker/testbed/docker-compose.yml`: the sample services a
// scoring engine checks) is what the tests or the practice run against; snapshot and corpus folders
// (`__snapshots__/`, a formatter's top-level `Snapshots/` of third-party code, a fuzzer's `corpus/`)
// are test inputs (blind round 27). A root `Snapshots/` only: `src/snapshots/` may be a feature.
// A Go test-helper package named `testonly/` (fakes, demo keys, mock servers) is test support (blind round 49).
const TEST_DIR =
  /(^|\/)(tests?|__tests__|spec|specs|e2e|e2e[-_]?tests?|integration[-_]?tests?|test[-_]?utils?|test[-_]?only|testing|test[-_]?support|test[-_]?helpers?|test[-_]?files|test[-_]?data|fixtures|testbeds?|test[-_]?env(?:ironment)?s?|__snapshots__|corpus|corpora)\/|^snapshots\//i;
// `*TestCase.php` (`FilesystemAdapterTestCase.php`, an abstract PHPUnit case other packages' tests extend) is
// test code as much as `*Test.php` (blind round 26, flysystem: named its largest production module).
// `*_test.ts` (Deno's convention, `e2e_test.ts`), `*_test.exs`, `*_test.dart` too (blind round 39, saaskit: e2e_test.ts was
// its "largest production source").
const TEST_FILE =
  /(^|\/)(tests?\.[cm]?[jt]sx?|[^/]*\.test-d\.ts|test_[^/]*\.py|tests(?:_[^/]*)?\.py|[^/]*_test\.(py|go|[cm]?[jt]sx?|exs|dart)|[^/]*\.(test|spec)\.[cm]?[jt]sx?|[^/]*_spec\.rb|[^/]*(?:Tests?|TestCase)\.(java|kt|cs|php|scala)|conftest\.py)$/;
/**
 * A package of test utilities named with a prefix (`src/AdapterTestUtilities/`, `flysystem-test-utilities/`,
 * `acme_testing_utils/`): shared test cases and helpers that other packages' tests use, not production code
 * (blind round 26). One path segment ending in test/testing + utilities/utils/helpers/support/kit.
 */
const TEST_UTILITY_DIR =
  /(^|\/)(?:[\w.-]*?[-_.])?[Tt]est(?:ing)?[-_]?(?:[Uu]tilities|[Uu]tils?|[Hh]elpers?|[Ss]upport|[Kk]it)\/|(^|\/)[\w.-]*?[a-z0-9]Test(?:ing)?(?:Utilities|Utils?|Helpers?|Support|Kit)\//;
/**
 * A Gradle/Maven test source set beside src/main: `src/integrationTest/`, `src/jsr166Test/`,
 * `src/openjdkTest/`, `src/testFixtures/` (blind round 9, caffeine: TCK suites under
 * src/jsr166Test and src/openjdkTest were judged as production modules). Case-sensitive: the
 * source-set name is camelCase by convention.
 */
const TEST_SOURCE_SET = /(^|\/)src\/(?:[a-z][A-Za-z0-9]*Test|test[A-Z][A-Za-z0-9]*)\//;
/**
 * The one decision on example, sample and demo folders, used by every rule that asks whether a path
 * is non-production: a whole path segment (`examples/`, `example/`, `samples/`, `demo/`, `_examples/`),
 * or a top-level collection folder named with a plural after a prefix (`spring-boot-admin-samples/`,
 * `acme-examples/`, `web_demos/`). A longer name that merely contains the word is a product package
 * (`styleguide_example/`, `my_sample_app/`, and `styleguide_example/blog_examples/` below it: round 5
 * took a Django project's whole application package for examples). Docs folders may carry a prefix.
 */
const EXAMPLE_SEGMENT = String.raw`(^|\/)_?(examples?|samples?|demos?)\/|^[\w.-]*[-_](examples|samples|demos)\/`;
const EXAMPLE_DIR = new RegExp(
  String.raw`${EXAMPLE_SEGMENT}|(^|\/)([\w.-]*[-_])?(docs?|documentation)\/|(^|\/)(playground|sandbox|benchmarks?|jmh|tutorials?|codelabs?)\/|(^|\/)(?:[\w-]+\.)+Benchmarks?\/`,
  'i',
);

/**
 * A hidden examples folder (`.examples/docker-compose-mtls/`, `.samples/`): what the project shows
 * how to run, not what it runs. Compose files and keys there are demos (round 8: gatus's example
 * compose services were judged as deployed units and its demo mTLS keys failed as leaks). Not part
 * of isExamplePath: other rules still read a hidden examples folder's manifests as the deployment
 * the project documents.
 */
const HIDDEN_EXAMPLE_DIR = /(^|\/)\.(examples?|samples?|demos?)\//i;

/** An examples, samples or demo folder, hidden (`.examples/`) or not. */
export function isExampleFolder(path: string): boolean {
  return HIDDEN_EXAMPLE_DIR.test(path) || isExamplePath(path);
}

const EXAMPLE_ONLY = new RegExp(`${EXAMPLE_SEGMENT}|${HIDDEN_EXAMPLE_DIR.source}`, 'i');
/**
 * Only an examples, samples or demos folder (the segment decision of isExampleFolder, hidden ones too),
 * not the docs, playground or benchmark folders isExamplePath adds: where a project's own docs/ count.
 */
export function isExampleOnlyFolder(path: string): boolean {
  return EXAMPLE_ONLY.test(path);
}

/**
 * A .NET (or any dotted) test project folder: `Todo.Api.Tests/`, `Shop.UnitTests/`,
 * `Billing.IntegrationTests/`, `Api.Specs/`, a test helper project under one (`CliApp.Tests.Dummy/`,
 * an executable the tests spawn), CamelCase `AcceptanceTests/`, and a `TestSuite/` solution with its
 * shared client project (`TestSuite/TestSuite.Shared/`). Case-sensitive: a `contests/` folder is not one.
 */
export const TEST_PROJECT_DIR =
  /(^|\/)(?:[\w-]+\.)+[A-Za-z]*(?:Tests?|Specs?)(?:\.[\w-]+)*\/|(^|\/)[A-Z][A-Za-z]*Tests\/|(^|\/)TestSuite(?:\.[\w-]+)*\//;

// Rules ask these of every path, several times per audit: each answer is kept (a pure function
// of the path). Two bits per question (asked, and the answer), three questions in a byte: during an
// audit of a large listing, one byte per listing position (answersFor); a path outside that listing, or asked outside an
// audit, goes to a map, up to a bound, so that a process auditing many trees does not grow without end.
// The map of every listed path was ~3.5 MB at 100k and ~7-10 MB at 300k, kept to the audit's end
// (its peak); the bytes are 0.3 MB there. isProductionPath is asked most (by most rules, of every
// path), and its harness regex was not kept: ~0.1 s at 100k of the main thread for answers already known.
const answers = new Map<string, number>();
const KEPT = 400_000;
const TEST = 0;
const EXAMPLE = 2;
const PRODUCTION = 4;

/** A listing whose positions can hold the answers (FileIndex). */
export interface PositionedListing {
  readonly paths: readonly string[];
  position(path: string): number;
}
let kept: { listing: PositionedListing; bits: Uint8Array } | undefined;
/**
 * A position is a hash of the whole path (FileIndex.position), ~90 ns more per question than the map's
 * lookup by the string's cached hash (20 questions of 100k paths: +0.27 s): the table is for listings
 * large enough for the map to weigh on the audit's peak, not for the CPU of the rest.
 */
const TABLE_FROM = 150_000;

/**
 * Keep the answers about `listing`'s paths in a byte per position until answersFor(undefined, listing)
 * (runAudit does both). The answers are pure functions of the path, so a second audit in the same process
 * taking over the table changes no answer, only where it is kept.
 */
export function answersFor(listing: PositionedListing | undefined, owner?: PositionedListing, from = TABLE_FROM): void {
  if (listing)
    kept = listing.paths.length >= from ? { listing, bits: new Uint8Array(listing.paths.length) } : undefined;
  else if (kept && kept.listing === owner) kept = undefined;
  lastPath = undefined;
}

// The last path looked up and its position: the questions come in runs about one path (isProductionPath
// asks the other two), so most lookups are this one.
let lastPath: string | undefined;
let lastAt = -1;

function remembered(path: string, shift: number, compute: (p: string) => boolean): boolean {
  const table = kept;
  let at = -1;
  if (table) {
    if (path !== lastPath) (lastAt = table.listing.position(path)), (lastPath = path);
    at = lastAt;
  }
  let bits = at >= 0 ? table!.bits[at]! : answers.get(path);
  if (bits === undefined || !(bits & (1 << shift))) {
    const yes = compute(path);
    // compute may have recorded other answers for this path (isProductionPath asks the others).
    if (at >= 0) {
      table!.bits[at] = table!.bits[at]! | (1 << shift) | (yes ? 2 << shift : 0);
      return yes;
    }
    bits = answers.get(path);
    if (bits === undefined && answers.size >= KEPT) answers.clear();
    bits = (bits ?? 0) | (1 << shift) | (yes ? 2 << shift : 0);
    answers.set(path, bits);
  }
  return (bits & (2 << shift)) !== 0;
}

export function isTestPath(path: string): boolean {
  return remembered(
    path,
    TEST,
    (p) =>
      TEST_DIR.test(p) ||
      TEST_FILE.test(p) ||
      TEST_PROJECT_DIR.test(p) ||
      TEST_SOURCE_SET.test(p) ||
      TEST_UTILITY_DIR.test(p),
  );
}

export function isExamplePath(path: string): boolean {
  return remembered(path, EXAMPLE, exampleUncached);
}

function exampleUncached(path: string): boolean {
  // Below a JVM source root the folders are a package name (com/example/demo, org/…/samples/petclinic
  // — Spring Initializr's default is com.example.demo), not an examples folder: test only the prefix.
  const root = /(^|\/)src\/(main|test)\/(java|kotlin|scala|groovy|resources)\//.exec(path);
  return EXAMPLE_DIR.test(root ? path.slice(0, root.index + root[1]!.length) : path);
}

/**
 * A test or development harness: the folder of a browser-test tool (playwright/, cypress/) or of a
 * local test network (regtest/), with its own compose files, Dockerfiles and env files. They stand
 * up the product to test it; they are not how it runs in production (issue 15: Playwright's
 * compose and Dockerfiles judged as deployed units, its test.env failed no-committed-secrets).
 * Not a test path: the test inventory finds the tests inside by their own names.
 * A mocks folder (`mocks/`, Jest's `__mocks__/`) too: an MSW or stub server started for development or
 * tests stands in for other systems, and its `server.close()` on SIGTERM is not the product's shutdown
 * (blind round 28, blues-stack: mocks/index.js was the only graceful-shutdown evidence).
 */
const HARNESS_DIR =
  /(^|\/)(playwright|cypress|puppeteer|selenium|wdio|regtest|testnet|simnet|test[-_]?harness|test[-_]?env|mocks|__mocks__)\//i;

/**
 * Load-test and benchmark scripts: a k6, Locust, Artillery, Gatling, JMeter or wrk script drives the
 * running service from outside, like a test (blind round 18, spring-k8s: the k6 script
 * k8s/load-tests.js was the Java service's only "outbound call" and its only "untyped JavaScript").
 * By folder (`load-tests/`, `perf-tests/`, `k6/`, `locust/`, `gatling/`, `jmeter/`, `artillery/`, `wrk/`)
 * or by name (`locustfile.py`, `load-test.js`, `*.k6.js`, `k6-*.js`); by content, files that import
 * k6 or Locust are the fact `loadScripts` (facts/index.ts).
 */
const LOAD_TEST_DIR =
  /(^|\/)(load[-_]?tests?|load[-_]?testing|perf[-_]?tests?|performance[-_]?tests?|stress[-_]?tests?|k6|locust|gatling|jmeter|artillery|wrk)\//i;
const LOAD_TEST_FILE =
  /(^|\/)(locustfile[^/]*\.py|(?:[\w-]*[-_])?(?:load|perf|performance|stress)[-_]?tests?\.(?:[cm]?[jt]s|py)|[^/]*\.k6\.[cm]?[jt]s|k6[-_][^/]*\.[cm]?[jt]s)$/i;

export function isLoadTestPath(path: string): boolean {
  return LOAD_TEST_DIR.test(path) || LOAD_TEST_FILE.test(path);
}

/**
 * A test runner's configuration (`.mocharc.js`, `jest.config.ts`, `vitest.config.mts`,
 * `karma.conf.js`, `playwright.config.ts`, `wdio.conf.js`): it sets how the tests run, and its
 * `timeout: 120000` is a test's time limit, never the service's (blind round 35, signalk-server:
 * .mocharc.js was cited as a timeout on outbound calls).
 */
const TEST_RUNNER_CONFIG =
  /(^|\/)(?:\.mocharc|\.nycrc|\.c8rc|(?:jest|vitest|vite\.test|playwright|cypress|ava|nightwatch|testem)\.config|vitest\.workspace|jest\.(?:setup|preset)|(?:karma|wdio|protractor|nightwatch)\.conf)(?:\.[\w-]+)?\.(?:[cm]?[jt]s|json|ya?ml)$/i;

export function isTestRunnerConfig(path: string): boolean {
  return TEST_RUNNER_CONFIG.test(path);
}

/** The browser-automation tools an end-to-end suite drives the product with. */
const BROWSER_TOOLS = new Set(['playwright', 'cypress', 'puppeteer', 'selenium', 'wdio', 'webdriverio', 'webdriver']);
/** Words that name tests in a folder's name (`e2e-playwright`, `playwright-tests`, `cypress_specs`). */
const TEST_WORDS = new Set(['e2e', 'test', 'tests', 'testing', 'spec', 'specs', 'acceptance', 'integration']);

/**
 * A folder of an end-to-end suite named with more than one word: `e2e` as one of its words
 * (`e2e-playwright/`, `web-e2e/`, Nx's `apps/shop-e2e/`, `e2e_app/`), or a browser-automation tool
 * beside a test word (`playwright-tests/`, `cypress_specs/`, `ui-tests-selenium/`). Its compose
 * files, Dockerfiles, `.env.prod` and loggers set up the runner that tests the product, not the
 * product (blind round 48: an `e2e-playwright/` module's logger credited as the service's structured
 * logging, its `.env.prod`/`.env.stage` pointing at localhost read as deployment environments, its
 * Dockerfile judged as an image that ships). A tool's own package (`playwright-core/`) is no suite.
 * Words are compared whole, split at `-`, `_` and `.`, at most 8 per folder and 40 folders.
 */
function e2eSuiteFolder(path: string): boolean {
  const dirs = path.split('/');
  dirs.pop();
  for (const dir of dirs.slice(0, 40)) {
    if (dir.length > 80 || !/[-_.]/.test(dir)) continue;
    const words = dir.toLowerCase().split(/[-_.]/).slice(0, 8);
    if (words.includes('e2e')) return true;
    if (words.some((w) => BROWSER_TOOLS.has(w)) && words.some((w) => TEST_WORDS.has(w))) return true;
  }
  return false;
}

/** Test runners started by name (`pytest`, `tox run -e py`, `bundle exec rspec`). */
const TEST_RUNNERS = new Set([
  'tox',
  'nox',
  'pytest',
  'py.test',
  'rspec',
  'phpunit',
  'pest',
  'jest',
  'vitest',
  'mocha',
  'ava',
  'tape',
  'ctest',
  'behave',
  'cucumber',
  'cucumber-js',
]);
/** Toolchains whose `test` subcommand runs the suite (`go test`, `npm run test:unit`, `./gradlew check`). */
const TEST_SUBCOMMAND = new Set([
  'go',
  'cargo',
  'dotnet',
  'deno',
  'mix',
  'swift',
  'dart',
  'flutter',
  'bun',
  'npm',
  'yarn',
  'pnpm',
  'make',
  'rake',
  'just',
  'task',
]);
const JVM_BUILD = new Set(['mvn', 'mvnw', 'gradle', 'gradlew']);
/** Words before the program that only start it: `exec`, `env X=1`, `uv run`, `bundle exec`, `python -m`. */
const STARTERS = new Set([
  'exec',
  'env',
  'time',
  'nice',
  'npx',
  'bunx',
  'uvx',
  'run',
  'uv',
  'poetry',
  'pipenv',
  'hatch',
  'pdm',
  'rye',
  'bundle',
  'php',
  'python',
  'python3',
  '-m',
]);

/**
 * The test runner one step of a command starts (`exec tox run -e py`, `python -m pytest -x`,
 * `npm run test:ci`, `./gradlew test`), or undefined. Only the program the step starts counts, past
 * the words that merely start it (`exec`, `env X=1`, `uv run`, `bundle exec`): `echo pytest` runs no
 * tests. At most 12 words are read. One notion for compose services and images that exist to run a
 * project's tests (blind round 48: a library's only compose service ran `tox run -e py` once in an
 * Android userland and was judged as a deployed unit).
 */
export function testRunnerOf(step: string): string | undefined {
  const words = step
    .slice(0, 400)
    .replace(/["'[\],]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 12);
  let i = 0;
  while (i < words.length && (STARTERS.has(words[i]!) || /^[A-Z_][A-Z0-9_]*=/.test(words[i]!) || words[i] === 'exec'))
    i++;
  const program = words[i];
  if (!program) return undefined;
  const name = program.slice(program.lastIndexOf('/') + 1).toLowerCase();
  const next = (words[i + 1] === 'run' ? words[i + 2] : words[i + 1])?.toLowerCase() ?? '';
  if (TEST_RUNNERS.has(name)) return words.slice(i, i + 4).join(' ');
  if (TEST_SUBCOMMAND.has(name) && /^test(?:[:_-][\w:-]*)?$/.test(next)) return words.slice(i, i + 3).join(' ');
  if (JVM_BUILD.has(name) && words.slice(i + 1).some((w) => /^(?::?[\w-]+:)*(?:test|verify|check)$/.test(w)))
    return words.slice(i, i + 4).join(' ');
  return undefined;
}

/**
 * The test runner a compose `command:`/`entrypoint:` (a string or a list) starts in its last step
 * (`bash -lc "pip install . && exec tox run -e py"` → `tox run -e py`), or undefined.
 */
export function commandTestRunner(cmd: unknown): string | undefined {
  const text = Array.isArray(cmd) ? cmd.slice(0, 50).map(String).join(' ') : typeof cmd === 'string' ? cmd : undefined;
  if (text === undefined) return undefined;
  const last = text
    .slice(0, 4000)
    .split(/&&|\|\||;|\n/)
    .map((x) => x.replace(/^["']+|["']+$/g, '').trim())
    .filter(Boolean)
    .at(-1);
  return last ? testRunnerOf(last) : undefined;
}

export function isHarnessPath(path: string): boolean {
  return HARNESS_DIR.test(path) || isLoadTestPath(path) || TEST_RUNNER_CONFIG.test(path) || e2eSuiteFolder(path);
}

/** Code that runs in production: not tests, not examples or docs, not a test harness. */
export function isProductionPath(path: string): boolean {
  return remembered(path, PRODUCTION, productionUncached);
}

function productionUncached(path: string): boolean {
  return !isTestPath(path) && !isExamplePath(path) && !isHarnessPath(path) && !isSeedDataPath(path);
}

/**
 * Seed data and database initialisation scripts for a local or test database: a seeds folder (knex
 * `seeds/`, Laravel `database/seeders/`, Rails `db/seeds/`, `seed-data/`), the init folder of the
 * official database images (`docker-entrypoint-initdb.d/`, `initdb.d/`), a seed file of an ORM
 * (`prisma/seed.ts`, `db/seeds.rb`), and scripts named for initialising or seeding a database
 * (`mongo-init.js`, `init-mongo.js`, `init-db.sql`, `seed-db.ts`, `postgres_init.sh`). Rows to
 * load, not a module anyone maintains or code that serves. Laravel's model factories
 * (`database/factories/`) are test support of the same kind: fake rows for tests and seeders (blind
 * round 47: a webhook factory's `'timeout' => 3` was cited as a production timeout). (Blind round 26, helpdesk-service: the
 * local Mongo's docker/mongoDB/mongo-init.js was the "largest production module" and the source
 * of its "correlation ids").
 */
const SEED_DIR =
  /(^|\/)(?:seeds|seeders|seed[-_]?data|seeding|docker-entrypoint-initdb\.d|initdb\.d|(?:db|database)\/(?:seeds?|factories))\//i;
const SEED_FILE = /(^|\/)(?:(?:prisma|db|database)\/seeds?\.\w+|[^/]*\.seed\.[cm]?[jt]s)$/i;
/** Database engines by name: an init script named for one (`mongo-init.js`) fills that engine's container. */
const DB_ENGINE = 'mongo|mongodb|postgres|postgresql|pg|mysql|mariadb|redis|cassandra|couchdb|oracle|mssql';
const SEED_SCRIPT = new RegExp(
  String.raw`(^|\/)(?:(?:${DB_ENGINE})[-_.]?(?:init|initdb|seed|seeds)|(?:init|initdb)[-_.]?(?:${DB_ENGINE})|(?:db|database|data|${DB_ENGINE})[-_.]?seeds?|seeds?[-_.]?(?:db|database|data|${DB_ENGINE}))(?:[-_.][\w.-]*)?\.(?:[cm]?js|ts|sql|sh|py|rb|php)$`,
  'i',
);

export function isSeedDataPath(path: string): boolean {
  return SEED_DIR.test(path) || SEED_FILE.test(path) || SEED_SCRIPT.test(path);
}

export function fromMatch(m: Match, note?: string): Evidence {
  return { path: m.path, line: m.line, snippet: m.snippet, ...(note ? { note } : {}) };
}

/** One piece of evidence per file (the first match), at most `limit`. */
export function firstPerFile(matches: Match[], limit = 5): Match[] {
  const seen = new Set<string>();
  const out: Match[] = [];
  for (const m of matches) {
    if (seen.has(m.path)) continue;
    seen.add(m.path);
    out.push(m);
    if (out.length >= limit) break;
  }
  return out;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

/**
 * The matched line is a comment, not code: `//`, `#`, `/*`, `*`, `--`, `<!--`, `;`, `'''`. Attributes
 * that start with `#[` (Rust, PHP 8) and C# `#region`-style directives stay code-ish enough to keep.
 */
export function isCommentLine(snippet: string): boolean {
  const s = snippet.trimStart();
  if (s.startsWith('#[')) return false;
  // `--cov-fail-under=100` on a line of its own (pytest addopts, a continued command) is an option, not SQL's `-- x`.
  return /^(\/\/|#|\/\*|\*|--(?![a-z])|<!--|;|'''|"""|rem\s)/i.test(s);
}

/** Matches that are production code lines (not tests, examples, docs or comments). */
export function codeMatches(matches: Match[]): Match[] {
  return matches.filter((m) => isProductionPath(m.path) && !isCommentLine(m.snippet));
}

/** Evidence for a manifest dependency: the manifest, its line, and the name with version. */
export function fromDependency(
  d: { name: string; version?: string; path: string; line?: number },
  note?: string,
): Evidence {
  return {
    path: d.path,
    ...(d.line ? { line: d.line } : {}),
    snippet: `${d.name}${d.version ? ` ${d.version}` : ''}`,
    ...(note ? { note } : {}),
  };
}

/**
 * A local development environment (`contrib/local-environment/`, `local-dev/`, `dev-env/`): compose
 * files and a reverse proxy to try the project on a laptop, not its deployment (blind round 22,
 * oauth2-proxy: its Traefik demo's headers were credited as the service's hardening and its compose
 * files called "production").
 */
const LOCAL_ENV_DIR = /(?:^|\/)(?:local[-_]?(?:env|environments?|dev|development)|dev[-_]?(?:env|environments?))\//i;

export function isLocalDevEnvPath(path: string): boolean {
  return LOCAL_ENV_DIR.test(path);
}

/** The words that name local development, in a folder (`dev/`) or a file name (`docker-compose.local.yml`). */
export const DEV_WORDS = 'dev|devel|develop|development|local';

/**
 * A folder named for local development: `dev/`, `local/`, `local_setup/`, `development/`, hidden as
 * well (`.dev/`, `.local/`: blind round 48, a `.dev/dev.yaml` stack named `…-dev`), or a local environment above.
 */
const LOCAL_DEV_DIR = new RegExp(String.raw`(?:^|\/)\.?(?:${DEV_WORDS}|local[-_]?setup)\/`, 'i');

/**
 * A file kept under a folder named for local development (`dev/local_setup/elasticsearch/Dockerfile`,
 * `local/compose.yml`): what a developer starts on a laptop, not the deployment. One notion for the
 * images and compose files every deployment rule reads (blind round 25, a service's dev/ folder of
 * Elasticsearch and Kibana taken for its deployed units).
 */
export function isLocalDevPath(path: string): boolean {
  return LOCAL_DEV_DIR.test(path) || LOCAL_ENV_DIR.test(path);
}

/**
 * Operational config (alert rules, dashboards) that gets deployed: tests, examples and docs are
 * left out, but a `demo/` or `samples/` deployment is still a deployment.
 */
export function isDeployablePath(path: string): boolean {
  return !isTestPath(path) && !/(^|\/)(examples?|docs?|documentation)\//i.test(path);
}

/** An import/using/require line: it names a library but sets nothing up. */
export function isImportLine(snippet: string): boolean {
  return /^(?:import\s|using\s|from\s+\S+\s+import\s|use\s|require\s|#include\s|const\s+\w+\s*=\s*require\()/.test(
    snippet.trimStart(),
  );
}

/**
 * Schema migrations: Django/Laravel/EF/knex/Sequelize/Prisma `migrations/` (`Migrations/`), Alembic
 * `alembic/versions/`, Rails `db/migrate/`, Flyway `db/migration/`. Written once (mostly generated)
 * and replayed, not maintained code: one notion of "own production source" for module-size and
 * tests-present (round 12).
 */
export const MIGRATION_DIR = /(^|\/)(migrations|Migrations|db\/migrate|db\/migration|alembic\/versions)\//;
/**
 * A singular `migration/` folder (TypeORM's default `src/migration/`) holds migrations when the file
 * is named like one: a timestamp or sequence first (`1587564396149-Notification.ts`,
 * `20240101120000_add_users.sql`) or Flyway's `V3__add_index.sql`. A `migration/` module of product
 * code (an importer from another service) is named otherwise and stays source (round 19: 579
 * TypeORM migrations counted as daily-api's source).
 */
const NAMED_MIGRATION = /(^|\/)[Mm]igration\/(?:[^/]+\/)*(?:\d{8,}|\d{3,}[-_]|V\d+(?:[._]\d+)*__)[^/]*$/;

export function isMigrationPath(path: string): boolean {
  return MIGRATION_DIR.test(path) || NAMED_MIGRATION.test(path);
}

/**
 * Translation tables: files under a locale folder (`lang/de/auth.php` of Laravel, `locales/`,
 * `i18n/`, `l10n/`, `translations/`). They hold strings per language, not logic a test is
 * written for (round 21, roadmap: 723 lang/ files of 971 "source files").
 */
const TRANSLATION_DIR = /(^|\/)(?:lang|langs|locales?|i18n|l10n|translations?)\//;

export function isTranslationPath(path: string): boolean {
  return TRANSLATION_DIR.test(path);
}

/**
 * Laravel Blade view templates (`*.blade.php`): HTML with template directives, counted as PHP by
 * extension but markup like an ERB, Twig or Jinja template, which are no source files either.
 */
export function isViewTemplate(path: string): boolean {
  return path.endsWith('.blade.php');
}

/**
 * A schema-migration runner: Alembic's `env.py` (and its script template) beside the versions, or
 * a migration folder's own files. It runs at deploy time against the database, not while the
 * service serves: its waits and connections are no outbound calls of the service (round 18,
 * fastapi-min: `future.result(timeout=15)` in alembic/env.py passed timeouts).
 */
const MIGRATION_RUNNER = /(^|\/)(?:alembic|migrations?)\/(?:env\.py|script\.py\.mako)$/;

export function isMigrationRunner(path: string): boolean {
  return MIGRATION_RUNNER.test(path) || isMigrationPath(path);
}

/**
 * Folders whose manifests and code show how to use a project rather than what it is: examples,
 * docs, tests, benchmarks. Their frameworks and servers do not decide the profile.
 */
export const NOT_THE_PRODUCT = new RegExp(
  String.raw`${EXAMPLE_SEGMENT}|(^|\/)([\w.-]*[-_])?(docs?|documentation)\/|(^|\/)(tests?|testing|spec|__tests__|fixtures|benchmarks?|bench|e2e|playground|sandbox|sections|tutorials?|codelabs?)\/`,
  'i',
);

/** Maintainer tooling: where a chart or module repository keeps its helper scripts. */
const TOOLING_DIR = /(^|\/)(scripts?|hack|tools?|\.github|\.ci|ci|bin)\//;

/**
 * The source files that are the product: not tests, examples or docs — and, where the product is
 * not code (infrastructure, docs), not the maintainers' helper scripts either. Rules about code
 * quality are not applicable without any (issue 15: a pass "on nothing" made a score).
 */
export function productCode(facts: { sourceFiles: string[]; profile: { id: string } }): string[] {
  const infra = facts.profile.id === 'infrastructure' || facts.profile.id === 'docs';
  return facts.sourceFiles.filter((p) => isProductionPath(p) && !(infra && TOOLING_DIR.test(p)));
}

/** Callers of a Terraform module (examples/, test fixtures) and what `terraform init` downloaded. */
const TF_NOT_MODULE = /(?:^|\/)(?:examples?|fixtures?|\.terraform)\//;

/**
 * A Terraform module has no program source: its .tf (.tofu) files outside examples/, fixtures and
 * test folders are the product's source — one notion for tests-present (the ratio) and
 * module-size (blind round 13: terraform-aws-alb's 916-line main.tf was "no source code").
 * Empty when the repository has program source (its .tf files are then its deployment).
 */
export function terraformModuleSource(
  facts: { sourceFiles: string[]; profile: { id: string } },
  files: { match(globs: string[]): string[] },
): string[] {
  if (productCode(facts).length > 0) return [];
  return files.match(['**/*.tf', '**/*.tofu']).filter((p) => !isTestPath(p) && !TF_NOT_MODULE.test(p));
}

/** Jsonnet someone else wrote: what jsonnet-bundler installs (vendor/), and other vendored trees. */
const JSONNET_NOT_OWN = /(?:^|\/)(?:vendor|node_modules|third_party|\.git)\/|[_.]test\.(?:lib)?jsonnet$/;

/**
 * A repository whose product is Jsonnet (a kube-prometheus-style stack of .libsonnet libraries, a
 * monitoring mixin) has no program source: its own .jsonnet/.libsonnet files outside examples,
 * docs, tests and vendor/ are the product's source — for module-size (the largest file) and for
 * type-safety's reason (blind round 50: 6,000 lines of Jsonnet were "no product source code").
 * Empty when the repository has program source or is a Terraform module: the source ratios of
 * tests-present and coverage are not built on it.
 */
export function jsonnetSource(
  facts: { sourceFiles: string[]; profile: { id: string } },
  files: { match(globs: string[]): string[] },
): string[] {
  if (productCode(facts).length > 0 || terraformModuleSource(facts, files).length > 0) return [];
  return files
    .match(['**/*.jsonnet', '**/*.libsonnet'])
    .filter((p) => isProductionPath(p) && !isTestPath(p) && !JSONNET_NOT_OWN.test(p));
}

/** The not-applicable reason when productCode is empty. */
export function noProductCode(facts: { sourceFiles: string[]; profile: { id: string } }): string {
  return facts.sourceFiles.length === 0
    ? 'no source code in the repository'
    : `no product source code: the ${facts.sourceFiles.length} source file(s) are tests, examples or maintainer scripts of a ${facts.profile.id} repository`;
}

/**
 * Instructions for AI coding assistants (AGENTS.md, CLAUDE.md, GEMINI.md, .github/copilot-instructions.md
 * and other .github/copilot-*.md guides, .github/instructions/, .github/prompts/, .cursorrules,
 * .cursor/rules/, .windsurfrules, .clinerules, vendored agent "skills" — `.claude/skills/`,
 * `.github/skills/`, any SKILL.md — and the templates they carry): guidance for a tool, not the
 * project's documentation. An "Incident Response" heading in a Copilot security guide tells the
 * assistant how to write code; it is no runbook, architecture document, README or contributing
 * guide. Every documentation rule sets these files aside. Whatever else the assistants' folders
 * hold (`.claude/skills/<skill>/helper.py`, `.cursor/`, `.codex/`, `.agents/`) is a helper for the
 * assistant, no product code: the languages, the source files and every count built on them leave
 * these out (round 9: 36 Python scripts under .claude/skills made a Java library "weak: Python").
 */
const AGENT_DOC = new RegExp(
  [
    // Instruction files by name (AGENTS.md, CLAUDE.md, and per-file `*.prompt.md`, `*.instructions.md`, `*.chatmode.md`).
    /(^|\/)(AGENTS|CLAUDE|GEMINI|COPILOT|CURSOR|QWEN|WARP)(\.[\w-]+)?\.md$/.source,
    /\.(?:prompt|instructions|chatmode|agent)\.md$/.source,
    // The assistants' folders, and the skills they load (`.github/skills/<skill>/SKILL.md` and its
    // references: a Copilot skill's fill-in templates are the assistant's, not this project's).
    /(^|\/)\.(agents?|claude|cursor|codex|windsurf|gemini|continue|clinerules|roo|kiro|opencode|junie|amazonq|augment|kilocode|trae|qwen|github\/(?:instructions|prompts|chatmodes|agents|skills))\//
      .source,
    /(^|\/)SKILL\.md$/.source,
    /(^|\/)\.github\/copilot[-_.][^/]*$/.source,
    /(^|\/)\.(cursorrules|windsurfrules|clinerules|aider[\w.-]*)$/.source,
  ].join('|'),
  'i',
);

export function isAgentDoc(path: string): boolean {
  return AGENT_DOC.test(path);
}

/**
 * A development-container file (`.devcontainer/Dockerfile`, `.devcontainer/compose.yml`): the
 * image an editor opens the repository in, a development environment in every rule — it ships
 * nothing, runs no service and needs no health check (round 12). The one shared notion.
 */
export function isDevContainer(path: string): boolean {
  return DEV_WORKSPACE.test(path);
}
/**
 * A cloud development workspace is one too: Gitpod's `.gitpod.Dockerfile`, `.gitpod.yml` and `.gitpod/`
 * (`FROM gitpod/workspace-full`, the editor's box; blind round 28, blues-stack: it was the "unpinned,
 * root" product image beside the deployed multi-stage Dockerfile).
 */
// `.devcontainers/` too: the plural some repositories use (blind round 33, a .NET library's editor box).
const DEV_WORKSPACE = /(^|\/)\.devcontainers?\/|(^|\/)\.gitpod(?:\/|\.[\w.-]*$)/;

/** Environments that are not production: a developer's machine, the tests, CI, staging and its kin. */
const OTHER_ENV = 'dev|devel|develop|development|local|test|tests|testing|ci|e2e|staging|stage|stg|qa|uat|sandbox';
/** A configuration file's name for one environment (`staging.rb`, `dev.py`) or with its suffix (`application-dev.yml`, `settings_test.py`, `appsettings.Development.json`). */
const ENV_FILE = new RegExp(String.raw`^(${OTHER_ENV})(\.\w+)$`, 'i');
const ENV_SUFFIX = new RegExp(String.raw`^(\w[\w.-]*?)([-_.])(${OTHER_ENV})(\.\w+)$`, 'i');
/** Configuration by its format, folder or name: code named `storage_local.py` is a module, not an environment. */
const CONFIG_EXT = /^\.(?:ya?ml|json|properties|toml|ini|conf|cfg|env|exs|xml)$/i;
const CONFIG_DIR = /(?:^|\/)(?:config|configs|conf|settings|environments|envs?)\/$/i;
const CONFIG_NAME = /(?:settings|config|application|appsettings)$/i;

/**
 * A configuration file of a non-production environment beside the production one: Rails
 * `config/environments/staging.rb` beside `production.rb`, Django `settings/dev.py` beside `prod.py`,
 * Spring `application-dev.yml` beside `application.yml`/`application-prod.yml`, .NET
 * `appsettings.Development.json` beside `appsettings.json`. What it sets is not what production runs:
 * a request-id log tag in staging.rb while production.rb has it commented out is no production
 * logging (issue 15, blind round 33). Without a production counterpart the file may be all there
 * is, and it is not set aside. Two name tests and at most six existence checks: bounded.
 */
export function otherEnvironmentConfig(files: { exists(path: string): boolean }, path: string): boolean {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  if (name.length > 200) return false;
  const whole = ENV_FILE.exec(name);
  if (whole) {
    const ext = whole[2]!;
    if (!CONFIG_EXT.test(ext) && !CONFIG_DIR.test(dir)) return false;
    return ['production', 'prod', 'live'].some((n) => files.exists(`${dir}${n}${ext}`));
  }
  const suffixed = ENV_SUFFIX.exec(name);
  if (!suffixed) return false;
  const [, base, sep, env, ext] = suffixed;
  if (!CONFIG_EXT.test(ext!) && !CONFIG_DIR.test(dir) && !CONFIG_NAME.test(base!)) return false;
  const stem = `${dir}${base}`;
  // `Development` → `Production`: keep the case the project writes its environments in.
  const cased = (n: string) => (/^[A-Z]/.test(env!) ? n[0]!.toUpperCase() + n.slice(1) : n);
  return [`${stem}${ext}`, ...['production', 'prod'].map((n) => `${stem}${sep}${cased(n)}${ext}`)].some((p) =>
    files.exists(p),
  );
}

const OWN_LICENCE = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'COPYING', 'license', 'LICENSE-MIT'];
const OWN_README = ['README.md', 'README', 'README.rst', 'README.txt', 'readme.md'];
const FOREIGN_HOME = /(^|\/)(vendor|vendored|third[-_]?party|external|extern|deps)\//i;

/**
 * The folder of another project copied into this one below a test or vendor path (a bundled
 * conformance suite in src/test/suite with its own README and LICENSE, a vendor/x/ checkout):
 * the nearest folder above `path`, not the root, that holds its own licence and README, when that
 * folder is under a test or vendor path. Its configs (.editorconfig, linters) are that project's,
 * not this one's (blind round 36: the JSON-Schema-Test-Suite's .editorconfig was credited to the
 * validator). Bounded: one `exists` per candidate name per folder level.
 */
export function foreignProjectRoot(files: { exists(path: string): boolean }, path: string): string | undefined {
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    const dir = path.slice(0, i);
    const probe = `${dir}/x`;
    if (!isTestPath(probe) && !FOREIGN_HOME.test(probe)) continue;
    if (OWN_LICENCE.some((n) => files.exists(`${dir}/${n}`)) && OWN_README.some((n) => files.exists(`${dir}/${n}`)))
      return dir;
  }
  return undefined;
}
