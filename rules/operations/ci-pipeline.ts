import { defineRule, type CommandRun, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';
import { CI_GLOBS, type CiCommand, ciFiles } from '../../src/facts/ci.js';
import { delegatedBuilds, productTestRuns, runEvidence, runsOf } from '../../src/facts/commands/index.js';
import { throwawayApplies } from '../_shared/throwaway.js';

const cite = (c: CiCommand, note: string): Evidence => ({
  path: c.path,
  line: c.line,
  snippet: c.text.slice(0, 160),
  note: c.job ? `${note} (job ${c.job})` : note,
});

/** One run per job and tool: a matrix of identical steps is one fact. */
function distinct(runs: CommandRun[], n: number): CommandRun[] {
  const seen = new Set<string>();
  return runs.filter((r) => {
    const k = `${r.origin.path}#${r.origin.job}#${r.tools[0]?.name}`;
    return !seen.has(k) && seen.add(k).size <= n;
  });
}

/** Languages whose test runners compile the code before running it. */
const COMPILED = new Set(['Rust', 'Go', 'Java', 'Kotlin', 'Scala', 'C#', 'F#', 'Swift', 'C', 'C++', 'Haskell', 'Dart']);

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
    detection: `CI configuration of GitHub Actions (and Forgejo/Gitea Actions), GitLab CI, Azure Pipelines, CircleCI, Jenkins, Travis, Bitbucket Pipelines, Cloud Build, Buildkite, Drone, CodeBuild, Woodpecker, Tekton Pipelines as Code (.tekton/) or AppVeyor (${CI_GLOBS.slice(0, 4).join(', ')}, …); follows what each job runs (package scripts, make/just/task targets, scripts, tox/nox, composite actions, build-tool lifecycles, CI defaults) down to build and test tools, and cites the chain.`,
    reads: CI_GLOBS,
  },
  check({ files, facts }) {
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
    const tests = productTestRuns(facts);
    const builds = runsOf(facts.commands, 'build');
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
      ...distinct(builds, 2).map((r) => runEvidence(r, 'builds', 'build')),
      ...distinct(tests, 3).map((r) =>
        runEvidence(r, 'runs tests', r.tools.some((t) => t.kinds.includes('test')) ? 'test' : undefined),
      ),
      ...broken,
    ];
    if (tests.length > 0 && builds.length > 0)
      return pass(`CI (${listing(systems)}) builds and runs the tests.`, evidence, data);
    if (tests.length > 0) {
      // A compiled language's test command builds the code first (cargo test, go test, mvn test,
      // dotnet test): "interpreted" would be wrong for it.
      const main = facts.languages[0]?.name;
      const compiled = main !== undefined && COMPILED.has(main);
      return pass(
        compiled
          ? `CI (${listing(systems)}) runs the tests, which compile the ${main} code (no separate build step).`
          : `CI (${listing(systems)}) runs the tests (no separate build step, as is usual for interpreted code).`,
        evidence,
        data,
      );
    }
    // Applying the infrastructure code and destroying it again in one job is its integration run
    // (blind round 30: a module's CI plans, applies and destroys each example).
    const throwaway = throwawayApplies(facts.commands, runsOf(facts.commands, 'deploy'));
    if (builds.length > 0 && throwaway.length > 0)
      return pass(
        `CI (${listing(systems)}) builds, and applies the infrastructure code and destroys it again in the same job (an integration run).`,
        [
          ...evidence,
          ...distinct(throwaway, 2).map((r) => runEvidence(r, 'applies, then destroys in the same job', 'deploy')),
        ],
        data,
      );
    // A job handed to a reusable workflow of another repository named for building or testing is
    // the pipeline's build and test (blind round 33: vhs's charmbracelet/meta build.yml, refit's
    // workflow-common-setup-and-build.yml): credited, its steps named as not read offline.
    const delegated = delegatedBuilds(facts.commands);
    if (delegated.length > 0)
      return pass(
        `CI (${listing(systems)}) builds and tests through a build/test workflow of another repository (${listing(
          delegated.map((e) => e.note!.replace(/^job \S+ calls /, '').replace(/@[\s\S]*$/, '')).slice(0, 2),
        )}); its steps were not read offline.`,
        [...evidence, ...delegated.slice(0, 2)],
        data,
      );
    if (builds.length > 0)
      return partial(
        0.5,
        `CI (${listing(systems)}) builds, but no job runs a test runner (followed through scripts and targets).`,
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
