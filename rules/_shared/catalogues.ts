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
  // security/authentication: libraries that authenticate requests (dependency evidence only; code patterns live in the rule).
  authentication: [
    'passport', 'passport-*', '@nestjs/passport', '@nestjs/jwt', 'jsonwebtoken', 'jose', 'express-jwt', 'express-openid-connect', 'express-session',
    'next-auth', '@auth/*', 'better-auth', 'lucia', '@fastify/jwt', '@fastify/auth', '@fastify/passport', 'koa-jwt', '@hapi/jwt', 'hapi-auth-jwt2',
    'firebase-admin', '@clerk/*', '@supabase/auth-helpers-*', 'jwks-rsa', 'openid-client', 'oidc-provider', '@okta/*', 'keycloak-connect',
    'pyjwt', 'python-jose', 'authlib', 'flask-jwt-extended', 'flask-login', 'flask-httpauth', 'flask-security', 'flask-security-too',
    'djangorestframework-simplejwt', 'django-allauth', 'dj-rest-auth', 'django-oauth-toolkit', 'mozilla-django-oidc', 'fastapi-users', 'fastapi-jwt-auth', 'python-keycloak', 'joserfc',
    'github.com/golang-jwt/jwt*', 'github.com/dgrijalva/jwt-go', 'github.com/lestrrat-go/jwx*', 'github.com/coreos/go-oidc*', 'golang.org/x/oauth2', 'github.com/markbates/goth',
    'github.com/auth0/go-jwt-middleware*', 'github.com/appleboy/gin-jwt*', 'github.com/gofiber/contrib/jwt', 'github.com/go-chi/jwtauth*', 'github.com/zitadel/oidc*',
    'org.springframework.boot:spring-boot-starter-security', 'org.springframework.boot:spring-boot-starter-oauth2-*', 'org.springframework.security:*',
    'io.jsonwebtoken:*', 'com.auth0:java-jwt', 'com.nimbusds:nimbus-jose-jwt', 'org.keycloak:*', 'io.quarkus:quarkus-oidc', 'io.quarkus:quarkus-smallrye-jwt', 'io.micronaut.security:*',
    'Microsoft.AspNetCore.Authentication.*', 'Microsoft.Identity.Web', 'Microsoft.AspNetCore.Identity*', 'System.IdentityModel.Tokens.Jwt', 'Duende.IdentityServer', 'OpenIddict*',
    'devise', 'devise_token_auth', 'omniauth', 'omniauth-*', 'jwt', 'doorkeeper', 'rodauth', 'rodauth-rails', 'sorcery', 'clearance', 'knock',
    'laravel/sanctum', 'laravel/passport', 'laravel/fortify', 'laravel/breeze', 'laravel/jetstream', 'tymon/jwt-auth', 'php-open-source-saver/jwt-auth', 'firebase/php-jwt', 'lexik/jwt-authentication-bundle', 'symfony/security-bundle', 'league/oauth2-server',
    'jsonwebtoken', 'actix-web-httpauth', 'axum-login', 'openidconnect', 'jwt-simple',
  ],
  // security/authorization: role, permission and policy libraries.
  authorization: [
    'casbin', '@casl/*', 'accesscontrol', 'role-acl', '@permify/*', 'permitio', 'oso', 'cerbos', '@cerbos/*', 'openfga', '@openfga/sdk', 'nest-access-control',
    'pycasbin', 'casbin', 'django-guardian', 'django-rules', 'rules', 'django-role-permissions', 'flask-principal', 'flask-authorize', 'fastapi-permissions', 'oso', 'cerbos', 'openfga-sdk', 'py-abac',
    'github.com/casbin/casbin*', 'github.com/open-policy-agent/opa', 'github.com/cerbos/cerbos*', 'github.com/openfga/go-sdk', 'github.com/ory/keto*', 'github.com/permitio/permit-golang',
    'org.springframework.boot:spring-boot-starter-security', 'org.springframework.security:spring-security-acl', 'org.casbin:jcasbin', 'dev.cerbos:*', 'dev.openfga:*',
    'Casbin.NET', 'Microsoft.AspNetCore.Authorization', 'Microsoft.AspNetCore.Authorization.*', 'OpenFga.Sdk',
    'pundit', 'cancancan', 'action_policy', 'rolify', 'access-granted',
    'spatie/laravel-permission', 'casbin/casbin', 'bezhansalleh/filament-shield', 'santigarcor/laratrust', 'silber/bouncer', 'zizaco/entrust',
    'casbin', 'oso', 'cedar-policy',
  ],
  // security/security-scanning: tools whose name (or action) in a CI command means code or dependencies are scanned.
  'security-scanners': [
    'codeql', 'semgrep', 'snyk', 'trivy', 'grype', 'anchore/scan-action', 'bandit', 'gosec', 'govulncheck', 'npm audit', 'yarn audit', 'yarn npm audit', 'pnpm audit', 'bun audit',
    'audit-ci', 'better-npm-audit', 'pip-audit', 'safety check', 'safety scan', 'dependency-check', 'dependency-check-maven', 'dependencyCheckAnalyze', 'gitleaks', 'trufflehog', 'detect-secrets',
    'checkov', 'tfsec', 'kics', 'terrascan', 'sonarqube', 'sonarcloud', 'sonar-scanner', 'sonarscanner', 'sonar:sonar', 'SonarSource/', 'cargo audit', 'cargo deny', 'cargo-audit', 'cargo-deny',
    'bundle audit', 'bundler-audit', 'brakeman', 'composer audit', 'local-php-security-checker', 'dotnet list package --vulnerable', 'osv-scanner', 'dependency-review-action',
    'docker scout', 'zap-baseline', 'zaproxy/action', 'whitesource', 'veracode', 'checkmarx', 'horusec', 'njsscan', 'nancy', 'spotbugs-security', 'find-sec-bugs', 'security-code-scan', 'devskim', 'ossf/scorecard-action', 'Security/SAST', 'Security/Dependency-Scanning', 'Security/Secret-Detection', 'Security/Container-Scanning', 'Jobs/SAST', 'Jobs/Dependency-Scanning', 'Jobs/Secret-Detection', 'Jobs/Container-Scanning',
  ],
};

