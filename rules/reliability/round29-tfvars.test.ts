/**
 * Blind round 29, class "infrastructure facts through tfvars and module variable defaults": a
 * root stack calls local modules whose resources read `var.desired_count`, `var.multi_az` and
 * `var.snapshot_retention_limit`; the root passes its own variables, which the production
 * environment's tfvars sets (`envs/prod/us-east-1/terraform.tfvars`). Redundancy and backups judge
 * the value production gets, through the module call and the tfvars, else the variable's default;
 * a dev tfvars is not production's, and an ElastiCache store without a retention keeps no snapshots.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import { resolveVarFrom, terraform, tfvarSettings } from '../../src/facts/terraform.js';
import { memoryIndex } from '../../src/testing/memory.js';
import redundancy from './redundancy.js';
import backups from './backups.js';

const stack = (prod: string, retentionDefault: string): Tree => ({
  'modules/ecs_service/main.tf': 'resource "aws_ecs_service" "this" {\n  desired_count = var.desired_count\n}\n',
  'modules/ecs_service/variables.tf': 'variable "desired_count" {\n  type    = number\n  default = 1\n}\n',
  'modules/rds/main.tf':
    'resource "aws_db_instance" "this" {\n  multi_az                = var.multi_az\n  backup_retention_period = var.backup_retention_period\n}\n',
  'modules/rds/variables.tf':
    'variable "multi_az" {\n  default = false\n}\nvariable "backup_retention_period" {\n  default = 7\n}\n',
  'modules/redis/main.tf':
    'resource "aws_elasticache_replication_group" "this" {\n  automatic_failover_enabled = true\n  snapshot_retention_limit   = var.snapshot_retention_limit\n}\n',
  'modules/redis/variables.tf': `variable "snapshot_retention_limit" {\n  type    = number\n  default = ${retentionDefault}\n}\n`,
  'stack/main.tf': [
    'module "api" {',
    '  source        = "../modules/ecs_service"',
    '  desired_count = var.api_desired_count',
    '}',
    'module "db" {',
    '  source   = "../modules/rds"',
    '  multi_az = var.db_multi_az',
    '}',
    'module "redis" {',
    '  source = "../modules/redis"',
    '}',
    '',
  ].join('\n'),
  'stack/variables.tf':
    'variable "api_desired_count" {\n  default = 1\n}\nvariable "db_multi_az" {\n  default = false\n}\n',
  'envs/dev/terraform.tfvars': 'api_desired_count = 1\ndb_multi_az       = false\n',
  'envs/prod/terraform.tfvars': prod,
});

const PROD = [
  '# production',
  'tags = {',
  '  api_desired_count = 1 # a map key, not the variable',
  '}',
  'api_desired_count = 3',
  'db_multi_az       = true',
  '',
].join('\n');

describe('round 29: Terraform values followed through module calls and production tfvars', () => {
  it('reads top-level tfvars settings only, not the keys of a map', () => {
    expect(tfvarSettings('envs/prod/terraform.tfvars', PROD).map((s) => [s.name, s.value, s.line])).toEqual([
      ['api_desired_count', 3, 5],
      ['db_multi_az', true, 6],
    ]);
  });

  it('follows var.desired_count through the module call to the production tfvars', () => {
    const tf = terraform(memoryIndex(stack(PROD, '7')));
    const svc = tf.resources.find((r) => r.labels[0] === 'aws_ecs_service')!;
    expect(resolveVarFrom(tf, svc.attrs.desired_count, svc.path)).toEqual({
      value: 3,
      via: 'envs/prod/terraform.tfvars:5',
    });
  });

  it('resolves thousands of references through thousands of calls by name, not by a scan per reference', () => {
    // Hostile: one module reads var.x 2,000 times and 2,000 other variables once each; 2,000 calls of
    // it set x; a production tfvars sets 2,000 other names. Each reference was a scan of every call,
    // declaration and setting (quadratic); the answers are the same.
    const n = 2000;
    const tree: Tree = {
      'modules/m/main.tf': `resource "aws_ecs_service" "this" {\n${Array.from({ length: n }, (_, i) => `  a${i} = var.x\n  b${i} = var.v${i}\n`).join('')}}\n`,
      'modules/m/variables.tf': `variable "x" {\n  default = 1\n}\n${Array.from({ length: n }, (_, i) => `variable "v${i}" {\n  default = ${i}\n}\n`).join('')}`,
      'stack/main.tf': Array.from(
        { length: n },
        (_, i) => `module "c${i}" {\n  source = "../modules/m"\n  x      = 3\n}\n`,
      ).join(''),
      'envs/prod/terraform.tfvars': Array.from({ length: n }, (_, i) => `w${i} = ${i}\n`).join(''),
    };
    const tf = terraform(memoryIndex(tree));
    const r = tf.resources.find((x) => x.labels[0] === 'aws_ecs_service')!;
    expect(Object.keys(r.attrs)).toHaveLength(2 * n);
    const xs = Array.from({ length: n }, (_, i) => resolveVarFrom(tf, r.attrs[`a${i}`], r.path));
    expect(new Set(xs.map((x) => JSON.stringify(x)))).toEqual(
      new Set([JSON.stringify({ value: 3, via: 'module "c0" (stack/main.tf:3)' })]),
    );
    const vs = Array.from({ length: n }, (_, i) => resolveVarFrom(tf, r.attrs[`b${i}`], r.path)?.value);
    expect(vs).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('redundancy passes when production sets the counts and multi-AZ', async () => {
    const run = await runRuleOn(redundancy, stack(PROD, '7'), { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'modules/ecs_service/main.tf',
        note: 'aws_ecs_service.this: desired_count 3 (from envs/prod/terraform.tfvars:5)',
      }),
    );
  });

  it('redundancy fails when only the dev tfvars sets them and production keeps the defaults', async () => {
    const run = await runRuleOn(redundancy, stack('region = "us-east-1"\n', '7'), { profile: 'infrastructure' });
    expect(run.outcome).not.toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ note: 'aws_ecs_service.this: desired_count 1 (from var.api_desired_count default)' }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ note: 'aws_db_instance.this: multi_az false (from var.db_multi_az default)' }),
    );
  });

  it('resolves a nested block setting of a root stack from the production tfvars', async () => {
    const tree = (prodMin: string): Tree => ({
      'aws/eks/eks.tf':
        'resource "aws_eks_node_group" "workers" {\n  scaling_config {\n    min_size = var.worker_min_size\n  }\n}\n',
      'aws/eks/variables.tf': 'variable "worker_min_size" {\n  type = number\n}\n',
      'env/dev_config.tfvars': 'worker_min_size = 1\n',
      'env/production_config.tfvars': `worker_min_size = ${prodMin}\n`,
    });
    const ok = await runRuleOn(redundancy, tree('3'), { profile: 'infrastructure' });
    expect(ok.outcome).toBe('pass');
    expect(ok.evidence).toContainEqual(
      expect.objectContaining({
        note: 'aws_eks_node_group.workers: scaling_config.min_size 3 (from env/production_config.tfvars:1)',
      }),
    );
    const single = await runRuleOn(redundancy, tree('1'), { profile: 'infrastructure' });
    expect(single.outcome).toBe('fail');
  });

  it('backups credits a snapshot retention from the module variable default, and not a 0 default', async () => {
    const ok = await runRuleOn(backups, stack(PROD, '7'), { profile: 'infrastructure' });
    expect(ok.outcome).toBe('pass');
    expect(ok.evidence).toContainEqual(
      expect.objectContaining({
        note: 'aws_elasticache_replication_group.this: snapshot_retention_limit = 7 (from var.snapshot_retention_limit default)',
      }),
    );
    const none = await runRuleOn(backups, stack(PROD, '0'), { profile: 'infrastructure' });
    expect(none.outcome).not.toBe('pass');
  });
});
