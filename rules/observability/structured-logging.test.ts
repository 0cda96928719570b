import { expect } from 'vitest';
import rule from './structured-logging.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'svc', dependencies: deps }, null, 2);

ruleTester(rule, {
  valid: [
    {
      name: 'a Django dictConfig JSON formatter that the console handler uses writes JSON',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\nstructlog==24.1\ndjango-structlog==8.0\n',
        'shelf/settings.py':
          "import structlog\n\nMIDDLEWARE = [\n    'django_structlog.middlewares.RequestMiddleware',\n]\n\nLOGGING = {\n    'version': 1,\n    'formatters': {\n        'json_formatter': {\n            '()': structlog.stdlib.ProcessorFormatter,\n            'processor': structlog.processors.JSONRenderer(),\n        },\n        'plain_console': {\n            '()': structlog.stdlib.ProcessorFormatter,\n            'processor': structlog.dev.ConsoleRenderer(),\n        },\n    },\n    'handlers': {\n        'console': {\n            'class': 'logging.StreamHandler',\n            'formatter': 'json_formatter',\n        },\n    },\n    'root': {'handlers': ['console'], 'level': 'INFO'},\n}\n\nstructlog.configure(\n    processors=[\n        structlog.processors.TimeStamper(fmt='iso'),\n        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,\n    ],\n    logger_factory=structlog.stdlib.LoggerFactory(),\n)\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'shelf/settings.py', line: 11 }] },
    },
    {
      name: "Fastify's built-in logger given an options function (pino: JSON lines) counts at the Fastify({ line",
      profile: 'service',
      tree: {
        'package.json': pkg({ fastify: '^5.0.0' }),
        'src/server.ts':
          "import Fastify from 'fastify'\n\nfunction getLoggerOptions () {\n  return { level: process.env.LOG_LEVEL ?? 'info' }\n}\n\nconst app = Fastify({\n  logger: getLoggerOptions(),\n  requestTimeout: 60_000\n})\napp.get('/', async (request) => {\n  request.log.info({ id: request.id }, 'hello')\n  return {}\n})\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/server.ts', line: 7, note: 'JSON/structured logger configured' },
          { path: 'src/server.ts', line: 7, note: expect.stringContaining('reqId') },
        ],
      },
    },
    {
      name: 'Node: pino-http with request ids passes',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', pino: '^9.0.0', 'pino-http': '^10.0.0' }),
        'src/log.ts':
          "import pino from 'pino';\nexport const logger = pino({ level: 'info' });\nexport const http = pinoHttp({ logger, genReqId: (req) => req.headers['x-request-id'] ?? randomUUID() });\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/log.ts', line: 1 }], data: { requestIds: true } },
    },
    {
      name: "Django: django-structlog's RequestMiddleware added to MIDDLEWARE binds a request id to every line (round 5)",
      profile: 'service',
      tree: {
        'requirements/base.txt': 'Django==5.0\ndjango-structlog==8.0\n',
        'config/settings/loggers/setup.py':
          'import structlog\n\n\nclass Setup:\n    @staticmethod\n    def settings(INSTALLED_APPS, MIDDLEWARE):\n        mw = "django_structlog.middlewares.RequestMiddleware"\n        return INSTALLED_APPS + ["django_structlog"], MIDDLEWARE + [mw]\n\n    @staticmethod\n    def configure():\n        structlog.configure(processors=[structlog.processors.JSONRenderer()])\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'config/settings/loggers/setup.py', line: 12 },
          { path: 'config/settings/loggers/setup.py', line: 7, note: 'request/correlation id' },
        ],
      },
    },
    {
      name: 'Python: structlog with a correlation id middleware passes',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110.0\nstructlog==24.1.0\nasgi-correlation-id==4.3.0\n',
        'app/logging.py': 'import structlog\nstructlog.configure(processors=[structlog.processors.JSONRenderer()])\n',
        'app/main.py': 'app.add_middleware(CorrelationIdMiddleware)\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'app/logging.py', line: 2 },
          { path: 'app/main.py', line: 1 },
        ],
      },
    },
    {
      name: 'Go: logrus with JSONFormatter and a request id passes',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/sirupsen/logrus v1.9.3\n',
        'main.go':
          'package main\n\nfunc main() {\n\tlog.SetFormatter(&logrus.JSONFormatter{})\n\tlog.WithField("request_id", id).Info("start")\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'main.go', line: 4 }] },
    },
    {
      name: 'Java: logstash-logback-encoder in logback.xml with MDC passes',
      profile: 'service',
      tree: {
        'src/main/resources/logback-spring.xml':
          '<configuration>\n  <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">\n    <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>\n  </appender>\n</configuration>\n',
        'src/main/java/RequestIdFilter.java': 'class RequestIdFilter { void f() { MDC.put("requestId", id); } }\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main/resources/logback-spring.xml', line: 3 }] },
    },
    {
      name: '.NET: Serilog with a JSON formatter named in appsettings.json passes',
      profile: 'service',
      tree: {
        'Api/Program.cs':
          'builder.Host.UseSerilog((ctx, cfg) => cfg.ReadFrom.Configuration(ctx.Configuration));\napp.UseMiddleware<CorrelationIdMiddleware>();\n',
        'Api/appsettings.json':
          '{\n  "Serilog": {\n    "WriteTo": [\n      { "Name": "Console", "Args": { "formatter": "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact" } }\n    ]\n  }\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Api/appsettings.json', line: 4 }] },
    },
    {
      name: '.NET: Serilog with a pushed correlation id passes',
      profile: 'service',
      tree: {
        'Program.cs':
          'builder.Host.UseSerilog((ctx, cfg) => cfg.WriteTo.Console(new CompactJsonFormatter()));\nusing (LogContext.PushProperty("CorrelationId", id)) { }\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Program.cs', line: 1 }] },
    },
    {
      name: 'Rails: a Lograge formatter lambda that calls to_json writes JSON',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'lograge'\n",
        'config/environments/production.rb':
          'Rails.application.configure do\n  config.log_tags = [:request_id]\n  config.lograge.enabled = true\n  config.lograge.formatter = ->(data) { data.except(:path).to_json }\nend\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'config/environments/production.rb', line: 4 }] },
    },
    {
      name: 'Spring: a JSON appender added in code whose setting production turns on is JSON logging',
      profile: 'service',
      tree: {
        'src/main/java/app/config/LoggingConfiguration.java':
          'class LoggingConfiguration {\n  LoggingConfiguration(Props p) {\n    if (p.isUseJsonFormat()) {\n      addJsonConsoleAppender(context, fields);\n    }\n    MDC.put("requestId", id);\n  }\n}\n',
        'src/main/resources/config/application-prod.yml': 'jhipster:\n  logging:\n    use-json-format: true\n',
        'src/main/resources/config/application-dev.yml': 'jhipster:\n  logging:\n    use-json-format: false\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'src/main/java/app/config/LoggingConfiguration.java', line: 4 }],
      },
    },
    {
      name: 'Ruby: Klogger given formatter: :json writes one JSON object per line',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'klogger-logger'\n",
        'lib/mailer/config.rb':
          'module Mailer\n  def self.logger\n    @logger ||= Klogger.new(nil, destination: $stdout, formatter: :json)\n  end\nend\n',
      },
      expect: { outcome: 'pass', score: 1, evidence: [{ path: 'lib/mailer/config.rb', line: 3 }] },
    },
    {
      name: '.NET: Squidex.Log semantic logging (ConfigureSemanticLog) writes JSON records',
      profile: 'service',
      tree: {
        'src/Cms/Cms.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Squidex.Log" Version="8.0.3" />\n  </ItemGroup>\n</Project>\n',
        'src/Cms/Config/LoggingServices.cs':
          'public static class LoggingServices\n{\n    public static void ConfigureForCms(this ILoggingBuilder builder, IConfiguration config)\n    {\n        builder.ClearProviders();\n        builder.ConfigureSemanticLog(config);\n    }\n}\n',
      },
      expect: {
        outcome: 'pass',
        score: 1,
        evidence: [{ path: 'src/Cms/Config/LoggingServices.cs', line: 6, note: 'JSON/structured logger configured' }],
      },
    },
  ],
  invalid: [
    {
      name: 'a PHP class named *Formatter that escapes JSON into HTML for an audit-log page is not JSON logging',
      profile: 'service',
      tree: {
        'composer.json':
          '{\n  "require": {\n    "symfony/framework-bundle": "^7.0",\n    "symfony/monolog-bundle": "^3.10"\n  }\n}\n',
        'config/packages/monolog.yaml':
          'monolog:\n    handlers:\n        main:\n            type: stream\n            path: php://stderr\n            level: info\n',
        'src/Services/Audit/LogDataFormatter.php':
          '<?php\nnamespace App\\Services\\Audit;\n\nclass LogDataFormatter\n{\n    public function formatJSON(array $data): string\n    {\n        $json = htmlspecialchars(json_encode($data, JSON_PRETTY_PRINT), ENT_QUOTES);\n        return sprintf(\'<div data-json="%s"></div>\', $json);\n    }\n}\n',
      },
      expect: { outcome: 'fail', absent: ['LogDataFormatter.php'] },
    },
    {
      name: 'Ruby: Klogger with its default formatter writes key=value text, not JSON (a logger without JSON output)',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'klogger-logger'\n",
        'lib/mailer/config.rb':
          'module Mailer\n  def self.logger\n    @logger ||= Klogger.new(nil, destination: $stdout, highlight: false)\n  end\nend\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.35,
        message: 'without JSON output',
        evidence: [{ path: 'lib/mailer/config.rb', line: 3, note: 'logger without a JSON format' }],
        data: { libraries: ['klogger-logger'] },
      },
    },
    {
      name: 'Fastify with logger: false logs nothing structured',
      profile: 'service',
      tree: {
        'package.json': pkg({ fastify: '^5.0.0' }),
        'src/server.ts':
          "import Fastify from 'fastify'\nconst app = Fastify({\n  logger: false\n})\napp.listen({ port: 3000 })\n",
      },
      expect: { outcome: 'fail' },
    },
    {
      name: "Nest: the project's own LoggerModule.forRoot whose service calls console.log with strings is a logger without JSON",
      profile: 'service',
      tree: {
        'package.json': pkg({ '@nestjs/core': '^10.0.0', '@nestjs/common': '^10.0.0' }),
        'src/app.module.ts':
          "import { Module } from '@nestjs/common';\nimport { LoggerModule } from './logger/logger.module';\n\n@Module({\n  imports: [LoggerModule.forRoot()],\n})\nexport class AppModule {}\n",
        'src/logger/logger.module.ts':
          "import { DynamicModule } from '@nestjs/common';\nimport { LoggerService } from './logger.service';\n\nexport class LoggerModule {\n  static forRoot(): DynamicModule {\n    return { module: LoggerModule, providers: [LoggerService], exports: [LoggerService] };\n  }\n}\n",
        'src/logger/logger.service.ts':
          'export class LoggerService {\n  private prefix?: string;\n  log(message: string) {\n    console.log(this.prefix ? `[${this.prefix}] ${message}` : message);\n  }\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.35,
        message: 'without JSON output',
        evidence: [{ path: 'src/app.module.ts', line: 5, note: 'logger without a JSON format' }],
      },
    },
    {
      name: "Go: an AMQP RPC client's CorrelationID field is reply matching, not log correlation",
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire go.uber.org/zap v1.27.0\n',
        'pkg/logger/logger.go':
          'package logger\n\nimport "go.uber.org/zap"\n\nfunc New() *zap.Logger {\n\tl, _ := zap.NewProduction()\n\treturn l\n}\n',
        'pkg/rmq/client/client.go':
          'package client\n\nimport amqp "github.com/rabbitmq/amqp091-go"\n\ntype Message struct {\n\tQueue         string\n\tCorrelationID string\n\tPayload       []byte\n}\n\nfunc (c *Client) reply(d amqp.Delivery) { c.calls[d.CorrelationId] <- d }\n',
        'cmd/app/main.go': 'package main\n\nfunc main() { logger.New().Info("started") }\n',
      },
      expect: {
        outcome: 'pass',
        score: 1,
        message: 'Suggestion: attach a request/correlation id',
        evidence: [{ path: 'pkg/logger/logger.go', line: 6 }],
      },
    },
    {
      name: '.NET: Serilog JsonFormatter named in AppSettings.json (capitalised, as the host reads it on Windows) is JSON output',
      profile: 'service',
      tree: {
        'source/Web/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Host.UseSerilog();\n',
        'source/Web/AppSettings.json':
          '{\n    "Serilog": {\n        "WriteTo": [\n            { "Name": "Console" },\n            {\n                "Name": "File",\n                "Args": {\n                    "formatter": "Serilog.Formatting.Json.JsonFormatter, Serilog",\n                    "path": "Logs/.log"\n                }\n            }\n        ]\n    }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Logs are structured (JSON or OpenTelemetry log records). Suggestion: attach a request/correlation id',
        evidence: [{ path: 'source/Web/AppSettings.json', line: 8 }],
      },
    },
    {
      name: 'Symfony: Monolog formatter monolog.formatter.json under when@prod is JSON logging in production',
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"symfony/framework-bundle":"^7.1","symfony/monolog-bundle":"^3.10"}}',
        'src/Kernel.php': '<?php\nnamespace App;\n\nclass Kernel extends BaseKernel {}\n',
        'config/packages/monolog.yaml':
          'monolog:\n    channels:\n        - deprecation\n\nwhen@dev:\n    monolog:\n        handlers:\n            main:\n                type: stream\n                path: "%kernel.logs_dir%/%kernel.environment%.log"\n                level: debug\n\nwhen@prod:\n    monolog:\n        handlers:\n            main:\n                type: fingers_crossed\n                action_level: error\n                handler: nested\n            nested:\n                type: stream\n                path: php://stderr\n                level: debug\n                formatter: monolog.formatter.json\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Logs are structured',
        evidence: [{ path: 'config/packages/monolog.yaml', line: 24, note: 'JSON/structured logger configured' }],
      },
    },
    {
      name: 'Symfony: a JSON formatter only under when@dev is not production logging',
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"symfony/framework-bundle":"^7.1","symfony/monolog-bundle":"^3.10"}}',
        'src/Kernel.php': '<?php\nnamespace App;\n\nclass Kernel extends BaseKernel {}\n',
        'config/packages/monolog.yaml':
          'monolog:\n    channels:\n        - deprecation\n\nwhen@dev:\n    monolog:\n        handlers:\n            main:\n                type: stream\n                path: "%kernel.logs_dir%/%kernel.environment%.log"\n                level: debug\n                formatter: monolog.formatter.json\n\nwhen@prod:\n    monolog:\n        handlers:\n            main:\n                type: fingers_crossed\n                action_level: error\n                handler: nested\n            nested:\n                type: stream\n                path: php://stderr\n                level: debug\n',
      },
      expect: { outcome: 'fail', data: { jsonFiles: 0 } },
    },
    {
      name: 'an MDC key that is no id (starting_context) and a method named log…ToDTO near a traceId are no correlation ids',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>',
        'src/main/java/app/Application.java':
          'public class Application {\n  public static void main(String[] args) {\n    MDC.put("starting_context", "[starting] ");\n    SpringApplication.run(Application.class, args);\n  }\n}\n',
        'src/main/java/app/AuditApi.java':
          'class AuditApi {\n  List<LogDTO> query(String traceId) {\n    return AuditUtil.logListToDTOList(service.findByTraceId(traceId));\n  }\n}\n',
      },
      expect: {
        outcome: 'fail',
        data: { requestIds: false },
        absent: ['Application.java', 'AuditApi.java'],
      },
    },
    {
      name: '.NET: Serilog writing a text outputTemplate (MessageTemplateTextFormatter) is plain text, not JSON',
      profile: 'service',
      tree: {
        'API/Logging/LogLevelOptions.cs':
          'const string outputTemplate = "[App] [{Timestamp:HH:mm:ss} {CorrelationId}] [{Level}] {Message:lj}{NewLine}";\nLog.Logger = new LoggerConfiguration()\n    .Enrich.FromLogContext()\n    .WriteTo.Console(new MessageTemplateTextFormatter(outputTemplate))\n    .WriteTo.File(LogFile, outputTemplate: outputTemplate)\n    .CreateLogger();\n',
        'API/Program.cs': 'builder.Host.UseSerilog();\n',
      },
      expect: { outcome: 'partial', data: { jsonFiles: 0 } },
    },
    {
      name: 'Spring Cloud Sleuth puts trace ids on every log line: request ids without JSON are partial',
      profile: 'service',
      tree: {
        'account-service/pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.cloud</groupId>\n      <artifactId>spring-cloud-starter-sleuth</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'account-service/src/main/java/acct/App.java': 'class App {}\n',
      },
      expect: {
        outcome: 'partial',
        message: 'Request/correlation ids found',
        evidence: [{ path: 'account-service/pom.xml', line: 5 }],
      },
    },
    {
      name: 'Spring Boot 4 spring-boot-starter-zipkin brings Micrometer Tracing: trace ids on log lines',
      profile: 'service',
      tree: {
        'vets-service/pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-zipkin</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'vets-service/src/main/java/vets/App.java': 'class App {}\n',
      },
      expect: {
        outcome: 'partial',
        message: 'Request/correlation ids found',
        evidence: [{ path: 'vets-service/pom.xml', line: 5 }],
      },
    },
    {
      name: 'winston without a JSON format is partial',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', winston: '^3.13.0' }),
        'src/log.js':
          'const logger = winston.createLogger({ format: winston.format.simple(), transports: [new winston.transports.Console()] });\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.35,
        message: ['without JSON output', 'no request/correlation id'],
        evidence: [{ path: 'src/log.js', line: 1 }],
      },
    },
    {
      name: 'slog with a text handler (key=value lines) is partial, a JSON handler would pass',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n',
        'main.go': 'package main\n\nvar logger = slog.New(slog.NewTextHandler(os.Stdout, nil))\n',
      },
      expect: {
        outcome: 'partial',
        message: 'key=value (logfmt) lines, not JSON',
        evidence: [{ path: 'main.go', line: 3 }],
      },
    },
    {
      name: 'JSON logs without request ids pass, the missing id named as a suggestion (round 30)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n',
        'main.go': 'package main\n\nvar logger = slog.New(slog.NewJSONHandler(os.Stdout, nil))\n',
      },
      expect: {
        outcome: 'pass',
        score: 1,
        message: 'Suggestion: attach a request/correlation id',
        evidence: [{ path: 'main.go', line: 3 }],
      },
    },
    {
      name: 'structlog declared but never configured is partial',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\nstructlog==24.1.0\n',
        'app.py':
          'import logging\nimport structlog\nlog = logging.getLogger(__name__)\n# structlog.configure(...) later\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: 'structlog declared',
        evidence: [{ path: 'requirements.txt', line: 2, note: expect.stringContaining('imported at app.py:2') }],
      },
    },
    {
      name: 'structlog declared but never imported fails, and the evidence says it was set aside',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\nstructlog==24.1.0\n',
        'app.py': 'import logging\nlog = logging.getLogger(__name__)\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'requirements.txt', line: 2, note: expect.stringContaining('no code imports it') }],
      },
    },
    {
      name: "the project's own log package that renders records as JSON is structured logging (ntfy-style Go)",
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/push\n\ngo 1.22\n',
        'log/event.go':
          'package log\n\nfunc (e *Event) Render() string {\n\tif CurrentFormat() == JSONFormat {\n\t\tb, _ := json.Marshal(e)\n\t\treturn string(b)\n\t}\n\treturn e.String()\n}\n',
      },
      expect: { outcome: 'pass', score: 1, evidence: [{ path: 'log/event.go', line: 5 }] },
    },
    {
      name: 'print-style logging fails',
      profile: 'service',
      tree: {
        'app.rb': 'puts "started"\n',
        Gemfile: "gem 'sinatra'\n",
        // JSON in an API handler is a response, not a log record.
        'api/handlers.rb': 'def show\n  JSON.generate(item)\nend\n',
        // Django REST framework's JSONRenderer serialises a response, not a log record.
        'cookbook/integration/default.py':
          "def export(x):\n    return 'recipe.json', JSONRenderer().render(x).decode('utf-8')\n",
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'Go: zerolog writing to a log file and a stdout ConsoleWriter through one multi-writer: JSON on the file output, text on stdout, said so (round 12)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/snippets\n\ngo 1.22\n\nrequire github.com/rs/zerolog v1.33.0\n',
        'internal/config/logging.go': [
          'package config',
          '',
          'import (',
          '\t"io"',
          '\t"os"',
          '',
          '\t"github.com/rs/zerolog"',
          '\t"github.com/rs/zerolog/log"',
          ')',
          '',
          'func SetupLog(outputs []string, dir string) {',
          '\tvar writers []io.Writer',
          '\tconsole := zerolog.NewConsoleWriter(func(w *zerolog.ConsoleWriter) { w.NoColor = true })',
          '\tfor _, o := range outputs {',
          '\t\tswitch o {',
          '\t\tcase "stdout":',
          '\t\t\twriters = append(writers, console)',
          '\t\tcase "file":',
          '\t\t\tf, _ := os.OpenFile(dir+"/app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)',
          '\t\t\twriters = append(writers, f)',
          '\t\t}',
          '\t}',
          '\tlog.Logger = zerolog.New(zerolog.MultiLevelWriter(writers...)).With().Timestamp().Logger()',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message: [
          'zerolog writes JSON to the log file (internal/config/logging.go:19)',
          'ConsoleWriter, which writes text',
        ],
        evidence: [
          { path: 'internal/config/logging.go', line: 19, note: 'log file output: zerolog writes JSON to it' },
          {
            path: 'internal/config/logging.go',
            line: 13,
            note: 'stdout output: a ConsoleWriter writes text, not JSON',
          },
        ],
        absent: ['but without JSON output'],
        data: { jsonOutputs: ['file'], textOutputs: ['stdout'] },
      },
    },
    {
      name: 'Go: zerolog switched to a ConsoleWriter writes text, so its import is no JSON evidence',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/rs/zerolog v1.33.0\n',
        'app.go':
          'package main\n\nimport (\n\t"os"\n\n\t"github.com/rs/zerolog"\n\t"github.com/rs/zerolog/log"\n)\n\nfunc main() {\n\tlog.Logger = log.Output(zerolog.ConsoleWriter{Out: os.Stdout})\n\tlog.Info().Msg("start")\n}\n',
      },
      expect: {
        outcome: 'partial',
        message: 'without JSON output',
        evidence: [{ path: 'app.go', line: 11, note: 'logger without a JSON format' }],
      },
    },
    {
      name: 'Spring: a JSON appender behind a setting that production leaves off is partial, citing both',
      profile: 'service',
      tree: {
        'src/main/java/app/config/LoggingConfiguration.java':
          'class LoggingConfiguration {\n  LoggingConfiguration(Props p) {\n    if (p.isUseJsonFormat()) {\n      addJsonConsoleAppender(context, fields);\n    }\n  }\n}\n',
        'src/main/resources/config/application-prod.yml': 'jhipster:\n  logging:\n    use-json-format: false\n',
        'src/test/resources/config/application.yml': 'jhipster:\n  logging:\n    use-json-format: false\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'switched off by the configuration',
        evidence: [
          { path: 'src/main/java/app/config/LoggingConfiguration.java', line: 4 },
          { path: 'src/main/resources/config/application-prod.yml', line: 3 },
        ],
      },
    },
    {
      name: 'Go: zerolog with a ConsoleWriter set only in a development branch writes JSON in production (round 14)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/ledger\n\ngo 1.22\n\nrequire github.com/rs/zerolog v1.33.0\n',
        'main.go': [
          'package main',
          '',
          'import (',
          '\t"os"',
          '',
          '\t"github.com/rs/zerolog"',
          '\t"github.com/rs/zerolog/log"',
          ')',
          '',
          'func main() {',
          '\tcfg := loadConfig()',
          '\tif cfg.Environment == "development" {',
          '\t\tlog.Logger = log.Output(zerolog.ConsoleWriter{Out: os.Stderr})',
          '\t}',
          '\tlog.Info().Str("addr", cfg.Addr).Msg("starting server")',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        score: 1,
        message: ['Logs are structured'],
        evidence: [
          { path: 'main.go', line: 6, note: 'JSON/structured logger configured' },
          { path: 'main.go', line: 13, note: expect.stringContaining('only in development (main.go:12') },
        ],
        absent: ['logger without a JSON format'],
      },
    },
    {
      name: '.NET: ILogger message templates with named placeholders are structured fields; JSON is up to the host provider (round 14)',
      profile: 'service',
      tree: {
        'src/Shelf/Shelf.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n',
        'src/Shelf/ShelfCache.cs': [
          'using Microsoft.Extensions.Logging;',
          '',
          'namespace Shelf;',
          '',
          'public sealed class ShelfCache(ILogger<ShelfCache> logger)',
          '{',
          '\tprivate readonly ILogger _logger = logger;',
          '',
          '\tpublic void Evict(string key, string name)',
          '\t{',
          '\t\t_logger.LogDebug("SHELF [N={CacheName}] evicting (K={CacheKey})", name, key);',
          '\t\t_logger.LogWarning($"evicted {key}");',
          '\t}',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: [
          'ILogger message templates with named placeholders (src/Shelf/ShelfCache.cs:11)',
          "host's logging provider",
        ],
        evidence: [
          { path: 'src/Shelf/ShelfCache.cs', line: 11, note: 'ILogger message template with named placeholders' },
        ],
      },
    },
    {
      name: '.NET: only interpolated strings in ILogger calls are text, not message templates',
      profile: 'service',
      tree: {
        'src/Shelf/Shelf.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n',
        'src/Shelf/ShelfCache.cs':
          'public sealed class ShelfCache\n{\n\tpublic void Evict(string key)\n\t{\n\t\t_logger.LogWarning($"evicted {key}");\n\t}\n}\n',
      },
      expect: { outcome: 'fail', absent: ['Logs carry structured fields'] },
    },
  ],
  notApplicable: [
    {
      name: 'a library is not asked for JSON logs',
      profile: 'library',
      tree: { 'lib.py': 'x = 1\n' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});

ruleTester(rule, {
  valid: [
    {
      name: 'Node: winston with json() inside a multi-line combine passes',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', winston: '^3.13.0' }),
        'src/logger.ts':
          "import { createLogger, format, transports } from 'winston';\nconst { combine, timestamp, json } = format;\nexport const logger = createLogger({\n  format: combine(\n    timestamp(),\n    json(),\n  ),\n  defaultMeta: { requestId: 'x-request-id' },\n});\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/logger.ts', line: 6 }] },
    },
    {
      name: 'Ruby: lograge with a hand-written JSON formatter and request ids passes',
      profile: 'service',
      tree: {
        Gemfile: "gem 'rails'\ngem 'lograge'\n",
        'config/log_formatter.rb':
          'class LogFormatter\n  def call(data)\n    ::JSON.dump({message: data})\n  end\nend\n',
        'config/environments/production.rb':
          'config.lograge.formatter = LogFormatter.new\nconfig.lograge.enabled = true\nconfig.log_tags = [:request_id]\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'config/log_formatter.rb', line: 3 },
          { path: 'config/environments/production.rb', line: 3 },
        ],
      },
    },
    {
      name: '.NET: OpenTelemetry log export is structured and trace-correlated',
      profile: 'service',
      tree: {
        'src/ServiceDefaults/Extensions.cs':
          'builder.Logging.AddOpenTelemetry(logging =>\n{\n    logging.IncludeFormattedMessage = true;\n});\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'src/ServiceDefaults/Extensions.cs', line: 1 }],
        data: { requestIds: true },
      },
    },
  ],
  invalid: [
    {
      name: 'a Django dictConfig JSON formatter that no handler uses is no JSON logging (console renderer in use)',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\nstructlog==24.1\ndjango-structlog==8.0\n',
        'shelf/settings.py':
          "import structlog\n\nMIDDLEWARE = [\n    'django_structlog.middlewares.RequestMiddleware',\n]\n\nLOGGING = {\n    'version': 1,\n    'formatters': {\n        'json_formatter': {\n            '()': structlog.stdlib.ProcessorFormatter,\n            'processor': structlog.processors.JSONRenderer(),\n        },\n        'plain_console': {\n            '()': structlog.stdlib.ProcessorFormatter,\n            'processor': structlog.dev.ConsoleRenderer(),\n        },\n    },\n    'handlers': {\n        'console': {\n            'class': 'logging.StreamHandler',\n            'formatter': 'plain_console',\n        },\n    },\n    'root': {'handlers': ['console'], 'level': 'INFO'},\n}\n\nstructlog.configure(\n    processors=[\n        structlog.processors.TimeStamper(fmt='iso'),\n        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,\n    ],\n    logger_factory=structlog.stdlib.LoggerFactory(),\n)\n",
      },
      expect: {
        outcome: 'partial',
        message: 'without JSON output',
        evidence: [
          { path: 'shelf/settings.py', line: 11, note: 'a JSON formatter is defined, but no logging handler uses it' },
        ],
      },
    },
    {
      name: 'an auth token stored in the context under the name requestId is no correlation id',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0' }),
        'src/mcp.ts':
          "import express from 'express';\nconst app = express();\napp.post('/mcp', async (req, res) => {\n  const token = req.headers.authorization;\n  await runWithContext({ requestId: token!, auth }, async () => handle(req, res));\n});\n",
      },
      expect: { outcome: 'fail', absent: ['src/mcp.ts'] },
    },
    {
      name: 'redux-logger createLogger in a frontend is not a server logger',
      profile: 'service',
      tree: {
        'web/src/store.js':
          "import { createLogger } from 'redux-logger';\nconst logger = createLogger({ collapsed: true });\n",
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Go: an id bound by a call inside a multi-line log call is cited at that call',
      profile: 'service',
      tree: {
        'main.go': 'package main\n\nvar cfg = zap.Config{\n\tEncoding:         "json",\n}\n',
        'internal/http/mw.go':
          'package http\n\nfunc mw() {\n\tl := logger.With(\n\t\tzap.String("request_id", rid),\n\t)\n\t_ = l\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'main.go', line: 4 },
          { path: 'internal/http/mw.go', line: 5, note: 'request/correlation id' },
        ],
      },
    },
    {
      name: 'Go: an id more than 160 characters after a log call is not bound to it',
      profile: 'service',
      tree: {
        'main.go': 'package main\n\nvar cfg = zap.Config{\n\tEncoding:         "json",\n}\n',
        'internal/jobs/run.go': `package jobs\n\nfunc run() {\n\tlog.Printf("start")\n${'\t// step\n'.repeat(30)}\tid := job.TraceID\n}\n`,
      },
      expect: { outcome: 'pass', score: 1, data: { requestIds: false } },
    },
    {
      name: 'Go: a zap config with JSON encoding but no request id passes (the id is a suggestion)',
      profile: 'service',
      tree: { 'main.go': 'package main\n\nvar cfg = zap.Config{\n\tEncoding:         "json",\n}\n' },
      expect: { outcome: 'pass', score: 1, evidence: [{ path: 'main.go', line: 4 }] },
    },
    {
      name: 'a Rails `request_id` param of a Request model is not a correlation id',
      profile: 'service',
      tree: {
        Gemfile: "gem 'rails'\ngem 'lograge'\n",
        'config/environments/production.rb': 'config.lograge.enabled = true\n',
        'app/controllers/requests_controller.rb': '@request = Request.find(params[:request_id])\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.35,
        message: ['without JSON output', 'no request/correlation id'],
        data: { requestIds: false },
      },
    },
    {
      name: 'a requestId in an API payload is not a log correlation id',
      profile: 'service',
      tree: {
        'app/calendar.py':
          'import structlog\nstructlog.configure()\nbody = {"conferenceData": {"createRequest": {"requestId": request_id}}}\n',
      },
      expect: { outcome: 'pass', score: 1, data: { requestIds: false } },
    },
    {
      name: "a payment API response's correlation id getter is not log correlation; the same id put in the MDC is (round 15)",
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n',
        'src/main/java/shop/payment/ExpressCheckout.java': [
          'package shop.payment;',
          '',
          'class ExpressCheckout {',
          '  Result init(SetResponse setExpressCheckoutResponse) {',
          '    String correlationID = setExpressCheckoutResponse.getCorrelationID();',
          '    reply.correlation_id = correlationID;',
          '    return new Result(correlationID);',
          '  }',
          '}',
        ].join('\n'),
      },
      expect: { outcome: 'fail', data: { requestIds: false }, absent: ['ExpressCheckout.java'] },
    },
    {
      name: 'the same correlation id handed to the logging context (MDC.put) is log correlation',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n',
        'src/main/java/shop/payment/ExpressCheckout.java': [
          'package shop.payment;',
          '',
          'class ExpressCheckout {',
          '  Result init(SetResponse setExpressCheckoutResponse) {',
          '    MDC.put("correlationId", setExpressCheckoutResponse.getCorrelationID());',
          '    return new Result();',
          '  }',
          '}',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        data: { requestIds: true },
        evidence: [
          { path: 'src/main/java/shop/payment/ExpressCheckout.java', line: 5, note: 'request/correlation id' },
        ],
      },
    },
    {
      name: 'protobuf JsonFormatter in generated code is not a logger',
      profile: 'service',
      tree: {
        'src/Protos/Basket.cs':
          'public override string ToString() {\n  return pb::JsonFormatter.ToDiagnosticString(this);\n}\n',
      },
      expect: { outcome: 'fail' },
    },
  ],
});
