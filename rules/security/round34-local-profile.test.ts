import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import securityMiddleware from './security-middleware.js';

/**
 * Blind round 34: the Spring Security evidence cited `application-local.yml`, a local-development
 * profile; a local/dev/test profile file never speaks for production.
 */
const APP =
  'package org.example\n\n@SpringBootApplication\nclass App\n\n@RestController\nclass Hello { @GetMapping("/") fun hi() = "hi" }\n';
const GRADLE =
  'dependencies {\n  implementation("org.springframework.boot:spring-boot-starter-web")\n  implementation("org.example:platform-starter:1.0")\n}\n';
const OAUTH = (key: string) =>
  `spring:\n  security:\n    oauth2:\n      resourceserver:\n        jwt:\n          ${key}: x\n`;

describe('round 34: a local Spring profile is no evidence for production', () => {
  it('application-local.yml and application.yml both set it: application.yml is cited', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      {
        'build.gradle.kts': GRADLE,
        'src/main/kotlin/App.kt': APP,
        'src/main/resources/application-local.yml': OAUTH('public-key-location'),
        'src/main/resources/application.yml': OAUTH('jwk-set-uri'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence.map((e) => e.path)).not.toContain('src/main/resources/application-local.yml');
    expect(r.evidence[0]).toMatchObject({ path: 'src/main/resources/application.yml' });
  });

  it('only application-dev.yml sets it: nothing credited', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      {
        'build.gradle.kts': GRADLE,
        'src/main/kotlin/App.kt': APP,
        'src/main/resources/application-dev.yml': OAUTH('jwk-set-uri'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it('a production profile (application-prod.yml) still counts', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      {
        'build.gradle.kts': GRADLE,
        'src/main/kotlin/App.kt': APP,
        'src/main/resources/application-prod.yml': OAUTH('jwk-set-uri'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'src/main/resources/application-prod.yml' });
  });
});
