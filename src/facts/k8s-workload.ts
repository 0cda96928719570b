/**
 * Reading a Kubernetes object as a workload: where each kind keeps its pod spec, its containers
 * with their probes, resources and the values.yaml defaults they are rendered from, its replica
 * count, and a NAIS Application flattened into the same shape. k8s.ts builds the model with it.
 */
import { plainMaker } from '../util/shapes.js';
import type { YamlDoc } from '../util/yaml-lines.js';
import { VALUE_REF } from './helm.js';
import type { Container, K8sObject, PlatformSpec, Workload } from './k8s.js';

/** The maker of the model's workloads, sized for their fields (see plainMaker). */
export const newWorkload = plainMaker();

export const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Pod',
  'Rollout',
  'DeploymentConfig',
];

export const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Where the pod spec lives for each workload kind (Knative Services too). */
function podSpecPath(kind: string, apiVersion: string): string[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  if (WORKLOAD_KINDS.includes(kind)) return ['spec', 'template', 'spec'];
  if (kind === 'Service' && apiVersion.startsWith('serving.knative.dev')) return ['spec', 'template', 'spec'];
  return undefined;
}

export function getIn(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) cur = rec(cur)?.[p];
  return cur;
}

/** How a parsed line maps back to the files: the template's line, and a helper's line when spliced in. */
export interface LineMap {
  at(line: number): number;
  from(line: number): { path: string; line: number } | undefined;
  /** The values.yaml line of a `.Values` path, when the object comes from a chart. */
  valueLine?(ref: string): { path: string; line: number } | undefined;
  /** A chart without values.yaml: what each per-environment values file sets a `.Values` path to, with its line. */
  envValue?(ref: string): { path: string; line?: number; value: unknown }[];
  /** The chart's values.yaml default of a `.Values` path (undefined when unset or no chart). */
  valueDefault?(ref: string): unknown;
}

export const PLAIN: LineMap = { at: (l) => l, from: () => undefined };

/** The first `.Values` path a (raw, unresolved) subtree is rendered from. */
function firstRef(node: unknown, depth = 0): string | undefined {
  if (depth > 12) return undefined;
  if (typeof node === 'string' && node.startsWith(`${VALUE_REF}.`)) return node.slice(VALUE_REF.length + 1);
  if (Array.isArray(node)) {
    for (const n of node) {
      const r = firstRef(n, depth + 1);
      if (r) return r;
    }
    return undefined;
  }
  const obj = rec(node);
  if (!obj) return undefined;
  if (typeof obj[VALUE_REF] === 'string') return (obj[VALUE_REF] as string).split('|')[0];
  for (const v of Object.values(obj)) {
    const r = firstRef(v, depth + 1);
    if (r) return r;
  }
  return undefined;
}

/** A NAIS Application (nais.io): the platform's own manifest, with the pod spec flattened into `spec`. */
export function isNaisApp(kind: string, apiVersion: string): boolean {
  return kind === 'Application' && apiVersion.startsWith('nais.io/');
}

const num = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : /^\d+$/.test(String(v ?? '')) ? Number(v) : undefined;

/**
 * A NAIS Application as one workload: `liveness`/`readiness`/`startup` are its probes,
 * `resources` its container's, `replicas.min` its instance count (the platform's default, 2, is
 * not visible here and not assumed); env, `gcp.sqlInstances` and auto-instrumentation are kept
 * for platform-apps.ts.
 */
/** A NAIS probe (`path`, `port`) in the Kubernetes form every probe reader knows (`httpGet.path`). */
function naisProbe(probe: unknown): unknown {
  const p = rec(probe);
  if (!p || typeof p.path !== 'string') return probe;
  return { ...p, httpGet: { path: p.path, ...(p.port !== undefined ? { port: p.port } : {}) } };
}

