import { teardownJobs } from '../_shared/throwaway.js';
import { defineRule, type CommandGraph, type CommandRun, type Evidence, type FileView } from '../../src/types.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';
import {
  idleJobs,
  inTestScript,
  CI_GLOBS,
  type CiCommand,
  type CiFile,
  ciEnvironmentRole,
  ciFiles,
  testOnlyJobs,
  throwawayClusterJobs,
} from '../../src/facts/ci.js';
import { runEvidence, runsOf, unfollowedWorkflows } from '../../src/facts/commands/index.js';
import { DO_APP_GLOBS, doAppSpecs } from '../../src/facts/do-app.js';
import { shipitConfigs } from '../_shared/shipit.js';
import { artefactOnlyJobs } from '../_shared/artefact-jobs.js';
import { fromMatch, isProductionPath } from '../../src/facts/paths.js';
import { gitopsValuesApps, type GitopsValuesApp } from '../../src/facts/gitops.js';
import { lineAt } from '../../src/util/lines.js';
import { serverRendered } from '../../src/facts/netlify.js';

const cite = (r: CommandRun): Evidence => runEvidence(r, 'deploys', 'deploy');

/** "Argo CD ApplicationSet root declared in system/argocd/values.yaml (syncs system/, apps/ automatically)". */
function valuesAppsFinding(apps: GitopsValuesApp[]): string {
  const kinds = [...new Set(apps.map((a) => a.kind))].join('/');
  const files = [...new Set(apps.map((a) => a.path))];
  const folders = [...new Set(apps.flatMap((a) => a.folders))];
  const auto = apps.some((a) => a.automated) ? 'synced automatically' : 'synced by Argo CD';
  return `Argo CD ${kinds} ${listing([...new Set(apps.map((a) => a.name))].slice(0, 3))} declared as Helm values in ${listing(files.slice(0, 2))}, ${auto}${folders.length ? ` from ${listing(folders.slice(0, 4).map((f) => `${f}/`))}` : ''}`;
}

function valuesAppEvidence(a: GitopsValuesApp): Evidence {
  return {
    path: a.path,
    line: a.line,
    note: `Argo CD ${a.kind} ${a.name} declared as Helm values (the argocd-apps chart renders it)${a.automated ? '; syncPolicy.automated: every change is synced' : ''}${a.folders.length ? `; deploys ${listing(a.folders.slice(0, 4).map((f) => `${f}/`))}` : ''}`,
  };
}

/**
 * Platforms that deploy on push from their own config (git integration), which CI cannot show.
 * Heroku's app.json is not one: it describes the app for review apps and the deploy button, and
 * Heroku deploys a branch automatically only when its dashboard says so (not visible here).
 */
const PLATFORM_FILES = [
  'vercel.json',
  'netlify.toml',
  'render.yaml',
  'amplify.yml',
  'appspec.yml',
  'appspec.yaml',
  '.platform.app.yaml',
  'now.json',
];

/**
 * One-click deploy buttons, by the platform file they deploy: "Deploy to Render"
 * (`render.com/deploy?repo=…`), "Deploy with Vercel" (`vercel.com/new/clone?repository-url=…`),
 * "Deploy to Netlify" (`app.netlify.com/start/deploy?repository=…`), Amplify's and Platform.sh's.
 */
const DEPLOY_BUTTONS: readonly [string, RegExp][] = [
  ['render.yaml', /\brender\.com\/deploy\b/i],
  ['vercel.json', /\b(?:vercel\.com\/(?:new\/clone|import|button|new\/git\/external)|zeit\.co\/(?:new|import))\b/i],
  ['now.json', /\b(?:vercel\.com\/(?:new\/clone|import|button)|zeit\.co\/(?:new|import))\b/i],
  ['netlify.toml', /\bapp\.netlify\.com\/start\/deploy\b|\bnetlify\.com\/img\/deploy\/button\b/i],
  ['amplify.yml', /\bconsole\.aws\.amazon\.com\/amplify\/home#\/deploy\b/i],
  ['.platform.app.yaml', /\bconsole\.platform\.sh\/projects\/create-project\b/i],
];

/** Where a project shows its deploy buttons: the README, and documentation pages about deploying. */
const BUTTON_PAGES =
  /^(?:readme(?:\.[\w-]{1,12})?(?:\.(?:md|markdown|rst|adoc|txt))?|docs?\/(?:[^/]{1,80}\/){0,3}[^/]{0,80}(?:deploy|install|render|vercel|netlify|hosting)[^/]{0,80}\.(?:md|mdx|rst))$/i;

/**
 * Platform files that a one-click deploy button of the README points at: a template for users to
 * deploy their own copy ("Deploy to Render" beside render.yaml), not this project's deployment
 * (blind round 35, a Django app whose render.yaml backs its README's Render button while its own
 * pipeline only pushes images). Returns the file → where the button is.
 */
function oneClickTemplates(files: FileView, hosted: readonly string[]): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  if (hosted.length === 0) return out;
  const pages = files.paths.filter((p) => BUTTON_PAGES.test(p)).slice(0, 40);
  for (const [file, button] of DEPLOY_BUTTONS) {
    if (!hosted.includes(file) || out.has(file)) continue;
    for (const page of pages) {
      const text = files.read(page);
      const m = text === undefined ? null : button.exec(text);
      if (!m || text === undefined) continue;
      out.set(file, {
        path: page,
        line: lineAt(text, m.index),
        snippet: m[0],
        note: `set aside: ${file} is the template of a one-click deploy button (${m[0]}) for users to deploy their own copy, not a deployment of this project`,
      });
      break;
    }
  }
  return out;
}

