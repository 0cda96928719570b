/**
 * Coverage set up inside the test project, which measures only when something turns it on:
 * SimpleCov starts in a spec/test helper, often behind an environment variable that CI sets
 * (`SimpleCov.start if ENV['COVERAGE']`); coverlet collects for `dotnet test` only with
 * `--collect:"XPlat Code Coverage"`, a runsettings that names the collector, or coverlet.msbuild's
 * CollectCoverage — a `coverlet.collector` reference alone (the xUnit template's default) measures nothing.
 */
import type { CommandRun, Evidence, Match, RuleContext } from '../../../src/types.js';
import { runEvidence } from '../../../src/facts/commands/index.js';
import { dirOf, fromMatch } from '../../../src/facts/paths.js';
import { ciSetsEnv } from './coverage-config.js';
import { ciPaths } from '../../../src/facts/ci.js';

const CODECOV =
  /\bCODECOV_TOKEN\b|\bcodecov\/codecov-action@|\bcodecov(?:\.sh|-cli)?\s+(?:upload|-t\b|-f\b)|\bCodecov\.exe\b/;

/** The first CI line that uploads to Codecov or hands it its token. */
function codecovInCi(ctx: RuleContext): Evidence | undefined {
  for (const path of ciPaths(ctx.files)) {
    const lines = (ctx.files.read(path) ?? '').split(/\r?\n/);
    const i = lines.findIndex((l) => CODECOV.test(l) && !/^\s*#/.test(l));
    if (i >= 0)
      return {
        path,
        line: i + 1,
        snippet: lines[i]!.trim().slice(0, 160),
        note: 'CI uploads coverage to Codecov (or hands a workflow its token)',
      };
  }
  return undefined;
}

const RUBY_RUNNERS = ['RSpec', 'rails test', 'Minitest', 'test-unit'];
const GUARD = /\bif\s+ENV(?:\[|\.fetch\()\s*['"](\w+)['"]/;

export interface SetupCoverage {
  /** Measured whenever CI runs the tests: the tool, and why. */
  measured: { name: string; evidence: Evidence[] }[];
  /** Set up, but CI does not turn it on (or does not run the tests). */
  configured: Evidence[];
  /** Present and inert: required but never started, referenced but never invoked. */
  inert: Evidence[];
}

export function setupCoverage(ctx: RuleContext, ci: CommandRun[]): SetupCoverage {
  const out: SetupCoverage = { measured: [], configured: [], inert: [] };
  simplecov(ctx, ci, out);
  coverlet(ctx, ci, out);
  pytestAddopts(ctx, ci, out);
  jestCollect(ctx, ci, out);
  return out;
}

/**
 * Jest's `collectCoverage: true` in its config measures every run: a CI job that runs Jest in that
 * folder (its package script, followed through make or a shell script) measures coverage (blind round 29,
 * mCaptcha: `make test` → a `define` running `yarn test` → jest with jest.config.ts collectCoverage).
 */
function jestCollect(ctx: RuleContext, ci: CommandRun[], out: SetupCoverage): void {
  const m = ctx
    .matches('configuredJs')
    .find((x) => /\bcollectCoverage\s*:\s*true/.test(x.snippet) && /(^|\/)jest\.config\./.test(x.path));
  if (!m) return;
  const dir = dirOf(m.path);
  const run = ci.find((r) => {
    if (!r.tools.some((t) => t.name === 'Jest')) return false;
    const last = r.chain.at(-1)?.path ?? r.origin.path;
    return /(^|\/)package\.json$/.test(last) ? dirOf(last) === dir : dir === '';
  });
  if (!run) return;
  out.measured.push({
    name: 'Jest collectCoverage',
    evidence: [
      fromMatch(m, 'Jest collects coverage on every run (collectCoverage: true)'),
      runEvidence(run, `runs Jest, which measures coverage (${m.path}:${m.line})`, 'test'),
    ],
  });
}

/** Whether the addopts value at a match (its line and continuation lines: a TOML list, an ini value) names `--cov`. */
function addoptsCov(ctx: RuleContext, m: Match): boolean {
  const lines = (ctx.files.read(m.path) ?? '').split(/\r?\n/);
  const value: string[] = [lines[m.line - 1] ?? ''];
  for (let i = m.line; i < lines.length && i < m.line + 40 && /^(?:[ \t]+\S|\])/.test(lines[i]!); i++)
    value.push(lines[i]!);
  return /(?<![\w-])--cov(?![\w-])/.test(value.join('\n'));
}

/** pytest-cov switched on in pytest's addopts: measured wherever CI runs pytest. */
function pytestAddopts(ctx: RuleContext, ci: CommandRun[], out: SetupCoverage): void {
  const m = ctx.matches('pytestAddoptsCov').find((x) => !/^\s*[#;]/.test(x.snippet) && addoptsCov(ctx, x));
  if (!m) return;
  const runs = ci.filter((r) => r.tools.some((t) => t.name === 'pytest'));
  if (runs.length === 0) {
    out.configured.push(fromMatch(m, 'pytest addopts turn on pytest-cov (--cov); CI runs no pytest'));
    return;
  }
  out.measured.push({
    name: 'pytest-cov through addopts',
    evidence: [
      fromMatch(m, `pytest addopts turn on pytest-cov (--cov): every pytest run measures coverage`),
      runEvidence(runs[0]!, `runs pytest, measured by pytest-cov (${m.path}:${m.line})`, 'test'),
    ],
  });
}

function simplecov(ctx: RuleContext, ci: CommandRun[], out: SetupCoverage): void {
  const all = ctx.matches('simplecovSetup');
  if (all.length === 0) return;
  const start = all.find((m) => /SimpleCov\.start\b/.test(m.snippet));
  if (!start) {
    const req = all[0]!;
    out.inert.push(
      fromMatch(
        req,
        'SimpleCov is required but never started (no SimpleCov.start, no .simplecov): it measures nothing',
      ),
    );
    return;
  }
  // `SimpleCov.start if ENV['X']` on its line, or an `if ENV['X']` block opened just above it.
  const inline = [start, ...all].find((m) => GUARD.test(m.snippet));
  const block = ctx
    .matches('simplecovGuard')
    .find((g) => all.some((m) => m.path === g.path && m.line > g.line && m.line - g.line <= 4));
  const guard: Match | undefined = inline ?? block;
  const env = inline ? GUARD.exec(inline.snippet)?.[1] : block?.groups[0];
  const runs = ci.filter((r) => r.tools.some((t) => RUBY_RUNNERS.includes(t.name)));
  const where = `${start.path}:${start.line}`;
  if (runs.length === 0) {
    out.configured.push(fromMatch(start, 'SimpleCov started by the test helper; CI runs no Ruby tests'));
    return;
  }
  if (!env) {
    out.measured.push({
      name: 'SimpleCov',
      evidence: [
        fromMatch(start, 'SimpleCov starts whenever the tests run'),
        runEvidence(runs[0]!, `runs the tests, measured by SimpleCov (${where})`, 'test'),
      ],
    });
    return;
  }
  const set = ciSetsEnv(ctx.files, [...new Set(runs.map((r) => r.origin.path))], env);
  if (set)
    out.measured.push({
      name: 'SimpleCov',
      evidence: [
        fromMatch(guard!, `SimpleCov starts when ${env} is set`),
        { path: set.path, line: set.line, note: `CI sets ${env}` },
        runEvidence(runs[0]!, `runs the tests with ${env} set, measured by SimpleCov`, 'test'),
      ],
    });
  else out.configured.push(fromMatch(guard!, `SimpleCov starts only when ${env} is set, which CI does not set`));
}

function coverlet(ctx: RuleContext, ci: CommandRun[], out: SetupCoverage): void {
  const refs = ctx.matches('coverletRef');
  if (refs.length === 0) return;
  // Collection already read from the command (`--collect`, /p:CollectCoverage) or from CollectCoverage in a project.
  if (ci.some((r) => r.tools.some((t) => t.name === 'coverlet')) || ctx.matches('configuredDotnet').length) return;
  const settings = ctx.matches('runsettings');
  const named = settings.find((m) => /RunSettingsFilePath/.test(m.snippet));
  const xplat = settings.find((m) => /XPlat Code Coverage/.test(m.snippet));
  const tests = ci.filter((r) => r.tools.some((t) => t.name === 'dotnet test'));
  const withSettings = tests.find((r) => r.argv.some((w) => /^(?:--settings|-s)$|^--settings[:=]/.test(w)));
  if (xplat && (named || withSettings)) {
    const ev = [fromMatch(xplat, 'runsettings turns on the XPlat Code Coverage collector')];
    if (withSettings)
      out.measured.push({
        name: 'coverlet',
        evidence: [...ev, runEvidence(withSettings, 'runs dotnet test with the runsettings', 'test')],
      });
    else out.configured.push(...ev, fromMatch(named!, 'the project names the runsettings'));
    return;
  }
  const ref = refs[0]!;
  // Tests run by a workflow that cannot be read here (another repository's reusable workflow) while
  // CI hands Codecov its token or uploads to it: the collector feeds that upload (blind round 10,
  // CliWrap main.yml:30). A visible `dotnet test` without --collect still collects nothing.
  const codecov = tests.length === 0 ? codecovInCi(ctx) : undefined;
  if (codecov) {
    out.measured.push({
      name: 'coverlet with a Codecov upload',
      evidence: [
        fromMatch(ref, `coverlet.${ref.groups[0] ?? 'collector'} collects coverage in the test project`),
        codecov,
      ],
    });
    return;
  }
  out.inert.push(
    fromMatch(
      ref,
      `coverlet.${ref.groups[0] ?? 'collector'} is referenced, but nothing collects: ${tests.length ? 'dotnet test in CI runs without --collect:"XPlat Code Coverage"' : 'no dotnet test with --collect:"XPlat Code Coverage"'}, no runsettings and no CollectCoverage`,
    ),
  );
}
