/**
 * CI configuration, parsed once per audit: which systems, which files, which jobs, and every
 * shell command or action a job runs, each with its file and line. Rules ask questions of this
 * model ("does any job run tests?") instead of grepping workflow files themselves.
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { parseYamlWithLines, type YamlScalar } from '../util/yaml-lines.js';
import { escapeRe } from '../util/regex.js';
import { AZURE_CANDIDATE_GLOBS, AZURE_PIPELINE } from './alongside.js';
import { JENKINS_CANDIDATE_GLOBS, jenkinsPipelineContent, parseJenkinsfile } from './ci-jenkins.js';

export { JENKINS_CANDIDATE_GLOBS, jenkinsPipelineContent } from './ci-jenkins.js';
export {
  createsThrowawayCluster,
  DEPLOY_ACTION,
  idleJobs,
  inTestScript,
  testOnlyJobs,
  THROWAWAY_CLUSTER_STEP,
  throwawayClusterJobs,
} from './ci-jobs.js';

export type CiSystem =
  | 'github-actions'
  | 'gitlab-ci'
  | 'azure-pipelines'
  | 'circleci'
  | 'jenkins'
  | 'travis'
  | 'bitbucket-pipelines'
  | 'cloud-build'
  | 'buildkite'
  | 'drone'
  | 'codebuild'
  | 'woodpecker'
  | 'tekton'
  | 'appveyor';

export const CI_FILES: { system: CiSystem; globs: string[] }[] = [
  { system: 'github-actions', globs: ['.github/workflows/*.yml', '.github/workflows/*.yaml'] },
  { system: 'gitlab-ci', globs: ['.gitlab-ci.yml', '.gitlab-ci.yaml', '.gitlab/ci/**/*.yml', '**/*.gitlab-ci.yml'] },
  {
    system: 'azure-pipelines',
    globs: [
      'azure-pipelines*.yml',
      'azure-pipelines*.yaml',
      '.azure-pipelines/**/*.yml',
      '.azure-pipelines/**/*.yaml',
      '.azuredevops/**/*.yml',
      '.pipelines/**/*.yml',
    ],
  },
  { system: 'circleci', globs: ['.circleci/config.yml', '.circleci/config.yaml'] },
  {
    system: 'jenkins',
    globs: [
      '**/Jenkinsfile',
      '**/Jenkinsfile.*',
      // `Jenkinsfile_CNP`, `Jenkinsfile_nightly`, `Jenkinsfile-release`: one pipeline per trigger.
      '**/Jenkinsfile_*',
      '**/Jenkinsfile-*',
      '**/*.jenkinsfile',
    ],
  },
  { system: 'travis', globs: ['.travis.yml'] },
  { system: 'bitbucket-pipelines', globs: ['bitbucket-pipelines.yml'] },
  {
    system: 'cloud-build',
    globs: ['**/cloudbuild*.yaml', '**/cloudbuild*.yml', '**/*.cloudbuild.yaml', '**/*.cloudbuild.yml'],
  },
  { system: 'buildkite', globs: ['.buildkite/*.yml', '.buildkite/*.yaml'] },
  { system: 'drone', globs: ['.drone.yml', '.drone.yaml'] },
  { system: 'codebuild', globs: ['**/buildspec*.yml', '**/buildspec*.yaml'] },
  { system: 'woodpecker', globs: ['.woodpecker.yml', '.woodpecker.yaml', '.woodpecker/*.yml', '.woodpecker/*.yaml'] },
  // Pipelines as Code (Tekton): the PipelineRuns of `.tekton/` run on each push or pull request.
  { system: 'tekton', globs: ['.tekton/*.yml', '.tekton/*.yaml'] },
  { system: 'appveyor', globs: ['appveyor.yml', '.appveyor.yml'] },
  // Forgejo and Gitea Actions run GitHub's workflow syntax from their own folders (listed last, so a
  // message naming the first few places to look names GitHub's and GitLab's).
  {
    system: 'github-actions',
    globs: [
      '.forgejo/workflows/*.yml',
      '.forgejo/workflows/*.yaml',
      '.gitea/workflows/*.yml',
      '.gitea/workflows/*.yaml',
    ],
  },
];

export const CI_GLOBS = CI_FILES.flatMap((c) => c.globs);

export { AZURE_CANDIDATE_GLOBS, AZURE_PIPELINE, azurePipelineContent } from './alongside.js';

/** Trees whose YAML is not this repository's pipeline: dependencies, examples, test data. */
const NOT_PIPELINE_DIR =
  /(?:^|\/)(?:node_modules|vendor|third_party|third-party|bower_components|\.git|examples?|samples?|fixtures?|testdata|test-data|__fixtures__|\.github|\.gitlab|\.circleci|\.buildkite|\.woodpecker|\.forgejo|\.gitea|\.tekton)\//i;
/** YAML files that may hold an Azure pipeline kept outside the default names. */
export function azureCandidates(files: FileView): string[] {
  return files.match(AZURE_CANDIDATE_GLOBS).filter((p) => !NOT_PIPELINE_DIR.test(p));
}

/** The paths of every CI file: those found by name, and Azure pipelines found by content. */
export function ciPaths(files: FileView): string[] {
  return ciFiles(files).map((f) => f.path);
}

export interface CiCommand {
  /** One line of shell, or an action/task reference (`uses:`, `task:`, `orb`). */
  text: string;
  kind: 'run' | 'uses';
  path: string;
  line: number;
  job?: string;
  /** The YAML scalar (step) the line belongs to: lines of one `run: |` block share it. */
  step?: number;
  /** Inputs of an action or task (`with:`, `inputs:`), scalar values only. */
  with?: Record<string, string>;
  /** The directory a step runs in (`working-directory`, `defaults.run.working-directory`, `workingDirectory`). */
  cwd?: string;
  /**
   * A `working-directory` written with the workflow's inputs (`${{ inputs.working-directory }}` in a
   * reusable workflow's `defaults.run`): its caller's value names the directory (commands/steps.ts).
   */
  cwdInput?: string;
  /** Why a failure of the step does not fail the job (`continue-on-error: true` at line 12). */
  advisory?: string;
  /** Variables the workflow, job and step set with literal values (`env: {RUNNER: cargo}`, GitLab `variables:`). */
  env?: Record<string, string>;
}

/** A deployment environment a job targets (GitHub/GitLab `environment:`, Azure deployment jobs, Bitbucket `deployment:`). */
export interface CiEnvironment {
  name: string;
  /** The value as written, when `name` is an expression's literal fallback. */
  written?: string;
  path: string;
  line: number;
  job?: string;
  /** Offered as an option of a manual trigger's choice input (`workflow_dispatch` input `environment`). */
  input?: string;
  /** A value of the expression `written`, assigned on this line (`echo DEPLOYMENT_ENV=stage >> "$GITHUB_ENV"`). */
  assigned?: number;
}

