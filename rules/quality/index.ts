import type { PillarDefinition } from '../../src/types.js';
import coverageGate from './coverage-gate.js';
import formatting from './formatting.js';
import linting from './linting.js';
import preCommitHooks from './pre-commit-hooks.js';
import testTypes from './test-types.js';
import testsInCi from './tests-in-ci.js';
import testsPresent from './tests-present.js';

/** Code Quality & Testing. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'quality',
  title: 'Code Quality & Testing',
  description: 'Test presence and counts, test types, coverage gates, linters, formatters, tests in CI.',
  rules: [
    { rule: coverageGate, weight: 6 },
    { rule: formatting, weight: 3 },
    { rule: linting, weight: 6 },
    { rule: preCommitHooks, weight: 2 },
    { rule: testTypes, weight: 5 },
    { rule: testsInCi, weight: 8 },
    { rule: testsPresent, weight: 10 },
  ],
} satisfies PillarDefinition;
