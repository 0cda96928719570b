import type { PillarDefinition } from '../../src/engine/types.js';
import testsPresent from './tests-present.js';

/** Code Quality & Testing. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'quality',
  title: 'Code Quality & Testing',
  description: 'Test presence and counts, test types, coverage gates, linters, formatters, tests in CI.',
  rules: [
    { rule: testsPresent, weight: 10 },
  ],
} satisfies PillarDefinition;
