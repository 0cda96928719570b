/** Assembling the Report from rule runs: scoring, suppressions, roadmap, stats. Deterministic. */
import type { Config } from '../config/schema.js';
import type { AuditRun } from '../engine/audit.js';
import type { Evidence, PillarDefinition } from '../types.js';
import { scorePillar, overallScore, roadmap, gradeOf, type Coverage } from '../scoring/score.js';
import type { FileIndex } from '../walk/file-index.js';
import { globTest } from '../walk/glob.js';
import { redactDeep } from '../util/redact.js';
import type { Report, RuleReport } from './schema.js';
import { SCHEMA_VERSION } from './version.js';
import { VERSION } from '../version.js';
import { ciFiles } from '../facts/ci.js';
import { catalogueHash, configHash } from './stamp.js';
import { levelOf, ruleState } from '../aggregate/levels.js';
import { ruleTitle } from './wording.js';

export interface RepoInfo {
  name: string;
  commit: string | null;
  branch: string | null;
  remote: string | null;
  commitDate: string | null;
}

export interface BuildInput {
  audit: AuditRun;
  pillars: PillarDefinition[];
  files: FileIndex;
  config: Config;
  repo: RepoInfo;
  notes: string[];
  /** ISO date (YYYY-MM-DD) used to decide whether a suppression has expired. */
  today: string;
  /** Whether a configuration file or object was used (its hash goes into the stamp). */
  configUsed?: boolean;
}

export function buildReport(input: BuildInput): Omit<Report, 'gates'> {
  const { audit, config, files } = input;
  const suppressions = config.suppressions ?? [];
  const isExpired = (s: { expires?: string | undefined }) => !!s.expires && s.expires < input.today;
  const used = new Set<object>();
  const suppressionFor = (id: string, evidencePaths: string[]) =>
    suppressions.find((s) => {
      // An expired suppression no longer hides anything: the result is back in the score and the
      // expiry gate names it.
      if (s.rule !== id || isExpired(s)) return false;
      if (!s.paths?.length) return true;
      // With paths, the result is suppressed when every located piece of evidence lies inside them.
      const tests = s.paths.map(globTest);
      return evidencePaths.length > 0 && evidencePaths.every((p) => tests.some((t) => t(p)));
    });

  // `inlineSuppressions: false` (in a configuration CI trusts) leaves the audited tree no way to hide a finding.
  const markers = config.inlineSuppressions === false ? [] : (audit.inlineSuppressions ?? []);
  const usedMarkers = new Set<Marker>();
  const pillarReports: Report['pillars'] = [];
  const efforts = new Map<string, RuleReport['effort']>();
  const scores = [];
  for (const def of input.pillars) {
    const runs = audit.runs.filter((r) => r.pillar === def.id);
    const rules: RuleReport[] = runs.map((r) => {
      const id = `${def.id}/${r.rule.meta.id}`;
      efforts.set(id, r.rule.meta.effort);
      const located = r.evidence.filter((e) => e.path !== '.').map((e) => e.path);
      const failing = r.outcome === 'fail' || r.outcome === 'partial';
      const sup = failing ? suppressionFor(id, located) : undefined;
      if (sup) used.add(sup);
      const inline = failing && !sup ? inlineFor(id, r.rule.meta.id, r.evidence, markers, usedMarkers) : undefined;
      return {
        id,
        title: r.rule.meta.title,
        failureTitle: r.rule.meta.failureTitle,
        description: r.rule.meta.description,
        outcome: r.outcome,
        score: r.score,
        weight: r.weight,
        points: 0,
        maxPoints: 0,
        severity: r.rule.meta.severity,
        effort: r.rule.meta.effort,
        message: r.message,
        evidence: inline?.evidence ?? r.evidence,
        remediation: r.rule.meta.remediation,
        ...(sup ? { suppressed: { reason: sup.reason, ...(sup.expires ? { expires: sup.expires } : {}) } } : {}),
        ...(inline?.reason ? { suppressed: { reason: inline.reason, inline: true } } : {}),
        ...(r.data ? { data: r.data } : {}),
      };
    });
    const weight = config.pillars?.[def.id]?.weight ?? 1;
    const scored = scorePillar(
      def.id,
      weight,
      rules.map((r) => ({
        id: r.id,
        weight: r.weight,
        outcome: r.outcome,
        score: r.score,
        effort: r.effort,
        suppressed: !!r.suppressed,
      })),
    );
    scored.rules.forEach((s, i) => {
      rules[i]!.points = s.points;
      rules[i]!.maxPoints = s.maxPoints;
    });
    scores.push(scored);
    pillarReports.push({
      id: def.id,
      title: def.title,
      description: def.description,
      score: scored.score,
      grade: scored.grade,
      weight,
      coverage: scored.coverage,
      rules,
    });
  }

  const overall = overallScore(scores);
  const all = pillarReports.flatMap((p) => p.rules);
  const byId = new Map(all.map((r) => [r.id, r]));
  const level = config.levels?.length ? levelOf(config.levels, (id) => ruleState(byId.get(id))) : undefined;
  const count = (o: RuleReport['outcome']) => all.filter((r) => !r.suppressed && r.outcome === o).length;
  const coverage: Coverage = {
    assessed: scores.reduce((s, p) => s + p.coverage.assessed, 0),
    total: all.length,
    notApplicable: count('not-applicable'),
    unknown: count('unknown'),
    error: count('error'),
    suppressed: all.filter((r) => r.suppressed).length,
  };
  const titles = new Map(all.map((r) => [r.id, ruleTitle(r)]));
  const skippedByReason: Record<string, number> = {};
  for (const reason of [...files.stats.skipped.values()].sort())
    skippedByReason[reason] = (skippedByReason[reason] ?? 0) + 1;
  const facts = audit.facts;
  const depCount = new Map<string, number>();
  for (const d of facts.dependencies) depCount.set(d.path, (depCount.get(d.path) ?? 0) + 1);

  // Every string passes the secret scrubber on its way out: evidence notes, suppression reasons and
  // rule data can all carry text from the repository.
  return redactDeep({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'readiness', version: VERSION },
    stamp: {
      commitDate: input.repo.commitDate,
      catalogue: catalogueHash(input.pillars, VERSION),
      config: configHash(config, input.configUsed ?? false),
    },
    repository: {
      name: input.repo.name,
      root: '.',
      commit: input.repo.commit,
      branch: input.repo.branch,
      remote: input.repo.remote,
      files: files.size,
      languages: facts.languages,
      profile: { id: facts.profile.id, reasons: facts.profile.reasons, detected: facts.profile.detected },
      frameworks: facts.frameworks.map((f) => ({ id: f.id, name: f.name, evidence: f.evidence })),
      manifests: facts.manifests.map((m) => ({
        path: m.path,
        ecosystem: m.ecosystem,
        ok: m.ok,
        dependencies: depCount.get(m.path) ?? 0,
      })),
      workspaces: facts.workspaces,
      ciSystems: ciSystems(files),
      infrastructure: infrastructure(audit),
    },
    summary: {
      score: overall,
      grade: gradeOf(overall),
      coverage,
      counts: {
        pass: count('pass'),
        partial: count('partial'),
        fail: count('fail'),
        notApplicable: count('not-applicable'),
        unknown: count('unknown'),
        error: count('error'),
        suppressed: coverage.suppressed,
      },
    },
    pillars: pillarReports,
    ...(level ? { level } : {}),
    roadmap: roadmap(scores, efforts).map((r) => ({ ...r, title: titles.get(r.rule) ?? r.rule })),
    suppressed: [
      ...suppressions.map((s) => ({
        rule: s.rule,
        reason: s.reason,
        ...(s.expires ? { expires: s.expires } : {}),
        expired: isExpired(s),
        ...(s.paths ? { paths: s.paths } : {}),
        matched: used.has(s),
      })),
      ...markers.map((m) => ({
        rule: m.groups[0]!,
        reason: m.groups[1]!,
        expired: false,
        path: m.path,
        line: m.line,
        matched: usedMarkers.has(m),
      })),
    ],
    notes: input.notes,
    stats: {
      filesListed: files.size,
      filesRead: files.stats.filesRead,
      filesSkipped: files.stats.skipped.size,
      bytesRead: files.stats.bytesRead,
      skippedByReason,
    },
  });
}

