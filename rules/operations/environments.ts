import { type Component, defineRule, type Evidence, type FileView } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { CI_GLOBS, ciEnvironmentRole, ciFiles, envKind, testOnlyJobs } from '../../src/facts/ci.js';
import { basename } from '../../src/walk/glob.js';
import { fromMatch, isAgentDoc, isProductionPath, isTestPath } from '../../src/facts/paths.js';
import { platformApps } from '../../src/facts/platform-apps.js';
import { netlifyRunsServer } from '../../src/facts/netlify.js';
import { iacApp } from '../../src/facts/iac-app.js';
import { artefactOnlyJobs } from '../_shared/artefact-jobs.js';
import { K8S_DIGEST } from '../../src/facts/k8s.js';
import { TF_DIGEST } from '../../src/facts/terraform.js';
import { WS_LOOKUP, workspaceMap } from '../_shared/tf-workspaces.js';

type Kind = 'prod' | 'preprod' | 'dev';
/** Folders whose children are environments (`envs/staging`, `overlays/prod`, `terraform/environments/dev`). */
const ENV_PARENT =
  /^(?:envs?|environments?|overlays|stages|clusters|(?:[a-z0-9]+[-_])?accounts|workspaces|deployments?|live|tenants|regions)$/i;
/** A path with an ENV_PARENT folder somewhere. */
const ENV_PARENT_DIR =
  /(?:^|\/)(?:envs?|environments?|overlays|stages|clusters|(?:[a-z0-9]+[-_])?accounts|workspaces|deployments?|live|tenants|regions)\//i;
/** GitHub Pages' environment (`environment: github-pages`, or `name: github-pages` with its url). */
const PAGES_ENV = /^(?:github-pages|gh-pages)$/i;

/** Config files named per environment: values-prod.yaml, prod.tfvars, application-staging.yml, appsettings.Production.json, .env.production. */
const ENV_FILE = /\.(?:ya?ml|json|tfvars|hcl|properties|toml|env|conf|ini)$|^\.env\./i;
/** CI definitions: workflow, action and pipeline folders whose file names name jobs. */
const CI_DEFINITION =
  /(?:^|\/)(?:\.github\/(?:workflows|actions)|\.gitlab|\.circleci|\.buildkite|\.azure-pipelines|\.woodpecker|\.forgejo\/workflows|\.gitea\/workflows)\//;
/** Code files count only in settings folders (Django settings/production.py, Rails config/environments/production.rb, Capistrano config/deploy/prod.rb). */
// Capistrano's stages too: `config/deploy/production.rb` names the servers of one stage (blind round 39, sdr-api).
const ENV_CODE = /(?:^|\/)(?:settings|environments|config|config\/deploy)\/[^/]+\.(?:py|rb|exs|js|ts)$/;
/**
 * A JavaScript/TypeScript module in the config folder of the application's source (`src/config/
 * production.js` switching debug and access logging when NODE_ENV is production) is code of the
 * program, a runtime mode, not the description of a deployment environment (blind round 35, Signal K).
 * node-config's top-level `config/production.js` and Angular's `src/environments/` still count.
 */
const APP_CODE_MODE = /(?:^|\/)(?:src|lib|source|server|app)\/(?:.*\/)?(?:settings|config)\/[^/]+\.(?:js|ts)$/;
/** In file names only unambiguous tokens count: `live_stream.yaml` or `test.json` name no environment. */
const FILE_TOKEN = /^(?:prod|production|prd|staging|stage|stag|stg|preprod|uat|qa|nonprod|sandbox|dev|development)$/i;

/**
 * Runtime modes, not deployments (issue 15): a logging configuration per mode (logconf.prod.json) and
 * the kernel environments every Symfony app ships (app/config/config_prod.yml, routing_dev.yml,
 * config/packages/prod/) switch how the program behaves, not where it is deployed.
 */
const RUNTIME_MODE =
  /(?:^|[/._-])(?:log|logs|logging|logconf|logger|log4j2?|logback)(?:[._-][^/]*)?$|(?:^|\/)app\/config\/(?:config|routing|services|parameters)_\w+\.ya?ml$|(?:^|\/)conf\.d\/[^/]*\.ini$/i;

/**
 * Framework scaffolding (round 16): every new app of these frameworks ships the same runtime modes,
 * so they say nothing about where it is deployed — Symfony kernel envs (config/packages/prod/),
 * Rails config/environments/{production,development,test}.rb, Angular
 * environments/environment.prod.ts. A mode the project added beyond the defaults
 * (config/environments/staging.rb, environment.staging.ts) names a deployment and still counts.
 */
const FRAMEWORK_DEFAULT_ENV =
  /(?:^|\/)config\/(?:prod|dev|test)\.exs$|(?:^|\/)config\/packages\/(?:prod|dev|test)\/|(?:^|\/)config\/environments\/(?:production|development|test)\.rb$|(?:^|\/)environments\/environment\.(?:prod|production|dev|development)\.ts$/i;

/**
 * A CI step that deploys: applies manifests, upgrades a release, applies a plan, ships to a platform.
 * `kubectl … apply` and `helm … upgrade` allow words of the same command between the program and its
 * verb; written as one pattern (`\bkubectl\s+(?:[^\n|;&]*\s)?apply\b`) every `kubectl` re-read the rest
 * of its command (a 160 KB line of `oc ` took 2.7 s), so those two are matched by `commandWith`.
 */
export function isDeployStep(text: string): boolean {
  return (
    DEPLOY_FIXED.test(text) ||
    commandWith(text, /\b(?:kubectl|oc)(?=\s)/g, /(?<=\s)(?:apply|create|replace|set\s+image|rollout\s+restart)\b/g) ||
    commandWith(text, /\bhelm(?:file)?(?=\s)/g, /(?<=\s)(?:upgrade|install|apply|sync)\b/g)
  );
}
const DEPLOY_FIXED =
  /\bterraform\s+apply\b|\bskaffold\s+(?:run|deploy)\b|\bargocd\s+app\s+sync\b|\bgcloud\s+(?:run|app|functions)\s+deploy\b|\b(?:serverless|sls|fly|flyctl|kamal|vercel|netlify|wrangler)\s+deploy\b|\baws\s+ecs\s+update-service\b|\baz\s+(?:webapp|containerapp)\s+(?:up|update|deploy)\b/;

/** A PaaS deploy command: Fly.io, Heroku, Railway, Vercel. */
const PAAS_DEPLOY =
  /\b(?:fly|flyctl)[ \t]+deploy\b|\bheroku[ \t]+(?:container:release|deploy|builds:create)\b|\brailway[ \t]+(?:up|deploy)\b|\bvercel\b(?![-\w])/;
