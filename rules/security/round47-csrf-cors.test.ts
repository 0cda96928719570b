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

const hono = (extra: string) => ({
  'package.json': '{"name":"api","dependencies":{"hono":"4.0.0"}}',
  'src/index.ts': [
    "import { Hono } from 'hono';", // 1
    "import { cors } from 'hono/cors';", // 2
    extra, // 3
    'const app = new Hono();', // 4
    "app.use('/api/*', cors({", // 5
    "  origin: '*',", // 6
    '  credentials: true,', // 7
    '}));', // 8
    "app.get('/api/items', (c) => c.json([]));", // 9
    'export default app;', // 10
    '',
  ].join('\n'),
});

describe('round 47: any origin with credentials is a finding, never a found protection', () => {
  it('beside security headers: the headers are found, the credentialed wildcard is named as a finding at its line', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      hono("import { secureHeaders } from 'hono/secure-headers';\nconst h = secureHeaders();"),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.score).toBeLessThanOrEqual(0.4);
    expect(r.message).toMatch(
      /^security headers (?:and HSTS \(sent by default by Hono's secureHeaders\(\)\) )?found; no /,
    );
    expect(r.message).not.toMatch(/and CORS \(any origin, with credentials\) found/);
    expect(r.message).toContain(
      'CORS allows any origin with credentials at src/index.ts:7: a finding, not a protection; any website can send authenticated requests',
    );
  });

  it('alone: nothing is listed as found; the message names what is missing and the finding', async () => {
    const r = await runRuleOn(securityMiddleware, hono(''), { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(
      /^No hardening in place: no security headers, no CORS restricted to explicit origins, no HTTPS redirect\/HSTS/,
    );
    expect(r.message).not.toMatch(/\) found/);
    expect(r.message).toContain(
      'CORS allows any origin with credentials at src/index.ts:6: a finding, not a protection',
    );
  });

  it('any origin without credentials is still reported as what it is (not restricted), not as a finding', async () => {
    const files = hono('');
    files['src/index.ts'] = files['src/index.ts'].replace('  credentials: true,\n', '');
    const r = await runRuleOn(securityMiddleware, files, { profile: 'service' });
    expect(r.message).toContain('CORS (any origin) found');
    expect(r.message).not.toContain('a finding, not a protection');
  });
});
