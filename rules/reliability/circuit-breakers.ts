import { defineRule } from '../../src/types.js';
import type { Evidence } from '../../src/types.js';
import { k8s, K8S_DIGEST } from '../../src/facts/k8s.js';
import {
  CODE_GLOBS,
  outboundApplies,
  libraryVerdict,
  MULTI_PURPOSE,
  productionMatches,
} from '../_shared/resilience.js';
import type { Match, RuleContext } from '../../src/types.js';
import { isCommentLine } from '../../src/facts/paths.js';
import { type Definition, definedName, isImportLine } from '../../src/facts/references.js';

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
    // Go cep21/circuit (`manager.MustCreateCircuit("name", circuit.Config{…})`); Kotlin Arrow's
    // `CircuitBreaker(resetTimeout = …, openingStrategy = …)`; PHP leocarmo/circuit-breaker-php 1.x statics.
    String.raw`\.(?:Must)?CreateCircuit\(`,
    String.raw`\bCircuitBreaker\(\s*(?:resetTimeout|openingStrategy|maxFailures)\s*=`,
    String.raw`\bCircuitBreaker::(?:isAvailable|setAdapter|setGlobalSettings)\(`,
    // Erlang's fuse (Hex `fuse`), from Elixir (`:fuse.install(name, opts)`, `:fuse.ask(name, :sync)`,
    // `:fuse.melt(name)`) or Erlang (`fuse:ask(name, sync)`): a breaker installed and consulted.
    String.raw`(?:^|[^\w.:]):?fuse[.:](?:install|ask|melt|run)\(`,
  ].join('|'),
  'm',
);

/** Configuration files the code pattern reads (Spring's application.yml/.properties, config/**). */
const CONFIG_FILE = /\.(?:ya?ml|properties)$/i;

/**
 * A project's own breaker class derived from the library's (`class WeatherCircuitBreaker(CircuitBreaker):`,
 * `class PaymentsBreaker extends CircuitBreaker`, Kotlin `class X : CircuitBreaker(`): the name it defines.
 */
const SUBCLASS =
  /^[ \t]*(?:export )?(?:(?:public|internal|abstract|final|open|private|default) )*class (\w+)(?:\((?:\w+\.)?CircuitBreaker\):| extends (?:\w+\.)?CircuitBreaker\b| ?: ?(?:\w+\.)?CircuitBreaker\()/m;

/**
 * A call, construction or decorator of a name that says breaker or circuit (`@WeatherCircuitBreaker(name=…)`,
 * `new PaymentsBreaker(`): where such a subclass is applied. Recorded by name, joined to the subclasses above.
 */
const BREAKER_CALL = /(?<![\w$])@?(?:new\s+)?([A-Z_a-z]\w{0,60}?(?:Breaker|breaker))\(/;

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
      'Code that creates or applies a breaker (`new CircuitBreaker(`, `@CircuitBreaker(`, `gobreaker.NewCircuitBreaker`, `CircuitBreakerAsync(`, `AddStandardResilienceHandler(`, cep21/circuit `MustCreateCircuit(`, Erlang fuse `:fuse.install(`/`:fuse.ask(`, Arrow `CircuitBreaker(resetTimeout = …)`) in production sources; Istio DestinationRule `outlierDetection`. A catalogue library (`circuit-breakers`) declared but unused earns partial credit.',
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
          'fuse',
        ],
        maxPerFile: 3,
      },
      subclass: {
        regex: SUBCLASS,
        files: CODE_GLOBS,
        literals: ['CircuitBreaker'],
        maxPerFile: 10,
      },
      breakerCall: {
        regex: BREAKER_CALL,
        files: CODE_GLOBS,
        literals: ['reaker', 'ircuit'],
        maxPerFile: 20,
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
    const applied = appliedSubclasses(ctx);
    // The note of each use, looked up per match (a find per match was uses²).
    const notes = new Map<Match, string>();
    for (const u of applied.uses) if (!notes.has(u.m)) notes.set(u.m, u.note);
    // `@EnableHystrix`/`@EnableCircuitBreaker` switch breakers on for the application; a breaker
    // protects a call only where one is applied (`@HystrixCommand`, a Feign fallback). Alone, the
    // switch is no call site (blind round 28: `@EnableHystrix` on the application class, no breaker used).
    const isSwitch = (m: Match) => /@Enable(?:CircuitBreaker|Hystrix)\b/.test(m.snippet);
    // A configuration file (`resilience4j.circuitbreaker:` in application.yml, `feign.circuitbreaker.enabled`)
    // sets up a breaker library; with no such library declared it configures nothing (blind round 47:
    // a resilience4j block kept "for when the code is in", no dependency and no breaker in code).
    const library =
      ctx.facts.findDependencies(ctx.catalogue('circuit-breakers'), { includeUnused: true, includeTransitive: true })
        .length > 0;
    const inert = (m: Match) => !library && CONFIG_FILE.test(m.path);
    const applies = productionMatches(ctx, 'code').some((m) => !isSwitch(m) && !isCommentLine(m.snippet) && !inert(m));
    return libraryVerdict(ctx, {
      what: 'circuit breakers',
      catalogue: 'circuit-breakers',
      code: ['code'],
      keep: (m) => !inert(m) && (applies || !isSwitch(m)),
      handWritten: applied.uses.map((u) => u.m),
      noteOf: (m) => notes.get(m),
      unused: applied.unused,
      config,
      outbound: true,
      multiPurpose: [...MULTI_PURPOSE, 'github.com/eapache/go-resiliency', 'failsafe'],
    });
  },
});

/**
 * Subclasses of the library's breaker and every production line that applies one (a decorator
 * `@WeatherCircuitBreaker(name="weather")` or a construction): the breaker is in use there, though no
 * line names the library (blind round 25, merino-py). A subclass nothing applies earns nothing.
 */
function appliedSubclasses(ctx: RuleContext): { uses: { m: Match; note: string }[]; unused: Definition[] } {
  const defs = productionMatches(ctx, 'subclass').filter((m) => !isCommentLine(m.snippet) && m.groups[0]);
  if (defs.length === 0) return { uses: [], unused: [] };
  const byName = new Map(defs.map((d) => [d.groups[0]!, d]));
  const uses: { m: Match; note: string }[] = [];
  const usedNames = new Set<string>();
  for (const m of productionMatches(ctx, 'breakerCall')) {
    const name = m.groups[0] ?? '';
    const def = byName.get(name);
    if (!def || isCommentLine(m.snippet) || isImportLine(m.snippet) || definedName(m.snippet) === name) continue;
    usedNames.add(name);
    uses.push({
      m,
      note: `applies ${name}, a subclass of the library's CircuitBreaker (${def.path}:${def.line})`,
    });
  }
  const unused = defs.filter((d) => !usedNames.has(d.groups[0]!)).map((d) => ({ def: d, name: d.groups[0]! }));
  return { uses, unused };
}
