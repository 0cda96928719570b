/**
 * A Kamal deployment (`config/deploy.yml`: `service`, `image`, `servers`): each role runs one
 * container of the image on each of its hosts, behind kamal-proxy for the primary role (`web`).
 * The roles are the deployed units (blind round 33, a Rails app whose Kamal config was the
 * deployment while the development docker-compose.yml was judged instead):
 * - hosts per role → replicas (one container per host);
 * - the proxy's health check (`proxy.healthcheck.path`, default `/up`; Kamal 1 `healthcheck:`)
 *   gates traffic to a new container: a readiness check. Kamal restarts nothing that stops
 *   answering later, so no liveness check is credited;
 * - `options: { memory, cpus, memory-reservation }` (docker run flags) → limits and requests.
 * A destination file for production (`config/deploy.production.yml`) is merged over the base.
 * Accessories (databases, caches) are the deployment's dependencies, not its units.
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { parseYamlWithLines, type YamlDoc } from '../util/yaml-lines.js';
import type { Container, Workload } from './k8s.js';

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Where Kamal reads its configuration: the base file and a production destination. */
const BASE = 'config/deploy.yml';
const PROD_DESTINATIONS = ['config/deploy.production.yml', 'config/deploy.prod.yml'];

interface Layer {
  path: string;
  doc: YamlDoc;
  lines: string[];
}

function load(files: FileView, path: string): Layer | undefined {
  const text = files.read(path);
  if (text === undefined || text.length > 500_000) return undefined;
  const parsed = parseYamlWithLines(text);
  const doc = !parsed.error && parsed.docs.length === 1 ? parsed.docs[0] : undefined;
  return doc && rec(doc.value) ? { path, doc, lines: text.split(/\r?\n/) } : undefined;
}

/** The line of `key:` at or above the parser's line for its value (a block map's first entry). */
function keyLine(lines: string[], key: string, at: number | undefined): number | undefined {
  if (at === undefined) return undefined;
  for (let l = at; l >= Math.max(1, at - 40); l--) {
    const t = (lines[l - 1] ?? '').trimStart();
    if (t.startsWith(`${key}:`) || t.startsWith(`"${key}":`) || t.startsWith(`'${key}':`)) return l;
  }
  return at;
}

/** The apiVersion a Kamal role's workload carries: containers on hosts, not pods (no disruption budget). */
export const KAMAL = 'kamal';

/** A Kamal config: it names the service and its image, and lists servers. */
export function isKamalConfig(v: Record<string, unknown>): boolean {
  return typeof v.service === 'string' && typeof v.image === 'string' && v.servers !== undefined;
}

/** The Rails route Kamal's default health check asks for (`get "up" => "rails/health#show"`, `get "/up"`). */
function upRoute(files: FileView): { path: string; line: number } | undefined {
  const path = 'config/routes.rb';
  const text = files.read(path);
  if (text === undefined) return undefined;
  const lines = text.slice(0, 300_000).split('\n');
  // `\s*(?:\(\s*)?`, not `\s*\(?\s*`: two runs of spaces side by side try every split of a long one.
  const i = lines.findIndex((l) => /^\s*get\s*(?:\(\s*)?["']\/?up["']/.test(l));
  return i >= 0 ? { path, line: i + 1 } : undefined;
}

/** The roles and the workloads Kamal runs for them, from the production configuration. */
export function kamalWorkloads(files: FileView): Workload[] {
  return memo(files, 'kamal:workloads', () => {
    const base = load(files, BASE);
    if (!base || !isKamalConfig(rec(base.doc.value)!)) return [];
    const prod = PROD_DESTINATIONS.map((p) => load(files, p)).find((l) => l !== undefined);
    const stack = prod ? [base, prod] : [base];
    const value = (l: Layer, p: string[]) => p.reduce<unknown>((o, k) => rec(o)?.[k], l.doc.value);
    // A key is read from the last file that sets it, and cited there.
    const get = (...p: string[]) => {
      for (let i = stack.length - 1; i >= 0; i--) {
        const v = value(stack[i]!, p);
        if (v !== undefined) {
          const l = stack[i]!;
          return { v, path: l.path, line: keyLine(l.lines, p[p.length - 1]!, l.doc.lineOf(p)) ?? 1 };
        }
      }
      return undefined;
    };
    const service = String(rec(base.doc.value)!.service);
    const servers = get('servers');
    if (!servers) return [];
    // `servers: [host, …]` is the web role; `servers: { web: [hosts] | { hosts, proxy, options } }`.
    const roles: [string, unknown][] = Array.isArray(servers.v)
      ? [['web', servers.v]]
      : Object.entries(rec(servers.v) ?? {}).slice(0, 20);
    // Kamal's primary role is `web` unless `primary_role` names another.
    const named = get('primary_role')?.v;
    const primary = typeof named === 'string' ? named : 'web';
    const route = upRoute(files);
    const out: Workload[] = [];
    for (const [role, spec] of roles) {
      const r = rec(spec);
      const hosts = Array.isArray(spec) ? spec : Array.isArray(r?.hosts) ? (r!.hosts as unknown[]) : [];
      const at = Array.isArray(servers.v) ? servers : (get('servers', role) ?? servers);
      // The proxy serves the primary role, and any role that sets `proxy:` (not `proxy: false`).
      const proxied = r?.proxy !== undefined ? r.proxy !== false : role === primary && get('proxy')?.v !== false;
      const healthPath =
        rec(rec(r?.proxy)?.healthcheck)?.path ??
        rec(get('proxy', 'healthcheck')?.v)?.path ??
        rec(get('healthcheck')?.v)?.path;
      const checkAt = get('proxy', 'healthcheck') ?? get('healthcheck') ?? route;
      const readiness = proxied
        ? { httpGet: { path: typeof healthPath === 'string' ? healthPath : '/up' }, kamal: true }
        : undefined;
      const options = rec(r?.options) ?? {};
      const limits: Record<string, unknown> = {};
      if (options.memory !== undefined) limits.memory = options.memory;
      if (options.cpus !== undefined) limits.cpu = options.cpus;
      const requests: Record<string, unknown> = {};
      if (options['memory-reservation'] !== undefined) requests.memory = options['memory-reservation'];
      if (options['cpu-shares'] !== undefined) requests.cpu = options['cpu-shares'];
      const sized = Object.keys(limits).length > 0 || Object.keys(requests).length > 0;
      const optionsAt = sized ? get('servers', role, 'options') : undefined;
      const container: Container = {
        name: role,
        line: at.line,
        init: false,
        ...(readiness ? { readinessProbe: readiness } : {}),
        resources: {
          ...(Object.keys(requests).length ? { requests } : {}),
          ...(Object.keys(limits).length ? { limits } : {}),
        },
        preStop: false,
        defaults: {
          ...(readiness && checkAt ? { readinessProbe: { path: checkAt.path, line: checkAt.line } } : {}),
          ...(optionsAt ? { resources: { path: optionsAt.path, line: optionsAt.line } } : {}),
        },
      };
      out.push({
        apiVersion: KAMAL,
        kind: 'Deployment',
        name: `${service} (Kamal role ${role})`,
        path: at.path,
        line: at.line,
        doc: {},
        oneOff: false,
        containers: [container],
        replicas: hosts.length,
        replicasLine: at.line,
      });
    }
    return out;
  });
}
