import rule from './cost-monitoring.js';
import { expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'an AWS budget and provider default_tags pass (Terraform)',
      profile: 'infrastructure',
      tree: {
        'providers.tf':
          'provider "aws" {\n  region = "eu-west-1"\n  default_tags {\n    tags = { team = "platform" }\n  }\n}\n',
        'budget.tf': 'resource "aws_budgets_budget" "monthly" {\n  budget_type  = "COST"\n  limit_amount = "500"\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'budget.tf', line: 1 },
          { path: 'providers.tf', line: 3 },
        ],
      },
    },
    {
      name: 'a GCP billing budget with Infracost in CI passes',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "google_billing_budget" "b" {\n  billing_account = var.acct\n}\n',
        '.github/workflows/cost.yml':
          'on: pull_request\njobs:\n  cost:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: infracost/actions/setup@v3\n      - run: infracost diff --path . --format json\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'main.tf', line: 1 },
          { path: '.github/workflows/cost.yml', line: 7 },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'tags alone are partial and name the missing budget',
      profile: 'infrastructure',
      tree: { 'main.tf': 'provider "google" {\n  default_labels = {\n    cost_center = "eng"\n  }\n}\n' },
      expect: {
        outcome: 'partial',
        score: 0.25,
        message: ['cost-allocation tags found', 'budgets or cost alerts'],
        evidence: [{ path: 'main.tf', line: 2 }],
      },
    },
    {
      name: 'a budget alone (CloudFormation) is partial',
      profile: 'infrastructure',
      tree: { 'cfn/budget.yml': 'Resources:\n  Budget:\n    Type: AWS::Budgets::Budget\n' },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: 'cfn/budget.yml', line: 3 }] },
    },
    {
      name: 'plain Terraform without any cost control fails',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'a committed Helm repository index naming a Kubecost chart is generated, not a Kubecost install: fails',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n',
        'index.yaml':
          'apiVersion: v1\nentries:\n  kubecost-exporter:\n  - apiVersion: v2\n    name: kubecost-exporter\n    version: 0.1.0\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.', note: expect.stringContaining('no Kubecost/OpenCost') }] },
    },
  ],
  notApplicable: [
    {
      name: 'a package of Helm charts for callers that ships a Kubecost exporter chart watches no cost of its own',
      profile: 'infrastructure',
      tree: {
        'charts/kubecost-exporter/Chart.yaml': 'apiVersion: v2\nname: kubecost-exporter\nversion: 0.1.0\n',
        'charts/kubecost-exporter/values.yaml': 'kubecostUrl: http://kubecost-cost-analyzer:9090\n',
        'charts/kubecost-exporter/templates/cronjob.yaml': 'apiVersion: batch/v1\nkind: CronJob\n',
        'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
        'charts/web/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
      },
      expect: { outcome: 'not-applicable', message: 'cost is watched where its callers deploy it' },
    },
    {
      name: 'a reusable Terraform module is deployed by its callers: not judged here',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_db_instance" "this" {\n  multi_az = var.multi_az\n}\n',
        'variables.tf': 'variable "multi_az" {\n  type    = bool\n  default = false\n}\n',
        'examples/basic/main.tf':
          'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "db" {\n  source = "../../"\n}\n',
      },
      expect: { outcome: 'not-applicable', message: 'a reusable Terraform module' },
    },
    {
      name: 'a module whose only default_tags block sets tags = {} (clearing them) has no cost tags: not judged',
      profile: 'infrastructure',
      tree: {
        'main.tf':
          'resource "aws_s3_object" "pkg" {\n  bucket = var.bucket\n\n  dynamic "override_provider" {\n    for_each = var.override_default_tags ? [true] : []\n    content {\n      default_tags {\n        tags = {}\n      }\n    }\n  }\n}\n',
        'variables.tf': 'variable "bucket" {\n  type = string\n}\n',
        'examples/basic/main.tf':
          'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "pkg" {\n  source = "../../"\n}\n',
      },
      expect: { outcome: 'not-applicable', message: 'a reusable Terraform module' },
    },
    {
      name: 'a module with real default_tags is judged, and its tags are credited',
      profile: 'infrastructure',
      tree: {
        'main.tf':
          'provider "aws" {\n  default_tags {\n    tags = { CostCenter = var.cost_center }\n  }\n}\n\nresource "aws_s3_object" "pkg" {\n  bucket = var.bucket\n}\n',
        'variables.tf': 'variable "bucket" {\n  type = string\n}\n',
        'examples/basic/main.tf': 'module "pkg" {\n  source = "../../"\n}\n',
      },
      expect: { outcome: 'partial', data: { allocationTags: true } },
    },
    {
      name: 'a service repository is not judged on cost',
      profile: 'service',
      tree: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' },
      expect: { outcome: 'not-applicable', message: 'service' },
    },
  ],
});
