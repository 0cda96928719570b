/**
 * What runs this service, decided once for every rule that asks (orchestration, resource limits,
 * health checks): Kubernetes workloads, compose services built here, ECS containers, Nomad jobs,
 * systemd units a package installs, and platform files (Procfile, fly.toml, render.yaml…).
 * Rules differ in what they ask of a target, never in which targets exist (round 0 class P:
 * orchestration passed on a Procfile while resource limits said "no orchestration").
 */
import type { Digest, Evidence, FileView } from '../types.js';
import { SAM_MENTION, SERVERLESS_GLOBS, SERVERLESS_SERVICE } from './alongside.js';
import { memo } from '../util/memo.js';
import { makeRecipe } from './commands/make.js';
import { composeWorkloads, declaredNames, deployments } from './deploy.js';
import { imageRepo, ownNamed, readmeText } from './deploy-images.js';
import { pulumi, terraformWorkloads } from './pulumi.js';
import { DO_APP_GLOBS, isDoAppSpec } from './do-app.js';
import { dependencyChartWorkloads } from './chart-values.js';
import { frameworkWorkloads } from './framework-manifests.js';
import { kamalWorkloads } from './kamal.js';
import { k8s, type Workload } from './k8s.js';
import { dirOf, isProductionPath } from './paths.js';
import { resourcesOf, terraform } from './terraform.js';
import { WRANGLER_GLOBS, isWorkerConfig } from './workers.js';
import { netlifyRunsServer } from './netlify.js';
import { SAM_GLOBS, isSamTemplate, isServerlessService } from './serverless-app.js';

export { isServerlessService };

/** Platforms recognised by a file of their own (and, where a name is common, by its content). */
export const PLATFORM_FILES: {
  system: string;
  globs: string[];
  content?: (path: string, text: string, files: FileView) => boolean;
  /** A digest the scan takes of each candidate: a file it says nothing (false, undefined) of is left out. */
  mentions?: Digest<unknown>;
  /** Which of several such files to cite first (lower first): the one that says most of the service. */
  rank?: (path: string, text: string) => number;
}[] = [
  { system: 'Fly.io', globs: ['**/fly.toml'] },
  // Vercel, a managed platform: the project's vercel.json (build command, functions, crons) is its
  // deployment configuration (blind round 45: a Next.js app's vercel.json was "no PaaS target").
  // A documentation or storybook site's is not the service's; of several, the one that declares
  // server work (functions, crons, a migration in its build) is cited first.
  {
    system: 'Vercel',
    globs: ['**/vercel.json'],
    content: (path, text) => !VERCEL_DOCS.test(path) && !VERCEL_DOCS_TEXT.test(text),
    rank: (_p, text) => (/"(?:functions|crons)"\s*:|\b(?:migrate|db:deploy|db:migrate)\b/.test(text) ? 0 : 1),
  },
  // Netlify, where it runs the app's server code: functions, or a server-rendered build (`nuxt build`,
  // `next build`, deployed as functions). A static site it publishes is not the service (blind round 47).
  {
    system: 'Netlify',
    globs: ['netlify.toml', '*/netlify.toml'],
    content: (path, text, files) => netlifyRunsServer(files, path, text),
  },
  { system: 'Azure Developer CLI', globs: ['azure.yaml', '**/azure.yaml'] },
  { system: 'Render', globs: ['**/render.yaml'] },
  // Heroku: the root Procfile (unless a local process list, localProcfile), heroku.yml, an app.json
  // app manifest (buildpacks, formation, stack, addons), and in a monorepo a component folder's
  // Procfile beside such Heroku evidence (blind round 49: backend/Procfile and frontend/app.json
  // were "no PaaS described").
  {
    system: 'Heroku',
    globs: ['Procfile', 'heroku.yml', '*/heroku.yml', 'app.json', '*/app.json', '*/Procfile'],
    content: (path, text, files) =>
      path === 'Procfile'
        ? true
        : path.endsWith('heroku.yml')
          ? /^(?:build|run|release|setup)[ \t]*:/m.test(text)
          : path.endsWith('app.json')
            ? herokuManifest(text)
            : herokuEvidence(files) && procfileRunsApp(text),
    rank: (path) => (path === 'Procfile' ? 0 : path.endsWith('Procfile') ? 1 : path.endsWith('heroku.yml') ? 2 : 3),
  },
  { system: 'Railway', globs: ['**/railway.json', '**/railway.toml'] },
  { system: 'AWS App Runner', globs: ['**/apprunner.yaml', '**/apprunner.yml'] },
  // An application bundle may sit in a folder of its own (aws-beanstalk/ebapp/Dockerrun.aws.json).
  {
    system: 'Elastic Beanstalk',
    globs: ['**/Dockerrun.aws.json', '**/.ebextensions/*.config', '**/.elasticbeanstalk/config.yml'],
  },
  // An App Platform spec is named `spec.yaml` or sits in `.do/`: recognised by its content.
  { system: 'DigitalOcean App Platform', globs: DO_APP_GLOBS, content: (_p, text) => isDoAppSpec(text) },
  // A Cloudflare Worker (or assets site) deployed by `wrangler deploy` from its config (round 46).
  { system: 'Cloudflare Workers', globs: WRANGLER_GLOBS, content: isWorkerConfig },
  // An AWS SAM application: its functions run on Lambda (blind round 50).
  {
    system: 'AWS SAM',
    globs: SAM_GLOBS,
    // Read only where the scan saw a SAM resource (alongside.ts): every YAML file is a candidate.
    mentions: SAM_MENTION,
    content: (path, text) => isSamTemplate(path, text),
  },
  {
    system: 'Serverless Framework',
    globs: SERVERLESS_GLOBS,
    // Taken as the scan read the file (alongside.ts), not read again.
    mentions: SERVERLESS_SERVICE,
  },
];

