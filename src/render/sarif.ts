/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html) for code
 * scanning: one run, every rule of the report as a reportingDescriptor, one result per failed
 * or partial rule. Suppressed results stay in the log with a `suppressions` entry, which is how
 * SARIF consumers (GitHub code scanning among them) hide a finding without losing it.
 */
import type { Report, RuleReport } from '../report/schema.js';
import { ruleTitle } from '../report/wording.js';
import { encodeSegment, mdProse } from './helpers.js';
import { inertReferences } from '../util/printable.js';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<RuleReport['severity'], Level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};
// GitHub ranks alerts of rules tagged "security" by this CVSS-like number.
const SECURITY_SEVERITY: Record<RuleReport['severity'], string> = {
  critical: '9.0',
  high: '7.0',
  medium: '5.0',
  low: '3.0',
};
/** A partial result is a warning at most: something is there, it is not an error to fix first. */
function levelOf(r: RuleReport): Level {
  const level = LEVEL[r.severity];
  return r.outcome === 'partial' && level === 'error' ? 'warning' : level;
}

/** Locations per result: the first is the primary one; the rest give context without flooding. */
const MAX_LOCATIONS = 20;

/** A repository-relative POSIX path as a relative URI reference: every segment percent-encoded. */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

/**
 * Whether an evidence path names a file inside the repository: relative, no `..` segment, no
 * drive or scheme. Paths of artefacts given on the command line (`--coverage ../lcov.info`,
 * `--junit /abs/junit.xml`) do not, and get no uri: code scanning would resolve it outside the
 * checkout, and an absolute uri would publish the runner's file system layout.
 */
export function insideRepository(path: string): boolean {
  if (!path || path === '.' || /^[\\/]|^[A-Za-z]:[\\/]|^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(path)) return false;
  return !path.split(/[\\/]/).some((seg) => seg === '..');
}

/**
 * Plain text for a SARIF message: `[text](target)` is an embedded link there (SARIF §3.11.6) and
 * repository text must not make one, so brackets are escaped as the format defines; and no
 * @mention or #reference reaches code scanning (inertReferences).
 */
export function sarifText(text: string): string {
  return inertReferences(text)
    .replace(/\\(?=[[\]])/g, '\\\\')
    .replace(/[[\]]/g, '\\$&');
}

interface Location {
  physicalLocation: {
    artifactLocation: { uri: string };
    region?: { startLine: number; endLine?: number; snippet?: { text: string } };
  };
  message?: { text: string };
}

/**
 * The result's locations: its evidence inside the repository, or, for a finding about the whole
 * repository (or package), `anchor` — the file that shows the gap best (see anchorFile).
 */
function locationsOf(rule: RuleReport, anchor: string, scope = 'whole repository'): Location[] {
  const located = rule.evidence.filter((e) => insideRepository(e.path));
  const out = located.slice(0, MAX_LOCATIONS).map((e): Location => {
    const region =
      e.line !== undefined
        ? {
            startLine: e.line,
            ...(e.endLine !== undefined && e.endLine >= e.line ? { endLine: e.endLine } : {}),
            ...(e.snippet ? { snippet: { text: e.snippet } } : {}),
          }
        : undefined;
    return {
      physicalLocation: { artifactLocation: { uri: pathToUri(e.path) }, ...(region ? { region } : {}) },
      ...(e.note ? { message: { text: sarifText(e.note) } } : {}),
    };
  });
  if (out.length > 0) return out;
  // A finding about the repository as a whole ("no CI pipeline"): GitHub code scanning rejects the
  // whole upload when one result lacks a file location, and a directory ('.') is not a file. So the
  // result points at the file that shows the gap best, and its message says it is repository-wide.
  const note = rule.evidence.find((e) => e.note)?.note;
  return [
    {
      physicalLocation: { artifactLocation: { uri: pathToUri(insideRepository(anchor) ? anchor : 'README.md') } },
      message: { text: sarifText(`${scope}${note ? `: ${note}` : ''}`) },
    },
  ];
}

