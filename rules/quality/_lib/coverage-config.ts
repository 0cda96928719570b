/**
 * Coverage in configuration files (what a tool reads whenever it runs): thresholds by tool, and
 * the settings that switch coverage collection on; package scripts that measure it. What CI runs
 * comes from the command graph.
 */
import type { CommandRun, FileView } from '../../../src/types.js';
import { coverageTools } from '../../../src/facts/commands/coverage.js';
import { commandsOf } from '../../../src/facts/commands/shell.js';

const JS_CONFIG = '{js,mjs,cjs,ts,mts,cts,json}';
// Support files the helpers load (`require_relative "support/coverage"`) hold the SimpleCov setup as often.
const RUBY_HELPERS = [
  '**/test_helper.rb',
  '**/spec_helper.rb',
  '**/rails_helper.rb',
  '**/.simplecov',
  '**/spec/support/**/*.rb',
  '**/test/support/**/*.rb',
];

/** Coverage thresholds in tool configuration, by tool. `files` are where that tool reads them. */
export const THRESHOLDS: { key: string; tool: string; regex: RegExp; files: string[]; literals: string[] }[] = [
  {
    key: 'jest',
    tool: 'Jest coverageThreshold',
    regex: /["']?coverageThreshold["']?\s*:/,
    files: [`**/jest.config.${JS_CONFIG}`, '**/package.json'],
    literals: ['coverageThreshold'],
  },
  {
    key: 'vitest',
    tool: 'Vitest coverage.thresholds',
    // `{` or a bare 100 (`thresholds: 100`); `\s*\{?\s*` let two runs share the blanks.
    regex: /\bthresholds\s*:\s*(?:\{|100\b)/,
    files: [`**/{vitest,vite}.config.${JS_CONFIG}`, `**/vitest.workspace.${JS_CONFIG}`],
    literals: ['thresholds'],
  },
  {
    key: 'nyc',
    tool: 'nyc/c8 check-coverage',
    regex: /["']?check-?[cC]overage["']?\s*[:=]\s*true/,
    files: ['**/.nycrc', '**/.nycrc.{json,yml,yaml}', '**/.c8rc', '**/.c8rc.json', '**/package.json'],
    literals: ['heck-coverage', 'heckCoverage'],
  },
  {
    key: 'coveragepy',
    tool: 'coverage.py fail_under',
    regex: /^[ \t]*fail_under\s*[=:]\s*(\d+(?:\.\d+)?)/m,
    files: ['**/.coveragerc', '**/pyproject.toml', '**/setup.cfg', '**/tox.ini'],
    literals: ['fail_under'],
  },
  {
    // ExCoveralls (Elixir): `mix coveralls` fails under coveralls.json's minimum_coverage.
    key: 'excoveralls',
    tool: 'ExCoveralls minimum_coverage',
    regex: /"minimum_coverage"[ \t]*:[ \t]*(\d+(?:\.\d+)?)/,
    files: ['**/coveralls.json'],
    literals: ['minimum_coverage'],
  },
  {
    // Mix's own cover tool: `test_coverage: [summary: [threshold: 90]]` fails `mix test --cover` below it.
    key: 'mixcover',
    tool: 'mix test --cover threshold',
    regex: /\bsummary:[ \t]*\[[ \t]*threshold:[ \t]*(\d+(?:\.\d+)?)/,
    files: ['**/mix.exs'],
    literals: ['threshold'],
  },
  {
    // pytest's own addopts: every pytest run enforces it.
    key: 'pytestcov',
    tool: 'pytest-cov --cov-fail-under',
    regex: /--cov-fail-under[= ](\d+(?:\.\d+)?)/,
    files: ['**/pyproject.toml', '**/setup.cfg', '**/pytest.ini', '**/tox.ini'],
    literals: ['--cov-fail-under'],
  },
  {
    key: 'jacoco',
    tool: 'JaCoCo coverage rule',
    regex:
      /<minimum>\s*([\d.]+)%?\s*<\/minimum>|\bminimum\s*=\s*(?:"?([\d.]+)|BigDecimal|new\s+BigDecimal)|jacocoTestCoverageVerification/,
    files: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
    literals: ['minimum', 'jacocoTestCoverageVerification'],
  },
  {
    // Kover's verification rule (`kover { reports { verify { rule { minBound(80) } } } }`): koverVerify
    // runs with `check`, so every `gradle check`/`build` fails below the bound.
    key: 'kover',
    tool: 'Kover verify rule',
    regex: /\bminBound\s*\(\s*(\d+(?:\.\d+)?)/,
    files: ['**/build.gradle', '**/build.gradle.kts', 'buildSrc/**/*.gradle.kts', 'build-logic/**/*.gradle.kts'],
    literals: ['minBound'],
  },
  {
    key: 'coverlet',
    tool: 'coverlet threshold',
    regex: /<Threshold>\s*(\d+)/,
    files: ['**/*.csproj', '**/Directory.Build.props', '**/*.runsettings'],
    literals: ['Threshold'],
  },
  {
    key: 'codecov',
    tool: 'Codecov status target',
    // `threshold:` too: a status without a target has Codecov's default, `target: auto`.
    // `project: true` under `coverage.status`: the project status with its defaults (target auto).
    regex:
      /^[ \t]*(target|threshold)\s*:\s*['"]?(\d+(?:\.\d+)?%?|auto)|^[ \t]*project\s*:\s*(?:true|yes|on)[ \t]*(?:#.*)?$/m,
    // Codecov reads its file at the root, in dev/ or in .github/, named codecov or .codecov (round 19: bitcart .github/.codecov.yml).
    files: ['', 'dev/', '.github/'].flatMap((d) =>
      ['codecov.yml', '.codecov.yml', 'codecov.yaml', '.codecov.yaml'].map((n) => `${d}${n}`),
    ),
    literals: ['target', 'threshold', 'project'],
  },
  {
    key: 'simplecov',
    tool: 'SimpleCov minimum_coverage',
    regex: /\bminimum_coverage[ \t]*(?:\([ \t]*)?(?:line:[ \t]*)?(\d+(?:\.\d+)?)/,
    files: RUBY_HELPERS,
    literals: ['minimum_coverage'],
  },
  {
    key: 'other',
    tool: 'coverage floor',
    regex: /\bthreshold\s*:\s*(?:file|package|total)\s*:\s*(\d+)|^[ \t]*fail-under\s*=\s*(\d+)/m,
    files: ['**/.testcoverage.yml', '**/.testcoverage.yaml', '**/tarpaulin.toml', '**/.tarpaulin.toml'],
    literals: ['threshold', 'fail-under'],
  },
];

/** Coverage collection switched on in configuration (a threshold or not), one pattern per family of files. */
export const CONFIGURED = {
  configuredPy: {
    regex: /^\[(?:tool\.coverage\.|coverage:)(?:run|report|paths)\]|^\[(?:run|report)\][ \t]*$/m,
    files: ['**/.coveragerc', '**/pyproject.toml', '**/setup.cfg'],
    literals: ['coverage', 'run]', 'report]'],
    maxPerFile: 1,
  },
  configuredJs: {
    regex: /\bcollectCoverage\s*:\s*true|\bprovider\s*:\s*["'](?:v8|istanbul)["']/,
    files: [`**/{jest,vitest,vite}.config.${JS_CONFIG}`],
    literals: ['collectCoverage', 'provider'],
    maxPerFile: 1,
  },
  configuredJvm: {
    regex:
      /<artifactId>jacoco-maven-plugin<|\bid[ \t]*(?:\([ \t]*)?["']?jacoco\b|apply\s+plugin:\s*["']jacoco|kotlinx\.kover/,
    files: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
    literals: ['jacoco', 'kover'],
    maxPerFile: 1,
  },
  // coverlet.msbuild switched on for every `dotnet test` (a collector reference alone collects nothing).
  configuredDotnet: {
    regex: /<CollectCoverage>\s*true\s*<\/CollectCoverage>/i,
    files: ['**/*.csproj', '**/Directory.Build.props'],
    literals: ['CollectCoverage'],
    maxPerFile: 1,
  },
};

/**
 * Coverage plugins a Gradle build applies, as the dependency facts name them: `id("…kover")` and
 * `alias(libs.plugins.kover)` resolved through the version catalogue alike.
 */
export const COVERAGE_PLUGINS = new Map([
  ['plugin:org.jetbrains.kotlinx.kover', 'Kover'],
  ['plugin:jacoco', 'JaCoCo'],
]);

/** SimpleCov and coverlet: set up in the test project, collecting only when something turns them on. */
export const SETUP = {
  // `SimpleCov.start` (or `require 'simplecov'`), and the environment variable it is behind, if any.
  // `SimpleCov.start` or `require 'simplecov'`; the `if ENV['X']` it sits behind is read from its line.
  simplecovSetup: {
    regex: /^[ \t]*(?:SimpleCov\.start\b|require[ \t(]*['"]simplecov['"])/m,
    files: RUBY_HELPERS,
    literals: ['simplecov', 'SimpleCov'],
    maxPerFile: 2,
  },
  // An `if ENV['X']` block that may hold them (checked against their lines).
  simplecovGuard: {
    regex: /^[ \t]*if[ \t]+ENV(?:\[|\.fetch\()[ \t]*['"](\w+)['"]/m,
    files: RUBY_HELPERS,
    literals: ['ENV'],
    maxPerFile: 3,
  },
  // pytest's addopts naming `--cov` (pytest-cov): every pytest run measures coverage (round 19, bitcart
  // pyproject.toml `addopts = ["-n", "auto", "--cov=api", …]`); continuation lines of a list or an ini value too.
  pytestAddoptsCov: {
    // The option itself is looked for in the value (its continuation lines too) by coverage-setup.ts.
    regex: /^[ \t]*addopts[ \t]*=/m,
    files: ['**/pyproject.toml', '**/setup.cfg', '**/pytest.ini', '**/tox.ini'],
    literals: ['addopts'],
    maxPerFile: 2,
  },
  coverletRef: {
    regex: /<PackageReference\s+Include="coverlet\.(collector|msbuild)"/,
    files: ['**/*.csproj', '**/Directory.Packages.props'],
    literals: ['coverlet'],
    maxPerFile: 1,
  },
  // A runsettings that turns on the XPlat collector, used when a test run or the project names it.
  runsettings: {
    regex: /XPlat Code Coverage|<RunSettingsFilePath>/,
    files: ['**/*.runsettings', '**/*.csproj', '**/Directory.Build.props'],
    literals: ['XPlat', 'RunSettingsFilePath'],
    maxPerFile: 1,
  },
};

/** Where a CI file sets an environment variable to a true-ish value (`COVERAGE: true`, `COVERAGE=1 rspec`). */
export function ciSetsEnv(
  files: FileView,
  ciPaths: string[],
  name: string,
): { path: string; line: number } | undefined {
  const re = new RegExp(
    `(?:^|[\\s"'])(?:export\\s+)?${name}\\s*(?::|=)\\s*(?!["']?(?:false|0|no|off)?["']?\\s*$)\\S`,
    'i',
  );
  for (const path of ciPaths) {
    const lines = (files.read(path) ?? '').split(/\r?\n/);
    const i = lines.findIndex((l) => !/^\s*#/.test(l) && re.test(l));
    if (i >= 0) return { path, line: i + 1 };
  }
  return undefined;
}

/** Package scripts that measure or gate coverage, run by CI or not (a developer's `npm run test:cov`). */
export function scriptCoverage(
  files: FileView,
): { path: string; line: number; script: string; gate: boolean; threshold?: number }[] {
  const out: { path: string; line: number; script: string; gate: boolean; threshold?: number }[] = [];
  for (const pkg of files.named('package.json')) {
    if (pkg.includes('node_modules/')) continue;
    const json = files.readJson<{ scripts?: Record<string, unknown> }>(pkg);
    const scripts = json.ok && json.value?.scripts && typeof json.value.scripts === 'object' ? json.value.scripts : {};
    const lines = (files.read(pkg) ?? '').split('\n');
    for (const [name, body] of Object.entries(scripts)) {
      if (typeof body !== 'string') continue;
      const tools = commandsOf(body).flatMap((c) => coverageTools(c.argv));
      // `nyc --check-coverage mocha`: the wrapper's own words.
      const wrapped = /^(?:nyc|c8)\b/.test(body.trim()) ? coverageTools(body.trim().split(/\s+/)) : [];
      const all = [...tools, ...wrapped];
      if (all.length === 0) continue;
      const g = all.find((t) => t.kinds.includes('coverage-gate'));
      const line = lines.findIndex((l) => l.includes(`"${name}"`)) + 1;
      out.push({
        path: pkg,
        line: line || 1,
        script: name,
        gate: !!g,
        ...(g?.threshold !== undefined ? { threshold: g.threshold } : {}),
      });
    }
  }
  return out;
}

/** One run per job and tool: a matrix of identical steps is one fact. */
export function distinct(runs: CommandRun[]): CommandRun[] {
  const seen = new Set<string>();
  return runs.filter((r) => {
    const k = `${r.origin.path}#${r.origin.job}#${r.tools.find((t) => t.kinds.includes('coverage'))?.name}`;
    return !seen.has(k) && !!seen.add(k);
  });
}
