import { describe, expect, it } from 'vitest';
import rule from './redundancy.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const module = (main: string, locals: string) => ({
  'main.tf': main,
  'locals.tf': locals,
  'variables.tf': 'variable "allow_replication" {\n  type    = bool\n  default = false\n}\n',
  'examples/basic/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "vault" {\n  source = "../../"\n}\n',
});
const asg =
  'resource "aws_autoscaling_group" "default" {\n  max_size = local.amount + 1\n  min_size = local.amount - 1\n}\n';

describe('redundancy: a module that computes its own instance counts is judged (blind round 30)', () => {
  it('min_size = local.amount - 1 with amount 3 or 5 by its branches is redundant', async () => {
    const run = await runRuleOn(
      rule,
      module(asg, 'locals {\n  amount = var.allow_replication ? 5 : try(index([true], true) == 0 ? 5 : 3, 3)\n}\n'),
      { profile: 'infrastructure' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]!.note).toContain('min_size 2');
    expect(run.evidence[0]!.note).toContain('local.amount at least 3');
  });
  it('a local that resolves to one instance fails; one no reading resolves is unknown, never N/A', async () => {
    const one = await runRuleOn(rule, module(asg, 'locals {\n  amount = 2\n}\n'), { profile: 'infrastructure' });
    // min_size 1, max_size 3: autoscaled from one instance (half credit, as an HPA from 1; round 35).
    expect(one.outcome).toBe('partial');
    expect(one.evidence[0]!.note).toContain('autoscaled from min_size 1');
    const fixed = await runRuleOn(
      rule,
      module(
        'resource "aws_autoscaling_group" "default" {\n  max_size = local.amount - 1\n  min_size = local.amount - 1\n}\n',
        'locals {\n  amount = 2\n}\n',
      ),
      { profile: 'infrastructure' },
    );
    expect(fixed.outcome).toBe('fail');
    const opaque = await runRuleOn(
      rule,
      module(asg, 'locals {\n  amount = length(data.aws_availability_zones.default.names)\n}\n'),
      { profile: 'infrastructure' },
    );
    expect(opaque.outcome).toBe('unknown');
    expect(opaque.message).toContain('could not be resolved');
  });
  it("counts read from the module's inputs stay the callers' choice", async () => {
    const run = await runRuleOn(
      rule,
      module(
        'resource "aws_autoscaling_group" "default" {\n  min_size = var.min_size\n}\n',
        'locals {\n  name = "vault"\n}\n',
      ),
      { profile: 'infrastructure' },
    );
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('chosen where it is deployed');
  });
});
