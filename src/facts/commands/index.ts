/**
 * The command graph (DESIGN §2), computed once per audit: what CI jobs and commit hooks really
 * run, down to the tools, each with the chain of file:line hops that reaches it. Rules ask it
 * "does CI run tests / a linter / a scanner / a deploy?" instead of grepping CI files.
 */
import type { CommandGraph, CommandRun, Evidence, FileView, ToolKind } from '../../types.js';
import { memo } from '../../util/memo.js';
import { buildGraph, CLUSTER_INSTALL } from './graph.js';
import { ciFiles, namedCiFiles } from '../ci.js';
import { isTestPath, productCode } from '../paths.js';

export function commandGraph(files: FileView): CommandGraph {
  return memo(files, 'commands:graph', () => {
    // The graph of the CI files found by name, built before the scan (namedGraph), is the graph
    // unless an Azure pipeline was found by content; then it is built again from every CI file
    // (the scripts both follow were read and kept by the first build).
    const named = namedGraph(files);
    return ciFiles(files).length === namedCiFiles(files).length ? named : buildGraph(files);
  });
}

/**
 * The command graph of the CI files found by name (ci.ts: namedCiFiles), built before the scan
 * (facts/index.ts): the scripts, manifests and configs it follows are read and kept then, so the
 * scan does not read them a second time; the Azure check of every YAML file waits for the scan.
 */
export function namedGraph(files: FileView): CommandGraph {
  return memo(files, 'commands:graph:named', () => buildGraph(files, undefined, namedCiFiles(files)));
}

/** `ci.yml:33 → package.json:12 (npm script test) → scripts/test.sh:6 → pytest`. */
export function describeChain(run: CommandRun, toolName?: string): string {
  const hops = run.chain.map((h) => `${h.path}:${h.line}${h.via ? ` (${h.via})` : ''}`);
  const name = toolName ?? run.tools[0]?.name ?? run.argv[0] ?? '';
  return [...hops, name].join(' → ');
}

/** Runs of CI (or hooks) that run a tool of this kind. */
export function runsOf(graph: CommandGraph, kind: ToolKind, origin: 'ci' | 'hook' = 'ci'): CommandRun[] {
  return graph.runs.filter((r) => r.origin.kind === origin && r.tools.some((t) => t.kinds.includes(kind)));
}

/**
 * CI runs that test the product: test runners, and — where the product is a repository of Helm
 * charts — chart-testing installs (`ct install` installs each chart into a throwaway kind/k3d
 * cluster, waits for it to be ready and runs `helm test`: the charts' end-to-end test; round 5), and
 * `helm install --wait` into a kind/minikube/k3d cluster the job creates (round 12).
 * In a repository whose product is code, installing its chart runs none of its tests.
 */
/** Installs of the charts that test them: `ct install`, `helm install --wait` into a throwaway cluster. */
const INSTALL_TESTS = new Set(['chart-testing install', CLUSTER_INSTALL]);

export function productTestRuns(facts: {
  commands: CommandGraph;
  reusable?: { kind: string; charts?: string[] };
  sourceFiles: string[];
  profile: { id: string };
}): CommandRun[] {
  // Only where the charts are the product: no product code, and no code tests the install would stand in for.
  // Code inside a chart's directory (a script in files/, an exporter's source beside its image) ships
  // with that chart: it is the chart's payload, not a product of its own (round 17).
  const chartDirs = facts.reusable?.charts ?? [];
  // A chart at the root would claim every file: only charts in their own directories do.
  const inChart = (p: string) => chartDirs.some((d) => d !== '' && p.startsWith(`${d}/`));
  const charts =
    facts.reusable?.kind === 'helm-charts' &&
    productCode(facts).every(inChart) &&
    !facts.sourceFiles.some((p) => isTestPath(p));
  return facts.commands.runs.filter(
    (r) =>
      r.origin.kind === 'ci' && r.tools.some((t) => t.kinds.includes('test') || (charts && INSTALL_TESTS.has(t.name))),
  );
}

/** The tool of a run that tests: a test runner, or chart-testing's install (see productTestRuns). */
export function testToolOf(run: CommandRun): string {
  return (
    (run.tools.find((t) => t.kinds.includes('test')) ?? run.tools.find((t) => INSTALL_TESTS.has(t.name)))?.name ??
    run.argv[0] ??
    ''
  );
}

/** Evidence for a run: cited where the command is written, the note says which job and how it is reached. */
export function runEvidence(run: CommandRun, what: string, kind?: ToolKind): Evidence {
  const last = run.chain[run.chain.length - 1];
  const t = run.tools.find((x) => !kind || x.kinds.includes(kind));
  const who = run.origin.kind === 'hook' ? `${run.origin.system} hook` : `job ${run.origin.job ?? '(default)'}`;
  const implied = t?.implied ? `; ${t.implied}` : '';
  const advisory = run.advisory ? `; advisory only (${run.advisory}): a failure does not fail the job` : '';
  return {
    path: last?.path ?? run.origin.path,
    ...(last ? { line: last.line, snippet: last.text.slice(0, 160) } : {}),
    note: `${who} ${what}: ${describeChain(run, t?.name)}${implied}${advisory}`,
  };
}

