import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import securityMiddleware from './security-middleware.js';

/**
 * Blind round 30: Spring Security active through an organisation's starter (an OAuth2 resource
 * server configured in application.yml) was "no security headers": Spring Boot's default chain
 * sends X-Content-Type-Options, X-Frame-Options, Cache-Control and HSTS on HTTPS, and checks CSRF.
 */
const APP =
  'package org.example\n\n@SpringBootApplication\nclass App\n\n@RestController\nclass Hello { @GetMapping("/") fun hi() = "hi" }\n';
const gradle = (extra: string) =>
  `dependencies {\n  implementation("org.springframework.boot:spring-boot-starter-web")\n${extra}}\n`;

describe('round 30: Spring Security auto-configured by Spring Boot', () => {
  it('the security starter, no chain of its own: headers, HSTS and CSRF credited at the dependency', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      {
        'build.gradle.kts': gradle('  implementation("org.springframework.boot:spring-boot-starter-security")\n'),
        'src/main/kotlin/App.kt': APP,
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]!.note).toContain('auto-configured by Spring Boot');
    expect(r.evidence[0]!.path).toBe('build.gradle.kts');
  });

  it('spring.security.oauth2.resourceserver in application.yml (starter brought by another): credited there', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      {
        'build.gradle.kts': gradle('  implementation("org.example:platform-starter:1.0")\n'),
        'src/main/kotlin/App.kt': APP,
        'src/main/resources/application.yml':
          'spring:\n  security:\n    oauth2:\n      resourceserver:\n        jwt:\n          jwk-set-uri: ${auth.url}/jwks.json\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'src/main/resources/application.yml', line: 6 });
  });

  it('Spring Boot without Spring Security: nothing credited', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      { 'build.gradle.kts': gradle(''), 'src/main/kotlin/App.kt': APP },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});
