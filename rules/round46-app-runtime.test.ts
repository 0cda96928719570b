/**
 * Blind round 46: an application that hands itself to a runtime library owning the process
 * (rapids-and-rivers' `RapidApplication.create(env) { … }`: its logback.xml writes JSON, its JVM
 * shutdown hook stops the Kafka consumer on SIGTERM) was "no structured logging" and "nothing
 * handles SIGTERM". The runtime is a host (facts/host-runtime.ts), declared here through a version
 * catalogue published as an artefact, so it is known by its import.
 */
import { describe, expect, it } from 'vitest';
import structuredLogging from './observability/structured-logging.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';
import healthEndpoints from './observability/health-endpoints.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

const app = (extra: Tree = {}): Tree => ({
  'settings.gradle.kts':
    'dependencyResolutionManagement {\n  versionCatalogs {\n    create("libs") {\n      from("org.acme:shared-version-catalog:2026.1")\n    }\n  }\n}\ninclude("app")\n',
  'app/build.gradle.kts':
    'plugins {\n  application\n}\ndependencies {\n  implementation(libs.rapids.and.rivers)\n  implementation("com.github.navikt:shared-contracts:2025.1")\n}\napplication {\n  mainClass.set("org.acme.AppKt")\n}\n',
  'app/src/main/kotlin/org/acme/App.kt':
    'package org.acme\n\nimport io.github.oshai.kotlinlogging.KotlinLogging\nimport no.nav.helse.rapids_rivers.RapidApplication\n\nprivate val logger = KotlinLogging.logger {}\n\nfun main() {\n  val rapid =\n    RapidApplication\n      .create(System.getenv())\n  logger.info { "starting" }\n  rapid.start()\n}\n',
  ...extra,
});

describe('round 46: an application runtime library as the host', () => {
  it("its JSON logback configuration is the project's logging when the project has none of its own", async () => {
    const run = await runRuleOn(structuredLogging, app(), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('rapids-and-rivers');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'app/src/main/kotlin/org/acme/App.kt', line: 10 }),
    );
  });

  it('a logback.xml of the project replaces it: judged on its own', async () => {
    const run = await runRuleOn(
      structuredLogging,
      app({
        'app/src/main/resources/logback.xml':
          '<configuration>\n  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">\n    <encoder><pattern>%d %level %msg%n</pattern></encoder>\n  </appender>\n  <root level="INFO"><appender-ref ref="STDOUT"/></root>\n</configuration>\n',
      }),
      { profile: 'service' },
    );
    expect(run.message).not.toContain('rapids-and-rivers');
  });

  it('its shutdown hook handles SIGTERM', async () => {
    const run = await runRuleOn(gracefulShutdown, app(), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('RapidApplication registers a JVM shutdown hook');
  });

  it('without the runtime nothing handles SIGTERM', async () => {
    const tree = app();
    tree['app/src/main/kotlin/org/acme/App.kt'] =
      'package org.acme\n\nimport io.github.oshai.kotlinlogging.KotlinLogging\n\nprivate val logger = KotlinLogging.logger {}\n\nfun main() {\n  logger.info { "starting" }\n}\n';
    const run = await runRuleOn(gracefulShutdown, tree, { profile: 'service' });
    expect(run.outcome).not.toBe('pass');
  });
});

describe('round 46: the runtime library serves the health endpoints', () => {
  it('/isalive and /isready of RapidApplication are health endpoints', async () => {
    const run = await runRuleOn(healthEndpoints, app(), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('/isalive and /isready');
  });
});
