/** Loading the artefacts named on the command line; any unreadable or malformed file is a UsageError. */
import { loadCoverage } from './coverage.js';
import { loadJUnit } from './junit.js';
import type { Artifacts } from '../types.js';

export type { Artifacts, CoverageReport, JUnitReport } from '../types.js';

export function loadArtifacts(coverage: string[] = [], junit: string[] = []): Artifacts | undefined {
  if (coverage.length === 0 && junit.length === 0) return undefined;
  return { coverage: coverage.map(loadCoverage), junit: junit.map(loadJUnit) };
}
