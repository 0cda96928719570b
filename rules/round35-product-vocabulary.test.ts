/**
 * Blind round 35: the product's own vocabulary or documentation is not an operational practice.
 * Each rule needs the practice's real shape, not a word: an alarm is a CDK/CloudWatch construct, not a
 * class of the product named Alarm.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import alerting from './observability/alerting.js';
import securityPolicy from './security/security-policy.js';
import runbooks from './operations/runbooks.js';
import environments from './operations/environments.js';
import structuredLogging from './observability/structured-logging.js';
import healthEndpoints from './observability/health-endpoints.js';

const service = (extra: Record<string, string>) => ({
  'package.json': '{"name": "boat-server", "version": "1.0.0", "dependencies": {"express": "^4.19.0"}}',
  'src/index.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
  ...extra,
});

describe('alerting: an alarm is an alert rule as code, not a product class named Alarm', () => {
  it("the product's own `new Alarm(id)` (a boat-alarm feature) is no alert rule", async () => {
    const run = await runRuleOn(
      alerting,
      service({
        'src/notifications/manager.ts':
          "import { Alarm } from './alarm';\nexport function raise(id: string) {\n  const alarm = new Alarm(id);\n  alarm.setContext('vessels.self');\n  return alarm;\n}\n",
      }),
    );
    expect(run.outcome).toBe('fail');
  });
  for (const [name, path, code] of [
    [
      'CDK TypeScript, bare class with the construct scope',
      'infra/stack.ts',
      "import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';\nnew Alarm(this, 'Errors', { metric, threshold: 5, evaluationPeriods: 1 });\n",
    ],
    [
      'CDK TypeScript, namespaced',
      'infra/stack.ts',
      "import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';\nnew cloudwatch.Alarm(\n  this,\n  'Errors',\n  { metric, threshold: 5 },\n);\n",
    ],
    [
      'CDK Python',
      'infra/stack.py',
      'from aws_cdk import aws_cloudwatch as cloudwatch\n\ncloudwatch.Alarm(self, "Errors", metric=m, threshold=5, evaluation_periods=1)\n',
    ],
    [
      'CDK metric.createAlarm',
      'infra/stack.ts',
      "fn.metricErrors().createAlarm(this, 'FnErrors', { threshold: 1, evaluationPeriods: 1 });\n",
    ],
  ] as const)
    it(`${name} is an alert rule`, async () => {
      const run = await runRuleOn(alerting, service({ [path]: code }));
      expect(run.outcome).toBe('pass');
      expect(run.evidence).toContainEqual(expect.objectContaining({ path }));
    });
});

describe('security-policy: a security file must say how to report a vulnerability', () => {
  const guide =
    '# Security\n\nSecurity in the server covers authentication, access control and TLS.\n\n## Enabling Security\n\n1. In the Admin UI select Security -> Users and click Add.\n2. Choose the Admin permission.\n';
  it('docs/security.md that is a user guide to enabling authentication is not a policy', async () => {
    const run = await runRuleOn(securityPolicy, service({ 'docs/security.md': guide }));
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('says nothing about how to report');
  });
  for (const text of [
    '# Security Policy\n\n## Reporting a Vulnerability\n\nUse the Security tab to open a private advisory.\n',
    'Please send security issues to security@example.org; we answer within 48 hours.\n',
    'This project follows the organisation-wide security policy: https://example.org/.github/SECURITY.md\n',
  ])
    it(`SECURITY.md saying how to report passes (${text.slice(0, 30)}…)`, async () => {
      const run = await runRuleOn(securityPolicy, service({ 'SECURITY.md': text }));
      expect(run.outcome).toBe('pass');
    });
});

describe('runbooks: troubleshooting in a guide for plugin or API developers is not a runbook', () => {
  const section =
    '## Troubleshooting Network Requests\n\nIf fetch() fails in your plugin, check that the plugin declared the network capability and that the host is reachable from the server; look at the server logs for the plugin error.\n';
  for (const path of [
    'docs/develop/plugins/wasm/assemblyscript.md',
    'docs/plugins/writing.md',
    'docs/sdk/client.md',
    'docs/writing-plugins.md',
  ])
    it(`${path}: no operational document`, async () => {
      const run = await runRuleOn(runbooks, service({ [path]: `# Guide\n\n${section}` }));
      expect(run.outcome).toBe('fail');
    });
  it('a troubleshooting section about running the server in the project docs is partial credit', async () => {
    const ops =
      '## Troubleshooting\n\nIf the server restarts in production, read its logs (`kubectl logs deploy/server`) and check the disk of the data volume.\n';
    const run = await runRuleOn(runbooks, service({ 'docs/hosting.md': `# Hosting the server\n\n${ops}` }));
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'docs/hosting.md' }));
  });
});

describe('environments: an application module named production is not a deployment environment', () => {
  const mode =
    "module.exports = function (app) {\n  if (app.get('env') === 'production') {\n    app.config.debug = false;\n  }\n};\n";
  it('src/config/production.js (NODE_ENV defaults in the source) describes no environment', async () => {
    const run = await runRuleOn(
      environments,
      service({
        'src/config/production.js': mode,
        'src/config/development.js': mode.replace('production', 'development'),
      }),
    );
    expect(run.outcome).toBe('fail');
  });
  it("node-config's top-level config/production.js beside config/staging.js still separates environments", async () => {
    const run = await runRuleOn(
      environments,
      service({
        'config/production.js': "module.exports = { db: { host: 'db.prod.internal' } };\n",
        'config/staging.js': "module.exports = { db: { host: 'db.staging.internal' } };\n",
      }),
    );
    expect(run.outcome).toBe('pass');
  });
  it('Helm values per environment still count', async () => {
    const run = await runRuleOn(
      environments,
      service({ 'deploy/values-prod.yaml': 'replicaCount: 3\n', 'deploy/values-staging.yaml': 'replicaCount: 1\n' }),
    );
    expect(run.outcome).toBe('pass');
  });
});

describe('structured-logging: a request id counts when it reaches a log line, not as a protocol field', () => {
  it('console.log(err.stack) followed by a reply carrying the protocol requestId earns nothing', async () => {
    const run = await runRuleOn(
      structuredLogging,
      service({
        'src/ws.ts':
          "export function reply(spark: any, msg: any, p: Promise<void>) {\n  p.catch((err: Error) => {\n    console.log(err.stack)\n    spark.write({\n      requestId: msg.requestId,\n      state: 'COMPLETED',\n    })\n  })\n}\n",
      }),
    );
    expect(run.outcome).toBe('fail');
  });
  it('a request id inside a multi-line log call is a correlation id', async () => {
    const run = await runRuleOn(
      structuredLogging,
      service({
        'src/ws.ts':
          "export function reply(msg: any) {\n  log({\n    requestId: msg.requestId,\n    state: 'COMPLETED',\n  })\n}\n",
      }),
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('correlation id');
  });
});

describe('health-endpoints: a health path has a health segment, not the word inside a business route', () => {
  const routes = (path: string) => ({
    'src/index.ts': `import express from 'express';\nconst app = express();\napp.get('${path}', (req, res) => res.json({ ok: true }));\napp.listen(3000);\n`,
  });
  it('/summary-readiness (a business endpoint) is no readiness route', async () => {
    const run = await runRuleOn(healthEndpoints, service(routes('/summary-readiness')));
    expect(run.outcome).toBe('fail');
  });
  for (const path of ['/readiness', '/internal/readiness', '/system/liveness'])
    it(`${path} is a health route`, async () => {
      const run = await runRuleOn(healthEndpoints, service(routes(path)));
      expect(run.outcome).not.toBe('fail');
      expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'src/index.ts', line: 3 }));
    });
});
