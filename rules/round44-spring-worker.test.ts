/**
 * Blind round 44, class "a message-queue worker taken for an HTTP server": a Spring Boot
 * application with no web starter, no servlet/reactive server dependency and no controller starts
 * a Spring context, no HTTP server. The inbound-request rules (authentication, authorization,
 * rate-limiting, security-middleware) are not applicable, with that reason; the same application
 * with a web starter and a controller is judged.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import authentication from './security/authentication.js';
import authorization from './security/authorization.js';
import securityMiddleware from './security/security-middleware.js';
import rateLimiting from './reliability/rate-limiting.js';

const pom = (deps: string[]) =>
  `<project>\n<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.5.0</version></parent>\n<dependencies>\n${deps
    .map((d) => {
      const [g, a] = d.split(':');
      return `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId></dependency>`;
    })
    .join('\n')}\n</dependencies>\n</project>\n`;

const WORKER_DEPS = [
  'org.springframework.boot:spring-boot-starter',
  'org.springframework.boot:spring-boot-starter-data-jpa',
  'com.google.cloud:spring-cloud-gcp-starter-pubsub',
  'org.springframework:spring-web',
];

const base = (deps: string[]): Tree => ({
  'pom.xml': pom(deps),
  Dockerfile: 'FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
  'src/main/java/org/acme/worker/Application.java':
    'package org.acme.worker;\n\n@SpringBootApplication\npublic class Application {\n  public static void main(String[] args) {\n    SpringApplication.run(Application.class);\n  }\n}\n',
  'src/main/java/org/acme/worker/messaging/CaseReceiver.java':
    'package org.acme.worker.messaging;\n\n@MessageEndpoint\npublic class CaseReceiver {\n  @ServiceActivator(inputChannel = "caseInputChannel", adviceChain = "retryAdvice")\n  public void receive(Message<byte[]> message) { handle(message); }\n}\n',
});

const worker = base(WORKER_DEPS);
const web: Tree = {
  ...base([...WORKER_DEPS, 'org.springframework.boot:spring-boot-starter-web']),
  'src/main/java/org/acme/worker/web/CaseController.java':
    'package org.acme.worker.web;\n\n@RestController\npublic class CaseController {\n  @GetMapping("/cases/{id}")\n  public Case get(@PathVariable String id) { return repo.find(id); }\n}\n',
};
// A controller without the starter in this POM (it may come from a parent): still judged.
const controllerOnly: Tree = {
  ...worker,
  'src/main/java/org/acme/worker/web/CaseController.java':
    web['src/main/java/org/acme/worker/web/CaseController.java']!,
};

const run = (rule: Parameters<typeof runRuleOn>[0], t: Tree) => runRuleOn(rule, t, { profile: 'service' });

describe('a Spring Boot worker with no web server: the inbound-request rules do not apply', () => {
  for (const rule of [authentication, authorization, rateLimiting, securityMiddleware]) {
    it(`${rule.meta.id}: not applicable, saying no HTTP server is started`, async () => {
      const r = await run(rule, worker);
      expect(r.outcome).toBe('not-applicable');
      expect(r.message).toContain('starts no HTTP server');
      expect(r.message).not.toContain("standard library's");
    });
  }

  it('with a web starter and a controller, authentication is judged (fail)', async () => {
    const r = await run(authentication, web);
    expect(r.outcome).toBe('fail');
  });

  it('a controller alone (the starter may come from a parent POM) keeps the rules applicable', async () => {
    const r = await run(authentication, controllerOnly);
    expect(r.outcome).toBe('fail');
    const m = await run(rateLimiting, controllerOnly);
    expect(m.outcome).not.toBe('not-applicable');
  });
});
