/**
 * The rule contract (DESIGN §3). A rule is static metadata plus one pure function over a
 * RuleContext; it does no scoring and touches no file system of its own.
 */
import type { Digest, FileIndex } from '../walk/file-index.js';
import type { Facts } from '../facts/types.js';
import type { Artifacts } from '../ingest/types.js';

export const PILLAR_IDS = [
  'architecture',
  'quality',
  'observability',
  'security',
  'reliability',
  'operations',
] as const;
export type PillarId = (typeof PILLAR_IDS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const EFFORTS = ['low', 'medium', 'high'] as const;
export type Effort = (typeof EFFORTS)[number];

export const OUTCOMES = ['pass', 'partial', 'fail', 'not-applicable', 'unknown', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Evidence {
  path: string;
  line?: number;
  endLine?: number;
  snippet?: string;
  note?: string;
}

/** A content pattern a rule needs; the scanner runs it in its single pass over the tree. */
export interface PatternSpec {
  regex: RegExp;
  /** Globs (repo-relative, picomatch syntax) of the files this pattern can match in. */
  files: string[];
  /**
   * Cheap pre-filter: the regex only runs on a file that contains at least one of these
   * substrings (case-sensitive unless `ignoreCase`). Keeps the scan near the read floor.
   */
  literals?: string[];
  ignoreCase?: boolean;
  /** Stop recording after this many matches per file (default 50). */
  maxPerFile?: number;
}

export interface Match {
  path: string;
  line: number;
  /** The matching line, trimmed and shortened. */
  snippet: string;
  /** Capture groups of the match (index 1…). */
  groups: (string | undefined)[];
}

export interface RuleMeta {
  /** kebab-case, equal to the file name. */
  id: string;
  title: string;
  failureTitle: string;
  description: string;
  remediation: string;
  severity: Severity;
  effort: Effort;
  /** How the rule detects, for `readiness explain`: files, libraries, patterns in prose. */
  detection?: string;
  patterns?: Record<string, PatternSpec>;
  /**
   * Globs of files the rule parses whole (workflows, Dockerfiles, manifests). The scanner keeps
   * the text of these when it reads them so that nothing is read twice.
   */
  reads?: string[];
  /**
   * Per-file summaries computed while the scanner holds a file's text (see Digest), read back with
   * `ctx.files.digest(path, d)`: for many files whose text the rule needs only once.
   */
  digests?: Digest<unknown>[];
}

export interface NotApplicable {
  reason: string;
}

export interface RuleResult {
  outcome: 'pass' | 'partial' | 'fail' | 'unknown';
  /** Required for partial (0 < score < 1); implied for the others. */
  score?: number;
  message: string;
  evidence: Evidence[];
  data?: Record<string, unknown>;
}

export interface RuleContext {
  files: FileIndex;
  facts: Facts;
  /** Matches of one of this rule's declared patterns, sorted by path then line. */
  matches(patternKey: string): Match[];
  /** How many readable files the pattern was run against (for "searched N files" evidence). */
  searched(patternKey: string): number;
  /** Options for this rule from the config (`rules: {<id>: {options: …}}`). */
  options: Record<string, unknown>;
  /** Detection catalogues, merged with the config's `detect:` extensions. */
  catalogue(name: string): string[];
  /** Coverage and test-result files given with `--coverage`/`--junit`, parsed; absent without them. */
  artifacts?: Artifacts;
}

export interface Rule {
  meta: RuleMeta;
  appliesTo?: (ctx: RuleContext) => true | NotApplicable;
  check: (ctx: RuleContext) => RuleResult;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A pillar's table: rules with their weights (weights live here, not in the rules). */
export interface PillarDefinition {
  id: PillarId;
  title: string;
  description: string;
  rules: { rule: Rule; weight: number }[];
}
