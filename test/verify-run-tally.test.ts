/**
 * readiness verify: a run's result on a topic (round 25, development set). "Build Status: SUCCESS" and
 * "Integration Tests: 113/134 Passing" report what a run did; a workflow or a rule that finds the tests
 * shows neither the result nor the tally.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const rule = (id: string, message: string, path: string) => ({
  id,
  outcome: 'pass',
  message,
  evidence: [{ path }],
  score: 1,
  data: { types: ['unit', 'integration'], missing: [] },
});

describe("a run's verdict or tally beside a topic a rule or setting finds", () => {
  const tree: Tree = {
    'package.json': '{"name":"app","scripts":{"test":"vitest"}}\n',
    'src/app.ts': 'export const app = 1;\n',
    'tests/integration/api.test.ts': "import { it } from 'vitest';\nit('lists', () => {});\nit('creates', () => {});\n",
    '.github/workflows/ci.yml':
      'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n        if: success()\n',
  };
  const report = reportWith([rule('quality/test-types', 'integration tests found', 'tests/integration/api.test.ts')]);
  const doc = [
    '# Report', // 1
    '', // 2
    '**Build Status**: ✅ **SUCCESS**', // 3
    '### Integration Tests (API Endpoints)', // 4
    '**Status**: ⚠️ 113/134 Passing', // 5
    '## Tests', // 6
    '- ✅ Integration tests', // 7
  ].join('\n');
  const { at } = verifier('REPORT.md')(tree, doc, report);

  it('leaves the run result and the tally open', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(5).verdict).toBe('unverifiable');
    expect(at(5).reason).toContain('113/134 Passing');
  });
  it('still confirms the tests being there', () => {
    expect(at(7).verdict).toBe('confirmed');
  });
});
