/**
 * Blind round 35: a reusable Terraform module that declares autoscaling groups with their health
 * check settings was "not applicable" for health checks while redundancy judged the same groups.
 * A module whose groups set a health check is judged on it: ELB checks the service, EC2 (the
 * default) only the machine's status.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './health-checks.js';

const module = (type: string | undefined) => ({
  'main.tf': `resource "aws_autoscaling_group" "workers" {\n  min_size = 0\n  max_size = var.max_workers\n${type === undefined ? '' : `  health_check_grace_period = 0\n  health_check_type         = var.health_check_type\n`}}\n`,
  'variables.tf': `variable "max_workers" {\n  type    = number\n  default = 5\n}\n\nvariable "health_check_type" {\n  type    = string\n  default = "${type ?? 'EC2'}"\n}\n`,
  'outputs.tf': 'output "asg" {\n  value = aws_autoscaling_group.workers.name\n}\n',
  'examples/basic/main.tf': 'module "runner" {\n  source = "../../"\n}\n',
  'README.md': '# terraform-aws-workers\n\nA reusable module.\n',
});

describe('a reusable module whose autoscaling groups set their health check is judged on it', () => {
  it('EC2 health checks: partial, said as instance status only', async () => {
    const r = await runRuleOn(rule, module('EC2'), { profile: 'infrastructure' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('1 of 1 deployed units is an autoscaling group that checks instance status only');
    expect(r.evidence[0]).toMatchObject({ path: 'main.tf', line: 1 });
  });
  it('ELB health checks: pass', async () => {
    const r = await runRuleOn(rule, module('ELB'), { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
  });
  it("a group whose sizes and health check are all inputs is the caller's: not applicable, as its redundancy", async () => {
    const tree = module('EC2');
    tree['main.tf'] = tree['main.tf']
      .replace('min_size = 0', 'min_size = var.max_workers')
      .replace('health_check_grace_period = 0', 'health_check_grace_period = var.max_workers');
    const r = await runRuleOn(rule, tree, { profile: 'infrastructure' });
    expect(r.outcome).toBe('not-applicable');
  });
  it('a group that sets no health check leaves the module not applicable, as before', async () => {
    const r = await runRuleOn(rule, module(undefined), { profile: 'infrastructure' });
    expect(r.outcome).toBe('not-applicable');
  });
});
