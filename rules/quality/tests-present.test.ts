import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule, { ratioScore } from './tests-present.js';
import { fixtureTree } from '../../src/testing/fixtures.js';

const py = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`app/mod${i}.py`, `def f${i}():\n    return ${i}\n`]));

/** An eslint-plugin: two rules, each tested by a RuleTester file under tests/ that mocha runs. */
const plugin = (tests: Record<string, string>) => ({
  'package.json': JSON.stringify({ scripts: { test: 'mocha tests --recursive' }, devDependencies: { mocha: '10' } }),
  'lib/rules/no-float-money.js': 'module.exports = { create() { return {}; } };\n',
  'lib/rules/prefer-cents.js': 'module.exports = { create() { return {}; } };\n',
  ...tests,
});
const tester = (rule: string, suite: string) =>
  `const { RuleTester } = require('eslint');\nconst rule = require('../../../lib/rules/${rule}');\nconst ruleTester = new RuleTester();\nruleTester.run('${rule}', rule, ${suite});\n`;

/** A Terraform module: root .tf files, an example that calls it, and Terratest tests. */
const tfModule = (tests: number) => ({
  'main.tf': 'resource "aws_rds_cluster" "default" {\n  engine = var.engine\n}\n',
  'variables.tf': 'variable "engine" {\n  type = string\n}\n',
  'outputs.tf': 'output "arn" {\n  value = aws_rds_cluster.default.arn\n}\n',
  'versions.tf': 'terraform {\n  required_version = ">= 1.3"\n}\n',
  'examples/complete/main.tf': 'module "cluster" {\n  source = "../.."\n}\n',
  'test/src/go.mod': 'module github.com/acme/terraform-aws-cluster\n\ngo 1.21\n',
  ...Object.fromEntries(
    Array.from({ length: tests }, (_, i) => [
      `test/src/example${i}_test.go`,
      `package test\n\nimport "testing"\n\nfunc TestExample${i}(t *testing.T) {\n\tt.Parallel()\n}\n`,
    ]),
  ),
});

/**
 * A formatter library whose unittest classes derive TestCase through the project's own base class in
 * a helper module the runner does not collect (tests/fmt_test_helper.py), reached in every way a
 * test module can import it; the helper's base derives from another helper's.
 */
const baseViaHelper = (helperBase: string) => ({
  'pyproject.toml': '[project]\nname = "tidy"\n',
  'tidy/__init__.py': 'def run():\n    return 0\n',
  'tidy/lexer.py': 'def lex(s):\n    return s.split()\n',
  'tidy/printer.py': 'def show(t):\n    return " ".join(t)\n',
  'tests/__init__.py': '',
  'tests/base_case.py': `import unittest\n\nclass ${helperBase}:\n    def assertTidy(self, a, b):\n        pass\n`,
  'tests/fmt_test_helper.py':
    'from tests.base_case import *\n\nclass FmtTest(RootCase):\n    def assertCodeEqual(self, a, b):\n        pass\n\n    def run_check(self):\n        pass\n',
  'tests/lexer_test.py':
    'from tests import fmt_test_helper\nfrom tidy import lexer\n\n\nclass LexerTest(fmt_test_helper.FmtTest):\n\n    def testWords(self):\n        pass\n\n    def testEmpty(self):\n        pass\n',
  'tests/printer_test.py':
    'from tests.fmt_test_helper import FmtTest as Base\n\n\nclass PrinterTest(Base):\n    def testJoin(self):\n        pass\n',
  'tests/main_test.py':
    'import tests.fmt_test_helper as h\n\n\nclass MainTest(h.FmtTest):\n    def testRun(self):\n        pass\n    def helper(self):\n        pass\n',
});

