import { defineRule, type Evidence, type Match } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import {
  firstPerFile,
  fromMatch,
  isCommentLine,
  isDeployablePath,
  isExampleOnlyFolder,
} from '../../src/facts/paths.js';
import { OPEX_GENERATOR } from '../_shared/ops-as-code.js';
import { stackDefaultRules } from '../_shared/kube-stack.js';
import { flowSettings, workflowPlatforms } from '../../src/facts/workflow-platforms.js';
import type { FileView } from '../../src/types.js';

/** A CloudWatch API call that creates an alarm (boto3, AWS SDK v2/v3, Go). */
const API_ALARM = /put_?metric_?alarm/i;
const ALARM_CALL = /put_?metric_?alarm\s*\(|PutMetricAlarmCommand\s*\(/gi;
/** Actions that tell someone: an SNS topic, a notification or paging target. */
const NOTIFY_ACTION = /sns|topic|notif|pager|opsgenie|email|alert|chatbot|slack/i;
/** Actions that change capacity: Application Auto Scaling or EC2 scaling policies. */
const SCALING_ACTION = /polic|scal/i;

/**
 * Alarms created through the CloudWatch API whose only actions are scaling policies
 * (`AlarmActions=[scale_up_policy_arn]` on a queue-depth metric) drive autoscaling and tell
 * nobody (blind round 37, EvalAI). True when every alarm call of the file (at most 64, each read
 * 3,000 characters far) names scaling actions and no notification target; an alarm with no
 * action list, or one that notifies, keeps the file's credit.
 */
function scalingOnlyAlarms(m: Match, files: FileView): boolean {
  if (!API_ALARM.test(m.snippet)) return false;
  const text = files.read(m.path);
  if (!text) return false;
  ALARM_CALL.lastIndex = 0;
  let calls = 0;
  for (let hit = ALARM_CALL.exec(text); hit && calls < 64; hit = ALARM_CALL.exec(text)) {
    calls++;
    const window = text.slice(hit.index, hit.index + 3000);
    const at = window.indexOf('AlarmActions');
    if (at === -1) return false;
    const list = window.slice(at + 12, at + 412);
    const end = list.search(/[\])]/);
    const actions = end === -1 ? list : list.slice(0, end);
    if (NOTIFY_ACTION.test(actions) || !SCALING_ACTION.test(actions)) return false;
  }
  return calls > 0;
}

const YAML = ['**/*.{yml,yaml,tpl}'];
const TF = ['**/*.{tf,tf.json}'];

/** Terraform resources that define alerts (they carry their own notification targets). */
const TF_ALERT =
  /^[ \t]*resource\s+"(aws_cloudwatch_metric_alarm|aws_cloudwatch_composite_alarm|datadog_monitor|datadog_monitor_json|newrelic_alert_policy|newrelic_nrql_alert_condition|newrelic_alert_condition|newrelic_infra_alert_condition|google_monitoring_alert_policy|azurerm_monitor_metric_alert|azurerm_monitor_scheduled_query_rules_alert(?:_v2)?|azurerm_monitor_activity_log_alert|grafana_rule_group|sentry_issue_alert|sentry_metric_alert|signalfx_detector|honeycombio_trigger|lightstep_alert|dynatrace_alerting|opsgenie_alert_policy)"\s+"([^"]+)"/m;
/** Terraform resources that route alerts to people. */
const TF_ROUTE =
  /^[ \t]*resource\s+"(pagerduty_service|pagerduty_escalation_policy|pagerduty_schedule|opsgenie_team|opsgenie_schedule|opsgenie_escalation|grafana_contact_point|grafana_notification_policy|newrelic_notification_destination|newrelic_workflow|aws_sns_topic_subscription|datadog_integration_pagerduty\w*)"\s+"([^"]+)"/m;

/**
 * Terraform resources that notify a topic of a managed service's failure events (a backup job that
 * failed, a database event): alerts on events, though no threshold rule (blind round 32,
 * `aws_backup_vault_notifications` with BACKUP_JOB_FAILED to SNS).
 */
const TF_EVENT_NOTIFY =
  /^[ \t]*resource\s+"(aws_backup_vault_notifications|aws_db_event_subscription|aws_dms_event_subscription|aws_redshift_event_subscription|aws_neptune_event_subscription|aws_docdb_event_subscription|aws_codestarnotifications_notification_rule)"\s+"([^"]+)"/m;

