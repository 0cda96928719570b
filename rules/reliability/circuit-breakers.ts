import { defineRule } from '../../src/types.js';
import type { Evidence } from '../../src/types.js';
import { k8s, K8S_DIGEST } from '../../src/facts/k8s.js';
import { CODE_GLOBS, outboundApplies, libraryVerdict, MULTI_PURPOSE } from '../_shared/resilience.js';

/** Code that puts a circuit breaker around a dependency, per language. */
const CODE = new RegExp(
  [
    String.raw`\bnew\s+CircuitBreaker\s*[(<]`,
    String.raw`\bcircuitBreaker\(\s*handle\w*`,
    String.raw`(?:from\s+|require\(\s*)['"](?:opossum|brakes|mollitia)['"]`,
    String.raw`\b(?:pybreaker\.)?CircuitBreaker\(\s*(?:fail_max|reset_timeout|name|failure_threshold)`,
    String.raw`^[ \t]*@(?:circuit|breaker)\b`,
    String.raw`\bCircuitBreaker\(\s*\)`,
    String.raw`\bgobreaker\.(?:NewCircuitBreaker|NewTwoStepCircuitBreaker|Settings)\b`,
    String.raw`\bhystrix\.(?:Go|Do|ConfigureCommand)\(`,
    String.raw`\bbreaker\.New\(`,
    String.raw`\bcircuitbreaker\.(?:Builder|New)\w*\(`,
    String.raw`@CircuitBreaker\(`,
    String.raw`\bCircuitBreaker\.(?:of|ofDefaults)\(`,
    String.raw`\bCircuitBreakerRegistry\b`,
    String.raw`^[ \t]*(?:-[ \t]*)?name:[ \t]*CircuitBreaker[ \t\r]*$`,
    String.raw`^[ \t]*resilience4j\.circuitbreaker\.`,
    String.raw`\b(?:Reactive)?(?:Resilience4J)?CircuitBreakerFactory\b`,
    String.raw`\bCircuitBreakerConfig\.(?:custom|ofDefaults)\(`,
    String.raw`@HystrixCommand\b`,
    // Spring Cloud: breakers switched on for the app, and Feign clients with a fallback.
    String.raw`@EnableCircuitBreaker\b|@EnableHystrix\b`,
    // The annotation's arguments stop at the next `@FeignClient(` (linear on many unclosed ones).
    String.raw`@FeignClient\((?:(?!@FeignClient\()[^)])*\bfallback(?:Factory)?\s*=`,
    String.raw`^[ \t]*feign\.(?:hystrix|circuitbreaker)\.enabled\s*[:=]\s*true|^[ \t]*(?:hystrix|circuitbreaker):\s*$`,
    String.raw`\bCircuitBreaker(?:Async)?\(\s*\d`,
    String.raw`\.AddCircuitBreaker\(`,
    String.raw`\bCircuitBreakerStrategyOptions\b`,
    String.raw`\bAddStandardResilienceHandler\(`,
    String.raw`\bAdvancedCircuitBreaker(?:Async)?\(`,
    String.raw`\bCircuitbox\.circuit\b`,
    String.raw`\bStoplight\(`,
    String.raw`\bSemian::`,
    String.raw`\bGanesha\\Builder\b`,
    String.raw`\bfailsafe::`,
  ].join('|'),
  'm',
);

export default defineRule({
  meta: {
    id: 'circuit-breakers',
    title: 'Failing dependencies are isolated by circuit breakers',
    failureTitle: 'No circuit breakers around dependencies',
    description:
      'Without a circuit breaker a slow or failing dependency ties up threads and connections until the caller fails too; a breaker fails fast, sheds load and lets the dependency recover.',
    remediation:
      'Put a circuit breaker around calls to remote dependencies: opossum or cockatiel (Node), pybreaker/aiobreaker (Python), Resilience4j (JVM), Polly or AddStandardResilienceHandler (.NET), sony/gobreaker (Go), circuitbox/semian (Ruby); or use mesh outlier detection (Istio DestinationRule `outlierDetection`).',
    severity: 'medium',
    effort: 'medium',
    detection:
      'Code that creates or applies a breaker (`new CircuitBreaker(`, `@CircuitBreaker(`, `gobreaker.NewCircuitBreaker`, `CircuitBreakerAsync(`, `AddStandardResilienceHandler(`) in production sources; Istio DestinationRule `outlierDetection`. A catalogue library (`circuit-breakers`) declared but unused earns partial credit.',
    patterns: {
      code: {
        regex: CODE,
        files: [...CODE_GLOBS, '**/application*.{yml,yaml,properties}', '**/config/**/*.{yml,yaml,properties}'],
        literals: [
          'ircuit',
          'reaker',
          'hystrix',
          'EnableCircuitBreaker',
          'EnableHystrix',
          'fallback',
          'Hystrix',
          'Stoplight',
          'Semian',
          'Ganesha',
          'failsafe',
          'ResilienceHandler',
          'opossum',
          'brakes',
          'mollitia',
        ],
        maxPerFile: 3,
      },
    },
    digests: [K8S_DIGEST],
  },
  // A mesh policy (Istio DestinationRule) protects calls the mesh sees, whatever the code does.
  appliesTo: (ctx) =>
    outboundApplies(ctx, 'circuit breakers', ['code'], () =>
      k8s(ctx.files).objects.some((o) => o.kind === 'DestinationRule'),
    ),
  check(ctx) {
    const config: Evidence[] = k8s(ctx.files)
      .objects.filter(
        (o) => o.kind === 'DestinationRule' && JSON.stringify(o.doc.spec ?? {}).includes('"outlierDetection"'),
      )
      .map((o) => ({ path: o.path, line: o.line, note: `Istio DestinationRule ${o.name} sets outlierDetection` }));
    return libraryVerdict(ctx, {
      what: 'circuit breakers',
      catalogue: 'circuit-breakers',
      code: ['code'],
      config,
      outbound: true,
      multiPurpose: [...MULTI_PURPOSE, 'github.com/eapache/go-resiliency', 'failsafe'],
    });
  },
});
