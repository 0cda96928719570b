/**
 * Baselines: deltas between a previous report (committed, or an artefact of the last main build)
 * and this one, and the regressions `--fail-on-regression` fails on. Kept small and pure so that
 * it can later share code with `readiness diff`.
 */
import { basename } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../util/errors.js';
import { CAPS, jsonErrorText, readCappedText } from '../util/read-capped.js';
import type { BaselineDelta, Report } from './schema.js';

/**
 * What a baseline must hold. Deliberately looser than the full Report schema: a baseline written
 * by an older or newer version of the tool stays usable as long as scores and outcomes are there.
 */
const baselineInput = z.object({
  schemaVersion: z.union([z.literal(1), z.literal(2)]),
  repository: z.object({ commit: z.string().nullable().optional() }).optional(),
  summary: z.object({ score: z.number().nullable() }),
  pillars: z.array(
    z.object({
      id: z.string(),
      score: z.number().nullable(),
      rules: z.array(
        z.object({
          id: z.string(),
          outcome: z.string(),
          score: z.number().nullable(),
          suppressed: z.unknown().optional(),
        }),
      ),
    }),
  ),
});
export type BaselineInput = z.infer<typeof baselineInput>;

/** Reads and checks a baseline file; any problem is one UsageError line (exit 2). */
export function readBaseline(file: string): BaselineInput {
  const text = readCappedText(file, { maxBytes: CAPS.report, label: `--baseline ${file}` });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--baseline ${file}: not valid JSON (${jsonErrorText(err)})`);
  }
  const parsed = baselineInput.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(
      `--baseline ${file}: not a readiness JSON report (${issue.path.join('.') || 'top level'}: ${issue.message})`,
    );
  }
  return parsed.data;
}

type Effective = BaselineDelta['rules'][number]['before'];
const effective = (r: { outcome: string; suppressed?: unknown }): Effective =>
  r.suppressed ? 'suppressed' : (r.outcome as Effective);
const delta = (before: number | null, after: number | null) => ({
  before,
  after,
  delta: before === null || after === null ? null : after - before,
});
const ASSESSED = new Set(['pass', 'partial', 'fail']);

export function compareToBaseline(
  old: BaselineInput,
  report: Omit<Report, 'gates' | 'baseline'>,
  file: string,
): BaselineDelta {
  const oldPillars = new Map(old.pillars.map((p) => [p.id, p]));
  const pillars = report.pillars.map((p) => ({ id: p.id, ...delta(oldPillars.get(p.id)?.score ?? null, p.score) }));

  const oldRules = new Map(old.pillars.flatMap((p) => p.rules).map((r) => [r.id, r]));
  const newRules = report.pillars.flatMap((p) => p.rules);
  const rules: BaselineDelta['rules'] = [];
  for (const r of newRules) {
    const was = oldRules.get(r.id);
    const before = was ? effective(was) : null;
    const after = effective(r);
    const beforeScore = was && ASSESSED.has(was.outcome) && !was.suppressed ? was.score : null;
    const afterScore = ASSESSED.has(r.outcome) && !r.suppressed ? r.score : null;
    if (before === after && beforeScore === afterScore) continue;
    const change: BaselineDelta['rules'][number]['change'] = !was
      ? 'added'
      : beforeScore !== null && afterScore !== null && afterScore !== beforeScore
        ? afterScore < beforeScore
          ? 'regressed'
          : 'improved'
        : 'changed';
    rules.push({ id: r.id, before, after, beforeScore, afterScore, change });
  }
  const present = new Set(newRules.map((r) => r.id));
  for (const [id, was] of oldRules) {
    if (!present.has(id))
      rules.push({
        id,
        before: effective(was),
        after: null,
        beforeScore: was.score,
        afterScore: null,
        change: 'removed',
      });
  }
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  return {
    // The file name only: an absolute path would make the JSON differ between machines.
    file: basename(file),
    commit: old.repository?.commit ?? null,
    overall: delta(old.summary.score, report.summary.score),
    pillars,
    rules,
    regressions: {
      pillars: pillars.filter((p) => p.delta !== null && p.delta < 0).map((p) => p.id),
      rules: rules.filter((r) => r.before === 'pass' && r.after === 'fail').map((r) => r.id),
    },
  };
}
