/**
 * Blind round 46 (issue 15): the rules that read an AWS CDK app's resources. An L1 `new CfnAlarm(this,
 * …)` is an alarm as `cloudwatch.Alarm` is; a database whose properties are passed as a variable
 * (`new DatabaseInstance(this, 'Db', dbProps)`) is judged on that object; a store tagged for a backup
 * plan (`Tags.of(db).add('devx-backup-enabled', 'true')`) is covered by the plan that selects the tag.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import alerting from './observability/alerting.js';
import backups from './reliability/backups.js';
import environments from './operations/environments.js';

const app = (stack: string) => ({
  'package.json': JSON.stringify({ name: 'ws', workspaces: ['packages/*'] }),
  'packages/cdk/cdk.json': '{ "app": "npx tsx bin/cdk.ts" }',
  'packages/cdk/package.json': JSON.stringify({ name: 'cdk', dependencies: { 'aws-cdk-lib': '2' } }),
  'packages/cdk/bin/cdk.ts':
    "import { App } from 'aws-cdk-lib';\nimport { Catalogue } from '../lib/catalogue';\nconst app = new App();\nnew Catalogue(app, 'C');\n",
  'packages/cdk/lib/catalogue.ts': [
    "import { Duration, Stack, Tags } from 'aws-cdk-lib';",
    "import { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';",
    "import { DatabaseInstance, DatabaseInstanceEngine, type DatabaseInstanceProps } from 'aws-cdk-lib/aws-rds';",
    'export class Catalogue extends Stack {',
    '  constructor(scope, id) {',
    '    super(scope, id);',
    stack,
    '  }',
    '}',
    '',
  ].join('\n'),
});

const DB = [
  '    const dbProps: DatabaseInstanceProps = {',
  '      engine: DatabaseInstanceEngine.POSTGRES,',
  '      backupRetention: Duration.days(14),',
  '    };',
  "    const db = new DatabaseInstance(this, 'Postgres', dbProps);",
].join('\n');

describe('round 46: CDK resources the rules read', () => {
  it('an L1 CfnAlarm is an alert rule', async () => {
    const r = await runRuleOn(
      alerting,
      app(
        "    new CfnAlarm(this, 'ByteBalanceAlarm', { comparisonOperator: 'LessThanLowerThreshold', evaluationPeriods: 1, thresholdMetricId: 'ad1' });",
      ),
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'packages/cdk/lib/catalogue.ts', line: 7 });
  });

  it('a product class named CfnAlarm without a construct scope is none', async () => {
    const r = await runRuleOn(alerting, app("    const a = new CfnAlarm('kitchen');"), { profile: 'infrastructure' });
    expect(r.outcome).toBe('fail');
  });

  it('database properties passed as a variable are read from its declaration', async () => {
    const r = await runRuleOn(backups, app(DB), { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.map((e) => e.note).join(' ')).toContain('backup retention 14 days');
  });

  it('without retention, a backup tag on the store is a backup plan selecting it', async () => {
    const stack = `${DB.replace('      backupRetention: Duration.days(14),\n', '')}\n    Tags.of(db).add('devx-backup-enabled', 'true');`;
    const r = await runRuleOn(backups, app(stack), { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.map((e) => e.note).join(' ')).toContain(
      'tagged for a backup plan (devx-backup-enabled: true, line 11)',
    );
  });

  it('a tag that turns backups off, or tags another resource, leaves the default retention (partial)', async () => {
    for (const tag of [
      "Tags.of(db).add('backup-enabled', 'false');",
      "Tags.of(bucket).add('backup-enabled', 'true');",
    ]) {
      const stack = `${DB.replace('      backupRetention: Duration.days(14),\n', '')}\n    ${tag}`;
      const r = await runRuleOn(backups, app(stack), { profile: 'infrastructure' });
      expect(r.outcome).toBe('partial');
      expect(r.evidence.map((e) => e.note).join(' ')).toContain('backup retention unset (the service default, 1 day)');
    }
  });
});

describe('round 46: the stages a CDK app deploys are its environments', () => {
  const entry = (stages: string[]) => ({
    ...app("    new CfnAlarm(this, 'A', { evaluationPeriods: 1 });"),
    'packages/cdk/bin/cdk.ts': [
      "import { App } from 'aws-cdk-lib';",
      "import { Catalogue } from '../lib/catalogue';",
      'const app = new App();',
      ...stages.map((s) => `new Catalogue(app, 'Catalogue-${s}', { stack: 'deploy', stage: '${s}' });`),
      '',
    ].join('\n'),
  });

  it('PROD and CODE stacks: production and a stage deployed before it', async () => {
    const r = await runRuleOn(environments, entry(['PROD', 'CODE']), { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'packages/cdk/bin/cdk.ts', line: 5 }));
  });

  it('one stage only describes no separation', async () => {
    const r = await runRuleOn(environments, entry(['PROD']), { profile: 'infrastructure' });
    expect(r.outcome).toBe('fail');
  });
});
