import { expect } from 'vitest';
import rule from './alerting.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const RULES =
  'groups:\n  - name: api\n    rules:\n      - alert: HighErrorRate\n        expr: sum(rate(http_requests_total{code=~"5.."}[5m])) > 1\n        for: 10m\n';

const RULE_TEMPLATE =
  '{{- if .Values.prometheusRules.enabled }}\napiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  groups:\n  - name: operator\n    rules:\n{{ toYaml .Values.prometheusRules.alerts | indent 6 }}\n{{- end }}\n';
const RULE_VALUES =
  'prometheusRules:\n  enabled: false\n  alerts: []\n  # - alert: ScalerErrors\n  #   expr: rate(scaler_errors[2m]) > 0\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a Prometheus rule file with Alertmanager routing to PagerDuty passes',
      profile: 'service',
      tree: {
        'deploy/prometheus/rules.yml': RULES,
        'deploy/alertmanager/alertmanager.yml':
          'route:\n  receiver: oncall\nreceivers:\n  - name: oncall\n    pagerduty_configs:\n      - routing_key_file: /etc/pd\n',
      },
      expect: {
        outcome: 'pass',
        message: ['Prometheus alert rules', 'Alertmanager receivers'],
        evidence: [
          { path: 'deploy/prometheus/rules.yml', line: 4 },
          { path: 'deploy/alertmanager/alertmanager.yml', line: 3 },
        ],
      },
    },
    {
      name: 'a PrometheusRule CRD in a Helm chart passes',
      profile: 'service',
      tree: {
        'charts/api/templates/prometheusrule.yaml':
          'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n' +
          RULES.replace(/^/gm, '  '),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'charts/api/templates/prometheusrule.yaml', line: 2 },
          { path: 'charts/api/templates/prometheusrule.yaml', line: 9 },
        ],
      },
    },
    {
      name: 'Terraform CloudWatch alarms pass',
      profile: 'infrastructure',
      tree: {
        'infra/alarms.tf':
          'resource "aws_cloudwatch_metric_alarm" "api_5xx" {\n  alarm_name = "api-5xx"\n  alarm_actions = [aws_sns_topic.oncall.arn]\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Terraform alert resources',
        evidence: [{ path: 'infra/alarms.tf', line: 1 }],
      },
    },
    {
      name: 'Datadog monitors routed to PagerDuty in Terraform pass',
      profile: 'infrastructure',
      tree: {
        'monitoring/monitors.tf':
          'resource "datadog_monitor" "latency" {\n  name    = "p99 latency"\n  type    = "metric alert"\n  message = "@pagerduty-orders"\n}\n',
        'monitoring/oncall.tf': 'resource "pagerduty_service" "orders" {\n  name = "orders"\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: ['Terraform alert resources', 'on-call routing in Terraform'],
        evidence: [
          { path: 'monitoring/monitors.tf', line: 1 },
          { path: 'monitoring/oncall.tf', line: 1 },
        ],
      },
    },
    {
      name: 'Grafana alerting provisioning passes',
      profile: 'service',
      tree: {
        'grafana/provisioning/alerting/rules.yaml':
          'apiVersion: 1\ngroups:\n  - orgId: 1\n    name: api\n    rules:\n      - uid: a1\n        title: Errors\n        noDataState: NoData\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'grafana/provisioning/alerting/rules.yaml', line: 8 }] },
    },
  ],
  invalid: [
    {
      name: "a reusable module's backup-job failure notifications to SNS are partial; an example's alarms are named, not denied",
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_backup_vault" "this" {\n  name = var.vault_name\n  tags = var.tags\n}\n',
        'notifications.tf':
          'resource "aws_backup_vault_notifications" "this" {\n  backup_vault_name   = aws_backup_vault.this.name\n  sns_topic_arn       = var.sns_topic_arn\n  backup_vault_events = ["BACKUP_JOB_FAILED"]\n}\n',
        'variables.tf': 'variable "vault_name" {\n  type = string\n}\n',
        'examples/monitored/monitoring.tf':
          'resource "aws_cloudwatch_metric_alarm" "failed" {\n  alarm_name = "backup-failed"\n}\n\nmodule "backup" {\n  source = "../../"\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: ['Failure events are notified (aws_backup_vault_notifications)', 'examples/monitored/monitoring.tf:1'],
        evidence: [{ path: 'notifications.tf', line: 1 }],
      },
    },
    {
      name: "a reusable module with alarms only in its examples is partial (examples show callers how), naming the examples' alarms",
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_backup_vault" "this" {\n  name = var.vault_name\n}\n',
        'variables.tf': 'variable "vault_name" {\n  type = string\n}\n',
        'examples/monitored/monitoring.tf':
          'resource "aws_cloudwatch_metric_alarm" "failed" {\n  alarm_name = "backup-failed"\n}\n\nmodule "backup" {\n  source = "../../"\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: 'in examples/ only (examples/monitored/monitoring.tf:1)',
        evidence: [{ path: 'examples/monitored/monitoring.tf', line: 1 }],
      },
    },
    {
      name: 'Alertmanager routing without any alert rule is partial',
      profile: 'service',
      tree: {
        'alertmanager.yml':
          'route:\n  receiver: team\nreceivers:\n  - name: team\n    slack_configs:\n      - channel: "#ops"\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'no alert rules',
        evidence: [{ path: 'alertmanager.yml', line: 3 }],
      },
    },
    {
      name: 'a CloudWatch log metric filter alone is not an alarm',
      profile: 'infrastructure',
      tree: {
        'infra/backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'infra/logs.tf': 'resource "aws_cloudwatch_log_metric_filter" "errors" {\n  name = "errors"\n}\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a PrometheusRule template that only renders alerts from values (`alerts: []`, disabled) defines none: partial, not pass (round 12)',
      profile: 'service',
      tree: {
        'main.go': 'package main\n',
        'deploy/helmfile.yaml': 'releases:\n  - name: api\n    chart: ../charts/api\n',
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
        'charts/api/values.yaml': RULE_VALUES,
        'charts/api/templates/prometheusrule.yaml': RULE_TEMPLATE,
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: 'Alert rules can be supplied',
        evidence: [{ path: 'charts/api/templates/prometheusrule.yaml', line: 3 }],
      },
    },
    {
      name: '`alert:` keys in unrelated YAML and rule files under tests do not count',
      profile: 'service',
      tree: {
        'config/ui.yml': 'banner:\n  alert: true\n',
        'test/fixtures/rules.yml': RULES,
        'docs/alerts.md': '- alert: HighErrorRate\n',
      },
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
    {
      name: 'a chart package whose rule template renders only caller-supplied alerts is N/A like dashboards, and says the template is there (round 12)',
      profile: 'infrastructure',
      tree: {
        'operator/Chart.yaml': 'apiVersion: v2\nname: operator\nversion: 2.0.0\n',
        'operator/values.yaml': RULE_VALUES,
        'operator/templates/prometheusrule.yaml': RULE_TEMPLATE,
      },
      expect: {
        outcome: 'not-applicable',
        message: [
          'this package defines none',
          'its rule template operator/templates/prometheusrule.yaml:3 renders the alerts callers supply',
        ],
      },
    },
    {
      name: 'a library has no alerts of its own',
      profile: 'library',
      tree: { 'index.js': '' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
