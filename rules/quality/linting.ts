import { defineRule } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { CI_GLOBS } from '../../src/facts/ci.js';
import { ciEvidence, findTools, type ToolSpec } from '../../src/facts/tests/tooling.js';

const LINTERS: ToolSpec[] = [
  {
    name: 'ESLint',
    hooks: /^(?:mirrors-)?eslint$/,
    files: ['**/eslint.config.{js,mjs,cjs,ts,mts,cts}', '**/.eslintrc', '**/.eslintrc.{js,cjs,json,yml,yaml}'],
    pattern: 'eslintPkg',
    deps: ['eslint'],
    ci: /\beslint\b/,
  },
  {
    name: 'Biome',
    files: ['**/biome.json', '**/biome.jsonc'],
    deps: ['@biomejs/biome'],
    ci: /\bbiome\s+(?:check|lint|ci)\b|biomejs\/setup-biome/,
  },
  // ESLint wrappers with their own configuration and command.
  { name: 'XO', deps: ['xo'], ci: /\bxo\b/ },
  { name: 'StandardJS', deps: ['standard', 'ts-standard', 'semistandard'], ci: /\b(?:ts-|semi)?standard\b/ },
  { name: 'Oxlint', files: ['**/.oxlintrc.json', '**/oxlintrc.json'], deps: ['oxlint'], ci: /\boxlint\b/ },
  {
    name: 'Ruff',
    hooks: /^ruff(?:-check)?$/,
    files: ['**/ruff.toml', '**/.ruff.toml'],
    pattern: 'ruff',
    deps: ['ruff'],
    ci: /\bruff\s+(?:check\b|\.|\S+\.py|$)|\bruff\b(?!\s+format)|astral-sh\/ruff-action/,
  },
  { name: 'Flake8', hooks: /^flake8$/, files: ['**/.flake8'], pattern: 'flake8', deps: ['flake8'], ci: /\bflake8\b/ },
  {
    name: 'Pylint',
    hooks: /^pylint$/,
    files: ['**/.pylintrc', '**/pylintrc'],
    pattern: 'pylint',
    deps: ['pylint'],
    ci: /\bpylint\b/,
  },
  {
    name: 'golangci-lint',
    hooks: /^golangci-lint/,
    files: ['**/.golangci.{yml,yaml,toml,json}'],
    ci: /golangci-lint|golangci\/golangci-lint-action/,
  },
  { name: 'staticcheck/go vet', files: ['**/staticcheck.conf'], ci: /\bstaticcheck\b|\bgo\s+vet\b/ },
  {
    name: 'Checkstyle',
    files: ['**/checkstyle*.xml', '**/config/checkstyle/**'],
    pattern: 'jvmPlugins',
    ci: /checkstyle/i,
  },
  {
    name: 'SpotBugs/PMD',
    files: ['**/spotbugs*.xml', '**/pmd*.xml', '**/ruleset*.xml'],
    deps: ['com.github.spotbugs:*', 'plugin:com.github.spotbugs'],
    ci: /spotbugs|\bpmd\b/i,
  },
  {
    name: 'detekt',
    files: ['**/detekt.yml', '**/detekt-config.yml', '**/config/detekt/**'],
    deps: ['plugin:io.gitlab.arturbosch.detekt'],
    ci: /\bdetekt\b/,
  },
  { name: 'RuboCop', hooks: /^rubocop$/, files: ['**/.rubocop.yml'], deps: ['rubocop'], ci: /\brubocop\b/ },
  {
    name: 'PHPStan/Psalm',
    files: [
      '**/phpstan.neon',
      '**/phpstan.neon.dist',
      '**/phpstan.dist.neon',
      '**/psalm.xml',
      '**/psalm.xml.dist',
      '**/phpcs.xml',
      '**/phpcs.xml.dist',
    ],
    deps: ['phpstan/phpstan', 'vimeo/psalm', 'squizlabs/php_codesniffer'],
    ci: /\bphpstan\b|\bpsalm\b|\bphpcs\b/,
  },
  {
    name: 'Clippy',
    hooks: /^(?:cargo-)?clippy$/,
    files: ['**/clippy.toml', '**/.clippy.toml'],
    ci: /cargo\s+clippy\b/,
  },
  // Analyzers and Error Prone run inside every compile, so a CI build runs them.
  {
    name: 'Roslyn analyzers',
    pattern: 'roslyn',
    deps: ['StyleCop.Analyzers', 'SonarAnalyzer.CSharp', 'Roslynator.Analyzers', 'Microsoft.CodeAnalysis.NetAnalyzers'],
    ci: /dotnet\s+(?:build|test|pack|publish|format)\b|\bmsbuild\b/i,
  },
  { name: 'Error Prone', pattern: 'errorProne', ci: /\bmvnw?\s|\bgradlew?\s/ },
];

