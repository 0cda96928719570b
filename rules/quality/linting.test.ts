import { expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './linting.js';
import { fixtureTree } from '../../src/testing/fixtures.js';

const gha = (run: string) =>
  `on: pull_request\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

/** A Terraform module with a TFLint configuration (the AWS ruleset and rule settings). */
const tflintModule = {
  'main.tf': 'resource "aws_vpc" "this" {\n  cidr_block = var.cidr\n}\n',
  'variables.tf': 'variable "cidr" {\n  type = string\n}\n',
  '.tflint.hcl':
    'plugin "aws" {\n  enabled = true\n  source  = "github.com/terraform-linters/tflint-ruleset-aws"\n}\n\nrule "terraform_typed_variables" {\n  enabled = true\n}\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'terraform validate beside a terraform_tflint hook, both run by CI through pre-commit: TFLint lints, pass (round 18)',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_security_group" "this" {\n  name = var.name\n}\n',
        'variables.tf': 'variable "name" {\n  type = string\n}\n',
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/antonbabenko/pre-commit-terraform\n    rev: v1.103.0\n    hooks:\n      - id: terraform_fmt\n      - id: terraform_validate\n      - id: terraform_tflint\n',
        '.github/workflows/pre-commit.yml':
          'name: Pre-Commit\non: pull_request\njobs:\n  checks:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: pre-commit/action@v3.0.1\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: '.pre-commit-config.yaml', line: 7 }],
        absent: ['validate only'],
      },
    },
    {
      name: "`make checkformat` whose recipe runs `uv tool run ruff …` (uv's long form of uvx) is checked in CI (round 18)",
      tree: {
        'pyproject.toml': '[project]\nname = "shopdesk"\n\n[tool.ruff]\nline-length = 120\n',
        'shopdesk/__init__.py': 'x = 1\n',
        '.github/workflows/ci.yml':
          'name: ci\non: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Lint and format checks\n        run: |\n          make checkformat\n',
        Makefile:
          '#: checkformat - checks formatting\n.PHONY: checkformat\ncheckformat:\n\tuv tool run ruff check # linting check\n\tuv tool run ruff format --check # format check\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'Makefile',
            line: 4,
            note: 'job lint runs Ruff: .github/workflows/ci.yml:10 → Makefile:4 (make checkformat) → Ruff',
          },
        ],
      },
    },
    {
      name: '`composer phpstan` runs the Composer script `php -d memory_limit=1G vendor/bin/phpstan analyse` (round 16)',
      tree: {
        'phpstan.dist.neon': 'parameters:\n  level: 5\n  paths:\n    - src\n',
        'composer.json':
          '{\n  "name": "acme/parts",\n  "scripts": {\n    "phpstan": "php -d memory_limit=1G vendor/bin/phpstan analyse src --level 5"\n  }\n}\n',
        '.github/workflows/ci.yml': gha('composer phpstan'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'phpstan.dist.neon' },
          {
            path: 'composer.json',
            line: 4,
            note: 'job lint runs PHPStan: .github/workflows/ci.yml:6 → composer.json:4 (composer script phpstan) → PHPStan',
          },
        ],
      },
    },
    {
      name: 'pre-commit.ci (the `ci:` block of .pre-commit-config.yaml) runs ruff on every pull request: run in CI (round 15)',
      tree: {
        'pyproject.toml': '[project]\nname = "forum"\n\n[tool.ruff.lint]\nselect = ["E", "F", "I"]\n',
        'forum/__init__.py': 'x = 1\n',
        '.pre-commit-config.yaml':
          'ci:\n  autoupdate_schedule: monthly\nrepos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.4.1\n    hooks:\n      - id: ruff\n        args: [--fix]\n      - id: ruff-format\n',
        '.github/workflows/tests.yml':
          'on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: uv run pytest\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Ruff configured and run in CI',
        evidence: [{ path: '.pre-commit-config.yaml', line: 7, note: expect.stringContaining('pre-commit.ci') }],
      },
    },
    {
      name: 'TFLint configured (.tflint.hcl) and run by antonbabenko pre-commit-terraform, which CI runs',
      tree: {
        ...tflintModule,
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/antonbabenko/pre-commit-terraform\n    rev: v1.96.1\n    hooks:\n      - id: terraform_fmt\n      - id: terraform_tflint\n',
        '.github/workflows/pre-commit.yml':
          'on: pull_request\njobs:\n  pre-commit:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: terraform-linters/setup-tflint@v4\n      - uses: pre-commit/action@v3.0.1\n',
      },
      expect: {
        outcome: 'pass',
        message: 'TFLint configured and run in CI',
        evidence: [
          { path: '.tflint.hcl', note: 'TFLint configuration' },
          { path: '.pre-commit-config.yaml', line: 6 },
        ],
      },
    },
    {
      name: "the Ruby `standard` gem is Ruby's Standard (RuboCop), never StandardJS",
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngroup :development do\n  gem 'standard'\nend\n",
        '.github/workflows/ci.yml': gha('bundle exec standardrb'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'Gemfile', line: 4, note: 'RuboCop (standard) declared' },
          { path: '.github/workflows/ci.yml', line: 6 },
        ],
        data: { linters: ['RuboCop'] },
      },
    },
    {
      name: 'phpcs.xml.dist is PHP_CodeSniffer, named after the file found, and its CI run is cited',
      tree: {
        'composer.json': '{"name":"acme/feeds","require-dev":{"squizlabs/php_codesniffer":"^3.10"}}',
        'phpcs.xml.dist': '<?xml version="1.0"?>\n<ruleset name="feeds">\n  <rule ref="PSR12"/>\n</ruleset>\n',
        '.github/workflows/ci.yml': gha('vendor/bin/phpcs -s'),
      },
      expect: {
        outcome: 'pass',
        message: 'PHP_CodeSniffer configured and run in CI',
        evidence: [
          { path: 'phpcs.xml.dist', note: 'PHP_CodeSniffer configuration' },
          { path: '.github/workflows/ci.yml', line: 6 },
        ],
        data: { linters: ['PHP_CodeSniffer'], inCi: ['PHP_CodeSniffer'] },
      },
    },
    {
      name: 'a Go linter known only from its CI run is named for the program that ran (revive), not its family',
      tree: {
        'go.mod': 'module example.com/svc\n',
        '.github/workflows/ci.yml': gha('revive -config revive.toml ./...'),
      },
      expect: {
        outcome: 'pass',
        message: 'revive configured and run in CI',
        evidence: [{ path: '.github/workflows/ci.yml', line: 6, note: expect.stringContaining('runs revive') }],
        data: { linters: ['revive'], inCi: ['revive'] },
      },
    },
    {
      name: 'XO (an ESLint wrapper) as a dev dependency, run in CI',
      tree: {
        'package.json': '{"name":"lib","devDependencies":{"xo":"^0.59.0"}}',
        '.github/workflows/ci.yml': gha('npx xo'),
      },
      expect: { outcome: 'pass', message: 'XO' },
    },
    {
      name: 'ESLint flat config run in CI',
      tree: { 'eslint.config.js': 'export default [];\n', '.github/workflows/ci.yml': gha('npx eslint .') },
      expect: {
        outcome: 'pass',
        message: 'ESLint configured and run in CI',
        evidence: [{ path: 'eslint.config.js' }, { path: '.github/workflows/ci.yml', line: 6 }],
      },
    },
    {
      name: 'Ruff in pyproject, run through pre-commit in CI',
      tree: {
        'pyproject.toml': '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n',
        '.github/workflows/ci.yml': gha('pre-commit run --all-files'),
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.5.0\n    hooks:\n      - id: ruff\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'pyproject.toml', line: 4 },
          {
            path: '.pre-commit-config.yaml',
            line: 5,
            note: 'job lint runs Ruff: .github/workflows/ci.yml:6 → .pre-commit-config.yaml:5 (pre-commit hook ruff) → Ruff',
          },
        ],
      },
    },
    {
      name: 'golangci-lint action',
      tree: {
        '.golangci.yml': 'linters:\n  enable: [errcheck]\n',
        '.github/workflows/lint.yml':
          'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: golangci/golangci-lint-action@v6\n',
      },
      expect: { outcome: 'pass', data: { linters: ['golangci-lint'], inCi: ['golangci-lint'] } },
    },
    {
      name: 'Roslyn analyzers via .editorconfig severities and dotnet build -warnaserror in CI',
      tree: {
        '.editorconfig': 'root = true\n[*.cs]\ndotnet_diagnostic.CA2000.severity = error\n',
        '.github/workflows/ci.yml': gha('dotnet build -warnaserror'),
      },
      expect: { outcome: 'pass', evidence: [{ path: '.editorconfig', line: 3 }] },
    },
    {
      name: 'Flake8 as a pre-commit hook, hooks run in CI by pre-commit',
      tree: {
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/PyCQA/flake8\n    rev: 7.0.0\n    hooks:\n      - id: flake8\n',
        '.github/workflows/ci.yml': gha('pre-commit run --all-files'),
      },
      expect: { outcome: 'pass', evidence: [{ path: '.pre-commit-config.yaml', line: 5 }] },
    },
    {
      name: 'Error Prone in the Maven build runs with every CI build',
      tree: {
        'pom.xml':
          '<project>\n  <path><groupId>com.google.errorprone</groupId><artifactId>error_prone_core</artifactId></path>\n</project>\n',
        '.github/workflows/ci.yml': gha('mvn -B verify'),
      },
      expect: { outcome: 'pass', message: 'Error Prone', evidence: [{ path: 'pom.xml', line: 2 }] },
    },
    {
      name: 'Error Prone and SpotBugs cited where Gradle convention plugins apply them, not an annotations jar or an OSGi import exclusion',
      tree: {
        'settings.gradle.kts': 'rootProject.name = "brewer"\ninclude("core", "jcache")\n',
        'core/build.gradle.kts':
          'plugins {\n  id("java-library.brewer")\n}\ndependencies {\n  api("com.github.spotbugs:spotbugs-annotations:4.8.6")\n  runtimeOnly("org.slf4j:slf4j-nop:2.0.16")\n}\n',
        'jcache/build.gradle.kts':
          'tasks.jar {\n  bundle {\n    bnd("Import-Package" to listOf(\n      "!com.google.errorprone.annotations.*",\n      "*").joinToString(","))\n  }\n}\n',
        'gradle/plugins/src/main/kotlin/quality/errorprone.brewer.gradle.kts':
          'plugins {\n  `java-library`\n  id("net.ltgt.errorprone")\n}\ndependencies {\n  errorprone("com.google.errorprone:error_prone_core:2.36.0")\n}\n',
        'gradle/plugins/src/main/kotlin/quality/spotbugs.brewer.gradle.kts':
          'plugins {\n  `java-library`\n  id("com.github.spotbugs")\n}\n',
        '.github/workflows/ci.yml': gha('./gradlew build'),
      },
      expect: {
        outcome: 'pass',
        message: 'Error Prone',
        evidence: [
          {
            path: 'gradle/plugins/src/main/kotlin/quality/errorprone.brewer.gradle.kts',
            line: 3,
            note: 'Error Prone configuration',
          },
          {
            path: 'gradle/plugins/src/main/kotlin/quality/spotbugs.brewer.gradle.kts',
            line: 3,
            note: 'SpotBugs configuration',
          },
        ],
        absent: ['jcache/build.gradle.kts', 'spotbugs-annotations'],
      },
    },
    {
      name: 'cmd-npm-scripts: ESLint reached through npm test → pretest → npm run lint',
      tree: fixtureTree('cmd-npm-scripts'),
      expect: {
        outcome: 'pass',
        message: 'ESLint configured and run in CI',
        evidence: [
          { path: 'eslint.config.js' },
          {
            path: 'package.json',
            line: 11,
            note: 'job check runs ESLint: .github/workflows/ci.yml:16 → package.json:7 (npm script pretest) → package.json:11 (npm script lint) → ESLint',
          },
        ],
      },
    },
    {
      name: 'cmd-makefile: make ci → make lint → golangci-lint named through Makefile variables',
      tree: fixtureTree('cmd-makefile'),
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'Makefile',
            line: 12,
            note: 'job check runs golangci-lint: .gitlab-ci.yml:10 → Makefile:12 (make lint) → golangci-lint',
          },
        ],
      },
    },
    {
      name: 'a Helm chart repository: chart-testing lint and kubeconform lint the charts, which are its code',
      tree: fixtureTree('cmd-helm-charts'),
      expect: {
        outcome: 'pass',
        message: 'CI runs chart-testing lint and kubeconform',
        evidence: [
          {
            path: '.github/workflows/lint-test.yml',
            line: 13,
            note: 'job lint-test lints: .github/workflows/lint-test.yml:13 → chart-testing lint',
          },
        ],
      },
    },
    {
      name: "a Terraform module whose Cloud Build config runs the CFT developer-tools image's lint entry point",
      tree: {
        'main.tf': 'resource "google_sql_database_instance" "db" {\n  name = var.name\n}\n',
        'variables.tf': 'variable "name" {\n  type = string\n}\n',
        'build/lint.cloudbuild.yaml':
          "steps:\n- name: 'gcr.io/cloud-foundation-cicd/$_DOCKER_IMAGE_DEVELOPER_TOOLS:$_DOCKER_TAG_VERSION_DEVELOPER_TOOLS'\n  id: 'lint'\n  args: ['/usr/local/bin/test_lint.sh']\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'build/lint.cloudbuild.yaml',
            line: 4,
            note: 'job lint lints: build/lint.cloudbuild.yaml:4 → CFT lint',
          },
        ],
      },
    },
    {
      name: 'Stylelint in CI for a repository of style sheets and templates (no program code): a pass',
      tree: {
        'theme/main.scss': 'a { color: red; }\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx stylelint "**/*.scss"\n',
      },
      expect: { outcome: 'pass', message: 'CI runs Stylelint.' },
    },
    {
      name: 'CI `make lint` is followed to the Makefile target, where `go tool golangci-lint run` runs the linter',
      tree: {
        'go.mod':
          'module example.com/watcher\n\ngo 1.24\n\ntool github.com/golangci/golangci-lint/v2/cmd/golangci-lint\n',
        '.golangci.yml': 'version: "2"\nlinters:\n  enable:\n    - errcheck\n',
        Makefile: 'build:\n\tgo build ./...\n\nlint: ## Run golangci-lint\n\tgo tool golangci-lint run ./...\n',
        '.github/workflows/pr.yml': gha('make lint'),
      },
      expect: {
        outcome: 'pass',
        message: 'golangci-lint configured and run in CI',
        evidence: [
          { path: '.golangci.yml' },
          {
            path: 'Makefile',
            line: 5,
            note: 'job lint runs golangci-lint: .github/workflows/pr.yml:6 → Makefile:5 (make lint) → golangci-lint',
          },
        ],
      },
    },
    {
      name: "the prek action runs every hook of .pre-commit-config.yaml in CI: its ruff-check hook is the linter's CI run",
      tree: {
        'pyproject.toml': '[project]\nname = "humane"\n\n[tool.ruff]\nline-length = 88\n',
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.9.0\n    hooks:\n      - id: ruff-check\n        args: [--exit-non-zero-on-fix]\n',
        '.github/workflows/lint.yml':
          'on: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: j178/prek-action@v2.0.4\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'pyproject.toml', line: 4 },
          {
            path: '.pre-commit-config.yaml',
            line: 5,
            note: 'job lint runs Ruff: .github/workflows/lint.yml:7 → .pre-commit-config.yaml:5 (pre-commit hook ruff-check) → Ruff',
          },
        ],
      },
    },
    {
      name: 'a prek-action step with `install-only: true` (an auto-update job) runs no hook: the job that runs the hooks is cited (round 14)',
      tree: {
        'pyproject.toml': '[project]\nname = "humane"\n\n[tool.ruff]\nline-length = 88\n',
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.9.0\n    hooks:\n      - id: ruff-check\n',
        '.github/workflows/autoupdate.yml':
          'on:\n  schedule:\n    - cron: "0 3 * * 1"\njobs:\n  autoupdate:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: j178/prek-action@v2\n        with:\n          install-only: true\n      - run: prek auto-update\n',
        '.github/workflows/prek.yml':
          'on: [pull_request]\njobs:\n  prek:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: j178/prek-action@v2\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: '.pre-commit-config.yaml',
            line: 5,
            note: 'job prek runs Ruff: .github/workflows/prek.yml:7 → .pre-commit-config.yaml:5 (pre-commit hook ruff-check) → Ruff',
          },
        ],
        absent: ['autoupdate.yml'],
      },
    },
  ],
  invalid: [
    {
      name: 'terraform validate (and fmt) run by CI through pre-commit checks syntax, lints nothing: partial (round 18)',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_security_group" "this" {\n  name = var.name\n}\n',
        'variables.tf': 'variable "name" {\n  type = string\n}\n',
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/antonbabenko/pre-commit-terraform\n    rev: v1.103.0\n    hooks:\n      - id: terraform_fmt\n      - id: terraform_docs\n      - id: terraform_validate\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v6.0.0\n    hooks:\n      - id: end-of-file-fixer\n',
        '.github/workflows/pre-commit.yml':
          'name: Pre-Commit\non: pull_request\njobs:\n  checks:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: pre-commit/action@v3.0.1\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message: 'CI runs terraform validate only, which checks syntax and consistency, not lint rules; no TFLint',
        evidence: [{ path: '.pre-commit-config.yaml', line: 7 }],
      },
    },
    {
      name: 'a TFLint configuration that no CI job runs: configured, not enforced (partial, not "no linter")',
      tree: tflintModule,
      expect: {
        outcome: 'partial',
        message: 'TFLint configured, but no CI job runs it',
        evidence: [{ path: '.tflint.hcl', note: 'TFLint configuration' }],
      },
    },
    {
      name: 'a script of the same name in the repository is not the CFT image entry point: its name says lint, it runs nothing',
      tree: {
        'main.tf': 'resource "google_sql_database_instance" "db" {\n  name = var.name\n}\n',
        'scripts/test_lint.sh': '#!/bin/bash\necho "lint runs in the editor"\n',
        'build/lint.cloudbuild.yaml':
          "steps:\n- name: 'gcr.io/acme/tools'\n  entrypoint: bash\n  args: ['scripts/test_lint.sh']\n",
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'CI runs only a style-sheet linter (Stylelint through gulp) beside Python code no linter reads: partial',
      tree: {
        'app/views.py': 'x = 1\n',
        'app/models.py': 'y = 2\n',
        'gulpfile.js':
          "import gulp from 'gulp';\nimport stylelint from 'gulp-stylelint-esm';\nfunction lint() {\n  return gulp.src('scss/*.scss').pipe(stylelint({}));\n}\ngulp.task('lint', lint);\n",
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx gulp lint\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message:
          'CI runs Stylelint, which lints style sheets, templates or scripts only; no linter reads the Python code (2 files).',
        evidence: [{ path: 'gulpfile.js', line: 4, note: expect.stringContaining('gulp lint') }],
      },
    },
    {
      name: 'a lint script whose name says lint but only echoes does not run the configured ESLint: partial, and says what is missing',
      tree: {
        'eslint.config.js': 'export default [];\n',
        'package.json': '{\n  "scripts": {\n    "lint": "echo eslint is run by the editor"\n  }\n}\n',
        '.github/workflows/ci.yml': gha('npm run lint'),
      },
      expect: { outcome: 'partial', score: 0.6, message: ['ESLint configured', 'no CI job runs it'] },
    },
    {
      name: 'ESLint configured and a Jenkins shared-library pipeline step (withPipeline) that may run it: unknown (round 28)',
      tree: {
        'eslint.config.js': 'export default [];\n',
        'src/app.js': 'export const a = 1;\n',
        Jenkinsfile_CNP: '@Library("Infrastructure") _\nwithPipeline("nodejs", product, component) {\n}\n',
      },
      expect: {
        outcome: 'unknown',
        message: ['ESLint configured', 'shared library of another repository (withPipeline)'],
      },
    },
    {
      name: 'the same ESLint with a Jenkinsfile whose stages are read and lint nothing: partial',
      tree: {
        'eslint.config.js': 'export default [];\n',
        'src/app.js': 'export const a = 1;\n',
        Jenkinsfile_CNP: "pipeline {\n  stages {\n    stage('Build') {\n      steps { sh 'npm ci' }\n    }\n  }\n}\n",
      },
      expect: { outcome: 'partial', score: 0.6, message: ['ESLint configured', 'no CI job runs it'] },
    },
    {
      name: 'RuboCop configured but never run in CI: partial',
      tree: { '.rubocop.yml': 'AllCops:\n  NewCops: enable\n', '.github/workflows/ci.yml': gha('bundle exec rspec') },
      expect: { outcome: 'partial', score: 0.6, message: 'no CI job runs it' },
    },
    {
      name: 'no linter anywhere',
      tree: { 'main.py': 'print(1)\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      // The message says what runs: TFLint, on the Terraform only (blind round 50).
      name: 'a service whose CI lints only its Terraform (with a .tflint.hcl) and its Markdown: its code is not linted',
      profile: 'service',
      tree: {
        'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
        'requirements.txt': 'fastapi\n',
        'infra/main.tf': 'resource "aws_s3_bucket" "b" {}\n',
        'infra/.tflint.hcl': 'plugin "aws" {\n  enabled = true\n}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: tflint --chdir infra\n      - run: npx markdownlint-cli2 "**/*.md"\n',
      },
      expect: {
        outcome: 'fail',
        message: 'No linter of the Python code (1 file) is configured; CI runs only TFLint, on the infrastructure code',
      },
    },
  ],
});
