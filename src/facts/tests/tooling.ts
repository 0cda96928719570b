/**
 * Code-quality tools (linters, formatters): where each is configured (config file, dependency, a
 * section of a shared config file found by a rule pattern, a commit hook) and whether a CI job
 * runs it, as the command graph sees it (through scripts, targets, tox, pre-commit, actions).
 */
import type { CommandGraph, CommandRun, Ecosystem, Evidence, RuleContext, ToolKind } from '../../types.js';
import { runEvidence } from '../commands/index.js';
import { CONVENTION_PLUGINS } from '../commands/jvm.js';
import { listing } from '../../engine/results.js';
import { isExampleFolder } from '../paths.js';

export interface ToolSpec {
  name: string;
  /** Config files that alone show the tool is set up. */
  files?: string[];
  /** Dependencies (exact or `prefix*`), of any ecosystem unless `ecosystems` names them. */
  deps?: string[];
  /**
   * The ecosystems whose manifests declare the tool: a name can mean two tools (the `standard` npm
   * package is StandardJS, the `standard` gem is Ruby's Standard).
   */
  ecosystems?: Ecosystem[];
  /** A key of the rule's own patterns that finds the tool's config inside a shared file. */
  pattern?: string;
  /** Names the command graph gives the tool (src/facts/commands/tools.ts, jvm.ts, steps.ts). */
  runs: string[];
  /**
   * The runs are of another program that runs this tool only when it is configured (a compile runs
   * Roslyn analyzers or Error Prone): a run alone does not show the tool.
   */
  insideBuild?: boolean;
  /**
   * The config files count only with the tool's dependency declared (a .credo.exs is read by the
   * credo package; without it the file is left over and nothing can run it).
   */
  configNeedsDep?: boolean;
}

/**
 * ktlint's configuration written in .editorconfig: `ktlint_code_style`, `ktlint_standard_<rule>`
 * keys (ktlint reads no other file for its rules). Formatting and linting both declare it as the
 * pattern of their ktlint entry.
 */
export const KTLINT_EDITORCONFIG = {
  regex: /^[ \t]*ktlint_[\w-]+[ \t]*=/m,
  files: ['**/.editorconfig'],
  literals: ['ktlint_'],
  maxPerFile: 1,
};

export interface FoundTool {
  name: string;
  /**
   * What to call it in a message: the spec's name, or, when only a run shows the tool and the
   * spec groups several programs (staticcheck, revive, golint), the program that ran.
   */
  label: string;
  evidence: Evidence;
  /** A CI run of it, when CI runs it. */
  ci?: CommandRun;
  /** The dependency's name, when a declared dependency is all that shows the tool (no config file, no run). */
  declared?: string;
  /** A CI run that only rewrites the code (a formatter's write mode), when CI runs it no other way. */
  ciWrites?: CommandRun;
}

const VENDORED = /(^|\/)(node_modules|vendor|third_party)\//;

/**
 * A config file, manifest or hook set-up of the project itself: not one of an example, sample or demo
 * app, a docs site or a playground (isExampleFolder, the shared notion of example paths the lockfiles
 * and deployment rules set aside). An example app's Prettier config or lint-staged formats the example,
 * not the project (issue 15, blind round 46: formatting, linting and hooks credited from examples/*).
 * A test project's own linter (a Roslyn analyzer referenced by tests/UnitTests.csproj) still lints
 * the project's code: tests are not set aside here.
 */
export function ownConfig(path: string): boolean {
  return !isExampleFolder(path);
}

/**
 * The tools of `specs` configured in the repository or run by CI or a commit hook, and every CI
 * run of a tool of `kind` (also tools outside the specs: super-linter, Stylelint, ShellCheck).
 */
/**
 * The `git diff --exit-code` (or `--quiet`) of the same CI job that fails it when a formatter in
 * write mode changed a file; git's global options may come first (`git --no-pager diff
 * --exit-code`, `git -C web diff --quiet`: round 12, a Makefile check_changes target).
 */
export function diffCheckOf(graph: CommandGraph, r: CommandRun): CommandRun | undefined {
  return graph.runs.find((x) => {
    if (x.origin.path !== r.origin.path || x.origin.job !== r.origin.job || x.argv[0] !== 'git') return false;
    let i = 1;
    while (/^(?:--no-pager|--no-optional-locks|-[Cc]|--git-dir=.*|--work-tree=.*|-c)$/.test(x.argv[i] ?? ''))
      i += /^-[Cc]$/.test(x.argv[i]!) ? 2 : 1;
    if (/^diff(?:-index|-files)?$/.test(x.argv[i] ?? '') && x.argv.some((w) => w === '--exit-code' || w === '--quiet'))
      return true;
    // `if [[ $(git diff --stat) != '' ]]; then … exit 1`, `test -z "$(git status --porcelain)"`: the
    // line tests what git prints, so the job fails on a dirty tree (issue 15, blind round 43).
    const listsChanges =
      x.argv[i] === 'diff' || (x.argv[i] === 'status' && x.argv.some((w) => /^(?:--porcelain|--short|-s)/.test(w)));
    const text = x.chain.at(-1)?.text.slice(0, 400) ?? '';
    return listsChanges && DIRTY_SUBST.test(text) && DIRTY_TEST.test(text);
  });
}

