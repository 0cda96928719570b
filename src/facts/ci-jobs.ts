/**
 * What a CI job does beyond its commands' text: deploy actions, throwaway clusters (kind, minikube,
 * k3d, k3s) created by a command or a script it runs, commands written in test scripts, and jobs
 * that are idle or only test. Rules read these through ci.ts, which re-exports them.
 */
import type { CommandRun } from '../types.js';
import type { CiFile } from './ci.js';

/**
 * Actions, tasks and orbs that deploy (GitHub `uses:`, Azure `task:`, CircleCI orbs), with the
 * platform deploy actions of platform-apps.ts (NAIS `nais/deploy/actions/deploy`) and the PaaS
 * platforms' own (blind round 28: pupilfirst ci.yml:168 `digitalocean/app_action@v1.1.7`; v2 is
 * `digitalocean/app_action/deploy`, its delete/archive siblings ship nothing). Owners are compared
 * case-insensitively: GitHub spells `Azure/webapps-deploy` and `azure/webapps-deploy` alike.
 */
export const DEPLOY_ACTION =
  /^(?:digitalocean\/app_action(?:\/deploy)?@|awslabs\/amazon-app-runner-deploy|einaregilsson\/beanstalk-deploy|johnbeynon\/render-deploy-action|bervproject\/railway-deploy|nwtgck\/actions-netlify|gonuit\/heroku-docker-deploy|azure\/(?:webapps-deploy|k8s-deploy|functions-action|functions-container-action|container-apps-deploy-action|aci-deploy|spring-apps-deploy|arm-deploy|aks-set-context)|aws-actions\/(?:amazon-ecs-deploy-task-definition|aws-cloudformation-github-deploy|amazon-ecs-deploy-express-service)|google-github-actions\/(?:deploy-cloudrun|deploy-appengine|deploy-cloud-functions|deploy-gke)|superfly\/flyctl-actions|akhileshns\/heroku-deploy|amondnet\/vercel-action|cloudflare\/wrangler-action|denoland\/deployctl@|pulumi\/actions|hashicorp\/tfc-workflows-github\/actions\/apply-run|dokku\/github-action|nais\/deploy\/actions\/deploy\b|(?:AzureWebApp|AzureRmWebAppDeployment|AzureFunctionApp|AzureWebAppContainer|AzureContainerApps|KubernetesManifest|Kubernetes|HelmDeploy|AzureResourceManagerTemplateDeployment|AzureResourceGroupDeployment|AzureAppServiceManage)@\d|(?:aws-ecs|aws-eks|kubernetes|helm|heroku|gcp-cloud-run|azure-aks)\/(?:deploy|update|install-helm-chart|upgrade-helm-chart|rollout)[\w-]*)/i;

/** A CI step or command that creates a throwaway Kubernetes cluster for the job (kind, minikube, k3d). */
export const THROWAWAY_CLUSTER_STEP =
  /\bkind\s+create\b|helm\/kind-action|engineerd\/setup-kind|container-tools\/kind-action|minikube\s+start|medyagh\/setup-minikube|k3d\s+cluster\s+create|k3d-action|ctlptl\s+create\b|kwokctl\s+create\s+cluster|\bk3s\s+server\b|get\.k3s\.io|nolar\/setup-k3d-k3s|debianmaster\/actions-k3s|jupyterhub\/action-k3s-helm/;

/** A command that creates a throwaway cluster, by its first words (`kind create cluster`, `minikube start`). */
const THROWAWAY_CLUSTER_COMMAND =
  /^(?:kind\s+create\s+cluster|k3d\s+cluster\s+create|minikube\s+start|ctlptl\s+create|kwokctl\s+create\s+cluster|k3s\s+server)\b/;

/** Wrappers that start the command after them (`setsid k3s server …`, `sudo nohup minikube start`). */
const LAUNCHERS = new Set(['sudo', 'setsid', 'nohup', 'exec', 'nice', 'stdbuf', 'env', 'time', 'command']);

/**
 * The program a command starts, by its base name: `/usr/local/bin/k3s` is k3s, and so is a binary
 * held in a variable named for it (`"${K3S_BIN}" server`, `$KIND create cluster`).
 */
