import { describe, expect, it } from 'vitest';
import alerting from './observability/alerting.js';
import dashboards from './observability/dashboards.js';
import cost from './operations/cost-monitoring.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

/**
 * Blind round 32: a reusable Terraform module is judged as a module. Its examples/ show how it is
 * meant to be used (alarms, dashboards, provider default_tags there are partial credit, cited as
 * "in examples/"), and tags it passes on to what it creates are its cost-allocation practice.
 */
const module = (extra: Record<string, string>, tags = '  tags = var.tags\n') => ({
  'main.tf': `resource "aws_backup_vault" "this" {\n  name = var.name\n${tags}}\n`,
  'variables.tf':
    'variable "name" {\n  type = string\n}\n\nvariable "tags" {\n  type    = map(string)\n  default = {}\n}\n',
  'examples/simple/main.tf':
    'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "backup" {\n  source = "../../"\n}\n',
  ...extra,
});
const monitoring =
  'resource "aws_cloudwatch_metric_alarm" "failed" {\n  alarm_name = "backup-failed"\n  threshold  = 0\n}\n\nresource "aws_cloudwatch_dashboard" "backup" {\n  dashboard_name = "backup"\n}\n';
const opts = { profile: 'infrastructure' as const };

describe('a reusable Terraform module: observability shown in examples/ (blind round 32)', () => {
  it('alarms only in examples/: partial, cited as in examples/', async () => {
    const run = await runRuleOn(alerting, module({ 'examples/monitoring/monitoring.tf': monitoring }), opts);
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('in examples/ only (examples/monitoring/monitoring.tf:1)');
    expect(run.message).not.toMatch(/no alarm .* in \d+ Terraform files/);
  });
  it('a repository that is not a module (it configures a backend) still fails on alarms only in examples/', async () => {
    const run = await runRuleOn(
      alerting,
      {
        'main.tf': 'terraform {\n  backend "s3" {}\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n}\n',
        'examples/monitoring/monitoring.tf': monitoring,
      },
      opts,
    );
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]!.note).toContain('only outside the deployed code');
  });
  it('a dashboard only in examples/: partial with the example cited', async () => {
    const run = await runRuleOn(dashboards, module({ 'examples/monitoring/monitoring.tf': monitoring }), opts);
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('examples/monitoring/monitoring.tf:6');
  });
  it('a module with no dashboard anywhere stays not applicable', async () => {
    const run = await runRuleOn(dashboards, module({}), opts);
    expect(run.outcome).toBe('not-applicable');
  });
});

describe('cost-monitoring on a reusable Terraform module (blind round 32)', () => {
  const defaultTags = 'provider "aws" {\n  default_tags {\n    tags = { Team = "ops" }\n  }\n}\n';
  it('default_tags in examples/ no longer make the module fail: not applicable, tags passed on and examples said', async () => {
    const run = await runRuleOn(cost, module({ 'examples/simple/provider.tf': defaultTags }), opts);
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('where its callers deploy it');
    expect(run.message).toContain("passes its callers' tags to the resources it creates (main.tf:3)");
    expect(run.message).toContain('its examples/ set cost-allocation tags (examples/simple/provider.tf:2)');
  });
  it('merge(var.tags, …) over two lines is recognised as tags passed on', async () => {
    const run = await runRuleOn(
      cost,
      module({}, '  tags = merge(\n    var.tags,\n    { Name = var.name },\n  )\n'),
      opts,
    );
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('(main.tf:3)');
  });
  it('a module that defines a budget itself is judged', async () => {
    const run = await runRuleOn(
      cost,
      module({ 'budget.tf': 'resource "aws_budgets_budget" "this" {\n  budget_type = "COST"\n}\n' }),
      opts,
    );
    expect(run.outcome).not.toBe('not-applicable');
  });
  it('a root configuration with default_tags only under examples/ still fails', async () => {
    const run = await runRuleOn(
      cost,
      {
        'main.tf':
          'terraform {\n  backend "s3" {}\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_s3_bucket" "b" {\n  tags = var.tags\n}\n',
        'examples/simple/provider.tf': defaultTags,
      },
      opts,
    );
    expect(run.outcome).toBe('fail');
  });
});
