/**
 * Blind round 44, class "a queue worker's liveness is its health check": a Spring Boot worker that
 * serves no HTTP writes a heartbeat file on a schedule, and a check script tests the file's age.
 * health-endpoints judges that mechanism (pass when a HEALTHCHECK or exec probe runs it, partial
 * naming what is missing when nothing here runs it), never "no health endpoint"; the same worker
 * without a heartbeat still fails, and the profile's reason speaks of a worker, not a server.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import healthEndpoints from './observability/health-endpoints.js';
import healthChecks from './reliability/health-checks.js';

const pom = `<project>\n<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.5.0</version></parent>\n<dependencies>\n<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter</artifactId></dependency>\n<dependency><groupId>com.google.cloud</groupId><artifactId>spring-cloud-gcp-starter-pubsub</artifactId></dependency>\n</dependencies>\n</project>\n`;

const worker: Tree = {
  'pom.xml': pom,
  Dockerfile:
    'FROM eclipse-temurin:21-jre\nCOPY alive.sh /opt/alive.sh\nCOPY target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
  'src/main/java/org/acme/worker/Application.java':
    'package org.acme.worker;\n\n@SpringBootApplication\npublic class Application {\n  public static void main(String[] args) {\n    SpringApplication.run(Application.class);\n  }\n}\n',
  'src/main/java/org/acme/worker/messaging/OrderReceiver.java':
    'package org.acme.worker.messaging;\n\n@MessageEndpoint\npublic class OrderReceiver {\n  @ServiceActivator(inputChannel = "orders")\n  public void receive(Message<byte[]> message) { handle(message); }\n}\n',
};
const heartbeat: Tree = {
  ...worker,
  'src/main/java/org/acme/worker/Beat.java':
    'package org.acme.worker;\n\n@Component\npublic class Beat {\n  @Value("${beat.file}") private String file;\n  @Scheduled(fixedDelay = 10000)\n  public void touch() throws IOException {\n    Files.writeString(Paths.get(file), OffsetDateTime.now().toString());\n  }\n}\n',
  'src/main/resources/application.yml': 'beat:\n  file: /tmp/orders-worker-alive\n',
  'alive.sh': '#!/bin/sh\nfind /tmp/orders-worker-alive -mmin -1 | grep -q .\n',
};
const wired: Tree = {
  ...heartbeat,
  Dockerfile: `${heartbeat.Dockerfile}HEALTHCHECK --interval=30s CMD /opt/alive.sh\n`,
};

const run = (t: Tree) => runRuleOn(healthEndpoints, t, { profile: 'service' });

describe('a worker serving no HTTP is judged on its heartbeat liveness check', () => {
  it('heartbeat file + age check run by HEALTHCHECK: pass, citing writer, check and HEALTHCHECK', async () => {
    const r = await run(wired);
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('heartbeat file /tmp/orders-worker-alive');
    expect(r.message).toContain('starts no HTTP server');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(
      expect.arrayContaining(['src/main/resources/application.yml:2', 'alive.sh:2', 'Dockerfile:5']),
    );
  });

  it('heartbeat and check script but nothing here runs it: partial, saying what is missing', async () => {
    const r = await run(heartbeat);
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('tested for age by alive.sh:2');
    expect(r.message).toContain('no HEALTHCHECK or exec liveness probe');
  });

  it('the same worker with no heartbeat still fails', async () => {
    const r = await run(worker);
    expect(r.outcome).toBe('fail');
  });

  it('a check script whose file nothing in the code names is no heartbeat: fail', async () => {
    const t: Tree = { ...worker, 'alive.sh': heartbeat['alive.sh']! };
    const r = await run(t);
    expect(r.outcome).toBe('fail');
  });

  it('health-checks: the unwired check script is partial, naming the missing probe; no heartbeat still fails', async () => {
    const r = await runRuleOn(healthChecks, heartbeat, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('alive.sh:2 tests the age of the heartbeat file /tmp/orders-worker-alive');
    expect(r.message).toContain('Missing: a HEALTHCHECK or exec liveness probe');
    const none = await runRuleOn(healthChecks, worker, { profile: 'service' });
    expect(none.outcome).toBe('fail');
  });
});
