/** What the static test counters report, per test file. */
import type { Lines } from '../../types.js';
import { keepShape } from '../../util/shapes.js';

export interface TestFileCount {
  path: string;
  language: string;
  framework: string;
  /** Test definitions (a parametrized test counts once). */
  cases: number;
  /** Definitions marked skipped/disabled in the source (`.skip`, `xit`, `@Disabled`, `[Fact(Skip=…)]`). */
  skipped: number;
  /** Definitions with a parameter table (`parametrize`, `.each`, `[Theory]`, `@ParameterizedTest`). */
  parametrized: number;
  /**
   * Cases a runner would list once parameter tables whose size is literal are expanded; a table
   * whose size is not literal counts once.
   */
  expanded: number;
  /**
   * Of `cases`, the rows of case tables given to helpers that define one test per row (ESLint's
   * RuleTester, a local `ruleTester(rule, { valid, invalid })`): each a test the runner lists.
   */
  fromTables?: number;
  /** Go benchmarks, fuzz targets and examples with output, which `go test -list` also lists. */
  benchmarks?: number;
  fuzz?: number;
  examples?: number;
  /**
   * Ruby: the shared examples this file runs (`it_behaves_like`, `include_examples`, `include_context`),
   * in the order they run, nested ones after their includer; each adds its `cases` to `expanded`.
   * Rust: the test macros whose invocations it counts; `perRepetition` when a macro writes one test
   * per repetition of its `$( … )*` group.
   */
  via?: {
    name: string;
    path: string;
    line: number;
    cases: number;
    perRepetition?: true;
    /**
     * An attribute macro of a proc-macro crate (`#[db_test]`): the tests its output holds per function
     * it marks; `unread` when the output was not read and each function counts once.
     */
    attribute?: { perFunction: number; unread?: true };
  }[];
  /**
   * Tests a Cargo build script generates, one per file of the folders it walks (`rust-build.ts`):
   * the entry is the script, `cases` counts them, and each listed data file counts as a test file.
   */
  generated?: {
    line: number;
    cases: number;
    dirs: { dir: string; files: number }[];
    includedBy: { path: string; line: number };
  };
  /** Test files this entry stands for when more than itself (a build script's data files). */
  files?: number;
  /** The first test definition, for evidence. */
  first?: { line: number; snippet: string };
}

export interface Counter {
  /** `row`: a row of a case table given to a helper (see `fromTables`). */
  add(def: { line: number; skipped?: boolean; params?: number | null; row?: boolean }): void;
  result(): Pick<TestFileCount, 'cases' | 'skipped' | 'parametrized' | 'expanded' | 'fromTables'> & {
    firstLine?: number;
  };
}

// Every test file's count starts with these fields (counter's result, copied by the digest): one
// hidden class for all of them (see keepShape).
keepShape('cases', 'skipped', 'parametrized', 'expanded');

/** Accumulates definitions; `params: null` is a parameter table of unknown size. */
export function counter(): Counter {
  let cases = 0;
  let skipped = 0;
  let parametrized = 0;
  let expanded = 0;
  let rows = 0;
  let firstLine: number | undefined;
  return {
    add({ line, skipped: s, params, row }) {
      cases++;
      if (row) rows++;
      if (s) skipped++;
      if (params !== undefined) parametrized++;
      expanded += typeof params === 'number' ? params : 1;
      if (firstLine === undefined || line < firstLine) firstLine = line;
    },
    result: () => ({
      cases,
      skipped,
      parametrized,
      expanded,
      ...(rows ? { fromTables: rows } : {}),
      ...(firstLine !== undefined ? { firstLine } : {}),
    }),
  };
}

export function snippetAt(text: string | Lines, line: number): string {
  const l = typeof text === 'string' ? (text.split('\n')[line - 1] ?? '') : text.line(line);
  const t = l.trim();
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}
