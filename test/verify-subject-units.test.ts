/**
 * readiness verify: a line's subject resolved to code units (issue 16, coverage). An endpoint list's
 * entry claims its route, however short the route's word and whatever domain figures its description
 * gives; a unit the line names that is only a stub makes "not implemented" true and "implemented"
 * partly true.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('an entry of an endpoint list', () => {
  const tree: Tree = {
    'requirements.txt': 'fastapi==0.110.0\n',
    'api/routers/users.py': [
      'from fastapi import APIRouter',
      'router = APIRouter()',
      '',
      '@router.get("/me")',
      'def me():',
      '    return {}',
      '',
      '@router.post("/parking")',
      'def parking(state: str):',
      '    return {}',
      '',
      '@router.get("/users")',
      'def users(page: int = 1):',
      '    return []',
    ].join('\n'),
    'api/clients/google.py': 'URL = "https://www.googleapis.com/calendar/v3/users/me/calendarList"\n',
  };
  const doc = [
    '# API status', // 1
    '', // 2
    '## Endpoints ✅', // 3
    '', // 4
    '- ✅ GET `/me` - Current user', // 5
    '- ✅ GET `/id` - Identity', // 6
    '- ✅ POST `/parking` - Parking spaces (9 federal states)', // 7
    '- ✅ POST `/parking` - Parking rules (5 endpoints)', // 8
    '- ✅ GET `/users` - List users (max 20 per page)', // 9
    '- ✅ GET `/users` - List users', // 10
  ].join('\n');
  const { at } = verifier('API.md')(tree, doc);

  it('a short route after an HTTP method is looked up as the route, quoted whole', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]?.path).toBe('api/routers/users.py');
  });
  it('a short route only inside another string (a URL) is not the route: not there, the line is stale', () => {
    expect(at(6).verdict).toBe('contradicted');
  });
  it("the description's domain figures do not hold the route's confirmation back", () => {
    expect(at(7).verdict).toBe('confirmed');
  });
  it('a figure that counts code, or a limit, still leaves the line open', () => {
    expect(at(8).verdict).toBe('unverifiable');
    expect(at(9).verdict).toBe('unverifiable');
  });
  it('"/users" after a method is a route, not a rate\'s unit', () => {
    expect(at(10).verdict).toBe('confirmed');
  });
});

describe('a named unit that is only a stub', () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","version":"1.0.0"}\n',
    'src/services/payment.service.ts': [
      'export class PaymentService {',
      '  async refund(id: string) {',
      '    const r = await db.refunds.create({ id });',
      '    return r;',
      '  }',
      '}',
    ].join('\n'),
    'src/services/invoice.service.ts': [
      'export class InvoiceService {',
      '  async render(id: string) {',
      '    throw new Error("not implemented");',
      '  }',
      '}',
    ].join('\n'),
    'src/agent.rs': [
      'pub fn sign_request(data: &[u8]) -> Vec<u8> {',
      '    todo!()',
      '}',
      '',
      'pub fn list_keys() -> Vec<String> {',
      '    let keys = store().keys();',
      '    keys.into_iter().map(|k| k.name).collect()',
      '}',
    ].join('\n'),
    'app/export.py': ['def export_csv(rows):', '    """Write rows."""', '    raise NotImplementedError', ''].join('\n'),
  };
  const doc = [
    '# Implementation status', // 1
    '', // 2
    '- ❌ `InvoiceService` not implemented', // 3
    '- ❌ `sign_request` not implemented', // 4
    '- ✅ `export_csv()` implemented', // 5
    '- ❌ `PaymentService` not implemented', // 6
    '- ❌ `list_keys` not implemented', // 7
    '- ✅ `PaymentService` implemented', // 8
  ].join('\n');
  const { at } = verifier('STATUS.md')(tree, doc);

  it('"not implemented" where the unit is a stub is what the document says', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toMatch(/stub/);
    expect(at(3).evidence[0]).toMatchObject({ path: 'src/services/invoice.service.ts', line: 1 });
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toContain('todo!(');
  });
  it('"implemented" where the body only raises NotImplementedError is done in part', () => {
    expect(at(5).verdict).toBe('partially-confirmed');
  });
  it('"not implemented" where the unit has a real body: the document is out of date', () => {
    expect(at(6).verdict).toBe('contradicted');
    expect(at(7).verdict).toBe('contradicted');
    expect(at(8).verdict).toBe('confirmed');
  });
});

describe('a line in plain words that names a unit of the product by its words', () => {
  const tree: Tree = {
    'go.mod': 'module example.com/hub\n\ngo 1.22\n',
    'internal/middleware/security.go': [
      'package middleware',
      '',
      'func ValidateAPIKey(key string) bool {',
      '\tif len(key) < 32 {',
      '\t\treturn false',
      '\t}',
      '\treturn lookup(key)',
      '}',
      '',
      'func NewAuditLogger(path string) *AuditLogger {',
      '\treturn &AuditLogger{path: path}',
      '}',
    ].join('\n'),
    'app/accounts.py': [
      'def reset_password(user, token):',
      '    check(token)',
      '    user.password = new_password()',
      '    user.save()',
      '',
      'def export_invoices(user):',
      '    raise NotImplementedError',
      '',
      'def get_user_data(user):',
      '    return user.__dict__',
    ].join('\n'),
    'app/test_accounts.py': 'def merge_accounts_fixture():\n    return merge()\n',
  };
  const doc = [
    '# Readiness', // 1
    '', // 2
    '- ✅ API key validation', // 3
    '- ✅ Audit logging for security events', // 4
    '- ❌ No password reset', // 5
    '- ❌ Invoice export', // 6
    '- ✅ User data export', // 7
    '- ✅ Accounts merge', // 8
    '- ⚠️ Partial: API key validation', // 9
    '- ✅ Invoice export', // 10
    '', // 11
    '1. **API Key Validation**', // 12
    '   - ✅ Keys of 32 characters', // 13
  ].join('\n');
  const { at, has } = verifier('READINESS.md')(tree, doc);

  it("a unit whose name is the line's words confirms a line said done, cited at its definition", () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]).toMatchObject({ path: 'internal/middleware/security.go', line: 3 });
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toContain('NewAuditLogger');
  });
  it('said missing while the unit is there with a real body: the document is out of date', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).evidence[0]).toMatchObject({ path: 'app/accounts.py', line: 1 });
  });
  it('a unit that is only a stub neither contradicts "missing" nor confirms "done"', () => {
    expect(at(6).verdict).not.toBe('contradicted');
    expect(at(10).verdict).not.toBe('confirmed');
  });
  it('a name that leaves a word of the line unaccounted for, or is defined only in tests, settles nothing', () => {
    expect(at(7).verdict).toBe('unverifiable');
    expect(at(8).verdict).toBe('unverifiable');
  });
  it('a line said partly done, or the bold label of a list, is not settled by a name', () => {
    expect(at(9).verdict).not.toBe('confirmed');
    if (has(12)) expect(at(12).verdict).not.toBe('confirmed');
  });
});

describe('a count of what a manifest the line names declares', () => {
  const tree: Tree = {
    'package.json': JSON.stringify({
      name: 'shop',
      version: '1.0.0',
      dependencies: { express: '4.19.0', zod: '3.23.0', pino: '9.0.0' },
      devDependencies: { vitest: '3.0.0', typescript: '5.6.0' },
    }),
    'src/index.js':
      "const express = require('express');\nconst { z } = require('zod');\nconst pino = require('pino');\n",
  };
  const doc = [
    '# Setup', // 1
    '', // 2
    '- ✅ `package.json` configured (5 packages)', // 3
    '- ✅ `package.json` configured (8 packages)', // 4
    '- ✅ `package.json` configured (2 dev dependencies)', // 5
    '- ✅ `package.json` configured (5 packages, 4 scripts)', // 6
  ].join('\n');
  const { at } = verifier('SETUP.md')(tree, doc);

  it('the entries the manifest declares are the count: as many confirms, a different number contradicts', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]?.path).toBe('package.json');
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toMatch(/declares 5/);
  });
  it('"dev" counts the development entries only', () => {
    expect(at(5).verdict).toBe('confirmed');
  });
  it('a second figure the count does not cover leaves the line open', () => {
    expect(at(6).verdict).toBe('unverifiable');
  });
});

describe("a count of a named class's methods", () => {
  const tree: Tree = {
    'requirements.txt': 'fastapi==0.110.0\n',
    'app/services/contract_service.py': [
      'class ContractService(BaseService):',
      '    """Contracts."""',
      '',
      '    def __init__(self, db):',
      '        self.db = db',
      '',
      '    def create(self, data):',
      '        return self.db.add(data)',
      '',
      '    async def get(self, id):',
      '        return self.db.get(id)',
      '',
      '    def _check(self, data):',
      '        return bool(data)',
    ].join('\n'),
    'src/main/java/shop/OrderService.java': [
      'package shop;',
      '',
      'public class OrderService {',
      '  private final Repo repo;',
      '  public Order create(Order o) {',
      '    if (o == null) {',
      '      throw new IllegalArgumentException();',
      '    }',
      '    return repo.save(o);',
      '  }',
      '  public List<Order> list() {',
      '    return repo.findAll();',
      '  }',
      '}',
    ].join('\n'),
  };
  const doc = [
    '# Services', // 1
    '', // 2
    '- ✅ ContractService (3 methods)', // 3
    '- ✅ ContractService (4 methods)', // 4
    '- ✅ ContractService (7 methods)', // 5
    '- ✅ OrderService (2 methods)', // 6
    '- ✅ OrderService (5 methods)', // 7
  ].join('\n');
  const { at } = verifier('SERVICES.md')(tree, doc);

  it('the methods its body defines are the count, all of them or those not private', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(4).verdict).toBe('confirmed');
    expect(at(6).verdict).toBe('confirmed');
    expect(at(6).evidence[0]).toMatchObject({ path: 'src/main/java/shop/OrderService.java', line: 3 });
  });
  it('another number: the document is out of date', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toMatch(/defines 4/);
    expect(at(7).verdict).toBe('contradicted');
  });
});

describe('a document that counts the same class on every line', () => {
  it('reads the class once for all of them, with the same verdicts', () => {
    // Hostile: a large file defining the class, and a document naming it on hundreds of lines; each line
    // split the whole file again (claims × file size).
    const methods = Array.from({ length: 9 }, (_, i) => `  public m${i}(x: number): number {\n    return x;\n  }`);
    const tree: Tree = {
      'package.json': '{"name":"x","dependencies":{"express":"4"}}',
      'src/abc.service.ts': [
        'export class AbcService {',
        ...methods,
        '}',
        ...Array.from({ length: 20_000 }, () => '// padding of the file'),
      ].join('\n'),
    };
    const n = 300;
    const doc = [
      '# Services',
      '',
      ...Array.from({ length: n }, (_, i) => `- ✅ AbcService (${i === n - 1 ? 8 : 9} methods) item ${i}`),
    ].join('\n');
    const { result } = verifier('SERVICES.md')(tree, doc);
    const verdicts = result.claims.map((c) => c.verdict);
    expect(verdicts).toHaveLength(n);
    expect(verdicts.slice(0, -1).every((v) => v === 'confirmed')).toBe(true);
    expect(verdicts.at(-1)).toBe('contradicted');
    expect(result.claims[0]!.reason).toMatch(/AbcService has 9 methods; its body at src\/abc\.service\.ts:1 defines 9/);
  });
});
