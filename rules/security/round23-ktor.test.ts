import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';
import authorization from './authorization.js';
import securityMiddleware from './security-middleware.js';

/**
 * Blind round 23 (a Ktor backend): `install(CORS) { allowCredentials = true; anyHost() }` was not seen,
 * so the rule said no CORS policy is registered and raised no finding, though it is the any-origin-
 * with-credentials policy it reports for Laravel's config/cors.php. Ktor's CORS plugin is a policy;
 * `anyHost()` in it answers every origin; `allowHost("…")` names explicit ones.
 */
const plugins = (hosts: string) =>
  [
    'package org.example.backend', // 1
    '', // 2
    'import io.ktor.server.application.*', // 3
    'import io.ktor.server.plugins.cors.routing.*', // 4
    '', // 5
    'fun Application.pluginsSetup() {', // 6
    '    install(CORS) {', // 7
    '        allowHeader(HttpHeaders.Authorization)', // 8
    '        allowCredentials = true', // 9
    `        ${hosts}`, // 10
    '    }', // 11
    '}', // 12
  ].join('\n');

const KTOR = (hosts: string) => ({
  'build.gradle.kts':
    'dependencies {\n    implementation("io.ktor:ktor-server-cors:3.0.0")\n    implementation("io.ktor:ktor-server-netty:3.0.0")\n}\n',
  'src/main/kotlin/org/example/backend/PluginsModule.kt': plugins(hosts),
  'src/main/kotlin/org/example/backend/Main.kt':
    'package org.example.backend\n\nimport io.ktor.server.engine.*\nimport io.ktor.server.netty.*\n\nfun main() {\n    embeddedServer(Netty, port = 8080) { pluginsSetup() }.start(wait = true)\n}\n',
});

describe('round 23: Ktor install(CORS)', () => {
  it('anyHost() with allowCredentials: a finding at its line, CORS not credited as restricted', async () => {
    const r = await runRuleOn(securityMiddleware, KTOR('anyHost()'), { profile: 'service' });
    const path = 'src/main/kotlin/org/example/backend/PluginsModule.kt';
    const finding = r.evidence.find((e) => /any origin together with credentials/.test(e.note ?? ''));
    expect(finding?.path).toBe(path);
    expect(finding?.line).toBe(10);
    expect(r.evidence.some((e) => e.path === path && e.line === 9 && /credentials allowed/.test(e.note ?? ''))).toBe(
      true,
    );
    expect(r.message).not.toMatch(/no[^.]*CORS policy/i);
    expect(r.outcome).toBe('fail');
  });

  it('allowHost("…") only: the CORS block is an explicit policy, cited at install(CORS)', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      KTOR('allowHost("kotlinconf.example.org", schemes = listOf("https"))'),
      {
        profile: 'service',
      },
    );
    const path = 'src/main/kotlin/org/example/backend/PluginsModule.kt';
    expect(r.evidence.some((e) => e.path === path && e.line === 7 && /CORS policy/.test(e.note ?? ''))).toBe(true);
    expect(r.evidence.some((e) => /any origin/.test(e.note ?? ''))).toBe(false);
    expect(r.message).not.toMatch(/CORS restricted to explicit origins/);
  });
});

/**
 * Blind round 23 (the same Ktor backend): a route-scoped plugin the project wrote reads the bearer
 * token and sets the principal; installed with `install(BearerChecker)` it is authentication wired,
 * not "declared, not wired". A guard written as a Kotlin extension function
 * (`fun ApplicationCall.checkAdminKey(…)`) and called by routes is authorization.
 */
