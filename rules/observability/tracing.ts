import { javaAgents } from '../../src/facts/java-agents.js';
import { defineRule, type Evidence, type Match, type RuleContext } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { namesMatcher } from '../../src/facts/frameworks.js';
import { codeMatches, firstPerFile, fromMatch, isImportLine, isProductionPath } from '../../src/facts/paths.js';
import { COMPONENT_NAMES, splitByComponent } from '../../src/facts/component.js';
import { dependencyEvidence, setAside } from '../../src/facts/dependencies.js';
import { apmSdkOf, apmSdkPattern } from '../../src/facts/apm-sdks.js';
import { platformApps } from '../../src/facts/platform-apps.js';
import { K8S_DIGEST } from '../../src/facts/k8s.js';
import { TF_DIGEST } from '../../src/facts/terraform.js';

const CODE = ['**/*.{js,ts,mjs,cjs,jsx,tsx,py,go,java,kt,scala,groovy,cs,fs,vb,rb,php,rs,ex,exs}'];
const RUNTIME = [
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/*.dockerfile',
  '**/Containerfile',
  '**/Procfile',
  '**/package.json',
  '**/*.{yml,yaml,tpl,sh,env,properties}',
];

/** Dependencies that start tracing by auto-configuration alone (Spring Boot, Quarkus). */
const AUTO_CONFIGURED = [
  'io.micrometer:micrometer-tracing-bridge-*',
  'org.springframework.cloud:spring-cloud-starter-sleuth',
  'org.springframework.cloud:spring-cloud-starter-zipkin',
  'org.springframework.boot:spring-boot-starter-zipkin',
  'org.springframework.boot:spring-boot-starter-opentelemetry',
  'org.springframework.boot:spring-boot-micrometer-tracing*',
  'io.quarkus:quarkus-opentelemetry',
  'io.opentelemetry.instrumentation:opentelemetry-spring-boot-starter',
  'io.opentelemetry:opentelemetry-spring-boot-starter',
];

