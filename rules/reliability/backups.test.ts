import rule from './backups.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a reusable Aurora module whose retention defaults to 5 days backs up by default (its callers can override)',
      profile: 'infrastructure',
      tree: {
        'main.tf':
          'resource "aws_rds_cluster" "primary" {\n  engine = var.engine\n  backup_retention_period = var.retention_period\n}\n',
        'variables.tf':
          'variable "engine" {\n  default = "aurora-postgresql"\n}\nvariable "retention_period" {\n  type = number\n  default = 5\n}\n',
        'examples/complete/main.tf':
          'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "cluster" {\n  source = "../../"\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'backed up by default (a reusable Terraform module',
        evidence: [
          {
            path: 'main.tf',
            line: 1,
            note: 'aws_rds_cluster.primary: backup_retention_period = 5 (from var.retention_period default)',
          },
        ],
      },
    },
    {
      name: 'Terraform: RDS retention, DynamoDB PITR and S3 versioning by a separate resource',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'infra/data.tf': [
          'resource "aws_db_instance" "main" {\n  backup_retention_period = 14\n}',
          'resource "aws_dynamodb_table" "events" {\n  point_in_time_recovery {\n    enabled = true\n  }\n}',
          'resource "aws_s3_bucket" "uploads" {\n  bucket = "uploads"\n}',
          'resource "aws_s3_bucket_versioning" "uploads" {\n  bucket = aws_s3_bucket.uploads.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
        ].join('\n\n'),
        'docs/dr.md': '# Disaster recovery\n\nRPO: 1 hour. RTO: 4 hours.\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'infra/data.tf', line: 1 },
          { path: 'docs/dr.md', line: 3 },
        ],
        data: { stores: 3, drDocument: true },
      },
    },
    {
      name: 'a DR document that names RPO twice before its RTO is cited at the RPO next to it',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'main.tf': 'resource "aws_db_instance" "main" {\n  backup_retention_period = 7\n}\n',
        'docs/dr.md':
          '# Disaster recovery\n\nRPO means recovery point objective.\n\nOur RPO is 1 hour.\nOur RTO is 4 hours.\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'main.tf', line: 1 },
          { path: 'docs/dr.md', line: 5 },
        ],
        data: { drDocument: true },
      },
    },
    {
      name: 'RPO and RTO more than 600 characters apart (a glossary) are no DR document',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'main.tf': 'resource "aws_db_instance" "main" {\n  backup_retention_period = 7\n}\n',
        'docs/glossary.md': `# Glossary\n\nRPO: recovery point objective.\n\n${'Other terms.\n'.repeat(60)}\nRTO: recovery time objective.\n`,
      },
      expect: { outcome: 'pass', message: 'No DR document', data: { drDocument: false } },
    },
    {
      name: 'an AWS Backup plan covers the stores',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'main.tf':
          'resource "aws_efs_file_system" "fs" {}\nresource "aws_backup_plan" "daily" {\n  name = "daily"\n}\nresource "aws_backup_selection" "all" {\n  plan_id = aws_backup_plan.daily.id\n}\n',
      },
      expect: { outcome: 'pass', message: 'No DR document' },
    },
  ],
  invalid: [
    {
      name: 'Terraform: a finding per store without backups, with its line',
      profile: 'service',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'infra/main.tf':
          'resource "aws_db_instance" "main" {\n  backup_retention_period = 0\n}\n\nresource "google_storage_bucket" "assets" {\n  name = "assets"\n}\n\nresource "google_sql_database_instance" "pg" {\n  settings {\n    backup_configuration {\n      enabled = true\n    }\n  }\n}\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'infra/main.tf', line: 1, note: 'aws_db_instance.main: backup_retention_period = 0' },
          { path: 'infra/main.tf', line: 5 },
        ],
        data: { stores: 3, backedUp: 1 },
      },
    },
    {
      name: 'CloudFormation: a table without point-in-time recovery fails',
      profile: 'infrastructure',
      tree: {
        'template.yaml':
          'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'template.yaml',
            line: 4,
            note: 'Orders (CloudFormation DynamoDB Table): no BackupRetentionPeriod, PointInTimeRecovery or VersioningConfiguration in this template',
          },
        ],
      },
    },
    {
      name: 'the summary names a CloudFormation store by its logical id, not "AWS" (blind round 23)',
      profile: 'infrastructure',
      tree: {
        'stacks/limits.template':
          'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  SummaryDDB:\n    Type: AWS::DynamoDB::Table # summaries\n    DeletionPolicy: Retain\n',
        'stacks/data.yaml':
          'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Orders:\n    Type: "AWS::DynamoDB::Table"\n    Properties:\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n',
        'main.tf': 'terraform {\n  backend "s3" {}\n}\n\nresource "aws_dynamodb_table" "lock" {\n  name = "lock"\n}\n',
      },
      expect: {
        outcome: 'partial',
        message:
          '2 of 3 have no explicit backups (aws_dynamodb_table.lock and SummaryDDB (CloudFormation DynamoDB Table))',
      },
    },
    {
      name: 'malformed HCL keeps the stores read before the fault',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'a.tf': 'resource "aws_dynamodb_table" "t" {\n  name = "t"\n}\nresource "aws_s3_bucket" "b" {\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: 'a.tf', line: 1 }, { path: 'a.tf' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a reusable Terraform module is judged as a package: its input defaults are the caller’s to override',
      profile: 'infrastructure',
      tree: {
        'main.tf':
          'resource "aws_db_instance" "this" {\n  multi_az = var.multi_az\n  backup_retention_period = var.retention\n}\n',
        'variables.tf': 'variable "multi_az" {\n  default = false\n}\nvariable "retention" {\n  default = null\n}\n',
        'examples/basic/main.tf':
          'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "db" {\n  source = "../../"\n  multi_az = true\n}\n',
      },
      expect: { outcome: 'not-applicable', message: 'a reusable Terraform module' },
    },
    {
      name: 'no data store declared',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'main.tf': 'resource "aws_iam_role" "r" {}\n',
      },
      expect: { outcome: 'not-applicable', message: 'no data store' },
    },
    {
      name: 'a CLI whose only data store is a Terraform sample under examples/: nothing to judge, never "All 0 … backed up"',
      tree: {
        'go.mod': 'module example.com/yamltool\n\ngo 1.22\n',
        'main.go': 'package main\n\nfunc main() {}\n',
        'examples/sample.tf':
          'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_s3_bucket" "demo" {\n  bucket = "demo-bucket"\n}\n',
      },
      expect: { outcome: 'not-applicable', message: 'no data store is declared' },
    },
  ],
});

