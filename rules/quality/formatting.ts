import { defineRule, type Evidence, type FileView, type Match, type RuleContext } from '../../src/types.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';
import { CI_GLOBS } from '../../src/facts/ci.js';
import {
  diffCheckOf,
  type FoundTool,
  findTools,
  KTLINT_EDITORCONFIG,
  ownConfig,
  type ToolSpec,
} from '../../src/facts/tests/tooling.js';
import { delegatedBuilds, runEvidence, toolNames, unfollowedWorkflows } from '../../src/facts/commands/index.js';
import { foreignProjectRoot, fromMatch, isProductionPath } from '../../src/facts/paths.js';
import { lineAt } from '../../src/util/lines.js';
import { table } from '../../src/util/table.js';

const GOLANGCI = 'gofmt/goimports in golangci-lint';
const GO_FORMATTERS = ['gofmt', 'goimports', 'gofumpt', 'gci'];

/** A .golangci.yml that enables a Go formatter: v1 `linters.enable`, v2 `formatters.enable` (not a `disable` list). */
function golangciFormats(files: FileView, path: string): boolean {
  if (path.endsWith('.toml')) return true;
  const y = files.readYaml<Record<string, unknown>>(path);
  const section = (k: string) => {
    const v = y.ok && y.value && typeof y.value === 'object' ? y.value[k] : undefined;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  };
  const enabled = [section('linters').enable, section('formatters').enable].flatMap((v) =>
    Array.isArray(v) ? v.map(String) : [],
  );
  return enabled.some((n) => GO_FORMATTERS.includes(n));
}

/**
 * VS Code settings of a Deno project (a deno.json beside them or at the root) that format on save
 * with the Deno extension: set as the default formatter, enabled by `deno.enable`, or recommended
 * in .vscode/extensions.json (the workspace's one formatter for TypeScript once installed).
 */
function denoEditorFormatter(files: FileView): Evidence | undefined {
  if (files.match(['deno.json', 'deno.jsonc', '*/deno.json', '*/deno.jsonc']).length === 0) return undefined;
  const path = '.vscode/settings.json';
  const text = (files.read(path) ?? '').slice(0, 100_000);
  const on = /"editor\.formatOnSave"\s*:\s*true/.exec(text);
  if (!on) return undefined;
  const deno =
    /"editor\.defaultFormatter"\s*:\s*"denoland\.vscode-deno"|"deno\.enable"\s*:\s*true/.test(text) ||
    /"denoland\.vscode-deno"/.test((files.read('.vscode/extensions.json') ?? '').slice(0, 20_000));
  if (!deno) return undefined;
  return {
    path,
    line: lineAt(text, on.index),
    snippet: on[0],
    note: 'formats on save with the Deno extension (deno fmt); editor only',
  };
}

/** What a Spotless step is called. */
const SPOTLESS_STEPS: Record<string, string> = table({
  ktfmt: 'ktfmt',
  ktlint: 'ktlint',
  diktat: 'diktat',
  palantirJavaFormat: 'palantir-java-format',
  googleJavaFormat: 'google-java-format',
  prettier: 'Prettier',
  eclipse: 'the Eclipse formatter',
  cleanthat: 'Cleanthat',
  scalafmt: 'scalafmt',
  clangFormat: 'clang-format',
});

/**
 * Spotless formats with the steps its configuration names (`ktfmt("0.47")`, `<palantirJavaFormat>`):
 * the finding names them, at the first step's line, not google-java-format by default (round 19,
 * a Kotlin library whose Spotless block configures ktfmt). The ktlint/ktfmt Gradle plugins are named
 * for the plugin found.
 */
function nameJvmFormatters(
  steps: Match[],
  tools: FoundTool[],
  spotless: Match[],
  read: (path: string) => string | undefined,
): void {
  const spotlessFiles = new Set(spotless.map((m) => m.path));
  const inSpotless = steps.filter((m) => spotlessFiles.has(m.path));
  for (const t of tools) {
    // The table's one entry covers three plugins: a build file without Spotless names the one it has
    // (com.spotify.fmt's fmt-maven-plugin, a google-java-format dependency), not Spotless (blind round 41).
    if (t.name === 'Spotless/google-java-format' && t.label === t.name) {
      const text = (read(t.evidence.path) ?? '').slice(0, 200_000);
      if (!/spotless/i.test(text)) {
        const label = /fmt-maven-plugin/.test(text)
          ? 'fmt-maven-plugin (google-java-format)'
          : /google-java-format|googlejavaformat/i.test(text)
            ? 'google-java-format'
            : t.label;
        if (t.evidence.note) t.evidence = { ...t.evidence, note: t.evidence.note.replace(t.name, label) };
        t.label = label;
        continue;
      }
    }
    if (t.name === 'Spotless/google-java-format' && inSpotless.length > 0) {
      const names = [...new Set(inSpotless.map((m) => SPOTLESS_STEPS[m.groups[0] ?? m.groups[1] ?? ''] ?? ''))].filter(
        Boolean,
      );
      if (names.length === 0) continue;
      t.label = `Spotless (${listing(names)})`;
      // The step that says which formatter, rather than the plugin line that says only Spotless.
      if (t.evidence.note?.endsWith('configuration'))
        t.evidence = fromMatch(inSpotless[0]!, `Spotless configured with ${listing(names)}`);
    } else if (t.name === 'ktlint/ktfmt' && t.label === t.name) {
      // The spec's own name in the note says neither (`ktlint/ktfmt configuration` at .editorconfig).
      const what = `${t.evidence.path} ${t.evidence.snippet ?? ''} ${(t.evidence.note ?? '').replace(t.name, '')}`;
      t.label = /ktfmt/.test(what) ? 'ktfmt' : 'ktlint';
    }
  }
}

