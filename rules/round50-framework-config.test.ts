import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import configExternalized from './architecture/config-externalized.js';
import errorTracking from './observability/error-tracking.js';
import structuredLogging from './observability/structured-logging.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';
import authentication from './security/authentication.js';

/**
 * Blind round 50 (a Dropwizard service): what Dropwizard provides is configured in its YAML and
 * wired by its bundles, not coded. JSON logs and Sentry came from the `logging:` appenders, the
 * settings from `${VAR}` resolved by the EnvironmentVariableSubstitutor, authentication from
 * dropwizard-auth's AuthDynamicFeature; and an Apache HttpClient declared for another library's
 * sake, imported by no main code, made the service an "outbound caller".
 */
const dep = (g: string, a: string, scope = '') =>
  `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>1</version>${scope}</dependency>`;
const pom = (...extra: string[]) =>
  [
    '<project>',
    '  <artifactId>svc</artifactId>',
    '  <dependencies>',
    dep('io.dropwizard', 'dropwizard-core'),
    ...extra,
    '  </dependencies>',
    '</project>',
  ].join('\n');
const APP = [
  'package org.example;', // 1
  '', // 2
  'import io.dropwizard.core.Application;', // 3
  '', // 4
  'public class App extends Application<AppConfig> {', // 5
  '  public static void main(String[] args) throws Exception { new App().run(args); }', // 6
  '}', // 7
].join('\n');

const CONFIG = (appenders: string[]) =>
  [
    'server:', // 1
    '  applicationConnectors:', // 2
    '    - type: http', // 3
    '      port: 8080', // 4
    '  requestLog:', // 5
    '    appenders:', // 6
    '      - type: console', // 7
    '        layout:', // 8
    '          type: access-json', // 9
    '', // 10
    'logging:', // 11
    '  level: INFO', // 12
    '  appenders:', // 13
    ...appenders, // 14…
  ].join('\n');

const tree = (config: string, extra: Record<string, string> = {}) => ({
  'pom.xml': pom(),
  'src/main/java/org/example/App.java': APP,
  'src/main/resources/config.yml': config,
  ...extra,
});