function naisWorkload(o: K8sObject, yaml: YamlDoc, map: LineMap): Workload {
  const spec = rec(o.doc.spec) ?? {};
  const at = (p: (string | number)[]) => {
    const l = yaml.lineOf(p);
    return l === undefined ? undefined : map.at(l);
  };
  const res = rec(spec.resources) ?? {};
  const some = (v: unknown) => (rec(v) && Object.keys(rec(v)!).length > 0 ? rec(v) : undefined);
  const requests = some(res.requests);
  const limits = some(res.limits);
  const container: Container = {
    name: o.name || 'app',
    line: at(['spec', 'image']) ?? at(['spec']) ?? o.line,
    init: false,
    ...(spec.liveness ? { livenessProbe: naisProbe(spec.liveness) } : {}),
    ...(spec.readiness ? { readinessProbe: naisProbe(spec.readiness) } : {}),
    ...(spec.startup ? { startupProbe: naisProbe(spec.startup) } : {}),
    resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
    preStop: !!spec.preStopHook,
  };
  const replicas = rec(spec.replicas);
  const min = num(replicas?.min);
  const max = num(replicas?.max);
  const env = Array.isArray(spec.env) ? spec.env : [];
  const names = env.map((e) => rec(e)?.name).filter((n): n is string => typeof n === 'string');
  const sql = Array.isArray(rec(spec.gcp)?.sqlInstances) ? (rec(spec.gcp)!.sqlInstances as unknown[]) : [];
  const stores = sql.flatMap((x, i) => {
    const inst = rec(x);
    if (!inst) return [];
    const backup =
      inst.pointInTimeRecovery === true
        ? 'pointInTimeRecovery: true'
        : inst.autoBackupHour !== undefined
          ? `autoBackupHour: ${String(inst.autoBackupHour)}`
          : rec(inst.retainedBackups) || inst.retainedBackups !== undefined
            ? 'retainedBackups set'
            : undefined;
    return [
      {
        kind: `Cloud SQL ${typeof inst.type === 'string' ? inst.type : 'instance'}`,
        line: at(['spec', 'gcp', 'sqlInstances', i]) ?? o.line,
        ...(backup ? { backup } : {}),
        // NAIS has Cloud SQL take an automated backup every day and keep the last 7 unless the
        // manifest says otherwise (https://doc.nais.io/persistence/cloudsql/); point-in-time recovery
        // is off unless `pointInTimeRecovery: true` (blind round 41: read as "no backups").
        ...(backup
          ? {}
          : {
              platformDefault:
                'a daily automated Cloud SQL backup, the last 7 kept; point-in-time recovery is not turned on',
            }),
      },
    ];
  });
  const auto = rec(rec(spec.observability)?.autoInstrumentation);
  const platform: PlatformSpec = {
    system: 'NAIS',
    ...(names.length > 0 ? { env: { line: at(['spec', 'env']) ?? o.line, names } } : {}),
    stores,
    ...(auto && auto.enabled === true
      ? {
          tracing: {
            line: at(['spec', 'observability', 'autoInstrumentation']) ?? o.line,
            ...(typeof auto.runtime === 'string' ? { runtime: auto.runtime } : {}),
          },
        }
      : {}),
    ...(max !== undefined ? { maxReplicas: max } : {}),
  };
  const replicasLine = at(['spec', 'replicas', 'min']);
  return Object.assign(
    newWorkload(),
    o,
    { oneOff: false, containers: [container] },
    min !== undefined ? { replicas: min } : {},
    replicasLine ? { replicasLine } : {},
    { platform },
  );
}

/** Namespaces of the cluster itself and of the usual upstream add-ons, never an application's own. */
const SYSTEM_NAMESPACES = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'cert-manager',
  'ingress-nginx',
  'calico-system',
  'tigera-operator',
  'kube-flannel',
  'metallb-system',
  'gpu-operator',
  'nvidia-device-plugin',
  'local-path-storage',
]);

/**
 * Images of upstream cluster add-ons, by registry or repository prefix: the Kubernetes project's
 * registries, device plugins, CNIs, cert-manager, ingress controllers, node exporters, cloud CNI
 * and CSI drivers. Anchored prefixes tested with startsWith, no pattern.
 */
const ADDON_IMAGE_PREFIXES = [
  'registry.k8s.io/',
  'k8s.gcr.io/',
  'gcr.io/google_containers/',
  'gcr.io/google-containers/',
  'nvidia/k8s-device-plugin',
  'nvcr.io/nvidia/k8s-device-plugin',
  'nvcr.io/nvidia/gpu-operator',
  'nvidia/dcgm-exporter',
  'quay.io/jetstack/',
  'quay.io/cilium/',
  'cilium/',
  'calico/',
  'quay.io/calico/',
  'docker.io/calico/',
  'quay.io/tigera/',
  'flannel/',
  'quay.io/coreos/flannel',
  'docker.io/flannel/',
  'weaveworks/weave-',
  'quay.io/metallb/',
  'metallb/',
  'quay.io/prometheus/node-exporter',
  'prom/node-exporter',
  'quay.io/prometheus-operator/',
  'public.ecr.aws/eks/',
  'public.ecr.aws/ebs-csi-driver/',
  'amazon/aws-node-termination-handler',
  'mcr.microsoft.com/oss/kubernetes/',
  'rancher/local-path-provisioner',
  'bitnami/metrics-server',
  'bitnami/sealed-secrets-controller',
  'docker.io/bitnami/sealed-secrets-controller',
  'coredns/coredns',
];

