import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';
import { BUILD_COMMAND, CI_GLOBS, ciFiles, commandsMatching, runsTests, type CiCommand } from '../../src/facts/ci.js';

const cite = (c: CiCommand, note: string): Evidence => ({
  path: c.path,
  line: c.line,
  snippet: c.text.slice(0, 160),
  note: c.job ? `${note} (job ${c.job})` : note,
});

export default defineRule({
  meta: {
    id: 'ci-pipeline',
    scope: 'repository',
    title: 'CI builds and tests every change',
    failureTitle: 'No CI pipeline found',
    description:
      'Continuous integration builds and tests every change before it is merged, so that breakage is found in minutes by a machine instead of in production by a user.',
    remediation:
      'Add a CI pipeline (for example .github/workflows/ci.yml) that installs dependencies, builds, and runs the test suite on every push and pull request.',
    severity: 'high',
    effort: 'low',
    detection: `CI configuration of GitHub Actions, GitLab CI, Azure Pipelines, CircleCI, Jenkins, Travis, Bitbucket Pipelines, Cloud Build, Buildkite, Drone, CodeBuild, Woodpecker or AppVeyor (${CI_GLOBS.slice(0, 4).join(', ')}, …); parses jobs and their shell steps and looks for build and test commands.`,
    reads: CI_GLOBS,
  },
  check({ files }) {
    const ci = ciFiles(files);
    if (ci.length === 0)
      return fail('No CI configuration found.', [
        {
          path: '.',
          note: `no CI configuration file (GitHub Actions, GitLab CI, Azure Pipelines, CircleCI, Jenkins, Travis, Bitbucket, Cloud Build, Buildkite, Drone, CodeBuild) in ${files.size} files`,
        },
      ]);
    const ok = ci.filter((f) => f.ok);
    const broken: Evidence[] = ci
      .filter((f) => !f.ok)
      .map((f) => ({ path: f.path, note: `could not be parsed: ${f.error}` }));
    if (ok.length === 0) return unknown('CI configuration found, but none of it could be parsed.', broken);
    const systems = [...new Set(ok.map((f) => f.system))];
    const data = {
      systems,
      workflows: ok.map((f) => ({ path: f.path, system: f.system, jobs: f.jobs.map((j) => j.name) })),
    };
    const tests = commandsMatching(ok, runsTests);
    const builds = commandsMatching(ok, BUILD_COMMAND);
    const files_: Evidence[] = ok.map((f) => ({
      path: f.path,
      note: `${f.system}: ${f.jobs.length} job${f.jobs.length === 1 ? '' : 's'}${
        f.jobs.length
          ? ' (' +
            f.jobs
              .slice(0, 6)
              .map((j) => j.name)
              .join(', ') +
            ')'
          : ''
      }`,
    }));
    const evidence = [
      ...files_,
      ...builds.slice(0, 2).map((c) => cite(c, 'build')),
      ...tests.slice(0, 3).map((c) => cite(c, 'tests')),
      ...broken,
    ];
    if (tests.length > 0 && builds.length > 0)
      return pass(`CI (${listing(systems)}) builds and runs the tests.`, evidence, data);
    if (tests.length > 0)
      return pass(
        `CI (${listing(systems)}) runs the tests (no separate build step, as is usual for interpreted code).`,
        evidence,
        data,
      );
    if (builds.length > 0)
      return partial(
        0.5,
        `CI (${listing(systems)}) builds but runs no tests that could be recognised.`,
        evidence,
        data,
      );
    // Job-level `uses:` calls a reusable workflow in another repository: its steps are not visible here.
    const reusable = ok.flatMap((f) =>
      f.commands.filter((c) => c.kind === 'uses' && /\.github\/workflows\/[^@]+\.ya?ml@/.test(c.text)),
    );
    if (reusable.length > 0) {
      return partial(
        0.5,
        `CI (${listing(systems)}) delegates to reusable workflows (${listing([...new Set(reusable.map((c) => c.text.split('@')[0]!))].slice(0, 2))}) whose build and test steps cannot be seen here.`,
        [...evidence, ...reusable.slice(0, 2).map((c) => cite(c, 'reusable workflow'))],
        data,
      );
    }
    return partial(
      0.3,
      `CI (${listing(systems)}) exists but neither builds nor tests in a recognisable way.`,
      evidence,
      data,
    );
  },
});