export interface CiFile {
  system: CiSystem;
  path: string;
  ok: boolean;
  error?: string;
  jobs: { name: string; line?: number }[];
  /** Jobs switched off (`if: false`, `when: never`): they run nothing, so they are not in `jobs`. */
  offJobs?: { name: string; line?: number }[];
  commands: CiCommand[];
  environments: CiEnvironment[];
  /** The parsed document(s), for rules that need more (environments, triggers). */
  docs: unknown[];
}

const COMMAND_KEYS = new Set([
  'run',
  'script',
  'before_script',
  'after_script',
  'command',
  'commands',
  'cmd',
  'bash',
  'pwsh',
  'powershell',
  'inlineScript',
  'args',
  'install',
  'before_install',
  'after_success',
  'deploy',
  'entrypoint',
  'steps',
  // AppVeyor and Travis phases.
  'build_script',
  'test_script',
  'before_build',
  'after_build',
  'before_test',
  'after_test',
  'deploy_script',
  'before_deploy',
  'on_success',
]);
const USES_KEYS = new Set(['uses', 'task', 'orb', 'template', 'pipe', 'plugins']);
// `pages` is a real GitLab job (it publishes GitLab Pages), so it is not reserved.
const GITLAB_RESERVED = new Set([
  'stages',
  'variables',
  'include',
  'default',
  'workflow',
  'image',
  'services',
  'before_script',
  'after_script',
  'cache',
]);

