/**
 * One APM SDK, every signal it collects (issue 15, blind round 49): the shared SDK → signals table
 * (src/facts/apm-sdks.ts) serves metrics, tracing and error tracking alike. The Application Insights
 * ASP.NET Core SDK auto-collects requests, dependency calls, exceptions and counters; OpenCensus with
 * its exporter registered sends spans and views out. Also Caddy's `metrics` directive and an Azure
 * Portal dashboard declared in Bicep or ARM.
 */
import { describe, expect, it } from 'vitest';
import dashboards from './observability/dashboards.js';
import errorTracking from './observability/error-tracking.js';
import metrics from './observability/metrics.js';
import tracing from './observability/tracing.js';
import { ruleTester } from '../src/testing/rule-tester.js';
import { APM_SDKS, apmSdkOf } from '../src/facts/apm-sdks.js';

const CSPROJ = (pkg: string) =>
  `<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="${pkg}" Version="2.22.0" />\n  </ItemGroup>\n</Project>\n`;
const PROGRAM = (telemetry: string) =>
  [
    'var builder = WebApplication.CreateBuilder(args);',
    'if (builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is string cs)',
    '{',
    `    ${telemetry}`,
    '}',
    'var app = builder.Build();',
    'app.MapGet("/", () => "ok");',
    'app.Run();',
    '',
  ].join('\n');
const dotnet = (telemetry: string, pkg = 'Microsoft.ApplicationInsights.AspNetCore') => ({
  'Api/Api.csproj': CSPROJ(pkg),
  'Api/Program.cs': PROGRAM(telemetry),
});
const AI = 'builder.Services.AddApplicationInsightsTelemetry(o => o.ConnectionString = cs);';

const GO_MOD =
  'module example.com/ledger\n\ngo 1.21\n\nrequire (\n\tgo.opencensus.io v0.24.0\n\tcontrib.go.opencensus.io/exporter/stackdriver v0.13.14\n)\n';
const GO_MAIN =
  'package main\n\nimport (\n\t"net/http"\n\t"example.com/ledger/monitoring"\n)\n\nfunc main() {\n\tmonitoring.Enable("proj")\n\thttp.ListenAndServe(":8080", nil)\n}\n';
const EXPORTER = (register: string) =>
  [
    'package monitoring',
    '',
    'import (',
    '\t"contrib.go.opencensus.io/exporter/stackdriver"',
    '\t"go.opencensus.io/stats/view"',
    '\t"go.opencensus.io/trace"',
    ')',
    '',
    'func Enable(projectID string) error {',
    '\tsde, err := stackdriver.NewExporter(stackdriver.Options{ProjectID: projectID})',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    `\t${register}`,
    '\treturn nil',
    '}',
    '',
  ].join('\n');
const goTree = (register: string) => ({
  'go.mod': GO_MOD,
  'main.go': GO_MAIN,
  'monitoring/trace.go': EXPORTER(register),
});

for (const [name, rule] of [
  ['metrics', metrics],
  ['tracing', tracing],
  ['error-tracking', errorTracking],
] as const) {
  ruleTester(rule, {
    valid: [
      {
        name: `${name}: AddApplicationInsightsTelemetry( initialises the Application Insights SDK`,
        profile: 'service',
        tree: dotnet(AI),
        expect: { outcome: 'pass', evidence: [{ path: 'Api/Program.cs', line: 4 }] },
      },
    ],
    invalid: [
      {
        name: `${name}: the SDK referenced but never added to the services is not set up`,
        profile: 'service',
        tree: dotnet('builder.Services.AddControllers();'),
        expect: { outcome: 'partial' },
      },
    ],
  });
}

ruleTester(tracing, {
  valid: [
    {
      name: 'OpenCensus trace exporter registered: tracing',
      profile: 'service',
      tree: goTree('trace.RegisterExporter(sde)'),
      expect: { outcome: 'pass', evidence: [{ path: 'monitoring/trace.go', line: 14 }] },
    },
  ],
  invalid: [
    {
      name: 'OpenCensus with only its metrics (view) exporter registered: no spans leave the process',
      profile: 'service',
      tree: goTree('view.RegisterExporter(sde)'),
      expect: { outcome: 'partial' },
    },
  ],
});

ruleTester(metrics, {
  valid: [
    {
      name: 'OpenCensus view exporter registered: metrics',
      profile: 'service',
      tree: goTree('view.RegisterExporter(sde)'),
      expect: { outcome: 'pass', evidence: [{ path: 'monitoring/trace.go', line: 14 }] },
    },
    {
      name: "Caddy's metrics directive in the global servers block serves Prometheus metrics",
      profile: 'service',
      tree: {
        ...goTree('_ = sde'),
        'docker/caddy/Caddyfile':
          '{\n\tadmin 0.0.0.0:2019\n\tservers {\n\t\tmetrics\n\t}\n}\n\n:80 {\n\treverse_proxy app:8080\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'docker/caddy/Caddyfile', line: 4 }] },
    },
  ],
  invalid: [
    {
      name: 'OpenCensus trace exporter only: no metrics; a commented metrics line in a Caddyfile is none',
      profile: 'service',
      tree: {
        ...goTree('trace.RegisterExporter(sde)'),
        Caddyfile: '{\n\t# metrics\n}\n\n:80 {\n\treverse_proxy app:8080\n}\n',
      },
      expect: { outcome: 'fail' },
    },
  ],
});

const BICEP_DASHBOARD =
  "param name string\nparam location string = resourceGroup().location\n\nresource dashboard 'Microsoft.Portal/dashboards@2020-09-01-preview' = {\n  name: name\n  location: location\n  properties: {\n    lenses: []\n  }\n}\n";
ruleTester(dashboards, {
  valid: [
    {
      name: 'an Azure Portal dashboard declared in Bicep is a dashboard as code',
      profile: 'service',
      tree: { ...dotnet(AI), 'infra/core/monitor/dashboard.bicep': BICEP_DASHBOARD },
      expect: { outcome: 'pass', evidence: [{ path: 'infra/core/monitor/dashboard.bicep', line: 4 }] },
    },
    {
      name: 'an Azure Portal dashboard in an ARM template',
      profile: 'service',
      tree: {
        ...dotnet(AI),
        'infra/dashboard.json':
          '{\n  "resources": [\n    {\n      "type": "Microsoft.Portal/dashboards",\n      "apiVersion": "2020-09-01-preview",\n      "name": "ops"\n    }\n  ]\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'infra/dashboard.json', line: 4 }] },
    },
  ],
  invalid: [
    {
      name: 'an Application Insights component alone is no dashboard',
      profile: 'service',
      tree: {
        ...dotnet(AI),
        'infra/ai.bicep':
          "resource ai 'Microsoft.Insights/components@2020-02-02' = {\n  name: 'ai'\n  kind: 'web'\n}\n",
      },
      expect: { outcome: 'fail' },
    },
  ],
});

describe('the SDK → signals table', () => {
  it('names the SDK of a matched call and the signals it collects', () => {
    expect(apmSdkOf('builder.Services.AddApplicationInsightsTelemetry(')?.signals).toEqual([
      'metrics',
      'tracing',
      'errors',
    ]);
    expect(apmSdkOf('trace.RegisterExporter(sde)')?.signals).toEqual(['tracing']);
    expect(apmSdkOf('Sentry.init(')).toBeUndefined();
  });
  it('every entry names at least one signal and a pre-filter literal', () => {
    for (const s of APM_SDKS) {
      expect(s.signals.length).toBeGreaterThan(0);
      expect(s.literals.length).toBeGreaterThan(0);
    }
  });
});
