/**
 * Kubernetes manifests as a model shared by the reliability and operations rules: plain and
 * multi-document YAML, Helm chart templates (neutralised by helm.ts, values from values.yaml) and
 * Kustomize files. Every object keeps its path and line; malformed files become notes.
 */
import { detachDeep, share } from '../util/detach.js';
import type { Digest, Evidence, FileView, Lines } from '../types.js';
import { conditionsHold, helmDefines, neutraliseHelm, resolveValues, valueAt, type HelmLine } from './helm.js';
import { memo } from '../util/memo.js';
import { keepShape, plainCopy, plainMaker } from '../util/shapes.js';
import { dirOf } from './paths.js';
import { catalogues } from './k8s-catalogue.js';
import { posix } from 'node:path';
import { parseYamlWithLines, type YamlDoc } from '../util/yaml-lines.js';
import { lineAt } from '../util/lines.js';
import { isRelease, releaseWorkloads } from './release-values.js';
import { getIn, newWorkload, PLAIN, rec, WORKLOAD_KINDS, workloadOf, type LineMap } from './k8s-workload.js';

export { isNaisApp, WORKLOAD_KINDS } from './k8s-workload.js';

/**
 * Files the model parses: rules that use it declare `digests: [K8S_DIGEST]`. JSON is a manifest
 * format too (`oc process -f template.json`, `kubectl apply -f deploy.json`).
 */
/**
 * Manifests kept as Jinja or Go-text templates outside a chart (`api-deployment.yaml.j2`,
 * `*.yaml.jinja`, `*.yaml.tpl`, `*.yaml.tmpl`), rendered by a deploy script: read with their tags blanked.
 */
const JINJA_MANIFEST = /\.ya?ml\.(?:j2|jinja2?|tpl|tmpl)$/;
export const K8S_READS = [
  '**/*.yaml',
  '**/*.yml',
  '**/*.yaml.erb',
  '**/*.yml.erb',
  '**/*.{yaml,yml}.{j2,jinja,jinja2,tpl,tmpl}',
  '**/*.json',
];

/**
 * Jinja statement and comment tags (`{% if … %}`, `{# … #}`) blanked, lines kept; `{{ … }}`
 * output tags are left for the Helm neutraliser, as in a chart. One pass with indexOf: an
 * unclosed tag ends the scan.
 */
export function blankJinjaTags(text: string): string {
  let out = '';
  let at = 0;
  // Each opener's next position is searched again only once passed: every search moves forward.
  let a = -2;
  let b = -2;
  // `{% if x | default(false) %}` … `{% endif %}` is off as the template renders by default (an
  // opt-in ingress rate limit): its lines are blanked too. `depth` counts the open if blocks.
  let depth = 0;
  let offAt = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, '');
  for (;;) {
    if (a !== -1 && a < at) a = text.indexOf('{%', at);
    if (b !== -1 && b < at) b = text.indexOf('{#', at);
    const i = a === -1 ? b : b === -1 ? a : Math.min(a, b);
    if (i === -1) break;
    const close = text.indexOf(text[i + 1] === '%' ? '%}' : '#}', i + 2);
    if (close === -1) break;
    const between = text.slice(at, i);
    out += (offAt > 0 ? blank(between) : between) + blank(text.slice(i, close + 2));
    if (text[i + 1] === '%') {
      const tag = text.slice(i + 2, Math.min(close, i + 302));
      const word = /^[-+]?\s*(\w+)/.exec(tag)?.[1];
      if (word === 'if') {
        depth++;
        if (offAt === 0 && JINJA_OFF.test(tag)) offAt = depth;
      } else if (word === 'endif' && depth > 0) {
        if (offAt === depth) offAt = 0;
        depth--;
      }
    }
    at = close + 2;
  }
  return at === 0 ? text : out + (offAt > 0 ? blank(text.slice(at)) : text.slice(at));
}
/** An `if` whose condition is off by default: `x | default(false)`, `if false`. */
const JINJA_OFF =
  /^[-+]?\s*if\s+(?:false|False|[\w.]+\s*\|\s*default\(\s*(?:false|False|none|None|0|''|"")\s*\))\s*[-+]?\s*$/;

export interface K8sObject {
  apiVersion: string;
  kind: string;
  name: string;
  path: string;
  line: number;
  /**
   * What rules read of the document (apiVersion, kind, metadata's name and annotations, the spec
   * of scalers and mesh policies: see readPart), with Helm values substituted where the chart has
   * a values.yaml.
   */
  doc: Record<string, unknown>;
  /** Chart directory for objects from Helm templates. */
  chart?: string;
  /**
   * A Helm hook that runs and ends (a test pod, a pre-install job): not part of the running
   * release. A Deployment, StatefulSet or DaemonSet installed as a post-install hook (a chart's
   * `asHook: true`, so it starts after migrations) keeps running: no hook here.
   */
  hook?: boolean;
  /** A Helm object switched off by default (`{{- if .Values.autoscaling.enabled }}` with false). */
  disabled?: boolean;
  /** The values switch that keeps a disabled object off, and where values.yaml sets it. */
  offBy?: { ref: string; path?: string; line?: number };
  /**
   * A Kustomize patch (named in a kustomization's patches/patchesStrategicMerge): a fragment merged
   * onto a base object, holding only the fields it changes — not a whole object to judge for what
   * it lacks (a container "without probes" whose base has them).
   */
  patch?: boolean;
}

export interface Container {
  name: string;
  line: number;
  init: boolean;
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
  resources: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  preStop: boolean;
  /** The file the container is written in when it is not the workload's: a chart helper (`_pod.tpl`). */
  path?: string;
  /**
   * Where a chart's values.yaml sets the default a field is rendered from (`livenessProbe`,
   * `readinessProbe`, `resources`): the default judged, cited beside the template line.
   */
  defaults?: Partial<Record<'livenessProbe' | 'readinessProbe' | 'resources', { path: string; line: number }>>;
  /** Fields rendered whole from a values default that is empty (`livenessProbe: {}`): they render nothing. */
  emptyDefaults?: Partial<Record<'livenessProbe' | 'readinessProbe' | 'resources', { path: string; line: number }>>;
  /**
   * A wrapper chart's container sized only in some environments' values (values.preview.yaml),
   * not in values.yaml nor the others (`without`): sized where it is, not everywhere it deploys.
   */
  resourcesOnlyIn?: { path: string; without: string[] };
  /**
   * Fields a release's inline chart values leave to the chart's defaults, which are not visible
   * here (release-values.ts): neither credited nor blamed.
   */
  chartDefaults?: { probes?: boolean; resources?: boolean };
}