/** Linters whose rules include the code's layout: their lint run checks the formatting too. */
const LINTING_FORMATTERS = new Set(['RuboCop/Standard', 'ktlint/ktfmt', 'PHP_CodeSniffer']);

const FORMATTERS: ToolSpec[] = [
  {
    name: 'Prettier',
    files: [
      '**/.prettierrc',
      '**/.prettierrc.{json,json5,yml,yaml,toml,js,cjs,mjs,ts}',
      '**/prettier.config.{js,cjs,mjs,ts}',
    ],
    pattern: 'prettierPkg',
    deps: ['prettier'],
    runs: ['Prettier'],
  },
  { name: 'Biome', files: ['**/biome.json', '**/biome.jsonc'], deps: ['@biomejs/biome'], runs: ['Biome'] },
  { name: 'dprint', files: ['**/dprint.json', '**/.dprint.json'], runs: ['dprint'] },
  { name: 'oxfmt', files: ['**/.oxfmtrc.json', '**/.oxfmtrc.jsonc'], deps: ['oxfmt'], runs: ['oxfmt'] },
  // Vite+ formats with oxfmt (its `fmt:` block in vite.config): `vp check` and `vp fmt` run it.
  { name: 'Vite+ (oxfmt)', deps: ['vite-plus'], runs: ['Vite+ check', 'oxfmt'] },
  { name: 'Black', pattern: 'black', deps: ['black'], runs: ['Black', 'blue'] },
  { name: 'Ruff format', pattern: 'ruffFormat', runs: ['Ruff format'] },
  {
    name: 'isort/YAPF/autopep8',
    pattern: 'pyFormatters',
    deps: ['isort', 'yapf', 'autopep8'],
    runs: ['isort', 'yapf', 'autopep8', 'usort', 'ufmt'],
  },
  { name: 'gofmt/goimports/gofumpt', runs: ['gofmt', 'goimports', 'gofumpt', 'gci'] },
  // golangci-lint reports unformatted Go when its config enables these (v1 linters, v2 formatters).
  {
    name: GOLANGCI,
    pattern: 'golangciFormatters',
    runs: ['golangci-lint'],
    insideBuild: true,
  },
  {
    name: 'Spotless/google-java-format',
    pattern: 'spotless',
    deps: ['plugin:com.diffplug.spotless', 'com.google.googlejavaformat:*'],
    runs: ['Spotless', 'google-java-format', 'fmt-maven-plugin'],
  },
  // ktlint reads its rules from .editorconfig (`ktlint_code_style`, `ktlint_standard_*` keys):
  // those keys are its configuration (round 21, lydia-api), found by the ktlintEditorconfig pattern.
  {
    name: 'ktlint/ktfmt',
    files: ['**/.ktlint*'],
    pattern: 'ktlintEditorconfig',
    deps: ['plugin:org.jlleitschuh.gradle.ktlint', 'plugin:com.ncorti.ktfmt.gradle'],
    runs: ['ktlint', 'ktfmt'],
  },
  { name: 'dotnet format', runs: ['dotnet format'] },
  // deno fmt is Deno's own formatter; an `fmt` block in deno.json configures it.
  { name: 'deno fmt', pattern: 'denoFmt', runs: ['deno fmt'] },
  { name: 'rustfmt', files: ['**/rustfmt.toml', '**/.rustfmt.toml'], runs: ['rustfmt'] },
  {
    name: 'RuboCop/Standard',
    files: ['**/.rubocop.yml', '**/.standard.yml'],
    deps: ['standard'],
    ecosystems: ['bundler'],
    runs: ['RuboCop', 'standardrb'],
  },
  // Mago's formatter (mago.toml `[formatter]`; `mago format --check` in CI).
  { name: 'Mago', files: ['**/mago.toml'], deps: ['carthage-software/mago'], runs: ['Mago format'] },
  {
    name: 'PHP-CS-Fixer/Pint',
    files: ['**/.php-cs-fixer.php', '**/.php-cs-fixer.dist.php', '**/.php_cs', '**/.php_cs.dist', '**/pint.json'],
    deps: ['friendsofphp/php-cs-fixer', 'laravel/pint'],
    runs: ['PHP-CS-Fixer', 'pint', 'phpcbf'],
  },
  // PHP_CodeSniffer with a coding standard that lays out code (PSR-12, PEAR, Squiz, a vendor's):
  // `phpcs` fails on misplaced braces, indentation and spacing, and `phpcbf` fixes them.
  {
    name: 'PHP_CodeSniffer',
    pattern: 'phpcsStandard',
    deps: ['squizlabs/php_codesniffer', 'phpcsstandards/php_codesniffer'],
    runs: ['phpcs', 'phpcbf'],
  },
  { name: 'clang-format', files: ['**/.clang-format'], runs: ['clang-format', 'git-clang-format'] },
  // Elixir: .formatter.exs is the configuration `mix format` reads (inputs, plugins, line length).
  { name: 'mix format', files: ['**/.formatter.exs'], runs: ['mix format'] },
  // Swift: SwiftFormat (.swiftformat) and Apple's swift-format (.swift-format, `swift format`).
  { name: 'SwiftFormat', files: ['**/.swiftformat'], runs: ['swiftformat'] },
  { name: 'swift-format', files: ['**/.swift-format'], runs: ['swift-format'] },
  // Ruby: Syntax Tree (.streerc, `stree check`) and Rufo (.rufo).
  {
    name: 'Syntax Tree',
    files: ['**/.streerc'],
    deps: ['syntax_tree'],
    ecosystems: ['bundler'],
    runs: ['Syntax Tree'],
  },
  { name: 'Rufo', files: ['**/.rufo'], deps: ['rufo'], ecosystems: ['bundler'], runs: ['Rufo'] },
  // PHP: Easy Coding Standard (ecs.php), PHP-CS-Fixer and PHP_CodeSniffer rules behind one command.
  {
    name: 'Easy Coding Standard',
    files: ['**/ecs.php'],
    deps: ['symplify/easy-coding-standard'],
    runs: ['Easy Coding Standard'],
  },
  { name: 'dart format', runs: ['dart format'] },
  // CSharpier.MsBuild formats (or, with CSharpier_Check, checks) the code on every build of the
  // project that references it (blind round 10, CliWrap.csproj:32).
  {
    name: 'CSharpier',
    pattern: 'csharpierMsBuild',
    runs: ['CSharpier', 'dotnet build', 'dotnet test', 'MSBuild'],
    insideBuild: true,
  },
  // StyleCop's layout rules and the IDE style rules run inside every compile when the build enforces them.
  {
    name: '.NET code style in the build',
    pattern: 'dotnetStyle',
    deps: ['StyleCop.Analyzers'],
    runs: ['dotnet build', 'dotnet test', 'MSBuild', 'dotnet format'],
    insideBuild: true,
  },
];