const isAddonImage = (image: string) => {
  const i = image.toLowerCase();
  return ADDON_IMAGE_PREFIXES.some((p) => i.startsWith(p));
};

/**
 * A workload that is a cluster add-on, not an application: it runs in a system namespace
 * (`kube-system`, `cert-manager`, `ingress-nginx`…), asks for a system priority class or marks
 * itself a critical add-on, or every image it runs is an upstream add-on's (registry.k8s.io,
 * nvidia/k8s-device-plugin, quay.io/jetstack…). Whether one of its images is built here (the
 * repository of an add-on) is decided in deployedWorkloads, which has the tree.
 */
export function clusterAddon(
  doc: Record<string, unknown>,
  spec: Record<string, unknown> | undefined,
): Workload['addon'] {
  const images: string[] = [];
  for (const field of ['containers', 'initContainers']) {
    const list = spec?.[field];
    if (!Array.isArray(list)) continue;
    for (const c of list.slice(0, 50)) {
      const image = rec(c)?.image;
      if (typeof image === 'string') images.push(image.trim());
    }
  }
  const meta = rec(doc.metadata);
  const ns = typeof meta?.namespace === 'string' ? meta.namespace : undefined;
  const priority = typeof spec?.priorityClassName === 'string' ? spec.priorityClassName : undefined;
  const annotations = rec(rec(getIn(doc, ['spec', 'template', 'metadata']))?.annotations);
  const reason =
    ns && SYSTEM_NAMESPACES.has(ns)
      ? `runs in the ${ns} namespace`
      : priority === 'system-node-critical' || priority === 'system-cluster-critical'
        ? `priority class ${priority}`
        : annotations && 'scheduler.alpha.kubernetes.io/critical-pod' in annotations
          ? 'marked a critical add-on pod'
          : images.length > 0 && images.every(isAddonImage)
            ? `runs upstream add-on image ${images[0]}`
            : undefined;
  return reason ? { reason, images } : undefined;
}

