/**
 * Kubernetes manifests as a model shared by the reliability and operations rules: plain and
 * multi-document YAML, Helm chart templates (neutralised by helm.ts, values from values.yaml) and
 * Kustomize files. Every object keeps its path and line; malformed files become notes.
 */
import type { FileIndex } from '../../src/walk/file-index.js';
import { conditionsHold, neutraliseHelm, resolveValues } from './helm.js';
import { memo } from './memo.js';
import { dirOf } from './paths.js';
import { parseYamlWithLines, type YamlDoc } from './yaml-lines.js';

/** Files the model parses whole: declare these as `reads` in rules that use it. */
export const K8S_READS = ['**/*.yaml', '**/*.yml'];

export interface K8sObject {
  apiVersion: string;
  kind: string;
  name: string;
  path: string;
  line: number;
  /** The document, with Helm values substituted where the chart has a values.yaml. */
  doc: Record<string, unknown>;
  /** Chart directory for objects from Helm templates. */
  chart?: string;
  /** A Helm object switched off by default (`{{- if .Values.autoscaling.enabled }}` with false). */
  disabled?: boolean;
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
}

export interface Workload extends K8sObject {
  /** A number, 'templated' when it comes from an unresolved expression, undefined when unset. */
  replicas?: number | 'templated';
  replicasLine?: number;
  containers: Container[];
  terminationGracePeriodSeconds?: number;
}

export interface Chart {
  dir: string;
  path: string;
  name: string;
  values?: unknown;
  valuesPath?: string;
}

export interface K8sModel {
  objects: K8sObject[];
  workloads: Workload[];
  charts: Chart[];
  kustomizations: { path: string; resources: string[]; replicas: { name: string; count: number }[] }[];
  notes: { path: string; note: string }[];
}

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'Rollout', 'DeploymentConfig'];

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Where the pod spec lives for each workload kind (Knative Services too). */
function podSpecPath(kind: string, apiVersion: string): string[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  if (WORKLOAD_KINDS.includes(kind)) return ['spec', 'template', 'spec'];
  if (kind === 'Service' && apiVersion.startsWith('serving.knative.dev')) return ['spec', 'template', 'spec'];
  return undefined;
}

function getIn(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) cur = rec(cur)?.[p];
  return cur;
}

function workloadOf(o: K8sObject, yaml: YamlDoc): Workload | undefined {
  const specPath = podSpecPath(o.kind, o.apiVersion);
  if (!specPath) return undefined;
  const spec = rec(getIn(o.doc, specPath));
  const containers: Container[] = [];
  for (const [field, init] of [['containers', false], ['initContainers', true]] as const) {
    const list = spec?.[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      const cont = rec(c) ?? {};
      const res = rec(cont.resources) ?? {};
      containers.push({
        name: typeof cont.name === 'string' ? cont.name : `#${i + 1}`,
        line: yaml.lineOf([...specPath, field, i]) ?? o.line,
        init,
        ...(cont.livenessProbe ? { livenessProbe: cont.livenessProbe } : {}),
        ...(cont.readinessProbe ? { readinessProbe: cont.readinessProbe } : {}),
        ...(cont.startupProbe ? { startupProbe: cont.startupProbe } : {}),
        resources: {
          ...(rec(res.requests) && Object.keys(rec(res.requests)!).length > 0 ? { requests: rec(res.requests) } : {}),
          ...(rec(res.limits) && Object.keys(rec(res.limits)!).length > 0 ? { limits: rec(res.limits) } : {}),
        },
        preStop: !!rec(rec(cont.lifecycle)?.preStop),
      });
    });
  }
  const rawReplicas = getIn(o.doc, ['spec', 'replicas']);
  const replicas =
    typeof rawReplicas === 'number' ? rawReplicas : /^\d+$/.test(String(rawReplicas ?? '')) ? Number(rawReplicas) : rawReplicas === undefined || rawReplicas === null ? undefined : 'templated';
  const grace = spec?.terminationGracePeriodSeconds;
  const replicasLine = yaml.lineOf(['spec', 'replicas']);
  return {
    ...o,
    containers,
    ...(replicas !== undefined ? { replicas } : {}),
    ...(replicasLine ? { replicasLine } : {}),
    ...(typeof grace === 'number' ? { terminationGracePeriodSeconds: grace } : {}),
  };
}

