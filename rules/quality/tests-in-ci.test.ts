import { describe, expect, it } from 'vitest';
import { fixtureTree } from '../../src/testing/fixtures.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './tests-in-ci.js';

const gha = (steps: string) =>
  `name: ci\non: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

ruleTester(rule, {
  valid: [
    {
      name: "`uv run --no-sync coverage run quicktest.py` runs a repository script that starts Django's DiscoverRunner (round 18)",
      tree: {
        'pyproject.toml': '[project]\nname = "shopdesk"\ndependencies = ["Django>=4.2"]\n',
        '.github/workflows/ci.yml': gha(
          '      - run: |\n          cd ${GITHUB_WORKSPACE} && uv run --no-sync coverage run quicktest.py\n',
        ),
        'quicktest.py':
          'import sys\nimport django\nfrom django.conf import settings\n\nsettings.configure(INSTALLED_APPS=["shopdesk"])\ndjango.setup()\nfrom django.test.runner import DiscoverRunner\n\nfailures = DiscoverRunner(verbosity=1).run_tests(sys.argv[1:] or ["."])\nsys.exit(bool(failures))\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'quicktest.py',
            line: 9,
            note: 'job build runs tests: .github/workflows/ci.yml:9 → quicktest.py:9 → Django tests; quicktest.py loads Django tests and runs the tests',
          },
        ],
      },
    },
    {
      name: 'make test reaching a catch-all `%:` rule whose recipe runs the Go build program with the name (round 16)',
      tree: {
        'go.mod': 'module example.com/flags\n',
        '.github/workflows/ci.yml': gha('      - run: make test\n'),
        Makefile: 'GO_RUN_BUILD := go run scripts/build.go\n\n%:\n\t$(GO_RUN_BUILD) $(GFLAGS) $* $(FLAGS)\n',
        'scripts/build.go':
          'package main\n\nimport "os/exec"\n\nvar commands = map[string]func() error{\n\t"vet":  vet,\n\t"test": test,\n}\n\nfunc vet() error { return exec.Command("go", "vet", "./...").Run() }\n\nfunc test() error {\n\treturn exec.Command("go", "test", "-race", "./...").Run()\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'scripts/build.go',
            line: 13,
            note: 'job build runs tests: .github/workflows/ci.yml:8 → Makefile:4 (make test) → scripts/build.go:13 (scripts/build.go test) → go test',
          },
        ],
      },
    },
    {
      name: '`pnpm -C apps/core exec vitest run --shard` is the sharded test job (round 16)',
      tree: {
        '.github/workflows/ci.yml': gha(
          '      - run: pnpm -C apps/core exec vitest run --shard=${{ matrix.shard }}/3\n',
        ),
        'apps/core/package.json': '{"name":"core","devDependencies":{"vitest":"3.0.0"}}\n',
      },
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests (Vitest)',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 8,
            note: 'job build runs tests: .github/workflows/ci.yml:8 → Vitest',
          },
        ],
      },
    },
    {
      name: 'GitHub Actions job running npm test: the chain reaches the runner through package.json',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: npm ci\n      - run: npm test\n'),
        'package.json': '{\n  "scripts": {\n    "test": "vitest run"\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests (Vitest)',
        evidence: [
          {
            path: 'package.json',
            line: 3,
            note: 'job build runs tests: .github/workflows/ci.yml:9 → package.json:3 (npm script test) → Vitest',
          },
        ],
        data: {
          jobs: [{ file: '.github/workflows/ci.yml', job: 'build', line: 3, command: 'vitest run', runner: 'Vitest' }],
        },
      },
    },
    {
      name: 'GitLab CI pytest in a multi-line script',
      tree: {
        '.gitlab-ci.yml':
          'stages: [test]\nunit:\n  stage: test\n  script:\n    - pip install -r requirements.txt\n    - python -m pytest -q\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: '.gitlab-ci.yml', line: 6, note: 'job unit runs tests: .gitlab-ci.yml:6 → pytest' }],
        data: { jobs: [{ job: 'unit', runner: 'pytest' }] },
      },
    },
    {
      name: 'Jenkinsfile running mvn verify and go test in two stages; Maven tests are implied by its lifecycle',
      tree: {
        Jenkinsfile:
          "pipeline {\n  stages {\n    stage('java') { steps { sh './mvnw -B verify' } }\n    stage('go') { steps { sh 'go test ./...' } }\n  }\n}\n",
      },
      expect: {
        outcome: 'pass',
        message: '2 CI jobs run the tests',
        evidence: [
          {
            path: 'Jenkinsfile',
            line: 3,
            note: 'job java runs tests: Jenkinsfile:3 → JUnit/TestNG; mvn verify runs the test phase (Surefire)',
          },
        ],
        data: {
          jobs: [
            { job: 'java', runner: 'JUnit/TestNG' },
            { job: 'go', runner: 'go test' },
          ],
        },
      },
    },
    {
      name: 'a job that runs a PowerShell build script: the test line inside the script is cited',
      tree: {
        '.github/workflows/ci.yml': gha('      - name: Build and Test\n        run: ./Build.ps1\n'),
        'Build.ps1':
          '$ErrorActionPreference = "Stop"\n# dotnet test is below\ndotnet build -c Release\ndotnet test -c Release --no-build\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'Build.ps1',
            line: 4,
            note: 'job build runs tests: .github/workflows/ci.yml:9 → Build.ps1:4 → dotnet test',
          },
        ],
      },
    },
    {
      name: 'make coverage in CI: the recipe and its prerequisite are followed; a target CI does not run is not',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: make coverage\n'),
        Makefile:
          '.PHONY: coverage\ncoverage: deps\n\tcoverage run -m unittest\n\tcoverage report --fail-under=90\n\ndeps:\n\tpip install -r requirements.txt\n\nother:\n\tpytest\n',
      },
      expect: {
        outcome: 'pass',
        message: '(unittest)',
        evidence: [
          {
            path: 'Makefile',
            line: 3,
            note: 'job build runs tests: .github/workflows/ci.yml:8 → Makefile:3 (make coverage) → unittest',
          },
        ],
        data: { jobs: [{ file: '.github/workflows/ci.yml', line: 3 }] },
      },
    },
    {
      name: 'cmd-npm-scripts: npm test → run-s test:* → Jest, in one job',
      tree: fixtureTree('cmd-npm-scripts'),
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests (Jest)',
        evidence: [
          {
            path: 'package.json',
            line: 9,
            note: 'job check runs tests: .github/workflows/ci.yml:16 → package.json:8 (npm script test) → package.json:9 (npm script test:unit) → Jest',
          },
        ],
      },
    },
    {
      name: 'cmd-dotnet-nuke: ./build.cmd Test → the NUKE target calling DotNetTest',
      tree: fixtureTree('cmd-dotnet-nuke'),
      expect: { outcome: 'pass', evidence: [{ path: 'build/Build.cs', line: 23 }] },
    },
    {
      name: 'cmd-composite-action: composite action → tox → pytest',
      tree: fixtureTree('cmd-composite-action'),
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'tox.ini', line: 7 }],
        data: { jobs: [{ job: 'checks', runner: 'pytest' }] },
      },
    },
    {
      name: 'Travis without a script: language java runs mvn test by default (class: platform defaults)',
      tree: fixtureTree('cmd-travis-maven'),
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests (JUnit/TestNG)',
        evidence: [
          {
            path: '.travis.yml',
            line: 2,
            note: 'job (default) runs tests: .travis.yml:2 (Travis default script for java) → JUnit/TestNG; mvn test runs the test phase (Surefire)',
          },
        ],
      },
    },
    {
      name: 'tests run inside a compose service: /app/tests-start.sh is backend/tests-start.sh through the mount',
      tree: fixtureTree('cmd-compose-exec'),
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'backend/scripts/test.sh',
            line: 4,
            note: 'job test runs tests: .github/workflows/test.yml:13 → backend/tests-start.sh:6 → backend/scripts/test.sh:4 → pytest',
          },
        ],
      },
    },
    {
      name: 'Helm charts: helm unittest is a test run, and so is ct install in a chart repository (installed in a throwaway cluster, then helm test)',
      tree: fixtureTree('cmd-helm-charts'),
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests (chart-testing install and helm unittest)',
        evidence: [{ path: '.github/workflows/lint-test.yml', line: 17 }],
      },
    },
    {
      name: 'an Nx workspace: npm test → dotenv-cli → nx run-many --target=test → the jest executor of each project',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: npm ci\n      - run: npm test\n'),
        'package.json':
          '{\n  "scripts": {\n    "test": "npx dotenv-cli -e .env.example -- npx nx run-many --target=test --all --parallel=4"\n  }\n}\n',
        'apps/api/project.json':
          '{\n  "name": "api",\n  "targets": {\n    "test": {\n      "executor": "@nx/jest:jest",\n      "options": { "jestConfig": "apps/api/jest.config.ts" }\n    }\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: '(Jest)',
        evidence: [
          {
            path: 'apps/api/project.json',
            line: 4,
            note: 'job build runs tests: .github/workflows/ci.yml:9 → package.json:3 (npm script test) → apps/api/project.json:4 (nx target test) → Jest',
          },
        ],
      },
    },
    {
      name: 'a Bullseye build program run by `dotnet run --project build/build.csproj`: its test target runs dotnet test',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: dotnet run --project build/build.csproj\n'),
        'build/build.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Bullseye" />\n  </ItemGroup>\n</Project>\n',
        'build/Program.cs':
          'using static Bullseye.Targets;\nusing static SimpleExec.Command;\n\nTarget("build", () => Run("dotnet", "build Shop.sln"));\nTarget("test", DependsOn("build"), () => Run("dotnet", "test tests/Shop.Tests/Shop.Tests.csproj --no-build"));\nTarget("default", DependsOn("test"));\nawait RunTargetsAndExitAsync(args);\n',
        'tests/Shop.Tests/Shop.Tests.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="xunit" />\n  </ItemGroup>\n</Project>\n',
        'tests/Shop.Tests/CartTests.cs': 'public class CartTests\n{\n    [Fact]\n    public void Empty() { }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests (dotnet test)',
        evidence: [
          {
            path: 'build/Program.cs',
            line: 5,
            note: 'job build runs tests: .github/workflows/ci.yml:8 → build/Program.cs:5 (Bullseye target test) → dotnet test',
          },
        ],
      },
    },
    {
      name: "a gem's CI runs bare `bundle exec rake`: the default task's prerequisites reach the RSpec task",
      tree: {
        '.github/workflows/ci.yml': gha('      - run: bundle exec rake\n'),
        Gemfile: 'source "https://rubygems.org"\ngemspec\n',
        Rakefile:
          'require "rspec/core/rake_task"\n\nRSpec::Core::RakeTask.new("spec:core")\n\ntask ci: %w[spec:core]\n\ntask default: :ci\n',
        'spec/cart_spec.rb': 'RSpec.describe "cart" do\n  it "is empty" do\n    expect([]).to be_empty\n  end\nend\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'Rakefile',
            line: 3,
            note: 'job build runs tests: .github/workflows/ci.yml:8 → Rakefile:3 (rake spec:core) → RSpec',
          },
        ],
      },
    },
    {
      name: 'a Rakefile that imports task files: `rake ci` reaches the RSpec task defined in tasks/spec.rake (round 10, gem)',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: bundle exec rake ci\n'),
        Gemfile: 'source "https://rubygems.org"\ngemspec\n',
        Rakefile:
          'require "bundler/gem_tasks"\n\nFileList["tasks/**/*.rake"].each(&method(:import))\n\ndesc "Run all specs"\ntask ci: %w[ spec ]\n\ntask default: :spec\n',
        'tasks/spec.rake':
          'begin\n  require "rspec/core/rake_task"\n\n  desc "Run all specs"\n  RSpec::Core::RakeTask.new(:spec) do |task|\n    task.pattern = "spec/**/*_spec.rb"\n  end\nrescue LoadError\nend\n',
        'spec/prompt_spec.rb': 'RSpec.describe "prompt" do\n  it "asks" do\n    expect(1).to eq(1)\n  end\nend\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'tasks/spec.rake',
            line: 5,
            note: 'job build runs tests: .github/workflows/ci.yml:8 → tasks/spec.rake:5 (rake spec) → RSpec',
          },
        ],
      },
    },
    {
      name: "task files loaded by Dir.glob(...).each { load } and rake's rakelib/ add their tasks too",
      tree: {
        '.github/workflows/ci.yml': gha('      - run: bundle exec rake test:all\n'),
        Gemfile: 'source "https://rubygems.org"\ngemspec\n',
        Rakefile: 'Dir.glob("lib/tasks/*.rake").each { |f| load f }\n',
        'lib/tasks/test.rake': 'namespace :test do\n  task all: %w[unit]\nend\n',
        'rakelib/unit.rake': 'require "rake/testtask"\nRake::TestTask.new(:unit)\n',
        'test/unit_test.rb':
          'require "minitest/autorun"\nclass UnitTest < Minitest::Test\n  def test_it; assert true; end\nend\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'rakelib/unit.rake', line: 2 }] },
    },
    {
      name: 'a shell variable as the program: `RUNNER=cargo`, `cross` under a condition, then `$RUNNER test` runs either (round 12, Rust CLI)',
      tree: {
        '.github/workflows/ci.yml': gha(
          [
            '      - name: Test',
            '        run: |',
            '          RUNNER=cargo',
            '          [ -n "${{ matrix.use_cross }}" ] && RUNNER=cross',
            '          $RUNNER test --locked --target=${{ matrix.target }}',
            '',
          ].join('\n'),
        ),
        'Cargo.toml': '[package]\nname = "tally"\nversion = "0.1.0"\n',
      },
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests (cargo test and cross test)',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 12,
            note: 'job build runs tests: .github/workflows/ci.yml:12 → cargo test',
          },
        ],
      },
    },
    {
      name: 'the program from the job env: `env: {TEST_CMD: pytest}` then `$TEST_CMD -q`',
      tree: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  unit:\n    runs-on: ubuntu-latest\n    env:\n      TEST_CMD: pytest\n    steps:\n      - run: ${TEST_CMD} -q tests\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 8,
            note: 'job unit runs tests: .github/workflows/ci.yml:8 → pytest',
          },
        ],
      },
    },
    {
      name: "a console script of the project that wraps Django's command line: `ledger-manage test` is manage.py test (round 12, Django app)",
      tree: {
        '.github/workflows/ci.yml': gha(
          '      - run: pip install .\n      - run: ledger-manage test `ledger-manage shell -c "print(1)"` ledger -v2\n',
        ),
        'pyproject.toml':
          '[project]\nname = "ledger"\n\n[project.scripts]\nledger-manage = "ledger.scripts.manage:main"\n',
        'ledger/scripts/manage.py':
          'import os\nimport sys\n\n\ndef main():\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ledger.settings")\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n',
      },
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests (Django tests)',
        evidence: [
          {
            path: 'pyproject.toml',
            line: 5,
            note: 'job build runs tests: .github/workflows/ci.yml:9 → pyproject.toml:5 (console script ledger-manage → ledger/scripts/manage.py) → Django tests',
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a variable that only ever holds a build program: `$RUNNER build` builds, tests nothing',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: |\n          RUNNER=cargo\n          $RUNNER build --release\n'),
        'Cargo.toml': '[package]\nname = "tally"\nversion = "0.1.0"\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a console script whose entry is a click group of the project: what it runs is unknown, not a test runner',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: pip install .\n      - run: ledger sync --dry-run\n'),
        'pyproject.toml': '[project]\nname = "ledger"\n\n[project.scripts]\nledger = "ledger.cli:main"\n',
        'ledger/cli.py': 'import click\n\n\n@click.group()\ndef main():\n    pass\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'jobs handed to shared workflows of another repository: whether they test is unknown, not a fail (round 8, Terraform module)',
      tree: {
        '.github/workflows/branch.yml':
          'on: push\njobs:\n  terraform-module:\n    uses: acme/.github/.github/workflows/shared-terraform-module.yml@main\n    secrets: inherit\n',
        '.github/workflows/chatops.yml':
          'on: issue_comment\njobs:\n  test:\n    uses: acme/.github/.github/workflows/shared-terraform-chatops.yml@main\n',
        'main.tf': 'resource "aws_s3_bucket" "b" {}\n',
        'test/src/examples_complete_test.go': 'package test\nfunc TestExamplesComplete(t *testing.T) {}\n',
      },
      expect: {
        outcome: 'unknown',
        message: 'reusable workflows of another repository (acme/.github/.github/workflows/shared-terraform-module.yml',
        evidence: [{ path: '.github/workflows/branch.yml', line: 4 }],
      },
    },
    {
      name: 'a job handed to a shared workflow of another repository is unknown whatever its name (round 10, .NET library nuget.yml)',
      tree: {
        '.github/workflows/main.yml': [
          'on:',
          '  push:',
          '    branches: [prime]',
          'jobs:',
          '  main:',
          '    uses: acme/.github/.github/workflows/nuget.yml@prime',
          '    secrets:',
          '      CODECOV_TOKEN: ${{ secrets.CODECOV_TOKEN }}',
          '',
        ].join('\n'),
        'Lib/Lib.csproj':
          '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><IsPackable>true</IsPackable></PropertyGroup></Project>\n',
        'Lib/Parser.cs':
          'namespace Lib;\npublic static class Parser { public static int Parse(string s) => int.Parse(s); }\n',
        'Lib.Tests/Lib.Tests.csproj':
          '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" Version="2.9.0" /></ItemGroup></Project>\n',
      },
      expect: {
        outcome: 'unknown',
        message: ['acme/.github/.github/workflows/nuget.yml', 'no job here runs a test command'],
        evidence: [{ path: '.github/workflows/main.yml', line: 6, note: expect.stringContaining('not followed') }],
      },
    },
    {
      name: 'a remote reusable workflow named for release notes only does not stand in for tests: still a fail',
      tree: {
        '.github/workflows/release.yml':
          'on: push\njobs:\n  publish:\n    uses: acme/.github/.github/workflows/shared-release-notes.yml@main\n',
        'main.tf': 'resource "aws_s3_bucket" "b" {}\n',
      },
      expect: { outcome: 'fail', message: 'no job runs a test command' },
    },
    {
      name: 'an infrastructure repository without code or tests whose Azure pipeline extends a template of another repository: fail, nothing here to test (round 36)',
      tree: {
        'pipelines/infra-ci.yml':
          'trigger:\n  branches:\n    include: [main]\nresources:\n  repositories:\n    - repository: templates\n      type: github\n      name: org/templates\nextends:\n  template: stages/wrapper_ci.yml@templates\n',
        'app/main.tf': 'resource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "uksouth"\n}\n',
      },
      expect: { outcome: 'fail', message: 'CI is configured (1 file) but no job runs a test command' },
    },
    {
      name: 'an Nx workspace whose test target only builds: nx run-many -t test runs no test runner',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: npx nx run-many -t test\n'),
        'apps/api/project.json':
          '{\n  "name": "api",\n  "targets": {\n    "test": {\n      "executor": "@nx/webpack:webpack"\n    }\n  }\n}\n',
      },
      expect: { outcome: 'fail', message: 'no job runs a test command' },
    },
    {
      name: 'two jobs that run the same script line are counted as two jobs and cited once, naming both (round 5)',
      tree: {
        '.github/workflows/cli.yml':
          'on: push\njobs:\n  static-relational:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash test/run-static.sh relational\n  static-document:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash test/run-static.sh document\n',
        'test/run-static.sh': '#!/bin/sh\nset -e\nnpx jest --config test/jest-e2e.json\n',
        'package.json': '{"devDependencies":{"jest":"29"}}',
      },
      expect: {
        outcome: 'pass',
        message: '2 CI jobs run the tests (Jest)',
        evidence: [
          { path: 'test/run-static.sh', line: 3, note: expect.stringContaining('; also run by job static-document') },
        ],
      },
    },
    {
      name: 'a chart repository whose only test is ct install runs it in CI: the install is cited (round 5, nextcloud/helm)',
      profile: 'infrastructure',
      tree: {
        '.github/workflows/lint-test.yaml': gha(
          '      - uses: helm/chart-testing-action@v2\n      - run: ct lint --config ct.yaml\n      - uses: helm/kind-action@v1\n      - run: ct install --config ct.yaml\n',
        ),
        'ct.yaml': 'chart-dirs:\n  - charts\n',
        'charts/cloud/Chart.yaml': 'apiVersion: v2\nname: cloud\nversion: 1.0.0\n',
        'charts/cloud/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
      },
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests (chart-testing install)',
        evidence: [{ path: '.github/workflows/lint-test.yaml', line: 11, note: expect.stringContaining('runs tests') }],
      },
    },
    {
      name: 'a chart repository whose charts ship their own scripts and exporter source still tests by ct install (round 17)',
      profile: 'infrastructure',
      tree: {
        '.github/workflows/chart-testing.yml': gha(
          '      - uses: helm/chart-testing-action@v2\n      - run: ct lint --config ci/ct.yaml\n      - uses: helm/kind-action@v1\n      - run: ct install --config ci/ct.yaml\n',
        ),
        'ci/ct.yaml': 'chart-dirs:\n  - stable\n',
        'stable/cost-exporter/Chart.yaml': 'apiVersion: v2\nname: cost-exporter\nversion: 0.3.0\n',
        'stable/cost-exporter/templates/cronjob.yaml': 'apiVersion: batch/v1\nkind: CronJob\n',
        'stable/cost-exporter/docker/exporter.py': 'import json\n\n\ndef main():\n    print(json.dumps({}))\n',
        'stable/repack/Chart.yaml': 'apiVersion: v2\nname: repack\nversion: 1.0.0\n',
        'stable/repack/files/run.sh': '#!/bin/sh\nset -e\npg_repack --all\n',
      },
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests (chart-testing install)',
        evidence: [
          { path: '.github/workflows/chart-testing.yml', line: 11, note: expect.stringContaining('runs tests') },
        ],
      },
    },
    {
      name: 'a Go server whose only CI installs its Helm chart with chart-testing: its go tests never run',
      tree: {
        '.github/workflows/lint-test-chart.yml': gha(
          '      - uses: helm/chart-testing-action@v2\n      - run: ct lint --config .github/ct.yaml\n      - uses: helm/kind-action@v1\n      - run: ct install --config .github/ct.yaml\n',
        ),
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
        'charts/api/ci/ha-values.yaml': 'replicas: 2\n',
        'pkg/api/api_test.go': 'package api\n\nimport "testing"\n\nfunc TestServe(t *testing.T) {}\n',
      },
      expect: { outcome: 'fail', message: 'no job runs a test command' },
    },
    {
      name: 'no CI at all',
      tree: { 'package.json': '{"scripts":{"test":"vitest"}}' },
      expect: { outcome: 'fail', message: 'No CI configuration', evidence: [{ path: '.' }] },
    },
    {
      name: 'CI builds and lints but runs no tests; a commented-out test step does not count',
      tree: {
        '.github/workflows/ci.yml': gha(
          '      - run: npm run lint\n      - run: npm run build\n      # - run: npm test\n',
        ),
        'package.json': '{"scripts":{"lint":"eslint .","build":"tsc","test":"jest"}}',
      },
      expect: { outcome: 'fail', message: 'no job runs a test command' },
    },
    {
      name: 'cmd-echo-only: an echoed runner, a test.sh that builds and npm placeholder test script are not test runs',
      tree: fixtureTree('cmd-echo-only'),
      expect: { outcome: 'fail', message: 'no job runs a test command', data: { jobs: [] } },
    },
    {
      name: 'a CI step calling a script that package.json does not define is named as not followed',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: npm run test:ci\n'),
        'package.json': '{\n  "scripts": {\n    "test": "jest"\n  }\n}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: '.github/workflows/ci.yml', line: 8, note: 'not followed: package.json has no script "test:ci"' },
        ],
      },
    },
    {
      name: 'cmd-advisory: a step switched off with if: false, an echo and a commented-out job run no tests',
      tree: fixtureTree('cmd-advisory'),
      expect: { outcome: 'fail', message: 'no job runs a test command', data: { jobs: [] } },
    },
  ],
});

describe('tests-in-ci: which run is cited first', () => {
  it("the matrix job's `uvx … tox -e py` (a continued `{envpython} -m pytest` command) before a benchmark job", async () => {
    const job = (name: string, run: string) =>
      `on: [push]\njobs:\n  ${name}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;
    const run = await runRuleOn(rule, {
      '.github/workflows/benchmark.yml': job('benchmarks', 'pytest tests/test_speed.py --codspeed'),
      '.github/workflows/test.yml': job('test', 'uvx --python 3.13 --with tox-uv tox -e py'),
      'tox.ini':
        '[tox]\nenv_list = py\n\n[testenv]\ncommands =\n    {envpython} -m pytest \\\n      --cov humane \\\n      {posargs}\n',
      'pyproject.toml': '[project]\nname = "humane"\n',
      'tests/test_speed.py': 'def test_fast():\n    assert True\n',
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('2 CI jobs run the tests (pytest)');
    expect(run.evidence[0]).toMatchObject({
      path: 'tox.ini',
      line: 6,
      note: 'job test runs tests: .github/workflows/test.yml:7 → tox.ini:6 (tox env py) → pytest',
    });
    expect(run.evidence[1]).toMatchObject({ path: '.github/workflows/benchmark.yml', line: 7 });
  });

  it('a tox matrix whose suite runs as `{env:SUITE_CMD:pytest} {posargs}` in [testenv] is cited before its benchmark env (round 19)', async () => {
    const run = await runRuleOn(rule, {
      '.github/workflows/test.yml':
        'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        include:\n          - name: bench\n            tox_env: benchmark\n          - name: py312\n            tox_env: py312\n    steps:\n      - uses: actions/checkout@v4\n      - run: tox run\n        env:\n          TOX_ENV: ${{ matrix.tox_env }}\n',
      'tox.ini':
        '[tox]\nenvlist=py{311,312}\n\n[testenv]\ncommands=\n  {env:_HOOKS_TOX_CMD:pytest} {posargs}\n  coverage: coverage xml\nsetenv=\n  coverage: _HOOKS_TOX_CMD=coverage run -m pytest\n\n[testenv:benchmark]\ncommands=pytest {posargs:testing/benchmark.py}\n',
      'pyproject.toml': '[project]\nname = "hooks"\n',
      'testing/test_hooks.py': 'def test_call():\n    assert True\n',
      'testing/benchmark.py': 'def test_speed(benchmark):\n    benchmark(lambda: 1)\n',
    });
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'tox.ini',
      line: 6,
      note: 'job test runs tests: .github/workflows/test.yml:14 → tox.ini:6 (tox env py312) → pytest',
    });
  });
});
