/**
 * Blind round 44: settings documented in README prose ("set WORKER_GROUP_SIZE … as environment
 * variables", "use the environment variable ENABLE_HTML_ENDPOINT=true") or as the environment
 * form of the Spring keys the code reads were "no documentation of the settings".
 */
import { describe, expect, it } from 'vitest';
import configExternalized from './architecture/config-externalized.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const KOTLIN = {
  'build.gradle.kts': 'dependencies {\n  implementation("io.ktor:ktor-server-netty:2.3.0")\n}\n',
  'src/main/kotlin/acme/Environment.kt': [
    'package acme',
    '',
    'data class Environment(',
    '    val port: Int = System.getenv("SERVER_PORT")?.toInt() ?: 8080,',
    '    val devMode: Boolean = System.getenv("DEV_MODE") == "true",',
    '    val html: Boolean = System.getenv("ENABLE_HTML_ENDPOINT") == "true",',
    ')',
    '',
  ].join('\n'),
};
const PROSE =
  '# renderer\n\nRenders documents.\n\n## Running\n\nTo serve HTML too, start it with the environment variable `ENABLE_HTML_ENDPOINT=true`.\n\nWhile editing templates, set `DEV_MODE=true` to reload them on every request.\n';

describe('config-externalized: the variables the code reads, named in the README', () => {
  it('README prose naming two of the variables the code reads documents the settings: pass, cited at the line', async () => {
    const r = await runRuleOn(configExternalized, { ...KOTLIN, 'README.md': PROSE }, { profile: 'service' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'README.md',
        line: 7,
        note: 'names 2 settings the service reads from the environment (ENABLE_HTML_ENDPOINT, DEV_MODE)',
      }),
    );
  });

  it('a README that names none of them stays partial, saying the settings are undocumented', async () => {
    const r = await runRuleOn(
      configExternalized,
      { ...KOTLIN, 'README.md': '# renderer\n\nRenders documents. See NOTES and TODO.\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/no \.env\.example, commented default configuration or other documentation/);
  });

  it('Spring keys read with @Value, named in their environment form in the README (relaxed binding): documented', async () => {
    const tree = {
      'pom.xml':
        '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter</artifactId></dependency></dependencies></project>\n',
      'src/main/java/acme/Config.java': [
        'package acme;',
        'public class Config {',
        '  @Value("${spring.cloud.gcp.pubsub.project-id}")',
        '  private String project;',
        '  @Value("${queueconfig.shared-pubsub-project}")',
        '  private String shared;',
        '}',
        '',
      ].join('\n'),
      'README.md':
        '# worker\n\n## Debugging\n\n```shell\nSPRING_CLOUD_GCP_PUBSUB_PROJECT-ID=<project>\nQUEUECONFIG_SHARED-PUBSUB-PROJECT=<project>\n```\n',
    };
    const r = await runRuleOn(configExternalized, tree, { profile: 'service' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 6 }));
  });

  it('keys of application.yml named in their environment form in the README (relaxed binding): documented', async () => {
    const tree = {
      'pom.xml':
        '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter</artifactId></dependency></dependencies></project>\n',
      'src/main/java/acme/Config.java':
        'package acme;\npublic class Config {\n  @Value("${queueconfig.topic}")\n  private String topic;\n}\n',
      'src/main/resources/application.yml':
        'spring:\n  cloud:\n    gcp:\n      pubsub:\n        emulator-host: localhost:8538\n        project-id: our-project\nqueueconfig:\n  topic: events\n',
      'README.md':
        '# worker\n\n## Debugging\n\n```shell\nSPRING_CLOUD_GCP_PUBSUB_EMULATOR_HOST=localhost:8538\nSPRING_CLOUD_GCP_PUBSUB_PROJECT-ID=our-project\n```\n',
    };
    const r = await runRuleOn(configExternalized, tree, { profile: 'service' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'README.md',
        line: 6,
        note: expect.stringMatching(/^names 2 settings the service reads/),
      }),
    );
  });
});