/** A Terraform module tested by `terraform test`: run blocks in tests/ (a commented one is none), or only downloaded ones. */
const tftest = (own: boolean) => ({
  'main.tf': 'resource "aws_vpc" "this" {\n  cidr_block = var.cidr\n}\n',
  'variables.tf': 'variable "cidr" {\n  type = string\n}\n',
  'outputs.tf': 'output "id" {\n  value = aws_vpc.this.id\n}\n',
  'examples/basic/main.tf': 'module "vpc" {\n  source = "../.."\n}\n',
  [own ? 'tests/basic.tftest.hcl' : '.terraform/modules/net/tests/basic.tftest.hcl']:
    '# run "old" {}\n\nrun "plan_only" {\n  command = plan\n}\n\nrun "apply_example" {\n  module {\n    source = "./examples/basic"\n  }\n}\n',
  ...(own
    ? { 'tests/setup.tftest.json': '{\n  "run": {\n    "setup": {\n      "command": "plan"\n    }\n  }\n}\n' }
    : {}),
});

/** A Rails app whose JavaScript tests under test/javascripts Teaspoon runs (Mocha), with or without its teaspoon_env.rb. */
const railsJs = (teaspoon: boolean) => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'teaspoon-mocha'\n",
  'app/assets/javascripts/fare.js': 'window.Fare = { total: function (a, b) { return a + b; } };\n',
  'test/javascripts/test_helper.js': '//= require jquery\n',
  'test/javascripts/fare_test.js':
    '//= require fare\n\ndescribe("Fare", function () {\n  it("adds", function () {\n    expect(Fare.total(1, 2)).to.eq(3);\n  });\n  it("adds zero", function () {\n    expect(Fare.total(1, 0)).to.eq(1);\n  });\n});\n',
  ...(teaspoon
    ? {
        'test/teaspoon_env.rb':
          'Teaspoon.configure do |config|\n  config.suite do |suite|\n    suite.use_framework :mocha\n    # suite.matcher = "{spec/javascripts,app/assets}/**/*_spec.{js,js.coffee,coffee}"\n    suite.matcher = "{test/javascripts,app/assets}/**/*_test.{js,js.coffee,coffee}"\n  end\nend\n',
      }
    : {}),
});

