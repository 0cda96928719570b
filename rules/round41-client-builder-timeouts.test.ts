/**
 * Blind round 41, class "explicit client settings not recognised as timeouts": a search client built
 * with `ClientConfiguration.builder().withConnectTimeout(…).withSocketTimeout(…)` (Spring Data
 * Elasticsearch/OpenSearch) bounds that client's calls, as do the builder timeouts of other non-HTTP
 * clients (AWS SDK v2 `.apiCallTimeout`, Lettuce `.commandTimeout`, gRPC `.withDeadlineAfter`,
 * Ktor `requestTimeoutMillis =`). The rule said "no explicit timeouts".
 */
import { describe, expect, it } from 'vitest';
import timeouts from './reliability/timeouts.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

const spring = (config: string): Tree => ({
  'pom.xml':
    '<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n',
  'src/main/java/org/example/App.java':
    'package org.example;\n@SpringBootApplication\npublic class App { public static void main(String[] a) { SpringApplication.run(App.class, a); } }\n',
  'src/main/java/org/example/MailClient.java':
    'package org.example;\nimport org.springframework.web.client.RestTemplate;\npublic class MailClient {\n  private final RestTemplate rest = new RestTemplate();\n  public void send(String body) { rest.postForEntity("https://mail.example.com/send", body, String.class); }\n}\n',
  'src/main/java/org/example/SearchConfig.java': config,
});

const SEARCH = (chain: string) =>
  [
    'package org.example;',
    'public class SearchConfig {',
    '  @Bean',
    '  public RestHighLevelClient searchClient() {',
    '    ClientConfiguration cfg = ClientConfiguration.builder()',
    '        .connectedTo(uri)',
    chain,
    '        .build();',
    '    return RestClients.create(cfg).rest();',
    '  }',
    '}',
    '',
  ].join('\n');

describe('round 41: builder-chain timeouts of non-HTTP clients are explicit timeouts', () => {
  it('withConnectTimeout/withSocketTimeout on a search client: pass, citing the line', async () => {
    const r = await runRuleOn(
      timeouts,
      spring(
        SEARCH(
          '        .withConnectTimeout(Duration.ofSeconds(15))\n        .withSocketTimeout(Duration.ofSeconds(60))',
        ),
      ),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/^Explicit timeouts found/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/java/org/example/SearchConfig.java',
        line: 7,
        note: 'explicit timeout',
      }),
    );
  });

  it('AWS SDK v2 apiCallTimeout and gRPC withDeadlineAfter count as well', async () => {
    for (const chain of [
      '        .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(10)))',
      '        ;\n    stub.withDeadlineAfter(5, TimeUnit.SECONDS).lookup(req);',
    ]) {
      const r = await runRuleOn(timeouts, spring(SEARCH(chain)), { profile: 'service' });
      expect(r.outcome, chain).toBe('pass');
    }
  });

  it('the same client without a timeout, or with withConnectTimeout(0), finds none: fail', async () => {
    for (const chain of ['        .usingSsl()', '        .withConnectTimeout(0)']) {
      const r = await runRuleOn(timeouts, spring(SEARCH(chain)), { profile: 'service' });
      expect(r.outcome, chain).toBe('fail');
      expect(r.message).toMatch(/^No explicit timeouts/);
    }
  });
});