/** Formatters with no configuration file, pattern or dependency: only a run shows them. */
const UNCONFIGURED = new Set(FORMATTERS.filter((f) => !f.files && !f.pattern && !f.deps).map((f) => f.name));

export default defineRule({
  meta: {
    id: 'formatting',
    title: 'A code formatter is configured',
    failureTitle: 'No code formatter configured',
    description:
      'An automatic formatter ends style debates in review and keeps diffs about behaviour; checked in CI, no unformatted code is merged.',
    remediation:
      'Adopt the standard formatter of each language (Prettier or Biome, Black or Ruff format, gofmt, Spotless/google-java-format, ktlint, dotnet format, rustfmt, RuboCop, PHP-CS-Fixer) and check it in CI (`prettier --check`, `black --check`, `cargo fmt --check`).',
    severity: 'low',
    effort: 'low',
    detection:
      'Formatter configuration or dependency (.prettierrc*/prettier key, biome.json, dprint.json, .oxfmtrc.json (oxfmt), [tool.black], [tool.ruff.format], isort/yapf, pre-commit hooks of these, Spotless/google-java-format, ktlint (also its `ktlint_*` keys in .editorconfig), rustfmt.toml, .rubocop.yml, .php-cs-fixer*, pint.json, mago.toml (Mago), vite-plus (Vite+ runs oxfmt in `vp check`), a phpcs.xml ruleset with a layout standard such as PSR-12 (PHP_CodeSniffer, fixed by phpcbf), .clang-format, .formatter.exs (mix format), .swiftformat/.swift-format, .streerc/.rufo (Syntax Tree, Rufo), ecs.php (Easy Coding Standard), StyleCop.Analyzers or `EnforceCodeStyleInBuild` for .NET, whose build then checks the layout, CSharpier (a `CSharpier.MsBuild` package reference formats on every build; `dotnet csharpier`), or an .editorconfig with .NET code-style options — csharp_*/dotnet_* — that dotnet format applies) or a CI step running it (followed through package scripts, targets, tox/nox, pre-commit (pre-commit.ci runs the hooks on pull requests when .pre-commit-config.yaml has a `ci:` block or the README its badge) and actions). gofmt/goimports/gofumpt/gci enabled in .golangci.* are checked wherever golangci-lint runs. Go code is otherwise formatted by gofmt by convention (pass with a note), Rust by rustfmt; .editorconfig alone is partial (0.5): it fixes whitespace, not layout. A deno.json `fmt` block configures deno fmt; in a Deno project, VS Code format-on-save with the Deno extension (deno fmt in the editor only) is partial (0.5).',
    reads: [...CI_GLOBS, '**/.golangci.{yml,yaml}'],
    patterns: {
      ktlintEditorconfig: KTLINT_EDITORCONFIG,
      prettierPkg: {
        // The config key (an object or a shared config's name), not a dependency's version range.
        regex: /"prettier"\s*:\s*(?:\{|"(?![\^~<>=*\d]|latest|next|workspace:|npm:|file:|link:|git))/,
        files: ['**/package.json'],
        literals: ['prettier'],
        maxPerFile: 1,
      },
      denoFmt: {
        regex: /"fmt"\s*:\s*\{/,
        files: ['**/deno.json', '**/deno.jsonc'],
        literals: ['"fmt"'],
        maxPerFile: 1,
      },
      black: { regex: /^\[tool\.black\]/m, files: ['**/pyproject.toml'], literals: ['tool.black'], maxPerFile: 1 },
      ruffFormat: {
        regex: /^\[tool\.ruff\.format\]|^\[format\]/m,
        files: ['**/pyproject.toml', '**/ruff.toml', '**/.ruff.toml'],
        literals: ['format]'],
        maxPerFile: 1,
      },
      pyFormatters: {
        regex: /^\[(?:tool\.isort|isort|tool\.yapf|yapf)\]/m,
        files: ['**/pyproject.toml', '**/setup.cfg', '**/.isort.cfg', '**/tox.ini'],
        literals: ['isort', 'yapf'],
        maxPerFile: 1,
      },
      csharpierMsBuild: {
        regex: /<PackageReference\s+Include\s*=\s*"CSharpier\.MsBuild"/i,
        files: ['**/*.csproj', '**/Directory.Build.props', '**/Directory.Build.targets'],
        literals: ['CSharpier'],
        maxPerFile: 1,
      },
      dotnetStyle: {
        regex: /<EnforceCodeStyleInBuild>\s*[Tt]rue\s*</,
        files: ['**/*.csproj', '**/Directory.Build.props'],
        literals: ['EnforceCodeStyleInBuild'],
        maxPerFile: 1,
      },
      // eslint-plugin-prettier: ESLint reports unformatted code, so an ESLint run checks Prettier's layout.
      prettierInEslint: {
        regex:
          /plugin:prettier\/recommended|["']prettier\/prettier["']\s*:|eslint-plugin-prettier\/recommended|\beslintPluginPrettier(?:Recommended)?\b/,
        files: [
          '**/.eslintrc',
          '**/.eslintrc.{js,cjs,json,yml,yaml}',
          '**/eslint.config.{js,mjs,cjs,ts,mts,cts}',
          '**/package.json',
        ],
        literals: ['prettier'],
        maxPerFile: 1,
      },
      // A shared ESLint config package the project's config imports or extends
      // (`import hmpps from '@org/eslint-config-hmpps'`, `extends: ['@vue/eslint-config-prettier']`).
      sharedEslintConfig: {
        regex: /["']((?:@[\w.-]+\/)?eslint-config(?:-[\w.-]+)?(?:\/[\w.-]+)?)["']/,
        files: ['**/.eslintrc', '**/.eslintrc.{js,cjs,json,yml,yaml}', '**/eslint.config.{js,mjs,cjs,ts,mts,cts}'],
        literals: ['eslint-config'],
        maxPerFile: 8,
      },
      // One line each (a list item, or an inline list); whether it is enabled is read from the YAML.
      golangciFormatters: {
        regex:
          /^[ \t]*-[ \t]*["']?(?:gofmt|goimports|gofumpt|gci)\b|\benable[ \t]*[:=][ \t]*\[[\w\s,"'-]*(?:gofmt|goimports|gofumpt|gci)\b/m,
        files: ['**/.golangci.{yml,yaml,toml}'],
        literals: ['gofmt', 'goimports', 'gofumpt', 'gci'],
        maxPerFile: 1,
      },
      phpcsStandard: {
        regex:
          /<rule\s+ref\s*=\s*"(PSR12|PSR2|PER(?:-CS)?|PEAR|Squiz|Zend|Generic\.(?:WhiteSpace|Formatting|Files\.LineLength)|Doctrine|SlevomatCodingStandard|WordPress(?:-Core|-Extra)?|Drupal|Laminas\w*|Symfony|CakePHP|Magento2|Yii2|PSR1)\b/,
        files: ['**/phpcs.xml', '**/phpcs.xml.dist', '**/.phpcs.xml', '**/.phpcs.xml.dist', '**/phpcs.dist.xml'],
        literals: ['rule'],
        maxPerFile: 1,
      },
      // The formatter steps of a Spotless configuration: Gradle `ktfmt("0.47")`, Maven `<ktfmt>`.
      spotlessStep: {
        regex:
          /(?:^|[\s{(.])(ktfmt|ktlint|diktat|palantirJavaFormat|googleJavaFormat|prettier|eclipse|cleanthat|scalafmt|clangFormat)\s*\(|<(ktfmt|ktlint|diktat|palantirJavaFormat|googleJavaFormat|prettier|eclipse|cleanthat|scalafmt|clangFormat)>/,
        files: ['**/pom.xml', '**/*.gradle', '**/*.gradle.kts'],
        literals: [
          'ktfmt',
          'ktlint',
          'diktat',
          'JavaFormat',
          'prettier',
          'eclipse',
          'cleanthat',
          'scalafmt',
          'clangFormat',
        ],
        maxPerFile: 4,
      },
      spotless: {
        regex: /\bspotless\b|google-java-format|\bfmt-maven-plugin\b/,
        files: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
        literals: ['spotless', 'google-java-format', 'fmt-maven-plugin'],
        maxPerFile: 1,
      },
    },
  },
  check(ctx) {
    const found = findTools(ctx, FORMATTERS, 'format');
    const { ciRuns, ciWrites } = found;
    const tools = found.tools.filter((t) => t.name !== GOLANGCI || golangciFormats(ctx.files, t.evidence.path));
    nameJvmFormatters(ctx.matches('spotlessStep'), tools, ctx.matches('spotless'), (p) => ctx.files.read(p));
    const evidence: Evidence[] = tools.map((t) => t.evidence);
    // A run credited to two formatters through a tool that only lints there (Spotless's ktlint step,
    // found by the ktlint spec as well): the formatter that runs it is the one checked, named once.
    const lintOnly = (t: (typeof tools)[number]) =>
      !!t.ci &&
      tools.some((o) => o !== t && o.ci === t.ci) &&
      t.ci.tools.every(
        (x) => !FORMATTERS.find((f) => f.name === t.name)?.runs.includes(x.name) || !x.kinds.includes('format'),
      );
    const checked = tools.filter((t) => t.ci && !lintOnly(t));
    for (const t of checked.slice(0, 3)) {
      const diff = diffCheckOf(ctx.facts.commands, t.ci!)?.chain.at(-1);
      const run = runEvidence(
        t.ci!,
        `runs ${t.label}${diff ? `, then git diff --exit-code (${diff.path}:${diff.line}) fails the job on any file it changed` : ''}`,
        'format',
      );
      if (t.evidence.path !== t.ci!.chain.at(-1)?.path || t.evidence.line !== t.ci!.chain.at(-1)?.line)
        evidence.push(run);
      // The hook line that configures it is where CI runs it too (pre-commit run in CI): one evidence, saying CI.
      else evidence[evidence.indexOf(t.evidence)] = run;
    }
    // Prettier as an ESLint rule (eslint-plugin-prettier): the ESLint run in CI fails on unformatted code.
    const prettier = tools.find((t) => t.name === 'Prettier' && !t.ci);
    const viaEslint = prettier ? ctx.matches('prettierInEslint')[0] : undefined;
    const eslintRun = viaEslint
      ? ctx.facts.commands.runs.find(
          (r) => r.origin.kind === 'ci' && !r.advisory && r.tools.some((t) => t.name === 'ESLint'),
        )
      : undefined;
    if (prettier && viaEslint && eslintRun) {
      checked.push(prettier);
      evidence.push(
        fromMatch(viaEslint, 'eslint-plugin-prettier: ESLint reports code Prettier would change'),
        runEvidence(eslintRun, 'runs ESLint, which checks the Prettier layout', 'lint'),
      );
    }
    const rewriting = tools.filter((t) => t.ciWrites && !checked.includes(t));
    for (const t of rewriting.slice(0, 2))
      evidence.push(
        runEvidence(t.ciWrites!, `runs ${t.label} in write mode (it rewrites the code and fails on nothing)`),
      );
    if (checked.length === 0)
      for (const r of ciRuns.slice(0, 1)) evidence.push(runEvidence(r, 'runs a formatter', 'format'));
    const names = tools.map((t) => t.name);
    const langs = ctx.facts.languages.map((l) => l.name);
    // gofmt, rustfmt and terraform fmt ship with the toolchain and are universal practice there —
    // for the product's own code: a Terraform module's Go test harness says nothing of how its
    // .tf files are laid out (blind round 8, "gofmt implied" for an Aurora module).
    // One pass over the product's source files (.tf files are not among them: matched apart).
    const productSources = ctx.facts.sourceFiles.filter(isProductionPath);
    const goFiles = productSources.filter((p) => p.endsWith('.go')).length;
    const rsFiles = productSources.filter((p) => p.endsWith('.rs')).length;
    const tfFiles = ctx.files.match(['**/*.tf']).filter(isProductionPath).length;
    const implied = [
      goFiles > 0 && !names.some((n) => n.startsWith('gofmt')) ? 'gofmt (Go toolchain)' : '',
      rsFiles > 0 && !names.includes('rustfmt') ? 'rustfmt (Rust toolchain)' : '',
      tfFiles > 0 && goFiles + rsFiles === 0 ? 'terraform fmt (Terraform toolchain)' : '',
    ].filter(Boolean);
    // The root's, else the shallowest below it (a .NET solution often keeps it in src/).
    const editorconfig = ctx.files
      .match(['.editorconfig', '**/.editorconfig'])
      .filter((p) => !/(^|\/)(node_modules|vendor|third_party)\//.test(p))
      // An example app's or a fixture's own editor settings are not the project's (round 46).
      .filter(ownConfig)
      // Another project's copy (a bundled test suite with its own README and LICENSE) keeps its own.
      .filter((p) => !foreignProjectRoot(ctx.files, p))
      .sort((a, b) => a.split('/').length - b.split('/').length)[0];
    // A run's tool name once per formatter: `Spotless` (the graph's) is `Spotless/google-java-format` (the table's).
    const covered = new Set(FORMATTERS.filter((f) => names.includes(f.name)).flatMap((f) => f.runs));
    const others = (runs: typeof ciRuns) => toolNames(runs, 'format').filter((n) => !covered.has(n));
    const inCi = [
      ...new Set([...checked.map((t) => (t === prettier ? 'Prettier through ESLint' : t.label)), ...others(ciRuns)]),
    ];
    const writesInCi = [...new Set([...rewriting.map((t) => t.label), ...others(ciWrites)])].filter(
      (n) => !inCi.includes(n),
    );
    const data = { formatters: names, implied, checkedInCi: inCi, editorconfig: !!editorconfig };
    const writeNote = writesInCi.length
      ? `; CI runs ${listing(writesInCi)} in write mode, which rewrites the code and fails on nothing`
      : '';
    // Which configured tools CI checks, and which other checkers it runs: a formatter configured but
    // only rewritten in CI is not "checked in CI" because another tool runs there.
    const checkedLabels = checked.map((t) =>
      t === prettier
        ? 'Prettier through ESLint'
        : t.ci && diffCheckOf(ctx.facts.commands, t.ci)
          ? `${t.label}, then git diff --exit-code`
          : t.label,
    );
    const otherChecks = inCi.filter(
      (n) => !checked.some((t) => (t === prettier ? 'Prettier through ESLint' : t.label) === n),
    );
    // A linter that also lays out the code (RuboCop's layout cops, ktlint, phpcs with a coding
    // standard) run by a CI job named for linting whose commands name no tool (a CircleCI orb's
    // `ruby-rails/lint`, `make lint`): the linting rule credits that job with the configured
    // linter, and the formatting is checked by the same run (blind round 39, sdr-api: "not checked
    // in CI" beside "CI runs ruby-rails/lint (configured: RuboCop)").
    const lintJob =
      checkedLabels.length === 0 && otherChecks.length === 0
        ? tools.find((t) => LINTING_FORMATTERS.has(t.name))
          ? ctx.facts.commands.runs.find(
              (r) =>
                r.origin.kind === 'ci' &&
                !r.advisory &&
                r.tools.some((x) => x.kinds.includes('lint') && /(?:^|[\s/:._-])lint(?:$|[\s/:._-])/i.test(x.name)),
            )
          : undefined
        : undefined;
    const layoutBy = lintJob ? tools.find((t) => LINTING_FORMATTERS.has(t.name))! : undefined;
    if (lintJob && layoutBy)
      evidence.push(
        runEvidence(
          lintJob,
          `lint job: lints with the configured ${layoutBy.label}, whose layout rules check the formatting`,
          'lint',
        ),
      );
    const styleWorkflow = remoteStyleWorkflow(ctx);
    if (!checkedLabels.length && styleWorkflow)
      evidence.push({
        path: styleWorkflow.path,
        line: styleWorkflow.line,
        snippet: styleWorkflow.ref,
        note: `job ${styleWorkflow.job ?? '(unnamed)'} calls a reusable workflow named for the coding standard: its steps are in another repository (not read offline)`,
      });
    const ciNote = checkedLabels.length
      ? ` and checked in CI (${listing(checkedLabels)})${otherChecks.length ? `; CI also runs ${listing(otherChecks)}` : ''}`
      : otherChecks.length
        ? `; CI does not check it, but runs ${listing(otherChecks)}`
        : lintJob && layoutBy
          ? `; checked in CI by the lint job ${toolNames([lintJob], 'lint')[0] ?? 'lint'}, which lints with ${layoutBy.label} and its layout rules`
          : delegatedGradleCheck(ctx, tools)
            ? ', checked by gradle check, which CI runs through a build workflow of another repository (not read offline)'
            : styleWorkflow
              ? `, checked in CI, by its name: job ${styleWorkflow.job ?? '(unnamed)'} calls the reusable workflow ${styleWorkflow.ref} of another repository (not read offline)`
              : ', not checked in CI';
    // Formatters with no configuration of their own (gofmt, dotnet format), shown only by the CI run
    // that checks with them: "checked in CI", not "configured and checked in CI (gofmt)".
    const runOnly =
      checked.length === tools.length &&
      otherChecks.length === 0 &&
      !writeNote &&
      tools.every((t) => t.ci && !diffCheckOf(ctx.facts.commands, t.ci) && UNCONFIGURED.has(t.name));
    if (tools.length > 0 && runOnly)
      return pass(`CI checks the formatting with ${listing(tools.map((t) => t.label))}.`, evidence, data);
    if (tools.length > 0)
      return pass(`${listing(tools.map((t) => t.label))} configured${ciNote}${writeNote}.`, evidence, {
        ...data,
        ...(writesInCi.length ? { rewrittenInCi: writesInCi } : {}),
      });
    // A formatter outside the table (terraform fmt, shfmt, swift-format) run by CI or a commit hook formats code too.
    const other = ctx.facts.commands.runs.filter((r) => r.tools.some((t) => t.kinds.includes('format')));
    if (other.length > 0) {
      // Each formatter said where it runs: a Java formatter rewriting in CI beside a terraform_fmt
      // hook is not "terraform fmt run as commit hooks" (blind round 24, afm-calculator).
      const checking = other.filter((r) => r.origin.kind === 'ci' && !ciWrites.includes(r));
      const writing = other.filter((r) => r.origin.kind === 'ci' && ciWrites.includes(r));
      const hooks = other.filter((r) => r.origin.kind !== 'ci');
      const checkNames = toolNames(checking, 'format');
      const writeNames = toolNames(writing, 'format').filter((n) => !checkNames.includes(n));
      const hookNames = toolNames(hooks, 'format').filter((n) => !checkNames.includes(n) && !writeNames.includes(n));
      const parts = [
        checkNames.length ? `${listing(checkNames)} run in CI` : '',
        writeNames.length
          ? `${listing(writeNames)} run in CI in write mode (it rewrites the code and fails on nothing)`
          : '',
        hookNames.length ? `${listing(hookNames)} run as commit hooks` : '',
      ].filter(Boolean);
      const cited = [checking[0], writing[0], hooks[0]].filter((r) => r !== undefined);
      return pass(
        `${parts.join('; ')}.`,
        (cited.length > 1 ? cited : other.slice(0, 2)).map((r) => runEvidence(r, 'runs a formatter', 'format')),
        { ...data, checkedInCi: inCi },
      );
    }
    // An .editorconfig with .NET code-style options (csharp_*, dotnet_* other than diagnostic
    // severities) is the configuration `dotnet format` applies: formatter configuration, as for
    // a .prettierrc, when the code is C#/F#/VB.
    if (editorconfig && langs.some((l) => l === 'C#' || l === 'F#' || l === 'Visual Basic')) {
      const lines = (ctx.files.read(editorconfig) ?? '').split(/\r?\n/);
      const style = lines.flatMap((l, i) =>
        /^\s*(?:csharp_|dotnet_(?!diagnostic\.)|visual_basic_)\w+\s*=/.test(l) ? [i + 1] : [],
      );
      if (style.length >= 3)
        return pass(
          `.editorconfig holds ${style.length} .NET code-style rules that \`dotnet format\` applies; no CI step checks them (\`dotnet format --verify-no-changes\`).`,
          [
            {
              path: editorconfig,
              line: style[0]!,
              snippet: lines[style[0]! - 1]!.trim(),
              note: `.NET code-style rules (${style.length} csharp_/dotnet_ options) for dotnet format`,
            },
          ],
          { ...data, formatters: ['dotnet format'], dotnetStyleRules: style.length },
        );
    }
    const goRust = goFiles + rsFiles;
    // The product's other source files.
    const rest = productSources.length - goRust;
    // A toolchain's formatter speaks for the repository only when its language is the main one: four
    // Terraform stubs in infrastructure/ of a Java service say nothing of how the Java is laid out.
    const main = ctx.facts.languages[0]?.name;
    const mainImplied =
      (main === 'Go' && goFiles > 0) || (main === 'Rust' && rsFiles > 0) || (main === 'HCL' && tfFiles > 0);
    if (implied.length > 0 && goRust + tfFiles >= rest && (mainImplied || main === undefined)) {
      return pass(
        `Formatted by convention with ${listing(implied)}.`,
        [
          { path: '.', note: `${listing(implied)} implied; no formatter check found in CI` },
          ...(editorconfig ? [{ path: editorconfig, note: '.editorconfig' }] : []),
        ],
        data,
      );
    }
    // A shared ESLint config named for Prettier (`@vue/eslint-config-prettier`, `@org/eslint-config-prettier`)
    // runs it through eslint-plugin-prettier: an ESLint run in CI or a commit hook checks the layout
    // (blind round 33). `eslint-config-prettier` itself only turns layout rules off, and
    // `…/skip-formatting` leaves the layout to Prettier's own run. A shared config without Prettier in its
    // name may bring it too, but its contents live in node_modules, which is not read: said, not credited.
    // The one named for Prettier first: a config imports several (`@vue/eslint-config-typescript`, `@vue/eslint-config-prettier`).
    const sharedConfigs = ctx
      .matches('sharedEslintConfig')
      .filter((m) => isProductionPath(m.path) || !m.path.includes('/'));
    const shared =
      sharedConfigs.find((m) => /prettier/i.test(m.groups[0] ?? '') && m.groups[0] !== 'eslint-config-prettier') ??
      sharedConfigs[0];
    const sharedName = shared?.groups[0] ?? '';
    const eslintRuns = ctx.facts.commands.runs.filter((r) => !r.advisory && r.tools.some((t) => t.name === 'ESLint'));
    if (
      shared &&
      /prettier/i.test(sharedName) &&
      sharedName !== 'eslint-config-prettier' &&
      !/skip-formatting/i.test(sharedName) &&
      eslintRuns.length > 0
    ) {
      const run = eslintRuns.find((r) => r.origin.kind === 'ci') ?? eslintRuns[0]!;
      return pass(
        `Prettier through the shared ESLint config ${sharedName}, checked by ESLint ${run.origin.kind === 'ci' ? 'in CI' : 'in a commit hook'}.`,
        [
          fromMatch(shared, `shared ESLint config ${sharedName}: its name says it runs Prettier as an ESLint rule`),
          runEvidence(run, 'runs ESLint, which checks the Prettier layout', 'lint'),
        ],
        { ...data, formatters: ['Prettier'], checkedInCi: run.origin.kind === 'ci' ? ['Prettier through ESLint'] : [] },
      );
    }
    const sharedNote =
      shared && eslintRuns.length > 0 && sharedName !== 'eslint-config-prettier'
        ? ` The shared ESLint config ${sharedName} (${shared.path}:${shared.line}) may bring a formatter (eslint-plugin-prettier), but its contents are in node_modules, which is not read, and the project declares no eslint-plugin-prettier.`
        : '';
    const sharedEvidence: Evidence[] = sharedNote
      ? [fromMatch(shared!, 'shared ESLint config: what it enables is not in the repository')]
      : [];
    // A reusable workflow of another repository named for code style may well run a formatter: not knowable here.
    const remote = unfollowedWorkflows(ctx.facts.commands, /format|fmt|style|standards?|prettier|pint|lint/i);
    if (remote.length > 0)
      return unknown(
        'No formatter configured here, but CI calls a reusable workflow of another repository named for code style; what it runs cannot be read here.',
        [...remote.slice(0, 2), ...(editorconfig ? [{ path: editorconfig, note: 'editor settings only' }] : [])],
        data,
      );
    // Go or Rust beside a larger frontend: the toolchain formats its part, nothing formats the rest.
    const sideKinds = listing(
      [goFiles > 0 ? 'Go' : '', rsFiles > 0 ? 'Rust' : '', tfFiles > 0 && goRust === 0 ? 'Terraform' : ''].filter(
        Boolean,
      ),
    );
    if (implied.length > 0)
      return partial(
        0.5,
        `${listing(implied)} formats the ${goRust + tfFiles} ${sideKinds} file${goRust + tfFiles === 1 ? '' : 's'} by convention, but no formatter is configured for the other ${rest} source files${main && !mainImplied ? ` (the ${main} code)` : ''}${editorconfig ? '; .editorconfig sets whitespace only' : ''}.`,
        [
          { path: '.', note: `${listing(implied)} implied for the ${sideKinds} files only` },
          ...(editorconfig ? [{ path: editorconfig, note: 'editor settings only' }] : []),
        ],
        data,
      );
    // A Deno project whose editor settings format on save with the Deno extension runs deno fmt, the
    // runtime's own formatter, on every save in that editor; nothing enforces it (blind round 48).
    const editorFmt = denoEditorFormatter(ctx.files);
    if (editorFmt)
      return partial(
        0.5,
        `deno fmt formats on save in the editor (${editorFmt.path}: editor.formatOnSave with the Deno extension), but nothing checks it: no \`deno fmt --check\` in CI or a commit hook.`,
        [editorFmt, ...(editorconfig ? [{ path: editorconfig, note: 'editor settings only' }] : [])],
        { ...data, formatters: ['deno fmt (editor)'] },
      );
    // An .editorconfig counts for what it sets: indentation, line endings, trailing whitespace. One
    // holding only other keys (Visual Studio's `guidelines = 120` column) fixes nothing (round 20).
    const whitespace = editorconfig ? whitespaceRule(ctx.files.read(editorconfig) ?? '') : undefined;
    if (editorconfig && whitespace)
      return partial(
        0.5,
        `.editorconfig sets whitespace rules (${whitespace.key} at line ${whitespace.line}), but no formatter lays out the code.${sharedNote}`,
        [{ path: editorconfig, line: whitespace.line, note: 'editor settings only' }, ...sharedEvidence],
        data,
      );
    return fail(
      `No code formatter configured${editorconfig ? `; ${editorconfig} sets no whitespace rules (no ${WHITESPACE_KEYS.slice(0, -1).join(', ')} or ${WHITESPACE_KEYS.at(-1)})` : ''}.${sharedNote}`,
      [
        ...sharedEvidence,
        {
          path: '.',
          note: `no Prettier, Biome, dprint, oxfmt, Black, Ruff format, isort, Spotless, ktlint, dotnet format, rustfmt, RuboCop, PHP-CS-Fixer, Mago or clang-format configuration, dependency or CI step, and no .editorconfig${editorconfig ? ' with whitespace rules' : ''}`,
        },
        ...(editorconfig ? [{ path: editorconfig, note: 'no whitespace rules (other editor keys only)' }] : []),
      ],
      data,
    );
  },
});

/** EditorConfig keys that set whitespace: indentation, line endings, trailing spaces, final newline. */
const WHITESPACE_KEYS = [
  'indent_style',
  'indent_size',
  'tab_width',
  'end_of_line',
  'trim_trailing_whitespace',
  'insert_final_newline',
  'max_line_length',
];
const WHITESPACE_KEY = new RegExp(`^[ \\t]*(${WHITESPACE_KEYS.join('|')})[ \\t]*=[ \\t]*\\S`, 'im');

/** The first whitespace rule of an .editorconfig, with its line. */
function whitespaceRule(text: string): { key: string; line: number } | undefined {
  const m = WHITESPACE_KEY.exec(text);
  return m ? { key: m[1]!.toLowerCase(), line: lineAt(text, m.index) } : undefined;
}

/**
 * A formatter applied to the Gradle build (its plugin, or a convention plugin that applies it) whose
 * CI hands the build to a shared workflow: such workflows run `gradle check`, which checks the
 * formatting (round 34, hmpps-alerts-api: ktlint by uk.gov.justice.hmpps.gradle-spring-boot).
 */
function delegatedGradleCheck(ctx: RuleContext, tools: { name: string; evidence: Evidence }[]): boolean {
  return (
    delegatedBuilds(ctx.facts.commands).length > 0 &&
    tools.some((t) => /\.gradle(?:\.kts)?$/.test(t.evidence.path) && /ktlint|Spotless/.test(t.name))
  );
}

/**
 * A reusable workflow of another repository named for the formatting or coding standard
 * (`org/coding-standard/.github/workflows/coding-standard.yml@v4`, `…/format.yml@main`): CI runs the
 * check there, which cannot be read offline (issue 15, blind round 43). Named by its file, not guessed.
 */
const STYLE_WORKFLOW =
  /(?:^|[-_.])(?:coding[-_]?standards?|code[-_]?style|formatt?(?:ing|er)?|fmt|prettier|cs[-_]?fixer)(?:[-_.][^/]{0,40})?\.ya?ml@/i;

function remoteStyleWorkflow(ctx: RuleContext): { ref: string; job?: string; path: string; line: number } | undefined {
  for (const u of ctx.facts.commands.unresolved.slice(0, 200)) {
    if (!u.remote) continue;
    const file = u.remote.ref.slice(u.remote.ref.lastIndexOf('/') + 1);
    if (!STYLE_WORKFLOW.test(file)) continue;
    const hop = u.chain[0];
    return {
      ref: u.remote.ref.slice(0, 200),
      ...(u.remote.job ? { job: u.remote.job } : {}),
      path: hop?.path ?? '.',
      line: hop?.line ?? 1,
    };
  }
  return undefined;
}