export function catalogueFor(name: string, detect?: Record<string, string[]>): string[] {
  return [...(CATALOGUES[name] ?? []), ...(detect?.[name] ?? [])];
}


// architecture pillar
Object.assign(CATALOGUES, {
  // Libraries that generate an API description from code (api-contract: partial credit).
  'openapi-generators': [
    '@nestjs/swagger', 'swagger-jsdoc', 'swagger-ui-express', '@fastify/swagger', 'fastify-swagger', 'tsoa', '@hono/zod-openapi', 'hono-openapi', 'express-openapi',
    'drf-spectacular', 'drf-yasg', 'flasgger', 'flask-smorest', 'apispec', 'flask-restx', 'django-ninja', 'spectree',
    'github.com/swaggo/swag', 'github.com/swaggo/gin-swagger', 'github.com/swaggo/http-swagger*', 'github.com/danielgtaylor/huma*',
    'org.springdoc:*', 'io.springfox:*', 'io.swagger.core.v3:*', 'io.smallrye:smallrye-open-api*', 'io.quarkus:quarkus-smallrye-openapi', 'io.micronaut.openapi:*',
    'Swashbuckle.AspNetCore*', 'NSwag.AspNetCore', 'Microsoft.AspNetCore.OpenApi', 'Scalar.AspNetCore',
    'rswag*', 'grape-swagger', 'darkaonline/l5-swagger', 'nelmio/api-doc-bundle', 'zircote/swagger-php', 'api-platform/core',
    'utoipa', 'aide', 'paperclip', 'rocket_okapi',
  ],
  // Relational database clients and ORMs: a dependency means the project owns a schema.
  'database-clients': [
    'pg', 'mysql', 'mysql2', 'sqlite3', 'better-sqlite3', '@prisma/client', 'prisma', 'typeorm', 'sequelize', 'knex', 'drizzle-orm', '@mikro-orm/core', 'objection', 'kysely', 'postgres', 'tedious', 'mssql', 'oracledb',
    'psycopg2', 'psycopg2-binary', 'psycopg', 'asyncpg', 'sqlalchemy', 'django', 'pymysql', 'mysqlclient', 'aiomysql', 'peewee', 'tortoise-orm', 'sqlmodel', 'pony', 'databases', 'flask-sqlalchemy',
    'github.com/lib/pq', 'github.com/jackc/pgx*', 'gorm.io/gorm', 'github.com/go-sql-driver/mysql', 'github.com/jmoiron/sqlx', 'entgo.io/ent', 'github.com/mattn/go-sqlite3', 'github.com/uptrace/bun', 'modernc.org/sqlite', 'github.com/go-pg/pg*',
    'org.springframework.boot:spring-boot-starter-data-jpa', 'org.springframework.boot:spring-boot-starter-jdbc', 'org.springframework.boot:spring-boot-starter-data-jdbc', 'org.springframework.boot:spring-boot-starter-data-r2dbc', 'org.hibernate:hibernate-core', 'org.hibernate.orm:hibernate-core', 'org.postgresql:postgresql', 'mysql:mysql-connector-java', 'com.mysql:mysql-connector-j', 'org.mariadb.jdbc:mariadb-java-client', 'com.microsoft.sqlserver:mssql-jdbc', 'org.jooq:jooq', 'org.mybatis*', 'org.jetbrains.exposed:*', 'io.quarkus:quarkus-hibernate-orm*', 'io.quarkus:quarkus-jdbc-*',
    'Microsoft.EntityFrameworkCore*', 'Npgsql*', 'Dapper', 'MySql.Data', 'MySqlConnector', 'Pomelo.EntityFrameworkCore.MySql', 'Microsoft.Data.SqlClient', 'System.Data.SqlClient', 'linq2db',
    'activerecord', 'rails', 'pg', 'mysql2', 'sqlite3', 'sequel',
    'doctrine/orm', 'doctrine/dbal', 'laravel/framework', 'illuminate/database',
    'diesel', 'sqlx', 'sea-orm', 'tokio-postgres', 'rusqlite',
  ],
  // Tools that version schema changes (database-migrations: configured but no migration files → partial).
  'migration-tools': [
    'alembic', 'flask-migrate', 'yoyo-migrations', 'org.flywaydb:*', 'org.liquibase:*', 'io.quarkus:quarkus-flyway', 'io.quarkus:quarkus-liquibase',
    'github.com/golang-migrate/migrate*', 'github.com/pressly/goose*', 'ariga.io/atlas*', 'github.com/rubenv/sql-migrate',
    'knex', 'node-pg-migrate', 'db-migrate', 'umzug', 'prisma', 'drizzle-kit', 'typeorm', 'sequelize-cli',
    'FluentMigrator*', 'dbup*', 'Microsoft.EntityFrameworkCore.Design', 'Microsoft.EntityFrameworkCore.Tools',
    'doctrine/doctrine-migrations-bundle', 'doctrine/migrations', 'robmorgan/phinx', 'diesel_migrations', 'refinery', 'sea-orm-migration',
  ],
  // Libraries that load configuration from the environment (config-externalized).
  'config-libraries': [
    'pydantic-settings', 'python-dotenv', 'environs', 'django-environ', 'python-decouple', 'dynaconf', 'hydra-core', 'everett',
    'dotenv', 'dotenv-flow', 'envalid', 'convict', '@nestjs/config', 'config', 'env-var', '@t3-oss/env-core', '@t3-oss/env-nextjs', 'znv', 'dotenv-safe', '@dotenvx/dotenvx',
    'github.com/spf13/viper', 'github.com/kelseyhightower/envconfig', 'github.com/caarlos0/env*', 'github.com/joho/godotenv', 'github.com/sethvargo/go-envconfig', 'github.com/knadh/koanf*', 'github.com/ilyakaznacheev/cleanenv',
    'org.springframework.boot:spring-boot-starter', 'org.springframework.boot:spring-boot-autoconfigure', 'org.springframework.cloud:spring-cloud-starter-config', 'io.micronaut:micronaut-runtime', 'io.quarkus:quarkus-core', 'com.typesafe:config', 'io.github.cdimascio:dotenv-java',
    'Microsoft.Extensions.Configuration*', 'Microsoft.Extensions.Options*', 'DotNetEnv',
    'dotenv-rails', 'dotenv', 'figaro', 'config', 'anyway_config',
    'vlucas/phpdotenv', 'symfony/dotenv', 'laravel/framework',
    'dotenvy', 'envy', 'figment', 'config', 'envconfig',
  ],
});


