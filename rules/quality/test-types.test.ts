import { expect } from 'vitest';
import { fixtureTree } from '../../src/testing/fixtures.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './test-types.js';

/** An npm library: node:test unit tests, and browser specs that a WebdriverIO config runs (or names nothing). */
const browserLib = (specs: string | null) => ({
  'package.json': JSON.stringify(
    {
      name: 'short-ids',
      type: 'module',
      exports: { '.': './dist/index.js' },
      scripts: specs
        ? { test: 'node --test test/unit/*.test.js', 'test:browser': 'wdio run ./wdio.conf.js' }
        : { test: 'node --test test/unit/*.test.js', 'test:dom': 'jest test/browser' },
      devDependencies: specs
        ? { '@wdio/cli': '9.0.0', '@wdio/jasmine-framework': '9.0.0', '@wdio/local-runner': '9.0.0' }
        : { jest: '29.0.0', 'jest-environment-jsdom': '29.0.0' },
    },
    null,
    2,
  ),
  'src/index.js': 'export function shortId() {\n  return Math.random().toString(36).slice(2, 10);\n}\n',
  'test/unit/short-id.test.js':
    "import test from 'node:test';\nimport assert from 'node:assert';\nimport { shortId } from '../../src/index.js';\n\ntest('is eight characters', () => {\n  assert.equal(shortId().length, 8);\n});\n",
  ...(specs
    ? {
        'wdio.conf.js': `export const config = {\n  runner: 'local',\n  framework: 'jasmine',\n\n  specs: [${specs}],\n  capabilities: [{ browserName: 'chrome' }],\n};\n`,
      }
    : {}),
  'test/browser/ids.spec.js':
    "/* global browser:false, $:false */\n\ndescribe('short-ids in the browser', () => {\n  beforeAll(async () => {\n    await browser.url('http://localhost:4567/');\n  });\n\n  it('renders an id', async () => {\n    const el = await $('#id');\n    expect((await el.getText()).length).toBe(8);\n  });\n\n  it('renders a second id', async () => {\n    const el = await $('#id2');\n    expect((await el.getText()).length).toBe(8);\n  });\n});\n",
});

/** A DDD-style Node API: Jest unit tests, Cucumber features whose steps call the app (or not) over HTTP. */
const cucumberApi = (http: boolean) => ({
  'package.json': JSON.stringify({ devDependencies: { jest: '29', cucumber: '6', supertest: '6' } }, null, 2),
  'src/apps/courses/server.ts': 'export class Server { httpServer = null; }\n',
  'tests/contexts/courses/CourseCreator.test.ts': "it('creates a course', async () => {});\n",
  'tests/apps/courses/backend/features/create-course.feature': [
    'Feature: Create a new course',
    '  In order to have courses in the platform',
    '',
    '  Scenario: A valid non existing course',
    '    Given I send a PUT request to "/courses/1" with body:',
    '    Then the response status code should be 201',
    '',
    '  Scenario: An invalid course',
    '    Given I send a PUT request to "/courses/2" with body:',
    '    Then the response status code should be 422',
  ].join('\n'),
  'tests/apps/courses/backend/features/step_definitions/controller.steps.ts': http
    ? [
        "import { Given, Then } from 'cucumber';",
        "import request from 'supertest';",
        "import { application } from './hooks.steps';",
        '',
        "Given('I send a PUT request to {string} with body:', (route: string, body: string) => {",
        '  _request = request(application.httpServer).put(route).send(JSON.parse(body));',
        '});',
      ].join('\n')
    : ["import { Given } from 'cucumber';", "Given('a course {string}', (id: string) => courses.add(id));"].join('\n'),
});

/** A Terraform module whose only tests are Terratest runs that apply an example. */
const terratestModule = {
  'main.tf': 'resource "aws_rds_cluster" "default" {}\n',
  'examples/complete/main.tf': 'module "cluster" {\n  source = "../.."\n}\n',
  'test/src/go.mod':
    'module github.com/acme/terraform-aws-cluster\n\ngo 1.21\n\nrequire github.com/gruntwork-io/terratest v0.46.0\n',
  'test/src/examples_complete_test.go': [
    'package test',
    '',
    'import (',
    '\t"testing"',
    '\t"github.com/gruntwork-io/terratest/modules/terraform"',
    ')',
    '',
    'func TestExamplesComplete(t *testing.T) {',
    '\topts := &terraform.Options{TerraformDir: "../../examples/complete"}',
    '\tdefer terraform.Destroy(t, opts)',
    '\tterraform.InitAndApply(t, opts)',
    '}',
  ].join('\n'),
};

/**
 * A Terraform module tested with `terraform test`: a plan-only check of the variables and a run that
 * applies an example (the default command), or a file that mocks the provider (nothing real created).
 */
const tftestModule = (mocked: boolean) => ({
  'main.tf': 'resource "aws_vpc" "this" {\n  cidr_block = var.cidr\n}\n',
  'variables.tf': 'variable "cidr" {\n  type = string\n}\n',
  'examples/basic/main.tf': 'module "vpc" {\n  source = "../.."\n  cidr   = "10.0.0.0/16"\n}\n',
  'tests/basic.tftest.hcl': mocked
    ? 'mock_provider "aws" {}\n\nrun "creates_vpc" {\n  variables {\n    cidr = "10.0.0.0/16"\n  }\n}\n'
    : [
        '# run "disabled" {}',
        'variables {',
        '  cidr = "10.0.0.0/16"',
        '}',
        '',
        'run "rejects_bad_cidr" {',
        '  command = plan',
        '  variables {',
        '    cidr = "nope"',
        '  }',
        '  expect_failures = [var.cidr]',
        '}',
        '',
        'run "example_applies" {',
        '  module {',
        '    source = "./examples/basic"',
        '  }',
        '}',
        '',
      ].join('\n'),
});