const VERCEL_DOCS = /(?:^|\/)(?:docs?|documentation|website|storybook|examples?)\//i;
const VERCEL_DOCS_TEXT = /\b(?:mkdocs|sphinx-build|docusaurus|vitepress|storybook|mintlify|nextra)\b/i;

/** Unit files, and NixOS modules, which declare units in Nix (`systemd.services.<name>.serviceConfig`). */
export const SYSTEMD_GLOBS = ['**/*.service', '**/*.nix'];

export interface SystemdUnit {
  path: string;
  /** The `[Service]` line. */
  line: number;
  /** `WatchdogSec=` with `Type=notify`: systemd restarts the service when it stops answering. */
  watchdog?: number;
  /**
   * The `WatchdogSec=` line, whatever the Type: it implies NotifyAccess=main, so a service that
   * sends `WATCHDOG=1` (sd_notify) is watched although its Type is simple.
   */
  watchdogSec?: number;
  /**
   * The unit only starts compose (`ExecStart=… docker compose up` / `podman-compose up`): the
   * compose services are the deployed units, not this unit.
   */
  composeWrapper?: boolean;
  /** MemoryMax/MemoryHigh/MemoryLimit/CPUQuota/TasksMax lines. */
  limits: number[];
  /**
   * Why the unit does not run this repository's program, when it does not: a `Type=oneshot` hook,
   * or a system daemon (`ExecStart=/usr/sbin/opendkim`) that a server's configuration folder ships
   * beside the app. Such units are no deployment of the app.
   */
  notApp?: string;
  /** The ExecStart program, as written. */
  program?: string;
}

export interface Runtime {
  /** Units that can declare requests/limits and health checks in the repository. */
  declarative: {
    k8s: number;
    compose: number;
    ecs: number;
    nomad: number;
    systemd: number;
    terraformEcs: number;
    /** Cloud Run services declared in Terraform: their containers take resources.limits. */
    cloudRun: number;
  };
  systemd: SystemdUnit[];
  /** Units that run something else than the app (one-shot hooks, system daemons): not counted. */
  otherUnits: SystemdUnit[];
  /** Units that only start compose: the compose services they start are judged instead. */
  composeWrappers: SystemdUnit[];
  /** Platforms that run the service from a file that says little more than the command. */
  platforms: { system: string; path: string }[];
  /** Compose services that run third-party images (postgres, redis): dependencies, not units. */
  composeDependencies: { name: string; image: string; path: string }[];
  /** A root Procfile without Heroku/Dokku evidence, not counted as Heroku (localProcfile). */
  devProcfile: boolean;
  /** Why that Procfile is not counted. */
  procfileNote?: string;
  /** That Procfile's line of a `web:` process that is no development command (a platform process manifest). */
  procfileWeb?: number;
}

/** CI configuration folders: manifests there are test fixtures applied by CI, not deployments. */
const CI_DIR = /(^|\/)\.(github|gitlab|circleci|buildkite|woodpecker|forgejo|gitea)\//;

/** Kubernetes workloads this repository deploys: not tests, examples or CI fixtures. */
export function deployedWorkloads(files: FileView): Workload[] {
  return memo(files, 'deployedWorkloads', () => [
    ...withoutAddons(
      files,
      k8s(files).workloads.filter((w) => isProductionPath(w.path) && !CI_DIR.test(w.path)),
    ),
    // Workloads a Pulumi program deploys (its object literals read by key): the deployment target
    // beside which a compose file is local development, as beside manifests (round 19).
    ...pulumi(files).workloads,
    // A wrapper chart's dependency Deployment, configured by its values files (round 24).
    ...dependencyChartWorkloads(files),
    // The Deployment a framework's Kubernetes extension generates at build time (round 42).
    ...frameworkWorkloads(files),
    // The roles a Kamal config runs on its servers (round 33).
    ...kamalWorkloads(files),
    ...terraformWorkloads(
      resourcesOf(
        terraform(files),
        'kubernetes_deployment',
        'kubernetes_deployment_v1',
        'kubernetes_stateful_set',
        'kubernetes_stateful_set_v1',
      ).filter((r) => isProductionPath(r.path)),
    ),
  ]);
}

