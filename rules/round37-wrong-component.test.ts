/**
 * Blind round 37, "credit from the wrong component": a Gradle (or Maven) build plugin the project
 * publishes runs inside other projects' builds, so its retries and timeouts are not the service's;
 * a front-end package's `.env.production` is a bundler mode, not a deployment environment.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import alerting from './observability/alerting.js';
import environments from './operations/environments.js';
import rollback from './operations/rollback.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';

const server = {
  'settings.gradle': "include 'server', 'client-plugin'\n",
  'server/build.gradle': 'dependencies {\n    implementation "io.ktor:ktor-server-netty:2.3.0"\n}\n',
  'server/src/main/kotlin/app/Application.kt':
    'package app\nimport io.ktor.server.engine.*\nfun main() { embeddedServer(Netty, port = 8080) {}.start(wait = true) }\n',
};
const clientCode = [
  'package client',
  'import io.github.resilience4j.retry.Retry',
  'import io.github.resilience4j.retry.RetryConfig',
  'import okhttp3.OkHttpClient',
  'import java.time.Duration',
  'import java.util.concurrent.TimeUnit',
  'class ClientFactory {',
  '    static OkHttpClient createClient(long timeout) {',
  '        OkHttpClient.Builder b = new OkHttpClient.Builder()',
  '        b.callTimeout(timeout, TimeUnit.MILLISECONDS)',
  '        b.readTimeout(timeout, TimeUnit.MILLISECONDS)',
  '        return b.build()',
  '    }',
  '    static Retry createRetry(String name) {',
  '        RetryConfig c = RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(100)).build()',
  '        return Retry.of(name, c)',
  '    }',
  '}',
  '',
].join('\n');
const deps =
  'dependencies {\n    implementation "io.github.resilience4j:resilience4j-retry:2.4.0"\n    implementation "com.squareup.okhttp3:okhttp:4.12.0"\n}\n';

function tree(pluginBuild: string) {
  return {
    ...server,
    'client-plugin/build.gradle': pluginBuild + deps,
    'client-plugin/src/main/groovy/client/ClientFactory.groovy': clientCode,
  };
}

describe('round 37: a build plugin is not the service', () => {
  for (const [name, build] of <[string, string][]>[
    ['java-gradle-plugin', "plugins {\n    id 'java-gradle-plugin'\n    id 'groovy'\n}\n"],
    ['gradlePlugin block', "apply plugin: 'groovy'\ngradlePlugin {\n    plugins { p { id = 'x.y' } }\n}\n"],
  ])
    it(`credits no retries or timeouts from a Gradle plugin (${name})`, async () => {
      const r = await runRuleOn(retries, tree(build), { profile: 'service' });
      expect(r.outcome).not.toBe('pass');
      expect(JSON.stringify(r.evidence)).not.toContain('ClientFactory');
      const t = await runRuleOn(timeouts, tree(build), { profile: 'service' });
      expect(t.outcome).not.toBe('pass');
      expect(JSON.stringify(t.evidence)).not.toContain('ClientFactory');
    });

  it('the same client in an ordinary sub-project of the service is credited', async () => {
    const r = await runRuleOn(retries, tree("plugins {\n    id 'groovy'\n}\n"), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    const t = await runRuleOn(timeouts, tree("plugins {\n    id 'groovy'\n}\n"), { profile: 'service' });
    expect(t.outcome).not.toBe('fail');
  });
});

describe("round 37: a front-end package's .env.production is a build mode", () => {
  const base = {
    'package.json': '{"name":"api","dependencies":{"express":"^4.18.0"}}',
    'src/server.js': "const express = require('express');\nexpress().listen(3000);\n",
    'ui/package.json': '{"name":"ui","dependencies":{"react":"^18.0.0"},"devDependencies":{"vite":"^5.0.0"}}',
    'ui/src/main.tsx': 'export {};\n',
  };
  it('a Vite mode file names no environment', async () => {
    const r = await runRuleOn(
      environments,
      { ...base, 'ui/src/.env.production': 'VITE_API_BASE_URL=/\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
  it("the server's own .env.production still does", async () => {
    const r = await runRuleOn(environments, { ...base, '.env.production': 'DATABASE_URL=\n' }, { profile: 'service' });
    expect(r.outcome).not.toBe('fail');
  });
});

describe('round 37: an alarm that only scales is no alert; a command in a message is not run', () => {
  const app = {
    'requirements.txt': 'django==4.2\nboto3==1.34.0\n',
    'manage.py': 'import django\n',
  };
  const alarm = (actions: string) =>
    [
      'import boto3',
      'def setup(queue, policy_arn, topic_arn):',
      '    cw = boto3.client("cloudwatch")',
      '    cw.put_metric_alarm(',
      '        AlarmName="queue_depth",',
      '        MetricName="ApproximateNumberOfMessagesVisible",',
      '        Threshold=0,',
      `        AlarmActions=[${actions}],`,
      '    )',
      '',
    ].join('\n');
  it('an alarm whose only action is a scaling policy is not alerting', async () => {
    const r = await runRuleOn(
      alerting,
      { ...app, 'app/scaling.py': alarm('scale_up_policy_arn') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
  it('an alarm that notifies an SNS topic is', async () => {
    const r = await runRuleOn(alerting, { ...app, 'app/scaling.py': alarm('sns_topic_arn') }, { profile: 'service' });
    expect(r.outcome).not.toBe('fail');
  });
  const script = (line: string) => ({ ...app, 'scripts/deploy.sh': `#!/bin/sh\nset -e\n${line}\n` });
  it('a rollback command named in an error message is not a rollback command', async () => {
    const r = await runRuleOn(
      rollback,
      script(`echo "### resolve it manually first (e.g. 'helm rollback' or 'helm delete')." >&2`),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
  it('the same command run by the script is', async () => {
    const r = await runRuleOn(rollback, script('helm rollback my-release 0'), { profile: 'service' });
    expect(r.outcome).not.toBe('fail');
  });
});
