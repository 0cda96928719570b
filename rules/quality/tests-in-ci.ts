import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, pass } from '../../src/engine/results.js';
import { CI_GLOBS, ciFiles, runsTests, type CiCommand } from '../../src/facts/ci.js';
import { ciCommands } from '../../src/facts/tests/tooling.js';

/** Actions that run a test suite themselves (no shell command to see). */
const TEST_ACTIONS = /^cypress-io\/github-action@/;
const RUNNER_OF = [
  ['pytest/unittest', /\bpytest\b|py\.test|-m\s+unittest|\btox\b|\bnox\b/],
  ['go test', /\bgo\s+test\b|gotestsum/],
  ['npm/pnpm/yarn test', /\b(?:npm|pnpm|yarn|bun)\b/],
  ['Jest/Vitest/Mocha', /\b(?:jest|vitest|mocha|ava|playwright|cypress)\b/],
  ['Maven', /mvnw?\b/],
  ['Gradle', /gradlew?\b/],
  ['dotnet test', /dotnet\s+test/],
  ['cargo test', /cargo\s+(?:test|nextest)/],
  ['RSpec/Minitest', /\b(?:rspec|rake|rails\s+test)\b/],
  ['PHPUnit/Pest', /\b(?:phpunit|pest|artisan)\b/],
  ['make', /\bmake\b/],
] as const;

const runnerOf = (c: CiCommand) => RUNNER_OF.find(([, re]) => re.test(c.text))?.[0] ?? 'other';

export default defineRule({
  meta: {
    id: 'tests-in-ci',
    scope: 'repository',
    title: 'CI runs the tests',
    failureTitle: 'Tests are not run in CI',
    description:
      'Tests protect only the changes they run against. When CI runs them on every push and pull request, a regression is caught before review instead of in production.',
    remediation:
      'Add a CI job that runs the test suite on every push and pull request (e.g. a GitHub Actions step `run: npm test`, `pytest`, `go test ./...`, `mvn verify`, `dotnet test`, `cargo test`).',
    severity: 'high',
    effort: 'low',
    detection:
      'Parses CI configuration (GitHub Actions, GitLab CI, Azure Pipelines, CircleCI, Jenkinsfile, Travis, Bitbucket, Cloud Build, Buildkite, Drone, CodeBuild, Woodpecker, AppVeyor) and lists each job whose commands run tests: npm/pnpm/yarn test, jest/vitest/mocha, pytest/tox/nox, go test, mvn test|verify, gradle test|check, dotnet test, cargo test, rspec/rake, phpunit/pest, make test, bazel/sbt/turbo/nx test — with the workflow file and line.',
    reads: CI_GLOBS,
  },
  check(ctx) {
    const ci = ciFiles(ctx.files);
    if (ci.length === 0) {
      return fail(
        'No CI configuration, so nothing runs the tests automatically.',
        [{ path: '.', note: `no CI configuration file (${CI_GLOBS.slice(0, 6).join(', ')}, …)` }],
        { jobs: [] },
      );
    }
    const runs = ciCommands(ctx).filter(
      (c) => (c.kind === 'run' && runsTests(c.text)) || (c.kind === 'uses' && TEST_ACTIONS.test(c.text)),
    );
    const jobs = runs.map((c) => ({
      file: c.path,
      job: c.job ?? 'default',
      line: c.line,
      command: c.text.slice(0, 120),
      runner: runnerOf(c),
    }));
    const broken = ci.filter((f) => !f.ok);
    const evidence: Evidence[] = runs.slice(0, 8).map((c) => ({
      path: c.path,
      line: c.line,
      snippet: c.text.slice(0, 160),
      note: `job ${c.job ?? '(default)'} runs tests${ci.some((f) => f.path === c.path) ? '' : ` (in ${c.path}, which the job invokes)`}`,
    }));
    for (const b of broken) evidence.push({ path: b.path, note: `could not be parsed: ${b.error ?? 'unreadable'}` });
    const data = { jobs, ciFiles: ci.map((f) => f.path) };
    if (runs.length === 0) {
      return fail(
        `CI is configured (${ci.length} file${ci.length === 1 ? '' : 's'}) but no job runs a test command.`,
        [
          {
            path: '.',
            note: `no test command in ${ci.reduce((s, f) => s + f.commands.length, 0)} CI steps of ${listing(ci.map((f) => f.path).slice(0, 5))}`,
          },
          ...evidence,
        ],
        data,
      );
    }
    const jobNames = [...new Set(jobs.map((j) => `${j.file}:${j.job}`))];
    const runners = [...new Set(jobs.map((j) => j.runner))];
    return pass(
      `${jobNames.length} CI job${jobNames.length === 1 ? '' : 's'} run${jobNames.length === 1 ? 's' : ''} the tests (${listing(runners)}).`,
      evidence,
      data,
    );
  },
});
