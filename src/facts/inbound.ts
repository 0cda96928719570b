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

/** A Spring Boot application start: `SpringApplication.run(…)`, Kotlin's `runApplication<App>(…)`. */
const SPRING_START = /\bSpringApplication\.run\b|\brunApplication<|\bSpringApplicationBuilder\b/;
/** What makes a Spring application serve HTTP: a servlet or reactive web stack on its classpath. */
const SPRING_WEB_DEP =
  /^(?:org\.springframework\.boot:spring-boot-starter-(?:web\w*|jersey|tomcat|jetty|undertow|reactor-netty|graphql|hateoas|data-rest|websocket|actuator)|org\.springframework:spring-web(?:mvc|flux)|org\.apache\.tomcat\.embed:|org\.eclipse\.jetty:|io\.undertow:|io\.projectreactor\.netty:reactor-netty-http|org\.glassfish\.jersey)/;
/** Request handlers written for Spring (or servlets): a controller, a mapping, a functional router. */
const REQUEST_HANDLER =
  /@(?:Rest)?Controller\b|@(?:Request|Get|Post|Put|Delete|Patch)Mapping\b|\bRouterFunction\b|@WebServlet\b|\bextends\s+HttpServlet\b/;
/** How many JVM source files are read for request handlers. */
const HANDLER_FILES = 3000;

/**
 * Set when every server start the code makes is a Spring Boot application start, and the project
 * has no web framework, no servlet or reactive web server dependency and no request handler
 * (controller, mapping, router, servlet): `SpringApplication.run` then starts a context, no HTTP
 * server — a message-queue consumer or a scheduler (blind round 44: a Pub/Sub worker was judged
 * for authentication and rate limiting as if it served requests).
 */
export function springWorker(
  servers: readonly Evidence[],
  frameworks: readonly Framework[],
  dependencies: readonly { name: string }[],
  files: { match(globs: string[]): string[]; read(path: string): string | undefined },
): OpsOnlyHttp | undefined {
  if (servers.length === 0 || frameworks.length > 0) return undefined;
  if (!servers.every((s) => SPRING_START.test(s.snippet ?? ''))) return undefined;
  if (dependencies.some((d) => SPRING_WEB_DEP.test(d.name))) return undefined;
  const sources = files.match(['**/*.{java,kt,scala,groovy}']).filter(isProductionPath).slice(0, HANDLER_FILES);
  for (const p of sources) if (REQUEST_HANDLER.test((files.read(p) ?? '').slice(0, 200_000))) return undefined;
  const s = servers[0]!;
  return {
    routes: [],
    reason: `the Spring Boot application (${s.path}:${s.line}) starts no HTTP server: no web starter or servlet/reactive server dependency and no controller or request mapping, so it serves no requests (a worker consuming messages or running schedules)`,
  };
}
