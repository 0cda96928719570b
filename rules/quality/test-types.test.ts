import { fixtureTree } from '../../src/testing/fixtures.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './test-types.js';

ruleTester(rule, {
  valid: [
    {
      name: 'JS: Vitest unit tests and Playwright end-to-end tests',
      tree: {
        'package.json': JSON.stringify({ devDependencies: { vitest: '3', '@playwright/test': '1' } }, null, 2),
        'src/a.test.ts': "import { it } from 'vitest';\nit('a', () => {});\n",
        'playwright.config.ts': "export default { testDir: 'e2e' };\n",
        'e2e/home.spec.ts': "import { test } from '@playwright/test';\ntest('home', async ({ page }) => {});\n",
      },
      expect: {
        outcome: 'pass',
        message: 'unit tests and end-to-end tests found; no integration and load tests',
        evidence: [{ path: 'e2e/home.spec.ts', line: 2 }],
        data: { types: ['unit', 'end-to-end'] },
      },
    },
    {
      name: 'Python: unit tests plus integration-marked tests and a Locust file',
      tree: {
        'tests/test_unit.py': 'def test_a():\n    pass\n',
        'tests/integration/test_db.py': 'import pytest\n\n@pytest.mark.integration\ndef test_db():\n    pass\n',
        'load/locustfile.py': 'from locust import HttpUser\n',
      },
      expect: {
        outcome: 'pass',
        data: { types: ['unit', 'integration', 'load'] },
        evidence: [{ path: 'tests/integration/test_db.py' }, { path: 'load/locustfile.py' }],
      },
    },
    {
      name: 'Java: JUnit plus Testcontainers in the pom',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.testcontainers</groupId><artifactId>postgresql</artifactId><scope>test</scope></dependency></dependencies></project>\n',
        'src/test/java/RepoTest.java': 'class RepoTest {\n  @Test void saves() {}\n}\n',
      },
      expect: { outcome: 'pass', data: { types: ['unit', 'integration'] } },
    },
    {
      name: 'Helm charts: helm-unittest suites are unit tests, chart-testing scenarios and helm test hooks integration tests',
      tree: fixtureTree('cmd-helm-charts'),
      expect: {
        outcome: 'pass',
        data: { types: ['unit', 'integration'] },
        evidence: [
          {
            path: 'charts/web/ci/default-values.yaml',
            note: 'integration: chart-testing scenario: the chart is installed into a cluster with these values',
          },
          { path: 'charts/web/tests/deployment_test.yaml', line: 5, note: 'unit: helm-unittest: 2 test cases' },
        ],
      },
    },
    {
      name: 'Go: a package folder named integration holds unit tests; *_integration_test.go files are integration tests',
      tree: {
        'internal/integration/linkwarden_test.go':
          'package integration\n\nimport "testing"\n\nfunc TestSend(t *testing.T) {}\n',
        'internal/api/api_integration_test.go': 'package api\n\nimport "testing"\n\nfunc TestHealth(t *testing.T) {}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'internal/api/api_integration_test.go', note: 'integration: integration test by location' },
          { path: 'internal/integration/linkwarden_test.go', note: 'unit: go test: 1 test case' },
        ],
      },
    },
    {
      name: 'Java: JUnit tests that start a real Jenkins through JenkinsRule are integration tests',
      tree: {
        'src/test/java/ConfigTest.java':
          'class ConfigTest {\n  @Rule public JenkinsRule j = new JenkinsRule();\n  @Test void loads() {}\n}\n',
        'src/test/java/ParserTest.java': 'class ParserTest {\n  @Test void parses() {}\n}\n',
      },
      expect: {
        outcome: 'pass',
        data: { types: ['unit', 'integration'] },
        evidence: [{ path: 'src/test/java/ConfigTest.java', line: 2 }],
      },
    },
  ],
  invalid: [
    {
      name: 'unit tests only: partial, naming what is missing',
      tree: { 'calc_test.go': 'package calc\n\nfunc TestAdd(t *testing.T) {}\n' },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'no integration, end-to-end and load tests',
        data: { types: ['unit'] },
      },
    },
    {
      name: 'no tests at all',
      tree: { 'main.go': 'package main\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'supertest declared but never used in a test is not an end-to-end test',
      tree: {
        'package.json': JSON.stringify({ devDependencies: { jest: '29', supertest: '7' } }),
        'src/a.test.js': "test('a', () => {});\n",
      },
      expect: { outcome: 'partial', data: { types: ['unit'] } },
    },
    {
      name: 'Selenium as a production dependency (a crawler that drives a browser) is not an end-to-end test suite',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.seleniumhq.selenium</groupId><artifactId>selenium-java</artifactId></dependency></dependencies></project>\n',
        'src/main/java/Crawler.java': 'class Crawler {}\n',
        'src/test/java/CrawlerTest.java': 'class CrawlerTest {\n  @Test void fetches() {}\n}\n',
      },
      expect: { outcome: 'partial', data: { types: ['unit'] } },
    },
  ],
});
