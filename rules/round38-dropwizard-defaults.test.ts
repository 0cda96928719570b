import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import healthEndpoints from './observability/health-endpoints.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';

/**
 * Blind round 38: Dropwizard's defaults, credited as Spring Boot's are. Its admin connector serves
 * /healthcheck (the checks registered with environment.healthChecks()), and its Jetty server stops
 * gracefully from the JVM's shutdown hook on SIGTERM (server.shutdownGracePeriod, 30 s).
 */
const GRADLE = (deps: string) => `plugins { id 'java' }\ndependencies {\n${deps}}\n`;
const APP =
  'package svc;\nimport io.dropwizard.core.Application;\npublic class SvcApp extends Application<SvcConfig> {\n  public static void main(String[] args) throws Exception { new SvcApp().run(args); }\n}\n';
const DROPWIZARD = {
  'api/build.gradle': GRADLE('    implementation "io.dropwizard:dropwizard-core:4.0.0"\n'),
  'api/src/main/java/svc/SvcApp.java': APP,
  Dockerfile:
    'FROM eclipse-temurin:17\nCOPY svc.jar /app/svc.jar\nEXPOSE 8080 8081\nENTRYPOINT ["java", "-jar", "/app/svc.jar", "server", "config.yml"]\n',
};
const PLAIN_JAVA = {
  'api/build.gradle': GRADLE('    implementation "com.google.guava:guava:33.0.0-jre"\n'),
  'api/src/main/java/svc/SvcApp.java':
    'package svc;\nimport com.sun.net.httpserver.HttpServer;\npublic class SvcApp {\n  public static void main(String[] args) throws Exception { HttpServer.create().start(); }\n}\n',
  Dockerfile: DROPWIZARD.Dockerfile,
};

describe('round 38: Dropwizard defaults', () => {
  it('a Dropwizard service serves the admin /healthcheck and drains on SIGTERM', async () => {
    const h = await runRuleOn(healthEndpoints, DROPWIZARD, { profile: 'service' });
    expect(h.outcome).toBe('pass');
    expect(h.message).toMatch(/\/healthcheck/);
    const g = await runRuleOn(gracefulShutdown, DROPWIZARD, { profile: 'service' });
    expect(g.outcome).not.toBe('fail');
    expect(g.message).toMatch(/Dropwizard/);
  });

  it('a plain Java server has neither; a start script without exec keeps SIGTERM from Dropwizard', async () => {
    expect((await runRuleOn(healthEndpoints, PLAIN_JAVA, { profile: 'service' })).outcome).toBe('fail');
    expect((await runRuleOn(gracefulShutdown, PLAIN_JAVA, { profile: 'service' })).outcome).toBe('fail');
    const wrapped = {
      ...DROPWIZARD,
      Dockerfile:
        'FROM eclipse-temurin:17\nCOPY svc.jar /app/svc.jar\nCOPY docker/entrypoint.sh entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      'docker/entrypoint.sh': '#!/bin/bash\nset -e\njava ${JAVA_OPTS} -jar /app/svc.jar server ${CONFIG}\n',
    };
    const g = await runRuleOn(gracefulShutdown, wrapped, { profile: 'service' });
    expect(g.outcome).toBe('fail');
    expect(g.message).toMatch(/without exec/);
  });
});
