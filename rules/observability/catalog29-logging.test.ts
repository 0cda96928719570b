/**
 * Structured loggers the catalogue and the JSON pattern did not know (issue 15): go-hclog with
 * `JSONFormat: true`, tslog `type: "json"`, NestJS's ConsoleLogger `json: true`, logback's own
 * JsonEncoder. Beside look-alikes: the same loggers left in text mode.
 */
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './structured-logging.js';

const svc = { profile: 'service' as const };
const goHclog = (json: string) => ({
  'go.mod': 'module agent\n\ngo 1.22\n\nrequire github.com/hashicorp/go-hclog v1.6.3\n',
  'main.go': `package main\n\nimport (\n\t"net/http"\n\n\t"github.com/hashicorp/go-hclog"\n)\n\nfunc main() {\n\tlogger := hclog.New(&hclog.LoggerOptions{\n\t\tName:       "agent",\n${json}\t})\n\tlogger.Info("starting", "port", 8080)\n\thttp.ListenAndServe(":8080", nil)\n}\n`,
});
const tslogApp = (options: string) => ({
  'package.json': '{"name":"svc","dependencies":{"express":"^4.19.0","tslog":"^4.9.0"}}',
  'src/log.ts': `import { Logger } from "tslog";\n\nexport const log = new Logger(${options});\n`,
  'src/server.ts':
    "import express from 'express';\nimport { log } from './log';\n\nconst app = express();\napp.listen(3000, () => log.info('listening', { port: 3000 }));\n",
});

ruleTester(rule, {
  valid: [
    {
      name: 'tslog type: "json" with a request id on every line: JSON and correlation',
      ...svc,
      tree: {
        ...tslogApp('{ name: "svc", type: "json" }'),
        'src/server.ts':
          "import express from 'express';\nimport { log } from './log';\n\nconst app = express();\napp.use((req, res, next) => {\n  const requestId = req.header('X-Request-Id') ?? crypto.randomUUID();\n  res.locals.log = log.getSubLogger({ name: requestId });\n  next();\n});\napp.listen(3000, () => log.info('listening', { port: 3000 }));\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'src/log.ts', line: 3, note: 'JSON/structured logger configured' }],
      },
    },
    {
      name: "NestJS 11's ConsoleLogger with json: true, and a correlation id",
      ...svc,
      tree: {
        'package.json': '{"name":"svc","dependencies":{"@nestjs/core":"^11.0.0","@nestjs/common":"^11.0.0"}}',
        'src/main.ts':
          "import { ConsoleLogger } from '@nestjs/common';\nimport { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule, { logger: new ConsoleLogger({ json: true }) });\n  app.use((req, _res, next) => { req.correlationId = req.headers['x-correlation-id']; next(); });\n  await app.listen(3000);\n}\nbootstrap();\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main.ts', line: 6 }] },
    },
  ],
  invalid: [
    {
      name: 'go-hclog with JSONFormat: true writes JSON (no request ids: a pass, the id a suggestion)',
      ...svc,
      tree: goHclog('\t\tJSONFormat: true,\n'),
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'main.go', line: 12, note: 'JSON/structured logger configured' }],
      },
    },
    {
      name: 'tslog with type: "json"',
      ...svc,
      tree: tslogApp('{ name: "svc", type: "json" }'),
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'src/log.ts', line: 3, note: 'JSON/structured logger configured' }],
      },
    },
    {
      name: 'look-alike: go-hclog in its default text format',
      ...svc,
      tree: goHclog(''),
      expect: { outcome: 'partial', absent: ['JSON/structured logger configured'] },
    },
    {
      name: 'look-alike: tslog in its "pretty" mode',
      ...svc,
      tree: tslogApp('{ name: "svc", type: "pretty" }'),
      expect: { outcome: 'partial', absent: ['JSON/structured logger configured'] },
    },
  ],
});
