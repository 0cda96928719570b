/**
 * A logback/Log4j2 layout that prints a trace or request id from the MDC on every line
 * (`%X{traceId:-}`) correlates a request's log lines: text, not JSON, so partial (blind round 22, laa-cma).
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import rule from './structured-logging.js';

const tree = (pattern: string): Tree => ({
  'build.gradle':
    "plugins { id 'org.springframework.boot' version '3.2.0' }\ndependencies { implementation 'org.springframework.boot:spring-boot-starter-web' }\n",
  'src/main/java/uk/example/assess/AssessApplication.java':
    'package uk.example.assess;\n\nimport org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class AssessApplication {\n  public static void main(String[] args) {\n    SpringApplication.run(AssessApplication.class, args);\n  }\n}\n',
  'src/main/resources/logback.xml': `<configuration>\n    <appender name="Console" class="ch.qos.logback.core.ConsoleAppender">\n        <encoder>\n            <pattern>${pattern}</pattern>\n        </encoder>\n    </appender>\n    <root level="INFO">\n        <appender-ref ref="Console" />\n    </root>\n</configuration>\n`,
});

describe('MDC ids in a log pattern (round 22)', () => {
  it('%X{traceId} and %X{spanId} on every line: correlation ids, text layout', async () => {
    const run = await runRuleOn(
      rule,
      tree('%d{HH:mm:ss.SSS} traceId: %X{traceId:-} spanId: %X{spanId:-} [%thread] %-5level %logger{36} - %msg%n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe('Request/correlation ids found, but logs are not structured (no JSON logger).');
    expect(run.evidence).toEqual([
      expect.objectContaining({
        path: 'src/main/resources/logback.xml',
        line: 4,
        note: 'request/correlation id: the log pattern prints MDC key traceId on every line',
      }),
    ]);
  });
  it('%X{user} is no correlation id', async () => {
    const run = await runRuleOn(rule, tree('%d %X{user} %-5level %logger - %msg%n'), { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });
});