/** Rules whose missing piece belongs in the CI configuration, or in the project's documentation. */
const CI_RULES = new Set([
  'operations/ci-pipeline',
  'operations/continuous-deployment',
  'quality/tests-in-ci',
  'security/security-scanning',
]);
const DOC_RULES = new Set([
  'architecture/readme',
  'architecture/architecture-docs',
  'operations/runbooks',
  'operations/rollback',
  'operations/release-management',
  'security/security-policy',
]);

/**
 * The file a repository-wide finding is shown on: for CI rules the CI configuration, for
 * documentation rules the README, otherwise the root manifest (where the missing library or
 * setting would be declared); each falls back to the others, then to any file the report cites.
 */
export function anchorFile(ruleId: string, report: Report): string {
  const repo = report.repository;
  const byDepth = (paths: string[]) =>
    [...paths].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
  const cited = report.pillars.flatMap((p) => p.rules.flatMap((r) => r.evidence.map((e) => e.path)));
  const known = cited.filter((p) => insideRepository(p));
  const ci = byDepth((repo.ciSystems ?? []).flatMap((c) => c.paths))[0];
  const manifest = byDepth(repo.manifests.map((m) => m.path))[0];
  const readme = byDepth(known.filter((p) => /^readme(\.[a-z]+)?$/i.test(p.split('/').pop()!)))[0];
  const order = CI_RULES.has(ruleId)
    ? [ci, manifest, readme]
    : DOC_RULES.has(ruleId)
      ? [readme, manifest, ci]
      : [manifest, ci, readme];
  return order.find((p) => p !== undefined) ?? byDepth(known)[0] ?? 'README.md';
}

/**
 * The rule's title as its outcome words it (one wording for every format), unless the message
 * already says it; evidence about files outside the repository (CI artefacts) is named here, since
 * it has no location.
 */
function messageOf(r: RuleReport): string {
  const title = ruleTitle(r).replace(/\.$/, '');
  const text = r.message.toLowerCase().startsWith(title.toLowerCase()) ? r.message : `${title}: ${r.message}`;
  const outside = r.evidence
    .filter((e) => e.path !== '.' && e.path !== '' && !insideRepository(e.path))
    .map((e) => (e.note ? `${e.path} (${e.note})` : e.path));
  return sarifText(outside.length ? `${text} Evidence outside the repository: ${outside.join('; ')}.` : text);
}

export function toSarif(report: Report): object {
  const rules = report.pillars.flatMap((p) => p.rules.map((r) => ({ pillar: p.id, rule: r })));
  const descriptors = rules.map(({ pillar, rule: r }) => ({
    id: r.id,
    name: r.id
      .split('/')
      .pop()!
      .replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    // A custom rule's title and prose come from a configuration the repository may have written.
    shortDescription: { text: inertReferences(r.title) },
    fullDescription: { text: inertReferences(r.description) },
    help: {
      text: inertReferences(`${r.description}\n\nHow to fix: ${r.remediation}`),
      // Code scanning renders this as Markdown, and a custom rule's prose comes from a configuration
      // the audited repository may have written: escaped like every Markdown output.
      markdown: `${mdProse(r.description)}\n\n**How to fix:** ${mdProse(r.remediation)}`,
    },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      tags: ['readiness', pillar],
      severity: r.severity,
      effort: r.effort,
      ...(pillar === 'security' ? { 'security-severity': SECURITY_SEVERITY[r.severity] } : {}),
    },
  }));
  const results: object[] = rules.flatMap(({ rule: r }, ruleIndex) => {
    if (r.outcome !== 'fail' && r.outcome !== 'partial') return [];
    return [
      {
        ruleId: r.id,
        ruleIndex,
        level: levelOf(r),
        kind: 'fail',
        message: { text: messageOf(r) },
        locations: locationsOf(r, anchorFile(r.id, report)),
        ...(r.suppressed
          ? {
              suppressions: [
                {
                  kind: r.suppressed.inline ? 'inSource' : 'external',
                  status: 'accepted',
                  justification: r.suppressed.reason,
                },
              ],
            }
          : {}),
        properties: { outcome: r.outcome, score: r.score, points: r.points, maxPoints: r.maxPoints },
      },
    ];
  });
  results.push(...packageResults(report, new Map(rules.map(({ rule }, i) => [rule.id, i])), results));
  // A rule that errored was not assessed: code scanning shows tool execution notifications as
  // errors of the run, so the gap is visible instead of looking like a clean result.
  const notifications = rules.flatMap(({ rule: r }, ruleIndex) =>
    r.outcome === 'error' && !r.suppressed
      ? [
          {
            level: 'error',
            message: { text: sarifText(`${r.id} could not be assessed: ${r.message}`) },
            associatedRule: { id: r.id, index: ruleIndex },
          },
        ]
      : [],
  );
  return sarifLog(
    { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, rules: descriptors },
    results,
    {
      columnKind: 'utf16CodeUnits',
      ...(notifications.length > 0
        ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] }
        : {}),
      properties: { score: report.summary.score, grade: report.summary.grade },
    },
  );
}

