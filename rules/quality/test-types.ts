import { inRustTestModule } from '../_shared/client-timeouts.js';
import { cucumberRunnerOf } from '../../src/facts/tests/cucumber-jvm.js';
import { defineRule, type CommandRun, type Evidence, type FileView, type Match } from '../../src/types.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';
import { ciFiles } from '../../src/facts/ci.js';
import { productTestRuns, runEvidence } from '../../src/facts/commands/index.js';
import { dirOf, fromMatch } from '../../src/facts/paths.js';
import { joinPath } from '../../src/facts/commands/types.js';
import { testInventory, TEST_DIGEST, unrecognisedTestFiles } from '../../src/facts/tests/inventory.js';
import { terraformTestFile, type TfTestRun } from '../../src/facts/tests/terraform-test.js';
import { moleculeDriver } from '../../src/facts/tests/molecule.js';
import { consoleScripts } from '../../src/facts/entry-points.js';
import { globTest } from '../../src/walk/glob.js';
import { lineAt } from '../../src/util/lines.js';
import { ownNamed } from '../../src/facts/deploy-images.js';
import { pushTo } from '../../src/util/push-to.js';

type Kind = 'unit' | 'integration' | 'end-to-end' | 'load';

// Rails: request specs drive the whole stack through HTTP (integration); system and feature specs drive a browser.
// `regtest`: tests against a local regression-test network of real nodes (Bitcoin, Lightning).
// A project named for its kind counts too (`Jackett.IntegrationTests/`, `Shop.Api.E2ETests/`,
// `HttpKit.Tests.Integrated/` and `Shop.Tests.Integration/`: round 12), and
// `api_tests/` holds tests that call a running server's API (lemmy's federation suite).
const INTEGRATION_DIR =
  /(^|\/)(integration[-_]?tests?|integration|it|itest|functional|regtest|api[-_]?tests?)\/|(^|\/)[\w-]+(?:\.[\w-]+)*\.(?:integration(?:[-_]?tests?)?|integrated(?:[-_]?tests?)?|functional[-_]?tests?|it)\/|(^|\/)spec\/(requests|integration|api)\//i;
// A folder named for e2e among other words (`admin_app_e2e_tests/`, `web-e2e/`) holds an e2e suite
// too, whatever its files import (page objects drive the browser: blind round 31).
const E2E_DIR =
  /(^|\/)(e2e|e2e[-_]?tests?|end[-_]?to[-_]?end(?:[-_]?tests?)?|acceptance|acceptance[-_]?tests?|cypress|playwright|ui[-_]?tests?)\/|(^|\/)[\w-]+(?:\.[\w-]+)*\.(?:e2e(?:[-_]?tests?)?|end[-_]?to[-_]?end[-_]?tests?|acceptance[-_]?tests?|ui[-_]?tests?)\/|(^|\/)(spec\/(system|features)|test\/system)\/|(^|\/)[\w-]*[-_](?:e2e|end[-_]to[-_]end)(?:[-_][\w-]*)?\//i;
/**
 * An `acceptance` package among the JVM source packages (`src/eclipseTest/java/…/acceptance/`)
 * names what a test class checks (a map's contract, in caffeine's Eclipse Collections suite), not
 * tests run against a deployed system: only an acceptance folder outside the package tree is one.
 */
const JVM_ACCEPTANCE_PACKAGE = /(\/(?:java|kotlin|scala|groovy)\/(?:[\w$]+\/)*)acceptance\//i;
function e2eDir(path: string): boolean {
  return E2E_DIR.test(path.replace(JVM_ACCEPTANCE_PACKAGE, '$1'));
}
/**
 * Go tests sit beside the code: a package folder named `integration` holds unit tests of that
 * package, unless it sits in a test tree (`test/integration/…`), where it holds the integration suite.
 */
/**
 * Cargo builds each `tests/*.rs` (or `tests/<name>/main.rs`) beside a Cargo.toml as its own
 * integration-test crate, linked against the library's public API only.
 */
function cargoIntegrationTarget(files: FileView, path: string): boolean {
  const m = /^(.*?)(?:^|\/)tests\/(?:[^/]+\.rs|[^/]+\/main\.rs)$/.exec(path);
  return !!m && files.exists(m[1] ? `${m[1]}/Cargo.toml` : 'Cargo.toml');
}

/** A file named for integration tests (`test_x_integration.py`, `FooIT.java`), wherever it sits. */
function integrationFileName(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/IT\.(?:java|kt)$/.test(base)) return true;
  // The kind is the name's last word (`user.integration.test.ts`, `integration_test.go`) or follows
  // `test_` (`test_integration_api.py`), or comes with `-tests`; a subject that starts with the word
  // (`integration_bank.spec.js`, a test of the IntegrationBank adapter) names no kind (round 22).
  const stem = base.replace(/(?:[._-](?:test|spec|tests|specs))?\.[\w]+$/i, '');
  return /(^|[_.-])integration$|(^|[_.-])tests?[_.-]integration([_.-]|$)|(^|[_.-])integration[_.-]tests?([_.-]|$)/i.test(
    stem,
  );
}

/**
 * Test doubles of the network or of collaborators: a file named *integration* that replaces what it
 * would integrate with (`@mock.patch("requests.get")`, `jest.mock(…)`, nock, responses) tests one
 * unit — a module that wraps an integration — not the integration itself.
 */