export function ciFiles(files: FileView): CiFile[] {
  return memo(files, 'ci', () => {
    const named = namedCiFiles(files);
    const out = [...named];
    const seen = new Set(named.map((f) => f.path));
    for (const path of azureCandidates(files)) {
      if (seen.has(path) || !files.digest(path, AZURE_PIPELINE)) continue;
      seen.add(path);
      out.push(parseYamlCi(files, 'azure-pipelines', path));
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
  });
}

/**
 * The CI files ciFiles finds without the Azure check of every YAML file's content: those found by
 * name, and Groovy pipelines by content (few files, read whole and kept). Before the scan the
 * command graph is built from these (facts/index.ts); the Azure check waits for the scan, which
 * reads every YAML file and takes its answer then (facts/alongside.ts: AZURE_PIPELINE).
 */
export function namedCiFiles(files: FileView): CiFile[] {
  return memo(files, 'ci:named', () => {
    const out: CiFile[] = [];
    const seen = new Set<string>();
    for (const { system, globs } of CI_FILES) {
      for (const path of files.match(globs)) {
        if (seen.has(path)) continue;
        seen.add(path);
        out.push(system === 'jenkins' ? parseJenkinsfile(files, path) : parseYamlCi(files, system, path));
      }
    }
    // Groovy pipelines kept in a jenkins/ or ci/ folder (`jenkins/release.groovy`), by their content.
    for (const path of files.match(JENKINS_CANDIDATE_GLOBS)) {
      if (seen.has(path)) continue;
      const text = files.read(path);
      if (text === undefined || !jenkinsPipelineContent(text)) continue;
      seen.add(path);
      out.push(parseJenkinsfile(files, path));
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
  });
}

export function parseYamlCi(files: FileView, system: CiSystem, path: string): CiFile {
  const text = files.read(path);
  if (text === undefined)
    return { system, path, ok: false, error: 'unreadable', jobs: [], commands: [], environments: [], docs: [] };
  const parsed = parseYamlWithLines(text);
  const lines = text.split(/\r?\n/);
  if (parsed.error)
    return {
      system,
      path,
      ok: false,
      error: `${path}: ${parsed.error}`,
      jobs: [],
      commands: [],
      environments: [],
      docs: [],
    };
  const commands: CiCommand[] = [];
  const jobs: CiFile['jobs'] = [];
  const offJobs: CiFile['jobs'] = [];
  const environments: CiEnvironment[] = [];
  for (const doc of parsed.docs) {
    const value = doc.value as Record<string, unknown> | null;
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    const jobKeys = jobNames(system, value);
    for (const j of jobKeys) {
      const line = keyLine(lines, j.name, doc.lineOf(j.path));
      // A job switched off as a whole (`if: false`) is configured but runs nothing (round 5: a
      // disabled deploy_to_heroku job earned continuous-deployment credit by its name).
      const off = stepFlags(value, [...j.path.map(String), '']).disabled;
      (off ? offJobs : jobs).push({ name: j.name, ...(line ? { line } : {}) });
    }
    // A scalar belongs to the job whose path is the longest prefix of its own path.
    const prefixes = jobKeys
      .map((j) => ({ name: j.name, key: j.path.map(String) }))
      .sort((a, b) => b.key.length - a.key.length);
    const jobOf = (p: string[]) => prefixes.find((j) => j.key.length > 0 && j.key.every((k, i) => p[i] === k))?.name;
    // GitLab jobs run what they inherit (`extends:`, `<<: *anchor`, `!reference`): read at the template's lines.
    const inherit = system === 'gitlab-ci' ? gitlabInheritance(value, jobKeys, doc.scalars) : undefined;
    const handle = (s: YamlScalar, step: number, inheritedBy?: string) => {
      const flags = stepFlags(value, s.path);
      // A step or job switched off (`if: false`, `when: never`) runs nothing: its words are not evidence.
      if (flags.disabled) return;
      if (inheritedBy && stepFlags(value, [inheritedBy, '']).disabled) return;
      const job = inheritedBy ?? jobOf(s.path);
      const key = lastKey(s.path);
      const env = environmentName(system, s.path);
      const cwd = workingDirectory(value, s.path, system);
      const cwdInput = cwd ? undefined : inputWorkingDirectory(value, s.path);
      const advisory = flags.advisory;
      const extra = {
        ...(job ? { job } : {}),
        ...(cwd ? { cwd } : {}),
        ...(cwdInput ? { cwdInput } : {}),
        ...(advisory ? { advisory } : {}),
      };
      if (env) {
        const name = environmentLabel(s.value);
        const written = s.value.trim();
        environments.push({
          name,
          ...(written !== name ? { written } : {}),
          path,
          line: s.line,
          ...(job ? { job } : {}),
        });
      } else if (key && USES_KEYS.has(key)) {
        const inputs = stepInputs(value, s.path, ENV_CONFIGURED.test(s.value));
        commands.push({
          text: s.value.trim(),
          kind: 'uses',
          path,
          line: s.line,
          step,
          ...extra,
          ...(inputs ? { with: inputs } : {}),
        });
      } else if (system === 'cloud-build' && key === 'args' && !s.value.includes('\n')) {
      } else if (
        key &&
        COMMAND_KEYS.has(key) &&
        !(key === 'steps' && system === 'circleci') &&
        // An action's `with: {command, args}` are its inputs, read through the action (commands/steps.ts).
        !(system === 'github-actions' && s.path.includes('with') && (key === 'command' || key === 'args'))
      ) {
        const vars = ciEnv(value, s.path);
        splitLines(s).forEach(({ text: t, line }) =>
          commands.push({
            ...(vars ? { env: vars } : {}),
            text:
              system === 'github-actions'
                ? withMatrix(matrixVars(t, value, s.path), at(value, [...s.path.slice(0, 2), 'strategy', 'matrix']))
                : t,
            kind: 'run',
            path,
            line,
            step,
            ...extra,
          }),
        );
      }
    };
    doc.scalars.forEach((s, step) => {
      if (inherit?.skip.has(step)) return;
      handle(s, step);
    });
    for (const x of inherit?.extra ?? []) handle(x.scalar, x.step, x.job);
    if (system === 'cloud-build') commands.push(...cloudBuildSteps(value, doc.lineOf.bind(doc), path));
    if (system === 'github-actions') {
      const first = environments.length;
      environments.push(...dispatchEnvironments(value, doc.scalars, jobOf, path));
      environments.push(...computedEnvironments(value, doc.scalars, environments.slice(0, first)));
    }
  }
  return {
    system,
    path,
    ok: true,
    jobs,
    ...(offJobs.length ? { offJobs } : {}),
    commands,
    environments,
    docs: parsed.docs.map((d) => d.value),
  };
}

/**
 * A GitHub run line that names a matrix value (`./mage-static test:${{ matrix.test }}`), once per
 * value the job's literal matrix lists, as `;`-separated commands on the same line: each
 * matrix job runs one of them. Lines naming no listed matrix key are returned as written.
 */
function withMatrix(text: string, matrix: unknown): string {
  if (!rec(matrix) || !text.includes('matrix.')) return text;
  const refs = [...new Set([...text.matchAll(/\$\{\{\s*matrix\.([\w-]+(?:\.[\w-]+)?)\s*\}\}/g)].map((x) => x[1]!))];
  const reOf = (ref: string) => new RegExp(`\\$\\{\\{\\s*matrix\\.${ref.replace('.', '\\.')}\\s*\\}\\}`, 'g');
  // A matrix written only as `include` entries runs those entries, not every product of their
  // values (blind round 42: five Python versions run `poe check`, one runs `poe lint`, one `poe mypy`).
  const entries = includeOnly(matrix, refs);
  if (entries && entries.length <= 12)
    return [...new Set(entries.map((e) => refs.reduce((t, ref, i) => t.replace(reOf(ref), () => e[i]!), text)))].join(
      ' ; ',
    );
  let out = [text];
  for (const ref of refs) {
    const values = matrixValues(matrix, ref);
    if (!values || out.length * values.length > 12) continue;
    const re = reOf(ref);
    out = out.flatMap((t) => values.map((v) => t.replace(re, v)));
  }
  return out.join(' ; ');
}

/**
 * The values of `refs` in each `include` entry of a matrix that lists no other axis for them and
 * whose every entry sets each of them as a string or number; undefined otherwise.
 */
function includeOnly(matrix: unknown, refs: string[]): string[][] | undefined {
  const m = rec(matrix);
  if (!m || !Array.isArray(m.include) || m.include.length === 0 || m.include.length > 64) return undefined;
  if (refs.some((r) => m[r.split('.')[0]!] !== undefined)) return undefined;
  const out: string[][] = [];
  for (const e of m.include) {
    const row: string[] = [];
    for (const r of refs) {
      const [key, sub] = r.split('.') as [string, string | undefined];
      const v = sub ? rec(rec(e)?.[key])?.[sub] : rec(e)?.[key];
      if (typeof v !== 'string' && typeof v !== 'number') return undefined;
      row.push(String(v));
    }
    out.push(row);
  }
  return out;
}

/**
 * A run line that names a variable the job or step binds to a matrix value (`bin/rails $TEST_COMMAND`
 * with `env: {TEST_COMMAND: ${{ matrix.tests.command }}}`; blind round 25, rubygems.org test.yml:69)
 * names that matrix value: the variable is written as the matrix expression, which withMatrix then
 * expands once per listed value. Unquoted, the value splits into words as the shell would split the
 * variable. tox's TOXENV is read as tox's own setting (ciEnv), not here.
 */
function matrixVars(text: string, value: unknown, path: string[]): string {
  if (!text.includes('$')) return text;
  let out = text;
  const seen = new Set<string>();
  // Innermost first: a step's own `env:` wins over its job's and the workflow's.
  for (let i = path.length - 1; i >= 1; i--) {
    const vars = rec(rec(at(value, path.slice(0, i)))?.env);
    for (const [k, v] of Object.entries(vars ?? {})) {
      if (seen.has(k)) continue;
      seen.add(k);
      if (TOX_VARS.has(k) || !/^[A-Za-z_]\w*$/.test(k) || typeof v !== 'string') continue;
      const ref = /^\s*\$\{\{\s*matrix\.([\w-]+(?:\.[\w-]+)?)\s*\}\}\s*$/.exec(v)?.[1];
      if (!ref) continue;
      out = out.replace(new RegExp(`\\$(?:\\{${k}\\}|${k}(?!\\w))`, 'g'), () => `\${{ matrix.${ref} }}`);
    }
  }
  return out;
}

/**
 * The values a literal GitHub matrix gives `matrix.<ref>`: a list (`tox: [style, py]`), the key of
 * objects listed under another (`config: [{tox: random}, …]` for `matrix.config.tox`) or of
 * `include` entries. Undefined when any value is not written out.
 */
function matrixValues(matrix: unknown, ref: string): string[] | undefined {
  const m = rec(matrix);
  if (!m) return undefined;
  const [key, sub] = ref.split('.') as [string, string | undefined];
  let values: unknown[] = Array.isArray(m[key]) ? (m[key] as unknown[]) : [];
  // An include entry that does not set the key adds to the combinations, not to its values.
  if (!sub && Array.isArray(m.include))
    values = [...values, ...m.include.map((e) => rec(e)?.[key]).filter((v) => v !== undefined)];
  if (sub) values = values.map((v) => rec(v)?.[sub]);
  if (values.length === 0 || !values.every((v) => typeof v === 'string' || typeof v === 'number')) return undefined;
  return [...new Set(values.map(String))];
}

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function at(value: unknown, path: string[]): unknown {
  let node = value;
  for (const k of path) node = Array.isArray(node) ? node[Number(k)] : rec(node)?.[k];
  return node;
}

/** The deepest `working-directory` (GitHub step or `defaults.run`), `workingDirectory` (Azure) or `working_directory` (CircleCI). */
function workingDirectory(value: unknown, path: string[], system?: CiSystem): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const o = rec(at(value, path.slice(0, i)));
    const d =
      o?.['working-directory'] ??
      o?.workingDirectory ??
      o?.working_directory ??
      rec(rec(o?.defaults)?.run)?.['working-directory'] ??
      // A Woodpecker step's `directory:` (relative to the workspace, the repository's root).
      (system === 'woodpecker' && i > 0 ? o?.directory : undefined);
    if (typeof d === 'string' && d.trim() && !/\$\{\{|\$\(/.test(d))
      return d
        .trim()
        .replace(/^\.\/?/, '')
        .replace(/\/$/, '')
        .replace(/^~\/?(?:project|repo)?\/?/, '');
  }
  return undefined;
}

/**
 * The deepest GitHub `working-directory` (a step's or `defaults.run`'s) when it is written with the
 * workflow's inputs (`${{ inputs.dir }}`, `apps/${{ inputs.app }}`), as written (at most 200 characters).
 */
function inputWorkingDirectory(value: unknown, path: string[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const o = rec(at(value, path.slice(0, i)));
    const d = o?.['working-directory'] ?? rec(rec(o?.defaults)?.run)?.['working-directory'];
    if (typeof d !== 'string' || !d.trim()) continue;
    return d.length <= 200 && /\$\{\{\s*inputs\.[\w-]+\s*\}\}/.test(d) ? d.trim() : undefined;
  }
  return undefined;
}

/**
 * The variables a command's step sees with literal values, outermost first so a step's own `env:`
 * wins (GitHub `env:`, GitLab `variables:`); a value that is an expression (`${{ … }}`) is not known.
 */
/** The variables tox reads as `-e`. */
const TOX_VARS = new Set(['TOXENV', 'TOX_ENV']);

function ciEnv(value: unknown, path: string[]): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (let i = 0; i < path.length; i++) {
    const o = rec(at(value, path.slice(0, i)));
    for (const vars of [rec(o?.env), rec(o?.variables)]) {
      for (const [k, v] of Object.entries(vars ?? {})) {
        const val = typeof v === 'string' || typeof v === 'number' ? String(v) : rec(v)?.value;
        if (/^[A-Za-z_]\w*$/.test(k) && typeof val === 'string' && !/\$\{\{|\$\(/.test(val)) {
          out ??= {};
          out[k] = val;
        } else if (TOX_VARS.has(k) && typeof val === 'string') {
          // tox runs the environments TOXENV/TOX_ENV name: a matrix entry's values (each matrix job
          // runs one; round 15, click nightly.yaml `TOX_ENV: ${{ matrix.config.tox }}`), else not known.
          const ref = /^\s*\$\{\{\s*matrix\.([\w-]+(?:\.[\w-]+)?)\s*\}\}\s*$/.exec(val)?.[1];
          const values = ref ? matrixValues(at(value, [...path.slice(0, 2), 'strategy', 'matrix']), ref) : undefined;
          out ??= {};
          // An expression not written out (`${{ matrix.tox || format('py{0}', matrix.python) }}`) names an
          // environment not known here: tox gives it the base environment's commands.
          out[k] = values ? values.join(',') : `(${k} set by a CI expression)`;
        }
      }
    }
  }
  return out;
}

/** `if: false` (GitHub), `${{ false }}`, `condition: false` / `enabled: false` (Azure), `when: never` (GitLab). */
const OFF = /^\s*(?:false|\$\{\{\s*false\s*\}\}|0)\s*$/i;

/** One `matrix.<ref> == 'value'` comparison (either side), `${{ }}` optional. */
// The value is a literal: a quoted string or a number (a bare word is a context reference:
// `matrix.node == env.NODE_COV` compares with whatever the workflow's env holds, not the text
// "env.NODE_COV" — blind round 37, cheerio's coverage step read as never running).
const MATRIX_EQ = /^\s*matrix\.([\w-]+(?:\.[\w-]+)?)\s*==\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?))\s*$/;

/**
 * Whether a GitHub `if:` can never hold for the job's literal matrix: a conjunction (`&&`, no `||`)
 * one of whose terms compares a matrix variable to a value the matrix never gives
 * (`if: matrix.java == '8'` under `java: [17, 21, 25]`; blind round 36, a Codecov upload that never
 * ran). Values compare as GitHub does: as strings, or as numbers when both read as numbers.
 */
export function matrixExcludes(cond: string, matrix: unknown): boolean {
  if (cond.length > 500 || !cond.includes('matrix.') || cond.includes('||')) return false;
  const inner = cond.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  for (const term of inner.split('&&')) {
    const m = MATRIX_EQ.exec(term.replace(/^\s*\(|\)\s*$/g, ''));
    if (!m) continue;
    const want = m[2] ?? m[3] ?? m[4] ?? '';
    const values = matrixValues(matrix, m[1]!);
    if (!values) continue;
    const num = (v: string) => (/^-?\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v) : undefined);
    const same = (v: string) => v === want || (num(v) !== undefined && num(v) === num(want));
    if (!values.some(same)) return true;
  }
  return false;
}

/**
 * Whether the step or job holding a scalar is switched off, or may fail without failing the job
 * (`continue-on-error: true`, GitLab `allow_failure: true`, Azure `continueOnError: true`).
 */
function stepFlags(value: unknown, path: string[]): { disabled?: boolean; advisory?: string } {
  let advisory: string | undefined;
  for (let i = path.length - 1; i >= 1; i--) {
    const o = rec(at(value, path.slice(0, i)));
    if (!o) continue;
    const off =
      [o.if, o.condition].some((v) => v === false || (typeof v === 'string' && OFF.test(v))) ||
      (path[0] === 'jobs' &&
        typeof o.if === 'string' &&
        matrixExcludes(o.if, at(value, ['jobs', path[1]!, 'strategy', 'matrix'])));
    if (off || o.enabled === false || o.when === 'never') return { disabled: true };
    const soft = (['continue-on-error', 'continueOnError', 'allow_failure'] as const).find(
      (k) => o[k] === true || o[k] === 'true' || (k === 'allow_failure' && rec(o[k])),
    );
    if (soft && !advisory) advisory = `${soft}: true`;
  }
  return advisory ? { advisory } : {};
}

/** Actions configured through the step's `env:` rather than `with:` (super-linter's `VALIDATE_MARKDOWN: true`). */
const ENV_CONFIGURED = /(?:^|\/)(?:super-linter|megalinter)(?:\/|@)/i;

/**
 * `with:` of a GitHub step, `inputs:` of an Azure task: their scalar values; for an action
 * configured through `env:` (super-linter), its env values too, as `env.NAME`.
 */
function stepInputs(value: unknown, path: string[], withEnv = false): Record<string, string> | undefined {
  const step = rec(at(value, path.slice(0, -1)));
  // An Azure template's `parameters:` are its inputs.
  const inputs = rec(step?.with) ?? rec(step?.inputs) ?? rec(step?.parameters);
  const env = withEnv ? rec(step?.env) : undefined;
  if (!inputs && !env) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs ?? {}))
    if (['string', 'number', 'boolean'].includes(typeof v)) out[k] = String(v);
  for (const [k, v] of Object.entries(env ?? {}))
    if (['string', 'number', 'boolean'].includes(typeof v)) out[`env.${k}`] = String(v);
  return out;
}

