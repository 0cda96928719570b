/**
 * Round 21 (lydia-api): Ktor service practices. Health routes written as Ktor routing
 * (`get("internal/isalive") { … }`, the NAIS names), a request id put on every log line by
 * CallLogging's `callIdMdc`, and role checks on the identity provider's groups claim.
 */
import { describe, expect, it } from 'vitest';
import healthEndpoints from './health-endpoints.js';
import structuredLogging from './structured-logging.js';
import authorization from '../security/authorization.js';
import { assertRun, runRuleOn, type Case } from '../../src/testing/rule-tester.js';
import type { Rule } from '../../src/types.js';
import type { Tree } from '../../src/testing/memory.js';

const cases = (rule: Rule, list: Case[]) =>
  describe(`rule ${rule.meta.id} on a Ktor service`, () => {
    for (const c of list) it(c.name, async () => assertRun(await runRuleOn(rule, c.tree, c), c.expect));
  });

const gradle =
  'plugins { kotlin("jvm") version "2.0.0" }\ndependencies {\n  implementation("io.ktor:ktor-server-netty:3.0.0")\n  implementation("io.ktor:ktor-server-auth-jwt:3.0.0")\n  implementation("net.logstash.logback:logstash-logback-encoder:8.0")\n}\n';

const app = [
  'package org.example.ledger', // 1
  '', // 2
  'import io.ktor.server.application.*', // 3
  'import io.ktor.server.plugins.callid.*', // 4
  'import io.ktor.server.plugins.calllogging.*', // 5
  '', // 6
  'fun Application.plugins() {', // 7
  '    install(CallId) {', // 8
  '        header(HttpHeaders.XRequestId)', // 9
  '        generate { java.util.UUID.randomUUID().toString() }', // 10
  '    }', // 11
  '    install(CallLogging) {', // 12
  '        callIdMdc("requestId")', // 13
  '    }', // 14
  '}', // 15
  '',
].join('\n');

const health = [
  'package org.example.ledger', // 1
  '', // 2
  'import io.ktor.server.routing.*', // 3
  '', // 4
  'fun Routing.health(monitor: Monitor) {', // 5
  '    get("internal/isalive") {', // 6
  '        call.respondText("OK")', // 7
  '    }', // 8
  '    get("internal/isready") {', // 9
  '        if (monitor.ready()) call.respondText("OK") else call.respond(HttpStatusCode.ServiceUnavailable)', // 10
  '    }', // 11
  '}', // 12
  '',
].join('\n');

const base: Tree = {
  'settings.gradle.kts': 'rootProject.name = "ledger"\n',
  'build.gradle.kts': gradle,
  'src/main/kotlin/org/example/ledger/Main.kt':
    'package org.example.ledger\n\nfun main() {\n    embeddedServer(Netty, port = 8080) { plugins() }.start(wait = true)\n}\n',
  'src/main/resources/logback.xml':
    '<configuration>\n  <appender name="json" class="ch.qos.logback.core.ConsoleAppender">\n    <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>\n  </appender>\n</configuration>\n',
};

cases(healthEndpoints, [
  {
    name: 'Ktor routes get("internal/isalive") and get("internal/isready") are the liveness and readiness endpoints',
    profile: 'service',
    tree: { ...base, 'src/main/kotlin/org/example/ledger/Health.kt': health },
    expect: {
      outcome: 'pass',
      evidence: [
        { path: 'src/main/kotlin/org/example/ledger/Health.kt', line: 6, note: 'health route /internal/isalive' },
        { path: 'src/main/kotlin/org/example/ledger/Health.kt', line: 9, note: 'health route /internal/isready' },
      ],
    },
  },
  {
    name: 'a map lookup of the same word is no route',
    profile: 'service',
    tree: {
      ...base,
      'src/main/kotlin/org/example/ledger/Health.kt':
        'package org.example.ledger\n\nfun status(m: Map<String, String>) = m.get("internal/isalive")\n',
    },
    expect: { outcome: 'fail' },
  },
]);

cases(structuredLogging, [
  {
    name: 'CallLogging callIdMdc puts the CallId request id on every log line',
    profile: 'service',
    tree: { ...base, 'src/main/kotlin/org/example/ledger/Plugins.kt': app },
    expect: {
      outcome: 'pass',
      evidence: [{ path: 'src/main/kotlin/org/example/ledger/Plugins.kt', line: 13, note: 'request/correlation id' }],
    },
  },
  {
    name: 'CallId without callIdMdc leaves the log lines without it',
    profile: 'service',
    tree: {
      ...base,
      'src/main/kotlin/org/example/ledger/Plugins.kt': app.replace('        callIdMdc("requestId")\n', ''),
    },
    expect: { outcome: 'pass', message: 'Suggestion: attach a request/correlation id' },
  },
]);

const token =
  'package org.example.ledger.access\n\nfun ApplicationCall.adGroups(): List<String>? =\n    principal<JWTPrincipal>()?.payload?.claims?.get(GROUPS_CLAIM)?.asList(String::class.java)\n';
const roles = [
  'package org.example.ledger.access', // 1
  '', // 2
  'sealed class Employee(val ident: String) {', // 3
  '    class Reader(ident: String) : Employee(ident)', // 4
  '    class Clerk(ident: String) : Employee(ident)', // 5
  '}', // 6
  '', // 7
  'fun ApplicationCall.asClerk(groups: AdGroups): Employee.Clerk? {', // 8
  '    val callerGroups = adGroups() ?: return null', // 9
  '    return if (callerGroups.contains(groups.clerkGroup)) Employee.Clerk(ident()) else null', // 10
  '}', // 11
  '',
].join('\n');

cases(authorization, [
  {
    name: "the token's groups claim compared with a configured group is a role check",
    profile: 'service',
    tree: {
      ...base,
      'src/main/kotlin/org/example/ledger/access/Token.kt': token,
      'src/main/kotlin/org/example/ledger/access/Employee.kt': roles,
    },
    expect: {
      outcome: 'pass',
      evidence: [
        {
          path: 'src/main/kotlin/org/example/ledger/access/Employee.kt',
          line: 10,
          note: expect.stringContaining("identity provider's groups"),
        },
      ],
    },
  },
  {
    name: 'a membership test on groups with no groups claim read is not credited',
    profile: 'service',
    tree: { ...base, 'src/main/kotlin/org/example/ledger/access/Employee.kt': roles },
    expect: { outcome: 'fail' },
  },
]);