/**
 * Findings of workspace packages (--packages): each package's failed and partial rules, located in
 * the package's own files (its manifest for a finding about the whole package). Evidence a package
 * inherits and rules it takes from the repository are left to the repository's own results.
 */
function packageResults(report: Report, ruleIndex: Map<string, number>, rootResults: object[]): object[] {
  const key = (id: string, loc: Location | undefined) => `${id}\0${JSON.stringify(loc?.physicalLocation ?? null)}`;
  const seen = new Set(
    (rootResults as { ruleId: string; locations: Location[] }[]).map((r) => key(r.ruleId, r.locations[0])),
  );
  const out: object[] = [];
  for (const pkg of report.packages ?? []) {
    for (const r of pkg.pillars.flatMap((p) => p.rules)) {
      if ((r.outcome !== 'fail' && r.outcome !== 'partial') || pkg.inherited.includes(r.id)) continue;
      const inherited = (e: { note?: string }) => !!e.note?.includes('inherited from the repository');
      const located = r.evidence.filter((e) => e.path !== '.');
      // A finding resting only on what the package inherits is the repository's own result.
      if (located.length > 0 && located.every(inherited)) continue;
      const own = { ...r, evidence: r.evidence.filter((e) => !inherited(e)) };
      const locations = locationsOf(own, pkg.manifest ?? anchorFile(r.id, report), `whole package ${pkg.path}`);
      if (seen.has(key(r.id, locations[0]))) continue;
      seen.add(key(r.id, locations[0]));
      out.push({
        ruleId: r.id,
        ruleIndex: ruleIndex.get(r.id),
        level: levelOf(r),
        kind: 'fail',
        message: { text: `${sarifText(pkg.path)}: ${messageOf(r)}` },
        locations,
        ...(r.suppressed
          ? {
              suppressions: [
                {
                  kind: r.suppressed.inline ? 'inSource' : 'external',
                  status: 'accepted',
                  justification: r.suppressed.reason,
                },
              ],
            }
          : {}),
        properties: { package: pkg.path, outcome: r.outcome, score: r.score, points: r.points, maxPoints: r.maxPoints },
      });
    }
  }
  return out;
}

/** The SARIF 2.1.0 envelope around one run: shared by the audit and `verify`. */
export function sarifLog(
  driver: { name: string; version: string; rules: object[] } & Record<string, unknown>,
  results: object[],
  run: Record<string, unknown> = {},
): object {
  const { properties, ...rest } = run;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver }, ...rest, results, ...(properties ? { properties } : {}) }],
  };
}

export function renderSarif(report: Report): string {
  return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}
