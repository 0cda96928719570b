/**
 * Plain words of a practice ("Production JSON output for log aggregation", "CI runs lint and tests")
 * reach the rule that checks it; a French "Absence X configuré" is an absence, not X configured; and
 * a self-graded row that only judges the documentation ("A+ | ✅ Outstanding") is not confirmed by a
 * README being there.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

type Outcome = 'pass' | 'partial' | 'fail' | 'not-applicable';
const rule = (id: string, outcome: Outcome, message: string, evidence: { path: string; line?: number }[]) => ({
  id,
  outcome,
  message,
  evidence,
  score: outcome === 'pass' ? 1 : outcome === 'partial' ? 0.5 : 0,
});
const verifyIn = verifier('docs/review.md');

const tree: Tree = {
  'README.md': '# Service\n\n## Install\n\nnpm ci\n\n## Usage\n\nnpm start\n',
  'composer.json': JSON.stringify({ require: { php: '^8.2' }, 'require-dev': { 'larastan/larastan': '^3.9' } }),
  'phpstan.neon': 'parameters:\n  level: 6\n',
  'app/Logging.php': '<?php\n$handler->setFormatter(new JsonFormatter());\n',
  '.github/workflows/ci.yml':
    'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: composer test\n',
};
const doc = [
  '# Review', // 1
  '', // 2
  '- ✅ Production JSON output for log aggregation', // 3
  '- ✅ CI runs lint and tests on every push', // 4
  '- 🟠 Absence PHPStan/Larastan configuré', // 5
  '', // 6
  '| Category | Rating | Status | Change from v1.0 |', // 7
  '|----------|--------|--------|------------------|', // 8
  '| **Documentation** | A+ | ✅ Outstanding | ✅ Maintained |', // 9
].join('\n');

describe('plain words of a practice, an absence said in French, a graded row of judgement', () => {
  const passing = reportWith([
    rule('observability/structured-logging', 'pass', 'Logs are structured (JSON)', [
      { path: 'app/Logging.php', line: 2 },
    ]),
    rule('quality/tests-in-ci', 'pass', 'Tests run in CI', [{ path: '.github/workflows/ci.yml', line: 6 }]),
  ]);
  const { at } = verifyIn(tree, doc, passing);

  it('"JSON output for log aggregation" is structured logging, settled by its rule', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).rule).toBe('observability/structured-logging');
  });

  it('"CI runs … tests" is tests in CI', () => {
    expect(at(4).rule).toBe('quality/tests-in-ci');
    expect(at(4).verdict).not.toBe('unverifiable');
  });

  it('"Absence X configuré" says X is missing: a declared X does not confirm it', () => {
    expect(at(5).verdict).not.toBe('confirmed');
    expect(at(5).verdict).not.toBe('partially-confirmed');
  });

  it('a documentation row judged "Outstanding" is not confirmed by the README', () => {
    expect(at(9).verdict).toBe('unverifiable');
  });

  it('the same practice words with the rule failing are not confirmed', () => {
    const failing = reportWith([
      rule('observability/structured-logging', 'fail', 'Logs are plain text', [{ path: 'app/Logging.php' }]),
    ]);
    const { at: atFail } = verifyIn(tree, doc, failing);
    expect(atFail(3).verdict).not.toBe('confirmed');
  });
});
