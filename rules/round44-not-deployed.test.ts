/**
 * Blind round 44: a service whose repository deploys nothing (no manifests, compose services built
 * here, platform files or infrastructure code) was `unknown` for redundancy while resource-limits,
 * on the same facts, was not applicable. Both read one fact and agree.
 */
import { describe, expect, it } from 'vitest';
import redundancy from './reliability/redundancy.js';
import resourceLimits from './reliability/resource-limits.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

/** A small Spring Boot service with a Dockerfile and a test-only compose file of third-party images. */
const SERVICE = {
  'pom.xml':
    '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n',
  'src/main/java/acme/Application.java':
    'package acme;\n@SpringBootApplication\npublic class Application {\n  public static void main(String[] a) { SpringApplication.run(Application.class, a); }\n}\n',
  Dockerfile: 'FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
  'src/test/resources/docker-compose.yml': 'services:\n  postgres:\n    image: postgres:16\n',
};

describe('redundancy and resource-limits read the same "nothing here deploys the service" fact', () => {
  it('nothing deploys the service: both not applicable, with the same reason', async () => {
    const red = await runRuleOn(redundancy, SERVICE, { profile: 'service' });
    const lim = await runRuleOn(resourceLimits, SERVICE, { profile: 'service' });
    expect(lim.outcome).toBe('not-applicable');
    expect(red.outcome, red.message).toBe('not-applicable');
    expect(red.message).toMatch(
      /^nothing here declares how the service runs .*so there are no instance counts to judge/,
    );
  });

  it('a compose file that runs the service built here: both judged, redundancy fails on one instance', async () => {
    const tree = { ...SERVICE, 'docker-compose.yml': 'services:\n  app:\n    build: .\n    ports: ["8080:8080"]\n' };
    const red = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(red.outcome).toBe('fail');
    expect(red.evidence[0]!.note).toMatch(/compose service app runs one instance/);
    expect((await runRuleOn(resourceLimits, tree, { profile: 'service' })).outcome).toBe('fail');
  });

  it('infrastructure code whose resources carry no count read here stays undecided, not "nothing deploys it"', async () => {
    const tree = {
      ...SERVICE,
      'infra/main.bicep': "resource site 'Microsoft.Web/sites@2022-03-01' = {\n  name: 'acme'\n}\n",
    };
    const red = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(red.outcome).toBe('unknown');
  });
});
