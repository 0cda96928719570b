/**
 * The package's library entry: `import { audit, verify, render } from 'readiness-audit'`.
 * It composes the engine (src/) with the built-in rule catalogue (rules/): src/ never imports
 * rules/, so this file and the command-line launcher are the only places where the two meet.
 * See docs/api.md.
 */
import { auditRepository, type AuditOptions } from './src/api/audit.js';
import { verifyRepository, type VerifyOptions } from './src/api/verify.js';
import { render as renderReport, type Format, type RenderOptions } from './src/render/index.js';
import type { Report } from './src/report/schema.js';
import type { VerifyResult } from './src/verify/schema.js';
import { PILLARS } from './rules/index.js';
import { aggregateReports, type AggregateOptions } from './src/aggregate/index.js';
import type { Aggregate } from './src/aggregate/schema.js';

export type { AuditOptions } from './src/api/audit.js';
export type { VerifyOptions } from './src/api/verify.js';
export type { Format, RenderOptions } from './src/render/index.js';
export type { Report, RuleReport } from './src/report/schema.js';
export type { VerifyResult } from './src/verify/schema.js';
export type { Config } from './src/config/schema.js';
export type { Aggregate } from './src/aggregate/schema.js';
export type { AggregateOptions } from './src/aggregate/index.js';
export type * from './src/types.js';
export { defineRule, PILLAR_IDS, SEVERITIES, EFFORTS, OUTCOMES, PROFILES, ECOSYSTEMS } from './src/types.js';
export { UsageError } from './src/util/errors.js';

/** The built-in rules, pillar by pillar, with their weights. */
export const builtinPillars = PILLARS;

/**
 * Audits the repository at `root` and returns the Report with its gates evaluated
 * (`report.gates.passed` is what decides the command line's exit code 1). Throws `UsageError` for
 * bad input: a missing path, an invalid configuration, an unreadable baseline.
 */
export async function audit(root = '.', options: AuditOptions = {}): Promise<Report> {
  return (await auditRepository(root, options, PILLARS)).report;
}

/**
 * Checks a hand-written readiness document against an audit of `root`: every claim with its
 * verdict (confirmed, partially confirmed, contradicted, unverifiable) and the evidence.
 */
export async function verify(
  document: { text: string; path?: string },
  root = '.',
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  return verifyRepository(document, root, options, PILLARS);
}

/** Renders a Report as terminal text, JSON, Markdown, summary, HTML, SARIF or a badge. */
export function render(report: Report, format: Format, options: Partial<RenderOptions> = {}): string {
  return renderReport(report, format, { color: false, ...options });
}

/**
 * Rolls many saved Reports (folders, files or globs) up by team, tier, pillar and rule, with levels
 * and, given `history`, the change since the previous snapshot (which it then appends).
 */
export function aggregate(options: AggregateOptions): Aggregate {
  return aggregateReports(options).aggregate;
}