export default defineRule({
  meta: {
    id: 'tracing',
    title: 'Requests are traced',
    failureTitle: 'No distributed tracing',
    description:
      'Distributed traces show where a slow or failing request spent its time across services and dependencies; without them, latency and cascading failures are diagnosed by guesswork across separate logs.',
    remediation:
      'Initialise an OpenTelemetry SDK (or dd-trace, Elastic APM, AWS X-Ray) at start-up with automatic instrumentation of the HTTP server and clients, and export spans to a collector.',
    severity: 'medium',
    effort: 'medium',
    detection:
      "Code that initialises a tracer: `new NodeSDK(`, `registerInstrumentations(`, `TracerProvider(`, `FastAPIInstrumentor`, `sdktrace.NewTracerProvider`, `otelhttp.NewHandler`, `.WithTracing(`, `OpenTelemetry::SDK.configure`, `tracing_opentelemetry`, `dd-trace` `.init()`, `elastic-apm-node` `.start()`, `xray_recorder`, vendor OpenTelemetry distributions (`useAzureMonitor(`, `configure_azure_monitor(`, `new HoneycombSDK(`, Application Insights `appInsights.setup(`); Sentry performance tracing (`tracesSampleRate`/`traces_sample_rate` above 0, Java `setTracesSampleRate(`, `setEnableTracing(true)`); auto-instrumentation launchers (`opentelemetry-instrument`, `ddtrace-run`, `-javaagent:…opentelemetry-javaagent`, `--require @opentelemetry/auto-instrumentations-node/register` or the AWS Distro's `…-node-autoinstrumentation/register`, the operator's `instrumentation.opentelemetry.io/inject-*` annotation, a platform application manifest that has the platform inject the agent: NAIS `observability.autoInstrumentation.enabled`); Micrometer Tracing/Sleuth by dependency. An APM agent shipped into a Dockerfile without its `-javaagent:` flag (`applicationinsights-agent*.jar` or `applicationinsights.json` copied in) earns partial credit. A tracing dependency (catalogue `tracing`) that no code starts earns partial credit, as do request spans recorded by Rust's `tracing` middleware (tracing-actix-web `TracingLogger`, tower-http `TraceLayer::new_for_http`) with no OpenTelemetry layer or exporter; so does an in-house wrapper package (a direct npm dependency named for telemetry, otel or tracing, not a framework's usage-telemetry package) imported and initialised in the service's code.",
    patterns: {
      // An import of a package named for telemetry or tracing (`@acme/platform-telemetry`,
      // `acme-otel`, `company_tracing`): an in-house wrapper of an OpenTelemetry SDK, credited in
      // check() where it is a direct dependency and the file initialises it (blind round 33).
      wrapperImport: {
        regex:
          /(?:\bfrom|\bimport|\brequire\()\s*['"]((?:@[\w.-]{1,60}\/)?[\w.-]{0,60}?(?:telemetry|otel|tracing|tracer)[\w./-]{0,60})['"]/i,
        files: ['**/*.{js,ts,mjs,cjs}'],
        literals: ['telemetry', 'otel', 'tracing', 'tracer'],
        ignoreCase: true,
        maxPerFile: 2,
      },
      setup: {
        regex:
          /(new\s+NodeSDK\s*\(|registerInstrumentations\s*\(|new\s+HoneycombSDK\s*\(|new\s+(?:Node|Web|Basic)TracerProvider\s*\(|registerOTel\s*\(|require\(\s*["']dd-trace["']\s*\)\s*\.init|\btracer\.init\s*\(|require\(\s*["']elastic-apm-node["']\s*\)\.start|\bapm\.start\s*\(|AWSXRay\.capture|require\(\s*["']newrelic["']\s*\)|import\s+["']newrelic["']|import\s+["']dd-trace\/init["']|\bTracerProvider\s*\(|Instrumentor\s*\(\s*\)\s*\.instrument|\.instrument_app\s*\(|\bpatch_all\s*\(|xray_recorder\.configure|XRayMiddleware|ElasticAPM\s*\(|logfire\.configure\s*\(|sdktrace\.NewTracerProvider|otel\.SetTracerProvider|otelhttp\.New(?:Handler|Transport)|otelgin\.Middleware|otelecho\.Middleware|otelmux\.Middleware|otelgrpc\.New|tracer\.Start\s*\(\s*(?:tracer\.With|$|\))|opentracing\.SetGlobalTracer|OpenTelemetrySdk\.builder|AutoConfiguredOpenTelemetrySdk|GlobalOpenTelemetry\.(?:get|set)|@WithSpan\b|\.WithTracing\s*\(|AddOpenTelemetryTracing\s*\(|Sdk\.CreateTracerProviderBuilder|AddXRay|UseAllElasticApm|AddAllElasticApm|OpenTelemetry::SDK\.configure|Datadog\.configure|ElasticAPM\.start|Sdk::builder\s*\(\)|TracerProviderFactory|tracing_opentelemetry::(?:layer|OpenTelemetryLayer)|opentelemetry_otlp::|opentelemetry_jaeger::|SdkTracerProvider::builder|OpentelemetryPhoenix\.setup|\buse\s+Appsignal\.(?:Phoenix|Plug)\b)/,
        files: CODE,
        literals: [
          'NodeSDK',
          'Instrumentations',
          'HoneycombSDK',
          'TracerProvider',
          'registerOTel',
          'dd-trace',
          'tracer.init',
          'elastic-apm',
          'apm.start',
          'AWSXRay',
          'newrelic',
          'Instrumentor',
          'instrument_app',
          'patch_all',
          'xray',
          'XRay',
          'ElasticAPM',
          'logfire',
          'otel',
          'tracer.Start',
          'opentracing',
          'Appsignal.',
          'OpenTelemetry',
          '@WithSpan',
          'WithTracing',
          'ElasticApm',
          'Datadog.configure',
          'Sdk::builder',
          'opentelemetry',
          'Opentelemetry',
        ],
        maxPerFile: 6,
      },
      // APM SDKs whose initialisation traces requests and dependency calls (the shared SDK → signals table).
      apmSdk: apmSdkPattern('tracing'),
      vendor: {
        // `patch_all()` is a name several libraries share: ddtrace's and the X-Ray SDK's patch
        // their clients for tracing, gevent's `monkey.patch_all()` makes them cooperative. A bare
        // `patch_all(` is tracing only in a file that names the tracing library.
        regex: /(\bddtrace\b|\baws_xray_sdk\b)/,
        files: ['**/*.py'],
        literals: ['ddtrace', 'aws_xray_sdk'],
        maxPerFile: 1,
      },
      api: {
        // Spans created through the OpenTelemetry API: instrumented, but the SDK may be started outside the repository.
        regex:
          /(\bget_tracer\s*\(|\.getTracer\s*\(|\botel\.Tracer\s*\(|\.start_as_current_span\s*\(|\.startActiveSpan\s*\(|new\s+ActivitySource\s*\(|\.StartActivity\s*\()/,
        files: CODE,
        literals: [
          'get_tracer',
          'getTracer',
          'otel.Tracer',
          'start_as_current_span',
          'startActiveSpan',
          'ActivitySource',
          'StartActivity',
        ],
        maxPerFile: 1,
      },
      // Request spans recorded by a middleware of Rust's `tracing` family (tracing-actix-web's
      // `TracingLogger`, tower-http's `TraceLayer`): every request gets a span with its route and
      // timing, but without an OpenTelemetry layer they reach the logs only — partial (blind round 43).
      requestSpans: {
        regex: /(\bTracingLogger(?:::(?:default|new)\b|\s*<)|\bTraceLayer::new_for_(?:http|grpc)\s*\()/,
        files: ['**/*.rs'],
        literals: ['TracingLogger', 'TraceLayer::new_for_'],
        maxPerFile: 1,
      },
      sentry: {
        // Sentry performance monitoring records transactions and propagates trace headers: tracing by another name.
        regex:
          /(enable_tracing\s*=\s*[Tt]rue|traces_sample_rate\s*=(?!\s*0(?:\.0+)?\s*[,)\n])|tracesSampleRate\s*:(?!\s*0(?:\.0+)?\s*[,}\n])|TracesSampleRate\s*=(?!\s*0(?:\.0+)?\s*[,;\n])|\bsetTracesSampleRate\s*\((?!\s*0(?:\.0+)?[dDfF]?\s*\))|\bsetEnableTracing\s*\(\s*true\b|\bsetTracesSampler\s*\(|\btraces_sampler\s*=(?!=)|\btracesSampler\s*:|\btracesSampler\s*\([\w\s,]*\)\s*\{|\bTracesSampler\s*=(?!=))/,
        files: CODE,
        // A sampler function (`config.traces_sampler = lambda …`, a `tracesSampler(ctx) { … }` method) decides a rate per transaction: tracing on (round 13).
        literals: ['enable_tracing', 'traces_sample', 'tracesSample', 'TracesSample', 'setEnableTracing'],
        maxPerFile: 1,
      },
      // An APM agent shipped into the image without its -javaagent flag in the repository: the Azure
      // Application Insights Java agent's jar or its applicationinsights.json (read only by the agent)
      // copied in; the base image or JAVA_TOOL_OPTIONS attaches it.
      agentShipped: {
        regex: /\b(applicationinsights(?:-agent\b|\.json\b))/i,
        files: ['**/Dockerfile', '**/Dockerfile.*', '**/*.dockerfile', '**/Containerfile'],
        literals: ['applicationinsights'],
        maxPerFile: 3,
      },
      launcher: {
        // Auto-instrumentation started from the outside: agents, wrappers and the OTel operator.
        // An agent path stops at the next `-javaagent:` (linear on a line of many).
        regex:
          /(opentelemetry-instrument\b|ddtrace-run\b|-javaagent:(?:(?!-javaagent:)\S)*(?:opentelemetry|dd-java-agent|elastic-apm-agent|newrelic|applicationinsights-agent)|(?:-r|--require|--import)[= ]+['"]?(?:@opentelemetry\/auto-instrumentations-node|@aws\/aws-distro-opentelemetry-node-autoinstrumentation)\/register|(?:-r|--require|--import)[= ]+['"]?dd-trace\/init|instrumentation\.opentelemetry\.io\/inject-\w+["']?\s*:\s*["']?(?!false)\S)/,
        files: RUNTIME,
        literals: [
          'opentelemetry-instrument',
          'ddtrace-run',
          '-javaagent',
          'auto-instrumentations-node/register',
          'aws-distro-opentelemetry-node-autoinstrumentation/register',
          'dd-trace/init',
          'instrumentation.opentelemetry.io/inject',
        ],
        maxPerFile: 2,
      },
    },
    digests: [K8S_DIGEST, TF_DIGEST],
  },
  appliesTo: ({ facts }) =>
    facts.profile.id === 'service'
      ? true
      : { reason: `profile is ${facts.profile.id}: request tracing is expected of services` },
  check(ctx) {
    // Tracing set up in the page, a desktop shell or a build script (a browser Sentry
    // `tracesSampleRate`, @opentelemetry/sdk-trace-web) traces that component, not the service's
    // requests: it is shown, never credited (src/facts/component.ts).
    const own = <T extends { path: string }>(items: readonly T[]) => splitByComponent(ctx.facts.componentOf, items);
    const tracingLibraryFiles = new Set(ctx.matches('vendor').map((m) => m.path));
    const setupAll = own(
      codeMatches(ctx.matches('setup')).filter(
        (m) =>
          // Elixir's `use Appsignal.Phoenix` is a macro that wires the instrumentation, not an import.
          (!isImportLine(m.snippet) || /^\s*use\s+Appsignal\./.test(m.snippet)) &&
          (!/\bpatch_all\s*\(/.test(m.snippet) ||
            (tracingLibraryFiles.has(m.path) && !/\bmonkey\.patch_all\b/.test(m.snippet))),
      ),
    );
    const sdkMatches = codeMatches(ctx.matches('apmSdk')).filter((m) => !isImportLine(m.snippet));
    const sdkAll = own(sdkMatches);
    setupAll.server.push(...sdkAll.server);
    setupAll.elsewhere.push(...sdkAll.elsewhere);
    const launcherAll = own(codeMatches(ctx.matches('launcher')));
    const sentryAll = own(codeMatches(ctx.matches('sentry')));
    const apiAll = own(codeMatches(ctx.matches('api')));
    const depsAll = own(ctx.facts.findDependencies(ctx.catalogue('tracing')));
    const setup = setupAll.server;
    const launcher = launcherAll.server;
    // The platform injects the OpenTelemetry agent into the pods a manifest here declares (NAIS
    // autoInstrumentation): an auto-instrumentation launcher the repository configures.
    const injected = platformApps(ctx.files).filter((a) => a.tracing);
    const sentry = sentryAll.server;
    const api = apiAll.server;
    const deps = depsAll.server;
    const otherSites = [...setupAll.elsewhere, ...sentryAll.elsewhere, ...launcherAll.elsewhere];
    const elsewhere: Evidence[] = [
      ...firstPerFile(otherSites, 2).map((m) =>
        fromMatch(
          m,
          `tracing in the ${COMPONENT_NAMES[ctx.facts.componentOf(m.path)]}: traces that component, not the service`,
        ),
      ),
      ...(otherSites.length
        ? []
        : depsAll.elsewhere
            .slice(0, 1)
            .map((d) =>
              dependencyEvidence(
                d,
                `tracing library of the ${COMPONENT_NAMES[ctx.facts.componentOf(d.path)]}, not the service`,
              ),
            )),
    ];
    const elsewhereNote =
      otherSites.length || depsAll.elsewhere.length
        ? ` Tracing set up outside the service (${listing([...new Set([...otherSites, ...depsAll.elsewhere].map((x) => COMPONENT_NAMES[ctx.facts.componentOf(x.path)]))])}) does not trace its requests.`
        : '';
    const auto = deps.filter((d) => namesMatcher(AUTO_CONFIGURED)(d.name));
    const libraries = [...new Set(deps.map((d) => d.name))].sort();
    const data = {
      libraries,
      codeFiles: new Set(setup.map((m) => m.path)).size,
      launchers: launcher.length + injected.length,
    };
    const evidence: Evidence[] = [
      ...firstPerFile(setup, 4).map((m) =>
        fromMatch(
          m,
          sdkMatches.includes(m)
            ? `${apmSdkOf(m.groups[0] ?? '')?.name ?? 'APM'} SDK initialised: it traces requests and dependency calls`
            : 'tracer initialised in code',
        ),
      ),
      ...firstPerFile(launcher, 2).map((m) => fromMatch(m, 'auto-instrumentation launcher')),
      ...injected.slice(0, 2).map((a) => ({
        path: a.path,
        line: a.tracing!.line,
        note: `${a.system} ${a.workload.kind} ${a.name}: the platform injects the OpenTelemetry agent (autoInstrumentation${a.tracing!.runtime ? `, runtime ${a.tracing!.runtime}` : ''})`,
      })),
      ...firstPerFile(sentry, 2).map((m) => fromMatch(m, 'Sentry performance tracing')),
      ...(auto.length > 0 ? auto : deps)
        .slice(0, 3)
        .map((d) => dependencyEvidence(d, auto.includes(d) ? 'auto-configured tracing' : 'tracing library')),
      ...elsewhere,
    ];
    const found: string[] = [];
    if (setup.some((m) => !sdkAll.server.includes(m))) found.push('tracer set-up in code');
    const sdkNames = [...new Set(sdkAll.server.map((m) => apmSdkOf(m.groups[0] ?? '')?.name ?? 'APM'))];
    if (sdkNames.length > 0) found.push(`the ${listing(sdkNames)} SDK initialised (it traces requests)`);
    if (launcher.length > 0) found.push('an auto-instrumentation launcher');
    if (injected.length > 0) found.push(`auto-instrumentation injected by the platform (${injected[0]!.system})`);
    if (auto.length > 0) found.push(`auto-configured ${auto[0]!.name}`);
    if (sentry.length > 0) found.push('Sentry performance tracing');
    // A JVM APM agent attached by a -javaagent flag in any form (exec-form ENTRYPOINT, JAVA_TOOL_OPTIONS
    // in an env block), named by its path or by the line that ships it (`COPY applicationinsights-agent*.jar
    // ./agent.jar` then `-javaagent:agent.jar`; blind round 30).
    const agents = own(javaAgents(ctx.files).filter((a) => a.tracing)).server.filter(
      (a) => !launcher.some((m) => m.path === a.path && m.line === a.line),
    );
    if (agents.length > 0) {
      found.push(`the ${agents[0]!.name} attached at start`);
      evidence.push(
        ...agents
          .slice(0, 2)
          .flatMap((a) => [
            { path: a.path, line: a.line, snippet: a.snippet, note: `-javaagent attaches the ${a.name}` },
            ...(a.shippedAt ? [{ ...a.shippedAt, note: `the ${a.name} put into the image` }] : []),
          ]),
      );
    }
    if (found.length > 0) return pass(`Requests are traced: ${listing(found)}.`, evidence, data);
    // Only a line that puts it into the image (COPY, ADD, a RUN that downloads it).
    const shipped = own(codeMatches(ctx.matches('agentShipped'))).server.filter((m) =>
      /^\s*(?:COPY|ADD|RUN)\b/i.test(m.snippet),
    );
    if (shipped.length > 0) {
      return partial(
        0.7,
        'The Azure Application Insights Java agent (it traces requests and dependencies) is shipped into the image, but no `-javaagent:` flag in the repository attaches it: the base image or JAVA_TOOL_OPTIONS must.',
        [
          ...firstPerFile(shipped, 2).map((m) =>
            fromMatch(
              m,
              /\.json$/i.test(m.groups[0] ?? '')
                ? 'Application Insights agent configuration copied into the image'
                : 'Application Insights agent jar in the image',
            ),
          ),
          ...evidence,
        ],
        data,
      );
    }
    if (api.length > 0) {
      // `tracer.startActiveSpan(` is OpenTelemetry's API only where OpenTelemetry (or .NET's
      // System.Diagnostics ActivitySource) is imported or declared; otherwise it is the project's
      // own tracer class (an audit trail's ApolloAuditTracer-like type), named as such.
      const OTEL = /opentelemetry|System\.Diagnostics|ActivitySource|\bget_tracer\b/i;
      const otel = api.filter((m) => OTEL.test(ctx.files.read(m.path) ?? ''));
      if (otel.length === 0 && deps.length === 0) {
        const own = api
          .map((m) => /\b([A-Z]\w*Tracer)\b/.exec(ctx.files.read(m.path) ?? '')?.[1])
          .find((n): n is string => !!n);
        return partial(
          0.4,
          `Spans are created through the project's own tracer${own ? ` (${own})` : ''}, not OpenTelemetry: no OpenTelemetry import or dependency, and nothing exports the spans to a tracing backend.`,
          [
            ...firstPerFile(api, 3).map((m) =>
              fromMatch(m, `spans of the project's own tracer${own ? ` ${own}` : ''} (no OpenTelemetry import)`),
            ),
            ...evidence,
          ],
          data,
        );
      }
      return partial(
        0.7,
        `Spans are created with the OpenTelemetry API, but nothing in the repository starts an SDK or exporter (no SDK set-up, agent or \`opentelemetry-instrument\` launcher).${elsewhereNote}`,
        [
          ...firstPerFile(otel.length ? otel : api, 3).map((m) => fromMatch(m, 'spans created via the tracing API')),
          ...evidence,
        ],
        data,
      );
    }
    const spans = own(codeMatches(ctx.matches('requestSpans'))).server;
    if (spans.length > 0) {
      const by = [
        ...new Set(spans.map((m) => (/TracingLogger/.test(m.snippet) ? 'tracing-actix-web' : 'tower-http TraceLayer'))),
      ];
      return partial(
        0.4,
        `Each request gets a span (${listing(by)}), but no OpenTelemetry layer or exporter sends the spans to a tracing backend: they reach the logs only, and no trace context crosses to other services.${elsewhereNote}`,
        [
          ...firstPerFile(spans, 2).map((m) => fromMatch(m, 'request spans recorded (no exporter)')),
          ...evidence,
          {
            path: '.',
            note: `no tracer initialisation or exporter in ${ctx.searched('setup')} source files and no auto-instrumentation launcher`,
          },
        ],
        data,
      );
    }
    if (deps.length > 0) {
      return partial(
        0.4,
        `${listing(libraries.slice(0, 3))} declared, but no code or launcher starts a tracer.${elsewhereNote}`,
        [
          ...evidence,
          {
            path: '.',
            note: `no tracer initialisation in ${ctx.searched('setup')} source files and no auto-instrumentation launcher in ${ctx.searched('launcher')} runtime files`,
          },
        ],
        data,
      );
    }
    // An in-house wrapper package (a direct dependency named for telemetry or tracing) imported and
    // initialised in the service's code: its SDK set-up lives in the package, not here (partial).
    const wrapper = wrapperInit(ctx, depsAll.server.length === 0);
    if (wrapper) {
      return partial(
        0.6,
        `Tracing is set up through ${wrapper.name}, a telemetry wrapper package initialised in the service's code; which spans it records and where it exports them is configured inside the package.`,
        [fromMatch(wrapper.at, `tracing via ${wrapper.name} (initialised here)`), ...evidence],
        { ...data, wrapper: wrapper.name },
      );
    }
    return fail(
      elsewhereNote
        ? `No tracing library or tracer initialisation found in the service's code.${elsewhereNote}`
        : 'No tracing library or tracer initialisation found.',
      [
        ...elsewhere,
        {
          path: '.',
          note: `no tracer initialisation in ${ctx.searched('setup')} source files, no auto-instrumentation launcher, no tracing library among ${ctx.facts.dependencies.filter((d) => d.direct).length} direct dependencies`,
        },
        ...setAside(ctx.facts, ctx.catalogue('tracing')),
      ],
      data,
    );
  },
});

/**
 * Usage-telemetry packages of frameworks and tools (they report how a CLI is used, they trace no
 * request) and Rust's `tracing` family (structured logging, not distributed tracing, unless it names
 * OpenTelemetry).
 */
const NOT_A_WRAPPER =
  /^(?:@(?:nuxt|astrojs|storybook|next|vercel|expo|angular|nestjs|prisma|redocly|sveltejs|remix-run|docusaurus|gatsbyjs|turbo|nx|sentry)\/|(?:gatsby|next|nuxt|turbo|nx|prisma)-telemetry$)|^@opentelemetry\//;

/** A file calls something that starts or configures a package (`initialiseTelemetry(`, `otel.start(`). */
const INIT_CALL = /(?:[Ii]nit|[Ss]tart|[Ss]etup|[Rr]egister|[Cc]onfigure|[Bb]oot)\w{0,40}\s{0,4}\(/;

function wrapperInit(ctx: RuleContext, noCatalogued: boolean): { name: string; at: Match } | null {
  if (!noCatalogued) return null;
  const direct = new Set(
    ctx.facts.dependencies.filter((d) => d.direct !== false && !d.dev && d.ecosystem === 'npm').map((d) => d.name),
  );
  for (const m of ctx.matches('wrapperImport')) {
    const spec = m.groups[0] ?? '';
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    if (!direct.has(name) || NOT_A_WRAPPER.test(name)) continue;
    if (!isProductionPath(m.path) || ctx.facts.componentOf(m.path) !== 'server') continue;
    if (!INIT_CALL.test(ctx.files.read(m.path) ?? '')) continue;
    return { name, at: m };
  }
  return null;
}
