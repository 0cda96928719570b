/**
 * Workloads a GitOps release deploys from inline chart values: a Flux HelmRelease
 * (helm.toolkit.fluxcd.io, `spec.values`) or an Argo CD Application with Helm values
 * (argoproj.io, `spec.source(s).helm.valuesObject`, or `values:` as a YAML string). The repository
 * writes no Deployment: the chart renders it from these values (blind round 31, a Flux home-lab
 * repository whose probes, resources and replicas all sat in HelmRelease values).
 *
 * Two value shapes are read:
 * - the bjw-s app-template (and its common library): `controllers.<name>` with `type`,
 *   `replicas` and `containers.<name>.{probes.{liveness,readiness,startup}, resources}`; the older
 *   single-controller form (`controller:`, top-level `probes:`/`resources:`) too;
 * - a conventional chart (`helm create` and most charts): top-level `resources`,
 *   `livenessProbe`/`readinessProbe`, `replicaCount`/`replicas`, and the same keys one level down
 *   for a chart's components (`controller: { resources, replicaCount }`).
 *
 * What the values leave out is the chart's default, not visible here: it is marked (`chartDefaults`,
 * `replicasFromChart`) so the rules neither credit nor blame it. Only a conventional component that
 * writes one of the keys above is a workload; a release of an upstream chart that configures none of
 * them says nothing about its pods.
 */
import type { YamlDoc } from '../util/yaml-lines.js';
import { parseYamlWithLines } from '../util/yaml-lines.js';
import type { Container, K8sObject, Workload } from './k8s.js';
import { table } from '../util/table.js';

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const num = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
const some = (v: unknown) => (rec(v) && Object.keys(rec(v)!).length > 0 ? rec(v) : undefined);

/** A Flux HelmRelease or an Argo CD Application: a release whose chart values may sit inline. */
export function isRelease(kind: string, apiVersion: string): boolean {
  return (
    (kind === 'HelmRelease' && apiVersion.startsWith('helm.toolkit.fluxcd.io/')) ||
    (kind === 'Application' && apiVersion.startsWith('argoproj.io/'))
  );
}

/** Values with where they are: a path into the release document, or a string parsed at a line offset. */
interface Values {
  value: Record<string, unknown>;
  lineOf(path: (string | number)[]): number | undefined;
}

/**
 * The line of a key: the parser gives a block map's line as its first entry's, so the key is
 * looked for upwards (at most 40 lines) from there.
 */
function keyLine(lines: string[], key: string | number, at: number | undefined): number | undefined {
  if (at === undefined || typeof key !== 'string') return at;
  const word = key.replace(/[^\w.-]/g, '');
  for (let l = at; l >= Math.max(1, at - 40); l--) {
    const t = (lines[l - 1] ?? '').trimStart();
    if (t.startsWith(`${word}:`) || t.startsWith(`"${word}":`) || t.startsWith(`'${word}':`)) return l;
  }
  return at;
}

function valuesOf(
  o: K8sObject,
  doc: Record<string, unknown>,
  yaml: YamlDoc,
  at: (l: number) => number,
  text: string[],
): Values[] {
  const spec = rec(doc.spec);
  if (!spec) return [];
  const from = (base: (string | number)[]): Values | undefined => {
    const v = base.reduce<unknown>((x, k) => (Array.isArray(x) ? x[k as number] : rec(x)?.[k]), doc);
    if (rec(v)) {
      return {
        value: rec(v)!,
        lineOf: (p) => {
          const l = keyLine(text, p.length ? p[p.length - 1]! : '', yaml.lineOf([...base, ...p]));
          return l === undefined ? undefined : at(l);
        },
      };
    }
    // Argo CD `helm.values: |` — a YAML string, bounded, parsed once, lines offset from the key.
    if (typeof v === 'string' && v.length < 200_000) {
      const parsed = parseYamlWithLines(v);
      const inner = parsed.error ? undefined : parsed.docs[0];
      const start = yaml.lineOf(base);
      if (!inner || !rec(inner.value) || start === undefined) return undefined;
      return {
        value: rec(inner.value)!,
        lineOf: (p) => {
          const l = inner.lineOf(p);
          return l === undefined ? undefined : at(keyLine(text, p.length ? p[p.length - 1]! : '', start + l)!);
        },
      };
    }
    return undefined;
  };
  if (o.kind === 'HelmRelease') return [from(['spec', 'values'])].filter((v): v is Values => !!v);
  const sources: (string | number)[][] = [['spec', 'source']];
  if (Array.isArray(spec.sources)) spec.sources.slice(0, 20).forEach((_, i) => sources.push(['spec', 'sources', i]));
  return sources
    .flatMap((s) => [from([...s, 'helm', 'valuesObject']), from([...s, 'helm', 'values'])])
    .filter((v): v is Values => !!v);
}

