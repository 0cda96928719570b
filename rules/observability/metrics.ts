import { javaAgents } from '../../src/facts/java-agents.js';
import { flowSettings, workflowPlatforms } from '../../src/facts/workflow-platforms.js';
import {
  defineRule,
  type Dependency,
  type Evidence,
  type FileView,
  type Match,
  type RuleContext,
} from '../../src/types.js';
import { lineAt } from '../../src/util/lines.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { METRICS_REQUEST_MIDDLEWARES } from '../../src/facts/catalogues.js';
import { namesMatcher } from '../../src/facts/frameworks.js';
import { codeMatches, firstPerFile, fromMatch, isImportLine, isProductionPath } from '../../src/facts/paths.js';
import { dependencyEvidence, npmDependenciesOf, setAside } from '../../src/facts/dependencies.js';
import { apmSdkOf, apmSdkPattern } from '../../src/facts/apm-sdks.js';
import { ACTUATOR_MOUNT, actuatorRoutes } from '../_shared/express-actuator.js';
import { ctrlRuntime } from '../security/_lib/ctrl-metrics-auth.js';

const CODE = ['**/*.{js,ts,mjs,cjs,jsx,tsx,py,go,java,kt,scala,groovy,cs,fs,vb,rb,php,rs,ex,exs,swift}'];

/** Dependencies that switch metrics on by auto-configuration alone: declaring them is the setup. */
const AUTO_CONFIGURED = [
  'io.micrometer:micrometer-registry-*',
  // Micronaut binds a registry it finds on the classpath and serves it (`/prometheus` with
  // micronaut-management), as Spring Boot does for micrometer-registry-* (blind round 46).
  'io.micronaut.micrometer:micronaut-micrometer-registry-*',
  // Ruby APM agents start with the app (Bundler.require + Railtie): declaring one configures it.
  'skylight',
  'scout_apm',
  'newrelic_rpm',
  'appsignal',
  'io.quarkus:quarkus-micrometer-registry-*',
  'io.quarkiverse.micrometer.registry:quarkus-micrometer-registry-*',
  // Micrometer bridged to OpenTelemetry: HTTP server, JVM and client metrics go out over OTLP with
  // no code (round 11, quarkus-super-heroes: "no code registers metrics" beside it).
  'io.quarkus:quarkus-micrometer-opentelemetry',
  'io.quarkus:quarkus-smallrye-metrics',
];

/**
 * Request-metrics middlewares over prom-client: mounting one (`app.use(prom({…}))`, whatever the
 * import is called) records every request and serves /metrics with the default process metrics,
 * so production code importing one is the setup (blind round 28: blues-stack server.ts:34,
 * `@isaacs/express-prometheus-middleware` with `collectDefaultMetrics: true`).
 */
const REQUEST_MIDDLEWARES = METRICS_REQUEST_MIDDLEWARES;

/**
 * The path in a list of paths to leave out of something (`LOG_REQUEST_HEADERS_SKIP_ENDPOINT =
 * ["/metrics", "/healthcheck"]`, `exclude_paths: [...]`): a route some other service or scraper
 * calls, not one this code registers (round 20: lemur's logging skip list).
 */
export function skipList(line: string): boolean {
  for (const m of line.matchAll(ASSIGNED_NAME)) if (SKIP_NAME.test(m[1]!)) return true;
  return false;
}

/**
 * A name assigned or appended to (`X =`, `"x":`, `x +=`, `x.append(`), captured once from where
 * it starts: two runs `[\w.]*` around the keyword made a long name cost cubic time.
 */
