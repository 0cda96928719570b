/**
 * Blind round 38: an AWS CDK app's constructs are infrastructure code. DynamoDB point-in-time
 * recovery, versioned S3 buckets and RDS/Aurora backup retention are backups; a load balancer's
 * target group with a healthCheck is a health check — in TypeScript and in Python. Before, both
 * rules said "no data store / no compute in IaC" for such an app.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import backups from './reliability/backups.js';
import healthChecks from './reliability/health-checks.js';

const tsApp = (stack: string) => ({
  'cdk.json': '{ "app": "npx ts-node bin/app.ts" }',
  'package.json': JSON.stringify({ name: 'app', dependencies: { 'aws-cdk-lib': '2' } }),
  'bin/app.ts':
    "import * as cdk from 'aws-cdk-lib';\nimport { Data } from '../lib/data';\nconst app = new cdk.App();\nnew Data(app, 'D');\n",
  'lib/data.ts': `import * as cdk from 'aws-cdk-lib';\nimport * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nimport * as rds from 'aws-cdk-lib/aws-rds';\nimport * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\n\nexport class Data extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) {\n    super(scope, id);\n${stack}\n  }\n}\n`,
});
const pyApp = (stack: string) => ({
  'cdk.json': '{ "app": "python3 app.py" }',
  'requirements.txt': 'aws-cdk-lib==2.100.0\n',
  'app.py': 'import aws_cdk as cdk\nfrom stacks.data import Data\n\napp = cdk.App()\nData(app, "D")\napp.synth()\n',
  'stacks/data.py': `from aws_cdk import Stack, Duration, aws_dynamodb as dynamodb, aws_s3 as s3, aws_rds as rds\n\n\nclass Data(Stack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n${stack}\n`,
});

describe('round 38: CDK data stores are judged for backups', () => {
  it('TypeScript: PITR, a versioned bucket and Aurora retention pass, with file:line', async () => {
    const r = await runRuleOn(
      backups,
      tsApp(
        `    new dynamodb.Table(this, 'Sessions', {\n      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },\n      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },\n    });\n    new s3.Bucket(this, 'Files', { versioned: true });\n    new rds.DatabaseCluster(this, 'Db', {\n      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_15_2 }),\n      backup: { retention: cdk.Duration.days(35) },\n    });`,
      ),
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('All 3 data stores are backed up');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'lib/data.ts', line: 10 }));
    expect(r.evidence.map((e) => e.note).join(' ')).toContain('backup retention 35 days');
  });

  it('TypeScript: a table without PITR and an unversioned bucket fail', async () => {
    const r = await runRuleOn(
      backups,
      tsApp(
        "    new dynamodb.Table(this, 'Sessions', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });\n    new s3.Bucket(this, 'Files', { versioned: false });",
      ),
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('fail');
    expect(r.evidence.map((e) => e.note).join(' ')).toContain('CDK DynamoDB table: no point-in-time recovery');
  });

  it('Python: point_in_time_recovery=True and versioned=True pass; an RDS instance without retention is half', async () => {
    const good = await runRuleOn(
      backups,
      pyApp(
        '        dynamodb.Table(self, "T", partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING), point_in_time_recovery=True)\n        s3.Bucket(self, "B", versioned=True)',
      ),
      { profile: 'infrastructure' },
    );
    expect(good.outcome).toBe('pass');
    const half = await runRuleOn(
      backups,
      pyApp('        rds.DatabaseInstance(self, "Db", engine=rds.DatabaseInstanceEngine.POSTGRES)'),
      { profile: 'infrastructure' },
    );
    expect(half.outcome).toBe('partial');
    expect(half.score).toBe(0.5);
  });

  it('Python modules imported under an alias (`aws_s3 as _s3`) are read; a bucket whose objects expire is scratch data', async () => {
    const aliased = await runRuleOn(
      backups,
      pyApp(
        "        _s3.Bucket(\n            self, 'nanobucket',\n            versioned = True,\n        )\n        _s3.Bucket(self, 'Scratch', lifecycle_rules=[_s3.LifecycleRule(expiration=Duration.days(1))])",
      ),
      { profile: 'infrastructure' },
    );
    expect(aliased.outcome).toBe('pass');
    expect(aliased.message).toContain('All 1 data store is backed up');
    const scratch = await runRuleOn(
      backups,
      tsApp("    new s3.Bucket(this, 'Pdfs', { lifecycleRules: [{ expiration: cdk.Duration.days(1) }] });"),
      { profile: 'infrastructure' },
    );
    expect(scratch.outcome).toBe('not-applicable');
  });

  it('an app with no data store stays not applicable', async () => {
    const r = await runRuleOn(backups, tsApp("    new cdk.CfnOutput(this, 'X', { value: 'y' });"), {
      profile: 'infrastructure',
    });
    expect(r.outcome).toBe('not-applicable');
  });
});

describe('round 38: CDK load-balanced compute is judged for health checks', () => {
  it('a target group with a healthCheck passes', async () => {
    const r = await runRuleOn(
      healthChecks,
      tsApp(
        "    const lb = new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc: undefined as never });\n    const l = lb.addListener('L', { port: 443 });\n    l.addTargets('Web', {\n      port: 80,\n      healthCheck: { path: '/health', interval: cdk.Duration.seconds(30) },\n    });",
      ),
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'lib/data.ts', line: 12 });
  });

  it('a Python target group without one is half: the load balancer default only', async () => {
    const r = await runRuleOn(
      healthChecks,
      pyApp('        elbv2.ApplicationTargetGroup(self, "Tg", port=80, vpc=vpc)'),
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.evidence.map((e) => e.note).join(' ')).toContain("the load balancer's default check only");
  });

  it('an app with only Lambda functions stays not applicable', async () => {
    const r = await runRuleOn(
      healthChecks,
      tsApp(
        "    new cdk.aws_lambda.Function(this, 'F', { runtime: cdk.aws_lambda.Runtime.NODEJS_20_X, handler: 'i.h', code: cdk.aws_lambda.Code.fromAsset('f') });",
      ),
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('not-applicable');
  });
});
