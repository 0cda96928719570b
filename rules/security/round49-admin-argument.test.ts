/**
 * An admin word passed on as an argument is no role check (issue 15, blind round 49): a Go
 * garbage collector's `if err := storage.HardDeleteTree(ctx, gc.admin, id); err != nil {` tests
 * the error only. A handler that compares the caller's role still is one.
 */
import { describe, expect, it } from 'vitest';
import rule from './authorization.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const GO_MOD = 'module example.com/ledger\n\ngo 1.22\n';
const GC = [
  'package admin', // 1
  '', // 2
  'func (gc *TreeGC) RunOnce(ctx context.Context) error {', // 3
  '\tfor _, tree := range deleted {', // 4
  '\t\tif err := storage.HardDeleteTree(ctx, gc.admin, tree.TreeId); err != nil {', // 5
  '\t\t\treturn err', // 6
  '\t\t}', // 7
  '\t}', // 8
  '\treturn nil', // 9
  '}', // 10
  '',
].join('\n');
const HANDLER =
  'package api\n\nfunc DeleteBoard(c echo.Context) error {\n\tuser := auth.User(c)\n\tif user.Role != models.RoleAdmin {\n\t\treturn echo.ErrUnauthorized\n\t}\n\treturn store.Delete(c.Param("id"))\n}\n';

describe('authorization: an admin argument is not a role check (blind round 49)', () => {
  it('an error check around a call given the admin storage: no authorization', async () => {
    const r = await runRuleOn(rule, { 'go.mod': GO_MOD, 'server/admin/tree_gc.go': GC }, { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
    expect(r.evidence.some((e) => e.path === 'server/admin/tree_gc.go')).toBe(false);
  });
  it('a handler comparing the caller role beside it: pass, citing the handler', async () => {
    const r = await runRuleOn(
      rule,
      { 'go.mod': GO_MOD, 'server/admin/tree_gc.go': GC, 'internal/api/boards.go': HANDLER },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'internal/api/boards.go' && e.line === 5)).toBe(true);
    expect(r.evidence.some((e) => e.path === 'server/admin/tree_gc.go')).toBe(false);
  });
});
