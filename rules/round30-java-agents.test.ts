import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import metrics from './observability/metrics.js';
import tracing from './observability/tracing.js';

/**
 * Blind round 30: a JVM agent attached by a JSON-array ENTRYPOINT (`"-javaagent:agent.jar"`), the
 * jar put in by `COPY applicationinsights-agent*.jar ./agent.jar`, was "no -javaagent flag", and
 * the same agent (which collects metrics too) gave "no metrics".
 */
const GRADLE = 'dependencies {\n  implementation("org.springframework.boot:spring-boot-starter-web")\n}\n';
const APP = 'package org.example\n\n@SpringBootApplication\nclass App\n';
const dockerfile = (entry: string, copy = 'COPY applicationinsights-agent*.jar ./agent.jar') =>
  ['FROM eclipse-temurin:21-jre', 'WORKDIR /app', copy, 'COPY build/libs/app.jar app.jar', entry].join('\n');
const EXEC = 'ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-javaagent:agent.jar", "-jar", "app.jar"]';

describe('round 30: -javaagent in any form attaches the agent the image ships', () => {
  it('exec-form ENTRYPOINT with a generic agent.jar copied from the vendor jar: tracing and metrics pass', async () => {
    const tree = { 'build.gradle.kts': GRADLE, 'src/main/kotlin/App.kt': APP, Dockerfile: dockerfile(EXEC) };
    const t = await runRuleOn(tracing, tree, { profile: 'service' });
    expect(t.outcome).toBe('pass');
    expect(t.message).toContain('Application Insights');
    expect(t.evidence).toContainEqual(expect.objectContaining({ path: 'Dockerfile', line: 5 }));
    expect(t.evidence).toContainEqual(expect.objectContaining({ path: 'Dockerfile', line: 3 }));
    const m = await runRuleOn(metrics, tree, { profile: 'service' });
    expect(m.outcome).toBe('pass');
    expect(m.message).toContain('Application Insights');
  });

  it('JAVA_TOOL_OPTIONS in a compose env block attaching the Datadog jar the Dockerfile ships: pass', async () => {
    const tree = {
      'build.gradle.kts': GRADLE,
      'src/main/kotlin/App.kt': APP,
      Dockerfile: dockerfile('ENTRYPOINT ["java", "-jar", "app.jar"]', 'COPY dd-java-agent.jar /opt/agent.jar'),
      'docker-compose.yml':
        'services:\n  app:\n    build: .\n    environment:\n      JAVA_TOOL_OPTIONS: "-javaagent:/opt/agent.jar"\n',
    };
    const t = await runRuleOn(tracing, tree, { profile: 'service' });
    expect(t.outcome).toBe('pass');
    expect(t.message).toContain('Datadog');
  });

  it('a generic agent.jar that nothing identifies, or the Prometheus JMX exporter, traces nothing', async () => {
    const unknown = {
      'build.gradle.kts': GRADLE,
      'src/main/kotlin/App.kt': APP,
      Dockerfile: dockerfile(EXEC, 'COPY tools/agent.jar ./agent.jar'),
    };
    expect((await runRuleOn(tracing, unknown, { profile: 'service' })).outcome).toBe('fail');
    expect((await runRuleOn(metrics, unknown, { profile: 'service' })).outcome).toBe('fail');
    const jmx = {
      'build.gradle.kts': GRADLE,
      'src/main/kotlin/App.kt': APP,
      Dockerfile: dockerfile(
        'ENTRYPOINT ["java", "-javaagent:/opt/jmx_prometheus_javaagent.jar=9404:/opt/jmx.yml", "-jar", "app.jar"]',
      ),
    };
    expect((await runRuleOn(tracing, jmx, { profile: 'service' })).outcome).not.toBe('pass');
    expect((await runRuleOn(metrics, jmx, { profile: 'service' })).outcome).toBe('pass');
  });

  it('an image named like every other Dockerfile (`Dockerfile-prod`) is read for the agent (the Dockerfiles every rule reads)', async () => {
    const named = { 'build.gradle.kts': GRADLE, 'src/main/kotlin/App.kt': APP, 'Dockerfile-prod': dockerfile(EXEC) };
    const t = await runRuleOn(tracing, named, { profile: 'service' });
    expect(t.outcome).toBe('pass');
    expect(t.evidence).toContainEqual(expect.objectContaining({ path: 'Dockerfile-prod', line: 5 }));
  });
});
