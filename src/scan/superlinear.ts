/**
 * Built-in patterns that recheck finds super-linear (test/patterns.test.ts keeps this list equal
 * to its verdicts, so it can only shrink as patterns are fixed). Until each is rewritten, the scan
 * runs them under a hard time limit on texts of guardFrom(degree) characters or more (an interrupt
 * V8 honours inside a backtracking regex): an attacker's crafted file costs at most the budget,
 * and the rules that depend on the pattern become errors, which count against every gate.
 * (Every scan and manifest pattern is linear now, and so is every regular expression of
 * src/verify, which runs unguarded on the lines of a verified document.)
 */
export const SUPERLINEAR: ReadonlyMap<string, string> = new Map<string, string>([]);

/**
 * From how many characters a pattern runs guarded (each guarded run costs a watchdog thread, tens
 * of microseconds): a quadratic pattern needs ~16 KiB to cost a tenth of a second; a cubic one
 * is guarded from 1 KiB.
 */
export function guardFrom(degree: string): number {
  return degree === 'polynomial 2' ? 16 * 1024 : 1024;
}
