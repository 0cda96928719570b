import { expect } from 'vitest';
import rule from './dashboards.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const DASHBOARD = JSON.stringify(
  { title: 'API', panels: [{ type: 'timeseries', title: 'RPS' }], schemaVersion: 39 },
  null,
  2,
);

ruleTester(rule, {
  valid: [
    {
      name: 'Grafana dashboard JSON with a provisioning file passes',
      profile: 'service',
      tree: {
        'grafana/dashboards/api.json': DASHBOARD,
        'grafana/provisioning/dashboards/default.yaml':
          'apiVersion: 1\nproviders:\n  - name: default\n    options:\n      path: /var/lib/grafana/dashboards\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'grafana/dashboards/api.json', line: 3 },
          { path: 'grafana/provisioning/dashboards/default.yaml', line: 2 },
        ],
        data: { dashboardFiles: 1 },
      },
    },
    {
      name: 'Terraform dashboard resources pass',
      profile: 'infrastructure',
      tree: { 'monitoring/main.tf': 'resource "aws_cloudwatch_dashboard" "api" {\n  dashboard_name = "api"\n}\n' },
      expect: {
        outcome: 'pass',
        message: 'Terraform dashboard resources',
        evidence: [{ path: 'monitoring/main.tf', line: 1 }],
      },
    },
    {
      name: 'grafonnet dashboards pass',
      profile: 'service',
      tree: {
        'monitoring/api.jsonnet':
          "local g = import 'github.com/grafana/grafonnet/gen/grafonnet-latest/main.libsonnet';\ng.dashboard.new('API')\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'monitoring/api.jsonnet', line: 1 }] },
    },
    {
      name: "a monitoring mixin's `grafanaDashboards+::` exporting the dashboard JSON is dashboards as jsonnet code: pass, no provisioning asked (round 19)",
      profile: 'service',
      tree: {
        'main.go': 'package main\n\nfunc main() {}\n',
        'contrib/cache-mixin/mixin.libsonnet':
          "(import 'dashboards/cache.libsonnet') +\n(import 'alerts/alerts.libsonnet') +\n(import 'config.libsonnet')\n",
        'contrib/cache-mixin/dashboards/cache.libsonnet':
          "{\n  grafanaDashboards+:: {\n    'cache-overview.json': (import 'cache-overview.json'),\n  },\n}\n",
        'contrib/cache-mixin/dashboards/cache-overview.json':
          '{\n  "title": "Cache",\n  "panels": [\n    {"type": "graph"}\n  ],\n  "schemaVersion": 27\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'contrib/cache-mixin/dashboards/cache.libsonnet',
            line: 2,
            note: 'dashboards in jsonnet/code: a monitoring mixin exports them (grafanaDashboards)',
          },
          { path: 'contrib/cache-mixin/dashboards/cache-overview.json', line: 3 },
        ],
      },
    },
    {
      name: 'a dashboard ConfigMap picked up by the Grafana sidecar passes',
      profile: 'service',
      tree: {
        'charts/api/templates/dashboard.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    grafana_dashboard: "1"\ndata:\n  api.json: |\n    {"panels": [], "schemaVersion": 39}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'charts/api/templates/dashboard.yaml', line: 5 }] },
    },
  ],
  invalid: [
    {
      name: "a module whose only dashboard is in an example is partial (examples show callers how), naming the example's dashboard",
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_backup_vault" "this" {\n  name = var.vault_name\n}\n',
        'variables.tf': 'variable "vault_name" {\n  type = string\n}\n',
        'examples/monitored/monitoring.tf':
          'module "backup" {\n  source = "../../"\n}\n\nresource "aws_cloudwatch_dashboard" "backup" {\n  dashboard_name = "backup"\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: 'in examples/ only (examples/monitored/monitoring.tf:5)',
        evidence: [{ path: 'examples/monitored/monitoring.tf', line: 5 }],
      },
    },
    {
      name: 'an exported dashboard JSON that nothing provisions is partial',
      profile: 'service',
      tree: { 'ops/api-dashboard.json': DASHBOARD },
      expect: {
        outcome: 'partial',
        score: 0.7,
        message: 'nothing provisions them',
        evidence: [{ path: 'ops/api-dashboard.json', line: 3 }],
      },
    },
    {
      name: 'JSON with "panels" but no schemaVersion is not a dashboard',
      profile: 'service',
      tree: { 'src/ui/layout.json': '{"panels": [{"id": 1}]}\n', 'package.json': '{"name": "x"}\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
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
    { name: 'a CLI has no dashboards', profile: 'cli', tree: { 'main.go': '' }, expect: { outcome: 'not-applicable' } },
  ],
});
