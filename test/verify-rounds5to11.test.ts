/**
 * readiness verify: classes found on rounds 5–11 together (used for development, fourth helper), each on
 * a small document of our own against an in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a documentation index: a line that opens with a link to a file says the file is there', () => {
  const tree: Tree = {
    'README.md': '# Orchard\n',
    'docs/README.md': '# Docs hub\n',
    'docs/guide/SETUP.md': '# Setup\n',
    'docs/guide/alerts.yml': 'groups: []\n',
    'docs/ops/RUNBOOK.md': '# Runbook\n',
    'src/Orchard.java': 'class Orchard {}\n',
  };
  const doc = [
    '# Guide index', //  1
    '', //  2
    '| Document | Purpose |', //  3
    '|---|---|', //  4
    '| **[SETUP.md](./SETUP.md)** | How to install |', //  5
    '| **[HARVEST_PLAN.md](./HARVEST_PLAN.md)** | Harvest planning |', //  6
    '', //  7
    '👉 **[Runbook](../ops/RUNBOOK.md)** - On-call steps', //  8
    '- [Alerts](alerts.yml)', //  9
    '- [Docs hub](../README.md)', // 10
    '- [Guides folder](../guide/)', // 11
    '- [Website](https://example.org/orchard.html)', // 12
    '- ❌ [Orchard.java](../../src/Orchard.java) - no input validation', // 13
    '', // 14
    'The plan is described in [HARVEST_PLAN.md](./HARVEST_PLAN.md) as well.', // 15
    '- [Setup again](SETUP.md)', // 16
    '', // 17
    '```', // 18
    '- [Pruning](PRUNING.md)', // 19
    '```', // 20
  ].join('\n');
  const { at, has } = verifier('docs/guide/INDEX.md', true)(tree, doc, reportWith([]));

  it("a linked file that exists, resolved from the document's folder: confirmed", () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]?.path).toBe('docs/guide/SETUP.md');
    expect(at(8).verdict).toBe('confirmed');
    expect(at(9).verdict).toBe('confirmed');
    expect(at(10).verdict).toBe('confirmed');
    expect(at(10).evidence[0]?.path).toBe('docs/README.md');
  });

  it('a linked file that is not there: contradicted, naming the path looked for', () => {
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('docs/guide/HARVEST_PLAN.md');
  });

  it('folder links, web links, links after a status mark, in a sentence, repeated or in a fence are not index entries', () => {
    for (const line of [11, 12, 15, 16, 19]) expect([line, has(line)]).toEqual([line, false]);
    if (has(13)) expect(at(13).reason).not.toContain('links to');
  });
});

describe("a document header's release version: the manifest's version settles it", () => {
  const cargo: Tree = {
    'Cargo.toml': '[package]\nname = "plumb"\nversion = "0.4.1"\n',
    'src/lib.rs': 'pub fn f() {}\n',
  };
  const header = (v: string) => ['# Plumb status', '', `**Version**: ${v}`, '**Status**: in progress', ''];

  it('a stale version is contradicted, naming both', () => {
    const { at } = verifier('STATUS.md')(cargo, header('0.1.0').join('\n'));
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('0.4.1');
    expect(at(3).reason).toContain('0.1.0');
  });

  it('the same version confirms; a later mention, a two-part or a staged version is not read', () => {
    const doc = [...header('0.4.1'), '**Version:** 1.0', ...Array(20).fill(''), '- Version: 0.4.1'].join('\n');
    const { at, has } = verifier('STATUS.md')(cargo, doc);
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]?.path).toBe('Cargo.toml');
    expect(has(6)).toBe(false);
    expect(has(27)).toBe(false);
    const staged = verifier('STATUS.md')(cargo, header('1.0.0-PRODUCTION').join('\n'));
    expect(staged.has(3)).toBe(false);
  });
});

describe('a whole-suite pass count said in words of passing ("Test suite passes", "Todos os testes passando")', () => {
  const tree: Tree = {
    'pyproject.toml': '[project]\nname = "ledger"\n',
    'ledger/core.py': 'def add(a, b):\n    return a + b\n',
    'tests/test_core.py': `${Array.from({ length: 9 }, (_, i) => `def test_add_${i}():\n    assert True\n`).join('\n')}`,
  };

  it('a stale count is contradicted against the whole suite', () => {
    const doc = [
      '# Ledger status',
      '',
      'Test suite passes: **5 passed, 0 failed**',
      '',
      '- Todos os testes passando: 5/5 testes',
    ].join('\n');
    const { at } = verifier('STATUS.md')(tree, doc);
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('9');
    expect(at(5).verdict).toBe('contradicted');
  });

  it('the right count is not confirmed: that they pass only a run shows', () => {
    const { at } = verifier('STATUS.md')(
      tree,
      ['# Ledger status', '', 'Test suite passes: **9 passed, 0 failed**'].join('\n'),
    );
    expect(at(3).verdict).toBe('unverifiable');
  });
});

describe('label lines of a fenced summary block are read like the same labels outside a fence', () => {
  const tree: Tree = {
    'pyproject.toml': '[project]\nname = "ledger"\n',
    'ledger/core.py': 'def add(a, b):\n    return a + b\n',
    'tests/test_core.py': `${Array.from({ length: 12 }, (_, i) => `def test_add_${i}():\n    assert True\n`).join('\n')}`,
  };
  const doc = [
    '# Ledger status', // 1
    '', // 2
    '```', // 3
    'Tests:              7/7 passing ✅', // 4
    'Skipped:            2 tests', // 5
    'Performance:        <1ms per call ✅', // 6
    '```', // 7
    '', // 8
    '```python', // 9
    'Tests:  7', // 10
    '```', // 11
  ].join('\n');
  const { at, has } = verifier('STATUS.md')(tree, doc);

  it('a stale test count in the block is contradicted with both numbers', () => {
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('7');
    expect(at(4).reason).toContain('12');
  });

  it('a run figure is read but not confirmed; skipped counts and code fences are not read', () => {
    if (has(6)) expect(at(6).verdict).toBe('unverifiable');
    expect(has(5)).toBe(false);
    expect(has(10)).toBe(false);
  });
});

describe('a test file and its count written as a bold label ("**orders/tests.py (3 testes):**")', () => {
  const tree: Tree = {
    'manage.py': 'import os\nfrom django.core.management import execute_from_command_line\n',
    'requirements.txt': 'Django==5.0\n',
    'orders/__init__.py': '',
    'people/__init__.py': '',
    'orders/models.py': 'class Order:\n    pass\n',
    'orders/tests.py':
      'from django.test import TestCase\n\nclass OrderTests(TestCase):\n    def test_a(self):\n        pass\n\n    def test_b(self):\n        pass\n\n    def test_c(self):\n        pass\n',
    'people/tests.py':
      'from django.test import TestCase\n\nclass PeopleTests(TestCase):\n    def test_a(self):\n        pass\n',
  };
  const doc = [
    '# Status', // 1
    '', // 2
    '**orders/tests.py (3 testes):**', // 3
    '- create order', // 4
    '', // 5
    '**people/tests.py (4 tests):**', // 6
    '- list people', // 7
    '', // 8
    '**tests.py (2 tests):**', // 9
  ].join('\n');
  const { at, has } = verifier('STATUS.md')(tree, doc);

  it('the count the file holds confirms; another count is contradicted with both', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]?.path).toBe('orders/tests.py');
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('1 test cases, not 4');
  });

  it('a bare tests.py, which names no one file, is not read as a test file', () => {
    if (has(9)) expect(at(9).reason).not.toContain('test cases');
  });
});