/** An app-template probe (`liveness: { enabled: true, custom, spec }`), as a probe object when enabled. */
function templateProbe(p: unknown): unknown {
  const r = rec(p);
  if (!r || r.enabled === false || r.enabled === 'false') return undefined;
  return rec(r.spec) ?? r;
}

const CONTROLLER_KINDS: Record<string, string> = table({
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  cronjob: 'CronJob',
  job: 'Job',
});

function resourcesOf(v: unknown): Container['resources'] {
  const r = rec(v) ?? {};
  const requests = some(r.requests);
  const limits = some(r.limits);
  return { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
}

function appTemplate(o: K8sObject, v: Values): Workload[] {
  const out: Workload[] = [];
  const controllers = rec(v.value.controllers);
  const legacy = !controllers && rec(v.value.controller) ? { main: v.value.controller } : undefined;
  for (const [cname, cv] of Object.entries(controllers ?? legacy ?? {}).slice(0, 50)) {
    const c = rec(cv);
    if (!c || c.enabled === false) continue;
    const base = controllers ? ['controllers', cname] : ['controller'];
    const kind = CONTROLLER_KINDS[String(c.type ?? 'deployment').toLowerCase()] ?? 'Deployment';
    const containers: Container[] = [];
    // The old single-controller form keeps its one container's probes and resources at the top.
    const list = controllers ? (rec(c.containers) ?? {}) : { main: v.value };
    for (const [name, x] of Object.entries(list).slice(0, 50)) {
      const k = rec(x);
      if (!k) continue;
      const path = controllers ? [...base, 'containers', name] : [];
      const probes = rec(k.probes) ?? {};
      const liveness = templateProbe(probes.liveness);
      const readiness = templateProbe(probes.readiness);
      const startup = templateProbe(probes.startup);
      const line = v.lineOf(path.length ? path : ['controller']) ?? o.line;
      const probeLine = v.lineOf([...path, 'probes']);
      const resLine = v.lineOf([...path, 'resources']);
      containers.push({
        name,
        line,
        init: false,
        ...(liveness ? { livenessProbe: liveness } : {}),
        ...(readiness ? { readinessProbe: readiness } : {}),
        ...(startup ? { startupProbe: startup } : {}),
        resources: resourcesOf(k.resources),
        preStop: !!rec(rec(k.lifecycle)?.preStop),
        ...(probeLine || resLine
          ? {
              defaults: {
                ...(probeLine && (liveness || readiness)
                  ? {
                      livenessProbe: { path: o.path, line: probeLine },
                      readinessProbe: { path: o.path, line: probeLine },
                    }
                  : {}),
                ...(resLine ? { resources: { path: o.path, line: resLine } } : {}),
              },
            }
          : {}),
        // Probes the values do not write are the library's defaults (not visible here); probes
        // written and switched off are none.
        ...(!liveness && !readiness && k.probes === undefined ? { chartDefaults: { probes: true } } : {}),
      });
    }
    if (containers.length === 0) continue;
    const replicas = num(c.replicas);
    const replicasLine = v.lineOf([...base, 'replicas']);
    out.push({
      ...o,
      kind,
      name: `${o.name || '(templated)'}${controllers && Object.keys(controllers).length > 1 ? `/${cname}` : ''}`,
      line: v.lineOf(base) ?? o.line,
      doc: {},
      containers,
      oneOff: kind === 'Job' || kind === 'CronJob',
      // app-template renders one replica unless told otherwise; `replicas: null` leaves it to an HPA.
      ...(replicas !== undefined ? { replicas } : {}),
      ...(replicas !== undefined && replicasLine ? { replicasLine } : {}),
      release: `${o.kind} ${o.name}`,
    });
  }
  return out;
}

const PROBE_KEYS = ['livenessProbe', 'readinessProbe'] as const;

/** A conventional chart's component: the values map that writes resources, probes or a replica count. */
function conventional(o: K8sObject, v: Values): Workload[] {
  const out: Workload[] = [];
  const judge = (m: Record<string, unknown>, path: string[], label: string) => {
    const res = resourcesOf(m.resources);
    const hasRes = !!(res.requests || res.limits);
    const probes = PROBE_KEYS.filter((k) => rec(m[k]) && m[k] && rec(m[k])!.enabled !== false);
    const replicaKey =
      num(m.replicaCount) !== undefined ? 'replicaCount' : num(m.replicas) !== undefined ? 'replicas' : undefined;
    if (!hasRes && probes.length === 0 && !replicaKey) return;
    const line = v.lineOf(path.length ? path : ['resources']) ?? v.lineOf([]) ?? o.line;
    const resLine = hasRes ? v.lineOf([...path, 'resources']) : undefined;
    const container: Container = {
      name: label,
      line,
      init: false,
      ...(probes.includes('livenessProbe') ? { livenessProbe: m.livenessProbe } : {}),
      ...(probes.includes('readinessProbe') ? { readinessProbe: m.readinessProbe } : {}),
      resources: res,
      preStop: false,
      defaults: {
        ...(resLine ? { resources: { path: o.path, line: resLine } } : {}),
        ...Object.fromEntries(
          probes.flatMap((k) => {
            const l = v.lineOf([...path, k]);
            return l ? [[k, { path: o.path, line: l }]] : [];
          }),
        ),
      },
      // Fields the values leave out are the chart's defaults: neither credited nor blamed.
      ...(probes.length === 0 || !hasRes ? { chartDefaults: { probes: probes.length === 0, resources: !hasRes } } : {}),
    };
    const replicas = replicaKey ? num(m[replicaKey]) : undefined;
    const replicasLine = replicaKey ? v.lineOf([...path, replicaKey]) : undefined;
    out.push({
      ...o,
      kind: 'Deployment',
      name: `${o.name || '(templated)'}${path.length ? `/${path.join('.')}` : ''}`,
      line,
      doc: {},
      containers: [container],
      oneOff: false,
      ...(replicas !== undefined ? { replicas } : { replicasFromChart: true }),
      ...(replicasLine ? { replicasLine } : {}),
      release: `${o.kind} ${o.name}`,
    });
  };
  judge(v.value, [], 'main');
  for (const [key, sub] of Object.entries(v.value).slice(0, 200)) {
    const m = rec(sub);
    if (m && key !== 'resources' && !PROBE_KEYS.includes(key as (typeof PROBE_KEYS)[number])) judge(m, [key], key);
  }
  return out;
}

/** The workloads a release's inline values deploy; none when it writes no values that describe pods. */
export function releaseWorkloads(
  o: K8sObject,
  doc: Record<string, unknown>,
  yaml: YamlDoc,
  at: (l: number) => number,
  lines: () => string[],
): Workload[] {
  if (!isRelease(o.kind, o.apiVersion)) return [];
  return valuesOf(o, doc, yaml, at, lines())
    .slice(0, 4)
    .flatMap((v) =>
      rec(v.value.controllers) || (rec(v.value.controller) && (v.value.probes || v.value.resources))
        ? appTemplate(o, v)
        : conventional(o, v),
    );
}
