/**
 * Blind round 27: `pino({ level, serializers })` writes JSON by default and was "no structured
 * logging". The Node loggers' defaults: pino and bunyan write JSON; winston's createLogger too,
 * unless a format is named; pino-pretty as pino's only output writes text.
 */
import rule from './structured-logging.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'svc', dependencies: deps }, null, 2);
const REQUEST_ID = "app.use((req, res, next) => { res.setHeader('x-request-id', crypto.randomUUID()); next(); });\n";

ruleTester(rule, {
  valid: [
    {
      name: 'pino with options and no transport writes JSON (its default)',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', pino: '^9.0.0' }),
        'src/server.ts': `import express from 'express';\nconst app = express();\n${REQUEST_ID}app.listen(3000);\n`,
        'src/utils/logger.ts':
          "import pino from 'pino';\n\nexport const logger = pino({\n  level: 'debug',\n  serializers: { err: pino.stdSerializers.err },\n});\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/utils/logger.ts', line: 1 }] },
    },
    {
      name: 'pino-pretty only in development leaves JSON in production',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', pino: '^9.0.0' }),
        'src/server.ts': `import express from 'express';\nconst app = express();\n${REQUEST_ID}app.listen(3000);\n`,
        'src/logger.ts':
          "import pino from 'pino';\nexport const logger = pino({\n  transport: process.env.NODE_ENV === 'development' ? { target: 'pino-pretty' } : undefined,\n});\n",
      },
      expect: { outcome: 'pass' },
    },
    {
      name: "winston's createLogger with no format writes JSON (the default format is json())",
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', winston: '^3.13.0' }),
        'src/server.js': `const express = require('express');\nconst app = express();\n${REQUEST_ID}app.listen(3000);\n`,
        'src/log.js':
          "const winston = require('winston');\nmodule.exports = winston.createLogger({ level: 'info', transports: [new winston.transports.Console()] });\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/log.js', line: 2 }] },
    },
  ],
  invalid: [
    {
      name: 'pino whose only transport is pino-pretty prints text everywhere',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', pino: '^9.0.0', 'pino-pretty': '^11.0.0' }),
        'src/server.ts': `import express from 'express';\nconst app = express();\n${REQUEST_ID}app.listen(3000);\n`,
        'src/logger.ts':
          "import pino from 'pino';\nexport const logger = pino({\n  transport: { target: 'pino-pretty', options: { colorize: true } },\n});\n",
      },
      expect: { outcome: 'partial', message: ['without JSON output'] },
    },
    {
      name: 'winston with a text format stays text',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', winston: '^3.13.0' }),
        'src/server.js': `const express = require('express');\nconst app = express();\n${REQUEST_ID}app.listen(3000);\n`,
        'src/log.js':
          "const winston = require('winston');\nmodule.exports = winston.createLogger({ format: winston.format.simple(), transports: [new winston.transports.Console()] });\n",
      },
      expect: { outcome: 'partial', message: ['without JSON output'] },
    },
  ],
});
