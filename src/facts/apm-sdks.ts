import type { PatternSpec } from '../types.js';

/** A telemetry signal an APM SDK's initialisation switches on. */
export type ApmSignal = 'metrics' | 'tracing' | 'errors';

/**
 * One APM SDK's initialisation call in code and the signals it switches on by itself.
 * `source` is a regex fragment without capturing groups; `literals` pre-filter files for it.
 */
interface ApmSdk {
  name: string;
  source: string;
  literals: string[];
  signals: readonly ApmSignal[];
  /** The packages of the SDK (catalogue names): declared but never initialised, partial credit. */
  packages: readonly string[];
}

/**
 * SDK → signals: one table that the metrics, tracing and error-tracking rules all read, so that an
 * SDK credited for one signal it collects is credited for every other one it collects (blind round
 * 49: the Application Insights ASP.NET Core SDK credited for error tracking only, though it
 * auto-collects requests, dependency calls and performance counters; OpenCensus with its exporter
 * registered read as "no tracing").
 */
export const APM_SDKS: readonly ApmSdk[] = [
  {
    // Microsoft.ApplicationInsights.AspNetCore / .WorkerService: requests, dependencies (HTTP, SQL),
    // exceptions and performance counters, collected once the service is added.
    name: 'Application Insights (.NET)',
    source: String.raw`\bAddApplicationInsightsTelemetry(?:WorkerService)?\s*\(`,
    literals: ['AddApplicationInsightsTelemetry'],
    signals: ['metrics', 'tracing', 'errors'],
    packages: ['Microsoft.ApplicationInsights.AspNetCore', 'Microsoft.ApplicationInsights.WorkerService'],
  },
  {
    // The `applicationinsights` Node SDK: `appInsights.setup(…).start()` auto-collects requests,
    // dependencies, exceptions and process counters.
    name: 'Application Insights (Node)',
    source: String.raw`\b(?:appInsights|applicationinsights|appinsights|applicationInsights)\.setup\s*\(`,
    literals: ['ppInsights.setup', 'pplicationinsights.setup', 'ppinsights.setup', 'pplicationInsights.setup'],
    signals: ['metrics', 'tracing', 'errors'],
    packages: ['applicationinsights'],
  },
  {
    // The Azure Monitor OpenTelemetry distributions (Node `useAzureMonitor(`, Python
    // `configure_azure_monitor(`, .NET `.UseAzureMonitor(`): traces, metrics and logs over OpenTelemetry.
    name: 'Azure Monitor OpenTelemetry',
    source: String.raw`\b(?:useAzureMonitor|UseAzureMonitor|configure_azure_monitor)\s*\(`,
    literals: ['useAzureMonitor', 'UseAzureMonitor', 'configure_azure_monitor'],
    signals: ['metrics', 'tracing'],
    packages: ['@azure/monitor-opentelemetry', 'azure-monitor-opentelemetry', 'Azure.Monitor.OpenTelemetry.AspNetCore'],
  },
  {
    // OpenCensus with an exporter registered (Go `trace.RegisterExporter(sde)`, Java
    // `StackdriverTraceExporter.createAndRegister(`, Python `AzureExporter`/`StackdriverExporter`
    // handed to a `Tracer`): spans leave the process. `view.RegisterExporter` is its metrics side.
    name: 'OpenCensus tracing',
    source: String.raw`\btrace\.RegisterExporter\s*\(|\b(?:StackdriverTraceExporter|JaegerTraceExporter|ZipkinTraceExporter|OcAgentTraceExporter)\.(?:createAndRegister|register)\s*\(`,
    literals: ['RegisterExporter', 'TraceExporter.'],
    signals: ['tracing'],
    // Go's module is go.opencensus.io (its exporters live under contrib.go.opencensus.io); Python's
    // are opencensus*; Java's io.opencensus:*.
    packages: ['go.opencensus.io', 'opencensus*', 'io.opencensus:*'],
  },
  {
    name: 'OpenCensus metrics',
    source: String.raw`\bview\.RegisterExporter\s*\(|\bStackdriverStatsExporter\.createAndRegister\s*\(`,
    literals: ['RegisterExporter', 'StatsExporter.'],
    signals: ['metrics'],
    packages: [],
  },
];

const CODE = ['**/*.{js,ts,mjs,cjs,jsx,tsx,py,go,java,kt,scala,groovy,cs,fs,vb,rb,php,rs,ex,exs,swift}'];

/**
 * The detector of the SDK initialisations that switch `signal` on: one capturing group, the call.
 * Every rule of a signal the table lists reads its SDKs from here, never from a copy of its own.
 */
export function apmSdkPattern(signal: ApmSignal): PatternSpec {
  const sdks = APM_SDKS.filter((s) => s.signals.includes(signal));
  return {
    regex: new RegExp(`(${sdks.map((s) => s.source).join('|')})`),
    files: CODE,
    literals: [...new Set(sdks.flatMap((s) => s.literals))],
    maxPerFile: 4,
  };
}

/** The packages of the SDKs that collect `signal`, for that signal's dependency catalogue. */
export function apmPackages(signal: ApmSignal): string[] {
  return [...new Set(APM_SDKS.filter((s) => s.signals.includes(signal)).flatMap((s) => s.packages))];
}

/** The SDK a matched initialisation call belongs to. */
export function apmSdkOf(call: string): ApmSdk | undefined {
  return APM_SDKS.find((s) => new RegExp(s.source).test(call));
}
