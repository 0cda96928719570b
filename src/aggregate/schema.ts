/**
 * The aggregate's JSON contract (`readiness aggregate --format json`, `readiness schema aggregate`),
 * and the inventory file that maps repositories to teams, tiers and tags.
 */
import { z } from 'zod';
import { PILLAR_IDS } from '../types.js';

export const AGGREGATE_SCHEMA_VERSION = 1;

const inventoryEntry = z
  .object({
    team: z.string().min(1).optional(),
    tier: z.union([z.string().min(1), z.number()]).optional(),
    tags: z.array(z.string()).optional(),
  })
  .strict();

/** `repositories:` maps a repository name or remote URL to its owner; `default:` applies to the rest. */
export const inventorySchema = z
  .object({
    repositories: z.record(z.string(), inventoryEntry).optional(),
    default: inventoryEntry.optional(),
  })
  .strict();
export type Inventory = z.infer<typeof inventorySchema>;

const stats = z
  .object({
    mean: z.number().nullable(),
    median: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    assessed: z.number().int(),
  })
  .strict();

const pillarStats = z.array(z.object({ id: z.enum(PILLAR_IDS), title: z.string(), score: stats }).strict());

const group = z
  .object({
    key: z.string(),
    repositories: z.number().int(),
    score: stats,
    grades: z.record(z.string(), z.number().int()),
    levels: z.record(z.string(), z.number().int()),
    pillars: pillarStats,
    /** The repositories that hold the group back: no level or the lowest, then the lowest score. */
    holdingBack: z.array(
      z
        .object({
          name: z.string(),
          score: z.number().nullable(),
          level: z.string().nullable(),
          reason: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

const repository = z
  .object({
    name: z.string(),
    remote: z.string().nullable(),
    file: z.string(),
    team: z.string(),
    tier: z.string(),
    tags: z.array(z.string()),
    commit: z.string().nullable(),
    commitDate: z.string().nullable(),
    toolVersion: z.string(),
    profile: z.string(),
    score: z.number().nullable(),
    grade: z.string().nullable(),
    level: z.string().nullable(),
    nextLevel: z
      .object({ id: z.string(), unmet: z.array(z.object({ rule: z.string(), state: z.string() }).strict()) })
      .strict()
      .nullable(),
    pillars: z.record(z.string(), z.number().nullable()),
    counts: z.record(z.string(), z.number().int()),
    failing: z.array(z.string()),
    /** Flags: stale (old commit), unstamped, mixed-catalogue, mixed-config, mixed-tool, duplicate. */
    flags: z.array(z.string()),
  })
  .strict();

const ruleRow = z
  .object({
    id: z.string(),
    title: z.string(),
    pillar: z.enum(PILLAR_IDS),
    severity: z.string(),
    /** Repositories where the rule was assessed (pass, partial, fail) or suppressed. */
    applies: z.number().int(),
    pass: z.number().int(),
    partial: z.number().int(),
    fail: z.number().int(),
    notApplicable: z.number().int(),
    unknown: z.number().int(),
    error: z.number().int(),
    suppressed: z.number().int(),
    missing: z.number().int(),
    /** pass ÷ applies, null when the rule applies nowhere. */
    passRate: z.number().nullable(),
  })
  .strict();

const changes = z
  .object({
    since: z.string(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    levelChanges: z
      .array(
        z
          .object({ name: z.string(), from: z.string().nullable(), to: z.string().nullable(), up: z.boolean() })
          .strict(),
      )
      .default([]),
    newlyFailing: z.array(z.object({ name: z.string(), rule: z.string(), from: z.string(), to: z.string() }).strict()),
    newlyPassing: z.array(z.object({ name: z.string(), rule: z.string(), from: z.string() }).strict()),
    scoreDeltas: z.array(
      z
        .object({
          team: z.string(),
          before: z.number().nullable(),
          after: z.number().nullable(),
          delta: z.number().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export const aggregateSchema = z
  .object({
    schemaVersion: z.literal(AGGREGATE_SCHEMA_VERSION),
    tool: z.object({ name: z.literal('readiness'), version: z.string() }).strict(),
    snapshot: z.string(),
    inputs: z
      .object({
        files: z.number().int(),
        reports: z.number().int(),
        skipped: z.array(z.object({ file: z.string(), reason: z.string() }).strict()),
      })
      .strict(),
    warnings: z.array(z.object({ kind: z.string(), message: z.string(), repositories: z.array(z.string()) }).strict()),
    levels: z.array(z.object({ id: z.string(), title: z.string(), rules: z.array(z.string()) }).strict()),
    overview: group,
    teams: z.array(group),
    tiers: z.array(group),
    rules: z.array(ruleRow),
    repositories: z.array(repository),
    /** Mean overall score per snapshot in the history, oldest first (the trend). */
    trend: z.array(
      z.object({ snapshot: z.string(), score: z.number().nullable(), repositories: z.number().int() }).strict(),
    ),
    changes: changes.nullable(),
  })
  .strict();

export type Aggregate = z.infer<typeof aggregateSchema>;
export type AggregateGroup = z.infer<typeof group>;
export type AggregateRepository = z.infer<typeof repository>;
export type AggregateChanges = z.infer<typeof changes>;
