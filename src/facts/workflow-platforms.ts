/**
 * Workflow platforms a repository deploys with its own DAGs, jobs or flows (issue 15, blind round
 * 50): a production Airflow image (`FROM apache/airflow` + dags/) was judged as if its own code had
 * to serve /health, check roles, drain on SIGTERM and retry — though the Airflow webserver serves
 * /health, Flask-AppBuilder checks RBAC roles, gunicorn and Celery stop gracefully, and a DAG's
 * `default_args` retries its tasks.
 *
 * Each platform is data: how a repository is told to deploy it (its image as a base, or its package
 * beside a folder of the project's flows), and what it provides by default (for messages, only what
 * its documentation states as a default). What a platform offers only when the project sets it up
 * (task retries, failure e-mails and callbacks, StatsD metrics) is looked for in the project's files.
 */
import type { Dependency, Evidence, FileView } from '../types.js';
import { dockerfiles, resolveImage } from './dockerfile.js';
import { isCommentLine, isProductionPath, NOT_THE_PRODUCT } from './paths.js';

export interface WorkflowPlatformSpec {
  id: string;
  name: string;
  /** Its server's image as a Dockerfile base (`FROM apache/airflow:2.10.5`). */
  image: RegExp;
  /** pip packages that install it. */
  deps: string[];
  /**
   * Folders or files of the project's own flows that, with the package, show a deployment of it,
   * relative to the folder of the manifest that declares the package (a library that depends on the
   * platform keeps its example DAGs elsewhere: dev/dags/, examples/).
   */
  flows: RegExp;
  /** The health endpoints its server serves by default. */
  health?: string;
  /** The access control its web UI and API apply by default. */
  authorization?: string;
  /** The major version from which `authorization` is the default (Airflow 1.x left RBAC off). */
  authorizationSince?: number;
  /** What it does on SIGTERM by default. */
  shutdown?: string;
  /** The database it migrates itself: its own metadata, not a schema of the project's. */
  metadataDatabase?: string;
  /** Task or run retries the project configures (`retries` in default_args, `@task(retries=…)`). */
  retries: RegExp;
  /** A delay or backoff between those attempts. */
  retryDelay: RegExp;
  /** The delay it waits between attempts when the project sets none, where it has one. */
  defaultDelay?: string;
  /** A failure notification the project configures on its flows (e-mail on failure, a failure callback). */
  failureAlert?: RegExp;
  /** The extra of its package that installs its metrics emitter, and the setting that turns it on. */
  metrics?: { extra: RegExp; enabled: RegExp; what: string; setting: string };
}