/**
 * Cloud Build steps are a builder image plus an argument list (`name: gcr.io/cloud-builders/docker`,
 * `args: [build, -t, …]`): read as one command, `docker build -t …`, on the line of the args. A
 * step with an `entrypoint` runs it with the args; a step whose first argument is a program
 * (`/bin/bash -c '…'`, `/usr/local/bin/test.sh`) or whose image is not a named builder runs the args
 * as they are. A script spread over several lines is read line by line (parseYamlCi) instead.
 */
function cloudBuildSteps(
  doc: Record<string, unknown>,
  lineOf: (p: (string | number)[]) => number | undefined,
  path: string,
): CiCommand[] {
  const steps = Array.isArray(doc.steps) ? doc.steps : [];
  const out: CiCommand[] = [];
  steps.forEach((step, i) => {
    const st = step as Record<string, unknown> | null;
    if (!st || typeof st !== 'object' || !Array.isArray(st.args)) return;
    const all = st.args.filter((a): a is string | number => typeof a === 'string' || typeof a === 'number').map(String);
    if (all.length === 0 || all.some((a) => a.includes('\n'))) return;
    const image = typeof st.name === 'string' ? st.name : '';
    const builder = /^(?:[\w.-]+\/)*([\w.-]+)(?::[\w.-]+)?$/.exec(image)?.[1];
    const argvFirst = /^\//.test(all[0]!) || /^(?:ba|z|da)?sh$/.test(all[0]!);
    const head =
      typeof st.entrypoint === 'string'
        ? [st.entrypoint]
        : argvFirst || !builder || image.includes('$')
          ? []
          : [builder];
    const line = lineOf(['steps', i, 'args']) ?? lineOf(['steps', i]) ?? 1;
    out.push({
      text: [...head, ...all].map(shellQuote).join(' '),
      kind: 'run',
      path,
      line,
      ...(typeof st.id === 'string' ? { job: st.id } : {}),
    });
  });
  return out;
}

