/**
 * Blind round 46 (issue 15): a Kotlin service whose build names its libraries through a version
 * catalogue published as an artefact (not in the tree). The profile took Ktor from an import; the
 * rules must see the same framework, and the database driver main code imports, instead of saying
 * "no web framework" and "no database client" beside 100+ Flyway migrations.
 */
import { describe, expect, it } from 'vitest';
import databaseMigrations from './architecture/database-migrations.js';
import securityMiddleware from './security/security-middleware.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

const SETTINGS =
  'dependencyResolutionManagement {\n  versionCatalogs {\n    create("libs") {\n      from("org.acme:shared-version-catalog:2026.1")\n    }\n  }\n}\nrootProject.name = "svc"\ninclude("app")\n';
const BUILD =
  'plugins {\n  application\n}\ndependencies {\n  implementation(libs.bundles.ktor.server)\n  implementation(libs.bundles.postgres)\n}\napplication {\n  mainClass.set("org.acme.AppKt")\n}\n';
const APP =
  'package org.acme\n\nimport io.ktor.server.application.install\nimport io.ktor.server.engine.embeddedServer\nimport io.ktor.server.netty.Netty\n\nfun main() {\n  embeddedServer(Netty, port = 8080) {}.start(wait = true)\n}\n';
const REPO =
  'package org.acme.db\n\nimport kotliquery.queryOf\nimport org.postgresql.util.PGobject\n\nclass Repo {\n  fun x() = PGobject()\n}\n';

function service(extra: Tree = {}): Tree {
  return {
    'settings.gradle.kts': SETTINGS,
    'app/build.gradle.kts': BUILD,
    'app/src/main/kotlin/org/acme/App.kt': APP,
    'app/src/main/kotlin/org/acme/db/Repo.kt': REPO,
    'app/src/main/resources/db/migration/V1__init.sql': 'CREATE TABLE oppgave (id uuid primary key);\n',
    'app/src/main/resources/db/migration/V2__add.sql': 'ALTER TABLE oppgave ADD COLUMN tilstand text;\n',
    ...extra,
  };
}

describe('round 46: a JVM build with an unresolved version catalogue', () => {
  it('the database driver main code imports makes the migrations rule apply (Flyway migrations pass)', async () => {
    const run = await runRuleOn(databaseMigrations, service());
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Flyway');
  });

  it('a driver imported only by tests is no database client of the product', async () => {
    const tree = service();
    delete tree['app/src/main/kotlin/org/acme/db/Repo.kt'];
    tree['app/src/test/kotlin/org/acme/db/RepoTest.kt'] = REPO;
    const run = await runRuleOn(databaseMigrations, tree);
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('no database client or ORM');
  });

  it('the web framework the profile names is the one security-middleware judges', async () => {
    const run = await runRuleOn(securityMiddleware, service());
    expect(run.outcome).toBe('fail');
    expect(run.message).not.toContain('no web framework');
  });

  it('Ktor CORS with explicit hosts installed in that service is credited', async () => {
    const run = await runRuleOn(
      securityMiddleware,
      service({
        'app/src/main/kotlin/org/acme/Http.kt':
          'package org.acme\n\nimport io.ktor.server.application.Application\nimport io.ktor.server.application.install\nimport io.ktor.server.plugins.cors.routing.CORS\n\nfun Application.http() {\n  install(CORS) {\n    allowHost("app.example.org", schemes = listOf("https"))\n  }\n}\n',
      }),
    );
    expect(run.outcome).toBe('partial');
    expect(JSON.stringify(run.evidence)).toContain('Http.kt');
  });

  it('without a JVM web framework import there is still no web framework to judge', async () => {
    const tree = service();
    tree['app/src/main/kotlin/org/acme/App.kt'] = 'package org.acme\n\nfun main() {\n  println("batch")\n}\n';
    const run = await runRuleOn(securityMiddleware, tree);
    expect(run.outcome).toBe('not-applicable');
  });
});

const KTOR_BUILD =
  'plugins {\n  application\n}\ndependencies {\n  implementation("io.ktor:ktor-server-netty:3.1.0")\n  implementation("io.ktor:ktor-client-cio:3.1.0")\n}\napplication {\n  mainClass.set("org.acme.AppKt")\n}\n';
const KTOR_APP =
  'package org.acme\n\nimport io.ktor.server.engine.embeddedServer\nimport io.ktor.server.netty.Netty\n\nfun main() {\n  embeddedServer(Netty, port = 8080) {}.start(wait = true)\n}\n';
