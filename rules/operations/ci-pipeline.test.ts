import rule from './ci-pipeline.js';
import { expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { fixtureTree } from '../../src/testing/fixtures.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a Rust crate tested by cargo test with no separate build: the tests compile it, nothing is called interpreted',
      tree: {
        'Cargo.toml': '[package]\nname = "bench"\nversion = "1.0.0"\n',
        'src/main.rs': 'fn main() {}\n',
        '.github/workflows/ci.yml':
          'on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: cargo test --locked\n',
      },
      expect: {
        outcome: 'pass',
        message: 'CI (github-actions) runs the tests, which compile the Rust code (no separate build step).',
        evidence: [{ path: '.github/workflows/ci.yml', line: 7, note: expect.stringContaining('runs tests') }],
      },
    },
    {
      name: 'a NestJS app whose CI runs `npm run build` (nest build) builds: no "no separate build step" claim',
      tree: {
        'package.json': JSON.stringify(
          { name: 'api', scripts: { build: 'nest build', test: 'jest' }, devDependencies: { jest: '29' } },
          null,
          2,
        ),
        'src/main.ts': 'export {};\n',
        '.github/workflows/ci.yml':
          'on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm run build\n      - run: npm test\n',
      },
      expect: {
        outcome: 'pass',
        message: 'CI (github-actions) builds and runs the tests.',
        evidence: [
          {
            path: 'package.json',
            line: 4,
            note: expect.stringMatching(/^job build builds: .github\/workflows\/ci.yml:7 → package.json:4/),
          },
        ],
      },
    },
    {
      name: 'a Rust crate with a build job of `cargo check` runs builds and tests',
      tree: {
        'Cargo.toml': '[package]\nname = "lib"\nversion = "1.0.0"\n',
        'src/lib.rs': '\n',
        '.github/workflows/ci.yml':
          'on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo check --no-default-features\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo test\n',
      },
      expect: {
        outcome: 'pass',
        message: 'CI (github-actions) builds and runs the tests.',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 6,
            note: 'job build builds: .github/workflows/ci.yml:6 → cargo check',
          },
        ],
      },
    },
    {
      name: 'GitHub Actions that build and test a Go module pass, with both lines cited',
      tree: {
        'go.mod': 'module example.com/api\n',
        '.github/workflows/ci.yml':
          'on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: go build ./...\n      - run: go test -race ./...\n',
      },
      expect: {
        outcome: 'pass',
        message: 'builds and runs the tests',
        evidence: [
          { path: '.github/workflows/ci.yml', line: 7, note: 'job test builds: .github/workflows/ci.yml:7 → go build' },
          {
            path: '.github/workflows/ci.yml',
            line: 8,
            note: 'job test runs tests: .github/workflows/ci.yml:8 → go test',
          },
        ],
        data: { systems: ['github-actions'] },
      },
    },
    {
      name: 'GitLab CI running pytest passes (Python)',
      tree: {
        'pyproject.toml': '[project]\nname = "svc"\n',
        '.gitlab-ci.yml': 'test:\n  image: python:3.12\n  script:\n    - pip install -e .[test]\n    - pytest -q\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: '.gitlab-ci.yml', line: 5 }], data: { systems: ['gitlab-ci'] } },
    },
    {
      name: 'a Jenkinsfile running the Maven wrapper passes (Java)',
      tree: {
        'pom.xml': '<project/>\n',
        Jenkinsfile:
          "pipeline {\n  agent any\n  stages {\n    stage('Verify') {\n      steps {\n        sh './mvnw -B verify'\n      }\n    }\n  }\n}\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'Jenkinsfile',
            line: 6,
            note: 'job Verify runs tests: Jenkinsfile:6 → JUnit/TestNG; mvn verify runs the test phase (Surefire)',
          },
        ],
        data: { systems: ['jenkins'] },
      },
    },
    {
      name: 'Azure Pipelines running dotnet build and test pass (.NET)',
      tree: {
        'App.sln': '',
        'azure-pipelines.yml':
          'trigger: [main]\npool:\n  vmImage: ubuntu-latest\nsteps:\n- script: dotnet build --configuration Release\n- script: dotnet test\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'azure-pipelines.yml', line: 5 },
          { path: 'azure-pipelines.yml', line: 6 },
        ],
        data: { systems: ['azure-pipelines'] },
      },
    },
    {
      name: 'an Azure pipeline kept under build/ with another name, its steps in a template of the repository, passes (round 36)',
      tree: {
        'App.sln': '',
        'build/pipelines/ci.yaml':
          'trigger: [main]\npool:\n  vmImage: ubuntu-latest\nsteps:\n- template: ../templates/dotnet.yml\n',
        'build/templates/dotnet.yml': 'steps:\n- script: dotnet build\n- script: dotnet test\n',
      },
      expect: { outcome: 'pass', data: { systems: ['azure-pipelines'] } },
    },
    {
      name: 'CircleCI running npm test passes (Node, no build step needed)',
      tree: {
        'package.json': '{"name":"x","scripts":{"test":"node --test"}}\n',
        '.circleci/config.yml':
          'version: 2.1\njobs:\n  test:\n    docker:\n      - image: cimg/node:20.11\n    steps:\n      - checkout\n      - run: npm ci\n      - run: npm test\n',
      },
      expect: {
        outcome: 'pass',
        message: 'runs the tests',
        evidence: [
          {
            path: 'package.json',
            line: 1,
            note: 'job test runs tests: .circleci/config.yml:9 → package.json:1 (npm script test) → node:test',
          },
        ],
      },
    },
    {
      name: 'cmd-makefile: GitLab runs make ci → go test, and a build script; both cited through their chains',
      tree: fixtureTree('cmd-makefile'),
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'scripts/test.sh',
            line: 4,
            note: 'job build builds: .gitlab-ci.yml:16 → scripts/test.sh:4 → go build',
          },
          {
            path: 'Makefile',
            line: 15,
            note: 'job check runs tests: .gitlab-ci.yml:10 → Makefile:15 (make test) → go test',
          },
        ],
      },
    },
    {
      name: 'Travis with language: java and no script builds and tests by its defaults (mvn install, mvn test)',
      tree: fixtureTree('cmd-travis-maven'),
      expect: {
        outcome: 'pass',
        message: 'CI (travis) builds and runs the tests',
        evidence: [
          { path: '.travis.yml', note: 'travis: 1 job (default)' },
          {
            path: '.travis.yml',
            line: 2,
            note: 'job (default) builds: .travis.yml:2 (Travis default install for java) → Maven build; mvn install compiles the project',
          },
        ],
      },
    },
    {
      name: 'a Helm chart repository: chart-testing installs the charts, chart-releaser packages them',
      tree: fixtureTree('cmd-helm-charts'),
      expect: { outcome: 'pass', message: 'builds and runs the tests' },
    },
    {
      name: 'a chart repository: helm template renders (build), helm install --wait into a kind cluster tests the chart (round 12, Helm charts)',
      profile: 'infrastructure',
      tree: {
        '.github/workflows/ci.yml': [
          'on: [push, pull_request]',
          'jobs:',
          '  lint:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - run: helm lint relay',
          '  install:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: helm/kind-action@v1',
          '      - run: helm install metrics-crds prometheus-community/prometheus-operator-crds --wait',
          '      - run: helm template relay ./relay/ --values test-values.yaml',
          '      - run: helm install relay INSTALL_TARGET --namespace relay --create-namespace --wait',
          '      - run: kubectl get all --namespace relay',
          '',
        ]
          .join('\n')
          .replace('INSTALL_TARGET', './relay/'),
        'relay/Chart.yaml': 'apiVersion: v2\nname: relay\nversion: 1.4.0\n',
        'relay/values.yaml': 'replicaCount: 1\n',
        'relay/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
        'test-values.yaml': 'replicaCount: 1\n',
      },
      expect: {
        outcome: 'pass',
        message: 'CI (github-actions) builds and runs the tests.',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 14,
            note: 'job install builds: .github/workflows/ci.yml:14 → helm template',
          },
          {
            path: '.github/workflows/ci.yml',
            line: 15,
            note: 'job install runs tests: .github/workflows/ci.yml:15 → helm install --wait on a throwaway cluster',
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'an Azure pipeline under examples/ is an example, not the CI of the repository: fail (round 36)',
      tree: {
        'App.sln': '',
        'examples/azure/ci.yaml': 'trigger: [main]\npool:\n  vmImage: ubuntu-latest\nsteps:\n- script: dotnet test\n',
      },
      expect: { outcome: 'fail', message: 'No CI configuration found' },
    },
    {
      name: 'a chart repository whose kind job installs only a chart of another project: rendered, but not tested',
      profile: 'infrastructure',
      tree: {
        '.github/workflows/ci.yml': [
          'on: [push, pull_request]',
          'jobs:',
          '  lint:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - run: helm lint relay',
          '  install:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: helm/kind-action@v1',
          '      - run: helm install metrics-crds prometheus-community/prometheus-operator-crds --wait',
          '      - run: helm template relay ./relay/ --values test-values.yaml',
          '      - run: helm install relay INSTALL_TARGET --namespace relay --create-namespace --wait',
          '      - run: kubectl get all --namespace relay',
          '',
        ]
          .join('\n')
          .replace('INSTALL_TARGET', 'bitnami/redis'),
        'relay/Chart.yaml': 'apiVersion: v2\nname: relay\nversion: 1.4.0\n',
        'relay/values.yaml': 'replicaCount: 1\n',
        'relay/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
      },
      expect: { outcome: 'partial', score: 0.5, message: 'builds, but no job runs a test runner' },
    },
    {
      name: 'cmd-echo-only: steps that only print or bundle neither build nor test recognisably',
      tree: fixtureTree('cmd-echo-only'),
      expect: { outcome: 'partial', score: 0.3 },
    },
    {
      name: 'CI that only builds is partial, and skipped Maven tests are not tests',
      tree: {
        '.github/workflows/build.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mvn -B install -DskipTests\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'no job runs a test runner',
        evidence: [
          {
            path: '.github/workflows/build.yml',
            line: 6,
            note: 'job build builds: .github/workflows/build.yml:6 → Maven build; mvn install compiles the project',
          },
        ],
      },
    },
    {
      name: 'housekeeping workflows only (stale bot) are a weak partial; an echoed "npm test" is not a test run',
      tree: {
        '.github/workflows/stale.yml':
          'on: schedule\njobs:\n  stale:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/stale@v9\n      - run: echo "please run npm test"\n',
      },
      expect: { outcome: 'partial', score: 0.3 },
    },
    {
      name: 'CI that only calls a reusable workflow is partial and says its steps are not visible',
      tree: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  module:\n    uses: acme/workflows/.github/workflows/terraform-module.yml@main\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'reusable workflows',
        evidence: [{ path: '.github/workflows/ci.yml', line: 4 }],
      },
    },
    {
      name: 'no CI at all fails and says what was searched',
      tree: { 'src/main.rs': 'fn main() {}\n', 'Cargo.toml': '[package]\nname = "x"\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'a malformed workflow alone is unknown and named, never a crash',
      tree: { '.github/workflows/ci.yml': 'jobs:\n  test:\n    steps: [\n' },
      expect: { outcome: 'unknown', evidence: [{ path: '.github/workflows/ci.yml' }] },
    },
    {
      name: 'a malformed workflow beside a good one is noted, and the good one still counts',
      tree: {
        '.github/workflows/bad.yml': 'on: push\njobs: {\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo build\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: '.github/workflows/bad.yml', note: expect.stringContaining('could not be parsed') },
          { path: '.github/workflows/ci.yml', line: 6 },
        ],
      },
    },
  ],
});
