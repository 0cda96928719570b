/** Test artefacts given on the command line (`--coverage`, `--junit`), parsed before the audit. */

export type CoverageFormat = 'lcov' | 'cobertura' | 'jacoco' | 'istanbul-summary' | 'go-cover';

export interface CoverageReport {
  /** The file as the user named it (never made absolute: reports stay byte-identical). */
  path: string;
  format: CoverageFormat;
  linesCovered: number;
  linesTotal: number;
  /** Line coverage in percent, rounded to two decimals (Go profiles: statements). */
  percent: number;
  branchesCovered?: number;
  branchesTotal?: number;
}

export interface JUnitReport {
  path: string;
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  /** The first failing test cases (suite › name), for evidence. */
  failures: string[];
}

export interface Artifacts {
  coverage: CoverageReport[];
  junit: JUnitReport[];
}
