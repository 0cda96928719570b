import { defineRule, type Evidence } from '../../src/engine/types.js';
import { fail, partial, pass } from '../../src/engine/results.js';
import { firstPerFile, fromMatch, isProductionPath } from '../_shared/paths.js';

const CODE = ['**/*.{js,ts,mjs,cjs,jsx,tsx,py,go,java,kt,cs,rb,php,rs,scala}'];

export default defineRule({
  meta: {
    id: 'health-endpoints',
    title: 'Health and readiness endpoints exist',
    failureTitle: 'No health endpoint',
    description: 'Load balancers and orchestrators need an endpoint to ask whether an instance is alive and whether it is ready for traffic; without one, broken instances keep receiving requests and deployments cannot wait for readiness.',
    remediation: 'Expose a cheap liveness endpoint (`/healthz` or `/livez`) and a readiness endpoint (`/readyz`) that checks the dependencies the service needs to serve traffic.',
    severity: 'high',
    effort: 'low',
    detection: 'Route registrations for /health, /healthz, /livez, /readyz, /ready, /ping in code; Spring Boot Actuator; ASP.NET `MapHealthChecks`; gRPC health service; @godaddy/terminus, @nestjs/terminus, django-health-check and similar libraries.',
    patterns: {
      route: {
        regex: /["'`](\/(?:api\/)?(?:v\d\/)?(?:_?health(?:z|check)?|healthcheck|livez?|liveness|readyz?|readiness|ping|status\/health|__health|startupz?))\/?["'`]/,
        files: CODE,
        literals: ['/health', '/_health', '/live', '/ready', '/ping', '/startup', '/__health', '/status/health', 'health'],
        maxPerFile: 5,
      },
      library: {
        regex: /\b(MapHealthChecks|AddHealthChecks|UseHealthChecks|createTerminus|TerminusModule|HealthCheckService|health_check|grpc_health_v1|health\.NewServer|HealthServicer|add_health_check|HealthCheckRegistry|actuator)\b/,
        files: CODE,
        literals: ['Health', 'health', 'erminus', 'actuator'],
        maxPerFile: 2,
      },
    },
  },
  appliesTo: ({ facts }) => (facts.profile.id === 'service' ? true : { reason: `profile is ${facts.profile.id}: health endpoints belong to services` }),
  check(ctx) {
    const routes = ctx.matches('route').filter((m) => isProductionPath(m.path));
    const libs = ctx.matches('library').filter((m) => isProductionPath(m.path));
    const actuator = ctx.facts.findDependencies(['org.springframework.boot:spring-boot-starter-actuator', 'io.quarkus:quarkus-smallrye-health', 'io.micronaut:micronaut-management', 'django-health-check', 'fastapi-health', '@godaddy/terminus', '@nestjs/terminus', 'Microsoft.Extensions.Diagnostics.HealthChecks*', 'AspNetCore.HealthChecks.*']);
    const kinds = new Set<string>();
    for (const m of routes) {
      const p = m.groups[0]!.toLowerCase();
      if (/ready|readiness|startup/.test(p)) kinds.add('readiness');
      else kinds.add('liveness');
    }
    const evidence: Evidence[] = [
      ...firstPerFile(routes, 6).map((m) => fromMatch(m, `health route ${m.groups[0]}`)),
      ...firstPerFile(libs, 3).map((m) => fromMatch(m, 'health-check library in use')),
      ...actuator.slice(0, 2).map((d) => ({ path: d.path, ...(d.line ? { line: d.line } : {}), snippet: d.name, note: 'health-check library dependency' })),
    ];
    // Actuator, ASP.NET health checks and terminus serve liveness and readiness from one registration.
    const fullLibrary = actuator.length > 0 || libs.some((m) => /MapHealthChecks|createTerminus|TerminusModule|grpc_health_v1|health\.NewServer|HealthServicer/.test(m.snippet));
    const data = { routes: [...new Set(routes.map((m) => m.groups[0]!))].sort(), libraries: actuator.map((d) => d.name) };
    if (kinds.has('liveness') && kinds.has('readiness')) return pass('Liveness and readiness endpoints are registered.', evidence, data);
    if (fullLibrary) return pass('Health checks are served by a health-check library.', evidence, data);
    if (kinds.size > 0) {
      return partial(0.7, `A ${kinds.has('readiness') ? 'readiness' : 'health'} endpoint exists, but no separate ${kinds.has('readiness') ? 'liveness' : 'readiness'} endpoint.`, evidence, data);
    }
    if (libs.length > 0) return partial(0.5, 'Health-check code found, but no health route could be located.', evidence, data);
    return fail('No health or readiness endpoint found.', [{ path: '.', note: `no /health, /healthz, /livez, /readyz or /ready route and no health-check library in ${ctx.searched('route')} source files` }], data);
  },
});
