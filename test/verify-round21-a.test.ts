/**
 * readiness verify: a name found is not what the line says of it (round 21). A line that states a
 * property of a named thing — a defect with its severity, a cited file:line where the evidence is not —
 * is not confirmed because the names in it occur in the code; a line that claims only the name's
 * presence still is.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('presence of a name confirms only presence', () => {
  const tree: Tree = {
    'package.json': '{"name":"ledger","version":"1.0.0"}\n',
    'src/tenant.ts': [
      '// tenant resolution',
      'export function resolveTenant(tenantToken: string): string {',
      '  return serverTenantOf(tenantToken);',
      '}',
      'function serverTenantOf(t: string): string {',
      '  return t.trim();',
      '}',
    ].join('\n'),
  };
  const doc = [
    '# Audit', // 1
    '', // 2
    '- ✅ `resolveTenant` function', // 3
    '- ✅ `resolveTenant` trusts the tenantToken sent by the browser (P0)', // 4
    '- ✅ `tenant.ts:40` `resolveTenant` reads tenantToken', // 5
    '- ✅ `resolveTenant` no longer trusts the browser (P0): fixed, it calls `serverTenantOf`', // 6
  ].join('\n');
  const { at } = verifier('AUDIT.md')(tree, doc);

  it('a line that claims only that the name is there is confirmed by finding it', () => {
    expect(at(3).verdict).toBe('confirmed');
  });
  it('a defect with its severity is not confirmed by the names in it', () => {
    expect(at(4).verdict).not.toBe('confirmed');
    expect(at(4).verdict).not.toBe('partially-confirmed');
  });
  it('a cited file:line where the evidence is not is not confirmed', () => {
    expect(at(5).verdict).not.toBe('confirmed');
  });
  it('a finding reported fixed, whose names are found, stays confirmed', () => {
    expect(at(6).verdict).toBe('confirmed');
  });
});
