/**
 * What the HTTP listener of a project serves. A Kubernetes controller, an operator or an agent
 * starts a server only for Prometheus metrics, health probes and pprof: no application route takes
 * requests from users or other services, so the inbound-request rules (api-contract,
 * security-middleware, authentication, authorization, rate-limiting) do not apply — as for a worker.
 * Decided from the routes the code registers, never from the repository's name.
 */
import type { ScanPattern } from '../scan/scanner.js';
import type { Evidence, Framework, Match, OpsOnlyHttp } from '../types.js';
import { isProductionPath } from './paths.js';

export const ROUTE_KEY = 'facts:route';

/**
 * Route registrations with a literal path: net/http and Go routers (`http.HandleFunc("/live", …)`,
 * `mux.Handle`, `r.GET`), controller-runtime webhooks (`Register("/validate-…")`), Express-style
 * `app.get('/x')`, decorator routes (`@app.get("/x")`), ASP.NET `MapGet("/x")`. A Go type with a
 * `ServeHTTP` method is a handler whose routes cannot be read: captured with an empty path.
 */
export const ROUTE_PATTERN: ScanPattern = {
  key: ROUTE_KEY,
  regex:
    /\.(?:Handle|HandleFunc|GET|POST|PUT|DELETE|PATCH|Any|Register|Map(?:Get|Post|Put|Delete|Patch)?)\(\s*"([^"\n]*)"|\.(?:get|post|put|delete|patch|all|route|api_route)\(\s*['"`](\/[^'"`\n]*)['"`]|^func\s*\([^)]*\)\s*ServeHTTP\(()/m,
  files: ['**/*.{go,js,ts,mjs,cjs,py,cs,rs}'],
  literals: [
    '.Handle',
    '.GET(',
    '.POST(',
    '.PUT(',
    '.DELETE(',
    '.PATCH(',
    '.Any(',
    '.Register(',
    '.Map',
    '.get(',
    '.post(',
    '.put(',
    '.delete(',
    '.patch(',
    '.all(',
    '.route(',
    '.api_route(',
    'ServeHTTP(',
  ],
  maxPerFile: 20,
};

/** Operational paths: Prometheus metrics, liveness/readiness/startup probes, pprof and expvar. */
const OPS_PATH =
  /^\/?(?:metrics|healthz?|health[-_]?check|livez?|liveness|readyz?|readiness|startupz?|ping|debug\/(?:pprof|vars)(?:\/.*)?)\/?$/i;

export type { OpsOnlyHttp };

/**
 * Set when the project's only inbound HTTP surface is operational: it starts a plain HTTP server
 * (no web framework, no gRPC server), registers at least one route, and every route it registers in
 * production code is /metrics, a health probe or pprof.
 */
export function opsOnlyHttp(
  routeMatches: readonly Match[],
  servers: readonly Evidence[],
  frameworks: readonly Framework[],
): OpsOnlyHttp | undefined {
  if (servers.length === 0 || frameworks.length > 0) return undefined;
  if (servers.some((s) => /\b(?:grpc\.NewServer|net\.Listen)\(/.test(s.snippet ?? ''))) return undefined;
  const routes = routeMatches.filter((m) => isProductionPath(m.path));
  if (routes.length === 0) return undefined;
  const path = (m: Match) => m.groups.find((g) => g !== undefined && g !== null) ?? '';
  if (!routes.every((m) => OPS_PATH.test(path(m)))) return undefined;
  const shown = routes.slice(0, 4);
  return {
    routes: shown.map((m) => ({
      path: m.path,
      line: m.line,
      snippet: m.snippet,
      note: `operational route ${path(m)}`,
    })),
    reason: `the HTTP server (${servers[0]!.path}:${servers[0]!.line}) serves only operational routes (${shown
      .map((m) => `${path(m)} at ${m.path}:${m.line}`)
      .join(', ')}): no application route takes requests, as for a worker`,
  };
}