const ktorClient = (setup: string): Tree => ({
  'build.gradle.kts': KTOR_BUILD,
  'src/main/kotlin/org/acme/App.kt': KTOR_APP,
  'src/main/kotlin/org/acme/PersonClient.kt': `package org.acme\n\nimport io.ktor.client.HttpClient\nimport io.ktor.client.engine.cio.CIO\nimport io.ktor.client.plugins.HttpRequestRetry\nimport io.ktor.client.plugins.HttpTimeout\nimport io.ktor.client.request.get\n\nclass PersonClient(private val baseUrl: String, private val timeOut: kotlin.time.Duration) {\n  private val client = HttpClient(CIO) {\n${setup}\n  }\n\n  suspend fun person(id: String) = client.get("$baseUrl/person/$id")\n}\n`,
});

describe('round 46: Ktor client plugins', () => {
  it('install(HttpRequestRetry) with its default exponential delay is a retry with backoff', async () => {
    const run = await runRuleOn(
      retries,
      ktorClient(
        '    install(HttpRequestRetry) {\n      retryOnServerErrors(maxRetries = 3)\n      exponentialDelay()\n    }',
      ),
    );
    expect(run.outcome).toBe('pass');
    expect(JSON.stringify(run.evidence)).toContain('PersonClient.kt');
  });

  it('install(HttpRequestRetry) with constantDelay() retries without backoff: partial, said so', async () => {
    const run = await runRuleOn(
      retries,
      ktorClient(
        '    install(HttpRequestRetry) {\n      retryOnException(maxRetries = 5)\n      constantDelay(millis = 100)\n    }',
      ),
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('HttpRequestRetry');
    expect(run.message).toContain('fixed delay');
  });

  it('a Ktor client without the plugin has no retries', async () => {
    const run = await runRuleOn(retries, ktorClient('    expectSuccess = true'));
    expect(run.outcome).toBe('fail');
  });

  it('HttpTimeout set from a value bounds the client', async () => {
    const run = await runRuleOn(
      timeouts,
      ktorClient('    install(HttpTimeout) {\n      requestTimeoutMillis = timeOut.inWholeMilliseconds\n    }'),
    );
    expect(run.outcome).not.toBe('fail');
    expect(JSON.stringify(run.evidence)).toContain('PersonClient.kt');
  });

  it('an engine timeout (CIO endpoint connectTimeout) bounds the client', async () => {
    const run = await runRuleOn(
      timeouts,
      ktorClient('    engine {\n      endpoint {\n        connectTimeout = 5000\n      }\n    }'),
    );
    expect(run.outcome).not.toBe('fail');
  });

  it('HttpTimeout switched off (INFINITE_TIMEOUT_MS, null) is no timeout', async () => {
    const run = await runRuleOn(
      timeouts,
      ktorClient(
        '    install(HttpTimeout) {\n      requestTimeoutMillis = HttpTimeout.INFINITE_TIMEOUT_MS\n      socketTimeoutMillis = null\n    }',
      ),
    );
    expect(run.outcome).toBe('fail');
  });

  it('a second Ktor client without a timeout makes it partial, cited at its HttpClient(', async () => {
    const tree = ktorClient(
      '    install(HttpTimeout) {\n      requestTimeoutMillis = timeOut.inWholeMilliseconds\n    }',
    );
    tree['src/main/kotlin/org/acme/StockClient.kt'] =
      'package org.acme\n\nimport io.ktor.client.HttpClient\nimport io.ktor.client.request.get\n\nclass StockClient(private val baseUrl: String) {\n  private val client = HttpClient {\n    expectSuccess = true\n  }\n\n  suspend fun stock() = client.get("$baseUrl/stock")\n}\n';
    const run = await runRuleOn(timeouts, tree);
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('Kotlin (Ktor HttpClient)');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/main/kotlin/org/acme/StockClient.kt', line: 7 }),
    );
    expect(JSON.stringify(run.evidence)).not.toContain('PersonClient.kt:12');
  });

  it("a Ktor client in a Kotlin/JS source set (browser code) is not the service's call", async () => {
    const tree = ktorClient('    install(HttpTimeout) {\n      requestTimeoutMillis = 5000\n    }');
    tree['src/jsMain/kotlin/org/acme/AdminApi.kt'] =
      'package org.acme\n\nimport io.ktor.client.HttpClient\nimport io.ktor.client.engine.js.Js\n\nval admin = HttpClient(Js) {\n  expectSuccess = true\n}\n';
    const run = await runRuleOn(timeouts, tree);
    expect(run.outcome).toBe('pass');
  });
});