/** Deploy tools (facts/commands/tools.ts names) that hand the release to a CD system, by that system. */
const HANDOFFS: Record<string, string> = {
  Spinnaker: 'Spinnaker',
  'Spinnaker trigger (Pub/Sub)': 'Spinnaker',
  'Spinnaker webhook': 'Spinnaker',
  'Argo CD': 'Argo CD',
  Flux: 'Flux',
  'AWS CodePipeline': 'AWS CodePipeline',
  'Octopus Deploy': 'Octopus Deploy',
  octopus: 'Octopus Deploy',
  'deploy trigger (Pub/Sub)': 'a CD system (a Pub/Sub deploy trigger)',
  'deploy trigger (SNS)': 'a CD system (an SNS deploy trigger)',
  'repository dispatch': 'another repository (a repository dispatch or workflow run that deploys there)',
};

/**
 * A hosting config that builds a documentation site (netlify.toml running `mkdocs build` and
 * publishing docs/site/): the docs are published there, not the product deployed (issue 15).
 */
const DOCS_SITE =
  /\b(?:mkdocs|sphinx-build|docusaurus|vitepress|mike\s+deploy|antora|storybook)\b|\bpublish\s*=\s*["'](?:docs?|documentation|website)\//i;

function docsSiteConfig(text: string | undefined): boolean {
  return text !== undefined && DOCS_SITE.test(text);
}

/**
 * A template of a chart (`charts/apps/templates/application.yaml` beside `charts/apps/Chart.yaml`)
 * is what the chart renders for whoever installs it, not a deployment of this repository.
 */
function chartTemplate(files: FileView, path: string): boolean {
  const at = `/${path}`.lastIndexOf('/templates/');
  return at >= 0 && files.exists(at > 0 ? `${path.slice(0, at - 1)}/Chart.yaml` : 'Chart.yaml');
}

/** A Heroku app.json (not Expo's app.json, which configures a mobile app). */
function herokuManifest(files: FileView): boolean {
  const json = files.readJson('app.json');
  if (!json.ok || !json.value || typeof json.value !== 'object') return false;
  const keys = Object.keys(json.value);
  return (
    !keys.includes('expo') &&
    ['formation', 'addons', 'buildpacks', 'environments', 'stack'].some((k) => keys.includes(k))
  );
}

const DOCS_ENV = /^(?:github-pages|gh-pages|pages|docs?|documentation|storybook)$/i;
const DOCS_PUBLISH =
  /(?:^|\/)(?:[\w-]*gh-pages[\w-]*|deploy-pages|[\w-]*mkdocs[\w-]*|[\w-]*sphinx[\w-]*|[\w-]*docusaurus[\w-]*)@/i;

/** A step that builds or publishes documentation: a docs tool, or a `docs` target or script. */
const DOCS_STEP =
  /\b(?:mkdocs|sphinx-build|mike|docusaurus|vitepress|antora|jekyll|hugo|typedoc|mdbook)\b|\b(?:make|just|task)[ \t]+(?:-\S+[ \t]+)*docs?\b|\b(?:npm|yarn|pnpm|bun)[ \t]+(?:run[ \t]+)?docs?(?::[\w-]+)?\b/i;
const SETUP_STEP =
  /^[ \t]*(?:$|#|(?:sudo[ \t]+)?(?:pip3?|python3?[ \t]+-m[ \t]+pip|poetry[ \t]+install|uv[ \t]+(?:sync|pip)|npm[ \t]+(?:ci|install)|yarn(?:[ \t]+install)?$|pnpm[ \t]+install|apt(?:-get)?|cd|echo|export|git[ \t]+config)\b)/i;
/**
 * A workflow named for its documentation (`_mkdocs-publish.yml`, `name: Publish documentation`), or
 * for an API description it publishes (`publish-openapi-spec.yml`: the spec JSON copied into a specs
 * repository is documentation of the API, not a web client; blind round 50).
 */
const DOCS_WORKFLOW =
  /(?:^|[^a-z])(?:docs?|documentation|mkdocs|sphinx|docusaurus|gh-?pages|open-?api|swagger|async-?api|api-?spec)(?:[^a-z]|$)/i;

/** Actions that publish a static site to GitHub Pages. */
const PAGES_DEPLOY =
  /(?:^|\/)(?:actions\/deploy-pages|peaceiris\/actions-gh-pages|JamesIves\/github-pages-deploy-action)@/i;
/** Actions that build documentation, not the product. */
const DOCS_TOOL_ACTION =
  /(?:^|\/)[\w-]*(?:mkdocs|sphinx|docusaurus|jekyll|hugo|mdbook|typedoc|vitepress|storybook|javadoc|dokka)[\w-]*@/i;
/** A published folder that holds documentation, API descriptions, reports or a storybook rather than the app. */
const DOCS_PATH =
  /(?:^|[/.])(?:docs?|documentation|site|_site|book|storybook(?:-static)?|api-?docs|javadoc|dokka|coverage|reports?|website|specs?|open-?api|swagger)(?:\/|$)/i;

/**
 * Jobs of a workflow that publishes the product's web client to GitHub Pages: a Pages deploy action
 * in a workflow not named for documentation, whose shell steps build something (not only set up) and
 * never run a docs generator, and whose published folder is no docs, site or report folder
 * (`app/webApp/build/dist/…`). Decided by what is built, not by the host: a docs site stays set aside
 * (blind round 23, kotlinconf-app web-deploy.yml deploys the Wasm client; jellyseerr's docs-deploy.yml
 * publishes the docs).
 */
function appPagesJobs(f: CiFile): Map<string, CiCommand> {
  const out = new Map<string, CiCommand>();
  const deploys = f.commands.filter((c) => c.job && c.kind === 'uses' && PAGES_DEPLOY.test(c.text));
  if (deploys.length === 0) return out;
  const title = rec(f.docs[0])?.name;
  const name = f.path
    .split('/')
    .pop()!
    .replace(/\.ya?ml$/i, '');
  if (DOCS_WORKFLOW.test(name) || (typeof title === 'string' && DOCS_WORKFLOW.test(title))) return out;
  const runs = f.commands.filter((c) => c.kind === 'run');
  if (runs.some((c) => DOCS_STEP.test(c.text)) || !runs.some((c) => !SETUP_STEP.test(c.text))) return out;
  if (f.commands.some((c) => c.kind === 'uses' && DOCS_TOOL_ACTION.test(c.text))) return out;
  const published = f.commands.flatMap((c) =>
    c.kind === 'uses'
      ? [c.with?.path, c.with?.publish_dir, c.with?.folder, c.with?.['target-folder'], c.with?.destination_dir].filter(
          (v): v is string => typeof v === 'string' && !!v,
        )
      : [],
  );
  if (published.some((v) => DOCS_PATH.test(v))) return out;
  for (const c of deploys) out.set(c.job!, c);
  return out;
}

/**
 * Jobs whose work is publishing a documentation site (a gh-pages action, `mkdocs gh-deploy`,
 * `mike deploy`, a docs make target), or any job of a workflow named for the documentation: a job
 * named `deploy` there publishes the docs site, not the product.
 */
function docsOnlyJobs(f: CiFile, graph: CommandGraph): Set<string> {
  const out = new Set<string>();
  for (const c of f.commands) if (c.job && c.kind === 'uses' && DOCS_PUBLISH.test(c.text)) out.add(c.job);
  // A job whose shell steps build the docs and otherwise only set up (a deploy job that also builds
  // the docs still deploys).
  const runs = new Map<string, string[]>();
  for (const c of f.commands) if (c.job && c.kind === 'run') runs.set(c.job, [...(runs.get(c.job) ?? []), c.text]);
  for (const [job, lines] of runs)
    if (lines.some((l) => DOCS_STEP.test(l)) && lines.every((l) => DOCS_STEP.test(l) || SETUP_STEP.test(l)))
      out.add(job);
  const title = rec(f.docs[0])?.name;
  if (
    DOCS_WORKFLOW.test(
      f.path
        .split('/')
        .pop()!
        .replace(/\.ya?ml$/i, ''),
    ) ||
    (typeof title === 'string' && DOCS_WORKFLOW.test(title))
  )
    for (const j of f.jobs) out.add(j.name);
  for (const r of graph.runs)
    if (
      r.origin.path === f.path &&
      r.origin.job &&
      ((r.argv[0] === 'mkdocs' && r.argv[1] === 'gh-deploy') || (r.argv[0] === 'mike' && r.argv[1] === 'deploy'))
    )
      out.add(r.origin.job);
  // A job that also deploys the service is not a docs job, nor one that publishes the web client.
  for (const r of runsOf(graph, 'deploy')) if (r.origin.path === f.path && r.origin.job) out.delete(r.origin.job);
  for (const job of appPagesJobs(f).keys()) out.delete(job);
  return out;
}

/** Deploys that CI really runs (through scripts and targets), outside jobs that only try a chart in a throwaway cluster. */
function realDeploys(files: FileView, graph: CommandGraph): CommandRun[] {
  const testJobs = new Map(ciFiles(files).map((f) => [f.path, testOnlyJobs(f)]));
  const clusterJobs = throwawayClusterJobs(graph.runs);
  // A job that creates a throwaway cluster through a command it runs installs into that cluster: a
  // test setup, as when CI names the cluster itself.
  for (const r of graph.runs)
    if (r.origin.kind === 'ci' && r.origin.job && clusterJobs.has(`${r.origin.path}#${r.origin.job}`))
      testJobs.get(r.origin.path)?.add(r.origin.job);
  // A job that destroys what it applies (`terraform apply` then `terraform destroy`, a module's CI
  // applying its examples) stands a stack up to test the code and takes it down: nothing stays
  // deployed (blind round 30, a Terraform module's example matrix).
  for (const key of teardownJobs(graph)) {
    const at = key.lastIndexOf('#');
    testJobs.get(key.slice(0, at))?.add(key.slice(at + 1));
  }
  // A deploy command written in a test script (`.test/e2e-k3s.sh`) readies the system under test.
  return [...runsOf(graph, 'deploy'), ...selfHostedComposeDeploys(files, graph)].filter(
    (r) => !inTestScript(r) && !(r.origin.job && testJobs.get(r.origin.path)?.has(r.origin.job)),
  );
}

const DEPLOY_JOB = /(^|[-_ ])(deploy|deployment|release-to|rollout|ship)([-_ ]|$)/i;

/** `docker compose … up` / `docker-compose up` that leaves the stack running (not a test run that exits with it). */
function composeUp(argv: string[]): boolean {
  const at = argv[0] === 'docker' ? argv.indexOf('compose') : argv[0] === 'docker-compose' ? 0 : -1;
  if (at < 0) return false;
  const rest = argv.slice(at + 1, at + 40);
  return rest.includes('up') && !rest.some((w) => /^--(?:abort-on-container-exit|exit-code-from)\b/.test(w));
}

/** A GitHub Actions job's `runs-on` names a self-hosted runner (`self-hosted`, `[self-hosted, linux]`). */
function selfHostedJob(files: FileView, path: string, job: string): boolean {
  const doc = files.readYaml<Record<string, unknown>>(path);
  const jobs = doc.ok ? (doc.value?.jobs as Record<string, unknown> | undefined) : undefined;
  const runsOn = (jobs?.[job] as Record<string, unknown> | undefined)?.['runs-on'];
  const labels =
    typeof runsOn === 'string'
      ? [runsOn]
      : Array.isArray(runsOn)
        ? runsOn
        : runsOn && typeof runsOn === 'object'
          ? [(runsOn as Record<string, unknown>).labels].flat()
          : [];
  return labels.some((l) => typeof l === 'string' && l.trim() === 'self-hosted');
}

/**
 * A job named for deploying that runs `docker compose … up` on a self-hosted runner starts the
 * service on the runner's own host: the machine the job runs on is the target, so the compose run
 * is the deploy (blind round 43: `docker compose -f compose.yml -f compose.deploy.yml up -d` on
 * `runs-on: self-hosted` was "no deploy command recognised"). On a hosted runner the same command
 * starts a throw-away stack (for tests), and stays none.
 */
function selfHostedComposeDeploys(files: FileView, graph: CommandGraph): CommandRun[] {
  const out: CommandRun[] = [];
  for (const r of graph.runs) {
    if (r.origin.kind !== 'ci' || r.origin.system !== 'github-actions' || !r.origin.job) continue;
    if (!DEPLOY_JOB.test(r.origin.job) || HOOK_NAME.test(r.origin.job) || !composeUp(r.argv)) continue;
    if (r.tools.some((t) => t.kinds.includes('deploy')) || !selfHostedJob(files, r.origin.path, r.origin.job)) continue;
    out.push({ ...r, tools: [...r.tools, { name: 'docker compose up on a self-hosted runner', kinds: ['deploy'] }] });
    if (out.length >= 50) break;
  }
  return out;
}

/**
 * A job named for what happens around a deployment (`on_deploy`, `after-deploy`, `post_deploy`):
 * a hook that reacts to one (casa's daily job moving project-board cards), not the deployment.
 */
const HOOK_NAME = /(^|[-_ ])(on|after|post|pre|before)[-_ ]deploy/i;

/**
 * Commands that reach a server or a cluster (a copy over SSH, compose on a host, a kubectl call):
 * a job running one of them may deploy even when no deploy tool was recognised.
 */
const REMOTE_CMD =
  /^(?:ssh|scp|sftp|rsync|sshpass|ansible|ansible-playbook|docker-compose|kubectl|oc|fly|flyctl|dokku|cap|kamal|lftp)$/;

const ciRunsByJob = new WeakMap<CommandGraph, Map<string, Map<string, CommandRun[]>>>();

/**
 * Jobs that package or publish an artefact (`helm package` and a push of the chart index to a
 * chart repository, `cr upload`, `docker push`, `npm publish`) and reach no server: whatever the
 * job is called (`build-and-deploy`), it releases something for others to install and deploys
 * nothing (round 12). Judged by the tools its steps run, never by its name.
 */
function publishOnlyJobs(graph: CommandGraph, path: string): Map<string, string[]> {
  let byPath = ciRunsByJob.get(graph);
  if (!byPath) {
    // The graph's CI runs grouped by file and job once, not a pass over every run per CI file.
    byPath = new Map();
    for (const r of graph.runs) {
      if (r.origin.kind !== 'ci' || !r.origin.job) continue;
      let jobs = byPath.get(r.origin.path);
      if (!jobs) byPath.set(r.origin.path, (jobs = new Map()));
      const list = jobs.get(r.origin.job);
      if (list) list.push(r);
      else jobs.set(r.origin.job, [r]);
    }
    ciRunsByJob.set(graph, byPath);
  }
  const byJob = byPath.get(path) ?? new Map<string, CommandRun[]>();
  const out = new Map<string, string[]>();
  for (const [job, runs] of byJob) {
    const remote = runs.some(
      (r) =>
        REMOTE_CMD.test(r.argv[0] ?? '') ||
        (r.argv[0] === 'docker' && /^(?:compose|stack|service|context)$/.test(r.argv[1] ?? '')) ||
        r.tools.some((t) => t.kinds.includes('deploy')),
    );
    const tools = [
      ...new Set(
        runs.flatMap((r) =>
          r.tools.filter((t) => t.kinds.includes('build') || t.kinds.includes('release')).map((t) => t.name),
        ),
      ),
    ];
    if (!remote && tools.length > 0) out.set(job, tools);
  }
  return out;
}

/**
 * A job that only calls a workflow of this repository (`uses: ./.github/workflows/deployment.yml`)
 * whose jobs all only print or wait (idleJobs): the caller deploys nothing either (blind round 47, a
 * `deploy` job calling a workflow that echoes "Dummy Deploy...").
 */
function callsIdleWorkflow(f: CiFile, job: string, all: readonly CiFile[]): boolean {
  const uses = rec(rec(rec(f.docs[0])?.jobs)?.[job])?.uses;
  if (typeof uses !== 'string' || !uses.startsWith('./')) return false;
  const called = all.find((c) => c.path === uses.slice(2).split('@')[0]);
  if (!called || called.path === f.path || called.jobs.length === 0) return false;
  const idle = idleJobs(called);
  return called.jobs.every((j) => idle.has(j.name));
}

/** Tools that publish a package to a registry for others to install (facts/commands/tools.ts names). */
const PACKAGE_PUBLISH = /^(?:package publish|Gradle publish|Maven deploy|sbt release|mix hex\.publish|vsce publish)$/;

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * A GitHub Actions environment with `deployment: false` lends the job its secrets and protection
 * rules without creating a deployment (vaultwarden's `release` environment for registry tokens).
 */
function secretsOnly(f: { docs: unknown[] }, job: string | undefined): boolean {
  if (!job) return false;
  const env = rec(rec(rec(rec(f.docs[0])?.jobs)?.[job])?.environment);
  return env?.deployment === false;
}

export default defineRule({
  meta: {
    id: 'continuous-deployment',
    scope: 'repository',
    title: 'Deployment is automated',
    failureTitle: 'Deployment is manual',
    description:
      'A pipeline or GitOps controller that deploys every accepted change makes releases routine, repeatable and auditable; deployments by hand from a laptop are where outages and configuration drift begin.',
    remediation:
      'Add a deploy job to CI (kubectl/helm, terraform apply, a cloud deploy action) gated by a protected environment, or let a GitOps controller (Argo CD, Flux) sync the manifests from the repository.',
    severity: 'medium',
    effort: 'medium',
    detection:
      'CI jobs that run (directly or through package scripts, make targets, scripts, composite actions and orbs) kubectl apply, helm upgrade, terraform/tofu apply, pulumi up, cdk/sam/serverless deploy, aws ecs update-service, gcloud run deploy, az webapp/containerapp, fly/heroku/vercel/netlify deploys or deploy actions (azure/webapps-deploy, aws-actions/amazon-ecs-deploy-task-definition, google-github-actions/deploy-cloudrun, nais/deploy/actions/deploy, Azure DevOps deploy tasks); CircleCI orb jobs named for deploying (`pulumi-up`, `deploy`); a reusable deploy workflow of another repository handed the environment to deploy to; jobs that target a CI environment; handoffs to a CD system that deploys what CI published (a Spinnaker trigger: `spin pipeline execute`, a Pub/Sub or SNS message to a topic named for Spinnaker or deploys, a Spinnaker webhook; `argocd app sync`, `flux reconcile`, `aws codepipeline start-pipeline-execution`, Octopus deploy-release, a POST to a URL from a variable named for deploying such as `$AUTODEPLOY_URL`, a repository dispatch or `gh workflow run --repo` to another repository whose event, payload or workflow is named for deploying, manifests, Helm or a rollout), named as handed to that system; Argo CD `Application`/`ApplicationSet` and Flux `Kustomization`/`HelmRelease` resources (not the templates of a chart, which its users render), and Argo CD applications written as Helm values for the argocd-apps chart (`applications:`/`applicationsets:` entries with a source and destination, or generators; not the chart’s empty defaults, chart-testing `ci/` values or docs). Jobs that only install into a kind/minikube/k3d/k3s test cluster (also one a script they run starts: `k3s server`, get.k3s.io), and deploy commands written in a test script (a test/, .test/, tests/ or e2e/ folder, an e2e-* script), do not count. A job named for deployment whose steps only package or publish an artefact (helm package and a push of the chart index, cr upload, docker push, npm publish) and reach no server or cluster deploys nothing, whatever its name. A GitHub Pages deploy counts by what it builds: the product’s web client (a build step, no docs generator, a published folder that is no docs/site/report folder, a workflow not named for docs) is a deployment — partial alone, since a static host runs no server; a documentation site is set aside. A static host’s config (netlify.toml `publish`, vercel.json `outputDirectory`, no serverless functions) beside a server or Dockerfile of the project’s own outside the folder it builds publishes a client or preview site, not the service: set aside and named. A hosting platform config (render.yaml, vercel.json, netlify.toml) that a one-click deploy button of the README or a deploy page points at (`render.com/deploy?repo=…`, `vercel.com/new/clone`, `app.netlify.com/start/deploy`) is a template for users to deploy their own copy: set aside and named, not a deployment of the project. A Shipit `shipit.yml` whose `deploy: override:` (or `kubernetes:`) scripts the deploy counts: Shipit runs those steps for each deploy. A job named for deploying whose steps only set up (checkout, download-artifact, cache, setup-*) and echo or wait, or that calls a workflow of the repository whose jobs only do so, deploys nothing. The environment of a job that only pushes an image (docker/build-push-action, docker push, buildx imagetools create) or uploads an extension, reaching no server, cluster, cloud API or web hook, gates a release, not a deployment. A netlify.toml whose build runs `nuxt build` or `next build` (unless the framework config makes it static) renders on the server there: not a static site.',
    reads: [...CI_GLOBS, ...DO_APP_GLOBS, 'app.json', 'shipit.yml', 'shipit.*.yml', 'shipit.yaml', 'shipit.*.yaml'],
    patterns: {
      gitops: {
        // The literal gate keeps kustomize's own `kind: Kustomization` (kustomize.config.k8s.io) out.
        regex: /^kind:\s*["']?(Application|ApplicationSet|Kustomization|HelmRelease)["']?\s*$/m,
        files: ['**/*.{yml,yaml}'],
        literals: ['argoproj.io', 'toolkit.fluxcd.io'],
        maxPerFile: 1,
      },
    },
  },
  // A package its callers deploy, unless CI here deploys it after all (then it is judged as a deployment).
  appliesTo: ({ facts, files }) =>
    facts.reusable && realDeploys(files, facts.commands).length === 0
      ? { reason: `${facts.reusable.reason}: it is released for its callers to deploy, not deployed from here` }
      : facts.profile.id === 'service' || facts.profile.id === 'infrastructure'
        ? true
        : { reason: `profile is ${facts.profile.id}: only services and infrastructure are deployed` },
  check(ctx) {
    const ci = ciFiles(ctx.files);
    const ok = ci.filter((f) => f.ok);
    const broken: Evidence[] = ci
      .filter((f) => !f.ok)
      .map((f) => ({ path: f.path, note: `could not be parsed: ${f.error}` }));
    const deploys = realDeploys(ctx.files, ctx.facts.commands);
    const gitops = ctx.matches('gitops').filter((m) => isProductionPath(m.path) && !chartTemplate(ctx.files, m.path));
    // Argo CD applications written as Helm values (the argocd-apps chart renders them; no `kind:` line).
    const valuesApps = gitopsValuesApps(ctx.files);
    // Environments that a real (non-test) job targets; a documentation site (GitHub Pages, mkdocs
    // gh-deploy, a `docs` environment) is published, not the service deployed.
    // Nor is a package registry a running system: the environment of a job that only publishes a
    // package (PyPI trusted publishing's `environment: release`, npm/cargo/NuGet/gem) gates a
    // release, and says nothing of a deployment (round 18, django-helpdesk).
    const packageEnvs: Evidence[] = [];
    // GitHub Pages deploys of the product's web client (appPagesJobs): a deployment, unlike a docs site.
    const pages: CiCommand[] = [];
    const envs = ok.flatMap((f) => {
      const testJobs = testOnlyJobs(f);
      const docsJobs = docsOnlyJobs(f, ctx.facts.commands);
      const publishJobs = publishOnlyJobs(ctx.facts.commands, f.path);
      const appPages = appPagesJobs(f);
      const artefacts = artefactOnlyJobs(f, ctx.facts.commands);
      pages.push(...appPages.values());
      return f.environments.filter((e) => {
        if (
          (e.job && (testJobs.has(e.job) || docsJobs.has(e.job))) ||
          (DOCS_ENV.test(e.name) && !(e.job && appPages.has(e.job))) ||
          secretsOnly(f, e.job)
        )
          return false;
        const artefact = e.job ? artefacts.get(e.job) : undefined;
        if (artefact) {
          packageEnvs.push({
            path: e.path,
            line: e.line,
            snippet: `environment: ${e.written ?? e.name}`,
            note: `set aside: job ${e.job} only publishes ${artefact} to a registry or store and reaches no server or cluster; its environment ${e.name} gates a release, not a deployment`,
          });
          return false;
        }
        const tools = e.job ? publishJobs.get(e.job) : undefined;
        if (!tools?.some((t) => PACKAGE_PUBLISH.test(t))) return true;
        packageEnvs.push({
          path: e.path,
          line: e.line,
          snippet: `environment: ${e.written ?? e.name}`,
          note: `set aside: job ${e.job} only publishes a package (${listing(tools.slice(0, 3))}); its environment ${e.name} gates a release, not a deployment`,
        });
        return false;
      });
    });
    // A deploy tool that ships from the repository's own file (Shipit's `deploy: override:`), not from CI.
    const shipit = shipitConfigs(ctx.files).flatMap((s) => (s.deploy ? [s.deploy] : []));
    const data = {
      deployJobs: [...new Set(deploys.map((r) => `${r.origin.path}#${r.origin.job ?? 'default'}`))].sort(),
      gitops: gitops.length + valuesApps.length,
      ...(shipit.length ? { shipit: shipit.map((s) => s.path) } : {}),
      environments: [...new Set(envs.map((e) => e.name))].sort(),
    };
    const envEvidence = envs.slice(0, 3).map(
      (e): Evidence => ({
        path: e.path,
        line: e.line,
        snippet: e.input ? `- ${e.name}` : `environment: ${e.written ?? e.name}`,
        note: `${e.job ? `job ${e.job} targets` : 'targets'} environment ${e.name}${e.input ? ` (an option of the manual trigger's input ${e.input})` : ciEnvironmentRole(e.name) === 'gate' ? ' (an approval gate: someone approves the job before it runs)' : ''}`,
      }),
    );
    const pagesEvidence = pages.slice(0, 2).map(
      (c): Evidence => ({
        path: c.path,
        line: c.line,
        snippet: `uses: ${c.text}`,
        note: `job ${c.job} publishes the web client it builds to GitHub Pages (the app's build, not a docs site)`,
      }),
    );
    const shipitEvidence = shipit.slice(0, 2).map(
      (s): Evidence => ({
        path: s.path,
        line: s.line,
        snippet: s.text.slice(0, 120),
        note: 'Shipit deploy step: Shipit runs it for each deploy of the stack (started in Shipit, by hand or on each push as the stack is set)',
      }),
    );
    if (
      deploys.length === 0 &&
      gitops.length === 0 &&
      valuesApps.length === 0 &&
      shipit.length === 0 &&
      pages.length > 0
    )
      return partial(
        0.6,
        `CI deploys the web client to GitHub Pages (${pages[0]!.path}:${pages[0]!.line}); no deployment of the service itself was found (a static site host runs no server).`,
        [...pagesEvidence, ...envEvidence, ...broken],
        data,
      );
    const found: string[] = [];
    // Deploys that hand the release to a CD system (a Spinnaker trigger, `argocd app sync`, `flux
    // reconcile`): the deployment runs there, started by CI — automated, and named as a handoff.
    const handedTo = [
      ...new Set(deploys.flatMap((r) => r.tools.flatMap((t) => (HANDOFFS[t.name] ? [HANDOFFS[t.name]!] : [])))),
    ];
    const handoffOnly = deploys.every((r) => r.tools.some((t) => HANDOFFS[t.name]));
    if (deploys.length > 0 && handedTo.length > 0 && handoffOnly)
      found.push(`CI hands each release to ${listing(handedTo.slice(0, 3))}, which deploys it`);
    else if (deploys.length > 0)
      found.push(handedTo.length ? `CI deploy jobs (handed to ${listing(handedTo.slice(0, 3))})` : 'CI deploy jobs');
    if (pages.length > 0) found.push('a GitHub Pages deploy of the web client');
    if (gitops.length > 0) found.push('GitOps (Argo CD/Flux)');
    if (valuesApps.length > 0) found.push(valuesAppsFinding(valuesApps));
    if (shipit.length > 0) found.push(`Shipit deploys scripted in ${listing([...new Set(shipit.map((s) => s.path))])}`);
    if (found.length > 0) {
      const evidence = [
        ...deploys.slice(0, 4).map(cite),
        ...shipitEvidence,
        ...gitops.slice(0, 3).map((m) => fromMatch(m, 'GitOps controller resource')),
        ...valuesApps.slice(0, 3).map(valuesAppEvidence),
        ...pagesEvidence,
        ...envEvidence,
        ...broken,
      ];
      // Only environments of the deploying jobs gate the deployment; others are mentioned, not claimed.
      const deployJobKeys = new Set(deploys.map((r) => `${r.origin.path}#${r.origin.job ?? ''}`));
      const gating = [
        ...new Set(envs.filter((e) => deployJobKeys.has(`${e.path}#${e.job ?? ''}`)).map((e) => e.name)),
      ].sort();
      const gated =
        gating.length > 0 ? ` through environment${gating.length === 1 ? '' : 's'} ${listing(gating.slice(0, 4))}` : '';
      return pass(`Deployment is automated: ${listing(found)}${gated}.`, evidence, data);
    }
    // A job named deploy that runs commands we cannot classify (a bespoke CLI, a script of its own)
    // most likely deploys; say so without claiming it. (Compose started on a self-hosted runner is a
    // deploy to that host: selfHostedComposeDeploys.)
    const remote = unfollowedWorkflows(
      ctx.facts.commands,
      /deploy|release|publish|ship|rollout|(?:^|[-_ ])cd(?:[-_ .]|$)/i,
    );
    // Jobs that call another repository's workflow are named by `remote`, not guessed from their names.
    const remoteJobs = new Set(ctx.facts.commands.unresolved.flatMap((u) => (u.remote?.job ? [u.remote.job] : [])));
    const publishing: Evidence[] = [];
    const idling: Evidence[] = [];
    const deployJobs = ok.flatMap((f) => {
      const testJobs = testOnlyJobs(f);
      const docsJobs = docsOnlyJobs(f, ctx.facts.commands);
      const publishJobs = publishOnlyJobs(ctx.facts.commands, f.path);
      const idle = idleJobs(f);
      const callers = new Set(f.jobs.filter((j) => callsIdleWorkflow(f, j.name, ok)).map((j) => j.name));
      for (const j of callers) idle.add(j);
      return f.jobs
        .filter(
          (j) =>
            /(^|[-_ ])(deploy|deployment|release-to|rollout|ship)([-_ ]|$)/i.test(j.name) &&
            !HOOK_NAME.test(j.name) &&
            !testJobs.has(j.name) &&
            !docsJobs.has(j.name) &&
            !remoteJobs.has(j.name),
        )
        .filter((j) => {
          if (!idle.has(j.name)) return true;
          idling.push({
            path: f.path,
            ...(j.line ? { line: j.line } : {}),
            snippet: `${j.name}:`,
            note: callers.has(j.name)
              ? `set aside: job ${j.name} calls a workflow of this repository whose jobs only print or wait (echo, sleep): it deploys nothing, whatever its name`
              : `set aside: job ${j.name} only prints or waits (echo, sleep): it deploys nothing, whatever its name`,
          });
          return false;
        })
        .filter((j) => {
          const tools = publishJobs.get(j.name);
          if (!tools) return true;
          publishing.push({
            path: f.path,
            ...(j.line ? { line: j.line } : {}),
            snippet: `${j.name}:`,
            note: `set aside: job ${j.name} only packages or publishes an artefact (${listing(tools.slice(0, 3))}) and reaches no server or cluster: it deploys nothing, whatever its name`,
          });
          return false;
        })
        .map(
          (j): Evidence => ({
            path: f.path,
            ...(j.line ? { line: j.line } : {}),
            snippet: `${j.name}:`,
            note: `job ${j.name} is named as a deployment; its deploy command was not recognised`,
          }),
        );
    });
    if (envs.length > 0 || deployJobs.length > 0) {
      if (envs.length === 0)
        return partial(
          0.6,
          `CI has deploy jobs (${listing(deployJobs.slice(0, 3).map((e) => e.snippet!.slice(0, -1)))}), but no deploy command or action in them was recognised.`,
          [...deployJobs.slice(0, 3), ...broken],
          data,
        );
      return partial(
        0.6,
        `CI jobs target deployment environments (${listing(data.environments.slice(0, 4))}), but no deploy command or action was recognised in them.`,
        [...envEvidence, ...remote.slice(0, 2), ...broken],
        data,
      );
    }
    if (remote.length > 0)
      return unknown(
        'No deploy command in the CI files here, but CI calls a reusable workflow of another repository that may deploy; it cannot be read here.',
        [...remote.slice(0, 3), ...broken],
        data,
      );
    // An App Platform spec that deploys on push (`deploy_on_push: true` under its git source): the
    // platform builds and deploys every push to that branch, configured here (issue 15).
    const onPush = doAppSpecs(ctx.files).filter((d) => d.deployOnPush);
    if (onPush.length > 0) {
      const d = onPush[0]!;
      return pass(
        `DigitalOcean App Platform deploys on every push${d.branch ? ` to ${d.branch}` : ''} (${d.path}: deploy_on_push: true): the platform builds and releases the branch itself, so whether tests gate a release is up to the branch's protection, not shown here.`,
        [
          { path: d.path, line: d.deployOnPush!.line, snippet: d.deployOnPush!.text, note: 'platform deploys on push' },
          ...broken,
        ],
        data,
      );
    }
    const hosted = PLATFORM_FILES.filter((p) => ctx.files.exists(p) && !docsSiteConfig(ctx.files.read(p)));
    // A static host's build of one folder (a web client, a preview site) beside the service's own
    // server deploys the site, not the service (blind round 30, redash: netlify.toml publishes
    // client/dist and proxies /api/* to a preview backend).
    const clientOnly = hosted.flatMap((p) => {
      const why = staticClientOnly(ctx.files, ctx.facts.servers, p);
      return why ? [{ path: p, note: why }] : [];
    });
    const templates = oneClickTemplates(ctx.files, hosted);
    const platform = hosted.filter((p) => !clientOnly.some((c) => c.path === p) && !templates.has(p));
    if (platform.length > 0) {
      return partial(
        0.5,
        `A hosting platform config (${listing(platform)}) suggests deploys on push, but no pipeline in the repository shows it.`,
        [...platform.map((p) => ({ path: p, note: 'platform deploy configuration' })), ...broken],
        data,
      );
    }
    if (ok.length === 0 && broken.length > 0)
      return unknown('CI configuration could not be parsed, so deployment automation is unknown.', broken, data);
    // A deploy job switched off (`if: false`) is configured but runs nothing: said, not credited.
    const offDeploys = ok.flatMap((f) =>
      (f.offJobs ?? [])
        .filter((j) => /(^|[-_ ])(deploy|deployment|release-to|rollout|ship)([-_ ]|$)/i.test(j.name))
        .map(
          (j): Evidence => ({
            path: f.path,
            ...(j.line ? { line: j.line } : {}),
            snippet: `${j.name}:`,
            note: `job ${j.name} is switched off (if: false or when: never): it deploys nothing`,
          }),
        ),
    );
    // Deploy commands seen and set aside (a test job, an install into a throwaway kind/k3d/k3s/minikube
    // cluster): said as such, never as "no deploy command".
    const kept = new Set(deploys);
    const asideRuns = runsOf(ctx.facts.commands, 'deploy').filter((r) => !kept.has(r));
    const asideEvidence = asideRuns.slice(0, 3).map(
      (r): Evidence => ({
        ...cite(r),
        note: `set aside: job ${r.origin.job ?? '(default)'} deploys only into a test setup (a test job or script, or a throwaway kind/k3d/k3s/minikube cluster), not an environment`,
      }),
    );
    const asideNote = asideRuns.length
      ? ` ${asideRuns.length === 1 ? 'One deploy command was' : `${asideRuns.length} deploy commands were`} seen and set aside: ${asideRuns.length === 1 ? 'it deploys' : 'they deploy'} only into a test setup (a throwaway kind/k3d/k3s/minikube cluster, a test script or a test job).`
      : '';
    // A job that calls an idle workflow shares its name with the called job: named once.
    const envNames = [...new Set(packageEnvs.map((e) => e.snippet!.replace(/^environment: /, '')))];
    const idleNames = [...new Set(idling.map((e) => e.snippet!.slice(0, -1)))];
    return fail(
      `${
        offDeploys.length
          ? `No automated deployment found: the deploy job${offDeploys.length === 1 ? '' : 's'} ${listing(offDeploys.slice(0, 3).map((e) => e.snippet!.slice(0, -1)))} ${offDeploys.length === 1 ? 'is' : 'are'} switched off.`
          : 'No automated deployment found.'
      }${asideNote}${
        clientOnly.length
          ? ` ${listing(clientOnly.map((c) => c.path))} ${clientOnly.length === 1 ? 'publishes' : 'publish'} a static site built from one folder, not the service.`
          : ''
      }${
        templates.size
          ? ` ${listing([...templates.keys()])} ${templates.size === 1 ? 'is the template' : 'are the templates'} of a one-click deploy button for users' own deployments (images or code published; deploying is up to the users), not a deployment of this project.`
          : ''
      }${
        packageEnvs.length
          ? ` The environment${envNames.length === 1 ? '' : 's'} ${listing(envNames.slice(0, 3))} of ${packageEnvs.length === 1 ? 'a job that only publishes a package, an image or an extension' : 'jobs that only publish packages, images or extensions'} ${envNames.length === 1 ? 'gates' : 'gate'} a release, not a deployment.`
          : ''
      }${
        publishing.length
          ? ` Job${publishing.length === 1 ? '' : 's'} ${listing(publishing.slice(0, 3).map((e) => e.snippet!.slice(0, -1)))} only ${publishing.length === 1 ? 'packages and publishes an artefact' : 'package and publish artefacts'} for others to install, whatever ${publishing.length === 1 ? 'its name' : 'their names'}.`
          : ''
      }${
        idleNames.length
          ? ` Job${idleNames.length === 1 ? '' : 's'} ${listing(idleNames.slice(0, 3))} only ${idleNames.length === 1 ? 'prints or waits' : 'print or wait'} (echo, sleep${idleNames.length < idling.length ? `, or ${idleNames.length === 1 ? 'calls' : 'call'} a workflow that does` : ''}): ${idleNames.length === 1 ? 'it deploys' : 'they deploy'} nothing, whatever ${idleNames.length === 1 ? 'its name' : 'their names'}.`
          : ''
      }`,
      [
        ...asideEvidence,
        {
          path: '.',
          note: `no deploy command or action${asideRuns.length ? ' outside test setups' : ''} in ${ok.length} CI file${ok.length === 1 ? '' : 's'}${
            ok.length
              ? ` (${ok
                  .slice(0, 4)
                  .map((f) => f.path)
                  .join(', ')})`
              : ''
          }; no Argo CD/Flux resource in ${ctx.searched('gitops')} YAML files`,
        },
        ...offDeploys.slice(0, 3),
        ...clientOnly,
        ...templates.values(),
        ...publishing.slice(0, 3),
        ...idling.slice(0, 3),
        ...packageEnvs.slice(0, 2),
        ...(herokuManifest(ctx.files)
          ? [{ path: 'app.json', note: 'Heroku app manifest (review apps, deploy button): it deploys nothing on push' }]
          : []),
        ...broken,
      ],
      data,
    );
  },
});

/**
 * Static-site hosts whose config names the folder they publish (Netlify `publish`, Vercel
 * `outputDirectory`): the deployable is that site. Beside a server of the project's own outside the
 * folder the site is built from (a server listener, or a Dockerfile that builds the service), the
 * host serves the client (a preview or a front end) and the service is deployed some other way, or
 * not here. Serverless functions (Netlify `[functions]`, Vercel `functions`/`api/`) are a backend
 * the host runs: then it counts. Returns why the config is set aside, or undefined.
 */
function staticClientOnly(files: FileView, servers: readonly Evidence[], path: string): string | undefined {
  const text = files.read(path);
  if (text === undefined) return undefined;
  let base: string | undefined;
  let publish: string | undefined;
  if (path === 'netlify.toml') {
    if (/^[ \t]*(?:\[functions\]|functions[ \t]*=)/m.test(text) || files.match(['netlify/functions/**']).length > 0)
      return undefined;
    base = /^[ \t]*base[ \t]*=[ \t]*["']([^"'\n]*)["']/m.exec(text)?.[1];
    publish = /^[ \t]*publish[ \t]*=[ \t]*["']([^"'\n]*)["']/m.exec(text)?.[1];
    if (serverRendered(files, text, base)) return undefined;
  } else if (path === 'vercel.json') {
    if (/"functions"\s*:|"builds"\s*:/.test(text) || files.match(['api/**']).length > 0) return undefined;
    publish = /"outputDirectory"\s*:\s*"([^"\n]*)"/.exec(text)?.[1];
  } else return undefined;
  if (publish === undefined) return undefined;
  const folder = (base ?? publish).replace(/^\.?\/+|\/+$/g, '').split('/')[0] ?? '';
  const outside = (p: string) => folder === '' || folder === '.' || !`${p}`.startsWith(`${folder}/`);
  const server = servers.find((s) => outside(s.path));
  const image = server
    ? undefined
    : files.match(['Dockerfile', '*/Dockerfile', 'Dockerfile.*']).find((p) => isProductionPath(p) && outside(p));
  if (!server && !image) return undefined;
  const site = [base, publish].filter(Boolean).join(' → ');
  return `set aside: ${path} builds and publishes a static site (${site}); the service itself (${server ? `its server, ${server.path}${server.line ? `:${server.line}` : ''}` : `its image, ${image}`}) is not deployed by it`;
}
