/**
 * Digests the facts take from files the scan reads anyway (Digest.alongside): a fact that looked
 * for a word in every file of a kind read each of them a second time, before the scan or after it
 * had read and dropped it (at 10k generated files: 703 YAML files for the Azure check, 396 for the
 * Java agents, 181 shell scripts for Mocha; docs/performance.md). Each keeps only what its fact
 * reads of a file, usually nothing. The Azure check asks after the scan now (facts/index.ts).
 * Small on purpose: the scan's worker threads load this module (scan/portable.ts).
 */
import type { Digest } from '../types.js';
import { lineAt } from '../util/lines.js';

/** Where a `-javaagent:` flag can be written besides a Dockerfile (java-agents.ts reads the rest). */
export const JAVA_AGENT_FILES = ['**/Procfile', '**/*.{yml,yaml,tpl,sh,env,properties}'];
const FLAG = '-javaagent:';
/** Flags read per file. */
export const MAX_FLAGS = 20;
/** Where an agent path ends: whitespace, a quote, the JSON array's comma or bracket, `=options`. */
const PATH_END = /[\s"',\]=;]/;

/** One `-javaagent:` flag as written: the agent's path, its line and the line's trimmed text. */
export interface AgentFlag {
  agentPath: string;
  line: number;
  snippet: string;
}

/** The first MAX_FLAGS `-javaagent:` flags of a text, in order; undefined when it has none. */
export function agentFlags(text: string): AgentFlag[] | undefined {
  if (!text.includes(FLAG)) return undefined;
  const out: AgentFlag[] = [];
  let from = 0;
  // The line of `counted`, moved forward from flag to flag (linear in the text).
  let line = 1;
  let counted = 0;
  for (let k = 0; k < MAX_FLAGS; k++) {
    const at = text.indexOf(FLAG, from);
    if (at < 0) break;
    let end = at + FLAG.length;
    while (end < text.length && end - at < 400 && !PATH_END.test(text[end]!)) end++;
    from = end;
    for (let i = text.indexOf('\n', counted); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
    counted = at;
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const stop = text.indexOf('\n', at);
    const raw = text.slice(start, stop < 0 ? text.length : stop);
    out.push({
      agentPath: text.slice(at + FLAG.length, end).replace(/^\$\{?\w+\}?\/?/, ''),
      line,
      snippet: (raw.endsWith('\r') ? raw.slice(0, -1) : raw).trim(),
    });
  }
  return out;
}

export const JAVA_AGENT_FLAGS: Digest<AgentFlag[] | undefined> = {
  key: 'java-agents:flags',
  files: JAVA_AGENT_FILES,
  alongside: true,
  of: (_path, text) => agentFlags(text),
};

/** A test script longer than this is data, not a script that runs Mocha. */
export const MAX_TEST_SCRIPT = 64 * 1024;
/** Longer lines are left out (mochaArgs reads loops with a lazy pattern, quadratic in one line's length). */
const MAX_SCRIPT_LINE = 500;

/** The lines of a shell script that run Mocha (each at most 500 characters), joined; undefined when none. */
export function mochaLines(text: string): string | undefined {
  if (!text || text.length > MAX_TEST_SCRIPT || !text.includes('mocha')) return undefined;
  const lines = text.split('\n').filter((l) => l.includes('mocha') && l.length <= MAX_SCRIPT_LINE);
  return lines.length ? lines.join('\n') : undefined;
}

export const MOCHA_LINES: Digest<string | undefined> = {
  key: 'tests:mocha-lines',
  files: ['**/*.sh', '**/*.bash'],
  alongside: true,
  of: (_path, text) => mochaLines(text),
};

/**
 * Azure DevOps lets a pipeline live at any path (`.devops/deploy-pipelines.yml`, `pipelines/infra-ci.yml`,
 * `build/ci.yml`): only the default name is in CI_FILES (blind round 26, helpdesk-service: `.devops/*-pipelines.yml`
 * unseen, so "Tests are not run in CI"). Every YAML file is a candidate, outside vendored, example and
 * test-data trees; its content decides (azurePipelineContent).
 */
export const AZURE_CANDIDATE_GLOBS = ['**/*.yml', '**/*.yaml'];

/** A pipeline definition is small; a bigger YAML file is data. */
const MAX_PIPELINE_BYTES = 512 * 1024;

const AZURE_STRUCTURE = /^(?:stages|jobs|steps):/m;
/** `extends: {template: …}`: the whole pipeline is a template (often of another repository) given parameters. */
const AZURE_EXTENDS = /^extends:[ \t]*\r?\n[ \t]+template:/m;
// `resources: {repositories|pipelines|containers: …}` at the top level is Azure's own syntax.
const AZURE_TRIGGER = /^(?:trigger|pr|schedules):|^resources:[ \t]*\r?\n[ \t]+(?:repositories|pipelines|containers):/m;
// `- task: Gradle@3`, `- script:`/`- bash:`/`- pwsh:` steps, `- template:`, `vmImage:` of a hosted pool, a top-level `pool:`.
// Blanks are `[ \t]`, never `\s`: under `m`, `^\s*` from every line start ran across all the blank lines
// that follow (quadratic: 80k blank lines 15 s).
const AZURE_STEP =
  /^[ \t]*-[ \t]+task:[ \t]*[\w.-]+@\d+[ \t]*$|^[ \t]*-[ \t]+(?:script|bash|pwsh|powershell|checkout|template):[ \t\n]|^[ \t]*vmImage:[ \t\n]|^pool:[ \t\n]/m;
const AZURE_TASK = /^[ \t]*-[ \t]+task:[ \t]*[\w.-]+@\d+[ \t]*$|^[ \t]*vmImage:[ \t\n]/m;
// A GitHub workflow (`on:`), a Kubernetes manifest, a Compose file, GitLab CI (`include:`, `image:`).
const NOT_AZURE = /^(?:on|"on"|'on'|apiVersion|kind|services|include|image|version|workflow|default):/m;

/**
 * Whether a YAML text is an Azure Pipelines definition: a top-level `stages:`/`jobs:`/`steps:`,
 * Azure step syntax, and either a top-level `trigger:`/`pr:`/`schedules:`/`resources:` or a
 * `- task: Name@N` (a template has no trigger); or a pipeline that `extends:` a template and has a
 * trigger or resources; never a GitHub workflow, a manifest, a Compose or GitLab file.
 */
export function azurePipelineContent(text: string): boolean {
  if (NOT_AZURE.test(text)) return false;
  if (AZURE_EXTENDS.test(text) && AZURE_TRIGGER.test(text)) return true;
  if (!AZURE_STRUCTURE.test(text) || !AZURE_STEP.test(text)) return false;
  return AZURE_TRIGGER.test(text) || AZURE_TASK.test(text);
}

/**
 * Whether a candidate YAML file is an Azure pipeline, judged from a text that is not kept: every YAML
 * file of a tree is a candidate, and FileView.read would hold each text to the end of the audit (7,143
 * files, 10.5 M characters, of the generated 100k tree: peak RSS 200 -> 182-192 MiB, 300k 358-389 ->
 * 298-304; docs/performance.md, twenty-third session). Taken by the scan, which reads every YAML file
 * for the Kubernetes digest: the command graph (ci.ts: ciFiles) asks after the scan. A pipeline found
 * is read again by parseYamlCi, which keeps it as before.
 */
export const AZURE_PIPELINE: Digest<boolean> = {
  key: 'ci:azure-pipeline',
  files: AZURE_CANDIDATE_GLOBS,
  alongside: true,
  of: (_path, text) => text.length <= MAX_PIPELINE_BYTES && azurePipelineContent(text),
};

/** `'use client'` as a module's first statement (comments and blank lines may come before it). */
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*(?:[^*]|\*(?!\/))*\*\/)*['"]use client['"]/;

/** A React Server Components client module: it runs in the page (component.ts). */
export function useClientModule(text: string): boolean {
  return text.includes('use client') && USE_CLIENT.test(text.slice(0, 2000));
}

/**
 * Whether a JavaScript-family module is a client module, taken as the scan reads it: the component
 * classifier asks for every server-side module a rule looks at, and reading each again after the
 * scan dropped it cost a second read per file (the read-once test).
 */
export const USE_CLIENT_MODULE: Digest<boolean> = {
  key: 'component:use-client',
  files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts,vue,svelte,astro}'],
  alongside: true,
  of: (_path, text) => useClientModule(text),
};

/** YAML/JSON files looked at for an AWS SAM template: the root and one folder down (serverless-app.ts). */
export const SAM_GLOBS = ['*.yml', '*.yaml', '*.json', '*/*.yml', '*/*.yaml', '*/template.json'];

/**
 * Whether a candidate file names a SAM resource (`AWS::Serverless`), taken as the scan reads it:
 * every YAML and JSON file at the root and one folder down is a candidate, and reading each again
 * after the scan dropped it (a Kubernetes manifest in k8s/) was a second read (the read-once test).
 */
export const SAM_MENTION: Digest<boolean> = {
  key: 'serverless:sam-mention',
  files: SAM_GLOBS,
  alongside: true,
  of: (_path, text) => text.includes('AWS::Serverless'),
};

/** Serverless Framework service files (serverless-app.ts, runtime.ts, the IaC rule). */
export const SERVERLESS_GLOBS = ['**/serverless.yml', '**/serverless.yaml', '**/serverless.ts'];
/** Service files are read up to here for their functions. */
const MAX_SERVICE = 500_000;

/**
 * Whether a `serverless.yml`/`serverless.ts` is a Serverless Framework service: it names a
 * `service` and a `provider`. The file name alone is no evidence: `src/api/serverless.ts` in an app
 * is an API client for a "serverless functions" feature (blind round 16, mx-space/core).
 */
export function isServerlessService(path: string, text: string): boolean {
  if (/\.ya?ml$/.test(path)) return /^service\s*:/m.test(text) && /^provider\s*:/m.test(text);
  return /(?:^|[\s{,])service\s*:/m.test(text) && /(?:^|[\s{,])provider\s*:\s*\{/m.test(text);
}

/** What the facts read of a Serverless Framework service: its `functions:` line, handlers and HTTP events. */
export interface ServerlessService {
  /** The `functions:` line; absent when the service declares none at the top level. */
  functionsLine?: number;
  /** `handler:` keys, at most 1000. */
  handlers: number;
  http: boolean;
  /** The first `memorySize:` line (resource-limits), its text trimmed to 120 characters. */
  memory?: { line: number; text: string };
  /** The line of `provider: timeout:`, which stops every function after it (timeouts). */
  timeoutLine?: number;
}

/** The 1-based line of a `timeout:` key inside the top-level `provider:` block (400 lines at most). */
function providerTimeout(text: string): number | undefined {
  const lines = text.split('\n', 20_000);
  const at = lines.findIndex((l) => /^provider[ \t]*:/.test(l));
  if (at < 0) return undefined;
  for (let j = at + 1; j < Math.min(lines.length, at + 400); j++) {
    const l = lines[j]!;
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    if (!/^[ \t]/.test(l)) return undefined;
    if (/^[ \t]+timeout[ \t]*:[ \t]*\S/.test(l)) return j + 1;
  }
  return undefined;
}

/** The service a file declares; undefined when it is no Serverless Framework service. */
export function serverlessService(path: string, text: string): ServerlessService | undefined {
  if (!isServerlessService(path, text)) return undefined;
  const t = text.slice(0, MAX_SERVICE);
  const fn = /^functions[ \t]*:/m.exec(t);
  let handlers = 0;
  for (const re = /^[ \t]+handler[ \t]*:/gm; handlers < 1000 && re.exec(t); ) handlers++;
  const memory = /^[ \t]*memorySize[ \t]*:[ \t]*\S.*$/m.exec(t.slice(0, 200_000));
  return {
    functionsLine: fn ? lineAt(t, fn.index) : undefined,
    handlers,
    http: /^[ \t]*-[ \t]*(?:http|httpApi|alb)[ \t]*:|^[ \t]+url[ \t]*:/m.test(t),
    memory: memory ? { line: lineAt(t, memory.index), text: memory[0].trim().slice(0, 120) } : undefined,
    timeoutLine: providerTimeout(t),
  };
}

/**
 * The Serverless Framework service of a `serverless.yml`, taken as the scan reads it: the runtime
 * fact, the serverless application and the IaC rule each read every service file again after the
 * scan dropped it (the read-once test).
 */
export const SERVERLESS_SERVICE: Digest<ServerlessService | undefined> = {
  key: 'serverless:service',
  files: SERVERLESS_GLOBS,
  alongside: true,
  of: serverlessService,
};

/** Whether an `app.py` is an AWS Chalice app, and whether it routes HTTP requests. */
export interface ChaliceApp {
  routes: boolean;
}

/** The `app.py` beside a `.chalice/` folder, taken as the scan reads it (serverless-app.ts read it again). */
export const CHALICE_APP: Digest<ChaliceApp | undefined> = {
  key: 'serverless:chalice-app',
  files: ['app.py', '*/app.py'],
  alongside: true,
  of: (_path, text) => {
    const t = text.slice(0, MAX_SERVICE);
    return /\bChalice[ \t]*\(/.test(t) ? { routes: /@app\.route\(/.test(t) } : undefined;
  },
};

/** Jsonnet text read for a Kubernetes object (jsonnet.ts), per file. */
const MAX_JSONNET = 200_000;
const JSONNET_KIND = /^[ \t]*kind:[ \t]*['"]([A-Z]\w{0,60})['"]/m;
const JSONNET_API_VERSION = /^[ \t]*apiVersion:[ \t]*['"][\w./-]{1,100}['"]/m;
const JSONNET_CONSTRUCTOR = /\.(?:deployment|statefulSet|daemonSet|service|cronJob|job|ingress)\.new\s*\(/;

/** The Kubernetes object a Jsonnet file declares: its kind (`kind: 'Deployment'`), or a k8s-libsonnet constructor. */
export interface JsonnetObject {
  line: number;
  kind?: string;
}

/**
 * The first Kubernetes object of a `.jsonnet`/`.libsonnet` file. A digest, so that the up to 300
 * files jsonnet.ts looks at are not kept whole for the audit's lifetime (FileIndex.read keeps a text).
 */
export const JSONNET_OBJECT: Digest<JsonnetObject | undefined> = {
  key: 'jsonnet:object',
  files: ['**/*.jsonnet', '**/*.libsonnet'],
  alongside: true,
  of: (_path, whole) => {
    const text = whole.slice(0, MAX_JSONNET);
    const kind = JSONNET_API_VERSION.test(text) ? JSONNET_KIND.exec(text) : null;
    if (kind) return { line: lineAt(text, kind.index + kind[0].indexOf('kind')), kind: kind[1] };
    const call = JSONNET_CONSTRUCTOR.exec(text);
    return call ? { line: lineAt(text, call.index) } : undefined;
  },
};

/** Whether a `spec.json` is a Tanka environment's (jsonnet.ts), without keeping its text. */
export const TANKA_SPEC: Digest<boolean> = {
  key: 'jsonnet:tanka-spec',
  files: ['**/spec.json'],
  alongside: true,
  of: (_path, text) => /"apiVersion"\s*:\s*"tanka\.dev\//.test(text.slice(0, 20_000)),
};

/** The facts' digests the scan takes whatever rules run (engine/audit.ts: scanPlan). */
export const FACT_DIGESTS: readonly Digest<unknown>[] = [
  AZURE_PIPELINE as Digest<unknown>,
  JAVA_AGENT_FLAGS as Digest<unknown>,
  MOCHA_LINES as Digest<unknown>,
  USE_CLIENT_MODULE as Digest<unknown>,
  SAM_MENTION as Digest<unknown>,
  SERVERLESS_SERVICE as Digest<unknown>,
  CHALICE_APP as Digest<unknown>,
  JSONNET_OBJECT as Digest<unknown>,
  TANKA_SPEC as Digest<unknown>,
];