/**
 * Cluster add-ons applied beside the service (a vendored NVIDIA device-plugin DaemonSet in
 * kube-system, cert-manager, an ingress controller: clusterAddon) are infrastructure, not the
 * service's workloads: left out when something else is deployed — another workload, or a compose
 * file for production, whose services are then the deployed units (blind round 37). An add-on
 * whose image is built here is the repository's own product and stays; so do add-ons when they
 * are all a repository deploys (a cluster's configuration).
 */
export function thirdPartyAddon(files: FileView, w: Workload): boolean {
  return !!w.addon && !w.addon.images.some((i) => ownNamed(files, i) || renderedFromOwnJsonnet(files, i));
}

/** Own Jsonnet files read for an add-on's image, and how much of each. */
const MAX_JSONNET_READS = 300;
const MAX_JSONNET_CHARS = 200_000;
const JSONNET_VENDORED = /(?:^|\/)(?:vendor|node_modules|third_party|\.git)\//;

/**
 * An add-on image the repository's own Jsonnet names (`prometheusAdapter: 'registry.k8s.io/
 * prometheus-adapter/prometheus-adapter:v' + version` in jsonnet/<stack>/main.libsonnet): the
 * workload is rendered from the project's source, so it is a component of the product the
 * repository deploys, not an add-on applied beside it (blind round 50: a monitoring stack's
 * prometheus-adapter Deployment, 2 replicas, was left out of redundancy as a cluster add-on).
 * Jsonnet under vendor/ (a library jsonnet-bundler installed) is someone else's and does not count.
 */
function renderedFromOwnJsonnet(files: FileView, image: string): boolean {
  const repo = imageRepo(image).toLowerCase();
  if (repo.length < 8 || !repo.includes('/')) return false;
  const texts = memo(files, 'runtime:own-jsonnet', () =>
    files
      .match(['**/*.jsonnet', '**/*.libsonnet'])
      .filter((p) => isProductionPath(p) && !JSONNET_VENDORED.test(p))
      .slice(0, MAX_JSONNET_READS)
      .map((p) => (files.read(p) ?? '').slice(0, MAX_JSONNET_CHARS).toLowerCase()),
  );
  return texts.some((t) => t.includes(repo));
}

function withoutAddons(files: FileView, workloads: Workload[]): Workload[] {
  if (!workloads.some((w) => w.addon)) return workloads;
  const apps = workloads.filter((w) => !thirdPartyAddon(files, w));
  return apps.length > 0 || deployments(files).production.length > 0 ? apps : workloads;
}

/**
 * Chart workloads off by default (`{{- if .Values.x.enabled }}` false in values.yaml), said beside
 * a count of deployed units so the count reads as "what the defaults render", not as the chart's
 * whole catalogue: ' 8 more workload templates are off by default (sentry.workerEvents.enabled
 * charts/sentry/values.yaml:283, …).' — '' when there is none.
 */
export function offByDefaultNote(files: FileView, counts: (w: Workload) => boolean = () => true): string {
  const off = deployedWorkloads(files).filter((w) => w.disabled && !w.hook && counts(w));
  if (off.length === 0) return '';
  const switches = new Map<string, string>();
  for (const w of off) {
    const ref = w.offBy?.ref;
    if (ref && !switches.has(ref))
      switches.set(ref, `${ref}${w.offBy?.path ? ` ${w.offBy.path}:${w.offBy.line}` : ''}`);
  }
  const named = [...switches.values()];
  return ` ${off.length} more workload template${off.length === 1 ? ' is' : 's are'} off by default and not counted${named.length > 0 ? ` (${named.slice(0, 3).join(', ')}${named.length > 3 ? `, ${named.length - 3} more switches` : ''})` : ''}.`;
}

function parseSystemd(path: string, text: string): SystemdUnit | undefined {
  const lines = text.split(/\r?\n/);
  if (path.endsWith('.nix')) return parseNixUnit(path, lines);
  const service = lines.findIndex((l) => /^\s*\[Service\]\s*$/.test(l));
  if (service < 0 || !lines.some((l) => /^\s*ExecStart\s*=/.test(l))) return undefined;
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const watchdog = at(/^\s*WatchdogSec\s*=\s*(?!0\s*$)\S/);
  const notify = at(/^\s*Type\s*=\s*notify\b/) >= 0;
  const limits = lines.flatMap((l, i) =>
    /^\s*(?:MemoryMax|MemoryHigh|MemoryLimit|CPUQuota|TasksMax)\s*=\s*\S/.test(l) ? [i + 1] : [],
  );
  const starts = lines.filter((l) => /^\s*ExecStart\s*=/.test(l));
  const program = (starts[0] ?? '').replace(/^\s*ExecStart\s*=\s*[-@+!:]*/, '').split(/\s+/)[0] ?? '';
  const oneshot = at(/^\s*Type\s*=\s*oneshot\b/) >= 0;
  return {
    path,
    line: service + 1,
    ...(watchdog >= 0 && notify ? { watchdog: watchdog + 1 } : {}),
    ...(watchdog >= 0 ? { watchdogSec: watchdog + 1 } : {}),
    ...(starts.length > 0 && starts.every(composeUp) ? { composeWrapper: true } : {}),
    limits,
    ...(program ? { program } : {}),
    ...(oneshot ? { notApp: 'a Type=oneshot hook that runs once and exits, not a running service' } : {}),
  };
}

