import { defineRule, type Evidence, type FileView } from '../../src/types.js';
import { lineAt } from '../../src/util/lines.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';
import { CI_GLOBS } from '../../src/facts/ci.js';
import { findTools, KTLINT_EDITORCONFIG, type ToolSpec } from '../../src/facts/tests/tooling.js';
import { delegatedBuilds, runEvidence, toolNames, unfollowedWorkflows } from '../../src/facts/commands/index.js';
import { ansibleContent } from '../../src/facts/ansible.js';
import { k8s } from '../../src/facts/k8s.js';

const LINTERS: ToolSpec[] = [
  {
    name: 'ESLint',
    files: ['**/eslint.config.{js,mjs,cjs,ts,mts,cts}', '**/.eslintrc', '**/.eslintrc.{js,cjs,json,yml,yaml}'],
    pattern: 'eslintPkg',
    deps: ['eslint'],
    runs: ['ESLint'],
  },
  { name: 'Biome', files: ['**/biome.json', '**/biome.jsonc'], deps: ['@biomejs/biome'], runs: ['Biome'] },
  // ESLint wrappers with their own configuration and command.
  { name: 'XO', deps: ['xo'], runs: ['XO'] },
  {
    name: 'StandardJS',
    deps: ['standard', 'ts-standard', 'semistandard'],
    ecosystems: ['npm'],
    runs: ['StandardJS', 'ts-standard', 'semistandard'],
  },
  { name: 'Oxlint', files: ['**/.oxlintrc.json', '**/oxlintrc.json'], deps: ['oxlint'], runs: ['Oxlint'] },
  // Vite+ lints with oxlint (its `lint:` block in vite.config): `vp check` and `vp lint` run it.
  { name: 'Vite+ (oxlint)', deps: ['vite-plus'], runs: ['Vite+ check', 'Oxlint'] },
  { name: 'Mago lint', files: ['**/mago.toml'], deps: ['carthage-software/mago'], runs: ['Mago lint'] },
  { name: 'Ruff', files: ['**/ruff.toml', '**/.ruff.toml'], pattern: 'ruff', deps: ['ruff'], runs: ['Ruff'] },
  {
    name: 'Flake8',
    files: ['**/.flake8'],
    pattern: 'flake8',
    deps: ['flake8'],
    runs: ['Flake8', 'flakeheaven', 'flakehell'],
  },
  { name: 'Pylint', files: ['**/.pylintrc', '**/pylintrc'], pattern: 'pylint', deps: ['pylint'], runs: ['Pylint'] },
  { name: 'golangci-lint', files: ['**/.golangci.{yml,yaml,toml,json}'], runs: ['golangci-lint'] },
  // One tool per entry: the label a finding shows is the tool whose file, dependency or run was
  // found (a shared 'PHPStan/Psalm' label named phpcs.xml, PHP_CodeSniffer's, after two other tools).
  { name: 'staticcheck', files: ['**/staticcheck.conf'], runs: ['staticcheck', 'revive', 'golint', 'errcheck'] },
  { name: 'go vet', runs: ['go vet'] },
  {
    name: 'Checkstyle',
    files: ['**/checkstyle*.xml', '**/config/checkstyle/**'],
    pattern: 'jvmPlugins',
    runs: ['Checkstyle'],
  },
  {
    name: 'SpotBugs',
    files: ['**/spotbugs*.xml'],
    pattern: 'spotbugsPlugin',
    // The checker and its build plugins; spotbugs-annotations is an annotations jar, not the linter.
    deps: [
      'com.github.spotbugs:spotbugs',
      'com.github.spotbugs:spotbugs-maven-plugin',
      'com.github.spotbugs:spotbugs-gradle-plugin',
      'plugin:com.github.spotbugs',
    ],
    runs: ['SpotBugs'],
  },
  { name: 'PMD', files: ['**/pmd*.xml', '**/ruleset*.xml'], runs: ['PMD'] },
  // ktlint lints Kotlin (its standard rules), configured in .editorconfig or by its Gradle plugin.
  {
    name: 'ktlint',
    files: ['**/.ktlint*'],
    pattern: 'ktlintConfig',
    deps: ['plugin:org.jlleitschuh.gradle.ktlint', 'com.pinterest:ktlint', 'com.pinterest.ktlint:*'],
    runs: ['ktlint'],
  },
  {
    name: 'detekt',
    files: ['**/detekt.yml', '**/detekt-config.yml', '**/config/detekt/**'],
    deps: ['plugin:io.gitlab.arturbosch.detekt'],
    runs: ['detekt'],
  },
  // Ruby's Standard (the `standard` gem, .standard.yml) is RuboCop with a fixed configuration.
  {
    name: 'RuboCop',
    files: ['**/.rubocop.yml', '**/.standard.yml'],
    deps: ['rubocop', 'standard'],
    ecosystems: ['bundler'],
    runs: ['RuboCop', 'standardrb'],
  },
  // Elixir: Credo. Its .credo.exs (at the root or in config/) configures it when the credo
  // dependency is declared; without it the file is left over (nothing can run it).
  // Dialyzer (dialyxir) checks types and flags dead code.
  {
    name: 'Credo',
    files: ['**/.credo.exs'],
    configNeedsDep: true,
    deps: ['credo'],
    ecosystems: ['hex'],
    runs: ['mix credo'],
  },
  { name: 'Dialyzer', deps: ['dialyxir'], ecosystems: ['hex'], runs: ['mix dialyzer'] },
  {
    name: 'PHPStan',
    files: ['**/phpstan.neon', '**/phpstan.neon.dist', '**/phpstan.dist.neon'],
    deps: ['phpstan/phpstan'],
    runs: ['PHPStan'],
  },
  { name: 'Psalm', files: ['**/psalm.xml', '**/psalm.xml.dist'], deps: ['vimeo/psalm'], runs: ['psalm'] },
  {
    name: 'PHP_CodeSniffer',
    files: ['**/phpcs.xml', '**/phpcs.xml.dist', '**/.phpcs.xml', '**/.phpcs.xml.dist'],
    deps: ['squizlabs/php_codesniffer'],
    runs: ['phpcs'],
  },
  {
    name: 'PHPMD',
    files: ['**/phpmd.xml', '**/phpmd.xml.dist', '**/.phpmd.xml', '**/.phpmd.xml.dist'],
    deps: ['phpmd/phpmd'],
    runs: ['phpmd'],
  },
  { name: 'Phan', files: ['**/.phan/config.php'], deps: ['phan/phan'], runs: ['Phan'] },
  {
    name: 'Reek',
    files: ['**/.reek.yml', '**/config.reek'],
    deps: ['reek'],
    ecosystems: ['bundler'],
    runs: ['Reek'],
  },
  { name: 'Clippy', files: ['**/clippy.toml', '**/.clippy.toml'], runs: ['Clippy'] },
  // Dart and Flutter: analysis_options.yaml configures the analyzer's lints (`include:
  // package:flutter_lints/flutter.yaml`, `linter: rules:`), which `dart analyze`/`flutter analyze` report.
  {
    name: 'Dart analyzer',
    files: ['**/analysis_options.yaml'],
    runs: ['dart analyze', 'flutter analyze'],
  },
  // Terraform's linter (plugins such as the AWS ruleset, rule settings): counted in an infrastructure repository.
  { name: 'TFLint', files: ['**/.tflint.hcl'], runs: ['TFLint'] },
  // Ansible's linter: its config in the places ansible-lint looks (counted in an infrastructure repository).
  {
    name: 'ansible-lint',
    files: ['**/.ansible-lint', '**/.ansible-lint.{yml,yaml}', '**/.config/ansible-lint.{yml,yaml}'],
    deps: ['ansible-lint'],
    ecosystems: ['pip'],
    runs: ['ansible-lint'],
  },
  // ShellCheck lints shell scripts, code in any repository; its .shellcheckrc configures it.
  { name: 'ShellCheck', files: ['**/.shellcheckrc', '**/shellcheckrc'], runs: ['ShellCheck'] },
  // Analyzers and Error Prone run inside every compile, so a CI build runs them. Any analyzer
  // package a project references (`StyleCop.Analyzers`, `NSubstitute.Analyzers.CSharp`,
  // `xunit.analyzers`, `Meziantou.Analyzer`) is one (blind round 44: "no linter dependency").
  {
    name: 'Roslyn analyzers',
    pattern: 'roslyn',
    deps: ['StyleCop.Analyzers', 'SonarAnalyzer.CSharp', 'Roslynator.Analyzers', 'Microsoft.CodeAnalysis.NetAnalyzers'],
    runs: ['dotnet build', 'dotnet test', 'dotnet format', 'MSBuild'],
    insideBuild: true,
  },
  // `TreatWarningsAsErrors` makes the warnings a build already reports fail it; it configures no
  // analyzer and no rule (blind round 45: credited alone as "Roslyn analyzers configured"). Found
  // on its own, so that alone it is partial (WARNINGS_ONLY).
  {
    name: 'TreatWarningsAsErrors',
    pattern: 'warningsAsErrors',
    runs: ['dotnet build', 'dotnet test', 'MSBuild'],
    insideBuild: true,
  },
  {
    name: 'Error Prone',
    pattern: 'errorProne',
    runs: ['Error Prone', 'Maven build', 'Gradle build'],
    insideBuild: true,
  },
];

