/**
 * CI configuration, parsed once per audit: which systems, which files, which jobs, and every
 * shell command or action a job runs, each with its file and line. Rules ask questions of this
 * model ("does any job run tests?") instead of grepping workflow files themselves.
 */
import type { FileIndex } from '../../src/walk/file-index.js';
import { basename } from '../../src/walk/glob.js';
import { memo } from './memo.js';
import { parseYamlWithLines, type YamlScalar } from './yaml-lines.js';

export type CiSystem =
  | 'github-actions' | 'gitlab-ci' | 'azure-pipelines' | 'circleci' | 'jenkins' | 'travis'
  | 'bitbucket-pipelines' | 'cloud-build' | 'buildkite' | 'drone' | 'codebuild' | 'woodpecker' | 'appveyor';

export const CI_FILES: { system: CiSystem; globs: string[] }[] = [
  { system: 'github-actions', globs: ['.github/workflows/*.yml', '.github/workflows/*.yaml'] },
  { system: 'gitlab-ci', globs: ['.gitlab-ci.yml', '.gitlab-ci.yaml', '.gitlab/ci/**/*.yml', '**/*.gitlab-ci.yml'] },
  { system: 'azure-pipelines', globs: ['azure-pipelines*.yml', 'azure-pipelines*.yaml', '.azure-pipelines/**/*.yml', '.azure-pipelines/**/*.yaml', '.azuredevops/**/*.yml', '.pipelines/**/*.yml'] },
  { system: 'circleci', globs: ['.circleci/config.yml', '.circleci/config.yaml'] },
  { system: 'jenkins', globs: ['**/Jenkinsfile', '**/Jenkinsfile.*', '**/*.jenkinsfile'] },
  { system: 'travis', globs: ['.travis.yml'] },
  { system: 'bitbucket-pipelines', globs: ['bitbucket-pipelines.yml'] },
  { system: 'cloud-build', globs: ['**/cloudbuild*.yaml', '**/cloudbuild*.yml'] },
  { system: 'buildkite', globs: ['.buildkite/*.yml', '.buildkite/*.yaml'] },
  { system: 'drone', globs: ['.drone.yml', '.drone.yaml'] },
  { system: 'codebuild', globs: ['**/buildspec*.yml', '**/buildspec*.yaml'] },
  { system: 'woodpecker', globs: ['.woodpecker.yml', '.woodpecker/*.yml'] },
  { system: 'appveyor', globs: ['appveyor.yml', '.appveyor.yml'] },
];

export const CI_GLOBS = CI_FILES.flatMap((c) => c.globs);

export interface CiCommand {
  /** One line of shell, or an action/task reference (`uses:`, `task:`, `orb`). */
  text: string;
  kind: 'run' | 'uses';
  path: string;
  line: number;
  job?: string;
}

export interface CiFile {
  system: CiSystem;
  path: string;
  ok: boolean;
  error?: string;
  jobs: { name: string; line?: number }[];
  commands: CiCommand[];
  /** The parsed document(s), for rules that need more (environments, triggers). */
  docs: unknown[];
}

const COMMAND_KEYS = new Set([
  'run', 'script', 'before_script', 'after_script', 'command', 'commands', 'cmd', 'bash', 'pwsh', 'powershell',
  'inlineScript', 'args', 'install', 'before_install', 'after_success', 'deploy', 'entrypoint', 'steps',
]);
const USES_KEYS = new Set(['uses', 'task', 'orb', 'template', 'pipe', 'plugins']);
const GITLAB_RESERVED = new Set(['stages', 'variables', 'include', 'default', 'workflow', 'image', 'services', 'before_script', 'after_script', 'cache', 'pages']);

