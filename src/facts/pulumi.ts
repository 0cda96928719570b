/**
 * Pulumi programs that deploy the application (round 19, daily-api: probes, minReplicas 3 with an
 * autoscaler and limits/requests on every app lived in .infra/index.ts while the rules judged the
 * development docker-compose.yml). A Pulumi project is a folder with Pulumi.yaml; its program is
 * the TypeScript/JavaScript, Python or Go source beside it (or under its `main:`). The program's
 * object literals are read by key, with lines — never run: an object that sets what a workload is
 * (`image`, `args`, `containers`, `minReplicas`/`replicas`) together with its probes or resources is
 * one workload, whether it is a raw `k8s.apps.v1.Deployment` container or the arguments of a
 * company's component (`new Application({ minReplicas: 3, limits, livenessProbe })`).
 *
 * The workloads join the Kubernetes ones (runtime.ts deployedWorkloads), so health-checks,
 * redundancy and resource-limits judge them and set a development compose file aside, as they do
 * beside manifests. Managed data stores the program provisions (Memorystore, Cloud SQL, RDS,
 * ElastiCache) are read too: backups apply to them.
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { dirOf, isProductionPath } from './paths.js';
import type { Container, Workload } from './k8s.js';
import { lineAt } from '../util/lines.js';
import type { TfBlock } from './terraform.js';

export const PULUMI_PROJECT_GLOBS = ['**/Pulumi.yaml', '**/Pulumi.yml'];
const PROGRAM_FILE = /\.(?:ts|js|mjs|cjs|py|go)$/;
const NOT_PROGRAM =
  /(^|\/)(node_modules|dist|build|bin|obj|vendor|\.pulumi)\/|\.d\.ts$|(^|\/)[^/]*(?:\.test|\.spec|_test)\.\w+$/;
/** Source that uses Pulumi: an import of the SDK or of a provider. */
/** What one program file can contribute: workloads, data stores and probe paths each (a hostile file has thousands). */
const MAX_PER_FILE = 200;
/** How many enclosing objects a container's replicas are looked for in. */
const MAX_DEPTH = 12;
const USES_PULUMI = /@pulumi\/|\bimport\s+pulumi\b|\bfrom\s+pulumi\b|github\.com\/pulumi\/|\bpulumi_kubernetes\b/;

/** One key of an object literal (or a keyword argument), its value's first characters and its line. */
interface Key {
  line: number;
  value: string;
}
interface Frame {
  open: '{' | '(' | '[';
  line: number;
  keys: Map<string, Key>;
  parent?: Frame;
  children: Frame[];
  /** A call's first string argument (`new ClickHouseSync('clickhouse-sync', {…})`: the resource name). */
  firstString?: string;
}

/** Keys compared without case or underscores: `livenessProbe`, `liveness_probe`, `LivenessProbe`. */
const norm = (k: string) => k.replace(/_/g, '').toLowerCase();

/**
 * The object literals and argument lists of a source file, with their keys: a small scanner that
 * skips strings and comments and tracks brackets. Shorthand keys (`{ livenessProbe, limits }`)
 * count in braces; `name=` keyword arguments count in parentheses (Python).
 */
export function objectLiterals(text: string): Frame[] {
  const all: Frame[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  const n = text.length;
  let i = 0;
  const top = () => stack[stack.length - 1];
  while (i < n) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (c === '#' && !/[\w$]/.test(text[i - 1] ?? '')) {
      // Python comments (a TS private name `#x` is rare in a Pulumi program and harmless to skip).
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      const start = i;
      i++;
      while (i < n && text[i] !== c) {
        if (text[i] === '\\') i++;
        else if (c !== '`' && text[i] === '\n') break;
        i++;
      }
      i++;
      const t = top();
      if (t?.open === '(' && t.firstString === undefined && c !== '`') t.firstString = text.slice(start + 1, i - 1);
      // A quoted key: `"livenessProbe": {…}` (Python dicts, JSON-like literals).
      if (expectKey) {
        const rest = /^\s*:/.exec(text.slice(i, i + 20));
        if (rest) addKey(text.slice(start + 1, i - 1), start, i + rest[0].length);
      }
      expectKey = false;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') {
      const f: Frame = { open: c, line: lineAt(text, i), keys: new Map(), children: [] };
      const p = top();
      if (p) (f.parent = p), p.children.push(f);
      stack.push(f);
      all.push(f);
      expectKey = c !== '[';
      i++;
      continue;
    }
    if (c === '}' || c === ')' || c === ']') {
      stack.pop();
      expectKey = false;
      i++;
      continue;
    }
    if (c === ',' || c === '\n' || c === ';') {
      if (c === ',' || (c === '\n' && top()?.open === '{')) expectKey = top()?.open !== '[';
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (expectKey && /[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 80))!;
      const word = m[0];
      const after = text.slice(i + word.length, i + word.length + 200);
      const open = top()?.open;
      const colon = /^\s*:(?!:)/.exec(after);
      const kwarg = open === '(' ? /^\s*=(?![=>])/.exec(after) : null;
      const shorthand = open === '{' ? /^\s*(?=[,}\n])/.exec(after) : null;
      if (colon || kwarg) addKey(word, i, i + word.length + (colon ?? kwarg)![0].length);
      else if (shorthand) addKey(word, i, i + word.length);
      i += word.length;
      expectKey = false;
      continue;
    }
    expectKey = false;
    i++;
  }
  return all;

  function addKey(name: string, at: number, valueAt: number): void {
    const f = top();
    if (!f) return;
    const k = norm(name);
    if (!f.keys.has(k)) f.keys.set(k, { line: lineAt(text, at), value: text.slice(valueAt, valueAt + 60).trim() });
  }
}