ruleTester(rule, {
  valid: [
    {
      name: "Teaspoon: a Rails app's JavaScript tests, collected by the suite matcher of test/teaspoon_env.rb",
      tree: railsJs(true),
      expect: {
        outcome: 'pass',
        message: '2 test cases in 1 test file',
        evidence: [
          {
            path: 'test/javascripts/fare_test.js',
            line: 4,
            note: 'JavaScript/TypeScript: 2 test cases in 1 file (teaspoon)',
          },
        ],
        data: { byFramework: { teaspoon: { testFiles: 1, testCases: 2 } } },
      },
    },
    {
      name: 'terraform test: each run block of a *.tftest.hcl or *.tftest.json file is a test case',
      tree: tftest(true),
      expect: {
        outcome: 'pass',
        message: '3 test cases in 2 test files for 3 Terraform source files',
        evidence: [
          { path: 'tests/basic.tftest.hcl', line: 3, note: 'Terraform: 3 test cases in 2 files (terraform test)' },
        ],
        data: { byFramework: { 'terraform test': { testFiles: 2, testCases: 3 } } },
      },
    },
    {
      name: 'unittest: TestCase reached through a base class in a helper module the runner does not collect (dotted module, alias, import-as, star import)',
      tree: baseViaHelper('RootCase(unittest.TestCase)'),
      expect: {
        outcome: 'pass',
        message: '4 test cases in 3 test files for 3 source files',
        evidence: [{ path: 'tests/lexer_test.py', line: 7, note: 'Python: 4 test cases in 3 files (unittest)' }],
        data: { byFramework: { unittest: { testFiles: 3, testCases: 4 } }, notCollectedCount: 0 },
      },
    },
    {
      name: '.NET: a test helper app under a .Tests. project and a .Benchmarks project are not production source',
      tree: {
        'Shell/Shell.csproj': '<Project Sdk="Microsoft.NET.Sdk" />\n',
        'Shell/Command.cs': 'namespace Shell;\npublic class Command { }\n',
        'Shell/Result.cs': 'namespace Shell;\npublic class Result { }\n',
        'Shell/Pipe.cs': 'namespace Shell;\npublic class Pipe { }\n',
        'Shell.Tests/Shell.Tests.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="xunit" Version="2.9.0" />\n  </ItemGroup>\n</Project>\n',
        'Shell.Tests/CommandSpecs.cs':
          'using Xunit;\nnamespace Shell.Tests;\npublic class CommandSpecs\n{\n    [Fact]\n    public void Runs() { }\n}\n',
        'Shell.Tests.Dummy/Program.cs':
          'namespace Shell.Tests.Dummy;\npublic static class Program { public static int Main() => 0; }\n',
        'Shell.Tests.Dummy/EchoCommand.cs': 'namespace Shell.Tests.Dummy;\npublic class EchoCommand { }\n',
        'Shell.Tests.Dummy/SleepCommand.cs': 'namespace Shell.Tests.Dummy;\npublic class SleepCommand { }\n',
        'Shell.Benchmarks/Program.cs': 'namespace Shell.Benchmarks;\npublic static class Program { }\n',
        'Shell.Benchmarks/PipeBenchmarks.cs': 'namespace Shell.Benchmarks;\npublic class PipeBenchmarks { }\n',
      },
      expect: {
        outcome: 'pass',
        message: '1 test case in 1 test file for 3 source files',
        evidence: [{ path: 'Shell.Tests/CommandSpecs.cs', line: 5 }],
        data: { sourceFiles: 3 },
      },
    },
    {
      name: 'schema migrations (Django migrations/, Rails db/migrate/, Alembic versions/) are not production source to test, as module-size counts (round 12)',
      tree: {
        'requirements.txt': 'Django==5.0\n',
        'manage.py':
          'import sys\nfrom django.core.management import execute_from_command_line\n\nexecute_from_command_line(sys.argv)\n',
        'issues/__init__.py': '',
        'issues/models.py': 'class Issue:\n    pass\n',
        'issues/views.py': 'def index(request):\n    return None\n',
        'issues/tests.py':
          'from django.test import TestCase\n\nclass IssueTests(TestCase):\n    def test_index(self):\n        pass\n',
        'issues/migrations/__init__.py': '',
        'issues/migrations/0001_initial.py':
          'from django.db import migrations\n\nclass Migration(migrations.Migration):\n    pass\n',
        'issues/migrations/0002_issue_title.py':
          'from django.db import migrations\n\nclass Migration(migrations.Migration):\n    pass\n',
        'db/migrate/20240101_create_users.rb': 'class CreateUsers < ActiveRecord::Migration[7.1]\nend\n',
        'alembic/versions/1a2b_add_table.py': 'revision = "1a2b"\n',
      },
      expect: {
        outcome: 'partial',
        message: '1 test case in 1 test file for 4 source files (ratio 0.25',
        evidence: [{ path: 'issues/tests.py', line: 4 }],
        data: { sourceFiles: 4, testFiles: 1 },
      },
    },
    {
      name: 'TypeORM src/migration/, Flyway db/migration/ and Prisma migrations are schema history; a migration/ module of product code is source (round 19)',
      tree: {
        'package.json':
          '{"name":"feed","dependencies":{"typeorm":"0.3.0","fastify":"4.0.0"},"devDependencies":{"jest":"29.0.0"}}',
        'src/index.ts': "import fastify from 'fastify'\n\nexport const app = fastify()\n",
        'src/posts.ts': 'export const posts = []\n',
        'src/migration/1587564396149-Notification.ts':
          "import { MigrationInterface } from 'typeorm'\n\nexport class Notification1587564396149 implements MigrationInterface {}\n",
        'src/migration/1587658873043-Source.ts':
          "import { MigrationInterface } from 'typeorm'\n\nexport class Source1587658873043 implements MigrationInterface {}\n",
        'src/migration/1587762408779-SourceRequest.ts':
          "import { MigrationInterface } from 'typeorm'\n\nexport class SourceRequest1587762408779 implements MigrationInterface {}\n",
        'src/importer/migration/fromLegacy.ts': 'export function importLegacy() {}\n',
        'api/src/main/resources/db/migration/V1__init.java': 'class V1__init {}\n',
        'prisma/migrations/20240101120000_init/migration.ts': 'export {}\n',
        '__tests__/posts.ts': "it('lists posts', () => {})\n",
      },
      expect: {
        outcome: 'pass',
        message: '1 test case in 1 test file for 3 source files',
        data: { sourceFiles: 3, testFiles: 1 },
      },
    },
    {
      name: 'Rust: a source file with an inline #[cfg(test)] module is production source; a test-only module is not (as module-size counts)',
      tree: {
        'Cargo.toml': '[package]\nname = "tmpl"\nversion = "0.1.0"\n',
        'src/lib.rs': 'pub mod lexer;\npub mod parser;\n#[cfg(test)]\nmod tests;\n',
        'src/lexer.rs': 'pub fn lex() {}\n\n#[cfg(test)]\nmod t {\n    #[test]\n    fn lexes() {}\n}\n',
        'src/parser.rs': 'pub fn parse() {}\n',
        'src/tests.rs': '#[test]\nfn renders() {}\n',
      },
      expect: { outcome: 'pass', data: { sourceFiles: 3, testFiles: 2 } },
    },
    {
      name: 'a Terraform module: its root .tf files are the source its Terratest tests cover (examples/ are callers, not source)',
      tree: tfModule(2),
      expect: {
        outcome: 'pass',
        message: '2 test cases in 2 test files for 4 Terraform source files (ratio 0.5, target 0.3).',
        data: { sourceFiles: 4, sourceKind: 'terraform', ratio: 0.5 },
        evidence: [{ path: 'test/src/example0_test.go', line: 5 }],
      },
    },
    {
      name: 'cmd-npm-scripts: jest --config config/jest.unit.cjs (rootDir .., testMatch *.check.js) is followed',
      tree: fixtureTree('cmd-npm-scripts'),
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'spec/invoice.check.js', line: 4 }],
        data: { testCases: 2, testFiles: 1, configuredBy: ['config/jest.unit.cjs'] },
      },
    },
    {
      name: 'tape files named on the command line, with the test function bound to the name tape',
      tree: {
        'package.json': '{\n  "scripts": {\n    "test": "tape tests/test-*.js"\n  }\n}\n',
        'index.js': 'module.exports = 1;\n',
        'tests/test-api.js':
          "var tape = require('tape')\n\ntape('setup', function (t) { t.end() })\ntape('callback', function (t) { t.end() })\n",
        'tests/server.js': 'module.exports = function tape(x) {}\n',
      },
      expect: { outcome: 'pass', data: { testCases: 2, testFiles: 1, byFramework: { tape: { testCases: 2 } } } },
    },
    {
      name: "Jest's testRegex decides which files are tests",
      tree: {
        'jest.config.js': "module.exports = { testRegex: '/checks/.*js$' };\n",
        'src/a.js': 'module.exports = 1;\n',
        'checks/a.js': "test('a', () => {});\ntest('b', () => {});\n",
        'src/b.test.js': "test('not collected', () => {});\n",
      },
      expect: { outcome: 'pass', data: { testCases: 2, testFiles: 1 } },
    },
    {
      name: 'Jest: a testRegex array selects the folder; a commented-out testMatch or roots in the generated config selects nothing',
      tree: {
        'jest.config.js':
          "module.exports = {\n  // roots: [\n  //   '<rootDir>/lib'\n  // ],\n  // testMatch: [\n  //   '**/lib/**/*.js',\n  // ],\n  testRegex: ['app/javascript/__tests__'],\n};\n",
        'package.json': '{\n  "scripts": { "test": "jest" },\n  "devDependencies": { "jest": "29" }\n}\n',
        'app/javascript/src/notifier.js': 'module.exports = 1;\n',
        'app/javascript/__tests__/notifier.test.js': "test('shows', () => {});\ntest('hides', () => {});\n",
        'lib/util.js': "test('not collected', () => {});\n",
      },
      expect: { outcome: 'pass', data: { testCases: 2, testFiles: 1 } },
    },
    {
      name: "Jest's testRegex in package.json, written with string escapes, selects the files",
      tree: {
        'package.json':
          '{\n  "scripts": { "test": "jest" },\n  "devDependencies": { "jest": "29" },\n  "jest": { "testRegex": "/checks/.*\\\\.check\\\\.js$" }\n}\n',
        'src/a.js': 'module.exports = 1;\n',
        'checks/a.check.js': "test('a', () => {});\ntest('b', () => {});\n",
        'checks/acheck.js': "test('not collected: the dot is literal', () => {});\n",
        'src/b.test.js': "test('not collected', () => {});\n",
      },
      expect: { outcome: 'pass', data: { testCases: 2, testFiles: 1 } },
    },
    {
      name: 'Playwright: testDir and the testMatch of each project (matched anywhere under testDir) select the files',
      tree: {
        'e2e/package.json': '{\n  "devDependencies": { "@playwright/test": "1.50.0" }\n}\n',
        'e2e/playwright.config.ts':
          "export default defineConfig({\n  testDir: './.',\n  projects: [\n    { name: 'setup', testMatch: 'tests/setups/db-setup.ts' },\n    { name: 'sqlite', testMatch: 'tests/*.spec.ts' },\n  ],\n});\n",
        'e2e/tests/login.spec.ts':
          "import { test } from '@playwright/test';\ntest('logs in', async () => {});\ntest('logs out', async () => {});\n",
        'e2e/tests/setups/db-setup.ts':
          "import { test } from '@playwright/test';\ntest('creates the db', async () => {});\n",
        'e2e/global-utils.ts': "export function test(name: string) {}\ntest('not a spec');\n",
        'src/main.rs': 'fn main() {}\n',
      },
      expect: { outcome: 'pass', data: { testCases: 3, testFiles: 2 } },
    },
    {
      name: 'Playwright: a testDir outside the config folder, and a setup project whose steps are `test as setup`',
      tree: {
        'tests/playwright/playwright.config.ts':
          "export default defineConfig({\n  testDir: '../e2e',\n  projects: [\n    { name: 'setup', testMatch: /.*\\.setup\\.ts/ },\n    { name: 'chromium', dependencies: ['setup'] },\n  ],\n});\n",
        'tests/e2e/auth.setup.ts':
          "import { test as setup, expect } from '@playwright/test';\nsetup('signs in once', async ({ page }) => {});\n",
        'tests/e2e/home.spec.ts':
          "import { test } from '@playwright/test';\ntest('shows the home page', async () => {});\ntest('opens the menu', async () => {});\n",
        'tests/playwright/helpers.ts': "import { test as setup } from './fixtures';\nexport const go = () => 1;\n",
        'tests/playwright/e2e/stray.spec.ts':
          "import { test } from '@playwright/test';\ntest('outside testDir', () => {});\n",
        'src/app.ts': 'export const app = 1;\n',
      },
      expect: { outcome: 'pass', data: { testCases: 3, testFiles: 2 } },
    },
    {
      name: 'pytest -c ci/pytest.ini in CI: that file decides python_files',
      tree: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: pytest -c ci/pytest.ini\n',
        'ci/pytest.ini': '[pytest]\npython_files = check_*.py\n',
        'app/core.py': 'def f():\n    return 1\n',
        'tests/check_core.py': 'def test_f():\n    assert True\n\ndef test_g():\n    assert True\n',
      },
      expect: { outcome: 'pass', data: { testCases: 2, configuredBy: ['ci/pytest.ini'] } },
    },
    {
      name: 'pytest suite: counts cases per language and framework, cites the first test',
      tree: {
        ...py(3),
        'tests/test_app.py':
          'import pytest\n\n@pytest.mark.parametrize("x", [1, 2, 3])\ndef test_a(x):\n    assert x\n\nclass TestB:\n    def test_b(self):\n        pass\n',
      },
      expect: {
        outcome: 'pass',
        message: '2 test cases in 1 test file',
        evidence: [{ path: 'tests/test_app.py', line: 4 }],
        data: {
          testFiles: 1,
          testCases: 2,
          parametrized: 1,
          expandedCases: 4,
          byLanguage: { Python: { testCases: 2 } },
          byFramework: { pytest: { testFiles: 1 } },
        },
      },
    },
    {
      name: 'Vitest and Go in one repository',
      tree: {
        'package.json': JSON.stringify({ devDependencies: { vitest: '3' } }),
        'src/a.ts': 'export const a = 1;\n',
        'src/a.test.ts': "import { it } from 'vitest';\nit('a', () => {});\nit.skip('b', () => {});\n",
        'go.mod': 'module x\n',
        'pkg/b.go': 'package pkg\n',
        'pkg/b_test.go': 'package pkg\n\nfunc TestB(t *testing.T) {}\n\nfunc BenchmarkB(b *testing.B) {}\n',
      },
      expect: {
        outcome: 'pass',
        message: ['3 test cases', '1 skipped', '1 benchmarks'],
        data: {
          testCases: 3,
          skipped: 1,
          byFramework: { vitest: { testCases: 2 }, 'go test': { testCases: 1 } },
          go: { benchmarks: 1 },
        },
      },
    },
    {
      name: 'JUnit and xUnit',
      tree: {
        'src/main/java/App.java': 'class App {}\n',
        'src/test/java/AppTest.java':
          'import org.junit.jupiter.api.Test;\nclass AppTest {\n  @Test void works() {}\n}\n',
        'Calc/Calc.cs': 'class Calc {}\n',
        'Calc.Tests/CalcTests.cs':
          'public class CalcTests {\n  [Fact] public void Adds() {}\n  [Theory]\n  [InlineData(1)]\n  public void Many(int x) {}\n}\n',
      },
      expect: {
        outcome: 'pass',
        data: { testCases: 3, byFramework: { 'JUnit 5': { testCases: 1 }, xUnit: { testCases: 2 } } },
      },
    },
    {
      name: 'JUnit 5 meta-annotation: each use of @MultiLocaleTest is a test; its @interface declaration is none',
      tree: {
        'src/main/java/org/acme/Text.java': 'package org.acme;\npublic class Text {}\n',
        'src/test/java/org/acme/MultiLocaleExtension.java': [
          'package org.acme;',
          '',
          'import java.lang.annotation.*;',
          'import org.junit.jupiter.params.ParameterizedTest;',
          'import org.junit.jupiter.params.provider.ArgumentsSource;',
          '',
          'public class MultiLocaleExtension implements ArgumentsProvider {',
          '    @Documented',
          '    @Target(ElementType.METHOD)',
          '    @Retention(RetentionPolicy.RUNTIME)',
          '    @ArgumentsSource(MultiLocaleExtension.class)',
          '    @ParameterizedTest',
          '    public @interface MultiLocaleTest {',
          '    }',
          '}',
        ].join('\n'),
        'src/test/java/org/acme/TextTest.java': [
          'package org.acme;',
          '',
          'import org.junit.jupiter.api.Test;',
          '',
          'class TextTest {',
          '    @BeforeEach void setUp() {}',
          '',
          '    @MultiLocaleTest',
          '    void lowerCases(Locale locale) {}',
          '',
          '    @MultiLocaleExtension.MultiLocaleTest',
          '    public void upperCases(Locale locale) {}',
          '',
          '    @Test void plain() {}',
          '}',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: '3 test cases in 1 test file',
        evidence: [{ path: 'src/test/java/org/acme/TextTest.java', line: 8, snippet: '@MultiLocaleTest' }],
        data: { testCases: 3, parametrized: 2, byFramework: { 'JUnit 5': { testCases: 3 } } },
      },
    },
    {
      name: 'Ruby: a Minitest module and RSpec shared examples are declared once and run once per use',
      tree: fixtureTree('tests-ruby-shared'),
      expect: {
        outcome: 'pass',
        // Declared: Minitest account 1 + 2 shared (first user), family 2; RSpec fee 1 (xit) + 2 shared (first user), invoice 1, price 1.
        // Run: Minitest account 1 + 2, family 2 + 2; RSpec price 1 + 2, fee 1 + 2, invoice 1.
        message: '10 test cases in 5 test files',
        data: {
          testCases: 10,
          expandedCases: 14,
          skipped: 1,
          byFramework: { 'Rails/Minitest': { testFiles: 2, testCases: 5 }, RSpec: { testFiles: 3, testCases: 5 } },
        },
        evidence: [
          {
            path: 'spec/models/fee_spec.rb',
            line: 8,
            note: 'Ruby: 10 test cases in 5 files (RSpec, Rails/Minitest), 1 skipped, 14 cases run (shared tests run once per use)',
          },
        ],
      },
    },
    {
      name: 'Helm: helm test hooks and helm-unittest its are tests; chart-testing ci/*-values.yaml are install values, not tests',
      tree: fixtureTree('cmd-helm-charts'),
      expect: {
        outcome: 'pass',
        data: {
          testCases: 3,
          byFramework: { 'helm test': { testCases: 1 }, 'helm-unittest': { testCases: 2 } },
        },
        // A chart repository without program source: judged by the share of charts with a test.
        message: '1 of 2 charts has helm tests (3 test cases in 2 files); share 0.5, target 0.3.',
        evidence: [
          {
            path: 'charts/web/templates/tests/test-connection.yaml',
            note: '1 test case (helm test) for the chart in charts/web',
          },
          { path: 'charts/apps/Chart.yaml', note: 'no helm test or helm-unittest suite' },
        ],
      },
    },
    {
      name: "eslint-plugin: each element of a RuleTester's valid and invalid lists is a test, and the note says so",
      tree: plugin({
        'tests/lib/rules/no-float-money.js': tester(
          'no-float-money',
          "{\n  valid: ['const c = 100;', { code: 'toCents(1.5)' }],\n  invalid: [{ code: 'const p = 1.5;', errors: 1 }],\n}",
        ),
        'tests/lib/rules/prefer-cents.js': tester('prefer-cents', "{ valid: ['a', 'b', 'c'], invalid: [] }"),
      }),
      expect: {
        outcome: 'pass',
        message: '6 test cases in 2 test files',
        evidence: [
          {
            path: 'tests/lib/rules/no-float-money.js',
            line: 4,
            note: 'JavaScript/TypeScript: 6 test cases in 2 files (mocha), 6 of them rows of case tables given to test helpers',
          },
        ],
        data: { testCases: 6, fromTables: 6, testFiles: 2 },
      },
    },
  ],
  invalid: [
    {
      name: 'Pest feature tests nested in describe() count with the top-level unit tests (Laravel)',
      tree: {
        'composer.json': '{"require": {"laravel/framework": "^12.0"}, "require-dev": {"pestphp/pest": "^3.0"}}',
        'phpunit.xml':
          '<phpunit><testsuites><testsuite name="Unit"><directory>tests/Unit</directory></testsuite><testsuite name="Feature"><directory>tests/Feature</directory></testsuite></testsuites></phpunit>',
        'tests/Pest.php': "<?php\n\npest()->extend(Tests\\TestCase::class)->in('Feature');\n",
        'tests/Unit/FormatTest.php':
          "<?php\n\ntest('formats megabits', function () {\n    expect(format(1000))->toBe('1 Mbps');\n});\n",
        'tests/Feature/RouteTest.php':
          "<?php\n\ndescribe('routes', function () {\n    test('home redirects to login', function () {\n        $this->get('/')->assertRedirect('/login');\n    });\n\n    it('serves the login page', function () {\n        $this->get('/login')->assertOk();\n    });\n});\n",
        ...Object.fromEntries(
          Array.from({ length: 12 }, (_, i) => [`app/Services/S${i}.php`, `<?php\n\nclass S${i} {}\n`]),
        ),
      },
      expect: {
        outcome: 'partial',
        message: '3 test cases in 2 test files',
        data: { testCases: 3, testFiles: 2 },
        evidence: [{ path: 'tests/Feature/RouteTest.php', line: 4, note: 'PHP: 3 test cases in 2 files (Pest)' }],
      },
    },
    {
      name: 'JavaScript files under test/javascripts that no runner is configured to collect are not counted',
      tree: railsJs(false),
      expect: { outcome: 'fail', data: { testCases: 0 } },
    },
    {
      name: "terraform test files of a module `terraform init` downloaded under .terraform/ are not the repository's tests",
      tree: tftest(false),
      expect: { outcome: 'fail', data: { testCases: 0 } },
    },
    {
      name: 'unittest: a helper base that is no TestCase makes no tests of classes the runner does not collect by name',
      tree: baseViaHelper('RootCase(object)'),
      expect: { outcome: 'fail', data: { testCases: 0 } },
    },
    {
      name: 'a Terraform module with one Terratest file for four .tf files is below the ratio, not "0 source files (ratio 1)"',
      tree: tfModule(1),
      expect: {
        outcome: 'partial',
        message:
          '1 test case in 1 test file for 4 Terraform source files (ratio 0.25, target 0.3): fewer tests than code.',
        evidence: [{ path: 'test/src/example0_test.go', line: 5 }],
      },
    },
    {
      name: 'a `run` call shaped like a RuleTester on another object is not a test',
      tree: plugin({
        'tests/lib/rules/no-float-money.js':
          "const queue = require('../../../lib/queue');\nqueue.run('settle', handler, { retries: [1, 2, 3] });\n",
      }),
      expect: { outcome: 'fail', data: { testCases: 0 } },
    },
    {
      name: 'no tests at all: fail, saying where it looked',
      tree: { ...py(2), 'README.md': '# x\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }], data: { testCases: 0 } },
    },
    {
      name: 'commented-out tests and tests in strings are not tests',
      tree: {
        ...py(2),
        'tests/test_x.py': '# def test_old():\n#     pass\nDOC = """\ndef test_doc():\n    pass\n"""\n',
      },
      expect: { outcome: 'fail', data: { testCases: 0 } },
    },
    {
      name: 'few tests for much code: partial on the documented curve',
      tree: { ...py(20), 'tests/test_one.py': 'def test_one():\n    pass\n' },
      expect: {
        outcome: 'partial',
        score: [0.4, 0.45],
        message: 'fewer tests than code',
        data: { testFiles: 1, sourceFiles: 20 },
      },
    },
    {
      name: 'a ratio a hair under the target rounds to a pass, and the pass does not say "fewer tests than code" (round 13)',
      tree: { ...py(3), 'tests/test_one.py': 'def test_one():\n    pass\n' },
      options: { minRatio: 0.3334 },
      expect: {
        outcome: 'pass',
        message: '1 test case in 1 test file for 3 source files (ratio 0.333, target 0.3334).',
        absent: ['fewer tests than code'],
        data: { testFiles: 1, sourceFiles: 3 },
      },
    },
    {
      name: 'a test file the runner would not collect is named, not counted',
      tree: {
        ...py(2),
        'pyproject.toml': '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
        'scripts/test_tool.py': 'def test_tool():\n    pass\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'scripts/test_tool.py' }],
        data: { testCases: 0, notCollectedCount: 1 },
      },
    },
  ],
});

describe('tests-present scoring curve', () => {
  it('rises from 0.3 with any test to 1 at the target ratio', () => {
    expect(ratioScore(0, 0.3)).toBeCloseTo(0.3);
    expect(ratioScore(0.15, 0.3)).toBeCloseTo(0.65);
    expect(ratioScore(0.3, 0.3)).toBe(1);
    expect(ratioScore(2, 0.3)).toBe(1);
  });
});