export const ASSIGNED_NAME = /(?<![\w.])([\w.]+)["']?\s*(?:[=:]|\+=|\.(?:add|append|push|extend)\s*\()/gi;
const SKIP_NAME = /skip|ignor|exclu|exempt|silenc|quiet|no_?log|unlogged/i;

/** The path is a string searched for in another (`s.find("/metrics")`, `"/metrics" in path`, `strings.Contains`). */
const SEARCHED =
  /(?:\.(?:find|rfind|index|indexOf|lastIndexOf|includes|contains|Contains|startswith|startsWith|StartsWith|endswith|endsWith|EndsWith|search|count)\s*\(\s*|\bstrings\.(?:Contains|HasPrefix|HasSuffix|Index)\s*\([^,()]*,\s*)r?["'`]\/(?:actuator\/)?(?:prometheus|metrics)\b|["'`]\/(?:actuator\/)?(?:prometheus|metrics)\/?["'`]\s+(?:not\s+)?in\s+(?!\(|\[)/;

/** Where a workflow platform's settings are written: compose files, its config, env files, chart values, images. */
const CONFIG_GLOBS = [
  '**/*compose*.{yml,yaml}',
  '**/*.cfg',
  '**/*.{yml,yaml}',
  '**/.env*',
  '**/*.env',
  '**/Dockerfile*',
];
/** Python manifests that name a package's extras. */
const MANIFEST_GLOBS = ['**/requirements*.{in,txt}', '**/pyproject.toml', '**/setup.{py,cfg}', '**/Pipfile'];

export default defineRule({
  meta: {
    id: 'metrics',
    title: 'The service exports metrics',
    failureTitle: 'No metrics exported',
    description:
      'Request rates, error rates, latencies and saturation are what alerts and capacity planning are built on; a service that exports no metrics is only noticed when users complain.',
    remediation:
      'Instrument the service with a metrics library (prom-client, prometheus_client or prometheus-fastapi-instrumentator, client_golang, Micrometer, prometheus-net, OpenTelemetry metrics) and expose a `/metrics` endpoint or push to your metrics backend.',
    severity: 'medium',
    effort: 'low',
    detection:
      'Code that sets metrics up: `collectDefaultMetrics()`, `promBundle(`, `Instrumentator().instrument(app)`, `make_asgi_app()`, `start_http_server(`, `promhttp.Handler()`, `promauto.New…`, framework request-metrics middlewares (`fiberprometheus.New(`, `echoprometheus`, `ginprometheus`/`ginprom.New(`, `prometheus.NewPrometheus(`, `django_prometheus`, `fastifyMetrics`), `MeterRegistry`, `UseHttpMetrics()`/`MapMetrics()`, OpenTelemetry meter providers and vendor distributions that export metrics (`useAzureMonitor(`, the Application Insights Node SDK `appInsights.setup(`, `configure_azure_monitor(`, `.WithMetrics(`, `Sdk.CreateMeterProviderBuilder()`, `.AddMeter(`, `new Meter(`), `Yabeda.configure`, `PrometheusBuilder`, Elixir Telemetry.Metrics reporters started as supervisor children (`{TelemetryMetricsStatsd, metrics: …}`, `TelemetryMetricsPrometheus`, CloudWatch, AppSignal, Riemann, `{Peep, …}`), PromEx, prometheus.ex (`use Prometheus.Metric`, `Prometheus.Metric.Counter`, `use Prometheus.PlugExporter`), a controller-runtime manager given a metrics server (`Metrics: metricsserver.Options{…}`, `MetricsBindAddress:` other than "0"; with the controller-runtime dependency), counters/histograms/gauges, metrics emitted through a client or a wrapper of one in the project (`statsd.incr("name")`, `metrics.timing(…)`), and a `/metrics` route (also Django `path("metrics/")`); Spring/Quarkus Micrometer registries by dependency (auto-configured) or Actuator exposure of `prometheus`/`metrics`. A metrics dependency (catalogue `metrics`) that no code uses earns partial credit, as does a published npm wrapper whose own dependencies in the lockfile are the OpenTelemetry metrics SDK or exporters or prom-client, imported and called in server code (0.6). A workflow platform the repository deploys (an image FROM apache/airflow, or apache-airflow beside a dags/ folder) passes with its metrics switched on ([metrics] statsd_on, AIRFLOW__METRICS__STATSD_ON in compose, config, env or chart files) and is partial (0.3) with only its StatsD extra installed (apache-airflow[statsd]).',
    patterns: {
      expressActuator: ACTUATOR_MOUNT,
      setup: {
        regex:
          /(\bcollectDefaultMetrics\s*\(|promBundle\s*\(|register\.metrics\s*\(|PrometheusModule\.register|new\s+(?:\w+\.)?(?:Counter|Histogram|Gauge|Summary)\s*\(\s*\{\s*$|new\s+(?:\w+\.)?(?:Counter|Histogram|Gauge|Summary)\s*\(\s*\{\s*name|new\s+StatsD\s*\(|new\s+MeterProvider\s*\(|\.getMeter\s*\(|\bget_meter\s*\(|Instrumentator\s*\(|make_asgi_app\s*\(|make_wsgi_app\s*\(|start_http_server\s*\(|PrometheusMiddleware|PrometheusMetrics\s*\(|django_prometheus|generate_latest\s*\(|(?:Counter|Histogram|Gauge|Summary)\s*\(\s*["'][a-z_:]+["']\s*,|statsd\.StatsClient\s*\(|\bDogStatsd\s*\(|initialize\s*\(\s*statsd|promhttp\.Handler(?:For)?\s*\(|promauto\.New|prometheus\.(?:MustRegister|NewRegistry|NewCounter|NewHistogram|NewGauge|NewSummary)|otel\.Meter\s*\(|metric\.NewMeterProvider|statsd\.New\s*\(|ginprometheus|echoprometheus|fiberprometheus\.New\w*\s*\(|ginprom\.New\s*\(|prometheus\.NewPrometheus\s*\(|\bfastifyMetrics\b|\bMeterRegistry\b|@Timed\b|@Counted\b|Counter\.builder\s*\(|Timer\.builder\s*\(|PrometheusMeterRegistry|UseHttpMetrics\s*\(|MapMetrics\s*\(|UseMetricServer\s*\(|Metrics\.Create(?:Counter|Histogram|Gauge|Summary)|AddPrometheusExporter\s*\(|UseOpenTelemetryPrometheusScrapingEndpoint|MapPrometheusScrapingEndpoint|\.WithMetrics\s*\(|\bCreateMeterProviderBuilder\s*\(|\.AddMeter\s*\(|\bSdkMeterProvider\b|IMeterFactory|new\s+Meter\s*\(|Prometheus::Client|Yabeda\.configure|PrometheusExporter::|StatsD\.(?:increment|measure|distribution)|CollectorRegistry|PrometheusBuilder|register_(?:int_)?(?:counter|histogram|gauge)(?:_vec)?!|metrics::(?:counter|histogram|gauge)!|PrometheusMetricLayer|PrometheusMetricsBuilder|TelemetryMetricsPrometheus|PromEx|\{[ \t]*(?:TelemetryMetricsStatsd|TelemetryMetricsCloudwatch|TelemetryMetricsAppsignal|TelemetryMetricsRiemann|Peep)\b|\bPrometheus\.Metric\.(?:Counter|Gauge|Histogram|Summary)\b|(?<![^\n])[ \t]*use[ \t]+Prometheus\.(?:Metric|PlugExporter|PlugPipelineInstrumenter|PhoenixInstrumenter|EctoInstrumenter)\b)/,
        files: CODE,
        literals: [
          'etrics',
          'rometheus',
          'Counter',
          'Histogram',
          'Gauge',
          'Summary',
          'StatsD',
          'statsd',
          'DogStatsd',
          'Meter',
          'get_meter',
          'promBundle',
          'promhttp',
          'promauto',
          'Instrumentator',
          'make_asgi_app',
          'make_wsgi_app',
          'start_http_server',
          'generate_latest',
          '@Timed',
          '@Counted',
          'Yabeda',
          'CollectorRegistry',
          'register_',
          'PromEx',
          'Peep',
          'Prometheus.',
          'ginprom',
          'fastifyMetrics',
        ],
        maxPerFile: 6,
      },
      // Caddy's `metrics` directive (a site block's handler, or `servers { metrics }` in the global
      // options) serves Prometheus metrics of every request it proxies or serves (blind round 49).
      caddy: {
        regex: /^[ \t]*(metrics)(?:[ \t]+[^\s{}#]{1,200})?[ \t]*\{?[ \t]*\r?$/m,
        files: ['**/Caddyfile', '**/Caddyfile.*', '**/*.caddyfile', '**/*.Caddyfile'],
        literals: ['metrics'],
        maxPerFile: 1,
      },
      // APM SDKs whose initialisation collects metrics (the shared SDK → signals table).
      apmSdk: apmSdkPattern('metrics'),
      route: {
        regex: /["'`](\/(?:actuator\/)?(?:prometheus|metrics))["'`]/,
        files: CODE,
        literals: ['/metrics', '/prometheus'],
        maxPerFile: 2,
      },
      bareRoute: {
        // Routes declared without a leading slash: Django `path("metrics/")`, Rails `get "metrics"`,
        // NestJS `@Controller('metrics')`, ASP.NET `[HttpGet("metrics")]`, Vapor/Hummingbird `app.get("metrics")`.
        regex:
          /(?:\b(?:re_)?path\(\s*r?["']\^?|\bget\s+["']|@Controller\(\s*["']|\[(?:HttpGet|Route)\(\s*"|\.get\(\s*")(metrics|prometheus)\/?\$?["']/,
        files: CODE,
        literals: ['metrics', 'prometheus'],
        maxPerFile: 2,
      },
      emit: {
        // Metrics emitted through a client or the project's own wrapper of one: `statsd.incr("x")`,
        // `metrics.timing(...)`, `$statsd->increment(...)` — a metrics receiver and a metric name.
        regex:
          /\b(?:statsd|statsD|StatsD|dogstatsd|statsd_client|statsdClient|stats|metrics|Metrics|metric|telemetry)(?:\.|->|::)(?:incr|increment|decr|decrement|timing|timer|gauge|histogram|distribution|timed|observe|inc|Inc|Increment|Gauge|Timing|Histogram)\s*\(\s*(?:f|r)?["'`][\w.:{}$-]+/,
        files: CODE,
        literals: ['statsd', 'statsD', 'StatsD', 'stats', 'etrics', 'metric', 'telemetry'],
        maxPerFile: 4,
      },
      actuator: {
        // Spring Actuator exposure of the metrics endpoints (`include: health,prometheus` or `*`).
        // The list after the blanks starts with a quote or a list character: blanks that `\s*`
        // and the list could share were quadratic.
        regex:
          /exposure\.include\s*[=:]\s*(?:["'][ \t\w,*-]*|[\w,*-][ \t\w,*-]*)?(?:prometheus|metrics|\*)|^[ \t]*include\s*:\s*(?:["'][ \t\w,*-]*|[\w,*-][ \t\w,*-]*)?(?:prometheus|metrics|\*)/m,
        files: ['**/application*.{yml,yaml,properties}', '**/bootstrap*.{yml,yaml,properties}'],
        literals: ['include'],
        maxPerFile: 1,
      },
      scrape: {
        // Kubernetes: a ServiceMonitor/PodMonitor or a scrape annotation points Prometheus at the service;
        // also a chart's values switching its ServiceMonitor on (`serviceMonitor:` / `create: true`,
        // blind round 24, afm-calculator helm/values-prod.yaml:31).
        regex:
          /prometheus\.io\/scrape["']?\s*:\s*["']?true|^kind:\s*(?:ServiceMonitor|PodMonitor)\b|^[ \t]*(?:serviceMonitor|podMonitor):[ \t]*\r?\n[ \t]+(?:create|enabled):[ \t]*true\b/m,
        files: ['**/*.{yml,yaml,tpl}'],
        literals: ['prometheus.io/scrape', 'ServiceMonitor', 'PodMonitor', 'serviceMonitor:', 'podMonitor:'],
        maxPerFile: 1,
      },
      // The OpenTelemetry Java agent attached at start (`-javaagent:…opentelemetry-javaagent.jar`)
      // exports JVM and HTTP metrics over OTLP by default, unless OTEL_METRICS_EXPORTER=none.
      otelAgent: {
        regex: /-javaagent:(?:(?!-javaagent:)\S)*opentelemetry/,
        files: [
          '**/Dockerfile',
          '**/Dockerfile.*',
          '**/*.dockerfile',
          '**/Containerfile',
          '**/Procfile',
          '**/*.{yml,yaml,tpl,sh}',
        ],
        literals: ['-javaagent'],
        maxPerFile: 1,
      },
      // controller-runtime's manager serves its built-in metrics (controller, workqueue, client-go
      // and process collectors) from the metrics server it is given (blind round 25, cluster-operator
      // cmd/main.go:154 `Metrics: server.Options{BindAddress: metricsAddr}`); credited beside the
      // controller-runtime dependency only. `MetricsBindAddress: "0"` switches it off.
      managerMetrics: {
        regex: /\bMetrics:[ \t]*\w+\.Options[ \t]*\{|\bMetricsBindAddress:[ \t]*(?!"0")[\w"]/,
        files: ['**/*.go'],
        literals: ['Metrics:', 'MetricsBindAddress:'],
        maxPerFile: 1,
      },
      metricsOff: {
        regex: /OTEL_METRICS_EXPORTER["']?\s*[:=]\s*["']?none\b|otel\.metrics\.exporter\s*[:=]\s*none\b/,
        files: ['**/Dockerfile', '**/Dockerfile.*', '**/*.{yml,yaml,tpl,sh,env,properties,toml}'],
        literals: ['OTEL_METRICS_EXPORTER', 'otel.metrics.exporter'],
        maxPerFile: 1,
      },
    },
  },
  appliesTo: ({ facts }) =>
    facts.profile.id === 'service'
      ? true
      : { reason: `profile is ${facts.profile.id}: metrics export is expected of services` },
  check(ctx) {
    const emitted = new Set(ctx.matches('emit').map((m) => `${m.path}:${m.line}`));
    const sdk = codeMatches(ctx.matches('apmSdk')).filter((m) => !isImportLine(m.snippet));
    const setup = [
      ...codeMatches([...ctx.matches('setup'), ...ctx.matches('emit')]).filter((m) => !isImportLine(m.snippet)),
      ...sdk,
    ];
    // A "/metrics" inside a log message or print is not a route, nor one a string is searched for
    // (a logging filter dropping access lines of the scraper: `msg.find("/metrics") == -1`).
    const routeMatches = codeMatches([...ctx.matches('route'), ...ctx.matches('bareRoute')]).filter(
      (m) =>
        !/\b(?:log|logger|console|print|println|printf|Print\w*|System\.out|warn|info|debug)\b\s*[.(]/i.test(
          m.snippet,
        ) &&
        !SEARCHED.test(m.snippet) &&
        !skipList(m.snippet),
    );
    // express-actuator serves /metrics: process memory and uptime as JSON, no application metrics.
    const served = actuatorRoutes(
      codeMatches(ctx.matches('expressActuator')),
      ctx.facts.findDependencies(['express-actuator']).length > 0,
      'metrics',
    );
    const servedBy = new Set(served.map((a) => a.match));
    const actuator = codeMatches(ctx.matches('actuator'));
    const scrape = codeMatches(ctx.matches('scrape'));
    const agent = ctx.matches('metricsOff').length > 0 ? [] : codeMatches(ctx.matches('otelAgent'));
    // Other JVM APM agents attached at start (Application Insights, Datadog, Elastic, New Relic, the
    // Prometheus JMX exporter) collect JVM and request metrics by themselves (blind round 30: the
    // agent credited for tracing was "no metrics library"). OpenTelemetry's is `agent` above.
    const apm = javaAgents(ctx.files).filter(
      (a) => a.metrics && !/OpenTelemetry/.test(a.name) && ctx.facts.componentOf(a.path) === 'server',
    );
    const exposure = [...actuator, ...scrape];
    const caddy = codeMatches(ctx.matches('caddy'));
    const manager = ctrlRuntime(ctx.facts) ? codeMatches(ctx.matches('managerMetrics')) : [];
    const deps = ctx.facts.findDependencies(ctx.catalogue('metrics'));
    // A route named "metrics" where nothing produces metrics (no metrics library, setup or emitting
    // code) and whose file shows no exposition format is a page of that name (blind round 28: a
    // community contributor-metrics HTML view, `re_path(r"^metrics$", views.metrics)`), set aside.
    // A vendor OpenTelemetry distribution (`useAzureMonitor(`) pushes its metrics to the vendor: it
    // serves no /metrics route, so a route of that name is still judged on its own file (round 38).
    // So does the Application Insights Node SDK (`appInsights.setup(…).start()`: request rates and
    // durations, dependency calls and process counters sent to Azure; blind round 42).
    // Every SDK of the shared table pushes to its vendor's backend.
    const pushOnly =
      setup.length > 0 &&
      setup.every((m) => sdk.includes(m)) &&
      manager.length === 0 &&
      agent.length === 0 &&
      deps.every((d) => /monitor-opentelemetry$/.test(d.name));
    const producesMetrics =
      !pushOnly && (setup.length > 0 || manager.length > 0 || deps.length > 0 || agent.length > 0);
    const pages = producesMetrics
      ? []
      : routeMatches.filter((m) => !EXPOSITION.test((ctx.files.read(m.path) ?? '').slice(0, 200_000)));
    const routes = [...routeMatches.filter((m) => !pages.includes(m)), ...served.map((a) => a.match)];
    const auto = deps.filter((d) => namesMatcher(AUTO_CONFIGURED)(d.name));
    const middleware = deps.filter(
      (d) => d.ecosystem === 'npm' && d.use === 'production' && namesMatcher(REQUEST_MIDDLEWARES)(d.name),
    );
    const libraries = [...new Set(deps.map((d) => d.name))].sort();
    const data = {
      libraries,
      codeFiles: new Set(setup.map((m) => m.path)).size,
      routes: [...new Set(routes.map((m) => slash(m.groups[0]!)))].sort(),
    };
    const evidence: Evidence[] = [
      ...firstPerFile(setup, 4).map((m) =>
        fromMatch(
          m,
          emitted.has(`${m.path}:${m.line}`)
            ? 'metrics emitted in code'
            : sdk.includes(m)
              ? `${apmSdkOf(m.groups[0] ?? '')?.name ?? 'APM'} SDK initialised: it collects request and runtime metrics`
              : 'metrics set up in code',
        ),
      ),
      ...manager
        .slice(0, 1)
        .map((m) =>
          fromMatch(
            m,
            "controller-runtime manager's metrics server: serves the controller, workqueue and client metrics on /metrics",
          ),
        ),
      ...firstPerFile(routes, 2).map((m) =>
        fromMatch(
          m,
          `metrics route ${slash(m.groups[0]!)}${servedBy.has(m) ? ' (served by express-actuator: process memory and uptime as JSON)' : ''}`,
        ),
      ),
      ...firstPerFile(actuator, 1).map((m) => fromMatch(m, 'Actuator metrics endpoint exposed')),
      ...firstPerFile(scrape, 2).map((m) => fromMatch(m, 'metrics scraped by Prometheus')),
      ...agent
        .slice(0, 1)
        .map((m) => fromMatch(m, 'OpenTelemetry Java agent: exports JVM and HTTP metrics over OTLP by default')),
      ...middleware.slice(0, 1).map((d) =>
        d.usedAt
          ? {
              ...d.usedAt,
              note: `request-metrics middleware ${d.name} imported: it records every request and serves /metrics`,
            }
          : dependencyEvidence(d, 'request-metrics middleware'),
      ),
      ...(auto.length > 0 ? auto : deps.filter((d) => !middleware.includes(d)))
        .slice(0, 3)
        .map((d) => dependencyEvidence(d, auto.includes(d) ? 'auto-configured metrics registry' : 'metrics library')),
    ];
    const found: string[] = [];
    if (setup.some((m) => !sdk.includes(m))) found.push('metrics instrumentation in code');
    const sdkNames = [...new Set(sdk.map((m) => apmSdkOf(m.groups[0] ?? '')?.name ?? 'APM'))];
    if (sdkNames.length > 0) found.push(`the ${listing(sdkNames)} SDK initialised (it collects request metrics)`);
    if (manager.length > 0) found.push("controller-runtime's metrics server");
    if (auto.length > 0) found.push(`auto-configured registry ${auto[0]!.name}`);
    if (middleware.length > 0) found.push(`request-metrics middleware ${middleware[0]!.name}`);
    if (routes.length > 0) found.push(`a ${slash(routes[0]!.groups[0]!)} route`);
    if (actuator.length > 0) found.push('the Actuator metrics endpoint exposed');
    if (scrape.length > 0) found.push('scrape configuration');
    if (agent.length > 0) found.push('the OpenTelemetry Java agent (metrics exported over OTLP)');
    if (caddy.length > 0) {
      found.push("Caddy's Prometheus metrics (the `metrics` directive)");
      evidence.push(
        ...caddy
          .slice(0, 1)
          .map((m) =>
            fromMatch(m, 'Caddy `metrics` directive: request counts and durations served in the Prometheus format'),
          ),
      );
    }
    if (apm.length > 0) {
      found.push(`the ${apm[0]!.name} (it collects JVM and request metrics)`);
      evidence.push(
        ...apm.slice(0, 2).flatMap((a) => [
          {
            path: a.path,
            line: a.line,
            snippet: a.snippet,
            note: `-javaagent attaches the ${a.name}: it collects metrics`,
          },
          ...(a.shippedAt ? [{ ...a.shippedAt, note: `the ${a.name} put into the image` }] : []),
        ]),
      );
    }
    if (
      setup.length > 0 ||
      manager.length > 0 ||
      auto.length > 0 ||
      middleware.length > 0 ||
      agent.length > 0 ||
      apm.length > 0 ||
      caddy.length > 0
    )
      return pass(`Metrics are exported: ${listing(found)}.`, evidence, data);
    if (routes.length > 0 || exposure.length > 0) {
      // A route that writes the exposition format itself (`# HELP x …` / `# TYPE x gauge` lines pushed
      // into the response): metrics exported by hand, without a library that records request counts
      // and latencies (blind round 40: such a route was "no code that registers metrics").
      const byHand = handExposition(ctx.files, routes);
      if (byHand) {
        found[found.indexOf(`a ${slash(routes[0]!.groups[0]!)} route`)] =
          `a ${slash(byHand.route)} route that writes the Prometheus exposition format by hand (${byHand.families} metric famil${byHand.families === 1 ? 'y' : 'ies'} declared with # TYPE)`;
        evidence.push({
          path: byHand.path,
          line: byHand.line,
          note: `# TYPE line: ${byHand.families} metric famil${byHand.families === 1 ? 'y' : 'ies'} written by hand`,
        });
        return partial(
          0.6,
          `Found ${listing(found)}, but no metrics library records request counts, latencies or errors.`,
          evidence,
          { ...data, handWritten: byHand.families },
        );
      }
      const missing =
        actuator.length > 0 && routes.length === 0 && scrape.length === 0
          ? 'no registry exports them to a metrics backend (e.g. micrometer-registry-prometheus)'
          : 'no code that registers metrics';
      return partial(0.6, `Found ${listing(found)}, but ${missing}.`, evidence, data);
    }
    if (deps.length > 0) {
      return partial(
        0.4,
        `${listing(libraries.slice(0, 3))} declared, but no code registers metrics or serves /metrics.`,
        [...evidence, { path: '.', note: `no metrics setup in ${ctx.searched('setup')} source files` }],
        data,
      );
    }
    // A published wrapper whose own dependencies (from the lockfile) are an OpenTelemetry metrics SDK or
    // exporter, or prom-client, imported and called in production code: metrics set up through the
    // wrapper, credited as an in-house wrapper is (blind round 36: @boxyhq/metrics).
    const wrapped = metricsWrapper(ctx);
    if (wrapped)
      return partial(
        0.6,
        `Metrics are recorded through ${wrapped.dep.name}, a wrapper of ${wrapped.wraps} (its dependencies in the lockfile), initialised at ${wrapped.at.path}:${wrapped.at.line}; which metrics it exports and where is configured inside the package.`,
        [
          { ...wrapped.at, note: `metrics via ${wrapped.dep.name} (called here)` },
          dependencyEvidence(wrapped.dep, `wraps ${wrapped.wraps}`),
        ],
        { ...data, wrapper: wrapped.dep.name },
      );
    // A workflow platform the repository deploys emits metrics of its own once switched on (Airflow's
    // StatsD or OpenTelemetry metrics: `[metrics] statsd_on`, AIRFLOW__METRICS__STATSD_ON): credited
    // when the setting is on here, partly when only the emitter's extra is installed.
    for (const p of workflowPlatforms(ctx.files, ctx.facts.dependencies)) {
      const m = p.spec.metrics;
      if (!m) continue;
      const on = flowSettings(ctx.files, m.enabled, CONFIG_GLOBS)[0];
      if (on)
        return pass(
          `Metrics are ${p.spec.name}'s own: its metrics emitter is switched on (${on.path}:${on.line}), so the scheduler, executor and tasks report their counters and timings.`,
          [{ ...on, note: `${p.spec.name} metrics on` }, p.evidence],
          { ...data, platform: p.spec.id },
        );
      const extra = flowSettings(ctx.files, m.extra, MANIFEST_GLOBS)[0];
      if (extra)
        return partial(
          0.3,
          `${p.spec.name}'s ${m.what} metrics are installed (${extra.path}:${extra.line}), but not switched on in this repository (no ${m.setting} found), so nothing is known to be emitted.`,
          [{ ...extra, note: `${m.what} extra installed` }, p.evidence],
          { ...data, platform: p.spec.id },
        );
    }
    return fail(
      `No metrics library, metrics code or /metrics route found.${pages.length > 0 ? ` Set aside: a route named ${slash(pages[0]!.groups[0]!)} (${pages[0]!.path}:${pages[0]!.line}) where nothing produces metrics: a page of that name, not a metrics endpoint.` : ''}`,
      [
        ...firstPerFile(pages, 2).map((m) =>
          fromMatch(
            m,
            'set aside: a route named metrics, but no metrics library or code here and no exposition format in this file: a page, not a metrics endpoint',
          ),
        ),
        {
          path: '.',
          note: `no metrics setup or /metrics route in ${ctx.searched('setup')} source files, no metrics library among ${ctx.facts.dependencies.filter((d) => d.direct).length} direct dependencies`,
        },
        ...setAside(ctx.facts, ctx.catalogue('metrics')),
      ],
      data,
    );
  },
});

/** Signs of the metrics exposition format or a library serving it, in a route's file. */
const EXPOSITION =
  /# (?:TYPE|HELP) |text\/plain; ?version=0\.0\.4|openmetrics|prometheus|generate_latest|\bexpvar\b|\bstatsd\b|micrometer|opentelemetry/i;

/** A `# TYPE <name> <type>` line written into a string: the exposition format built by hand. */
const TYPE_LINE = /["'`]# TYPE [A-Za-z_:][\w:]{0,200} (?:counter|gauge|histogram|summary|untyped)\b/g;

/**
 * The first metrics route whose file writes `# TYPE` lines in string literals: the number of metric
 * families it declares and the first such line. Files read once, at most 200,000 characters each.
 */
function handExposition(
  files: FileView,
  routes: readonly Match[],
): { route: string; path: string; line: number; families: number } | undefined {
  for (const r of routes.slice(0, 10)) {
    const text = (files.read(r.path) ?? '').slice(0, 200_000);
    const hits = [...text.matchAll(TYPE_LINE)].slice(0, 1000);
    if (hits.length === 0) continue;
    return { route: r.groups[0]!, path: r.path, line: lineAt(text, hits[0]!.index), families: hits.length };
  }
  return undefined;
}

function slash(route: string): string {
  return route.startsWith('/') ? route : `/${route}`;
}

/** What a metrics wrapper depends on: the OpenTelemetry metrics SDK or exporters, or prom-client. */
const WRAPPED_METRICS = /^(?:@opentelemetry\/(?:sdk-metrics|exporter-metrics-[\w-]+|exporter-prometheus)|prom-client)$/;

/**
 * A direct npm dependency, imported by production code, whose own lockfile dependencies are a
 * metrics SDK, and whose imported names that file calls (`initializeMetrics(…)`).
 */
function metricsWrapper(
  ctx: RuleContext,
): { dep: Dependency; wraps: string; at: Evidence & { line: number } } | undefined {
  for (const d of ctx.facts.dependencies) {
    if (d.ecosystem !== 'npm' || !d.direct || d.dev || d.use === 'none' || d.use === 'non-production') continue;
    const wraps = npmDependenciesOf(ctx.files, d.path, d.name).filter((n) => WRAPPED_METRICS.test(n));
    if (wraps.length === 0) continue;
    // Where production server code imports it (`import { initializeMetrics } from '@vendor/metrics'`).
    for (const path of ctx.facts.sourceFiles) {
      if (!/\.[cm]?[jt]sx?$/.test(path) || !isProductionPath(path) || ctx.facts.componentOf(path) === 'browser')
        continue;
      const text = ctx.files.read(path);
      if (!text || !(text.includes(`'${d.name}'`) || text.includes(`"${d.name}"`))) continue;
      const lines = ctx.files.lines(path);
      if (!lines) continue;
      let names: string[] = [];
      for (let n = 1; n <= Math.min(lines.count, 5000); n++) {
        const line = lines.bare(n);
        if (names.length === 0) {
          if (!line.includes(d.name) || !isImportLine(line)) continue;
          names = (/\{([^}]{1,300})\}/.exec(line)?.[1] ?? '')
            .split(',')
            .map((x) =>
              x
                .trim()
                .split(/\s+as\s+/)
                .pop()!
                .trim(),
            )
            .filter((x) => /^[A-Za-z_$][\w$]*$/.test(x) && !x.startsWith('type '));
          continue;
        }
        const hit = names.find((c) => line.includes(`${c}(`) && !/^\s*(?:\/\/|\*)/.test(line));
        if (hit) return { dep: d, wraps: wraps.join(', '), at: { path, line: n, snippet: line.trim().slice(0, 160) } };
      }
    }
  }
  return undefined;
}
