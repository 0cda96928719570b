/**
 * readiness verify: contradictions found (rounds 5–15 used for development, sixth session) — each
 * class on a small document of our own against an in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { statusOf } from '../src/verify/status.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a language or framework version named in passing is compared with the manifests', () => {
  const tree: Tree = {
    'api/pom.xml': [
      '<project>',
      '  <properties>',
      '    <java.version>17</java.version>',
      '  </properties>',
      '</project>',
    ].join('\n'),
    'web/package.json': JSON.stringify({ name: 'kettle-web', dependencies: { react: '^18.2.0' } }, null, 2),
  };
  const doc = [
    '# Kettle', // 1
    '', // 2
    '- ✅ Modern Java 21 LTS', // 3
    '- ✅ React 18', // 4
    '- ✅ React 19', // 5
    '- Upgrade to Java 21 next quarter', // 6
    '- ✅ Modern React 18 features properly implemented', // 7
  ].join('\n');
  const { at, has } = verifier('NOTES.md')(tree, doc, reportWith([]));

  it('a different declared version: contradicted, naming both with file:line', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('api/pom.xml:3');
    expect(at(3).reason).toContain('17');
    expect(at(3).evidence[0]).toMatchObject({ path: 'api/pom.xml', line: 3 });
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('^18.2.0');
  });

  it('the same major: confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]?.path).toBe('web/package.json');
  });

  it('a version one moves to, or a judgement of the work, is not the version in use', () => {
    if (has(6)) expect(at(6).verdict).not.toBe('contradicted');
    // (line 7 may still be confirmed by the dependency itself; the version is not what decides it)
    if (has(7)) expect(at(7).basis).not.toBe('config');
  });
});

describe('a count of migrations is compared with the migration files the rule counted', () => {
  const migrations = {
    id: 'architecture/database-migrations',
    outcome: 'pass',
    message: 'Schema changes are versioned (Laravel migrations; 12 migration file(s)).',
    evidence: [{ path: 'database/migrations/2024_01_01_000000_create_pots_table.php', line: 1 }],
    data: { tools: ['Laravel migrations'], migrations: 12, clients: [] },
  };
  const doc = [
    '# Database', // 1
    '', // 2
    '- ✅ All 9 migrations in place', // 3
    '- ✅ 12 migrations', // 4
    '- ✅ Migrations: 12/10', // 5
    '- ✅ 2 new migrations added this sprint', // 6
  ].join('\n');
  const { at, has } = verifier('DB.md')({ 'README.md': '# pots\n' }, doc, reportWith([migrations]));

  it('a stale count: contradicted, with both numbers and the rule evidence', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('12 migration file(s)');
    expect(at(3).reason).toContain('9');
    expect(at(3).evidence[0]?.path).toContain('database/migrations/');
  });

  it('the same count: confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(5).verdict).toBe('confirmed');
  });

  it('a count of new migrations is not the total', () => {
    if (has(6)) expect(at(6).verdict).not.toBe('contradicted');
  });
});

describe('a Python test class named with its count is counted in its body', () => {
  const tree: Tree = {
    'app/models.py': 'class Pot:\n    pass\n',
    'tests/test_models.py': [
      'import pytest', // 1
      '', // 2
      'class TestPotModel:', // 3
      '    def test_create(self):', // 4
      '        assert True', // 5
      '', // 6
      '    def test_pour(self):', // 7
      '        assert True', // 8
      '', // 9
      'class TestLidModel:', // 10
      '    def test_close(self):', // 11
      '        assert True', // 12
      '', // 13
      'def test_free_function():', // 14
      '    assert True', // 15
    ].join('\n'),
  };
  const doc = [
    '# Tests', // 1
    '', // 2
    '- ✓ TestPotModel (5 tests)', // 3
    '- ✓ TestLidModel (1 test)', // 4
  ].join('\n');
  const { at } = verifier('TESTS.md')(tree, doc, reportWith([]));

  it('fewer test methods than said: contradicted, with the class at file:line', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('tests/test_models.py:3');
    expect(at(3).reason).toContain('2 test methods');
  });

  it('the same count: confirmed (the next class and free functions are not counted)', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: 'tests/test_models.py', line: 10 });
  });
});

describe('a warning sign or severity circle beside words of absence marks an absence', () => {
  it('"⚠️ X: not implemented" is not-done; "⚠️ X: partially implemented" and "optional" stay partial', () => {
    expect(statusOf('⚠️ Rate limiting: not implemented')).toBe('not-done');
    expect(statusOf('⚠️ Rate Limiting: Não implementado')).toBe('not-done');
    expect(statusOf('⚠️ Rate limiting: partially implemented, missing on /login')).toBe('partial');
    expect(statusOf('⚠️ Staging deployment (not implemented, optional)')).toBe('partial');
    expect(statusOf('⚠️ Input validation: basic')).toBe('partial');
  });

  it('a severity circle yields to words of absence', () => {
    expect(statusOf('Ausência de Rate Limiting (Severidade: 🟡 Média)')).toBe('not-done');
  });

  it('so a rate limiter in the code contradicts it', () => {
    const tree: Tree = {
      'package.json': JSON.stringify({ name: 'teapot', dependencies: { express: '^4.0.0' } }),
      'src/app.js': "const express = require('express');\nmodule.exports = express();\n",
    };
    const rate = {
      id: 'reliability/rate-limiting',
      outcome: 'pass',
      message: 'Rate limiting found: 2 call sites in 1 file',
      evidence: [{ path: 'src/app.js', line: 2, snippet: 'rateLimit({ max: 100 })' }],
    };
    const doc = ['# Gaps', '', '- ⚠️ Rate limiting: not implemented'].join('\n');
    const { at } = verifier('GAPS.md')(tree, doc, reportWith([rate]));
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).evidence[0]?.path).toBe('src/app.js');
  });
});

describe('"no tests for X" is contradicted by test files named for X', () => {
  const tree: Tree = {
    'go.mod': 'module example.com/kettle\n\ngo 1.22\n',
    'internal/repository/pot_repository.go': 'package repository\n',
    'internal/repository/pot_repository_test.go':
      'package repository\n\nimport "testing"\n\nfunc TestPotSave(t *testing.T) {}\nfunc TestPotFind(t *testing.T) {}\n',
    'internal/handler/pot.go': 'package handler\n',
  };
  const doc = [
    '# Gaps', // 1
    '', // 2
    '- ❌ No hay tests para repositories', // 3
    '- ❌ No tests for the handlers', // 4
  ].join('\n');
  const { at } = verifier('GAPS.md')(tree, doc, reportWith([]));

  it('tests named for the thing exist: contradicted, naming the file', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).evidence[0]?.path).toBe('internal/repository/pot_repository_test.go');
  });

  it('none named for it: not contradicted', () => {
    expect(at(4).verdict).not.toBe('contradicted');
  });
});

describe('the size of a file the line names is counted', () => {
  const tree: Tree = {
    'README.md': `${Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n')}\n`,
    'tests/test_pots.py': `${Array.from({ length: 12 }, () => 'assert True').join('\n')}\n`,
  };
  const doc = [
    '# Files', // 1
    '', // 2
    '- ✅ tests/test_pots.py (90 lines)', // 3
    '- ✅ tests/test_pots.py (12 lines)', // 4
    '- [x] README.md: 30+ lines', // 5
    '- [x] README.md: 500+ lines', // 6
    '- Files: tests/test_pots.py (88 lines added)', // 7
  ].join('\n');
  const { at, has } = verifier('FILES.md')(tree, doc, reportWith([]));

  it('a different size: contradicted, with the count', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('12 lines');
    expect(at(3).evidence[0]?.path).toBe('tests/test_pots.py');
    expect(at(6).verdict).toBe('contradicted');
  });

  it('lines a change added are the size of a diff, not of the file', () => {
    if (has(7)) expect(at(7).verdict).not.toBe('contradicted');
  });

  it('the same size, or more than a floor: confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(5).verdict).toBe('confirmed');
  });
});

describe('"no tests at all" in other languages is contradicted by the suite', () => {
  const tree: Tree = {
    'package.json': JSON.stringify({ name: 'teapot', devDependencies: { vitest: '^1.0.0' } }),
    'src/pot.js': 'module.exports = 1;\n',
    'test/pot.test.js': "import { it } from 'vitest';\nit('pours', () => {});\nit('boils', () => {});\n",
  };
  const doc = [
    '# Lacunas', // 1
    '', // 2
    '1. **Ausência Total de Testes Automatizados** (Severidade: 🔴 Alta)', // 3
    '- ❌ Keine Tests', // 4
  ].join('\n');
  const { at } = verifier('LACUNAS.md')(tree, doc, reportWith([]));

  it('the test files are named as the evidence', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).evidence[0]?.path).toBe('test/pot.test.js');
    expect(at(4).verdict).toBe('contradicted');
  });
});
