/**
 * Blind round 48: Guava's RateLimiter pacing how fast a Kafka consumer polls (a blocking `acquire`
 * after each poll) and a metric counting those throttling activations passed rate-limiting. Rate
 * limiting is about incoming requests; a limiter the service waits on for its own work turns no
 * request away. The same RateLimiter asked whether to let a request through still counts.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import rateLimiting from './reliability/rate-limiting.js';

const SERVICE = {
  'build.gradle':
    "plugins { id 'org.springframework.boot' version '3.5.0' }\ndependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-webflux'\n  implementation 'com.google.guava:guava:33.0-jre'\n}\n",
  'src/main/java/acme/App.java':
    'package acme;\n@SpringBootApplication\npublic class App {\n  public static void main(String[] a) { SpringApplication.run(App.class, a); }\n}\n',
};

const POLLING = {
  'src/main/java/acme/emitter/PollingThrottler.java': [
    'package acme.emitter;',
    'import com.google.common.util.concurrent.RateLimiter;',
    'public class PollingThrottler {',
    '  public static PollingThrottler of(long rate) {',
    '    var rateLimiter = RateLimiter.create(rate);',
    '    return new PollingThrottler(rateLimiter);',
    '  }',
    '  private final RateLimiter rateLimiter;',
    '  PollingThrottler(RateLimiter r) { this.rateLimiter = r; }',
    '  public boolean throttleAfterPoll(int polledBytes) {',
    '    return rateLimiter.acquire(polledBytes) > 0.0;',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/main/java/acme/util/ConsumerMetrics.java': [
    'package acme.util;',
    'public class ConsumerMetrics {',
    '  public void record(boolean throttled) {',
    '    if (throttled) {',
    '      pollThrottlingActivations().increment();',
    '    }',
    '  }',
    '  private Counter pollThrottlingActivations() {',
    '    return Counter.builder("poll_throttling_activations").register(registry);',
    '  }',
    '}',
    '',
  ].join('\n'),
};

describe('a limiter that paces the service’s own work is not request rate limiting', () => {
  it('consumer poll throttling and its metric: fail, the limiter named as not counted', async () => {
    const r = await runRuleOn(rateLimiting, { ...SERVICE, ...POLLING }, { profile: 'service' });
    expect(r.outcome, r.message).toBe('fail');
    expect(r.message).toContain('paces the service’s own work (src/main/java/acme/emitter/PollingThrottler.java:5)');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/java/acme/emitter/PollingThrottler.java',
        line: 5,
        note: expect.stringMatching(/^not counted: this limiter paces/),
      }),
    );
    expect(JSON.stringify(r.evidence)).not.toContain('hand-written rate limiting');
  });

  it('the same RateLimiter in a WebFilter that turns requests away passes', async () => {
    const filter = [
      'package acme.web;',
      'import com.google.common.util.concurrent.RateLimiter;',
      'public class LimitFilter implements WebFilter {',
      '  private final RateLimiter limiter = RateLimiter.create(50);',
      '  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {',
      '    if (!limiter.tryAcquire()) {',
      '      exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);',
      '      return exchange.getResponse().setComplete();',
      '    }',
      '    return chain.filter(exchange);',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = await runRuleOn(
      rateLimiting,
      { ...SERVICE, ...POLLING, 'src/main/java/acme/web/LimitFilter.java': filter },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence.map((e) => e.path)).toContain('src/main/java/acme/web/LimitFilter.java');
  });
});