/** Distinct tool names of runs, for messages. */
export function toolNames(runs: CommandRun[], kind?: ToolKind): string[] {
  return [
    ...new Set(runs.flatMap((r) => r.tools.filter((t) => !kind || t.kinds.includes(kind)).map((t) => t.name))),
  ].sort();
}

/**
 * CI runs of a type checker in its strict mode given on the command line (`mypy --strict`,
 * `tsc --strict`): strictness that lives in the command, not in a config file.
 */
export function strictTypecheckRuns(graph: CommandGraph, language: 'Python' | 'TypeScript'): CommandRun[] {
  const programs = language === 'Python' ? /^(?:mypy|dmypy)$/ : /^(?:tsc|vue-tsc)$/;
  return runsOf(graph, 'typecheck').filter(
    (r) => programs.test(r.argv[0]!.slice(r.argv[0]!.lastIndexOf('/') + 1)) && r.argv.includes('--strict'),
  );
}

/**
 * CI runs of a Python type checker, strict or not, also through the hooks `pre-commit run` runs
 * in CI (`- id: mypy` of mirrors-mypy with no config file: mypy's defaults check the annotated
 * code; blind round 28, kitsune .pre-commit-config.yaml:39 run by CircleCI).
 */
export function pythonTypecheckRuns(graph: CommandGraph): CommandRun[] {
  return runsOf(graph, 'typecheck').filter((r) =>
    /^(?:mypy|dmypy|pyright|basedpyright|pyre|pytype)$/.test(r.argv[0]!.slice(r.argv[0]!.lastIndexOf('/') + 1)),
  );
}

/**
 * A reusable workflow of another repository named for building or testing (`build.yml`,
 * `node_unit_tests.yml`, `workflow-common-setup-and-build.yml`, a job `ci` or `check` that calls one).
 */
export const DELEGATED_BUILD =
  /(?:^|[^a-z])(?:build|builds|test|tests|testing|ci|check|checks|verify|validate|quality)(?:[^a-z]|$)/i;

/**
 * CI jobs handed to a reusable workflow of another repository named for building or testing: the
 * workflow cannot be read offline, but its name says what the job is for (blind round 33: vhs's
 * `build.yml` of charmbracelet/meta, refit's `workflow-common-setup-and-build.yml`). Each note says
 * where its steps live and that they were not read.
 */
export function delegatedBuilds(graph: CommandGraph): Evidence[] {
  // By the workflow's file name: a job named `test` that calls a chat-ops workflow is not a test run.
  const out: Evidence[] = [];
  for (const e of unfollowedWorkflows(graph, DELEGATED_BUILD)) {
    const ref = /\b([\w.-]+\/[\w.-]+)\/\.github\/workflows\/([^@\s,]+)/.exec(e.note ?? '');
    if (!ref || !DELEGATED_BUILD.test(ref[2]!.replace(/\.ya?ml$/, ''))) continue;
    const note = `${e.note!.replace(/, a reusable workflow[\s\S]*$/, '')}: a build/test workflow; steps in ${ref[1]}, not read offline`;
    out.push({ ...e, note });
  }
  return out;
}

/**
 * Reusable workflows of other repositories that CI calls and that cannot be read here, whose
 * name (of the workflow or of the calling job) suggests `hint` and whose file name is not `unless`:
 * what a rule must not call missing.
 */
export function unfollowedWorkflows(graph: CommandGraph, hint: RegExp, unless?: RegExp): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const u of graph.unresolved) {
    const file =
      u.remote?.ref
        .replace(/@[\s\S]*$/, '')
        .split('/')
        .pop() ?? '';
    if (!u.remote || !hint.test(`${file} ${u.remote.job ?? ''}`) || unless?.test(file)) continue;
    const hop = u.chain[u.chain.length - 1]!;
    if (seen.has(u.remote.ref)) continue;
    seen.add(u.remote.ref);
    out.push({
      path: hop.path,
      line: hop.line,
      snippet: hop.text.slice(0, 160),
      note: `${u.remote.job ? `job ${u.remote.job} calls ` : ''}${u.remote.ref}, a ${u.remote.ref.startsWith('Jenkins shared library') ? 'shared-library step' : /\.ya?ml@[\w.-]+$/.test(u.remote.ref) && !u.remote.ref.includes('.github/workflows/') ? 'pipeline template' : 'reusable workflow'} of another repository: not followed, what it runs is not known here`,
    });
  }
  return out;
}
