import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { serverCodeMatches } from '../../src/facts/component.js';
import {
  APPSETTINGS,
  firstPerFile,
  fromMatch,
  isProductionPath,
  isTestPath,
  otherEnvironmentConfig,
} from '../../src/facts/paths.js';
import { resourcesOf, terraform } from '../../src/facts/terraform.js';
import { dependencyEvidence, npmDependenciesOf, pythonDependenciesOf, setAside } from '../../src/facts/dependencies.js';
import { devOnlyBranch } from '../../src/facts/dev-branch.js';
import type { Dependency, FileView, Lines, Match, RuleContext } from '../../src/types.js';
import { ctrlRuntime } from '../security/_lib/ctrl-metrics-auth.js';
import { APPENDER_TYPE_PATTERN, JSON_APPENDER, logAppenders } from '../_shared/log-appenders.js';

/** A log call or a context binding that takes fields (`logger.With(`, `bind_contextvars(`, `Fields{`). */
// `log(`, `logf(`, `logger(`, `logInfo(`… — not any method whose name starts with "log" (`logListToDTOList(`).
const LOG_CALL = String.raw`(?:\blog(?:ger|ging|f|Info|Error|Warn(?:ing)?|Debug|Trace|Fatal|Message|Event|With)?|logger|zap\.\w+|slog\.\w+|WithFields?|Fields|bind(?:_contextvars)?|extra|\.With|\.Str|set_tag|withContext|shareContext|Context::(?:add|push))\s*[({]`;
const ID = '(?:request|correlation|trace)_?id';
/**
 * Request/correlation id signals but the bare word `correlation_id` (which needs the line to reach a logger, CORRELATION_FIELD).
 * An id after a log call counts only inside that call: the gap stops at a `)` that ends a line, so
 * `console.log(err.stack)` ⏎ `spark.write({ requestId: msg.requestId })` — a protocol payload field
 * (blind round 35, Signal K access requests) — is no id on a log line.
 */
const ID_SIGNALS = String.raw`x-request-?id|x-correlation-?id|${LOG_CALL}(?:(?!${LOG_CALL}|${ID}|\)[ \t;]*\r?\n)[\s\S]){0,160}${ID}|WithValue\s*\((?:(?!WithValue\s*\()[^\n])*(?:request|correlation)_?id|middleware\.RequestID|\bRequestID\(\)|requestid\.New|RequestIdMiddleware|genReqId|asgi_correlation_id|CorrelationIdMiddleware|TracingLogger|UseCorrelationId|HeaderPropagation|MDC\.put\s*\(\s*(?:["'][^"'\n]*(?:request|correlation|trace|span)[-_.]?id|\w*(?:REQUEST|CORRELATION|TRACE)_?ID)|LogContext\.PushProperty|log_tags\s*=\s*\[\s*:request_id|metadata:\s*\[(?:(?!metadata:)[^\]])*:request_id|Plug\.RequestId|express-request-id|cls-rtracer|django_structlog\.middlewares\.RequestMiddleware|django_guid\.middleware|\bcallIdMdc\s*\(|\brequestId(?:Header|LogLabel)\s*:|@opentelemetry\/instrumentation-(?:pino|winston|bunyan)\b|\b(?:Pino|Winston|Bunyan)Instrumentation\s*\(|\b(?:req|request)\.log\.(?:info|warn|error|debug|trace|fatal|child)\s*\(|\brequest_id:\s*request\.(?:uuid|request_id)\b|\[:request_id\]\s*=\s*request\.(?:uuid|request_id)\b`;
/**
 * A correlation id read from or written to an object's getter or setter (`response.getCorrelationID()`,
 * `msg.setCorrelationId(…)`) or a response's or message's field (`reply.correlation_id`): an API's or a
 * message's property, not logging context, unless the same line hands it to a logger (round 15: a
 * PayPal response's correlation id). `req.correlationId = uuid()` in a middleware still counts.
 */