// A value may hold a CI expression with blanks in it (`${{ steps.app.outputs.value }}-staging`);
// each piece starts with a different character (linear).
const TARGET = String.raw`((?:\$\{\{[^}\n]{0,200}\}\}|\$(?!\{\{)|[^\s"';&|$]){1,300})`;
const APP_FLAG = new RegExp(String.raw`(?:^|[ \t])(?:--app|-a)(?:[ \t]+|=)["']?${TARGET}`);
const RAILWAY_ENV = new RegExp(String.raw`(?:^|[ \t])(?:--environment|-e)(?:[ \t]+|=)["']?${TARGET}`);

/**
 * The app or environment a PaaS deploy command targets, and the environment its name says, with
 * CI expressions and variables taken out (`${{ steps.app.outputs.value }}-staging` is staging):
 * Fly.io and Heroku by `--app`/`-a`, Railway by `--environment`, Vercel by `--prod` (production)
 * or its absence (a preview deployment).
 */
export function paasTarget(text: string): { raw: string; kind?: Kind } | undefined {
  const line = text.length > 2000 ? text.slice(0, 2000) : text;
  if (!PAAS_DEPLOY.test(line)) return undefined;
  if (/\bvercel\b(?![-\w])/.test(line) && !/\b(?:fly|flyctl|heroku|railway)\b/.test(line)) {
    if (/(?:^|[ \t])--prod\b/.test(line)) return { raw: 'vercel --prod', kind: 'prod' };
    return /\bvercel[ \t]+(?:deploy\b|--|$)/.test(line) ? { raw: 'vercel preview', kind: 'preprod' } : undefined;
  }
  const m = (/\brailway\b/.test(line) ? RAILWAY_ENV : APP_FLAG).exec(line);
  if (!m) return undefined;
  const raw = m[1]!;
  const bare = raw.replace(/\$\{\{[^}]{0,200}\}\}|\$\{[^}]{0,100}\}|\$\w+/g, ' ');
  const kind = envKind(bare);
  return kind ? { raw, kind } : { raw };
}

/**
 * Whether `text` matches `HEAD\s+(?:[^\n|;&]*\s)?VERB` in one pass: a verb (preceded by a blank)
 * counts after the latest program word whose blanks end at or before it, when no `\n|;&` lies between
 * the end of those blanks and the blank before the verb. `head` and `verb` are global patterns.
 */
