import { defineRule, type Evidence, type Match } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import {
  firstPerFile,
  fromMatch,
  isCommentLine,
  isDeployablePath,
  isExampleOnlyFolder,
} from '../../src/facts/paths.js';
import { stackDefaultDashboards } from '../_shared/kube-stack.js';
import { OPEX_GENERATOR } from '../_shared/ops-as-code.js';
import { lineAt } from '../../src/util/lines.js';

// A dashboard shipped as a template for operators to copy (`grafana-dashboard.json.example`,
// `.json.sample`, `.json.tmpl`, `.json.template`, `.json.dist`) is a dashboard as code too (blind round 40).
const TEMPLATE_JSON = '**/*.json.{example,sample,tmpl,template,dist}';
const DOCS = ['**/*.{json,yml,yaml,tpl}', TEMPLATE_JSON];
/** A dashboard document of its own: JSON, or JSON under a template suffix. */
const JSON_FILE = /\.json(?:\.(?:example|sample|tmpl|template|dist))?$/;

/** The project's own documentation, where a shipped dashboard is pointed out to those who run it. */
const USER_DOCS = ['README*', '*/README*', 'docs/**/*.{md,mdx,rst,adoc}', 'doc/**/*.{md,mdx,rst,adoc}'];
const MAX_DOCS = 40;
const MAX_NAMES = 50;

/**
 * Where the project's documentation names one of its dashboard files (`[extras](./extras/
 * goldpinger-dashboard.json)`): a dashboard shipped with a tool that others deploy is imported or
 * provisioned by whoever runs it, the way the README says (blind round 28: goldpinger README.md:327).
 * Each document is walked once per file extension the names carry (`.json`, `.libsonnet`…), and
 * each hit is compared with the names of that extension: one pass, not one `indexOf` per name over
 * a document of a megabyte (fifty names × forty such documents took seconds).
 */
function documentedDashboard(
  files: { match(globs: string[]): string[]; read(path: string): string | undefined },
  dashboards: readonly string[],
): Evidence | undefined {
  const names = [...new Set(dashboards.map((p) => p.slice(p.lastIndexOf('/') + 1)))].slice(0, MAX_NAMES);
  const byExtension = new Map<string, string[]>();
  for (const name of names) {
    const dot = name.lastIndexOf('.');
    const extension = dot < 0 ? name : name.slice(dot);
    byExtension.set(extension, [...(byExtension.get(extension) ?? []), name]);
  }
  for (const doc of files.match(USER_DOCS).slice(0, MAX_DOCS)) {
    const text = files.read(doc) ?? '';
    const first = firstMentions(text, byExtension);
    const name = names.find((n) => first.has(n));
    if (name !== undefined) {
      const at = first.get(name) ?? 0;
      return { path: doc, line: lineAt(text, at), note: `the documentation points those who run it to ${name}` };
    }
  }
  return undefined;
}

/** Where each name first occurs in the text, found from the occurrences of its extension. */
function firstMentions(text: string, byExtension: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const first = new Map<string, number>();
  for (const [extension, names] of byExtension) {
    let left = names.length;
    for (let at = text.indexOf(extension); at >= 0 && left > 0; at = text.indexOf(extension, at + 1)) {
      const end = at + extension.length;
      for (const name of names) {
        const start = end - name.length;
        if (start >= 0 && !first.has(name) && text.startsWith(name, start)) {
          first.set(name, start);
          left--;
        }
      }
    }
  }
  return first;
}

