import { defineRule, type CommandRun, type Evidence, type Lines, type Match } from '../../src/types.js';
import { LineIndex } from '../../src/util/lines.js';
import { lazyOptions } from '../../src/engine/lazy-options.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { CI_GLOBS } from '../../src/facts/ci.js';
import { runEvidence, runsOf } from '../../src/facts/commands/index.js';
import { fromMatch, isCommentLine, noProductCode, productCode } from '../../src/facts/paths.js';
import { CONFIGURED, COVERAGE_PLUGINS, distinct, scriptCoverage, SETUP, THRESHOLDS } from './_lib/coverage-config.js';
import { setupCoverage } from './_lib/coverage-setup.js';

const configNote = (n: number) =>
  n === 0
    ? ', and no coverage configuration file'
    : `, and no coverage threshold or collection in ${n} configuration file${n === 1 ? '' : 's'}`;

/**
 * A `threshold:` at the indentation of the `target: auto` on line `line` (1-based), in the same block:
 * true when it gates, 'open' when it allows a drop of 100 points or more (no gate at all), false without one.
 */
function codecovAutoGate(lines: Lines, line: number): boolean | 'open' {
  const indent = (l: string) => /^[ \t]*/.exec(l)![0].length;
  const at = indent(lines.bare(line));
  const sibling = (l: string) => indent(l) === at && /^[ \t]*threshold\s*:\s*['"]?\d/.test(l);
  for (const step of [-1, 1]) {
    for (let i = line - 1 + step; i >= 0 && i < lines.count; i += step) {
      const l = lines.bare(i + 1);
      if (!l.trim() || /^\s*#/.test(l)) continue;
      if (indent(l) < at) break;
      if (sibling(l) && blocksNothing(l)) return 'open';
      if (sibling(l)) return !/^\s*informational\s*:\s*true/m.test(blockOf(lines, i, at));
    }
  }
  return false;
}

/**
 * A Codecov `threshold:` of 100 or more: the drop the status allows (Codecov's docs: "allow the coverage
 * to drop by X%, and posting a success status"), so a 100-point drop passes and the check blocks
 * nothing (blind round 28, pupilfirst codecov.yml `threshold: 100` was read as a gate).
 */
function blocksNothing(line: string): boolean {
  const m = /^\s*threshold\s*:\s*['"]?(\d{1,6}(?:\.\d{1,6})?)/.exec(line);
  return m !== null && Number.parseFloat(m[1]!) >= 100;
}

/**
 * A `threshold:` on line `line` of a Codecov status block (under `coverage.status`) that sets no
 * target: Codecov's default target is `auto`, so the threshold is the drop the check allows.
 */
function codecovDefaultTargetGate(lines: Lines, line: number): boolean {
  if (blocksNothing(lines.bare(line))) return false;
  const at = /^[ \t]*/.exec(lines.bare(line))![0].length;
  if (/^\s*target\s*:/m.test(blockOf(lines, line - 1, at))) return false;
  return codecovStatus(lines, line);
}

/**
 * Line `line` (1-based) sits under `coverage.status` and its block is not `informational: true`
 * (a status that reports only).
 */
function codecovStatus(lines: Lines, line: number): boolean {
  const indent = (l: string) => /^[ \t]*/.exec(l)![0].length;
  const at = indent(lines.bare(line));
  if (/^\s*informational\s*:\s*true/m.test(blockOf(lines, line - 1, at))) return false;
  let want = at;
  for (let i = line - 2; i >= 0; i--) {
    const l = lines.bare(i + 1);
    if (!l.trim() || /^\s*#/.test(l) || indent(l) >= want) continue;
    want = indent(l);
    if (/^\s*status\s*:/.test(l)) return true;
    if (want === 0) break;
  }
  return false;
}

/**
 * Line `line` (1-based) sits under a Codecov `patch:` status (before reaching `status:`): it checks
 * only the lines a change adds, so overall coverage may still fall (blind round 32: a patch
 * threshold with `project: false`).
 */
function codecovPatch(lines: Lines, line: number): boolean {
  const indent = (l: string) => /^[ \t]*/.exec(l)![0].length;
  let want = indent(lines.bare(line));
  for (let i = line - 2; i >= 0; i--) {
    const l = lines.bare(i + 1);
    if (!l.trim() || /^\s*#/.test(l) || indent(l) >= want) continue;
    want = indent(l);
    if (/^\s*patch\s*:/.test(l)) return true;
    if (/^\s*status\s*:/.test(l) || want === 0) return false;
  }
  return false;
}

/** The lines of the block at indentation `at` around line index `i`. */
function blockOf(lines: Lines, i: number, at: number): string {
  const ind = (l: string) => /^[ \t]*/.exec(l)![0].length;
  let a = i;
  let b = i;
  while (a > 0 && (!lines.bare(a).trim() || ind(lines.bare(a)) >= at)) a--;
  while (b < lines.count - 1 && (!lines.bare(b + 2).trim() || ind(lines.bare(b + 2)) >= at)) b++;
  return lines
    .range(a + 1, b + 1, true)
    .filter((l) => ind(l) === at)
    .join('\n');
}

/** Coverage settings that act only when a run asks for coverage (not `collectCoverage: true`). */
const ON_REQUEST = /^\[(?:tool\.coverage\.|coverage:)?(?:run|report|paths)\]|\bprovider\s*:/;

const numberIn = (m: Match) => m.groups.find((g) => g && /^\d/.test(g));

/** An argument that turns a script's coverage off. */
const NO_COVERAGE =
  /(?:^|\s)--(?:no-?cov(?:erage)?|without-coverage|skip-coverage|disable-coverage|coverage=(?:false|0|off|no))(?=\s|$|["'])/;

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
      'Floors in what CI runs, followed through scripts, targets and build tools (`--cov-fail-under`, `coverage report --fail-under`, `nyc check-coverage`, `jest --coverageThreshold`, `dotnet test /p:Threshold`, `cargo llvm-cov --fail-under-lines`, a JaCoCo check goal bound in pom.xml or `jacocoTestCoverageVerification`, go-test-coverage, coverage actions with a minimum) and in configuration: Jest coverageThreshold, Vitest coverage.thresholds, nyc/c8 check-coverage, coverage.py fail_under (.coveragerc, pyproject, setup.cfg, tox.ini), pytest addopts --cov-fail-under, JaCoCo <minimum>, coverlet <Threshold>, a Codecov status target (a number, or `target: auto` / `project: true`, which fail a pull request that lowers coverage; codecov.yml at the root, in .github/ or dev/), SimpleCov minimum_coverage, go-test-coverage thresholds. Coverage measured without a floor earns partial credit: `go test -cover`, `pytest --cov` (also through pytest addopts), `coverage run`, `jest --coverage`, coverlet, JaCoCo, tarpaulin/llvm-cov, a Codecov or Coveralls upload in CI, or collection set up in configuration. With `readiness audit --coverage FILE` (lcov, Cobertura, JaCoCo, Istanbul summary, Go profile) the measured line coverage decides: pass at ≥ `options.minPercent` (default 80) with no failed test in `--junit FILE` results.',
    reads: CI_GLOBS,
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
      ...CONFIGURED,
      ...SETUP,
    },
    options: lazyOptions(
      { minPercent: 80 },
      async () => (await import('./_lib/coverage-gate-options.js')).COVERAGE_GATE_OPTIONS,
    ),
  },
  // Coverage measures code: a repository without product source has none to cover, as module-size
  // and type-safety already say — a chart or module repository (round 5: a chart repository failed
  // here) and equally a root infrastructure estate (blind round 36: Terragrunt stacks with no source
  // at all failed here while type-safety said "no source code" in the same report).
  appliesTo: (ctx) => {
    const { facts } = ctx;
    if (productCode(facts).length > 0) return true;
    // Without product code, coverage that someone set up anyway (a floor, a measuring command in CI)
    // is still judged; with none of it there is nothing to gate.
    const keys = [...THRESHOLDS.map((t) => t.key), ...Object.keys(CONFIGURED), ...Object.keys(SETUP)];
    // An infrastructure estate (root stacks, no program source) is what that leaves: a repository of another
    // profile with no source found is more likely one whose code is not recognised.
    const silent = keys.every((k) => ctx.matches(k).length === 0) && runsOf(facts.commands, 'coverage').length === 0;
    return facts.reusable || (silent && facts.profile.id === 'infrastructure')
      ? { reason: `${noProductCode(facts)}: there is no code for coverage to measure` }
      : true;
  },
  check(ctx) {
    // A file's line index (memoised per file), not a split of the whole file per match.
    const linesOf = (path: string): Lines => ctx.files.lines(path) ?? new LineIndex('');
    const minPercent = typeof ctx.options.minPercent === 'number' ? ctx.options.minPercent : 80;
    const jacocoFiles = new Set(ctx.matches('jacocoPlugin').map((m) => m.path));
    /** `drop`: the number is the drop allowed, not a floor. */
    const found: { tool: string; match: Match; drop?: boolean; patch?: boolean }[] = [];
    for (const t of THRESHOLDS) {
      // `// coverageThreshold: undefined` in a generated jest.config.js configures nothing.
      for (const m of ctx.matches(t.key).filter((x) => !isCommentLine(x.snippet))) {
        if (t.key === 'jacoco' && !jacocoFiles.has(m.path)) continue;
        // A floor of 0 (`"minimum_coverage": 0`, `target: 0%`, `fail-under = 0`) fails nothing: it is
        // no gate (blind round 32, an ExCoveralls coveralls.json). A Codecov `threshold: 0` is the drop
        // allowed, the strictest setting, and stays.
        const n = numberIn(m);
        if (
          n !== undefined &&
          Number.parseFloat(n) === 0 &&
          !(t.key === 'codecov' && /^\s*threshold\s*:/.test(m.snippet))
        )
          continue;
        const patch = t.key === 'codecov' && codecovPatch(linesOf(m.path), m.line);
        if (t.key === 'codecov' && /^\s*threshold\s*:/.test(m.snippet)) {
          if (!codecovDefaultTargetGate(linesOf(m.path), m.line)) continue;
          found.push({
            tool: 'Codecov status (default target auto with a threshold: fails when coverage drops)',
            match: m,
            drop: true,
            patch,
          });
          continue;
        }
        if (t.key === 'codecov' && /^\s*target\s*:\s*['"]?auto/.test(m.snippet)) {
          // `target: auto` compares with the base commit: with a `threshold` (the drop allowed) beside
          // it in the same status block, or alone (threshold 0), Codecov fails the check when coverage drops.
          const lines = linesOf(m.path);
          const auto = codecovAutoGate(lines, m.line);
          if (auto === 'open') continue;
          if (auto)
            found.push({
              tool: 'Codecov status (target auto with a threshold: fails when coverage drops)',
              match: m,
              patch,
            });
          else if (codecovStatus(lines, m.line))
            found.push({ tool: 'Codecov project status (auto target)', match: m, drop: true, patch });
          continue;
        }
        // `project: true`: Codecov's project status with its defaults, target auto and threshold 0 — the
        // check fails on a pull request that lowers coverage (round 19, pluggy codecov.yml).
        if (t.key === 'codecov' && /^\s*project\s*:/.test(m.snippet)) {
          if (codecovStatus(linesOf(m.path), m.line))
            found.push({ tool: 'Codecov project status (auto target)', match: m, drop: true });
          continue;
        }
        found.push({ tool: t.tool, match: m, patch });
      }
    }
    const thresholds = found.map((f) => ({
      tool: f.tool,
      path: f.match.path,
      line: f.match.line,
      ...(numberIn(f.match) && !f.drop ? { value: Number.parseFloat(numberIn(f.match)!) } : {}),
    }));
    const tools = [...new Set(found.map((f) => f.tool))];
    const evidence: Evidence[] = found.slice(0, 5).map((f) => fromMatch(f.match, f.tool));
    const graph = ctx.facts.commands.runs.filter((r) => r.origin.kind === 'ci');
    const ciGates = distinct(graph.filter((r) => r.tools.some((t) => t.kinds.includes('coverage-gate'))));
    const enforced = ciGates.filter((r) => !r.advisory);
    for (const r of enforced) {
      const t = r.tools.find((x) => x.kinds.includes('coverage-gate'))!;
      tools.push(t.name);
      const last = r.chain.at(-1);
      thresholds.push({
        tool: t.name,
        path: last?.path ?? r.origin.path,
        line: last?.line ?? 1,
        ...(t.threshold !== undefined ? { value: t.threshold } : {}),
      });
      evidence.push(runEvidence(r, 'enforces a coverage floor', 'coverage-gate'));
    }
    // A package script measures coverage only where it runs: CI reaching it through the command
    // graph, or the package's own `test` script (what `npm test` runs). A `test:cov` variant no CI
    // job runs is configured, not active (round 5: nestjs-boilerplate's scaffold script earned 0.5).
    const reached = (sc: { path: string; line: number }) =>
      graph.some((r) => r.chain.some((h) => h.path === sc.path && h.line === sc.line));
    const allScripts = scriptCoverage(ctx.files);
    const scripts = allScripts.filter((sc) => sc.script === 'test' || reached(sc));
    const idleScripts = allScripts.filter((sc) => !scripts.includes(sc));
    for (const sc of scripts.filter((x) => x.gate && !enforced.length)) {
      tools.push(`package script ${sc.script}`);
      thresholds.push({
        tool: `package script ${sc.script}`,
        path: sc.path,
        line: sc.line,
        ...(sc.threshold !== undefined ? { value: sc.threshold } : {}),
      });
      evidence.push({ path: sc.path, line: sc.line, note: `package script ${sc.script} fails below a coverage floor` });
    }
    // A script CI starts with `--no-coverage` (`--no-cov`, `--without-coverage`, `--skip-coverage`,
    // `--coverage=false`) runs its coverage branch only when asked otherwise: the coverage commands
    // reached through that call do not run there (blind round 40: a test script's coverage combine and
    // report, reached only by CI calls passing --no-coverage, read as "measured in CI").
    const switchedOff = (r: CommandRun) => r.chain.slice(0, -1).some((h) => NO_COVERAGE.test(h.text ?? ''));
    const ciMeasured = distinct(
      graph.filter((r) => r.tools.some((t) => t.kinds.includes('coverage')) && !switchedOff(r)),
    );
    const families = Object.keys(CONFIGURED);
    const allConfigured = families.flatMap((k) => ctx.matches(k)).filter((m) => !isCommentLine(m.snippet));
    // A coverage plugin applied through a catalogue alias names no tool in the build file's text.
    for (const d of ctx.facts.dependencies) {
      const tool = COVERAGE_PLUGINS.get(d.name);
      if (!tool || !/(^|\/)build\.gradle(\.kts)?$/.test(d.path) || allConfigured.some((m) => m.path === d.path))
        continue;
      const line = d.line ?? 1;
      const lines = ctx.files.lines(d.path);
      const snippet = line >= 1 && line <= (lines?.count ?? 1) ? (lines?.line(line) ?? '').trim() : d.name;
      allConfigured.push({ path: d.path, line, snippet: `${snippet} (${tool} plugin)`, groups: [] });
    }
    const setup = setupCoverage(ctx, graph);
    // A coverage.py section or a Vitest/Jest `provider:` only shapes a run someone starts
    // (`coverage run`, `pytest --cov`, `vitest --coverage`); with nothing in CI measuring coverage it
    // is configured, not run — the same as a package script no CI job runs (round 12).
    const measuredInCi = ciMeasured.length > 0 || setup.measured.length > 0;
    const onRequest = (m: Match) => m.path.endsWith('.coveragerc') || ON_REQUEST.test(m.snippet);
    const idleConfig = measuredInCi ? [] : allConfigured.filter(onRequest);
    const configured = allConfigured.filter((m) => !idleConfig.includes(m));
    const measuredIn = [
      ...new Set([
        ...ciMeasured.map((r) => r.chain.at(-1)?.path ?? r.origin.path),
        ...configured.map((m) => m.path),
        ...setup.measured.map((m) => m.evidence[0]!.path),
        ...setup.configured.map((e) => e.path),
      ]),
    ];
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

    // Only Codecov patch statuses: new lines are checked, the project's coverage may fall freely.
    if (thresholds.length > 0 && thresholds.length === found.length && found.every((f) => f.patch)) {
      return partial(
        0.5,
        `Only a Codecov patch status gates coverage (${listing([...new Set(tools)])}): it checks the lines a change adds; no project status or floor stops overall coverage from falling.`,
        evidence.slice(0, 6),
        { thresholds, measuredIn },
      );
    }
    if (thresholds.length > 0) {
      const values = [...new Set(thresholds.flatMap((t) => (t.value !== undefined ? [`${t.value}`] : [])))];
      return pass(
        `Coverage is gated: ${listing([...new Set(tools)])}${values.length ? ` (${values.join(', ')})` : ''}.`,
        evidence.slice(0, 6),
        { thresholds, measuredIn },
      );
    }
    const advisory = ciGates.filter((r) => r.advisory);
    if (
      ciMeasured.length > 0 ||
      configured.length > 0 ||
      scripts.length > 0 ||
      setup.measured.length ||
      setup.configured.length
    ) {
      const inCi = [
        ...ciMeasured.map((r) => r.tools.find((t) => t.kinds.includes('coverage'))!.name),
        ...setup.measured.map((m) => m.name),
      ];
      const where = inCi.length
        ? `measured in CI (${listing([...new Set(inCi)].slice(0, 4))})`
        : 'collected (configured, not seen in CI)';
      return partial(
        0.5,
        `Coverage is ${where}, but no threshold fails the build when it drops${advisory.length ? ' (a floor is checked, but the step may fail without failing the job)' : ''}.`,
        [
          ...ciMeasured.slice(0, 3).map((r) => runEvidence(r, 'measures coverage', 'coverage')),
          ...setup.measured.flatMap((m) => m.evidence),
          ...setup.configured.slice(0, 2),
          ...setup.inert,
          ...advisory.slice(0, 1).map((r) => runEvidence(r, 'checks a coverage floor', 'coverage-gate')),
          ...configured.slice(0, 2).map((m) => fromMatch(m, 'coverage collection configured')),
          ...scripts
            .slice(0, 1)
            .map((x) => ({ path: x.path, line: x.line, note: `package script ${x.script} measures coverage` })),
          {
            path: '.',
            note: 'no floor among the commands CI runs (--cov-fail-under, --fail-under, check-coverage, /p:Threshold, a JaCoCo check) and no coverageThreshold, coverage thresholds, fail_under, JaCoCo minimum, Kover minBound, coverlet Threshold, SimpleCov minimum_coverage or Codecov target in configuration',
          },
        ],
        { thresholds, measuredIn },
      );
    }
    const idle = idleScripts.map((x) => x.script);
    if (idleConfig.length > 0 || idleScripts.length > 0) {
      const what = [
        ...idleConfig.slice(0, 2).map((m) => m.path),
        ...idle.slice(0, 2).map((x) => `package script ${x}`),
      ];
      // Coverage set up but measured nowhere (no CI job, not the package's `test`) and with no floor
      // is no gate, not a partial one (blind round 27: an unused `test:cov`). An idle script that
      // checks a floor has written the gate down: a quarter, for wiring it into CI.
      const floor = idleScripts.some((x) => x.gate);
      const message = floor
        ? `Coverage is configured, not run: ${listing(what)} set${what.length === 1 ? 's' : ''} up coverage with a floor, but nothing CI runs measures it, so the floor fails no build.`
        : `Coverage is configured, not run: ${listing(what)} set${what.length === 1 ? 's' : ''} up coverage, but nothing CI runs measures it, and no threshold fails the build.`;
      const idleEvidence: Evidence[] = [
        ...idleConfig.slice(0, 2).map((m) => fromMatch(m, 'coverage configured; no CI command runs coverage')),
        ...idleScripts.slice(0, 2).map((x) => ({
          path: x.path,
          line: x.line,
          note: `package script ${x.script} ${x.gate ? 'checks a coverage floor' : 'measures coverage'}, but no CI job runs it`,
        })),
        ...setup.inert,
        {
          path: '.',
          note: graph.length
            ? `no coverage among the ${graph.length} commands CI runs (followed through scripts, targets and build tools)`
            : 'no command run by CI',
        },
      ];
      const data = { thresholds, measuredIn: [] };
      return floor ? partial(0.25, message, idleEvidence, data) : fail(message, idleEvidence, data);
    }
    // Idle scripts and idle configuration were judged above: here nothing sets coverage up.
    return fail(
      'Coverage is neither measured nor gated.',
      [
        ...setup.inert,
        {
          path: '.',
          note: `${graph.length ? `no coverage among the ${graph.length} commands CI runs (followed through scripts, targets and build tools)` : 'no command run by CI'}${configNote(families.reduce((n, k) => n + ctx.searched(k), 0))}`,
        },
      ],
      { thresholds },
    );
  },
});
