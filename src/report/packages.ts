/**
 * The per-package part of a Report (--packages): each package's audit scored and shaped like the
 * repository's own part, with the same gates evaluated for it.
 */
import type { Config } from '../config/schema.js';
import type { AuditRun } from '../engine/audit.js';
import type { PackageAudit } from '../engine/packages.js';
import type { GateOptions } from '../scoring/gates.js';
import { evaluateGates } from '../scoring/gates.js';
import type { PillarDefinition } from '../types.js';
import { buildReport, type RepoInfo } from './build.js';
import type { PackageReport } from './schema.js';

export function packageReports(
  audit: AuditRun,
  packages: PackageAudit[],
  input: { pillars: PillarDefinition[]; config: Config; repo: RepoInfo; today: string; gates: GateOptions },
): PackageReport[] {
  return packages.map((p) => {
    const part = buildReport({
      audit: { ...audit, runs: p.runs, facts: p.facts, inlineSuppressions: p.inlineSuppressions },
      pillars: input.pillars,
      files: p.view,
      config: input.config,
      repo: input.repo,
      notes: [],
      today: input.today,
    });
    // A package passes the gates the repository is held to, except a baseline comparison, which is
    // the repository's alone.
    const gates = evaluateGates(part, { ...input.gates, failOnRegression: false });
    return {
      path: p.workspace.path,
      name: p.workspace.name ?? null,
      ecosystem: p.workspace.ecosystem,
      manifest:
        p.facts.manifests
          .map((m) => p.view.fullPath(m.path))
          .find((m) => m.startsWith(`${p.workspace.path}/`) && !m.slice(p.workspace.path.length + 1).includes('/')) ??
        null,
      files: part.repository.files,
      languages: part.repository.languages,
      profile: part.repository.profile,
      frameworks: part.repository.frameworks,
      inherited: p.inherited,
      summary: part.summary,
      pillars: part.pillars,
      roadmap: part.roadmap,
      ...(part.level ? { level: part.level } : {}),
      gates: {
        passed: gates.checks.filter((c) => c.kind !== 'suppression-expired').every((c) => c.passed),
        failed: gates.checks.filter((c) => !c.passed && c.kind !== 'suppression-expired').map((c) => c.message),
      },
    };
  });
}
