/**
 * readiness verify: stale findings (round 22, development set). Each case is a small document of our
 * own against an in-memory tree: an audit finding that shows the code it is about is judged on whether
 * the files it names still hold that code.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('code a finding shows under its "Location:" and "Issue:"', () => {
  const tree: Tree = {
    'composer.json': '{"require":{"laravel/framework":"^12.0"}}\n',
    'app/Services/Mail/SendGrid.php':
      "<?php\nclass SendGrid {\n    public function __construct() {\n        $this->apiKey = config('mail.sendgrid.key');\n    }\n}\n",
    'app/Services/Mail/Mailgun.php':
      "<?php\nclass Mailgun {\n    public function __construct() {\n        $this->secret = config('mail.mailgun.secret');\n    }\n}\n",
    'app/Http/Controllers/Files.php':
      '<?php\nclass Files {\n    public function show(string $path)\n    {\n        $bytes = Storage::get($path);\n    }\n}\n',
  };
  const doc = [
    '# Audit', // 1
    '', // 2
    '### 1. Direct env() calls', // 3
    '**Location:**', // 4
    '- `app/Services/Mail/SendGrid.php` (line 23)', // 5
    '- `app/Services/Mail/Mailgun.php` (lines 19-20)', // 6
    '', // 7
    '**Issue:** Using `env()` fallback in config values breaks config caching.', // 8
    '', // 9
    '```php', // 10
    "$this->apiKey = config('mail.sendgrid.key', env('SENDGRID_KEY'));", // 11
    '```', // 12
    '', // 13
    '**Solution:** Remove the fallback:', // 14
    '```php', // 15
    "$this->apiKey = config('mail.sendgrid.missing');", // 16
    '```', // 17
    '', // 18
    '### 2. Path traversal', // 19
    '**Location:** `app/Http/Controllers/Files.php` (line 3)', // 20
    '', // 21
    '**Issue:** The `$path` parameter is not sanitized.', // 22
    '', // 23
    '```php', // 24
    'public function show(string $path)', // 25
    '$bytes = Storage::get($path);', // 26
    '```', // 27
  ].join('\n');
  const { at, result } = verifier('AUDIT.md')(tree, doc, reportWith([]));

  it('is contradicted when none of the files named holds it, and the finding with it', () => {
    expect(at(11).verdict).toBe('contradicted');
    expect(at(11).reason).toContain('none of app/Services/Mail/SendGrid.php, app/Services/Mail/Mailgun.php');
    expect(at(8).verdict).toBe('contradicted');
    expect(at(8).reason).toContain('line 11');
  });
  it('is never confirmed when the file still holds it: whether it is the weakness is for a reader', () => {
    expect(at(25).verdict).toBe('unverifiable');
    expect(at(26).verdict).toBe('unverifiable');
    expect(at(26).reason).toContain('app/Http/Controllers/Files.php holds it');
    expect(at(22).verdict).not.toBe('contradicted');
  });
  it('does not read the code a solution proposes as what the files hold', () => {
    expect(result.claims.some((c) => c.line === 16 && c.verdict === 'contradicted')).toBe(false);
  });
});

describe('code under a "Location:" with no issue stated, or a location that is not there', () => {
  const tree: Tree = {
    'app/Models/Order.php': '<?php\nclass Order {\n    protected $fillable = [];\n}\n',
  };
  const doc = [
    '# Notes', // 1
    '', // 2
    '### Orders', // 3
    '**Location:** `app/Models/Order.php`', // 4
    '', // 5
    '```php', // 6
    '$count = static::count() + 1;', // 7
    '```', // 8
    '', // 9
    '### Payments', // 10
    '**Location:** `app/Models/Payment.php` (line 4)', // 11
    '**Issue:** numbers collide.', // 12
    '', // 13
    '```php', // 14
    '$count = static::count() + 1;', // 15
    '```', // 16
  ].join('\n');
  const { result } = verifier('NOTES.md')(tree, doc, reportWith([]));

  it('settles nothing: a block that illustrates no finding, or shows code from a file that is gone', () => {
    expect(result.claims.filter((c) => c.verdict === 'contradicted' && (c.line === 7 || c.line === 15))).toEqual([]);
  });
});

describe('a count of code units that lists them by name, beside an archived copy of the app', () => {
  const php = (name: string) => `<?php\nclass ${name} {}\n`;
  const tree: Tree = {
    'composer.json': '{"require":{"laravel/framework":"^12.0"}}\n',
    'app/Http/Controllers/Controller.php': php('Controller'),
    'app/Http/Controllers/HomeController.php': php('HomeController'),
    'app/Http/Controllers/ShopController.php': php('ShopController'),
    'app/Http/Controllers/Auth/LoginController.php': php('LoginController'),
    'app/Models/User.php': php('User'),
    'app/Models/Order.php': php('Order'),
    'app/Models/Photo.php': php('Photo'),
    'archive/2025/app/Models/User.php': php('User'),
    'archive/2025/app/Models/Order.php': php('Order'),
    'database/migrations/2025_01_01_create_users_table.php': php('CreateUsers'),
    'database/migrations/2025_01_02_create_orders_table.php': php('CreateOrders'),
    'database/factories/UserFactory.php': php('UserFactory'),
    'database/factories/OrderFactory.php': php('OrderFactory'),
  };
  const doc = [
    '# Overview', // 1
    '', // 2
    '- **Controllers:** 3 (HomeController, ShopController, Controller)', // 3
    '- **Models:** 2 (User, Order)', // 4
    '- **Models:** 3 (User, Order, Photo)', // 5
    '- **Controllers:** 4 (HomeController, ShopController)', // 6
    '', // 7
    '| # | Task | Status |', // 8
    '|---|---|---|', // 9
    '| 001 | Database migrations (5 files) | ✅ Complete |', // 10
    '| 002 | Factories (2 factories) | ✅ Complete |', // 11
  ].join('\n');
  const { at } = verifier('OVERVIEW.md')(tree, doc, reportWith([]));

  it('is out of date when the folder holding every unit listed holds others too', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('Auth/LoginController.php');
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('app/Models/');
    expect(at(4).reason).not.toContain('archive/');
  });
  it('stands when the list is the folder, and a shorter list is only examples', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(6).verdict).toBe('confirmed');
  });
  it('reads a table cell that gives a kind its count in brackets', () => {
    expect(at(10).verdict).toBe('contradicted');
    expect(at(10).reason).toContain('database/migrations');
    expect(at(11).verdict).toBe('confirmed');
  });
});

describe('a count of the units something is applied to', () => {
  const tree: Tree = {
    'app/models/user.rb': 'class User < ApplicationRecord\n  include Scoped\nend\n',
    'app/models/member.rb': 'class Member < ApplicationRecord\nend\n',
    'app/models/role.rb': 'class Role < ApplicationRecord\nend\n',
  };
  const doc = ['# Report', '', '- ✅ Scoped concern: applied to 1 models (users)', '- ✅ 2 models'].join('\n');
  const { at } = verifier('REPORT.md')(tree, doc, reportWith([]));

  it('is not a count of all the units of the kind, while a bare count is', () => {
    expect(at(3).verdict).not.toBe('contradicted');
    expect(at(4).verdict).toBe('contradicted');
  });
});

describe("a build file's lines quoted in a fence", () => {
  const pom = (tomcat: string, webmvc: string) =>
    [
      '<project>',
      '  <version>0.1.0</version>',
      '  <properties>',
      `    <tomcat.version>${tomcat}</tomcat.version>`,
      '    <commons-io.version>2.16.1</commons-io.version>',
      '  </properties>',
      '  <plugin>',
      '    <artifactId>maven-enforcer-plugin</artifactId>',
      '    <version>3.5.0</version>',
      `    <exclude>org.springframework:spring-webmvc:(,${webmvc})</exclude>`,
      '  </plugin>',
      '</project>',
    ].join('\n');
  const tree: Tree = {
    'old-app/pom.xml': pom('9.0.106', '5.3.0'),
    'new-app/pom.xml': pom('10.1.42', '6.1.21'),
    'new-app/src/main/java/App.java': 'class App {}\n',
  };
  const doc = [
    '# Remediation', // 1
    '', // 2
    '### Tomcat', // 3
    '```xml', // 4
    '<properties>', // 5
    '    <tomcat.version>10.1.35</tomcat.version>', // 6
    '    <commons-io.version>2.16.1</commons-io.version>', // 7
    '</properties>', // 8
    '<version>3.5.0</version>', // 9
    '<exclude>org.springframework:spring-webmvc:(,6.1.14)</exclude>', // 10
    '<!-- Before -->', // 11
    '<commons-io.version>2.8.0</commons-io.version>', // 12
    '<!-- After -->', // 13
    '<commons-io.version>2.16.1</commons-io.version>', // 14
    '```', // 15
    '', // 16
    '**Solution:** pin it:', // 17
    '```xml', // 18
    '<tomcat.version>11.0.0</tomcat.version>', // 19
    '```', // 20
  ].join('\n');
  const { at, has } = verifier('new-app/REPORT.md', true)(tree, doc, reportWith([]));

  it('is contradicted by the build beside the document holding that line with another version', () => {
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('new-app/pom.xml:4 holds 10.1.42, not 10.1.35');
    expect(at(10).verdict).toBe('contradicted');
  });
  it('is confirmed when that build holds it as written', () => {
    expect(at(7).verdict).toBe('confirmed');
    expect(at(14).verdict).toBe('confirmed');
  });
  it('settles nothing for a line many blocks share, what a change replaced, or a proposal', () => {
    expect(at(9).verdict).toBe('unverifiable');
    expect(has(12) && at(12).verdict === 'contradicted').toBe(false);
    expect(has(19) && at(19).verdict === 'contradicted').toBe(false);
  });
});

describe('a gap line naming the units that lack a kind of companion', () => {
  const tree: Tree = {
    'composer.json': '{"require":{"laravel/framework":"^12.0"}}\n',
    'app/Models/Order.php': '<?php\nclass Order {}\n',
    'app/Models/Payment.php': '<?php\nclass Payment {}\n',
    'app/Models/Invoice.php': '<?php\nclass Invoice {}\n',
    'app/Policies/OrderPolicy.php': '<?php\nclass OrderPolicy {}\n',
    'app/Policies/PaymentPolicy.php': '<?php\nclass PaymentPolicy {}\n',
    'tests/Unit/OrderTest.php': '<?php\nclass OrderTest {}\n',
  };
  const doc = [
    '# Audit', // 1
    '', // 2
    '- No policies defined for Order or Payment models', // 3
    '- No policies defined for Order, Payment and Invoice models', // 4
    '- No tests for Order', // 5
    '- No factories for Invoice', // 6
  ].join('\n');
  const { at } = verifier('AUDIT.md')(tree, doc, reportWith([]));

  it('is out of date when each unit has its companion, named as the framework names it', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('app/Policies/OrderPolicy.php');
    expect(at(5).verdict).toBe('contradicted');
  });
  it('stays open when a companion is not found by name: it may sit in a file named otherwise', () => {
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(6).verdict).toBe('unverifiable');
  });
});

describe('"no performance tests" where the rule knows no load-test tool', () => {
  const report = reportWith([
    {
      id: 'quality/test-types',
      outcome: 'partial',
      message: 'unit tests found; no integration, end-to-end and load tests',
      evidence: [{ path: 'api/handler_test.go' }],
      score: 0.5,
      data: { types: ['unit'], missing: ['integration', 'end-to-end', 'load'] },
    },
  ]);
  const doc = ['# Gaps', '', '- ❌ **Performance Testing** - No tests exist'].join('\n');
  const base: Tree = {
    'go.mod': 'module example.com/api\n\ngo 1.22\n',
    'api/handler.go': 'package api\n\nfunc Handle() {}\n',
    'api/handler_test.go': 'package api\n\nimport "testing"\n\nfunc TestHandle(t *testing.T) { Handle() }\n',
  };

  it('is not confirmed when benchmarks or a performance folder are there', () => {
    const tree: Tree = {
      ...base,
      'api/benchmark_test.go': 'package api\n\nimport "testing"\n\nfunc BenchmarkHandle(b *testing.B) { Handle() }\n',
    };
    const { at } = verifier('GAPS.md')(tree, doc, report);
    expect(at(3).verdict).not.toBe('confirmed');
    expect(at(3).reason).toContain('api/benchmark_test.go');
  });
  it('is confirmed when nothing of the kind is there', () => {
    const { at } = verifier('GAPS.md')(base, doc, report);
    expect(at(3).verdict).toBe('confirmed');
  });
});

describe('"load testing (not performed)" beside a load-test script', () => {
  const tree: Tree = {
    'package.json': '{"name":"api"}\n',
    'src/server.js': 'module.exports = {};\n',
    'scripts/load_testing_suite.sh': '#!/bin/sh\nk6 run load.js\n',
  };
  const doc = ['# Gaps', '', '- ❌ **Load testing** (not performed)', '- ❌ **Load testing** (missing)'].join('\n');
  const { at } = verifier('GAPS.md')(tree, doc, reportWith([]));

  it('is not contradicted by the script: that it was run is not in the repository', () => {
    expect(at(3).verdict).toBe('unverifiable');
  });
  it('is contradicted by it when the line says the tests are missing', () => {
    expect(at(4).verdict).toBe('contradicted');
  });
});