/** A command substitution of git diff/status, and a test of its output on the same line. */
const DIRTY_SUBST = /\$\([ \t]*git[ \t]+(?:--no-pager[ \t]+)?(?:diff|status)\b/;
const DIRTY_TEST = /\btest[ \t]+-[zn]\b|\[\[?[ \t]+-[zn]\b|[!=]=[ \t]*(?:''|""|\$\(|")/;

export function findTools(
  ctx: RuleContext,
  specs: ToolSpec[],
  kind: ToolKind,
): { tools: FoundTool[]; ciRuns: CommandRun[]; ciWrites: CommandRun[] } {
  const graph = ctx.facts.commands;
  // A formatter that rewrites the code in CI checks nothing, unless the job then fails on a diff.
  const diffChecked = (r: CommandRun) => !!diffCheckOf(graph, r);
  const writes = (r: CommandRun, names?: string[]) =>
    kind === 'format' &&
    r.origin.kind === 'ci' &&
    r.tools.every((t) => !(names ? names.includes(t.name) : t.kinds.includes(kind)) || t.mode === 'write') &&
    !diffChecked(r);
  const ofKind = graph.runs.filter((r) => r.tools.some((t) => t.kinds.includes(kind)));
  const ciRuns = ofKind.filter((r) => r.origin.kind === 'ci' && !writes(r));
  const ciWrites = ofKind.filter((r) => r.origin.kind === 'ci' && writes(r));
  // A run that gates the build over an advisory one (`|| true`, continue-on-error) of the same tool.
  const runsOf = (spec: ToolSpec, origin: 'ci' | 'hook', writing = false) => {
    const all = graph.runs.filter(
      (r) =>
        r.origin.kind === origin &&
        (origin === 'ci' || ownConfig(r.origin.path)) &&
        r.tools.some((t) => spec.runs.includes(t.name)) &&
        (origin === 'hook' || writes(r, spec.runs) === writing),
    );
    return all.find((r) => !r.advisory) ?? all[0];
  };
  const tools: FoundTool[] = [];
  for (const spec of specs) {
    let evidence: Evidence | undefined;
    let file = spec.files ? ctx.files.match(spec.files).find((p) => !VENDORED.test(p) && ownConfig(p)) : undefined;
    if (file && spec.configNeedsDep && spec.deps) {
      const dep = ctx.facts
        .findDependencies(spec.deps, { includeDev: true })
        .some((x) => !spec.ecosystems || spec.ecosystems.includes(x.ecosystem));
      if (!dep) file = undefined;
    }
    if (file) evidence = { path: file, note: `${spec.name} configuration` };
    if (!evidence && spec.pattern) {
      // The project's own configuration, not a sample's or an example's.
      const m = ctx.matches(spec.pattern).find((x) => ownConfig(x.path));
      if (m) evidence = { path: m.path, line: m.line, snippet: m.snippet, note: `${spec.name} configuration` };
    }
    const hook = runsOf(spec, 'hook');
    // Shown only by a run: name the program that ran, not the spec (a revive run is not staticcheck).
    const ranName = (r: CommandRun) => r.tools.find((t) => spec.runs.includes(t.name))?.name ?? spec.name;
    let label = spec.name;
    if (!evidence && hook) {
      label = ranName(hook);
      evidence = runEvidence(hook, `runs ${label}`);
    }
    let declared: string | undefined;
    if (!evidence && spec.deps) {
      // A formatter in npm `dependencies` ships with the code as a library (listmonk's email builder
      // calls prettier to highlight code); the project's own formatter is a dev dependency.
      const d = ctx.facts
        .findDependencies(spec.deps, { includeDev: true })
        .find(
          (x) =>
            ownConfig(x.path) &&
            !(kind === 'format' && x.ecosystem === 'npm' && !x.dev) &&
            (!spec.ecosystems || spec.ecosystems.includes(x.ecosystem)),
        );
      if (d) {
        evidence = { path: d.path, ...(d.line ? { line: d.line } : {}), note: `${spec.name} (${d.name}) declared` };
        declared = d.name;
      }
    }
    // A convention plugin that applies the tool (`uk.gov.justice.hmpps.gradle-spring-boot` applies
    // ktlint): configured by the build, not merely declared.
    if (!evidence) {
      const conventions = CONVENTION_PLUGINS.filter((c) => c.applies.some((a) => spec.runs.includes(a)));
      const d = conventions.length
        ? ctx.facts.findDependencies(
            conventions.map((c) => `plugin:${c.id}`),
            { includeDev: true },
          )[0]
        : undefined;
      if (d) {
        const applied = conventions
          .find((c) => `plugin:${c.id}` === d.name)!
          .applies.filter((a) => spec.runs.includes(a));
        label = applied.length === 1 ? applied[0]! : spec.name;
        evidence = {
          path: d.path,
          ...(d.line ? { line: d.line } : {}),
          snippet: d.name.replace(/^plugin:/, ''),
          note: `${listing(applied)} applied by the convention plugin ${d.name.replace(/^plugin:/, '')} (its checks run with gradle check)`,
        };
      }
    }
    const ci = runsOf(spec, 'ci');
    if (!evidence && spec.insideBuild) continue;
    const ciWrite = ci ? undefined : runsOf(spec, 'ci', true);
    if (!evidence && (ci ?? ciWrite)) {
      label = ranName((ci ?? ciWrite)!);
      evidence = runEvidence((ci ?? ciWrite)!, `runs ${label}`, kind);
    }
    if (evidence)
      tools.push({
        name: spec.name,
        label,
        evidence,
        ...(ci ? { ci } : {}),
        ...(ciWrite ? { ciWrites: ciWrite } : {}),
        ...(declared && !ci && !ciWrite ? { declared } : {}),
      });
  }
  return { tools, ciRuns, ciWrites };
}