const GENERIC =
  /\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?lint\b|\bmake\s+lint\b|\bpre-commit\s+run\b|\btox\s+-e\s+\S*lint|\bnox\s+-s\s+\S*lint|\bjust\s+lint\b|\btask\s+lint\b|\bmage\s+lint\b|\bcomposer\s+(?:run\s+)?lint\b|pre-commit\/action@/;

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
      'Config files (eslint.config.*, .eslintrc*, biome.json, ruff.toml or [tool.ruff], .flake8/[flake8], .pylintrc/[tool.pylint], .golangci.*, checkstyle.xml/plugins, spotbugs/pmd, detekt.yml, .rubocop.yml, phpstan.neon/psalm.xml/phpcs.xml, clippy.toml, .editorconfig dotnet_diagnostic severities or analyzer settings) or dev dependencies; CI commands that run them or a lint script (`npm run lint`, `make lint`, `pre-commit run`). Pass: configured and run in CI; partial (0.6): configured only.',
    reads: CI_GLOBS,
    patterns: {
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
        regex: /maven-checkstyle-plugin|id\s*\(?\s*['"]?checkstyle\b|apply\s+plugin:\s*['"]checkstyle/,
        files: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
        literals: ['checkstyle'],
        maxPerFile: 1,
      },
      errorProne: {
        regex: /error_prone_core|net\.ltgt\.errorprone|com\.google\.errorprone/,
        files: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
        literals: ['errorprone', 'error_prone'],
        maxPerFile: 1,
      },
      hooks: {
        regex: /^\s*-\s+id:\s*([\w.-]+)/m,
        files: ['.pre-commit-config.yaml', '.pre-commit-config.yml'],
        literals: ['id:'],
        maxPerFile: 200,
      },
      roslyn: {
        regex:
          /^\s*dotnet_diagnostic\.[\w.]+\.severity\s*=\s*(?:warning|error)|<(?:AnalysisLevel|AnalysisMode|EnableNETAnalyzers|EnforceCodeStyleInBuild)>|<TreatWarningsAsErrors>\s*true/m,
        files: ['**/.editorconfig', '**/*.csproj', '**/Directory.Build.props'],
        literals: [
          'dotnet_diagnostic',
          'Analysis',
          'EnableNETAnalyzers',
          'EnforceCodeStyleInBuild',
          'TreatWarningsAsErrors',
        ],
        maxPerFile: 1,
      },
    },
  },
  check(ctx) {
    const { tools, genericCi } = findTools(ctx, LINTERS, GENERIC);
    const names = tools.map((t) => t.name);
    const evidence = tools.map((t) => t.evidence);
    const ran = tools.filter((t) => t.ci);
    for (const t of ran.slice(0, 3))
      if (t.evidence.path !== t.ci!.path || t.evidence.line !== t.ci!.line)
        evidence.push(ciEvidence(t.ci!, `CI runs ${t.name}`));
    if (ran.length === 0) for (const c of genericCi.slice(0, 2)) evidence.push(ciEvidence(c, 'lint script runs in CI'));
    const data = {
      linters: names,
      inCi:
        ran.length > 0 || genericCi.length > 0
          ? [...ran.map((t) => t.name), ...(ran.length ? [] : genericCi.map((c) => c.text.slice(0, 60)))]
          : [],
    };
    if (tools.length === 0) {
      return fail(
        'No linter configured.',
        [
          {
            path: '.',
            note: 'no ESLint, Biome, Ruff, Flake8, Pylint, golangci-lint, Checkstyle, SpotBugs/PMD, Error Prone, detekt, RuboCop, PHPStan/Psalm, Clippy or Roslyn analyzer configuration, dependency or CI step',
          },
        ],
        data,
      );
    }
    if (ran.length > 0 || genericCi.length > 0)
      return pass(`${listing(names)} configured and run in CI.`, evidence, data);
    return partial(
      0.6,
      `${listing(names)} configured, but no CI job runs ${names.length === 1 ? 'it' : 'them'}.`,
      evidence,
      data,
    );
  },
});