/** Keys that say what a workload runs. */
const RUNS = ['image', 'args', 'command', 'containers', 'minreplicas', 'replicas', 'containerport', 'ports'];
/** Keys a workload is judged on. */
const JUDGED = ['livenessprobe', 'readinessprobe', 'startupprobe', 'limits', 'requests', 'resources', 'minreplicas'];

export interface PulumiWorkload extends Workload {
  /** The program file and the component or resource it configures. */
  program: string;
  maxReplicas?: number;
}

export interface PulumiFacts {
  /** Pulumi.yaml files of projects whose program deploys workloads. */
  projects: string[];
  workloads: PulumiWorkload[];
  /** Managed data stores the program provisions: `new gcp.redis.Instance(`, `new Redis(`, `new aws.rds.Instance(`. */
  dataStores: { path: string; line: number; what: string; backup?: string }[];
  /** HTTP paths the program's probes call (`readinessProbe = { httpGet: { path: '/health' } }`). */
  probePaths: { kind: 'readiness' | 'liveness' | 'startup'; path: string; file: string; line: number }[];
}

const PROBE_PATH =
  /\b(readiness|liveness|startup)_?probe\b(?:\s*:\s*[\w.<>[\]]+)?\s*[=:]\s*(?:[\w.]+\s*\(\s*)?\{[\s\S]{0,300}?\bpath\s*[:=]\s*["'`](\/[^"'`\s]*)["'`]/gi;

const DATA_STORE =
  /\bnew\s+((?:[\w$]+\.)*(?:redis\.Instance|sql\.DatabaseInstance|sql\.Database|rds\.(?:Instance|Cluster)|elasticache\.\w+|docdb\.Cluster|dynamodb\.Table|memorystore\.\w+|alloydb\.Cluster|cosmosdb\.\w+|postgresql\.(?:Server|FlexibleServer)|mongodbatlas\.Cluster|Redis\w*|Memorystore\w*|SqlDatabase|SqlInstance|CloudSql\w*|Postgres(?:ql)?(?:Instance|Database|Cluster)?|MySql(?:Instance|Database)?|Database(?:Instance|Cluster)))\s*\(/g;
const PY_DATA_STORE =
  /\b((?:gcp|aws|azure|azure_native)\.(?:redis\.Instance|sql\.DatabaseInstance|rds\.(?:Instance|Cluster)|elasticache\.\w+|docdb\.Cluster|dynamodb\.Table))\s*\(/g;

/** Arguments that back a managed store up (Cloud SQL backupConfiguration, RDS backupRetentionPeriod, Memorystore persistence). */
const BACKUP_KEY =
  /\b(?:backup_?configuration|backup_?retention_?period|backup_?retention_?days|point_?in_?time_?recovery\w*|persistence_?config|rdb_?snapshot_?period|snapshot_?retention_?limit|deletion_?protection|backup\w*)\b/i;

/** The text of a call from its opening parenthesis to the matching one (bounded, strings not parsed). */
// The last text's bracket pairs: callers ask for many calls of one text in a row.
let pairs: { text: string; close: Int32Array } | undefined;

/**
 * Where each `(` of a text is closed (-1 if never), in one pass with a stack: a file of many calls
 * costs its length once, not a scan of up to 8,000 characters per call (a 1 MB file of 100,000
 * unclosed `new Redis(` took 40 s).
 */
function closes(text: string): Int32Array {
  if (pairs?.text === text) return pairs.close;
  const close = new Int32Array(text.length).fill(-1);
  const stack: number[] = [];
  for (let i = text.indexOf('('), j = text.indexOf(')'); i !== -1 || j !== -1; ) {
    if (i !== -1 && (j === -1 || i < j)) {
      stack.push(i);
      i = text.indexOf('(', i + 1);
    } else {
      const open = stack.pop();
      if (open !== undefined) close[open] = j;
      j = text.indexOf(')', j + 1);
    }
  }
  pairs = { text, close };
  return close;
}

/** The text of a call from its `(` to the matching `)`, at most 8,000 characters. */
export function callText(text: string, open: number): string {
  if (open < 0 || open >= text.length) return '';
  const end = Math.min(text.length, open + 8000);
  const close = text[open] === '(' ? closes(text)[open]! : -1;
  return close !== -1 && close < end ? text.slice(open, close + 1) : text.slice(open, end);
}

function compute(files: FileView): PulumiFacts {
  // Each project filters the whole listing: a repository of thousands of Pulumi.yaml files is read for its first 20.
  const projects = files.match(PULUMI_PROJECT_GLOBS).filter(isProductionPath).slice(0, 20);
  const out: PulumiFacts = { projects: [], workloads: [], dataStores: [], probePaths: [] };
  const all = files.paths;
  for (const project of projects) {
    const dir = dirOf(project);
    const main = /^\s*main\s*:\s*["']?([^\s"'#]+)/m.exec(files.read(project) ?? '')?.[1]?.replace(/^\.\//, '');
    const root = main ? (dir ? `${dir}/${main}` : main).replace(/\/[^/]*\.\w+$/, '').replace(/\/$/, '') : dir;
    const prefix = root ? `${root}/` : '';
    const program = all
      .filter((p) => p.startsWith(prefix) && PROGRAM_FILE.test(p) && !NOT_PROGRAM.test(p.slice(prefix.length)))
      .slice(0, 200);
    let deploys = false;
    for (const path of program) {
      const text = files.read(path);
      if (!text || !USES_PULUMI.test(text)) continue;
      for (const re of [DATA_STORE, PY_DATA_STORE]) {
        re.lastIndex = 0;
        let count = 0;
        for (let m = re.exec(text); m && count < MAX_PER_FILE; m = re.exec(text), count++) {
          const backup = BACKUP_KEY.exec(callText(text, m.index + m[0].length - 1))?.[0];
          out.dataStores.push({ path, line: lineAt(text, m.index), what: m[1]!, ...(backup ? { backup } : {}) });
        }
      }
      for (const w of workloadsOf(path, text)) (deploys = true), out.workloads.push(w);
      PROBE_PATH.lastIndex = 0;
      let probes = 0;
      for (let m = PROBE_PATH.exec(text); m && probes < MAX_PER_FILE; m = PROBE_PATH.exec(text), probes++)
        out.probePaths.push({
          kind: m[1]!.toLowerCase() as 'readiness' | 'liveness' | 'startup',
          path: m[2]!,
          file: path,
          line: lineAt(text, m.index),
        });
    }
    if (deploys) out.projects.push(project);
  }
  return out;
}

function workloadsOf(path: string, text: string): PulumiWorkload[] {
  const frames = objectLiterals(text);
  const out: PulumiWorkload[] = [];
  const has = (f: Frame, k: string) => f.keys.has(k);
  for (const f of frames) {
    if (out.length >= MAX_PER_FILE) break;
    if (!RUNS.some((k) => has(f, k)) || !JUDGED.some((k) => has(f, k))) continue;
    // A pod spec or Deployment spec is not itself the container: the container object below it is.
    if (has(f, 'containers') && !JUDGED.some((k) => k !== 'minreplicas' && has(f, k))) continue;
    const key = (k: string) => f.keys.get(k);
    const resources = key('resources');
    const resFrame = resources ? f.children.find((c) => c.open === '{' && c.line === resources.line) : undefined;
    const limits = key('limits') ?? (resFrame ? resFrame.keys.get('limits') : undefined);
    const requests = key('requests') ?? (resFrame ? resFrame.keys.get('requests') : undefined);
    // Replicas: the object's own, else the nearest enclosing object's (a Deployment spec above its containers).
    // At most MAX_DEPTH objects up: a hostile file nesting 20,000 workload objects walked every
    // chain to its root (minutes); a Deployment's replicas are a few levels above its container.
    let replicasKey: Key | undefined;
    let maxKey: Key | undefined;
    let up = 0;
    for (let p: Frame | undefined = f; p && !replicasKey && up < MAX_DEPTH; p = p.parent, up++) {
      replicasKey = p.keys.get('minreplicas') ?? p.keys.get('replicas');
      maxKey = p.keys.get('maxreplicas');
    }
    const count = replicasKey ? /^(\d+)\b/.exec(replicasKey.value)?.[1] : undefined;
    const nameValue = key('name')?.value;
    // The name given, else the last word of its command (`['npm', 'run', 'dev:background']`, `cliArgs('websocket')`).
    const argWords = [
      ...(((key('args') ?? key('command'))?.value ?? '').split(/[\]\n]/)[0] ?? '').matchAll(/["'`]([\w.:-]+)["'`]/g),
    ];
    const resourceName = f.parent?.open === '(' ? f.parent.firstString : undefined;
    const name =
      /^["'`]([\w.-]+)["'`]/.exec(nameValue ?? key('namesuffix')?.value ?? '')?.[1] ??
      argWords.at(-1)?.[1] ??
      (resourceName && /^[\w.-]+$/.test(resourceName) ? resourceName : undefined);
    const container: Container = {
      name: name ?? 'app',
      line: f.line,
      init: false,
      ...(key('livenessprobe') ? { livenessProbe: { line: key('livenessprobe')!.line } } : {}),
      ...(key('readinessprobe') ? { readinessProbe: { line: key('readinessprobe')!.line } } : {}),
      ...(key('startupprobe') ? { startupProbe: { line: key('startupprobe')!.line } } : {}),
      resources: {
        ...(requests ? { requests: { line: requests.line } } : {}),
        ...(limits ? { limits: { line: limits.line } } : {}),
      },
      preStop: false,
    };
    const max = maxKey ? Number(/^(\d+)\b/.exec(maxKey.value)?.[1]) : undefined;
    out.push({
      apiVersion: 'pulumi',
      kind: has(f, 'schedule') ? 'CronJob' : 'Deployment',
      name: `${name ?? 'app'} (Pulumi)`,
      path,
      line: f.line,
      doc: {},
      containers: [container],
      oneOff: has(f, 'schedule'),
      program: path,
      ...(count !== undefined ? { replicas: Number(count), replicasLine: replicasKey!.line } : {}),
      ...(replicasKey && count === undefined ? { replicas: 'templated' as const, replicasLine: replicasKey.line } : {}),
      ...(max !== undefined && !Number.isNaN(max) ? { maxReplicas: max } : {}),
    });
  }
  return out;
}

/** The Pulumi programs here, their workloads and managed data stores (memoised). */
export function pulumi(files: FileView): PulumiFacts {
  return memo(files, 'pulumi', () => compute(files));
}

/**
 * Kubernetes workloads declared with Terraform's kubernetes provider (`kubernetes_deployment`,
 * `kubernetes_stateful_set`, their `_v1` forms): `spec { replicas; template { spec { container {
 * liveness_probe, readiness_probe, resources { limits, requests } } } } }`, as Kubernetes workloads
 * with lines, so the rules that judge manifests judge these too.
 */
export function terraformWorkloads(blocks: TfBlock[]): Workload[] {
  const child = (b: TfBlock | undefined, type: string) => b?.blocks.filter((x) => x.type === type) ?? [];
  return blocks.map((r) => {
    const spec = child(r, 'spec')[0];
    const podSpec = child(child(spec, 'template')[0], 'spec')[0];
    const containers: Container[] = child(podSpec, 'container').map((c) => {
      const res = child(c, 'resources')[0];
      const has = (k: string) => res !== undefined && (k in res.attrs || res.blocks.some((b) => b.type === k));
      const probe = (k: string) => (child(c, k)[0] ? { line: child(c, k)[0]!.line } : undefined);
      const liveness = probe('liveness_probe');
      const readiness = probe('readiness_probe');
      const startup = probe('startup_probe');
      return {
        name: typeof c.attrs.name === 'string' ? c.attrs.name : 'container',
        line: c.line,
        init: false,
        ...(liveness ? { livenessProbe: liveness } : {}),
        ...(readiness ? { readinessProbe: readiness } : {}),
        ...(startup ? { startupProbe: startup } : {}),
        resources: {
          ...(has('requests') ? { requests: {} } : {}),
          ...(has('limits') ? { limits: {} } : {}),
        },
        preStop: false,
      };
    });
    const replicas = spec?.attrs.replicas;
    const count =
      typeof replicas === 'number'
        ? replicas
        : typeof replicas === 'string' && /^\d+$/.test(replicas)
          ? Number(replicas)
          : undefined;
    const kind = /stateful_set/.test(r.labels[0] ?? '') ? 'StatefulSet' : 'Deployment';
    return {
      apiVersion: 'terraform',
      kind,
      name: `${r.labels[1] ?? ''} (Terraform)`,
      path: r.path,
      line: r.line,
      doc: {},
      containers,
      oneOff: false,
      ...(count !== undefined
        ? { replicas: count, replicasLine: spec!.attrLines.replicas ?? spec!.line }
        : replicas !== undefined
          ? { replicas: 'templated' as const, replicasLine: spec!.attrLines.replicas ?? spec!.line }
          : {}),
    };
  });
}
