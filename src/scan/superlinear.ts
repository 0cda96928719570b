/**
 * Built-in patterns that recheck finds super-linear (test/patterns.test.ts keeps this list equal
 * to its verdicts, so it can only shrink as patterns are fixed). Until each is rewritten, the scan
 * runs them under a hard time limit on texts of guardFrom(degree) characters or more (an interrupt
 * V8 honours inside a backtracking regex): an attacker's crafted file costs at most the budget,
 * and the rules that depend on the pattern become errors, which count against every gate.
 * Entries named facts/manifests/… are not scan patterns: they run over a manifest's text,
 * unguarded, and are the next to rewrite. The regular expressions of src/verify are all safe.
 */
export const SUPERLINEAR: ReadonlyMap<string, string> = new Map([
  // Landed with the round-1 fixes (h-fix2, h-fix3); next to rewrite.
  ['test-types:integrationFile', 'polynomial 2'],
  ['health-endpoints:devGuard', 'polynomial 2'],
  ['authorization:dotnet', 'polynomial 2'],
  ['security-middleware:https', 'polynomial 2'],
  ['security-middleware:csrf', 'polynomial 2'],
  ['timeouts:pyExplicit', 'polynomial 2'],
  ['timeouts:pyHttpx', 'polynomial 2'],
  // Landed with the deps2 merge (hand-written practices); next to rewrite.
  ['architecture-docs:componentHeading', 'polynomial 2'],
  ['architecture-docs:adrShape', 'polynomial 4'],
  ['rate-limiting:reject429', 'polynomial 2'],
  ['rate-limiting:counter', 'polynomial 2'],
  // Landed on main while the list was drawn up (other branches); next to rewrite.
  ['authorization:roleCheck', 'polynomial 2'],
  ['module-size:vendored', 'polynomial 3'],
  ['timeouts:springTimeout', 'polynomial 2'],
  ['architecture-docs:readmeSection', 'polynomial 2'],
  ['authentication:go', 'polynomial 2'],
  ['authentication:js', 'polynomial 2'],
  ['authentication:php', 'polynomial 2'],
  ['authentication:python', 'polynomial 2'],
  ['authentication:ruby', 'polynomial 2'],
  ['authentication:rust', 'polynomial 2'],
  ['authorization:go', 'polynomial 2'],
  ['authorization:js', 'polynomial 2'],
  ['authorization:python', 'polynomial 2'],
  ['backups:drDoc', 'polynomial 3'],
  ['circuit-breakers:code', 'polynomial 3'],
  ['config-externalized:envRead', 'polynomial 2'],
  ['config-externalized:placeholder', 'polynomial 2'],
  ['config-externalized:readmeSection', 'polynomial 2'],
  ['cost-monitoring:tags', 'polynomial 2'],
  ['coverage-gate:vitest', 'polynomial 2'],
  ['engine:readiness-ignore', 'polynomial 3'],
  ['error-tracking:init', 'polynomial 3'],
  ['facts/manifests/JSON_KEY', 'polynomial 2'],
  ['graceful-shutdown:code', 'polynomial 2'],
  ['linting:jvmPlugins', 'polynomial 2'],
  ['metrics:actuator', 'polynomial 2'],
  ['metrics:setup', 'polynomial 3'],
  ['no-committed-secrets:jwtSecret', 'polynomial 2'],
  ['no-committed-secrets:saas', 'polynomial 2'],
  ['progressive-delivery:flagCode', 'polynomial 2'],
  ['progressive-delivery:staged', 'polynomial 2'],
  ['rate-limiting:code', 'polynomial 2'],
  ['release-management:manifestTool', 'polynomial 2'],
  ['release-management:versionHeading', 'polynomial 3'],
  ['retries:code', 'polynomial 2'],
  ['rollback:automatic', 'polynomial 2'],
  ['rollback:command', 'polynomial 2'],
  ['rollback:docHeading', 'polynomial 2'],
  ['rollback:versionedImage', 'polynomial 2'],
  ['runbooks:opsHeading', 'polynomial 2'],
  ['security-middleware:corsAny', 'polynomial 2'],
  ['structured-logging:ids', 'polynomial 2'],
  ['structured-logging:json', 'polynomial 2'],
  ['structured-logging:plain', 'polynomial 2'],
  ['structured-logging:rustJson', 'polynomial 2'],
  ['timeouts:csClient', 'polynomial 2'],
  ['timeouts:explicit', 'polynomial 2'],
  ['tracing:api', 'polynomial 2'],
  ['tracing:launcher', 'polynomial 2'],
  ['tracing:setup', 'polynomial 2'],
]);

/**
 * From how many characters a pattern runs guarded (each guarded run costs a watchdog thread, tens
 * of microseconds): a quadratic pattern needs ~16 KiB to cost a tenth of a second; a cubic one
 * is guarded from 1 KiB.
 */
export function guardFrom(degree: string): number {
  return degree === 'polynomial 2' ? 16 * 1024 : 1024;
}
