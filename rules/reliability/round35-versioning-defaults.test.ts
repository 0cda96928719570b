/**
 * Blind round 35: a module's bucket versioning resource whose status is `var.versioning ?
 * "Enabled" : "Suspended"` with the default false was "backed up by default". The status is
 * judged as production gives it: the variable's default is the module's behaviour.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './backups.js';

const bucket = (status: string) =>
  `resource "aws_s3_bucket" "cache" {\n  bucket = "acme-cache"\n}\n\nresource "aws_s3_bucket_versioning" "cache" {\n  bucket = aws_s3_bucket.cache.id\n  versioning_configuration {\n    status = ${status}\n  }\n}\n`;
const module = (byDefault: boolean) => ({
  'main.tf': bucket('var.cache_bucket_versioning ? "Enabled" : "Suspended"'),
  'variables.tf': `variable "cache_bucket_versioning" {\n  type    = bool\n  default = ${byDefault}\n}\n`,
  'outputs.tf': 'output "bucket" {\n  value = aws_s3_bucket.cache.id\n}\n',
  'examples/basic/main.tf': 'module "cache" {\n  source = "../../"\n}\n',
  'README.md': '# terraform-aws-cache\n',
});
const stack = (status: string) => ({
  'main.tf': `terraform {\n  backend "s3" {}\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n}\n\n${bucket(status)}`,
});

describe('bucket versioning is judged by the status production gives it', () => {
  it("a module whose versioning defaults to false is not backed up by default (the callers' choice)", async () => {
    const r = await runRuleOn(rule, module(false), { profile: 'infrastructure' });
    expect(r.outcome).toBe('not-applicable');
  });
  it('the same module with versioning on by default passes', async () => {
    const r = await runRuleOn(rule, module(true), { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('backed up by default');
  });
  it('a deployed bucket whose versioning is Suspended fails; Enabled passes', async () => {
    const off = await runRuleOn(rule, stack('"Suspended"'), { profile: 'infrastructure' });
    expect(off.outcome).toBe('fail');
    expect(off.evidence.some((e) => e.note?.includes('versioning Suspended'))).toBe(true);
    const on = await runRuleOn(rule, stack('"Enabled"'), { profile: 'infrastructure' });
    expect(on.outcome).not.toBe('fail');
    expect(on.evidence.some((e) => e.note?.includes('versioning Enabled'))).toBe(true);
  });
  it('thousands of buckets each with its versioning resource are matched in one pass; the one without fails', async () => {
    const parts = Array.from(
      { length: 3000 },
      (_, i) =>
        `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b${i}"\n}\n\nresource "aws_s3_bucket_versioning" "v${i}" {\n  bucket = aws_s3_bucket.b${i === 1234 ? 'other' : i}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`,
    );
    const r = await runRuleOn(
      rule,
      { ...stack('"Enabled"'), 'buckets.tf': parts.join('\n') },
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('partial');
    const failing = r.evidence.filter((e) => e.note?.includes('no versioning or replication'));
    expect(failing).toHaveLength(1);
    expect(failing[0]!.note).toContain('b1234');
  });
});
