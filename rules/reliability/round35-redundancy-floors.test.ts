/**
 * Blind round 35: a PodDisruptionBudget over `replicas: 1` made a single-replica service partial,
 * and an autoscaling group from 0 to `var.max_jobs` was called "a single instance".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './redundancy.js';

const deployment = (replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: acme/web:1.0.0\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n`;
const service = (replicas: number) => ({
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
  'deploy/web.yaml': deployment(replicas),
});

describe('a PodDisruptionBudget does not make one replica redundant', () => {
  it('fails a single replica with a PDB, and says the PDB guards nothing', async () => {
    const r = await runRuleOn(rule, service(1), { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.message).toContain('a PodDisruptionBudget over a single replica keeps no second instance up');
  });
  it('passes two replicas with the same PDB', async () => {
    const r = await runRuleOn(rule, service(2), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('with a PodDisruptionBudget');
  });
});

const asg = (max: string) =>
  `resource "aws_autoscaling_group" "workers" {\n  min_size         = 0\n  max_size         = ${max}\n  desired_capacity = 0\n}\n`;
const stack = (max: string) => ({
  'main.tf': `terraform {\n  backend "s3" {}\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n}\n\n${asg(max)}`,
  'variables.tf': 'variable "max_jobs" {\n  type = number\n}\n',
});

describe('an autoscaling group that grows past its floor is autoscaled, not a single instance', () => {
  it('describes min 0 / max var as autoscaled from 0 (half credit, as an HPA from a low floor)', async () => {
    const r = await runRuleOn(rule, stack('var.max_jobs'), { profile: 'infrastructure' });
    expect(r.outcome).toBe('partial');
    expect(r.evidence[0]!.note).toContain(
      'aws_autoscaling_group.workers is autoscaled from min_size 0 (max_size var.max_jobs)',
    );
    expect(r.message).not.toContain('run a single instance');
  });
  it('still fails a group fixed at one instance', async () => {
    const r = await runRuleOn(rule, stack('0'), { profile: 'infrastructure' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence[0]!.note).toContain('min_size 0');
    expect(r.evidence[0]!.note).not.toContain('autoscaled');
  });
});
