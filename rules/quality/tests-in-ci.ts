import { type CommandRun, defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, pass, unknown } from '../../src/engine/results.js';
import { CI_GLOBS, ciFiles } from '../../src/facts/ci.js';
import { testInventory } from '../../src/facts/tests/inventory.js';
import { productCode } from '../../src/facts/paths.js';
import {
  delegatedBuilds,
  describeChain,
  productTestRuns,
  runEvidence,
  testToolOf,
  unfollowedWorkflows,
} from '../../src/facts/commands/index.js';

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
      'Follows what each CI job runs (GitHub Actions and Forgejo/Gitea Actions, GitLab CI, Azure Pipelines, CircleCI, Jenkinsfile, Travis, Bitbucket, Cloud Build, Buildkite, Drone, CodeBuild, Woodpecker (`.woodpecker.y{a,}ml`, `.woodpecker/*.y{a,}ml`, one job per step), Tekton Pipelines as Code (`.tekton/`), AppVeyor) through package scripts and their pre/post hooks, Makefile/justfile/Taskfile targets, shell scripts, tox environments (tox.ini, setup.cfg, pyproject.toml, tox.toml in tox order, a file without tox settings passed over; `--notest` runs none, environments named for release, docs, lint, type or packaging are no test runs) and nox sessions, composite actions, Gradle/Maven lifecycles, NUKE/Cake targets, Azure tasks, CircleCI orbs (and orb jobs by their names) and Travis defaults, `circleci tests run --command`, paths to package binaries (`./node_modules/.bin/jest`, `vendor/bin/phpunit`, `.venv/bin/pytest`, Rails binstubs), Rails `rake spec`/`rake test`, the command inputs of reusable workflows (`extra-checks: just ci`), down to a test runner (pytest, Jest, Vitest, Mocha, go test, JUnit via Maven/Gradle, dotnet test, cargo test, RSpec, PHPUnit, …). Evidence gives the chain from the CI line to the runner; a word in an `echo` or a script name is not a test run.',
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
    const runs = productTestRuns(ctx.facts);
    const jobs = runs.map((r) => ({
      file: r.origin.path,
      job: r.origin.job ?? 'default',
      line: r.chain[r.chain.length - 1]?.line ?? 1,
      command: r.argv.join(' ').slice(0, 120),
      runner: testToolOf(r),
      via: describeChain(r).slice(0, 300),
    }));
    // One citation per job and runner: a matrix of twelve identical steps is one fact.
    const cited = new Set<string>();
    const evidence: Evidence[] = [];
    // Jobs that reach the same line (a shared script run by two matrix-less jobs) are one citation
    // that names them all (round 5: the same run-static.sh:45 cited twice).
    const atLine = new Map<string, Evidence & { jobs: string[] }>();
    for (const r of [...runs].sort((a, b) => sideRun(a) - sideRun(b))) {
      const key = `${r.origin.path}#${r.origin.job}#${r.tools[0]?.name}`;
      if (cited.has(key)) continue;
      cited.add(key);
      const e = runEvidence(r, 'runs tests', r.tools.some((t) => t.kinds.includes('test')) ? 'test' : undefined);
      const same = atLine.get(`${e.path}:${e.line}`);
      if (same) {
        // The same job at the same line (`$RUNNER test` run as cargo or cross) names no other job.
        const job = r.origin.job ?? '(default)';
        if (!same.jobs.includes(job) && !(same.note ?? '').startsWith(`job ${job} `)) same.jobs.push(job);
        continue;
      }
      if (evidence.length >= 8) continue;
      const entry = { ...e, jobs: [] as string[] };
      atLine.set(`${e.path}:${e.line}`, entry);
      evidence.push(entry);
    }
    for (const [i, e] of evidence.entries()) {
      const { jobs: also, ...plain } = e as Evidence & { jobs?: string[] };
      evidence[i] = also?.length
        ? { ...plain, note: `${plain.note}; also run by job${also.length === 1 ? '' : 's'} ${listing(also)}` }
        : plain;
    }
    for (const b of ci.filter((f) => !f.ok))
      evidence.push({ path: b.path, note: `could not be parsed: ${b.error ?? 'unreadable'}` });
    const data = { jobs, ciFiles: ci.map((f) => f.path) };
    if (runs.length === 0) {
      const unresolved = ctx.facts.commands.unresolved
        .filter((u) => u.chain.length > 0)
        .slice(0, 3)
        .map((u): Evidence => {
          const h = u.chain[u.chain.length - 1]!;
          return { path: h.path, line: h.line, snippet: h.text.slice(0, 160), note: `not followed: ${u.reason}` };
        });
      const steps = ctx.facts.commands.runs.filter((r) => r.origin.kind === 'ci').length;
      // A job handed to a reusable workflow of another repository (a shared "terraform-module" or
      // "test" workflow) may well run the tests: that cannot be seen here, so it is not a fail
      // (blind round 8, cloudposse's shared workflows). Whatever the workflow is named: a shared
      // `nuget.yml` or `main.yml` builds, tests and publishes alike (blind round 10, CliWrap), and
      // ci-pipeline already calls such CI unknown in part. Only a workflow named for housekeeping
      // alone (release notes, labels, stale issues) is known not to test.
      // A repository with tests whose CI hands its build to a workflow of another repository named
      // for building or testing (blind round 33: vhs's charmbracelet/meta build.yml, refit's
      // workflow-common-setup-and-build.yml): that workflow is where the tests run; its steps cannot
      // be read offline, and the evidence says so.
      const delegated = delegatedBuilds(ctx.facts.commands);
      const tested = delegated.length > 0 ? testInventory(ctx.files).files.length : 0;
      if (tested > 0)
        return pass(
          `CI hands its build to a build/test workflow of another repository (${listing(
            delegated.map((e) => e.note!.replace(/^job \S+ calls /, '').replace(/@[\s\S]*$/, '')).slice(0, 2),
          )}), for ${tested} test file${tested === 1 ? '' : 's'} here; its steps were not read offline.`,
          [...delegated.slice(0, 3), ...evidence],
          data,
        );
      const remote = unfollowedWorkflows(ctx.facts.commands, /[\s\S]/, HOUSEKEEPING);
      // With no product code and no test file in the repository, a workflow or template of another
      // repository has no tests of this one to run: the verdict is known (blind round 36, an Azure
      // infrastructure repository whose pipelines extend another repository's templates, with no tests).
      const nothingToTest = productCode(ctx.facts).length === 0 && testInventory(ctx.files).files.length === 0;
      if (remote.length > 0 && !nothingToTest)
        return unknown(
          `CI hands its jobs to reusable workflows of another repository (${listing(
            remote
              .map((r) =>
                r
                  .note!.replace(/^job \S+ calls /, '')
                  .split(',')[0]!
                  .replace(/@[\s\S]*$/, ''),
              )
              .slice(0, 2),
          )}); whether they run the tests is not known here, and no job here runs a test command.`,
          [...remote, ...evidence],
          data,
        );
      return fail(
        `CI is configured (${ci.length} file${ci.length === 1 ? '' : 's'}) but no job runs a test command.`,
        [
          {
            path: '.',
            note: `no test runner among ${steps} commands that ${listing(ci.map((f) => f.path).slice(0, 5))} run${ci.length === 1 ? 's' : ''}, followed through scripts and targets`,
          },
          ...unresolved,
          ...evidence,
        ],
        data,
      );
    }
    const jobNames = [...new Set(jobs.map((j) => `${j.file}:${j.job}`))];
    return pass(
      `${jobNames.length} CI job${jobNames.length === 1 ? '' : 's'} run${jobNames.length === 1 ? 's' : ''} the tests (${listing([...new Set(runs.map(testToolOf))].sort())}).`,
      evidence,
      data,
    );
  },
});

/**
 * 1 for a run that measures or probes rather than tests the suite (a benchmark, fuzzing, load or
 * smoke job, by its workflow, job or command), 0 otherwise: the main test job is cited first
 * (round 7: a codspeed benchmark job cited instead of the matrix job's `tox -e py`).
 */
function sideRun(r: CommandRun): number {
  // The targets and environments followed count too: `tox env benchmark`, `make bench` (round 19).
  const words = `${r.origin.path} ${r.origin.job ?? ''} ${r.argv.join(' ')} ${r.chain.map((h) => h.via ?? '').join(' ')}`;
  return /bench|codspeed|perf(?:ormance)?\b|fuzz|load-?test|smoke/i.test(words) ? 1 : 0;
}

/** Reusable workflows whose name says they only tend the repository: known not to run the tests. */
const HOUSEKEEPING =
  /^(?:shared-)?(?:release-notes|release-drafter|changelog|labels?|labeler|stale|greetings?|welcome|lock|triage|auto-merge|dependabot[\w-]*|notify)\.ya?ml$/i;
