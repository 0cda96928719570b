import { expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './formatting.js';
import { fixtureTree } from '../../src/testing/fixtures.js';

ruleTester(rule, {
  valid: [
    {
      name: '`make checks` whose recipe tests `$(shell gofmt -l .)` / `test -z "$$(gofmt -l .)"` checks formatting in CI, as linting reads the same chain (round 19)',
      tree: {
        'go.mod': 'module example.com/kvexporter\n\ngo 1.22\n',
        'main.go': 'package main\n\nfunc main() {}\n',
        '.github/workflows/tests.yml':
          'name: tests\non: [pull_request]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n      - name: checks\n        run: make checks\n',
        Makefile:
          '.PHONY: checks\nchecks:\n\tgo vet ./...\n\techo "checking gofmt"\n\t@if [ "$(shell gofmt -e -l . | wc -l)" -ne 0 ]; then exit 1; fi\n\ttest -z "$$(goimports -l .)"\n',
      },
      expect: {
        outcome: 'pass',
        message: 'CI checks the formatting with gofmt.',
        evidence: [
          {
            path: 'Makefile',
            line: 5,
            note: 'job lint runs gofmt: .github/workflows/tests.yml:10 → Makefile:5 (make checks) → gofmt',
          },
        ],
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
            line: 5,
            note: 'job lint runs Ruff format: .github/workflows/ci.yml:10 → Makefile:5 (make checkformat) → Ruff format',
          },
        ],
      },
    },
    {
      name: 'pre-commit.ci (the `ci:` block of .pre-commit-config.yaml) runs ruff-format on every pull request: checked in CI (round 15)',
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
        message: 'checked in CI',
        evidence: [{ path: '.pre-commit-config.yaml', line: 9, note: expect.stringContaining('pre-commit.ci') }],
        absent: ['not checked in CI'],
      },
    },
    {
      name: 'make fmt check_changes: go fmt in write mode followed by git diff --exit-code in the same job is a format check (round 12)',
      tree: {
        'go.mod': 'module example.com/snippets\n\ngo 1.22\n',
        'main.go': 'package main\n\nfunc main() {}\n',
        Makefile: [
          '.PHONY: fmt check_changes',
          '',
          'check_changes:',
          '\t@git --no-pager diff --exit-code || (echo "unstaged changes" && exit 1)',
          '',
          'fmt:',
          '\t@go fmt ./...',
          '',
        ].join('\n'),
        '.github/workflows/go.yml':
          'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Format\n        run: make fmt check_changes\n',
      },
      expect: {
        outcome: 'pass',
        message: 'checked in CI (gofmt, then git diff --exit-code)',
        evidence: [
          {
            path: 'Makefile',
            line: 7,
            note: 'job lint runs gofmt, then git diff --exit-code (Makefile:4) fails the job on any file it changed: .github/workflows/go.yml:8 → Makefile:7 (make fmt) → gofmt',
          },
        ],
        absent: ['write mode'],
      },
    },
    {
      name: 'oxfmt: .oxfmtrc.json and `oxfmt --check` reached from CI through a package script (round 12)',
      tree: {
        'package.json': JSON.stringify(
          {
            scripts: { format: 'oxfmt --write .', 'format:check': 'oxfmt --check .' },
            devDependencies: { oxfmt: '^0.6.0' },
          },
          null,
          2,
        ),
        '.oxfmtrc.json': '{ "printWidth": 120, "singleQuote": true }\n',
        'src/main.ts': 'export const x = 1;\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm run format:check\n',
      },
      expect: {
        outcome: 'pass',
        message: 'oxfmt',
        evidence: [{ path: '.oxfmtrc.json' }, { path: 'package.json', line: 4, snippet: 'oxfmt --check .' }],
      },
    },
    {
      name: 'CSharpier.MsBuild referenced by the library project formats on every build, which CI runs (round 10, .NET library)',
      tree: {
        'Acme.Cli/Acme.Cli.csproj': [
          '<Project Sdk="Microsoft.NET.Sdk">',
          '  <PropertyGroup>',
          '    <TargetFramework>net8.0</TargetFramework>',
          '  </PropertyGroup>',
          '  <ItemGroup>',
          '    <PackageReference Include="CSharpier.MsBuild" PrivateAssets="all" />',
          '  </ItemGroup>',
          '</Project>',
          '',
        ].join('\n'),
        'Acme.Cli/Runner.cs': 'namespace Acme.Cli;\npublic static class Runner {}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: dotnet build Acme.Cli\n',
      },
      expect: {
        outcome: 'pass',
        message: 'CSharpier configured and checked in CI',
        evidence: [
          { path: 'Acme.Cli/Acme.Cli.csproj', line: 6, note: 'CSharpier configuration' },
          { path: '.github/workflows/ci.yml', line: 7 },
        ],
      },
    },
    {
      name: 'dotnet csharpier check in CI is a formatter check',
      tree: {
        'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  style:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: dotnet csharpier check .\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: '.github/workflows/ci.yml', line: 7 }] },
    },
    {
      name: 'PHP_CodeSniffer with the PSR-12 standard, run by CI: a layout checker (phpcbf fixes it)',
      tree: {
        'phpcs.xml.dist':
          '<?xml version="1.0"?>\n<ruleset name="Acme">\n    <arg name="extensions" value="php"/>\n    <file>./src</file>\n\n    <rule ref="PSR12">\n        <exclude name="PSR12.Files.FileHeader"/>\n    </rule>\n</ruleset>\n',
        'composer.json':
          '{\n  "name": "acme/ids",\n  "scripts": {\n    "phpcbf": "phpcbf -vpw",\n    "phpcs": "phpcs"\n  }\n}\n',
        'src/Id.php': '<?php\nfinal class Id {}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  coding-standards:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./vendor/bin/phpcs --colors\n',
      },
      expect: {
        outcome: 'pass',
        message: 'PHP_CodeSniffer configured and checked in CI (PHP_CodeSniffer).',
        evidence: [
          { path: 'phpcs.xml.dist', line: 6 },
          { path: '.github/workflows/ci.yml', line: 7 },
        ],
      },
    },
    {
      name: 'super-linter with no VALIDATE_ selection runs every language, its formatters included',
      tree: {
        '.php-cs-fixer.php': '<?php\nreturn new PhpCsFixer\\Config();\n',
        'src/Reader.php': '<?php\nclass Reader {}\n',
        '.github/workflows/lint.yml':
          'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: super-linter/super-linter@v7\n        env:\n          DEFAULT_BRANCH: main\n',
      },
      expect: {
        outcome: 'pass',
        message: 'PHP-CS-Fixer/Pint configured; CI does not check it, but runs super-linter.',
        evidence: [{ path: '.github/workflows/lint.yml', line: 6 }],
      },
    },
    {
      name: 'super-linter validating Markdown only checks no code layout; the message does not contradict itself',
      tree: {
        'composer.json':
          '{\n  "name": "acme/csv",\n  "scripts": {\n    "phpcs:fix": "php-cs-fixer fix -vvv --allow-risky=yes"\n  },\n  "require-dev": { "friendsofphp/php-cs-fixer": "^3" }\n}\n',
        '.php-cs-fixer.php': '<?php\nreturn (new PhpCsFixer\\Config())->setRules(["@PSR12" => true]);\n',
        'src/Reader.php': '<?php\nclass Reader {}\n',
        '.github/workflows/build.yml':
          'on: push\njobs:\n  tests:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: composer phpcs:fix\n',
        '.github/workflows/docs-lint.yml':
          "on: push\njobs:\n  docs-lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: github/super-linter/slim@v4\n        env:\n          DEFAULT_BRANCH: master\n          VALIDATE_MARKDOWN: true\n          FILTER_REGEX_INCLUDE: '/docs/.*'\n",
      },
      expect: {
        outcome: 'pass',
        message:
          'PHP-CS-Fixer/Pint configured, not checked in CI; CI runs PHP-CS-Fixer/Pint in write mode, which rewrites the code and fails on nothing.',
        data: { checkedInCi: [], rewrittenInCi: ['PHP-CS-Fixer/Pint'] },
        evidence: [{ path: '.php-cs-fixer.php' }, { path: 'composer.json', line: 4 }],
      },
    },
    {
      name: 'a Terraform module with a Go test harness is formatted by terraform fmt by convention, not gofmt (round 8)',
      tree: {
        'main.tf': 'resource "aws_rds_cluster" "primary" {\n  engine = var.engine\n}\n',
        'variables.tf': 'variable "engine" {\n  default = "aurora"\n}\n',
        'test/src/examples_complete_test.go': 'package test\n\nfunc TestExamplesComplete(t *testing.T) {}\n',
        'test/src/go.mod': 'module example.com/test\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Formatted by convention with terraform fmt (Terraform toolchain).',
        data: { implied: ['terraform fmt (Terraform toolchain)'] },
      },
    },
    {
      name: '.editorconfig with C# code-style options is the configuration dotnet format applies',
      tree: {
        'src/Web/Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'src/Web/Program.cs': 'var app = WebApplication.Create(args);\napp.Run();\n',
        '.editorconfig':
          'root = true\n\n[*.cs]\nindent_style = space\nindent_size = 4\ncsharp_new_line_before_open_brace = all\ncsharp_style_var_for_built_in_types = true:suggestion\ndotnet_sort_system_directives_first = true\ndotnet_diagnostic.CA1822.severity = none\n',
      },
      expect: {
        outcome: 'pass',
        message: '.editorconfig holds 3 .NET code-style rules that `dotnet format` applies',
        evidence: [
          {
            path: '.editorconfig',
            line: 6,
            note: '.NET code-style rules (3 csharp_/dotnet_ options) for dotnet format',
          },
        ],
      },
    },
    {
      name: 'a formatter known only from its CI run is named for the program that ran (yapf), not its catalogue family',
      tree: {
        'pyproject.toml': '[project]\nname = "feeds"\n',
        'src/feeds/app.py': 'def main():\n    return 1\n',
        '.github/workflows/style.yml':
          'on: pull_request\njobs:\n  style:\n    runs-on: ubuntu-latest\n    steps:\n      - run: yapf --diff --recursive src\n',
      },
      expect: {
        outcome: 'pass',
        message: 'yapf configured and checked in CI (yapf)',
        evidence: [{ path: '.github/workflows/style.yml', line: 6 }],
      },
    },
    {
      name: 'prettier as a dev dependency or a package.json config key is the project formatter',
      tree: {
        'web/package.json':
          '{\n  "name": "builder",\n  "prettier": "@acme/prettier-config",\n  "devDependencies": {\n    "prettier": "^3.3.0"\n  }\n}\n',
        'web/src/a.ts': 'export const a = 1;\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'web/package.json', line: 3, note: 'Prettier configuration' }] },
    },
    {
      name: 'Prettier config checked in CI',
      tree: {
        '.prettierrc': '{ "singleQuote": true }\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  fmt:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx prettier --check .\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Prettier configured and checked in CI (Prettier)',
        evidence: [{ path: '.prettierrc' }, { path: '.github/workflows/ci.yml', line: 6 }],
      },
    },
    {
      name: 'Black in pyproject.toml',
      tree: { 'pyproject.toml': '[tool.black]\nline-length = 100\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'pyproject.toml', line: 1 }] },
    },
    {
      name: 'Spotless configured with ktfmt for Kotlin is named ktfmt at its step, not google-java-format (round 19)',
      tree: {
        'settings.gradle.kts': 'rootProject.name = "klog"\n',
        'build.gradle.kts':
          'plugins {\n  kotlin("jvm") version "2.0.0"\n  alias(libs.plugins.spotless)\n}\n\nspotless {\n    kotlin {\n        target("src/**/*.kt")\n        ktfmt("0.47").googleStyle()\n    }\n}\n',
        'src/main/kotlin/klog/Logger.kt': 'package klog\n\nclass Logger\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./gradlew build spotlessCheck\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Spotless (ktfmt) configured and checked in CI (Spotless (ktfmt))',
        evidence: [
          { path: 'build.gradle.kts', line: 9, note: 'Spotless configured with ktfmt' },
          { path: '.github/workflows/ci.yml', line: 7 },
        ],
      },
    },
    {
      name: 'Spotless in Maven with palantirJavaFormat is named palantir-java-format',
      tree: {
        'pom.xml':
          '<project>\n<build><plugins><plugin>\n<groupId>com.diffplug.spotless</groupId>\n<artifactId>spotless-maven-plugin</artifactId>\n<configuration><java><palantirJavaFormat><version>2.50.0</version></palantirJavaFormat></java></configuration>\n</plugin></plugins></build>\n</project>\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Spotless (palantir-java-format) configured',
        evidence: [{ path: 'pom.xml', line: 5, note: 'Spotless configured with palantir-java-format' }],
      },
    },
    {
      name: 'Spotless in a Gradle build',
      tree: {
        'build.gradle.kts':
          'plugins {\n  id("com.diffplug.spotless") version "6.25.0"\n}\nspotless { java { googleJavaFormat() } }\n',
      },
      expect: { outcome: 'pass', message: 'Spotless' },
    },
    {
      name: 'a Go module: gofmt by convention',
      tree: { 'go.mod': 'module x\n', 'main.go': 'package main\n', 'util.go': 'package main\n' },
      expect: { outcome: 'pass', message: 'gofmt' },
    },
    {
      name: 'golangci-lint v2 formatters enabled and run in CI: a formatter check, not a convention',
      tree: {
        'go.mod': 'module x\n',
        'main.go': 'package main\n',
        '.golangci.yml':
          'version: "2"\nlinters:\n  enable:\n    - govet\nformatters:\n  enable:\n    # layout\n    - gofmt\n    - goimports\n',
        '.github/workflows/lint.yml':
          'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: golangci/golangci-lint-action@v8\n',
      },
      expect: {
        outcome: 'pass',
        message: 'gofmt/goimports in golangci-lint configured and checked in CI',
        evidence: [{ path: '.golangci.yml', line: 8, snippet: '- gofmt' }],
      },
    },
    {
      name: 'golangci-lint v1 linters list with gofmt, not run in CI: configured, still not by convention',
      tree: {
        'go.mod': 'module x\n',
        'main.go': 'package main\n',
        '.golangci.yaml': 'linters:\n  enable: [errcheck, gofmt]\n',
      },
      expect: { outcome: 'pass', message: 'gofmt/goimports in golangci-lint configured, not checked in CI' },
    },
    {
      name: 'golangci-lint with gofmt only disabled: gofmt stays a convention',
      tree: {
        'go.mod': 'module x\n',
        'main.go': 'package main\n',
        '.golangci.yml': 'linters:\n  enable:\n    - errcheck\n  disable:\n    - gofmt\n',
        '.github/workflows/lint.yml':
          'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: golangci/golangci-lint-action@v8\n',
      },
      expect: { outcome: 'pass', message: 'Formatted by convention with gofmt' },
    },
    {
      name: 'ruff-format as a pre-commit hook',
      tree: {
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    hooks:\n      - id: ruff-check\n      - id: ruff-format\n',
        'app.py': 'x = 1\n',
      },
      expect: { outcome: 'pass', message: 'Ruff format', evidence: [{ path: '.pre-commit-config.yaml', line: 5 }] },
    },
    {
      name: 'cmd-composite-action: ruff format --check reached through a composite action and tox',
      tree: fixtureTree('cmd-composite-action'),
      expect: {
        outcome: 'pass',
        message: 'checked in CI (Ruff format)',
        evidence: [
          {
            path: 'tox.ini',
            line: 14,
            note: 'job checks runs Ruff format: .github/workflows/ci.yml:8 → .github/actions/python-checks/action.yml:15 (composite action .github/actions/python-checks) → tox.ini:14 (tox env lint) → Ruff format',
          },
        ],
      },
    },
    {
      name: 'Prettier configured, while CI only echoes the word: configured, not checked in CI',
      tree: {
        '.prettierrc': '{}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  fmt:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "prettier --check runs in the editor"\n',
      },
      expect: { outcome: 'pass', message: 'Prettier configured, not checked in CI', data: { checkedInCi: [] } },
    },
    {
      name: '.NET: EnforceCodeStyleInBuild in Directory.Build.props, checked by the build a NUKE target runs in CI',
      tree: {
        ...fixtureTree('cmd-dotnet-nuke'),
        'src/Directory.Build.props':
          '<Project>\n  <PropertyGroup>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>\n  </PropertyGroup>\n</Project>\n',
        'src/.editorconfig': 'root = true\n[*.cs]\nindent_size = 4\ndotnet_diagnostic.IDE0055.severity = error\n',
      },
      expect: {
        outcome: 'pass',
        message: '.NET code style in the build configured and checked in CI (.NET code style in the build)',
        evidence: [
          { path: 'src/Directory.Build.props', line: 4 },
          {
            path: 'build/Build.cs',
            note: 'job ubuntu-latest runs .NET code style in the build: .github/workflows/ci.yml:11 → build/Build.cs:16 (NUKE target Compile) → dotnet build',
          },
        ],
      },
    },
    {
      name: 'Prettier as an ESLint rule (plugin:prettier/recommended) and ESLint run in CI: Prettier is checked through ESLint',
      tree: {
        '.prettierrc': '{}\n',
        '.eslintrc.js': "module.exports = {\n  extends: ['eslint:recommended', 'plugin:prettier/recommended'],\n};\n",
        'package.json': '{\n  "scripts": {\n    "lint": "eslint ./src --ext .ts"\n  }\n}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run lint\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Prettier configured and checked in CI (Prettier through ESLint)',
        evidence: [
          { path: '.prettierrc' },
          { path: '.eslintrc.js', line: 2 },
          {
            path: 'package.json',
            line: 3,
            note: 'job lint runs ESLint, which checks the Prettier layout: .github/workflows/ci.yml:6 → package.json:3 (npm script lint) → ESLint',
          },
        ],
      },
    },
    {
      name: 'prettier --write, black . and Spotless apply in CI rewrite the code: configured, not checked in CI',
      tree: {
        '.prettierrc': '{}\n',
        'pyproject.toml': '[tool.black]\nline-length = 100\n',
        'pom.xml':
          '<project>\n<build><plugins><plugin>\n<groupId>com.diffplug.spotless</groupId>\n<artifactId>spotless-maven-plugin</artifactId>\n<executions><execution><phase>process-sources</phase><goals><goal>apply</goal></goals></execution></executions>\n</plugin></plugins></build>\n</project>\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx prettier --write .\n      - run: black .\n      - run: ./mvnw verify\n',
      },
      expect: {
        outcome: 'pass',
        message:
          'Prettier, Black and Spotless/google-java-format configured, not checked in CI; CI runs Prettier, Black and Spotless/google-java-format in write mode, which rewrites the code and fails on nothing.',
        data: { checkedInCi: [] },
      },
    },
    {
      name: 'a formatter that rewrites, then `git diff --exit-code` in the same job: checked',
      tree: {
        '.prettierrc': '{}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  fmt:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx prettier --write .\n      - run: git diff --exit-code\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Prettier configured and checked in CI (Prettier, then git diff --exit-code)',
      },
    },
    {
      name: 'Spotless check bound in pom.xml: checked by mvn verify',
      tree: {
        'pom.xml':
          '<project>\n<build><plugins><plugin>\n<groupId>com.diffplug.spotless</groupId>\n<artifactId>spotless-maven-plugin</artifactId>\n<executions><execution><goals><goal>check</goal></goals></execution></executions>\n</plugin></plugins></build>\n</project>\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mvn -B verify\n',
      },
      expect: { outcome: 'pass', message: 'checked in CI (Spotless/google-java-format)' },
    },
    {
      name: 'Black as a pre-commit hook run in CI by prek: pre-commit fails when a hook rewrites a file, so it checks',
      tree: {
        'pyproject.toml': '[project]\nname = "humane"\n',
        'src/humane/__init__.py': 'def natural(n):\n    return str(n)\n',
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/psf/black-pre-commit-mirror\n    rev: 25.1.0\n    hooks:\n      - id: black\n',
        '.github/workflows/lint.yml':
          'on: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: j178/prek-action@v2\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Black configured and checked in CI (Black).',
        evidence: [
          {
            path: '.pre-commit-config.yaml',
            line: 5,
            note: 'job lint runs Black: .github/workflows/lint.yml:7 → .pre-commit-config.yaml:5 (pre-commit hook black) → Black',
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'an .editorconfig holding only a Visual Studio guidelines column sets no whitespace rules: no formatter, said so (round 20)',
      tree: {
        'package.json': '{"name":"web","version":"1.0.0"}',
        'src/index.js': 'export const x = 1;\n',
        '.editorconfig':
          '# To learn more about .editorconfig see https://aka.ms/editorconfigdocs\n\n[*.js]\nguidelines = 120\n',
      },
      expect: {
        outcome: 'fail',
        // Every key WHITESPACE_KEY accepts is named, not four of the seven.
        message:
          '.editorconfig sets no whitespace rules (no indent_style, indent_size, tab_width, end_of_line, trim_trailing_whitespace, insert_final_newline or max_line_length)',
        evidence: [{ path: '.editorconfig', note: 'no whitespace rules (other editor keys only)' }],
        absent: ['sets whitespace rules ('],
      },
    },
    {
      name: 'an .editorconfig with indentation rules is partial, citing the rule line',
      tree: {
        'package.json': '{"name":"web","version":"1.0.0"}',
        'src/index.js': 'export const x = 1;\n',
        '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: '.editorconfig sets whitespace rules (indent_style at line 4)',
        evidence: [{ path: '.editorconfig', line: 4, note: 'editor settings only' }],
      },
    },
    {
      name: 'four Terraform stubs in infrastructure/ of a Java service: terraform fmt speaks for them, not for the Java code',
      tree: {
        'build.gradle': "plugins { id 'java' }\n",
        'src/main/java/uk/acme/Application.java': 'package uk.acme;\n\npublic class Application {}\n',
        'src/main/java/uk/acme/RootController.java': 'package uk.acme;\n\npublic class RootController {}\n',
        'src/main/java/uk/acme/Config.java': 'package uk.acme;\n\npublic class Config {}\n',
        'src/main/java/uk/acme/Health.java': 'package uk.acme;\n\npublic class Health {}\n',
        'src/test/java/uk/acme/ApplicationTest.java': 'package uk.acme;\n\npublic class ApplicationTest {}\n',
        'src/test/java/uk/acme/RootControllerTest.java': 'package uk.acme;\n\npublic class RootControllerTest {}\n',
        'src/test/java/uk/acme/ConfigTest.java': 'package uk.acme;\n\npublic class ConfigTest {}\n',
        'src/test/java/uk/acme/HealthTest.java': 'package uk.acme;\n\npublic class HealthTest {}\n',
        'infrastructure/main.tf': 'provider "azurerm" {\n  features {}\n}\n',
        'infrastructure/state.tf': 'terraform {\n  backend "azurerm" {}\n}\n',
        'infrastructure/variables.tf': 'variable "env" {}\n',
        'infrastructure/output.tf': 'output "env" {\n  value = var.env\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message:
          'terraform fmt (Terraform toolchain) formats the 4 Terraform files by convention, but no formatter is configured for the other 4 source files (the Java code).',
        evidence: [{ path: '.', note: 'terraform fmt (Terraform toolchain) implied for the Terraform files only' }],
      },
    },
    {
      name: 'a phpcs ruleset of compatibility sniffs only lays out nothing: not a formatter',
      tree: {
        'phpcs.xml': '<?xml version="1.0"?>\n<ruleset name="Compat">\n    <rule ref="PHPCompatibility"/>\n</ruleset>\n',
        'src/Id.php': '<?php\nfinal class Id {}\n',
        '.editorconfig': 'root = true\n[*]\nindent_style = space\n',
      },
      expect: { outcome: 'partial', score: 0.5, message: '.editorconfig sets whitespace rules' },
    },
    {
      name: '.editorconfig with whitespace settings only stays partial for C#',
      tree: {
        'src/App/Program.cs': 'class Program {}\n',
        '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 4\n',
      },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: '.editorconfig', note: 'editor settings only' }] },
    },
    {
      name: 'Go beside a larger unformatted frontend: gofmt covers the Go part only',
      tree: {
        'go.mod': 'module lists\n',
        'cmd/main.go': 'package main\n',
        'frontend/src/a.js': 'export const a = 1;\n',
        'frontend/src/b.js': 'export const b = 1;\n',
        'frontend/src/c.js': 'export const c = 1;\n',
      },
      expect: { outcome: 'partial', score: 0.5, message: 'no formatter is configured for the other 3 source files' },
    },
    {
      name: 'prettier as a runtime dependency (code highlighting) is a library, not a formatter config',
      tree: {
        '.editorconfig': 'root = true\n[*]\nindent_style = space\n',
        'web/package.json': '{\n  "name": "builder",\n  "dependencies": {\n    "prettier": "^3.3.0"\n  }\n}\n',
        'web/src/highlight.ts': "import { format } from 'prettier';\nexport const pretty = (s: string) => format(s);\n",
      },
      expect: { outcome: 'partial', score: 0.5 },
    },
    {
      name: 'no formatter here, but a coding-standards workflow of another repository is called: unknown, named',
      tree: {
        'composer.json': '{"require": {"php": "^8.3"}}\n',
        '.github/workflows/coding-standards.yml':
          'on: [push]\njobs:\n  lint:\n    uses: acme/.github/.github/workflows/coding-standards.yml@main\n',
      },
      expect: {
        outcome: 'unknown',
        evidence: [
          { path: '.github/workflows/coding-standards.yml', line: 4, note: expect.stringContaining('not followed') },
        ],
      },
    },
    {
      name: 'a reusable workflow of another repository for releases says nothing about formatting',
      tree: {
        'composer.json': '{"require": {"php": "^8.3"}}\n',
        '.github/workflows/release.yml':
          'on: [push]\njobs:\n  publish:\n    uses: acme/.github/.github/workflows/release.yml@main\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: '.editorconfig only: partial',
      tree: { '.editorconfig': 'root = true\n[*]\nindent_style = space\n', 'app.py': 'x = 1\n' },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: '.editorconfig' }] },
    },
    {
      name: 'nothing',
      tree: { 'app.py': 'x = 1\n' },
      expect: { outcome: 'fail' },
    },
    {
      name: 'an .editorconfig kept in src/ is found (whitespace rules only: partial)',
      tree: { 'src/.editorconfig': 'root = true\n[*]\nindent_style = space\n', 'src/app.py': 'x = 1\n' },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: 'src/.editorconfig' }] },
    },
  ],
});