/** One argument as sh reads it back: quoted when it holds spaces or shell characters. */
function shellQuote(a: string): string {
  return /^[\w@%+=:,./${}-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

/**
 * The line of a job's key. The parser gives the line of the job's value (the first line of its
 * body); evidence should point at `deploy:` itself, a line or a few above.
 */
function keyLine(lines: string[], name: string, valueLine: number | undefined): number | undefined {
  if (!valueLine) return undefined;
  const esc = escapeRe(name);
  const re = new RegExp(`^\\s*(?:-\\s*)?(?:job:\\s*|deployment:\\s*)?["']?${esc}["']?\\s*:?`);
  for (let l = valueLine; l >= Math.max(1, valueLine - 3); l--) if (re.test(lines[l - 1] ?? '')) return l;
  return valueLine;
}

/** The nearest non-numeric key of a scalar's path: list items belong to their list's key. */
function lastKey(path: string[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (!/^\d+$/.test(path[i]!)) return path[i];
  return undefined;
}

function splitLines(s: YamlScalar): { text: string; line: number }[] {
  const lines = s.value.split('\n');
  const base = s.block ? s.line + 1 : s.line;
  return lines
    .map((t, i) => ({ text: t.trim(), line: s.block || lines.length > 1 ? base + i : s.line }))
    .filter((l) => l.text && !l.text.startsWith('#'));
}

function jobNames(system: CiSystem, doc: Record<string, unknown>): { name: string; path: (string | number)[] }[] {
  const keysOf = (o: unknown) => (o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(o) : []);
  switch (system) {
    case 'github-actions':
      return keysOf(doc.jobs).map((k) => ({ name: k, path: ['jobs', k] }));
    case 'circleci':
      return [...keysOf(doc.jobs).map((k) => ({ name: k, path: ['jobs', k] })), ...circleciOrbJobs(doc)];
    case 'gitlab-ci':
      return Object.keys(doc)
        .filter((k) => !GITLAB_RESERVED.has(k) && !k.startsWith('.') && doc[k] && typeof doc[k] === 'object')
        .map((k) => ({ name: k, path: [k] }));
    case 'azure-pipelines': {
      const out: { name: string; path: (string | number)[] }[] = [];
      const fromJobs = (jobs: unknown, prefix: (string | number)[]) => {
        if (Array.isArray(jobs))
          jobs.forEach((j, i) => {
            const name = (j as Record<string, unknown>)?.job ?? (j as Record<string, unknown>)?.deployment;
            if (typeof name === 'string') out.push({ name, path: [...prefix, i] });
          });
      };
      fromJobs(doc.jobs, ['jobs']);
      if (Array.isArray(doc.stages))
        doc.stages.forEach((s, i) => fromJobs((s as Record<string, unknown>)?.jobs, ['stages', i, 'jobs']));
      if (out.length === 0 && doc.steps) out.push({ name: 'default', path: ['steps'] });
      return out;
    }
    case 'travis': {
      // Included jobs by name (or stage); the top-level script or language is the default job.
      const out: { name: string; path: (string | number)[] }[] = [];
      for (const key of ['jobs', 'matrix']) {
        const inc = (doc[key] as Record<string, unknown> | undefined)?.include;
        if (Array.isArray(inc))
          inc.forEach((j, i) => {
            out.push({ name: travisJobName(rec(j) ?? {}, i), path: [key, 'include', i] });
          });
      }
      if (doc.script || doc.language || out.length === 0) out.unshift({ name: 'default', path: [] });
      return out;
    }
    case 'woodpecker': {
      // Each step is a job of the workflow (a map of named steps, a list with `name:`, or 1.x's `pipeline:`).
      const key = doc.steps ? 'steps' : doc.pipeline ? 'pipeline' : undefined;
      return key ? namedItems(doc[key], [key], 'name') : [];
    }
    case 'buildkite':
      return Array.isArray(doc.steps) && doc.steps.some((s) => rec(s)?.label || rec(s)?.key)
        ? namedItems(doc.steps, ['steps'], 'label', 'key')
        : doc.steps
          ? [{ name: 'default', path: [] }]
          : [];
    case 'drone':
      // One pipeline per document (`kind: pipeline`, `name: test`).
      return doc.steps ? [{ name: typeof doc.name === 'string' ? doc.name : 'default', path: [] }] : [];
    case 'tekton': {
      // A PipelineRun's (or Pipeline's) tasks, inline (`pipelineSpec`) or in the spec; a Task alone is one job.
      const spec = rec(doc.spec);
      const tasks = rec(spec?.pipelineSpec)?.tasks
        ? ['spec', 'pipelineSpec', 'tasks']
        : spec?.tasks
          ? ['spec', 'tasks']
          : undefined;
      if (tasks) return namedItems(at(doc, tasks), tasks, 'name');
      return spec?.steps ? [{ name: String(rec(doc.metadata)?.name ?? 'default'), path: [] }] : [];
    }
    default:
      return doc.steps || doc.script || doc.phases || doc.pipelines ? [{ name: 'default', path: [] }] : [];
  }
}

/** Jobs of a map (`steps: {test: …}`) by key, or of a list by the first name field an item sets (bounded). */
function namedItems(v: unknown, prefix: string[], ...fields: string[]): { name: string; path: (string | number)[] }[] {
  if (Array.isArray(v))
    return v.slice(0, 200).flatMap((item, i) => {
      const r = rec(item);
      if (!r) return [];
      const name = fields.map((f) => r[f]).find((n) => typeof n === 'string' && n.length > 0);
      return [{ name: typeof name === 'string' ? name.slice(0, 120) : `step ${i + 1}`, path: [...prefix, i] }];
    });
  const r = rec(v);
  return r
    ? Object.keys(r)
        .slice(0, 200)
        .filter((k) => rec(r[k]))
        .map((k) => ({ name: k, path: [...prefix, k] }))
    : [];
}

/**
 * The orb jobs a CircleCI workflow runs (`- ruby-rails/test-rails: {name: test}`): jobs whose steps
 * are written in the orb, not in the file (blind round 39, sdr-api: four orb jobs reported as
 * "0 jobs"). Named as CircleCI shows them, by `name:` or the orb job's reference; a job the
 * workflows list twice is one job.
 */
function circleciOrbJobs(doc: Record<string, unknown>): { name: string; path: (string | number)[] }[] {
  const orbs = rec(doc.orbs) ?? {};
  const own = rec(doc.jobs) ?? {};
  const out: { name: string; path: (string | number)[] }[] = [];
  const seen = new Set<string>();
  for (const [wf, body] of Object.entries(rec(doc.workflows) ?? {})) {
    const list = rec(body)?.jobs;
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      const ref = typeof item === 'string' ? item : rec(item) ? Object.keys(item as object)[0] : undefined;
      const alias = ref && /^([\w-]+)\/[\w-]+$/.exec(ref)?.[1];
      if (!ref || !alias || !(alias in orbs) || ref in own) return;
      const named = rec(rec(item)?.[ref])?.name;
      const name = typeof named === 'string' ? named : ref;
      if (seen.has(name) || out.length >= 200) return;
      seen.add(name);
      out.push({ name, path: ['workflows', wf, 'jobs', i] });
    });
  }
  return out;
}

/** Most scalars GitLab jobs take over from their templates, per file (bounded on a hostile file). */
const INHERITED_SCALARS = 20_000;

/**
 * What GitLab jobs take over from other jobs and hidden templates: `extends: .deploy-common` (a list
 * too, each template's own `extends` first), YAML merge keys (`<<: *deploy-common`, the anchored
 * template found by its value) and `!reference [.setup, script]` items of a script (blind round 39,
 * SwiftPackageIndex-Server: `deploy prod`/`deploy dev` inherit `docker stack deploy` from an anchor).
 * A key the job sets itself, or a later template sets, wins as GitLab merges them. Returns the
 * template scalars each job runs (with the job's name) and the scalars to read only through them: a
 * template's, when some job inherits it, and the `!reference` items themselves.
 */
function gitlabInheritance(
  value: Record<string, unknown>,
  jobKeys: { name: string; path: (string | number)[] }[],
  scalars: YamlScalar[],
): { extra: { scalar: YamlScalar; step: number; job: string }[]; skip: Set<number> } {
  const extra: { scalar: YamlScalar; step: number; job: string }[] = [];
  const skip = new Set<number>();
  const byTop = new Map<string, number[]>();
  scalars.forEach((s, i) => {
    const top = s.path[0];
    if (top === undefined) return;
    const list = byTop.get(top);
    if (list) list.push(i);
    else byTop.set(top, [i]);
  });
  // The top-level key an anchored value was written under (`.deploy-common: &deploy-common`).
  const keys = new Map<unknown, string>();
  for (const [k, v] of Object.entries(value)) if (rec(v) && !keys.has(v)) keys.set(v, k);
  const keyOf = (v: unknown) => keys.get(v);
  /** Templates in merge order, lowest first: `extends` targets (theirs first), then `<<` merges. */
  const sourcesOf = (name: string, depth: number, out: string[]): string[] => {
    const job = rec(value[name]);
    if (!job || depth > 10 || out.length > 50) return out;
    for (const t of [job.extends].flat())
      if (typeof t === 'string' && t !== name && rec(value[t])) {
        sourcesOf(t, depth + 1, out);
        out.push(t);
      }
    // Earlier merge keys win over later ones: later first, so the earlier overrides.
    const merged = [job['<<']].flat().reverse();
    for (const m of merged) {
      const t = keyOf(m);
      if (t && t !== name) {
        sourcesOf(t, depth + 1, out);
        out.push(t);
      }
    }
    return out;
  };
  const inherited = new Set<string>();
  let budget = INHERITED_SCALARS;
  for (const j of jobKeys) {
    const own = rec(value[j.name]);
    if (!own) continue;
    const sources = sourcesOf(j.name, 0, []);
    // The template that gives each key: the job's own keys, then the last template setting it.
    const giver = new Map<string, string>();
    for (const t of sources) for (const k of Object.keys(rec(value[t]) ?? {})) if (k !== '<<') giver.set(k, t);
    for (const k of Object.keys(own)) if (k !== '<<' && k !== 'extends') giver.delete(k);
    for (const t of new Set(giver.values())) {
      inherited.add(t);
      for (const i of byTop.get(t) ?? []) {
        const s = scalars[i]!;
        if (giver.get(s.path[1] ?? '') !== t || budget-- <= 0) continue;
        extra.push({ scalar: s, step: i, job: j.name });
      }
    }
  }
  // `!reference [.setup, script]` in a script: the referenced lines, for the job that holds it.
  const jobs = new Set(jobKeys.map((j) => j.name));
  const refs: { at: number; ref: string[]; job: string }[] = [];
  scalars.forEach((s, i) => {
    const n = s.path.length;
    if (n < 4 || !COMMAND_KEYS.has(s.path[n - 3]!) || !/^\d+$/.test(s.path[n - 2]!)) return;
    const item = at(value, s.path.slice(0, -1));
    if (!Array.isArray(item) || item.length < 2 || !item.every((x): x is string => typeof x === 'string')) return;
    if (!rec(value[item[0]!])) return;
    skip.add(i);
    if (s.path[n - 1] === '0' && jobs.has(s.path[0]!)) refs.push({ at: i, ref: item, job: s.path[0]! });
  });
  for (const { ref, job } of refs) {
    inherited.add(ref[0]!);
    for (const r of byTop.get(ref[0]!) ?? []) {
      const t = scalars[r]!;
      if (ref.every((k, x) => t.path[x] === k) && budget-- > 0) extra.push({ scalar: t, step: r, job });
    }
  }
  // A hidden template runs only in the jobs that take it over.
  for (const t of inherited) if (t.startsWith('.')) for (const i of byTop.get(t) ?? []) skip.add(i);
  return { extra: extra.filter((x) => !refItem(x.scalar, value)), skip };
}

/** A `!reference [template, key]` item of a GitLab script (read as the two-word list it is written as). */
function refItem(s: YamlScalar, value: Record<string, unknown>): boolean {
  const n = s.path.length;
  if (n < 4 || !COMMAND_KEYS.has(s.path[n - 3]!) || !/^\d+$/.test(s.path[n - 2]!)) return false;
  const item = at(value, s.path.slice(0, -1));
  return Array.isArray(item) && item.length >= 2 && typeof item[0] === 'string' && rec(value[item[0]]) !== undefined;
}

/** A Travis job's name as the Travis UI shows it: `name:`, else its stage, else its place in the list. */
export function travisJobName(job: Record<string, unknown>, i: number): string {
  return typeof job.name === 'string' ? job.name : typeof job.stage === 'string' ? job.stage : `include ${i + 1}`;
}

/**
 * Whether a scalar names a deployment environment: `environment: prod` or `environment: {name: prod}`
 * on a GitHub/GitLab job or an Azure deployment job, `deployment: production` on a Bitbucket step.
 * Azure's `environment` on a plain key elsewhere (e.g. a task input) is not a target.
 */
function environmentName(system: CiSystem, path: string[]): boolean {
  const n = path.length;
  const isEnv = (i: number) => path[i] === 'environment';
  if (system === 'bitbucket-pipelines') return path[n - 1] === 'deployment';
  if (!['github-actions', 'gitlab-ci', 'azure-pipelines'].includes(system)) return false;
  if (system === 'azure-pipelines' && path.includes('inputs')) return false;
  if (isEnv(n - 1)) return system !== 'github-actions' || (path[0] === 'jobs' && n === 3);
  if (isEnv(n - 2) && path[n - 1] === 'name') return system !== 'github-actions' || (path[0] === 'jobs' && n === 4);
  return false;
}

/**
 * The environments a manual trigger offers (`workflow_dispatch` input of `type: choice` with options
 * integration/staging/production; blind round 19, link-checker-api deploy.yml:12-20): each option
 * that names an environment, at its own line, given to the job that reads the input (a job that passes
 * `${{ inputs.environment }}` to its deploy), when the input is named for environments or offers two or more.
 */
function dispatchEnvironments(
  value: Record<string, unknown>,
  scalars: YamlScalar[],
  jobOf: (p: string[]) => string | undefined,
  path: string,
): CiEnvironment[] {
  const on = rec(value.on ?? value.true);
  const inputs = rec(rec(on?.workflow_dispatch)?.inputs);
  const out: CiEnvironment[] = [];
  for (const [name, spec] of Object.entries(inputs ?? {})) {
    const s = rec(spec);
    if (s?.type !== 'choice' || !Array.isArray(s.options)) continue;
    const options = scalars.filter(
      (x) =>
        x.path.length === 6 &&
        x.path[0] !== 'jobs' &&
        x.path[2] === 'inputs' &&
        x.path[3] === name &&
        x.path[4] === 'options' &&
        envKind(x.value) !== undefined,
    );
    if (options.length === 0 || (options.length < 2 && !/env|stage|target/i.test(name))) continue;
    const ref = new RegExp(`\\binputs\\.${escapeRe(name)}\\b`);
    const reader = scalars.find((x) => x.path[0] === 'jobs' && lastKey(x.path) !== 'name' && ref.test(x.value));
    const job = reader ? jobOf(reader.path) : undefined;
    for (const o of options)
      out.push({ name: o.value.trim(), path, line: o.line, input: name, ...(job ? { job } : {}) });
  }
  return out;
}

/**
 * An environment's name as written, with an expression evaluated as far as the text allows:
 * `${{ inputs.environment || 'staging' }}` is the literal fallback, `staging` — the expression
 * itself names no environment (blind round 13, otwarchive deploy.yml:18). An expression without a
 * literal fallback stays as written: the job still targets an environment, named at run time.
 */
export function environmentLabel(raw: string): string {
  const v = raw.trim();
  if (!v.includes('${{')) return v;
  const fallback = /\|\|\s*['"]([^'"$]+)['"]\s*\}\}/.exec(v)?.[1];
  return fallback ? v.replace(/\$\{\{[^}]*\}\}/, fallback) : v;
}