export default defineRule({
  meta: {
    id: 'dashboards',
    title: 'Dashboards are defined as code',
    failureTitle: 'No dashboards as code',
    description:
      'Dashboards kept as code are reviewed with the service they watch, recreated with every environment, and survive a lost Grafana; dashboards built by hand drift and vanish.',
    remediation:
      'Commit the service dashboards: Grafana dashboard JSON with a provisioning file (or a `grafana_dashboard` ConfigMap / GrafanaDashboard resource), grafonnet/jsonnet, or Terraform resources (`grafana_dashboard`, `aws_cloudwatch_dashboard`, `datadog_dashboard`, `newrelic_one_dashboard`).',
    severity: 'low',
    effort: 'medium',
    detection:
      'Grafana dashboard JSON recognised by structure (`"panels"` and `"schemaVersion"` in one file, also inside ConfigMaps), Grafana provisioning (`providers:` under a provisioning/dashboards folder, the `grafana_dashboard` sidecar label, `kind: GrafanaDashboard`), grafonnet/grafanalib/jsonnet dashboards (also the `grafanaDashboards` field of a monitoring mixin), Datadog dashboard JSON (`"layout_type"` + `"widgets"`), CloudFormation `AWS::CloudWatch::Dashboard`, and Terraform dashboard resources of Grafana, AWS, Datadog, New Relic, GCP and Azure. Dashboard JSON that nothing provisions earns partial credit, full credit when the README or docs name its file for those who run the service to import.',
    patterns: {
      panels: { regex: /"panels"\s*:\s*\[/, files: DOCS, literals: ['"panels"'], maxPerFile: 1 },
      schemaVersion: { regex: /"schemaVersion"\s*:\s*\d+/, files: DOCS, literals: ['"schemaVersion"'], maxPerFile: 1 },
      datadogLayout: {
        regex: /"layout_type"\s*:\s*"(?:ordered|free)"/,
        files: ['**/*.json', TEMPLATE_JSON],
        literals: ['"layout_type"'],
        maxPerFile: 1,
      },
      provisioning: {
        regex:
          /^providers:\s*$|^[ \t]*grafana_dashboard["']?\s*:\s*["']?(?:1|true)|^kind:\s*(?:GrafanaDashboard|PersesDashboard)\b|AWS::CloudWatch::Dashboard/m,
        files: ['**/*.{yml,yaml,tpl,json,template}'],
        literals: [
          'providers',
          'grafana_dashboard',
          'GrafanaDashboard',
          'PersesDashboard',
          'AWS::CloudWatch::Dashboard',
        ],
        maxPerFile: 1,
      },
      // A monitoring mixin's `grafanaDashboards+::` field ships its dashboards to whoever imports it
      // (kube-prometheus, mixtool): dashboards as jsonnet code (blind round 19, a Redis exporter's mixin).
      jsonnet: {
        regex: /(grafonnet|dashboard\.new\s*\(|\bg\.dashboard\.|\bgrafanaDashboards\+?::?)/,
        files: ['**/*.{jsonnet,libsonnet}', '**/jsonnetfile.json'],
        literals: ['grafonnet', 'dashboard', 'grafanaDashboards'],
        maxPerFile: 1,
      },
      sdk: {
        // Dashboards generated from code: grafanalib (Python), the Grafana Foundation SDK (Go, TS, Python, Java).
        regex: /(from\s+grafanalib|import\s+grafanalib|grafana-foundation-sdk|grafana_foundation_sdk)/,
        files: ['**/*.{py,go,ts,java}'],
        literals: ['grafanalib', 'grafana-foundation-sdk', 'grafana_foundation_sdk'],
        maxPerFile: 1,
      },
      // A CI step that generates dashboards from a configuration and applies them (pagopa
      // opex-dashboard: `opex_dashboard generate … --config-file .opex/…/config.yaml`, then Terraform)
      // (blind round 24, afm-calculator create_dashboard.yaml).
      generator: OPEX_GENERATOR,
      // An Azure Portal dashboard declared in Bicep or an ARM template (`resource d
      // 'Microsoft.Portal/dashboards@2020-09-01-preview'`, `"type": "Microsoft.Portal/dashboards"`),
      // deployed with the rest of the infrastructure (blind round 49: an Application Insights
      // dashboard module read as "no dashboards").
      azureTemplate: {
        regex: /(?:^[ \t]*resource\s+\w+\s+'|"type"\s*:\s*")(Microsoft\.Portal\/dashboards)\b/im,
        files: ['**/*.bicep', '**/*.json'],
        literals: ['Microsoft.Portal/dashboards'],
        ignoreCase: true,
        maxPerFile: 2,
      },
      terraform: {
        regex:
          /^[ \t]*resource\s+"(grafana_dashboard|aws_cloudwatch_dashboard|datadog_dashboard(?:_json)?|newrelic_one_dashboard(?:_json|_raw)?|google_monitoring_dashboard|azurerm_portal_dashboard|azurerm_dashboard|signalfx_dashboard|honeycombio_board|dynatrace_json_dashboard|lightstep_dashboard)"\s+"([^"]+)"/m,
        files: ['**/*.{tf,tf.json}'],
        literals: ['dashboard', 'board'],
        maxPerFile: 3,
      },
    },
  },
  // A module is judged as a module: alarms it ships count, their absence is its callers' business.
  appliesTo: ({ facts, matches }) =>
    facts.reusable &&
    !['terraform', 'azureTemplate', 'panels', 'jsonnet', 'provisioning'].some((k) => matches(k).length > 0)
      ? {
          reason: `${facts.reusable.reason}: dashboards are defined by the deployments that use it, and this package defines none`,
        }
      : ['service', 'infrastructure'].includes(facts.profile.id)
        ? true
        : { reason: `profile is ${facts.profile.id}: dashboards belong to what is deployed and operated` },
  check(ctx) {
    const live = (key: string): Match[] =>
      ctx.matches(key).filter((m) => isDeployablePath(m.path) && !isCommentLine(m.snippet));
    // A Grafana dashboard is recognised by structure: both keys in the same file.
    const schema = new Set(ctx.matches('schemaVersion').map((m) => m.path));
    const grafana = live('panels').filter(
      (m) => schema.has(m.path) && !/(^|\/)(package|tsconfig|composer)\.json$/.test(m.path),
    );
    const datadog = live('datadogLayout');
    const provisioning = live('provisioning').filter(
      (m) => !/^providers:/.test(m.snippet) || /dashboard|grafana|provisioning/i.test(m.path),
    );
    const parts: [string, Match[]][] = [
      ['Terraform dashboard resources', live('terraform')],
      ['Azure Portal dashboards in Bicep/ARM templates', live('azureTemplate')],
      ['dashboards generated from configuration in CI (opex-dashboard)', live('generator')],
      ['dashboards in jsonnet/code', [...live('jsonnet'), ...live('sdk')]],
      ['dashboard provisioning', provisioning],
      ['Grafana dashboard JSON', grafana],
      ['Datadog dashboard JSON', datadog],
      // kube-prometheus-stack as a chart dependency deploys its Grafana dashboards by default.
      [
        'the default Grafana dashboards of kube-prometheus-stack (a chart dependency)',
        stackDefaultDashboards(ctx.files),
      ],
    ];
    const found = parts.filter(([, ms]) => ms.length > 0);
    const evidence: Evidence[] = found.flatMap(([what, ms]) =>
      firstPerFile(ms, 3).map((m) =>
        fromMatch(
          m,
          /grafanaDashboards/.test(m.snippet)
            ? 'dashboards in jsonnet/code: a monitoring mixin exports them (grafanaDashboards)'
            : what,
        ),
      ),
    );
    const data = {
      kinds: found.map(([w]) => w),
      dashboardFiles: new Set([...grafana, ...datadog].map((m) => m.path)).size,
    };
    const deployed = found.some(([w]) => w !== 'Grafana dashboard JSON' && w !== 'Datadog dashboard JSON');
    const json = grafana.length + datadog.length > 0;
    if (deployed && (json || found.some(([w]) => w !== 'dashboard provisioning'))) {
      return pass(`Dashboards are defined as code: ${listing(data.kinds)}.`, evidence, data);
    }
    // Only a file of its own is pointed out by name: a dashboard inside a ConfigMap is deployed.
    const shipped = json
      ? documentedDashboard(
          ctx.files,
          [...grafana, ...datadog].map((m) => m.path).filter((p) => JSON_FILE.test(p)),
        )
      : undefined;
    if (shipped) {
      return pass(
        `Dashboards are defined as code: ${listing(data.kinds)} (${data.dashboardFiles} file${data.dashboardFiles === 1 ? '' : 's'}), shipped for those who run the service to import as its documentation says.`,
        [...evidence, shipped],
        data,
      );
    }
    if (json) {
      return partial(
        0.7,
        `${listing(data.kinds)} found (${data.dashboardFiles} file${data.dashboardFiles === 1 ? '' : 's'}), but nothing provisions them (no provisioning file, dashboard ConfigMap label, operator resource or Terraform).`,
        evidence,
        data,
      );
    }
    if (deployed)
      return partial(
        0.5,
        'Dashboard provisioning is configured, but no dashboard definitions are in the repository.',
        evidence,
        data,
      );
    // Dashboard resources only in examples or tests are the examples' own; named, not denied. A
    // reusable package's examples/ show how it is meant to be used: partial credit (blind round 32).
    const outside = ctx.matches('terraform').filter((m) => !isDeployablePath(m.path) && !isCommentLine(m.snippet));
    const elsewhere = outside.map((m) => `${m.path}:${m.line}`);
    const inExamples = ctx.facts.reusable ? outside.filter((m) => isExampleOnlyFolder(m.path)) : [];
    if (inExamples.length > 0)
      return partial(
        0.3,
        `Dashboards are defined in examples/ only (${listing([...new Set(inExamples.map((m) => `${m.path}:${m.line}`))].slice(0, 3))}): they show callers how to watch what the package deploys, but the package defines none itself.`,
        firstPerFile(inExamples, 3).map((m) =>
          fromMatch(m, 'dashboard resource in examples/ (how callers are shown to use the package)'),
        ),
        data,
      );
    const aside =
      elsewhere.length > 0
        ? ' or jsonnet dashboards; Terraform dashboard resources only outside the deployed code (' +
          `${listing([...new Set(elsewhere)].slice(0, 3))})`
        : ', jsonnet or Terraform dashboard resources';
    return fail(
      'No dashboards defined as code.',
      [
        {
          path: '.',
          note: `no Grafana/Datadog dashboard JSON in ${ctx.searched('panels')} JSON/YAML files, no provisioning${aside}`,
        },
      ],
      data,
    );
  },
});
