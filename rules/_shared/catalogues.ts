/**
 * Detection catalogues: library names per concern, as data. A user extends any of them from the
 * config (`detect: {metrics: ["@acme/metrics"]}`); rules read them through ctx.catalogue(name).
 * Names match dependencies exactly or, with a trailing `*`, by prefix (case-insensitive).
 */
export const CATALOGUES: Record<string, string[]> = {
  'security-headers': [
    'helmet', '@fastify/helmet', 'fastify-helmet', 'koa-helmet', 'hono', 'flask-talisman', 'talisman', 'secure',
    'django', 'github.com/unrolled/secure', 'NWebsec.AspNetCore.Middleware', 'NetEscapades.AspNetCore.SecurityHeaders',
    'secure_headers', 'org.springframework.boot:spring-boot-starter-security', 'bepsvpt/secure-headers',
  ],
  // Observability (rules/observability). Structured loggers: JSON by default or with a JSON mode.
  'structured-logging': [
    'pino', 'pino-http', 'nestjs-pino', 'bunyan', 'winston', 'roarr', '@elastic/ecs-winston-format', '@elastic/ecs-pino-format',
    'structlog', 'python-json-logger', 'loguru', 'ecs-logging', 'json-logging', 'django-structlog',
    'go.uber.org/zap', 'github.com/rs/zerolog', 'github.com/sirupsen/logrus', 'github.com/apex/log', 'github.com/go-kit/log',
    'net.logstash.logback:logstash-logback-encoder', 'co.elastic.logging:*', 'org.apache.logging.log4j:log4j-layout-template-json',
    'io.quarkus:quarkus-logging-json',
    'Serilog', 'Serilog.*', 'NLog.*', 'Microsoft.Extensions.Logging.Console',
    'lograge', 'semantic_logger', 'rails_semantic_logger', 'ougai',
    'monolog/monolog',
    'tracing-subscriber', 'slog-json', 'tracing-bunyan-formatter', 'json_env_logger',
  ],
  // Request/correlation id middleware.
  'request-ids': [
    'express-request-id', 'cls-rtracer', 'express-correlation-id', 'correlation-id', 'asgi-correlation-id', 'django-guid',
    'django-log-request-id', 'CorrelationId', 'Microsoft.AspNetCore.HeaderPropagation',
  ],
  metrics: [
    'prom-client', 'express-prom-bundle', 'express-prometheus-middleware', '@willsoto/nestjs-prometheus', 'fastify-metrics',
    '@opentelemetry/sdk-metrics', '@opentelemetry/exporter-prometheus', 'hot-shots', 'node-statsd', 'statsd-client', 'datadog-metrics',
    'prometheus-client', 'prometheus-fastapi-instrumentator', 'starlette-exporter', 'django-prometheus', 'prometheus-flask-exporter',
    'statsd', 'datadog', 'opentelemetry-exporter-prometheus', 'aioprometheus',
    'github.com/prometheus/client_golang', 'go.opentelemetry.io/otel/sdk/metric', 'go.opentelemetry.io/otel/exporters/prometheus',
    'github.com/DataDog/datadog-go*', 'github.com/cactus/go-statsd-client*', 'github.com/armon/go-metrics', 'github.com/VictoriaMetrics/metrics',
    'io.micrometer:micrometer-*', 'org.springframework.boot:spring-boot-starter-actuator', 'io.prometheus:*', 'io.dropwizard.metrics:*',
    'io.quarkus:quarkus-micrometer*', 'io.quarkus:quarkus-smallrye-metrics',
    'prometheus-net', 'prometheus-net.*', 'App.Metrics*', 'OpenTelemetry.Exporter.Prometheus*',
    'prometheus-client-ruby', 'prometheus_exporter', 'yabeda*', 'dogstatsd-ruby', 'statsd-instrument',
    'promphp/prometheus_client_php', 'endclothing/prometheus_client_php', 'jimdo/prometheus_client_php',
    'prometheus', 'metrics', 'metrics-exporter-prometheus', 'axum-prometheus', 'actix-web-prom', 'opentelemetry-prometheus',
  ],
  tracing: [
    '@opentelemetry/sdk-node', '@opentelemetry/sdk-trace-node', '@opentelemetry/sdk-trace-base', '@opentelemetry/auto-instrumentations-node',
    '@opentelemetry/api', 'dd-trace', 'elastic-apm-node', 'jaeger-client', 'zipkin', 'aws-xray-sdk', 'aws-xray-sdk-core', '@vercel/otel',
    'newrelic', '@google-cloud/trace-agent',
    'opentelemetry-sdk', 'opentelemetry-api', 'opentelemetry-distro', 'opentelemetry-instrumentation*', 'ddtrace', 'elastic-apm',
    'aws-xray-sdk', 'py-zipkin', 'jaeger-client', 'opencensus*', 'logfire',
    'go.opentelemetry.io/otel', 'go.opentelemetry.io/otel/sdk', 'go.opentelemetry.io/contrib/*', 'github.com/opentracing/opentracing-go',
    'github.com/uber/jaeger-client-go', 'gopkg.in/DataDog/dd-trace-go.v1', 'github.com/DataDog/dd-trace-go*', 'github.com/openzipkin/zipkin-go',
    'github.com/aws/aws-xray-sdk-go', 'go.elastic.co/apm*',
    'io.opentelemetry:*', 'io.opentelemetry.instrumentation:*', 'io.micrometer:micrometer-tracing*', 'org.springframework.cloud:spring-cloud-starter-sleuth',
    'org.springframework.cloud:spring-cloud-starter-zipkin', 'org.springframework.boot:spring-boot-starter-zipkin', 'org.springframework.boot:spring-boot-starter-opentelemetry', 'org.springframework.boot:spring-boot-micrometer-tracing*',
    'io.zipkin.brave:*', 'io.jaegertracing:*', 'com.datadoghq:dd-trace-api', 'co.elastic.apm:*', 'io.quarkus:quarkus-opentelemetry',
    'OpenTelemetry', 'OpenTelemetry.*', 'Datadog.Trace*', 'Elastic.Apm*', 'AWSXRayRecorder*', 'Jaeger*',
    'opentelemetry-sdk', 'opentelemetry-instrumentation-*', 'ddtrace', 'elastic-apm', 'aws-xray-sdk',
    'open-telemetry/opentelemetry', 'open-telemetry/sdk', 'open-telemetry/*', 'datadog/dd-trace',
    'opentelemetry', 'opentelemetry_sdk', 'opentelemetry-otlp', 'tracing-opentelemetry', 'opentelemetry-jaeger', 'opentelemetry-zipkin',
  ],
  'error-tracking': [
    '@sentry/*', 'raven', 'rollbar', '@bugsnag/*', 'bugsnag', '@honeybadger-io/*', 'airbrake', '@airbrake/*', 'raygun', 'trackjs',
    'sentry-sdk', 'raven', 'rollbar', 'bugsnag', 'honeybadger', 'airbrake', 'pybrake',
    'github.com/getsentry/sentry-go', 'github.com/rollbar/rollbar-go', 'github.com/bugsnag/bugsnag-go*', 'github.com/honeybadger-io/honeybadger-go',
    'github.com/airbrake/gobrake*',
    'io.sentry:*', 'com.rollbar:*', 'com.bugsnag:*', 'io.honeybadger:*', 'io.airbrake:*',
    'Sentry', 'Sentry.*', 'Rollbar', 'Rollbar.*', 'Bugsnag', 'Bugsnag.*', 'Honeybadger*', 'Mindscape.Raygun4Net*', 'Raygun4Net*',
    'sentry-ruby', 'sentry-rails', 'sentry-raven', 'sentry-sidekiq', 'rollbar', 'bugsnag', 'honeybadger', 'airbrake', 'raygun4ruby',
    'sentry/sentry', 'sentry/sentry-laravel', 'sentry/sentry-symfony', 'rollbar/rollbar', 'rollbar/rollbar-laravel', 'bugsnag/bugsnag*',
    'honeybadger-io/*', 'airbrake/phpbrake',
    'sentry', 'sentry-*', 'rollbar', 'bugsnag', 'honeybadger', 'airbrake',
  ],
};

export function catalogueFor(name: string, detect?: Record<string, string[]>): string[] {
  return [...(CATALOGUES[name] ?? []), ...(detect?.[name] ?? [])];
}
