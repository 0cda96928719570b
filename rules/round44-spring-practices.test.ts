/**
 * Blind round 44, class "Spring/Maven practices not followed":
 * - coverage-gate: a JaCoCo `check` goal bound in pom.xml with a `<minimum>75%</minimum>` is a gate
 *   when CI runs `mvn verify` (through make), even when the same line names `jacoco:report` too;
 * - timeouts: a publish call's future awaited with a deadline (`future.get(publishTimeout,
 *   TimeUnit.SECONDS)`) bounds that outbound call; a local task's future does not;
 * - retries: Spring Integration's `new RequestHandlerRetryAdvice()` retries the handler (without a
 *   back-off policy: partial; with one: pass).
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import coverageGate from './quality/coverage-gate.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';

const pom = (check: boolean) =>
  [
    '<project>', // 1
    '  <build><plugins>', // 2
    '    <plugin>', // 3
    '      <groupId>org.jacoco</groupId>', // 4
    '      <artifactId>jacoco-maven-plugin</artifactId>', // 5
    '      <executions>', // 6
    '        <execution><id>prepare</id><goals><goal>prepare-agent</goal></goals></execution>', // 7
    '        <execution><id>report</id><phase>verify</phase><goals><goal>report</goal></goals></execution>', // 8
    ...(check
      ? [
          '        <execution><id>jacoco-check</id><phase>verify</phase><goals><goal>check</goal></goals>', // 9
          '          <configuration><rules><rule><element>BUNDLE</element><limits><limit>', // 10
          '            <counter>LINE</counter><value>COVEREDRATIO</value>', // 11
          '            <minimum>75%</minimum>', // 12
          '          </limit></limits></rule></rules></configuration>', // 13
          '        </execution>', // 14
        ]
      : []),
    '      </executions>',
    '    </plugin>',
    '  </plugins></build>',
    '</project>',
    '',
  ].join('\n');

const build = (check: boolean): Tree => ({
  'pom.xml': pom(check),
  Makefile: 'test:\n\tmvn clean verify jacoco:report\n',
  '.github/workflows/ci.yml':
    'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n',
  'src/main/java/org/acme/App.java': 'package org.acme;\npublic class App {}\n',
});

describe('coverage-gate: a JaCoCo check goal with a percent minimum run by mvn verify', () => {
  it('passes, with the 75% floor, although the line also names jacoco:report', async () => {
    const r = await runRuleOn(coverageGate, build(true), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('75');
  });

  it('a JaCoCo report alone is coverage without a floor: partial', async () => {
    const r = await runRuleOn(coverageGate, build(false), { profile: 'service' });
    expect(r.outcome).toBe('partial');
  });
});

const consumer = (advice: string) => ({
  'pom.xml':
    '<project><dependencies><dependency><groupId>org.springframework.integration</groupId><artifactId>spring-integration-core</artifactId></dependency></dependencies></project>\n',
  'src/main/java/org/acme/Application.java':
    'package org.acme;\n@SpringBootApplication\npublic class Application { public static void main(String[] a) { SpringApplication.run(Application.class, a); } }\n',
  'src/main/java/org/acme/client/Notifier.java':
    'package org.acme.client;\nimport org.springframework.web.client.RestTemplate;\npublic class Notifier {\n  private final RestTemplate rest = new RestTemplate();\n  public void tell(String m) { rest.postForObject("https://notify.example.com/api", m, String.class); }\n}\n',
  'src/main/java/org/acme/config/ConsumerConfig.java': [
    'package org.acme.config;', // 1
    '', // 2
    'import org.springframework.integration.handler.advice.RequestHandlerRetryAdvice;', // 3
    '', // 4
    '@Configuration', // 5
    'public class ConsumerConfig {', // 6
    '  @Bean', // 7
    '  public RequestHandlerRetryAdvice retryAdvice() {', // 8
    '    RequestHandlerRetryAdvice advice = new RequestHandlerRetryAdvice();', // 9
    `    ${advice}`, // 10
    '    return advice;', // 11
    '  }', // 12
    '}', // 13
    '',
  ].join('\n'),
});

describe('retries: Spring Integration RequestHandlerRetryAdvice', () => {
  it('with its default RetryTemplate: retried without backoff, partial, cited at the advice', async () => {
    const r = await runRuleOn(retries, consumer('advice.setRecoveryCallback(recoverer);'), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('RequestHandlerRetryAdvice');
    expect(r.message).toContain('no back-off');
    expect(r.evidence.some((e) => e.path === 'src/main/java/org/acme/config/ConsumerConfig.java' && e.line === 9)).toBe(
      true,
    );
  });

  it('given a RetryTemplate with exponential back-off: pass', async () => {
    const r = await runRuleOn(
      retries,
      consumer(
        'advice.setRetryTemplate(RetryTemplate.builder().maxAttempts(5).exponentialBackoff(100, 2, 5000).build());',
      ),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });

  it('a consumer with no retry at all still fails', async () => {
    const t = consumer('');
    t['src/main/java/org/acme/config/ConsumerConfig.java'] =
      'package org.acme.config;\n@Configuration\npublic class ConsumerConfig {}\n';
    const r = await runRuleOn(retries, t, { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });
});

const sender = (source: string) => ({
  'pom.xml':
    '<project><dependencies><dependency><groupId>com.google.cloud</groupId><artifactId>spring-cloud-gcp-starter-pubsub</artifactId></dependency></dependencies></project>\n',
  'src/main/java/org/acme/Application.java':
    'package org.acme;\n@SpringBootApplication\npublic class Application { public static void main(String[] a) { SpringApplication.run(Application.class, a); } }\n',
  'src/main/java/org/acme/client/Notifier.java':
    'package org.acme.client;\nimport org.springframework.web.client.RestTemplate;\npublic class Notifier {\n  private final RestTemplate rest = new RestTemplate();\n  public void tell(String m) { rest.postForObject("https://notify.example.com/api", m, String.class); }\n}\n',
  'src/main/java/org/acme/messaging/Sender.java': source,
});

const PUBLISH = [
  'package org.acme.messaging;', // 1
  '', // 2
  'public class Sender {', // 3
  '  public void send(String topic, PubsubMessage message) throws Exception {', // 4
  '    CompletableFuture<String> future =', // 5
  '        pubSubTemplate.publish(topic, message);', // 6
  '    future.get(publishTimeout, TimeUnit.SECONDS);', // 7
  '  }', // 8
  '}', // 9
  '',
].join('\n');

const LOCAL = [
  'package org.acme.messaging;', // 1
  '', // 2
  'public class Sender {', // 3
  '  public void send(String topic, PubsubMessage message) throws Exception {', // 4
  '    Future<String> future = executor.submit(() -> render(message));', // 5
  '    future.get(renderTimeout, TimeUnit.SECONDS);', // 6
  '  }', // 7
  '}', // 8
  '',
].join('\n');

describe('timeouts: a JVM future of an outbound call awaited with a deadline', () => {
  it('a publish awaited with future.get(timeout, unit) bounds that call (partial: no client timeout), cited at the get', async () => {
    const r = await runRuleOn(timeouts, sender(PUBLISH), { profile: 'service' });
    // The publish is bounded; the HTTP client is not given a timeout of its own: partial.
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain("outbound call's future has a deadline");
    expect(r.evidence.some((e) => e.path === 'src/main/java/org/acme/messaging/Sender.java' && e.line === 7)).toBe(
      true,
    );
  });

  it("a local task's future awaited with a deadline bounds no outbound call: still fails", async () => {
    const r = await runRuleOn(timeouts, sender(LOCAL), { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });
});
