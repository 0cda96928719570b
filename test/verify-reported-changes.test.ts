/**
 * A session log's "Updated X to …", "X now calls Y", "Added `y()` to (`file`)": a change made to named
 * code is not shown by the names being somewhere. Found names leave the line open; a name the change
 * brings in that is nowhere contradicts it; code said added to a named file must be in that file; and a
 * SvelteKit "+page.svelte" of one folder is not the "+page.svelte" of another.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const verifyIn = verifier('docs/status.md');

describe('a change reported to named code', () => {
  const tree: Tree = {
    'backend/internal/database/trades.go': [
      'package database',
      'func ListTrades() []Trade { return nil }',
      'func GetTrade(id int) Trade { return Trade{} }',
      'func BulkCreateTrades(ts []Trade) error { return nil }',
    ].join('\n'),
    'frontend/src/lib/api/client.ts': 'export async function getTrades() { return []; }\n',
    'frontend/src/lib/api/rules.ts': 'export async function getRule(id: string) { return id; }\n',
    'frontend/src/routes/+page.svelte': '<h1>Home</h1>\n',
    'frontend/src/routes/app/trades/+page.svelte': '<script>let total_entry_quantity = 0;</script>\n',
    'frontend/src/lib/components/ReviewPanel.svelte': '<script>const a = derivedBy(1);</script>\n',
    'test/support/audit_helpers.ex': 'defmodule AuditHelpers do\nend\n',
  };
  const doc = [
    '# Implementation status', // 1
    '', // 2
    '- ✅ Updated `ListTrades()` to load entries and exits for each trade', // 3
    '- ✅ `BulkCreateTrades()` now calls `recalculateTradeMetrics()` after inserting entries', // 4
    '- ✅ Fixed totals in `ReviewPanel` using `derivedBy()` instead of `derivedOld()`', // 5
    '- ✅ Fixed totals in `TradeReviewWizard` using `derivedBy()`', // 6
    '- ✅ Added missing `getTrade(id)` method to frontend API client (`frontend/src/lib/api/client.ts`)', // 7
    '- ✅ Added missing `getRule(id)` method to rules client (`frontend/src/lib/api/rules.ts`)', // 8
    '- `frontend/src/routes/app/review/+page.svelte` - Use total_entry_quantity for position size', // 9
    '- `frontend/src/routes/app/trades/+page.svelte` - Use total_entry_quantity for position size', // 10
    '- ✅ Fixed test imports (added `AuditHelpers`)', // 11
    '- ✅ `GetTrade()` and `ListTrades()` are defined', // 12
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('found names do not show the change made: open, saying why', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toMatch(/reports a change \("Updated"\)/);
  });

  it('a name the change brings in that is nowhere: contradicted, naming it', () => {
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toMatch(/recalculateTradeMetrics, which is nowhere/);
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toMatch(/TradeReviewWizard/);
  });

  it('the code the change replaced ("instead of …") being gone, or a component named by its file, is no fault', () => {
    expect(at(5).verdict).toBe('unverifiable');
  });

  it('code said added to a named file is looked for in that file (getTrades is not getTrade)', () => {
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toMatch(/frontend\/src\/lib\/api\/client\.ts is there, but not as the change says/);
    expect(at(8).verdict).toBe('confirmed');
    expect(at(8).evidence[0]?.path).toBe('frontend/src/lib/api/rules.ts');
  });

  it('a "+page.svelte" path is a file, and another folder\'s +page.svelte is not it', () => {
    expect(at(9).verdict).toBe('contradicted');
    expect(at(9).reason).toMatch(/no frontend\/src\/routes\/app\/review\/\+page\.svelte/);
    expect(at(10).verdict).not.toBe('contradicted');
  });

  it('a change that is the name added is not taken back; a plain statement that names exist stays confirmed', () => {
    expect(at(11).reason).not.toMatch(/reports a change/);
    expect(at(12).verdict).toBe('confirmed');
  });
});
