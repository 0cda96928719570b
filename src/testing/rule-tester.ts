/**
 * RuleTester (after ESLint's): runs one rule on in-memory trees through the real facts, scan and
 * engine, and refuses a suite without both a passing and a failing case.
 */
import { describe, expect, it } from 'vitest';
import { collectFacts, completeFacts, factPatterns } from '../facts/index.js';
import type { ProfileId } from '../types.js';
import { scan, type ScanPattern } from '../scan/scanner.js';
import { runRule, type RuleRun } from '../engine/run.js';
import { ruleOptions } from '../engine/options.js';
import { LazyOptions } from '../engine/lazy-options.js';
import type { Evidence, Outcome, Rule } from '../types.js';
import { catalogueFor, watchedNames } from '../facts/catalogues.js';
import { memoryIndex, MemorySource, type Tree } from './memory.js';

export interface RunOptions {
  profile?: ProfileId;
  options?: Record<string, unknown>;
  detect?: Record<string, string[]>;
  artifacts?: import('../types.js').Artifacts;
  /** The repository's git tags, newest first (an in-memory tree has no git). */
  tags?: string[];
  /** When the newest tag and the audited commit were made (an in-memory tree has no git). */
  tagRecency?: import('../types.js').TagRecency;
}

export async function runRuleOn(rule: Rule, tree: Tree, opts: RunOptions = {}): Promise<RuleRun> {
  const files = memoryIndex(tree);
  const pre = collectFacts(files);
  const watched = watchedNames(opts.detect);
  const patterns: ScanPattern[] = factPatterns(pre, watched);
  for (const [name, spec] of Object.entries(rule.meta.patterns ?? {}))
    patterns.push({ ...spec, key: `${rule.meta.id}:${name}` });
  const digests = rule.meta.digests ?? [];
  const scanned = await scan(
    files,
    new MemorySource(tree),
    patterns,
    [...(rule.meta.reads ?? []), ...digests.flatMap((d) => d.keep ?? [])],
    digests,
  );
  const facts = completeFacts(
    files,
    pre,
    { matches: (key) => scanned.matches.get(key) ?? [], searched: (key) => scanned.searched.get(key) ?? 0 },
    {
      override: opts.profile,
      watched,
      tags: opts.tags ?? [],
      tagRecency: opts.tagRecency,
    },
  );
  if (opts.options !== undefined && rule.meta.options instanceof LazyOptions) await rule.meta.options.load();
  return runRule(
    // Options go through the rule's schema as they do from a config: a bad one throws UsageError.
    { pillar: 'architecture', rule, weight: 1, options: ruleOptions(rule.meta, opts.options, 'options') },
    {
      files,
      facts,
      scan: scanned,
      catalogue: (n) => catalogueFor(n, opts.detect),
      ...(opts.artifacts ? { artifacts: opts.artifacts } : {}),
    },
  );
}

export interface Expectation {
  outcome: Outcome;
  /** Exact score, or [min, max] inclusive. */
  score?: number | [number, number];
  /** Substrings the message must contain. */
  message?: string | string[];
  /** Evidence that must be present (path, and line when given). */
  evidence?: Partial<Evidence>[];
  /** Text that must appear nowhere in the result (e.g. a secret). */
  absent?: string[];
  data?: Record<string, unknown>;
}

export interface Case extends RunOptions {
  name: string;
  tree: Tree;
  expect: Expectation;
}

export function assertRun(run: RuleRun, e: Expectation): void {
  expect(run.outcome, `${run.message}`).toBe(e.outcome);
  if (e.score !== undefined) {
    if (Array.isArray(e.score)) {
      expect(run.score).toBeGreaterThanOrEqual(e.score[0]);
      expect(run.score).toBeLessThanOrEqual(e.score[1]);
    } else expect(run.score).toBe(e.score);
  }
  for (const m of [e.message ?? []].flat()) expect(run.message).toContain(m);
  for (const ev of e.evidence ?? []) {
    expect(run.evidence, `evidence ${JSON.stringify(ev)} in ${JSON.stringify(run.evidence)}`).toContainEqual(
      expect.objectContaining(ev),
    );
  }
  if (e.data) expect(run.data).toMatchObject(e.data);
  const all = JSON.stringify(run);
  for (const a of e.absent ?? []) expect(all).not.toContain(a);
}

/** A rule's suite: at least one valid (pass) and one invalid (fail or partial) case. */
export function ruleTester(rule: Rule, suite: { valid: Case[]; invalid: Case[]; notApplicable?: Case[] }): void {
  if (suite.valid.length === 0 || suite.invalid.length === 0) {
    throw new Error(`rule ${rule.meta.id}: a rule test needs at least one valid and one invalid case`);
  }
  describe(`rule ${rule.meta.id}`, () => {
    for (const c of [...suite.valid, ...suite.invalid, ...(suite.notApplicable ?? [])]) {
      it(c.name, async () => assertRun(await runRuleOn(rule, c.tree, c), c.expect));
    }
  });
}
