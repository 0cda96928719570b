import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { fromMatch } from '../../src/facts/paths.js';
import { testInventory, TEST_DIGEST } from '../../src/facts/tests/inventory.js';

type Kind = 'unit' | 'integration' | 'end-to-end' | 'load';

const INTEGRATION_DIR = /(^|\/)(integration[-_]?tests?|integration|it|itest|functional)\//i;
const E2E_DIR = /(^|\/)(e2e|end[-_]?to[-_]?end|acceptance|cypress|playwright|ui[-_]?tests?)\//i;
/** Go tests sit beside the code: a package folder named `integration` holds unit tests of that package. */
function integrationByName(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/(^|[_.-])integration([_.-]|$)|IT\.(?:java|kt)$/i.test(base)) return true;
  if (path.endsWith('.go')) return /(^|\/)(integration[-_]?tests?|itest)\//i.test(path);
  return INTEGRATION_DIR.test(path);
}

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
      'Unit: collected test files outside integration/e2e folders, helm-unittest suites. Integration: integration/ or it/ folders (for Go, whose tests sit in their package, only folders named integration-tests/itest), files named *_integration_test.go/test_integration.py/*IT.java, chart-testing scenarios (ci/*-values.yaml) and helm test hooks, pytest `integration` markers, Go `integration` build tags, Testcontainers, dockertest/dktest, @SpringBootTest, WebApplicationFactory, JenkinsRule or @WithJenkins (a real Jenkins per test). End-to-end: Playwright, Cypress, Selenium, WebdriverIO, Puppeteer, Capybara, supertest used in tests, e2e/ folders. Load: Locust, k6 scripts, JMeter .jmx, Gatling, Artillery. Score: unit 0.5, integration 0.25, end-to-end 0.25, load +0.1; pass with unit tests plus integration or end-to-end tests.',
    digests: [TEST_DIGEST],
    patterns: {
      integrationMarker: {
        regex:
          /@pytest\.mark\.integration\b|^\/\/go:build\s[^\n]*\bintegration\b|@SpringBootTest\b|@Testcontainers\b|\bWebApplicationFactory<|@QuarkusTest\b|@MicronautTest\b|@WithJenkins\b|\bnew\s+JenkinsRule\s*\(/m,
        files: TEST_CODE,
        literals: [
          'integration',
          'SpringBootTest',
          'Testcontainers',
          'WebApplicationFactory',
          'QuarkusTest',
          'MicronautTest',
          'Jenkins',
        ],
        maxPerFile: 1,
      },
      supertest: {
        regex: /from\s+['"]supertest['"]|require\(\s*['"]supertest['"]\s*\)/,
        files: ['**/*.{js,jsx,ts,tsx,mjs,cjs}'],
        literals: ['supertest'],
        maxPerFile: 1,
      },
      k6: { regex: /from\s+['"]k6(?:\/[\w-]+)?['"]/, files: ['**/*.{js,ts,mjs}'], literals: ['k6'], maxPerFile: 1 },
      artillery: { regex: /^scenarios\s*:/m, files: ['**/*.{yml,yaml}'], literals: ['scenarios'], maxPerFile: 1 },
    },
  },
  check(ctx) {
    const inv = testInventory(ctx.files);
    const found = new Map<Kind, Evidence[]>();
    const add = (kind: Kind, e: Evidence) => {
      const list = found.get(kind) ?? [];
      if (list.length < 3) list.push(e);
      found.set(kind, list);
    };
    for (const f of inv.files) {
      const at = { path: f.path, ...(f.first ? { line: f.first.line, snippet: f.first.snippet } : {}) };
      if (f.framework === 'playwright' || f.framework === 'cypress' || E2E_DIR.test(f.path))
        add('end-to-end', { ...at, note: `${f.framework} test in an end-to-end location` });
      else if (f.framework === 'chart-testing' || f.framework === 'helm test')
        add('integration', {
          ...at,
          note:
            f.framework !== 'chart-testing'
              ? 'helm test hook run against the installed release'
              : f.path.endsWith('Chart.yaml')
                ? 'chart-testing installs the chart into a cluster with its defaults'
                : 'chart-testing scenario: the chart is installed into a cluster with these values',
        });
      else if (integrationByName(f.path)) add('integration', { ...at, note: 'integration test by location' });
      else if (f.cases > 0)
        add('unit', { ...at, note: `${f.framework}: ${f.cases} test case${f.cases === 1 ? '' : 's'}` });
    }
    for (const m of ctx.matches('integrationMarker')) add('integration', fromMatch(m, 'integration test marker'));
    const testPaths = new Set(inv.files.map((f) => f.path));
    const supertestInTests = ctx.matches('supertest').filter((m) => testPaths.has(m.path));
    for (const m of supertestInTests) add('end-to-end', fromMatch(m, 'HTTP-level tests against the app (supertest)'));
    for (const m of ctx.matches('k6')) add('load', fromMatch(m, 'k6 load script'));
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

    const kinds = (['unit', 'integration', 'end-to-end', 'load'] as Kind[]).filter((k) => found.has(k));
    const missing = (['unit', 'integration', 'end-to-end', 'load'] as Kind[]).filter((k) => !found.has(k));
    const evidence = kinds.flatMap((k) => found.get(k)!.map((e) => ({ ...e, note: `${k}: ${e.note ?? ''}`.trim() })));
    const data = { types: kinds, missing };
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
    const message = `${listing(kinds.map((k) => `${k} tests`))} found${missing.length ? `; no ${listing(missing)} tests` : ''}.`;
    if (found.has('unit') && (found.has('integration') || found.has('end-to-end')))
      return pass(message, evidence, data);
    return partial(Math.min(score, 0.7), message, evidence, data);
  },
});