/** Programs that run the code they are given: a unit starting one of them runs an application. */
const RUNTIMES =
  /^(?:env|sh|bash|java|node|nodejs|deno|bun|npm|npx|yarn|pnpm|python[\d.]*|uv|uvicorn|gunicorn|hypercorn|daphne|celery|ruby|bundle|rails|puma|unicorn|sidekiq|php|php-fpm[\d.]*|dotnet|mono|docker|podman|beam\.smp|elixir|mix|erl|perl|caddy)$/;

/**
 * A unit whose ExecStart is a system binary (`/usr/sbin/opendkim`) that is not a runtime and not
 * named like this project or one of its programs: a daemon configured beside the app, not the app.
 */
function foreignDaemon(u: SystemdUnit, names: Set<string>, compiled: boolean): boolean {
  const p = u.program ?? '';
  if (!/^\/(?:usr\/)?(?:local\/)?s?bin\/[^/]+$/.test(p)) return false;
  const base = p.slice(p.lastIndexOf('/') + 1).toLowerCase();
  if (RUNTIMES.test(base)) return false;
  const stem = base.replace(/[-_.]?(?:server|daemon|d)$/, '');
  if ([...names].some((n) => n === base || n === stem || base.startsWith(`${n}-`) || base.startsWith(`${n}_`)))
    return false;
  // Code that compiles to a binary of an unknown name may install it there; interpreted code runs
  // through a runtime, so a bare system binary is someone else's daemon.
  return names.size > 0 || !compiled;
}

const COMPILED_SOURCES = ['**/*.{go,rs,c,cc,cpp,cxx,java,kt,scala,cs,fs,swift,zig,hs,nim,cr}'];

/**
 * Names this repository's programs go by: the root manifest's name, the labels of a Go module path
 * (`miniflux.app/v2` → miniflux), Cargo `[[bin]]` names, `cmd/<name>` folders.
 */