/** Linters of documents and configuration, not of the code: they do not make code linting. */
/** Linters of one auxiliary language (style sheets, templates, shell): not a linter of the program's code. */
const AUXILIARY = new Set(['Stylelint', 'djLint', 'sass-lint', 'ShellCheck', 'ERB Lint']);
const PROGRAM_LANGUAGES = new Set([
  'Python',
  'JavaScript',
  'TypeScript',
  'Go',
  'Java',
  'Kotlin',
  'C#',
  'Ruby',
  'PHP',
  'Rust',
  'Scala',
  'Swift',
  'C',
  'C++',
  'Elixir',
  'Dart',
]);
/**
 * yamllint's configuration: counted only where YAML is the code (Ansible content, the Kubernetes
 * manifests and Flux releases of an infrastructure repository), as its runs are.
 */
const YAMLLINT: ToolSpec = { name: 'yamllint', files: ['**/.yamllint', '**/.yamllint.{yml,yaml}'], runs: ['yamllint'] };
const NOT_CODE = new Set(['markdownlint', 'markdownlint-cli2', 'mdl', 'yamllint', 'actionlint', 'hadolint', 'ah lint']);
/** Checkers that validate syntax and consistency only: no lint rules. */
const VALIDATE_ONLY = new Set(['terraform validate']);
/** A build setting that fails on the compiler's warnings and chooses no lint rule. */
const WARNINGS_ONLY = new Set(['TreatWarningsAsErrors']);
/** Linters of infrastructure code: the code of an infrastructure repository, beside the code elsewhere. */
const INFRA = new Set([
  'TFLint',
  'terraform validate',
  'chart-testing lint',
  'CFT lint',
  'helm lint',
  'kubeconform',
  'kubeval',
  'kube-linter',
  'conftest',
  'cfn-lint',
  'ansible-lint',
  // Names of grouped programs (tools.ts names the one that runs).
  'terragrunt',
  'tofu',
  'polaris',
  'pluto',
  'datree',
  'cfn-nag',
  'cfn_nag_scan',
]);

