/**
 * Which tool a normalised command runs, from its program and arguments (never from a word
 * elsewhere on the line): test runners, linters, formatters, type checkers, security scanners,
 * deploy commands and builds. One program may be several kinds (`biome ci` lints and checks
 * formatting; `mvn verify` builds and tests).
 */
import type { CommandTool, ToolKind } from '../../types.js';
import { coverageTools } from './coverage.js';
import { table } from '../../util/table.js';

interface Spec {
  name: string;
  kinds: ToolKind[];
  /** Program names (argv[0]). */
  cmd: string[];
  /** Tested on the arguments joined by spaces (argv[1..]); absent: any arguments. */
  args?: RegExp;
  /** Arguments that make it something else (a dry run, a skipped test phase). */
  not?: RegExp;
}

const T: ToolKind[] = ['test'];
const L: ToolKind[] = ['lint'];
const F: ToolKind[] = ['format'];
const S: ToolKind[] = ['scan'];
const D: ToolKind[] = ['deploy'];
const B: ToolKind[] = ['build'];
const R: ToolKind[] = ['release'];

const DRY = /--dry-run\b|(?:^|\s)--check\b|--diff\b/;
const SPECS: Spec[] = [
  // ── tests ──
  { name: 'pytest', kinds: T, cmd: ['pytest', 'py.test'] },
  { name: 'unittest', kinds: T, cmd: ['unittest'] },
  { name: 'nose2', kinds: T, cmd: ['nose2', 'nosetests', 'nose'] },
  { name: 'Django tests', kinds: T, cmd: ['manage.py', './manage.py'], args: /^test\b/ },
  { name: 'Jest', kinds: T, cmd: ['jest'], not: /--listTests\b/ },
  { name: 'Jest', kinds: T, cmd: ['react-scripts', 'craco', 'react-app-rewired', 'ng'], args: /^test\b/ },
  { name: 'Vitest', kinds: T, cmd: ['vitest'], args: /^(?!bench\b|list\b)/ },
  // Vite+ (`vp`): `vp test` is Vitest, `vp check` formats (oxfmt), lints (oxlint) and type-checks,
  // `vp fmt` and `vp lint` each one of them (blind round 29, koel lint-frontend.yml `vp check`).
  { name: 'Vitest', kinds: T, cmd: ['vp'], args: /^test\b(?!\s+(?:bench|list)\b)/ },
  { name: 'Vite+ check', kinds: ['format', 'lint', 'typecheck'], cmd: ['vp'], args: /^check\b/ },
  { name: 'oxfmt', kinds: F, cmd: ['vp'], args: /^fmt\b/ },
  { name: 'Oxlint', kinds: L, cmd: ['vp'], args: /^lint\b/ },
  { name: 'Mocha', kinds: T, cmd: ['mocha', '_mocha'] },
  { name: 'AVA', kinds: T, cmd: ['ava'] },
  // A Rails app's JavaScript tests, run in a browser (`bundle exec teaspoon`).
  { name: 'Teaspoon', kinds: T, cmd: ['teaspoon'] },
  { name: 'node-tap', kinds: T, cmd: ['tap', 'tape', 'uvu', 'jasmine', 'karma', 'lab', 'borp', 'brittle'] },
  { name: 'node:test', kinds: T, cmd: ['node', 'tsx'], args: /(?:^|\s)--test\b/ },
  { name: 'Playwright', kinds: T, cmd: ['playwright'], args: /^test\b/ },
  { name: 'Cypress', kinds: T, cmd: ['cypress'], args: /^run\b/ },
  { name: 'bun test', kinds: T, cmd: ['bun'], args: /^test\b/ },
  { name: 'deno test', kinds: T, cmd: ['deno'], args: /^test\b/ },
  { name: 'go test', kinds: T, cmd: ['go', 'richgo'], args: /^test\b/ },
  { name: 'gotestsum', kinds: T, cmd: ['gotestsum', 'ginkgo'] },
  { name: 'dotnet test', kinds: T, cmd: ['dotnet'], args: /^test\b/ },
  { name: 'VSTest', kinds: T, cmd: ['vstest.console', 'vstest.console.exe', 'xunit.console'] },
  { name: 'cargo test', kinds: T, cmd: ['cargo'], args: /^(?:\+\S+\s+)?(?:test|nextest|tarpaulin|llvm-cov)\b/ },
  // cross (cross-rs) is cargo run in a container for another target: `cross test`, `cross build`.
  { name: 'cross test', kinds: T, cmd: ['cross'], args: /^(?:\+\S+\s+)?(?:test|nextest)\b/ },
  { name: 'RSpec', kinds: T, cmd: ['rspec'] },
  // `rails spec` is rspec-rails' task, run through the rails command: RSpec.
  // The rails command runs several tasks in turn: namespaced ones may come first (`bin/rails
  // db:setup test`, `rails db:test:prepare test:system`; blind round 23, once-campfire ci.yml:98,128).
  { name: 'RSpec', kinds: T, cmd: ['rails', 'bin/rails'], args: /^(?:[\w-]+(?::[\w-]+)+\s+)*spec\b/ },
  {
    name: 'rails test',
    kinds: T,
    cmd: ['rails', 'bin/rails', 'ruby'],
    args: /^(?:[\w-]+(?::[\w-]+)+\s+)*test\b|(?:^|\s)-Itest\b/,
  },
  { name: 'PHPUnit', kinds: T, cmd: ['phpunit', 'simple-phpunit', 'paratest'] },
  { name: 'Pest', kinds: T, cmd: ['pest'] },
  { name: 'artisan test', kinds: T, cmd: ['artisan'], args: /^test\b/ },
  { name: 'CTest', kinds: T, cmd: ['ctest'] },
  { name: 'mix test', kinds: T, cmd: ['mix'], args: /^test\b/ },
  { name: 'swift test', kinds: T, cmd: ['swift', 'flutter', 'dart'], args: /^test\b/ },
  { name: 'zig build test', kinds: T, cmd: ['zig'], args: /^build\s+test\b/ },
  { name: 'sbt test', kinds: T, cmd: ['sbt'], args: /(?:^|\s|;)"?\+?(?:test|it:test|testOnly)\b/ },
  { name: 'Bazel test', kinds: T, cmd: ['bazel', 'bazelisk'], args: /^test\b/ },
  { name: 'terraform test', kinds: T, cmd: ['terraform', 'tofu'], args: /^test\b/ },
  { name: 'helm unittest', kinds: T, cmd: ['helm'], args: /^unittest\b/ },
  { name: 'Ant test', kinds: T, cmd: ['ant'], args: /(?:^|\s)test\b/ },
  { name: 'lein test', kinds: T, cmd: ['lein', 'cabal', 'stack'], args: /^test\b/ },
  { name: 'hatch test', kinds: T, cmd: ['hatch'], args: /^test\b/ },
  { name: 'setup.py test', kinds: T, cmd: ['setup.py'], args: /^test\b/ },
  { name: 'Behave', kinds: T, cmd: ['behave', 'robot', 'cucumber', 'cucumber-js'] },
  { name: 'Xcode test', kinds: T, cmd: ['xcodebuild'], args: /(?:^|\s)test\b/ },
  // Charts installed into a throwaway cluster: it shows the chart installs, it runs none of the project's tests.
  { name: 'chart-testing install', kinds: B, cmd: ['ct'], args: /^(?:install|lint-and-install)\b/ },
  { name: 'helm test', kinds: T, cmd: ['helm'], args: /^test\b/ },
  { name: 'Bats', kinds: T, cmd: ['bats', 'shellspec', 'molecule', 'kitchen', 'inspec'], args: /^(?!--version)/ },
  { name: 'Pester', kinds: T, cmd: ['Invoke-Pester', 'pester'] },
  // An Ansible collection's own test runner: `ansible-test units` (pytest under tests/unit),
  // `ansible-test integration <target>` (the targets under tests/integration/targets) and the
  // network/windows variants; `ansible-test sanity` is its lint pass (pylint, validate-modules, yamllint…).
  {
    name: 'ansible-test',
    kinds: T,
    cmd: ['ansible-test'],
    args: /^(?:units|integration|network-integration|windows-integration)\b/,
  },
  { name: 'ansible-test sanity', kinds: L, cmd: ['ansible-test'], args: /^sanity\b/ },
  { name: 'conftest verify', kinds: T, cmd: ['conftest'], args: /^verify\b/ },
  // Cloud Foundation Toolkit blueprint tests: `cft test run TestX --stage verify` runs the module's Go tests.
  { name: 'cft test', kinds: T, cmd: ['cft'], args: /^test\s+run\b/ },
  // API tests of a Postman collection, run against a live server.
  { name: 'Newman', kinds: T, cmd: ['newman'], args: /^run\b/ },
  { name: 'Newman', kinds: T, cmd: ['postman'], args: /^collection\s+run\b/ },
  // ── linters ──
  { name: 'ESLint', kinds: L, cmd: ['eslint', 'eslint_d'] },
  { name: 'Biome', kinds: ['lint', 'format'], cmd: ['biome'], args: /^(?:check|ci)\b/ },
  { name: 'Biome', kinds: L, cmd: ['biome'], args: /^lint\b/ },
  { name: 'XO', kinds: L, cmd: ['xo'] },
  { name: 'StandardJS', kinds: L, cmd: ['standard', 'ts-standard', 'semistandard'] },
  { name: 'Oxlint', kinds: L, cmd: ['oxlint'] },
  { name: 'TSLint', kinds: L, cmd: ['tslint'] },
  { name: 'Stylelint', kinds: L, cmd: ['stylelint'] },
  // djLint lints templates by default; `--check`/`--reformat` are its formatter.
  { name: 'djLint', kinds: L, cmd: ['djlint'], args: /(?:^|\s)--lint\b|^(?![\s\S]*--(?:check|reformat)\b)/ },
  { name: 'Ruff', kinds: L, cmd: ['ruff'], args: /^(?!format\b|--version\b)/ },
  { name: 'Flake8', kinds: L, cmd: ['flake8', 'flakeheaven', 'flakehell'] },
  { name: 'Pylint', kinds: L, cmd: ['pylint'] },
  { name: 'pycodestyle', kinds: L, cmd: ['pycodestyle', 'pydocstyle', 'pyflakes', 'prospector', 'pylama'] },
  { name: 'golangci-lint', kinds: L, cmd: ['golangci-lint'], args: /^(?!fmt\b|--version\b|version\b)/ },
  { name: 'go vet', kinds: L, cmd: ['go'], args: /^vet\b/ },
  { name: 'staticcheck', kinds: L, cmd: ['staticcheck', 'revive', 'golint', 'errcheck', 'ineffassign'] },
  { name: 'Checkstyle', kinds: L, cmd: ['checkstyle'] },
  { name: 'detekt', kinds: L, cmd: ['detekt', 'detekt-cli'] },
  { name: 'ktlint', kinds: ['lint', 'format'], cmd: ['ktlint'] },
  { name: 'RuboCop', kinds: ['lint', 'format'], cmd: ['rubocop', 'standardrb'] },
  { name: 'PHPStan', kinds: L, cmd: ['phpstan', 'psalm', 'phpcs', 'phpmd'] },
  { name: 'Clippy', kinds: L, cmd: ['cargo'], args: /^(?:\+\S+\s+)?clippy\b/ },
  { name: 'ShellCheck', kinds: L, cmd: ['shellcheck'] },
  { name: 'hadolint', kinds: L, cmd: ['hadolint'] },
  { name: 'markdownlint', kinds: L, cmd: ['markdownlint', 'markdownlint-cli2', 'mdl', 'yamllint', 'actionlint'] },
  { name: 'TFLint', kinds: L, cmd: ['tflint'] },
  // Jsonnet's linter (go-jsonnet's jsonnet-lint; blind round 50).
  { name: 'jsonnet-lint', kinds: L, cmd: ['jsonnet-lint'] },
  {
    name: 'terraform validate',
    kinds: ['lint', 'build'],
    cmd: ['terraform', 'tofu', 'terragrunt'],
    args: /^(?:run-all\s+)?validate\b/,
  },
  { name: 'chart-testing lint', kinds: L, cmd: ['ct'], args: /^(?:lint|lint-and-install)\b/ },
  // The lint entry point of the Cloud Foundation Toolkit developer-tools image (every terraform-google-modules
  // module's CI): terraform fmt and validate, TFLint, ShellCheck, flake8. Named by its path in the image only.
  { name: 'CFT lint', kinds: ['lint', 'format'], cmd: ['/usr/local/bin/test_lint.sh'] },
  { name: 'helm lint', kinds: L, cmd: ['helm'], args: /^lint\b/ },
  {
    name: 'kubeconform',
    kinds: L,
    cmd: ['kubeconform', 'kubeval', 'kube-linter', 'polaris', 'pluto', 'datree', 'kustomize-lint'],
  },
  { name: 'conftest', kinds: L, cmd: ['conftest'], args: /^test\b/ },
  { name: 'cfn-lint', kinds: L, cmd: ['cfn-lint', 'cfn-nag', 'cfn_nag_scan'] },
  // Ansible's linter (it also runs yamllint's rules on the content): its own tool, with a config file.
  { name: 'ansible-lint', kinds: L, cmd: ['ansible-lint'] },
  // Artifact Hub metadata, not the charts' code.
  { name: 'ah lint', kinds: L, cmd: ['ah'], args: /^lint\b/ },
  { name: 'SwiftLint', kinds: L, cmd: ['swiftlint', 'credo'] },
  { name: 'mix credo', kinds: L, cmd: ['mix'], args: /^credo\b/ },
  // Dialyzer checks typespecs and finds type errors: a static check, run through dialyxir.
  { name: 'mix dialyzer', kinds: [...L, 'typecheck'], cmd: ['mix'], args: /^dialyzer\b/ },
  { name: 'clang-tidy', kinds: L, cmd: ['clang-tidy', 'cppcheck', 'cpplint'] },
  { name: 'super-linter', kinds: L, cmd: ['super-linter', 'mega-linter-runner'] },
  { name: 'Trunk', kinds: ['lint', 'format'], cmd: ['trunk'], args: /^check\b/ },
  { name: 'deno lint', kinds: L, cmd: ['deno'], args: /^lint\b/ },
  // Framework CLIs whose `lint` runs ESLint with the framework's configuration (`next lint`;
  // `ng lint`, the lint builder angular-eslint sets up in angular.json).
  { name: 'ESLint', kinds: L, cmd: ['next'], args: /^lint\b/ },
  { name: 'ESLint', kinds: L, cmd: ['ng'], args: /^lint\b/ },
  // Dart and Flutter's analyzer: the lints analysis_options.yaml enables (flutter_lints, lints, very_good_analysis).
  { name: 'dart analyze', kinds: L, cmd: ['dart'], args: /^analyze\b/ },
  { name: 'flutter analyze', kinds: L, cmd: ['flutter'], args: /^analyze\b/ },
  // PHP: Phan; Ruby: Reek (code smells) and ERB Lint (templates).
  { name: 'Phan', kinds: L, cmd: ['phan'] },
  { name: 'Reek', kinds: L, cmd: ['reek'] },
  { name: 'ERB Lint', kinds: L, cmd: ['erb_lint'] },
  { name: 'ERB Lint', kinds: L, cmd: ['erblint'] },
  // ReSharper's command-line inspections (`jb inspectcode`) and Roslynator's analyzers run as a CLI.
  { name: 'ReSharper InspectCode', kinds: L, cmd: ['jb'], args: /^inspectcode\b/ },
  { name: 'ReSharper InspectCode', kinds: L, cmd: ['inspectcode'] },
  { name: 'ReSharper InspectCode', kinds: L, cmd: ['dotnet'], args: /^jb\s+inspectcode\b/ },
  { name: 'Roslynator', kinds: L, cmd: ['roslynator'], args: /^analyze\b/ },
  { name: 'Roslynator', kinds: L, cmd: ['dotnet'], args: /^roslynator\s+analyze\b/ },
  { name: 'dotnet format', kinds: ['format', 'lint'], cmd: ['dotnet'], args: /^format\b/ },
  { name: 'dotnet format', kinds: ['format', 'lint'], cmd: ['dotnet-format'] },
  { name: 'CSharpier', kinds: F, cmd: ['dotnet'], args: /^csharpier\b/ },
  { name: 'CSharpier', kinds: F, cmd: ['csharpier', 'dotnet-csharpier'] },
  // ── type checkers ──
  { name: 'mypy', kinds: ['typecheck'], cmd: ['mypy', 'pyright', 'basedpyright', 'pytype', 'dmypy'] },
  // Astral's ty (`ty check`): a Python type checker (blind round 22, pokeapi).
  { name: 'ty', kinds: ['typecheck'], cmd: ['ty'], args: /^check\b/ },
  { name: 'tsc', kinds: ['typecheck', 'build'], cmd: ['tsc', 'vue-tsc', 'tsgo'] },
  // Framework type checkers over components and pages (Svelte, Astro, Nuxt), Deno's and Flow's.
  { name: 'svelte-check', kinds: ['typecheck'], cmd: ['svelte-check'] },
  { name: 'astro check', kinds: ['typecheck'], cmd: ['astro'], args: /^check\b/ },
  { name: 'nuxi typecheck', kinds: ['typecheck'], cmd: ['nuxi', 'nuxt'], args: /^typecheck\b/ },
  { name: 'deno check', kinds: ['typecheck'], cmd: ['deno'], args: /^check\b/ },
  { name: 'Flow', kinds: ['typecheck'], cmd: ['flow'], args: /^(?:$|check\b|status\b|full-check\b|focus-check\b)/ },
  // Meta's Python checkers (Pyrefly, Pyre); Ruby's Sorbet (`srb tc`) and Steep.
  { name: 'Pyrefly', kinds: ['typecheck'], cmd: ['pyrefly'], args: /^check\b/ },
  { name: 'Pyre', kinds: ['typecheck'], cmd: ['pyre'], args: /^(?:$|check\b|incremental\b)/ },
  { name: 'Sorbet', kinds: ['typecheck'], cmd: ['srb'], args: /^tc\b/ },
  { name: 'Steep', kinds: ['typecheck'], cmd: ['steep'], args: /^check\b/ },
  // ── formatters ──
  { name: 'Prettier', kinds: F, cmd: ['prettier'] },
  { name: 'Biome', kinds: F, cmd: ['biome'], args: /^format\b/ },
  { name: 'dprint', kinds: F, cmd: ['dprint'], args: /^(?:check|fmt)\b/ },
  { name: 'oxfmt', kinds: F, cmd: ['oxfmt'] },
  // treefmt runs the formatters its treefmt.toml (or treefmt-nix module) configures; `nix fmt` runs
  // the flake's formatter, treefmt for treefmt-nix flakes (blind round 32).
  { name: 'treefmt', kinds: F, cmd: ['treefmt'] },
  { name: 'treefmt', kinds: F, cmd: ['nix'], args: /^fmt\b/ },
  { name: 'Black', kinds: F, cmd: ['black', 'blue', 'pyink'] },
  { name: 'djLint', kinds: F, cmd: ['djlint'], args: /(?:^|\s)--(?:check|reformat)\b/ },
  { name: 'Ruff format', kinds: F, cmd: ['ruff'], args: /^format\b/ },
  { name: 'isort', kinds: F, cmd: ['isort', 'yapf', 'autopep8', 'usort', 'ufmt'] },
  { name: 'gofmt', kinds: F, cmd: ['gofmt', 'goimports', 'gofumpt', 'gci'] },
  { name: 'gofmt', kinds: F, cmd: ['go'], args: /^fmt\b/ },
  { name: 'gofmt', kinds: F, cmd: ['golangci-lint'], args: /^fmt\b/ },
  { name: 'google-java-format', kinds: F, cmd: ['google-java-format', 'ktfmt'] },
  { name: 'rustfmt', kinds: F, cmd: ['rustfmt'] },
  { name: 'rustfmt', kinds: F, cmd: ['cargo'], args: /^(?:\+\S+\s+)?fmt\b/ },
  { name: 'PHP-CS-Fixer', kinds: F, cmd: ['php-cs-fixer', 'pint', 'phpcbf'] },
  // Mago, a PHP toolchain: `mago format`/`mago fmt` (PER-CS layout), `mago lint`, `mago analyze`
  // (blind round 29, koel composer.json `"cs": "mago format --check"`).
  { name: 'Mago format', kinds: F, cmd: ['mago'], args: /^(?:format|fmt)\b/ },
  { name: 'Mago lint', kinds: L, cmd: ['mago'], args: /^(?:lint|analy[sz]e|guard)\b/ },
  { name: 'clang-format', kinds: F, cmd: ['clang-format', 'git-clang-format'] },
  { name: 'terraform fmt', kinds: F, cmd: ['terraform', 'tofu', 'terragrunt'], args: /^(?:fmt|hclfmt)\b/ },
  { name: 'shfmt', kinds: F, cmd: ['shfmt', 'swiftformat', 'swift-format', 'stylua'] },
  // Jsonnet: go-jsonnet's jsonnetfmt (`--test` checks, `-i` rewrites) and Tanka's `tk fmt` (blind round 50).
  { name: 'jsonnetfmt', kinds: F, cmd: ['jsonnetfmt'] },
  { name: 'jsonnetfmt', kinds: F, cmd: ['tk'], args: /^fmt\b/ },
  { name: 'mix format', kinds: F, cmd: ['mix'], args: /^format\b/ },
  { name: 'deno fmt', kinds: F, cmd: ['deno'], args: /^fmt\b/ },
  { name: 'dart format', kinds: F, cmd: ['dart'], args: /^format\b/ },
  { name: 'dart format', kinds: F, cmd: ['flutter'], args: /^format\b/ },
  // The Swift toolchain's formatter (`swift format lint`, `swift format --in-place`).
  { name: 'swift-format', kinds: F, cmd: ['swift'], args: /^format\b/ },
  // Ruby: Syntax Tree (`stree check`, `stree write`) and Rufo.
  { name: 'Syntax Tree', kinds: F, cmd: ['stree'], args: /^(?:check|write|format)\b/ },
  { name: 'Rufo', kinds: F, cmd: ['rufo'] },
  // PHP: Easy Coding Standard runs PHP-CS-Fixer and PHP_CodeSniffer rules (`ecs check`, `--fix` rewrites).
  { name: 'Easy Coding Standard', kinds: ['format', 'lint'], cmd: ['ecs'], args: /^check\b/ },
  { name: 'ReSharper CleanupCode', kinds: F, cmd: ['jb'], args: /^cleanupcode\b/ },
  // ── security scanners ──
  { name: 'CodeQL', kinds: S, cmd: ['codeql'] },
  { name: 'Semgrep', kinds: S, cmd: ['semgrep', 'opengrep'] },
  { name: 'zizmor', kinds: S, cmd: ['zizmor'] },
  { name: 'Snyk', kinds: S, cmd: ['snyk'], args: /^(?:test|monitor|code|container|iac)\b/ },
  { name: 'Trivy', kinds: S, cmd: ['trivy', 'grype', 'syft'], args: /^(?!--version)/ },
  { name: 'Bandit', kinds: S, cmd: ['bandit'] },
  { name: 'FOSSA', kinds: S, cmd: ['fossa'], args: /^(?:analyze|test)\b/ },
  { name: 'gosec', kinds: S, cmd: ['gosec', 'govulncheck', 'nancy'] },
  { name: 'npm audit', kinds: S, cmd: ['npm', 'pnpm', 'yarn', 'bun'], args: /^audit\b|^npm\s+audit\b/ },
  { name: 'audit-ci', kinds: S, cmd: ['audit-ci', 'better-npm-audit', 'retire', 'auditjs', 'improved-yarn-audit'] },
  { name: 'pip-audit', kinds: S, cmd: ['pip-audit', 'safety', 'osv-scanner', 'jake'] },
  { name: 'OWASP Dependency-Check', kinds: S, cmd: ['dependency-check', 'dependency-check.sh'] },
  {
    name: 'gitleaks',
    kinds: S,
    cmd: ['gitleaks', 'trufflehog', 'detect-secrets', 'ggshield', 'talisman', 'secretlint'],
  },
  // Bearer (SAST with data-flow rules), Kubescape (Kubernetes manifests and Helm charts), JFrog Xray
  // through the JFrog CLI (`jf audit` of the dependency tree), Coverity's analysis step.
  { name: 'Bearer', kinds: S, cmd: ['bearer'], args: /^scan\b/ },
  { name: 'Kubescape', kinds: S, cmd: ['kubescape'], args: /^scan\b/ },
  { name: 'JFrog Xray audit', kinds: S, cmd: ['jf', 'jfrog'], args: /^(?:audit|scan|xr\s+(?:audit|scan))\b/ },
  { name: 'Coverity', kinds: S, cmd: ['cov-analyze'] },
  // Psalm's taint analysis follows user input to SQL, shell and HTML sinks: a SAST run of the linter.
  { name: 'Psalm taint analysis', kinds: S, cmd: ['psalm'], args: /(?:^|\s)--taint-analysis\b/ },
  { name: 'Checkov', kinds: S, cmd: ['checkov', 'tfsec', 'kics', 'terrascan', 'kubesec', 'kube-score'] },
  { name: 'SonarQube', kinds: S, cmd: ['sonar-scanner', 'dotnet-sonarscanner', 'sonarscanner'] },
  { name: 'SonarQube', kinds: S, cmd: ['dotnet'], args: /^sonarscanner\b/ },
  // Each named as found: cargo-deny (advisories, licences, bans) is not cargo audit (blind round 33).
  { name: 'cargo audit', kinds: S, cmd: ['cargo'], args: /^audit\b/ },
  { name: 'cargo deny', kinds: S, cmd: ['cargo'], args: /^deny\b/ },
  { name: 'cargo deny', kinds: S, cmd: ['cargo-deny'] },
  { name: 'cargo audit', kinds: S, cmd: ['cargo-audit'] },
  { name: 'bundler-audit', kinds: S, cmd: ['bundler-audit', 'bundle-audit', 'brakeman'] },
  { name: 'bundler-audit', kinds: S, cmd: ['bundle'], args: /^audit\b/ },
  // Elixir: Sobelow (Phoenix security analysis), mix_audit (`mix deps.audit`) and Hex's retired-package check.
  { name: 'Sobelow', kinds: S, cmd: ['mix'], args: /^sobelow\b/ },
  { name: 'mix deps.audit', kinds: S, cmd: ['mix'], args: /^(?:deps\.audit|hex\.audit)\b/ },
  { name: 'composer audit', kinds: S, cmd: ['composer'], args: /^audit\b/ },
  // Symfony's security checker: composer.lock against the PHP security advisories (the CLI's `check:security`).
  { name: 'Symfony security checker', kinds: S, cmd: ['local-php-security-checker', 'security-checker'] },
  { name: 'Symfony security checker', kinds: S, cmd: ['symfony'], args: /^(?:check:security|security:check)\b/ },
  { name: 'dotnet vulnerable packages', kinds: S, cmd: ['dotnet'], args: /^list\s.*--vulnerable\b/ },
  { name: 'OWASP ZAP', kinds: S, cmd: ['zap-baseline.py', 'zap-full-scan.py', 'zap-api-scan.py', 'nuclei'] },
  { name: 'Docker Scout', kinds: S, cmd: ['docker'], args: /^scout\s+(?:cves|quickview|recommendations)\b/ },
  // ── deployment ──
  {
    name: 'kubectl',
    kinds: D,
    cmd: ['kubectl', 'oc'],
    args: /(?:^|\s)(?:apply|replace|set\s+image|rollout\s+restart|create\s+-f|kustomize\s.*\|)\b/,
    not: DRY,
  },
  // `helm plugin install` and `helm repo add` install nothing into a cluster.
  { name: 'Helm', kinds: D, cmd: ['helm'], args: /^(?:-{1,2}[\w-]+(?:[=\s]\S+)?\s+)*(?:upgrade|install)\b/, not: DRY },
  { name: 'helmfile', kinds: D, cmd: ['helmfile'], args: /(?:^|\s)(?:apply|sync|deploy)\b/ },
  {
    name: 'Terraform apply',
    kinds: D,
    cmd: ['terraform', 'tofu', 'terragrunt'],
    args: /(?:^|\s)(?:run-all\s+)?apply\b/,
    not: DRY,
  },
  { name: 'Pulumi', kinds: D, cmd: ['pulumi'], args: /(?:^|\s)up\b/ },
  { name: 'AWS CDK', kinds: D, cmd: ['cdk', 'sam', 'serverless', 'sls', 'sst', 'copilot', 'eb'], args: /\bdeploy\b/ },
  {
    name: 'AWS CLI deploy',
    kinds: D,
    cmd: ['aws'],
    args: /^(?:ecs\s+(?:update-service|deploy)|cloudformation\s+(?:deploy|create-stack|update-stack)|lambda\s+update-function-code|deploy\s+create-deployment|s3\s+sync|apprunner\s+start-deployment)\b/,
  },
  { name: 'ecs-deploy', kinds: D, cmd: ['ecs-deploy', 'ansible-playbook'] },
  // Docker Swarm: `docker stack deploy -c app.yml app` (also `docker --context prod stack deploy`) rolls out a stack.
  {
    name: 'docker stack deploy',
    kinds: D,
    cmd: ['docker'],
    args: /^(?:-{1,2}[\w-]+(?:[=\s]\S+)?\s+)*stack\s+(?:deploy|up)\b/,
  },
  {
    name: 'gcloud deploy',
    kinds: D,
    cmd: ['gcloud'],
    args: /(?:^|\s)(?:run\s+(?:deploy|services\s+replace)|app\s+deploy|functions\s+deploy|deploy\s+releases\s+create)\b/,
  },
  {
    name: 'Azure CLI deploy',
    kinds: D,
    cmd: ['az'],
    // Azure Spring Apps (`az spring app deploy`), Static Web Apps, Container Instances and ACR tasks too.
    args: /^(?:webapp\s+(?:up|deploy|deployment|config\s+container\s+set)|containerapp\s+(?:up|update|create)|functionapp\s+deployment|deployment\s+(?:group|sub)\s+create|aks\s+command|spring\s+app\s+(?:deploy|update)|spring-cloud\s+app\s+deploy|staticwebapp\s+deploy|container\s+create)\b/,
  },
  { name: 'func publish', kinds: D, cmd: ['func'], args: /^azure\s+functionapp\s+publish\b/ },
  // The Azure Developer CLI: `azd up`, `azd deploy` (the services of azure.yaml) and `azd provision` (its Bicep).
  {
    name: 'Azure Developer CLI',
    kinds: D,
    cmd: ['azd'],
    // Leading flags (`--no-prompt`, `-e prod`, `--environment=prod`) before the command, bounded and each a
    // whole word: a flag's value never starts with `-`, so no two ways to read one run (linear).
    args: /^(?:--?[A-Za-z][\w-]{0,40}(?:=\S{1,200}|\s+[^-\s]\S{0,200})?\s+){0,20}(?:up|deploy|provision)\b/,
  },
  {
    name: 'PaaS deploy',
    kinds: D,
    cmd: ['flyctl', 'fly', 'netlify', 'firebase', 'wrangler', 'kamal', 'railway', 'vercel'],
    args: /(?:^|\s)(?:deploy|publish|up|--prod)\b/,
  },
  // Platform CLIs whose deploy subcommand ships the app (FastAPI Cloud `fastapi deploy`, Modal, Clever
  // Cloud, Scalingo, Shuttle; blind round 43: `uv run fastapi deploy` was no deploy command).
  { name: 'FastAPI Cloud', kinds: D, cmd: ['fastapi'], args: /^deploy\b/ },
  { name: 'PaaS deploy', kinds: D, cmd: ['modal', 'clever', 'scalingo', 'shuttle'], args: /^deploy\b/ },
  { name: 'Heroku', kinds: D, cmd: ['heroku'], args: /^(?:container:release|releases:promote)\b/ },
  { name: 'git push to a PaaS', kinds: D, cmd: ['git'], args: /^push\s+(?:\S+\s+)*(?:heroku|dokku)\b/ },
  { name: 'cf push', kinds: D, cmd: ['cf'], args: /^push\b/ },
  { name: 'Argo CD', kinds: D, cmd: ['argocd'], args: /^app\s+(?:sync|set|create)\b/ },
  // Handoffs to a CD system that deploys what CI published (blind round 35: a workflow's "CD hook"
  // publishing the uploaded chart to the Pub/Sub topic a Spinnaker pipeline is triggered by).
  { name: 'Spinnaker', kinds: D, cmd: ['spin'], args: /^pipeline\s+execute\b/ },
  {
    name: 'Spinnaker trigger (Pub/Sub)',
    kinds: D,
    cmd: ['gcloud'],
    args: /^pubsub\s+topics\s+publish\s+\S{0,200}?spinnaker/i,
  },
  {
    name: 'deploy trigger (Pub/Sub)',
    kinds: D,
    cmd: ['gcloud'],
    args: /^pubsub\s+topics\s+publish\s+(?![^\s]{0,200}?spinnaker)\S{0,200}?(?:deploy|argo|(?<![a-z])cd(?![a-z]))/i,
  },
  {
    name: 'deploy trigger (SNS)',
    kinds: D,
    cmd: ['aws'],
    args: /^sns\s+publish\b.{0,400}?--topic-arn[\s=]\S{0,300}?(?:spinnaker|deploy|(?<![a-z])cd(?![a-z]))/i,
  },
  { name: 'AWS CodePipeline', kinds: D, cmd: ['aws'], args: /^codepipeline\s+start-pipeline-execution\b/ },
  { name: 'Flux', kinds: D, cmd: ['flux'], args: /^reconcile\b/ },
  {
    name: 'Octopus Deploy',
    kinds: D,
    cmd: ['octo', 'octopus'],
    args: /^(?:deploy-release\b|create-release\b.{0,400}?--deploy-?to\b|release\s+deploy\b|deployment\s+create\b)/i,
  },
  {
    name: 'Spinnaker webhook',
    kinds: D,
    cmd: ['curl', 'wget', 'http', 'https', 'xh'],
    args: /\/webhooks\/webhook\/|\$\{?\w{0,40}SPINNAKER\w{0,40}/i,
  },
  { name: 'Skaffold', kinds: D, cmd: ['skaffold'], args: /^(?:run|deploy)\b/ },
  { name: 'Capistrano', kinds: D, cmd: ['cap'], args: /^\w+\s+deploy\b/ },
  { name: 'doctl', kinds: D, cmd: ['doctl'], args: /^apps\s+(?:create-deployment|update)\b/ },
  // A deploy hook (Forge, Render, Netlify/Vercel/Cloudflare Pages build hooks, Coolify, CapRover):
  // a URL, or a secret named for one, that starts a deployment when called.
  {
    name: 'deploy webhook',
    kinds: D,
    cmd: ['curl', 'wget', 'http', 'https', 'xh'],
    args: /(?:^|[\s'"=])(?:\$\{?\w*DEPLOY\w*HOOK\w*\}?|\$\{?\w*HOOK\w*DEPLOY\w*\}?|https?:\/\/\S*(?:deploy[-_]?hooks?\b|\/deploy\/(?:http\b|srv-)|\/integrations\/deploy\/|\/build_hooks\/|\/webhooks\/triggerbuild\b|\/api\/v\d\/deploy\?))/i,
  },
  // A POST to a URL held in a variable named for an automatic deploy (`curl -X POST -u "$TOKEN"
  // $AUTODEPLOY_URL`, `$DEPLOY_WEBHOOK`): a deploy service's hook (blind round 49).
  {
    name: 'deploy webhook (POST)',
    kinds: D,
    cmd: ['curl', 'wget', 'http', 'https', 'xh'],
    args: /^(?=.{0,800}?(?:-X[ \t]*POST\b|--request[ \t=]POST\b|--post-data\b|(?:^|\s)(?:-d|--data(?:-raw|-binary)?)[\s=]|\bPOST\s))(?=.{0,800}?\$\{?\w{0,40}DEPLOY\w{0,40}(?:URL|URI|ENDPOINT|HOOK)\w{0,20}\}?)/is,
  },
  // A repository dispatch or workflow run in another repository named for deploying (a manifests
  // or infrastructure repository that rolls out the new image): the deploy runs there (blind round 49).
  {
    name: 'repository dispatch',
    kinds: D,
    cmd: ['curl', 'gh', 'wget', 'http', 'https', 'xh'],
    args: /^(?=.{0,1200}?(?:api\.github\.com\/repos\/[\w.-]{1,100}\/[\w.-]{1,100}\/(?:dispatches|actions\/workflows\/\S{1,200}\/dispatches)\b|^api\s+\S{0,40}repos\/[\w.-]{1,100}\/[\w.-]{1,100}\/dispatches\b|^workflow\s+run\b.{0,400}?(?:-R|--repo)[\s=]))(?=.{0,1200}?(?:deploy|manifest|helm|gitops|rollout|argo|infra|release))/is,
  },
  // ── builds ──
  { name: 'go build', kinds: B, cmd: ['go'], args: /^(?:build|install)\b/ },
  { name: 'GoReleaser', kinds: B, cmd: ['goreleaser', 'ko'] },
  // An Ansible collection's artifact: the tarball Galaxy publishes.
  { name: 'ansible-galaxy collection build', kinds: B, cmd: ['ansible-galaxy'], args: /^collection\s+build\b/ },
  { name: 'dotnet build', kinds: B, cmd: ['dotnet'], args: /^(?:build|publish|pack|msbuild)\b/ },
  { name: 'cross build', kinds: B, cmd: ['cross'], args: /^(?:\+\S+\s+)?build\b/ },
  { name: 'MSBuild', kinds: B, cmd: ['msbuild', 'msbuild.exe'] },
  { name: 'cargo build', kinds: B, cmd: ['cargo'], args: /^(?:\+\S+\s+)?build\b/ },
  // `cargo check` compiles every crate (without code generation): a CI job of them is a build job.
  { name: 'cargo check', kinds: B, cmd: ['cargo'], args: /^(?:\+\S+\s+)?check\b/ },
  {
    name: 'docker build',
    kinds: B,
    cmd: ['docker', 'podman', 'buildah'],
    args: /^(?:build|buildx\s+build|compose\s+build|bake)\b/,
  },
  { name: 'docker-compose build', kinds: B, cmd: ['docker-compose'], args: /^build\b/ },
  { name: 'Python build', kinds: B, cmd: ['build'] },
  // Framework CLIs whose `build` subcommand compiles the app (`nest build`, `vue-cli-service build`).
  {
    name: 'JS framework build',
    kinds: B,
    cmd: [
      'nest',
      'react-scripts',
      'craco',
      'react-app-rewired',
      'vue-cli-service',
      'quasar',
      'ember',
      'stencil',
      'expo',
    ],
    args: /^build\b/,
  },
  { name: 'Python build', kinds: B, cmd: ['poetry', 'hatch', 'uv', 'flit', 'pdm'], args: /^build\b/ },
  {
    name: 'JS bundler',
    kinds: B,
    cmd: [
      'webpack',
      'rollup',
      'esbuild',
      'tsup',
      'parcel',
      'vite',
      'next',
      'nuxt',
      'ng',
      'babel',
      'swc',
      'unbuild',
      'rspack',
      'astro',
      'remix',
      'gatsby',
      'pkgroll',
      'microbundle',
      'ncc',
      'svelte-kit',
    ],
    args: /^(?!dev\b|serve\b|start\b|preview\b|test\b|lint\b|e2e\b)/,
  },
  { name: 'CMake', kinds: B, cmd: ['cmake'], args: /--build\b/ },
  { name: 'make', kinds: B, cmd: ['ninja', 'meson'] },
  { name: 'Bazel build', kinds: B, cmd: ['bazel', 'bazelisk'], args: /^build\b/ },
  { name: 'sbt build', kinds: B, cmd: ['sbt'], args: /(?:^|\s)"?(?:compile|package|assembly)\b/ },
  { name: 'swift build', kinds: B, cmd: ['swift', 'zig'], args: /^build\b/ },
  { name: 'mix compile', kinds: B, cmd: ['mix'], args: /^(?:compile|release)\b/ },
  { name: 'gcloud builds', kinds: B, cmd: ['gcloud'], args: /^builds\s+submit\b/ },
  { name: 'Packer', kinds: B, cmd: ['packer'], args: /^build\b/ },
  { name: 'rake compile', kinds: B, cmd: ['rake-compiler'] },
  { name: 'gem build', kinds: B, cmd: ['gem'], args: /^build\b/ },
  { name: 'terraform plan', kinds: B, cmd: ['terraform', 'tofu', 'terragrunt'], args: /^(?:run-all\s+)?plan\b/ },
  { name: 'helm package', kinds: B, cmd: ['helm'], args: /^package\b/ },
  // Renders the chart's manifests: a chart that does not render fails here, as code fails to compile.
  { name: 'helm template', kinds: B, cmd: ['helm'], args: /^template\b/ },
  // ── releases (cut, tagged or published) ──
  { name: 'chart-releaser', kinds: ['build', 'release'], cmd: ['cr'], args: /^package\b/ },
  { name: 'chart-releaser', kinds: R, cmd: ['cr'], args: /^(?:upload|index)\b/ },
  { name: 'helm push', kinds: R, cmd: ['helm'], args: /^push\b/ },
  {
    name: 'semantic-release',
    kinds: R,
    cmd: [
      'semantic-release',
      'release-please',
      'release-it',
      'standard-version',
      'jreleaser',
      'git-cliff',
      'np',
      'bumpp',
    ],
    not: /--dry-run\b/,
  },
  { name: 'changesets', kinds: R, cmd: ['changeset'], args: /^(?:publish|version)\b/ },
  // Version bumps that tag a release: `cz bump`, `bump-my-version bump`, `lerna version`, `cargo release`.
  { name: 'Commitizen bump', kinds: R, cmd: ['cz'], args: /^bump\b/, not: DRY },
  { name: 'bump-my-version', kinds: R, cmd: ['bump-my-version', 'bumpversion', 'bump2version'], not: DRY },
  // bumpver (calendar or semantic versions): `bumpver update` rewrites the version, commits and tags.
  { name: 'bumpver', kinds: R, cmd: ['bumpver'], args: /^update\b/, not: DRY },
  { name: 'Lerna version', kinds: R, cmd: ['lerna'], args: /^version\b/ },
  { name: 'cargo release', kinds: R, cmd: ['cargo'], args: /^release\b/, not: DRY },
  { name: 'cargo release', kinds: R, cmd: ['cargo-release', 'release-plz'], not: DRY },
  { name: 'sbt release', kinds: R, cmd: ['sbt'], args: /(?:^|\s)"?(?:ci-release|release|publishSigned|publish)\b/ },
  { name: 'mix hex.publish', kinds: R, cmd: ['mix'], args: /^hex\.publish\b/, not: DRY },
  { name: 'vsce publish', kinds: R, cmd: ['vsce', 'ovsx'], args: /^publish\b/ },
  // Pushing tags publishes the versions they name (`git push --follow-tags`, `git push origin --tags`).
  { name: 'git push --tags', kinds: R, cmd: ['git'], args: /^push\b(?=.*\s--(?:follow-)?tags\b)/ },
  { name: 'GoReleaser release', kinds: R, cmd: ['goreleaser'], args: /^release\b/, not: /--snapshot\b/ },
  { name: 'gh release', kinds: R, cmd: ['gh'], args: /^release\s+(?:create|upload)\b/ },
  {
    name: 'package publish',
    kinds: R,
    cmd: ['npm', 'pnpm', 'yarn', 'lerna', 'cargo', 'poetry', 'uv', 'flit', 'hatch', 'pdm'],
    args: /^(?:npm\s+)?publish\b/,
    not: DRY,
  },
  { name: 'package publish', kinds: R, cmd: ['twine'], args: /^upload\b/ },
  { name: 'package publish', kinds: R, cmd: ['gem'], args: /^push\b/ },
  // Bundler's gem tasks: `rake release` builds the gem, tags the version and pushes it to RubyGems.
  { name: 'package publish', kinds: R, cmd: ['rake'], args: /^release(?:\[[^\]\n]{0,100}\])?(?:\s|$)/ },
  { name: 'package publish', kinds: R, cmd: ['dotnet', 'nuget'], args: /^(?:nuget\s+)?push\b/ },
];

const byCmd = new Map<string, Spec[]>();
for (const s of SPECS) for (const c of s.cmd) byCmd.set(c, [...(byCmd.get(c) ?? []), s]);

/** The tools a normalised command runs (empty when it runs none we know). */
export function classify(argv: readonly string[]): CommandTool[] {
  const head = argv[0];
  if (!head) return [];
  const base = head.slice(head.lastIndexOf('/') + 1).replace(/\.(?:exe|cmd)$/i, '');
  // Global options may come before the subcommand (`terraform -chdir=envs/prod plan`, `go -C api test`).
  const args = argv
    .slice(1)
    .join(' ')
    .replace(/^(?:-[\w-]+=\S+\s+|-C\s+\S+\s+)+/, '');
  const out: CommandTool[] = [];
  for (const s of byCmd.get(head) ?? byCmd.get(base) ?? []) {
    if (s.args && !s.args.test(args)) continue;
    if (s.not?.test(args)) continue;
    // A spec that groups programs (gitleaks, trufflehog, …) names the one that runs.
    const name = s.cmd.length > 1 && s.cmd[0] !== head && s.cmd[0] !== base ? base : s.name;
    if (out.some((t) => t.name === name)) continue;
    out.push({ name, kinds: [...s.kinds] });
  }
  for (const t of coverageTools(argv)) if (!out.some((x) => x.name === t.name)) out.push(t);
  if (out.some((t) => t.kinds.includes('format')) && rewrites(base, args))
    for (const t of out) if (t.kinds.includes('format')) t.mode = 'write';
  return out;
}

/**
 * Formatter invocations that rewrite files (or print the formatted code) rather than fail on
 * unformatted code: by each tool's own flags for checking and for writing in place.
 */
const WRITES: Record<string, (args: string) => boolean> = table({
  prettier: (a) => !/(?:^|\s)(?:--check|-c|--list-different|-l)\b/.test(a),
  black: (a) => !/(?:^|\s)--check\b/.test(a),
  blue: (a) => !/(?:^|\s)--check\b/.test(a),
  // `--exit-non-zero-on-format` rewrites and still fails the run when it changed a file: a check.
  ruff: (a) => /^format\b/.test(a) && !/(?:^|\s)--(?:check|diff|exit-non-zero-on-format)\b/.test(a),
  isort: (a) => !/(?:^|\s)(?:--check-only|--check|-c)\b/.test(a),
  yapf: (a) => /(?:^|\s)(?:-i|--in-place)\b/.test(a),
  autopep8: (a) => /(?:^|\s)(?:-i|--in-place)\b/.test(a),
  gofmt: (a) => /(?:^|\s)-w\b/.test(a),
  goimports: (a) => /(?:^|\s)-w\b/.test(a),
  gofumpt: (a) => /(?:^|\s)-w\b/.test(a),
  go: (a) => /^fmt\b/.test(a),
  'golangci-lint': (a) => /^fmt\b/.test(a) && !/(?:^|\s)(?:--diff|-d)\b/.test(a),
  rustfmt: (a) => !/(?:^|\s)--check\b/.test(a),
  mago: (a) => /^(?:format|fmt)\b/.test(a) && !/(?:^|\s)--(?:check|dry-run)\b/.test(a),
  vp: (a) => (/^fmt\b/.test(a) && !/(?:^|\s)--check\b/.test(a)) || (/^check\b/.test(a) && /(?:^|\s)--fix\b/.test(a)),
  cargo: (a) => /fmt\b/.test(a) && !/(?:^|\s)--check\b/.test(a),
  // CSharpier: `csharpier check` (and 0.x `--check`) fails on unformatted code; `format` and the bare 0.x form rewrite.
  dotnet: (a) =>
    (/^format\b/.test(a) && !/--verify-no-changes\b/.test(a)) ||
    (/^csharpier\b/.test(a) && !/^csharpier\s+check\b|(?:^|\s)--check\b/.test(a)),
  csharpier: (a) => !/^check\b|(?:^|\s)--check\b/.test(a),
  'dotnet-csharpier': (a) => !/^check\b|(?:^|\s)--check\b/.test(a),
  'dotnet-format': (a) => !/--verify-no-changes\b|--check\b/.test(a),
  terraform: (a) => /^fmt\b/.test(a) && !/(?:^|\s)-check\b/.test(a),
  tofu: (a) => /^fmt\b/.test(a) && !/(?:^|\s)-check\b/.test(a),
  'php-cs-fixer': (a) => /^fix\b/.test(a) && !/--dry-run\b/.test(a),
  pint: (a) => !/(?:^|\s)--test\b/.test(a),
  phpcbf: () => true,
  'clang-format': (a) => /(?:^|\s)-i\b/.test(a),
  shfmt: (a) => /(?:^|\s)-w\b/.test(a),
  stylua: (a) => !/(?:^|\s)--check\b/.test(a),
  mix: (a) => /^format\b/.test(a) && !/--check-formatted\b/.test(a),
  deno: (a) => /^fmt\b/.test(a) && !/(?:^|\s)--check\b/.test(a),
  biome: (a) => /(?:^|\s)--(?:write|apply|apply-unsafe|fix)\b/.test(a),
  dprint: (a) => /^fmt\b/.test(a),
  oxfmt: (a) => !/(?:^|\s)--(?:check|list-different)\b/.test(a),
  // `--ci` (and `--fail-on-change`) fail when a file was not formatted.
  treefmt: (a) => !/(?:^|\s)--(?:ci|fail-on-change)\b/.test(a),
  nix: (a) => /^fmt\b/.test(a) && !/(?:^|\s)--(?:ci|fail-on-change)\b/.test(a),
  djlint: (a) => /(?:^|\s)--reformat\b/.test(a) && !/(?:^|\s)--check\b/.test(a),
  ktlint: (a) => /(?:^|\s)(?:-F|--format)\b/.test(a),
  rubocop: (a) => /(?:^|\s)(?:-a|-A|--auto-?correct(?:-all)?|--fix-layout|-x)\b/.test(a),
  standardrb: (a) => /(?:^|\s)--fix\b/.test(a),
  'google-java-format': (a) => /(?:^|\s)(?:-i|--replace)\b/.test(a),
  ktfmt: (a) => !/--dry-run\b|--set-exit-if-changed\b/.test(a),
  pyink: (a) => !/(?:^|\s)--check\b/.test(a),
  // `dart format .` rewrites; `--set-exit-if-changed` (or `--output=none`) fails on unformatted code.
  dart: (a) => /^format\b/.test(a) && !/--set-exit-if-changed\b|--output[= ](?:none|show)\b/.test(a),
  flutter: (a) => /^format\b/.test(a) && !/--set-exit-if-changed\b|--output[= ](?:none|show)\b/.test(a),
  swift: (a) => /^format\b/.test(a) && /(?:^|\s)(?:-i|--in-place)\b/.test(a),
  stree: (a) => /^(?:write|format)\b/.test(a),
  rufo: (a) => !/(?:^|\s)--check\b/.test(a),
  ecs: (a) => /(?:^|\s)--fix\b/.test(a),
  jb: () => true,
});

function rewrites(program: string, args: string): boolean {
  return WRITES[program]?.(args) ?? false;
}

/**
 * What a task runner's conventional name means when the file that defines it is not in the
 * repository (a Makefile CMake generates, a package.json of a directory CI creates): `make test`,
 * `npm test`, `tox`, `nox` run the tests. Only used when the definition is absent, never over it.
 */
export function conventional(argv: readonly string[], why: string): CommandTool[] {
  const line = argv.join(' ');
  const implied = `${why}; \`${line.slice(0, 60)}\` runs the tests by convention`;
  if (/^(?:npm|yarn|pnpm|bun)\s+(?:run\s+)?(?:-\S+\s+)*(?:test|t)\b/.test(line))
    return [{ name: 'test script', kinds: ['test'], implied }];
  if (/^(?:g?make|just|task)\s+(?:-\S+\s+\S+\s+)*(?:test|tests|check)\b/.test(line))
    return [{ name: argv[0] === 'make' ? 'make test' : `${argv[0]} test`, kinds: ['test'], implied }];
  if (/^(?:tox|nox)\b/.test(line) && !notTestRunner(argv)) return [{ name: argv[0]!, kinds: ['test'], implied }];
  return classify(argv);
}

/**
 * Environment and session names that say what else tox or nox runs: a release, docs, lint, type
 * check, formatting or packaging (`tox run -e release`, `nox -s docs`, `tox -e lint,type`). Their
 * first factor decides (`docs-linkcheck`).
 */
const NOT_TEST_ENV =
  /^(?:release|releases|publish|deploy|bump|changelog|towncrier|docs?|documentation|sphinx|mkdocs|lint|linters?|linting|style|flake8|ruff|pylint|type|types|typing|typecheck|mypy|pyright|fmt|format|formatting|fix|pre-?commit|pkg|pkg_meta|pkg-meta|package|packaging|build|dist|sdist|wheel|clean|dev|develop|devenv|upgrade|update|readme|spell|spelling|codespell)$/i;

/**
 * tox or nox told to run only environments (sessions) named for other work than tests, or only to set
 * them up (`--notest`), or to list them: no tests run, whatever the configuration (blind round 26,
 * pipdeptree prepare-release.yaml `tox run -e release` counted as a test job).
 */
export function notTestRunner(argv: readonly string[]): boolean {
  if (
    argv.some(
      (a) =>
        a === '--notest' || a === '-l' || a === '--list' || a === '--listenvs' || a === '--help' || a === '--version',
    )
  )
    return true;
  const flags = argv[0] === 'nox' ? ['-s', '--session', '--sessions', '-e'] : ['-e', '--env', '--envlist'];
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = flags.find((f) => a.startsWith(`${f}=`));
    if (eq) names.push(...a.slice(eq.length + 1).split(','));
    else if (flags.includes(a) && i + 1 < argv.length) names.push(...argv[++i]!.split(','));
  }
  const envs = names.map((n) => n.trim()).filter(Boolean);
  return envs.length > 0 && envs.every((e) => NOT_TEST_ENV.test(e.split('-')[0]!));
}

/** Gradle and Maven test phases skipped on the command line. */
export const SKIPS_TESTS = /-DskipTests\b|-Dmaven\.test\.skip=true|(?:^|\s)-x\s+:?test\b|--exclude-task\s+:?test\b/;