export interface Workload extends K8sObject {
  /** A number, 'templated' when it comes from an unresolved expression, undefined when unset. */
  replicas?: number | 'templated';
  replicasLine?: number;
  /** Where values.yaml sets the default the replica count is rendered from (`replicaCount: 1`). */
  replicasDefault?: { path: string; line: number };
  /**
   * A chart without values.yaml: the replica count each per-environment values file sets
   * (`values-prod.yaml: replicaCount: 3`), when every one of them sets a number (round 22, laa-cma).
   */
  replicasByEnv?: { path: string; line: number; count: number }[];
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  /** Runs to completion (Job, CronJob, a Pod with restartPolicy Never/OnFailure): no probes or replicas expected. */
  oneOff: boolean;
  /**
   * A platform application manifest (a NAIS `Application`): the platform builds the pod from a
   * flat spec, and the manifest also declares what platform-apps.ts reads (env, managed stores,
   * tracing, autoscaling).
   */
  platform?: PlatformSpec;
  /** Rendered by a chart from a GitOps release's inline values (`HelmRelease smtp-relay`). */
  release?: string;
  /** The values set no replica count: the chart's default, not visible here. */
  replicasFromChart?: boolean;
  /**
   * A cluster add-on (a device plugin, CNI, metrics-server, an ingress controller, cert-manager):
   * why it reads as one, and the images it runs (deployedWorkloads keeps it out of the service's
   * units unless one of them is built here). See clusterAddon.
   */
  addon?: { reason: string; images: string[] };
  /** Written by a framework's build-time extension from the application's configuration, not as YAML here. */
  generatedBy?: string;
}

/** What a platform application manifest declares beside its pod (see platform-apps.ts). */
export interface PlatformSpec {
  system: string;
  /** Environment variables listed in the manifest: `env:` and where it starts. */
  env?: { line: number; names: string[] };
  /**
   * Managed stores the platform provisions for the app (`gcp.sqlInstances`), with the backup settings
   * the manifest makes (`backup`) and the backup the platform takes when it makes none (`platformDefault`).
   */
  stores: { kind: string; line: number; backup?: string; platformDefault?: string }[];
  /** Tracing the platform injects (`observability.autoInstrumentation` enabled). */
  tracing?: { line: number; runtime?: string };
  /** Autoscaling bounds (`replicas.max`). */
  maxReplicas?: number;
}

export interface Chart {
  dir: string;
  path: string;
  name: string;
  values?: unknown;
  valuesPath?: string;
  /**
   * Without a values.yaml, the per-environment values files beside Chart.yaml (`values-prod.yaml`,
   * `values.dev.yaml`): a switch off in every one of them is off wherever the chart is installed.
   */
  envValues?: { path: string; value: unknown }[];
}

export interface K8sModel {
  objects: K8sObject[];
  workloads: Workload[];
  charts: Chart[];
  kustomizations: {
    path: string;
    resources: string[];
    replicas: { name: string; count: number }[];
    /** Patch files it names, as repository paths. */
    patches: string[];
  }[];
  notes: { path: string; note: string }[];
  /** YAML files that are compose files by content, whatever their name (deploy.ts reads them). */
  composeByContent: string[];
}

function chartsOf(files: FileView): Chart[] {
  return files.named('Chart.yaml').map((path) => {
    const dir = dirOf(path);
    const chartDoc = files.readYaml<Record<string, unknown>>(path);
    const valuesPath = [dir ? `${dir}/values.yaml` : 'values.yaml', dir ? `${dir}/values.yml` : 'values.yml'].find(
      (p) => files.exists(p),
    );
    // Parsed once, with lines: the values resolve templates, the lines cite a default's key.
    const text = valuesPath ? files.read(valuesPath) : undefined;
    const parsed = text !== undefined ? parseYamlWithLines(text) : undefined;
    const ok = parsed && !parsed.error && parsed.docs.length <= 1;
    const chart: Chart = {
      dir,
      path,
      name:
        chartDoc.ok && typeof rec(chartDoc.value)?.name === 'string'
          ? (rec(chartDoc.value)!.name as string)
          : dir || '.',
      ...(ok ? { values: parsed.docs[0]?.value ?? {}, valuesPath: valuesPath! } : {}),
    };
    if (ok && parsed.docs[0]) valuesDocs.set(chart, parsed.docs[0]);
    if (!valuesPath) {
      const env = files.match([`${dir ? `${dir}/` : ''}values[-.]*.{yaml,yml}`]).flatMap((p) => {
        const doc = parseYamlWithLines(files.read(p) ?? '');
        return !doc.error && doc.docs.length === 1 && rec(doc.docs[0]!.value) ? [{ path: p, doc: doc.docs[0]! }] : [];
      });
      if (env.length > 0) {
        chart.envValues = env.map((e) => ({ path: e.path, value: e.doc.value }));
        envDocs.set(chart, env);
      }
    }
    return chart;
  });
}

/** The parsed per-environment values files of a chart without values.yaml (see Chart.envValues). */
const envDocs = new WeakMap<Chart, { path: string; doc: YamlDoc }[]>();

/**
 * Conditions off in every per-environment values file of a chart without values.yaml (blind round 22,
 * laa-cma: an HPA behind `autoscaling.enabled`, false in values-dev/test/uat/prod.yaml), cited at
 * the first file's line.
 */