/**
 * The environments a GitHub `environment:` expression takes (blind round 28, kitsune
 * build-and-push.yml: `environment: ${{ needs.build.outputs.deployment_env }}`, an output set to
 * `${{ env.DEPLOYMENT_ENV }}`, which a shell step sets per branch with `echo DEPLOYMENT_ENV=stage >>
 * "$GITHUB_ENV"`): the variable is followed through job outputs to the values the workflow assigns
 * it (`NAME=value` in a run step, `NAME: value` in an env map) or the job's literal matrix lists.
 * Only values that name an environment are kept; the rest of the expression is not evaluated.
 */
function computedEnvironments(
  value: Record<string, unknown>,
  scalars: YamlScalar[],
  written: CiEnvironment[],
): CiEnvironment[] {
  const out: CiEnvironment[] = [];
  const jobs = rec(value.jobs) ?? {};
  // Each expression is followed once (jobs repeat one), and at most EXPRESSIONS of them: each reads
  // every scalar of the file, so thousands of jobs each with its own expression were quadratic (4,000: 17 s).
  const followed = new Map<string, Map<string, number | undefined>>();
  for (const e of written) {
    const expr = e.written ?? e.name;
    if (!expr.includes('${{') || envKind(e.name)) continue;
    const ref = /([\w-]+(?:\.[\w-]+)*)\s*\}\}/.exec(expr.slice(0, 300))?.[1];
    if (!ref) continue;
    const key = ref.startsWith('matrix.') ? `${e.job ?? ''} ${ref}` : ref;
    let values = followed.get(key);
    if (!values) {
      if (followed.size >= EXPRESSIONS) continue;
      values = valuesOf(ref, e.job, e.line, jobs, scalars);
      followed.set(key, values);
    }
    for (const [name, line] of values)
      if (envKind(name) && !out.some((x) => x.name === name && x.job === e.job))
        out.push({
          name,
          written: expr,
          path: e.path,
          line: e.line,
          ...(e.job ? { job: e.job } : {}),
          ...(line !== undefined ? { assigned: line } : {}),
        });
  }
  return out;
}

