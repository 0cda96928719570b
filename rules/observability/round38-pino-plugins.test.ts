import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import structuredLogging from './structured-logging.js';

/**
 * Blind round 38: pino's framework plugins (hapi-pino, koa-pino-logger, express-pino-logger,
 * pino-http) log JSON lines, each request's with its request id.
 */
const tree = (plugin: string, dep: string) => ({
  'package.json': JSON.stringify({ name: 'pay', dependencies: { '@hapi/hapi': '^21.0.0', [dep]: '^12.0.0' } }),
  'app/server/index.js':
    "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server({ port: 3000 });\nawait server.register(require('./plugins/logging'));\nawait server.start();\n",
  'app/server/plugins/logging.js': `module.exports = {\n  plugin: ${plugin},\n  options: { logPayload: true, level: 'warn' }\n}\n`,
});

describe('round 38: pino framework plugins are JSON logging', () => {
  it('hapi-pino registered as a plugin: JSON logs with request ids', async () => {
    const r = await runRuleOn(structuredLogging, tree("require('hapi-pino')", 'hapi-pino'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/server/plugins/logging.js',
        line: 2,
        note: expect.stringMatching(/req\.id/),
      }),
    );
  });

  it('koa-pino-logger imported as a module is JSON logging too', async () => {
    const r = await runRuleOn(
      structuredLogging,
      {
        'package.json': JSON.stringify({ name: 'k', dependencies: { koa: '^2.0.0', 'koa-pino-logger': '^4.0.0' } }),
        'src/app.js':
          "import Koa from 'koa';\nimport logger from 'koa-pino-logger';\nconst app = new Koa();\napp.use(logger());\napp.listen(3000);\n",
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });

  it('a plugin that is not a pino logger (hapi good-console text) is not JSON logging', async () => {
    const r = await runRuleOn(structuredLogging, tree("require('@hapi/good')", '@hapi/good'), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
  });
});
