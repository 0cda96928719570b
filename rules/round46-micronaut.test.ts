/**
 * Blind round 46 (issue 15), a Micronaut service: its Prometheus registry
 * (io.micronaut.micrometer:micronaut-micrometer-registry-prometheus, served at /prometheus by
 * micronaut-management) was "no metrics library", and its Micronaut Security `@Secured` rules were
 * called "Spring" security.
 */
import { describe, expect, it } from 'vitest';
import metrics from './observability/metrics.js';
import authorization from './security/authorization.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

const micronaut = (deps: string[], extra: Tree = {}): Tree => ({
  'build.gradle': `plugins {\n  id("io.micronaut.application") version "4.4.0"\n}\ndependencies {\n  implementation("io.micronaut:micronaut-http-server-netty")\n${deps.map((d) => `  implementation("${d}")\n`).join('')}}\nmicronaut {\n  runtime("netty")\n}\napplication {\n  mainClass.set("org.acme.Application")\n}\n`,
  'src/main/java/org/acme/Application.java':
    'package org.acme;\n\nimport io.micronaut.runtime.Micronaut;\n\npublic class Application {\n  public static void main(String[] args) {\n    Micronaut.run(Application.class, args);\n  }\n}\n',
  'src/main/java/org/acme/TopicController.java':
    'package org.acme;\n\nimport io.micronaut.http.annotation.Controller;\nimport io.micronaut.http.annotation.Get;\nimport io.micronaut.security.annotation.Secured;\n\n@Controller("/api/topics")\npublic class TopicController {\n  @Secured({"admin"})\n  @Get\n  public String list() { return "[]"; }\n}\n',
  ...extra,
});

describe('round 46: Micronaut', () => {
  it('the Micronaut Prometheus registry is a metrics setup', async () => {
    const run = await runRuleOn(
      metrics,
      micronaut([
        'io.micronaut:micronaut-management',
        'io.micronaut.micrometer:micronaut-micrometer-registry-prometheus',
      ]),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(JSON.stringify(run.evidence)).toContain('micronaut-micrometer-registry-prometheus');
  });

  it('without it there is no metrics library', async () => {
    const run = await runRuleOn(metrics, micronaut(['io.micronaut:micronaut-management']), { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });

  it('Micronaut Security @Secured is named Micronaut, not Spring', async () => {
    const deps = [
      'io.micronaut.security:micronaut-security-jwt',
      'io.micronaut.security:micronaut-security-annotations',
    ];
    const authz = await runRuleOn(authorization, micronaut(deps), { profile: 'service' });
    expect(authz.outcome).toBe('pass');
    expect(authz.message).toContain('Micronaut method or request security');
    expect(authz.message).not.toContain('Spring');
  });

  it('Spring Security keeps its name', async () => {
    const run = await runRuleOn(
      authorization,
      {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-security</artifactId></dependency></dependencies></project>',
        'src/main/java/org/acme/AdminController.java':
          'package org.acme;\n\nimport org.springframework.security.access.prepost.PreAuthorize;\n\n@RestController\npublic class AdminController {\n  @PreAuthorize("hasRole(\'ADMIN\')")\n  @GetMapping("/admin")\n  public String admin() { return "ok"; }\n}\n',
      },
      { profile: 'service' },
    );
    expect(run.message).toContain('Spring method or request security');
  });
});
