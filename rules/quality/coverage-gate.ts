import { z } from 'zod';
import { defineRule, type Evidence, type Match } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { CI_GLOBS } from '../../src/facts/ci.js';
import { fromMatch } from '../../src/facts/paths.js';

const CI_AND_SCRIPTS = [
  ...CI_GLOBS,
  '**/package.json',
  '**/Makefile',
  '**/noxfile.py',
  '**/tox.ini',
  '**/*.sh',
  '**/justfile',
  '**/Taskfile.yml',
];
const JS_CONFIG = '{js,mjs,cjs,ts,mts,cts,json}';

/** Coverage thresholds in tool configuration, by tool. `files` are where that tool reads them. */
const THRESHOLDS: { key: string; tool: string; regex: RegExp; files: string[]; literals: string[] }[] = [
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
    regex: /\bthresholds\s*:\s*\{|\bthresholds\s*:\s*\{?\s*100\b/,
    files: [`**/{vitest,vite}.config.${JS_CONFIG}`, `**/vitest.workspace.${JS_CONFIG}`],
    literals: ['thresholds'],
  },
  {
    key: 'nyc',
    tool: 'nyc/c8 check-coverage',
    regex: /["']?check-?[cC]overage["']?\s*[:=]\s*true|--check-coverage\b/,
    files: ['**/.nycrc', '**/.nycrc.{json,yml,yaml}', '**/.c8rc', '**/.c8rc.json', '**/package.json', ...CI_GLOBS],
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
    key: 'pytestcov',
    tool: 'pytest-cov --cov-fail-under',
    regex: /--cov-fail-under[= ](\d+(?:\.\d+)?)/,
    files: ['**/pyproject.toml', '**/setup.cfg', '**/pytest.ini', ...CI_AND_SCRIPTS],
    literals: ['--cov-fail-under'],
  },
  {
    key: 'jacoco',
    tool: 'JaCoCo coverage rule',
    regex:
      /<minimum>\s*([\d.]+)\s*<\/minimum>|\bminimum\s*=\s*(?:"?([\d.]+)|BigDecimal|new\s+BigDecimal)|jacocoTestCoverageVerification/,
    files: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
    literals: ['minimum', 'jacocoTestCoverageVerification'],
  },
  {
    key: 'coverlet',
    tool: 'coverlet threshold',
    regex: /\/p:Threshold=(\d+)|<Threshold>\s*(\d+)|--threshold\s+(\d+)/,
    files: ['**/*.csproj', '**/Directory.Build.props', ...CI_AND_SCRIPTS, '**/*.ps1', '**/*.cake'],
    literals: ['Threshold', '--threshold'],
  },
  {
    key: 'codecov',
    tool: 'Codecov status target',
    regex: /^[ \t]*target\s*:\s*['"]?(\d+(?:\.\d+)?)%?/m,
    files: ['codecov.yml', '.codecov.yml', '.github/codecov.yml', 'codecov.yaml', '.codecov.yaml'],
    literals: ['target'],
  },
  {
    key: 'other',
    tool: 'coverage floor',
    regex:
      /--fail-under(?:-lines)?[= ](\d+)|\bthreshold\s*:\s*\n?\s*(?:file|package|total)\s*:\s*(\d+)|--min-coverage[= ](\d+)/,
    files: [...CI_AND_SCRIPTS, '**/.testcoverage.yml', '**/Cargo.toml'],
    literals: ['fail-under', 'threshold', 'min-coverage'],
  },
];

// Coverage collected or configured (a [tool.coverage] section, --cov, nyc, -coverprofile, JaCoCo…), threshold or not.
const MEASURED =
  /^\[(?:tool\.coverage\.|coverage:)?(?:run|report)\]|^\[tool\.coverage\.|--coverage\b|--cov\b|--cov=|\bcoverage\s+run\b|-coverprofile|\bnyc\b|\bc8\b|\bjacoco\b|\bcoverlet\b|XPlat Code Coverage|\btarpaulin\b|\bllvm-cov\b|codecov|coveralls/m;

const numberIn = (m: Match) => m.groups.find((g) => g && /^\d/.test(g));

export default defineRule({
  meta: {
    id: 'coverage-gate',
    title: 'Coverage is measured with a threshold',
    failureTitle: 'Coverage is not gated',
    description:
      'A coverage threshold turns "we have tests" into a floor that a change cannot silently lower; measured coverage and passing tests are the evidence that the suite actually exercises the code.',
    remediation:
      'Fail the build below a coverage floor: Jest `coverageThreshold`, Vitest `coverage.thresholds`, nyc/c8 `--check-coverage`, coverage.py `fail_under` or `--cov-fail-under`, a JaCoCo `check` rule, coverlet `/p:Threshold`, or a Codecov status target. Aim for at least 80 % of lines.',
    severity: 'medium',
    effort: 'low',
    detection:
      'Thresholds in configuration: Jest coverageThreshold, Vitest coverage.thresholds, nyc/c8 check-coverage, coverage.py fail_under (.coveragerc, pyproject, setup.cfg, tox.ini), --cov-fail-under, JaCoCo <minimum>/jacocoTestCoverageVerification, coverlet Threshold, Codecov target, --fail-under (tarpaulin, llvm-cov), go-test-coverage thresholds. Coverage collected without a floor earns partial credit. With `readiness audit --coverage FILE` (lcov, Cobertura, JaCoCo, Istanbul summary, Go profile) the measured line coverage decides: pass at ≥ `options.minPercent` (default 80) with no failed test in `--junit FILE` results.',
    patterns: {
      ...Object.fromEntries(
        THRESHOLDS.map((t) => [t.key, { regex: t.regex, files: t.files, literals: t.literals, maxPerFile: 3 }]),
      ),
      jacocoPlugin: {
        regex: /jacoco/,
        files: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
        literals: ['jacoco'],
        maxPerFile: 1,
      },
      measured: {
        regex: MEASURED,
        files: [
          ...CI_AND_SCRIPTS,
          '**/pom.xml',
          '**/build.gradle',
          '**/build.gradle.kts',
          `**/{jest,vitest,vite}.config.${JS_CONFIG}`,
          '**/.coveragerc',
          '**/pyproject.toml',
          '**/setup.cfg',
        ],
        literals: ['cov', 'nyc', 'c8', 'jacoco', 'coverlet', 'Coverage', 'tarpaulin', 'run]', 'report]'],
        maxPerFile: 1,
      },
    },
    options: z
      .object({
        minPercent: z
          .number()
          .min(0)
          .max(100)
          .default(80)
          .describe('measured line coverage (%, from --coverage) at which the rule passes'),
      })
      .strict(),
  },
  check(ctx) {
    const minPercent = typeof ctx.options.minPercent === 'number' ? ctx.options.minPercent : 80;
    const jacocoFiles = new Set(ctx.matches('jacocoPlugin').map((m) => m.path));
    const found: { tool: string; match: Match }[] = [];
    for (const t of THRESHOLDS) {
      for (const m of ctx.matches(t.key)) {
        if (t.key === 'jacoco' && !jacocoFiles.has(m.path)) continue;
        if (t.key === 'codecov' && /^\s*target\s*:\s*['"]?auto/.test(m.snippet)) continue;
        found.push({ tool: t.tool, match: m });
      }
    }
    const thresholds = found.map((f) => ({
      tool: f.tool,
      path: f.match.path,
      line: f.match.line,
      ...(numberIn(f.match) ? { value: Number(numberIn(f.match)) } : {}),
    }));
    const tools = [...new Set(found.map((f) => f.tool))];
    const evidence: Evidence[] = found.slice(0, 5).map((f) => fromMatch(f.match, f.tool));
    const measured = ctx.matches('measured');
    const artifacts = ctx.artifacts;

    if (artifacts && (artifacts.coverage.length > 0 || artifacts.junit.length > 0)) {
      const cov = artifacts.coverage;
      const covered = cov.reduce((s, c) => s + c.linesCovered, 0);
      const total = cov.reduce((s, c) => s + c.linesTotal, 0);
      const percent = total === 0 ? undefined : Math.round((covered / total) * 10000) / 100;
      const tests = artifacts.junit.reduce(
        (s, j) => ({ passed: s.passed + j.passed, failed: s.failed + j.failed, skipped: s.skipped + j.skipped }),
        { passed: 0, failed: 0, skipped: 0 },
      );
      const ev: Evidence[] = [
        ...cov.map((c) => ({
          path: c.path,
          note: `${c.format}: ${c.linesCovered}/${c.linesTotal} lines covered (${c.percent}%)`,
        })),
        ...artifacts.junit.map((j) => ({
          path: j.path,
          note: `JUnit: ${j.passed} passed, ${j.failed} failed, ${j.skipped} skipped${j.failures.length ? ` — failing: ${j.failures.join('; ')}` : ''}`,
        })),
        ...evidence,
      ];
      const data = {
        measured: {
          ...(percent !== undefined ? { linePercent: percent, linesCovered: covered, linesTotal: total } : {}),
          ...(artifacts.junit.length ? { tests } : {}),
        },
        minPercent,
        thresholds,
      };
      const parts: string[] = [];
      if (percent !== undefined) parts.push(`${percent}% of lines covered (${covered}/${total})`);
      if (artifacts.junit.length)
        parts.push(`${tests.passed} tests passed, ${tests.failed} failed, ${tests.skipped} skipped`);
      const summary = parts.join('; ');
      const lowCoverage = percent !== undefined && percent < minPercent;
      if (!lowCoverage && tests.failed === 0 && percent !== undefined)
        return pass(`${summary}: at or above ${minPercent}%.`, ev, data);
      if (!lowCoverage && tests.failed === 0)
        return partial(0.5, `${summary}; no coverage report given, so coverage is unmeasured.`, ev, data);
      const covScore = percent === undefined ? 0.5 : Math.min(1, percent / minPercent);
      const why = [
        lowCoverage ? `below the ${minPercent}% floor` : '',
        tests.failed ? `${tests.failed} failing test${tests.failed === 1 ? '' : 's'}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      return partial(covScore * (tests.failed ? 0.5 : 0.9), `${summary}: ${why}.`, ev, data);
    }

    if (found.length > 0) {
      return pass(
        `Coverage is gated: ${listing(tools)}${thresholds.some((t) => t.value !== undefined) ? ` (${[...new Set(thresholds.filter((t) => t.value !== undefined).map((t) => `${t.value}`))].join(', ')})` : ''}.`,
        evidence,
        { thresholds, measuredIn: measured.map((m) => m.path) },
      );
    }
    if (measured.length > 0) {
      return partial(
        0.5,
        'Coverage is collected but no threshold fails the build when it drops.',
        [
          ...measured.slice(0, 3).map((m) => fromMatch(m, 'coverage collected here')),
          {
            path: '.',
            note: 'no coverageThreshold, coverage thresholds, check-coverage, fail_under, --cov-fail-under, JaCoCo minimum, coverlet Threshold or Codecov target found',
          },
        ],
        { thresholds, measuredIn: measured.map((m) => m.path) },
      );
    }
    return fail(
      'Coverage is neither measured nor gated.',
      [
        {
          path: '.',
          note: `no coverage threshold or coverage collection in ${ctx.searched('measured')} CI, build and test configuration files`,
        },
      ],
      { thresholds },
    );
  },
});
