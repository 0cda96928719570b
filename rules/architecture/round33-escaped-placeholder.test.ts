import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import configExternalized from './config-externalized.js';

/**
 * Blind round 33: `spring.data.redis.password=\${REDIS_PASSWORD}` — a reference escaped with a
 * backslash so Gradle's `expand` (processResources) leaves it for Spring — was read as a hard-coded password.
 */
const tree = (password: string) => ({
  'build.gradle.kts':
    'plugins { id("org.springframework.boot") version "3.4.0" }\ndependencies { implementation("org.springframework.boot:spring-boot-starter-webflux") }\ntasks.processResources { filesMatching("application.properties") { expand(project.properties) } }\n',
  'src/main/kotlin/App.kt':
    '@SpringBootApplication\nclass App\nfun main(args: Array<String>) { runApplication<App>(*args) }\n',
  'src/main/resources/application.properties': `server.port=\\\${PORT}\nspring.data.redis.host=\\\${REDIS_HOST}\nspring.data.redis.password=${password}\n`,
  '.env.example': 'PORT=8080\nREDIS_HOST=localhost\nREDIS_PASSWORD=\n',
});

describe('round 33: a backslash-escaped placeholder is a placeholder', () => {
  it('\\${REDIS_PASSWORD} is read from the environment', async () => {
    const r = await runRuleOn(configExternalized, tree('\\${REDIS_PASSWORD}'), { profile: 'service' });
    expect(r.evidence.some((e) => /hard-coded/.test(e.note ?? ''))).toBe(false);
    expect(r.outcome).toBe('pass');
  });

  it('a literal password in the same place is still hard-coded', async () => {
    const r = await runRuleOn(configExternalized, tree('Zq81mWx7kLr2'), { profile: 'service' });
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/resources/application.properties',
        line: 3,
        note: expect.stringContaining('hard-coded database password'),
      }),
    );
    expect(r.outcome).not.toBe('pass');
  });
});