function commandWith(text: string, head: RegExp, verb: RegExp): boolean {
  const starts: number[] = [];
  for (const m of text.matchAll(head)) {
    let a = m.index + m[0].length;
    while (a < text.length && BLANK.test(text[a]!)) a++;
    starts.push(a);
  }
  if (!starts.length) return false;
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) if (COMMAND_BREAK.test(text[i]!)) breaks.push(i);
  let k = -1;
  let b = 0;
  for (const m of text.matchAll(verb)) {
    const v = m.index;
    while (k + 1 < starts.length && starts[k + 1]! <= v) k++;
    if (k < 0) continue;
    const a = starts[k]!;
    if (v === a) return true;
    // The first break at or after a: the words between must hold none before the verb's blank.
    while (b < breaks.length && breaks[b]! < a) b++;
    if (b >= breaks.length || breaks[b]! > v - 2) return true;
  }
  return false;
}
const BLANK = /\s/;
const COMMAND_BREAK = /[\n|;&]/;
/** The namespace a deploy step targets: `-n prod`, `--namespace staging`, `--namespace=qa`. */
const NAMESPACE_FLAG = /(?:^|\s)(?:-n|--namespace)(?:\s+|=)["']?([A-Za-z0-9][\w-]*)/;
/** A job named for deploying (`deploy-prod`, `release_staging`, `promote-uat`). */
const DEPLOY_JOB = /(?:^|[-_ :.])(?:deploy(?:ment)?|release|rollout|promote|publish)(?:[-_ :.]|$)/i;

/**
 * Folders of a bundled third-party server's own configuration (Temporal's `temporal-dynamicconfig/`,
 * `kafka/`, `clickhouse/`, `keycloak/`): a `prod.yaml` there tunes that server for the compose file
 * that mounts it, not an environment the service is deployed to (blind round 23, dittofeed
 * packages/backend-lib/temporal-dynamicconfig/prod.yaml beside dev.yaml).
 */
const COMPONENT_CONFIG =
  /(?:^|\/)(?:[\w-]*dynamic-?config|temporal|cadence|kafka|zookeeper|clickhouse|keycloak|elasticsearch|opensearch|rabbitmq|redis|valkey|postgres(?:ql)?|mysql|mariadb|mongo(?:db)?|minio)(?:[-_](?:config|configs|conf|settings))?\/[^/]+$/i;

interface Env {
  name: string;
  kind: Kind;
  /** A file of a bundled server's configuration (COMPONENT_CONFIG): named, set aside, not counted. */
  component?: boolean;
  dir?: string;
  /** A framework default (FRAMEWORK_DEFAULT_ENV): counts only beside a mode the project added. */
  scaffold?: boolean;
}

/**
 * The environment a folder is named for. `live` is a word of many folder names (Phoenix LiveView's
 * `lib/app_web/live/car_live/`, blind round 32): as one word of several it names no environment
 * (`car_live`, `charge_live`); alone (Terragrunt's `live/`) it still does.
 */
function folderEnvKind(name: string): Kind | undefined {
  if (/^live$/i.test(name)) return envKind(name);
  const rest = name.replace(/(?:^|[-_.])live(?=$|[-_.])/gi, '');
  return rest ? envKind(rest) : undefined;
}

/**
 * A dotenv mode file (`.env.production`, `.env.staging.local`) of a browser, desktop or mobile
 * package (its nearest package.json is one: Vite, Create React App, Vue CLI) holds the page's build
 * variables for a bundler mode (`VITE_API_BASE_URL=/`), not a deployment environment (blind round
 * 37, projektor: ui/src/.env.production was its only "environment"). At most 16 folders are walked.
 */
function pageBuildMode(path: string, paths: ReadonlySet<string>, componentOf: (p: string) => Component): boolean {
  const slash = path.lastIndexOf('/');
  if (!path.startsWith('.env.', slash + 1)) return false;
  let dir = slash === -1 ? '' : path.slice(0, slash);
  for (let depth = 0; depth < 16; depth++) {
    const manifest = dir ? `${dir}/package.json` : 'package.json';
    if (paths.has(manifest)) {
      const c = componentOf(manifest);
      return c === 'browser' || c === 'desktop' || c === 'mobile';
    }
    if (dir === '') return false;
    const up = dir.lastIndexOf('/');
    dir = up === -1 ? '' : dir.slice(0, up);
  }
  return false;
}

/** Environment names found in a path: env folders below an env parent, or env-named config files. */
function envsOf(path: string): Env[] {
  const out: Env[] = [];
  // Only a path through an env parent folder has environment folders (most paths have none).
  const segs = ENV_PARENT_DIR.test(path) ? path.split('/') : [];
  for (let i = 1; i < segs.length - 1; i++) {
    // `test` below environments/ is the unit-test environment (Rails, node-config), not a deployment.
    const k =
      ENV_PARENT.test(segs[i - 1]!) && !/^(?:test|testing)$/i.test(segs[i]!) ? folderEnvKind(segs[i]!) : undefined;
    if (k) out.push({ name: segs[i]!, kind: k, dir: segs.slice(0, i + 1).join('/') });
  }
  const base = basename(path);
  // A CI workflow or pipeline file named production.yml is a job, not an environment's
  // configuration: a deployment's environment comes from its `environment:` key or its target
  // (blind round 39: "Production Images", a workflow that only pushes images).
  if (CI_DEFINITION.test(path)) return out;
  if ((ENV_FILE.test(base) || (ENV_CODE.test(path) && !APP_CODE_MODE.test(path))) && !RUNTIME_MODE.test(path)) {
    const stem = base.replace(/^\.env\./, '').replace(/\.(?:tfvars\.json|[A-Za-z0-9]+)$/, '');
    const token = stem.split(/[._-]+/).find((t) => FILE_TOKEN.test(t));
    const k = token ? envKind(token) : undefined;
    // A file named for `dev` is the local development mode (settings/dev.py, docker-compose-dev.yml),
    // not a deployment environment; an `envs/dev/` folder or a CI environment still is one.
    if (k && COMPONENT_CONFIG.test(path)) out.push({ name: token!.toLowerCase(), kind: k, component: true });
    else if (k && k !== 'dev')
      out.push({ name: token!.toLowerCase(), kind: k, scaffold: FRAMEWORK_DEFAULT_ENV.test(path) || undefined });
  }
  return out;
}

/**
 * Files whose format is per deployment environment by convention: Terraform variable files
 * (`aat.tfvars`, `prod.tfvars`) and Helm values files (`values.aat.template.yaml`).
 */
const PER_ENV_FORMAT = /\.tfvars(?:\.json)?$|(?:^|\/)values[-._][^/]+\.ya?ml$/i;
/** Words of such file names that are no environment (`values.preview.template.yaml`, `common.tfvars`). */
const NOT_ENV_WORD =
  /^(?:values|template|tpl|defaults?|example|sample|common|base|shared|global|terraform|variables|vars|secrets?|override|backend|main|auto|config|json|ya?ml|tfvars|local|ci)$/i;

/**
 * Environments named outside the fixed vocabulary (HMCTS `aat`, `ithc`, `perftest`, `demo`):
 * per-environment files of one folder that differ in one word, one of them named for production
 * (`prod.tfvars` beside `aat.tfvars`, `demo.tfvars`), name the other environments the project is
 * deployed to before production. Decided by the names' use, not by a word list (blind round 28).
 */
function siblingEnvironments(paths: readonly string[]): { name: string; path: string }[] {
  const groups = new Map<string, { token: string; path: string }[]>();
  const envFolders = perEnvironmentFolders(paths);
  for (const p of paths) {
    if (!(PER_ENV_FORMAT.test(p) || envFolders.has(p.slice(0, p.lastIndexOf('/') + 1))) || !isProductionPath(p))
      continue;
    const slash = p.lastIndexOf('/');
    const dir = p.slice(0, slash + 1);
    const tokens = p
      .slice(slash + 1)
      .replace(/\.(?:tfvars\.json|tfvars|ya?ml)$/i, '')
      .split(/[._-]/);
    if (tokens.length > 6) continue;
    tokens.forEach((t, i) => {
      const key = `${dir}${tokens.map((x, j) => (j === i ? '*' : x)).join('.')}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      if (g.length < 20) g.push({ token: t, path: p });
    });
  }
  const out: { name: string; path: string }[] = [];
  for (const g of groups.values()) {
    if (g.length < 2 || !g.some((x) => envKind(x.token) === 'prod')) continue;
    for (const x of g)
      if (!envKind(x.token) && !NOT_ENV_WORD.test(x.token) && /^[a-z][a-z0-9]{1,15}$/i.test(x.token))
        if (!out.some((o) => o.name === x.token.toLowerCase())) out.push({ name: x.token.toLowerCase(), path: x.path });
  }
  return out;
}

/** Files of a container stack: compose files, Dockerfiles, env files and a README. */
const STACK_FILE =
  /^(?:(?:docker-)?compose[^/]{0,60}\.ya?ml|[^/]{0,40}\.?Dockerfile(?:\.[^/]{1,40})?|Dockerfile[^/]{0,40}|\.env[^/]{0,40}|README[^/]{0,20})$/i;

/**
 * The compose file of a folder that holds only a container stack (no manifests, tfvars or settings),
 * or undefined. At most 50 files are looked at.
 */
function localStackFolder(paths: readonly string[], dir: string): string | undefined {
  const prefix = `${dir}/`;
  const inside: string[] = [];
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue;
    inside.push(p);
    if (inside.length > 50) return undefined;
  }
  const compose = inside.find((p) => /^(?:docker-)?compose[^/]*\.ya?ml$/i.test(p.slice(prefix.length)));
  return compose && inside.every((p) => STACK_FILE.test(p.slice(prefix.length))) ? compose : undefined;
}

/** Names in chart values files that are no deployment environment (chart tests, CI lint values, local clusters). */
// A first install's values (`values-seed.yaml`, `values-bootstrap.yaml`) seed the same deployment.
const NOT_CHART_ENV =
  /^(?:test|tests|testing|e2e|lint|kind|minikube|k3d|k3s|dev|development|docker|schema|seed|bootstrap|init|initial)$/i;

/**
 * Environments a Helm chart is deployed to, from its per-environment values files beside Chart.yaml
 * (`values.aat.template.yaml`, `values-preview.yaml`): names outside the fixed vocabulary (those
 * are read as any config file is) and not a chart test's or a local cluster's values.
 */
function chartEnvironments(paths: readonly string[]): { name: string; path: string }[] {
  const charts = new Set(
    paths.filter((p) => /(?:^|\/)Chart\.ya?ml$/.test(p)).map((p) => p.slice(0, p.lastIndexOf('/') + 1)),
  );
  const out: { name: string; path: string }[] = [];
  if (charts.size === 0) return out;
  for (const p of paths) {
    const slash = p.lastIndexOf('/');
    if (!charts.has(p.slice(0, slash + 1)) || !isProductionPath(p)) continue;
    const m = /^values[-._]([a-z][a-z0-9]{1,15})(?:[-._](?:template|tpl))?\.ya?ml$/i.exec(p.slice(slash + 1));
    if (!m || envKind(m[1]!) || NOT_ENV_WORD.test(m[1]!) || NOT_CHART_ENV.test(m[1]!)) continue;
    if (!out.some((o) => o.name === m[1]!.toLowerCase())) out.push({ name: m[1]!.toLowerCase(), path: p });
    if (out.length >= 10) break;
  }
  return out;
}

/** A configuration file named by one short word (`prd.yaml`, `snd1.json`, `default.yml`). */
const ONE_WORD_CONFIG = /^([A-Za-z][A-Za-z0-9]{0,11})\.(?:ya?ml|json)$/;

/**
 * Folders of per-environment configuration (`appconfig/{dev,test,pre,snd1,prd}.yaml`,
 * `config/{default,staging-eu,prd}.json`): three or more YAML/JSON files directly inside, every one
 * named by one short word, one of them for production. Their other names (`pre`, `snd1`) are
 * environments as tfvars files beside `prod.tfvars` are; a folder that also holds a `database.yml`
 * or `routes.yaml` sits beside settings of another kind and is left alone (blind round 38).
 */
function perEnvironmentFolders(paths: readonly string[]): Set<string> {
  const byDir = new Map<string, { words: string[]; other: boolean }>();
  for (const p of paths) {
    const slash = p.lastIndexOf('/');
    const dir = p.slice(0, slash + 1);
    const base = p.slice(slash + 1);
    if (!/\.(?:ya?ml|json)$/i.test(base)) continue;
    let d = byDir.get(dir);
    if (!d) byDir.set(dir, (d = { words: [], other: false }));
    const m = ONE_WORD_CONFIG.exec(base);
    if (!m) d.other = true;
    else if (d.words.length < 40) d.words.push(m[1]!);
  }
  const out = new Set<string>();
  for (const [dir, d] of byDir) {
    // A hidden folder is a tool's (`.nais/` holds the platform manifest beside its env files, read elsewhere).
    if (d.other || d.words.length < 3 || d.words.length >= 40 || /(?:^|\/)\./.test(dir)) continue;
    if (!d.words.some((w) => envKind(w) === 'prod')) continue;
    // A third or more of the words are known environments or a shared base (`default`, `common`):
    // not a settings folder of other kinds (`database`, `routes`, `logging` beside one `prod`).
    const known = d.words.filter((w) => envKind(w) !== undefined || NOT_ENV_WORD.test(w)).length;
    if (known * 3 < d.words.length) continue;
    out.add(dir);
  }
  return out;
}

/** A comparison with a workspace name: `terraform.workspace == "live"`. */
const WS_COMPARE = /\bterraform\.workspace\s*[!=]=\s*"([\w.-]+)"|"([\w.-]+)"\s*[!=]=\s*terraform\.workspace\b/g;

/**
 * The workspace names a Terraform configuration spells out (blind round 23: `lookup(local.
 * node_groups_count, terraform.workspace, …)` over a map keyed live, live-2, manager): the names
 * compared with `terraform.workspace` and the keys of the maps looked up by it, read in the files
 * that use `terraform.workspace`. `default` is Terraform's own workspace, not an environment.
 */
function workspaceNames(
  files: Pick<FileView, 'read' | 'match' | 'lines'>,
  usedIn: string[],
): { name: string; path: string; line: number; snippet: string; how: string }[] {
  const out: { name: string; path: string; line: number; snippet: string; how: string }[] = [];
  const seen = new Set<string>();
  const push = (name: string, path: string, line: number, how: string) => {
    if (name === 'default' || seen.has(name)) return;
    seen.add(name);
    // One line from the file's memoised line index, not a split of the whole file per name.
    const snippet = (files.lines(path)?.line(line) ?? '').trim().slice(0, 120);
    out.push({ name, path, line, snippet, how });
  };
  for (const path of usedIn) {
    const text = files.read(path) ?? '';
    for (const m of text.matchAll(WS_COMPARE))
      push((m[1] ?? m[2])!, path, files.lines(path)?.lineAt(m.index) ?? 1, 'compared with terraform.workspace');
    for (const name of new Set([...text.matchAll(WS_LOOKUP)].map((m) => (m[1] ?? m[2])!))) {
      const map = workspaceMap(files, path, name);
      for (const e of map?.entries ?? [])
        push(e.key, map!.path, e.line, `key of ${name}, looked up by terraform.workspace`);
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'environments',
    title: 'Staging and production are separated',
    failureTitle: 'No separate staging and production environments',
    description:
      'A pre-production environment configured like production catches bad releases before users do; separate configuration per environment keeps a test deploy from touching production data.',
    remediation:
      'Describe each environment separately (for example `envs/staging` and `envs/prod`, Kustomize overlays, Helm `values-staging.yaml`/`values-prod.yaml`, tfvars per environment or Terraform workspaces) and deploy to staging before production through CI environments.',
    severity: 'medium',
    effort: 'medium',
    detection:
      'Environment folders below envs/, environments/, overlays/, stages/, clusters/ or live/; config files named per environment (values-prod.yaml, prod.tfvars, application-staging.yml, appsettings.Production.json, .env.production, a Rails config/environments/staging.rb beyond the framework defaults; two or more Python configuration classes named for environments in a config or settings module — `class Production(Config)`, `class StagingConfig(BaseConfig)`, a test configuration apart —; not a JavaScript/TypeScript module in the config folder of the application source — src/config/production.js is a runtime mode of the program; not the config of a bundled server — temporal-dynamicconfig/prod.yaml, kafka/, clickhouse/ — which is named and set aside); Terraform `terraform.workspace`; the per-environment files beside a platform application manifest (NAIS `.nais/dev.yaml`, `.nais/prod.yaml` beside `.nais/nais.yaml`: a deployed `dev` cluster is pre-production); CI environments (GitHub/GitLab `environment:`, Azure deployment jobs, Bitbucket deployments, the options of a `workflow_dispatch` choice input that name environments), and CI deploy steps (kubectl/helm/terraform apply, platform deploys) by the namespace they target (`-n prod`, `--namespace staging`) or the environment their deploy job is named for (`deploy-prod`); test-only jobs apart. the GitHub Pages environment (`github-pages`) publishes a static site: no stage of the service, named in the message; nor is the environment of a job that only pushes an image or uploads an extension (a release gate, named in the message). A development environment CI deploys to (a CI environment, deploy namespace or deploy job named dev/development) beside production is the pre-production stage: a pass.',
    reads: CI_GLOBS,
    digests: [K8S_DIGEST, TF_DIGEST],
    patterns: {
      // Configuration classes per environment (`class Production(Config):`, `class StagingConfig(BaseConfig):`)
      // in a Python config or settings module: the settings each deployed environment runs with.
      configClass: {
        regex: /^class[ \t]+(\w{1,60})[ \t]*\([ \t]*([\w.]{1,80})[ \t]*\)[ \t]*:/m,
        files: ['**/config.py', '**/config/*.py', '**/settings.py', '**/settings/*.py', '**/configs.py'],
        literals: ['class'],
        maxPerFile: 20,
      },
      tfWorkspace: {
        regex: /\bterraform\.workspace\b/,
        files: ['**/*.tf'],
        literals: ['terraform.workspace'],
        maxPerFile: 1,
      },
    },
  },
  appliesTo: ({ facts }) =>
    facts.reusable
      ? { reason: `${facts.reusable.reason}: its callers deploy it, and separate their environments where they do` }
      : facts.profile.id === 'service' || facts.profile.id === 'infrastructure'
        ? true
        : { reason: `profile is ${facts.profile.id}: only services and infrastructure have deployment environments` },
  check(ctx) {
    const found = new Map<Kind, { name: string; ev: Evidence }[]>([
      ['prod', []],
      ['preprod', []],
      ['dev', []],
    ]);
    const add = (kind: Kind, name: string, ev: Evidence) => {
      const list = found.get(kind)!;
      if (!list.some((x) => x.name.toLowerCase() === name.toLowerCase() && x.ev.path === ev.path))
        list.push({ name, ev });
    };
    // Sibling folders named as environments (`prod/` beside `non-prod/`, `qa/` beside `stage/`, the
    // Terragrunt live layout) are environments even without an envs/ parent.
    // Each folder once (a 100k-file tree has a few thousand): its name goes to its parent's set,
    // then the parent's own folder, up to the first folder already seen. Only membership and sizes
    // are read below, so the order in which folders are met does not matter.
    const children = new Map<string, Set<string>>();
    const dirs = new Set<string>();
    // An AI assistant's folders (`.claude/skills/pest-testing/`, `.github/skills/`) name skills, not
    // environments (round 21): left out, as from every documentation rule (paths.ts isAgentDoc).
    for (const p of ctx.files.paths) {
      if (isAgentDoc(p)) continue;
      for (let dir = p.slice(0, Math.max(0, p.lastIndexOf('/'))); dir !== '' && !dirs.has(dir); ) {
        dirs.add(dir);
        const slash = dir.lastIndexOf('/');
        const parent = slash === -1 ? '' : dir.slice(0, slash);
        let set = children.get(parent);
        if (!set) children.set(parent, (set = new Set()));
        set.add(dir.slice(slash + 1));
        dir = parent;
      }
    }
    const siblingEnvs = new Set<string>();
    const localStacks: Evidence[] = [];
    for (const [parent, kids] of children) {
      const named = [...kids].filter((k) => !/^(?:test|testing)$/i.test(k) && folderEnvKind(k));
      // Environments are most of their folder (`live/{prod,staging,_global}`); two names among many
      // (migrations, crates, feature folders) are a coincidence of words.
      if (named.length >= 2 && named.length * 2 >= kids.size)
        for (const k of named) {
          const dir = parent ? `${parent}/${k}` : k;
          // A development folder that holds only a container stack (compose files, Dockerfiles, env
          // files) outside an environments folder is the local development stack, as a file named
          // for dev is (blind round 43: docker/development/compose.yml beside docker/production/,
          // brought up by `npm run dx:up`, read as a development environment).
          const local =
            folderEnvKind(k) === 'dev' &&
            !ENV_PARENT.test(parent.slice(parent.lastIndexOf('/') + 1)) &&
            localStackFolder(ctx.files.paths, dir);
          if (local) {
            localStacks.push({
              path: local,
              note: `set aside: ${dir}/ holds only a local container stack (${local}), the development setup, not an environment the service is deployed to`,
            });
            continue;
          }
          siblingEnvs.add(dir);
        }
    }
    const dirsSeen = new Set<string>();
    const scaffolds: { e: Env; path: string }[] = [];
    const components: string[] = [];
    const ownModeDirs = new Set<string>();
    const pathSet = new Set(ctx.files.paths);
    for (const p of ctx.files.paths) {
      if (!isProductionPath(p) || isAgentDoc(p)) continue;
      if (pageBuildMode(p, pathSet, ctx.facts.componentOf)) continue;
      if (siblingEnvs.size > 0) {
        for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) {
          const dir = p.slice(0, i);
          if (!siblingEnvs.has(dir) || dirsSeen.has(dir) || FRAMEWORK_DEFAULT_ENV.test(`${dir}/`)) continue;
          dirsSeen.add(dir);
          const name = dir.slice(dir.lastIndexOf('/') + 1);
          const kind = folderEnvKind(name)!;
          add(kind, name, {
            path: p,
            note: `${kind === 'prod' ? 'production' : kind === 'dev' ? 'development' : 'pre-production'} environment folder ${dir}/`,
          });
        }
      }
      for (const e of envsOf(p)) {
        if (e.dir) {
          if (dirsSeen.has(e.dir)) continue;
          dirsSeen.add(e.dir);
          add(e.kind, e.name, {
            path: p,
            note: `${e.kind === 'prod' ? 'production' : e.kind === 'dev' ? 'development' : 'pre-production'} environment folder ${e.dir}/`,
          });
        } else if (e.component) {
          if (e.kind !== 'dev') components.push(p);
        } else if (e.scaffold) scaffolds.push({ e, path: p });
        else {
          add(e.kind, e.name, { path: p, note: `configuration for environment ${e.name}` });
          ownModeDirs.add(p.slice(0, p.lastIndexOf('/') + 1));
        }
      }
    }
    // The stages a CDK app's entry instantiates its stacks for (`new Api(app, 'Api-PROD', { stage:
    // 'PROD' })` beside `{ stage: 'CODE' }`): each stage is a deployed copy of the infrastructure; a
    // stage named outside the vocabulary beside production is one deployed before it (blind round 46).
    for (const st of cdkStages(
      ctx.files,
      ctx.facts.workspaces.map((w) => w.path),
    ))
      add(st.kind, st.name, {
        path: st.path,
        line: st.line,
        note: `the CDK app deploys its stacks for stage ${st.name}${st.kind === 'preprod' && !envKind(st.name) ? " (a stage beside production's, deployed before it)" : ''}`,
      });
    // Environments named outside the vocabulary, beside production's file of the same kind.
    for (const e of siblingEnvironments(ctx.files.paths))
      add('preprod', e.name, {
        path: e.path,
        note: `configuration for environment ${e.name} (named beside production's file of the same kind: an environment deployed before production)`,
      });
    // The per-environment files a platform application manifest is rendered with (NAIS
    // `.nais/dev.yaml` beside `.nais/nais.yaml`) are clusters it is deployed to: a `dev` one is a
    // deployed pre-production environment, not a local development mode.
    for (const a of platformApps(ctx.files))
      for (const f of a.envFiles) {
        const kind: Kind = f.kind === 'dev' ? 'preprod' : f.kind;
        add(kind, f.name, {
          path: f.path,
          note: `${a.system} ${a.workload.kind} ${a.name} (${a.path}) is deployed to ${f.name} with this file${f.kind === 'dev' ? ': a deployed development cluster, before production' : ''}`,
        });
      }
    // ASP.NET Core environments: appsettings.<Env>.json beside appsettings.json.
    for (const e of aspNetEnvironments(ctx.files.paths)) add(e.kind, e.name, { path: e.path, note: e.note });
    // Framework defaults count where the project added a mode of its own beside them (staging.rb next to production.rb).
    for (const { e, path } of scaffolds)
      if (ownModeDirs.has(path.slice(0, path.lastIndexOf('/') + 1)))
        add(e.kind, e.name, { path, note: `configuration for environment ${e.name}` });
    // Approval gates (`environment: approve-release`): CI environments, but no separate one.
    const gates: Evidence[] = [];
    const pages: Evidence[] = [];
    // A development environment CI deploys to (a GitHub `environment: dev`, a deploy step or job for
    // dev): beside production it is the pre-production stage, whatever its name (blind round 25,
    // podkrepi-api release.yml:163 release-dev before release-prod).
    const ciDev: { name: string; path: string; line?: number }[] = [];
    // Environments of jobs that only publish an image or an extension (a registry's secrets behind
    // `environment: chrome-production`): a release gate, no stage the service runs in (blind round 47).
    const released: Evidence[] = [];
    for (const f of ciFiles(ctx.files).filter((c) => c.ok)) {
      const testJobs = testOnlyJobs(f);
      const artefacts = artefactOnlyJobs(f, ctx.facts.commands);
      for (const e of f.environments) {
        const artefact = e.job ? artefacts.get(e.job) : undefined;
        if (artefact) {
          released.push({
            path: e.path,
            line: e.line,
            snippet: `environment: ${e.written ?? e.name}`,
            note: `set aside: CI environment ${e.name} of job ${e.job}, which only publishes ${artefact} to a registry or store: a release gate, not an environment the service runs in`,
          });
          continue;
        }
        if (ciEnvironmentRole(e.name) === 'gate' && !(e.job && testJobs.has(e.job)))
          gates.push({
            path: e.path,
            line: e.line,
            snippet: `environment: ${e.written ?? e.name}`,
            note: `CI environment ${e.name}${e.job ? ` of job ${e.job}` : ''} is an approval gate before the job runs, not a separate environment`,
          });
        // GitHub Pages' own environment (`environment: github-pages`, which deploy-pages requires):
        // where a static site is published, not a stage of the service (kotlinconf-app web-deploy.yml:48).
        if (PAGES_ENV.test(e.name) && !(e.job && testJobs.has(e.job)))
          pages.push({
            path: e.path,
            line: e.line,
            snippet: `environment: ${e.written ?? e.name}`,
            note: `CI environment ${e.name}${e.job ? ` of job ${e.job}` : ''} is GitHub Pages' publishing target for a static site, not a staging or production environment of the service`,
          });
        const kind = envKind(e.name);
        if (kind === 'dev' && !(e.job && testJobs.has(e.job))) ciDev.push({ name: e.name, path: e.path, line: e.line });
        if (kind && !(e.job && testJobs.has(e.job)))
          add(kind, e.name, {
            path: e.path,
            line: e.line,
            snippet: `environment: ${e.written ?? e.name}`,
            ...(e.input ? { snippet: `- ${e.name}` } : {}),
            note: e.input
              ? `option of the manual trigger's choice input ${e.input}${e.job ? `, which job ${e.job} deploys to` : ''}`
              : e.assigned !== undefined
                ? `CI environment${e.job ? ` of job ${e.job}` : ''}: the expression takes the value ${e.name} (${e.path}:${e.assigned})`
                : `CI environment${e.job ? ` of job ${e.job}` : ''}`,
          });
      }
    }
    // Deploy jobs per environment (blind round 18, spring-k8s: GitLab jobs deploy-tb `kubectl apply
    // -n test` and deploy-prod `-n prod`, when: manual): the namespace a deploy step targets, or the
    // environment a deploy job is named for, separates the environments as `environment:` does.
    for (const f of ciFiles(ctx.files).filter((c) => c.ok)) {
      const testJobs = testOnlyJobs(f);
      // PaaS deploys name their environment by the app or environment they target (blind round 27:
      // `flyctl deploy --app ${{ … }}-staging` on dev, the same command `--app ${{ … }}` on main).
      const targets: { raw: string; kind?: Kind; ev: Evidence }[] = [];
      for (const c of f.commands) {
        if (!c.job || testJobs.has(c.job) || c.kind !== 'run') continue;
        const t = paasTarget(c.text);
        if (t)
          targets.push({
            ...t,
            ev: { path: c.path, line: c.line, snippet: c.text.trim().slice(0, 120), note: '' },
          });
      }
      const named = targets.filter((t) => t.kind);
      for (const t of named) {
        if (t.kind === 'dev') ciDev.push({ name: t.raw, path: t.ev.path, line: t.ev.line });
        add(t.kind!, t.raw, {
          ...t.ev,
          note: `CI deploys the ${t.kind === 'prod' ? 'production' : t.kind === 'dev' ? 'development' : 'pre-production'} app ${t.raw}`,
        });
      }
      // Beside an app named for staging or development, another app the same CI deploys, named for
      // no environment, is the production one.
      if (named.some((t) => t.kind !== 'prod'))
        for (const t of targets.filter((x) => !x.kind && !named.some((n) => n.raw === x.raw)))
          add('prod', t.raw, { ...t.ev, note: `CI deploys the production app ${t.raw} (beside ${named[0]!.raw})` });
      for (const c of f.commands) {
        if (!c.job || testJobs.has(c.job) || c.kind !== 'run' || !isDeployStep(c.text)) continue;
        const ns = NAMESPACE_FLAG.exec(c.text)?.[1];
        const nsKind = ns ? envKind(ns) : undefined;
        if (nsKind === 'dev' && ns) ciDev.push({ name: ns, path: c.path, line: c.line });
        if (nsKind && ns)
          add(nsKind, ns, {
            path: c.path,
            line: c.line,
            snippet: c.text.trim().slice(0, 120),
            note: `CI job ${c.job} deploys to namespace ${ns}`,
          });
        const jobKind = DEPLOY_JOB.test(c.job) ? envKind(c.job.replace(/\btests?\b/gi, ' ')) : undefined;
        const jobEnv = jobKind ? c.job.split(/[^A-Za-z0-9]+/).find((t) => envKind(t) === jobKind) : undefined;
        if (jobKind && jobEnv && jobEnv.toLowerCase() !== ns?.toLowerCase()) {
          const job = f.jobs.find((j) => j.name === c.job);
          if (jobKind === 'dev') ciDev.push({ name: jobEnv, path: c.path, line: job?.line ?? c.line });
          add(jobKind, jobEnv, {
            path: c.path,
            ...(job?.line
              ? { line: job.line, snippet: `${c.job}:` }
              : { line: c.line, snippet: c.text.trim().slice(0, 120) }),
            note: `CI deploy job ${c.job}`,
          });
        }
      }
    }
    const ws = ctx.matches('tfWorkspace');
    // Workspaces the configuration names: environments like folders are.
    const unclassified: string[] = [];
    for (const w of workspaceNames(
      ctx.files,
      [...new Set(ws.map((m) => m.path))].filter((p) => isProductionPath(p)),
    )) {
      const kind = envKind(w.name);
      if (!kind) {
        unclassified.push(w.name);
        continue;
      }
      add(kind, w.name, {
        path: w.path,
        line: w.line,
        snippet: w.snippet,
        note: `Terraform workspace ${w.name} (${w.how})`,
      });
    }
    const aside: Evidence[] = components.slice(0, 2).map((p) => ({
      path: p,
      note: `set aside: named for an environment, but it configures a bundled server (${p.slice(0, p.lastIndexOf('/'))}/), not an environment the service is deployed to`,
    }));
    aside.push(...localStacks.slice(0, 2), ...released.slice(0, 2));
    // A chart's per-environment values (`values.aat.template.yaml`, `values.preview.yaml`) beside a
    // production described elsewhere (prod.tfvars, a production overlay): the chart is deployed to
    // those environments before production, whatever the project calls them (blind round 42: HMCTS
    // `aat` is its staging).
    if (found.get('prod')!.length > 0)
      for (const e of chartEnvironments(ctx.files.paths))
        add('preprod', e.name, {
          path: e.path,
          note: `Helm values for environment ${e.name}: the chart is deployed there with them, beside production`,
        });
    // Netlify deploy contexts of a netlify.toml that runs the app's server code (functions or a
    // server-rendered build): `[context.production]` is production, `[context.deploy-preview]`,
    // `[context.branch-deploy]` and a branch context (`[context.staging]`) are deploys before it. A
    // static site's contexts are the site's, not the service's (blind round 47).
    for (const path of ctx.files.match(['netlify.toml', '*/netlify.toml']).filter(isProductionPath).slice(0, 4)) {
      const text = (ctx.files.read(path) ?? '').slice(0, 200_000);
      if (!netlifyRunsServer(ctx.files, path, text)) continue;
      const lines = text.split('\n');
      for (let i = 0; i < lines.length && i < 5000; i++) {
        const c = /^[ \t]*\[context\.(?:"([^"\n]{1,80})"|([\w-]{1,80}))(?:\.[\w-]{1,40})?\]/.exec(lines[i]!);
        const name = c?.[1] ?? c?.[2];
        if (!name) continue;
        const ev = { path, line: i + 1, snippet: lines[i]!.trim(), note: `Netlify deploy context ${name}` };
        if (name === 'production') add('prod', 'Netlify production context', ev);
        else if (name === 'dev') add('dev', 'Netlify dev context', ev);
        else add('preprod', `Netlify ${name}`, ev);
      }
    }
    // Python configuration classes, one per environment (`class Production(Config)` beside `class
    // Staging(Production)`), counted where a module declares two or more: a set of environments,
    // not one mode. A test configuration (`Test`, `TestingConfig`) is the test suite's, not a stage
    // (blind round 49: Production, Staging and Development classes were "no production counterpart").
    const classesByFile = new Map<string, { kind: Kind; name: string; ev: Evidence }[]>();
    for (const m of ctx.matches('configClass').filter((x) => isProductionPath(x.path))) {
      const name = m.groups[0]!;
      const bare = name.replace(/(?:Config|Configuration|Settings|Conf|Environment|Env)$/, '');
      if (!bare || /^(?:test|testing|tests|unittest|ci)$/i.test(bare) || m.groups[1] === 'object') continue;
      const kind = envKind(bare);
      if (!kind) continue;
      const list = classesByFile.get(m.path) ?? [];
      list.push({
        kind,
        name,
        ev: { path: m.path, line: m.line, snippet: m.snippet, note: `configuration class ${name}` },
      });
      classesByFile.set(m.path, list);
    }
    for (const list of classesByFile.values())
      if (list.length >= 2) for (const c of list) add(c.kind, `${c.name} config class`, c.ev);
    const evidence = [
      ...[...found.values()].flatMap((l) => l.slice(0, 3).map((x) => x.ev)),
      ...gates.slice(0, 2),
      ...aside,
    ];
    // Cite code, not a comment that mentions terraform.workspace.
    const wsCode = ws.find((m) => !/(?:#|\/\/).*terraform\.workspace/.test(m.snippet)) ?? ws[0];
    if (wsCode) evidence.push(fromMatch(wsCode, 'Terraform workspaces select per-environment state'));
    const names = (k: Kind) => [...new Set(found.get(k)!.map((x) => x.name))].sort();
    const prod = names('prod');
    const pre = names('preprod');
    const dev = names('dev');
    const data = { production: prod, preProduction: pre, development: dev, terraformWorkspaces: ws.length > 0 };
    if (prod.length > 0 && pre.length > 0)
      return pass(
        `Production (${listing(prod.slice(0, 3))}) and pre-production (${listing(pre.slice(0, 3))}) are described separately.`,
        evidence,
        data,
      );
    if (prod.length > 0 && ciDev.length > 0) {
      const d = ciDev[0]!;
      const devNames = [...new Set(ciDev.map((x) => x.name))].sort();
      return pass(
        `Production (${listing(prod.slice(0, 3))}) and a development environment CI deploys to before it (${listing(devNames.slice(0, 3))}, ${d.path}${d.line ? `:${d.line}` : ''}) are described separately: the deployed development environment is the pre-production stage.`,
        evidence,
        { ...data, deployedDevelopment: devNames },
      );
    }
    if (prod.length > 0 && dev.length > 0)
      return partial(
        0.6,
        `Production and development configurations found (${listing([...prod, ...dev].slice(0, 4))}); no staging or pre-production environment.`,
        evidence,
        data,
      );
    if (ws.length > 0 && prod.length + pre.length + dev.length === 0)
      return partial(
        0.6,
        unclassified.length > 0
          ? `Terraform workspaces separate state per environment (${listing(unclassified.slice(0, 4))}${unclassified.length > 4 ? ' …' : ''}), but none is named as production or staging.`
          : 'Terraform workspaces separate state per environment, but no environment is named in the repository.',
        evidence,
        data,
      );
    if (prod.length + pre.length > 0)
      return partial(
        0.4,
        `Only ${prod.length ? 'production' : 'pre-production'} is described (${listing([...prod, ...pre].slice(0, 4))}); no ${prod.length ? 'staging' : 'production'} counterpart.`,
        evidence,
        data,
      );
    if (dev.length > 0)
      return partial(
        0.2,
        `Only development configuration found (${listing(dev.slice(0, 3))}); no staging or production environment.`,
        evidence,
        data,
      );
    const releasedNames = [...new Set(released.map((e) => e.snippet!.replace(/^environment: /, '')))];
    const gateNames = [...new Set(gates.map((g) => /CI environment (\S+)/.exec(g.note ?? '')?.[1] ?? ''))];
    const site = pages[0];
    const siteText = site
      ? ` The CI environment ${/CI environment (\S+)/.exec(site.note ?? '')?.[1] ?? 'github-pages'} (${site.path}:${site.line}) is GitHub Pages' publishing target for a static site, not a stage of the service.`
      : '';
    const ciText =
      gates.length > 0
        ? 'no CI environment but an approval gate'
        : pages.length > 0
          ? 'no CI environment but GitHub Pages'
          : 'no CI environments';
    return fail(
      gates.length > 0
        ? `No environment separation found: the only CI environment${gateNames.length === 1 ? ', ' : 's, '}${listing(gateNames.slice(0, 3))}, ${gateNames.length === 1 ? 'is an approval gate' : 'are approval gates'} before a job runs, not a separate staging or production environment.${siteText}`
        : `No environment separation found.${siteText}${
            released.length
              ? ` The CI environment${releasedNames.length === 1 ? '' : 's'} ${listing(releasedNames.slice(0, 3))} ${releasedNames.length === 1 ? 'belongs' : 'belong'} to ${released.length === 1 ? 'a job that only publishes an image or an extension: a release gate' : 'jobs that only publish images or extensions: release gates'}, not a stage of the service.`
              : ''
          }`,
      [
        {
          path: '.',
          note: `no environment folders (envs/, environments/, overlays/ …), no per-environment config files (values-prod.yaml, *.tfvars, application-<env>.yml, appsettings.<Env>.json, .env.<env>), ${ciText} and no terraform.workspace in ${ctx.files.size} files`,
        },
        ...gates.slice(0, 2),
        ...pages.slice(0, 1),
        ...aside,
      ],
      data,
    );
  },
});

/** ASP.NET environment names for where the app runs, outside the environment vocabulary. */
const HOSTING_ENV = /^(?:Docker|Container|Containers|Compose|Kubernetes|K8s|Azure|Aws|Gcp|Cloud)$/i;
/** `appsettings.<Environment>.json`: the file ASP.NET Core layers over appsettings.json in that environment. */
const APPSETTINGS_ENV = /(?:^|\/)appsettings\.([A-Za-z][\w-]{0,40})\.json$/;

/**
 * ASP.NET Core environments (blind round 44, an ASP.NET app's appsettings.Development.json and
 * appsettings.Docker.json were "no per-environment config files"): the host layers
 * appsettings.<Env>.json over appsettings.json for the environment it runs in, and runs as
 * Production when none is set, so beside per-environment files appsettings.json is the production
 * configuration (unless an appsettings.Production.json says it). The template's own pair
 * (appsettings.json + appsettings.Development.json, in every new app) is scaffolding, counted only
 * where the project added an environment of its own beside it, as Rails' staging.rb beside the
 * default production.rb is. Test projects and examples apart; at most 20 folders.
 */
function aspNetEnvironments(paths: readonly string[]): { kind: Kind; name: string; path: string; note: string }[] {
  const byDir = new Map<string, { names: string[]; base: boolean }>();
  for (const p of paths) {
    if (!isProductionPath(p) || isTestPath(p)) continue;
    const dir = p.slice(0, p.lastIndexOf('/') + 1);
    const m = APPSETTINGS_ENV.exec(p);
    const isBase = p === `${dir}appsettings.json`;
    if (!m && !isBase) continue;
    let entry = byDir.get(dir);
    if (!entry) {
      if (byDir.size >= 20) continue;
      byDir.set(dir, (entry = { names: [], base: false }));
    }
    if (isBase) entry.base = true;
    else entry.names.push(m![1]!);
  }
  const out: { kind: Kind; name: string; path: string; note: string }[] = [];
  for (const [dir, { names, base }] of byDir) {
    // An environment of the project's own: named as one (Staging, Production, QA) or for where it
    // runs (Docker, Kubernetes, Azure); `appsettings.PostgreSQL.json` is a variant, no environment.
    const own = names.filter(
      (n) => !/^(?:Development|Test|Testing)$/i.test(n) && (envKind(n.toLowerCase()) || HOSTING_ENV.test(n)),
    );
    if (!base || own.length === 0) continue;
    const files = names.map((n) => `appsettings.${n}.json`);
    for (const n of names) {
      const kind = envKind(n.toLowerCase());
      if (kind)
        out.push({
          kind,
          name: n,
          path: `${dir}appsettings.${n}.json`,
          note: `ASP.NET Core configuration for the ${n} environment (layered over appsettings.json)`,
        });
    }
    if (!names.some((n) => /^Production$/i.test(n)))
      out.push({
        kind: 'prod',
        name: 'Production',
        path: `${dir}appsettings.json`,
        note: `ASP.NET Core runs as Production when no environment is set: appsettings.json is its configuration, beside ${listing(files.slice(0, 4))} for the other environments`,
      });
  }
  return out;
}

/** `stage: 'PROD'` (or `stage = "CODE"`, `environment: 'staging'`) in a CDK app's entry. */
const CDK_STAGE = /\b(?:stage|stageName|environment|env_name|envName)\s*[:=]\s*["'`]([A-Za-z][\w-]{0,30})["'`]/g;

/**
 * The stages the entry of a CDK app (at the root or in a workspace package) instantiates stacks
 * for, when there are at least two and one is production: production, the named kinds as they
 * are, and any other stage as pre-production. One stage, or none for production, says nothing.
 */
function cdkStages(
  files: FileView,
  workspaces: readonly string[],
): { name: string; kind: Kind; path: string; line: number }[] {
  const app = iacApp(files, workspaces);
  if (app?.tool !== 'AWS CDK' || !app.entry) return [];
  const text = (files.read(app.entry.path) ?? '').slice(0, 200_000);
  const seen = new Map<string, { name: string; kind: Kind; path: string; line: number }>();
  let count = 0;
  for (const m of text.matchAll(CDK_STAGE)) {
    if (++count > 200) break;
    const name = m[1]!;
    if (seen.has(name.toLowerCase())) continue;
    const line = files.lines(app.entry.path)?.lineAt(m.index) ?? 1;
    // A deployed `dev` stage is pre-production, not a local development mode.
    const kind: Kind = envKind(name) === 'prod' ? 'prod' : 'preprod';
    seen.set(name.toLowerCase(), { name, kind, path: app.entry.path, line });
  }
  const stages = [...seen.values()];
  if (stages.length < 2 || !stages.some((s) => s.kind === 'prod')) return [];
  return stages;
}