const CORRELATION_FIELD =
  /\b(?:get|set)correlation_?id\s*\(|\b\w*(?:response|reply|result|message|msg)\s*\.\s*correlation_?id\b/i;
const CODE = ['**/*.{js,ts,mjs,cjs,jsx,tsx,py,go,java,kt,scala,groovy,cs,fs,vb,rb,php,rs,ex,exs}'];
const CONFIG = [
  '**/logback*.xml',
  '**/log4j2*.{xml,json,yml,yaml,properties}',
  '**/nlog.config',
  '**/NLog.config',
  '**/application*.{yml,yaml,properties}',
  ...APPSETTINGS,
  '**/logging*.{yml,yaml,ini,conf,json}',
  '**/config/logging.php',
];

/**
 * A "formatter" that builds markup renders log data for a web page (an audit-log view escaping
 * JSON into an HTML attribute), not the service's log output (round 16).
 */
const MARKUP =
  /\bhtmlspecialchars\s*\(|\bhtmlentities\s*\(|\bescapeHtml\s*\(|\bhtml_escape\s*\(|\bmark_safe\s*\(|\.innerHTML\b|['"`]<(?:div|span|pre|code|table|tr|td|br|ul|li|p|i|b)\b/;

/**
 * A Monolog handler whose formatter is the JSON (or Logstash) service, in Symfony's bundle config:
 * production's when it sits in config/packages/prod/ or under `when@prod:` (not dev or test).
 */
const MONOLOG_JSON = /^[ \t]+formatter:[ \t]*['"]?monolog\.formatter\.(?:json|logstash)\b/;
function monologForProduction(path: string, line: number, lines: Lines | undefined): boolean {
  if (/(?:^|\/)packages\/(?:dev|test)\//.test(path)) return false;
  for (let n = Math.min(line - 1, lines?.count ?? 0); n >= 1; n--) {
    const l = lines!.line(n);
    const env = /^when@(\w+):/.exec(l);
    if (env) return !/^(?:dev|test)$/.test(env[1]!);
    if (/^\S/.test(l)) return true;
  }
  return true;
}

/** Logback and Log4j2 configuration files, where a layout's pattern is written. */
const LOG_LAYOUT_FILES = [
  '**/logback*.xml',
  '**/log4j2*.{xml,properties,yaml,yml,json}',
  '**/application*.{properties,yml,yaml}',
];
/** An MDC key in a log pattern named for a request, trace, span or correlation id. */
const MDC_LAYOUT_ID =
  /(?:%X\{|%mdc\{|%MDC\{|\$\{ctx:)\s*((?:[\w.-]*[-_.])?(?:trace|span|request|correlation|call|transaction|req)[-_.]?id)\b/i;

export default defineRule({
  meta: {
    id: 'structured-logging',
    title: 'Logs are structured',
    failureTitle: 'Logs are unstructured text',
    description:
      'JSON logs can be filtered, aggregated and correlated by field (level, request id, user, latency) in any log platform; free-text logs need fragile regexes and lose context. A request or correlation id on every line ties the lines of one request together.',
    remediation:
      "Log JSON with a structured logger (pino, structlog or python-json-logger, zap/zerolog/slog JSON handler, logstash-logback-encoder or Log4j2 JsonTemplateLayout, Serilog, Monolog JsonFormatter, tracing-subscriber `.json()`), and attach a request/correlation id to each request's log lines.",
    severity: 'medium',
    effort: 'low',
    detection:
      'A module of a host runtime that logs through the host\'s logger (a Caddy module calling `caddy.Log()`/`ctx.Logger()`: Caddy\'s zap logger writes JSON) has the host\'s structured output. The line that configures JSON output: pino and its framework plugins (pino-http, hapi-pino, koa-pino-logger, express-pino-logger; JSON by default; text when pino-pretty is its only transport and the file checks no environment)/bunyan loggers, the built-in Fastify logger (`Fastify({ logger: … })` is pino, with reqId on each request log line), winston with `format.json()` or no format named at all (the default of createLogger is JSON), `structlog.configure`, `JsonFormatter`, loguru `serialize=True`, `zap.NewProduction`, zerolog, logrus only with `JSONFormatter`, slog only with `NewJSONHandler`, `LogstashEncoder`/`JsonTemplateLayout`/`EcsLayout` and Spring `logging.structured.format`, Serilog only with a JSON formatter (`CompactJsonFormatter`, `JsonFormatter`, or one named in appsettings.json; an `outputTemplate` is text) or a sink that stores events with their properties (`WriteTo.OpenTelemetry`/`Seq`/`Elasticsearch`/`GrafanaLoki`/`DatadogLogs`/`ApplicationInsights`…, in code or named in the appsettings "Serilog" section), `AddJsonConsole`, Lograge JSON, Monolog `JsonFormatter`, tracing-subscriber `.json()`, Squidex.Log `ConfigureSemanticLog` (JSON records), go-hclog `JSONFormat: true`, log15 `JsonFormat()`, tslog `type: "json"`, LogTape `jsonLinesFormatter`, the Deno standard library log handlers with `formatters.jsonFormatter`, NestJS `ConsoleLogger({ json: true })`, Logback `JsonEncoder`, log4rs `JsonEncoder`, `LogStashLogger.new`; a hand-written JSON log formatter counts unless it builds HTML (a web view of log data). Klogger writes key=value text unless given `formatter: :json`. Request/correlation ids (`X-Request-Id`, `correlation_id`, request-id middleware, `MDC.put` of a request/trace/correlation id key — not any MDC key —, Ktor CallLogging `callIdMdc(…)`, which puts the id of the CallId plugin on every log line, the Fastify `requestIdHeader`/`genReqId` and request-scoped `request.log`, the OpenTelemetry pino/winston/bunyan instrumentation, which puts the trace id on every log record, a Rails log payload field set from the request id: `request_id: request.uuid`, `payload[:request_id] = request.request_id`; the controller-runtime per-reconcile logger, which carries a reconcileID) are named beside JSON logs, which pass with or without them (without them, the message suggests one); they earn a little credit where logs are not JSON. The controller-runtime zap wrapper (`zap.New(…)` from sigs.k8s.io/controller-runtime/pkg/log/zap) writes JSON unless `Development: true` or a console encoder. A zerolog ConsoleWriter set only in a development branch leaves JSON in production. .NET ILogger message templates with named placeholders are structured fields whose JSON output is up to the host provider: partial credit. A logger library (catalogue `structured-logging`) used without JSON output, or declared and unused, earns partial credit.',
    patterns: {
      // A call's arguments (`JSONRenderer(…)`) and a name's middle (`Rendered…JsonFormatter`) stop
      // at the next such call or name: scanning on from each of many to the end was quadratic.
      json: {
        regex:
          /(\bpino\s*\(|\bpinoHttp\s*\(|require\(\s*["'](?:hapi-|koa-|express-)?pino(?:-http|-logger)?["']\s*\)|from\s+["'](?:hapi-|koa-|express-)?pino(?:-http|-logger)?["']|LoggerModule\.forRoot|[fF]astify\s*\(\s*\{\s*logger\s*:\s*(?!false\b|null\b|undefined\b)[\w{(]|bunyan\.createLogger|format\.json\s*\(|format:\s*json\(\)|ecsFormat\s*\(|structlog\.(?:configure|get_logger|stdlib)|JSONRenderer\s*\((?:(?!JSONRenderer\s*\()[^)])*\)(?!\s*\.render)|jsonlogger|pythonjsonlogger|(?:new\s+|json\.)JsonFormatter\b|JsonFormatter::class|\bLogging\.AddOpenTelemetry\s*\(|\.WithLogging\s*\(|\bLoggingHandler\s*\(\s*logger_provider|OTLPLogExporter\s*\(|serialize\s*=\s*True|ecs_logging|json_logging\.init|zap\.NewProduction|zapcore\.NewJSONEncoder|\bEncoding:\s*"json"|"github\.com\/rs\/zerolog(?:\/log)?"|zerolog\.New\s*\(|JSONFormatter|slog\.NewJSONHandler|log\.NewJSONLogger|LogstashEncoder|net\.logstash\.logback|JsonTemplateLayout|<JsonLayout|JsonLayout\b|EcsLayout|EcsEncoder|logging\.structured\.format|structured:\s*$|quarkus\.log\.console\.json|(?:Compact|Rendered(?:(?!Rendered)\w)*)JsonFormatter|AddJsonConsole\s*\(|"FormatterName"\s*:\s*"json"|Lograge::Formatters::(?:Json|Logstash)|formatter:\s*:json|Ougai::Logger|LogstashFormatter|slog_json::|BunyanFormattingLayer|json_env_logger::init|LoggerJSON|\.(?:ConfigureSemanticLog|AddSemanticLog)\s*\(|\bJSONFormat:\s*true\b|\blog15\.JsonFormat\s*\(|\bnew\s+Logger(?:<[^<>\n]{0,60}>)?\(\s*\{[^}\n]{0,200}?\btype:\s*["']json["']|\bjsonLinesFormatter\b|\bformatters\.jsonFormatter\b|\bformatter:\s*jsonFormatter\b|\bConsoleLogger\([^)\n]{0,200}?\bjson:\s*true\b|ch\.qos\.logback\.classic\.encoder\.JsonEncoder\b|\bJsonEncoder::new\s*\(|\bLogStashLogger\.new\b)/,
        files: [...CODE, ...CONFIG],
        literals: [
          'pino',
          'LoggerModule',
          'astify',
          'bunyan',
          'json',
          'Json',
          'JSON',
          'AddOpenTelemetry',
          'WithLogging',
          'LoggingHandler',
          'OTLPLogExporter',
          'structlog',
          'serialize',
          'ecs_logging',
          'zap.',
          'zerolog',
          'Logstash',
          'Ecs',
          'structured',
          'Serilog',
          'LoggerConfiguration',
          'Ougai',
          'slog_json',
          'Bunyan',
          // Squidex.Log's semantic log writes each record through its JsonLogWriter.
          'SemanticLog',
          'LogStashLogger',
        ],
        maxPerFile: 3,
      },
      rustJson: {
        // tracing-subscriber's JSON formatter: `fmt().json()` / `fmt::layer().json()`, often over several lines,
        // and the event format given to a subscriber, `.event_format(format().json())` (blind round 46).
        regex: /(?:fmt(?:::layer)?|\bformat)\(\)\s*(?:\.\w+\([^()]*\)\s*){0,6}\.json\(\)/,
        files: ['**/*.rs'],
        literals: ['.json()'],
        maxPerFile: 1,
      },
      winstonJson: {
        // winston's JSON format, also when imported bare: `combine(timestamp(), json())`, possibly over several lines.
        regex: /(?<![.\w])json\(\)/,
        files: ['**/*.{js,ts,mjs,cjs}'],
        literals: ['winston'],
        maxPerFile: 1,
      },
      winstonPlain: {
        regex: /\bcreateLogger\s*\(/,
        files: ['**/*.{js,ts,mjs,cjs}'],
        literals: ['winston'],
        maxPerFile: 1,
      },
      // zap built from a configuration document (`var cfg zap.Config` unmarshalled from a file, then
      // `cfg.Build()`): the encoding is in the file the service ships, `"encoding": "json"` in a
      // config/zap.json or a chart value (blind round 28, goldpinger cmd/goldpinger/main.go:54 and
      // config/zap.json:3; the tool saw only the fallback zap.NewDevelopment()).
      zapConfigCode: {
        regex: /\bzap\.Config\b(?![ \t]*\{)/,
        files: ['**/*.go'],
        literals: ['zap.Config'],
        maxPerFile: 1,
      },
      zapConfigFile: {
        regex: /^[ \t]*"encoding"[ \t]*:[ \t]*"json"|^[ \t]*encoding:[ \t]*["']?json\b/m,
        files: ['**/*.{json,yaml,yml}'],
        literals: ['encoding'],
        maxPerFile: 1,
      },
      // controller-runtime's zap wrapper (`sigs.k8s.io/controller-runtime/pkg/log/zap`): `zap.New(…)`
      // builds zap's production config, a JSON encoder, unless `Development: true` (console text) or
      // a console encoder is asked for (blind round 25, cluster-operator cmd/main.go:100). The wrapper
      // is imported directly, though go.mod lists zap itself as `// indirect`.
      ctrlZap: {
        regex: /\bzap\.New\s*\(/,
        files: ['**/*.go'],
        literals: ['sigs.k8s.io/controller-runtime/pkg/log/zap'],
        maxPerFile: 1,
      },
      // The per-reconcile logger controller-runtime puts in the context carries the controller, the
      // object and a `reconcileID` on each line: the lines of one reconcile share the id.
      ctrlReconcileLog: {
        regex: /\b(?:ctrl|log|logf|crlog)\.(?:LoggerFrom|FromContext)\s*\(\s*ctx\b/,
        files: ['**/*.go'],
        literals: ['LoggerFrom', 'FromContext'],
        maxPerFile: 1,
      },
      // @crowlog/logger writes each record as one JSON line (the dev scripts pipe it to crowlog-pretty);
      // a value import, not `import type` (blind round 24, papra shared/logger/logger.ts:8).
      crowlog: {
        regex: /\bfrom ["']@crowlog\/logger["']/,
        files: ['**/*.{js,ts,mjs,cjs,mts,cts}'],
        literals: ['@crowlog/logger'],
        maxPerFile: 2,
      },
      // The project's own JSON log formatter: a file named for JSON in its log package (or a
      // log-formatter file named for JSON) that defines the formatter or handler (`func
      // newFormatterJSON(`, `class JsonLogFormatter`) (blind round 24, imgproxy logger/formatter_json.go).
      ownJsonFormatter: {
        // The defined name is judged in check() (JSON and Formatter/Handler/Encoder/Layout in one word).
        regex:
          /^(?:func|type|class|def|export class|export function|export default class|public class|public final class) (\w+)/m,
        files: [
          '**/{log,logs,logger,logging}/*{json,JSON,Json}*.{go,py,rb,js,ts,java,kt,cs,php}',
          '**/*{log,Log}*{json,JSON,Json}*.{go,py,rb,js,ts,java,kt,cs,php}',
          '**/*{json,JSON,Json}*{log,Log}*.{go,py,rb,js,ts,java,kt,cs,php}',
        ],
        literals: ['JSON', 'Json', 'json'],
        maxPerFile: 8,
      },
      // A log line written as a JSON object with a level (`console.error(JSON.stringify({ level:
      // "error", msg }))`, `print(json.dumps({"severity": …}))`): the JSON lines a function's log
      // service indexes (blind round 44, Lambda code logging this way was never judged).
      levelledJsonLine: {
        regex:
          /\b(?:console\.(?:log|info|warn|error|debug)|print)\(\s{0,40}(?:JSON\.stringify|json\.dumps)\(\s{0,40}\{\s{0,40}["']?(?:level|severity|log_level|logLevel)["']?\s{0,4}:/,
        files: CODE,
        literals: ['JSON.stringify', 'json.dumps'],
        maxPerFile: 1,
      },
      customJson: {
        // A hand-written log formatter that serialises to JSON (e.g. a lograge or logging.Formatter
        // subclass), or the project's own log package rendering its records as JSON (ntfy's log/).
        regex:
          /(JSON\.(?:dump|generate|stringify)\s*\(|\.to_json\b|json\.dumps\s*\(|json\.Marshal\s*\(|JsonSerializer\.Serialize\s*\(|json_encode\s*\()/,
        files: [
          '**/*{log,Log}*{format,Format}*.{rb,py,js,ts,go,java,kt,cs,php}',
          '**/{log,logs,logger,logging}/*.{rb,py,js,ts,go,java,kt,cs,php}',
        ],
        literals: ['JSON', 'json', 'Json'],
        maxPerFile: 1,
      },
      // Serilog writes text through its sinks' output templates unless given a JSON formatter;
      // in appsettings.json that formatter is named by type.
      serilogJsonSettings: {
        regex: /"formatter"\s*:\s*"(?:(?!Json)[^"\n])*Json/,
        files: APPSETTINGS,
        literals: ['formatter'],
        maxPerFile: 1,
      },
      // Serilog writing to a sink that stores each event with its properties (OpenTelemetry/OTLP,
      // Seq, Elasticsearch, Loki, Datadog, Application Insights, Splunk, New Relic): structured
      // records, as a JSON formatter gives (blind round 29, `logger.WriteTo.OpenTelemetry(…)`).
      serilogStructuredSink: {
        regex:
          /\.WriteTo\s*\.\s*(OpenTelemetry|Seq|Elasticsearch|GrafanaLoki|LokiHttp|DatadogLogs|ApplicationInsights|EventCollector|NewRelicLogs|Splunk\w*)\s*\(|"Name"\s*:\s*"(OpenTelemetry|Seq|Elasticsearch|GrafanaLoki|LokiHttp|DatadogLogs|ApplicationInsights|EventCollector|NewRelicLogs)"/,
        files: ['**/*.{cs,fs,vb}', ...APPSETTINGS],
        literals: ['WriteTo', '"Name"'],
        maxPerFile: 1,
      },
      plain: {
        // A logging library in use without JSON output: partial credit, with the fix named.
        // Serilog without a JSON formatter writes its text template (like lograge without one).
        regex:
          /(logrus\.(?:New\s*\(|WithFields?\s*\(|Info|Error|Warn|SetFormatter)|&logrus\.TextFormatter|slog\.NewTextHandler|zap\.NewDevelopment|lograge\.enabled\s*=\s*true|require\(\s*["']log4js["']\s*\)|new\s+Logger\s*\(\s*["'][\w.-]+["']\s*\)|env_logger::init|logging\.basicConfig\s*\(|UseSerilog\s*\(|AddSerilog\s*\(|new\s+LoggerConfiguration\s*\(|\bKlogger(?:::Logger)?\.new\b)/,
        files: CODE,
        literals: [
          'logrus',
          'slog.NewTextHandler',
          'zap.NewDevelopment',
          'lograge',
          'log4js',
          'Logger',
          'env_logger',
          'basicConfig',
          'Serilog',
          'LoggerConfiguration',
          // klogger-logger: key=value text through its default `go` formatter, JSON only with `formatter: :json`.
          'Klogger',
        ],
        maxPerFile: 1,
      },
      // key=value (logfmt/l2met) loggers: each line is `level=info msg=… key=value`, fields a log
      // pipeline parses without a schema — structured, though not JSON (blind round 37, job-board:
      // travis-logger `format_type: 'l2met'` with fields in every call). A format option set to
      // l2met/logfmt (travis-logger, go-kit/promlog flags), structlog's KeyValueRenderer/LogfmtRenderer,
      // the logfmter formatter, go-kit's NewLogfmtLogger, slog's TextHandler, logrus fields (its
      // TextFormatter writes key=value off a terminal), semantic_logger's appenders; and a Python
      // logging format string of key=field pairs (Django LOGGING `'format': 'level={levelname}
      // ts={asctime} module={module}'`, `logging.Formatter('level=%(levelname)s msg=%(message)s')`:
      // blind round 44, wger, was "no structured logging" beside plain ILogger templates' partial).
      keyValue: {
        regex:
          /[fF]ormat(?:_?[tT]ype|ter)?[ \t]*(?:=>|[:=])[ \t]*[:'"]?(?:l2met|logfmt)\b|\b(?:KeyValueRenderer|LogfmtRenderer|Logfmter)\s*\(|\bNewLogfmtLogger\s*\(|\bslog\.NewTextHandler\b|\blogrus\.WithFields?\s*\(|&logrus\.TextFormatter\b|\bSemanticLogger(?:\.add_appender\b|::Loggable\b)|(?:\bformat['"]?[ \t]*[:=]|\bFormatter\()[ \t]*f?['"][^'"\r\n]{0,200}?\b\w{1,30}=(?:\{\w{1,30}\}|%\(\w{1,30}\)[sdfr])[ \t,;|]{1,3}\w{1,30}=(?:\{\w{1,30}\}|%\(\w{1,30}\)[sdfr])/,
        files: CODE,
        literals: [
          'l2met',
          'logfmt',
          'Logfmt',
          'KeyValueRenderer',
          'NewTextHandler',
          'logrus',
          'SemanticLogger',
          '={',
          '=%(',
        ],
        maxPerFile: 1,
      },
      // Output switched to text: zerolog writes JSON unless given a ConsoleWriter, so its import is
      // JSON evidence only while nothing switches it.
      textOutput: {
        regex: /\bzerolog\.ConsoleWriter\b/,
        files: ['**/*.go'],
        literals: ['ConsoleWriter'],
        maxPerFile: 1,
      },
      // .NET ILogger message templates with named placeholders (`_logger.LogDebug("… {CacheName}", name)`):
      // each placeholder is a field of the log record, which a JSON provider (AddJsonConsole,
      // Serilog's JSON formatter) writes as a property. An interpolated `$"…"` string is text.
      messageTemplate: {
        regex:
          /(?:\b_?[lL]ogger|[a-z]Logger)\??\.Log(?:Trace|Debug|Information|Warning|Error|Critical)?\((?:[^",\s()][^",()\n]*,\s*)?"[^"{\n]*\{[A-Za-z_]\w*(?::[^}"\n]*)?\}/,
        files: ['**/*.{cs,fs,vb}'],
        literals: ['ogger'],
        maxPerFile: 1,
      },
      // A Lograge formatter written as a lambda that serialises each event: `->(data) { data.to_json }`.
      lograge: {
        regex: /\blograge\.formatter\s*=\s*(?:->|lambda\b|proc\b|Proc\.new\b)/,
        files: ['**/*.rb'],
        literals: ['lograge'],
        maxPerFile: 2,
      },
      // JSON appenders added in code (JHipster's LoggingUtils, logstash-logback-encoder), usually
      // behind a setting (jsonSwitch) that production may leave off.
      jsonAppender: {
        regex: /\badd(?:JsonConsole|LogstashTcpSocket)Appender\s*\(|\bnew\s+Logstash(?:Encoder|TcpSocketAppender)\s*\(/,
        files: ['**/*.{java,kt}'],
        literals: ['Appender', 'Logstash'],
        maxPerFile: 2,
      },
      // uWSGI's request log written as JSON (`logformat = {"method": "%(method)", …}`): the server's
      // access log, not the application's own log lines (blind round 24, cla_backend docker/*.ini:15).
      uwsgiJson: {
        regex: /^[ \t]*(?:req-)?logformat[ \t]*=[ \t]*\{[ \t]*"/m,
        files: ['**/*.ini'],
        literals: ['logformat'],
        maxPerFile: 1,
      },
      // The appenders of a YAML logging configuration (Dropwizard's `logging:` / `appenders:` /
      // `- type: logstash-console`, a `layout:` / `type: json`, the request log's `requestLog:`
      // appenders): the output is chosen there, not in code (blind round 50).
      appenderType: APPENDER_TYPE_PATTERN,
      monologJson: {
        regex: new RegExp(MONOLOG_JSON.source, 'm'),
        files: ['**/monolog.{yaml,yml}'],
        literals: ['monolog.formatter.'],
        maxPerFile: 2,
      },
      jsonSwitch: {
        regex: /^[ \t]*(?:jhipster\.logging\.)?use-json-format[ \t]*[:=][ \t]*(true|false)\b/m,
        files: ['**/application*.{yml,yaml,properties}'],
        literals: ['use-json-format'],
        maxPerFile: 1,
      },
      // A log layout that prints a request/trace id from the MDC on every line (logback
      // `%X{traceId:-}`, Log4j2 `%X{requestId}`/`%mdc{…}`/`${ctx:traceId}`): the lines of one request
      // share the id (blind round 22, laa-cma logback.xml:4). Any other MDC key (`%X{user}`) is no id.
      mdcLayout: {
        regex: MDC_LAYOUT_ID,
        files: LOG_LAYOUT_FILES,
        literals: ['%X{', '%mdc{', '${ctx:', '%MDC{'],
        maxPerFile: 1,
      },
      ids: {
        // Header names, ids bound to log calls, and middleware; a bare `requestId` key is usually API payload.
        // `WithValue(…` and `metadata: […` stop at the next one (linear on many unclosed ones). An
        // id within 160 characters of a log call is looked for up to the next log call: the same
        // files are found (that call reaches the id too), and many calls no longer cost 160
        // characters each.
        regex: new RegExp(`(${ID_SIGNALS}|\\bcorrelation_?id\\b)`, 'i'),
        files: CODE,
        // One literal per alternative, matched ignoring case like the regex (a case-sensitive 'equest' ran it on every file with a Request).
        literals: [
          'request-id',
          'request_id',
          'requestid',
          'correlation',
          'genreqid',
          'tracinglogger',
          'headerpropagation',
          'mdc.put',
          'pushproperty',
          'log_tags',
          'trace_id',
          'traceid',
          // django-structlog's RequestMiddleware binds request_id to every log line; django-guid's sets a correlation id.
          'django_structlog.middlewares',
          'django_guid.middleware',
          // Ktor CallLogging's `callIdMdc("requestId")` puts the CallId plugin's request id on every log line.
          'callidmdc',
          // Fastify's request ids (`requestIdHeader`, a request-scoped `request.log`) and OpenTelemetry's
          // pino/winston/bunyan instrumentations, which put the trace and span ids on every log record.
          'instrumentation-',
          'pinoinstrumentation',
          'winstoninstrumentation',
          'bunyaninstrumentation',
          '.log.',
        ],
        ignoreCase: true,
        maxPerFile: 1,
      },
    },
  },
  appliesTo: (ctx) =>
    ctx.facts.profile.id === 'service' || (ctx.facts.profile.id === 'infrastructure' && shipsFunctionCode(ctx))
      ? true
      : { reason: `profile is ${ctx.facts.profile.id}: structured logs matter for deployed services` },
  check(ctx) {
    const output = loggerOutput(ctx);
    let json = [
      ...serverCodeMatches(ctx.facts, [
        ...ctx.matches('json'),
        ...ctx.matches('rustJson'),
        ...ctx.matches('winstonJson'),
        ...ctx.matches('customJson').filter((m) => !MARKUP.test(ctx.files.read(m.path) ?? '')),
        ...ctx.matches('levelledJsonLine').filter((m) => isProductionPath(m.path) && !isTestPath(m.path)),
        // Test helpers (`logger.test-utils.ts`) set up loggers for tests, not the service's output.
        ...ctx
          .matches('crowlog')
          .filter((m) => !/^import\s+type\b/.test(m.snippet) && !/[./_-]test[-_]?utils?\./i.test(m.path)),
        ...ctx.matches('ownJsonFormatter').filter((m) => OWN_JSON_NAME.test(m.groups[0] ?? '')),
        ...ctx.matches('monologJson').filter((m) => monologForProduction(m.path, m.line, ctx.files.lines(m.path))),
        ...ctx.matches('serilogJsonSettings').filter((m) => isProductionPath(m.path)),
        // In appsettings, a sink named inside the "Serilog" section (a health check may be named "Seq" too).
        ...ctx
          .matches('serilogStructuredSink')
          .filter(
            (m) =>
              isProductionPath(m.path) &&
              (!m.path.endsWith('.json') || /"Serilog"\s*:/.test(ctx.files.read(m.path) ?? '')),
          ),
      ]).filter((m) => !(output.text.length || output.toFile.length) || !/zerolog/.test(m.snippet)),
      ...output.json,
    ];
    const appenderJson = logAppenders(ctx.files, ctx.matches('appenderType')).filter((a) => JSON_APPENDER.test(a.type));
    const appenderNote = new Map(
      appenderJson.map((a) => [
        a.match,
        `${a.requestLog ? 'request log' : 'log'} ${a.layout ? 'layout' : 'appender'} \`type: ${a.type}\` in the logging configuration: JSON lines`,
      ]),
    );
    // Cited first: the logging configuration is where the output is chosen; the application log's appenders before the request log's.
    json.unshift(...[...appenderJson].sort((a, b) => Number(a.requestLog) - Number(b.requestLog)).map((a) => a.match));
    // `structlog.configure` whose renderer is KeyValueRenderer/LogfmtRenderer (and no JSONRenderer) writes key=value lines.
    json = json.filter(
      (m) =>
        !/structlog/.test(m.snippet) ||
        !/\b(?:KeyValueRenderer|LogfmtRenderer)\b/.test(ctx.files.read(m.path) ?? '') ||
        /\bJSONRenderer\b/.test(ctx.files.read(m.path) ?? ''),
    );
    // JSON output configured only for staging or development, beside a production configuration, is not production's output.
    const otherEnvJson = json.filter((m) => otherEnvironmentConfig(ctx.files, m.path));
    json = json.filter((m) => !otherEnvJson.includes(m));
    const ctrlZap = ctrlRuntime(ctx.facts) ? serverCodeMatches(ctx.facts, ctx.matches('ctrlZap')) : [];
    // `zap.Options{Development: true}` or `zap.ConsoleEncoder(…)` writes console text.
    const zapText = ctrlZap.filter((m) =>
      /\bDevelopment:\s*true\b|\bzap\.ConsoleEncoder\s*\(|\bUseDevMode\s*\(\s*true\s*\)/.test(
        ctx.files.read(m.path) ?? '',
      ),
    );
    json.push(...ctrlZap.filter((m) => !zapText.includes(m)));
    // A zap.Config read from a document (not a literal `zap.Config{…}`) takes the encoding the
    // document sets: a JSON encoding in a production config file or chart values is the output.
    const zapFromConfig = serverCodeMatches(ctx.facts, ctx.matches('zapConfigCode')).filter(
      (m) => !/\bzap\.Config[ \t]*\{/.test(m.snippet),
    );
    const zapConfigFiles = zapFromConfig.length
      ? ctx
          .matches('zapConfigFile')
          .filter(
            (m) =>
              isProductionPath(m.path) &&
              (/zap|log/i.test(m.path) || /\b(?:outputPaths|encoderConfig)\b/.test(ctx.files.read(m.path) ?? '')),
          )
          .slice(0, 1)
      : [];
    json.push(...zapConfigFiles);
    const reconcileLog =
      ctrlZap.length > zapText.length ? serverCodeMatches(ctx.facts, ctx.matches('ctrlReconcileLog')) : [];
    // A Python dictConfig formatter that renders JSON but no handler uses (djangopackages: the
    // console handler uses a ConsoleRenderer formatter) writes nothing; structlog wrapped for the
    // stdlib formatters then writes what those formatters write (round 14).
    const unusedJsonFormatter = unusedJsonFormatters(ctx.files);
    const unusedJson = json.filter(unusedJsonFormatter);
    json = json.filter((m) => !unusedJson.includes(m));
    // `LoggerModule.forRoot` is nestjs-pino's only when imported from a package: the project's own
    // LoggerModule (imported by a relative path, or declared in the file) logs however its service
    // does, which the customJson pattern judges (JSON.stringify in logger/); on its own it is a
    // logger without JSON output.
    const own = new Map<string, boolean>();
    const ownLoggerModule = json.filter((m) => {
      if (!/LoggerModule\.forRoot/.test(m.snippet)) return false;
      if (!own.has(m.path)) own.set(m.path, ownModule(ctx.files.read(m.path)));
      return own.get(m.path)!;
    });
    json = json.filter((m) => !ownLoggerModule.includes(m));
    // pino writes JSON unless pino-pretty is its only output: a `transport: { target: 'pino-pretty' }`
    // (or v6 `prettyPrint: true`) in a file that never looks at the environment prints text everywhere.
    const prettyOnly = json.filter((m) => /\bpino\b/.test(m.snippet) && pinoPrettyOnly(ctx.files.read(m.path) ?? ''));
    json = json.filter((m) => !prettyOnly.includes(m));
    // pino created only inline as the `logger:` option of another library's client (Baileys'
    // `makeWASocket({ logger: P({ level: 'error' }) })`) logs that library's internals: the
    // application's own lines go elsewhere (blind round 40). Only a logger the code creates and keeps counts.
    const handedCache = new Map<string, boolean>();
    const handed = json.filter((m) => {
      if (!/\bpino\b/.test(m.snippet) || /pino-http|pinoHttp|(?:hapi-|koa-|express-)pino/.test(m.snippet)) return false;
      if (!handedCache.has(m.path)) handedCache.set(m.path, pinoHandedOnly(ctx.files.read(m.path) ?? ''));
      return handedCache.get(m.path)!;
    });
    json = json.filter((m) => !handed.includes(m));
    // winston's createLogger formats as JSON by default (its `format` option defaults to
    // `format.json()`): a logger in a file that never names a format writes JSON lines.
    const winstonCreated = serverCodeMatches(ctx.facts, ctx.matches('winstonPlain'));
    const winstonDefault = winstonCreated.filter((m) => !/\bformat\b/.test(ctx.files.read(m.path) ?? 'format'));
    json.push(...winstonDefault);
    // A logger that writes formatted text lines and nothing else (Python's `logging.basicConfig(format=
    // "%(asctime)s …")`, env_logger, log4js's default layouts) carries no fields: no structure to
    // credit, unlike a fields-based library writing text (logrus, slog's text handler, Serilog).
    const declared = [
      ...winstonCreated.filter((m) => !winstonDefault.includes(m)),
      ...serverCodeMatches(ctx.facts, ctx.matches('plain')),
    ];
    const textLoggers = declared.filter((m) => TEXT_ONLY.test(m.snippet));
    const plain = [
      ...unusedJson,
      ...ownLoggerModule,
      ...prettyOnly,
      ...output.text,
      ...zapText,
      ...declared.filter((m) => !textLoggers.includes(m)),
    ];
    // A message-queue client's correlation id (AMQP `CorrelationId`, RPC reply matching) pairs
    // requests with replies; it is log correlation only when a log call, context or header carries it.
    // An id set from a credential (`runWithContext({ requestId: token })`) names no request: it is
    // no correlation id (round 14).
    // A correlation id that is another object's field reaches no logger on its own line (CORRELATION_FIELD).
    const signals = new RegExp(ID_SIGNALS, 'i');
    const allIds = serverCodeMatches(ctx.facts, ctx.matches('ids')).filter(
      (m) =>
        !(AMQP_CLIENT.test(ctx.files.read(m.path) ?? '') && !LOGGED_ID.test(m.snippet)) &&
        !CREDENTIAL_ID.test(m.snippet) &&
        !(CORRELATION_FIELD.test(m.snippet) && !LOGGED_ID.test(m.snippet) && !signals.test(m.snippet)),
    );
    // A request-id log tag in the staging or development configuration (Rails
    // `config/environments/staging.rb` beside production.rb) is not what production logs (blind round 33).
    const otherEnvIds = allIds.filter((m) => otherEnvironmentConfig(ctx.files, m.path));
    const ids = allIds.filter((m) => !otherEnvIds.includes(m));
    const layoutIds = ctx
      .matches('mdcLayout')
      .filter((m) => isProductionPath(m.path) && !/(^|\/)logback-test\.xml$|log4j2-test\./.test(m.path));
    ids.push(...layoutIds, ...reconcileLog);
    const deps = ctx.facts
      .findDependencies(ctx.catalogue('structured-logging'))
      .filter((d) => ctx.facts.componentOf(d.path) === 'server');
    const idDeps = ctx.facts.findDependencies(ctx.catalogue('request-ids'));
    const libraries = [...new Set(deps.map((d) => d.name))].sort();
    // OpenTelemetry log records carry the active trace and span ids: correlation comes with them.
    const otelLogs = json.filter((m) => /AddOpenTelemetry|WithLogging|LoggingHandler|OTLPLogExporter/.test(m.snippet));
    // Fastify's logger (pino) binds the request id (`reqId`) to every line a request logs, by default.
    const fastifyLogs = json.filter((m) => /[fF]astify\s*\(/.test(m.snippet));
    // The request loggers of pino's framework plugins (hapi-pino, pino-http and the koa/express
    // wrappers of it) log each request with its id (`req.id`) by default (round 38).
    const pluginLogs = json.filter((m) => /(?:hapi-|koa-|express-)pino|pino-http|\bpinoHttp\s*\(/.test(m.snippet));
    const hasIds =
      ids.length > 0 || idDeps.length > 0 || otelLogs.length > 0 || fastifyLogs.length > 0 || pluginLogs.length > 0;
    // A request-scoped `request.log` call carries the id Fastify's logger binds: where that logger is
    // configured, it is cited instead (it says where the id comes from).
    const reqLog = (m: Match) => /\b(?:req|request)\.log\./.test(m.snippet);
    const shownIds = fastifyLogs.length ? ids.filter((m) => !reqLog(m)) : ids;
    const data = { libraries, jsonFiles: new Set(json.map((m) => m.path)).size, requestIds: hasIds };
    const evidence: Evidence[] = [
      ...pluginLogs
        .slice(0, 1)
        .map((m) => fromMatch(m, "pino's request logger: JSON lines, each request's carrying its request id (req.id)")),
      ...firstPerFile(
        json.filter((m) => !pluginLogs.slice(0, 1).includes(m)),
        4,
      ).map((m) =>
        fromMatch(
          m,
          ctrlZap.includes(m)
            ? "controller-runtime's zap logger: production mode writes JSON (no Development: true)"
            : appenderNote.has(m)
              ? appenderNote.get(m)!
              : zapConfigFiles.includes(m)
                ? `zap configuration: JSON encoding (the logger is built from a zap.Config, ${zapFromConfig[0]!.path}:${zapFromConfig[0]!.line})`
                : 'JSON/structured logger configured',
        ),
      ),
      ...firstPerFile(pluginLogs.length ? [] : shownIds, 2).map((m) =>
        fromMatch(
          m,
          layoutIds.includes(m)
            ? `request/correlation id: the log pattern prints MDC key ${m.groups[0]} on every line`
            : reconcileLog.includes(m)
              ? "request/correlation id: controller-runtime's per-reconcile logger carries a reconcileID on each line"
              : /instrumentation-|Instrumentation\s*\(/.test(m.snippet)
                ? 'request/correlation id: the OpenTelemetry log instrumentation adds the trace and span ids to each log record'
                : reqLog(m)
                  ? "request/correlation id: the request's child logger (request.log) carries its request id"
                  : 'request/correlation id',
        ),
      ),
      ...idDeps.slice(0, 1).map((d) => dependencyEvidence(d, 'request-id middleware')),
      ...(shownIds.length || idDeps.length
        ? []
        : fastifyLogs
            .slice(0, 1)
            .map((m) => fromMatch(m, "Fastify's logger (pino) adds the request id reqId to each request's log lines"))),
      ...(json.length > 0
        ? output.devOnly
            .slice(0, 1)
            .map((d) =>
              fromMatch(
                d.console,
                `text ConsoleWriter only in development (${d.branch.path}:${d.branch.line}: ${d.branch.snippet}); JSON elsewhere`,
              ),
            )
        : []),
    ];
    const idNote = hasIds ? '' : '; no request/correlation id found';
    const bonus = hasIds ? 0.15 : 0;
    if (json.length > 0) {
      if (hasIds)
        return pass(
          'Logs are structured (JSON or OpenTelemetry log records) and carry request/correlation ids.',
          evidence,
          data,
        );
      // JSON logs meet the rule (RULES: "logs are structured (JSON)"); a request/correlation id is
      // a suggestion, never what makes it partial (blind round 30, sealed-secrets' slog JSON handler).
      const suggestion = `attach a request/correlation id to each request's log lines (none found in ${ctx.searched('ids')} source files) to tie the lines of one request together`;
      return pass(`Logs are structured (JSON or OpenTelemetry log records). Suggestion: ${suggestion}.`, evidence, {
        ...data,
        suggestion,
      });
    }
    // A module of a host runtime that logs through the host's logger writes the host's output: a
    // Caddy module's `caddy.Log()`/`ctx.Logger()` lines are Caddy's zap JSON (facts/host-runtime.ts;
    // blind round 41: a Caddy module was "no structured logging").
    const host = (ctx.facts.hostRuntimes ?? []).find((h) => h.logging && h.loggerAt);
    if (host) {
      const at = host.loggerAt!;
      return pass(
        `Logs are structured by the host runtime: the project is a ${host.name} module (${host.evidence.path}:${host.evidence.line}), and ${host.logging} (${at.path}:${at.line}).${hasIds ? '' : ` Suggestion: attach a request/correlation id to each request's log lines (none found in ${ctx.searched('ids')} source files).`}`,
        [
          host.evidence,
          { ...at, note: `logs through ${host.name}'s logger: the host's structured output` },
          ...evidence,
        ],
        { ...data, hostRuntime: host.id },
      );
    }
    if (output.switchedOff.length > 0) {
      const [appender, off] = [output.switchedOff[0]!, output.switchOff[0]!];
      return partial(
        0.5 + bonus,
        `JSON logging is wired in code (${appender.path}:${appender.line}) but switched off by the configuration (${off.path}:${off.line} sets use-json-format: false)${idNote}.`,
        [
          fromMatch(appender, 'JSON appender added when its setting is on'),
          ...firstPerFile(output.switchOff, 3).map((m) => fromMatch(m, 'JSON logging switched off')),
          ...evidence,
        ],
        data,
      );
    }
    if (output.toFile.length > 0) {
      const { console, file } = output.toFile[0]!;
      return partial(
        0.6 + bonus,
        `Logs are structured on one output only: zerolog writes JSON to the log file (${file.path}:${file.line}), while stdout goes through a ConsoleWriter, which writes text (${console.path}:${console.line})${idNote}.`,
        [
          ...evidence,
          fromMatch(file, 'log file output: zerolog writes JSON to it'),
          fromMatch(console, 'stdout output: a ConsoleWriter writes text, not JSON'),
        ],
        { ...data, jsonOutputs: ['file'], textOutputs: ['stdout'] },
      );
    }
    // key=value lines (logfmt, l2met): fields a pipeline can query, not JSON — partial, the fix named.
    const keyValue = serverCodeMatches(ctx.facts, ctx.matches('keyValue')).filter(
      (m) => !otherEnvironmentConfig(ctx.files, m.path),
    );
    if (keyValue.length > 0) {
      const kv = keyValue[0]!;
      return partial(
        0.6 + bonus,
        `Logs are structured as key=value (logfmt) lines, not JSON: ${kv.snippet.trim().slice(0, 80)} (${kv.path}:${kv.line}); a JSON formatter would keep nested values and types${idNote}.`,
        [
          ...evidence,
          ...firstPerFile(keyValue, 3).map((m) =>
            fromMatch(m, 'key=value (logfmt) structured logger: fields, not JSON'),
          ),
        ],
        { ...data, keyValue: true },
      );
    }
    const templates = serverCodeMatches(ctx.facts, ctx.matches('messageTemplate'));
    if (templates.length > 0 && !plain.some((m) => !/Serilog|LoggerConfiguration/.test(m.snippet))) {
      return partial(
        0.5 + bonus,
        `Logs carry structured fields: ILogger message templates with named placeholders (${templates[0]!.path}:${templates[0]!.line}); whether they are written as JSON depends on the host's logging provider (no AddJsonConsole or JSON formatter configured here)${idNote}.`,
        [
          ...evidence,
          ...firstPerFile(templates, 3).map((m) => fromMatch(m, 'ILogger message template with named placeholders')),
          ...firstPerFile(plain, 2).map((m) => fromMatch(m, 'logger without a JSON format')),
        ],
        { ...data, messageTemplates: new Set(templates.map((m) => m.path)).size },
      );
    }
    if (handed.length > 0 && plain.length === 0) {
      const h = handed[0]!;
      return partial(
        0.2 + bonus,
        `pino is only handed to another library's client as its internal logger (${h.path}:${h.line}); the application's own log lines do not go through it, and no JSON logger of the application's is configured${idNote}.`,
        [
          ...evidence,
          ...firstPerFile(handed, 2).map((m) =>
            fromMatch(m, "pino created only as a library client's `logger:` option, never called by the application"),
          ),
        ],
        { ...data, handedOnly: true },
      );
    }
    if (plain.length > 0) {
      const uwsgi = ctx.matches('uwsgiJson').find((m) => isProductionPath(m.path));
      const accessNote = uwsgi
        ? ` uWSGI writes its request log as JSON (${uwsgi.path}:${uwsgi.line}); the application's own log lines are not.`
        : '';
      return partial(
        0.35 + (uwsgi ? 0.15 : 0) + bonus,
        (unusedJson.includes(plain[0]!)
          ? `A logger is used but without JSON output: the JSON formatter (${plain[0]!.path}:${plain[0]!.line}) is attached to no logging handler${idNote}.`
          : `A logger is used (${plain[0]!.snippet}) but without JSON output${idNote}.`) + accessNote,
        [
          ...evidence,
          ...(uwsgi ? [fromMatch(uwsgi, 'uWSGI request log written as JSON (access log only)')] : []),
          ...firstPerFile(plain, 3).map((m) =>
            fromMatch(
              m,
              unusedJson.includes(m)
                ? 'a JSON formatter is defined, but no logging handler uses it'
                : 'logger without a JSON format',
            ),
          ),
        ],
        data,
      );
    }
    if (deps.length > 0) {
      return partial(
        0.3 + bonus,
        `${listing(libraries.slice(0, 3))} declared, but no code configures JSON logging${idNote}.`,
        [
          ...evidence,
          ...deps.slice(0, 2).map((d) => dependencyEvidence(d, 'logging library')),
          {
            path: '.',
            note: `no JSON logger configuration in ${ctx.searched('json')} source and logging-config files`,
          },
        ],
        data,
      );
    }
    // A small logging library the application imports, whose own lockfile entry depends on a
    // structured logger (a wrapper of structlog with a JSON serialiser, of pino): its log lines are
    // structured, although no line here configures the format (blind round 47).
    const wrapper = loggerWrapper(ctx);
    if (wrapper) {
      const json = wrapper.json;
      return partial(
        (json ? 0.8 : 0.6) + bonus,
        `Logs go through ${wrapper.dep.name}, a logging library that wraps ${listing(wrapper.wraps)} (its lockfile entry, ${wrapper.lock.path}:${wrapper.lock.line})${json ? ', so its records are structured with a JSON serialiser' : ', so its records are structured'}; the output format is set inside that library, not in this repository${idNote}.`,
        [
          ...evidence,
          { ...wrapper.at, note: `imports ${wrapper.dep.name}, the application's logger` },
          {
            path: wrapper.lock.path,
            line: wrapper.lock.line,
            note: `${wrapper.dep.name} depends on ${listing(wrapper.wraps)}`,
          },
          dependencyEvidence(wrapper.dep, 'logging library wrapping a structured logger'),
        ],
        { ...data, wrapper: wrapper.dep.name },
      );
    }
    if (hasIds)
      return partial(
        0.2,
        'Request/correlation ids found, but logs are not structured (no JSON logger).',
        evidence,
        data,
      );
    const text = textLoggers[0];
    return fail(
      text
        ? `Logs are plain text: ${text.snippet.trim().slice(0, 100)} (${text.path}:${text.line}) writes formatted lines without fields or JSON; no structured logger is configured.`
        : 'No structured (JSON) logging found.',
      [
        ...firstPerFile(textLoggers, 2).map((m) =>
          fromMatch(m, 'plain-text logger: formatted lines, no fields, no JSON'),
        ),
        ...firstPerFile([...otherEnvJson, ...otherEnvIds], 2).map((m) =>
          fromMatch(m, 'set only for a non-production environment (its production configuration exists): not evidence'),
        ),
        {
          path: '.',
          note: `no JSON logger configuration in ${ctx.searched('json')} source and logging-config files, no structured-logging library among ${ctx.facts.dependencies.filter((d) => d.direct).length} direct dependencies`,
        },
        ...setAside(ctx.facts, ctx.catalogue('structured-logging')),
      ],
      data,
    );
  },
});

/** Structured loggers a wrapper library may be built on (by lockfile name, normalised). */
const STRUCTURED_CORE = /^(?:structlog|python-json-logger|json-log-formatter|ecs-logging|pino|bunyan)$/;
/** Structured by default, or a JSON serialiser beside a structured logger. */
const JSON_BY_DEFAULT = /^(?:python-json-logger|json-log-formatter|ecs-logging|pino|bunyan)$/;
const JSON_SERIALISER = /^(?:orjson|ujson|rapidjson|python-rapidjson|simplejson|msgspec)$/;

/**
 * A direct production dependency that production code imports, not itself a known logging library,
 * whose lockfile entry depends on a structured logger (uv.lock/poetry.lock, package-lock.json).
 */
function loggerWrapper(
  ctx: RuleContext,
): { dep: Dependency; wraps: string[]; json: boolean; lock: Evidence & { line: number }; at: Evidence } | undefined {
  for (const d of ctx.facts.dependencies) {
    if (!d.direct || d.dev || d.use === 'none' || d.use === 'non-production') continue;
    if (STRUCTURED_CORE.test(d.name.toLowerCase())) continue;
    let names: string[] = [];
    let lock: (Evidence & { line: number }) | undefined;
    if (d.ecosystem === 'pip') {
      const found = pythonDependenciesOf(ctx.files, d.path, d.name);
      if (found) (names = found.names), (lock = { path: found.path, line: found.line });
    } else if (d.ecosystem === 'npm') {
      names = npmDependenciesOf(ctx.files, d.path, d.name);
      const dir = d.path.includes('/') ? d.path.slice(0, d.path.lastIndexOf('/') + 1) : '';
      const path = [`${dir}package-lock.json`, 'package-lock.json'].find((p) => ctx.files.exists(p));
      const text = path ? (ctx.files.read(path) ?? '') : '';
      const i = text.indexOf(`"node_modules/${d.name}"`);
      if (path) lock = { path, line: i < 0 ? 1 : text.slice(0, i).split('\n').length };
    }
    const wraps = names.filter((n) => STRUCTURED_CORE.test(n));
    if (!lock || wraps.length === 0) continue;
    const at = importOf(ctx, d);
    // Imported for a logger, or named for logging: a library that happens to depend on structlog
    // (a web framework, an SDK) is not the application's logger.
    if (!at || (!/log/i.test(d.name) && !/\b(?:get_?[lL]ogger|[lL]ogger|log)\b/.test(at.snippet ?? ''))) continue;
    const json = wraps.some((n) => JSON_BY_DEFAULT.test(n)) || names.some((n) => JSON_SERIALISER.test(n));
    return { dep: d, wraps, json, lock, at };
  }
  return undefined;
}

/** Where production server code imports a dependency (`from rotoger import get_logger`, `import x from 'pkg'`). */
function importOf(ctx: RuleContext, d: Dependency): Evidence | undefined {
  const py = d.ecosystem === 'pip';
  const mod = py ? d.name.toLowerCase().replace(/[-.]/g, '_') : d.name;
  if (!/^[@\w./-]{1,200}$/.test(mod)) return undefined;
  const esc = mod.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const re = py
    ? new RegExp(`^[ \\t]*(?:from[ \\t]+${esc}(?:\\.\\w+)*[ \\t]+import\\b|import[ \\t]+${esc}\\b)`, 'm')
    : new RegExp(`(?:from[ \\t]+|require\\([ \\t]*)['"]${esc}(?:/[^'"]*)?['"]`);
  const ext = py ? /\.py$/ : /\.[cm]?[jt]sx?$/;
  let checked = 0;
  for (const path of ctx.facts.sourceFiles) {
    if (!ext.test(path) || !isProductionPath(path) || ctx.facts.componentOf(path) === 'browser') continue;
    if (++checked > 3000) break;
    const text = ctx.files.read(path);
    if (!text?.includes(py ? mod : d.name)) continue;
    const m = re.exec(text);
    if (!m) continue;
    const line = text.slice(0, m.index).split('\n').length;
    return { path, line, snippet: (text.split('\n', line)[line - 1] ?? '').trim().slice(0, 120) };
  }
  return undefined;
}

/** Loggers whose output is a formatted text line, with no fields to query. */
const TEXT_ONLY = /\blogging\.basicConfig\s*\(|\benv_logger::init\b|\brequire\(\s*["']log4js["']\s*\)/;

/** A request/correlation id whose value is a token, credential or session: no correlation id. */
const CREDENTIAL_ID = new RegExp(
  String.raw`${ID}["']?\s*[:=]\s*(?:[\w.]*[._])?(?:\w*(?:token|auth|secret|password|credential|api_?key|session))\b`,
  'i',
);

/** A file that uses an AMQP/RabbitMQ client library. */
const AMQP_CLIENT =
  /["'](?:github\.com\/rabbitmq\/amqp091-go|github\.com\/streadway\/amqp|amqplib|amqp-connection-manager|amqp|aio_pika|pika|kombu)["']|^\s*(?:import|from)\s+(?:aio_)?pika\b|\busing\s+RabbitMQ\.Client\b|\bcom\.rabbitmq\.client\b/m;
/** An id line that is log correlation: a request/correlation header, a log call, a logging context. */
const LOGGED_ID = /x-(?:request|correlation)-?id|\blog|MDC|WithValue|PushProperty|contextvars/i;

/** pino-pretty set as the logger's output with no environment check in the file (one pass each). */
function pinoPrettyOnly(text: string): boolean {
  const pretty = /\btarget\s*:\s*['"]pino-pretty['"]|\bprettyPrint\s*:\s*true\b/.test(text);
  return (
    pretty && !/NODE_ENV|\bis(?:Prod|Dev)\w*|production|development|process\.env\.\w*(?:PRETTY|LOG_FORMAT)/i.test(text)
  );
}

/**
 * pino in this file is created only inline as an argument or option of another call
 * (`makeWASocket({ logger: P({ level: 'error' }) })`, `downloadMedia(msg, { logger: pino() })`):
 * never assigned, returned or exported, so the application never logs through it. One pass over
 * the calls of the imported name; the 40 characters before each call decide.
 */
function pinoHandedOnly(text: string): boolean {
  const bind =
    /\bimport\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s+from\s+["']pino["']|\b([A-Za-z_$][\w$]*)\s*=\s*require\(\s*["']pino["']\s*\)/.exec(
      text,
    );
  const name = bind ? (bind[1] ?? bind[2])! : 'pino';
  const call = new RegExp(String.raw`(?<![\w$.])${name.replace(/\$/g, '\\$')}\s*\(`, 'g');
  let calls = 0;
  for (let m = call.exec(text); m && calls < 500; m = call.exec(text)) {
    calls++;
    const before = text.slice(Math.max(0, m.index - 40), m.index).trimEnd();
    // An argument (`logger: P(`, `(P(`, `, P(`) is handed on; anything else (`= P(`, `return P(`, `export default P(`) keeps it.
    if (!/(?:\blogger\s*:|[(,])$/.test(before)) return false;
  }
  return calls > 0;
}

/** The file declares LoggerModule itself or imports it by a relative path (not nestjs-pino's). */
function ownModule(text: string | undefined): boolean {
  if (!text) return false;
  return (
    /\bclass\s+LoggerModule\b/.test(text) || /import\s*\{[^}]*\bLoggerModule\b[^}]*\}\s*from\s*["']\.{1,2}\//.test(text)
  );
}

/**
 * What the configured output says beyond the library present: a zerolog ConsoleWriter writes text
 * (its import is no JSON evidence then); a Lograge lambda that calls `.to_json` writes JSON; a JSON
 * appender added in code counts unless every non-development setting switches it off.
 */
function loggerOutput(ctx: RuleContext): {
  json: Match[];
  text: Match[];
  switchedOff: Match[];
  switchOff: Match[];
  toFile: { console: Match; file: Match }[];
  devOnly: { console: Match; branch: Match }[];
} {
  const consoles = serverCodeMatches(ctx.facts, ctx.matches('textOutput'));
  // A ConsoleWriter for stdout beside a log file written through the same multi-writer
  // (`zerolog.MultiLevelWriter(console, file)`, `io.MultiWriter`): zerolog writes JSON to the
  // file and text only to the console (round 12). Which outputs are JSON is said.
  // The file a console's multi-writer also writes, found once per file.
  const files = new Map<string, Match | null>();
  const fileOf = (path: string): Match | null => {
    const lines = (ctx.files.read(path) ?? '').split('\n');
    if (!lines.some((l) => /\b(?:zerolog\.MultiLevelWriter|io\.MultiWriter)\s*\(/.test(l))) return null;
    const i = lines.findIndex((l) => /\bos\.(?:OpenFile|Create)\s*\(|\blumberjack\.Logger\b/.test(l));
    return i < 0 ? null : { path, line: i + 1, snippet: lines[i]!.trim(), groups: [] };
  };
  const toFile = consoles.flatMap((m) => {
    if (!files.has(m.path)) files.set(m.path, fileOf(m.path));
    const file = files.get(m.path);
    return file ? [{ console: m, file }] : [];
  });
  // A ConsoleWriter set only in a development branch (`if config.Environment == "development" {
  // log.Logger = log.Output(zerolog.ConsoleWriter{…}) }`) leaves zerolog's JSON in production.
  const devOnly = consoles.flatMap((m) => {
    const branch = devOnlyBranch(ctx.files.lines(m.path) ?? '', m.line);
    return branch
      ? [{ console: m, branch: { path: m.path, line: branch.line, snippet: branch.snippet, groups: [] } }]
      : [];
  });
  const text = consoles.filter((m) => !toFile.some((f) => f.console === m) && !devOnly.some((d) => d.console === m));
  const lograge = serverCodeMatches(ctx.facts, ctx.matches('lograge')).filter((m) =>
    /\.to_json\b|JSON\.(?:generate|dump)/.test(m.snippet),
  );
  const appenders = serverCodeMatches(ctx.facts, ctx.matches('jsonAppender'));
  // Settings of development profiles and of the tests do not say what production writes.
  const switches = ctx
    .matches('jsonSwitch')
    .filter((m) => isProductionPath(m.path) && !/(^|[-_/])(dev|development|local|test)[^/]*$/i.test(m.path));
  const on = switches.filter((m) => m.groups[0] === 'true');
  const off = switches.filter((m) => m.groups[0] === 'false');
  const switchedOff = appenders.length > 0 && on.length === 0 && off.length > 0 ? appenders : [];
  return {
    json: [...lograge, ...(switchedOff.length > 0 ? [] : appenders)],
    text,
    switchedOff,
    switchOff: switchedOff.length > 0 ? off : [],
    toFile,
    devOnly,
  };
}

const indentOf = (l: string) => l.length - l.trimStart().length;

/** The Python dictConfig `formatters` entry around line `at` (1-based): its name and whether it renders JSON. */
function formatterAt(lines: Lines, at: number): { name: string; json: boolean } | undefined {
  let depth = indentOf(lines.line(at));
  let entry: number | undefined;
  // A formatter written on one line (`"logstash": {"()": "logstash_formatter.LogstashFormatter"},`):
  // its name is on the line itself, and the key it sits under must be `formatters` (blind round 24,
  // cla_backend settings/base.py:304, a JSON formatter no handler uses).
  const inline = /^\s*["']([\w.-]+)["']\s*:\s*\{.*\}\s*(?:,\s*)?$/.exec(lines.line(at));
  if (inline) {
    for (let n = at - 1; n >= 1 && n >= at - 40; n--) {
      const l = lines.line(n);
      if (l.trim() === '' || indentOf(l) >= depth) continue;
      const key = /^\s*["']([\w.-]+)["']\s*:\s*\{\s*$/.exec(l);
      return key?.[1] === 'formatters' ? { name: inline[1]!, json: JSON_RENDERER.test(lines.line(at)) } : undefined;
    }
    return undefined;
  }
  for (let n = at - 1; n >= 1 && n >= at - 40; n--) {
    const l = lines.line(n);
    if (l.trim() === '' || indentOf(l) >= depth) continue;
    const key = /^\s*["']([\w.-]+)["']\s*:\s*\{\s*$/.exec(l);
    if (!key) return undefined;
    depth = indentOf(l);
    if (entry === undefined) {
      entry = n;
      continue;
    }
    if (key[1] !== 'formatters') return undefined;
    const head = lines.line(entry);
    const body: string[] = [];
    for (
      let j = entry + 1;
      j <= lines.count && (lines.line(j).trim() === '' || indentOf(lines.line(j)) > indentOf(head));
      j++
    )
      body.push(lines.line(j));
    return { name: /["']([\w.-]+)["']/.exec(head)![1]!, json: JSON_RENDERER.test(body.join('\n')) };
  }
  return undefined;
}

/** A formatter or handler named for JSON: `newFormatterJSON`, `JsonLogFormatter`, `jsonHandler`. */
const OWN_JSON_NAME =
  /^(?=\w*json)\w*(?:formatter|handler|encoder|layout)|^\w*(?:formatter|handler|encoder|layout)json/i;

const JSON_RENDERER = /JSONRenderer\s*\(|JsonFormatter\b|jsonlogger|pythonjsonlogger|LogstashFormatter\b/;

/**
 * The match is no JSON output a handler writes: inside a dictConfig formatter that renders no JSON
 * or that no handler names, or structlog wrapped for the stdlib formatters (`wrap_for_formatter`)
 * in a file whose JSON formatters no handler uses.
 */
function unusedJsonFormatters(files: FileView): (m: Match) => boolean {
  // What is true of the whole file (whether it has formatters, which names handlers use, its JSON
  // formatters) is worked out once per file, not once per match.
  const byFile = new Map<
    string,
    { lines: Lines; used: (name: string) => boolean; wrapped: boolean; unused: () => boolean } | null
  >();
  const fileOf = (path: string) => {
    const text = files.read(path);
    if (!text || !path.endsWith('.py') || !/["']formatters["']\s*:/.test(text)) return null;
    const lines = files.lines(path)!;
    const names = new Map<string, boolean>();
    const used = (name: string) => {
      if (!names.has(name))
        names.set(
          name,
          new RegExp(String.raw`["']formatter["']\s*:\s*["']${name.replace(/\./g, '\\.')}["']`).test(text),
        );
      return names.get(name)!;
    };
    let unused: boolean | undefined;
    return {
      lines,
      used,
      wrapped: /\bwrap_for_formatter\b/.test(text),
      unused: () => {
        if (unused === undefined) {
          const jsonFormatters: ({ name: string; json: boolean } | undefined)[] = [];
          for (let n = 1; n <= lines.count; n++)
            if (JSON_RENDERER.test(lines.line(n))) jsonFormatters.push(formatterAt(lines, n));
          unused = jsonFormatters.length > 0 && jsonFormatters.every((f) => f !== undefined && !used(f.name));
        }
        return unused;
      },
    };
  };
  return (m) => {
    if (!byFile.has(m.path)) byFile.set(m.path, fileOf(m.path));
    const file = byFile.get(m.path);
    if (!file) return false;
    const own = formatterAt(file.lines, m.line);
    if (own !== undefined) return !own.json || !file.used(own.name);
    if (!/\bstructlog\.(?:configure|stdlib)/.test(m.snippet) || !file.wrapped) return false;
    return file.unused();
  };
}

/** Terraform resources that run code as a function: its logs are the service's logs. */
const FUNCTION_RESOURCES = [
  'aws_lambda_function',
  'google_cloudfunctions_function',
  'google_cloudfunctions2_function',
  'azurerm_function_app',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
];

/**
 * An infrastructure repository that declares functions (AWS Lambda, Cloud Functions, Azure
 * Functions) and ships their code (production source files beside the Terraform): the code it
 * ships logs as a service does, and is judged (blind round 44: a Terragrunt root with 16 Lambdas
 * whose code logs JSON was N/A "for infrastructure"; tests, types and container-user judged them).
 */
function shipsFunctionCode(ctx: RuleContext): boolean {
  const tf = terraform(ctx.files);
  if (!resourcesOf(tf, ...FUNCTION_RESOURCES).some((r) => isProductionPath(r.path))) return false;
  return ctx.files.match(CODE).some((p) => isProductionPath(p) && !isTestPath(p));
}
