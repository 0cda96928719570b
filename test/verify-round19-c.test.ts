/**
 * readiness verify: agreement (rounds 5–18, eighth session) — claims a careful reader settles that
 * verify left open or half-settled, each on a small document of our own against an in-memory tree.
 * A name the search finds only in test files is in the repository (a fixture, a test class, a
 * library's class the tests import), and gone from the product when the line says it was removed; a
 * rule's partial outcome confirms a done-claim whose words name only what the rule found.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const rule = (id: string, outcome: string, message = id, evidence: { path: string; line?: number }[] = []) => ({
  id,
  outcome,
  message,
  evidence: evidence.length ? evidence : [{ path: '.' }],
  score: outcome === 'pass' ? 1 : outcome === 'partial' ? 0.5 : 0,
});

describe('a name written only in test files', () => {
  const tree: Tree = {
    'package.json': '{"name":"kiosk","version":"1.0.0","dependencies":{"express":"^4.19.0"}}\n',
    'src/server.js': "const express = require('express');\nmodule.exports = express();\n",
    'test/helpers.js': 'function makeKioskOrder() {\n  return { id: 1 };\n}\nmodule.exports = { makeKioskOrder };\n',
    'test/legacy.test.js':
      "function parseLegacyYaml(s) {\n  return s;\n}\ntest('reads', () => parseLegacyYaml('a: 1'));\n",
  };
  const doc = [
    '# Kiosk status', // 1
    '', // 2
    '- ✅ Fixture `makeKioskOrder` for orders', // 3
    '- ✅ Removed deprecated `parseLegacyYaml`', // 4
    '- ✅ `makeKioskInvoice` added', // 5
  ].join('\n');

  it('is found: the helper is in the repository', () => {
    const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toContain('in tests only');
    expect(at(3).evidence[0]?.path).toBe('test/helpers.js');
  });

  it('is gone from the product when the line says it was removed', () => {
    const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toContain('left only in tests');
  });

  it('a name written nowhere is still not found', () => {
    const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));
    expect(at(5).verdict).toBe('contradicted');
  });

  it('a removed name still in product code is not called gone', () => {
    const kept: Tree = { ...tree, 'src/config.js': "const v = parseLegacyYaml('a: 1');\n" };
    const { at } = verifier('STATUS.md')(kept, doc, reportWith([]));
    expect(at(4).reason).not.toContain('left only in tests');
    expect(at(4).evidence.some((e) => e.path === 'src/config.js')).toBe(true);
  });
});

describe("a rule's partial outcome beside a done-claim", () => {
  const tree: Tree = {
    'go.mod': 'module example.com/depot\n\ngo 1.22\n',
    'cmd/depot/main.go': 'package main\n\nfunc main() {}\n',
    'internal/health/health.go': 'package health\n\n// Handle answers /healthz.\nfunc Handle() {}\n',
  };
  const health = () =>
    reportWith([
      rule(
        'observability/health-endpoints',
        'partial',
        'A health endpoint exists, but no separate readiness endpoint.',
        [{ path: 'internal/health/health.go', line: 3 }],
      ),
    ]);
  const doc = [
    '# Depot status', // 1
    '', // 2
    '- ✅ Health check endpoint (database ping)', // 3
    '- ✅ Health checks: liveness and readiness', // 4
    '- ✅ Health checks on all services', // 5
  ].join('\n');

  it('confirms a claim that names only what the rule found, citing it', () => {
    const { at } = verifier('STATUS.md')(tree, doc, health());
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toContain('no separate readiness endpoint');
    expect(at(3).evidence[0]).toMatchObject({ path: 'internal/health/health.go', line: 3 });
  });

  it('stays partial when the claim names what the rule misses', () => {
    const { at } = verifier('STATUS.md')(tree, doc, health());
    expect(at(4).verdict).toBe('partially-confirmed');
  });

  it('stays partial when the claim gives a scope ("all")', () => {
    const { at } = verifier('STATUS.md')(tree, doc, health());
    expect(at(5).verdict).toBe('partially-confirmed');
  });

  it('stays partial when the rule found only declared libraries', () => {
    const report = reportWith([
      rule(
        'observability/health-endpoints',
        'partial',
        'Health libraries are declared (healthcheck-go), but no code serves them.',
      ),
    ]);
    const { at } = verifier('STATUS.md')(tree, doc, report);
    expect(at(3).verdict).toBe('partially-confirmed');
  });
});

describe('a count the line gives as the length of its own list', () => {
  const tree: Tree = {
    'composer.json': '{"name":"acme/shelf","require":{"php":"^8.2"}}\n',
    'app/Services/ShelfService.php': '<?php\nclass ShelfService {}\n',
    'app/Services/BinService.php': '<?php\nclass BinService {}\n',
  };
  const doc = [
    '# Shelf status', // 1
    '', // 2
    '- ✅ Created 2 Services (ShelfService, BinService)', // 3
    '- ✅ Created 3 Services (ShelfService, BinService)', // 4
    '- ✅ Created 2 Services (ShelfService, CrateService)', // 5
  ].join('\n');

  it('is counted when the list has that many names and each is found', () => {
    const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence.map((e) => e.path)).toContain('app/Services/BinService.php');
    expect(at(3).reason).toContain('the names it lists');
  });

  it('is not counted when the list is shorter than the figure', () => {
    const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));
    expect(at(4).verdict).not.toBe('confirmed');
  });

  it('is not counted when a name of the list is missing', () => {
    const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));
    expect(at(5).verdict).not.toBe('confirmed');
  });
});

describe('a test file named with its count of test cases', () => {
  const tree: Tree = {
    'package.json': '{"name":"pantry","version":"1.0.0","devDependencies":{"vitest":"^3.0.0"}}\n',
    'src/stock.ts': 'export const stock = (n: number) => n;\n',
    'tests/stock.test.ts':
      "import { it, expect } from 'vitest';\nimport { stock } from '../src/stock';\nit('keeps', () => expect(stock(1)).toBe(1));\nit('zero', () => expect(stock(0)).toBe(0));\n",
  };
  const doc = [
    '# Pantry tests', // 1
    '', // 2
    '- ✅ tests/stock.test.ts - 2/2 (100%)', // 3
    '- ✅ tests/stock.test.ts - 3/3 (100%)', // 4
    '- ✅ tests/stock.test.ts (2 tests) - 15 min', // 5
  ].join('\n');

  it('is counted when the file holds that many test cases', () => {
    const { at } = verifier('TESTS.md')(tree, doc, reportWith([]));
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toContain('2 test cases counted in tests/stock.test.ts');
  });

  it('is not confirmed when the count differs', () => {
    const { at } = verifier('TESTS.md')(tree, doc, reportWith([]));
    expect(at(4).verdict).not.toBe('confirmed');
  });

  it('is not counted when the line gives another figure beside it', () => {
    const { at } = verifier('TESTS.md')(tree, doc, reportWith([]));
    expect(at(5).reason).not.toContain('as the line says');
  });
});
