/**
 * A fact computed for the whole audit (the profile, the outbound calls, the generated files…) that
 * throws on a tree nobody foresaw would end the audit with an internal error and no report. A rule
 * that throws is already an `error` result of its own (engine/run.ts); a fact is guarded the same
 * way: it takes its empty value, and the report says which fact failed and why, so the verdicts
 * that lean on it are read with that in mind.
 */
import { oneLine } from '../util/printable.js';

/** The notes of the facts that failed in one audit, in the order they failed. */
export type FactNotes = string[];

export function guarded<T>(notes: FactNotes | undefined, name: string, fallback: T, compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    const message = oneLine(String((err as { message?: unknown })?.message ?? err).split('\n')[0]!).slice(0, 200);
    const note = `the ${name} could not be worked out (${message}); the rules that use it judged without it`;
    if (notes && !notes.includes(note)) notes.push(note);
    return fallback;
  }
}
