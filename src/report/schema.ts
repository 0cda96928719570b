/**
 * The Report: the public JSON contract (DESIGN §7). Renderers read only this.
 * schemaVersion 2 adds `stamp`, `level` and `packages[]` (a monorepo audited with --packages); the
 * root part is unchanged, so a reader of version 1 keeps working on it, and readers here accept both.
 */
import { z } from 'zod';
import { EFFORTS, OUTCOMES, PILLAR_IDS, SEVERITIES } from '../types.js';
import { PROFILES } from '../types.js';

export { READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION } from './version.js';

const grade = z.enum(['A', 'B', 'C', 'D', 'F']).nullable();
const evidence = z
  .object({
    path: z.string(),
    line: z.number().int().positive().optional(),
    endLine: z.number().int().positive().optional(),
    snippet: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

const coverage = z
  .object({
    assessed: z.number().int(),
    total: z.number().int(),
    notApplicable: z.number().int(),
    unknown: z.number().int(),
    error: z.number().int(),
    suppressed: z.number().int(),
  })
  .strict();

export const ruleReportSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    failureTitle: z.string(),
    description: z.string(),
    outcome: z.enum(OUTCOMES),
    score: z.number().min(0).max(1).nullable(),
    weight: z.number(),
    points: z.number(),
    maxPoints: z.number(),
    severity: z.enum(SEVERITIES),
    effort: z.enum(EFFORTS),
    message: z.string(),
    evidence: z.array(evidence),
    remediation: z.string(),
    /** Set when a suppression (config, or `readiness-ignore` in the file when `inline`) took the result out of the score. */
    suppressed: z
      .object({ reason: z.string(), expires: z.string().optional(), inline: z.boolean().optional() })
      .strict()
      .optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const pillarReportSchema = z
  .object({
    id: z.enum(PILLAR_IDS),
    title: z.string(),
    description: z.string(),
    score: z.number().int().min(0).max(100).nullable(),
    grade,
    weight: z.number(),
    coverage,
    rules: z.array(ruleReportSchema),
  })
  .strict();

const outcomeOrSuppressed = z.enum([...OUTCOMES, 'suppressed']);
const scoreDelta = z
  .object({ before: z.number().nullable(), after: z.number().nullable(), delta: z.number().nullable() })
  .strict();

/** Deltas against a previous report (`--baseline`); see src/report/baseline.ts. */
export const baselineSchema = z
  .object({
    file: z.string(),
    commit: z.string().nullable(),
    overall: scoreDelta,
    pillars: z.array(scoreDelta.extend({ id: z.enum(PILLAR_IDS) }).strict()),
    /** Only rules whose outcome or score changed; `change` says which way. */
    rules: z.array(
      z
        .object({
          id: z.string(),
          before: outcomeOrSuppressed.nullable(),
          after: outcomeOrSuppressed.nullable(),
          beforeScore: z.number().nullable(),
          afterScore: z.number().nullable(),
          change: z.enum(['regressed', 'improved', 'changed', 'added', 'removed']),
        })
        .strict(),
    ),
    /** What --fail-on-regression fails on: pillars whose score dropped, rules that passed and now fail. */
    regressions: z.object({ pillars: z.array(z.string()), rules: z.array(z.string()) }).strict(),
  })
  .strict();

const gateCheck = z
  .object({
    kind: z.enum(['min-score', 'min-pillar', 'fail-on', 'regression', 'suppression-expired', 'config', 'packages']),
    target: z.string(),
    expected: z.string(),
    actual: z.string(),
    passed: z.boolean(),
    message: z.string(),
  })
  .strict();

const summarySchema = z
  .object({
    score: z.number().int().min(0).max(100).nullable(),
    grade,
    coverage,
    counts: z
      .object({
        pass: z.number().int(),
        partial: z.number().int(),
        fail: z.number().int(),
        notApplicable: z.number().int(),
        unknown: z.number().int(),
        error: z.number().int(),
        suppressed: z.number().int(),
      })
      .strict(),
  })
  .strict();

const roadmapSchema = z.array(
  z
    .object({
      rule: z.string(),
      title: z.string(),
      pillar: z.enum(PILLAR_IDS),
      gain: z.number(),
      pillarGain: z.number(),
      effort: z.enum(EFFORTS),
    })
    .strict(),
);

const levelSchema = z
  .object({
    id: z.string().nullable(),
    next: z
      .object({
        id: z.string(),
        unmet: z.array(
          z
            .object({
              rule: z.string(),
              state: z.enum(['pass', 'partial', 'fail', 'not-applicable', 'unknown', 'error', 'suppressed', 'missing']),
            })
            .strict(),
        ),
      })
      .strict()
      .nullable(),
    suppressed: z.array(z.string()),
  })
  .strict()
  .optional();

const profileSchema = z.object({ id: z.enum(PROFILES), reasons: z.array(z.string()), detected: z.boolean() }).strict();

const frameworksSchema = z.array(z.object({ id: z.string(), name: z.string(), evidence }).strict());

const languagesSchema = z.array(z.object({ name: z.string(), files: z.number().int() }).strict());

/**
 * A workspace package of a monorepo audited with --packages: its own files, profile, pillars and
 * roadmap. Evidence paths are repository paths; evidence a package inherits from the repository
 * (CI, SECURITY.md, a root lint config) carries the note "inherited from the repository", and the
 * rules in `inherited` took the repository's result as a whole (meta.scope 'repository').
 */
export const packageReportSchema = z
  .object({
    path: z.string(),
    name: z.string().nullable(),
    ecosystem: z.string(),
    /** The package's own manifest (repository path): where SARIF points findings about the whole package. */
    manifest: z.string().nullable(),
    files: z.number().int(),
    languages: languagesSchema,
    profile: profileSchema,
    frameworks: frameworksSchema,
    inherited: z.array(z.string()),
    summary: summarySchema,
    pillars: z.array(pillarReportSchema),
    roadmap: roadmapSchema,
    level: levelSchema,
    /** Whether this package passes the same gates as the repository (--min-score, --min-pillar, --fail-on). */
    gates: z.object({ passed: z.boolean(), failed: z.array(z.string()) }).strict(),
  })
  .strict();

export const reportSchema = z
  .object({
    schemaVersion: z.union([z.literal(1), z.literal(2)]),
    tool: z.object({ name: z.literal('readiness'), version: z.string() }).strict(),
    /** What the Report was made from (see src/report/stamp.ts); optional so older reports still validate. */
    stamp: z
      .object({ commitDate: z.string().nullable(), catalogue: z.string(), config: z.string().nullable() })
      .strict()
      .optional(),
    repository: z
      .object({
        name: z.string(),
        root: z.string(),
        commit: z.string().nullable(),
        branch: z.string().nullable(),
        remote: z.string().nullable(),
        files: z.number().int(),
        languages: languagesSchema,
        profile: profileSchema,
        frameworks: frameworksSchema,
        manifests: z.array(
          z
            .object({ path: z.string(), ecosystem: z.string(), ok: z.boolean(), dependencies: z.number().int() })
            .strict(),
        ),
        workspaces: z.array(
          z.object({ path: z.string(), ecosystem: z.string(), name: z.string().optional() }).strict(),
        ),
        // Optional so that reports saved before these fields existed still validate for `render`.
        ciSystems: z.array(z.object({ system: z.string(), paths: z.array(z.string()) }).strict()).optional(),
        infrastructure: z.array(z.object({ tool: z.string(), path: z.string().optional() }).strict()).optional(),
      })
      .strict(),
    summary: summarySchema,
    pillars: z.array(pillarReportSchema),
    /** The level reached when the configuration defines `levels` (see src/aggregate/levels.ts). */
    level: levelSchema,
    roadmap: roadmapSchema,
    /** Workspace packages (with --packages or `packages:` in the configuration). */
    packages: z.array(packageReportSchema).optional(),
    gates: z.object({ passed: z.boolean(), checks: z.array(gateCheck) }).strict(),
    /** Every suppression in force: from the config, or inline (`path`, `line` of the marker); `matched` = it hid a result. */
    suppressed: z.array(
      z
        .object({
          rule: z.string(),
          reason: z.string(),
          expires: z.string().optional(),
          expired: z.boolean(),
          paths: z.array(z.string()).optional(),
          path: z.string().optional(),
          line: z.number().int().positive().optional(),
          matched: z.boolean().optional(),
        })
        .strict(),
    ),
    baseline: baselineSchema.optional(),
    notes: z.array(z.string()),
    stats: z
      .object({
        filesListed: z.number().int(),
        filesRead: z.number().int(),
        filesSkipped: z.number().int(),
        bytesRead: z.number().int(),
        skippedByReason: z.record(z.string(), z.number().int()),
      })
      .strict(),
  })
  .strict();

export type Report = z.infer<typeof reportSchema>;
export type RuleReport = z.infer<typeof ruleReportSchema>;
export type PackageReport = z.infer<typeof packageReportSchema>;
export type PillarReport = z.infer<typeof pillarReportSchema>;
export type GateCheck = z.infer<typeof gateCheck>;
export type BaselineDelta = z.infer<typeof baselineSchema>;
