import { expect } from 'vitest';
import { fixtureTree } from '../../src/testing/fixtures.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './coverage-gate.js';

const cov = (linesCovered: number, linesTotal: number) => ({
  path: 'coverage/lcov.info',
  format: 'lcov' as const,
  linesCovered,
  linesTotal,
  percent: Math.round((linesCovered / linesTotal) * 10000) / 100,
});
const junit = (passed: number, failed: number) => ({
  path: 'junit.xml',
  tests: passed + failed,
  passed,
  failed,
  skipped: 0,
  failures: failed ? ['Calc › adds'] : [],
});

ruleTester(rule, {
  valid: [
    {
      name: 'Jest coverageThreshold in jest.config.js',
      tree: {
        'jest.config.js':
          'module.exports = {\n  collectCoverage: true,\n  coverageThreshold: { global: { lines: 85 } },\n};\n',
      },
      expect: { outcome: 'pass', message: 'Jest coverageThreshold', evidence: [{ path: 'jest.config.js', line: 3 }] },
    },
    {
      name: 'Vitest coverage.thresholds',
      tree: {
        'vitest.config.ts':
          "export default defineConfig({ test: { coverage: {\n  provider: 'v8',\n  thresholds: { lines: 90 },\n} } });\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'vitest.config.ts', line: 3 }] },
    },
    {
      name: 'coverage.py fail_under in pyproject.toml, with its value',
      tree: { 'pyproject.toml': '[tool.coverage.report]\nshow_missing = true\nfail_under = 92\n' },
      expect: {
        outcome: 'pass',
        message: '92',
        evidence: [{ path: 'pyproject.toml', line: 3 }],
        data: { thresholds: [{ tool: 'coverage.py fail_under', value: 92 }] },
      },
    },
    {
      name: 'a script run by the make target CI calls that exits 1 unless packages are fully covered is a gate',
      tree: {
        'go.mod': 'module example.com/api\n',
        Makefile: 'test:\n\tgo test ./... -coverprofile=coverage.out\n\t./hack/coverage.sh\n',
        'hack/coverage.sh':
          '#!/usr/bin/env bash\nFAIL=false\nfor PKG in crypto reloader; do\n  MISSING=$(go tool cover -func=coverage.out | grep "^example.com/api/internal/$PKG/" | grep -v \'100.0%$\')\n  COUNT=$(echo "$MISSING" | wc -l)\n  if [ "$COUNT" -gt 1 ]; then\n    echo "package $PKG is not fully covered"\n    FAIL=true\n  fi\ndone\nif [ "$FAIL" = true ]; then\n  exit 1\nfi\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Coverage is gated: coverage check script.',
        evidence: [
          {
            path: 'hack/coverage.sh',
            line: 4,
            note: expect.stringContaining('.github/workflows/ci.yml:6 → Makefile:3 (make test) → hack/coverage.sh:4'),
          },
        ],
      },
    },
    {
      name: 'pytest-cov --cov-fail-under in a workflow',
      tree: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest --cov=app --cov-fail-under=80\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: '.github/workflows/ci.yml', line: 6 }] },
    },
    {
      name: 'pytest addopts with --cov-fail-under on a line of its own (not a `--` comment), CI runs pytest through a script',
      tree: {
        'pyproject.toml':
          "[tool.pytest.ini_options]\ntestpaths = \"tests\"\naddopts = '''\n  --strict-markers\n  --cov=app\n  --cov-report=xml\n  --cov-fail-under=95\n'''\n",
        'scripts/test': '#!/usr/bin/env bash\nset -e\npytest --cov=app ${@}\n',
        '.github/workflows/tests.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./scripts/test\n',
        'app/main.py': 'def main():\n    return 1\n',
        'tests/test_main.py': 'from app.main import main\n\ndef test_main():\n    assert main() == 1\n',
      },
      expect: {
        outcome: 'pass',
        message: 'pytest-cov --cov-fail-under',
        evidence: [{ path: 'pyproject.toml', line: 7 }],
      },
    },
    {
      name: 'JaCoCo check rule with a minimum in pom.xml',
      tree: {
        'pom.xml':
          '<project>\n<plugin><artifactId>jacoco-maven-plugin</artifactId>\n<limit><counter>LINE</counter><value>COVEREDRATIO</value>\n<minimum>0.80</minimum></limit>\n</plugin></project>\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'pom.xml', line: 4 }] },
    },
    {
      name: 'coverlet threshold in CI',
      tree: {
        '.github/workflows/ci.yml':
          'jobs:\n  t:\n    steps:\n      - run: dotnet test /p:CollectCoverage=true /p:Threshold=80\n',
      },
      expect: { outcome: 'pass', message: 'coverlet' },
    },
    {
      name: 'measured coverage at or above 80% and no failing test',
      tree: { 'README.md': '# x\n' },
      artifacts: { coverage: [cov(850, 1000)], junit: [junit(40, 0)] },
      expect: {
        outcome: 'pass',
        message: ['85% of lines', '40 tests passed'],
        evidence: [{ path: 'coverage/lcov.info' }, { path: 'junit.xml' }],
        data: { measured: { linePercent: 85, tests: { failed: 0 } } },
      },
    },
    {
      name: 'a floor in a script CI runs inside a compose service: the chain reaches coverage report --fail-under',
      tree: fixtureTree('cmd-compose-exec'),
      expect: {
        outcome: 'pass',
        message: 'coverage.py --fail-under (85)',
        evidence: [
          {
            path: 'backend/scripts/test.sh',
            line: 5,
            note: 'job test enforces a coverage floor: .github/workflows/test.yml:13 → backend/tests-start.sh:6 → backend/scripts/test.sh:5 → coverage.py --fail-under',
          },
        ],
        data: {
          thresholds: [{ tool: 'coverage.py --fail-under', path: 'backend/scripts/test.sh', line: 5, value: 85 }],
        },
      },
    },
    {
      name: 'a JaCoCo check goal bound in pom.xml, run by mvn verify in CI, with its minimum',
      tree: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./mvnw -B verify\n',
        'pom.xml':
          '<project>\n<build><plugins><plugin>\n<artifactId>jacoco-maven-plugin</artifactId>\n<executions><execution><goals><goal>check</goal></goals>\n<configuration><rules><rule><limits><limit><minimum>0.75</minimum></limit></limits></rule></rules></configuration>\n</execution></executions>\n</plugin></plugins></build></project>\n',
      },
      expect: { outcome: 'pass', message: ['JaCoCo', '75'] },
    },
    {
      name: 'Kover applied through a catalogue alias, with a verify rule minBound: a gate (round 12)',
      tree: {
        'gradle/libs.versions.toml': '[plugins]\nkover = { id = "org.jetbrains.kotlinx.kover", version = "0.9.1" }\n',
        'build.gradle.kts':
          'plugins {\n  application\n  alias(libs.plugins.kover)\n}\n\nkover {\n  reports {\n    verify {\n      rule {\n        minBound(80)\n      }\n    }\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Coverage is gated: Kover verify rule (80).',
        evidence: [{ path: 'build.gradle.kts', line: 10, snippet: 'minBound(80)', note: 'Kover verify rule' }],
      },
    },
    {
      name: 'SimpleCov minimum_coverage in the test helper',
      tree: { 'test/test_helper.rb': 'require "simplecov"\nSimpleCov.start "rails" do\n  minimum_coverage 90\nend\n' },
      expect: {
        outcome: 'pass',
        message: 'SimpleCov minimum_coverage (90)',
        evidence: [{ path: 'test/test_helper.rb', line: 3 }],
      },
    },
  ],
  invalid: [
    {
      name: 'a generated jest.config.js whose coverageThreshold is commented out gates nothing',
      tree: {
        'package.json': '{\n  "scripts": { "test": "jest" },\n  "devDependencies": { "jest": "29" }\n}\n',
        'jest.config.js':
          "module.exports = {\n  // An object that configures minimum threshold enforcement for coverage results\n  // coverageThreshold: undefined,\n  testEnvironment: 'jsdom',\n};\n",
        'src/a.test.js': "test('a', () => {});\n",
      },
      expect: { outcome: 'fail', message: 'Coverage is neither measured nor gated.' },
    },
    {
      name: 'Kover applied through a catalogue alias without a verify rule: measured, not gated (round 12)',
      tree: {
        'gradle/libs.versions.toml': '[plugins]\nkover = { id = "org.jetbrains.kotlinx.kover", version = "0.9.1" }\n',
        'build.gradle.kts': 'plugins {\n  application\n  alias(libs.plugins.kover)\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'Coverage is collected (configured, not seen in CI), but no threshold fails the build when it drops.',
        evidence: [
          {
            path: 'build.gradle.kts',
            line: 3,
            snippet: 'alias(libs.plugins.kover) (Kover plugin)',
            note: 'coverage collection configured',
          },
        ],
      },
    },
    {
      name: "SimpleCov started behind ENV['COVERAGE'], which the CI test step sets: measured in CI, no floor",
      tree: {
        Gemfile: "gem 'rspec-rails'\ngem 'simplecov', require: false\n",
        'spec/spec_helper.rb': "require 'simplecov'\nSimpleCov.start 'rails' if ENV['COVERAGE']\n",
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Run\n        env:\n          RAILS_ENV: test\n          COVERAGE: true\n        run: bundle exec rspec\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'Coverage is measured in CI (SimpleCov), but no threshold fails the build when it drops.',
        evidence: [
          { path: 'spec/spec_helper.rb', line: 2, note: 'SimpleCov starts when COVERAGE is set' },
          { path: '.github/workflows/ci.yml', line: 9, note: 'CI sets COVERAGE' },
        ],
      },
    },
    {
      name: "a gem's SimpleCov in spec/support/coverage.rb (required by spec_helper), env set by the job, tests behind bare `rake`",
      tree: {
        Gemfile: 'source "https://rubygems.org"\ngemspec\ngem "simplecov", require: false\n',
        'shape.gemspec': 'Gem::Specification.new do |s|\n  s.name = "shape"\nend\n',
        Rakefile: 'require "rspec/core/rake_task"\n\nRSpec::Core::RakeTask.new(:spec)\n\ntask default: :spec\n',
        'spec/spec_helper.rb': 'require_relative "support/coverage"\n',
        'spec/support/coverage.rb':
          '# frozen_string_literal: true\n\nif ENV["COVERAGE"] == "true"\n  require "simplecov"\n\n  SimpleCov.start do\n    add_filter "/spec/"\n  end\nend\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  tests:\n    runs-on: ubuntu-latest\n    env:\n      COVERAGE: "true"\n    steps:\n      - uses: actions/checkout@v4\n      - run: bundle exec rake\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'Coverage is measured in CI (SimpleCov), but no threshold fails the build when it drops.',
        evidence: [
          { path: 'spec/support/coverage.rb', line: 3, note: 'SimpleCov starts when COVERAGE is set' },
          { path: '.github/workflows/ci.yml', line: 6, note: 'CI sets COVERAGE' },
          { path: 'Rakefile', line: 3 },
        ],
      },
    },
    {
      name: 'the same helper when CI does not set the variable: configured, not seen in CI',
      tree: {
        'spec/spec_helper.rb': "if ENV['COVERAGE']\n  require 'simplecov'\n  SimpleCov.start\nend\n",
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Run\n        env:\n          COVERAGE: false\n        run: bundle exec rspec\n',
      },
      expect: { outcome: 'partial', message: 'Coverage is collected (configured, not seen in CI)' },
    },
    {
      name: 'SimpleCov required but never started measures nothing, even with the variable set in CI',
      tree: {
        'spec/rails_helper.rb': "require 'rspec/rails'\nrequire 'simplecov' if ENV['COVERAGE']\n",
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Run\n        env:\n          COVERAGE: true\n        run: bundle exec rspec\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'spec/rails_helper.rb',
            line: 2,
            note: 'SimpleCov is required but never started (no SimpleCov.start, no .simplecov): it measures nothing',
          },
        ],
      },
    },
    {
      name: 'an Azure DotNetCoreCLI test task whose arguments hold $(macros) and /p:CollectCoverage=true measures coverage',
      tree: {
        'src/Tracker.Test/Tracker.Test.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="NUnit" />\n    <PackageReference Include="coverlet.msbuild" />\n  </ItemGroup>\n</Project>\n',
        'azure-pipelines.yml':
          "trigger:\n- main\njobs:\n- job: UnitTest\n  steps:\n  - task: DotNetCoreCLI@2\n    inputs:\n      command: test\n      projects: 'src/**/*.Test.csproj'\n      arguments: '--configuration $(buildConfiguration) /p:CollectCoverage=true /p:CoverletOutput=$(Build.SourcesDirectory)/cov.xml'\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'coverlet',
        evidence: [{ path: 'azure-pipelines.yml', line: 6 }],
      },
    },
    {
      name: 'a compiled mage binary runs a magefile target whose go test writes a coverprofile: measured, no floor',
      tree: {
        'go.mod': 'module example.com/tasks\n\ngo 1.22\n',
        'magefile.go':
          '//go:build mage\n\npackage main\n\nimport (\n\t"context"\n\t"os/exec"\n\n\t"github.com/magefile/mage/mg"\n)\n\nfunc run(ctx context.Context, name string, args ...string) error {\n\treturn exec.CommandContext(ctx, name, args...).Run()\n}\n\ntype Test mg.Namespace\n\nfunc (Test) Unit(ctx context.Context) error {\n\treturn run(ctx, "go", "test", "-coverprofile", "cover.out", "./...")\n}\n',
        '.github/workflows/test.yml':
          'on: push\njobs:\n  api:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: magefile/mage-action@v3\n        with:\n          args: -compile ./mage-static\n      - run: ./mage-static test:unit\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'go test -cover',
        evidence: [{ path: 'magefile.go', line: 19 }],
      },
    },
    {
      name: 'Gradle: the test task finalized by the JaCoCo report (Kotlin DSL) measures coverage without a floor',
      tree: {
        'settings.gradle.kts': 'rootProject.name = "shop"\n',
        'build.gradle.kts':
          'plugins {\n    java\n    jacoco\n}\n\ntasks.test {\n    useJUnitPlatform()\n    finalizedBy(tasks.jacocoTestReport)\n}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./gradlew test\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'JaCoCo',
        evidence: [{ path: '.github/workflows/ci.yml', line: 6 }],
      },
    },
    {
      name: 'the same Azure test task without CollectCoverage leaves coverlet.msbuild inert',
      tree: {
        'src/Tracker.Test/Tracker.Test.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="NUnit" />\n    <PackageReference Include="coverlet.msbuild" />\n  </ItemGroup>\n</Project>\n',
        'azure-pipelines.yml':
          "trigger:\n- main\njobs:\n- job: UnitTest\n  steps:\n  - task: DotNetCoreCLI@2\n    inputs:\n      command: test\n      projects: 'src/**/*.Test.csproj'\n      arguments: '--configuration $(buildConfiguration) --no-build'\n",
      },
      expect: { outcome: 'fail', evidence: [{ path: 'src/Tracker.Test/Tracker.Test.csproj', line: 4 }] },
    },
    {
      name: 'coverlet.collector in the test project and CI handing a shared workflow CODECOV_TOKEN: measured, no floor (round 10, .NET library)',
      tree: {
        'Lib.Tests/Lib.Tests.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="xunit" />\n    <PackageReference Include="coverlet.collector" PrivateAssets="all" />\n  </ItemGroup>\n</Project>\n',
        '.github/workflows/main.yml':
          'on: push\njobs:\n  main:\n    uses: acme/.github/.github/workflows/nuget.yml@prime\n    secrets:\n      CODECOV_TOKEN: ${{ secrets.CODECOV_TOKEN }}\n',
      },
      expect: {
        outcome: 'partial',
        message: 'coverlet with a Codecov upload',
        evidence: [
          { path: 'Lib.Tests/Lib.Tests.csproj', line: 4, note: expect.stringContaining('collects coverage') },
          { path: '.github/workflows/main.yml', line: 6, note: expect.stringContaining('Codecov') },
        ],
      },
    },
    {
      name: 'a coverlet.collector reference that no dotnet test invokes is not coverage',
      tree: {
        'Api.Tests/Api.Tests.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="xunit" />\n    <PackageReference Include="coverlet.collector" />\n  </ItemGroup>\n</Project>\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Run\n        run: dotnet test TodoApp.sln -c Release --no-build\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'Api.Tests/Api.Tests.csproj',
            line: 4,
            note: 'coverlet.collector is referenced, but nothing collects: dotnet test in CI runs without --collect:"XPlat Code Coverage", no runsettings and no CollectCoverage',
          },
        ],
      },
    },
    {
      name: 'a chart repository holds no code to cover: not applicable, with the reason (round 5, nextcloud/helm)',
      profile: 'infrastructure',
      tree: {
        'charts/cloud/Chart.yaml': 'apiVersion: v2\nname: cloud\nversion: 1.0.0\n',
        'charts/cloud/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
        '.github/workflows/lint-test.yaml':
          'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ct lint\n',
      },
      expect: {
        outcome: 'not-applicable',
        message: 'no source code in the repository: there is no code for coverage to measure',
      },
    },
    {
      name: 'nothing measured or gated',
      tree: { 'src/app.py': 'x = 1\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'a test:cov script that no CI job reaches, with no floor, is configured, not run: fail, naming it (round 5 NestJS; round 12 made every stack agree; blind round 27: measured nowhere is no partial gate)',
      tree: {
        'package.json': JSON.stringify(
          {
            scripts: { test: 'jest', 'test:cov': 'jest --coverage', 'test:e2e': 'jest --config ./test/jest-e2e.json' },
          },
          null,
          2,
        ),
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm run test\n',
      },
      expect: {
        outcome: 'fail',
        message: 'Coverage is configured, not run: package script test:cov sets up coverage',
        evidence: [
          { path: 'package.json', line: 4, note: 'package script test:cov measures coverage, but no CI job runs it' },
        ],
      },
    },
    {
      name: 'the same test:cov script reached from CI measures coverage: partial, cited where CI runs it',
      tree: {
        'package.json': JSON.stringify({ scripts: { test: 'jest', 'test:cov': 'jest --coverage' } }, null, 2),
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm run test:cov\n',
      },
      expect: { outcome: 'partial', score: 0.5, message: 'measured in CI' },
    },
    {
      name: 'coverage collected without a floor: partial',
      tree: { 'package.json': JSON.stringify({ scripts: { test: 'jest --coverage' } }, null, 2) },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: 'package.json' }] },
    },
    {
      name: 'a [tool.coverage.run] section nothing runs: configured, not run (round 12: the same verdict as an idle package script)',
      tree: { 'pyproject.toml': '[project]\nname = "x"\n\n[tool.coverage.run]\nbranch = true\n' },
      expect: {
        outcome: 'fail',
        message: 'Coverage is configured, not run: pyproject.toml',
        evidence: [{ path: 'pyproject.toml', line: 4, note: 'coverage configured; no CI command runs coverage' }],
      },
    },
    {
      name: 'an unused .coveragerc (CI runs manage.py test, not coverage run) gets the same verdict as an idle Vitest coverage script (round 12)',
      tree: {
        '.coveragerc': '[run]\nsource = .\nomit = */migrations/*\n',
        'manage.py': 'import sys\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python manage.py test\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: '.coveragerc', line: 1, note: 'coverage configured; no CI command runs coverage' }],
      },
    },
    {
      name: 'an idle test:cov script that checks a floor has written the gate down: a quarter, for wiring it into CI (blind round 27)',
      tree: {
        'package.json': JSON.stringify(
          { scripts: { test: 'jest', 'test:cov': 'jest --coverage --coverageThreshold=\'{"global":{"lines":80}}\'' } },
          null,
          2,
        ),
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm test\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.25,
        message: 'sets up coverage with a floor, but nothing CI runs measures it',
        evidence: [
          {
            path: 'package.json',
            line: 4,
            note: 'package script test:cov checks a coverage floor, but no CI job runs it',
          },
        ],
      },
    },
    {
      name: 'the same .coveragerc with `coverage run` in CI: measured, not gated',
      tree: {
        '.coveragerc': '[run]\nsource = .\n',
        'manage.py': 'import sys\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: coverage run manage.py test\n',
      },
      expect: { outcome: 'partial', score: 0.5, message: 'measured in CI' },
    },
    {
      name: "Codecov project status with target auto alone (threshold 0) fails a pull request that lowers coverage: Codecov's automatic gate (round 19)",
      tree: { 'codecov.yml': 'coverage:\n  status:\n    project:\n      default:\n        target: auto\n' },
      expect: {
        outcome: 'pass',
        message: 'Coverage is gated: Codecov project status (auto target).',
        evidence: [{ path: 'codecov.yml', line: 5, note: 'Codecov project status (auto target)' }],
      },
    },
    {
      name: '`coverage: status: project: true` is the project status with its defaults (target auto): a gate (round 19)',
      tree: {
        'codecov.yml': 'coverage:\n  status:\n    project: true\n    patch: true\n    changes: true\n\ncomment: off\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Codecov project status (auto target)',
        evidence: [{ path: 'codecov.yml', line: 3, note: 'Codecov project status (auto target)' }],
      },
    },
    {
      name: '`project: false` and a `project: true` outside coverage.status gate nothing',
      tree: {
        'codecov.yml': 'coverage:\n  status:\n    project: false\n    patch: true\nflag_management:\n  project: true\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Codecov status project target auto with a threshold fails the check when coverage drops: a gate',
      tree: {
        'codecov.yml':
          'codecov:\n  require_ci_to_pass: yes\n\ncoverage:\n  precision: 2\n  status:\n    project:\n      default:\n        target: auto\n        threshold: 0%\n',
      },
      expect: {
        outcome: 'pass',
        message: 'target auto with a threshold',
        evidence: [{ path: 'codecov.yml', line: 9 }],
      },
    },
    {
      name: 'Codecov status with a threshold and no target (default target auto) fails the PR check when coverage drops: a gate (round 13)',
      tree: {
        '.codecov.yml':
          'coverage:\n  status:\n    project:\n      default:\n        # fail when coverage drops by 1%\n        threshold: 1\n    patch:\n      default:\n        threshold: 1\n',
      },
      expect: {
        outcome: 'pass',
        message: 'default target auto with a threshold',
        evidence: [
          { path: '.codecov.yml', line: 6 },
          { path: '.codecov.yml', line: 9 },
        ],
      },
    },
    {
      name: 'a Codecov threshold outside coverage.status (or informational) is no gate',
      tree: {
        'codecov.yml':
          'coverage:\n  status:\n    project:\n      default:\n        threshold: 1\n        informational: true\nflags:\n  unit:\n    threshold: 2\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Codecov target auto with a threshold but informational: true gates nothing',
      tree: {
        'codecov.yml':
          'coverage:\n  status:\n    project:\n      default:\n        target: auto\n        threshold: 1%\n        informational: true\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'measured coverage below the floor, even with a configured threshold',
      tree: { 'pyproject.toml': '[tool.coverage.report]\nfail_under = 90\n' },
      artifacts: { coverage: [cov(600, 1000)], junit: [] },
      expect: { outcome: 'partial', message: 'below the 80% floor', data: { measured: { linePercent: 60 } } },
    },
    {
      name: 'failing tests in JUnit results are named',
      tree: { 'README.md': '# x\n' },
      artifacts: { coverage: [cov(900, 1000)], junit: [junit(10, 1)] },
      expect: { outcome: 'partial', message: '1 failing test', evidence: [{ path: 'junit.xml' }] },
    },
    {
      name: 'make test → go test -cover: coverage is measured in CI, with the chain, but nothing fails below a floor',
      tree: {
        '.github/workflows/tests.yml':
          'on: push\njobs:\n  unit-tests:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
        Makefile: '.PHONY: test\n\ntest:\n\tgo test -cover -race -count=1 ./...\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'measured in CI (go test -cover)',
        evidence: [
          {
            path: 'Makefile',
            line: 4,
            note: 'job unit-tests measures coverage: .github/workflows/tests.yml:6 → Makefile:4 (make test) → go test -cover',
          },
        ],
      },
    },
    {
      name: 'cmd-travis-maven: JaCoCo bound in the POM and a Codecov upload, both reached from Travis defaults',
      tree: fixtureTree('cmd-travis-maven'),
      expect: {
        outcome: 'partial',
        message: 'Codecov upload and JaCoCo',
        evidence: [{ path: '.travis.yml', line: 11 }],
      },
    },
    {
      name: 'a floor behind continue-on-error does not fail the build: measured, and the message says why',
      tree: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest --cov=app --cov-fail-under=80\n        continue-on-error: true\n',
      },
      expect: { outcome: 'partial', message: 'may fail without failing the job' },
    },
    {
      name: 'words in an echo and a comment are not coverage',
      tree: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      # - run: pytest --cov-fail-under=90\n      - run: echo "TODO: add --cov-fail-under=90 and codecov"\n',
      },
      expect: { outcome: 'fail' },
    },
  ],
});
