import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import configExternalized from './architecture/config-externalized.js';
import healthEndpoints from './observability/health-endpoints.js';

/**
 * Blind round 30 (a Spring Boot Kotlin service built on an organisation's own starter): what the
 * JVM platform provides is configured, not coded. Actuator came through the starter (no
 * spring-boot-starter-actuator line) and was shaped in application.yml; settings came from
 * `${hmpps-auth.url}` placeholders and Kotlin's `@param:Value("\${…}")`.
 */
const GRADLE = [
  'dependencies {',
  '  implementation("org.example.platform:org-spring-boot-starter:2.5.0")',
  '  implementation("org.springframework.boot:spring-boot-starter-webflux")',
  '}',
].join('\n');
const APP =
  'package org.example\n\n@SpringBootApplication\nclass App\n\nfun main(args: Array<String>) { runApplication<App>(*args) }\n';
const ACTUATOR_YML = [
  'server:', // 1
  '  port: 8080', // 2
  '', // 3
  'management:', // 4
  '  endpoints:', // 5
  '    web:', // 6
  '      base-path: /', // 7
  '      exposure:', // 8
  "        include: 'info, health'", // 9
  '  endpoint:', // 10
  '    health:', // 11
  '      probes:', // 12
  '        enabled: true', // 13
].join('\n');

describe('round 30: Spring Boot Actuator health configured, not declared', () => {
  it('application.yml exposing health with probes: pass, cited at the setting', async () => {
    const r = await runRuleOn(
      healthEndpoints,
      { 'build.gradle.kts': GRADLE, 'src/main/kotlin/App.kt': APP, 'src/main/resources/application.yml': ACTUATOR_YML },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('/health/readiness');
    expect(r.evidence.some((e) => e.path === 'src/main/resources/application.yml' && e.line === 9)).toBe(true);
  });

  it('a HealthIndicator bean (Java) is Actuator too; application.properties form read', async () => {
    const r = await runRuleOn(
      healthEndpoints,
      {
        'build.gradle.kts': GRADLE,
        'src/main/kotlin/App.kt': APP,
        'src/main/java/org/example/DbHealth.java':
          'package org.example;\n\n@Component\npublic class DbHealth implements HealthIndicator {\n  public Health health() { return Health.up().build(); }\n}\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('/actuator/health');
  });

  it('only info exposed, or health switched off: no health endpoint', async () => {
    for (const yml of [
      'management:\n  endpoints:\n    web:\n      exposure:\n        include: info\n',
      'management:\n  endpoint:\n    health:\n      enabled: false\n      show-details: always\n',
    ]) {
      const r = await runRuleOn(
        healthEndpoints,
        { 'build.gradle.kts': GRADLE, 'src/main/kotlin/App.kt': APP, 'src/main/resources/application.yml': yml },
        { profile: 'service' },
      );
      expect(r.outcome).toBe('fail');
    }
  });

  it('a test configuration setting Actuator is not the service', async () => {
    const r = await runRuleOn(
      healthEndpoints,
      { 'build.gradle.kts': GRADLE, 'src/main/kotlin/App.kt': APP, 'src/test/resources/application.yml': ACTUATOR_YML },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});

describe('round 30: Spring placeholders with hyphens and Kotlin use-site @Value', () => {
  const WEB = [
    'package org.example',
    '',
    '@Configuration',
    'class WebClientConfiguration(',
    '  @param:Value("\\${hmpps-auth.url}") val authBaseUri: String,',
    ') {',
    '}',
  ].join('\n');
  it('Kotlin `@param:Value("\\${auth-api.url}")` is an environment read', async () => {
    const r = await runRuleOn(
      configExternalized,
      { 'build.gradle.kts': GRADLE, 'src/main/kotlin/App.kt': APP, 'src/main/kotlin/WebClientConfiguration.kt': WEB },
      { profile: 'service' },
    );
    expect(r.evidence.some((e) => e.path === 'src/main/kotlin/WebClientConfiguration.kt' && e.line === 5)).toBe(true);
    expect(r.message).toContain('environment reads in code');
  });

  it('`${hmpps-auth.url}` in application.yml is a placeholder; a literal URL is none', async () => {
    const yes = await runRuleOn(
      configExternalized,
      {
        'build.gradle.kts': GRADLE,
        'src/main/kotlin/App.kt': APP,
        'src/main/resources/application.yml': 'api:\n  url: ${hmpps-auth.url}/token\n',
      },
      { profile: 'service' },
    );
    expect(yes.evidence.some((e) => e.path === 'src/main/resources/application.yml' && e.line === 2)).toBe(true);
    const no = await runRuleOn(
      configExternalized,
      {
        'build.gradle.kts': GRADLE,
        'src/main/kotlin/App.kt': APP,
        'src/main/resources/application.yml': 'api:\n  url: https://auth.example.org/token\n',
      },
      { profile: 'service' },
    );
    expect(no.outcome).toBe('fail');
  });
});