const checker = [
  'package org.example.backend.plugins', // 1
  '', // 2
  'import io.ktor.http.HttpHeaders', // 3
  'import io.ktor.server.application.createRouteScopedPlugin', // 4
  'import io.ktor.server.auth.authentication', // 5
  '', // 6
  'val TokenChecker = createRouteScopedPlugin("TokenChecker") {', // 7
  '    onCall { call ->', // 8
  '        val header = call.request.header(HttpHeaders.Authorization) ?: return@onCall', // 9
  '        if (!header.startsWith("Bearer ")) return@onCall', // 10
  '        call.authentication.principal(AppPrincipal(header.removePrefix("Bearer ").trim()))', // 11
  '    }', // 12
  '}', // 13
  '', // 14
  'class AppPrincipal(val token: String)', // 15
].join('\n');
const timing = [
  'package org.example.backend.plugins', // 1
  '', // 2
  'val RequestTiming = createApplicationPlugin("RequestTiming") {', // 3
  '    onCall { call -> call.attributes.put(StartKey, System.nanoTime()) }', // 4
  '}', // 5
].join('\n');
const module = (installs: string[]) =>
  [
    'package org.example.backend', // 1
    '', // 2
    'fun Application.pluginsSetup() {', // 3
    ...installs.map((i) => `    install(${i})`), // 4…
    '}', // last
  ].join('\n');
const guard = [
  'package org.example.backend.routes', // 1
  '', // 2
  'import io.ktor.server.application.*', // 3
  'import io.ktor.server.auth.*', // 4
  '', // 5
  'internal fun ApplicationCall.checkAdminKey(adminSecret: String) {', // 6
  '    val principal = principal<AppPrincipal>()', // 7
  '    if (principal?.token != adminSecret) throw Unauthorized()', // 8
  '}', // 9
].join('\n');
const adminRoutes = (call: boolean) =>
  [
    'package org.example.backend.routes', // 1
    '', // 2
    'fun Route.adminRoutes(config: Config) {', // 3
    '    post("/admin/reset") {', // 4
    call ? '        call.checkAdminKey(config.adminSecret)' : '        log.info("reset")', // 5
    '        repository.reset()', // 6
    '    }', // 7
    '}', // 8
  ].join('\n');
const APP = (installs: string[], guardCalled = true) => ({
  'build.gradle.kts':
    'dependencies {\n    implementation("io.ktor:ktor-server-netty:3.0.0")\n    implementation("io.ktor:ktor-server-auth:3.0.0")\n}\n',
  'src/main/kotlin/org/example/backend/Main.kt':
    'package org.example.backend\n\nfun main() {\n    embeddedServer(Netty, port = 8080) { pluginsSetup() }.start(wait = true)\n}\n',
  'src/main/kotlin/org/example/backend/PluginsModule.kt': module(installs),
  'src/main/kotlin/org/example/backend/plugins/Authenticate.kt': checker,
  'src/main/kotlin/org/example/backend/plugins/Timing.kt': timing,
  'src/main/kotlin/org/example/backend/routes/utils.kt': guard,
  'src/main/kotlin/org/example/backend/routes/AdminRoutes.kt': adminRoutes(guardCalled),
});

describe('round 23: Ktor authentication plugin and an extension-function guard', () => {
  it('a hand-written bearer plugin installed: authentication wired, cited at install(…)', async () => {
    const r = await runRuleOn(authentication, APP(['CallLogging', 'RequestTiming', 'TokenChecker']), {
      profile: 'service',
    });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/kotlin/org/example/backend/PluginsModule.kt',
        line: 6,
        note: expect.stringMatching(/Ktor authentication plugin written by hand, installed/),
      }),
    );
    expect(r.evidence.some((e) => e.line === 4 || e.line === 5)).toBe(false);
    expect(r.message).not.toMatch(/not wired|no code that checks/);
  });

  it('the same plugin defined but never installed, and a plugin that reads no credentials: not wired', async () => {
    const r = await runRuleOn(authentication, APP(['CallLogging', 'RequestTiming']), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/no code that checks requests/);
    expect(r.evidence.some((e) => /Ktor authentication plugin/.test(e.note ?? ''))).toBe(false);
  });

  it('a Kotlin extension-function guard called by a route: authorization, definition and use cited', async () => {
    const r = await runRuleOn(authorization, APP(['TokenChecker']), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/kotlin/org/example/backend/routes/utils.kt',
        line: 6,
        note: expect.stringMatching(/checkAdminKey defined here/),
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/main/kotlin/org/example/backend/routes/AdminRoutes.kt', line: 5 }),
    );
  });

  it('the guard defined and called by nothing: no authorization credited', async () => {
    const r = await runRuleOn(authorization, APP(['TokenChecker'], false), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
    expect(r.evidence.some((e) => /used here/.test(e.note ?? ''))).toBe(false);
  });
});