const MOCKED =
  /\bmock\.patch\b|@patch\(|\bMagicMock\(|\bjest\.mock\(|\bvi\.mock\(|\bnock\(|\brequests_mock\b|@responses\.activate|\bhttpretty\b|\bMockito\.mock\(|@MockBean\b|\bgomock\./;

function integrationByName(path: string): boolean {
  if (integrationFileName(path)) return true;
  if (path.endsWith('.go'))
    return /(^|\/)(integration[-_]?tests?|itest)\/|(^|\/)tests?\/(integration|regtest)\//i.test(path);
  // A JVM package tree starts with a domain: `src/test/java/it/gov/…` is the package `it.gov` (an
  // Italian organisation), not an `it/` folder of integration tests (blind round 24, 95 JUnit tests
  // of pagopa counted as integration). Only the part past that first segment is read.
  return inIntegrationDir(path);
}

/** `src/<set>/<java|kotlin|scala|groovy>/it/`: the top-level package `it`, kept up to the source root. */
const JVM_IT_DOMAIN = /((?:^|\/)src\/[\w-]+\/(?:java|kotlin|scala|groovy)\/)it\//;

function inIntegrationDir(path: string): boolean {
  return INTEGRATION_DIR.test(path.replace(JVM_IT_DOMAIN, '$1'));
}

/** An HTTP client call (requests, httpx, aiohttp, urllib, fetch, axios, Go net/http, Java HttpClient, RestAssured). */
const HTTP_CLIENT =
  /\b(?:requests|httpx|session|client)\.(?:get|post|put|patch|delete|request)\s*\(|\baiohttp\.ClientSession\b|\burllib\.request\.urlopen\s*\(|\bfetch\s*\(|\baxios(?:\.\w+)?\s*\(|\bhttp\.(?:Get|Post|NewRequest)\s*\(|\bHttpClient\b|\bRestAssured\b|\bgiven\(\)/;

/** `e2e_test.go`, `checkout.e2e.ts`, `test_e2e.py`: end-to-end by the file's own name. */
const e2eByName = (path: string) => /(^|[_.-])e2e([_.-]|$)/i.test(path.slice(path.lastIndexOf('/') + 1));

const TEST_CODE = ['**/*.{py,js,jsx,ts,tsx,mjs,cjs,go,java,kt,cs,rb,php,rs}'];

/** Libraries that mark a kind of test, by ecosystem name (exact or `prefix*`). */
const LIBRARIES: { kind: Kind; name: string; deps: string[] }[] = [
  {
    kind: 'integration',
    name: 'Testcontainers',
    deps: [
      'testcontainers',
      '@testcontainers/*',
      'testcontainers-*',
      'org.testcontainers:*',
      'Testcontainers*',
      'github.com/testcontainers/testcontainers-go*',
    ],
  },
  // Go libraries that start real databases in Docker for a test, like Testcontainers.
  { kind: 'integration', name: 'dockertest', deps: ['github.com/ory/dockertest*', 'github.com/dhui/dktest'] },
  {
    kind: 'end-to-end',
    name: 'Playwright',
    deps: [
      '@playwright/test',
      'playwright',
      'pytest-playwright',
      'com.microsoft.playwright:playwright',
      'Microsoft.Playwright*',
    ],
  },
  { kind: 'end-to-end', name: 'Cypress', deps: ['cypress'] },
  {
    kind: 'end-to-end',
    name: 'Selenium',
    deps: ['selenium-webdriver', 'selenium', 'org.seleniumhq.selenium:*', 'Selenium.WebDriver', 'selenium-webdriver*'],
  },
  { kind: 'end-to-end', name: 'WebdriverIO', deps: ['webdriverio', '@wdio/*'] },
  { kind: 'end-to-end', name: 'Puppeteer', deps: ['puppeteer'] },
  { kind: 'end-to-end', name: 'Capybara', deps: ['capybara'] },
  { kind: 'end-to-end', name: 'supertest', deps: ['supertest'] },
  { kind: 'load', name: 'Locust', deps: ['locust'] },
  { kind: 'load', name: 'Artillery', deps: ['artillery'] },
  { kind: 'load', name: 'Gatling', deps: ['io.gatling*', 'plugin:io.gatling.gradle'] },
  { kind: 'load', name: 'k6', deps: ['k6'] },
];

/** Files that are load tests by name. */
const LOAD_FILES: { name: string; globs: string[] }[] = [
  { name: 'Locust', globs: ['**/locustfile.py', '**/locustfile*.py'] },
  { name: 'JMeter', globs: ['**/*.jmx'] },
  { name: 'Gatling', globs: ['**/src/gatling/**', '**/gatling/**/*.{scala,java,kt}'] },
];

/**
 * Spec files a WebdriverIO config runs (`specs: ['./test/browser/browser.spec.js']` or a glob, in wdio.conf.js):
 * each runs in a real browser, whatever its describe/it look like (blind round 12: uuid's
 * test/browser/browser.spec.js was taken for a jest unit test). Globs are relative to the config.
 */
function wdioSpecs(files: FileView): Map<string, { path: string; line: number }> {
  const out = new Map<string, { path: string; line: number }>();
  const configs = files.match(['**/wdio.conf.{js,ts,mjs,cjs,mts,cts}', '**/wdio.*.conf.{js,ts,mjs,cjs,mts,cts}']);
  if (configs.length === 0) return out;
  // Every script the specs may name, collected by the inventory or not (no jest or mocha config collects them).
  const scripts = files.paths.filter((p) => /\.(?:[cm]?[jt]s|[jt]sx)$/.test(p));
  for (const cfg of configs) {
    const text = files.read(cfg) ?? '';
    const at = /\bspecs\s*:\s*\[/.exec(text);
    if (!at) continue;
    const close = text.indexOf(']', at.index);
    const list = text.slice(at.index + at[0].length, close < 0 ? undefined : close);
    const line = lineAt(text, at.index);
    for (const g of list.matchAll(/['"`]([^'"`$]+)['"`]/g)) {
      const test = globTest(joinPath(dirOf(cfg), g[1]!));
      for (const t of scripts) if (!out.has(t) && test(t)) out.set(t, { path: cfg, line });
    }
  }
  return out;
}

function driverName(s: string): string {
  const m =
    /selenium|playwright|puppeteer|webdriverio|splinter|thirtyfour|fantoccini|headless_chrome|chromiumoxide|chromedp|go-rod/i.exec(
      s,
    );
  const n = (m?.[0] ?? 'WebDriver').toLowerCase();
  return (
    {
      selenium: 'Selenium',
      playwright: 'Playwright',
      puppeteer: 'Puppeteer',
      webdriverio: 'WebdriverIO',
      splinter: 'Splinter',
      thirtyfour: 'thirtyfour WebDriver',
      fantoccini: 'fantoccini WebDriver',
      headless_chrome: 'headless_chrome',
      chromiumoxide: 'chromiumoxide',
      chromedp: 'chromedp',
      'go-rod': 'Rod',
    } as Record<string, string>
  )[n]!;
}

/**
 * CI jobs that bring services up (`docker compose up`, `docker run -d`) and then run the tests:
 * those tests run against live instances, which is what integration tests do.
 */
function liveInstanceJobs(runs: CommandRun[]): { start: CommandRun; test: CommandRun }[] {
  const out: { start: CommandRun; test: CommandRun }[] = [];
  const byJob = new Map<string, CommandRun[]>();
  for (const r of runs) {
    if (r.origin.kind !== 'ci') continue;
    const key = `${r.origin.path}#${r.origin.job ?? ''}`;
    pushTo(byJob, key, r);
  }
  for (const list of byJob.values()) {
    const start = list.find((r) => startsServices(r.argv));
    // A browser suite (Cypress, Playwright) given a database this way is the end-to-end suite.
    const test =
      start && list.find((r) => r.tools.some((t) => t.kinds.includes('test') && !BROWSER_RUNNER.test(t.name)));
    if (start && test) out.push({ start, test });
  }
  return out;
}

/** The services of well-known ports, named in the evidence. */
const SERVICE_PORTS: Record<string, string> = {
  '9092': 'Kafka',
  '9093': 'Kafka',
  '9094': 'Kafka',
  '5432': 'PostgreSQL',
  '3306': 'MySQL',
  '6379': 'Redis',
  '27017': 'MongoDB',
  '5672': 'RabbitMQ',
  '9200': 'Elasticsearch',
  '2181': 'ZooKeeper',
  '11211': 'Memcached',
  '9042': 'Cassandra',
  '4222': 'NATS',
  '26257': 'CockroachDB',
  '1433': 'SQL Server',
  '1521': 'Oracle',
  '7687': 'Neo4j',
  '6650': 'Pulsar',
};
/**
 * A call that opens a connection or a client (Go `Dial…`/`NewClient`/`sql.Open`, a Kafka reader or
 * writer, `connect(`, `createClient`, `MongoClient`, `create_engine`): an address that is only
 * parsed or printed (a DSN parser's test) opens nothing.
 */
const CONNECTS =
  /\b(?:Dial\w{0,20}|[Cc]onnect\w{0,20}|New(?:Client|Conn\w{0,10}|Reader|Writer|Producer|Consumer|Pool|Admin\w{0,10})|sql\.Open|sqlx\.(?:Open|Connect)|pgx\w{0,10}\.Connect|gorm\.Open|createClient|createConnection|createPool|MongoClient|create_engine|KafkaProducer|KafkaConsumer|AdminClient|Redis|Pool)\s*[({]/;

/**
 * Why a test file runs against a live broker or database: it dials a local service's well-known
 * port, or reads the service's URL from the environment, and opens a connection. Undefined when the
 * file opens none (a configuration parser's test that only mentions an address).
 */
function serviceDial(m: Match, text: string): string | undefined {
  if (!CONNECTS.test(text)) return undefined;
  const port = m.groups[0];
  return port
    ? `connects to ${SERVICE_PORTS[port] ?? 'a local service'} on its port ${port} at line ${m.line}`
    : `reads the address of a live service from ${m.groups[1]} at line ${m.line}`;
}

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * CI jobs with service containers (GitHub Actions and GitLab `services:`: a database, a broker,
 * an LDAP server) by the lines they span: tests a job runs there run against those live services.
 */
type ServiceJob = { path: string; job: string; line: number; to: number; services: string[]; byActions?: boolean };

/** Actions that start a database or broker for a job, by the service name in the action's name. */
const SERVICE_ACTION =
  /^[\w.-]+\/(?:[\w.-]*?[-_])?(mongo(?:db)?|postgres(?:ql)?|mysql|mariadb|redis|rabbitmq|elasticsearch|opensearch|kafka|cassandra|memcached|mssql|sqlserver)(?:[-_][\w.-]*)?$/i;

/** A CI job named for end-to-end or acceptance tests (`end-to-end-tests:`, `name: E2E`). */
const E2E_JOB = /(?:^|[-_ ])(?:e2e|end[-_ ]?to[-_ ]?end|acceptance)(?:$|[-_ ]|s\b)/i;

/**
 * CI jobs named for end-to-end tests that run something: steps, a script, or a reusable workflow
 * (`uses: org/e2e-tests/.github/workflows/e2e.yml@main`, whose suite lives in another repository and
 * tests this project's built image). The job is the evidence, cited at its line (blind round 24,
 * cla_backend `end-to-end-tests` job).
 */
function e2eCiJobs(files: FileView): Evidence[] {
  const out: Evidence[] = [];
  for (const f of ciFiles(files)) {
    if (!f.ok || (f.system !== 'github-actions' && f.system !== 'gitlab-ci')) continue;
    const doc = rec(f.docs[0]);
    const jobs = f.system === 'github-actions' ? rec(doc?.jobs) : doc;
    for (const j of f.jobs) {
      const job = rec(jobs?.[j.name]);
      if (!job) continue;
      const title = typeof job.name === 'string' ? job.name : '';
      if (!E2E_JOB.test(j.name) && !E2E_JOB.test(title)) continue;
      const uses = typeof job.uses === 'string' ? job.uses : '';
      const runs = Array.isArray(job.steps) ? job.steps.length : Array.isArray(job.script) ? job.script.length : 0;
      if (!uses && !runs) continue;
      out.push({
        path: f.path,
        ...(j.line ? { line: j.line } : {}),
        snippet: `${j.name}:`,
        note: `CI job ${j.name}${title && title !== j.name ? ` (${title})` : ''}, named for end-to-end tests, ${uses ? `runs the reusable workflow ${uses.replace(/@[\s\S]*$/, '')}` : `runs ${runs} step${runs === 1 ? '' : 's'}`}`,
      });
      if (out.length >= 3) return out;
    }
  }
  return out;
}

/**
 * A command that creates or updates real infrastructure or a deployed application: Terraform,
 * OpenTofu or Terragrunt `apply`, `pulumi up`, `cdk deploy`, `sam deploy`, `serverless deploy`,
 * `aws cloudformation deploy`, `az deployment … create`, `gcloud … deploy`. Each alternative is a
 * fixed word run with bounded gaps: no nested quantifier.
 */
const DEPLOY_COMMAND =
  /\b(?:(?:terraform|tofu|terragrunt)(?:[ \t]+-chdir=\S{1,200})?[ \t]+(?:run-all[ \t]+)?apply|pulumi[ \t]+up|cdk[ \t]+deploy|sam[ \t]+deploy|(?:serverless|sls)[ \t]+deploy|aws[ \t]+cloudformation[ \t]+deploy|az[ \t]+deployment[ \t]+\w{1,20}[ \t]+create|gcloud[ \t][\w \t-]{1,80}?[ \t]deploy)\b/;

/** A CI job named for integration tests (`integration_tests:`, `name: Integration Tests`). */
const INTEGRATION_JOB = /(?:^|[-_ ])integ(?:ration)?(?:$|[-_ ]|s\b)/i;

/**
 * CI jobs whose tests run against a deployed stack: the job deploys (`terraform apply`, `cdk
 * deploy`, …) before its test step, or needs (directly or through other jobs) a job that deploys,
 * or is named for integration tests. The tests such a job runs call real infrastructure, which is
 * what integration tests do (blind round 41: pytest run after `terraform apply` in a job named
 * integration_tests was counted as unit tests only). By the lines each job spans in its file.
 */
function deployedStackJobs(
  files: FileView,
): { path: string; job: string; line: number; to: number; why: string; deploy?: number }[] {
  const out: { path: string; job: string; line: number; to: number; why: string; deploy?: number }[] = [];
  for (const f of ciFiles(files)) {
    if (!f.ok || (f.system !== 'github-actions' && f.system !== 'gitlab-ci')) continue;
    const doc = rec(f.docs[0]);
    const jobs = f.system === 'github-actions' ? rec(doc?.jobs) : doc;
    const lines = files.lines(f.path);
    if (!lines) continue;
    const placed = f.jobs.filter((j) => j.line).sort((a, b) => a.line! - b.line!);
    // The first deploying line of each job, by its span of lines (bounded by the file's lines).
    const deploys = new Map<string, number>();
    const commands = new Map<string, string>();
    const spans = new Map<string, [number, number]>();
    placed.forEach((j, i) => {
      const to = placed[i + 1]?.line ?? lines.count + 1;
      spans.set(j.name, [j.line!, to]);
      for (let n = j.line! + 1; n < to; n++) {
        const text = lines.line(n);
        // Not a comment, nor a step's `name:` (`- name: terraform apply`): the command itself.
        const m = /^\s*(?:#|-?\s*name:)/.test(text) ? null : DEPLOY_COMMAND.exec(text);
        if (!m) continue;
        deploys.set(j.name, n);
        commands.set(j.name, text.slice(m.index).trim().slice(0, 60));
        break;
      }
    });
    const needsOf = (name: string): string[] => {
      const raw = rec(jobs?.[name])?.needs;
      const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
      return list.map((x) => (typeof x === 'string' ? x : String(rec(x)?.job ?? ''))).filter((x) => x && spans.has(x));
    };
    for (const j of placed) {
      const [line, to] = spans.get(j.name)!;
      const title = String(rec(jobs?.[j.name])?.name ?? '');
      // The jobs it needs, transitively (each job visited once).
      const seen = new Set<string>([j.name]);
      const queue = needsOf(j.name);
      let upstream: string | undefined;
      while (queue.length && !upstream) {
        const n = queue.shift()!;
        if (seen.has(n)) continue;
        seen.add(n);
        if (deploys.has(n)) upstream = n;
        else queue.push(...needsOf(n));
      }
      const own = deploys.get(j.name);
      // "Continuous Integration" names the pipeline, not the kind of its tests.
      const named = [j.name, title].some((t) => INTEGRATION_JOB.test(t) && !/continuous[-_ ]integration/i.test(t));
      if (own === undefined && !upstream && !named) continue;
      const at = (n: string) => `${commands.get(n)} in job ${n} (${f.path}:${deploys.get(n)})`;
      const why =
        own !== undefined
          ? `after its own deploy step (${commands.get(j.name)}, line ${own})`
          : upstream
            ? `after ${at(upstream)}, which it needs`
            : `in a job named for integration tests${title && title !== j.name ? ` (${title})` : ''}`;
      out.push({ path: f.path, job: j.name, line, to, why, ...(own !== undefined ? { deploy: own } : {}) });
    }
  }
  return out;
}

function serviceJobs(files: FileView): ServiceJob[] {
  const out: ServiceJob[] = [];
  for (const f of ciFiles(files)) {
    if (!f.ok || (f.system !== 'github-actions' && f.system !== 'gitlab-ci')) continue;
    const doc = rec(f.docs[0]);
    const jobs = f.system === 'github-actions' ? rec(doc?.jobs) : doc;
    const placed = f.jobs.filter((j) => j.line).sort((a, b) => a.line! - b.line!);
    placed.forEach((j, i) => {
      const raw = rec(jobs?.[j.name])?.services;
      const services = Array.isArray(raw)
        ? raw.map((x) => (typeof x === 'string' ? x : String(rec(x)?.name ?? ''))).filter(Boolean)
        : Object.keys(rec(raw) ?? {});
      // A step that launches a database or broker with an action (`uses: wbari/start-mongoDB`,
      // `supercharge/redis-github-action`) serves the job's tests as a service container does.
      const steps = rec(jobs?.[j.name])?.steps;
      const launched = Array.isArray(steps)
        ? steps.flatMap((st) => {
            const uses = rec(st)?.uses;
            const m = typeof uses === 'string' ? SERVICE_ACTION.exec(uses.replace(/@[\s\S]*$/, '')) : null;
            return m ? [m[1]!.toLowerCase()] : [];
          })
        : [];
      if (services.length || launched.length)
        out.push({
          path: f.path,
          job: j.name,
          line: j.line!,
          to: placed[i + 1]?.line ?? Number.MAX_SAFE_INTEGER,
          services: [...services, ...launched],
          ...(launched.length && !services.length ? { byActions: true } : {}),
        });
    });
  }
  return out;
}

function startsServices(argv: string[]): boolean {
  const [a, b, c] = argv;
  const compose =
    a === 'docker-compose' ? argv.slice(1) : a === 'docker' && b === 'compose' ? argv.slice(2) : undefined;
  if (compose) return compose.filter((w) => !w.startsWith('-')).some((w) => w === 'up') && !compose.includes('--help');
  if (a === 'docker' && (b === 'run' || (b === 'container' && c === 'run')))
    return argv.some((w) => w === '-d' || w === '--detach' || /^-\w*d\w*$/.test(w));
  return false;
}

/** An HTTP request a step definition makes: supertest, an HTTP client, or fetch. */
const HTTP_STEP =
  /from\s+['"](?:supertest|axios|got|node-fetch|undici|superagent)['"]|require\(\s*['"](?:supertest|axios|got|node-fetch|undici|superagent)['"]\s*\)|\bfetch\s*\(/;

/**
 * Cucumber features whose step definitions drive the application over HTTP (supertest given the
 * server, an HTTP client): acceptance tests of the API as a client uses it — end-to-end. Features
 * count where their step definitions live: the nearest folder holding both.
 */
function acceptanceOverHttp(ctx: Parameters<Parameters<typeof defineRule>[0]['check']>[0]): Evidence[] {
  const steps = ctx.matches('cucumberSteps');
  if (!steps.length) return [];
  const scenarios = ctx.matches('gherkin');
  const out: Evidence[] = [];
  const done = new Set<string>();
  for (const st of steps) {
    const text = ctx.files.read(st.path) ?? '';
    const http = HTTP_STEP.exec(text);
    if (!http) continue;
    // The features a steps file serves: those under the folder above `step_definitions/` (or beside it).
    const root = st.path.replace(/(?:^|\/)(?:step[_-]?definitions|steps)\/.*$|\/[^/]*$/, '');
    if (done.has(root)) continue;
    done.add(root);
    const mine = scenarios.filter((m) => !root || m.path.startsWith(`${root}/`));
    if (!mine.length) continue;
    const features = new Set(mine.map((m) => m.path));
    const line = lineAt(text, http.index);
    out.push({
      path: mine[0]!.path,
      line: mine[0]!.line,
      snippet: mine[0]!.snippet.trim().slice(0, 120),
      note: `Cucumber acceptance tests: ${mine.length} scenario${mine.length === 1 ? '' : 's'} in ${features.size} feature file${features.size === 1 ? '' : 's'}, whose steps drive the app over HTTP (${st.path}:${line})`,
    });
  }
  return out;
}

/** A shunit2 test function: `testBasicEvalRoundTrip() {`. */
const SHUNIT2_TEST = /^[ \t]*(?:function[ \t]+)?(test\w*)[ \t]*\([ \t]*\)/gm;

/**
 * shunit2 scripts in an acceptance or e2e folder (`acceptance_tests/*.sh`): each `test*()`
 * function runs the built program as its users do and checks what it prints — acceptance tests,
 * end-to-end by kind. Cited once, at the first test, with the count over all such scripts.
 */
function shunit2Acceptance(ctx: Parameters<Parameters<typeof defineRule>[0]['check']>[0]): Evidence[] {
  const scripts = ctx.matches('shunit2').filter((m) => e2eDir(m.path) || /acceptance|e2e/i.test(m.path));
  let first: Evidence | undefined;
  let tests = 0;
  let withTests = 0;
  for (const m of scripts) {
    const text = ctx.files.read(m.path) ?? '';
    const found = [...text.matchAll(SHUNIT2_TEST)];
    if (found.length === 0) continue;
    tests += found.length;
    withTests++;
    first ??= {
      path: m.path,
      line: lineAt(text, found[0]!.index),
      snippet: found[0]![0].trim(),
    };
  }
  if (!first) return [];
  return [
    {
      ...first,
      note: `shunit2 acceptance tests: ${tests} test function${tests === 1 ? '' : 's'} in ${withTests} script${withTests === 1 ? '' : 's'} that run the program and check its output`,
    },
  ];
}

/** Bats options that take a value (`bats -j 4 -f name test/`): not a suite operand. */
const BATS_VALUED = new Set([
  '-f',
  '--filter',
  '-j',
  '--jobs',
  '-F',
  '--formatter',
  '-o',
  '--output',
  '--report-formatter',
]);
/**
 * `run` (or a bare command line) of a program by path or through a variable (`run ${COMMAND} --help`,
 * `run "$BATS_TEST_DIRNAME/../bin/tool"`, `run ./dist/tool`): the test executes a program, not a
 * shell function loaded from a library.
 */
const BATS_PROGRAM =
  /^[ \t]*run[ \t]+(?:-\d+[ \t]+|![ \t]+|--separate-stderr[ \t]+)*["']?(?:\$\{?\w+|\.{0,2}\/|[\w.-]+\/)/m;
const BATS_TEST = /^[ \t]*@test[ \t]/gm;

/**
 * Bats suites a CI step runs (`bats test/cli.bats`, `bats -r test/`) whose tests execute a program
 * by path or variable (the built binary CI points them at): black-box tests of the program with
 * its real files and environment — integration tests (an e2e/acceptance folder: end-to-end).
 * Cited once per suite file, at its first `@test`.
 */
function batsSuites(ctx: Parameters<Parameters<typeof defineRule>[0]['check']>[0]): { kind: Kind; e: Evidence }[] {
  const out: { kind: Kind; e: Evidence }[] = [];
  const seen = new Set<string>();
  for (const r of productTestRuns(ctx.facts)) {
    if (r.argv[0] !== 'bats' && !r.argv[0]?.endsWith('/bats')) continue;
    const recursive = r.argv.some((a) => a === '-r' || a === '--recursive');
    const operands: string[] = [];
    for (let i = 1; i < r.argv.length; i++) {
      const a = r.argv[i]!;
      if (BATS_VALUED.has(a)) i++;
      else if (!a.startsWith('-') && !a.includes('$')) operands.push(a.replace(/^\.\//, '').replace(/\/+$/, ''));
    }
    const suites = operands.flatMap((o) =>
      o.endsWith('.bats')
        ? ctx.files.exists(o)
          ? [o]
          : []
        : ctx.files.match(`${o && o !== '.' ? `${o}/` : ''}${recursive ? '**/' : ''}*.bats`),
    );
    const step = r.chain[0];
    for (const path of suites) {
      if (seen.has(path)) continue;
      seen.add(path);
      const text = ctx.files.read(path) ?? '';
      const tests = [...text.matchAll(BATS_TEST)];
      if (!tests.length || !BATS_PROGRAM.test(text)) continue;
      const e2e = e2eDir(path) || /acceptance|e2e/i.test(path);
      out.push({
        kind: e2e ? 'end-to-end' : 'integration',
        e: {
          path,
          line: lineAt(text, tests[0]!.index),
          snippet: text.slice(tests[0]!.index).split('\n', 1)[0]!.trim().slice(0, 120),
          note: `Bats: ${tests.length} test${tests.length === 1 ? '' : 's'} that run the program and check its output and exit status, run by CI${step ? ` at ${step.path}:${step.line}` : ''}`,
        },
      });
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'test-types',
    title: 'More than unit tests exist',
    failureTitle: 'Only one kind of test, or none',
    description:
      'Unit tests check pieces; integration tests check that the pieces work with real databases and services; end-to-end tests check what users do; load tests check that it holds under traffic. Production incidents usually live between the pieces.',
    remediation:
      'Add integration tests against real dependencies (e.g. Testcontainers), end-to-end tests of the main user or API flows (Playwright, Cypress, supertest), and a load test of the busiest endpoint (k6, Locust, Gatling, JMeter, Artillery).',
    severity: 'medium',
    effort: 'medium',
    detection:
      'Unit: collected test files outside integration/e2e folders, helm-unittest suites. Integration: integration/, it/ or api_tests/ folders and projects named *.IntegrationTests, CI jobs that start services (docker compose up, docker run -d) or declare service containers (GitHub Actions/GitLab services:) or launch a database/broker with an action step (`uses: …/start-mongodb`, `…/redis-github-action`) and run the tests against them, CI jobs that run tests after deploying (`terraform apply`, `pulumi up`, `cdk deploy`, `sam deploy`, `serverless deploy` in the job before its tests, or in a job it needs) or that are named for integration tests, Terratest tests that apply Terraform (`terraform.InitAndApply`, terraform-module-test-helper `RunE2ETest`/`ModuleUpgradeTest`: real resources), Go tests run against a live Kubernetes cluster (the Terratest k8s module, client-go clientcmd loading the kubeconfig) and Go test packages named integration_tests, `terraform test` run blocks with `command = apply` (the default; `command = plan` runs, or a file with `mock_provider` blocks, are unit tests), (for Go, whose tests sit in their package, only folders named integration-tests/itest or integration/ in a test tree), regtest/ folders, files named *_integration_test.go/test_integration.py/*IT.java, Cargo integration-test targets (`tests/*.rs` beside a Cargo.toml), helm test hooks, Bats suites (`@test` in *.bats) a CI step runs whose tests execute a program by path or variable (`run ${COMMAND} --help`: the built binary), pytest `integration` markers, Go `integration` build tags, Testcontainers, dockertest/dktest, @SpringBootTest, WebApplicationFactory, JenkinsRule or @WithJenkins (a real Jenkins per test), in-process HTTP test clients (supertest given the app object, Django `self.client`, DRF `APIClient`, Flask `test_client()`, Starlette/FastAPI `TestClient`, Fastify/hapi `app.inject({…})`, actix `test::init_service`, axum `oneshot`): they serve the whole app without a server or browser. End-to-end: scripts CI runs that start the project’s built binary in the background (`target/debug/app &`) and test it from outside, spec files a WebdriverIO config (wdio.conf.*) runs in a browser, test files that drive a browser (they import Selenium/WebDriver, Playwright, Puppeteer, WebdriverIO, Splinter, chromedp/Rod, thirtyfour/fantoccini), Playwright, Cypress, Selenium, WebdriverIO, Puppeteer, Capybara, supertest given a URL of a running instance, tests of a command-line package that run its own command in a subprocess (`[sys.executable, "-m", pkg]`), test files aimed at a running local server (a base-URL constant of localhost/127.0.0.1 and an HTTP client call: smoke tests of a started container), e2e/ folders and files named *e2e* (e2e_test.go), Postman collections run by Newman, Cucumber features whose step definitions drive the app over HTTP (supertest, axios, fetch) — acceptance tests, feature files a JUnit Cucumber runner runs (`@RunWith(Cucumber.class)`, `@IncludeEngines("cucumber")`, its `features =` paths or the resource folder of its package), shunit2 scripts (`test*()` functions, `source …/shunit2`) in acceptance/e2e folders, Bats suites (`@test`) CI runs in acceptance/e2e folders, tests that create a throwaway Kubernetes cluster (kind, k3d, pytest-kind) and deploy the product into it (Helm SDK install/upgrade, `helm install`, `kubectl apply`) or run on sigs.k8s.io/e2e-framework, CI jobs that create a kind/k3d/minikube cluster, deploy into it and run the tests. Load: Locust, k6 scripts, JMeter .jmx, Gatling, Artillery, and a load-test tool CI runs (k6, Locust, Artillery, JMeter, Vegeta, hey, wrk, ab, bombardier, oha, autocannon, ghz), also as the image of `docker run`. A test file that starts the project’s own image (built by CI or a build file) in a container — Docker Engine API, Testcontainers, docker-py — and tests it from outside is end-to-end. Files whose every test starts the application are integration tests, not unit tests: WebApplicationFactory (or a test-side subclass of it), TestServer, the Ktor test host (`testApplication { }`, `TestApplication { }`, `withTestApplication(`), a database connected over JDBC (`Database.connect("jdbc:h2:mem:…")`, `DriverManager.getConnection("jdbc:…")`), @SpringBootTest, @QuarkusTest, @MicronautTest, @Testcontainers, Symfony WebTestCase/KernelTestCase/ApiTestCase (and test-side base classes extending them), Laravel tests using RefreshDatabase/DatabaseMigrations/DatabaseTransactions, Rails tests subclassing ActionDispatch::IntegrationTest (controller and integration tests); Rails spec/requests are integration, spec/system and spec/features end-to-end. A test file is one kind: a kind read only from its name or folder (`*.e2e-spec.ts`, integration/) gives way to what the file does (supertest given the app object: integration). Score: unit 0.5, integration 0.25, end-to-end 0.25, load +0.1; pass with unit tests plus integration, end-to-end or load tests (a load test drives the running service from outside), and for a library (profile) with unit tests alone.',
    digests: [TEST_DIGEST],
    patterns: {
      // Marks some tests of a file as integration tests; the file may hold unit tests too.
      integrationMarker: {
        regex: /@pytest\.mark\.integration\b|@WithJenkins\b|\bnew\s+JenkinsRule\s*\(/m,
        files: TEST_CODE,
        literals: ['integration', 'Jenkins'],
        maxPerFile: 1,
      },
      // Makes every test of the file an integration test: the whole application (or a real
      // dependency) is started for it, and requests go through the framework's test client.
      // A build constraint is read to the end of its line (`.`, which stops at a lone \r too, where
      // `^` starts again: `[^\n]*` ran on from each of many \r-separated constraints).
      integrationFile: {
        regex:
          /^\/\/go:build\s.*\bintegration\b|@SpringBootTest\b|@(?:DataJpaTest|JdbcTest|DataJdbcTest)\b|@Testcontainers\b|\bWebApplicationFactory<|\bnew\s+TestServer\s*\(|@QuarkusTest\b|@MicronautTest\b|\bextends[ \t]+\\?(?:Symfony\\Bundle\\FrameworkBundle\\Test\\|ApiPlatform\\Symfony\\Bundle\\Test\\)?(?:WebTestCase|KernelTestCase|ApiTestCase)\b|^[ \t]*use[ \t]+(?:RefreshDatabase|LazilyRefreshDatabase|DatabaseMigrations|DatabaseTransactions)[ \t]*[;,]|\buses\((?:[\w\\]+::class,[ \t]*)?(?:RefreshDatabase|LazilyRefreshDatabase|DatabaseMigrations|DatabaseTransactions)::class|\b(?:testApplication|TestApplication)[ \t]*\{|\bwithTestApplication[ \t]*\(|\b(?:Database\.connect|DriverManager\.getConnection)[ \t]*\(\s*"jdbc:(\w+)|<[ \t]*ActionDispatch::IntegrationTest\b/m,
        files: TEST_CODE,
        literals: [
          'testApplication',
          'TestApplication',
          'jdbc:',
          'IntegrationTest',
          'integration',
          'SpringBootTest',
          'DataJpaTest',
          'JdbcTest',
          'Testcontainers',
          'WebApplicationFactory',
          'TestServer',
          'QuarkusTest',
          'MicronautTest',
          'TestCase',
          'Database',
        ],
        maxPerFile: 1,
      },
      // A test-side PHP base class that boots the Symfony kernel: tests that extend it do too.
      kernelBase: {
        regex:
          /\bclass[ \t]+(?=(\w+))\1[ \t]+extends[ \t]+\\?(?:Symfony\\Bundle\\FrameworkBundle\\Test\\|ApiPlatform\\Symfony\\Bundle\\Test\\)?(?:WebTestCase|KernelTestCase|ApiTestCase)\b/,
        files: ['**/*.php'],
        literals: ['TestCase'],
        maxPerFile: 3,
      },
      // An ExUnit case template that sends requests through the Phoenix endpoint (`@endpoint
      // MyAppWeb.Endpoint` with Phoenix.ConnTest, the generated ConnCase): test modules that `use` it
      // drive the router, plugs and controllers in process, as WebApplicationFactory tests do.
      exEndpointCase: {
        regex: /^[ \t]*@endpoint[ \t]+[A-Z][\w.]*/m,
        files: ['**/*.ex', '**/*.exs'],
        literals: ['@endpoint'],
        maxPerFile: 1,
      },
      // A test-side class that is a WebApplicationFactory: tests that create it drive the whole app.
      appFactory: {
        // `(?=(\w+))\1` takes the whole name at once (an atomic group): no backtracking into it.
        regex: /\bclass[ \t]+(?=(\w+))\1(?:<[^>\n]*>)?(?:\([^)\n]*\))?[ \t]*:[ \t]*WebApplicationFactory</,
        files: ['**/*.cs'],
        literals: ['WebApplicationFactory'],
        maxPerFile: 3,
      },
      supertest: {
        // The imported name, to find what it is given: `import request from`, `import * as request from`, `const request = require(`.
        regex:
          /import[ \t]+(?:\*[ \t]+as[ \t]+)?(\w+)[ \t]+from[ \t]+['"]supertest['"]|(?:const|let|var)[ \t]+(\w+)[ \t]*=[ \t]*require\(\s*['"]supertest['"]\s*\)|from\s+['"]supertest['"]|require\(\s*['"]supertest['"]\s*\)/,
        files: ['**/*.{js,jsx,ts,tsx,mjs,cjs}'],
        literals: ['supertest'],
        maxPerFile: 1,
      },
      // Python web frameworks' test clients drive the whole app in process, as supertest does:
      // routing, middleware, views and the database (Django's self.client, DRF's APIClient, Flask's
      // app.test_client(), Starlette/FastAPI's TestClient).
      appClient: {
        regex:
          /\bself\.client\.(?:get|post|put|patch|delete|head|options)\(|\bAPIClient\(|\.test_client\(|\bTestClient\(/,
        files: ['**/*.py'],
        literals: ['client', 'Client'],
        maxPerFile: 1,
      },
      // Rust web frameworks' in-process test services: actix `test::init_service(App::new()…)`,
      // axum `app.oneshot(request)`: routing, extractors and middleware without a server (blind round 22).
      rustAppClient: {
        regex: /\btest::init_service\s*\(|\.oneshot\s*\(\s*(?:Request|axum::http::Request|req)\b/,
        files: ['**/*.rs'],
        literals: ['init_service', 'oneshot'],
        maxPerFile: 1,
      },
      // Fastify's (and hapi's) `inject({…})` sends a request through the whole app in process
      // (light-my-request), as supertest does: routes, hooks, plugins and whatever they connect to.
      injectClient: {
        regex: /\b\w+\.inject\(\s*\{/,
        files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
        literals: ['.inject('],
        maxPerFile: 1,
      },
      // A test that drives a real browser through a driver is end-to-end, whatever its framework.
      // A test module aimed at a running instance: a base-URL constant of a local server
      // (`API_URL = "http://localhost:8000/…"`, also behind an environment default), the way smoke
      // tests call the container a CI script started. The file must also call an HTTP client.
      runningUrl: {
        regex:
          /^[ \t]*(?:(?:export[ \t]+)?(?:const|var|let)[ \t]+)?([A-Z][A-Z0-9_]*)[ \t]*(?::[ \t]*\w+[ \t]*)?=[ \t]*(?:os\.(?:getenv|environ\.get)\([ \t]*["'][^"'\n]+["'][ \t]*,[ \t]*|process\.env\.\w+[ \t]*(?:\?\?|\|\|)[ \t]*)?r?["'`]https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0)\b/m,
        files: TEST_CODE,
        literals: ['localhost', '127.0.0.1', '0.0.0.0'],
        maxPerFile: 1,
      },
      // A test that runs the package's own command (`[sys.executable, '-m', 'pkg']` in a subprocess).
      cliProgram: {
        regex: /\bsys\.executable\s*,\s*["']-m["']\s*,\s*["']([A-Za-z_][\w.]*)["']/,
        files: ['**/*.py'],
        literals: ['sys.executable'],
        maxPerFile: 1,
      },
      // A test that creates a Kubernetes cluster of its own (kind, k3d, e2e-framework, pytest-kind).
      clusterE2E: {
        regex:
          /"sigs\.k8s\.io\/(?:kind\/pkg\/cluster|e2e-framework\/[^"\n]*)"|"github\.com\/k3d-io\/k3d\/v\d+\/[^"\n]*"|^[ \t]*(?:from[ \t]+pytest_kind\b|import[ \t]+pytest_kind\b)/m,
        files: TEST_CODE,
        literals: ['sigs.k8s.io/kind', 'sigs.k8s.io/e2e-framework', 'k3d-io/k3d', 'pytest_kind'],
        maxPerFile: 1,
      },
      browserDriver: {
        regex:
          /^[ \t]*using\s+(?:OpenQA\.Selenium|Microsoft\.Playwright|PuppeteerSharp)\b|^[ \t]*import\s+(?:static\s+)?(?:org\.openqa\.selenium|com\.microsoft\.playwright)\.|^[ \t]*from\s+(?:selenium|playwright|splinter|pyppeteer)\b[\w.]*\s+import\b|^[ \t]*import\s+(?:selenium|pyppeteer)\b|from\s+['"](?:selenium-webdriver|puppeteer(?:-core)?|webdriverio|playwright(?:-core)?|@playwright\/test)['"]|require\(\s*['"](?:selenium-webdriver|puppeteer(?:-core)?|webdriverio|playwright(?:-core)?)['"]\s*\)|^[ \t]*use\s+(?:thirtyfour|fantoccini|headless_chrome|chromiumoxide)\b|"github\.com\/(?:tebeka\/selenium|chromedp\/chromedp|go-rod\/rod|playwright-community\/playwright-go)"/m,
        files: TEST_CODE,
        literals: [
          'Selenium',
          'selenium',
          'Playwright',
          'playwright',
          'Puppeteer',
          'puppeteer',
          'webdriverio',
          'splinter',
          'thirtyfour',
          'fantoccini',
          'headless_chrome',
          'chromiumoxide',
          'chromedp',
          'go-rod',
        ],
        maxPerFile: 1,
      },
      // Terratest applying Terraform (`terraform.InitAndApply(t, opts)`) creates real cloud resources;
      // so do the Terratest wrappers of terraform-module-test-helper, which apply an example
      // (`RunE2ETest`) or apply the released version, then plan the current one over it (`ModuleUpgradeTest`).
      terratest: {
        regex: /\bterraform\.(?:InitAndApply|Apply)\w*\s*\(|\b\w+\.(?:RunE2ETest|ModuleUpgradeTest)\s*\(/,
        files: ['**/*_test.go'],
        literals: ['terraform.', 'RunE2ETest', 'ModuleUpgradeTest'],
        maxPerFile: 1,
      },
      // Go tests that talk to a live Kubernetes cluster through the kubeconfig: Terratest's k8s module
      // (kubectl options, `k8s.GetPod`, `k8s.KubectlApply`) or client-go's clientcmd loading it — suites
      // of platform checks run against a running cluster (blind round 23: Ginkgo specs of a Terraform
      // estate's EKS clusters were "unit tests").
      liveCluster: {
        regex:
          /"github\.com\/gruntwork-io\/terratest\/modules\/k8s"|\bclientcmd\.(?:BuildConfigFromFlags|NewNonInteractiveDeferredLoadingClientConfig)\s*\(/,
        files: ['**/*_test.go'],
        literals: ['terratest/modules/k8s', 'clientcmd.'],
        maxPerFile: 1,
      },
      // A Go test package named for integration tests (`package integration_tests`): the suite says
      // what it is. Singular `integration_test` is the external test package of `integration`.
      goIntegrationPackage: {
        regex: /^package[ \t]+(\w*integration_?tests)[ \t]*$/m,
        files: ['**/*_test.go'],
        literals: ['integration'],
        maxPerFile: 1,
      },
      // Cucumber step definitions (JS/TS); whether they drive the app over HTTP is read from the file.
      cucumberSteps: {
        regex:
          /from\s+['"](?:@cucumber\/cucumber|cucumber)['"]|require\(\s*['"](?:@cucumber\/cucumber|cucumber)['"]\s*\)/,
        files: ['**/*.{js,ts,mjs,cjs}'],
        literals: ['cucumber'],
        maxPerFile: 1,
      },
      // Shell test scripts run by shunit2 (`source ./scripts/shunit2` at their end).
      shunit2: {
        regex: /^[ \t]*(?:\.|source)[ \t]+\S*shunit2\b/m,
        files: ['**/*.{sh,bash}'],
        literals: ['shunit2'],
        maxPerFile: 1,
      },
      // A test that talks to a broker or database the CI starts beside it (blind round 31: Go tests
      // dialling Kafka at localhost:9092, CircleCI's service containers): the address of a local
      // service on its well-known port, or an environment variable naming a broker or database URL
      // read by the test. Judged per file with a connection call (serviceDial in check).
      serviceAddress: {
        regex:
          /\b(?:localhost|127\.0\.0\.1|\[::1\]):(9092|9093|9094|5432|3306|6379|27017|5672|9200|2181|11211|9042|4222|26257|1433|1521|7687|6650)\b|\b(?:os\.Getenv|os\.LookupEnv|getenv|os\.environ(?:\.get)?|process\.env|System\.getenv|ENV(?:\.fetch)?)[[(.]["']?(KAFKA_BROKERS?|KAFKA_BOOTSTRAP_SERVERS|KAFKA_ADDR(?:ESS)?|DATABASE_URL|TEST_DATABASE_URL|POSTGRES(?:QL)?_(?:URL|DSN|URI)|PG_?(?:URL|DSN|URI)|MYSQL_(?:URL|DSN|URI)|REDIS_(?:URL|ADDR|URI)|MONGO(?:DB)?_(?:URI|URL)|AMQP_URL|RABBITMQ_URL|NATS_URL|ELASTICSEARCH_URL|CASSANDRA_HOSTS?)\b/m,
        files: TEST_CODE,
        literals: ['localhost:', '127.0.0.1:', '[::1]:', 'env'],
        maxPerFile: 1,
      },
      // Gherkin scenarios, counted per feature file.
      gherkin: {
        regex: /^[ \t]*(?:Scenario(?: Outline| Template)?|Example)[ \t]*:/m,
        files: ['**/*.feature'],
        literals: ['Scenario', 'Example'],
      },
      // A test that starts a container from an image literal (Docker Engine API `Image: "…"` before
      // ContainerCreate, Testcontainers' GenericContainer/DockerContainer/WithImage, docker-py's
      // containers.run): end-to-end when the image is the project's own (blind round 45).
      containerImage: {
        regex:
          /(?:\bImage\s*:\s*|\bGenericContainer(?:<[^>\n]{0,40}>)?\(\s*(?:DockerImageName\.parse\(\s*)?|\bDockerContainer\(\s*|\bcontainers\.run\(\s*|\.WithImage\(\s*)["']([\w.-]+(?:\/[\w.-]+){0,3}(?::[\w.-]+)?)["']/,
        files: TEST_CODE,
        literals: ['Image', 'GenericContainer', 'DockerContainer', 'containers.run', 'WithImage'],
        maxPerFile: 3,
      },
      k6: { regex: /from\s+['"]k6(?:\/[\w-]+)?['"]/, files: ['**/*.{js,ts,mjs}'], literals: ['k6'], maxPerFile: 1 },
      artillery: { regex: /^scenarios\s*:/m, files: ['**/*.{yml,yaml}'], literals: ['scenarios'], maxPerFile: 1 },
    },
  },
  check(ctx) {
    const inv = testInventory(ctx.files);
    // Every piece of evidence, in order; `byName` marks a kind read from a file's name or folder
    // alone (`test/app.e2e-spec.ts`, `integration/`), which what the file does outranks.
    const entries: { kind: Kind; e: Evidence; byName: boolean }[] = [];
    const add = (kind: Kind, e: Evidence, byName = false) => {
      entries.push({ kind, e, byName });
    };
    // Files whose every test starts the application (or a real dependency): integration, not unit.
    // Ktor's test host (`testApplication { }`, `TestApplication { }`) runs the whole application in
    // process, its client calls it over HTTP; a test that connects to a database over JDBC (H2 in
    // memory, SQLite) runs real SQL (blind round 23, kotlinconf-app ApiTest.kt, MigrationRunnerTest.kt).
    const whyWhole = (m: Match) =>
      m.groups[0]
        ? `connects to a database over JDBC (jdbc:${m.groups[0]}) at line ${m.line}`
        : /[Tt]estApplication\b/.test(m.snippet)
          ? `Ktor test host: ${m.snippet.trim().slice(0, 60)}`
          : /ActionDispatch::IntegrationTest/.test(m.snippet)
            ? 'ActionDispatch::IntegrationTest: requests through the whole Rails stack'
            : m.snippet.trim().slice(0, 80);
    const wholeApp = new Map(ctx.matches('integrationFile').map((m) => [m.path, whyWhole(m)]));
    const factories = ctx.matches('appFactory').map((m) => ({ m, name: m.groups[0] ?? '' }));
    for (const f of inv.files) {
      if (wholeApp.has(f.path) || !factories.length || !f.path.endsWith('.cs')) continue;
      const text = ctx.files.read(f.path) ?? '';
      const used = factories.find((x) => x.name && new RegExp(`\\b${x.name}\\b`).test(text));
      if (used) wholeApp.set(f.path, `uses ${used.name}, a WebApplicationFactory at ${used.m.path}:${used.m.line}`);
    }
    // Phoenix: test modules that `use` a case template whose quoted block sets `@endpoint` and imports
    // Phoenix.ConnTest (ConnCase) go through the endpoint (blind round 42: 61 ConnCase controller tests
    // read as unit tests). A case template that only checks out the SQL sandbox (DataCase) stays unit.
    const endpointCases = ctx
      .matches('exEndpointCase')
      .map((m) => {
        const text = ctx.files.read(m.path) ?? '';
        if (!/\bExUnit\.CaseTemplate\b/.test(text) || !/\bPhoenix\.ConnTest\b/.test(text)) return undefined;
        const name = /^[ \t]*defmodule[ \t]+([A-Z][\w.]{0,120})[ \t]+do\b/m.exec(text)?.[1];
        return name ? { m, name } : undefined;
      })
      .filter((x): x is { m: Match; name: string } => x !== undefined);
    for (const f of inv.files) {
      if (wholeApp.has(f.path) || !endpointCases.length || !f.path.endsWith('.exs')) continue;
      const text = ctx.files.read(f.path) ?? '';
      const used = endpointCases.find((x) =>
        new RegExp(`^[ \\t]*use[ \\t]+${x.name.replace(/\./g, '\\.')}\\b(?!\\.)`, 'm').test(text),
      );
      if (used)
        wholeApp.set(
          f.path,
          `uses ${used.name}, a case template that sends requests through the Phoenix endpoint (${used.m.path}:${used.m.line})`,
        );
    }
    const kernelBases = ctx.matches('kernelBase').map((m) => ({ m, name: m.groups[0] ?? '' }));
    for (const f of inv.files) {
      if (wholeApp.has(f.path) || !kernelBases.length || !f.path.endsWith('.php')) continue;
      const text = ctx.files.read(f.path) ?? '';
      const used = kernelBases.find(
        (x) => x.name && new RegExp(`\\bextends[ \\t]+\\\\?(?:[\\w\\\\]*\\\\)?${x.name}\\b`).test(text),
      );
      if (used) wholeApp.set(f.path, `extends ${used.name}, which boots the kernel (${used.m.path}:${used.m.line})`);
    }
    // Pest's tests/Pest.php binds traits to folders: `uses(TestCase::class, RefreshDatabase::class)
    // ->in('Feature')` or `pest()->extend(TestCase::class)->use(RefreshDatabase::class)->in('Feature')`
    // gives every test there a migrated database. A folder the project calls Unit keeps its name.
    // Each file looks its own parent folders up (not every folder × every file); the first folder
    // Pest.php names for it wins, and files are taken folder by folder, in that order, as before.
    const pest = [...pestDatabaseFolders(ctx.files)];
    if (pest.length) {
      const order = new Map(pest.map(([path], i) => [path, i]));
      const taken: { folder: number; file: number; path: string }[] = [];
      inv.files.forEach((f, file) => {
        if (wholeApp.has(f.path) || !f.path.endsWith('.php')) return;
        let folder = order.get('') ?? Number.POSITIVE_INFINITY;
        for (let at = f.path.indexOf('/'); at >= 0; at = f.path.indexOf('/', at + 1))
          folder = Math.min(folder, order.get(f.path.slice(0, at + 1)) ?? Number.POSITIVE_INFINITY);
        if (folder < pest.length) taken.push({ folder, file, path: f.path });
      });
      taken.sort((a, b) => a.folder - b.folder || a.file - b.file);
      for (const t of taken) wholeApp.set(t.path, pest[t.folder]![1]);
    }
    // A JVM abstract test base extended by a class that starts the application (@SpringBootTest,
    // @DataJpaTest against a database): its tests run in that subclass, as integration tests.
    const jvmBases = new Map<string, string>();
    for (const [p, why] of [...wholeApp]) {
      if (!/\.(?:java|kt)$/.test(p)) continue;
      const ext = /\bclass\s+\w+[^{]*?(?:\bextends\s+|:\s*)(\w+)/.exec(ctx.files.read(p) ?? '');
      if (ext && !jvmBases.has(ext[1]!)) jvmBases.set(ext[1]!, `extended by ${p.split('/').pop()} (${why})`);
    }
    if (jvmBases.size)
      for (const f of inv.files) {
        const name = /([^/]+)\.(?:java|kt)$/.exec(f.path)?.[1];
        if (!name || wholeApp.has(f.path) || !jvmBases.has(name)) continue;
        if (new RegExp(`\\babstract\\s+class\\s+${name}\\b`).test(ctx.files.read(f.path) ?? ''))
          wholeApp.set(f.path, `abstract base ${jvmBases.get(name)}`);
      }
    for (const m of ctx.matches('serviceAddress')) {
      if (wholeApp.has(m.path)) continue;
      const dial = serviceDial(m, ctx.files.read(m.path) ?? '');
      if (dial) wholeApp.set(m.path, dial);
    }
    const browser = new Map(ctx.matches('browserDriver').map((m) => [m.path, m]));
    // Tests that create a throwaway cluster (kind, k3d) and deploy the product into it: end-to-end.
    const cluster = new Map<string, { m: Match; how: string }>();
    for (const m of ctx.matches('clusterE2E')) {
      if (cluster.has(m.path)) continue;
      const how = clusterDeploy(m.snippet, ctx.files.read(m.path) ?? '');
      if (how) cluster.set(m.path, { m, how });
    }
    const wdio = wdioSpecs(ctx.files);
    const terratest = new Map(ctx.matches('terratest').map((m) => [m.path, m]));
    // Terratest's k8s module imported for its options only (`k8s.NewKubectlOptions` handed to
    // `helm.RenderTemplate`) renders templates offline: unit tests. The cluster is reached by a call
    // such as `k8s.WaitUntilPodAvailable`, `k8s.KubectlApply` or `helm.Install` (blind round 30).
    const liveCluster = new Map(
      ctx
        .matches('liveCluster')
        .filter((m) => !/terratest\/modules\/k8s/.test(m.snippet) || reachesCluster(ctx.files.read(m.path) ?? ''))
        .map((m) => [m.path, m]),
    );
    const goIntegrationPackage = new Map(ctx.matches('goIntegrationPackage').map((m) => [m.path, m]));
    // Tests that call a running instance over HTTP (smoke tests of a started container): end-to-end.
    const overHttp = new Map(
      ctx
        .matches('runningUrl')
        .filter(
          (m) => /URL|HOST|ENDPOINT|BASE/.test(m.groups[0] ?? '') && HTTP_CLIENT.test(ctx.files.read(m.path) ?? ''),
        )
        .map((m) => [m.path, m]),
    );
    let mock: RegExpExecArray | null;
    for (const f of inv.files) {
      const at = { path: f.path, ...(f.first ? { line: f.first.line, snippet: f.first.snippet } : {}) };
      const app = wholeApp.get(f.path);
      const driver = browser.get(f.path);
      const runner =
        f.framework === 'Cucumber' || f.framework === 'Gherkin' ? cucumberRunnerOf(ctx.files, f.path) : undefined;
      if (runner)
        add('end-to-end', {
          ...at,
          note: `Cucumber: ${f.cases} BDD scenario${f.cases === 1 ? '' : 's'} run against the application by the JUnit Cucumber runner ${runner.path}:${runner.line}`,
        });
      else if (f.framework === 'Newman')
        add('end-to-end', {
          ...at,
          note: `Postman collection: ${f.cases} API test${f.cases === 1 ? '' : 's'} run by Newman against a running server`,
        });
      else if (wdio.has(f.path)) {
        const c = wdio.get(f.path)!;
        add('end-to-end', {
          ...at,
          note: `WebdriverIO spec (${c.path}:${c.line} specs): ${f.cases} test${f.cases === 1 ? '' : 's'} run in a real browser`,
        });
      } else if (cluster.has(f.path)) {
        const c = cluster.get(f.path)!;
        add('end-to-end', {
          path: f.path,
          line: c.m.line,
          snippet: c.m.snippet.trim().slice(0, 120),
          note: `${f.framework}: ${f.cases} test${f.cases === 1 ? '' : 's'} against a throwaway Kubernetes cluster the test creates (${c.how})`,
        });
      } else if (f.framework === 'playwright' || f.framework === 'cypress' || e2eDir(f.path) || e2eByName(f.path))
        add(
          'end-to-end',
          {
            ...at,
            note:
              f.framework === 'playwright' || f.framework === 'cypress'
                ? `${f.framework === 'playwright' ? 'Playwright' : 'Cypress'}: ${f.cases} test${f.cases === 1 ? '' : 's'} run in a real browser`
                : `${f.framework} test in an end-to-end location`,
          },
          f.framework !== 'playwright' && f.framework !== 'cypress',
        );
      else if (driver)
        add('end-to-end', {
          path: f.path,
          line: driver.line,
          snippet: driver.snippet.trim().slice(0, 120),
          note: `${f.framework}: ${f.cases} test${f.cases === 1 ? '' : 's'} driving a browser (${driverName(driver.snippet)})`,
        });
      else if (overHttp.has(f.path) && !app) {
        const m = overHttp.get(f.path)!;
        add('end-to-end', {
          path: f.path,
          line: m.line,
          snippet: m.snippet.trim().slice(0, 120),
          note: `${f.framework}: ${f.cases} test${f.cases === 1 ? '' : 's'} calling a running instance over HTTP (smoke/end-to-end)`,
        });
      } else if (terratest.has(f.path)) {
        const m = terratest.get(f.path)!;
        add('integration', {
          path: f.path,
          line: m.line,
          snippet: m.snippet.trim().slice(0, 120),
          note: `Terratest: ${f.cases} test${f.cases === 1 ? '' : 's'} applying the Terraform (${m.snippet.trim().replace(/\(.*$/, '')}), which creates real resources`,
        });
      } else if (liveCluster.has(f.path)) {
        const m = liveCluster.get(f.path)!;
        add('integration', {
          path: f.path,
          line: m.line,
          snippet: m.snippet.trim().slice(0, 120),
          note: `${f.framework}: ${f.cases} test${f.cases === 1 ? '' : 's'} run against a live Kubernetes cluster through the kubeconfig`,
        });
      } else if (goIntegrationPackage.has(f.path)) {
        const m = goIntegrationPackage.get(f.path)!;
        add('integration', {
          path: f.path,
          line: m.line,
          snippet: m.snippet.trim(),
          note: `${f.framework}: ${f.cases} test${f.cases === 1 ? '' : 's'} in package ${m.groups[0]}, a suite named for integration tests`,
        });
      } else if (f.framework === 'terraform test') {
        // `command = apply` (the default) provisions real resources; `plan`, or mocked providers, create nothing.
        const t = terraformTestFile(f.path, ctx.files.read(f.path) ?? '');
        const applies = t.mockProvider === undefined ? t.runs.filter((r) => r.command === 'apply') : [];
        const checks = t.runs.filter((r) => !applies.includes(r));
        const cite = (r: TfTestRun) => ({ path: f.path, line: r.line, snippet: `run "${r.name}"` });
        const runs = (n: number) => `${n} run block${n === 1 ? '' : 's'}`;
        if (applies.length)
          add('integration', {
            ...cite(applies[0]!),
            note: `terraform test: ${runs(applies.length)} with command = apply, which provisions real resources`,
          });
        if (checks.length)
          add('unit', {
            ...cite(checks[0]!),
            note: `terraform test: ${runs(checks.length)} ${t.mockProvider !== undefined ? `against mocked providers (mock_provider, line ${t.mockProvider})` : 'with command = plan'}, which create nothing`,
          });
      } else if (f.framework === 'Molecule') {
        // A scenario creates instances, converges the roles on them and verifies them.
        const driver = moleculeDriver(ctx.files.read(f.path) ?? '');
        add('integration', {
          ...at,
          note: `Molecule scenario: converges the roles on ${driver ? `${driver} instances` : 'test instances'} and verifies them`,
        });
      } else if (f.framework === 'ansible-test integration') {
        // A target's tasks run the collection's modules against a real host or service and assert the result.
        add('integration', {
          ...at,
          note: 'ansible-test integration target: runs the modules against a real host or service and asserts the results',
        });
      } else if (f.framework === 'helm test') {
        // The `helm create` scaffold (`templates/tests/test-connection.yaml`: busybox wgets the
        // release's service root) only checks that something answers on the port: a connection
        // smoke check kept from the generator, not an integration test (blind round 38).
        if (!helmConnectionCheck(ctx.files.read(f.path) ?? ''))
          add('integration', { ...at, note: 'helm test hook run against the installed release' });
      } else if (
        (mock =
          !app && integrationFileName(f.path) && !inIntegrationDir(f.path) && f.cases > 0
            ? MOCKED.exec(ctx.files.read(f.path) ?? '')
            : null)
      )
        add('unit', {
          ...at,
          note: `${f.framework}: ${f.cases} test case${f.cases === 1 ? '' : 's'}; named for integration, but its collaborators are mocked (${mock[0]}): a unit test`,
        });
      else if (integrationByName(f.path)) add('integration', { ...at, note: 'integration test by location' }, true);
      else if (f.generated) {
        // Tests a build script writes run where they are included: a tests/*.rs target is an integration test.
        const g = f.generated;
        const by = `${g.includedBy.path}:${g.includedBy.line}`;
        const integration = cargoIntegrationTarget(ctx.files, g.includedBy.path);
        add(integration ? 'integration' : 'unit', {
          ...at,
          note: `${g.cases} test${g.cases === 1 ? '' : 's'} generated by the build script, one per file of ${g.dirs.map((d) => d.dir).join(', ')}, included by ${by}${integration ? ', a Cargo integration test target' : ''}`,
        });
        if (f.cases > g.cases)
          add('unit', {
            ...at,
            note: `${f.framework}: ${f.cases - g.cases} test case${f.cases - g.cases === 1 ? '' : 's'}`,
          });
      } else if (cargoIntegrationTarget(ctx.files, f.path))
        add('integration', {
          ...at,
          note: `Cargo integration test target: ${f.cases} test${f.cases === 1 ? '' : 's'} built against the crate's public API`,
        });
      else if (app)
        add('integration', {
          ...at,
          note: `${f.framework}: ${f.cases} test case${f.cases === 1 ? '' : 's'} run against the application or a real dependency (${app})`,
        });
      else if (f.framework === 'Bats') {
        // Bats tests run commands and check their output: black-box tests, never units. Their kind
        // comes from their folder (above) or from what the suite runs (batsSuites).
      } else if (f.framework === 'shell harness')
        // A CI-run shell suite drives the built program from outside (shellHarnessTests).
        add('integration', {
          ...at,
          note: `shell test suite: ${f.cases} case${f.cases === 1 ? '' : 's'} that run the program and check its output, run by CI`,
        });
      else if (f.cases > 0)
        add('unit', { ...at, note: `${f.framework}: ${f.cases} test case${f.cases === 1 ? '' : 's'}` });
    }
    const testPaths = new Set(inv.files.map((f) => f.path));
    for (const [p, c] of wdio)
      if (!testPaths.has(p))
        add('end-to-end', { path: p, note: `WebdriverIO spec (${c.path}:${c.line} specs): run in a real browser` });
    // A command-line program's tests that run its installed command in a subprocess drive it as its users do.
    const scripts = ctx.facts.profile.id === 'cli' ? consoleScripts(ctx.files) : undefined;
    const programs = new Set(scripts?.entries.map((e) => e.target.split(/[.:]/)[0]!) ?? []);
    const subprocess = new Map<string, boolean>();
    const usesSubprocess = (path: string) => {
      if (!subprocess.has(path)) subprocess.set(path, /\bsubprocess\b/.test(ctx.files.read(path) ?? ''));
      return subprocess.get(path)!;
    };
    for (const m of ctx.matches('cliProgram'))
      if (testPaths.has(m.path) && programs.has(m.groups[0]!.split('.')[0]!) && usesSubprocess(m.path))
        add(
          'end-to-end',
          fromMatch(m, `runs the program's command (python -m ${m.groups[0]}) in a subprocess, as its users run it`),
        );
    for (const m of ctx.matches('integrationMarker')) add('integration', fromMatch(m, 'integration test marker'));
    // A marker outside the collected files (a build-tagged Go test, the factory class itself) still shows the kind.
    for (const m of ctx.matches('integrationFile'))
      if (!testPaths.has(m.path)) add('integration', fromMatch(m, 'integration test marker'));
    // supertest given the app object (`request(app)`, `request(app.getHttpServer())`) serves it in
    // process: an integration test of routing, middleware and handlers. Given a URL (`request(APP_URL)`,
    // `request('http://…')`) it drives a running instance: end-to-end (round 5: in-process clients
    // had been counted as end-to-end).
    // A helper of the test tree (tests/backend/common.ts) that hands the specs a supertest agent counts as they do.
    const supertestInTests = ctx.matches('supertest').filter(
      (m) =>
        testPaths.has(m.path) ||
        // Cucumber step definitions are the acceptance tests' (end-to-end, below), not a helper's.
        (/(?:^|\/)(?:tests?|__tests__|spec)\//.test(m.path) &&
          !/(?:^|\/)step[_-]?def(?:inition)?s?\/|\.steps?\.[cm]?[jt]s$/i.test(m.path)),
    );
    for (const m of supertestInTests) {
      const name = m.groups.find(Boolean) ?? 'request';
      const text = ctx.files.read(m.path) ?? '';
      // A URL handed over directly, or through a local (`const app = APP_URL`) in a file that never builds the app.
      // A file that starts the server itself (`await server.start()`, `app.listen(0)`) and points
      // supertest at its address tests the app it serves in process (blind round 30, etherpad's
      // tests/backend/common.ts).
      const startsItself = /\b(?:server|app|httpServer)\.(?:start|listen)\s*\(/.test(text);
      const running =
        !startsItself &&
        (new RegExp(
          String.raw`\b${name}\s*\(\s*(?:['"\x60]https?:|process\.env|[A-Z][A-Z_]*(?:URL|HOST)\b|\w*(?:[Uu]rl|[Hh]ost|[Bb]ase)\s*[),])`,
        ).test(text) ||
          (/\b[A-Z][A-Z_]*(?:URL|HOST)\b|['"`]https?:\/\/|process\.env\.\w*(?:URL|HOST)/.test(text) &&
            !/getHttpServer\s*\(|createNestApplication|createTestingModule|\.callback\s*\(\s*\)|\bexpress\s*\(\s*\)|\b(?:create|build)App\w*\s*\(/.test(
              text,
            )));
      if (running) add('end-to-end', fromMatch(m, 'HTTP tests against a running instance (supertest given a URL)'));
      else add('integration', fromMatch(m, 'HTTP-level tests of the app served in process (supertest)'));
    }
    // A chart repository's `ct install` in CI: each chart installed into a throwaway cluster, waited
    // for and `helm test`ed — the charts' end-to-end test (round 5: "no tests of any kind").
    const installs = new Set<string>();
    for (const r of productTestRuns(ctx.facts).filter((x) => !x.tools.some((t) => t.kinds.includes('test')))) {
      // One citation per line: a matrix that installs into two namespaces is one install test.
      const last = r.chain[r.chain.length - 1];
      if (last && installs.has(`${last.path}:${last.line}`)) continue;
      if (last) installs.add(`${last.path}:${last.line}`);
      add(
        'end-to-end',
        runEvidence(
          r,
          r.tools.some((t) => t.name === 'chart-testing install')
            ? 'installs the charts into a throwaway cluster and runs helm test'
            : 'installs the chart into a throwaway cluster and waits for it to be ready',
        ),
      );
    }
    // Python web frameworks' test clients serve the app in process, without a server or browser: integration.
    for (const m of ctx.matches('appClient').filter((x) => testPaths.has(x.path)))
      add('integration', fromMatch(m, "HTTP-level tests of the app served in process (the framework's test client)"));
    for (const { start, test } of liveInstanceJobs(ctx.facts.commands.runs)) {
      const s = start.chain[start.chain.length - 1];
      const t = test.chain[test.chain.length - 1];
      const runner = test.tools.find((x) => x.kinds.includes('test'))?.name ?? 'the tests';
      add('integration', {
        path: s?.path ?? start.origin.path,
        ...(s ? { line: s.line, snippet: s.text.slice(0, 120) } : {}),
        note: `job ${start.origin.job ?? '(default)'} starts live services (${start.argv.slice(0, 3).join(' ')}) and runs ${runner}${t ? ` at ${t.path}:${t.line}` : ''} against them`,
      });
    }
    // Tests a CI job runs against the stack it (or a job it needs) deployed, or in a job named for
    // integration tests: integration tests, whatever their folder is called.
    const deployed = deployedStackJobs(ctx.files);
    if (deployed.length) {
      let cited = 0;
      for (const j of deployed) {
        const r = ctx.facts.commands.runs.find(
          (x) =>
            x.origin.kind === 'ci' &&
            x.tools.some((t) => t.kinds.includes('test') && !BROWSER_RUNNER.test(t.name)) &&
            x.chain.some((h) => h.path === j.path && h.line > j.line && h.line < j.to && h.line > (j.deploy ?? 0)),
        );
        if (!r || cited++ >= 2) continue;
        const step = r.chain.find((h) => h.path === j.path)!;
        const runner = r.tools.find((t) => t.kinds.includes('test'))!.name;
        add('integration', {
          path: step.path,
          line: step.line,
          snippet: step.text.trim().slice(0, 120),
          note: `job ${j.job} runs ${runner} ${j.why}: tests against the deployed stack`,
        });
      }
    }
    const withServices = serviceJobs(ctx.files);
    if (withServices.length)
      for (const r of ctx.facts.commands.runs) {
        const tool = r.tools.find((t) => t.kinds.includes('test'));
        // A browser suite run beside services is end-to-end already: it says nothing about integration tests.
        if (r.origin.kind !== 'ci' || !tool || BROWSER_RUNNER.test(tool.name)) continue;
        const j = withServices.find((sj) =>
          r.chain.some((h) => h.path === sj.path && h.line > sj.line && h.line < sj.to),
        );
        if (!j) continue;
        // A job that also runs a browser suite starts its services for the app that suite drives:
        // the other runner's tests are integration tests only when they use a service themselves.
        const inJob = (x: CommandRun) => x.chain.some((h) => h.path === j.path && h.line > j.line && h.line < j.to);
        const browserBeside = ctx.facts.commands.runs.some(
          (x) => x.origin.kind === 'ci' && x.tools.some((t) => BROWSER_RUNNER.test(t.name)) && inJob(x),
        );
        if (browserBeside && !runnerFilesUseServices(ctx.files, inv.files, tool.name)) continue;
        withServices.splice(withServices.indexOf(j), 1);
        const runner = tool.name;
        const last = r.chain[r.chain.length - 1];
        const more = j.services.length > 4 ? ` and ${j.services.length - 4} more` : '';
        add('integration', {
          path: j.path,
          line: j.line,
          note: `job ${j.job} runs ${runner}${last ? ` (${last.path}:${last.line})` : ''} against ${j.byActions ? 'the services its steps start' : 'its service containers'} (${more ? `${j.services.slice(0, 4).join(', ')}${more}` : listing(j.services)})`,
        });
      }
    // After the CI evidence (tests run against live services say more): one file is enough to show the kind.
    for (const m of ctx
      .matches('injectClient')
      .filter((x) => testPaths.has(x.path))
      .slice(0, 1))
      add('integration', fromMatch(m, 'HTTP-level tests of the app served in process (Fastify/hapi inject)'));
    // Rust tests in `#[cfg(test)] mod tests` of a source file that serve the app in process.
    for (const m of ctx
      .matches('rustAppClient')
      .filter((x) => testPaths.has(x.path) || inRustTestModule(ctx.files.lines(x.path), x.line))
      .slice(0, 1))
      add('integration', fromMatch(m, 'HTTP-level tests of the app served in process (actix/axum test service)'));
    // A script CI runs that starts the project's own built binary in the background
    // (`"$DIR/target/debug/app" &`) and runs scenarios against it: black-box end-to-end tests
    // (blind round 22, rustypaste fixtures/test-fixtures.sh).
    const binary = ctx.facts.commands.runs.find((r) => {
      const last = r.chain[r.chain.length - 1];
      return (
        r.origin.kind === 'ci' &&
        r.chain.length > 1 &&
        /(?:^|\/)target\/(?:debug|release)\/[\w-]+$/.test(r.argv[0] ?? '') &&
        !!last &&
        /&[ \t]*$/.test(ctx.files.lines(last.path)?.line(last.line) ?? '')
      );
    });
    if (binary) {
      const last = binary.chain[binary.chain.length - 1]!;
      add('end-to-end', {
        path: last.path,
        line: last.line,
        snippet: last.text.trim().slice(0, 120),
        note: `starts the built binary in the background and tests it from outside (black-box scenarios), run by CI at ${binary.chain[0]!.path}:${binary.chain[0]!.line}`,
      });
    }
    for (const e of acceptanceOverHttp(ctx)) add('end-to-end', e);
    for (const e of shunit2Acceptance(ctx)) add('end-to-end', e);
    for (const e of e2eCiJobs(ctx.files)) add('end-to-end', e);
    // A test file that starts the project's own image (built by CI or the Makefile) and calls it
    // from outside: end-to-end, whatever else the file does (blind round 45, a Go TestDocker).
    const ownContainer = new Set<string>();
    for (const m of ctx.matches('containerImage')) {
      if (ownContainer.has(m.path) || !testPaths.has(m.path) || ownContainer.size >= 3) continue;
      const image = m.groups[0] ?? '';
      if (!image.includes('/') && !image.includes(':')) continue;
      if (!CONTAINER_START.test((ctx.files.read(m.path) ?? '').slice(0, 200_000))) continue;
      if (!ownNamed(ctx.files, image)) continue;
      ownContainer.add(m.path);
      add(
        'end-to-end',
        fromMatch(m, `starts the project's own image ${image} in a container and tests it from outside`),
      );
    }
    for (const b of batsSuites(ctx)) add(b.kind, b.e);
    for (const m of ctx.matches('k6')) add('load', fromMatch(m, 'k6 load script'));
    // A load-test tool CI runs (directly or through a script it calls): `k6 run`, `locust`,
    // `artillery run`, `jmeter -n`, `vegeta attack`, a project's own `*-loadtest` runner (blind
    // round 30: etherpad's load-test job runs etherpad-loadtest).
    for (const r of loadTestRuns(ctx.facts.commands.runs).slice(0, 2))
      add(
        'load',
        runEvidence(
          r,
          `CI runs the load-test tool ${LOAD_CMD.test(baseName(r.argv[0] ?? '')) ? r.argv[0] : `${loadImageOf(r)} (a container it starts with docker run)`}`,
        ),
      );
    for (const m of ctx
      .matches('artillery')
      .filter((m) => /config\s*:[\s\S]*target\s*:/.test(ctx.files.read(m.path) ?? '')))
      add('load', fromMatch(m, 'Artillery scenario'));
    for (const { name, globs } of LOAD_FILES)
      for (const p of ctx.files.match(globs).slice(0, 1)) add('load', { path: p, note: `${name} load test` });
    for (const lib of LIBRARIES) {
      if (lib.name === 'supertest') continue; // needs use in a test, not only a dependency
      // A browser driver the product itself uses (a Selenium downloader, Puppeteer scraping) is not a test.
      const dep = ctx.facts
        .findDependencies(lib.deps, { includeDev: true })
        .find((d) => lib.kind !== 'end-to-end' || d.dev);
      if (dep)
        add(lib.kind, { path: dep.path, ...(dep.line ? { line: dep.line } : {}), note: `${lib.name} (${dep.name})` });
    }

    // One test file is one kind (round 17: nestjs-prisma-starter's two test/*.e2e-spec.ts, supertest
    // given the app, were counted as integration AND end-to-end to reach a pass): a kind read from the
    // file's name gives way to what the file does (supertest in process, a browser driver, a marker).
    const byContent = new Map<string, Set<Kind>>();
    for (const x of entries)
      if (!x.byName && testPaths.has(x.e.path))
        byContent.set(x.e.path, (byContent.get(x.e.path) ?? new Set()).add(x.kind));
    const found = new Map<Kind, Evidence[]>();
    for (const x of entries) {
      const kinds = byContent.get(x.e.path);
      if (x.byName && kinds && !kinds.has(x.kind)) continue;
      const list = found.get(x.kind) ?? [];
      if (list.length < 3) list.push(x.e);
      found.set(x.kind, list);
    }
    const kinds = (['unit', 'integration', 'end-to-end', 'load'] as Kind[]).filter((k) => found.has(k));
    const missing = (['unit', 'integration', 'end-to-end', 'load'] as Kind[]).filter((k) => !found.has(k));
    const evidence = kinds.flatMap((k) => found.get(k)!.map((e) => ({ ...e, note: `${k}: ${e.note ?? ''}`.trim() })));
    const data = { types: kinds, missing };
    const other = kinds.length === 0 ? unrecognisedTestFiles(ctx.facts.sourceFiles) : [];
    if (other.length > 0)
      return unknown(
        `No tests recognised, but ${other.length} file${other.length === 1 ? '' : 's'} that look like tests ${other.length === 1 ? 'is' : 'are'} in a language or framework this tool does not read: which kinds of test exist is unknown.`,
        other.slice(0, 5).map((path) => ({ path, note: 'looks like a test file (folder or name); not read' })),
        data,
      );
    if (kinds.length === 0)
      return fail(
        'No tests of any kind found.',
        [{ path: '.', note: `no test files, test frameworks or load-test scripts among ${ctx.files.size} files` }],
        data,
      );
    const score =
      (found.has('unit') ? 0.5 : 0) +
      (found.has('integration') ? 0.25 : 0) +
      (found.has('end-to-end') ? 0.25 : 0) +
      (found.has('load') ? 0.1 : 0);
    // HTTP-level tests of the whole app served in process (supertest given the app, a framework's
    // test client) are integration tests here; the message names them, so that "no end-to-end"
    // is not read as "no HTTP tests" (blind round 18, typescript-express-starter:
    // `request(app.getServer())` in src/test/auth.test.ts).
    const http = (found.get('integration') ?? []).find((e) =>
      /^HTTP-level tests of the app served in process/.test(e.note ?? ''),
    );
    const via = http ? /\(([^)]+)\)$/.exec(http.note ?? '')?.[1] : undefined;
    const label = (k: Kind) =>
      k === 'integration' && http
        ? `integration tests (incl. HTTP-level tests of the whole app in process${via ? `, ${via}` : ''})`
        : `${k} tests`;
    const noLabel = (k: Kind) => (k === 'end-to-end' && http ? 'end-to-end (browser or running instance)' : k);
    const message = `${listing(kinds.map(label))} found${missing.length ? `; no ${listing(missing.map(noLabel))} tests` : ''}.`;
    if (found.has('unit') && (found.has('integration') || found.has('end-to-end')))
      return pass(message, evidence, data);
    // A load test drives the assembled, running service from outside, as an end-to-end test does:
    // beside unit tests it is the system-level test (blind round 44: unit tests and a Locust suite
    // were partial, where unit plus integration passes). The message still names what is missing.
    if (found.has('unit') && found.has('load'))
      return pass(
        `${listing(kinds.map(label))} found (the load tests exercise the running service as a whole); no ${listing(missing.map(noLabel))} tests.`,
        evidence,
        data,
      );
    // A library runs inside its caller: there is no service to start, drive end to end or load.
    if (found.has('unit') && ctx.facts.profile.id === 'library')
      return pass(
        `${listing(kinds.map((k) => `${k} tests`))} found; integration, end-to-end and load tests of a running service do not apply to a library.`,
        evidence,
        { ...data, notApplicable: missing },
      );
    return partial(Math.min(score, 0.7), message, evidence, data);
  },
});

const PEST_DB_TRAIT =
  /\b(?:RefreshDatabase|LazilyRefreshDatabase|DatabaseMigrations|DatabaseTransactions|DatabaseTruncation)::class/;

/**
 * The test folders a Pest.php gives a database (`uses(…RefreshDatabase::class…)->in('Feature')`),
 * as path prefixes with the reason cited at the statement's line. `->in(__DIR__)` is the whole
 * tests folder; a folder named Unit is left to its name.
 */
function pestDatabaseFolders(files: FileView): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of files.named('Pest.php')) {
    if (path.includes('vendor/')) continue;
    const text = files.read(path) ?? '';
    if (!PEST_DB_TRAIT.test(text)) continue;
    const dir = path.slice(0, path.length - 'Pest.php'.length);
    const lines = files.lines(path);
    // Statements end at `;`: each `uses(…)`/`pest()…` chain with a database trait and `->in(…)`.
    let start = 0;
    for (const stmt of text.split(';')) {
      const at = start;
      start += stmt.length + 1;
      const trait = PEST_DB_TRAIT.exec(stmt);
      const inCall = /->\s*in\s*\(([^)]*)\)/.exec(stmt);
      const call = stmt.search(/\b(?:uses|pest)\s*\(/);
      if (!trait || !inCall || call < 0) continue;
      const line = lines ? lines.lineAt(at + call) : 1;
      const folders =
        inCall[1]!.includes('__DIR__') && !/__DIR__\s*\.\s*['"]/.test(inCall[1]!)
          ? ['']
          : [...inCall[1]!.matchAll(/['"]\/?([^'"]*)['"]/g)].map((m) => m[1]!.replace(/^\.\/?|\/+$/g, ''));
      for (const folder of folders) {
        if (/^unit$/i.test(folder)) continue;
        const prefix = folder ? `${dir}${folder}/` : dir;
        if (!out.has(prefix))
          out.set(
            prefix,
            `${trait[0].replace('::class', '')}, a database for every test in ${folder ? `${folder}/` : dir || './'}, from ${path}:${line}`,
          );
      }
    }
  }
  return out;
}

/**
 * How a test that creates a cluster puts the product into it: Helm's Go SDK (`action.NewInstall`,
 * `action.NewUpgrade`), a `helm install|upgrade` or `kubectl apply` it runs, or the e2e-framework,
 * whose suites deploy what they test. Undefined when it deploys nothing (a cluster client test).
 */
function clusterDeploy(snippet: string, text: string): string | undefined {
  const lib = /e2e-framework/.test(snippet)
    ? 'sigs.k8s.io/e2e-framework'
    : /k3d/.test(snippet)
      ? 'k3d'
      : /pytest_kind/.test(snippet)
        ? 'pytest-kind'
        : 'kind';
  if (lib === 'sigs.k8s.io/e2e-framework') return lib;
  const deploy =
    /\baction\.New(?:Install|Upgrade)\(/.exec(text)?.[0].replace(/\($/, '') ??
    /\bhelm["',\s]+(?:upgrade|install)\b/.exec(text)?.[0].replace(/["',\s]+/g, ' ') ??
    /\bkubectl["',\s]+apply\b/.exec(text)?.[0].replace(/["',\s]+/g, ' ');
  return deploy ? `${lib}, then ${deploy.startsWith('action.') ? `Helm ${deploy}` : deploy}` : undefined;
}

/**
 * Test runners that drive a browser or a running API end to end: a job that starts services for
 * them (`docker compose up` then Cypress) runs the end-to-end suite, not integration tests (blind round 28).
 */
const BROWSER_RUNNER = /playwright|cypress|webdriver|nightwatch|newman|selenium|puppeteer|testcafe/i;

/**
 * What a test file that talks to a database, broker or other live service says: a client library
 * imported (`from 'pg'`, `require("ioredis")`, `import psycopg`), a connection variable
 * (`DATABASE_URL`), a local service address, or a module of its own named for the data layer
 * (`../lib/prisma`, `@/db`). One pass of literal alternatives (hostile input).
 */
const SERVICE_USE =
  /['"](?:pg|postgres|mysql2?|mongodb|mongoose|redis|ioredis|@prisma\/client|typeorm|sequelize|knex|kafkajs|amqplib|amqp-connection-manager|nats|bullmq|bull|@elastic\/elasticsearch|ldapjs|@mikro-orm\/core|drizzle-orm|@testcontainers\/[\w-]{1,40}|testcontainers)['"]|\b(?:import|from)[ \t]+(?:psycopg2?|sqlalchemy|pymongo|asyncpg|redis|django|motor|aiokafka|kafka|pika)\b|\b(?:DATABASE_URL|DB_HOST|REDIS_URL|MONGO(?:DB)?_UR[LI]|POSTGRES_[A-Z]{2,20}|AMQP_URL|KAFKA_BROKERS?)\b|\b(?:localhost|127\.0\.0\.1):\d{4,5}\b|['"][^'"\n]{0,200}\/(?:db|database|prisma|models?|repositor(?:y|ies)|entities)['"]|@pytest\.mark\.django_db|\bActiveRecord::/;

/**
 * Whether any test file of the runner (its framework, as the inventory names it) uses a live
 * service. A runner none of whose files is in the inventory is given the benefit of the doubt.
 */
function runnerFilesUseServices(
  files: FileView,
  inventory: readonly { path: string; framework: string }[],
  runner: string,
): boolean {
  const name = runner.toLowerCase();
  const own = inventory.filter((f) => f.framework.toLowerCase() === name || name.includes(f.framework.toLowerCase()));
  if (!own.length) return true;
  return own.slice(0, 300).some((f) => SERVICE_USE.test((files.read(f.path) ?? '').slice(0, 100_000)));
}

/**
 * Load-test tools by their command: k6, Locust, Artillery, JMeter, Vegeta, Gatling, hey, wrk,
 * ApacheBench (`ab`), bombardier, oha, autocannon, ghz, a `*-loadtest` runner.
 */
const LOAD_CMD =
  /^(?:k6|locust|artillery|jmeter|vegeta|gatling(?:\.sh)?|hey|wrk2?|ab|bombardier|oha|autocannon|ghz|[\w-]*load-?test[\w-]*)$/i;

/** A test file's call that starts a container (Docker Engine API, Testcontainers, docker-py). */
const CONTAINER_START =
  /\bContainer(?:Create|Start)\(|\bGenericContainer\b|\bDockerContainer\(|\bcontainers\.run\(|\bContainerBuilder\(|\.WithImage\(/;

/** A command's name without its directory (`./bin/hey` → `hey`). */
const baseName = (word: string) => word.slice(word.lastIndexOf('/') + 1);

/** `docker run` options that take the next word as their value. */
const DOCKER_VALUED =
  /^(?:-[epvwulm]|--(?:env|env-file|publish|volume|workdir|user|label|name|network|net|entrypoint|mount|add-host|platform|memory|cpus|hostname|dns|ulimit|cap-add|cap-drop|link|restart|pull|shm-size|tmpfs|device|gpus|ipc|pid|runtime|security-opt|stop-signal|log-driver|log-opt))$/;

/** The image of a `docker run …` (or `podman run`) command line, when it is one. */
function dockerRunImage(argv: readonly string[]): string | undefined {
  const head = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  if (!/^(?:docker|podman)$/.test(head)) return undefined;
  let i = argv[1] === 'container' ? 2 : 1;
  if (argv[i] !== 'run') return undefined;
  for (i++; i < argv.length && i < 60; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) return a;
    if (!a.includes('=') && DOCKER_VALUED.test(a)) i++;
  }
  return undefined;
}

/** CI runs of a load-test tool, directly or as the image of `docker run` (`docker run … ghcr.io/x/hey -z 2s URL`). */
function loadTestRuns(runs: CommandRun[]): CommandRun[] {
  return runs.filter((r) => {
    if (r.origin.kind !== 'ci') return false;
    const head = baseName(r.argv[0] ?? '');
    // `npm install -g etherpad-load-test` installs it; the run is the command itself.
    if (LOAD_CMD.test(head)) return head !== 'ab' || r.argv.some((a) => /^https?:\/\//.test(a));
    const tool = loadImageOf(r);
    return tool !== undefined && tool !== 'ab' && LOAD_CMD.test(tool);
  });
}

/**
 * The image a run's container starts, by its last name segment without tag (`ghcr.io/x/hey:1` →
 * `hey`): the command graph gives the words the image's entrypoint gets, so the image is read from
 * the `docker run …` line the run was written on. Undefined when the line is no such command.
 */
function loadImageOf(r: CommandRun): string | undefined {
  const text = (r.chain.at(-1)?.text ?? '').slice(0, 2000);
  const m = /\b(?:docker|podman)[ \t]+(?:container[ \t]+)?run\b[^\n;&|]*/.exec(text);
  const image = m ? dockerRunImage(m[0].split(/[ \t]+/)) : dockerRunImage(r.argv);
  return image
    ?.replace(/[@:][\s\S]*$/, '')
    .split('/')
    .pop();
}

/** Whether a Terratest file calls the cluster: a k8s function other than the options constructors, or a Helm install/upgrade/delete. */
function reachesCluster(text: string): boolean {
  for (const m of text.matchAll(/\bk8s\.(\w{1,60})\s*\(/g))
    if (!/^(?:NewKubectlOptions\w*|NewKubectlOptionsWithConfigPath)$/.test(m[1]!)) return true;
  return /\bhelm\.(?:Install|Upgrade|Delete|Rollback)\w*\s*\(/.test(text);
}

/**
 * A helm test that only fetches the release's service root with wget or curl, as the `helm create`
 * scaffold does (`args: ['{{ include "x.fullname" . }}:{{ .Values.service.port }}']`), and asserts
 * nothing else: one container, no path, no script.
 */
function helmConnectionCheck(text: string): boolean {
  if (text.length > 20_000) return false;
  const containers = text.match(/^[ \t]*-[ \t]+name[ \t]*:/gm)?.length ?? 0;
  return (
    containers <= 1 &&
    /\b(?:wget|curl)\b/.test(text) &&
    /fullname"?[ \t]*\.[ \t]*\}\}:\{\{[ \t]*\.Values\.service\.port[ \t]*\}\}['"]?[ \t]*\]/.test(text)
  );
}
