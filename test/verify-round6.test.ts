/**
 * readiness verify: classes found on round 6 (used for development), each on a small document of
 * our own against an in-memory tree. Code a line names in ticks is looked up exactly; a bare topic
 * is not confirmed by a keyword found somewhere.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const verifyIn = verifier('AUDIT.md');

const tree: Tree = {
  'composer.json': '{"require": {"php": "^8.3", "laravel/framework": "^11.0"}}\n',
  'app/Providers/AppServiceProvider.php': [
    '<?php',
    'class AppServiceProvider {',
    '  public function boot(): void { Model::preventLazyLoading(); }',
    '}',
  ].join('\n'),
  'app/Services/LedgerService.php': [
    '<?php',
    'class LedgerService {',
    '  public function post($id) {',
    '    return DB::transaction(fn () => Account::query()->lockForUpdate()->findOrFail($id));',
    '  }',
    '}',
  ].join('\n'),
  'app/Support/Mailer.php': "<?php\nconst FALLBACK = 'billing@acme.test';\n",
  'app/Http/Kernel.php': '<?php\nclass Kernel { /* handle errors */ }\n',
};

describe('an audit findings table: FIXED says the fix is in the code, OPEN that the problem is still there', () => {
  const doc = [
    '# Audit', //  1
    '', //  2
    '| # | Finding | Severity | Status |', //  3
    '|---|---------|----------|--------|', //  4
    '| A1 | **Row locking** -- wrapped with `Account::query()->lockForUpdate()` | P0 | RESOLVED |', //  5
    '| A2 | **Strict models** -- `Model::shouldBeStrict()` is enabled | P1 | FIXED |', //  6
    '| A3 | **Hardcoded address** -- `billing@acme.test` in `Mailer` | P2 | OPEN |', //  7
    '| A4 | **Hardcoded token** -- `ops-team@acme.test` is hardcoded | P2 | OPEN |', //  8
    '| A5 | **Slow report** -- queries are not cached | P3 | OPEN |', //  9
  ].join('\n');
  const { at, has } = verifyIn(tree, doc);

  it('a fix whose named code is in production code is confirmed; one whose code is nowhere is contradicted', () => {
    expect(at(5)).toMatchObject({ verdict: 'confirmed', basis: 'search' });
    expect(at(6)).toMatchObject({ verdict: 'contradicted' });
  });

  it('an open finding whose literal is still there is confirmed; gone, it is out of date', () => {
    expect(at(7)).toMatchObject({ verdict: 'confirmed' });
    expect(at(8)).toMatchObject({ verdict: 'contradicted' });
  });

  it('a row that names no code is read by its shape, and not confirmed by its words (no lookup of nothing)', () => {
    expect(has(9)).toBe(true);
    expect(at(9).verdict).not.toBe('confirmed');
    expect(at(9).verdict).not.toBe('partially-confirmed');
  });
});

describe('prose and bullets that name code in ticks are claims without a mark', () => {
  const doc = [
    '# Report', //  1
    '', //  2
    'Lazy loading is prevented via `Model::preventLazyLoading()`.', //  3
    '', //  4
    '- Created **`LedgerService`**', //  5
    '- A derived context `LedgerTestContext` was created', //  6
    '- Removed the old `LegacyBilling` class', //  7
    '1. **Ledger** (`app/Services/`)', //  8
    '   - posting', //  9
    'Should we add `RetryPolicy` later?', // 10
  ].join('\n');
  const { at, has } = verifyIn(tree, doc);

  it('the code named is looked up: found confirms, nowhere contradicts', () => {
    expect(at(3)).toMatchObject({ verdict: 'confirmed', basis: 'search' });
    expect(at(5)).toMatchObject({ verdict: 'confirmed' });
    expect(at(6)).toMatchObject({ verdict: 'contradicted' });
  });

  it('removed code, a catalogue title over a sub-list and a question are not claims that code is there', () => {
    expect(has(7)).toBe(false);
    expect(has(8)).toBe(false);
    expect(has(10)).toBe(false);
  });
});

describe('a bare topic is not confirmed; a numbered section title is a heading', () => {
  const doc = [
    '# Report', //  1
    '', //  2
    '## ✅ 1. Cache System (Redis)', //  3
    '', //  4
    '## Features ✅', //  5
    '- Error handling', //  6
    '- Proper error handling', //  7
    '- ✅ Row locking in `LedgerService`', //  8
    '- ❌ No rate limiting', //  9
  ].join('\n');
  const { at, has } = verifyIn(tree, doc);

  it('a numbered title names its topic, not a state', () => {
    expect(has(3)).toBe(false);
  });

  it('"Error handling" stays open; a line naming code is looked up; a gap is still judged', () => {
    expect(at(6).verdict).not.toMatch(/confirmed/);
    expect(at(7).verdict).not.toMatch(/confirmed/);
    expect(at(8).verdict).not.toBe('unverifiable');
    expect(at(9).asserted).toBe('not-done');
  });
});

describe('a test class named with its count', () => {
  const withTests: Tree = {
    ...tree,
    'tests/test_api.py': 'class TestHealth:\n    def test_ok(self):\n        assert True\n',
  };
  const doc = ['# Tests', '', '## API', '', '✓ TestStatusRoutes (5 tests)', '✓ TestHealth (1 test)'].join('\n');
  const { at } = verifyIn(withTests, doc);

  it('is contradicted when no code defines the class; there, it is counted as before', () => {
    expect(at(5)).toMatchObject({ verdict: 'contradicted', basis: 'tests' });
    expect(at(6).verdict).not.toBe('contradicted');
  });
});