function programName(word: string): string {
  const v = /^\$\{?([A-Za-z_]\w{0,60})\}?$/.exec(word);
  if (v) {
    const m = /(?:^|_)(K3S|K3D|KIND|MINIKUBE|CTLPTL|KWOKCTL)(?:_|$)/i.exec(v[1]!);
    return m ? m[1]!.toLowerCase() : word;
  }
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * Whether a command creates a throwaway cluster for the job: `kind create cluster`, `k3d cluster
 * create`, `minikube start`, a k3s server started on the runner (`sudo setsid "$K3S_BIN" server`), or
 * k3s installed from its script (`curl -sfL https://get.k3s.io | sh -`).
 */
export function createsThrowawayCluster(argv: readonly string[]): boolean {
  let i = 0;
  while (i < argv.length && i < 8 && (LAUNCHERS.has(argv[i]!) || /^-|^[A-Za-z_]\w*=/.test(argv[i]!))) i++;
  if (i >= argv.length) return false;
  const words = [programName(argv[i]!), ...argv.slice(i + 1, i + 3)].join(' ');
  if (THROWAWAY_CLUSTER_COMMAND.test(words)) return true;
  return (
    /^(?:curl|wget)$/.test(programName(argv[i]!)) && argv.slice(i + 1, i + 12).some((a) => /\bget\.k3s\.io\b/.test(a))
  );
}

/**
 * CI jobs (`path#job`) that create a throwaway cluster through a command they run, also through a
 * script or target (`make e2e-setup` → `kind create cluster`, a test script starting a k3s server):
 * what the job installs goes there.
 */
export function throwawayClusterJobs(runs: readonly CommandRun[]): Set<string> {
  const out = new Set<string>();
  for (const r of runs)
    if (r.origin.kind === 'ci' && r.origin.job && createsThrowawayCluster(r.argv))
      out.add(`${r.origin.path}#${r.origin.job}`);
  return out;
}

/** A folder of tests (`test/`, `.test/`, `tests/`, `e2e/`, `integration-tests/`). */
const TEST_DIR = /^(?:\.?tests?|e2e|__tests__|(?:e2e|integration|acceptance|system|smoke)[-_]?tests?)$/i;

/**
 * A command written in a test script (`.test/e2e-k3s.sh`, `tests/e2e/deploy.sh`): a `kubectl apply`
 * there sets up the system under test, it does not deploy the product (blind round 35).
 */
export function inTestScript(r: CommandRun): boolean {
  return r.chain.slice(1).some((h) => {
    const parts = h.path.split('/');
    return parts.slice(0, -1).some((d) => TEST_DIR.test(d)) || /^e2e[-_.]/i.test(parts[parts.length - 1]!);
  });
}

/**
 * Jobs that only exercise deployment in a throwaway cluster (kind, minikube, k3d) or are named
 * as tests: a `helm install` there tests a chart, it does not ship the service.
 */
/**
 * Jobs that run nothing but messages and pauses (`echo "Do Not Deploy"`, `sleep 5`, `true`), beside
 * set-up steps at most (a checkout, a download of an artefact, a cache, a toolchain set-up): whatever
 * their name, they deploy, test or build nothing (blind round 31, a `deploy` job whose only step
 * echoes, the real deploy commented out; blind round 47, a `deploy` job that downloads the build and
 * echoes "Dummy Deploy...").
 */
export function idleJobs(f: CiFile): Set<string> {
  const busy = new Set<string>();
  const seen = new Set<string>();
  for (const c of f.commands) {
    if (!c.job) continue;
    seen.add(c.job);
    if (c.kind === 'uses' ? !SETUP_ACTION.test(c.text.trim()) : !idleLine(c.text)) busy.add(c.job);
  }
  return new Set([...seen].filter((j) => !busy.has(j)));
}

/** Actions that only set up a job (check out, fetch an artefact, restore a cache, install a toolchain). */
const SETUP_ACTION = /^actions\/(?:checkout|download-artifact|cache(?:\/restore)?|setup-[\w-]+)@/;

/** A shell line of messages, pauses and no-ops only (`echo …`, `printf …`, `sleep 5`, `true`, `exit 0`). */
function idleLine(text: string): boolean {
  return text
    .slice(0, 2000)
    .split(/&&|\|\||;/)
    .every((part) => {
      const t = part.trim();
      return t === '' || /^(?:echo|printf|sleep|true|:|exit\s+0|date|pwd|whoami)(?:\s|$)/.test(t) || t === 'exit';
    });
}

export function testOnlyJobs(f: CiFile): Set<string> {
  const out = new Set<string>();
  for (const c of f.commands) {
    if (c.job && (THROWAWAY_CLUSTER_STEP.test(c.text) || /\bct\s+install\b|chart-testing-action/.test(c.text)))
      out.add(c.job);
  }
  // A job named for the environment it deploys to is no test job: Azure's `deployment: Web_Test` with
  // `environment: customerapi-test` ships to the test stage (blind round 37, a Test stage before Prod).
  const envWords = new Map<string, Set<string>>();
  for (const e of f.environments)
    if (e.job) {
      const words = envWords.get(e.job) ?? new Set<string>();
      for (const w of e.name.toLowerCase().split(/[^a-z0-9]+/)) if (w) words.add(w);
      envWords.set(e.job, words);
    }
  for (const j of f.jobs) {
    const m = /(^|[-_ ])(tests?|e2e|lint|check|verify|validate|smoke|integration)([-_ ]|$)/i.exec(j.name);
    if (m && !envWords.get(j.name)?.has(m[2]!.toLowerCase().replace(/s$/, ''))) out.add(j.name);
  }
  return out;
}