// Reliability: resilience libraries per concern (npm, PyPI, Maven/Gradle group:artifact, NuGet, Go modules, gems, Composer, crates).
Object.assign(CATALOGUES, {
  retries: [
    'p-retry', 'async-retry', 'axios-retry', 'retry', 'retry-axios', 'cockatiel', 'exponential-backoff', '@lifeomic/attempt', 'fetch-retry',
    'tenacity', 'backoff', 'retrying', 'stamina', 'retry2',
    'org.springframework.retry:spring-retry', 'io.github.resilience4j:resilience4j-retry', 'io.github.resilience4j:resilience4j-spring-boot*', 'io.github.resilience4j:resilience4j-kotlin', 'dev.failsafe:failsafe', 'net.jodah:failsafe',
    'Polly', 'Polly.Core', 'Polly.Extensions', 'Microsoft.Extensions.Http.Polly', 'Microsoft.Extensions.Http.Resilience', 'Microsoft.Extensions.Resilience',
    'github.com/cenkalti/backoff*', 'github.com/avast/retry-go*', 'github.com/hashicorp/go-retryablehttp', 'github.com/sethvargo/go-retry', 'github.com/failsafe-go/failsafe-go',
    'retriable', 'retryable', 'faraday-retry', 'backoff', 'backon', 'tokio-retry', 'reqwest-retry',
  ],
  'circuit-breakers': [
    'opossum', 'cockatiel', 'brakes', 'mollitia',
    'pybreaker', 'aiobreaker', 'circuitbreaker', 'purgatory',
    'io.github.resilience4j:resilience4j-circuitbreaker', 'io.github.resilience4j:resilience4j-spring-boot*', 'org.springframework.cloud:spring-cloud-starter-circuitbreaker-*',
    'com.netflix.hystrix:hystrix-core', 'org.springframework.cloud:spring-cloud-starter-netflix-hystrix', 'dev.failsafe:failsafe', 'net.jodah:failsafe',
    'Polly', 'Polly.Core', 'Microsoft.Extensions.Http.Polly', 'Microsoft.Extensions.Http.Resilience',
    'github.com/sony/gobreaker*', 'github.com/afex/hystrix-go', 'github.com/rubyist/circuitbreaker', 'github.com/eapache/go-resiliency', 'github.com/failsafe-go/failsafe-go',
    'circuitbox', 'stoplight', 'semian', 'ackintosh/ganesha', 'failsafe', 'recloser',
  ],
  'rate-limiting': [
    'express-rate-limit', 'rate-limiter-flexible', '@fastify/rate-limit', 'fastify-rate-limit', '@nestjs/throttler', 'koa-ratelimit', 'express-slow-down', 'hono-rate-limiter', '@upstash/ratelimit',
    'slowapi', 'flask-limiter', 'django-ratelimit', 'fastapi-limiter',
    'com.bucket4j:bucket4j-core', 'com.bucket4j:bucket4j_jdk17-core', 'com.github.vladimir-bukhtoyarov:bucket4j-core', 'io.github.resilience4j:resilience4j-ratelimiter', 'com.giffing.bucket4j.spring.boot.starter:bucket4j-spring-boot-starter',
    'AspNetCoreRateLimit', 'System.Threading.RateLimiting', 'Microsoft.AspNetCore.RateLimiting',
    'golang.org/x/time', 'github.com/didip/tollbooth*', 'github.com/ulule/limiter*', 'github.com/go-chi/httprate', 'go.uber.org/ratelimit', 'github.com/sethvargo/go-limiter',
    'rack-attack', 'rack-throttle', 'governor', 'tower_governor', 'actix-governor', 'spatie/laravel-rate-limited-job-middleware',
  ],
});