export function workloadOf(
  o: K8sObject,
  yaml: YamlDoc,
  map: LineMap = PLAIN,
  rawDoc?: Record<string, unknown>,
): Workload | undefined {
  if (isNaisApp(o.kind, o.apiVersion)) return naisWorkload(o, yaml, map);
  const specPath = podSpecPath(o.kind, o.apiVersion);
  if (!specPath) return undefined;
  const spec = rec(getIn(o.doc, specPath));
  const containers: Container[] = [];
  for (const [field, init] of [
    ['containers', false],
    ['initContainers', true],
  ] as const) {
    const list = spec?.[field];
    if (!Array.isArray(list)) continue;
    const rawList = rawDoc ? getIn(rawDoc, [...specPath, field]) : undefined;
    list.forEach((item, i) => {
      // A values slot in the list (`{{ tpl .Values.extraContainers . }}`) is no container: it
      // renders the containers values.yaml lists by default (each one counted) or nothing.
      for (const c of Array.isArray(item) ? item : [item]) {
        const cont = rec(c);
        if (!cont) continue;
        const res = rec(cont.resources) ?? {};
        const parsed = yaml.lineOf([...specPath, field, i]);
        const from = parsed === undefined ? undefined : map.from(parsed);
        // The values.yaml default each judged field is rendered from (a chart's `livenessProbe:`).
        const rawCont = Array.isArray(rawList) ? rec(rawList[i]) : undefined;
        const defaults: NonNullable<Container['defaults']> = {};
        const emptied: NonNullable<Container['emptyDefaults']> = {};
        for (const key of ['livenessProbe', 'readinessProbe', 'resources'] as const) {
          const ref = rawCont && map.valueLine ? firstRef(rawCont[key]) : undefined;
          // `livenessProbe.httpGet.path` is cited at `livenessProbe` when values.yaml has that key.
          const parts = ref?.split('.') ?? [];
          const own = parts.indexOf(key);
          // A literal probe with a port from values (`port: {{ .Values.ports.healthz }}`) is the
          // template's, not a default: cited only when the field itself comes from values.
          const field = rawCont?.[key];
          const whole = typeof field === 'string' || typeof rec(field)?.[VALUE_REF] === 'string';
          const at =
            ref && (own >= 0 || whole)
              ? (map.valueLine!(own >= 0 && !whole ? parts.slice(0, own + 1).join('.') : ref) ?? map.valueLine!(ref))
              : undefined;
          if (at) defaults[key] = at;
          // A field rendered whole from a values default that is empty (`livenessProbe: {}`,
          // `resources: {}`, the `helm create` scaffold) renders nothing: no probe, no resources
          // (blind round 38: empty chart defaults were reported as probes).
          if (at && whole && ref && map.valueDefault && emptyDefault(map.valueDefault(ref))) {
            delete defaults[key];
            emptied[key] = at;
          }
        }
        containers.push({
          name:
            typeof cont.name !== 'string'
              ? `#${i + 1}`
              : /helm-template|__helmValue/.test(cont.name)
                ? '(templated)'
                : cont.name,
          line: from ? from.line : parsed !== undefined ? map.at(parsed) : o.line,
          ...(from ? { path: from.path } : {}),
          ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
          ...(Object.keys(emptied).length > 0 ? { emptyDefaults: emptied } : {}),
          init,
          ...(cont.livenessProbe && !emptied.livenessProbe ? { livenessProbe: cont.livenessProbe } : {}),
          ...(cont.readinessProbe && !emptied.readinessProbe ? { readinessProbe: cont.readinessProbe } : {}),
          ...(cont.startupProbe ? { startupProbe: cont.startupProbe } : {}),
          resources: {
            ...(rec(res.requests) && Object.keys(rec(res.requests)!).length > 0 ? { requests: rec(res.requests) } : {}),
            ...(rec(res.limits) && Object.keys(rec(res.limits)!).length > 0 ? { limits: rec(res.limits) } : {}),
          },
          preStop: !!rec(rec(cont.lifecycle)?.preStop),
        });
      }
    });
  }
  const written = getIn(o.doc, ['spec', 'replicas']);
  // A chart value its values.yaml leaves unset renders empty: Kubernetes runs one replica.
  const rawReplicas =
    map.valueLine && typeof written === 'string' && written.startsWith(`${VALUE_REF}.`) ? undefined : written;
  const replicas =
    typeof rawReplicas === 'number'
      ? rawReplicas
      : rawReplicas === 'erb-template'
        ? 'templated'
        : /^\d+$/.test(String(rawReplicas ?? ''))
          ? Number(rawReplicas)
          : rawReplicas === undefined || rawReplicas === null
            ? undefined
            : 'templated';
  const grace = spec?.terminationGracePeriodSeconds;
  const parsedReplicas = yaml.lineOf(['spec', 'replicas']);
  // `.Values.components.ad.replicas | default .Values.default.replicas`: the one values.yaml sets.
  const replicasRefs = map.valueLine ? String(getIn(rawDoc, ['spec', 'replicas']) ?? '') : '';
  const replicasDefault = replicasRefs.startsWith(`${VALUE_REF}.`)
    ? replicasRefs
        .slice(VALUE_REF.length + 1)
        .split('|')
        .map((r) => map.valueLine!(r))
        .find((at) => at !== undefined)
    : undefined;
  const replicasLine = parsedReplicas === undefined ? undefined : map.at(parsedReplicas);
  // No values.yaml: the per-environment values files set the count (values-prod.yaml:5 replicaCount: 3).
  const envRef =
    replicas === 'templated' && map.envValue && typeof written === 'string' && written.startsWith(`${VALUE_REF}.`)
      ? written
          .slice(VALUE_REF.length + 1)
          .split('|')[0]!
          .trim()
      : undefined;
  const byEnv = envRef ? map.envValue!(envRef) : [];
  const replicasByEnv =
    byEnv.length > 0 && byEnv.every((e) => typeof e.value === 'number' && e.line !== undefined)
      ? byEnv.map((e) => ({ path: e.path, line: e.line!, count: e.value as number }))
      : undefined;
  const oneOff =
    o.kind === 'Job' ||
    o.kind === 'CronJob' ||
    (o.kind === 'Pod' && ['Never', 'OnFailure'].includes(String(spec?.restartPolicy)));
  // Object.assign, not a literal that starts with `...o`: V8 gives such a literal a hidden class of
  // its own per object when `o` comes in several shapes (10k workloads at 100k files, ~5 MB of
  // maps and descriptors kept through the rules); assigned in the same order, they share them.
  // Onto a workload-sized object (plainMaker), not `{}`: its fields past the fourth sat in a
  // property array beside it.
  const addon = clusterAddon(o.doc, spec);
  return Object.assign(
    newWorkload(),
    o,
    { oneOff, containers },
    addon ? { addon } : {},
    replicas !== undefined ? { replicas } : {},
    replicasLine ? { replicasLine } : {},
    replicasDefault ? { replicasDefault } : {},
    replicasByEnv ? { replicasByEnv } : {},
    typeof grace === 'number' ? { terminationGracePeriodSeconds: grace } : {},
  );
}

/** A values default that renders nothing: unset, null, an empty map, list or string. */
function emptyDefault(v: unknown): boolean {
  return (
    v === null ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && v !== null && Object.keys(v).length === 0)
  );
}
