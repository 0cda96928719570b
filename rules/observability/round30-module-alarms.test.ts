import { describe, expect, it } from 'vitest';
import rule from './alerting.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const module = (script: string) => ({
  'main.tf': 'resource "aws_autoscaling_group" "this" {\n  min_size = 2\n}\n',
  'cloudwatch.tf':
    'resource "aws_sns_topic" "alerts" {\n  name_prefix = "alarms-"\n}\n\nresource "aws_lambda_function" "auto_alarms" {\n  filename = "${path.module}/scripts/alarms/alarms.zip"\n  handler  = "alarms.handler"\n}\n',
  'variables.tf': 'variable "name" {\n  type    = string\n  default = "vault"\n}\n',
  'scripts/alarms/src/actions.py': script,
  'examples/basic/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "vault" {\n  source = "../../"\n}\n',
});

describe('alerting: a module that ships a function creating CloudWatch alarms defines alerts (blind round 30)', () => {
  it('boto3 put_metric_alarm in the shipped function: judged, not N/A', async () => {
    const run = await runRuleOn(
      rule,
      module('import boto3\n\ndef create_alarm(cw_client, alarm):\n    cw_client.put_metric_alarm(**alarm)\n'),
      { profile: 'infrastructure' },
    );
    expect(run.outcome).not.toBe('not-applicable');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'scripts/alarms/src/actions.py', line: 4 }));
  });
  it('a function that only reads or deletes alarms defines none: N/A for a module', async () => {
    const run = await runRuleOn(
      rule,
      module(
        'def cleanup(cw_client, names):\n    cw_client.describe_alarms(AlarmNames=names)\n    cw_client.delete_alarms(AlarmNames=names)\n',
      ),
      { profile: 'infrastructure' },
    );
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('this package defines none');
  });
});