/** Most distinct `environment:` expressions followed in one workflow file. */
const EXPRESSIONS = 20;

/** The values the workflow gives the variable `ref` names, with the line assigning each. */
function valuesOf(
  ref: string,
  job: string | undefined,
  line: number,
  jobs: Record<string, unknown>,
  scalars: YamlScalar[],
): Map<string, number | undefined> {
  const values = new Map<string, number | undefined>();
  if (ref.startsWith('matrix.') && job)
    for (const v of matrixValues(at(jobs, [job, 'strategy', 'matrix']), ref.slice(7)) ?? []) values.set(v, line);
  // The variable and the names job outputs bind it to (`deployment_env: ${{ env.DEPLOYMENT_ENV }}`).
  const names = new Set([ref.slice(ref.lastIndexOf('.') + 1)]);
  for (let hop = 0; hop < 2; hop++)
    for (const j of Object.values(jobs)) {
      for (const [k, v] of Object.entries(rec(rec(j)?.outputs) ?? {}))
        if (names.has(k) && typeof v === 'string') {
          const inner = /([\w-]+)\s*\}\}/.exec(v.slice(0, 300))?.[1];
          if (inner && names.size < 6) names.add(inner);
        }
    }
  const assigns = [...names].map((name) => new RegExp(`(?:^|[^\\w$])${name}=["']?([A-Za-z][\\w.-]{0,40})`));
  for (const s of scalars) {
    const key = lastKey(s.path);
    if (key && names.has(key) && !s.value.includes('$')) values.set(s.value.trim(), s.line);
    if (!s.value.includes('=')) continue;
    for (const l of splitLines(s))
      for (const re of assigns) {
        const m = re.exec(l.text.slice(0, 500));
        if (m && !values.has(m[1]!)) values.set(m[1]!, l.line);
      }
  }
  return values;
}