export function ciFiles(files: FileIndex): CiFile[] {
  return memo(files, 'ci', () => {
    const out: CiFile[] = [];
    const seen = new Set<string>();
    for (const { system, globs } of CI_FILES) {
      for (const path of files.match(globs)) {
        if (seen.has(path)) continue;
        seen.add(path);
        out.push(system === 'jenkins' ? parseJenkinsfile(files, path) : parseYamlCi(files, system, path));
      }
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
  });
}

function parseYamlCi(files: FileIndex, system: CiSystem, path: string): CiFile {
  const text = files.read(path);
  if (text === undefined) return { system, path, ok: false, error: 'unreadable', jobs: [], commands: [], docs: [] };
  const parsed = parseYamlWithLines(text);
  if (parsed.error) return { system, path, ok: false, error: `${path}: ${parsed.error}`, jobs: [], commands: [], docs: [] };
  const commands: CiCommand[] = [];
  const jobs: CiFile['jobs'] = [];
  for (const doc of parsed.docs) {
    const value = doc.value as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') continue;
    const jobKeys = jobNames(system, value);
    for (const j of jobKeys) jobs.push({ name: j.name, ...(doc.lineOf(j.path) ? { line: doc.lineOf(j.path)! } : {}) });
    for (const s of doc.scalars) {
      const job = jobFor(system, s.path);
      const key = lastKey(s.path);
      if (key && USES_KEYS.has(key)) {
        commands.push({ text: s.value.trim(), kind: 'uses', path, line: s.line, ...(job ? { job } : {}) });
      } else if (key && COMMAND_KEYS.has(key)) {
        splitLines(s).forEach(({ text: t, line }) => commands.push({ text: t, kind: 'run', path, line, ...(job ? { job } : {}) }));
      }
    }
  }
  return { system, path, ok: true, jobs, commands, docs: parsed.docs.map((d) => d.value) };
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
      return keysOf(doc.jobs).map((k) => ({ name: k, path: ['jobs', k] }));
    case 'gitlab-ci':
      return Object.keys(doc)
        .filter((k) => !GITLAB_RESERVED.has(k) && !k.startsWith('.') && doc[k] && typeof doc[k] === 'object')
        .map((k) => ({ name: k, path: [k] }));
    case 'azure-pipelines': {
      const out: { name: string; path: (string | number)[] }[] = [];
      const fromJobs = (jobs: unknown, prefix: (string | number)[]) => {
        if (Array.isArray(jobs)) jobs.forEach((j, i) => {
          const name = (j as Record<string, unknown>)?.job ?? (j as Record<string, unknown>)?.deployment;
          if (typeof name === 'string') out.push({ name, path: [...prefix, i] });
        });
      };
      fromJobs(doc.jobs, ['jobs']);
      if (Array.isArray(doc.stages)) doc.stages.forEach((s, i) => fromJobs((s as Record<string, unknown>)?.jobs, ['stages', i, 'jobs']));
      if (out.length === 0 && doc.steps) out.push({ name: 'default', path: ['steps'] });
      return out;
    }
    default:
      return doc.steps || doc.script || doc.phases || doc.pipelines ? [{ name: 'default', path: [] }] : [];
  }
}

function jobFor(system: CiSystem, path: string[]): string | undefined {
  if ((system === 'github-actions' || system === 'circleci') && path[0] === 'jobs') return path[1];
  if (system === 'gitlab-ci' && path.length > 1 && !GITLAB_RESERVED.has(path[0]!)) return path[0];
  return undefined;
}