function offEverywhere(conds: string[], chart: Chart | undefined): K8sObject['offBy'] | undefined {
  const env = chart?.envValues;
  if (!env?.length || conds.length === 0 || env.some((e) => conditionsHold(conds, e.value))) return undefined;
  const c = conds.find((x) => !conditionsHold([x], env[0]!.value)) ?? conds[0]!;
  const doc = envDocs.get(chart!)?.[0];
  const line = doc?.doc.lineOf(c.replace(/^!/, '').split('.'));
  return { ref: c, ...(line ? { path: doc!.path, line } : {}) };
}

/** The parsed values.yaml of each chart chartsOf read (a chart copied from a scan thread has none). */
const valuesDocs = new WeakMap<Chart, YamlDoc>();

/** Helper files of a chart, where its named templates are defined (Helm renders none of them). */
const HELPERS = ['**/templates/**/_*.tpl', '**/templates/**/_*.yaml', '**/templates/**/_*.yml'];

// A file's manifests and an identity-only document are built from `{}` (up to four fields): one
// hidden class each, not one per object (keepShape).
keepShape('objects', 'workloads', 'notes');
keepShape('apiVersion', 'kind', 'metadata');
keepShape('name');

/** Makers of the model's kept objects, sized for their fields (see plainMaker). */
const newObject = plainMaker();
const newContainer = plainMaker();

/**
 * A worker's manifests as this thread builds them (Digest.adopt): objects, workloads and containers
 * copied into objects of their own size. Their documents, probes and resources are kept as they
 * came, shared where they were (a workload and its object hold one document).
 */
function adoptManifests(m: FileManifests): FileManifests {
  const copies = new Map<object, object>();
  const copy = <T extends object>(make: () => Record<string, unknown>, o: T): T => {
    let c = copies.get(o) as T | undefined;
    if (!c) copies.set(o, (c = plainCopy(make, o))).set(c, c);
    return c;
  };
  for (let i = 0; i < m.objects.length; i++) m.objects[i] = copy(newObject, m.objects[i]!);
  for (let i = 0; i < m.workloads.length; i++) {
    const w = copy(newWorkload, m.workloads[i]!);
    for (let k = 0; k < w.containers.length; k++) w.containers[k] = copy(newContainer, w.containers[k]!);
    m.workloads[i] = w;
  }
  return m;
}

interface FileManifests {
  objects: K8sObject[];
  workloads: Workload[];
  notes: K8sModel['notes'];
  /** A compose file whose name does not say so (`deploy/stack.yml`): recognised by content. */
  compose?: boolean;
}

/**
 * The objects of one YAML file, taken while the scanner reads it (see Digest): the model keeps
 * parsed objects, never the texts of every YAML file in the repository.
 */
export const K8S_DIGEST: Digest<FileManifests | undefined> = {
  key: 'k8s:file',
  files: K8S_READS,
  // Charts and values resolve templates; kustomization files without apiVersion are read apart.
  keep: [
    '**/Chart.yaml',
    '**/values.yaml',
    '**/values.yml',
    '**/kustomization.yaml',
    '**/kustomization.yml',
    '**/Kustomization',
    ...HELPERS,
  ],
  of: (path, text, files) => detachDeep(manifestsOf(path, text, files)),
  adopt: (m) => m && adoptManifests(m),
};

const chartsMemo = (files: FileView) => memo(files, 'k8s:charts', () => chartsOf(files));

/** The chart whose templates folder holds a path. */
function chartOf(path: string, files: FileView): Chart | undefined {
  return chartsMemo(files).find((c) => path.startsWith(c.dir ? `${c.dir}/templates/` : 'templates/'));
}

