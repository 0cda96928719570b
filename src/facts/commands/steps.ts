/**
 * CI steps that are not shell: composite actions and reusable workflows of the repository,
 * marketplace actions and Azure DevOps tasks that run a tool (with their inputs), CircleCI orbs,
 * GitLab `include:` (local files are followed, GitLab's own templates and components by what they
 * run), and the scripts CI systems run when none is written (Travis `language: node_js` → `npm test`).
 */
import type { CommandHop, CommandTool, FileView, ToolKind } from '../../types.js';
import { memo } from '../../util/memo.js';
import { parseYamlWithLines } from '../../util/yaml-lines.js';
import { type CiCommand, type CiFile, DEPLOY_ACTION, parseYamlCi } from '../ci.js';
import { type Block, dirOf, type Expansion, joinPath, lineOf, type Synthetic, type UsesStep } from './types.js';
import { ACTIONS, TASKS, tool } from './actions.js';
import { classify } from './tools.js';
import { travisDefaults } from './travis.js';
import { trunkRemoteWorkflow } from './trunk.js';
import { escapeRe } from '../../util/regex.js';
import { pushTo } from '../../util/push-to.js';

/** Lines of one CI step, placed at their line numbers so that continuations and heredocs read as in the file. */
export function stepText(cmds: CiCommand[]): { text: string; line: number } {
  const first = cmds[0]!.line;
  const lines: string[] = [];
  for (const c of cmds) {
    while (lines.length < c.line - first) lines.push('');
    lines[c.line - first] = lines[c.line - first] ? `${lines[c.line - first]}\n${c.text}` : c.text;
  }
  return { text: lines.join('\n'), line: first };
}

/** An action of another repository named for deploying (`hatchboxio/github-hatchbox-deploy-action`). */
const VENDOR_DEPLOY = /^[\w.-]+\/[\w.-]*deploy[\w.-]*$/i;
/** Deploy actions that publish docs or pages, not the service. */
const NOT_SHIPPING = /pages|docs?\b|storybook|wiki|preview/i;
/**
 * A deploy action told to tear down rather than ship (`Azure/static-web-apps-deploy` with
 * `action: "close"` removes a pull request's preview; round 11, quarkus-super-heroes): no deploy.
 */
const TEARDOWN_INPUT = /^(?:close|delete|destroy|remove|teardown|undeploy)$/i;
/** A `with:` input that carries the platform's credential. */
const CREDENTIAL_INPUT = /key|token|secret|password|credential|api/i;

