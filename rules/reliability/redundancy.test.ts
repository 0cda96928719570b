import rule from './redundancy.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const deploy = (name: string, replicas: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n${replicas}  template:\n    spec:\n      containers:\n        - name: app\n`;
const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: api\nspec:\n  minAvailable: 1\n';

ruleTester(rule, {
  valid: [
    {
      name: 'Kubernetes: 3 replicas, an HPA-scaled worker and a PDB in multi-document YAML',
      profile: 'service',
      tree: {
        'k8s/all.yaml': `${deploy('api', '  replicas: 3\n')}---\n${deploy('worker', '')}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: worker\nspec:\n  scaleTargetRef: { kind: Deployment, name: worker }\n  minReplicas: 2\n---\n${pdb}`,
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'k8s/all.yaml', line: 6, note: 'Deployment api: 3 replicas' }],
        data: { podDisruptionBudgets: 1 },
      },
    },
    {
      name: 'Terraform: an ASG with min_size 2 and a multi-AZ database',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'infra/main.tf':
          'resource "aws_autoscaling_group" "web" {\n  min_size = 2\n  max_size = 6\n}\n\nresource "aws_db_instance" "db" {\n  multi_az = true\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'infra/main.tf', line: 1 },
          { path: 'infra/main.tf', line: 6 },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'Helm: replicaCount 1 from values and the HPA disabled by default is a finding at the replicas line',
      profile: 'service',
      tree: {
        'chart/Chart.yaml': 'apiVersion: v2\nname: api\n',
        'chart/values.yaml': 'replicaCount: 1\nautoscaling:\n  enabled: false\n',
        'chart/templates/deployment.yaml': deploy(
          '{{ include "api.fullname" . }}',
          '  {{- if not .Values.autoscaling.enabled }}\n  replicas: {{ .Values.replicaCount }}\n  {{- end }}\n',
        ),
        'chart/templates/hpa.yaml':
          '{{- if .Values.autoscaling.enabled }}\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: x\n{{- end }}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'chart/templates/deployment.yaml', line: 7 }],
        data: { autoscalers: 0 },
      },
    },
    {
      name: 'Kubernetes: redundant but no PodDisruptionBudget is partial',
      profile: 'service',
      tree: { 'deploy/api.yml': deploy('api', '  replicas: 2\n') },
      expect: { outcome: 'partial', score: 0.8, message: 'no PodDisruptionBudget' },
    },
    {
      name: 'Terraform: a single-AZ database and an ECS service with one task are findings',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'db.tf':
          'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\nresource "aws_ecs_service" "api" {\n  desired_count = 3\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        evidence: [{ path: 'db.tf', line: 1, note: 'aws_db_instance.db: multi_az unset' }],
      },
    },
    {
      name: 'Terraform module: a setting read from a variable is judged by the variable default',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'modules/db/main.tf': 'resource "aws_db_instance" "this" {\n  multi_az = var.multi_az\n}\n',
        'modules/db/variables.tf': 'variable "multi_az" {\n  type    = bool\n  default = false\n}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'modules/db/main.tf',
            line: 1,
            note: 'aws_db_instance.this: multi_az false (default of var.multi_az)',
          },
        ],
      },
    },
    {
      name: 'DigitalOcean App Platform: instance_count 1 is a finding with its line',
      profile: 'service',
      tree: { 'spec.yaml': 'name: app\nservices:\n  - name: api\n    http_port: 8000\n    instance_count: 1\n' },
      expect: { outcome: 'fail', evidence: [{ path: 'spec.yaml', line: 5, note: 'instance_count 1' }] },
    },
    {
      name: 'nothing to assess is unknown, not a fail',
      profile: 'service',
      tree: { 'app.py': 'print(1)\n' },
      expect: { outcome: 'unknown' },
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
    { name: 'a library', profile: 'library', tree: { 'a.py': '' }, expect: { outcome: 'not-applicable' } },
  ],
});
