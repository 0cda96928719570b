/** Totals of a test inventory, by language and by framework, for `data` and messages. */
import type { TestInventory } from './inventory.js';

export interface Tally {
  testFiles: number;
  testCases: number;
  skipped: number;
  parametrized: number;
  /** Cases with literal parameter tables expanded: closer to what a runner lists. */
  expandedCases: number;
  /** Of `testCases`, rows of case tables given to test helpers (RuleTester and the like); absent when none. */
  fromTables?: number;
}

const empty = (): Tally => ({ testFiles: 0, testCases: 0, skipped: 0, parametrized: 0, expandedCases: 0 });

export function summarise(inv: TestInventory) {
  const total = empty();
  const byLanguage: Record<string, Tally> = {};
  const byFramework: Record<string, Tally> = {};
  const go = { benchmarks: 0, fuzz: 0, examples: 0 };
  for (const f of inv.files) {
    for (const t of [total, (byLanguage[f.language] ??= empty()), (byFramework[f.framework] ??= empty())]) {
      t.testFiles += f.files ?? 1;
      t.testCases += f.cases;
      t.skipped += f.skipped;
      t.parametrized += f.parametrized;
      t.expandedCases += f.expanded;
      if (f.fromTables) t.fromTables = (t.fromTables ?? 0) + f.fromTables;
    }
    go.benchmarks += f.benchmarks ?? 0;
    go.fuzz += f.fuzz ?? 0;
    go.examples += f.examples ?? 0;
  }
  const sorted = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { total, byLanguage: sorted(byLanguage), byFramework: sorted(byFramework), go };
}