export default defineRule({
  meta: {
    id: 'linting',
    title: 'A linter is configured and run in CI',
    failureTitle: 'No linter configured',
    description:
      'A linter catches whole classes of bugs (unused variables, shadowed names, unchecked errors, unsafe patterns) before review, consistently, at no human cost; run in CI it stops them reaching the main branch.',
    remediation:
      'Configure the standard linter of each language (ESLint or Biome, Ruff, golangci-lint, Checkstyle/detekt, RuboCop, PHPStan, Clippy, Roslyn analyzers, Error Prone) and run it in a CI job on every pull request.',
    severity: 'medium',
    effort: 'low',
    detection:
      'Config files (eslint.config.*, .eslintrc*, biome.json, ruff.toml or [tool.ruff], .flake8/[flake8], .pylintrc/[tool.pylint], .golangci.*, checkstyle.xml/plugins, spotbugs/pmd, detekt.yml, ktlint (`ktlint_*` keys in .editorconfig, its Gradle plugin, a Spotless `ktlint()` step — `./gradlew spotlessCheck` then runs it), .rubocop.yml, phpstan.neon, psalm.xml, phpcs.xml (PHP_CodeSniffer), phpmd.xml, .phan/config.php (Phan), .reek.yml (Reek), clippy.toml, analysis_options.yaml (the Dart/Flutter analyzer), .tflint.hcl and .ansible-lint / .config/ansible-lint.yml (in an infrastructure repository), .editorconfig dotnet_diagnostic severities or analyzer settings, a Roslyn analyzer package a .csproj references — `*.Analyzers`, `*.Analyzer` —, run by every `dotnet build`), dev dependencies or commit hooks; whether CI runs a linter, followed through package scripts, make/just/task targets, scripts, tox/nox, pre-commit (pre-commit.ci runs the hooks on pull requests when .pre-commit-config.yaml has a `ci:` block or the README its badge), Trunk (`trunk check`, trunk-io/trunk-action or a reusable workflow named for Trunk run the linters .trunk/trunk.yaml enables), framework CLIs that run ESLint (`next lint`, `ng lint`), `dart analyze`/`flutter analyze`, composite and marketplace actions (golangci-lint-action, super-linter, ruff-action) and build-tool lifecycles (Gradle check, Maven verify with bound plugins; a Gradle convention plugin that applies a linter counts as its configuration: uk.gov.justice.hmpps.gradle-spring-boot and kotlinter apply ktlint, vanniktech code-quality-tools and Palantir Baseline apply Checkstyle/PMD/detekt/ktlint/Error Prone; with the build handed to a shared workflow, `gradle check` is taken to run them). Infrastructure linters (TFLint, terraform validate, helm lint, chart-testing lint, kubeconform, conftest, cfn-lint) count in an infrastructure repository; linters of documents (markdownlint, yamllint, actionlint, Artifact Hub `ah lint`) never do, except yamllint on Ansible content, whose code is YAML. Each finding names the tool whose configuration, dependency or run was found. Pass: a linter runs in CI; partial (0.6): configured only, or `terraform validate` alone (it checks syntax and consistency, no lint rules; TFLint passes), or `<TreatWarningsAsErrors>` alone (it fails the build on compiler warnings, configures no analyzer or rule).',
    reads: CI_GLOBS,
    patterns: {
      // ktlint's keys in .editorconfig, or a ktlint step of Spotless in the build (`kotlin { ktlint() }`,
      // Maven `<ktlint>`): ktlint configured, whichever runs it (blind round 47).
      ktlintConfig: {
        regex: new RegExp(`${KTLINT_EDITORCONFIG.regex.source}|(?:^|[\\s{(.])ktlint[ \\t]*\\(|<ktlint\\b`, 'm'),
        files: [...KTLINT_EDITORCONFIG.files, '**/*.gradle', '**/*.gradle.kts', '**/pom.xml'],
        literals: ['ktlint'],
        maxPerFile: 1,
      },
      eslintPkg: { regex: /"eslintConfig"\s*:/, files: ['**/package.json'], literals: ['eslintConfig'], maxPerFile: 1 },
      ruff: { regex: /^\[tool\.ruff\b/m, files: ['**/pyproject.toml'], literals: ['tool.ruff'], maxPerFile: 1 },
      flake8: { regex: /^\[flake8\]/m, files: ['**/setup.cfg', '**/tox.ini'], literals: ['[flake8]'], maxPerFile: 1 },
      pylint: {
        regex: /^\[tool\.pylint\b|^\[(?:MASTER|MESSAGES CONTROL)\]/m,
        files: ['**/pyproject.toml', '**/setup.cfg'],
        literals: ['pylint', 'MASTER', 'MESSAGES CONTROL'],
        maxPerFile: 1,
      },
      jvmPlugins: {
        // `id ( 'checkstyle'`: the blanks after `(` only (`\s*\(?\s*` let two runs share them).
        regex: /maven-checkstyle-plugin|id\s*(?:\(\s*)?['"]?checkstyle\b|apply\s+plugin:\s*['"]checkstyle/,
        files: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
        literals: ['checkstyle'],
        maxPerFile: 1,
      },
      // The checker itself: its compiler plugin, the Gradle plugin or Maven's -Xplugin. Not
      // `com.google.errorprone` alone — its annotations jar, or an OSGi `!com.google.errorprone.*`
      // import exclusion (round 9, caffeine jcache/build.gradle.kts:182), configure no checker.
      // Gradle convention plugins (`quality/errorprone.x.gradle.kts`) are where builds apply it.
      errorProne: {
        regex: /error_prone_core|net\.ltgt\.errorprone|-Xplugin:ErrorProne/,
        files: ['**/pom.xml', '**/*.gradle', '**/*.gradle.kts'],
        literals: ['error_prone_core', 'net.ltgt.errorprone', 'ErrorProne'],
        maxPerFile: 1,
      },
      spotbugsPlugin: {
        regex:
          /\bid\s*(?:\(\s*)?["']com\.github\.spotbugs["']|apply\s+plugin:\s*["']com\.github\.spotbugs["']|<artifactId>spotbugs-maven-plugin</,
        files: ['**/pom.xml', '**/*.gradle', '**/*.gradle.kts'],
        literals: ['com.github.spotbugs', 'spotbugs-maven-plugin'],
        maxPerFile: 1,
      },
      roslyn: {
        regex:
          /^[ \t]*dotnet_diagnostic\.[\w.]+\.severity\s*=\s*(?:warning|error)|<(?:AnalysisLevel|AnalysisMode|EnableNETAnalyzers|EnforceCodeStyleInBuild)>|<PackageReference[ \t]+Include[ \t]*=[ \t]*"[\w.]{0,120}[Aa]nalyzers?\b[\w.]{0,60}"/m,
        files: ['**/.editorconfig', '**/*.csproj', '**/Directory.Build.props'],
        literals: ['dotnet_diagnostic', 'Analysis', 'EnableNETAnalyzers', 'EnforceCodeStyleInBuild', 'nalyzer'],
        maxPerFile: 1,
      },
      warningsAsErrors: {
        regex: /<TreatWarningsAsErrors>\s*[Tt]rue/,
        files: ['**/*.csproj', '**/Directory.Build.props'],
        literals: ['TreatWarningsAsErrors'],
        maxPerFile: 1,
      },
    },
  },
  check(ctx) {
    const infra = ctx.facts.profile.id === 'infrastructure';
    // Ansible content and Kubernetes manifests are YAML: there yamllint lints the code itself (blind
    // round 27, an Ansible role whose CI runs `yamllint .`; round 31, a GitOps repository's
    // .yamllint.yaml), where elsewhere it checks configuration files only.
    const yamlIsCode = infra && (ansibleContent(ctx.files) !== undefined || k8s(ctx.files).objects.length > 0);
    const specs = infra ? LINTERS : LINTERS.filter((s) => !INFRA.has(s.name));
    const { tools, ciRuns } = findTools(ctx, yamlIsCode ? [...specs, YAMLLINT] : specs, 'lint');
    const isCode = (name: string) =>
      (!NOT_CODE.has(name) || (yamlIsCode && name === 'yamllint')) && (infra || !INFRA.has(name));
    const code = ciRuns.filter((r) => r.tools.some((t) => t.kinds.includes('lint') && isCode(t.name)));
    const names = tools.map((t) => t.name);
    const evidence = tools.map((t) => t.evidence);
    const ran = tools.filter((t) => t.ci);
    for (const t of ran.slice(0, 3))
      if (t.evidence.path !== t.ci!.chain.at(-1)?.path || t.evidence.line !== t.ci!.chain.at(-1)?.line)
        evidence.push(runEvidence(t.ci!, `runs ${t.label}`, 'lint'));
    // A linter outside the table (super-linter, Stylelint, ShellCheck) still lints in CI.
    const others = code.filter((r) => !ran.some((t) => t.ci === r));
    if (ran.length === 0) for (const r of others.slice(0, 2)) evidence.push(runEvidence(r, 'lints', 'lint'));
    const otherNames = toolNames(others, 'lint').filter(isCode);
    const data = {
      linters: tools.map((t) => t.label),
      inCi: [...new Set([...ran.map((t) => t.label), ...otherNames])],
    };
    // Outside an infrastructure repository, an infrastructure linter CI runs (TFLint, `terraform validate`
    // over the repository's own Terraform) lints part of the repository's code, not the program's.
    const infraRuns = infra
      ? []
      : ciRuns.filter((r) => r.tools.some((t) => t.kinds.includes('lint') && INFRA.has(t.name)));
    const infraNames = toolNames(infraRuns, 'lint').filter((n) => INFRA.has(n));
    // A reusable workflow of another repository called with its lint switch on (`with_linting: true`,
    // `run-lint: true`): that workflow lints, though its steps cannot be read offline (blind round 50).
    const lintSwitch = tools.length === 0 && code.length === 0 ? lintInputs(ctx.files, ctx.facts.commands) : [];
    if (lintSwitch.length > 0)
      return pass(
        `CI calls a reusable workflow of another repository with linting switched on (${listing(
          lintSwitch.map((e) => e.snippet!),
        )}); its steps were not read offline${infraNames.length ? `; CI also runs ${listing(infraNames)} on the infrastructure code` : ''}.`,
        [...lintSwitch, ...infraRuns.slice(0, 2).map((r) => runEvidence(r, 'lints the infrastructure code', 'lint'))],
        data,
      );
    // Infrastructure linters alone in a service lint its Terraform or charts, not its program: no
    // linter of the code (blind rounds 30 and 50), said with what does run.
    if (tools.length === 0 && code.length === 0 && infraRuns.length > 0) {
      const main = ctx.facts.languages.find((l) => PROGRAM_LANGUAGES.has(l.name));
      return fail(
        `No linter of the ${main ? `${main.name} code (${main.files} file${main.files === 1 ? '' : 's'})` : "application's code"} is configured; CI runs only ${listing(infraNames)}, on the infrastructure code.`,
        infraRuns.slice(0, 2).map((r) => runEvidence(r, 'lints the infrastructure code, not the program', 'lint')),
        data,
      );
    }
    if (tools.length === 0 && code.length === 0) {
      return fail(
        'No linter configured.',
        [
          {
            path: '.',
            note: `no linter configuration or dependency, and no linter among the ${ctx.facts.commands.runs.length} commands CI and commit hooks run`,
          },
        ],
        data,
      );
    }
    // `terraform validate` checks that the configuration parses and is internally consistent (the
    // compiler's check); it enforces no lint rules (deprecated syntax, unused declarations, provider
    // mistakes): alone, beside `terraform fmt`, it is partial (round 18, tf-sg: a terraform_validate
    // pre-commit hook passed linting).
    const lintNames = new Set([...ran.map((t) => t.name), ...otherNames, ...names]);
    if (lintNames.size > 0 && [...lintNames].every((n) => VALIDATE_ONLY.has(n)))
      return partial(
        0.6,
        `${ran.length > 0 || code.length > 0 ? 'CI runs' : 'Configured:'} terraform validate only, which checks syntax and consistency, not lint rules; no TFLint (or terraform_tflint hook) and no other linter runs.`,
        evidence,
        data,
      );
    // `TreatWarningsAsErrors` alone: the compiler's own warnings fail the build, but no analyzer
    // package, AnalysisLevel/AnalysisMode/EnableNETAnalyzers or .editorconfig severities choose lint
    // rules (blind round 45).
    if (lintNames.size > 0 && [...lintNames].every((n) => WARNINGS_ONLY.has(n)))
      return partial(
        0.6,
        `${ran.length > 0 ? 'CI builds with' : 'Configured:'} TreatWarningsAsErrors only, so compiler warnings fail the build; no analyzer package, AnalysisLevel/AnalysisMode/EnableNETAnalyzers setting or .editorconfig rule severities configure lint rules.`,
        evidence,
        data,
      );
    // Every CI run of a linter is advisory (`|| true`, continue-on-error): lint errors fail no build
    // (blind round 22, pokeapi `make lint-check || true` in a continue-on-error job).
    const gating = [...ran.map((t) => t.ci!), ...code].filter((r) => !r.advisory);
    if (ran.length > 0 && gating.length === 0)
      return partial(
        0.6,
        `${listing(ran.map((t) => t.label))} configured and run in CI, but only advisory (${ran[0]!.ci!.advisory}): a lint error fails no build.`,
        evidence,
        data,
      );
    if (ran.length > 0) {
      const also = otherNames.filter((n) => !ran.some((t) => t.name === n || t.label === n));
      return pass(
        `${listing(ran.map((t) => t.label))} configured and run in CI${also.length ? `; CI also runs ${listing(also)}` : ''}.`,
        evidence,
        data,
      );
    }
    // Linters of style sheets, templates or shell scripts only, beside code no linter reads: partial.
    const main = ctx.facts.languages.find((l) => PROGRAM_LANGUAGES.has(l.name));
    if (code.length > 0 && names.length === 0 && main && otherNames.every((n) => AUXILIARY.has(n)))
      return partial(
        0.6,
        `CI runs ${listing(otherNames)}, which lint${otherNames.length === 1 ? 's' : ''} style sheets, templates or scripts only; no linter reads the ${main.name} code (${main.files} files).`,
        evidence,
        data,
      );
    if (code.length > 0)
      return pass(
        `CI runs ${listing(otherNames)}${names.length ? ` (configured: ${listing(tools.map((t) => t.label))})` : ''}.`,
        evidence,
        data,
      );
    const hooked = tools.filter((t) =>
      ctx.facts.commands.runs.some((r) => r.origin.kind === 'hook' && t.evidence.note?.includes('hook')),
    );
    // CI handed to a build/test workflow of another repository (a shared `node_build.yml`), in a
    // project whose own `lint` task runs a configured linter: such workflows run the project's lint
    // task (blind round 33, hmpps node_build.yml → `npm run lint`), credited with where its steps live.
    const delegated = delegatedBuilds(ctx.facts.commands);
    // A Gradle build whose plugins wire a linter into `check` (applied directly or by a convention
    // plugin): a shared Gradle build workflow runs `gradle check`/`build` (round 34, hmpps-alerts-api).
    const gradleLint = tools.find((t) => /\.gradle(?:\.kts)?$/.test(t.evidence.path) && GRADLE_CHECKED.has(t.name));
    const lintTask =
      delegated.length > 0
        ? (ownLintTask(ctx.files) ??
          (gradleLint
            ? { ...gradleLint.evidence, note: `${gradleLint.evidence.note}; the check task a build workflow runs` }
            : undefined))
        : undefined;
    if (lintTask)
      return pass(
        `CI hands its build to a build/test workflow of another repository (${listing(
          delegated.map((e) => e.note!.replace(/^job \S+ calls /, '').replace(/@[\s\S]*$/, '')).slice(0, 2),
        )}), and the project's lint task runs ${listing(tools.map((t) => t.label))}; the workflow's steps were not read offline.`,
        [...evidence.filter((e) => e !== gradleLint?.evidence), lintTask, ...delegated.slice(0, 2)],
        data,
      );
    // A Jenkins shared library's pipeline step (`withPipeline(…)`) runs the build's checks in stages of
    // another repository: whether they include these linters is not known here (blind round 28).
    const library = unfollowedWorkflows(ctx.facts.commands, /^Jenkins shared library/);
    if (library.length > 0)
      return unknown(
        `${listing(tools.map((t) => t.label))} configured; the Jenkins pipeline hands its stages to a shared library of another repository (${listing(
          library.map((e) => e.snippet?.replace(/\s*\(.*$/s, '') ?? e.path),
        )}), so whether CI runs ${names.length === 1 ? 'it' : 'them'} is not known here.`,
        [...evidence, ...library],
        data,
      );
    // A linter only declared as a dependency (no configuration, no CI job, hook or project task runs
    // it) is installed, not set up: blind round 31, pylint in pyproject's dev group and nowhere else.
    if (hooked.length === 0 && tools.every((t) => t.declared && !taskRuns(ctx.files, t.declared)))
      return fail(
        `${listing(tools.map((t) => t.label))} ${tools.length === 1 ? 'is' : 'are'} only declared as a dependency: not configured, and no CI job, commit hook or project task (package script, make target, tox, shell script) runs ${tools.length === 1 ? 'it' : 'them'}.`,
        evidence.map((e) => ({ ...e, note: `${e.note}, not configured or run` })),
        data,
      );
    return partial(
      0.6,
      `${listing(tools.map((t) => t.label))} configured${hooked.length ? ' (run by commit hooks)' : ''}, but no CI job runs ${names.length === 1 ? 'it' : 'them'} (CI followed through scripts, targets and actions).`,
      evidence,
      data,
    );
  },
});

/** An input of a called workflow that switches its linting on: `with_linting: true`, `run-lint: "true"`, `lint: true`. */
const LINT_INPUT =
  /^[ \t]+((?:[\w-]{0,30}[_-])?lint(?:ing|er|ers)?(?:[_-][\w-]{0,30})?)[ \t]*:[ \t]*(["']?)true\2[ \t]*(?:#.*)?$/i;

/**
 * The reusable workflows of other repositories CI calls with a lint input set to true, cited at that
 * input: the lines of the calling job after its `uses:` (bounded), while they are indented deeper than it.
 */
function lintInputs(files: FileView, graph: Parameters<typeof unfollowedWorkflows>[0]): Evidence[] {
  const out: Evidence[] = [];
  for (const e of unfollowedWorkflows(graph, /[\s\S]/).slice(0, 10)) {
    if (!e.line || !/reusable workflow/.test(e.note ?? '')) continue;
    const lines = (files.read(e.path) ?? '').split('\n');
    const uses = lines[e.line - 1] ?? '';
    const indent = /^[ \t]*/.exec(uses)![0].length;
    for (let i = e.line; i < Math.min(lines.length, e.line + 60); i++) {
      const l = lines[i]!;
      if (l.trim() === '' || l.trim().startsWith('#')) continue;
      if (/^[ \t]*/.exec(l)![0].length < indent) break;
      const m = LINT_INPUT.exec(l);
      if (m) {
        out.push({
          path: e.path,
          line: i + 1,
          snippet: l.trim(),
          note: `${e.note!.replace(/, a reusable workflow[\s\S]*$/, '')} with linting on; its steps were not read offline`,
        });
        break;
      }
    }
  }
  return out;
}

/** Linters whose Gradle plugin makes `check` run them. */
const GRADLE_CHECKED = new Set(['Checkstyle', 'SpotBugs', 'PMD', 'ktlint', 'detekt']);

/** Files where a project writes the tasks it runs by hand: package scripts, make/just/task targets, tox, scripts. */
const TASK_FILES = [
  '**/package.json',
  '**/Makefile',
  '**/*.mk',
  '**/[Jj]ustfile',
  '**/Taskfile.{yml,yaml}',
  '**/tox.ini',
  '**/noxfile.py',
  '**/pyproject.toml',
  '**/setup.cfg',
  '**/*.sh',
  '**/composer.json',
  '**/Rakefile',
  '**/.vscode/settings.json',
];

/**
 * Whether a task file runs the program `name` (`"lint": "eslint src"`, `pylint app/`, `python -m
 * pylint`, VS Code's `python.linting.pylintEnabled`): a word followed by an argument, not a
 * dependency line (`pylint = "^3.0"`, `"eslint": "^9"`, `pylint>=3`).
 */
function taskRuns(files: FileView, name: string): boolean {
  const prog = name.replace(/^@[\w.-]+\//, '').replace(/[^\w.-]/g, '');
  if (!prog) return false;
  const run = new RegExp(
    `(?:^|[\\s"'\`;&|(=])${prog.replace(/\./g, '\\.')}[ \\t]+[-\\w./$"']|${prog}Enabled"\\s*:\\s*true`,
    'm',
  );
  const paths = files.match(TASK_FILES).filter((p) => !/(?:^|\/)(?:node_modules|vendor|\.venv|venv)\//.test(p));
  return paths.slice(0, 200).some((p) => run.test((files.read(p) ?? '').slice(0, 200_000)));
}

/**
 * The project's own lint task: a root package.json `lint` script or a Makefile `lint:` target,
 * the task a shared build workflow runs by convention.
 */
function ownLintTask(files: FileView): Evidence | undefined {
  const pkg = files.exists('package.json') ? files.readJson<{ scripts?: unknown }>('package.json') : undefined;
  const scripts = pkg?.ok && pkg.value && typeof pkg.value === 'object' ? pkg.value.scripts : undefined;
  const lint = scripts && typeof scripts === 'object' ? (scripts as Record<string, unknown>).lint : undefined;
  if (typeof lint === 'string' && lint.trim() !== '') {
    const at = (files.read('package.json') ?? '').indexOf('"lint"');
    return {
      path: 'package.json',
      ...(at >= 0 ? { line: lineAt(files.read('package.json')!, at) } : {}),
      snippet: `"lint": ${JSON.stringify(lint.slice(0, 120))}`,
      note: 'the lint script a build workflow runs',
    };
  }
  const make = files.read('Makefile');
  const target = make === undefined ? -1 : make.search(/^lint[ \t]*:/m);
  if (make !== undefined && target >= 0)
    return {
      path: 'Makefile',
      line: lineAt(make, target),
      snippet: 'lint:',
      note: 'the lint target a build workflow runs',
    };
  return undefined;
}
