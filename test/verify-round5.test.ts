/**
 * readiness verify: classes found on round 5 (used for development), each on a small document of
 * our own against an in-memory tree. A confirmation rests on a lookup that found exactly what the
 * claim names — its count too; a stale count is contradicted.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const verifyIn = verifier('REVIEW.md');

const phpTest = (cls: string, n: number) =>
  [
    '<?php',
    `class ${cls} extends TestCase {`,
    ...Array.from({ length: n }, (_, i) => `  public function test_case_${i}(): void { $this->assertTrue(true); }`),
    '}',
  ].join('\n');

describe('a dependency stands for a word only when the word is the package itself', () => {
  const tree: Tree = {
    'composer.json': JSON.stringify({
      require: { 'acme/framework': '^3.0', 'acme/ledger': '^2.1', 'orbit/acme-widget-plugin': '^1.0' },
    }),
    'src/Ledger.php': '<?php class Ledger {}',
  };
  it('a vendor prefix or the host of a plugin does not confirm a claim about the framework', () => {
    const { at } = verifyIn(
      tree,
      ['# Review', '', '- ✅ Proper use of Acme conventions', '- ✅ Billing via Ledger'].join('\n'),
    );
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toMatch(/acme\/ledger/);
  });
});

describe('a count the claim gives must be counted before the claim is confirmed', () => {
  const tree: Tree = {
    'svc/requirements.txt': 'flask==3.0\nrequests==2.31\n',
    'svc/app.py': 'print(1)\n',
  };
  it('a file that exists with a count nobody compared stays unverifiable', () => {
    const { at } = verifyIn(
      tree,
      ['# Validation', '', '- ✅ `svc/app.py` (4 unsafe blocks)', '- ✅ `svc/app.py` exists'].join('\n'),
    );
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toMatch(/figure .*4/);
    expect(at(4).verdict).toBe('confirmed');
  });
  it('a stated line count holds within a line or two; further off it is out of date', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `x = ${i}`).join('\n');
    const { at } = verifyIn(
      { 'tools/gen.py': ten },
      [
        '# Files',
        '',
        '- ✅ `tools/gen.py` (14 lines)',
        '- ✅ `tools/gen.py` (10 lines)',
        '- ✅ `tools/gen.py` (~11 lines)',
      ].join('\n'),
    );
    // A file whose size no longer matches says the document is out of date (round 15, sixth session);
    // a line or two off is what wc -l reads after an edit (rounds 30–32: lengthAgreement).
    expect(at(3).verdict, at(3).reason).toBe('contradicted');
    expect(at(4).verdict).toBe('confirmed');
    expect(at(5).verdict).toBe('confirmed');
  });
});

describe('test counts are checked exactly, in the file a heading names, and passing stays a run result', () => {
  const tree: Tree = {
    'composer.json': JSON.stringify({ 'require-dev': { 'phpunit/phpunit': '^11' } }),
    'tests/Unit/AlphaTest.php': phpTest('AlphaTest', 6),
    'tests/Feature/BetaTest.php': phpTest('BetaTest', 4),
  };
  it('a count two off the files is out of date; the same count is confirmed; "~" allows a margin', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Tests',
        '',
        '- Unit tests: 8 tests',
        '- Unit tests: 6 tests',
        '- Feature tests: 4 tests',
        '- About ~11 tests in all',
      ].join('\n'),
    );
    expect(at(3).verdict).toBe('contradicted');
    expect(at(4).verdict).toBe('confirmed');
    expect(at(5).verdict).toBe('confirmed');
  });
  it('"N/N tests PASSED" under a heading naming a test file counts that file; passing is not confirmed', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Results',
        '',
        '### AlphaTest.php',
        '✅ **6/6 tests PASSED** (100% success rate)',
        '',
        '### BetaTest.php',
        '✅ **5/5 tests PASSED**',
      ].join('\n'),
    );
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(4).reason).toMatch(/AlphaTest/);
    expect(at(7).verdict).toBe('contradicted');
  });
  it('a stale total beside skipped tests is still a count', () => {
    const { at } = verifyIn(tree, ['# Status', '', '**Test Status:** ✅ 12 tests passing, 2 skipped'].join('\n'));
    expect(at(3).verdict).toBe('contradicted');
  });
});

describe('a setting contradicts a value only when it is the setting the claim names', () => {
  const tree: Tree = {
    '.lintrc.yml': [
      'checks:',
      '  copycat:',
      '    enabled: true',
      'custom:',
      '  copy-detector:',
      '    max-copies-per-file: 5',
      '    similarity-ratio: 0.8',
      'server:',
      '  SERVICE_PORT: 8001',
      '  pool-size: 10',
    ].join('\n'),
  };
  it('another key that shares a word, a share or a port is not the value claimed', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Lint',
        '',
        '- ✅ copycat: copy detector check (threshold 150)',
        '- ✅ SERVICE检查 (100% 通过)',
        '- ✅ Server pool size: 20',
      ].join('\n'),
    );
    expect(at(3).verdict).not.toBe('contradicted');
    expect(at(4).verdict).not.toBe('contradicted');
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toMatch(/pool-size is 10/);
  });
});

describe('a claim about the tests of a thing is judged by the tests, not by the thing', () => {
  const code: Tree = {
    'package.json': JSON.stringify({ dependencies: { express: '^4.0.0', jsonwebtoken: '^9.0.0' } }),
    'src/auth.js':
      "const jwt = require('jsonwebtoken');\nmodule.exports = (req) => jwt.verify(req.headers.authorization, process.env.KEY);\n",
  };
  const doc = [
    '# Test status',
    '',
    '- Authentication Tests ....... ❌ MISSING (security critical)',
    '- Billing Tests .............. ✅ present',
    '- mailer - Email testing',
  ].join('\n');
  it('with no test files at all, "Authentication Tests MISSING" holds though authentication is in the code', () => {
    const { at } = verifyIn(code, doc);
    expect(at(3)).toMatchObject({ verdict: 'confirmed', basis: 'tests' });
    expect(at(4)).toMatchObject({ verdict: 'contradicted', basis: 'tests' });
  });
  it('a test file named for the thing contradicts "missing"; none named for it settles nothing', () => {
    const { at } = verifyIn(
      { ...code, 'test/auth.test.js': "test('rejects a bad token', () => { expect(1).toBe(1); });\n" },
      doc,
    );
    expect(at(3)).toMatchObject({ verdict: 'contradicted', basis: 'tests' });
    expect(at(4)).toMatchObject({ verdict: 'unverifiable', basis: 'tests' });
  });
  it('"No test project exists" is the whole suite', () => {
    const docNone = ['# Gaps', '', '- ❌ No test project exists', '- ❌ No test infrastructure'].join('\n');
    expect(verifyIn(code, docNone).at(3)).toMatchObject({ verdict: 'confirmed', basis: 'tests' });
    const withTests = { ...code, 'test/auth.test.js': "test('x', () => { expect(1).toBe(1); });\n" };
    expect(verifyIn(withTests, docNone).at(4)).toMatchObject({ verdict: 'contradicted', basis: 'tests' });
  });
});

describe('a file called unused or not needed is claimed to be there', () => {
  it('gone since, the line is out of date; there, its use is not settled', () => {
    const { at } = verifyIn(
      { 'deploy/web/Dockerfile': 'FROM nginx:1.27-alpine\n', 'app/main.py': 'print(1)\n' },
      [
        '# Docker',
        '',
        '- ⚠️ `deploy/web/Dockerfile` - **Not used** (compose uses an image)',
        '- ❌ `deploy/legacy/` - **Not needed** (generated files)',
        '- ❌ `deploy/ci/` - missing',
      ].join('\n'),
    );
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(4).verdict).toBe('contradicted');
    expect(at(5).verdict).toBe('confirmed');
  });
});

describe('counts of a language’s files: in the folder named, in other word orders, exactly', () => {
  const tree: Tree = {
    'web/app/Models/A.php': '<?php',
    'web/app/Models/B.php': '<?php',
    'web/app/Http/C.php': '<?php',
    'web/routes/api.php': '<?php',
    'web/config/app.php': '<?php',
  };
  it('"3 PHP files in `app/`" counts that folder; the whole project holds 5', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Code',
        '',
        '- ✅ 3 PHP files in `app/`',
        '- ✅ 6 PHP files',
        '- ✅ 5 arquivos PHP validados',
        '',
        '| Métrica | Valor | Status |',
        '|---|---|---|',
        '| **Arquivos PHP** | 4 | ✅ |',
      ].join('\n'),
    );
    expect(at(3).verdict).toBe('confirmed');
    expect(at(4).verdict).toBe('contradicted');
    expect(at(5).verdict).toBe('confirmed');
    expect(at(9).verdict).toBe('contradicted');
  });
});

describe('the version of a language or framework, as the project’s own files state it', () => {
  const tree: Tree = {
    'go.mod': 'module example.org/svc\n\ngo 1.26.4\n',
    'main.go': 'package main\nfunc main() {}\n',
    'a.go': 'package main\n',
    'web/composer.json': JSON.stringify({ require: { php: '^8.2', 'laravel/framework': '^12.0' } }, null, 2),
    'api/Api.csproj':
      '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n',
  };
  it('go.mod, composer.json and the .csproj settle the labelled versions; another version is out of date', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Overview',
        '',
        '**PHP Version:** 8.2+',
        '**Laravel Version:** 12.0',
        '- **Go Version**: 1.25.4 (latest)',
        '- **Framework**: ASP.NET Core 8.0',
        '- **Total Go Files**: 2',
        '- **Ruby Version**: 3.3',
      ].join('\n'),
    );
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
    expect(at(4)).toMatchObject({ verdict: 'confirmed' });
    expect(at(5)).toMatchObject({ verdict: 'contradicted' });
    expect(at(5).reason).toMatch(/1\.26\.4/);
    expect(at(6)).toMatchObject({ verdict: 'confirmed' });
    expect(at(7)).toMatchObject({ verdict: 'confirmed' });
    expect(at(8).verdict).not.toBe('confirmed');
  });
});

describe('a folder tree drawn below its path is that path; "builds cleanly" is a run result', () => {
  const tree: Tree = {
    'internal/domain/entities/user.go': 'package entities\n',
    'internal/app/errors/errors.go': 'package errors\n',
    'cmd/main.go': 'package main\n',
  };
  it('"errors/" under "internal/domain/" is internal/domain/errors, not a folder of that name elsewhere', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Layout',
        '',
        '```',
        'internal/domain/',
        '├── entities/     ✅ Core entities',
        '└── errors/       ✅ Domain errors',
        '```',
        '',
        '```',
        'cmd/              ✅ Entry points',
        'web/templates/    ✅ Templates',
        '```',
        '',
        '- **API docs**: ✅ Rustdoc builds cleanly',
      ].join('\n'),
    );
    expect(at(5).verdict).toBe('confirmed');
    expect(at(6).verdict).toBe('contradicted');
    expect(at(10).verdict).toBe('confirmed');
    expect(at(11).verdict).toBe('contradicted');
    expect(at(14).verdict).toBe('unverifiable');
  });
});

describe('whole-suite counts, test-file counts and a manifest’s dependency count are compared', () => {
  const tree: Tree = {
    'pyproject.toml': '[project]\nname = "svc"\n',
    'tests/test_a.py': 'def test_one():\n    pass\n\ndef test_two():\n    pass\n',
    'tests/test_b.py': 'def test_three():\n    pass\n',
    'svc/requirements.txt': 'flask==3.0\nrequests==2.31\n# a comment\ngunicorn==22.0\n',
  };
  it('"across workspace" and "Comprehensive" name no part of the suite', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Status',
        '',
        '- ✅ All 5 tests passing across workspace',
        '- ✅ Comprehensive test coverage (5 tests, 9 assertions)',
        '- **Test Files**: 3 (40% test coverage)',
        '- **Test Files**: 2',
      ].join('\n'),
    );
    expect(at(3).verdict).toBe('contradicted');
    expect(at(4).verdict).toBe('contradicted');
    expect(at(5).verdict).toBe('contradicted');
    expect(at(6).verdict).toBe('confirmed');
  });
  it('"`requirements.txt` (N dependencies)" counts the manifest’s declared dependencies', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Files',
        '',
        '- ✅ `svc/requirements.txt` (3 dependências)',
        '- ✅ `svc/requirements.txt` (5 dependencies)',
      ].join('\n'),
    );
    expect(at(3).verdict).toBe('confirmed');
    expect(at(4).verdict).toBe('contradicted');
  });
});

describe('a heading naming a test file: its length and test count are checked, the list under it stays open', () => {
  const tests = [
    'import pytest',
    '',
    'def test_session_list():',
    '    assert True',
    '',
    'def test_thread_count():',
    '    assert True',
  ].join('\n');
  const tree: Tree = { 'pyproject.toml': '[project]\nname = "x"\n', 'tests/test_api.py': tests };
  it('"(7 lines, 2 tests)" holds; one figure off is partial; the items are read but not confirmed', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Coverage',
        '',
        '### 1. tests/test_api.py (7 lines, 2 tests)',
        '**Sessions:**',
        '- Session listing',
        '- Module caching',
        '',
        '### 2. tests/test_api.py (12 lines, 2 tests)',
        '',
        '### 3. tests/test_api.py (7 lines, 5 tests)',
      ].join('\n'),
    );
    expect(at(3).verdict).toBe('confirmed');
    expect(at(5).verdict).toBe('unverifiable');
    expect(at(5).reason).toMatch(/test_session_list/);
    expect(at(6).verdict).toBe('unverifiable');
    expect(at(8).verdict).toBe('partially-confirmed');
    expect(at(10).verdict).toBe('partially-confirmed');
  });
});

describe('code a finding shows from a named place must still be there', () => {
  const tree: Tree = {
    'src/web/SecurityConfig.kt': [
      'class SecurityConfig {',
      '  fun chain() {',
      '    csrf.ignoringRequestMatchers("/api/login", "/api/register")',
      '  }',
      '}',
    ].join('\n'),
    'src/web/OrderController.kt': [
      'class OrderController {',
      '  fun rename() {',
      '    throw ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR,',
      '      "Failed to rename order", ex)',
      '  }',
      '}',
    ].join('\n'),
  };
  it('a line gone from the file makes the finding out of date, with the lines shown beside it', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Audit',
        '',
        '## 1. CSRF',
        '',
        '`src/web/SecurityConfig.kt:3` exempts `/graphql` from CSRF protection:',
        '',
        '```kotlin',
        'csrf.ignoringRequestMatchers("/api/login", "/api/register", "/graphql")',
        '```',
        '',
        '## 2. Errors',
        '',
        '```kotlin',
        '// OrderController.kt:3',
        'throw ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR,',
        '    "Failed to rename order: ${ex.message}", ex)',
        '```',
        '',
        '## 3. Still there',
        '',
        '`src/web/SecurityConfig.kt:3` exempts the login routes:',
        '',
        '```kotlin',
        'csrf.ignoringRequestMatchers("/api/login", "/api/register")',
        '```',
      ].join('\n'),
    );
    expect(at(8).verdict, at(8).reason).toBe('contradicted');
    expect(at(15).verdict, at(15).reason).toBe('contradicted');
    expect(at(15).verdict).toBe('contradicted');
    expect(at(16).verdict).toBe('contradicted');
    expect(at(24).verdict).toBe('unverifiable');
    expect(at(24).reason).toMatch(/as shown/);
  });
});

describe('a linter or a service a line leads with is looked up in the list that names it', () => {
  const tree: Tree = {
    '.golangci.yml': [
      'version: "2"',
      'linters:',
      '  enable:',
      '    - dupl',
      '    - noctx',
      '  disable:',
      '    - wsl',
    ].join('\n'),
    'compose.yaml': [
      'services:',
      '  api:',
      '    image: acme/api',
      '  queue:',
      '    image: acme/api',
      'volumes:',
      '  data:',
    ].join('\n'),
    'main.go': 'package main\n',
  };
  it('enabled linters and defined services confirm; a disabled linter contradicts; settings in parentheses are not read as enabled', () => {
    const { at, has } = verifyIn(
      tree,
      [
        '# Quality',
        '',
        '- **dupl**, **noctx** ✅ Duplication and HTTP context checks',
        '- **wsl** ✅ Whitespace linter',
        '- **noctx** ✅ HTTP context (max 3 per file)',
        '',
        '**Services Running:**',
        '- ✅ `queue` - Dedicated worker',
        '- ✅ `cron` - Scheduler',
      ].join('\n'),
    );
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toMatch(/enables dupl, noctx/);
    expect(at(4).verdict).toBe('contradicted');
    expect(at(5).verdict).not.toBe('confirmed');
    expect(at(8).verdict).toBe('confirmed');
    if (has(9)) expect(at(9).verdict).not.toBe('confirmed');
  });
});

describe('areas under "Test Categories", priorities, scores out of 25 and a library as a label’s value', () => {
  const tree: Tree = {
    'Cargo.toml': '[package]\nname = "k"\nversion = "0.1.0"\n\n[dependencies]\nthiserror = "1"\n',
    'src/lib.rs': 'pub fn f() {}\n',
    'tests/queue_test.rs': '#[test]\nfn drains() {}\n',
  };
  it('each reads as a careful reader would', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Review',
        '',
        '**Test Categories:**',
        '- ✅ Queues (workers)',
        '',
        '## Security',
        '- ❌ IMMEDIATE: Secure the JWT configuration (hardcoded secrets)',
        '',
        '| Area | Score | Verdict |',
        '|---|---|---|',
        '| Test Coverage | 🔴 0/25 | CRITICAL |',
        '',
        '- ✅ **Error Handling**: thiserror',
      ].join('\n'),
    );
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(4).reason).toMatch(/queue_test\.rs/);
    expect(at(7).verdict).toBe('unverifiable');
    expect(at(11).verdict).toBe('unverifiable');
    expect(at(13).verdict).toBe('confirmed');
    expect(at(13).basis).toBe('dependency');
  });
});

describe('a breakdown of the suite written in a block counts each kind and the total', () => {
  const tree: Tree = {
    'composer.json': JSON.stringify({ 'require-dev': { 'phpunit/phpunit': '^11' } }),
    'tests/Unit/AlphaTest.php': phpTest('AlphaTest', 6),
    'tests/Feature/BetaTest.php': phpTest('BetaTest', 4),
  };
  it('"Unit Tests: 6 tests" holds, "Feature Tests: 3 tests" and "Total: 12 tests" are out of date', () => {
    const { at, has } = verifyIn(
      tree,
      [
        '# Testing',
        '',
        '**Test Breakdown:**',
        '```',
        'Unit Tests:     6 tests (20 assertions)',
        'Feature Tests:  3 tests (9 assertions)',
        'Total:          12 tests (29 assertions)',
        'Skipped:        1 test',
        '```',
      ].join('\n'),
    );
    expect(at(5).verdict).toBe('confirmed');
    expect(at(6).verdict).toBe('contradicted');
    expect(at(7).verdict).toBe('contradicted');
    if (has(8)) expect(at(8).verdict).toBe('unverifiable');
  });
});

describe('a count of containers or compose services is the services a compose file defines', () => {
  const tree: Tree = {
    'docker-compose.yml': [
      'services:',
      '  db:',
      '    image: postgres:16',
      '  api:',
      '    build: .',
      '  web:',
      '    build: web',
    ].join('\n'),
  };
  it('three services: "3 Docker services" holds; "| Containers Docker | 8 |" is out of date', () => {
    const { at } = verifyIn(
      tree,
      [
        '# Infra',
        '',
        '- ✅ 3 Docker services configured',
        '',
        '| Métrica | Valor | Status |',
        '|---|---|---|',
        '| **Containers Docker** | 8 | ✅ |',
      ].join('\n'),
    );
    expect(at(3).verdict).toBe('confirmed');
    expect(at(7).verdict).toBe('contradicted');
  });
});
