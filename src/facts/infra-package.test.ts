import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import type { Match } from '../types.js';
import { reusablePackage, terragruntRoot } from './infra-package.js';

const MODULE = {
  'main.tf': 'resource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\n',
  'variables.tf': 'variable "name" {\n  type    = string\n  default = "logs"\n}\n',
  'examples/basic/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "logs" {\n  source = "../../"\n}\n',
};
const pkg = (tree: Record<string, string>, gitops: Match[] = []) => reusablePackage(memoryIndex(tree), gitops);

describe('a reusable infrastructure package versus a deployment', () => {
  it('a module: no backend, provider configuration or tfvars outside examples', () => {
    expect(pkg(MODULE)).toMatchObject({
      kind: 'terraform-module',
      reason: expect.stringContaining('1 input variables (1 with defaults); 1 example caller(s)'),
      evidence: [
        { path: 'variables.tf', line: 1 },
        { path: 'examples/basic/main.tf', line: 5, note: 'an example calls the module' },
      ],
    });
  });
  it('a backend, a configured provider or a terraform.tfvars makes a root configuration', () => {
    expect(pkg({ ...MODULE, 'backend.tf': 'terraform {\n  backend "s3" {}\n}\n' })).toBeUndefined();
    expect(pkg({ ...MODULE, 'providers.tf': 'provider "aws" {\n  region = var.region\n}\n' })).toBeUndefined();
    expect(pkg({ ...MODULE, 'terraform.tfvars': 'name = "prod-logs"\n' })).toBeUndefined();
    // An empty provider block (a module passing its provider through) configures nothing.
    expect(pkg({ ...MODULE, 'providers.tf': 'provider "aws" {\n  alias = "replica"\n}\n' })?.kind).toBe(
      'terraform-module',
    );
  });
  it('a Terragrunt root or unit deploys the Terraform beside it: Terragrunt generates its backend and provider', () => {
    const rootHcl =
      'remote_state {\n  backend = "s3"\n  config = { bucket = get_env("TG_BUCKET", "") }\n}\n\ngenerate "provider" {\n  path = "provider.tf"\n}\n';
    expect(pkg({ ...MODULE, 'terragrunt.hcl': rootHcl })).toBeUndefined();
    expect(terragruntRoot(memoryIndex({ ...MODULE, 'terragrunt.hcl': rootHcl }))).toEqual({
      path: 'terragrunt.hcl',
      line: 1,
    });
    // A unit that includes its parent (the root.hcl layout), or points at a module by source.
    const unit = 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n';
    expect(pkg({ ...MODULE, 'live/prod/app/terragrunt.hcl': unit })).toBeUndefined();
    const sourced = '# the app\nterraform {\n  source = "../../modules/app"\n}\n';
    expect(terragruntRoot(memoryIndex({ ...MODULE, 'live/prod/terragrunt.hcl': sourced }))).toEqual({
      path: 'live/prod/terragrunt.hcl',
      line: 3,
    });
    // A Terragrunt file only in a module's examples or tests deploys nothing of its own; a commented
    // or empty one neither.
    expect(pkg({ ...MODULE, 'examples/basic/terragrunt.hcl': rootHcl })?.kind).toBe('terraform-module');
    expect(pkg({ ...MODULE, 'terragrunt.hcl': '# remote_state {\n' })?.kind).toBe('terraform-module');
  });
  it('Helm charts that callers install, unless something here deploys them', () => {
    const charts = {
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
      'charts/api/values.yaml': 'replicaCount: 1\n',
    };
    expect(pkg(charts)).toMatchObject({ kind: 'helm-charts', evidence: [{ path: 'charts/api/Chart.yaml' }] });
    expect(pkg({ ...charts, 'charts/api/values-prod.yaml': 'replicaCount: 3\n' })).toBeUndefined();
    const app: Match = { path: 'argocd/api.yaml', line: 2, snippet: 'kind: Application', groups: [] };
    expect(pkg(charts, [app])).toBeUndefined();
    const own: Match = { path: 'charts/api/templates/app.yaml', line: 2, snippet: 'kind: Application', groups: [] };
    expect(pkg(charts, [own])?.kind).toBe('helm-charts');
  });
});