const INCLUDE = /\{\{-?\s*(?:include|template)\s+"/;

/** A chart template that includes a named template holding a whole object or pod spec. */
function includesObject(path: string, text: string, files: FileView): boolean {
  // Only a template that includes something asks for the chart (reading Chart.yaml and
  // values.yaml makes a scan thread hand the file to the main thread).
  if (!/(^|\/)templates\//.test(path) || !INCLUDE.test(text)) return false;
  const chart = chartOf(path, files);
  if (!chart || /(^|\/)_[^/]*$/.test(path)) return false;
  const defines = chartDefines(files, chart);
  return [...text.matchAll(/\{\{-?\s*(?:include|template)\s+"([^"]+)"/g)].some((m) => defines.get(m[1]!)?.workload);
}

/** The named templates of a chart's helper files, read once per chart. */
function chartDefines(files: FileView, chart: Chart): ReturnType<typeof helmDefines> {
  return memo(files, `k8s:defines:${chart.dir}`, () => {
    const prefix = chart.dir ? `${chart.dir}/templates/` : 'templates/';
    const sources = files
      .match(HELPERS)
      .filter((p) => p.startsWith(prefix))
      .flatMap((path) => {
        const text = files.read(path);
        return text?.includes('define') ? [{ path, text }] : [];
      });
    return helmDefines(sources);
  });
}

/** A chart's values.yaml parsed with lines, read once per chart when a default is cited. */
function valuesDoc(files: FileView, chart: Chart): { doc: YamlDoc; lines: Lines } | undefined {
  return memo(files, `k8s:values-lines:${chart.dir}`, () => {
    if (!chart.valuesPath) return undefined;
    const lines = files.lines(chart.valuesPath);
    const doc = valuesDocs.get(chart) ?? (lines?.text ? parseYamlWithLines(lines.text).docs[0] : undefined);
    return doc && lines ? { doc, lines } : undefined;
  });
}

/** The line of a values path's key (a map's first line is its first entry, below comments). */
function valueKeyLine(files: FileView, chart: Chart, ref: string): number | undefined {
  const parsed = valuesDoc(files, chart);
  const parts = ref.split('.');
  const at = parsed?.doc.lineOf(parts);
  if (at === undefined) return undefined;
  const key = new RegExp(`^\\s*(?:- )?["']?${parts[parts.length - 1]!.replace(/[^\w-]/g, '')}["']?\\s*:`);
  for (let l = at; l >= Math.max(1, at - 40); l--) if (key.test(parsed!.lines.bare(l))) return l;
  return at;
}

function lineMap(lines: HelmLine[] | undefined, chart: Chart | undefined, files: FileView): LineMap {
  const spliced = lines?.some((l) => l.from);
  return {
    at: (l) => (spliced ? (lines![l - 1]?.at ?? l) : l),
    from: (l) => (spliced ? lines![l - 1]?.from : undefined),
    ...(chart?.valuesPath
      ? {
          valueLine: (ref: string) => {
            const line = valueKeyLine(files, chart, ref);
            return line === undefined ? undefined : { path: chart.valuesPath!, line };
          },
        }
      : {}),
    ...(chart?.values !== undefined ? { valueDefault: (ref: string) => valueAt(chart.values, ref) } : {}),
    ...(chart?.envValues && envDocs.has(chart)
      ? {
          envValue: (ref: string) =>
            envDocs.get(chart)!.map((e) => {
              const parts = ref.split('.');
              const line = e.doc.lineOf(parts);
              return { path: e.path, ...(line ? { line } : {}), value: getIn(e.doc.value, parts) };
            }),
        }
      : {}),
  };
}

// Kinds some rule reads beyond identity (workloads, scalers, mesh and gateway policies, lists of
// objects); every other single-document manifest (a CRD's long schema, an operator's custom
// resources) is kept by identity only: apiVersion, kind, metadata.name and the line of `kind`.
const READ_IN_FULL = new Set([
  ...WORKLOAD_KINDS,
  'Service',
  'Ingress',
  'HorizontalPodAutoscaler',
  'ScaledObject',
  'PodDisruptionBudget',
  'LimitRange',
  'Schedule',
  'DestinationRule',
  'VirtualService',
  'KongPlugin',
  'Middleware',
  'Kustomization',
  'HelmRelease',
  'List',
  'Template',
]);
const TOP_KIND = /^kind:[ \t]*["']?([A-Za-z0-9]+)["']?[ \t]*$/m;
// Rate-limit annotations may sit on any object (rate-limiting reads them): such files are parsed.
const LIMIT_HINT = /ratelimit|rate-limit|limit-r(?:ps|pm|ate)|limit-connections/i;

function identityOnly(path: string, text: string): FileManifests | undefined {
  const kind = TOP_KIND.exec(text);
  if (!kind || READ_IN_FULL.has(kind[1]!) || /RateLimit/i.test(kind[1]!)) return undefined;
  // A NAIS Application is a workload (its probes, resources and replicas are read): parsed whole.
  if (kind[1] === 'Application' && /^apiVersion:[ \t]*["']?nais\.io\//m.test(text)) return undefined;
  // An Argo CD Application's inline Helm values deploy workloads (release-values.ts): parsed whole.
  if (kind[1] === 'Application' && /^apiVersion:[ \t]*["']?argoproj\.io\//m.test(text) && /^[ \t]+helm:/m.test(text))
    return undefined;
  if (/^---/m.test(text.slice(text.search(/\S/) + 3)) || /^items:/m.test(text) || LIMIT_HINT.test(text))
    return undefined;
  const api = /^apiVersion:[ \t]*["']?([^"'\s#]+)/m.exec(text)?.[1];
  const meta = /^metadata:[ \t]*\r?\n((?:[ \t]+\S.*\r?\n?|[ \t]*\r?\n)*)/m.exec(text)?.[1] ?? '';
  // Template braces in the identity make it a template; in a description (a CRD's docs) they do not.
  if (api?.includes('{{') || meta.includes('{{')) return undefined;
  const indent = /^([ \t]+)\S/.exec(meta)?.[1] ?? '  ';
  const name = new RegExp(`^${indent}name:[ \\t]*["']?([^"'\\s#]+)`, 'm').exec(meta)?.[1] ?? '';
  if (!api) return undefined;
  const line = lineAt(text, kind.index);
  const doc: Record<string, unknown> = { apiVersion: api, kind: kind[1]!, metadata: { name } };
  // An operator's custom resource keeps its own `spec.replicas` (see readPart).
  if (isCustomResource(api, kind[1]!)) {
    const spec = /^spec:[ \t]*\r?\n((?:[ \t]+\S.*\r?\n?|[ \t]*\r?\n)*)/m.exec(text)?.[1] ?? '';
    const specIndent = /^([ \t]+)\S/.exec(spec)?.[1] ?? '  ';
    const replicas = new RegExp(`^${specIndent}replicas:[ \\t]*["']?(\\d{1,6})["']?[ \\t]*(?:#.*)?$`, 'm').exec(spec);
    if (replicas) doc.spec = { replicas: Number(replicas[1]) };
  }
  return { objects: [{ apiVersion: api, kind: kind[1]!, name, path, line, doc }], workloads: [], notes: [] };
}

/**
 * A compose file by content: a top-level `services:` map whose entries have an `image:` or
 * `build:`. CI files with a top-level `services:` (GitLab) also have `stages:`, `jobs:` or `script:`.
 */
const COMPOSE_CONTENT = /^services:[ \t]*(?:#.*)?$/m;
const COMPOSE_SERVICE = /^[ \t]{2,}(?:image|build):/m;
const NOT_COMPOSE = /^(?:stages|jobs|on|steps|pipeline|workflows):|^[ \t]+script:/m;

function manifestsOf(path: string, raw: string, files: FileView): FileManifests | undefined {
  // Krane/ERB templates: output tags become a placeholder scalar, control tags vanish (lines kept).
  const text = path.endsWith('.erb')
    ? raw.replace(/<%(=?)[\s\S]*?%>/g, (m, out: string) => (out ? 'erb-template' : m.replace(/[^\n]/g, '')))
    : JINJA_MANIFEST.test(path)
      ? blankJinjaTags(raw)
      : raw;
  // JSON: a manifest has both keys (most JSON in a repository — packages, locales, schemas — has not).
  const json = path.endsWith('.json');
  if (json && (!JSON_KIND.test(text) || !text.includes('"apiVersion"') || !jsonManifest(text))) return undefined;
  // Cheap pre-check: a manifest names its kind; most YAML in a repository does not. A chart
  // template may write none and include a helper that does (`{{ include "x.deployment" $config }}`).
  if (!json && (!/^[ \t]*kind:/m.test(text) || !text.includes('apiVersion')) && !includesObject(path, text, files))
    return COMPOSE_CONTENT.test(text) && COMPOSE_SERVICE.test(text) && !NOT_COMPOSE.test(text)
      ? { objects: [], workloads: [], notes: [], compose: true }
      : undefined;
  const chart = chartOf(path, files);
  // Helm renders no manifest from a file whose name starts with `_`: it holds named templates.
  if (chart && /(^|\/)_[^/]*$/.test(path)) return undefined;
  if (!chart && !json) {
    const shortcut = identityOnly(path, text);
    if (shortcut) return shortcut;
  }
  const out: FileManifests = { objects: [], workloads: [], notes: [] };
  const templated = chart || text.includes('{{');
  // A workload whose pod spec or whole object comes from a chart helper (`{{ include "x.pod" . }}`)
  // is judged from the helper's body spliced in; when that does not parse, from the file alone.
  const defines = chart && text.includes('include') ? chartDefines(files, chart) : undefined;
  const spliceNotes: string[] = [];
  let helmLines = templated ? neutraliseHelm(text, defines, chart?.values, spliceNotes) : undefined;
  for (const note of spliceNotes) out.notes.push({ path, note });
  let parsed = parseYamlWithLines(helmLines ? helmLines.map((l) => l.text).join('\n') : text);
  if (parsed.error && helmLines?.some((l) => l.from)) {
    helmLines = neutraliseHelm(text);
    parsed = parseYamlWithLines(helmLines.map((l) => l.text).join('\n'));
  }
  // Every branch kept can make YAML no template renders (a map key beside a list item, each
  // behind an `if` that is off by default): read as the chart's defaults render it, the lines of
  // blocks whose conditions do not hold blanked (round 20: sentry's web and worker Deployments).
  if (parsed.error && helmLines && chart?.values !== undefined) {
    const off = defaultRender(helmLines, chart.values);
    if (off.some((t, i) => t !== helmLines![i]!.text)) {
      const retry = parseYamlWithLines(off.join('\n'));
      if (!retry.error) parsed = retry;
    }
  }
  // Both branches of an `if`/`else` that write the same key (`resources:` from values, else
  // `resources: {}`) parse as one map whose last key wins: the else branch, whatever values.yaml
  // sets. Read such a file as the chart's defaults render it (blind round 48: a chart's
  // `{{- if .Values.manager.resources }}` block was read as no resources, though values.yaml sets them).
  if (!parsed.error && helmLines && chart?.values !== undefined && branchDuplicates(helmLines)) {
    const retry = parseYamlWithLines(defaultRender(helmLines, chart.values).join('\n'));
    if (!retry.error) parsed = retry;
  }
  const map = lineMap(helmLines, chart, files);
  if (parsed.error)
    out.notes.push({
      path,
      note: `not parseable as YAML${helmLines ? ' after neutralising template directives' : ''}: ${parsed.error}`,
    });
  const underIncludes = chart && helmLines ? includedUnder(text, helmLines) : undefined;
  // The file's lines, split once when a release's values need their keys' lines (release-values.ts).
  let split: string[] | undefined;
  const fileLines = () => (split ??= chart ? [] : text.split('\n'));
  for (const yaml of parsed.docs) {
    const raw = rec(yaml.value);
    if (!raw || typeof raw.kind !== 'string' || typeof raw.apiVersion !== 'string') continue;
    const doc = (chart?.values !== undefined ? resolveValues(raw, chart.values) : raw) as Record<string, unknown>;
    const parsedLine = yaml.lineOf(['kind']) ?? 1;
    const line = map.at(parsedLine);
    // An object written inside a `define` of its own file renders where the file includes it:
    // the conditions around those includes are its own (`{{ if .Values.separateWorker.enabled }}`
    // … `{{ include "x.renderWorker" … }}` below the define: blind round 23, dittofeed workers.yaml).
    const conds = [...(helmLines?.[parsedLine - 1]?.conditions ?? []), ...(underIncludes?.(line) ?? [])];
    const rawName = typeof rec(doc.metadata)?.name === 'string' ? (rec(doc.metadata)!.name as string) : '';
    // A chart with no values.yaml: off when its switch is off in every values-<env> file (once per object).
    const offInEveryFile = chart?.values === undefined ? offEverywhere(conds, chart) : undefined;
    const obj: K8sObject = {
      apiVersion: raw.apiVersion,
      kind: raw.kind,
      // A templated name reads better as the chart's name than as a placeholder; a literal part
      // beside it (`{{ template "x.fullname" . }}-relay`) tells one workload from the next.
      name:
        chart && /helm-template|__helmValue/.test(rawName)
          ? chartName(rawName, chart.name)
          : rawName.replace(/erb-template/g, '…'),
      ...(helmHook(raw.kind, rec(rec(doc.metadata)?.annotations)?.['helm.sh/hook']) ? { hook: true } : {}),
      path,
      line,
      doc,
      ...(chart ? { chart: chart.dir } : {}),
      ...(chart?.values !== undefined && !conditionsHold(conds, chart.values)
        ? { disabled: true, offBy: offBy(conds, chart.values, map) }
        : {}),
      ...(offInEveryFile ? { disabled: true, offBy: offInEveryFile } : {}),
    };
    take(out, obj, yaml, raw.kind, doc, map, raw, fileLines);
    // An OpenShift Template's `objects` and a List's `items` are the manifests it creates.
    const field = raw.kind === 'Template' ? 'objects' : raw.kind === 'List' ? 'items' : undefined;
    const members = field ? doc[field] : undefined;
    if (!field || !Array.isArray(members)) continue;
    members.forEach((m, i) => {
      const item = rec(m);
      if (!item || typeof item.kind !== 'string' || typeof item.apiVersion !== 'string') return;
      const view: YamlDoc = { value: item, scalars: [], lineOf: (p) => yaml.lineOf([field, i, ...p]) };
      const name = typeof rec(item.metadata)?.name === 'string' ? (rec(item.metadata)!.name as string) : '';
      const member: K8sObject = {
        apiVersion: item.apiVersion,
        kind: item.kind,
        name,
        path,
        line: map.at(view.lineOf(['kind']) ?? parsedLine),
        doc: item,
        ...(obj.chart ? { chart: obj.chart } : {}),
        ...(obj.disabled ? { disabled: true } : {}),
      };
      take(out, member, view, item.kind, item, map);
    });
  }
  return out;
}

/**
 * Whether one key is written at the same indentation in both branches of an `if`/`else` (a line
 * under a condition, a later one under its negation): YAML would keep only the last of the two.
 */
function branchDuplicates(lines: HelmLine[]): boolean {
  const seen = new Map<string, string[]>();
  for (const l of lines.slice(0, 20_000)) {
    if (l.conditions.length === 0) continue;
    const key = /^([ \t]*(?:- )?[\w.-]+):/.exec(l.text)?.[1];
    if (!key) continue;
    const before = seen.get(key);
    if (before && l.conditions.some((c) => before.includes(c.startsWith('!') ? c.slice(1) : `!${c}`))) return true;
    seen.set(key, l.conditions);
  }
  return false;
}

/**
 * The lines of a neutralised template as its defaults render them: a line inside an `if` that is
 * off by default is blanked, unless its document's `kind:` line is behind the same switch (a
 * workload disabled as a whole is still read, and reported as disabled).
 */
export function defaultRender(lines: HelmLine[], values: unknown): string[] {
  const out: string[] = [];
  // Each distinct condition is decided once per file, not once per line inside it (a value
  // lookup and, for a map, its keys, per line times every enclosing `if`).
  const decided = new Map<string, boolean>();
  const holds = (c: string) => {
    let h = decided.get(c);
    if (h === undefined) decided.set(c, (h = conditionsHold([c], values)));
    return h;
  };
  for (let start = 0; start < lines.length; ) {
    let end = start + 1;
    while (end < lines.length && !/^---/.test(lines[end]!.text)) end++;
    const kind = lines.slice(start, end).find((l) => /^kind:/.test(l.text));
    const whole = new Set(kind?.conditions ?? []);
    for (let i = start; i < end; i++) {
      const l = lines[i]!;
      out.push(l.conditions.some((c) => !whole.has(c) && !holds(c)) ? '' : l.text);
    }
    start = end;
  }
  return out;
}

/** Kinds whose pods keep running: installed as a Helm hook they are still part of the release. */
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'DeploymentConfig', 'Rollout']);

/**
 * A `helm.sh/hook` annotation that makes an object run-and-end: any hook but a long-running kind's
 * (tests excepted). Only delete hooks on a long-running kind too: a `post-delete` DaemonSet cleans up
 * after the release is gone, it is no part of the running release (round 21, spegel's cleanup).
 */
function helmHook(kind: string, hook: unknown): boolean {
  if (hook === undefined) return false;
  if (!LONG_RUNNING.has(kind)) return true;
  if (typeof hook !== 'string') return false;
  return /\btest\b/.test(hook) || hook.split(',').every((h) => /^\s*(?:pre|post)-delete\s*$/.test(h));
}

/** `helm-template-relay` → `sentry-relay (chart)`; a name that is only a placeholder → `sentry (chart)`. */
export function chartName(raw: string, chart: string): string {
  // No literal part of a name this long is kept (over 60 characters reads as the chart's name).
  if (raw.length > 200) return `${chart} (chart)`;
  const literal = raw
    .replace(/helm-template|__helmValue[\w.]*/g, ' ')
    .split(/\s+/)
    .map(trimSeparators)
    .filter(Boolean)
    .join('-');
  if (!literal || literal === chart || literal.length > 60) return `${chart} (chart)`;
  return literal.startsWith(`${chart}-`) ? `${literal} (chart)` : `${chart}-${literal} (chart)`;
}

/**
 * `-relay-` → `relay`, by index: a pattern `[-_.]+$` is tried from every separator of a run and
 * rescans the rest (`x---…---x`, quadratic).
 */
function trimSeparators(s: string): string {
  const sep = (c: string | undefined) => c === '-' || c === '_' || c === '.';
  let from = 0;
  let to = s.length;
  while (from < to && sep(s[from])) from++;
  while (to > from && sep(s[to - 1])) to--;
  return s.slice(from, to);
}

/**
 * For an object at a line inside `{{ define "X" }}` … `{{ end }}` of this template file, the `if`
 * conditions every `include "X"` of the same file sits under (those common to all of them), read
 * from the neutralised lines when they stand one for one with the file's lines. The file is read
 * once: the define still open before each line, and the lines that include each name, are indexed
 * before the objects are looked up (per object, a template with thousands of them was rescanned whole).
 */
export function includedUnder(text: string, lines: HelmLine[]): (line: number) => string[] {
  const none = () => [];
  if (!text.includes('define')) return none;
  const src = text.split('\n');
  if (src.length !== lines.length || lines.some((l) => l.from)) return none;
  // openBefore[L]: the define an object at line L (1-based) sits in, still open through line L - 1.
  const openBefore: (string | undefined)[] = [undefined, undefined];
  // The lines that include or call a template by a quoted name (`include "x" .`, `template "x"`).
  const uses = new Map<string, number[]>();
  let name: string | undefined;
  let depth = 0;
  src.forEach((l, i) => {
    const d = /\{\{-?\s*define\s+"([^"]+)"/.exec(l);
    if (d) [name, depth] = [d[1], 0];
    // The define's blocks opened and closed are counted from its own line; at zero it is closed.
    if (name !== undefined) {
      depth += (l.match(/\{\{-?\s*(?:if|with|range|define|block)\b/g) ?? []).length;
      depth -= (l.match(/\{\{-?\s*end\b/g) ?? []).length;
      if (depth <= 0) name = undefined;
    }
    openBefore[i + 2] = name;
    if (!/\b(?:include|template)\s+"/.test(l)) return;
    // Every `"…"` on the line: the text between each two neighbouring quotes.
    const quotes: number[] = [];
    for (let q = l.indexOf('"'); q >= 0; q = l.indexOf('"', q + 1)) quotes.push(q);
    const seen = new Set<string>();
    for (let k = 0; k + 1 < quotes.length; k++) {
      const quoted = l.slice(quotes[k]! + 1, quotes[k + 1]!);
      if (!quoted || seen.has(quoted)) continue;
      seen.add(quoted);
      const at = uses.get(quoted);
      if (at) at.push(i);
      else uses.set(quoted, [i]);
    }
  });
  const common = new Map<string, string[]>();
  return (line) => {
    const def = openBefore[line];
    if (def === undefined) return [];
    let out = common.get(def);
    if (!out) {
      const at = uses.get(def) ?? [];
      out =
        at.length === 0
          ? []
          : lines[at[0]!]!.conditions.filter((c) => at.every((i) => lines[i]!.conditions.includes(c)));
      common.set(def, out);
    }
    return out;
  };
}

/** The first `if` condition that does not hold with the chart's defaults, and its values.yaml line. */
function offBy(conds: string[], values: unknown, map: LineMap): NonNullable<K8sObject['offBy']> {
  const c = conds.find((x) => !conditionsHold([x], values)) ?? conds[0] ?? '';
  const ref = c.replace(/^!/, '');
  const at = ref ? map.valueLine?.(ref) : undefined;
  return { ref: c, ...(at ? { path: at.path, line: at.line } : {}) };
}

/** `"kind": "…"` in a JSON document. */
const JSON_KIND = /"kind"\s*:\s*"/;

/**
 * A JSON document whose root has a string kind and apiVersion. The native parser decides before
 * the line-keeping YAML parser runs: a large schema or API description with those keys deeper
 * down costs one JSON.parse, not a YAML parse.
 */
function jsonManifest(text: string): boolean {
  try {
    const root = rec(JSON.parse(text));
    return (
      typeof root?.kind === 'string' &&
      /^[A-Z][A-Za-z0-9]*$/.test(root.kind) &&
      typeof root.apiVersion === 'string' &&
      K8S_API_VERSION.test(root.apiVersion)
    );
  } catch {
    return false;
  }
}

/** `v1`, `apps/v1`, `template.openshift.io/v1`, `autoscaling/v2beta2`: a Kubernetes API version. */
const K8S_API_VERSION = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\/)?v\d+(?:(?:alpha|beta)\d+)?$/;

/** Keeps an object and, for a workload, its containers; the object then keeps only what rules read. */
function take(
  out: FileManifests,
  obj: K8sObject,
  yaml: YamlDoc,
  kind: string,
  doc: Record<string, unknown>,
  map: LineMap = PLAIN,
  raw?: Record<string, unknown>,
  lines: () => string[] = () => [],
): void {
  const w = workloadOf(obj, yaml, map, raw);
  // A GitOps release's inline chart values: the workloads the chart renders from them.
  const released = isRelease(kind, obj.apiVersion) ? releaseWorkloads(obj, doc, yaml, map.at, lines) : [];
  // The workload took what it needs of the whole document; the object keeps what rules read.
  obj.doc = readPart(kind, doc);
  out.objects.push(obj);
  if (w) {
    w.doc = obj.doc;
    out.workloads.push(w);
  }
  out.workloads.push(...released);
}

// What rules read of a document beyond the fields above: metadata's name and annotations
// (rate-limiting), the spec of scalers and mesh or gateway policies (redundancy, circuit-breakers,
// retries, rate-limiting) and a KongPlugin's plugin. The rest (a Deployment's pod template, its
// env lists) is dropped once the workload is taken: whole documents were most of the digests'
// heap at 100k files, and every one of them was cloned from a scan thread.
const SPEC_READ = new Set([
  'HorizontalPodAutoscaler',
  'ScaledObject',
  'DestinationRule',
  'VirtualService',
  'Middleware',
]);

/**
 * A custom resource: an API group of its own (`monitoring.coreos.com/v1`), not a built-in one
 * (`apps/v1`, `policy/v1`, `networking.k8s.io/v1`), and not a workload kind read as a workload.
 */
export function isCustomResource(apiVersion: unknown, kind: string): boolean {
  if (typeof apiVersion !== 'string' || (WORKLOAD_KINDS as readonly string[]).includes(kind)) return false;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return group.includes('.') && !/(?:^|\.)k8s\.io$/.test(group) && !group.endsWith('.openshift.io');
}

function readPart(kind: string, doc: Record<string, unknown>): Record<string, unknown> {
  // A Kustomization is read whole by the model itself (resources, replicas, patches: kustomization()).
  if (kind === 'Kustomization') return doc;
  const out: Record<string, unknown> = { apiVersion: doc.apiVersion, kind: doc.kind };
  const meta = rec(doc.metadata);
  if (meta) {
    const kept: Record<string, unknown> = {};
    if ('name' in meta) kept.name = meta.name;
    if ('annotations' in meta) kept.annotations = meta.annotations;
    out.metadata = kept;
  }
  if (SPEC_READ.has(kind) && 'spec' in doc) out.spec = doc.spec;
  else if (isCustomResource(doc.apiVersion, kind)) {
    // An operator's custom resource that says how many pods the operator runs (`kind: Prometheus`,
    // `kind: Alertmanager`, a RabbitmqCluster: `spec.replicas`): the count is kept (blind round 50).
    const spec = rec(doc.spec);
    if (spec && 'replicas' in spec) out.spec = { replicas: spec.replicas };
  }
  if (kind === 'KongPlugin' && 'plugin' in doc) out.plugin = doc.plugin;
  return out;
}

/**
 * A scan worker's objects arrive with their own copy of every string (structured cloning): the
 * model keeps the listing's path and one copy of each kind and apiVersion instead (~2.7 MB of
 * copies at 100k files, 22k objects and 15k workloads, kept through the rules). Same values.
 */
function sameStrings(path: string, objects: K8sObject[]): void {
  for (const o of objects) {
    if (o.path === path) o.path = path;
    o.kind = share(o.kind);
    o.apiVersion = share(o.apiVersion);
  }
}

export function parseK8s(files: FileView): K8sModel {
  const charts = chartsMemo(files);
  const model: K8sModel = { objects: [], workloads: [], charts, kustomizations: [], notes: [], composeByContent: [] };
  for (const path of files.match(K8S_READS)) {
    const found = files.digest(path, K8S_DIGEST);
    if (!found) continue;
    if (found.compose) model.composeByContent.push(path);
    sameStrings(path, found.objects);
    sameStrings(path, found.workloads);
    model.objects.push(...found.objects);
    model.workloads.push(...found.workloads);
    model.notes.push(...found.notes);
    for (const obj of found.objects)
      if (obj.kind === 'Kustomization' && obj.apiVersion.startsWith('kustomize.config.k8s.io'))
        model.kustomizations.push(kustomization(obj));
  }
  // kustomization.yaml may omit apiVersion/kind.
  for (const path of files.match(['**/kustomization.yaml', '**/kustomization.yml', '**/Kustomization'])) {
    if (model.kustomizations.some((k) => k.path === path)) continue;
    const r = files.readYaml(path);
    if (!r.ok) model.notes.push({ path, note: `not parseable as YAML: ${r.error}` });
    else model.kustomizations.push(kustomization({ path, doc: rec(r.value) ?? {} }));
  }
  dropCatalogues(model);
  const patches = new Set(model.kustomizations.flatMap((k) => k.patches));
  if (patches.size > 0) {
    const mark = <T extends K8sObject>(o: T): T => (patches.has(o.path) ? { ...o, patch: true } : o);
    model.objects = model.objects.map(mark);
    model.workloads = model.workloads.map(mark);
  }
  return model;
}

/** Template catalogues (k8s-catalogue.ts) are other software's manifests: out of the model, with a note. */
function dropCatalogues(model: K8sModel): void {
  // Argo CD Applications name their folders in fields the model does not keep: then every folder may be deployed.
  if (model.objects.some((o) => o.apiVersion.startsWith('argoproj.io/'))) return;
  const root = (p: string) => (p === '.' ? '' : p.replace(/\/$/, ''));
  const referenced = [
    ...model.kustomizations.flatMap((k) =>
      k.resources.filter((r) => !r.includes('://')).map((r) => root(posix.normalize(posix.join(dirOf(k.path), r)))),
    ),
    ...model.objects.flatMap((o) => {
      const path = o.kind === 'Kustomization' ? rec(o.doc.spec)?.path : undefined;
      return typeof path === 'string' ? [root(posix.normalize(path))] : [];
    }),
  ];
  const found = catalogues(
    model.objects,
    model.kustomizations.map((k) => dirOf(k.path)),
    referenced,
  );
  if (found.length === 0) return;
  const drop = new Set(found.flatMap((c) => [...c.paths]));
  model.objects = model.objects.filter((o) => !drop.has(o.path));
  model.workloads = model.workloads.filter((o) => !drop.has(o.path));
  for (const c of found)
    model.notes.push({
      path: c.dir,
      note: `${c.pattern}: ${c.paths.size} ${c.kind} templates in sibling folders: a catalogue of other software, not deployed by this repository (no kustomization or Flux path names them)`,
    });
}

function kustomization(o: { path: string; doc: Record<string, unknown> }): K8sModel['kustomizations'][number] {
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const dir = dirOf(o.path);
  // `patchesStrategicMerge: [file]`, `patches: [file | {path}]`, `patchesJson6902: [{path}]`.
  const patches = [...list(o.doc.patchesStrategicMerge), ...list(o.doc.patches), ...list(o.doc.patchesJson6902)]
    .map((e) => (typeof e === 'string' ? e : rec(e)?.path))
    .filter((e): e is string => typeof e === 'string' && !e.includes('\n'))
    .map((e) => posix.normalize(dir ? `${dir}/${e}` : e));
  return {
    path: o.path,
    patches,
    resources: list(o.doc.resources).filter((r): r is string => typeof r === 'string'),
    replicas: list(o.doc.replicas)
      .map((r) => rec(r))
      .filter((r): r is Record<string, unknown> => !!r && typeof r.name === 'string' && typeof r.count === 'number')
      .map((r) => ({ name: r.name as string, count: r.count as number })),
  };
}

/** The memoised model for an audit. */
export function k8s(files: FileView): K8sModel {
  return memo(files, 'k8s', () => parseK8s(files));
}

/**
 * Evidence for one container: where it is written (a chart helper's line when the pod spec is
 * included from one, naming the template that includes it) and the values.yaml defaults the
 * named fields are rendered from (`livenessProbe` at values.yaml:576).
 */
export function containerEvidence(
  w: Workload,
  c: Container,
  note: string,
  fields: readonly (keyof NonNullable<Container['defaults']>)[],
): Evidence {
  const cited = fields.flatMap((f) => (c.defaults?.[f] ? [`${f} ${c.defaults[f]!.path}:${c.defaults[f]!.line}`] : []));
  const empty = fields.flatMap((f) =>
    c.emptyDefaults?.[f] ? [`${f} ${c.emptyDefaults[f]!.path}:${c.emptyDefaults[f]!.line}`] : [],
  );
  return {
    path: c.path ?? w.path,
    line: c.line,
    // A wrapper chart's values-<env>.yaml (chart-values.ts) are values given to a chart, not its defaults.
    note: `${note}${c.path ? ` (pod spec from a helper, included by ${w.path})` : ''}${cited.length > 0 ? `; ${w.generatedBy ? `generated by ${w.generatedBy} from` : fields.every((f) => !c.defaults?.[f] || /(?:^|\/)values\.ya?ml$/.test(c.defaults[f]!.path)) ? 'chart defaults' : 'values'}: ${cited.join(', ')}` : ''}${empty.length > 0 ? `; empty chart defaults, rendered as nothing: ${empty.join(', ')}` : ''}`,
  };
}

/** Objects of one kind (and, optionally, API group prefix), enabled by default. */
export function objectsOfKind(model: K8sModel, kind: string, apiPrefix?: string): K8sObject[] {
  return model.objects.filter(
    (o) => o.kind === kind && !o.disabled && (!apiPrefix || o.apiVersion.startsWith(apiPrefix)),
  );
}
