/**
 * Blind round 47 (issue 15), reliability rules on repositories nobody tuned for:
 * - a resilience4j block in application.yml with no breaker library declared and no breaker in code
 *   was credited as circuit breakers: configuration alone configures nothing;
 * - a service sending mail through an SMTP client library (Go's go-mail `DialAndSend`) was "no outbound
 *   calls" for retries, timeouts and circuit breakers.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import circuitBreakers from './reliability/circuit-breakers.js';

const GRADLE = (deps: string) =>
  `plugins {\n    id("org.springframework.boot") version "3.3.0"\n    kotlin("jvm") version "2.0.0"\n}\n\ndependencies {\n    implementation("org.springframework.boot:spring-boot-starter-webflux")\n${deps}}\n`;

const RESILIENCE_YML =
  'server:\n  shutdown: graceful\n\nresilience4j:\n  circuitbreaker:\n    configs:\n      default:\n        failureRateThreshold: 75\n    instances:\n      people:\n        registerHealthIndicator: false\n';

const spring = (deps: string): Tree => ({
  'build.gradle.kts': GRADLE(deps),
  'src/main/resources/application.yml': RESILIENCE_YML,
  'src/main/kotlin/org/acme/PeopleClient.kt':
    'package org.acme\n\nimport org.springframework.web.reactive.function.client.WebClient\n\nclass PeopleClient(private val webClient: WebClient) {\n    fun person(id: String) = webClient.get().uri("/people/{id}", id).retrieve()\n}\n',
});

describe('round 47: a breaker configuration with no breaker library is no circuit breaker', () => {
  it('resilience4j settings in application.yml, no resilience4j dependency, no breaker in code: fail', async () => {
    const run = await runRuleOn(circuitBreakers, spring(''), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence.some((e) => e.path === 'src/main/resources/application.yml')).toBe(false);
  });

  it('the same settings with the resilience4j Spring Boot starter declared: pass, cited at the setting', async () => {
    const run = await runRuleOn(
      circuitBreakers,
      spring('    implementation("io.github.resilience4j:resilience4j-spring-boot3:2.2.0")\n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence.some((e) => e.path === 'src/main/resources/application.yml' && e.line === 5)).toBe(true);
  });
});
