import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import type { Match } from '../types.js';
import { reusablePackage } from './infra-package.js';

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
