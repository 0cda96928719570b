import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import circuitBreakers from './circuit-breakers.js';
import timeouts from './timeouts.js';

/**
 * Blind round 32 (a job scheduler): the admin calls its executors over HTTP through an in-house
 * tool's builder (`HttpTool.createClient().url(address).timeout(t * 1000)…`), yet timeouts and
 * circuit breakers said "no outbound calls". A call chain that gives a URL and a timeout is a call
 * to another service; the timeout it sets is cited, not the ternary that computed it.
 */
const POM =
  '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n';
const caller = (chain: string[]) =>
  [
    'package com.example.admin;', // 1
    '', // 2
    'public class ExecutorClients {', // 3
    '    public ExecutorApi client(String address, int timeout) {', // 4
    '        int finalTimeout = (timeout >= 1 && timeout <= 10)', // 5
    '                ?timeout', // 6
    '                :3;', // 7
    '        return HttpTool.createClient()', // 8
    ...chain, // 9…
    '                .proxy(ExecutorApi.class);',
    '    }',
    '}',
    '',
  ].join('\n');

describe('round 32: a call chain with a URL and a timeout is an outbound call', () => {
  it('applies timeouts and circuit breakers, and cites the chain’s timeout', async () => {
    const tree = {
      'pom.xml': POM,
      'src/main/java/com/example/admin/ExecutorClients.java': caller([
        '                .url(address)', // 9
        '                .timeout(finalTimeout * 1000)', // 10
      ]),
    };
    const t = await runRuleOn(timeouts, tree, { profile: 'service' });
    expect(t.outcome).toBe('pass');
    expect(t.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/java/com/example/admin/ExecutorClients.java',
        line: 10,
        note: 'explicit timeout',
      }),
    );
    expect(t.evidence.some((e) => e.line === 6)).toBe(false);
    const cb = await runRuleOn(circuitBreakers, tree, { profile: 'service' });
    expect(cb.outcome).toBe('fail');
    expect(cb.evidence).toContainEqual(expect.objectContaining({ line: 9, note: 'outbound call' }));
  });

  it('a builder with no URL in its chain is no outbound call', async () => {
    const tree = {
      'pom.xml': POM,
      'src/main/java/com/example/admin/ExecutorClients.java': caller([
        '                .name(address)',
        '                .timeout(finalTimeout * 1000)',
      ]),
    };
    const t = await runRuleOn(timeouts, tree, { profile: 'service' });
    expect(t.outcome).toBe('not-applicable');
  });
});