/** A Python formatter whose tests call its functions, and (or not) run its command in a subprocess. */
const pyFormatter = (runsCommand: boolean) => ({
  'pyproject.toml': '[project]\nname = "tidy"\n\n[project.scripts]\ntidy = "tidy:main"\n',
  'tidy/__init__.py': 'def main():\n    return 0\n',
  'tests/test_format.py': 'from tidy import main\n\ndef test_main():\n    assert main() == 0\n',
  'tests/test_cli.py': [
    'import subprocess',
    'import sys',
    '',
    `TIDY = [sys.executable, '-m', '${runsCommand ? 'tidy' : 'pip'}', '--version']`,
    '',
    'def test_version():',
    '    assert subprocess.run(TIDY).returncode == 0',
    '',
  ].join('\n'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'browser specs a WebdriverIO config runs (wdio.conf.js specs) are end-to-end, though written with describe/it',
      profile: 'service',
      tree: browserLib("'./test/browser/**/*.spec.js'"),
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'test/browser/ids.spec.js',
            note: 'end-to-end: WebdriverIO spec (wdio.conf.js:5 specs): run in a real browser',
          },
        ],
      },
    },
    {
      name: "a command-line package's tests that run its own command in a subprocess are end-to-end tests",
      tree: pyFormatter(true),
      expect: {
        outcome: 'pass',
        message: 'unit tests and end-to-end tests found',
        evidence: [
          { path: 'tests/test_cli.py', note: 'unit: pytest: 1 test case' },
          { path: 'tests/test_format.py', note: 'unit: pytest: 1 test case' },
          {
            path: 'tests/test_cli.py',
            line: 4,
            note: "end-to-end: runs the program's command (python -m tidy) in a subprocess, as its users run it",
          },
        ],
      },
    },
    {
      name: 'terraform test: a `command = plan` run is a unit test, a run that applies (the default) an integration test',
      tree: tftestModule(false),
      expect: {
        outcome: 'pass',
        message: 'unit tests and integration tests found',
        evidence: [
          {
            path: 'tests/basic.tftest.hcl',
            line: 6,
            note: 'unit: terraform test: 1 run block with command = plan, which create nothing',
          },
          {
            path: 'tests/basic.tftest.hcl',
            line: 14,
            note: 'integration: terraform test: 1 run block with command = apply, which provisions real resources',
          },
        ],
      },
    },
    {
      name: 'Cucumber features whose steps drive the app over HTTP (supertest) are end-to-end acceptance tests',
      profile: 'service',
      tree: cucumberApi(true),
      expect: {
        outcome: 'pass',
        message: 'unit tests and end-to-end tests found',
        evidence: [
          {
            path: 'tests/apps/courses/backend/features/create-course.feature',
            line: 4,
            note: 'end-to-end: Cucumber acceptance tests: 2 scenarios in 1 feature file, whose steps drive the app over HTTP (tests/apps/courses/backend/features/step_definitions/controller.steps.ts:2)',
          },
        ],
      },
    },
    {
      name: 'Cucumber feature files run by a JUnit Cucumber runner (@RunWith(Cucumber.class), features = …) are end-to-end BDD tests (round 20)',
      profile: 'service',
      tree: {
        'build.gradle':
          "dependencies {\n  testImplementation 'org.junit.jupiter:junit-jupiter:5.10.0'\n  testImplementation 'io.cucumber:cucumber-junit:7.15.0'\n}\n",
        'src/main/java/org/shelf/App.java': 'package org.shelf;\npublic class App {}\n',
        'src/test/java/org/shelf/BookServiceTest.java':
          'package org.shelf;\nimport org.junit.jupiter.api.Test;\nclass BookServiceTest {\n  @Test\n  void findsABook() {}\n}\n',
        'src/test/java/org/shelf/acceptance/AcceptanceTest.java': [
          'package org.shelf.acceptance;',
          '',
          'import io.cucumber.junit.Cucumber;',
          'import io.cucumber.junit.CucumberOptions;',
          'import org.junit.runner.RunWith;',
          '',
          '@RunWith(Cucumber.class)',
          '@CucumberOptions(features = "src/test/resources", plugin = {"pretty"})',
          'public class AcceptanceTest {',
          '}',
          '',
        ].join('\n'),
        'src/test/resources/bdd/shelf.feature':
          'Feature: Shelf\n\n  Scenario: a reader finds a book\n    Given a book "Dune"\n    When the reader searches "Dune"\n    Then the book is listed\n\n  Scenario: an unknown title\n    When the reader searches "Nothing"\n    Then nothing is listed\n',
      },
      expect: {
        outcome: 'pass',
        message: 'unit tests and end-to-end tests found',
        evidence: [
          {
            path: 'src/test/resources/bdd/shelf.feature',
            line: 3,
            note: 'end-to-end: Cucumber: 2 BDD scenarios run against the application by the JUnit Cucumber runner src/test/java/org/shelf/acceptance/AcceptanceTest.java:7',
          },
        ],
      },
    },
    {
      name: 'shunit2 scripts in acceptance_tests/ that run the built CLI are end-to-end acceptance tests (round 20)',
      profile: 'cli',
      tree: {
        'go.mod': 'module example.com/yamlq\n\ngo 1.22\n',
        'main.go': 'package main\n\nfunc main() {}\n',
        'cmd/root_test.go': 'package cmd\n\nimport "testing"\n\nfunc TestRoot(t *testing.T) {}\n',
        'scripts/acceptance.sh': '#!/bin/bash\nset -e\nfor test in acceptance_tests/*.sh; do\n  (exec "$test")\ndone\n',
        'acceptance_tests/basic.sh':
          '#!/bin/bash\n\nsetUp() {\n  rm -f test.yml\n}\n\ntestEvalRoundTrip() {\n  ./yamlq -n ".a = 1" > test.yml\n  X=$(./yamlq ".a" test.yml)\n  assertEquals 1 "$X"\n}\n\ntestNullInput() {\n  X=$(./yamlq -n ".")\n  assertEquals null "$X"\n}\n\nsource ./scripts/shunit2\n',
        'acceptance_tests/flags.sh':
          '#!/bin/bash\n\nfunction testVersionFlag() {\n  ./yamlq --version\n}\n\n. ./scripts/shunit2\n',
        'scripts/helper.sh': '#!/bin/bash\ntestHelper() {\n  echo not a test\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'unit tests and end-to-end tests found',
        evidence: [
          {
            path: 'acceptance_tests/basic.sh',
            line: 7,
            note: 'end-to-end: shunit2 acceptance tests: 3 test functions in 2 scripts that run the program and check its output',
          },
        ],
      },
    },
    {
      name: 'Playwright tests that jest ignores (testPathIgnorePatterns) are labelled Playwright, not jest, though test/package.json installs jest (round 20)',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify(
          {
            name: 'web-ide',
            scripts: { 'test:unit': 'jest', 'test:e2e': 'playwright test --config test/playwright.config.ts' },
            jest: { testEnvironment: 'node', testPathIgnorePatterns: ['/node_modules/', '/out/', 'test/e2e'] },
          },
          null,
          2,
        ),
        'test/package.json': JSON.stringify({ devDependencies: { jest: '^29.0.0', '@playwright/test': '^1.45.0' } }),
        'test/playwright.config.ts':
          'import { PlaywrightTestConfig } from "@playwright/test"\nimport path from "path"\nconst config: PlaywrightTestConfig = {\n  testDir: path.join(__dirname, "e2e"),\n}\nexport default config\n',
        'src/node/util.ts': 'export const trim = (s: string) => s.trim()\n',
        'test/unit/node/util.test.ts':
          'describe("trim", () => {\n  it("trims", () => {\n    expect(1).toBe(1)\n  })\n})\n',
        'test/e2e/baseFixture.ts': 'import { test as base } from "@playwright/test"\nexport const test = base\n',
        'test/e2e/login.test.ts':
          'import { test, expect } from "./baseFixture"\n\ntest("logs in with the password", async ({ page }) => {\n  expect(page).toBeTruthy()\n})\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'test/unit/node/util.test.ts', line: 2, note: 'unit: jest: 1 test case' },
          { path: 'test/e2e/login.test.ts', line: 3, note: 'end-to-end: Playwright: 1 test run in a real browser' },
        ],
        absent: ['jest test in an end-to-end location'],
      },
    },
    {
      name: 'a CI job whose steps launch a database with an action, then run the tests, runs them against live services',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify({ scripts: { test: 'jest' }, devDependencies: { jest: '29' } }, null, 2),
        'tests/MongoClientFactory.test.ts': "it('connects', async () => {});\n",
        '.github/workflows/ci.yml': [
          'on: [push]',
          'jobs:',
          '  build:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - name: Launch MongoDB',
          '        uses: wbari/start-mongoDB@v0.2',
          '      - name: Launch RabbitMQ',
          '        uses: nijel/rabbitmq-action@v1.0.0',
          '      - run: npm test',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'unit tests and integration tests found',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 3,
            note: expect.stringContaining(
              'job build runs Jest (package.json:3) against the services its steps start (mongodb and rabbitmq)',
            ),
          },
        ],
      },
    },
    {
      name: 'Angular specs run by Karma with Jasmine (karma-jasmine, @types/jasmine) get framework jasmine, not unknown',
      tree: {
        'web/package.json':
          '{"name":"web","devDependencies":{"@types/jasmine":"~5.1.0","jasmine-core":"~5.1.0","karma":"~6.4.0","karma-jasmine":"~5.1.0"}}',
        'web/karma.conf.js': "module.exports = (config) => config.set({ frameworks: ['jasmine'] });\n",
        'web/src/app/counter.component.spec.ts':
          "describe('CounterComponent', () => {\n  it('counts', () => {\n    expect(1).toBe(1);\n  });\n});\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'web/src/app/counter.component.spec.ts', note: 'unit: jasmine: 1 test case' }],
      },
    },
    {
      name: '.NET: a Selenium suite in a *.IntegrationTests project is end-to-end; NUnit tests elsewhere are unit',
      profile: 'service',
      tree: {
        'src/Feedr.sln': 'Microsoft Visual Studio Solution File\n',
        'src/Feedr.Tests/Feedr.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'src/Feedr.Tests/ParserTests.cs':
          'using NUnit.Framework;\nnamespace Feedr.Tests {\n  public class ParserTests {\n    [Test]\n    public void ParsesTitle() { Assert.Pass(); }\n  }\n}\n',
        'src/Feedr.IntegrationTests/Feedr.IntegrationTests.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'src/Feedr.IntegrationTests/HomePageTests.cs':
          'using Microsoft.VisualStudio.TestTools.UnitTesting;\nusing OpenQA.Selenium;\nnamespace Feedr.IntegrationTests {\n  [TestClass]\n  public class HomePageTests {\n    [TestMethod]\n    public void ShowsTitle() { }\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'unit tests and end-to-end tests found',
        evidence: [
          {
            path: 'src/Feedr.IntegrationTests/HomePageTests.cs',
            line: 2,
            note: expect.stringContaining('driving a browser (Selenium)'),
          },
          { path: 'src/Feedr.Tests/ParserTests.cs', line: 4 },
        ],
      },
    },
    {
      name: "a library's *.Tests.Integrated project (xUnit against a WireMock server) is integration, and the message never says integration tests do not apply (round 12)",
      profile: 'library',
      tree: {
        'HttpKit.sln': 'Microsoft Visual Studio Solution File\n',
        'src/HttpKit/HttpKit.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'src/HttpKit/Client.cs': 'namespace HttpKit;\npublic class Client {}\n',
        'test/HttpKit.Tests/HttpKit.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'test/HttpKit.Tests/UrlTests.cs':
          'using Xunit;\nnamespace HttpKit.Tests;\npublic class UrlTests {\n  [Fact]\n  public void Joins() { Assert.True(true); }\n}\n',
        'test/HttpKit.Tests.Integrated/HttpKit.Tests.Integrated.csproj':
          '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'test/HttpKit.Tests.Integrated/RequestTests.cs':
          'using WireMock.Server;\nusing Xunit;\nnamespace HttpKit.Tests.Integrated;\npublic class RequestTests {\n  readonly WireMockServer _server = WireMockServer.Start();\n  [Fact]\n  public void Gets() { Assert.NotNull(_server.Url); }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'unit tests and integration tests found',
        evidence: [
          {
            path: 'test/HttpKit.Tests.Integrated/RequestTests.cs',
            line: 6,
            note: 'integration: integration test by location',
          },
        ],
        absent: ['do not apply to a library'],
      },
    },
    {
      name: 'a test named for its subject (integration_bank.spec.js, the IntegrationBank adapter) is a unit test; api.integration.test.js is integration by name (round 22)',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify({ dependencies: { express: '4' }, devDependencies: { jest: '29' } }, null, 2),
        'src/app.js': "const express = require('express');\nmodule.exports = express();\n",
        'src/banks/tests/integration_bank.spec.js':
          "const IntegrationBank = require('../integration_bank');\n\ndescribe('IntegrationBank', () => {\n  it('normalizes an account', () => {\n    expect(IntegrationBank.normalize({})).toEqual({});\n  });\n});\n",
        'src/banks/integration_bank.js': 'module.exports = { normalize: (a) => a };\n',
        'src/sync.integration.test.js': "test('syncs against the store', () => {\n  expect(1).toBe(1);\n});\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/banks/tests/integration_bank.spec.js', note: expect.stringMatching(/^unit: /) },
          { path: 'src/sync.integration.test.js', line: 1, note: 'integration: integration test by location' },
        ],
      },
    },
    {
      name: 'an api_tests/ suite that calls a running server is integration by location',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify({ devDependencies: { vitest: '3' } }, null, 2),
        'src/a.test.ts': "import { it } from 'vitest';\nit('a', () => {});\n",
        'api_tests/package.json': JSON.stringify({
          scripts: { 'api-test': 'jest -i' },
          devDependencies: { jest: '29' },
        }),
        'api_tests/src/post.spec.ts': "test('creates a post on alpha and sees it on beta', async () => {});\n",
      },
      expect: {
        outcome: 'pass',
        message: 'unit tests and integration tests found',
        evidence: [
          {
            path: 'api_tests/src/post.spec.ts',
            line: 1,
            note: expect.stringContaining('integration test by location'),
          },
        ],
      },
    },
    {
      name: 'a Fastify API whose node:test suite (glob -c "tsx --test") runs beside a MySQL service and injects requests into the built app is integration-tested',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify(
          {
            type: 'module',
            scripts: { test: 'c8 npm run test:run', 'test:run': 'glob -c "tsx --test" "./test/**/*.ts"' },
            dependencies: { fastify: '5', mysql2: '3' },
            devDependencies: { c8: '10', glob: '11', tsx: '4' },
          },
          null,
          2,
        ),
        'src/app.ts': "export default async function app (f) {\n  f.get('/health', async () => ({ ok: true }))\n}\n",
        'test/helper.ts':
          "import Fastify from 'fastify'\nimport serviceApp from '../src/app.js'\n\nexport async function build () {\n  const app = Fastify()\n  app.register(serviceApp)\n  await app.ready()\n  return app\n}\n",
        'test/app/health.test.ts':
          "import { it } from 'node:test'\nimport assert from 'node:assert'\nimport { build } from '../helper.js'\n\nit('answers', async () => {\n  const app = await build()\n  const res = await app.inject({ url: '/health' })\n  assert.strictEqual(res.statusCode, 200)\n})\n",
        '.github/workflows/ci.yml': [
          'on: push',
          'jobs:',
          '  build-and-test:',
          '    runs-on: ubuntu-latest',
          '    services:',
          '      mysql:',
          '        image: mysql:8.4',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - run: npm test',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message:
          'unit tests and integration tests (incl. HTTP-level tests of the whole app in process, Fastify/hapi inject) found',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 3,
            note: 'integration: job build-and-test runs tsx (package.json:5) against its service containers (mysql)',
          },
          {
            path: 'test/app/health.test.ts',
            line: 7,
            note: 'integration: HTTP-level tests of the app served in process (Fastify/hapi inject)',
          },
        ],
      },
    },
    {
      name: 'a CI job with database service containers that runs the Go suite runs it against live services',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/api\n\ngo 1.22\n',
        'pkg/store/store_test.go': 'package store\n\nimport "testing"\n\nfunc TestSave(t *testing.T) {}\n',
        '.github/workflows/test.yml': [
          'on: push',
          'jobs:',
          '  lint:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: go vet ./...',
          '  api:',
          '    runs-on: ubuntu-latest',
          '    services:',
          '      db-postgres:',
          '        image: postgres:16',
          '      db-mysql:',
          '        image: mysql:8',
          '    steps:',
          '      - run: go test ./...',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'unit tests and integration tests found',
        evidence: [
          {
            path: '.github/workflows/test.yml',
            line: 7,
            note: expect.stringContaining(
              'job api runs go test (.github/workflows/test.yml:15) against its service containers (db-postgres and db-mysql)',
            ),
          },
        ],
      },
    },
    {
      name: 'a CI job that starts services with docker compose and then runs the suite runs it against live instances',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify({ scripts: { test: 'vitest run' }, devDependencies: { vitest: '3' } }, null, 2),
        'src/a.test.ts': "import { it } from 'vitest';\nit('a', () => {});\n",
        '.github/workflows/ci.yml': [
          'on: push',
          'jobs:',
          '  federation:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - run: docker compose -f docker/federation.yml up -d',
          '      - run: npm test',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'unit tests and integration tests found',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 7,
            note: expect.stringContaining('job federation starts live services (docker compose -f)'),
          },
        ],
      },
    },
    {
      name: 'Rust: tests/*.rs beside a crate manifest are Cargo integration-test targets, in-crate #[test] are unit tests',
      tree: {
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
        'crates/sync/Cargo.toml': '[package]\nname = "sync"\n',
        'crates/sync/src/lib.rs':
          'pub fn add(a: i32, b: i32) -> i32 { a + b }\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() {\n        assert_eq!(super::add(1, 2), 3);\n    }\n}\n',
        'crates/sync/tests/users.rs': '#[tokio::test]\nasync fn registers() {\n    assert!(true);\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'crates/sync/tests/users.rs', note: expect.stringContaining('Cargo integration test target') },
        ],
      },
    },
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
      name: 'Python: a smoke test that posts to the container a CI script started (API_URL on localhost) is end-to-end, not unit',
      tree: {
        'api/app.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
        'tests/test_utils.py': 'def test_parse():\n    assert 1 + 1 == 2\n',
        'scripts/test_smoke.py':
          'import os\n\nimport pytest\nimport requests\n\nAPI_URL = "http://localhost:8000/general/v0/general"\n\n\ndef send(path):\n    with open(path, "rb") as f:\n        return requests.post(API_URL, files={"files": f})\n\n\n@pytest.mark.parametrize("name", ["a.pdf", "b.docx"])\ndef test_happy_path(name):\n    assert send(name).status_code == 200\n',
        'scripts/helpers.py': 'BASE_URL = "http://localhost:9000"\n',
      },
      expect: {
        outcome: 'pass',
        data: { types: ['unit', 'end-to-end'] },
        evidence: [
          { path: 'tests/test_utils.py' },
          {
            path: 'scripts/test_smoke.py',
            line: 6,
            note: 'end-to-end: pytest: 1 test calling a running instance over HTTP (smoke/end-to-end)',
          },
        ],
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
      name: 'Helm charts: helm-unittest suites are unit tests, helm test hooks integration tests, ct install in CI end-to-end',
      tree: fixtureTree('cmd-helm-charts'),
      expect: {
        outcome: 'pass',
        data: { types: ['unit', 'integration', 'end-to-end'] },
        evidence: [
          { note: 'integration: helm test hook run against the installed release' },
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
    {
      name: 'Django: TestCase tests that drive the app through the in-process test client are integration tests, not end-to-end (round 5)',
      tree: {
        'hc/api/models.py': 'class Check:\n    pass\n',
        'hc/api/tests/test_models.py':
          'from django.test import TestCase\n\nclass CheckTestCase(TestCase):\n    def test_it_works(self):\n        self.assertTrue(True)\n',
        'hc/api/tests/test_ping.py':
          'from django.test import TestCase\n\nclass PingTestCase(TestCase):\n    def test_it_works(self):\n        r = self.client.get("/ping/abc/")\n        self.assertEqual(r.status_code, 200)\n',
      },
      expect: {
        outcome: 'pass',
        data: { types: ['unit', 'integration'], missing: ['end-to-end', 'load'] },
        evidence: [
          {
            path: 'hc/api/tests/test_ping.py',
            line: 5,
            note: "integration: HTTP-level tests of the app served in process (the framework's test client)",
          },
        ],
      },
    },
    {
      name: 'Rails: request specs are integration tests, system specs end-to-end, model specs unit',
      tree: {
        Gemfile: "gem 'rails'\ngem 'rspec-rails', group: :test\n",
        'spec/models/user_spec.rb': "RSpec.describe User do\n  it 'is valid' do\n  end\nend\n",
        'spec/requests/api_spec.rb':
          "RSpec.describe 'API' do\n  it 'lists templates' do\n    get '/api/templates'\n  end\nend\n",
        'spec/system/signing_spec.rb': "RSpec.describe 'Signing' do\n  it 'signs' do\n    visit '/'\n  end\nend\n",
      },
      expect: {
        outcome: 'pass',
        message: 'unit tests, integration tests and end-to-end tests found; no load tests',
        evidence: [
          { path: 'spec/system/signing_spec.rb', note: 'end-to-end: RSpec test in an end-to-end location' },
          { path: 'spec/requests/api_spec.rb', note: 'integration: integration test by location' },
          { path: 'spec/models/user_spec.rb', note: 'unit: RSpec: 1 test case' },
        ],
      },
    },
    {
      name: 'Django layout found by unittest discovery (tests/tests_*.py): model tests unit, test-client tests HTTP-level',
      tree: {
        'manage.py': 'from django.core.management import execute_from_command_line\n',
        'core/__init__.py': '',
        'core/tests/__init__.py': '',
        'core/tests/tests_models.py':
          'from django.test import TestCase\n\nclass ModelTestCase(TestCase):\n    def test_str(self):\n        pass\n',
        'core/tests/tests_views.py':
          'from django.test import TestCase\n\nclass ViewsTestCase(TestCase):\n    def test_home(self):\n        self.client.get("/")\n',
      },
      expect: {
        outcome: 'pass',
        message:
          "unit tests and integration tests (incl. HTTP-level tests of the whole app in process, the framework's test client) found",
        evidence: [
          {
            path: 'core/tests/tests_views.py',
            note: "integration: HTTP-level tests of the app served in process (the framework's test client)",
          },
          { path: 'core/tests/tests_models.py', note: 'unit: unittest: 1 test case' },
        ],
      },
    },
    {
      name: 'a library with unit tests only: the other kinds do not apply',
      tree: {
        'package.json': JSON.stringify(
          { name: 'result-lib', main: 'dist/index.js', types: 'dist/index.d.ts', devDependencies: { vitest: '3' } },
          null,
          2,
        ),
        'src/index.ts': 'export const ok = 1;\n',
        'tests/index.test.ts': "import { it } from 'vitest';\nit('a', () => {});\n",
      },
      expect: {
        outcome: 'pass',
        message:
          'unit tests found; integration, end-to-end and load tests of a running service do not apply to a library.',
      },
    },
    {
      name: "Go: a test tree's integration/ suite is integration, a file named e2e_test.go end-to-end; a package named integration stays unit",
      tree: {
        'go.mod': 'module example.com/db\n\ngo 1.22\n',
        'test/integration/mysql_ha/mysql_ha_test.go':
          'package mysql_ha\n\nimport "testing"\n\nfunc TestMySqlHa(t *testing.T) {}\n',
        'test/e2e_test.go': 'package test\n\nimport "testing"\n\nfunc TestScrape(t *testing.T) {}\n',
        'internal/integration/client_test.go':
          'package integration\n\nimport "testing"\n\nfunc TestSend(t *testing.T) {}\n',
      },
      expect: {
        outcome: 'pass',
        data: { types: ['unit', 'integration', 'end-to-end'] },
        evidence: [
          { path: 'test/e2e_test.go', note: 'end-to-end: go test test in an end-to-end location' },
          { path: 'test/integration/mysql_ha/mysql_ha_test.go', note: 'integration: integration test by location' },
          { path: 'internal/integration/client_test.go', note: 'unit: go test: 1 test case' },
        ],
      },
    },
    {
      name: 'Python: tests/regtest run against a regression-test network of real nodes: integration, not unit',
      tree: {
        'tests/regtest/test_payments.py': 'def test_pay():\n    pass\n',
        'tests/unit/test_amounts.py': 'def test_sum():\n    pass\n',
      },
      expect: {
        outcome: 'pass',
        data: { types: ['unit', 'integration'] },
        evidence: [{ path: 'tests/regtest/test_payments.py', note: 'integration: integration test by location' }],
      },
    },
  ],
  invalid: [
    {
      name: 'the same describe/it specs run by jest (no WebdriverIO config) stay unit tests: no end-to-end',
      profile: 'service',
      tree: browserLib(null),
      expect: {
        outcome: 'partial',
        message: 'no integration, end-to-end and load tests',
        evidence: [{ path: 'test/browser/ids.spec.js', note: 'unit: jest: 2 test cases' }],
        absent: ['WebdriverIO spec'],
      },
    },
    {
      name: "a subprocess running another program (pip) does not drive the package's own command",
      tree: pyFormatter(false),
      expect: { outcome: 'partial', message: 'unit tests found; no integration, end-to-end and load tests.' },
    },
    {
      name: 'terraform test against mock_provider creates nothing real: unit tests only, not integration',
      tree: tftestModule(true),
      expect: {
        outcome: 'partial',
        message: 'unit tests found; no integration, end-to-end and load tests.',
        evidence: [
          {
            path: 'tests/basic.tftest.hcl',
            line: 3,
            note: 'unit: terraform test: 1 run block against mocked providers (mock_provider, line 1), which create nothing',
          },
        ],
      },
    },
    {
      name: 'Spring: an abstract test suite whose concrete subclass is @SpringBootTest / @DataJpaTest against a database is integration, not unit',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-test</artifactId><scope>test</scope></dependency></dependencies></project>',
        'src/main/java/org/clinic/App.java': 'class App {}\n',
        'src/test/java/org/clinic/service/AbstractClinicServiceTests.java':
          'package org.clinic.service;\n\nabstract class AbstractClinicServiceTests {\n\n  @Test\n  void shouldFindOwners() {}\n\n  @Test\n  void shouldAddPet() {}\n}\n',
        'src/test/java/org/clinic/service/ClinicServiceJpaTests.java':
          'package org.clinic.service;\n\n@DataJpaTest\nclass ClinicServiceJpaTests extends AbstractClinicServiceTests {\n}\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          // The base's tests run once per concrete subclass: counted, and classified, where they run.
          {
            path: 'src/test/java/org/clinic/service/ClinicServiceJpaTests.java',
            note: expect.stringContaining(
              'integration: JUnit: 2 test cases run against the application or a real dependency (@DataJpaTest)',
            ),
          },
        ],
        absent: ['unit: JUnit: 2 test cases'],
      },
    },
    {
      name: 'a Python test file named *_integration whose HTTP calls are mock.patch-ed is a unit test, not an integration test',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\nrequests==2.31.0\npytest-django==4.8.0\n',
        'core/photo_feed_integration.py':
          'import requests\n\ndef get_photos():\n    try:\n        return requests.get(FEED_URL, timeout=5).json()\n    except requests.RequestException:\n        return None\n',
        'tests/core/test_photo_feed_integration.py':
          'from unittest import mock\n\nimport requests\n\nfrom core.photo_feed_integration import get_photos\n\n\n@mock.patch("requests.get")\ndef test_get_photos_when_json_returned(mock_get):\n    mock_get.return_value.json.return_value = {"photos": []}\n    assert get_photos() == {"photos": []}\n\n\n@mock.patch("requests.get")\ndef test_get_photos_when_bad_request(mock_get):\n    mock_get.side_effect = requests.RequestException\n    assert get_photos() is None\n',
      },
      expect: {
        outcome: 'partial',
        message: 'unit tests found; no integration, end-to-end and load tests.',
        evidence: [
          {
            path: 'tests/core/test_photo_feed_integration.py',
            line: 9,
            note: expect.stringContaining('named for integration, but its collaborators are mocked (mock.patch)'),
          },
        ],
      },
    },
    {
      name: 'an acceptance package among the Java sources (map contract tests) is unit tests, not end-to-end',
      profile: 'service',
      tree: {
        'settings.gradle.kts': 'rootProject.name = "brewer"\n',
        'core/src/collectionsTest/java/org/acme/brewer/collections/acceptance/ConcurrentMapAcceptanceTest.java': [
          'package org.acme.brewer.collections.acceptance;',
          'import org.junit.jupiter.api.Test;',
          'class ConcurrentMapAcceptanceTest {',
          '  @Test',
          '  void putIfAbsent() { }',
          '}',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        message: 'unit tests found; no integration, end-to-end and load tests.',
        evidence: [
          {
            path: 'core/src/collectionsTest/java/org/acme/brewer/collections/acceptance/ConcurrentMapAcceptanceTest.java',
            line: 4,
          },
        ],
      },
    },
    {
      name: 'Ginkgo specs against a live cluster (Terratest k8s module; a package named integration_tests) are integration, not unit (blind round 23)',
      tree: {
        'main.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'test/go.mod':
          'module example.com/platform/test\n\ngo 1.22\n\nrequire (\n\tgithub.com/onsi/ginkgo/v2 v2.17.0\n\tgithub.com/gruntwork-io/terratest v0.46.0\n)\n',
        'test/platform_test.go':
          'package integration_tests\n\nimport (\n\t"testing"\n\n\t. "github.com/onsi/ginkgo/v2"\n\t. "github.com/onsi/gomega"\n)\n\nfunc TestPlatform(t *testing.T) {\n\tRegisterFailHandler(Fail)\n\tRunSpecs(t, "Platform")\n}\n',
        'test/daemonsets_test.go':
          'package integration_tests\n\nimport (\n\t"github.com/gruntwork-io/terratest/modules/k8s"\n\t. "github.com/onsi/ginkgo/v2"\n)\n\nvar _ = Describe("daemonsets", func() {\n\tIt("runs the log shipper on every node", func() {\n\t\topts := k8s.NewKubectlOptions("", "", "logging")\n\t\tk8s.GetDaemonSet(GinkgoT(), opts, "shipper")\n\t})\n})\n',
        'test/ingress_test.go':
          'package integration_tests\n\nimport (\n\t"net/http"\n\n\t. "github.com/onsi/ginkgo/v2"\n)\n\nvar _ = Describe("ingress", func() {\n\tIt("answers on the public host", func() {\n\t\t_, _ = http.Get("https://app.example.test")\n\t})\n})\n',
      },
      expect: {
        outcome: 'partial',
        message: 'integration tests found; no unit, end-to-end and load tests.',
        evidence: [
          {
            path: 'test/daemonsets_test.go',
            line: 4,
            note: 'integration: go test: 1 test run against a live Kubernetes cluster through the kubeconfig',
          },
          {
            path: 'test/ingress_test.go',
            line: 1,
            note: 'integration: go test: 1 test in package integration_tests, a suite named for integration tests',
          },
        ],
      },
    },
    {
      name: 'Terratest tests that apply the Terraform create real resources: integration, not unit',
      tree: terratestModule,
      expect: {
        outcome: 'partial',
        message: 'integration tests found; no unit, end-to-end and load tests.',
        evidence: [
          {
            path: 'test/src/examples_complete_test.go',
            line: 11,
            note: 'integration: Terratest: 1 test applying the Terraform (terraform.InitAndApply), which creates real resources',
          },
        ],
      },
    },
    {
      name: 'an upgrade test through terraform-module-test-helper (ModuleUpgradeTest applies the released version) is integration, not unit (round 14)',
      tree: {
        'main.tf': 'resource "azurerm_kubernetes_cluster" "main" {}\n',
        'examples/startup/main.tf': 'module "aks" {\n  source = "../.."\n}\n',
        'test/go.mod': 'module github.com/acme/terraform-azurerm-cluster\n\ngo 1.21\n',
        'test/upgrade/upgrade_test.go': [
          'package upgrade',
          '',
          'import (',
          '\t"testing"',
          '\ttest_helper "github.com/Azure/terraform-module-test-helper"',
          '\t"github.com/gruntwork-io/terratest/modules/terraform"',
          ')',
          '',
          'func TestExampleUpgradeStartup(t *testing.T) {',
          '\troot, _ := test_helper.GetCurrentModuleRootPath()',
          '\ttest_helper.ModuleUpgradeTest(t, "acme", "terraform-azurerm-cluster", "examples/startup", root, terraform.Options{}, 6)',
          '}',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        message: 'integration tests found; no unit, end-to-end and load tests.',
        evidence: [
          {
            path: 'test/upgrade/upgrade_test.go',
            line: 11,
            note: 'integration: Terratest: 1 test applying the Terraform (test_helper.ModuleUpgradeTest), which creates real resources',
          },
        ],
      },
    },
    {
      name: 'Cucumber steps that never call the app over HTTP are not end-to-end tests',
      profile: 'service',
      tree: cucumberApi(false),
      expect: { outcome: 'partial', message: 'unit tests found; no integration, end-to-end and load tests.' },
    },
    {
      name: 'service containers of a job that runs no tests, and Selenium in product code, are no integration or end-to-end tests',
      profile: 'service',
      tree: {
        'requirements.txt': 'selenium==4.20\n',
        'app/scraper.py': 'from selenium import webdriver\n\ndef fetch(url):\n    return webdriver.Chrome().get(url)\n',
        'tests/test_parse.py': 'def test_parse():\n    assert True\n',
        '.github/workflows/ci.yml': [
          'on: push',
          'jobs:',
          '  migrate:',
          '    runs-on: ubuntu-latest',
          '    services:',
          '      postgres:',
          '        image: postgres:16',
          '    steps:',
          '      - run: python manage.py migrate --check',
          '  test:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: pytest',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        message: 'unit tests found; no integration, end-to-end and load tests',
        evidence: [{ path: 'tests/test_parse.py', line: 1 }],
      },
    },
    {
      name: 'Rust: a tests/ folder with no crate manifest beside it is no Cargo target',
      profile: 'service',
      tree: {
        'crates/sync/Cargo.toml': '[package]\nname = "sync"\n',
        'crates/sync/src/lib.rs':
          'pub fn add(a: i32, b: i32) -> i32 { a + b }\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() {\n        assert_eq!(super::add(1, 2), 3);\n    }\n}\n',
        'docs/tests/users.rs': '#[test]\nfn registers() {\n    assert!(true);\n}\n',
      },
      expect: { outcome: 'partial', message: 'no integration' },
    },
    {
      name: 'a service tested only through a Postman collection run by Newman: end-to-end tests, nothing else',
      tree: {
        'package.json': JSON.stringify(
          { dependencies: { express: '4' }, scripts: { 'test:system': 'newman run api.postman_collection.json' } },
          null,
          2,
        ),
        'api.postman_collection.json': JSON.stringify({
          item: [{ name: 'list', event: [{ listen: 'test', script: { exec: ['pm.test("200", () => {});'] } }] }],
        }),
      },
      expect: {
        outcome: 'partial',
        message: 'end-to-end tests found; no unit, integration and load tests.',
        evidence: [
          {
            path: 'api.postman_collection.json',
            note: 'end-to-end: Postman collection: 1 API test run by Newman against a running server',
          },
        ],
      },
    },
    {
      name: '.NET: every test creates a WebApplicationFactory subclass: integration tests, no unit tests',
      tree: {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'Api/Program.cs': 'var app = WebApplication.Create(args);\napp.Run();\npublic partial class Program {}\n',
        'Api.Tests/Api.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'Api.Tests/TodoApplication.cs': 'internal class TodoApplication : WebApplicationFactory<Program>\n{\n}\n',
        'Api.Tests/TodoApiTests.cs':
          'public class TodoApiTests\n{\n    [Fact]\n    public async Task GetTodos()\n    {\n        await using var app = new TodoApplication();\n    }\n}\n',
      },
      expect: {
        outcome: 'partial',
        message: 'integration tests found; no unit, end-to-end and load tests.',
        evidence: [
          {
            path: 'Api.Tests/TodoApiTests.cs',
            note: 'integration: xUnit: 1 test case run against the application or a real dependency (uses TodoApplication, a WebApplicationFactory at Api.Tests/TodoApplication.cs:1)',
          },
        ],
      },
    },
    {
      name: 'Symfony WebTestCase/KernelTestCase tests (and tests extending a kernel base class) are integration; Laravel RefreshDatabase too',
      tree: {
        'composer.json': JSON.stringify({ require: { 'symfony/framework-bundle': '^7.0' } }, null, 2),
        'phpunit.xml.dist':
          '<phpunit><testsuites><testsuite name="all"><directory>tests</directory></testsuite></testsuites></phpunit>\n',
        'src/Kernel.php': '<?php\nnamespace App;\nclass Kernel {}\n',
        'tests/Controller/BlogControllerTest.php':
          "<?php\n\nnamespace App\\Tests\\Controller;\n\nuse Symfony\\Bundle\\FrameworkBundle\\Test\\WebTestCase;\n\nfinal class BlogControllerTest extends WebTestCase\n{\n    public function testIndex(): void\n    {\n        $client = static::createClient();\n        $client->request('GET', '/en/blog/');\n        $this->assertResponseIsSuccessful();\n    }\n}\n",
        'tests/Command/AbstractCommandTestCase.php':
          '<?php\n\nnamespace App\\Tests\\Command;\n\nuse Symfony\\Bundle\\FrameworkBundle\\Test\\KernelTestCase;\n\nabstract class AbstractCommandTestCase extends KernelTestCase\n{\n}\n',
        'tests/Command/ListUsersCommandTest.php':
          '<?php\n\nnamespace App\\Tests\\Command;\n\nfinal class ListUsersCommandTest extends AbstractCommandTestCase\n{\n    public function testListUsers(): void\n    {\n        $this->assertTrue(true);\n    }\n}\n',
        'tests/Feature/PostApiTest.php':
          "<?php\n\nnamespace Tests\\Feature;\n\nuse Illuminate\\Foundation\\Testing\\RefreshDatabase;\nuse Tests\\TestCase;\n\nclass PostApiTest extends TestCase\n{\n    use RefreshDatabase;\n\n    public function test_lists_posts(): void\n    {\n        $this->getJson('/api/posts')->assertOk();\n    }\n}\n",
        'tests/Utils/SlugTest.php':
          "<?php\n\nnamespace App\\Tests\\Utils;\n\nuse PHPUnit\\Framework\\TestCase;\n\nfinal class SlugTest extends TestCase\n{\n    public function testSlugify(): void\n    {\n        $this->assertSame('a-b', 'a-b');\n    }\n}\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'tests/Command/ListUsersCommandTest.php',
            line: 7,
            note: 'integration: PHPUnit: 1 test case run against the application or a real dependency (extends AbstractCommandTestCase, which boots the kernel (tests/Command/AbstractCommandTestCase.php:7))',
          },
          {
            path: 'tests/Controller/BlogControllerTest.php',
            line: 9,
            note: 'integration: PHPUnit: 1 test case run against the application or a real dependency (final class BlogControllerTest extends WebTestCase)',
          },
          {
            path: 'tests/Feature/PostApiTest.php',
            line: 12,
            note: 'integration: PHPUnit: 1 test case run against the application or a real dependency (use RefreshDatabase;)',
          },
          { path: 'tests/Utils/SlugTest.php', line: 9, note: 'unit: PHPUnit: 1 test case' },
        ],
      },
    },
    {
      name: 'a test client built in production code (an API client named TestClient outside tests) is no test',
      tree: {
        'requirements.txt': 'flask\n',
        'app/client.py': 'class TestClient:\n    pass\n\nc = TestClient()\n',
        'tests/test_calc.py': 'def test_add():\n    assert 1 + 1 == 2\n',
      },
      expect: { outcome: 'partial', data: { types: ['unit'] } },
    },
    {
      name: 'a service with unit tests only: partial, naming what is missing',
      tree: {
        'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
        'calc_test.go': 'package main\n\nfunc TestAdd(t *testing.T) {}\n',
      },
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
      name: 'supertest on the app object is in process (integration); supertest on APP_URL drives a running instance (end-to-end)',
      tree: {
        'package.json': JSON.stringify({
          devDependencies: { jest: '29', supertest: '7' },
          dependencies: { '@nestjs/core': '10' },
        }),
        'src/users/users.service.spec.ts': "describe('users', () => {\n  it('finds', () => {});\n});\n",
        'src/app.int.test.ts':
          "import request from 'supertest';\nimport { createApp } from './app';\n\ndescribe('app', () => {\n  it('pings', () => request(createApp()).get('/ping').expect(200));\n});\n",
        'test/users.e2e-spec.ts':
          "import request from 'supertest';\nimport { APP_URL } from './utils/constants';\n\ndescribe('users', () => {\n  it('lists', () => request(APP_URL).get('/api/v1/users').expect(200));\n});\n",
        'jest.config.js': "module.exports = { testRegex: '.*\\\\.(spec|test|e2e-spec)\\\\.ts$' };\n",
      },
      expect: {
        outcome: 'pass',
        data: { types: ['unit', 'integration', 'end-to-end'] },
        evidence: [
          {
            path: 'src/app.int.test.ts',
            line: 1,
            note: 'integration: HTTP-level tests of the app served in process (supertest)',
          },
        ],
      },
    },
    {
      name: 'one file is one kind: a Nest test/*.e2e-spec.ts driving the app in process with supertest is integration, not also end-to-end by its name (round 17)',
      tree: {
        'package.json': JSON.stringify({
          devDependencies: { jest: '29', supertest: '7' },
          dependencies: { '@nestjs/core': '10' },
        }),
        'src/app.controller.spec.ts': "describe('app', () => {\n  it('says hello', () => {});\n});\n",
        'test/app.e2e-spec.ts':
          "import { Test } from '@nestjs/testing';\nimport * as request from 'supertest';\nimport { AppModule } from '../src/app.module';\n\ndescribe('AppController (e2e)', () => {\n  it('/ (GET)', async () => {\n    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();\n    const app = moduleRef.createNestApplication();\n    await app.init();\n    return request(app.getHttpServer()).get('/').expect(200);\n  });\n});\n",
        'jest.config.js': "module.exports = { testRegex: '.*\\\\.(spec|e2e-spec)\\\\.ts$' };\n",
      },
      expect: {
        outcome: 'pass',
        message:
          'unit tests and integration tests (incl. HTTP-level tests of the whole app in process, supertest) found; no end-to-end (browser or running instance) and load tests.',
        data: { types: ['unit', 'integration'], missing: ['end-to-end', 'load'] },
        evidence: [
          {
            path: 'test/app.e2e-spec.ts',
            line: 2,
            note: 'integration: HTTP-level tests of the app served in process (supertest)',
          },
        ],
      },
    },
    {
      name: 'supertest given the app object alone gives no end-to-end credit',
      tree: {
        'package.json': JSON.stringify({
          devDependencies: { vitest: '1', supertest: '7' },
          dependencies: { express: '4' },
        }),
        'test/orders.test.js':
          "import request from 'supertest';\nimport { createApp } from '../src/app.js';\n\ntest('creates', async () => {\n  await request(createApp()).post('/orders');\n});\n",
      },
      expect: {
        outcome: 'pass',
        message: 'no end-to-end (browser or running instance) and load tests',
        data: { types: ['unit', 'integration'], missing: ['end-to-end', 'load'] },
        evidence: [
          {
            path: 'test/orders.test.js',
            line: 1,
            note: 'integration: HTTP-level tests of the app served in process (supertest)',
          },
        ],
      },
    },
    {
      name: "a chart repository's ct install in CI is the charts' end-to-end test (round 5, nextcloud/helm)",
      profile: 'infrastructure',
      tree: {
        '.github/workflows/lint-test.yaml':
          'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: helm/kind-action@v1\n      - run: ct install --config ct.yaml\n',
        'ct.yaml': 'chart-dirs:\n  - charts\n',
        'charts/cloud/Chart.yaml': 'apiVersion: v2\nname: cloud\nversion: 1.0.0\n',
        'charts/cloud/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
      },
      expect: {
        outcome: 'partial',
        data: { types: ['end-to-end'] },
        evidence: [
          {
            path: '.github/workflows/lint-test.yaml',
            line: 7,
            note: expect.stringContaining(
              'end-to-end: job test installs the charts into a throwaway cluster and runs helm test',
            ),
          },
        ],
      },
    },
    {
      name: 'supertest declared but never used in a test is not an end-to-end test',
      tree: {
        'package.json': JSON.stringify({
          dependencies: { express: '4' },
          devDependencies: { jest: '29', supertest: '7' },
        }),
        'src/a.test.js': "test('a', () => {});\n",
      },
      expect: { outcome: 'partial', data: { types: ['unit'] } },
    },
    {
      name: 'Selenium as a production dependency (a crawler that drives a browser) is not an end-to-end test suite',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.seleniumhq.selenium</groupId><artifactId>selenium-java</artifactId></dependency></dependencies></project>\n',
        'src/main/java/Crawler.java': 'class Crawler {}\n',
        'src/test/java/CrawlerTest.java': 'class CrawlerTest {\n  @Test void fetches() {}\n}\n',
      },
      expect: { outcome: 'partial', data: { types: ['unit'] } },
    },
  ],
});