/** CI systems and their files, for the report's appendix (the CI model is memoised per audit). */
function ciSystems(files: FileIndex): { system: string; paths: string[] }[] {
  const by = new Map<string, string[]>();
  for (const f of ciFiles(files)) by.set(f.system, [...(by.get(f.system) ?? []), f.path]);
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([system, paths]) => ({ system, paths: paths.sort() }));
}

/**
 * Infrastructure-as-code tools, taken from the IaC rule's own findings so the appendix and the
 * verdict never disagree; empty when that rule did not run or found nothing. The path is the
 * rule's evidence for that tool when it can be told apart (a note naming it, a .tf file).
 */
function infrastructure(audit: AuditRun): { tool: string; path?: string }[] {
  const run = audit.runs.find((r) => r.rule.meta.id === 'infrastructure-as-code');
  const tools = run?.data?.tools;
  if (!run || !Array.isArray(tools)) return [];
  const located = run.evidence.filter((e) => e.path !== '.');
  return tools.map((t) => {
    const tool = String(t);
    const e =
      located.find((x) => x.note?.startsWith(tool)) ??
      (tool === 'Terraform' ? located.find((x) => x.path.endsWith('.tf')) : undefined);
    return e ? { tool, path: e.path } : { tool };
  });
}

type Marker = BuildInput['audit']['inlineSuppressions'][number];

/**
 * Inline `readiness-ignore` markers on a finding's line or the line before. The result is
 * suppressed when every line-level finding is covered; otherwise the covered findings say so and
 * the result stands. Markers that matched a finding go into `used`.
 */
function inlineFor(
  id: string,
  bareId: string,
  evidence: Evidence[],
  markers: Marker[],
  used: Set<Marker>,
): { reason?: string; evidence: Evidence[] } | undefined {
  if (markers.length === 0) return undefined;
  const lined = evidence.filter((e) => e.path !== '.' && e.line !== undefined);
  if (lined.length === 0) return undefined;
  const find = (e: Evidence) =>
    markers.find(
      (m) =>
        m.path === e.path &&
        (m.line === e.line || m.line === e.line! - 1) &&
        (m.groups[0] === id || m.groups[0] === bareId),
    );
  const hits = lined.map((e) => [e, find(e)] as const).filter(([, m]) => m);
  if (hits.length === 0) return undefined;
  for (const [, m] of hits) used.add(m!);
  if (hits.length === lined.length)
    return { reason: [...new Set(hits.map(([, m]) => m!.groups[1]!))].join('; '), evidence };
  const byEvidence = new Map(hits);
  return {
    evidence: evidence.map((e) => {
      const m = byEvidence.get(e);
      return m ? { ...e, note: [e.note, `suppressed inline: ${m.groups[1]}`].filter(Boolean).join('; ') } : e;
    }),
  };
}
