import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import metrics from './metrics.js';
import tracing from './tracing.js';

/**
 * Blind round 38: vendor OpenTelemetry distributions (`@azure/monitor-opentelemetry`'s
 * `useAzureMonitor()`) trace requests and export metrics; Sentry's Java SDK with
 * `setTracesSampleRate(…)` records performance transactions (tracing).
 */
const NODE = (deps: Record<string, string>, insights: string) => ({
  'package.json': JSON.stringify({ name: 'pay', dependencies: { '@hapi/hapi': '^21.0.0', ...deps } }),
  'app/index.js':
    "require('./insights').setup()\nconst Hapi = require('@hapi/hapi');\nHapi.server({ port: 3000 }).start();\n",
  'app/insights.js': insights,
  'app/routes/metrics.js':
    "module.exports = { method: 'GET', path: '/metrics', handler: async () => ({ payments: await count() }) }\n",
});
const AZURE =
  "const { useAzureMonitor } = require('@azure/monitor-opentelemetry')\nconst setup = () => {\n  if (process.env.CONN) useAzureMonitor({ azureMonitorExporterOptions: { connectionString: process.env.CONN } })\n}\nmodule.exports = { setup }\n";

describe('round 38: vendor OpenTelemetry distributions and Sentry Java tracing', () => {
  it('useAzureMonitor() is tracer and metrics set-up; a business /metrics page is not cited', async () => {
    const tree = NODE({ '@azure/monitor-opentelemetry': '^1.18.0' }, AZURE);
    const t = await runRuleOn(tracing, tree, { profile: 'service' });
    expect(t.outcome).toBe('pass');
    expect(t.evidence).toContainEqual(expect.objectContaining({ path: 'app/insights.js', line: 3 }));
    const m = await runRuleOn(metrics, tree, { profile: 'service' });
    expect(m.outcome).toBe('pass');
    expect(m.message).not.toMatch(/\/metrics route/);
  });

  it('without the distribution: no tracing, no metrics', async () => {
    const tree = NODE({}, 'const setup = () => console.log("no telemetry")\nmodule.exports = { setup }\n');
    expect((await runRuleOn(tracing, tree, { profile: 'service' })).outcome).toBe('fail');
    expect((await runRuleOn(metrics, tree, { profile: 'service' })).outcome).toBe('fail');
  });

  const JAVA = (rate: string) => ({
    'pom.xml':
      '<project><artifactId>svc</artifactId><dependencies><dependency><groupId>io.dropwizard</groupId><artifactId>dropwizard-core</artifactId></dependency><dependency><groupId>io.sentry</groupId><artifactId>sentry</artifactId></dependency></dependencies></project>\n',
    'src/main/java/svc/App.java': `package svc;\nimport io.sentry.Sentry;\npublic class App {\n  void run() {\n    Sentry.init(options -> {\n      options.setTracesSampleRate(${rate});\n      options.setDsn(dsn);\n    });\n  }\n}\n`,
  });

  it('Sentry Java with a traces sample rate traces requests; a rate of 0 does not', async () => {
    const on = await runRuleOn(tracing, JAVA('config.getTracesSampleRate()'), { profile: 'service' });
    expect(on.outcome).toBe('pass');
    expect(on.evidence).toContainEqual(expect.objectContaining({ path: 'src/main/java/svc/App.java', line: 6 }));
    const off = await runRuleOn(tracing, JAVA('0.0'), { profile: 'service' });
    expect(off.outcome).not.toBe('pass');
  });
});
