import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import securityMiddleware from './security-middleware.js';

/**
 * Blind round 47: a Spring WebFlux chain written in Kotlin switched CSRF off with `.csrf { it.disable() }`
 * and was still credited with Spring Security's default CSRF check; a CORS policy allowing any origin
 * with credentials was listed among the protections found.
 */
const GRADLE =
  'dependencies {\n  implementation("org.springframework.boot:spring-boot-starter-webflux")\n  implementation("org.springframework.boot:spring-boot-starter-security")\n}\n';
const APP =
  'package org.example\n\n@SpringBootApplication\nclass App\n\n@RestController\nclass Hello { @GetMapping("/") fun hi() = "hi" }\n';
const chain = (body: string[]) =>
  [
    'package org.example', // 1
    '', // 2
    '@Configuration', // 3
    '@EnableWebFluxSecurity', // 4
    'class SecurityConfiguration {', // 5
    '    @Bean', // 6
    '    fun chain(http: ServerHttpSecurity): SecurityWebFilterChain {', // 7
    ...body, // 8…
    '        return http.build()',
    '    }',
    '}',
    '',
  ].join('\n');
const spring = (body: string[]) => ({
  'build.gradle.kts': GRADLE,
  'src/main/kotlin/App.kt': APP,
  'src/main/kotlin/SecurityConfig.kt': chain(body),
});

describe('round 47: CSRF switched off in Kotlin lambda and DSL forms', () => {
  it('`.csrf { it.disable() }` is not CSRF protection: partial, the off switch named at its line', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      spring(['        http', '            .csrf { it.disable() }', '            .httpBasic { it.disable() }']),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).not.toMatch(/CSRF protection in place|and CSRF protection/);
    expect(r.message).toContain('CSRF protection is disabled (src/main/kotlin/SecurityConfig.kt:9)');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/main/kotlin/SecurityConfig.kt', line: 9, note: 'CSRF protection disabled' }),
    );
  });

  it('the Kotlin DSL `csrf {` ⏎ `disable()` is not CSRF protection either', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      spring(['        http {', '            csrf {', '                disable()', '            }', '        }']),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('CSRF protection is disabled (src/main/kotlin/SecurityConfig.kt:9)');
  });

  it('`csrf(AbstractHttpConfigurer::disable)` in Java is not CSRF protection', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      {
        'build.gradle.kts': GRADLE,
        'src/main/kotlin/App.kt': APP,
        'src/main/java/org/example/Sec.java':
          '@EnableWebSecurity\nclass Sec {\n  @Bean SecurityFilterChain chain(HttpSecurity http) throws Exception {\n    http.csrf(AbstractHttpConfigurer::disable);\n    return http.build();\n  }\n}\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('CSRF protection is disabled (src/main/java/org/example/Sec.java:4)');
  });

  it('a Kotlin DSL `csrf {` that only ignores some paths keeps CSRF on: pass', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      spring([
        '        http {',
        '            csrf {',
        '                ignoringRequestMatchers("/webhook")',
        '            }',
        '        }',
      ]),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('CSRF protection');
    expect(r.message).not.toContain('disabled');
  });
});