/** Jenkinsfile: `sh`/`bat`/`powershell` steps (single, double or triple quoted), stages as jobs. */
function parseJenkinsfile(files: FileIndex, path: string): CiFile {
  const text = files.read(path);
  if (text === undefined) return { system: 'jenkins', path, ok: false, error: 'unreadable', jobs: [], commands: [], docs: [] };
  const lines = text.split(/\r?\n/);
  const commands: CiCommand[] = [];
  const jobs: CiFile['jobs'] = [];
  let stage: string | undefined;
  let block: { quote: string; line: number } | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (block) {
      if (line.includes(block.quote)) block = undefined;
      else if (line) commands.push({ text: line, kind: 'run', path, line: i + 1, ...(stage ? { job: stage } : {}) });
      return;
    }
    const st = /\bstage\s*\(\s*['"]([^'"]+)['"]/.exec(line);
    if (st) {
      stage = st[1]!;
      jobs.push({ name: stage, line: i + 1 });
    }
    const triple = /\b(sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?('''|""")(.*)$/.exec(line);
    if (triple) {
      const rest = triple[3]!;
      if (rest.includes(triple[2]!)) commands.push({ text: rest.slice(0, rest.indexOf(triple[2]!)).trim(), kind: 'run', path, line: i + 1, ...(stage ? { job: stage } : {}) });
      else {
        if (rest.trim()) commands.push({ text: rest.trim(), kind: 'run', path, line: i + 1, ...(stage ? { job: stage } : {}) });
        block = { quote: triple[2]!, line: i + 1 };
      }
      return;
    }
    const single = /\b(sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?(['"])(.*?)\2/.exec(line);
    if (single) commands.push({ text: single[3]!.trim(), kind: 'run', path, line: i + 1, ...(stage ? { job: stage } : {}) });
  });
  if (jobs.length === 0 && /\bpipeline\s*\{|\bnode\s*[({]/.test(text)) jobs.push({ name: basename(path), line: 1 });
  return { system: 'jenkins', path, ok: true, jobs, commands, docs: [] };
}

/** Shell commands that run a test suite, across ecosystems. */
export const TEST_COMMAND =
  /\b(?:(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:test|tests|test:[\w:-]+|coverage|ci)\b|npx\s+(?:jest|vitest|mocha|ava|playwright\s+test|cypress\s+run)|(?:jest|vitest|mocha|ava)(?:\s+run)?(?:\s|$)|pytest\b|py\.test\b|python3?\s+-m\s+(?:pytest|unittest)|(?:tox|nox)(?:\s|$)|hatch\s+(?:run\s+)?test|poetry\s+run\s+(?:pytest|python\s+-m\s+pytest)|uv\s+run\s+pytest|go\s+test\b|gotestsum\b|\.?\/?mvnw?\s+(?:[^|;&]*\s)?(?:test|verify|install)\b|\.?\/?gradlew?\s+(?:[^|;&]*\s)?(?:test|check|build)\b|dotnet\s+test\b|cargo\s+(?:test|nextest)\b|bundle\s+exec\s+(?:rspec|rake(?:\s+test|\s+spec)?)(?:\s|$)|rspec(?:\s|$)|(?:vendor\/bin\/)?phpunit\b|(?:vendor\/bin\/)?pest\b|make\s+(?:test|check|tests|unit-test|test-\w+)\b|ctest\b|deno\s+test\b|rails\s+test\b|mix\s+test\b|(?:pnpm|yarn|npm)\s+(?:(?:-r|--recursive|-w|--workspaces|--filter\s+\S+|--if-present|workspaces\s+(?:foreach\s+(?:-\S+\s+)*)?(?:run\s+)?)\s*)+(?:run\s+)?test\b|turbo\s+(?:run\s+)?test\b|nx\s+(?:run-many|affected)\b[^|;&]*\btest\b|bazel\s+test\b|sbt\s+(?:[^|;&]*\s)?"?test\b|php\s+artisan\s+test\b|swift\s+test\b|flutter\s+test\b|coverage\s+run\b[^|;&]*\s-m\s+(?:pytest|unittest)\b)/;

/** Shell commands or actions that build an artefact. */
export const BUILD_COMMAND =
  /\b(?:(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?build\b|npm\s+ci\b|tsc\b|go\s+(?:build|install)\b|goreleaser\b|\.?\/?mvnw?\s+(?:[^|;&]*\s)?(?:package|install|verify|compile)\b|\.?\/?gradlew?\s+(?:[^|;&]*\s)?(?:build|assemble|bootJar|jar|shadowJar)\b|dotnet\s+(?:build|publish)\b|cargo\s+build\b|docker\s+(?:build|buildx|compose\s+build)\b|python3?\s+-m\s+build\b|poetry\s+build\b|uv\s+build\b|hatch\s+build\b|make(?:\s|$)|bazel\s+build\b|docker\/build-push-action|bundle\s+(?:install|exec\s+rake\s+build)|composer\s+install\b)/;

export function commandsMatching(ci: CiFile[], re: RegExp): CiCommand[] {
  return ci.flatMap((f) => f.commands.filter((c) => re.test(c.text)));
}
