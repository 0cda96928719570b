import { describe, expect, it } from 'vitest';
import retries from './reliability/retries.js';
import authentication from './security/authentication.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const POM = (artifacts: string[]) =>
  [
    '<project><modelVersion>4.0.0</modelVersion><groupId>org.acme</groupId><artifactId>svc</artifactId><version>1</version>',
    '<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.0</version></parent>',
    '<dependencies>',
    '<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>',
    ...artifacts.map((a) => {
      const [g, id] = a.split(':');
      return `<dependency><groupId>${g}</groupId><artifactId>${id}</artifactId></dependency>`;
    }),
    '</dependencies></project>',
    '',
  ].join('\n');

const APP = (annotations: string) =>
  [
    'package org.acme;',
    'import org.springframework.boot.autoconfigure.SpringBootApplication;',
    'import org.springframework.retry.annotation.EnableRetry;',
    annotations,
    '@SpringBootApplication',
    'public class Application {',
    '  public static void main(String[] args) { org.springframework.boot.SpringApplication.run(Application.class, args); }',
    '}',
    '',
  ].join('\n');

const CLIENT = [
  'package org.acme.client;',
  'import org.springframework.retry.annotation.Backoff;',
  'import org.springframework.retry.annotation.Retryable;',
  'import org.springframework.web.client.RestTemplate;',
  'public class PartyClient {',
  '  private final RestTemplate rest = new RestTemplate();',
  '  @Retryable(value = Exception.class, maxAttempts = 3, backoff = @Backoff(delay = 500, multiplier = 2))',
  '  public String party(String id) { return rest.getForObject("http://party/parties/" + id, String.class); }',
  '}',
  '',
].join('\n');

const tree = (annotations: string) => ({
  'pom.xml': POM(['org.springframework.retry:spring-retry']),
  'src/main/java/org/acme/Application.java': APP(annotations),
  'src/main/java/org/acme/client/PartyClient.java': CLIENT,
});

describe('retries: Spring @Retryable needs the annotation that enables it (blind round 35)', () => {
  it('@Retryable with @EnableRetry in the project passes', async () => {
    const run = await runRuleOn(retries, tree('@EnableRetry'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
  });

  it('@Retryable with no @EnableRetry/@EnableResilientMethods anywhere is partial: annotated but not enabled', async () => {
    const run = await runRuleOn(retries, tree(''), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('Retries are annotated but not enabled');
    expect(run.message).toContain('src/main/java/org/acme/client/PartyClient.java:7');
  });
});

describe('authentication: spring-security-crypto is a hashing library, not request authentication (blind round 35)', () => {
  const files = (artifact: string) => ({
    'pom.xml': POM([artifact]),
    'src/main/java/org/acme/Application.java': APP(''),
  });

  it('spring-security-crypto alone earns nothing', async () => {
    const run = await runRuleOn(authentication, files('org.springframework.security:spring-security-crypto'), {
      profile: 'service',
    });
    expect(run.outcome).toBe('fail');
    expect(run.message).not.toContain('spring-security-crypto');
  });

  it('spring-security-web is still credited as a declared authentication library', async () => {
    const run = await runRuleOn(authentication, files('org.springframework.security:spring-security-web'), {
      profile: 'service',
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('org.springframework.security:spring-security-web');
  });
});
