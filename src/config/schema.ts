/** The configuration file (DESIGN §6), validated strictly: an unknown key is an error. */
import { z } from 'zod';
import { PILLAR_IDS, SEVERITIES } from '../types.js';
import { PROFILES } from '../types.js';
import { globProblem } from '../walk/glob-guard.js';

/** Upper bounds of the numeric settings (64 MiB; 10 minutes). */
export const MAX_FILE_BYTES_LIMIT = 64 * 1024 * 1024;
export const RULE_TIMEOUT_LIMIT_MS = 600_000;

/**
 * A glob: a discovered config is attacker text, and a glob can be made to backtrack for hours or
 * overflow the stack (src/walk/glob-guard.ts). Refused with the key that holds it.
 */
function safeGlob(g: string, ctx: z.RefinementCtx): void {
  const problem = globProblem(g);
  if (problem) ctx.addIssue({ code: 'custom', message: `glob refused: ${problem}` });
}
/** A list of globs. Each is matched against every listed path: their number is bounded too. */
const globs = z.array(z.string().superRefine(safeGlob)).max(256);

const pillarId = z.enum(PILLAR_IDS);
const severity = z.enum(SEVERITIES);
const score = z.number().min(0).max(100);

const ruleSetting = z.union([
  z.enum(['off', 'on']),
  z
    .object({
      enabled: z.boolean().optional(),
      weight: z.number().min(0).max(100).optional(),
      options: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);

const suppression = z
  .object({
    rule: z.string().min(1),
    paths: globs.optional(),
    reason: z.string().min(1, 'a suppression needs a reason'),
    expires: z
      .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'), z.date()])
      .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10)))
      .optional(),
  })
  .strict();

const customRule = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/, 'expected kebab-case, optionally scope/name'),
    pillar: pillarId,
    title: z.string().min(1),
    failureTitle: z.string().optional(),
    description: z.string().optional(),
    remediation: z.string().optional(),
    severity: severity.default('medium'),
    effort: z.enum(['low', 'medium', 'high']).default('low'),
    weight: z.number().min(0).max(100).default(3),
    require: z
      .object({
        files: globs.optional(),
        contains: z.object({ files: globs, pattern: z.string() }).strict().optional(),
        dependencies: z.array(z.string()).optional(),
      })
      .strict(),
  })
  .strict();

/** A maturity level (as OpsLevel/Cortex rubrics have): the rules that must pass, lowest level first. */
const level = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected kebab-case, e.g. bronze'),
    title: z.string().min(1).optional(),
    rules: z.array(z.string().min(1)).min(1, 'a level needs at least one rule'),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    profile: z.enum(['auto', ...PROFILES]).optional(),
    pillars: z
      .partialRecord(
        pillarId,
        z.object({ weight: z.number().min(0).max(100).optional(), minScore: score.optional() }).strict(),
      )
      .optional(),
    minScore: score.optional(),
    failOn: severity.optional(),
    ignore: globs.optional(),
    includeTestData: z.boolean().optional(),
    // Bounds that keep a number from breaking the run: a file read whole above 64 MiB costs
    // hundreds of MiB as text (4 GB ended in an internal error), and V8 refuses a time limit
    // of 2^32 ms or more (which made every rule an error).
    maxFileBytes: z.number().int().min(1024).max(MAX_FILE_BYTES_LIMIT).optional(),
    ruleTimeoutMs: z.number().int().min(100).max(RULE_TIMEOUT_LIMIT_MS).optional(),
    rules: z.record(z.string(), ruleSetting).optional(),
    suppressions: z.array(suppression).max(1000).optional(),
    /** `false`: readiness-ignore comments in the audited files suppress nothing (a pull request can write them). */
    inlineSuppressions: z.boolean().optional(),
    detect: z.record(z.string(), z.array(z.string())).optional(),
    /** readiness verify: extra phrases that map a document's claims to a rule id. */
    claims: z.record(z.string(), z.array(z.string())).optional(),
    plugins: z.array(z.string()).optional(),
    custom: z.array(customRule).max(256).optional(),
    /** Audit each workspace package too: `auto` (the detected workspaces) or globs of package folders. */
    packages: z.union([z.literal('auto'), z.array(z.string().min(1).superRefine(safeGlob)).min(1).max(256)]).optional(),
    /** With packages: fail the packages gate when any package (default) or all of them fail. */
    packagesFailOn: z.enum(['any', 'all']).optional(),
    /** Levels, lowest first: a repository reaches a level when its rules and every lower level's pass. */
    levels: z
      .array(level)
      .refine((ls) => new Set(ls.map((l) => l.id)).size === ls.length, 'level ids must be unique')
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSetting>;
export type Suppression = z.infer<typeof suppression>;
export type CustomRuleConfig = z.infer<typeof customRule>;
export type LevelConfig = z.infer<typeof level>;