export default defineRule({
  meta: {
    id: 'alerting',
    title: 'Alerts are defined as code',
    failureTitle: 'No alerting rules',
    description:
      'Alerts written as code are reviewed, versioned and recreated with the environment; alerts clicked together in a console silently disappear, and a service without alerts is watched by its users.',
    remediation:
      'Define alert rules next to the service: Prometheus rule files or a PrometheusRule resource (with Alertmanager routing to PagerDuty/Opsgenie), Grafana alert provisioning, or monitor resources in Terraform (`aws_cloudwatch_metric_alarm`, `datadog_monitor`, `newrelic_nrql_alert_condition`, `google_monitoring_alert_policy`).',
    severity: 'medium',
    effort: 'medium',
    detection:
      'Prometheus rule groups (`- alert:` entries in YAML or jsonnet mixins), `kind: PrometheusRule`, Sloth SLO specs; Alertmanager configuration (`receivers:`/`route:`, `kind: AlertmanagerConfig`, `pagerduty_configs`, `opsgenie_configs`); Grafana alerting provisioning (`contactPoints:`, alert rules with `noDataState`); CloudFormation `AWS::CloudWatch::Alarm`; CDK `cloudwatch.Alarm`; alarms created through the CloudWatch API by shipped code (boto3 `put_metric_alarm`, SDK `PutMetricAlarmCommand`); Datadog monitor JSON; Terraform alarm/monitor/alert-policy resources of AWS, Datadog, New Relic, GCP, Azure, Grafana, Sentry, and PagerDuty/Opsgenie resources. A rule resource whose file holds no rule expression (a PrometheusRule template rendering `.Values…alerts`) defines no alert: partial 0.3 “alert rules can be supplied”, and in a chart or module package not applicable, like dashboards, unless the package defines alerts itself. An `aws_sns_topic_subscription` with no alarm publishing to it and no on-call endpoint (PagerDuty, Opsgenie…) is a notification channel, not alert routing: it is named, and the verdict is fail. Failure notifications set on the flows of a workflow platform the repository deploys (Airflow `email_on_failure: True`, `on_failure_callback`, `sla_miss_callback`; Dagster run-failure sensors) are partial (0.4): a failed task tells someone, no alert rule watches the service.',
    patterns: {
      promAlert: {
        regex: /^[ \t]*(?:-\s+)?alert:\s*["']?([A-Za-z][\w.-]*|\{\{)/m,
        files: [...YAML, '**/*.{jsonnet,libsonnet}'],
        literals: ['alert:'],
        maxPerFile: 3,
      },
      promExpr: {
        regex: /^[ \t]*(?:-\s+)?expr:\s*\S/m,
        files: [...YAML, '**/*.{jsonnet,libsonnet}'],
        literals: ['expr:'],
        maxPerFile: 1,
      },
      crd: {
        regex:
          /^kind:\s*(PrometheusRule|PrometheusServiceLevel|AlertmanagerConfig|VMRule|GrafanaAlertRuleGroup|GrafanaContactPoint)\b/m,
        files: YAML,
        literals: [
          'PrometheusRule',
          'PrometheusServiceLevel',
          'AlertmanagerConfig',
          'VMRule',
          'GrafanaAlert',
          'GrafanaContactPoint',
        ],
        maxPerFile: 1,
      },
      grafana: {
        regex: /^[ \t]*(?:-\s+)?(noDataState|execErrState):\s*\w/m,
        files: YAML,
        literals: ['noDataState', 'execErrState'],
        maxPerFile: 1,
      },
      contactPoints: { regex: /^contactPoints:\s*$/m, files: YAML, literals: ['contactPoints'], maxPerFile: 1 },
      routing: {
        regex:
          /^[ \t]*(?:-\s+)?(pagerduty_configs|opsgenie_configs|slack_configs|webhook_configs|email_configs|msteams_configs|sns_configs):/m,
        files: YAML,
        literals: ['_configs:'],
        maxPerFile: 1,
      },
      amRoot: {
        regex: /^(receivers):\s*$/m,
        files: ['**/*alertmanager*.{yml,yaml,tpl}', '**/*alertmanager*/**/*.{yml,yaml,tpl}'],
        literals: ['receivers'],
        maxPerFile: 1,
      },
      cloud: {
        regex:
          /(AWS::CloudWatch::(?:Alarm|CompositeAlarm)|\b(?:cloudwatch|aws_cloudwatch|cw)\.(?:Cfn)?(?:Composite)?Alarm\s*\(|new\s+(?:Cfn)?(?:Composite)?Alarm\s*\(\s*(?:this|self|scope|stack)\b|\.create(?:Alarm|_alarm)\s*\(\s*(?:this|self|scope|stack)\b|\b(?:Composite)?Alarm\.Builder\.create\s*\(|\bawscloudwatch\.New(?:Composite)?Alarm\s*\(|\bnew\s+aws\.cloudwatch\.(?:Metric|Composite)Alarm\s*\(|"type"\s*:\s*"(?:metric|query|service check|log|event|composite|slo) alert"|\.put_(?:metric|composite)_alarm\s*\(|\bnew\s+Put(?:Metric|Composite)AlarmCommand\s*\(|\.put(?:Metric|Composite)Alarm\s*\(|\bPut(?:Metric|Composite)Alarm(?:WithContext)?\s*\()/,
        // A CDK alarm is a construct: `cloudwatch.Alarm(…)` by its namespace, or a bare `new Alarm(`/
        // `metric.createAlarm(` whose first argument is the construct scope (this/self/scope/stack); Java
        // `Alarm.Builder.create`, Go `awscloudwatch.NewAlarm`, Pulumi `aws.cloudwatch.MetricAlarm`. A
        // product's own Alarm class (`new Alarm(id)`, a boat-alarm feature) is no alert rule (blind round 35).
        // The L1 constructs `new CfnAlarm(this, …)`/`CfnCompositeAlarm` too (blind round 46: an RDS alarm).
        // Alarms created through the CloudWatch API by code the package ships (boto3
        // `put_metric_alarm`, AWS SDK `PutMetricAlarmCommand`/`putMetricAlarm`, Go `PutMetricAlarm`):
        // an auto-alarm function a Terraform module deploys defines alerts (blind round 30).
        files: ['**/*.{yml,yaml,json,template,ts,js,py,java,cs,go}'],
        literals: [
          'CloudWatch',
          'Alarm',
          'createAlarm',
          ' alert"',
          'put_metric_alarm',
          'put_composite_alarm',
          'create_alarm',
        ],
        maxPerFile: 1,
      },
      // Alerts generated from a configuration: thresholds and the Azure Monitor action groups to notify
      // (pagopa opex-dashboard `.opex/*/config.yaml`: availability_threshold, response_time_threshold,
      // action_groups), applied by a CI workflow that runs the generator (blind round 24, afm-calculator).
      generatedAlerts: {
        regex: /^action_groups:[ \t]*$/m,
        files: YAML,
        literals: ['action_groups:'],
        maxPerFile: 1,
      },
      alertGenerator: OPEX_GENERATOR,
      tfAlert: { regex: TF_ALERT, files: TF, literals: ['resource'], maxPerFile: 3 },
      tfNotify: { regex: TF_EVENT_NOTIFY, files: TF, literals: ['resource'], maxPerFile: 3 },
      tfRoute: { regex: TF_ROUTE, files: TF, literals: ['resource'], maxPerFile: 2 },
    },
  },
  // A module is judged as a module: alarms it ships count, their absence is its callers' business.
  // A rule template that holds no rule of its own (a PrometheusRule rendering `.Values…alerts`)
  // defines no alert: the package is then judged like dashboards, by what it defines itself.
  appliesTo: ({ facts, matches }) =>
    facts.reusable &&
    !['tfAlert', 'tfRoute', 'tfNotify', 'cloud', 'promAlert'].some((k) => matches(k).length > 0) &&
    definingRules(matches('crd'), matches('promExpr')).length === 0
      ? {
          reason: `${facts.reusable.reason}: alerts are defined by the deployments that use it, and this package defines none${suppliedNote(matches('crd'))}`,
        }
      : ['service', 'infrastructure'].includes(facts.profile.id)
        ? true
        : { reason: `profile is ${facts.profile.id}: alerting belongs to what is deployed and operated` },
  check(ctx) {
    const live = (key: string): Match[] =>
      ctx.matches(key).filter((m) => isDeployablePath(m.path) && !isCommentLine(m.snippet));
    // `alert:` also appears in unrelated YAML; count it only in files that also hold an `expr:` (rule groups).
    const crd = live('crd');
    const withExpr = new Set(ctx.matches('promExpr').map((m) => m.path));
    const promAlert = live('promAlert').filter((m) => withExpr.has(m.path));
    const ruleCrds = crd.filter((m) => !/AlertmanagerConfig|GrafanaContactPoint/.test(m.snippet));
    const defining = definingRules(ruleCrds, ctx.matches('promExpr'));
    // Rule resources with no `expr:` in their file only carry rules someone else supplies.
    const empty = ruleCrds.filter((m) => !defining.includes(m));
    // A generator's configuration with thresholds and action groups defines alerts where CI runs the
    // generator; alone it is a configuration nobody is shown to apply.
    const generated = live('generatedAlerts').filter((m) =>
      /^\w+_threshold:[ \t]*[\d.]+/m.test(ctx.files.read(m.path) ?? ''),
    );
    const generator = live('alertGenerator');
    // An SNS topic with e-mail (or queue, function) subscribers is a notification channel; it routes
    // alerts only when an alarm publishes to it or it pages an on-call service (blind round 41: a
    // topic for certificate notifications read as on-call routing).
    const tfRoutes = live('tfRoute');
    const snsOnly = tfRoutes.filter(
      (m) => m.groups[0] === 'aws_sns_topic_subscription' && !pagesOnCall(ctx.files, m.path, m.line),
    );
    const onCall = tfRoutes.filter((m) => !snsOnly.includes(m));
    const rules: [string, Match[]][] = [
      [
        'alert thresholds and action groups generated by opex-dashboard in CI',
        generator.length > 0 ? [...generated, ...(generated.length > 0 ? generator.slice(0, 1) : [])] : [],
      ],
      ['Prometheus alert rules', promAlert],
      ['alerting CRDs', defining],
      ['Grafana alerting provisioning', live('grafana')],
      ['cloud alarms/monitors', live('cloud').filter((m) => !scalingOnlyAlarms(m, ctx.files))],
      ['Terraform alert resources', live('tfAlert')],
      ['alert rules from a shared alerting chart the service configures', alertCharts(ctx.files)],
      // kube-prometheus-stack as a chart dependency creates its default alert rules unless switched off.
      [
        'the default alert rules of kube-prometheus-stack (defaultRules, a chart dependency)',
        stackDefaultRules(ctx.files),
      ],
    ];
    const ruleCount = rules.reduce((n, [, ms]) => n + ms.length, 0);
    const routes: [string, Match[]][] = [
      [
        'Alertmanager receivers',
        [
          ...live('amRoot'),
          ...live('routing'),
          ...crd.filter((m) => /AlertmanagerConfig|GrafanaContactPoint/.test(m.snippet)),
        ],
      ],
      ['Grafana contact points', live('contactPoints')],
      ['on-call routing in Terraform', onCall],
      // With alarm rules, the topic's subscribers are where the alarms go.
      ['SNS topic subscriptions', ruleCount > 0 ? snsOnly : []],
    ];
    const foundRules = rules.filter(([, ms]) => ms.length > 0);
    const foundRoutes = routes.filter(([, ms]) => ms.length > 0);
    const evidence: Evidence[] = [
      ...foundRules.flatMap(([what, ms]) => firstPerFile(ms, 3).map((m) => fromMatch(m, what))),
      ...foundRoutes.flatMap(([what, ms]) => firstPerFile(ms, 2).map((m) => fromMatch(m, what))),
    ];
    const data = {
      rules: foundRules.map(([w]) => w),
      routing: foundRoutes.map(([w]) => w),
      alerts: foundRules.reduce((n, [, ms]) => n + ms.length, 0),
    };
    if (foundRules.length > 0) {
      const routing = foundRoutes.length > 0 ? `, routed by ${listing(foundRoutes.map(([w]) => w))}` : '';
      return pass(`Alerts are defined as code: ${listing(foundRules.map(([w]) => w))}${routing}.`, evidence, data);
    }
    if (generated.length > 0) {
      const g = generated[0]!;
      return partial(
        0.5,
        `Alert thresholds and action groups are configured (${g.path}:${g.line}), but no CI step is shown to generate and apply alerts from them.`,
        firstPerFile(generated, 2).map((m) => fromMatch(m, 'alert thresholds and action groups (configuration)')),
        data,
      );
    }
    if (empty.length > 0) {
      return partial(
        0.3,
        `Alert rules can be supplied (${empty.length} rule resource${empty.length === 1 ? '' : 's'} such as ${empty[0]!.path}:${empty[0]!.line} render${empty.length === 1 ? 's' : ''} rules from configuration), but no alert rule is defined here${foundRoutes.length > 0 ? `; routing: ${listing(foundRoutes.map(([w]) => w))}` : ''}.`,
        [...firstPerFile(empty, 1).map((m) => fromMatch(m, 'rule resource without rules of its own')), ...evidence],
        data,
      );
    }
    // Alarms only in examples or tests are the examples' own; said so, not "none found". A reusable
    // package's examples/ show how it is meant to be used: alarms there are partial credit (blind round 32).
    const elsewhere = ctx.matches('tfAlert').filter((m) => !isDeployablePath(m.path) && !isCommentLine(m.snippet));
    const inExamples = ctx.facts.reusable ? elsewhere.filter((m) => isExampleOnlyFolder(m.path)) : [];
    const cited = (ms: Match[]) => listing([...new Set(ms.map((m) => `${m.path}:${m.line}`))].slice(0, 3));
    const aside =
      inExamples.length > 0
        ? ` (alarm resources with thresholds are in examples/ only, showing callers how to add them: ${cited(inExamples)})`
        : elsewhere.length > 0
          ? ` (alarm resources appear only outside the deployed code: ${cited(elsewhere)})`
          : '';
    const exampleEvidence = firstPerFile(inExamples, 3).map((m) =>
      fromMatch(m, 'alarm resource in examples/ (how callers are shown to use the package)'),
    );
    const notify = live('tfNotify');
    if (notify.length > 0)
      return partial(
        0.5,
        `Failure events are notified (${listing([...new Set(notify.map((m) => m.groups[0]!))])}), but no alarm rules with thresholds are defined${aside}.`,
        [
          ...firstPerFile(notify, 2).map((m) => fromMatch(m, 'event notifications to a topic')),
          ...evidence,
          ...exampleEvidence,
        ],
        data,
      );
    if (inExamples.length > 0 && foundRoutes.length === 0)
      return partial(
        0.3,
        `Alarms are defined in examples/ only (${cited(inExamples)}): they show callers how to alert on what the package deploys, but the package defines none itself.`,
        exampleEvidence,
        data,
      );
    if (foundRoutes.length > 0) {
      return partial(
        0.5,
        `Alert routing is configured (${listing(foundRoutes.map(([w]) => w))}), but no alert rules are defined.`,
        evidence,
        data,
      );
    }
    if (snsOnly.length > 0) {
      const t = snsOnly[0]!;
      return fail(
        `No alerting rules found: ${t.path}:${t.line} subscribes to an SNS topic (a notification channel, e.g. e-mail), but no alarm or alert rule publishes to it and it pages no on-call service.`,
        [
          ...firstPerFile(snsOnly, 2).map((m) =>
            fromMatch(
              m,
              'set aside: SNS topic subscription — a notification channel, not an alert rule or on-call routing',
            ),
          ),
          ...exampleEvidence,
        ],
        data,
      );
    }
    // Failure notifications the project sets on the flows of a workflow platform it deploys (an
    // Airflow DAG's `email_on_failure`, an `on_failure_callback`; a Dagster run-failure sensor): a
    // failed task tells someone, but nothing watches the service's health or fires on a metric.
    const platforms = workflowPlatforms(ctx.files, ctx.facts.dependencies);
    for (const p of platforms) {
      if (!p.spec.failureAlert) continue;
      const hits = flowSettings(ctx.files, p.spec.failureAlert);
      if (hits.length === 0) continue;
      return partial(
        0.4,
        `Failed tasks notify: ${hits.length}${hits.length >= 50 ? '+' : ''} file${hits.length === 1 ? '' : 's'} of ${p.spec.name} flows set a failure e-mail or callback (${hits[0]!.path}:${hits[0]!.line}). Missing: no alert rules on the service itself (its health, its scheduler, a metric), and no on-call routing.`,
        [...hits.slice(0, 3).map((e) => ({ ...e, note: 'failure notification on a task' })), p.evidence],
        { ...data, platformFailureAlerts: hits.length },
      );
    }
    return fail(
      'No alerting rules found.',
      [
        {
          path: '.',
          note: `no Prometheus/Grafana alert rules in ${ctx.searched('promAlert')} YAML files, no alarm or monitor resources ${aside ? `in the deployed code${aside}` : `in ${ctx.searched('tfAlert')} Terraform files`}, no Alertmanager, PagerDuty or Opsgenie configuration`,
        },
      ],
      data,
    );
  },
});

/** Rule resources whose file holds a rule expression (`expr:`): the others only render supplied rules. */
function definingRules(crds: Match[], exprs: Match[]): Match[] {
  const withExpr = new Set(exprs.map((m) => m.path));
  return crds.filter((m) => !/AlertmanagerConfig|GrafanaContactPoint/.test(m.snippet) && withExpr.has(m.path));
}

/** Says so when a package's rule templates let callers supply alerts. */
function suppliedNote(crds: Match[]): string {
  const empty = crds.filter((m) => !/AlertmanagerConfig|GrafanaContactPoint/.test(m.snippet));
  return empty.length > 0
    ? ` (its rule template ${empty[0]!.path}:${empty[0]!.line} renders the alerts callers supply)`
    : '';
}

/** A chart dependency named for alert rules: generic-prometheus-alerts, prometheus-alerts, app-alerts, prometheus-rules. */
const ALERT_CHART = /(?:^|[-_])(?:alerts?|alerting|prometheus-?rules?)(?:$|[-_])/i;

/**
 * A Helm chart's dependency on a shared alerting chart (Chart.yaml `dependencies:` entry whose name
 * says alerts) that the service's values configure (a top-level block named for the dependency or
 * its alias, in the chart's values or the per-environment values beside it): the shared chart
 * renders the PrometheusRule with the service's settings (blind round 30: `generic-prometheus-alerts`
 * with `targetApplication` in values.yaml was "no alerting rules"). Cites the dependency and the block.
 */
function alertCharts(files: FileView): Match[] {
  const out: Match[] = [];
  for (const chart of files.named('Chart.yaml').slice(0, 50)) {
    if (!isDeployablePath(chart)) continue;
    const lines = files.lines(chart);
    if (!lines) continue;
    let inDeps = false;
    let dep: { name: string; line: number; alias?: string } | undefined;
    const deps: { name: string; line: number; alias?: string }[] = [];
    for (let n = 1; n <= Math.min(lines.count, 2000); n++) {
      const l = lines.bare(n);
      if (/^dependencies:\s*$/.test(l)) {
        inDeps = true;
        continue;
      }
      if (inDeps && /^\S/.test(l) && !/^-/.test(l)) inDeps = false;
      if (!inDeps) continue;
      const name = /^\s*-?\s*name:\s*["']?([\w.-]+)/.exec(l);
      const alias = /^\s*-?\s*alias:\s*["']?([\w.-]+)/.exec(l);
      if (/^\s*-\s/.test(l)) {
        dep = { name: '', line: n };
        deps.push(dep);
      }
      if (dep && name) {
        dep.name = name[1]!;
        dep.line = n;
      }
      if (dep && alias) dep.alias = alias[1]!;
    }
    const alerting = deps.filter((d) => ALERT_CHART.test(d.name));
    if (alerting.length === 0) continue;
    const dir = chart.includes('/') ? chart.slice(0, chart.lastIndexOf('/')) : '';
    const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
    const valueFiles = [dir, parent]
      .flatMap((d) => files.match([`${d ? `${d}/` : ''}values*.{yaml,yml}`]))
      .slice(0, 20);
    for (const d of alerting) {
      const key = d.alias ?? d.name;
      for (const v of valueFiles) {
        const vl = files.lines(v);
        if (!vl) continue;
        let at = 0;
        for (let n = 1; n <= Math.min(vl.count, 5000) && !at; n++) if (vl.bare(n).trimEnd() === `${key}:`) at = n;
        if (!at) continue;
        out.push({ path: chart, line: d.line, snippet: lines.bare(d.line).trim(), groups: [d.name] });
        out.push({ path: v, line: at, snippet: `${key}:`, groups: [d.name] });
        break;
      }
    }
  }
  return out;
}

/** On-call services an SNS subscription may page (an https endpoint of PagerDuty, Opsgenie…). */
const ON_CALL = /pagerduty|opsgenie|victorops|splunk.?on.?call|incident\.io|squadcast|xmatters|firehydrant/i;

/** The subscription resource's block (up to its closing brace, 40 lines) names an on-call service. */
function pagesOnCall(files: FileView, path: string, line: number): boolean {
  const lines = files.lines(path);
  if (!lines) return false;
  for (let n = line; n <= Math.min(lines.count, line + 40); n++) {
    const l = lines.bare(n);
    if (ON_CALL.test(l)) return true;
    if (n > line && /^\}/.test(l)) break;
  }
  return false;
}
