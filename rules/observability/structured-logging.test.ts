import rule from './structured-logging.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'svc', dependencies: deps }, null, 2);

ruleTester(rule, {
  valid: [
    {
      name: 'Node: pino-http with request ids passes',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', pino: '^9.0.0', 'pino-http': '^10.0.0' }),
        'src/log.ts': "import pino from 'pino';\nexport const logger = pino({ level: 'info' });\nexport const http = pinoHttp({ logger, genReqId: (req) => req.headers['x-request-id'] ?? randomUUID() });\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/log.ts', line: 1 }], data: { requestIds: true } },
    },
    {
      name: 'Python: structlog with a correlation id middleware passes',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110.0\nstructlog==24.1.0\nasgi-correlation-id==4.3.0\n',
        'app/logging.py': 'import structlog\nstructlog.configure(processors=[structlog.processors.JSONRenderer()])\n',
        'app/main.py': 'app.add_middleware(CorrelationIdMiddleware)\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/logging.py', line: 2 }, { path: 'app/main.py', line: 1 }] },
    },
    {
      name: 'Go: logrus with JSONFormatter and a request id passes',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/sirupsen/logrus v1.9.3\n',
        'main.go': 'package main\n\nfunc main() {\n\tlog.SetFormatter(&logrus.JSONFormatter{})\n\tlog.WithField("request_id", id).Info("start")\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'main.go', line: 4 }] },
    },
    {
      name: 'Java: logstash-logback-encoder in logback.xml with MDC passes',
      profile: 'service',
      tree: {
        'src/main/resources/logback-spring.xml': '<configuration>\n  <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">\n    <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>\n  </appender>\n</configuration>\n',
        'src/main/java/RequestIdFilter.java': 'class RequestIdFilter { void f() { MDC.put("requestId", id); } }\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main/resources/logback-spring.xml', line: 3 }] },
    },
    {
      name: '.NET: Serilog with a pushed correlation id passes',
      profile: 'service',
      tree: { 'Program.cs': 'builder.Host.UseSerilog((ctx, cfg) => cfg.WriteTo.Console(new CompactJsonFormatter()));\nusing (LogContext.PushProperty("CorrelationId", id)) { }\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'Program.cs', line: 1 }] },
    },
  ],
  invalid: [
    {
      name: 'winston without a JSON format is partial',
      profile: 'service',
      tree: { 'package.json': pkg({ express: '^4.19.0', winston: '^3.13.0' }), 'src/log.js': "const logger = winston.createLogger({ format: winston.format.simple(), transports: [new winston.transports.Console()] });\n" },
      expect: { outcome: 'partial', score: 0.35, message: ['without JSON output', 'no request/correlation id'], evidence: [{ path: 'src/log.js', line: 1 }] },
    },
    {
      name: 'slog with a text handler is partial, a JSON handler would pass',
      profile: 'service',
      tree: { 'go.mod': 'module example.com/svc\n\ngo 1.22\n', 'main.go': 'package main\n\nvar logger = slog.New(slog.NewTextHandler(os.Stdout, nil))\n' },
      expect: { outcome: 'partial', message: 'without JSON output', evidence: [{ path: 'main.go', line: 3 }] },
    },
    {
      name: 'JSON logs without request ids are partial, naming the missing part',
      profile: 'service',
      tree: { 'go.mod': 'module example.com/svc\n\ngo 1.22\n', 'main.go': 'package main\n\nvar logger = slog.New(slog.NewJSONHandler(os.Stdout, nil))\n' },
      expect: { outcome: 'partial', score: 0.8, message: 'no request/correlation id', evidence: [{ path: 'main.go', line: 3 }] },
    },
    {
      name: 'structlog declared but never configured is partial',
      profile: 'service',
      tree: { 'requirements.txt': 'flask==3.0.0\nstructlog==24.1.0\n', 'app.py': 'import logging\nlog = logging.getLogger(__name__)\n# structlog.configure(...) later\n' },
      expect: { outcome: 'partial', score: 0.3, message: 'structlog declared', evidence: [{ path: 'requirements.txt', line: 2 }] },
    },
    {
      name: 'print-style logging fails',
      profile: 'service',
      tree: { 'app.rb': 'puts "started"\n', Gemfile: "gem 'sinatra'\n" },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [{ name: 'a library is not asked for JSON logs', profile: 'library', tree: { 'lib.py': 'x = 1\n' }, expect: { outcome: 'not-applicable' } }],
});