// Blind round 37 (EvalAI): a claim mounted as scratch workspace into jobs the code creates is no data
// store; a database's claim, or an app's uploads volume, is.
const pvc = (name: string) =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n  accessModes: [ReadWriteMany]\n  storageClassName: efs-sc\n  resources:\n    requests:\n      storage: 5Gi\n`;
const deployment = (image: string, claim: string, mountPath: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: app',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: ${image}`,
    '          volumeMounts:',
    '            - name: vol',
    `              mountPath: ${mountPath}`,
    '      volumes:',
    '        - name: vol',
    '          persistentVolumeClaim:',
    `            claimName: ${claim}`,
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'a scratch workspace claim mounted by no store (jobs created from code) declares no data store: not applicable',
      profile: 'service',
      tree: {
        'manage.py': 'print(1)\n',
        'scripts/workers/pvc.yaml': pvc('efs-claim'),
      },
      expect: { outcome: 'not-applicable' },
    },
  ],
  invalid: [
    {
      name: 'a claim a postgres Deployment mounts is a data store; without a backup object it fails',
      profile: 'service',
      tree: {
        'k8s/pvc.yaml': pvc('shared-claim'),
        'k8s/db.yaml': deployment('postgres:16', 'shared-claim', '/var/lib/postgresql/data'),
      },
      expect: { outcome: 'fail', evidence: [{ path: 'k8s/pvc.yaml', line: 2 }] },
    },
    {
      name: "an application's uploads claim still counts as data",
      profile: 'service',
      tree: {
        'k8s/pvc.yaml': pvc('web-claim'),
        'k8s/web.yaml': deployment('ghcr.io/acme/web:1.0', 'web-claim', '/app/public/uploads'),
      },
      expect: { outcome: 'fail', evidence: [{ path: 'k8s/pvc.yaml', line: 2 }] },
    },
  ],
});