/** The action or task a `uses:` / `task:` step runs: local composite actions and workflows are followed. */
export function usesExpansion(files: FileView, u: UsesStep): Expansion | undefined {
  const ref = u.ref.trim();
  const azure = azureTemplateExpansion(files, u, ref);
  if (azure) return azure;
  if (ref.startsWith('./')) return withInputs(files, localAction(files, ref.replace(/@[\s\S]*$/, '')), ref, u.with);
  const w = u.with ?? {};
  const cwd = w['working-directory'] ?? w.workingDirectory ?? w.workingDir ?? w.tf_actions_working_dir ?? u.cwd;
  for (const [re, h] of [...ACTIONS, ...TASKS]) {
    if (!re.test(ref)) continue;
    // `install-only: true` (goreleaser-action, golangci-lint-action) puts the tool on the PATH and runs
    // nothing: a later step may run it, this one neither releases nor lints (round 21, spegel's test jobs).
    if (/^true$/i.test(String(w['install-only'] ?? '').trim())) return { commands: [], blocks: [] };
    const r = h(w, ref);
    const hop: CommandHop = { path: '', line: 0, text: '' };
    const commands: Synthetic[] = r.argv?.length ? [{ argv: r.argv, hop, cwd }] : [];
    const blocks: Block[] = r.shell
      ? [{ path: u.hop.path, line: u.hop.line, text: r.shell, via: `input of ${ref.replace(/@[\s\S]*$/, '')}`, cwd }]
      : [];
    return { commands, blocks, ...(r.tools ? { tools: r.tools } : {}) };
  }
  const named = toolActionCommand(ref, w);
  if (named)
    return {
      commands: [
        { argv: named, hop: { path: '', line: 0, text: '' }, cwd: w.directory ?? w.working_dir ?? w.path ?? cwd },
      ],
      blocks: [],
    };
  if (TEARDOWN_INPUT.test(String(w.action ?? '').trim())) return undefined;
  if (DEPLOY_ACTION.test(ref))
    return { tools: [tool(ref.replace(/@[\s\S]*$/, ''), ['deploy'], `${ref.replace(/@[\s\S]*$/, '')} deploys`)] };
  // An action of another repository whose inputs say it (re)deploys: `redeploy_ecs_service: triagebot`,
  // `deploy: true`, or a target `environment` with the cluster/service to update (blind round 13:
  // rust-lang/simpleinfra's upload-docker-image pushes the image and redeploys the ECS service).
  const name = ref.replace(/@[\s\S]*$/, '');
  const redeploy = NOT_SHIPPING.test(name) ? undefined : redeployInput(w);
  if (redeploy)
    return { tools: [tool(name, ['deploy'], `${name} deploys (input ${redeploy[0]}: ${redeploy[1].slice(0, 60)})`)] };
  // A vendor's deploy action outside the table (Hatchbox, Render, Railway, Coolify, Cloud 66…):
  // named for deploying and handed a credential from the secret store, it ships to that platform.
  if (VENDOR_DEPLOY.test(name) && !NOT_SHIPPING.test(name)) {
    const key = Object.entries(w).find(([k, v]) => CREDENTIAL_INPUT.test(k) && /\$\{\{\s*secrets\./.test(String(v)));
    if (key) return { tools: [tool(name, ['deploy'], `${name} deploys (given ${key[0]} from the secret store)`)] };
  }
  if (/^[\w.-]+\/[\w.-]+\/\.github\/workflows\/[\w.-]+\.ya?ml@/.test(ref)) {
    const blocks = commandInputs(files, u, name);
    const trunk = trunkRemoteWorkflow(files, ref);
    if (trunk) return { ...(blocks.length ? { blocks } : {}), ...trunk };
    const named = remoteWorkflowTools(ref, w);
    return {
      ...(blocks.length ? { blocks } : {}),
      ...(named ? { tools: named.tools } : {}),
      // A workflow named for one tool runs that tool; one named for a kind of work (`lint.yml`) may run more.
      ...(named?.specific
        ? {}
        : {
            unresolved: `${ref} is a reusable workflow of another repository: its jobs cannot be read here`,
            remote: ref,
          }),
    };
  }
  return undefined;
}

/**
 * An action named for the program it runs (`terraform-action`, `action-helm`, `setup-and-run-tflint`
 * is not: the name is the program with `action(s)` and an optional `gh`/`github` before or after it).
 */
const TOOL_ACTION =
  /^(?:(?:gh|github)-)?actions?-([a-z][a-z0-9]{1,30})$|^([a-z][a-z0-9]{1,30})-(?:(?:gh|github)-)?actions?$/;
/** The input that tells such an action what to run (`action: plan`, `command: validate`, `args: lint`). */
const VERB_INPUT =
  /^(?:(?:tf|terraform|helm|tool)[-_])?(?:action|command|cmd|subcommand|args|run|script|task|target)$/i;
/** Subcommands that tear down or only prepare: recorded (a job that destroys what it applied tests it), never a tool. */
const PLAIN_VERB = /^[a-z][\w-]{0,40}$/;

/**
 * A third-party action told through an input which subcommand of its program to run (blind round 30:
 * `robertdebock/terraform-action` with `action: validate` / `action: plan` runs `terraform validate` /
 * `terraform plan`). Only the verb in the input is credited, and only when the action is named for a
 * program that the verb is a known subcommand of, or the input spells the whole command
 * (`command: terraform plan`); the action's name alone credits nothing, and an input that is an event
 * or a label (`action: opened`) names no known command. A teardown (`action: destroy`) is recorded
 * as run, so a job that applies and destroys is seen as a test of the code, not a deployment.
 */
function toolActionCommand(ref: string, w: Record<string, string>): string[] | undefined {
  if (/\/\.github\/workflows\//.test(ref)) return undefined;
  const repo = /^[\w.-]{1,100}\/([\w.-]{1,100})(?:\/[^@]*)?@/.exec(ref)?.[1]?.toLowerCase() ?? '';
  const m = TOOL_ACTION.exec(repo);
  const program = m?.[1] ?? m?.[2];
  for (const [k, raw] of Object.entries(w)) {
    if (!VERB_INPUT.test(k)) continue;
    const v = String(raw).trim();
    if (!v || v.includes('${{') || v.length > 200 || v.includes('\n')) continue;
    const words = v.split(/\s+/, 20);
    // The input spells the whole command: `command: terraform plan`, `args: helm lint charts/x`.
    if (classify(words).length > 0) return words;
    if (!program || !PLAIN_VERB.test(words[0]!)) continue;
    const argv = [program, ...words];
    if (classify(argv).length > 0) return argv;
    if (TEARDOWN_INPUT.test(words[0]!) && words.length === 1) return argv;
  }
  return undefined;
}

/**
 * A reusable workflow of another repository by the tool or the work its file is named for (blind round 19:
 * alphagov's `…/workflows/rubocop.yml@main`, bitcart's `…/workflows/zizmor-audit.yml@master`): its jobs
 * cannot be read here, its name says what they run. `specific` when it names one tool.
 */
function remoteWorkflowTools(
  ref: string,
  w: Record<string, string>,
): { tools: CommandTool[]; specific: boolean } | undefined {
  const file = /\/workflows\/([\w.-]+?)\.ya?ml@/.exec(ref)?.[1] ?? '';
  return namedWorkflowTools(file, `reusable workflow ${ref.replace(/@[\s\S]*$/, '')} (named for`, w);
}

/** What a shared workflow or template runs, by the tool or the work its file name (without extension) names. */
function namedWorkflowTools(
  file: string,
  why: string,
  w: Record<string, string>,
): { tools: CommandTool[]; specific: boolean } | undefined {
  const words = file.toLowerCase().split(/[-_.]+/);
  // `terraform_apply.yml`, `terragrunt_plan_all.yml`, `terraform_format.yml`: the IaC program and its verb.
  const iac = words.find((x) => IAC_PROGRAMS.has(x));
  const verb = iac ? words.find((x) => IAC_VERBS.has(x)) : undefined;
  if (iac && verb) {
    // A shared format template checks (a CI job that rewrote the code would fail nothing).
    const argv =
      verb === 'format' || verb === 'fmt' || verb === 'hclfmt'
        ? iac === 'terragrunt'
          ? [iac, 'hclfmt', '--check']
          : [iac, 'fmt', '-check', '-recursive']
        : [iac, verb];
    const tools = classify(argv).map((t) => ({ ...t, implied: `${why} ${argv.join(' ')})` }));
    if (tools.length) return { tools, specific: true };
  }
  const program = words.find((w) => REMOTE_TOOL_NAMES.has(w));
  if (program) {
    const tools = classify(program === 'golangci' ? ['golangci-lint', 'run'] : [program]).map((t) => ({
      ...t,
      implied: `${why} ${t.name})`,
    }));
    if (tools.length) return { tools, specific: true };
  }
  // `deploy.yml`, `deploy-to-eks.yml`: named for deploying (a preview, docs or pages deploy ships no service).
  // `deploy.yml`, `deploy-to-eks.yml`, named for deploying and handed the environment to deploy to (a preview,
  // docs or pages deploy ships no service). Without a target it stays unread: it may deploy.
  const target = Object.keys(w).find((k) => /^(?:environment|env|stage|target[-_]?env(?:ironment)?)$/i.test(k));
  if (
    target &&
    words.some((x) => /^(?:deploy|deployment)$/.test(x)) &&
    !NOT_SHIPPING.test(file) &&
    !/destroy|teardown/i.test(file)
  )
    return {
      tools: [
        tool('deploy workflow', ['deploy'], `${why} deploying, given input ${target}: ${w[target]!.slice(0, 60)})`),
      ],
      specific: true,
    };
  // `test_helm_lint.yml`, `lint-charts.yml`: a chart's lint (helm lint, chart-testing) checks the
  // deployment's templates, not the service's code: named as helm lint, which linting counts only
  // where the charts are the code (blind round 30, a Kotlin service's pass rested on it).
  if (
    words.some((w) => /^(?:lint|linters?|linting)$/.test(w)) &&
    words.some((w) => /^(?:helm|charts?|ct|chart-testing|k8s|kube|kubernetes|manifests?)$/.test(w))
  )
    return { tools: [tool('helm lint', ['lint'], `${why} linting Helm charts)`)], specific: true };
  if (words.some((w) => /^(?:lint|linters?|linting)$/.test(w)))
    return { tools: [tool('lint workflow', ['lint'], `${why} linting)`)], specific: false };
  if (words.some((w) => /^(?:sast|security)$/.test(w)) && !words.includes('release'))
    return { tools: [tool('security scan workflow', ['scan'], `${why} a security scan)`)], specific: false };
  return undefined;
}

const IAC_PROGRAMS = new Set(['terraform', 'terragrunt', 'tofu']);
/** Verbs an IaC template is named for; a teardown (`terraform_destroy.yml`) is none of them. */
const IAC_VERBS = new Set(['apply', 'plan', 'validate', 'fmt', 'format', 'hclfmt']);

/** Programs a shared reusable workflow is named for (`rubocop.yml`, `brakeman.yml`, `zizmor-audit.yml`). */
const REMOTE_TOOL_NAMES = new Set([
  'tflint',
  'tfsec',
  'terrascan',
  'kics',
  'rubocop',
  'standardrb',
  'eslint',
  'golangci',
  'ruff',
  'pylint',
  'flake8',
  'stylelint',
  'brakeman',
  'zizmor',
  'trivy',
  'snyk',
  'semgrep',
  'gitleaks',
  'trufflehog',
  'bandit',
  'grype',
  'govulncheck',
  'checkov',
]);

/** An Azure Pipelines template reference: `steps/build.yml`, `/templates/x.yaml`, `stages/ci.yml@templates`. */
const AZURE_TEMPLATE = /^(?:\$\{\{[^}\n]{0,200}\}\}\/)?([^@\s]{1,300}\.ya?ml)(?:@([\w.-]{1,100}))?$/;

/**
 * An Azure Pipelines `template:` step, stage or `extends:` (never a GitHub `uses:`, which is `./x` or
 * `owner/repo@ref`). A template of the repository is read as a pipeline and followed, its path taken
 * from the file that includes it (a leading `/` from the root), as Azure DevOps resolves it; one of
 * another repository (`@templates`, declared under `resources: repositories`) cannot be read offline:
 * its file name says what it runs (`steps/terraform_tflint.yml@templates`), else it is noted as unread.
 */
function azureTemplateExpansion(files: FileView, u: UsesStep, ref: string): Expansion | undefined {
  if (ref.startsWith('./') || /\/\.github\/workflows\//.test(ref)) return undefined;
  const m = AZURE_TEMPLATE.exec(ref);
  if (!m) return undefined;
  const file = m[1]!;
  const repo = m[2];
  if (repo && repo !== 'self') {
    const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
    const named = namedWorkflowTools(base, `Azure template ${file}@${repo} (named for`, u.with ?? {});
    // A parameter named for a tool's own configuration (`tflintConfigPath`, `checkov_config`) is handed to that tool.
    const given = Object.keys(u.with ?? {}).flatMap((k) => {
      const head = /^([a-z][a-z0-9]{1,30})(?:[A-Z_-]|$)/.exec(k)?.[1];
      if (!head || !REMOTE_TOOL_NAMES.has(head)) return [];
      return classify([head]).map((t) => ({ ...t, implied: `Azure template ${file}@${repo} given parameter ${k}` }));
    });
    const tools = [...(named?.tools ?? []), ...given.filter((g) => !named?.tools.some((t) => t.name === g.name))];
    return {
      ...(tools.length ? { tools } : {}),
      ...(named?.specific
        ? {}
        : {
            unresolved: `${file}@${repo} is a template of another repository: its steps cannot be read here`,
            remote: ref,
          }),
    };
  }
  if (file.includes('${{') || file.includes('$('))
    return { unresolved: `template path ${file} is computed at run time` };
  const path = file.startsWith('/') ? joinPath('', file) : joinPath(dirOf(u.hop.path), file);
  if (!files.exists(path)) return { unresolved: `${path} not found` };
  return ciFileExpansion(
    memo(files, `commands:azure-template:${path}`, () => parseYamlCi(files, 'azure-pipelines', path)),
  );
}

/** `with:` inputs of a reusable workflow that carry a command line (`extra-checks: just ci-lint`, `test-command: make test`). */
const COMMAND_INPUT =
  /^(?:[\w-]*[-_])?(?:commands?|cmds?|run|script|scripts|checks?|install[-_]dependencies|(?:lint|test|build)[-_]command)$/i;

/**
 * The command line an input carries, or undefined when it is not one: a switch or a number, or a
 * command word the caller fills in (`${{ inputs.cmd }}`). Expressions in arguments and in leading
 * variable assignments stand for a value the runner puts there (`BUILD_NUMBER=${{ needs.v.outputs.version }}
 * ./gradlew assemble check`, blind round 30); the shell reader reads each as one word.
 */
function commandInputText(raw: string): string | undefined {
  const value = raw.trim();
  const plain = value.replace(/\$\{\{[^}\n]{0,300}\}\}/g, 'EXPR');
  if (/\$\{\{/.test(plain)) return undefined;
  // The command word follows any `NAME=value` assignments; it must be written here, not an expression.
  const command = plain.replace(/^(?:[A-Za-z_]\w{0,100}=\S{0,500}[ \t]+){0,20}/, '');
  if (!/^[\w./]/.test(command) || /^EXPR\b/.test(command)) return undefined;
  if (/^(?:true|false|yes|no|on|off|\d+(?:\.\d+)*)$/i.test(value)) return undefined;
  return value;
}

/**
 * The inputs of a reusable workflow of another repository that carry commands: the called workflow runs
 * them, so CI runs them (blind round 19, bitcart ci.yml `extra-checks: just ci-lint` → ruff, mypy).
 * Each is cited at its own line.
 */
function commandInputs(files: FileView, u: UsesStep, name: string): Block[] {
  const out: Block[] = [];
  const text = u.hop.path ? files.read(u.hop.path) : undefined;
  for (const [k, v] of Object.entries(u.with ?? {})) {
    if (!COMMAND_INPUT.test(k)) continue;
    const value = commandInputText(v);
    if (value === undefined) continue;
    const esc = escapeRe(k);
    const at = text ? lineOf(text, new RegExp(`^\\s*${esc}\\s*:`), u.hop.line) : undefined;
    // A block scalar (`key: |`) starts on the next line.
    const line = at ? (/[|>][-+]?\s*$/.test(text!.split('\n')[at - 1] ?? '') ? at + 1 : at) : u.hop.line;
    out.push({ path: u.hop.path, line, text: value, via: `input ${k} of ${name}`, cwd: u.cwd });
  }
  return out;
}

/**
 * Inputs that switch a deployment on: `deploy: true`, `redeploy_ecs_service: api`,
 * `deploy_service: api` (a value, not `false`) — never a credential or a path (`deploy_key`, `deploy_dir`).
 */
const DEPLOY_INPUT =
  /^(?:(?:re)?deploy|redeploy[-_][\w-]+|deploy[-_](?:[\w]+[-_])?(?:service|cluster|app|function|environment|target))$/i;
/** The target an `environment` input deploys to: a cluster, service or app name beside it. */
const TARGET_INPUT = /(?:^|[-_])(?:cluster|service|app(?:[-_]?name)?)$/i;

/** The input of an action step that says it deploys, as [name, value]. */
function redeployInput(w: Record<string, string>): [string, string] | undefined {
  const on = Object.entries(w).find(
    ([k, v]) =>
      DEPLOY_INPUT.test(k) &&
      v.trim() !== '' &&
      !/^(?:false|no|off|0)$/i.test(v.trim()) &&
      // `deploy:` alone is a switch: only a true value deploys.
      (!/^(?:re)?deploy$/i.test(k) || /^(?:true|yes|on|1)$/i.test(v.trim())),
  );
  if (on) return on;
  if (w.environment === undefined) return undefined;
  return Object.entries(w).find(([k, v]) => TARGET_INPUT.test(k) && v.trim() !== '');
}

const INPUT = /\$\{\{\s*(?:github\.event\.)?inputs\.([\w-]+)\s*\}\}/g;

/**
 * The caller's `with:` values (else the inputs' declared defaults) put in place of `${{ inputs.x }}`
 * in what a local reusable workflow or composite action runs: `run: make ${{ inputs.make }}` called
 * with `make: checkruff` runs `make checkruff`. Each caller gets its own copy; an input given no
 * value stays as written (a shell word that resolves to nothing).
 */
function withInputs(
  files: FileView,
  exp: Expansion,
  ref: string,
  given: Record<string, string> | undefined,
): Expansion {
  const values = { ...declaredDefaults(files, joinPath('', ref.replace(/@[\s\S]*$/, ''))), ...(given ?? {}) };
  if (exp.blocks?.some((b) => b.cwdInput))
    exp = { ...exp, blocks: exp.blocks.flatMap((b) => (b.cwdInput ? inInputDirs(files, b, b.cwdInput, values) : [b])) };
  // A value that is itself an expression of the caller (a matrix entry) is not known here.
  const known = Object.fromEntries(Object.entries(values).filter(([, v]) => !v.includes('${{')));
  if (Object.keys(known).length === 0) return exp;
  const sub = (t: string) => t.replace(INPUT, (m, k: string) => known[k] ?? m);
  return {
    ...exp,
    ...(exp.blocks ? { blocks: exp.blocks.map((b) => ({ ...b, text: sub(viaEnv(b, known)) })) } : {}),
    ...(exp.uses
      ? {
          uses: exp.uses.map((x) => ({
            ...x,
            ref: sub(x.ref),
            ...(x.with ? { with: Object.fromEntries(Object.entries(x.with).map(([k, v]) => [k, sub(v)])) } : {}),
          })),
        }
      : {}),
  };
}

/** `${{ inputs.x }}` in a value (not global: `test` keeps no state). */
const INPUT_REF = /\$\{\{\s*(?:github\.event\.)?inputs\.[\w-]+\s*\}\}/;
/** Any `${{ … }}` expression left in a value once the inputs are in (a matrix entry, a job output). */
const EXPRESSION = /\$\{\{[^}]{0,200}\}\}/g;
/** How many directories a step whose directory is a run-time value is followed in. */
const MAX_INPUT_DIRS = 24;

/**
 * A composite action's step, or a reusable workflow's (`defaults.run.working-directory`), that runs
 * in the directory its caller names (`working-directory: ${{ inputs.lambda-directory }}`, called
 * `with: lambda-directory: lambda-code/${{ matrix.image }}`):
 * in that directory when the value is plain; when part of it is known only at run time (a matrix
 * entry from a job's output), in each folder of the repository it may be (`lambda-code/*`, at most
 * 24, in path order). A value that starts with such a part, or names folders with glob characters,
 * is not guessed: the step stays at the root as before. Blind round 44, forms-terraform: `yarn test`
 * run this way in each lambda's folder, whose test script is `vitest --coverage`, read as coverage
 * "not seen in CI".
 */
function inInputDirs(files: FileView, b: Block, wd: string, values: Record<string, string>): Block[] {
  const { cwdInput: _, ...rest } = b;
  const value = wd.replace(INPUT, (m, k: string) => values[k] ?? m);
  // Expressions side by side are one unknown segment part (`*`), never a globstar.
  const pattern = value.replace(EXPRESSION, '*').replace(/\*+/g, '*').replace(/^\.\//, '').replace(/\/+$/, '');
  if (!pattern.includes('*')) return /^[\w.@/-]+$/.test(pattern) ? [{ ...rest, cwd: joinPath('', pattern) }] : [rest];
  if (!/^[\w.@/*-]+$/.test(pattern) || !/^[\w.@-]/.test(pattern) || pattern.split('/').includes('..')) return [rest];
  // Listed once per pattern: every step of a job shares its directory (400 steps over 20,000 files
  // each listed the tree again: 10 s).
  const dirs = memo(files, `commands:input-dirs:${pattern}`, () =>
    [...new Set(files.match([`${pattern}/*`]).map(dirOf))].sort().slice(0, MAX_INPUT_DIRS),
  );
  return dirs.length ? dirs.map((cwd) => ({ ...rest, cwd })) : [rest];
}

/**
 * A step's variable that carries an input, expanded in its run text: `env: {ARGS: ${{ inputs.arguments }}}`
 * with `./gradlew ${ARGS//$'\n'/ }` called with `arguments: test` runs `./gradlew test` (round 9:
 * caffeine runs every Gradle task through such an action). Unquoted, the shell splits the value's
 * lines into words, so they join with spaces and the block keeps its line numbers.
 */
function viaEnv(b: Block, known: Record<string, string>): string {
  if (!b.envInputs) return b.text;
  let text = b.text;
  for (const [name, input] of Object.entries(b.envInputs)) {
    const value = known[input];
    if (value === undefined) continue;
    const words = value.replace(/\s+/g, ' ').trim();
    text = text.replace(new RegExp(String.raw`"?\$(?:\{${name}(?:[^}\w][^}]*)?\}|${name}\b)"?`, 'g'), () => words);
  }
  return text;
}

/** `on.workflow_call.inputs.x.default` of a workflow, `inputs.x.default` of an action. */
function declaredDefaults(files: FileView, path: string): Record<string, string> {
  const file = /\.ya?ml$/.test(path)
    ? path
    : [`${path}/action.yml`, `${path}/action.yaml`].find((p) => files.exists(p));
  if (!file) return {};
  const doc = memo(files, `commands:action:${file}`, () => parseYamlWithLines(files.read(file) ?? '')).docs[0]?.value as
    | { on?: { workflow_call?: { inputs?: unknown } }; inputs?: unknown }
    | undefined;
  const on = doc?.on && typeof doc.on === 'object' ? doc.on : undefined;
  const inputs = (on?.workflow_call?.inputs ?? doc?.inputs) as Record<string, { default?: unknown }> | undefined;
  const out: Record<string, string> = Object.create(null);
  if (!inputs || typeof inputs !== 'object') return out;
  for (const [k, v] of Object.entries(inputs)) {
    const d = v && typeof v === 'object' ? v.default : undefined;
    if (['string', 'number', 'boolean'].includes(typeof d)) out[k] = String(d);
  }
  return out;
}

/** A composite action (`action.yml` with `runs.steps`) or a reusable workflow of the repository. */
function localAction(files: FileView, ref: string): Expansion {
  const path = joinPath('', ref);
  if (/\.ya?ml$/.test(path)) {
    if (!files.exists(path)) return { unresolved: `${path} not found` };
    return ciFileExpansion(memo(files, `commands:workflow:${path}`, () => parseYamlCi(files, 'github-actions', path)));
  }
  const file = [`${path}/action.yml`, `${path}/action.yaml`].find((p) => files.exists(p));
  if (!file) return { unresolved: `no action.yml in ${path}` };
  const parsed = memo(files, `commands:action:${file}`, () => parseYamlWithLines(files.read(file) ?? ''));
  const doc = parsed.docs[0];
  const runs = (doc?.value as { runs?: { using?: string; steps?: unknown[] } } | undefined)?.runs;
  if (!doc || !Array.isArray(runs?.steps)) {
    const entry = [`${path}/entrypoint.sh`, `${path}/entrypoint`].find((p) => files.exists(p));
    return entry
      ? { blocks: [{ path: entry, line: 1, text: files.read(entry) ?? '', via: `action ${path}`, cwd: '' }] }
      : {};
  }
  const blocks: Block[] = [];
  const uses: UsesStep[] = [];
  runs.steps.forEach((st, i) => {
    const step = st as {
      run?: unknown;
      uses?: unknown;
      with?: Record<string, unknown>;
      env?: Record<string, unknown>;
      'working-directory'?: unknown;
    };
    const wd = step['working-directory'];
    const cwd = typeof wd === 'string' && !wd.includes('$') ? joinPath('', wd) : '';
    const cwdInput = typeof wd === 'string' && wd.length <= 200 && INPUT_REF.test(wd) ? wd : undefined;
    const at = (k: string) => doc.scalars.find((s) => s.path.join('/') === `runs/steps/${i}/${k}`);
    const run = at('run');
    const envInputs: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(step.env && typeof step.env === 'object' ? step.env : {})) {
      const m = typeof v === 'string' ? /^\s*\$\{\{\s*inputs\.([\w-]+)\s*\}\}\s*$/.exec(v) : null;
      if (m && /^\w+$/.test(k)) envInputs[k] = m[1]!;
    }
    if (run)
      blocks.push({
        path: file,
        line: run.block ? run.line + 1 : run.line,
        text: run.value,
        via: `composite action ${path}`,
        cwd,
        ...(Object.keys(envInputs).length ? { envInputs } : {}),
        ...(cwdInput ? { cwdInput } : {}),
      });
    const u = at('uses');
    if (u) {
      const w: Record<string, string> = Object.create(null);
      for (const [k, v] of Object.entries(step.with ?? {})) if (typeof v !== 'object') w[k] = String(v);
      uses.push({
        ref: u.value,
        with: w,
        hop: { path: file, line: u.line, text: u.value, via: `composite action ${path}` },
        cwd,
      });
    }
  });
  return { blocks, uses };
}

/** Every step of a CI file as blocks and uses (for a reusable workflow called from another). */
export function ciFileExpansion(f: CiFile): Expansion {
  const steps = new Map<string, CiCommand[]>();
  for (const c of f.commands) {
    const key = c.kind === 'uses' ? `u${c.job ?? ''}:${c.line}:${c.text}` : `s${c.job ?? ''}#${c.step ?? c.line}`;
    pushTo(steps, key, c);
  }
  const blocks: Block[] = [];
  const uses: UsesStep[] = [];
  for (const cmds of steps.values()) {
    const c = cmds[0]!;
    if (c.kind === 'uses')
      uses.push({
        ref: c.text,
        ...(c.with ? { with: c.with } : {}),
        hop: { path: f.path, line: c.line, text: c.text },
        cwd: c.cwd ?? '',
      });
    else
      blocks.push({
        path: f.path,
        ...stepText(cmds),
        via: c.job ? `job ${c.job}` : 'step',
        cwd: c.cwd ?? '',
        ...(c.advisory ? { advisory: c.advisory } : {}),
        ...(c.cwdInput ? { cwdInput: c.cwdInput } : {}),
      });
  }
  return { blocks, uses };
}

export interface CiDefault {
  system: string;
  job?: string;
  hop: CommandHop;
  expansion: Expansion;
}

/** CircleCI orb jobs and commands that run a tool (`node/test` runs the package's test script). */
const ORBS: [RegExp, (p: Record<string, string>) => string][] = [
  [
    /^circleci\/node@.*\/(?:test|run)$/,
    (p) => `${p['pkg-manager'] ?? 'npm'} run ${p['run-command'] ?? p['npm-run'] ?? p['yarn-run'] ?? 'test'}`,
  ],
  [
    /^circleci\/python@.*\/test$/,
    (p) => (p['test-tool'] === 'unittest' ? 'python -m unittest' : `pytest ${p['test-tool-args'] ?? ''}`),
  ],
  [/^circleci\/go@.*\/test$/, () => 'go test ./...'],
  [/^circleci\/ruby@.*\/rspec-test$/, () => 'bundle exec rspec'],
  [/^circleci\/ruby@.*\/rubocop-check$/, () => 'bundle exec rubocop'],
  [/^circleci\/maven@.*\/test$/, (p) => `mvn ${p.command ?? 'verify'}`],
  [/^circleci\/gradle@.*\/(?:test|run)$/, (p) => `./gradlew ${p.test_command ?? p.command ?? 'test'}`],
  [/^snyk\/snyk@.*\/scan$/, () => 'snyk test'],
  [/^sonarsource\/sonarcloud@.*\/scan$/, () => 'sonar-scanner'],
  [/^circleci\/docker@.*\/(?:build|publish)$/, () => 'docker build .'],
  [/^circleci\/docker@.*\/hadolint$/, () => 'hadolint Dockerfile'],
  [/^circleci\/rust@.*\/test$/, () => 'cargo test'],
  [/^circleci\/rust@.*\/clippy$/, () => 'cargo clippy'],
  [/^circleci\/rust@.*\/format$/, () => 'cargo fmt --check'],
  [/^circleci\/aws-ecr@.*\/build[-_]image$/, () => 'docker build .'],
  [/^circleci\/aws-ecr@.*\/build[-_]and[-_]push[-_]image$/, () => 'docker build .'],
];

/**
 * Orb jobs and commands whose definition is in the orb, not here, by what their names say they do
 * (blind round 19, daily-api `common/pulumi-up` after `common/build-docker` on main). A preview, plan
 * or refresh changes nothing, so it is no deploy.
 */
const ORB_DEPLOY =
  /^(?:(?:pulumi|terraform|tf|cdk|sam|serverless|sls|helm|kubectl|k8s)[-_](?:up|apply|deploy|upgrade|install|rollout)|deploy(?:[-_][\w-]+)?|[\w-]+[-_]deploy|release[-_]to[-_][\w-]+)$/;

/**
 * The words of an orb job's or command's name that say what it runs (blind round 39, sdr-api:
 * `ruby-rails/test-rails` runs RSpec, `ruby-rails/brakeman` runs Brakeman, `ruby-rails/lint-erb`
 * lints). A name with a set-up word (`install-test-deps`, `store-test-results`) runs none of them.
 */
const ORB_WORDS: [Set<string>, ToolKind, string][] = [
  [
    new Set(['test', 'tests', 'rspec', 'pytest', 'jest', 'vitest', 'mocha', 'spec', 'specs', 'unittest', 'minitest']),
    'test',
    'runs the tests',
  ],
  [
    new Set(['lint', 'rubocop', 'eslint', 'pylint', 'flake8', 'standardrb', 'ruff', 'golangci', 'clippy', 'ktlint']),
    'lint',
    'runs the linter',
  ],
  [
    new Set([
      'brakeman',
      'audit',
      'snyk',
      'trivy',
      'grype',
      'semgrep',
      'codeql',
      'sast',
      'security',
      'scan',
      'vulnerability',
      'vulnerabilities',
      'gitleaks',
      'owasp',
    ]),
    'scan',
    'a security scan',
  ],
];
const ORB_SETUP = new Set([
  'install',
  'setup',
  'deps',
  'dependencies',
  'cache',
  'results',
  'report',
  'reports',
  'upload',
  'store',
  'notify',
  'split',
  'collect',
  'save',
  'restore',
]);

/** What an orb job or command runs by its name's words: kinds and why (`test-rails` → test). */
export function orbNameKinds(name: string): { kinds: ToolKind[]; why: string } | undefined {
  if (name.length > 100) return undefined;
  if (ORB_DEPLOY.test(name)) return { kinds: ['deploy'], why: 'a deploy' };
  const words = name.toLowerCase().split(/[-_]+/);
  if (words.some((w) => ORB_SETUP.has(w))) return undefined;
  const hits = ORB_WORDS.filter(([set]) => words.some((w) => set.has(w)));
  // `build`, `docker-publish`, `build-and-push-image`: builds the code or its image.
  if (words.includes('build') || (words.includes('publish') && words.some((w) => w === 'docker' || w === 'image')))
    hits.push([new Set(), 'build', 'a build']);
  if (hits.length === 0) return undefined;
  return { kinds: hits.map((h) => h[1]), why: hits.map((h) => h[2]).join(' and ') };
}

/** GitLab's own templates and CI/CD components, by what they add to the pipeline. */
const GITLAB_TEMPLATES: [RegExp, CommandTool][] = [
  [
    /SAST|Secret-Detection|Dependency-Scanning|Container-Scanning|DAST|License-Scanning|Fuzz|secret-detection|dependency-scanning|container-scanning|\/sast/i,
    tool('GitLab security scanning', ['scan'], 'GitLab template'),
  ],
  [/Code-Quality|code-quality/i, tool('GitLab Code Quality', ['lint'], 'GitLab template')],
  [/Auto-DevOps/i, tool('Auto DevOps', ['build', 'test', 'scan', 'deploy'], 'GitLab Auto DevOps template')],
  [/Jobs\/Test\.gitlab-ci/i, tool('Auto DevOps test', ['test'], 'GitLab template')],
  [/Jobs\/Deploy/i, tool('Auto DevOps deploy', ['deploy'], 'GitLab template')],
];

/** What CI systems run without a line that says so, and the pipeline files GitLab includes. */
export function ciDefaults(files: FileView, ci: CiFile[]): { defaults: CiDefault[]; extraFiles: CiFile[] } {
  const defaults: CiDefault[] = [];
  const extraFiles: CiFile[] = [];
  const known = new Set(ci.map((f) => f.path));
  for (const f of ci) {
    if (f.system === 'jenkins') defaults.push(...jenkinsLibrarySteps(files, f));
    const doc = f.docs[0] as Record<string, unknown> | undefined;
    if (!doc || typeof doc !== 'object') continue;
    const text = files.read(f.path) ?? '';
    if (f.system === 'travis') defaults.push(...travisDefaults(files, f, doc, text));
    if (f.system === 'circleci') defaults.push(...orbSteps(f, doc, text));
    if (f.system === 'gitlab-ci') {
      // `coverage: '/TOTAL.*\s(\d+%)/'`: GitLab reads the job's coverage figure from its log.
      for (const j of f.jobs) {
        const cov = (doc[j.name] as Record<string, unknown> | undefined)?.coverage;
        if (typeof cov !== 'string') continue;
        const line = lineOf(text, /^\s+coverage\s*:/, j.line ?? 1) ?? j.line ?? 1;
        defaults.push({
          system: 'gitlab-ci',
          job: j.name,
          hop: { path: f.path, line, text: `coverage: ${cov}`.slice(0, 120) },
          expansion: { tools: [tool('GitLab coverage', ['coverage'], 'GitLab job coverage: keyword')] },
        });
      }
      // `release: {tag_name, description}`: the job creates a GitLab release (release-cli) after its script.
      for (const j of f.jobs) {
        const rel = (doc[j.name] as Record<string, unknown> | undefined)?.release;
        if (!rel || typeof rel !== 'object' || Array.isArray(rel)) continue;
        const tag = (rel as Record<string, unknown>).tag_name;
        const line = lineOf(text, /^\s+release\s*:/, j.line ?? 1) ?? j.line ?? 1;
        defaults.push({
          system: 'gitlab-ci',
          job: j.name,
          hop: { path: f.path, line, text: `release: tag_name ${String(tag ?? '')}`.slice(0, 120) },
          expansion: { tools: [tool('GitLab release', ['release'], 'GitLab job release: keyword creates a release')] },
        });
      }
      for (const inc of [doc.include].flat()) {
        const line = lineOf(text, /^include\s*:/) ?? 1;
        const o = typeof inc === 'string' ? { local: inc } : (inc as Record<string, unknown> | undefined);
        if (!o) continue;
        const local =
          typeof o.local === 'string' ? o.local : typeof o.file === 'string' && !o.project ? o.file : undefined;
        if (local && !/^https?:/.test(local)) {
          for (const p of files.match(joinPath('', local)))
            if (!known.has(p)) {
              known.add(p);
              extraFiles.push(parseYamlCi(files, 'gitlab-ci', p));
            }
        }
        const name =
          typeof o.template === 'string' ? o.template : typeof o.component === 'string' ? o.component : undefined;
        const t = name ? GITLAB_TEMPLATES.find(([re]) => re.test(name)) : undefined;
        if (t && name)
          defaults.push({
            system: 'gitlab-ci',
            hop: {
              path: f.path,
              line: lineOf(text, new RegExp(escapeRe(name))) ?? line,
              text: name,
            },
            expansion: { tools: [{ ...t[1], implied: `GitLab ${o.template ? 'template' : 'component'} ${name}` }] },
          });
      }
    }
  }
  return { defaults, extraFiles };
}

/** Jenkins steps and Groovy words that are no call into a shared library. */
const JENKINS_BUILTINS = new Set([
  'pipeline',
  'node',
  'stage',
  'stages',
  'parallel',
  'properties',
  'timestamps',
  'timeout',
  'ansiColor',
  'withCredentials',
  'withEnv',
  'dir',
  'ws',
  'sh',
  'bat',
  'powershell',
  'echo',
  'println',
  'print',
  'checkout',
  'library',
  'load',
  'if',
  'for',
  'while',
  'try',
  'catch',
  'finally',
  'switch',
  'return',
  'def',
  'import',
  'retry',
  'lock',
  'podTemplate',
  'container',
  'script',
  'env',
  'currentBuild',
  'error',
  'input',
  'milestone',
  'notify',
  'slackSend',
  'mail',
  'emailext',
  'junit',
  'archiveArtifacts',
  'stash',
  'unstash',
  'deleteDir',
  'cleanWs',
]);

/**
 * Nexus IQ (Sonatype Lifecycle): its Jenkins step `nexusPolicyEvaluation`, or the `iq…` settings a
 * shared pipeline takes to run it (blind round 39, mokey: `iqOrganizationName`, `iqBreakOnUnstable`).
 */
const NEXUS_IQ =
  /\bnexusPolicyEvaluation\b|^\s*["']?iq(?:OrganizationName|ApplicationName|Application|Stage|BreakOnUnstable|Embedded)["']?\s*:/;

/**
 * The documented default stages of a platform pipeline library's Node pipeline: `withPipeline(type,
 * product, component) { … }` (and its `withNightlyPipeline`, `withParameterizedPipeline`) of a library loaded as
 * `@Library("Infrastructure…")`, with `type` "nodejs" or "angular", builds with `yarn install` and
 * `yarn lint` and tests with `yarn test`, `yarn test:coverage` and `yarn test:a11y` (its Yarn builder;
 * blind round 42). Only the package scripts the package.json defines are run; undefined otherwise.
 */
function pipelineCatalogue(
  files: FileView,
  text: string,
  name: string,
  line: string,
): { type: string; scripts: string[] } | undefined {
  if (!['withPipeline', 'withNightlyPipeline', 'withParameterizedPipeline'].includes(name)) return undefined;
  if (!/^[ \t]*@Library\s*\(\s*["']Infrastructure(?:@[^"']{0,80})?["']/m.test(text)) return undefined;
  const arg = /^\s*\w+\s*\(\s*(?:(["'])(\w{1,40})\1|(\w{1,40}))\s*,/.exec(line);
  const variable = arg?.[3];
  const type =
    arg?.[2] ??
    (variable ? new RegExp(`^\\s*def\\s+${variable}\\s*=\\s*["'](\\w{1,40})["']`, 'm').exec(text)?.[1] : undefined);
  if (type !== 'nodejs' && type !== 'angular') return undefined;
  const pkg = files.readJson<{ scripts?: Record<string, unknown> }>('package.json');
  const scripts = pkg.ok && pkg.value && typeof pkg.value.scripts === 'object' ? pkg.value.scripts : {};
  const run = ['lint', 'test', 'test:coverage', 'test:a11y'].filter((s) => typeof scripts?.[s] === 'string');
  return run.length ? { type, scripts: run.map((s) => `yarn ${s}`) } : undefined;
}

/**
 * Steps of a Jenkins shared library a Jenkinsfile calls. The Jenkins project's own library
 * (jenkins-infra/pipeline-library): `buildPlugin()` builds and tests with Maven (`clean install`, test
 * failures recorded by the junit step), `buildPluginWithGradle()` with Gradle. Any other library —
 * loaded with `@Library(…)`/`library(…)`, or a script loaded from another repository into a variable
 * (`jenkinsfile = fileLoader.load('templates/x')`, then `jenkinsfile.gradle(…)`; blind round 39, mokey)
 * — runs stages of another repository's code (build, test, lint, scan, deploy): opaque, neither run
 * nor missing. A call at the top of the file, not a Jenkins step and not a function the file defines,
 * is such a step.
 */
function jenkinsLibrarySteps(files: FileView, f: CiFile): CiDefault[] {
  const text = files.read(f.path) ?? '';
  const out: CiDefault[] = [];
  const shared = /^[ \t]*@Library\s*\(|^[ \t]*library\s*[(\s'"]/m.test(text);
  const lines = text.split(/\r?\n/);
  const defined = new Set<string>();
  const loaded = new Set<string>();
  for (const l of lines) {
    const d = /^\s*def\s+(?:\w+\s+)?(\w{1,60})\s*\(/.exec(l);
    if (d) defined.add(d[1]!);
    const v = /^\s*(?:def\s+)?(\w{1,60})\s*=\s*(?:[\w.]{1,60}\.)?(?:load|library)\s*\(/.exec(l);
    if (v) loaded.add(v[1]!);
  }
  let iq = false;
  lines.forEach((l, i) => {
    if (!iq && NEXUS_IQ.test(l)) {
      iq = true;
      out.push({
        system: 'jenkins',
        hop: { path: f.path, line: i + 1, text: l.trim().slice(0, 120), via: 'Nexus IQ policy evaluation' },
        expansion: { tools: [tool('Nexus IQ', ['scan'], 'Nexus IQ (Sonatype) policy evaluation of the dependencies')] },
      });
    }
    const m = /^\s*(buildPlugin|buildPluginWithGradle)\s*\(/.exec(l);
    if (!m) {
      const call = /^(\w{1,60})(?:\.(\w{1,60}))?\s*\(/.exec(l);
      const name = call ? (call[2] ? `${call[1]}.${call[2]}` : call[1]!) : undefined;
      const opaque =
        call &&
        name &&
        (call[2]
          ? loaded.has(call[1]!)
          : shared && !JENKINS_BUILTINS.has(call[1]!) && !defined.has(call[1]!) && /^[a-z]/.test(call[1]!));
      if (!opaque || !name) return;
      const catalogue = pipelineCatalogue(files, text, name, l);
      if (catalogue) {
        const via = `Jenkins library step ${name} (${catalogue.type}): the library's default stages`;
        const hop = { path: f.path, line: i + 1, text: l.trim().slice(0, 120), via };
        out.push({
          system: 'jenkins',
          job: name,
          hop,
          expansion: { blocks: catalogue.scripts.map((t) => ({ path: f.path, line: i + 1, text: t, via, cwd: '' })) },
        });
        // The same pipeline deploys the Helm chart under charts/ to the cluster (a preview release per
        // pull request, then the environment before production on the main branch): its documented
        // deploy stage (blind round 42: `withPipeline` with a chart read as "No automated deployment").
        const chart = name === 'withPipeline' ? files.match(['charts/*/Chart.yaml'])[0] : undefined;
        if (chart)
          out.push({
            system: 'jenkins',
            job: name,
            hop: { ...hop, via: `Jenkins library step ${name} (${catalogue.type}): its deploy stage` },
            expansion: {
              tools: [
                tool(
                  'Helm (platform pipeline deploy)',
                  ['deploy'],
                  `the library's ${name} deploys the chart ${chart.slice(0, chart.lastIndexOf('/'))}/ with Helm`,
                ),
              ],
            },
          });
        return;
      }
      const hop = {
        path: f.path,
        line: i + 1,
        text: l.trim().slice(0, 120),
        via: `Jenkins shared-library step ${name}`,
      };
      out.push({
        system: 'jenkins',
        job: name,
        hop,
        expansion: {
          unresolved: `${name} is a step of a Jenkins shared library of another repository (build, test, lint, scan, deploy stages): its stages cannot be read here`,
          remote: `Jenkins shared library step ${name}`,
        },
      });
      return;
    }
    const script =
      m[1] === 'buildPluginWithGradle'
        ? `${files.exists('gradlew') ? './gradlew' : 'gradle'} build`
        : 'mvn -B -Dmaven.test.failure.ignore=true clean install';
    const hop = { path: f.path, line: i + 1, text: l.trim().slice(0, 120), via: `Jenkins library step ${m[1]}` };
    out.push({
      system: 'jenkins',
      job: m[1]!,
      hop,
      expansion: {
        blocks: [{ path: f.path, line: i + 1, text: script, via: `Jenkins library step ${m[1]}: ${script}`, cwd: '' }],
      },
    });
  });
  return out;
}

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function orbSteps(f: CiFile, doc: Record<string, unknown>, text: string): CiDefault[] {
  const orbs = (doc.orbs && typeof doc.orbs === 'object' ? doc.orbs : {}) as Record<string, unknown>;
  const out: CiDefault[] = [];
  const visit = (item: unknown, job: string | undefined) => {
    const [name, params] =
      typeof item === 'string'
        ? [item, {}]
        : item && typeof item === 'object'
          ? (Object.entries(item)[0] ?? ['', {}])
          : ['', {}];
    const m = /^([\w-]+)\/([\w-]+)$/.exec(name as string);
    const orb = m ? orbs[m[1]!] : undefined;
    if (!m || typeof orb !== 'string') return;
    const full = `${orb}/${m[2]}`;
    const p: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries((params as Record<string, unknown>) ?? {}))
      if (typeof v !== 'object') p[k] = String(v);
    const hop = {
      path: f.path,
      line: lineOf(text, new RegExp(`^\\s*-?\\s*${m[1]}/${m[2]}\\b`)) ?? 1,
      text: name as string,
      via: `orb ${orb}`,
    };
    const shell = ORBS.find(([re]) => re.test(full))?.[1](p);
    const deploy = DEPLOY_ACTION.test(`${orb.replace(/^circleci\//, '').replace(/@[\s\S]*$/, '')}/${m[2]}`);
    if (shell)
      out.push({
        system: 'circleci',
        ...(job ? { job } : {}),
        hop,
        expansion: {
          blocks: [
            {
              path: f.path,
              line: hop.line,
              text: shell,
              via: `orb ${full}`,
              cwd: p['app-dir']?.replace(/^~\/project\/?|^\.\/?/, '') ?? '',
            },
          ],
        },
      });
    else if (deploy)
      out.push({
        system: 'circleci',
        ...(job ? { job } : {}),
        hop,
        expansion: { tools: [tool(full, ['deploy'], `orb ${full}`)] },
      });
    else {
      // Another orb's job or command, by what its name says it does (`common/pulumi-up`, `node/test`).
      const named = orbNameKinds(m[2]!);
      if (named)
        out.push({
          system: 'circleci',
          ...(job ? { job } : {}),
          hop,
          expansion: { tools: [tool(`${m[1]}/${m[2]}`, named.kinds, `orb ${orb}: ${named.why} by its name`)] },
        });
    }
  };
  const jobs = (doc.jobs && typeof doc.jobs === 'object' ? doc.jobs : {}) as Record<string, { steps?: unknown[] }>;
  for (const [name, j] of Object.entries(jobs)) for (const s of Array.isArray(j?.steps) ? j.steps : []) visit(s, name);
  const workflows = (doc.workflows && typeof doc.workflows === 'object' ? doc.workflows : {}) as Record<
    string,
    { jobs?: unknown[] }
  >;
  // A workflow's orb job is a job of its own, shown under its `name:` (circleciOrbJobs).
  for (const wf of Object.values(workflows))
    for (const j of Array.isArray(wf?.jobs) ? wf.jobs : []) {
      const params = rec(j) ? rec(Object.values(j as object)[0]) : undefined;
      const ref = typeof j === 'string' ? j : rec(j) ? Object.keys(j as object)[0] : undefined;
      visit(j, typeof params?.name === 'string' ? params.name : ref);
    }
  return out;
}