function chartsOf(files: FileIndex): Chart[] {
  return files.named('Chart.yaml').map((path) => {
    const dir = dirOf(path);
    const chartDoc = files.readYaml<Record<string, unknown>>(path);
    const valuesPath = [dir ? `${dir}/values.yaml` : 'values.yaml', dir ? `${dir}/values.yml` : 'values.yml'].find((p) => files.exists(p));
    const values = valuesPath ? files.readYaml(valuesPath) : undefined;
    return {
      dir,
      path,
      name: chartDoc.ok && typeof rec(chartDoc.value)?.name === 'string' ? (rec(chartDoc.value)!.name as string) : dir || '.',
      ...(values?.ok ? { values: values.value ?? {}, valuesPath: valuesPath! } : {}),
    };
  });
}

export function parseK8s(files: FileIndex): K8sModel {
  const charts = chartsOf(files);
  const chartOf = (p: string) => charts.find((c) => p.startsWith(c.dir ? `${c.dir}/templates/` : 'templates/'));
  const model: K8sModel = { objects: [], workloads: [], charts, kustomizations: [], notes: [] };
  for (const path of files.match(K8S_READS)) {
    const text = files.read(path);
    // Cheap pre-check: a manifest names its kind; most YAML in a repository does not.
    if (!text || !/^\s*kind:/m.test(text) || !text.includes('apiVersion')) continue;
    const chart = chartOf(path);
    const helmLines = chart || text.includes('{{') ? neutraliseHelm(text) : undefined;
    const parsed = parseYamlWithLines(helmLines ? helmLines.map((l) => l.text).join('\n') : text);
    if (parsed.error) model.notes.push({ path, note: `not parseable as YAML${helmLines ? ' after neutralising template directives' : ''}: ${parsed.error}` });
    for (const yaml of parsed.docs) {
      const raw = rec(yaml.value);
      if (!raw || typeof raw.kind !== 'string' || typeof raw.apiVersion !== 'string') continue;
      const doc = (chart?.values !== undefined ? resolveValues(raw, chart.values) : raw) as Record<string, unknown>;
      const line = yaml.lineOf(['kind']) ?? 1;
      const conds = helmLines?.[line - 1]?.conditions ?? [];
      const obj: K8sObject = {
        apiVersion: raw.apiVersion,
        kind: raw.kind,
        name: typeof rec(doc.metadata)?.name === 'string' ? (rec(doc.metadata)!.name as string) : '',
        path,
        line,
        doc,
        ...(chart ? { chart: chart.dir } : {}),
        ...(chart?.values !== undefined && !conditionsHold(conds, chart.values) ? { disabled: true } : {}),
      };
      model.objects.push(obj);
      const w = workloadOf(obj, yaml);
      if (w) model.workloads.push(w);
      if (obj.kind === 'Kustomization' && obj.apiVersion.startsWith('kustomize.config.k8s.io')) model.kustomizations.push(kustomization(obj));
    }
  }
  // kustomization.yaml may omit apiVersion/kind.
  for (const path of files.match(['**/kustomization.yaml', '**/kustomization.yml', '**/Kustomization'])) {
    if (model.kustomizations.some((k) => k.path === path)) continue;
    const r = files.readYaml(path);
    if (!r.ok) model.notes.push({ path, note: `not parseable as YAML: ${r.error}` });
    else model.kustomizations.push(kustomization({ path, doc: rec(r.value) ?? {} }));
  }
  return model;
}

function kustomization(o: { path: string; doc: Record<string, unknown> }): K8sModel['kustomizations'][number] {
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  return {
    path: o.path,
    resources: list(o.doc.resources).filter((r): r is string => typeof r === 'string'),
    replicas: list(o.doc.replicas)
      .map((r) => rec(r))
      .filter((r): r is Record<string, unknown> => !!r && typeof r.name === 'string' && typeof r.count === 'number')
      .map((r) => ({ name: r.name as string, count: r.count as number })),
  };
}

/** The memoised model for an audit. */
export function k8s(files: FileIndex): K8sModel {
  return memo(files, 'k8s', () => parseK8s(files));
}

/** Objects of one kind (and, optionally, API group prefix), enabled by default. */
export function objectsOfKind(model: K8sModel, kind: string, apiPrefix?: string): K8sObject[] {
  return model.objects.filter((o) => o.kind === kind && !o.disabled && (!apiPrefix || o.apiVersion.startsWith(apiPrefix)));
}
