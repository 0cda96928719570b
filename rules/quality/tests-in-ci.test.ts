import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './tests-in-ci.js';

const gha = (steps: string) =>
  `name: ci\non: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

ruleTester(rule, {
  valid: [
    {
      name: 'GitHub Actions job running npm test, cited with job, file and line',
      tree: { '.github/workflows/ci.yml': gha('      - run: npm ci\n      - run: npm test\n') },
      expect: {
        outcome: 'pass',
        message: '1 CI job runs the tests',
        evidence: [{ path: '.github/workflows/ci.yml', line: 9 }],
        data: {
          jobs: [
            {
              file: '.github/workflows/ci.yml',
              job: 'build',
              line: 9,
              command: 'npm test',
              runner: 'npm/pnpm/yarn test',
            },
          ],
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
        evidence: [{ path: '.gitlab-ci.yml', line: 6 }],
        data: { jobs: [{ job: 'unit', runner: 'pytest/unittest' }] },
      },
    },
    {
      name: 'Jenkinsfile running mvn verify and go test in two stages',
      tree: {
        Jenkinsfile:
          "pipeline {\n  stages {\n    stage('java') { steps { sh './mvnw -B verify' } }\n    stage('go') { steps { sh 'go test ./...' } }\n  }\n}\n",
      },
      expect: {
        outcome: 'pass',
        message: '2 CI jobs run the tests',
        data: {
          jobs: [
            { job: 'java', runner: 'Maven' },
            { job: 'go', runner: 'go test' },
          ],
        },
      },
    },
    {
      name: 'a job that runs a build script: the test line inside the script is cited',
      tree: {
        '.github/workflows/ci.yml': gha('      - name: Build and Test\n        run: ./Build.ps1\n'),
        'Build.ps1':
          '$ErrorActionPreference = "Stop"\n# dotnet test is below\ndotnet build -c Release\ndotnet test -c Release --no-build\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'Build.ps1', line: 4, note: 'job build runs tests (in Build.ps1, which the job invokes)' }],
      },
    },
    {
      name: 'make coverage in CI: the Makefile recipe (and its prerequisite) is followed',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: make coverage\n'),
        Makefile:
          '.PHONY: coverage\ncoverage: deps\n\tcoverage run -m unittest\n\tcoverage report --fail-under=90\n\ndeps:\n\tpip install -r requirements.txt\n\nother:\n\tpytest\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'Makefile', line: 3, note: 'job build runs tests (in Makefile, which the job invokes)' }],
        data: { jobs: [{ file: 'Makefile', line: 3 }] },
      },
    },
    {
      name: 'monorepo: pnpm -r test',
      tree: { '.github/workflows/ci.yml': gha('      - run: pnpm -r test\n') },
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
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
      },
      expect: { outcome: 'fail', message: 'no job runs a test command' },
    },
  ],
});
