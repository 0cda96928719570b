/**
 * Built-in patterns that recheck finds super-linear (test/patterns.test.ts keeps this list equal
 * to its verdicts, so it can only shrink as patterns are fixed). Until each is rewritten, the scan
 * runs them under a hard time limit on texts of guardFrom(degree) characters or more (an interrupt
 * V8 honours inside a backtracking regex): an attacker's crafted file costs at most the budget,
 * and the rules that depend on the pattern become errors, which count against every gate.
 * Entries named verify/… are not scan patterns: they run on one line of a verified document,
 * unguarded, and are the next to rewrite. (Every scan and manifest pattern is linear now.)
 */
export const SUPERLINEAR: ReadonlyMap<string, string> = new Map([
  // src/verify (new on main): not scan patterns, so not guarded. Lines are cut at 2,000
  // characters there (MAX_LINE), which bounds the quadratic ones but not the cubic and quartic.
  ['verify/blocks.ts#488716c6134e6cee', 'polynomial 2'],
  ['verify/blocks.ts#ea3aa97e2107ca22', 'polynomial 2'],
  ['verify/extract.ts#a6db723acf6b40c4', 'polynomial 2'],
  ['verify/figures.ts#0133a5c7a2b85d9a', 'polynomial 2'],
  ['verify/findings.ts#d4a93b44871f8a07', 'polynomial 3'],
  ['verify/judge.ts#4732d84698973e57', 'polynomial 2'],
  ['verify/lookup.ts#5d32bbb8f925dd2c', 'polynomial 2'],
  ['verify/mechanisms.ts#08ad2b9437d4d2e3', 'polynomial 2'],
  ['verify/mechanisms.ts#b78cbb7cdfe35682', 'polynomial 2'],
  ['verify/names.ts#39f3fc92f9f15455', 'polynomial 2'],
  ['verify/names.ts#3b20deb2cc84b288', 'polynomial 2'],
  ['verify/names.ts#56c3534e83835ea1', 'polynomial 2'],
  ['verify/names.ts#9e393e506c66dc1d', 'polynomial 2'],
  ['verify/names.ts#a5ff371d6e6913da', 'polynomial 2'],
  ['verify/names.ts#c99008d364aa1e5c', 'polynomial 2'],
  ['verify/needles.ts#a9509fb4b90ea641', 'polynomial 2'],
  ['verify/needles.ts#b4c033df56c270fd', 'polynomial 2'],
  ['verify/numbers.ts#f0e26b8c61435d30', 'polynomial 4'],
  ['verify/status.ts#0e9d5b1a605fe315', 'polynomial 3'],
  ['verify/status.ts#57b35f1a6e3922eb', 'polynomial 2'],
  ['verify/status.ts#87b4f636e043cb82', 'polynomial 2'],
  ['verify/vocabulary.ts#1deafd9be6fb2cd1', 'polynomial 2'],
  ['verify/vocabulary.ts#b2cb6e032b5a18f6', 'polynomial 2'],
  ['verify/vocabulary.ts#eb0f333daf9c10eb', 'polynomial 2'],
  ['verify/extract.ts#1127d9a6ba9174db', 'polynomial 2'],
  ['verify/extract.ts#7f363b4c761c470f', 'polynomial 2'],
  ['verify/extract.ts#9d4790ebb0a2886f', 'polynomial 2'],
  ['verify/extract.ts#b6870a2f86ba1138', 'polynomial 2'],
  ['verify/vocabulary.ts#2b3792400a786683', 'polynomial 2'],
  ['verify/test-counts.ts#7dd0fa3cf8b941ec', 'polynomial 2'],
  // Found by checking alternative by alternative (not on the list before): a run of `*` tried from
  // each of its characters; and one the fuzzer cannot settle within its time (a 40-character
  // window after each of many words).
  ['verify/status.ts#c823166b66363136', 'polynomial 2'],
  ['verify/mechanisms.ts#7011f4654cf20668', 'unknown'],
]);

/**
 * From how many characters a pattern runs guarded (each guarded run costs a watchdog thread, tens
 * of microseconds): a quadratic pattern needs ~16 KiB to cost a tenth of a second; a cubic one
 * is guarded from 1 KiB.
 */
export function guardFrom(degree: string): number {
  return degree === 'polynomial 2' ? 16 * 1024 : 1024;
}