function programNames(files: FileView): Set<string> {
  const names = new Set<string>();
  const add = (n: unknown) => {
    if (typeof n !== 'string') return;
    for (const part of n
      .toLowerCase()
      .replace(/^@[^/]+\//, '')
      .split(/[/.]/))
      if (part && !/^v\d+$/.test(part) && !/^(?:com|org|net|io|app|dev|github|gitlab|www)$/.test(part)) names.add(part);
  };
  const d = declaredNames(files);
  for (const n of [d.packageJson, ...d.toml, ...d.bins, d.goModule]) add(n);
  for (const p of files.match(['cmd/*/**'])) add(p.split('/')[1]);
  return names;
}

/** `docker compose up`, `docker-compose -f x.yml up -d`, `podman-compose up`, `podman compose up`. */
function composeUp(execStart: string): boolean {
  const words = execStart.replace(/^\s*ExecStart\s*=\s*[-@+!:]*/, '').split(/\s+/);
  const program = (w: string) => w.slice(w.lastIndexOf('/') + 1);
  const at = words.findIndex(
    (w, i) =>
      /^(?:docker|podman)-compose$/.test(program(w)) ||
      (w === 'compose' && /^(?:docker|podman)$/.test(program(words[i - 1] ?? ''))),
  );
  return at >= 0 && words.slice(at + 1).includes('up');
}

/**
 * A NixOS module's unit: `systemd.services.<name> = { … serviceConfig = { ExecStart = …; }; }`
 * (or `serviceConfig.ExecStart`, `script =`). Same settings as a unit file, spelled as Nix
 * attributes (`WatchdogSec = 30;`, `Type = "notify";`, `MemoryMax = "1G";`).
 */
function parseNixUnit(path: string, lines: string[]): SystemdUnit | undefined {
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const service = at(/^\s*systemd\.services(?:\.[\w"${}.-]+)?\s*=/);
  if (service < 0 || at(/\bExecStart\b|^\s*script\s*=/) < 0) return undefined;
  const watchdog = at(/\bWatchdogSec\s*=\s*(?!"?0"?\s*;)\S/);
  const notify = at(/\bType\s*=\s*"notify"/) >= 0;
  const limits = lines.flatMap((l, i) =>
    /\b(?:MemoryMax|MemoryHigh|MemoryLimit|CPUQuota|TasksMax)\s*=\s*\S/.test(l) ? [i + 1] : [],
  );
  return {
    path,
    line: service + 1,
    ...(watchdog >= 0 && notify ? { watchdog: watchdog + 1 } : {}),
    ...(watchdog >= 0 ? { watchdogSec: watchdog + 1 } : {}),
    limits,
  };
}

/**
 * A command that runs the app for development: Django's runserver, a dev script, a file watcher,
 * a reloading server. A Procfile of nothing else is a local process file (foreman, honcho), not a
 * Heroku deployment (round 8: `web: make run` → `manage runserver`).
 */
const DEV_COMMAND =
  /\brunserver\b|\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:dev|watch|serve|start:dev)\b|\bflask\s+run\b|--reload\b|\bnodemon\b|\bwatchmedo\b|--watch\b|\bwatch\b|\bvite(?:\s+dev)?\s*$|\bng\s+serve\b|\bwebpack(?:-dev-server|\s+serve)\b/;
/** Files and CI lines that say the project deploys to Heroku or Dokku. */
const HEROKU_CONFIG = ['app.json', 'heroku.yml', 'CHECKS', '.buildpacks', 'runtime.txt', '.slugignore'];
const HEROKU_DEPLOY = /\bheroku\b|\bdokku\b/i;

/**
 * A root Procfile with no sign that the project deploys to Heroku or Dokku: no app.json, heroku.yml
 * or other Heroku config, and no CI job that deploys there. A Procfile alone is a process list that
 * foreman, overmind or honcho run locally, not a deployment target (round 19: a Rails API deployed
 * by Argo elsewhere read as "Heroku" from `web: bundle exec rails s`). `dev` says when every process
 * is a development command as well (round 8: `web: make run` → `manage runserver`).
 */
export function localProcfile(files: FileView): { dev: boolean; web?: number } | undefined {
  const text = files.read('Procfile');
  if (text === undefined || files.match(HEROKU_CONFIG).length > 0) return undefined;
  const ci = files.match(['.github/workflows/*.{yml,yaml}', '.gitlab-ci.yml', '.circleci/config.yml']);
  if (ci.some((p) => HEROKU_DEPLOY.test(files.read(p) ?? ''))) return undefined;
  const entries = text.split('\n').map((l) => /^\s*([\w-]+)\s*:\s*(.+)$/.exec(l));
  const procs = entries.map((m) => m?.[2]?.trim()).filter((c): c is string => !!c);
  const dev = (cmd: string) => {
    if (DEV_COMMAND.test(cmd)) return true;
    const make = /^make\s+([\w.-]+)\s*$/.exec(cmd);
    return !!make && makeRecipe(files, 'Makefile', make[1]!).some((l) => DEV_COMMAND.test(l));
  };
  const allDev = procs.length > 0 && procs.every(dev);
  // Not a development list: the README says the project is deployed to Heroku or Dokku, or the
  // code branches on the dyno Heroku runs it in (blind round 37: README "Deployment: Heroku", and
  // `ENV['DYNO']` in config.ru, with no app.json).
  if (!allDev && (herokuDocumented(files) || readsDyno(files))) return undefined;
  const web = entries.findIndex((m) => m?.[1] === 'web' && !dev(m[2]!.trim()));
  return { dev: allDev, ...(web >= 0 ? { web: web + 1 } : {}) };
}

/** An app.json that is a Heroku app manifest: buildpacks, a dyno formation, a stack or add-ons (not an Expo config). */
function herokuManifest(text: string): boolean {
  if (text.length > 200_000 || /"expo"\s*:/.test(text)) return false;
  return /"(?:buildpacks|formation|stack|addons)"\s*:/.test(text);
}

/**
 * Heroku evidence for a component folder's Procfile: an app.json manifest or heroku.yml (root or
 * one folder down), a CI file that deploys to Heroku, or a README that says so.
 */
function herokuEvidence(files: FileView): boolean {
  return memo(files, 'runtime:heroku-evidence', () => {
    if (files.match(['heroku.yml', '*/heroku.yml']).length > 0) return true;
    if (files.match(['app.json', '*/app.json']).some((p) => herokuManifest(files.read(p) ?? ''))) return true;
    const ci = files.match(['.github/workflows/*.{yml,yaml}', '.gitlab-ci.yml', '.circleci/config.yml']);
    return ci.some((p) => HEROKU_DEPLOY.test(files.read(p) ?? '')) || herokuDocumented(files);
  });
}

/** A Procfile with a process that is no development command (a watcher, runserver, a dev script). */
function procfileRunsApp(text: string): boolean {
  return text
    .split('\n')
    .slice(0, 50)
    .some((l) => {
      const m = /^\s*([\w-]{1,40})\s*:\s*(.{1,500})$/.exec(l);
      return !!m && !DEV_COMMAND.test(m[2]!.trim());
    });
}

/** A README line that says the project deploys to Heroku or Dokku ("Deployment: Heroku", `git push heroku main`). */
const HEROKU_README =
  /\b(?:deploy(?:ed|ing|ment|s)?|host(?:ed|ing)|runs?\s+on|running\s+on|push)\b[^\n]{0,40}\b(?:heroku|dokku)\b|\b(?:heroku|dokku)\b[^\n]{0,20}\bdeploy|\bheroku\s+(?:create|apps:create|git:remote)\b|herokucdn\.com\/deploy/i;

function herokuDocumented(files: FileView): boolean {
  return memo(files, 'runtime:heroku-readme', () => {
    const text = readmeText(files);
    return text.length > 0 && HEROKU_README.test(text.slice(0, 200_000));
  });
}

/** Heroku's dyno name read by the code: `ENV['DYNO']`, `process.env.DYNO`, `os.environ.get("DYNO")`, `os.Getenv("DYNO")`. */
const DYNO_READ =
  /\bENV(?:\.fetch\(|\[)\s*["']DYNO["']|\benv\.DYNO\b|\benviron(?:\.get\(|\[)\s*["']DYNO["']|\bgetenv\(\s*["']DYNO["']|\bGetenv\(\s*"DYNO"/;

function readsDyno(files: FileView): boolean {
  return memo(files, 'runtime:reads-dyno', () =>
    files
      .match(['*.ru', 'config/**/*.rb', 'lib/**/*.rb', 'app/**/*.rb', '**/*.{py,js,ts,go}', 'Gemfile'])
      .filter(isProductionPath)
      .slice(0, 400)
      .some((p) => {
        const t = files.read(p);
        return !!t?.includes('DYNO') && DYNO_READ.test(t);
      }),
  );
}

/** The reason a local Procfile is not counted as Heroku, for the rules that say so. */
export function localProcfileNote(p: { dev: boolean }): string {
  return p.dev
    ? 'Procfile not counted as Heroku: every process runs a development command (runserver, a watcher, a dev script) and no Heroku/Dokku config or deploy job exists'
    : 'Procfile not counted as Heroku: a process list (foreman, overmind, honcho) with no Heroku/Dokku config (app.json, heroku.yml), deploy job, or README that says the project is deployed there';
}

/** Folders that hold what a package installs: packaging/, debian/, rpm/, nfpm/, snap/, ci/build/. */
const PACKAGING_DIR =
  /(^|\/)(packaging|debian|rpm|deb|nfpm|snap|pkgbuild|ci\/build|build\/(?:linux|deb|rpm|package))\//i;
/** Package descriptors that name the files a package installs. */
const PACKAGE_DESCRIPTORS = [
  '**/nfpm.{yml,yaml}',
  '**/.goreleaser.{yml,yaml}',
  '**/*.spec',
  '**/debian/*.install',
  '**/PKGBUILD',
];
const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/**
 * A unit file name in a package descriptor (`code-server@.service`). The look-behind starts a
 * match only where a name starts: without it a 40k-letter word was rescanned from each of its
 * letters (quadratic, 2.6 s).
 */
export const UNIT_FILE_NAME = /(?<![\w@.-])[\w@.-]+\.service\b/g;

/** Unit file names that a package descriptor installs (`src: ./ci/build/code-server@.service`), read once. */
function packagedFiles(files: FileView): Set<string> {
  return memo(files, 'runtime:packaged-units', () => {
    const out = new Set<string>();
    for (const p of files.match(PACKAGE_DESCRIPTORS).slice(0, 20)) {
      const text = files.read(p) ?? '';
      for (const m of text.slice(0, 200_000).matchAll(UNIT_FILE_NAME)) out.add(m[0]);
    }
    return out;
  });
}

function compute(files: FileView): Runtime {
  const d = deployments(files);
  const units = files
    .match(SYSTEMD_GLOBS)
    .filter(isProductionPath)
    .flatMap((p) => parseSystemd(p, files.read(p) ?? '') ?? []);
  const names = units.some((u) => !u.notApp && u.program) ? programNames(files) : new Set<string>();
  const compiled = names.size > 0 || files.match(COMPILED_SOURCES).some(isProductionPath);
  for (const u of units)
    if (!u.notApp && !u.composeWrapper && foreignDaemon(u, names, compiled))
      u.notApp = `runs ${u.program}, a system program, not this repository's`;
  // Beside a chart or manifests, the units a package installs (a .deb/.rpm's systemd files in
  // packaging/, debian/, ci/build/ named by nfpm) are for users who install that package, not the
  // deployment the repository describes (round 20: code-server's ci/build/*.service beside its chart).
  if (units.some((u) => !u.notApp && !u.composeWrapper) && deployedWorkloads(files).some((w) => !w.oneOff)) {
    const packaged = packagedFiles(files);
    for (const u of units)
      if (!u.notApp && !u.composeWrapper && (PACKAGING_DIR.test(u.path) || packaged.has(baseName(u.path))))
        u.notApp = `installed by a package (${PACKAGING_DIR.test(u.path) ? 'a packaging folder' : 'named by a package descriptor'}), beside the Kubernetes workloads that are the deployment`;
  }
  const systemd = units.filter((u) => !u.composeWrapper && !u.notApp);
  const procfile = localProcfile(files);
  const devProcfile = procfile !== undefined;
  const platforms = PLATFORM_FILES.flatMap(({ system, globs, content, mentions, rank }) =>
    files
      .match(globs)
      .filter(isProductionPath)
      .filter((path) => path !== 'Procfile' || !devProcfile)
      .filter((path) => !mentions || Boolean(files.digest(path, mentions)))
      .filter((path) => !content || content(path, files.read(path) ?? '', files))
      .map((path, i) => ({ path, order: rank ? rank(path, files.read(path) ?? '') : 0, i }))
      .sort((a, b) => a.order - b.order || a.i - b.i)
      .slice(0, 1)
      .map(({ path }) => ({ system, path })),
  );
  return {
    declarative: {
      k8s: deployedWorkloads(files).length,
      compose: d.compose.filter((s) => s.built).length,
      ecs: d.ecs.length,
      nomad: d.nomad.length,
      systemd: systemd.length,
      terraformEcs: resourcesOf(terraform(files), 'aws_ecs_task_definition').length,
      cloudRun: cloudRunServices(files).length,
    },
    systemd,
    otherUnits: units.filter((u) => u.notApp && !u.composeWrapper),
    composeWrappers: units.filter((u) => u.composeWrapper),
    platforms,
    composeDependencies: d.compose
      .filter((s) => !s.built && s.image)
      .map((s) => ({ name: s.name, image: s.image!, path: s.path })),
    devProcfile,
    ...(procfile ? { procfileNote: localProcfileNote(procfile) } : {}),
    ...(procfile?.web ? { procfileWeb: procfile.web } : {}),
  };
}

export function runtime(files: FileView): Runtime {
  return memo(files, 'runtime', () => compute(files));
}

/** Whether anything in the repository declares how the service runs (units or a platform file). */
export function runsSomewhere(r: Runtime): boolean {
  return Object.values(r.declarative).some((n) => n > 0) || r.platforms.length > 0;
}

/** Platforms that run code per request in isolates they start and stop: no process of the service's own lives on. */
/** Platforms that run code per request or event in instances they start and stop: Workers, Netlify and Lambda functions. */
const REQUEST_SCOPED = new Set(['Cloudflare Workers', 'Netlify', 'AWS SAM', 'Serverless Framework']);

/**
 * The platform files, when every deployment target here is a request-scoped platform (Cloudflare
 * Workers) and nothing declares a long-running unit (workloads, compose, ECS, Nomad, systemd): the
 * service has no process to drain or stop gracefully (blind round 46).
 */
export function requestScopedOnly(r: Runtime): string[] | undefined {
  if (r.platforms.length === 0 || Object.values(r.declarative).some((n) => n > 0)) return undefined;
  if (!r.platforms.every((p) => REQUEST_SCOPED.has(p.system))) return undefined;
  return r.platforms.map((p) => `${p.system} (${p.path})`);
}

/** The reason a rule about declared units has nothing to judge, naming what does run the service. */
export function undeclaredReason(r: Runtime, what: string): string {
  if (r.platforms.length > 0) {
    const names = [...new Set(r.platforms.map((p) => `${p.system} (${p.path})`))].join(', ');
    return `the service runs on ${names}: the platform, not a file here, sets ${what}`;
  }
  // A Procfile's web process with no platform named (a Heroku, Dokku or Scalingo style process
  // manifest) is named: redundancy reads the same fact and finds no instance count beside it.
  if (r.procfileWeb)
    return `nothing here declares how the service runs beyond a Procfile web process (Procfile:${r.procfileWeb}, a process manifest with no platform config), so there are no ${what} to judge`;
  // Compose files of third-party images are said as what they are (round 8: "no compose services"
  // beside a compose file of five databases and brokers).
  const deps = r.composeDependencies;
  const dependencies = deps.length
    ? `; the ${deps.length} compose service${deps.length === 1 ? '' : 's'} in ${deps[0]!.path} run${deps.length === 1 ? 's a' : ''} third-party image${deps.length === 1 ? '' : 's'} (${deps
        .slice(0, 4)
        .map((x) => x.name)
        .join(', ')}${deps.length > 4 ? ', …' : ''}), dependencies the service uses, not the service`
    : '';
  return `nothing here declares how the service runs (no Kubernetes workloads, compose services built here, ECS tasks, Nomad jobs, systemd units or platform files${dependencies}), so there are no ${what} to judge`;
}

/**
 * Why nothing in the repository declares how the service runs in production, or undefined when
 * something does: no Kubernetes workloads, compose services built here (one-shot jobs, test and
 * development services set aside), ECS tasks, Nomad jobs, systemd units or Cloud Run services. The
 * one fact the rules about deployed units (resource-limits, redundancy) read, so that they agree:
 * not applicable with this reason, not one N/A and one `unknown` (blind rounds 41 and 44).
 * `what` names what there is nothing of ("resource requests and limits", "instance counts"), `verb`
 * what a deployed workload would be judged for ("size", "replicate").
 */
export function notDeployedHere(files: FileView, profile: string, what: string, verb: string): string | undefined {
  const r = runtime(files);
  // Compose services set aside (one-shot jobs, development services) are no units; the runtime
  // counts compose services built here, so the built ones set aside are taken off.
  const aside = composeWorkloads(files, profile).aside;
  const units = Object.values(r.declarative).reduce((a, b) => a + b, 0) - aside.filter((a) => a.service.built).length;
  if (units > 0) return undefined;
  if (aside.length > 0 && r.platforms.length === 0)
    return `no deployed workload here to ${verb}: ${aside
      .slice(0, 3)
      .map((a) => a.note)
      .join('; ')}${aside.length > 3 ? ` and ${aside.length - 3} more` : ''}`;
  return undeclaredReason(r, what);
}

export const systemdEvidence = (u: SystemdUnit, note: string): Evidence => ({ path: u.path, line: u.line, note });

/** Cloud Run services in Terraform (v2 and v1 resources), outside tests and examples. */
export function cloudRunServices(files: FileView) {
  return resourcesOf(terraform(files), 'google_cloud_run_v2_service', 'google_cloud_run_service').filter((r) =>
    isProductionPath(r.path),
  );
}

/**
 * Compose files for local development and tests because the deployment is described elsewhere (a
 * chart, manifests, a Pulumi program) and the file does not call itself production, with the
 * files their services mount from the repository (`./docker/sftp/sftp.json:/app/config/…`): a
 * stand-in SFTP server's key and the dummy settings beside it are fixtures of that local stack,
 * not production secrets (blind round 28, a service with a Helm chart and a dev compose file).
 */
export function localCompose(files: FileView): { files: Set<string>; mounted: Set<string> } {
  return memo(files, 'localCompose', () => {
    const d = deployments(files);
    const out = { files: new Set<string>(), mounted: new Set<string>() };
    if (deployedWorkloads(files).length === 0) return out;
    const production = new Set(d.production.map((p) => p.path));
    for (const path of d.composeFiles) {
      if (production.has(path)) continue;
      out.files.add(path);
      const doc = files.readYaml<Record<string, unknown>>(path);
      const services = doc.ok ? (doc.value as { services?: unknown } | null)?.services : undefined;
      if (!services || typeof services !== 'object') continue;
      const dir = dirOf(path);
      for (const s of Object.values(services as Record<string, unknown>).slice(0, 200)) {
        const volumes = (s as { volumes?: unknown } | null)?.volumes;
        if (!Array.isArray(volumes)) continue;
        for (const v of volumes.slice(0, 100)) {
          const source =
            typeof v === 'string'
              ? v.slice(0, Math.max(0, v.indexOf(':')))
              : typeof (v as { source?: unknown })?.source === 'string'
                ? (v as { source: string }).source
                : '';
          if (!/^\.\.?\//.test(source)) continue;
          const rel = joinRelative(dir, source);
          // A file, or a folder named for keys and certificates (`./docker/ssh:/keys`); not a
          // source tree (`./src:/app/src`), which holds what ships.
          if (rel && (/\.[\w-]+$/.test(rel) || /(?:^|\/)(?:ssh|keys?|certs?|ssl|tls|secrets?|pki)$/i.test(rel)))
            out.mounted.add(rel);
        }
      }
    }
    return out;
  });
}

/** `dir` + `./a/b` or `../a`, normalised; undefined when it leaves the repository. */
function joinRelative(dir: string, rel: string): string | undefined {
  const parts = dir ? dir.split('/') : [];
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join('/').replace(/\/+$/, '');
}

/**
 * Env files a compose file loads with `env_file:` (`.env.docker`), each with the compose file that
 * loads it, for compose files that are not the deployment (not named for production, not scaled,
 * not a self-hosting template; or taken for one but building from source with development values).
 * The values there start the local stack a developer runs with `docker compose up` (blind round 49:
 * `ADMIN_WEBHOOK_AUTH=super-secret-token` beside `ADMIN_PASSWORD=password` and postgres defaults).
 */
export function composeEnvFiles(files: FileView): Map<string, string> {
  return memo(files, 'composeEnvFiles', () => {
    const d = deployments(files);
    const out = new Map<string, string>();
    const production = new Set(d.production.filter((p) => !p.local).map((p) => p.path));
    for (const path of d.composeFiles.slice(0, 50)) {
      if (production.has(path) || !isProductionPath(path)) continue;
      const doc = files.readYaml<Record<string, unknown>>(path);
      const services = doc.ok ? (doc.value as { services?: unknown } | null)?.services : undefined;
      if (!services || typeof services !== 'object') continue;
      const dir = dirOf(path);
      for (const s of Object.values(services as Record<string, unknown>).slice(0, 200)) {
        const envFile = (s as { env_file?: unknown } | null)?.env_file;
        const list = Array.isArray(envFile) ? envFile : [envFile];
        for (const e of list.slice(0, 20)) {
          const rel =
            typeof e === 'string'
              ? e
              : typeof (e as { path?: unknown })?.path === 'string'
                ? (e as { path: string }).path
                : '';
          if (!rel || rel.startsWith('/') || rel.includes('$')) continue;
          const target = joinRelative(dir, rel);
          if (target && !out.has(target)) out.set(target, path);
        }
      }
    }
    return out;
  });
}

/** The path is a local compose file, or a file or folder one of them mounts, or lies under one. */
export function inLocalCompose(files: FileView, path: string): boolean {
  const l = localCompose(files);
  if (l.files.has(path)) return true;
  for (const m of l.mounted) if (m && (path === m || path.startsWith(`${m}/`))) return true;
  return false;
}