describe('round 50: Dropwizard logging appenders', () => {
  it('a logstash appender in the logging configuration is JSON logging, cited at the appender', async () => {
    const r = await runRuleOn(
      structuredLogging,
      tree(CONFIG(['    - type: logstash-console', '      target: stdout'])),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'src/main/resources/config.yml', line: 14 });
    expect(r.evidence[0]!.note).toMatch(/log appender `type: logstash-console`/);
  });

  it('a JSON layout of a console appender counts; a text console appender alone does not', async () => {
    const json = await runRuleOn(
      structuredLogging,
      tree(CONFIG(['  - type: console', '    layout:', '      type: json'])),
      { profile: 'service' },
    );
    expect(json.outcome).toBe('pass');
    expect(json.evidence.map((e) => `${e.path}:${e.line}`)).toContain('src/main/resources/config.yml:16');
    // Plain text everywhere (the request log too): nothing structured.
    const text = CONFIG(['    - type: console', '      logFormat: "%-5p [%d] %c: %m%n"']).replace(
      'type: access-json',
      'type: access',
    );
    const plain = await runRuleOn(structuredLogging, tree(text), { profile: 'service' });
    expect(plain.outcome).toBe('fail');
  });

  it('a JSON appender only in the tests’ configuration is not the service’s output', async () => {
    const text = CONFIG(['    - type: console']).replace('type: access-json', 'type: access');
    const r = await runRuleOn(
      structuredLogging,
      tree(text, { 'src/test/resources/test-config.yml': CONFIG(['    - type: logstash-console']) }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it('a sentry appender reports errors to a tracker; a `type: sentry` outside log appenders does not', async () => {
    const r = await runRuleOn(
      errorTracking,
      tree(CONFIG(['    - type: console', '    - type: sentry', '      threshold: ERROR', '      dsn: ${SENTRY_DSN}'])),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/sentry appender \(src\/main\/resources\/config\.yml:15\)/);
    const elsewhere = await runRuleOn(
      errorTracking,
      tree(CONFIG(['    - type: console']), {
        'deploy/integrations.yml': 'appenders: none\nintegrations:\n  - type: sentry\n    url: x\n',
      }),
      { profile: 'service' },
    );
    expect(elsewhere.outcome).toBe('fail');
  });
});

describe('round 50: Dropwizard authentication and configuration', () => {
  const AUTH_APP = [
    'package org.example;', // 1
    '', // 2
    'public class App extends Application<AppConfig> {', // 3
    '  public void run(AppConfig conf, Environment environment) {', // 4
    '    environment.jersey().register(new AuthDynamicFeature(', // 5
    '        new OAuthCredentialAuthFilter.Builder<Token>()', // 6
    '            .setAuthenticator(new TokenAuthenticator(tokens))', // 7
    '            .setPrefix("Bearer")', // 8
    '            .buildAuthFilter()));', // 9
    '  }', // 10
    '}', // 11
  ].join('\n');

  it('dropwizard-auth’s AuthDynamicFeature is authentication, named as Dropwizard’s', async () => {
    const r = await runRuleOn(
      authentication,
      {
        'pom.xml': pom(dep('io.dropwizard', 'dropwizard-auth')),
        'src/main/java/org/example/App.java': AUTH_APP,
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('src/main/java/org/example/App.java:5');
    expect(r.message).toMatch(/Dropwizard/);
    expect(r.message).not.toMatch(/Spring/);
  });

  it('without the auth filter registered, nothing authenticates', async () => {
    const r = await runRuleOn(
      authentication,
      { 'pom.xml': pom(), 'src/main/java/org/example/App.java': APP },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it('EnvironmentVariableSubstitutor reads the configuration’s ${VAR} from the environment', async () => {
    const app = [
      'package org.example;', // 1
      '', // 2
      'public class App extends Application<AppConfig> {', // 3
      '  public void initialize(Bootstrap<AppConfig> bootstrap) {', // 4
      '    bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(', // 5
      '        bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));', // 6
      '  }', // 7
      '}', // 8
    ].join('\n');
    const r = await runRuleOn(
      configExternalized,
      {
        'pom.xml': pom(),
        'src/main/java/org/example/App.java': app,
        'src/main/resources/config.yml': 'database:\n  user: ${DB_USER}\n',
      },
      { profile: 'service' },
    );
    expect(r.message).toMatch(/environment reads in code/);
    expect(r.evidence[0]).toMatchObject({ path: 'src/main/java/org/example/App.java', line: 6 });
    expect(r.evidence[0]!.note).toMatch(/loads the configuration from the environment/);
    // Without the substitutor, the `${DB_USER}` of a Dropwizard YAML stays a literal.
    const none = await runRuleOn(
      configExternalized,
      { 'pom.xml': pom(), 'src/main/java/org/example/App.java': APP, 'src/main/resources/config.yml': 'a: 1\n' },
      { profile: 'service' },
    );
    expect(none.message).not.toMatch(/environment reads in code/);
  });
});

describe('round 50: a JVM client library no main code imports is no outbound caller', () => {
  const httpclient = dep('org.apache.httpcomponents', 'httpclient');
  it('declared only: retries and timeouts have no outbound call to judge', async () => {
    const files = { 'pom.xml': pom(httpclient), 'src/main/java/org/example/App.java': APP };
    const r = await runRuleOn(retries, files, { profile: 'service' });
    expect(r.outcome).toBe('not-applicable');
    const t = await runRuleOn(timeouts, files, { profile: 'service' });
    expect(t.outcome).toBe('not-applicable');
  });

  it('imported by main code (not only by tests): an outbound caller, cited at the import', async () => {
    const client = [
      'package org.example;', // 1
      '', // 2
      'import org.apache.http.client.HttpClient;', // 3
      '', // 4
      'public class Upstream {', // 5
      '  private final HttpClient client;', // 6
      '}', // 7
    ].join('\n');
    const r = await runRuleOn(
      retries,
      {
        'pom.xml': pom(httpclient),
        'src/main/java/org/example/App.java': APP,
        'src/main/java/org/example/Upstream.java': client,
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('src/main/java/org/example/Upstream.java:3');
    const testOnly = await runRuleOn(
      retries,
      {
        'pom.xml': pom(httpclient),
        'src/main/java/org/example/App.java': APP,
        'src/test/java/org/example/UpstreamTest.java': client,
      },
      { profile: 'service' },
    );
    expect(testOnly.outcome).toBe('not-applicable');
  });
});