export const WORKFLOW_PLATFORMS: WorkflowPlatformSpec[] = [
  {
    id: 'airflow',
    name: 'Apache Airflow',
    image: /(?:^|\/)apache\/airflow(?:[:@]|$)/i,
    deps: ['apache-airflow'],
    flows: /^dags\/[^/]+(?:\/[^/]+){0,4}\.py$/,
    // https://airflow.apache.org/docs/apache-airflow/stable/administration-and-deployment/logging-monitoring/check-health.html
    health:
      "the Airflow webserver serves /health (the metadata database's and the scheduler's heartbeat status), and the scheduler serves its own health check when AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK is on",
    // https://airflow.apache.org/docs/apache-airflow-providers-fab/stable/auth-manager/access-control.html
    authorization:
      "Airflow's webserver checks every view and API call against role-based access control (Flask-AppBuilder roles Admin, Op, User, Viewer, Public) by default",
    // Airflow 1.10 served its old UI, without RBAC, unless `[webserver] rbac = True`.
    authorizationSince: 2,
    shutdown:
      "Airflow's components stop gracefully on SIGTERM: the webserver's gunicorn lets workers finish their requests, Celery workers finish the tasks they run (warm shutdown) and the scheduler stops its loop",
    metadataDatabase:
      "the database the deployment uses is Airflow's metadata database, whose schema Airflow migrates itself (`airflow db migrate`)",
    retries: /["']?\bretries["']?\s*[:=]\s*[1-9]/,
    retryDelay: /\bretry_delay\b|\bretry_exponential_backoff\b/,
    // https://airflow.apache.org/docs/apache-airflow/stable/configurations-ref.html#default-task-retry-delay
    defaultDelay: 'Airflow waits [core] default_task_retry_delay (300 s) between attempts',
    failureAlert: /["']?\bemail_on_failure["']?\s*[:=]\s*True\b|\bon_failure_callback\b|\bsla_miss_callback\b/,
    metrics: {
      extra: /\bapache-airflow\[[^\]\n]{0,200}\bstatsd\b/,
      enabled: /\bAIRFLOW__METRICS__(?:STATSD|OTEL)_ON\b[^\n]{0,20}?\btrue\b|^\s*(?:statsd|otel)_on\s*=\s*true\b/im,
      what: 'StatsD',
      setting: '[metrics] statsd_on, AIRFLOW__METRICS__STATSD_ON',
    },
  },
  {
    id: 'dagster',
    name: 'Dagster',
    // Dagster's images run user code (a gRPC code server) as often as the webserver: not a sign of
    // the webserver by themselves, only its package beside the instance's workspace is.
    image: /$^/,
    deps: ['dagster-webserver', 'dagit'],
    flows: /^(?:workspace|dagster)\.ya?ml$/,
    // https://docs.dagster.io/deployment — the webserver answers /server_info and /dagit_info.
    health: 'the Dagster webserver serves /server_info, which answers while it is up',
    retries:
      /\bRetryPolicy\s*\(\s*max_retries\s*=\s*[1-9]|["']dagster\/max_retries["']\s*:\s*["']?[1-9]|\bmax_retries\s*:\s*[1-9]/,
    retryDelay: /\bdelay\s*=|\bbackoff\s*=/,
    failureAlert: /\b(?:run_failure_sensor|make_slack_on_run_failure_sensor|make_email_on_run_failure_sensor)\b/,
  },
  {
    id: 'prefect',
    name: 'Prefect',
    image: /(?:^|\/)prefecthq\/prefect(?:[:@]|$)/i,
    deps: ['prefect'],
    // A deployment's configuration (`prefect deploy` reads prefect.yaml).
    flows: /^prefect\.ya?ml$/,
    retries: /@(?:task|flow)\s*\([^)\n]{0,300}\bretries\s*=\s*[1-9]/,
    retryDelay: /\bretry_delay_seconds\s*=|\bexponential_backoff\s*\(/,
  },
];

export interface WorkflowPlatform {
  spec: WorkflowPlatformSpec;
  /** The major version the image tag or the dependency pins, when it does. */
  major?: number;
  /** The Dockerfile base, or the dependency beside the project's flows, that shows the deployment. */
  evidence: Evidence;
}

/** The platform provides `authorization` at the version it runs (unknown counts as current). */
export function providesAuthorization(p: WorkflowPlatform): boolean {
  return !!p.spec.authorization && (p.major === undefined || p.major >= (p.spec.authorizationSince ?? 0));
}

const PIP_NAME = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

/**
 * The workflow platforms the repository deploys: a production Dockerfile built FROM the platform's
 * image, or the platform's package declared (directly, for production) beside a folder of flows.
 */
export function workflowPlatforms(files: FileView, deps: readonly Dependency[]): WorkflowPlatform[] {
  const out: WorkflowPlatform[] = [];
  const images = dockerfiles(files).filter((d) => d.ok && isProductionPath(d.path) && !NOT_THE_PRODUCT.test(d.path));
  for (const spec of WORKFLOW_PLATFORMS) {
    let evidence: Evidence | undefined;
    let version: string | undefined;
    for (const d of images) {
      const stage = d.stages.find((s) => spec.image.test(resolveImage(d, s.image)));
      if (stage) {
        version = /:(?:[a-z-]*?)(\d+\.\d+)/.exec(resolveImage(d, stage.image))?.[1];
        evidence = {
          path: d.path,
          line: stage.line,
          snippet: `FROM ${resolveImage(d, stage.image)}`.slice(0, 160),
          note: `a ${spec.name} image: the project's flows run on ${spec.name}`,
        };
        break;
      }
    }
    if (!evidence && spec.deps.length > 0) {
      const names = new Set(spec.deps.map(PIP_NAME));
      const dep = deps.find(
        (d) => d.ecosystem === 'pip' && d.direct && !d.dev && names.has(PIP_NAME(d.name.replace(/\[.*$/, ''))),
      );
      const dir = dep ? dep.path.slice(0, dep.path.lastIndexOf('/') + 1) : '';
      const flow =
        dep &&
        files.paths.find((p) => p.startsWith(dir) && spec.flows.test(p.slice(dir.length)) && isProductionPath(p));
      if (dep && flow) version = dep.version;
      if (dep && flow)
        evidence = {
          path: dep.path,
          ...(dep.line ? { line: dep.line } : {}),
          note: `${dep.name} declared beside the project's flows (${flow}): a ${spec.name} deployment`,
        };
    }
    const major = version ? /^\D{0,3}(\d{1,3})\./.exec(version)?.[1] : undefined;
    if (evidence) out.push({ spec, evidence, ...(major ? { major: Number(major) } : {}) });
  }
  return out;
}

/** How many production Python files are read for flow settings, and how many hits are kept. */
const MAX_FILES = 2000;
const MAX_HITS = 50;

/** Lines of the project's production Python (and its config files) that match `re`, bounded. */
export function flowSettings(files: FileView, re: RegExp, globs: readonly string[] = ['**/*.py']): Evidence[] {
  const out: Evidence[] = [];
  let read = 0;
  for (const path of files.match(globs)) {
    if (!isProductionPath(path) || NOT_THE_PRODUCT.test(path)) continue;
    if (++read > MAX_FILES || out.length >= MAX_HITS) break;
    const text = files.read(path);
    if (!text || !re.test(text)) continue;
    const lines = files.lines(path);
    if (!lines) continue;
    for (let n = 1; n <= lines.count && out.length < MAX_HITS; n++) {
      const line = lines.line(n);
      if (re.test(line) && !isCommentLine(line)) {
        out.push({ path, line: n, snippet: line.trim().slice(0, 160) });
        break;
      }
    }
  }
  return out;
}

/**
 * Task retries the project sets on its flows, and whether they wait between attempts: the files
 * that set retries, and those of them that also set a delay or backoff.
 */
export function platformRetries(
  files: FileView,
  platforms: readonly WorkflowPlatform[],
): { platform: WorkflowPlatform; retries: Evidence[]; delayed: Evidence[] } | undefined {
  for (const p of platforms) {
    const retries = flowSettings(files, p.spec.retries);
    if (retries.length === 0) continue;
    const delayed = retries.filter((e) => p.spec.retryDelay.test(files.read(e.path) ?? ''));
    return { platform: p, retries, delayed };
  }
  return undefined;
}