/** Names of production and pre-production environments, as teams spell them. */
export const PROD_ENV = /^(?:prod|production|prd|live)$/i;
export const PREPROD_ENV =
  /^(?:staging|stage|stag|stg|preprod|pre-prod|preproduction|uat|qa|nonprod|non-prod|sandbox|canary|int|integration|acceptance|acc|test|testing|tst)$/i;
export const DEV_ENV = /^(?:dev|develop|development|local)$/i;
const WEAK_ENV = /^local$/i;

/** Classify an environment name, also when it is decorated (`prod-eu`, `aws-staging`, `Production (EU)`). */
export function envKind(name: string): 'prod' | 'preprod' | 'dev' | undefined {
  // `non-prod` and `pre-prod` are pre-production, though they contain the token `prod`.
  const tokens = name
    .replace(/(?:non|pre)[-_ ]?prod(?:uction)?/gi, 'nonprod')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  // `local` is an everyday word: as one word of several (`local_user`, `sticky_local`,
  // `local_image`) it names no environment (blind round 4, lemmy: crates db_views/local_user/ and
  // local_image/ read as development environments). Alone it still does (`local/`).
  const strong = tokens.length === 1 ? tokens : tokens.filter((t) => !WEAK_ENV.test(t));
  if (strong.some((t) => PROD_ENV.test(t))) return 'prod';
  if (strong.some((t) => PREPROD_ENV.test(t))) return 'preprod';
  if (strong.some((t) => DEV_ENV.test(t))) return 'dev';
  return undefined;
}

/** An environment named for an approval step (`approve-release`, `manual-gate`, `sign-off`). */
const APPROVAL_ENV = /(?:^|[^a-z])(?:approv\w*|gates?|manual|sign[-_ ]?off|reviews?)(?:[^a-z]|$)/i;

/**
 * What a CI environment is, one decision for environments and continuous-deployment: a
 * production, pre-production or development environment (envKind), or an approval gate — a
 * GitHub/GitLab environment whose name says someone approves the job before it runs
 * (`environment: approve-release`): a gate in front of a release, not a separate environment.
 */
export function ciEnvironmentRole(name: string): 'prod' | 'preprod' | 'dev' | 'gate' | undefined {
  return envKind(name) ?? (APPROVAL_ENV.test(name) ? 'gate' : undefined);
}

/**
 * A GitHub Actions workflow that runs only when someone starts it by hand (`on: workflow_dispatch`
 * and nothing else): what it runs is available, not part of CI (issue 15: a Semgrep scan there
 * was taken for CI scanning).
 */
export function manualOnly(f: CiFile): boolean {
  if (f.system !== 'github-actions' || !f.ok) return false;
  const triggers = workflowTriggers(f);
  return triggers.length > 0 && triggers.every((t) => t === 'workflow_dispatch');
}

/** The events a GitHub Actions workflow's `on:` names (string, list or map form). */
export function workflowTriggers(f: CiFile): string[] {
  const doc = f.docs[0];
  if (!doc || typeof doc !== 'object') return [];
  // YAML 1.1 reads a bare `on:` key as the boolean true.
  const on = (doc as Record<string, unknown>).on ?? (doc as Record<string, unknown>).true;
  return typeof on === 'string'
    ? [on]
    : Array.isArray(on)
      ? on.map(String)
      : on && typeof on === 'object'
        ? Object.keys(on)
        : [];
}
