import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import containerUser from './container-user.js';

/**
 * Blind round 21 (lydia-api): the Dockerfile has no USER line, its Chainguard base runs as nonroot;
 * the message said "switches to a non-root user".
 */
describe('round 21: a non-root base image is said as such', () => {
  it('a Chainguard base without USER: the message names the base, not a switch', async () => {
    const r = await runRuleOn(
      containerUser,
      {
        'build.gradle.kts': 'plugins { kotlin("jvm") version "2.0.0" }\n',
        'src/main/kotlin/App.kt': 'fun main() {}\n',
        Dockerfile:
          'FROM cgr.dev/chainguard/jre:latest\nCOPY build/libs/app.jar /app/app.jar\nCMD ["-jar", "/app/app.jar"]\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).not.toMatch(/switches/);
    expect(r.message).toMatch(
      /base image that runs as an unprivileged user \(FROM cgr\.dev\/chainguard\/jre:latest at Dockerfile:1\); no USER line is needed/,
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'Dockerfile',
        line: 1,
        note: 'no USER here: the base image runs as nonroot (uid 65532) by default',
      }),
    );
  });

  it('a USER line still reads as a switch', async () => {
    const r = await runRuleOn(
      containerUser,
      {
        'build.gradle.kts': 'plugins { kotlin("jvm") version "2.0.0" }\n',
        'src/main/kotlin/App.kt': 'fun main() {}\n',
        Dockerfile:
          'FROM eclipse-temurin:21-jre\nCOPY build/libs/app.jar /app/app.jar\nUSER 10001\nCMD ["java", "-jar", "/app/app.jar"]\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/switches to a non-root user/);
  });
});
