import { describe, expect, it } from 'vitest';
import rule from './type-safety.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 47: a Terraform module whose only other code is its terratest was N/A "no product
 * source code", though the rule judges a module's HCL by its typed input variables.
 */
const module = {
  'main.tf': 'resource "aws_elasticache_replication_group" "default" {\n  num_cache_clusters = var.cluster_size\n}\n',
  'variables.tf':
    'variable "cluster_size" {\n  type    = number\n  default = 1\n}\n\nvariable "multi_az_enabled" {\n  type    = bool\n  default = false\n}\n',
  'test/src/examples_complete_test.go':
    'package test\n\nimport "testing"\n\nfunc TestExamplesComplete(t *testing.T) {}\n',
};

describe('type-safety on a Terraform module with no other product code', () => {
  it('judges its typed input variables', async () => {
    const run = await runRuleOn(rule, module, { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Terraform (2 of 2 input variables typed)');
  });

  it('fails untyped ones', async () => {
    const run = await runRuleOn(
      rule,
      { ...module, 'variables.tf': 'variable "cluster_size" {}\nvariable "multi_az_enabled" {}\n' },
      { profile: 'infrastructure' },
    );
    expect(run.outcome).not.toBe('pass');
    expect(run.outcome).not.toBe('not-applicable');
  });

  it('is still N/A for a module without input variables or code', async () => {
    const run = await runRuleOn(
      rule,
      {
        'main.tf': module['main.tf'],
        'test/src/examples_complete_test.go': module['test/src/examples_complete_test.go'],
      },
      { profile: 'infrastructure' },
    );
    expect(run.outcome).toBe('not-applicable');
  });
});
