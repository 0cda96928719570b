/**
 * readiness verify: classes of claims a careful reader settles with the repository open, each
 * on a small document of our own against an in-memory tree (scripts/verify-eval.mjs measures the
 * same classes on real pairs; docs/verify-accuracy.md).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

type Outcome = 'pass' | 'partial' | 'fail' | 'not-applicable';
const rule = (id: string, outcome: Outcome, message = id, evidence: { path: string; line?: number }[] = []) => ({
  id,
  outcome,
  message,
  evidence: evidence.length ? evidence : [{ path: '.' }],
  score: outcome === 'pass' ? 1 : outcome === 'partial' ? 0.5 : 0,
});

const verifyIn = verifier('READINESS.md');

describe('settings: a claim names a key of the configuration and its value', () => {
  const tree: Tree = {
    'orders/src/main/resources/application.yml': [
      'server:',
      '  port: ${PORT:8082}',
      'spring:',
      '  jpa:',
      '    hibernate:',
      '      ddl-auto: validate',
      'resilience4j:',
      '  circuitbreaker:',
      '    instances:',
      '      stock:',
      '        slidingWindowSize: 20',
      '        waitDurationInOpenState: 15000',
      'management:',
      '  endpoints:',
      '    web:',
      '      exposure:',
      '        include: health,info',
    ].join('\n'),
    'stock/src/main/resources/application.yml': 'server:\n  port: 8081\n',
    'worker/app/core/celery.py': [
      'from celery import Celery',
      "app = Celery('w')",
      "app.conf.update( task_serializer='json',",
      "                 timezone ='UTC',",
      '                 enable_utc=True)',
    ].join('\n'),
    'worker/app/main.py': 'print(1)\n',
  };
  const doc = [
    '# Readiness', //  1
    '', //  2
    '### orders/application.yml', //  3
    '- [x] Server port: 8082', //  4
    '- [x] Sliding window size: 20', //  5
    '- [x] Recovery wait time: 15 seconds', //  6
    '- [x] JPA DDL set to update', //  7
    '- [x] Management endpoints exposed', //  8
    '', //  9
    '### stock/application.yml', // 10
    '- [x] Server port: 8082', // 11
    '', // 12
    '### Workers', // 13
    '- ✅ Task serialization: JSON format for portability', // 14
    '- ✅ UTC Timezone: consistent time handling', // 15
    '- ✅ Task: POST to the moderation endpoint', // 16
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('confirms a key set to the value, in the file the heading names (a default of an env variable counts)', () => {
    expect(at(4)).toMatchObject({ verdict: 'confirmed', basis: 'config' });
    expect(at(4).evidence[0]).toMatchObject({ path: 'orders/src/main/resources/application.yml', line: 2 });
    expect(at(5)).toMatchObject({ verdict: 'confirmed', basis: 'config' });
    // "wait time" is the key's wait duration; 15 seconds are its 15000 ms.
    expect(at(6)).toMatchObject({ verdict: 'confirmed', basis: 'config' });
    expect(at(8)).toMatchObject({ verdict: 'confirmed', basis: 'config' });
  });

  it('contradicts a key set to another value', () => {
    expect(at(7)).toMatchObject({ verdict: 'contradicted', basis: 'config' });
    expect(at(7).reason).toMatch(/ddl-auto is validate/);
    // The port of the other service is not evidence for this one.
    expect(at(11)).toMatchObject({ verdict: 'contradicted' });
    expect(at(11).evidence[0]).toMatchObject({ path: 'stock/src/main/resources/application.yml' });
  });

  it('reads configuration written as code (celery.py), and an acronym as the value a label names', () => {
    expect(at(14)).toMatchObject({ verdict: 'confirmed', basis: 'config' });
    expect(at(14).evidence[0]).toMatchObject({ path: 'worker/app/core/celery.py', line: 3 });
    expect(at(15)).toMatchObject({ verdict: 'confirmed', basis: 'config' });
    // An HTTP method is no setting's value.
    expect(at(16).basis).not.toBe('config');
  });
});

describe('changes: what was removed must be gone, and an arrow names what is now', () => {
  const tree: Tree = {
    'gateway/pom.xml': [
      '<project>',
      '  <parent>',
      '    <groupId>org.springframework.boot</groupId>',
      '    <artifactId>spring-boot-starter-parent</artifactId>',
      '    <version>3.4.0</version>',
      '  </parent>',
      '  <properties>',
      '    <java.version>17</java.version>',
      '    <spring-cloud.version>2023.0.3</spring-cloud.version>',
      '  </properties>',
      '  <dependencies>',
      '    <dependency>',
      '      <groupId>io.github.resilience4j</groupId>',
      '      <artifactId>resilience4j-spring-boot3</artifactId>',
      '      <version>2.1.0</version>',
      '    </dependency>',
      '    <dependency>',
      '      <groupId>org.xerial</groupId>',
      '      <artifactId>sqlite-jdbc</artifactId>',
      '      <version>3.45.0</version>',
      '    </dependency>',
      '  </dependencies>',
      '</project>',
    ].join('\n'),
    'gateway/src/main/java/acme/GatewayConfig.java': 'class GatewayConfig {}\n',
  };
  const doc = [
    '# Upgrade', //  1
    '- [x] Spring Boot 2.3.2 → 3.4.0 (all 4 services)', //  2
    '- [x] JDK 8 → 17', //  3
    '- [x] Spring Cloud Hoxton → 2023.0.3', //  4
    '- [x] Hystrix removed', //  5
    '- [x] RibbonConfiguration.java deleted', //  6
    '- [x] GatewayConfig.java deleted', //  7
    '- [x] Resilience4j removed', //  8
    '- ⏳ Migrate from Oracle to PostgreSQL', //  9
    '- ⏳ Migrate from SQLite to a production database', // 10
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('reads the version after the arrow as the one declared now, a JDK as the Java version', () => {
    expect(at(2)).toMatchObject({ verdict: 'confirmed', basis: 'dependency' });
    expect(at(3)).toMatchObject({ verdict: 'confirmed', basis: 'dependency' });
    expect(at(3).evidence[0]).toMatchObject({ path: 'gateway/pom.xml', line: 8 });
    expect(at(4)).toMatchObject({ verdict: 'confirmed' });
  });

  it('confirms a removal when nothing names the thing any more, and contradicts it when something does', () => {
    // Not judged by the circuit-breaker mechanism it was: Resilience4j in its place is no partial.
    expect(at(5)).toMatchObject({ verdict: 'confirmed', basis: 'dependency' });
    expect(at(6)).toMatchObject({ verdict: 'confirmed', basis: 'file' });
    expect(at(7)).toMatchObject({ verdict: 'contradicted', basis: 'file' });
    expect(at(8)).toMatchObject({ verdict: 'contradicted', basis: 'dependency' });
  });

  it('a pending migration away from something already gone is done: the document is out of date', () => {
    expect(at(9)).toMatchObject({ verdict: 'contradicted', asserted: 'planned' });
    expect(at(9).reason).toMatch(/still to do, but it is done/);
    // SQLite is still declared: the migration is still to do.
    expect(at(10)).toMatchObject({ verdict: 'confirmed', asserted: 'planned' });
  });
});

describe('findings in context: a finding and its details stand or fall together', () => {
  const tree: Tree = {
    'go.mod': 'module acme\n\ngo 1.22\n\nrequire golang.org/x/time v0.7.0\n',
    'config/config.go': [
      'package config',
      '',
      'func Load() (*Config, error) {',
      '\tsecret := os.Getenv("JWT_SECRET")',
      '\tif len(secret) < 32 {',
      '\t\treturn nil, errors.New("JWT_SECRET too short")',
      '\t}',
      '\treturn &Config{Secret: secret}, nil',
      '}',
    ].join('\n'),
    'web/src/Footer.jsx': "import { useState } from 'react';\nexport function Footer() { return null; }\n",
    'web/src/Header.jsx': "import PropTypes from 'prop-types';\nexport function Header() { return null; }\n",
    'web/src/export.js': [
      'export function pdf(doc) {',
      '  const pageWidth = doc.width;',
      '  return pageWidth;',
      '}',
    ].join('\n'),
  };
  const doc = [
    '# Audit', //  1
    '', //  2
    '#### Critical Issues', //  3
    '1. **Default JWT Secret in Code**', //  4
    '- **Location:** `config/config.go:4`', //  5
    '```go', //  6
    '// CURRENT (INSECURE):', //  7
    'Secret: getEnv("JWT_SECRET", "default-secret-change-me")', //  8
    '```', //  9
    '', // 10
    '## Action plan', // 11
    '#### FIX-05: remove the PropTypes import', // 12
    '`prop-types` is imported but not declared.', // 13
    '', // 14
    '**Files:**', // 15
    '- `web/src/Footer.jsx` — line 1', // 16
    '- `web/src/Header.jsx` — line 1', // 17
    '', // 18
    '#### FIX-06: unused variables', // 19
    '| File | Variable |', // 20
    '|---|---|', // 21
    '| `web/src/export.js:3` | `pageHeight` |', // 22
    '| `web/src/export.js:2` | `pageWidth` |', // 23
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('code shown as current with a string that is gone is not there as shown', () => {
    expect(at(8)).toMatchObject({ verdict: 'contradicted', basis: 'search' });
    expect(at(8).reason).toMatch(/default-secret-change-me/);
  });

  it('the finding and its location fall with the code shown for it', () => {
    expect(at(4)).toMatchObject({ verdict: 'contradicted' });
    expect(at(4).reason).toMatch(/line 8/);
    expect(at(5)).toMatchObject({ verdict: 'contradicted' });
  });

  it('places listed in a plan of fixes are checked for the code the fix is about', () => {
    expect(at(16)).toMatchObject({ verdict: 'contradicted', basis: 'search' });
    expect(at(16).evidence[0]).toMatchObject({ path: 'web/src/Footer.jsx', line: 1 });
    // Still imported: whether it is still a problem needs a reader.
    expect(at(17).verdict).toBe('unverifiable');
    expect(at(22)).toMatchObject({ verdict: 'contradicted', basis: 'search' });
    expect(at(23).verdict).toBe('unverifiable');
  });
});

describe('lists of what was removed, readiness to publish, and claims about all the others', () => {
  const tree: Tree = {
    'Cargo.toml': '[workspace]\nmembers = ["lexer", "parser"]\n',
    'lexer/Cargo.toml': '[package]\nname = "lexer"\nversion = "0.1.0"\ndescription = "A lexer"\n',
    'parser/Cargo.toml': [
      '[package]',
      'name = "parser"',
      'version = "0.1.0"',
      '',
      '[dependencies]',
      'lexer = { path = "../lexer" }',
      '',
      '[dev-dependencies]',
      'helper = { path = "../helper" }',
    ].join('\n'),
    'lexer/src/lib.rs': 'pub fn lex() {}\n',
    'parser/src/lib.rs': 'pub fn parse() {}\n',
    'parser/src/RouteFilter.rs': '// kept\n',
  };
  const doc = [
    '# Release checklist', //  1
    '', //  2
    '✅ **All items verified and complete**', //  3
    '', //  4
    '### Files Deleted', //  5
    '- [x] PreFilter.java', //  6
    '- [x] RouteFilter.rs', //  7
    '', //  8
    '### 2. Complete Cargo.toml Metadata ✅', //  9
    '**Status**: ✅ **COMPLETED**', // 10
    '- [x] All metadata verified and production-ready', // 11
    '', // 12
    '### Publishing', // 13
    '- ✅ Publishing to crates.io: READY', // 14
  ].join('\n');
  const { at, has } = verify();
  function verify() {
    return verifyIn(tree, doc);
  }

  it('items under "Files Deleted" must be gone', () => {
    expect(at(6)).toMatchObject({ verdict: 'confirmed', basis: 'file' });
    expect(at(6).reason).toMatch(/^gone, as the document says/);
    expect(at(7)).toMatchObject({ verdict: 'contradicted', basis: 'file' });
  });

  it('a crate with a path dependency without a version is not ready to publish (dev-dependencies aside)', () => {
    expect(at(14)).toMatchObject({ verdict: 'contradicted', basis: 'file' });
    expect(at(14).evidence).toEqual([expect.objectContaining({ path: 'parser/Cargo.toml', line: 6 })]);
    expect(at(11)).toMatchObject({ verdict: 'contradicted' });
  });

  it('the title of a task and the status line under it are not claims; its items are', () => {
    expect(has(9)).toBe(false);
    expect(has(10)).toBe(false);
  });

  it('"all items complete" is false when one item is', () => {
    expect(at(3)).toMatchObject({ verdict: 'contradicted' });
    expect(at(3).reason).toMatch(/^not all: line \d+/);
  });

  it('and is never confirmed when all hold', () => {
    const ok = verifyIn(
      { 'README.md': '# x\n', 'src/a.py': 'print(1)\n' },
      '# R\n\n✅ **All items complete**\n- ✅ `README.md` added\n',
    );
    expect(ok.at(3).verdict).toBe('unverifiable');
    expect(ok.at(4).verdict).toBe('confirmed');
  });
});

describe('what a line claims: nouns that look like verbs, deliverables called examples, numbered points', () => {
  const tree: Tree = {
    'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
    'app/api/v1/moderation.py': [
      'from fastapi import APIRouter',
      'router = APIRouter(prefix="/api/v1/moderation")',
      '@router.post(',
      '    "/analyse",',
      ')',
      'async def analyse(): ...',
    ].join('\n'),
    'app/routes.py': 'router.add("/api/recommendations/refresh", refresh_recommendations)\n',
    'config/production.env.example': 'MFA_ENABLED=true\n',
    'tests/load_test.py': 'class U:\n    def t(self):\n        self.client.post("/api/v1/moderation/analyse")\n',
    'examples/parse.rs': 'fn main() {}\n',
    'requirements.txt': 'fastapi==0.110.0\n',
  };
  const doc = [
    '# Report', //  1
    '', //  2
    '**Status:** ✅ PRODUCTION READY', //  3
    '', //  4
    '```', //  5
    '║   PRODUCTION READINESS SCORE: 66.5/100 (D+)   ║', //  6
    '```', //  7
    '', //  8
    '## ✅ 1. Tests Passing', //  9
    '', // 10
    '### Load tests', // 11
    '- **Test Endpoint:** `/api/v1/moderation/analyse`', // 12
    '- **Clean architecture** with separated layers', // 13
    '', // 14
    '### 5. Add More Examples ✅', // 15
    '- [x] **Parsing examples** - scientific code', // 16
    '- [x] **Working examples verified** ✅', // 17
    '', // 18
    '## Security', // 19
    '- ❌ No token refresh mechanism', // 20
    '- ❌ No MFA support', // 21
  ].join('\n');
  const { at, has } = verifyIn(tree, doc);

  it('the overall verdict under the title and a readiness figure in a box are the author’s judgement', () => {
    expect(at(3)).toMatchObject({ verdict: 'unverifiable', basis: 'score' });
    expect(at(6)).toMatchObject({ verdict: 'unverifiable', number: { value: 66.5 } });
  });

  it('a numbered point with a mark is a claim; "Test endpoint:" and "Clean architecture" name things', () => {
    expect(has(9)).toBe(true);
    // The route is the prefix and "/analyse" on the line below the decorator; the load test is not it.
    expect(at(12)).toMatchObject({ verdict: 'confirmed', basis: 'search' });
    expect(at(12).evidence[0]).toMatchObject({ path: 'app/api/v1/moderation.py', line: 4 });
    expect(has(13)).toBe(true);
  });

  it('"Add More Examples ✅" lists examples made, and a working example is shown only by running it', () => {
    expect(at(16)).toMatchObject({ verdict: 'confirmed' });
    expect(at(17).verdict).toBe('unverifiable');
  });

  it('an env example and a route that refreshes something else show no feature at work', () => {
    expect(at(20)).toMatchObject({ verdict: 'confirmed', asserted: 'not-done' });
    expect(at(21)).toMatchObject({ verdict: 'confirmed', asserted: 'not-done' });
  });
});

describe('what the claim names decides over a practice the rule finds only in part', () => {
  const tree: Tree = {
    'pom.xml': [
      '<project>',
      '  <dependencies>',
      '    <dependency>',
      '      <groupId>org.springdoc</groupId>',
      '      <artifactId>springdoc-openapi-starter-webmvc-ui</artifactId>',
      '      <version>2.3.0</version>',
      '    </dependency>',
      '  </dependencies>',
      '</project>',
    ].join('\n'),
    'src/main/java/acme/Api.java': [
      '/** The public API. */',
      'class Api {',
      '  @GetMapping("/v3/api-docs") String docs() { return ""; }',
      '}',
    ].join('\n'),
    'Cargo.toml': '[workspace.package]\nversion = "0.1.0"\nauthors = ["A. Author"]\n',
    'CHANGELOG.md': '# Changelog\n\n## [0.1.0] - 2025-01-01\n- first\n',
    'README.md': '# acme\n',
  };
  const report = reportWith([
    rule('architecture/api-contract', 'partial', 'Only generated API docs; no contract is committed'),
    rule('operations/release-management', 'partial', 'A versioned CHANGELOG, but releases are not automated'),
  ]);
  const doc = [
    '# Checklist', //  1
    '- [x] Springdoc OpenAPI 3.0 added', //  2
    '- [x] OpenAPI JSON at /v3/api-docs', //  3
    '- [x] OpenAPI contract committed', //  4
    '- [x] Added release notes for 0.1.0', //  5
    '- [x] Added release notes for 0.2.0', //  6
    '- [x] Basic documentation', //  7
    '- [x] Comprehensive Javadoc documentation', //  8
    '- [x] Version 0.1.0 set', //  9
    '- [x] Author information updated', // 10
    '| Area | Score | Status |', // 11
    '|---|---|---|', // 12
    '| Documentation | 45/100 | ⚠️ PARTIAL |', // 13
  ].join('\n');
  const { at } = verifyIn(tree, doc, report);

  it('confirms the dependency or endpoint named, saying what the rule also found missing', () => {
    // "3.0" is the OpenAPI version, not springdoc's.
    expect(at(2)).toMatchObject({ verdict: 'confirmed', basis: 'dependency' });
    expect(at(3)).toMatchObject({ verdict: 'confirmed', basis: 'search' });
    expect(at(3).reason).toMatch(/no contract is committed/);
    // The practice itself is what the rule finds in part.
    expect(at(4).verdict).toBe('partially-confirmed');
  });

  it('release notes are a changelog with the version named; documentation a README; Javadoc doc comments', () => {
    expect(at(5)).toMatchObject({ verdict: 'confirmed', basis: 'file' });
    expect(at(5).evidence[0]).toMatchObject({ path: 'CHANGELOG.md', line: 3 });
    expect(at(6)).toMatchObject({ verdict: 'contradicted', basis: 'file' });
    expect(at(7)).toMatchObject({ verdict: 'confirmed', basis: 'file' });
    expect(at(8)).toMatchObject({ verdict: 'confirmed', basis: 'search' });
  });

  it('a version and an author are settings of the manifest; a score out of 100 is the author’s weighting', () => {
    expect(at(9)).toMatchObject({ verdict: 'confirmed', basis: 'config' });
    expect(at(10)).toMatchObject({ verdict: 'confirmed', basis: 'config' });
    expect(at(13)).toMatchObject({ verdict: 'unverifiable', basis: 'score' });
  });
});

describe('features as code shows them, settings listed among values, files kept out by .gitignore', () => {
  const tree: Tree = {
    '.gitignore': 'appsettings.Production.json\nbin/\n',
    '.github/workflows/ci.yml':
      'jobs:\n  b:\n    steps:\n      - run: docker build --cache-from type=registry,ref=app:buildcache .\n',
    'App/Cache.cs': 'builder.Services.AddMemoryCache();\nvar cache = sp.GetRequiredService<IMemoryCache>();\n',
    'App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
    'config/config.go': 'func Load() { if err := validateJWTSecret(s); err != nil { panic(err) } }\n',
    'internal/user/repository.go': 'type UserRepository struct{}\n',
    'internal/user/service.go': 'type UserService struct{ repo *UserRepository }\n',
    'src/main/resources/application.yml':
      'management:\n  endpoints:\n    web:\n      exposure:\n        include: health,info,metrics\n',
    'README.md': '# App\n\nThe API is stable.\n',
    'src/lib.rs': 'pub fn f() -> Option<u8> { None.filter(|x: &u8| x.is_some_and(|_| true)) }\n',
  };
  const report = reportWith([
    rule(
      'observability/metrics',
      'partial',
      'Found the Actuator metrics endpoint exposed, but no registry exports them',
    ),
  ]);
  const doc = [
    '# Checklist', //  1
    '- ✅ Implement caching strategy (memory cache)', //  2
    '- ❌ No request schema validation', //  3
    '- ✅ Repository pattern for data access', //  4
    '- ✅ Service layer isolates business logic', //  5
    '- ✅ Create `appsettings.Production.json`', //  6
    '- ✅ Metrics endpoint enabled', //  7
    '- ✅ APIs marked as experimental in documentation', //  8
    '- ✅ Fixed `map_or` usage - changed to `is_some_and`', //  9
  ].join('\n');
  const { at } = verifyIn(tree, doc, report);

  it('the application’s cache is in its code, not in a CI build cache', () => {
    expect(at(2)).toMatchObject({ verdict: 'confirmed', basis: 'mechanism' });
    expect(at(2).evidence[0]).toMatchObject({ path: 'App/Cache.cs' });
  });

  it('a function that validates a secret is no request validation', () => {
    expect(at(3)).toMatchObject({ verdict: 'confirmed', asserted: 'not-done' });
  });

  it('repositories and services are types and files named so', () => {
    expect(at(4)).toMatchObject({ verdict: 'confirmed' });
    expect(at(5)).toMatchObject({ verdict: 'confirmed' });
  });

  it('a file .gitignore keeps out is no evidence either way', () => {
    expect(at(6)).toMatchObject({ verdict: 'unverifiable' });
    expect(at(6).reason).toMatch(/ignored by \.gitignore/);
  });

  it('an endpoint listed among a setting’s values is enabled, whatever else the rule misses', () => {
    expect(at(7)).toMatchObject({ verdict: 'confirmed', basis: 'config' });
    expect(at(7).reason).toMatch(/no registry/);
  });

  it('"in the documentation" is read in the README and docs; the code a fix replaced need not be there', () => {
    expect(at(8)).toMatchObject({ verdict: 'contradicted', basis: 'file' });
    expect(at(9)).toMatchObject({ verdict: 'confirmed', basis: 'search' });
  });
});

describe('plans and pending items against what is there; scored rows whose notes say two things', () => {
  const tree: Tree = {
    '.github/workflows/deploy.yml': [
      'on: [push]',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    environment: Production',
      '    steps:',
      '      - uses: azure/webapps-deploy@v3',
      "        with: { app-name: 'shop' }",
    ].join('\n'),
    'go.mod': 'module shop\n\ngo 1.22\n\nrequire github.com/golang-jwt/jwt/v5 v5.2.0\n',
    'internal/auth/jwt.go': 'import "github.com/golang-jwt/jwt/v5"\nfunc Sign() { jwt.New(jwt.SigningMethodHS256) }\n',
    'internal/db/queries.go': 'const q = "SELECT id FROM users WHERE email = $1"\n',
    'app/api/v1/orders.py': 'def list_orders(): ...\n',
    'app/api/v1/admin.py': 'def admin(): ...\n',
    'tests/test_orders.py': 'from app.api.v1 import orders\ndef test_list(): orders.list_orders()\n',
  };
  const report = reportWith([
    rule('operations/continuous-deployment', 'pass', 'Deployment is automated', [
      { path: '.github/workflows/deploy.yml', line: 7 },
    ]),
    rule('security/authorization', 'fail', 'No authorization checks found'),
  ]);
  const doc = [
    '# Status', //  1
    '', //  2
    '### PRIORITY 🔴 HIGH — fix before hosting', //  3
    '- ⏳ Configure production hosting - *requires a provider*', //  4
    '', //  5
    '## ✅ Coverage Areas', //  6
    '- **API Layer:** `app/api/v1/` - Full endpoint coverage', //  7
    '', //  8
    '| Risk | Compliance | Grade | Notes |', //  9
    '|---|---|---|---|', // 10
    '| A01 | 60% | D | JWT auth present, no RBAC |', // 11
    '| A03 | 75% | C | Parameterized queries |', // 12
    '| A05 | 50% | F | Default secrets, weak policies |', // 13
  ].join('\n');
  const { at, has } = verifyIn(tree, doc, report);

  it('a priority band is no claim; a pending hosting step is done when CI deploys', () => {
    expect(has(3)).toBe(false);
    expect(at(4)).toMatchObject({ verdict: 'contradicted', rule: 'operations/continuous-deployment' });
  });

  it('"full coverage" of a folder needs a test for each of its modules', () => {
    expect(at(7)).toMatchObject({ verdict: 'contradicted', basis: 'tests' });
    expect(at(7).reason).toMatch(/admin\.py/);
  });

  it('each part of a scored row’s notes is judged: one there, one not is partial', () => {
    expect(at(11)).toMatchObject({ verdict: 'confirmed' });
    expect(at(11).reason).toMatch(/"no RBAC": confirmed/);
    expect(at(12)).toMatchObject({ verdict: 'confirmed', basis: 'mechanism' });
    // Nothing the repository settles, and a single word is no setting.
    expect(at(13).verdict).toBe('unverifiable');
  });
});

describe('status words of other languages', () => {
  it('French words ending in an accented letter, and Chinese words without spaces or word boundaries', async () => {
    const { extractClaims } = await import('../src/verify/extract.js');
    const claims = extractClaims(
      [
        '# Rapport',
        '- CI/CD : configuré',
        '- Tests de charge : non implémenté',
        '| 模块 | 状态 |',
        '|---|---|',
        '| 健康检查 | 已完成 |',
        '| 限流 | 未实现 |',
        '- 监控：部分完成',
      ].join('\n'),
    );
    const at = (line: number) => claims.find((c) => c.line === line);
    expect(at(2)?.asserted).toBe('done');
    expect(at(3)?.asserted).toBe('not-done');
    expect(at(6)?.asserted).toBe('done');
    expect(at(7)?.asserted).toBe('not-done');
    // A full-width colon is a colon.
    expect(at(8)).toMatchObject({ asserted: 'partial', subject: '监控' });
  });
});

describe('doc tests are the code blocks of doc comments', () => {
  const tree: Tree = {
    'Cargo.toml': '[package]\nname = "lexer"\nversion = "0.1.0"\n',
    'src/lib.rs': [
      '//! A lexer.',
      '//! ```rust',
      '//! let t = lexer::lex("x");',
      '//! ```',
      '/// Lexes.',
      '/// ```',
      '/// lex("y");',
      '/// ```',
      '/// ```text',
      '/// not run',
      '/// ```',
      '/// ```rust,ignore',
      '/// lex(z);',
      '/// ```',
      'pub fn lex(s: &str) {}',
    ].join('\n'),
  };
  const { at } = verifyIn(
    tree,
    '# R\n- ✅ Doc tests for public APIs - 3/3 passing\n- ✅ Added doc tests (7/8 passing, 1 ignored)\n',
  );

  it('counts them, the ignored one included and a text block not, against the total the document gives', () => {
    expect(at(2)).toMatchObject({ verdict: 'confirmed', basis: 'tests' });
    expect(at(2).reason).toMatch(/3 code blocks.*1 marked ignore/);
    expect(at(3)).toMatchObject({ verdict: 'contradicted', basis: 'tests' });
  });
});

describe('a template project’s report, a state with a gap, a library declared', () => {
  const tree: Tree = {
    'pyproject.toml': [
      '[project]',
      'name = "svc"',
      'dependencies = ["fastapi>=0.110", "opentelemetry-sdk>=1.20", "opentelemetry-api>=1.20"]',
    ].join('\n'),
    'app/config.yaml': 'otel:\n  exporter: otlp\nreminders: true\n',
    'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
    'app/api.py': 'from fastapi import APIRouter\nrouter = APIRouter(prefix="/api/v1")\n',
  };
  const doc = [
    '# FastAPI Template Evaluation Report', //  1
    '', //  2
    '## ✅ Strengths', //  3
    '- Full OpenTelemetry integration (traces, metrics)', //  4
    '- Feature-based module organization (reminders, webhooks, files)', //  5
    '', //  6
    '## Gaps', //  7
    '**Current State:** Single version /api/v1 via a prefix, but no structured versioning.', //  8
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('"Template" in the title of a report on a template project makes no example of the report', () => {
    // OpenTelemetry is a declared dependency: not "named only in configuration".
    expect(at(4)).toMatchObject({ verdict: 'confirmed', basis: 'mechanism' });
  });

  it('words in parentheses are no list of configuration keys', () => {
    expect(at(5).basis).not.toBe('config');
  });

  it('"X, but no Y": X is judged as there and Y as missing', () => {
    expect(at(8)).toMatchObject({ verdict: 'confirmed' });
    expect(at(8).reason).toMatch(/"Single version \/api\/v1 via a prefix": confirmed/);
  });
});

describe('a second fresh pair: env files that crowd out code, marks that are values, before and after', () => {
  const env = Array.from({ length: 30 }, (_, i) => `JWT_SECRET_${i}=dev-only-jwt-secret-${i}`).join('\n');
  const tree: Tree = {
    '.env.development': env,
    '.env.test': env,
    'apps/api/src/auth/auth.module.ts':
      "import { JwtModule } from '@nestjs/jwt';\nexport const m = JwtModule.register({});\n",
    'apps/api/src/health/index.ts': "export * from './health.controller';\n",
    'apps/api/src/health/health.controller.ts': "@Controller('health') export class HealthController {}\n",
    'apps/api/src/auth/decorators/index.ts': "export * from './public';\n",
    'package.json': JSON.stringify({ name: 'api', dependencies: { '@nestjs/jwt': '^11.0.0' } }),
  };
  const doc = [
    '# Readiness', //  1
    '- ✅ JWT authentication', //  2
    '', //  3
    '### 4. ✅ Health endpoints', //  4
    '**Modul:** `apps/api/src/health/`', //  5
    '- **index.ts** - barrel export', //  6
    '', //  7
    '| Endpoint | Purpose | Auth |', //  8
    '|---|---|---|', //  9
    '| `GET /api/health` | Full check | ❌ Public |', // 10
    '', // 11
    '### Vorher:', // 12
    '❌ Kein Rate Limiting', // 13
    '### Nachher:', // 14
    '✅ `apps/api/src/health/index.ts` vorhanden', // 15
  ].join('\n');
  const { at, has } = verifyIn(tree, doc);

  it('code is found however many .env lines name the same word', () => {
    expect(at(2)).toMatchObject({ verdict: 'confirmed', basis: 'mechanism' });
    expect(at(2).evidence[0]!.path).toMatch(/auth\.module\.ts|package\.json/);
  });

  it('a bare file name is looked up in the folder the block names', () => {
    expect(at(6).evidence[0]).toMatchObject({ path: 'apps/api/src/health/index.ts' });
  });

  it('a ❌ under "Auth" is no status; gaps listed under "Before" are not claims, what is done "after" is', () => {
    expect(has(10)).toBe(false);
    expect(has(13)).toBe(false);
    expect(at(15)).toMatchObject({ verdict: 'confirmed' });
  });
});

describe('round 2 classes: a list of violation locations, checked place by place', () => {
  const tree: Tree = {
    'crates/core/src/store/disk.rs': [
      '//! - No unwrap() calls here',
      'pub fn load(p: &str) -> Result<String, Error> {',
      '    std::fs::read_to_string(p).map_err(Error::from)',
      '}',
    ].join('\n'),
    'crates/core/src/net/client.rs': ['pub fn get() {', '    let body = fetch().unwrap();', '}'].join('\n'),
    'crates/render/src/engine.rs': 'pub fn render() {}\n',
    'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
  };
  const doc = [
    '# Audit', //  1
    '### ❌ FAIL: No unwrap() in production code', //  2
    '**Violation Locations**:', //  3
    '', //  4
    '1. **Storage** (`src/store/disk.rs`):', //  5
    '   - Line 2: `std::fs::read_to_string(p).unwrap()`', //  6
    '   - Lines 40, 52: More unwraps in loading', //  7
    '2. **Engine** (`src/engine/mod.rs`):', //  8
    '   - Line 12: `tpl.render().unwrap()`', //  9
    '3. **Client** (`src/net/client.rs`):', // 10
    '   - Line 2: `fetch().unwrap()`', // 11
    '4. **Other**:', // 12
    '    - `src/store/disk.rs:3`: Read unwraps', // 13
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('the file a group of findings names is confirmed where it is, contradicted where it is gone', () => {
    expect(at(5)).toMatchObject({ verdict: 'confirmed', basis: 'file' });
    expect(at(8)).toMatchObject({ verdict: 'contradicted' });
    expect(at(9)).toMatchObject({ verdict: 'contradicted' });
  });

  it('a finding whose code is no longer in its file, or whose line is past its end, is out of date', () => {
    expect(at(6)).toMatchObject({ verdict: 'contradicted' });
    expect(at(7)).toMatchObject({ verdict: 'contradicted' });
    // "Read unwraps" names the list's `.unwrap()`; a comment that says "No unwrap()" holds no call.
    expect(at(13)).toMatchObject({ verdict: 'contradicted' });
  });

  it('a finding whose code is still at its line is not confirmed away: a reader decides', () => {
    expect(at(10)).toMatchObject({ verdict: 'confirmed' });
    expect(at(11)).toMatchObject({ verdict: 'unverifiable' });
  });
});

describe('round 2 classes: the project version, what a run shows, a document followed', () => {
  const tree: Tree = {
    'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n\n[workspace.package]\nversion = "2.1.0"\n',
    'crates/otel/fixtures/span.toml': '[expect.span.attrs]\nversion = "0.4.0"\n',
    'crates/otel/src/lib.rs': 'pub fn init() {}\n',
    'GUIDELINES.md': '# How we write code\n',
  };
  const doc = [
    '# Release check', // 1
    '- ✅ Version is 0.4.0 (before 1.0)', // 2
    '- ✅ Version 2.1.0 set', // 3
    '- ✅ No linting errors', // 4
    '- ✅ Pipeline fully functional', // 5
    '- ✅ Follows the architecture guidelines from GUIDELINES.md', // 6
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it("the project's version is the manifest's, not any key named version", () => {
    expect(at(2)).toMatchObject({ verdict: 'contradicted' });
    expect(at(2).evidence[0]).toMatchObject({ path: 'Cargo.toml' });
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
  });

  it('a run\'s result ("no linting errors", "fully functional") is not confirmed from configuration', () => {
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(5).verdict).toBe('unverifiable');
  });

  it('following a document is a judgement; that the document exists does not confirm it', () => {
    expect(at(6).verdict).toBe('unverifiable');
  });
});

describe('round 2 classes: routes with placeholders, warning marks on gaps, plan steps, opinions, impacts', () => {
  const tree: Tree = {
    'server/routes.js': [
      "router.get('/api/audit/record/:recordId', show);",
      "router.get('/api/orders/:orderId', order);",
    ].join('\n'),
    '.github/SECURITY.md': '# Reporting a vulnerability\n',
    'app/db/session.py': 'engine = None\n',
    'docker-compose.yml': 'services:\n  api:\n    image: api\n',
  };
  const doc = [
    '# Review', //  1
    '## Findings', //  2
    '- ✅ Record lookup (`/api/audit/{recordId}`)', //  3
    '- ✅ Order lookup (`/api/orders/{orderId}`)', //  4
    '- ✅ Consistent naming (`/api/{resource}/{action}`)', //  5
    '- ⚠️ Missing SECURITY.md policy', //  6
    '- ✅ Easy orchestration', //  7
    '', //  8
    '### Step 2.1: Update Database Session', //  9
    '**File:** `app/db/session.py`', // 10
    '', // 11
    '### ❌ Error handling', // 12
    '**Impact**:', // 13
    '- Violates error handling standards', // 14
  ].join('\n');
  const { at, has } = verifyIn(tree, doc);

  it('a placeholder is one segment: a longer route under the same prefix is only part of it', () => {
    expect(at(3)).toMatchObject({ verdict: 'partially-confirmed' });
    expect(at(4)).toMatchObject({ verdict: 'confirmed' });
  });

  it('placeholders after a prefix only are a naming convention, not a route to find', () => {
    expect(at(5).verdict).not.toBe('confirmed');
  });

  it('a warning mark on "Missing X" says X is missing: X there contradicts it', () => {
    expect(at(6)).toMatchObject({ verdict: 'contradicted' });
  });

  it("an opinion is not confirmed; a plan step's file label and an impact list are not claims", () => {
    expect(at(7).verdict).toBe('unverifiable');
    expect(has(10)).toBe(false);
    expect(has(14)).toBe(false);
  });
});

describe('round 2 classes: Go packages by import path, test files named in a test table', () => {
  const goTest = (names: string[]) =>
    ['package x', 'import "testing"', ...names.map((n) => `func Test${n}(t *testing.T) {}`)].join('\n');
  const tree: Tree = {
    'go.mod': 'module example.org/relay\n\ngo 1.22\n',
    'internal/auth/jwt.go': 'package auth\n',
    'internal/auth/jwt_test.go': goTest(['Sign', 'Verify']),
    'internal/quota/quota.go': 'package quota\n',
    'tools/report/queries_test.go': goTest(['A', 'B', 'C']),
    'test/integration/smoke_flow_test.go': goTest(['Up', 'Down']),
  };
  const doc = [
    '# 测试报告', //  1
    '### 测试覆盖的包', //  2
    '- ✅ example.org/relay/internal/auth', //  3
    '- ✅ example.org/relay/internal/quota', //  4
    '- ✅ example.org/relay/internal/gone', //  5
    '', //  6
    '| 测试类型 | 测试数 | 说明 |', //  7
    '|---|---|---|', //  8
    '| 集成测试 | 2 | smoke_flow_test.go |', //  9
    '', // 10
    '| 测试文件 | 测试数 | 说明 |', // 11
    '|---|---|---|', // 12
    '| `queries_test.go` | 4 | 新增 |', // 13
    '| `queries_test.go` | 3 | 新增 |', // 14
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('a package named by import path is its folder; under a heading about tests it must hold test files', () => {
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
    expect(at(3).evidence[0]).toMatchObject({ path: 'internal/auth/jwt_test.go' });
    expect(at(4)).toMatchObject({ verdict: 'contradicted' });
    expect(at(5)).toMatchObject({ verdict: 'contradicted' });
  });

  it('a test table row counts the test file it names, exactly (no subtests in the file)', () => {
    expect(at(9)).toMatchObject({ verdict: 'confirmed' });
    expect(at(13)).toMatchObject({ verdict: 'contradicted' });
    expect(at(14)).toMatchObject({ verdict: 'confirmed' });
  });
});

describe('round 2 classes: a degree of something, pictures leading headings', () => {
  const tree: Tree = {
    '.github/workflows/ci.yml': [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: go test ./...',
    ].join('\n'),
    'main.go': 'package main\nfunc main() {}\n',
  };
  const doc = [
    '# Review', // 1
    '## 🐳 Docker', // 2
    '## 🔄 GitHub Actions Workflows', // 3
    '## 📊 Summary', // 4
    '- ⚠️ Limited CI pipeline', // 5
  ].join('\n');
  const report = reportWith([
    rule('operations/ci-pipeline', 'pass', 'CI pipeline found', [{ path: '.github/workflows/ci.yml' }]),
  ]);
  const { at, has } = verifyIn(tree, doc, report);

  it('a 🔄 leading a heading among pictured headings is a picture, not "in progress"', () => {
    expect(has(3)).toBe(false);
  });

  it('"Limited X" where X is fully there: how much is limited is a judgement, not a confirmation', () => {
    expect(at(5).verdict).toBe('unverifiable');
  });
});

describe('round 2 classes: root-relative files and their length, libraries named "x.js", naming conventions', () => {
  const tree: Tree = {
    'src-app/src/engine/mod.rs': Array.from({ length: 41 }, (_, i) => `// line ${i + 1}`).join('\n'),
    'src-app/src/engine/commands.rs': Array.from({ length: 10 }, (_, i) => `// line ${i + 1}`).join('\n'),
    'package.json': JSON.stringify({ name: 'web', dependencies: { ethers: '^6.0.0' } }),
    'src/map.ts': 'export const presenceLevel = 1;\n',
  };
  const doc = [
    '# État', // 1
    '**Fichiers créés** :', // 2
    '- `/src-app/src/engine/mod.rs` (41 lignes)', // 3
    '- `/src-app/src/engine/commands.rs` (30 lignes)', // 4
    '- ✅ **ethers.js** integration', // 5
    '- ✅ Rust `snake_case` → TypeScript `camelCase`', // 6
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('a path from the root is a file, not a route; its length is checked when given', () => {
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
    expect(at(4)).toMatchObject({ verdict: 'contradicted' });
    expect(at(4).reason).toMatch(/10 lines, not 30/);
  });

  it('"ethers.js" is the library ethers', () => {
    expect(at(5)).toMatchObject({ verdict: 'confirmed' });
  });

  it('naming conventions are not names to search for', () => {
    expect(at(6).verdict).not.toBe('contradicted');
  });
});

describe('round 2 classes: a list of fixes applied, file by file', () => {
  const tree: Tree = {
    'web/src/services/api.js': [
      "const api = axios.create({ baseURL: '/api' });",
      'export const record = (id) => api.get(`/public/record/${id}`);',
    ].join('\n'),
    'web/src/pages/Admin.jsx': 'export function Admin() { return revoke(instituteId); }\n',
    'web/src/pages/Upload.jsx': 'export function Upload() {}\n',
    'server/models/User.js': 'const s = new Schema({ name: String });\n',
  };
  const doc = [
    '# Audit', // 1
    '### Maintenance update', // 2
    '**Frontend fixes applied**', // 3
    '- `web/src/services/api.js`: the record API now calls `/api/public/record/:id`.', // 4
    '- `web/src/pages/Admin.jsx`: Removed undefined `hospitalId` reference.', // 5
    '- `web/src/pages/Upload.jsx`: upload now retries twice before it gives up.', // 6
    '- `server/models/User.js`: Added `cv_url` field.', // 7
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('the code a change names must be in the file (a route under the client\'s base URL counts), or gone after "removed"', () => {
    expect(at(4)).toMatchObject({ verdict: 'confirmed' });
    expect(at(5)).toMatchObject({ verdict: 'confirmed' });
    expect(at(7)).toMatchObject({ verdict: 'contradicted' });
  });

  it('a change described without code named is not confirmed by the file being there', () => {
    expect(at(6).verdict).toBe('unverifiable');
  });
});

describe('round 2 classes: star ratings', () => {
  const { at } = verifyIn(
    { 'src/app.ts': 'export {};\n' },
    ['# Audit', '', '**Code Organization**: ⭐⭐⭐⭐ (4/5)  ', '**Documentation**: ★★★ (3/5)'].join('\n'),
  );
  it('"Label: ⭐⭐⭐⭐ (4/5)" is a self-assessed score, never confirmed', () => {
    expect(at(3)).toMatchObject({ verdict: 'unverifiable' });
    expect(at(3).reason).toMatch(/self-assessed/);
    expect(at(4)).toMatchObject({ verdict: 'unverifiable' });
  });
});

describe('round 2 classes: the license named, dependency automation', () => {
  const tree: Tree = {
    LICENSE: 'Apache License\nVersion 2.0, January 2004\n',
    '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n',
    'main.go': 'package main\n',
  };
  const report = reportWith([
    rule('security/license', 'pass', 'License file found', [{ path: 'LICENSE' }]),
    rule('security/dependency-updates', 'pass', 'Dependabot configured', [{ path: '.github/dependabot.yml' }]),
  ]);
  const { at } = verifyIn(
    tree,
    ['# Review', '- ✅ MIT licensed', '- ✅ Apache 2.0 licensed', '- ✅ Automated dependency management'].join('\n'),
    report,
  );

  it('"MIT licensed" needs the MIT license, not any license file', () => {
    expect(at(2)).toMatchObject({ verdict: 'contradicted' });
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
  });

  it('"automated dependency management" is the dependency-updates practice', () => {
    expect(at(4)).toMatchObject({ verdict: 'confirmed' });
  });
});

describe('round 2 classes: gap tables against today, libraries named in words', () => {
  const tree: Tree = {
    'requirements.txt': 'fastapi==0.110.0\nsqlalchemy==2.0.36\n',
    'app/db.py': 'from sqlalchemy.ext.asyncio import create_async_engine\n',
  };
  const doc = [
    '# Roadmap', // 1
    '## Gap analysis', // 2
    '| Component | Current State | Target State | Impact |', // 3
    '|---|---|---|---|', // 4
    '| Database | In-memory dicts | Postgres with async SQLAlchemy | 🔴 Critical |', // 5
    '| Queue | Direct calls | Celery workers | 🟡 High |', // 6
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('a target said not reached, which the repository has reached, is out of date', () => {
    expect(at(5)).toMatchObject({ verdict: 'contradicted' });
    expect(at(5).evidence[0]).toMatchObject({ path: 'requirements.txt' });
  });

  it('a target not reached stays as the document says, or undecided', () => {
    expect(at(6).verdict).not.toBe('contradicted');
  });
});

describe('round 2 classes: counts of a piece of code', () => {
  const tree: Tree = {
    'src/store.rs': [
      '/// No unwrap() here',
      'pub fn load() -> Option<u8> { read().ok() }',
      'pub fn first(v: &[u8]) -> u8 { *v.first().unwrap() }',
      '#[cfg(test)]',
      'mod tests { fn t() { load().unwrap(); } }',
    ].join('\n'),
    'src/cli.rs': 'pub fn run() { println!("hi"); }\n',
    'tests/it.rs': 'fn t() { x().unwrap(); x().unwrap(); }\n',
  };
  const doc = [
    '# Validation', // 1
    '- **CRITICAL**: 40 instances of `.unwrap()` in production code', // 2
    '- **CRITICAL**: 1 instances of `.unwrap()` in production code', // 3
    '**Good News**: `.expect()` usage is ZERO in production code.', // 4
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('a count of code is counted in production code: not in tests, test modules or comments', () => {
    expect(at(2)).toMatchObject({ verdict: 'contradicted' });
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
    expect(at(3).evidence[0]).toMatchObject({ path: 'src/store.rs', line: 3 });
    expect(at(4)).toMatchObject({ verdict: 'confirmed' });
  });
});

describe('round 2 classes: results written down, failures of a run', () => {
  const tree: Tree = {
    'backend/tests/a.test.js': "test('a', () => {});\ntest('b', () => {});\n",
    'backend/package.json': JSON.stringify({
      name: 'b',
      scripts: { test: 'jest' },
      devDependencies: { jest: '^29.0.0' },
    }),
    'web/public/wallet.js': 'window.ethers = {};\n',
  };
  const doc = [
    '# Update', // 1
    '### Maintenance', // 2
    '**Current verification**', // 3
    '- Backend tests: `npm test` passed, 2/2 tests.', // 4
    '', // 5
    '- ❌ `npm run lint` still fails because of globals in `web/public/wallet.js`', // 6
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('"Current verification" lists results found, not steps to take', () => {
    // The count is checked (2 tests, as said); that they passed is what a run reports (round 5).
    expect(at(4)).toMatchObject({ verdict: 'unverifiable', basis: 'tests' });
    expect(at(4).reason).toMatch(/2 test cases .*as said/);
  });

  it('a command said to fail is a run result, not a claim that a file is missing', () => {
    expect(at(6).verdict).toBe('unverifiable');
  });
});

describe('round 2 classes: container and CI features named in words', () => {
  const built: Tree = {
    'api/Dockerfile': 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\n',
    '.github/workflows/ci.yml': [
      'jobs:',
      '  test:',
      '    strategy:',
      '      matrix:',
      '        os: [ubuntu-latest, macos-latest, windows-latest]',
      '  publish:',
      '    steps:',
      '      - run: docker push ghcr.io/acme/api:latest',
    ].join('\n'),
  };
  const doc = [
    '# Review',
    '- ✅ Multi-stage build',
    '- ✅ Publishes to GitHub Container Registry',
    '- ✅ Multi-platform testing (Linux, macOS, Windows)',
  ].join('\n');

  it('a multi-stage Dockerfile, images pushed to ghcr.io and runners of several systems are found', () => {
    const { at } = verifyIn(built, doc);
    expect(at(2)).toMatchObject({ verdict: 'confirmed' });
    expect(at(2).evidence[0]).toMatchObject({ path: 'api/Dockerfile' });
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
    expect(at(4)).toMatchObject({ verdict: 'confirmed' });
  });

  it('a single-stage Dockerfile and a Linux-only CI do not confirm them', () => {
    const { at } = verifyIn(
      {
        Dockerfile: 'FROM node:20\nRUN npm ci\n',
        '.github/workflows/ci.yml': 'jobs:\n  t:\n    runs-on: ubuntu-latest\n',
      },
      doc,
    );
    expect(at(2).verdict).not.toBe('confirmed');
    expect(at(4).verdict).not.toBe('confirmed');
  });
});

describe('round 2 classes: libraries by the spellings packages take', () => {
  const tree: Tree = {
    'package.json': JSON.stringify({
      name: 'w',
      dependencies: { bcryptjs: '^2.4.3' },
      devDependencies: { tailwindcss: '^4.0.0' },
    }),
  };
  const { at } = verifyIn(
    tree,
    ['# Review', '- ✅ **Password storage** with bcrypt', '- ✅ **Tailwind CSS** for the layout'].join('\n'),
  );
  it('"bcrypt" is bcryptjs and "Tailwind CSS" is tailwindcss when those are declared', () => {
    expect(at(2)).toMatchObject({ verdict: 'confirmed' });
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
    expect(at(3).evidence[0]).toMatchObject({ path: 'package.json' });
  });
});

describe("round 2 classes: an area's name before the practice it names", () => {
  const tree: Tree = { Dockerfile: 'FROM node:20\nRUN adduser -D app\nUSER app\n' };
  const report = reportWith([
    rule('security/container-user', 'pass', 'Containers run as a non-root user', [{ path: 'Dockerfile', line: 3 }]),
  ]);
  const { at } = verifyIn(tree, ['# Review', '- ✅ Security: Non-root user'].join('\n'), report);
  it('"Security: Non-root user" is the non-root practice, not a judgement of the security area', () => {
    expect(at(2)).toMatchObject({ verdict: 'confirmed', rule: 'security/container-user' });
  });
});

describe('round 2 classes: code lines with a mark, in a block shown from a file', () => {
  const tree: Tree = {
    'tools/main.rs': 'fn main() {}\n',
    'app/src/main.rs': 'mod shared;\nuse std::sync::Mutex;\nfn main() {}\n',
  };
  const doc = [
    '# Status', // 1
    '**main.rs** :', // 2
    '```rust', // 3
    'mod shared;  // ✅ Added', // 4
    'use std::sync::Mutex;  // ✅ Import', // 5
    'mod gone;  // ✅ Added', // 6
    '```', // 7
  ].join('\n');
  const { at } = verifyIn(tree, doc);
  it('a marked line found in a file of the name the block gives is as shown; one not found is not confirmed', () => {
    expect(at(4)).toMatchObject({ verdict: 'confirmed' });
    expect(at(4).evidence[0]).toMatchObject({ path: 'app/src/main.rs', line: 1 });
    expect(at(5)).toMatchObject({ verdict: 'confirmed' });
    expect(at(6).verdict).not.toBe('confirmed');
  });
});

describe('round 3 classes: to-dos in any language claim nothing; open boxes only beside ticked ones', () => {
  const tree: Tree = { 'src/app.ts': 'export const app = 1;\n' };
  const doc = [
    '# Lista de verificação', // 1
    '## Segurança', // 2
    '- [x] CORS restrito', // 3
    '- [ ] Rate limiting por IP', // 4
    '  - [ ] Cabeçalhos de segurança', // 5
    '- [ ] ❌ Refresh token', // 6
    '## Daftar periksa', // 7
    '- [ ] Caching strategy', // 8
    '**Próximos passos sugeridos:**', // 9
    '1. Testar em ambiente de staging', // 10
    '## Langkah selanjutnya', // 11
    '- ✅ Pastikan backup harian', // 12
    '- Jalankan migrasi', // 13
  ].join('\n');
  const { at, has } = verifyIn(tree, doc);
  it('beside ticked ones, an unticked box says the thing is not done yet (a progress checklist)', () => {
    expect(at(4).asserted).toBe('not-done');
    expect(at(5).asserted).toBe('not-done');
    expect(at(8).asserted).toBe('not-done');
  });
  it('an open box whose document ticks none is a to-do and claims nothing', () => {
    const open = verifyIn(tree, ['# Lista', '- [ ] Rate limiting por IP', '- [ ] Caching strategy'].join('\n'));
    expect(open.has(2)).toBe(false);
    expect(open.has(3)).toBe(false);
  });
  it('a mark after the box is still the author’s verdict', () => {
    expect(at(6).asserted).toBe('not-done');
  });
  it('Portuguese and Indonesian next steps and imperatives are not claims', () => {
    expect(has(10)).toBe(false);
    expect(has(13)).toBe(false);
  });
});

describe('round 3 classes: run results, opinions, considerations, and a policy is not a privacy endpoint', () => {
  const tree: Tree = {
    'src/privacy.rs': 'pub async fn delete_user_data() { /* GDPR erasure */ }\n',
    'Cargo.toml': '[package]\nname = "r"\nversion = "0.1.0"\n\n[dependencies]\nredis = "0.24"\n',
    '.golangci.yml': 'version: "2"\n',
  };
  const report = reportWith([rule('quality/linting', 'pass', 'golangci-lint configured and run in CI')]);
  const doc = [
    '# Release', // 1
    '- ✅ golangci-lint: 0 issues', // 2
    '- ✅ Efficient Redis operations', // 3
    '- ✅ Privacy policy considerations', // 4
    '- ✅ Terms of service ready', // 5
    '- ⚠️ Rust 1.75 verification needed', // 6
    '- ✅ Full test coverage', // 7
  ].join('\n');
  const { at } = verifyIn(tree, doc, report);
  it('"0 issues" and "full test coverage" are what a run shows, not a linter being configured', () => {
    expect(at(2).verdict).toBe('unverifiable');
    expect(at(7).verdict).toBe('unverifiable');
  });
  it('"Efficient X" is an opinion and "X considerations" a thought, not confirmed by a dependency', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(4).verdict).toBe('unverifiable');
  });
  it('terms of service are not confirmed by code about privacy', () => {
    expect(at(5).verdict).not.toBe('confirmed');
  });
  it('"verification needed" is a check still to make, not a claim settled by the manifest', () => {
    expect(at(6).verdict).toBe('unverifiable');
  });
});

describe('round 3 classes: problems under "Critical blockers" and "Serious issues", without their consequences', () => {
  const tree: Tree = {
    'app/components/layout.rb': 'def hide_scrollbar_classes; "scrollbar-none"; end\n',
    'bundle-analysis.html': '<script>const data = {"name":"@sentry/browser"}</script>\n',
    'config/database.yml': 'production:\n  adapter: sqlite3\n',
  };
  const doc = [
    '# Assessment', // 1
    '## 🚨 **CRITICAL BLOCKERS** (Must fix before production)', // 2
    '### 1. **SQLite in Production**', // 3
    '- Currently using SQLite for production database', // 4
    '- This will cause database locked errors under load', // 5
    '## ⚠️ **SERIOUS ISSUES**', // 6
    '- No error monitoring (Sentry, Rollbar, etc.)', // 7
    '- Users won’t receive password reset emails', // 8
    '- Vite configuration needs production optimization', // 9
  ].join('\n');
  const { at, has } = verifyIn(tree, doc);
  it('items under blockers and qualified issue headings are problems the document says are there', () => {
    expect(at(4).asserted).toBe('done');
    expect(at(7).asserted).toBe('not-done');
  });
  it('the consequence of a problem and advice about it are not findings', () => {
    expect(has(5)).toBe(false);
    expect(has(8)).toBe(false);
    expect(has(9)).toBe(false);
  });
  it('"scrollbar" is not Rollbar and a bundle report naming a library is not code', () => {
    expect(at(7).verdict).not.toBe('contradicted');
  });
});

describe('round 3 classes: lists under "Core Strengths", "What Works" and "… Features" say what is there', () => {
  const tree: Tree = {
    'pyproject.toml': '[project]\nname = "svc"\nversion = "1.0.0"\ndependencies = ["alembic>=1.13", "celery>=5"]\n',
    'alembic/env.py': 'from alembic import context\n',
  };
  const doc = [
    '# Project assessment', // 1
    '## Architecture', // 2
    '### Core Strengths', // 3
    '#### **Database Design (92/100)**', // 4
    '- Comprehensive migration system with Alembic', // 5
    '### Available Integrations', // 6
    '- **Celery**: Background task processing', // 7
    '### Benefits of This Structure', // 8
    '- **Scalability**: Easy to add new domains', // 9
    '### What Works', // 10
    '1. Configure the queue worker', // 11
  ].join('\n');
  const { at, has } = verifyIn(tree, doc);
  it('an unmarked item under such a heading is a claim that the thing is there', () => {
    expect(at(5)).toMatchObject({ asserted: 'done', verdict: 'confirmed' });
    expect(at(7)).toMatchObject({ asserted: 'done' });
  });
  it('the heading claims nothing itself, other headings do not lend a status, and steps stay steps', () => {
    expect(has(3)).toBe(false);
    expect(has(6)).toBe(false);
    expect(has(9)).toBe(false);
    expect(has(11)).toBe(false);
  });
});

describe('round 3 classes: product features by the names code gives them, and optional features are features', () => {
  const tree: Tree = {
    'apps/api/src/routes/webhooks.ts': 'export const webhookRouter = makeRouter();\n',
    'apps/api/src/services/calendar.ts': 'export const toIcal = (e) => "BEGIN:VCALENDAR";\n',
  };
  const doc = [
    '# Checklist', // 1
    '## Funcionalidades', // 2
    '- [x] **Webhooks** - Sistema completo de eventos', // 3
    '- [x] **Calendário** - exportação/importação iCal', // 4
    '- [x] **Atalhos de Teclado** - Navegação rápida', // 5
    '## Optional Features Assessment', // 6
    '### Available Integrations', // 7
    '- **Webhooks**: event delivery', // 8
  ].join('\n');
  const { at } = verifyIn(tree, doc);
  it('a feature whose code is there is confirmed with the line; one whose code is nowhere is not', () => {
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
    expect(at(3).evidence[0]?.path).toBe('apps/api/src/routes/webhooks.ts');
    expect(at(4)).toMatchObject({ verdict: 'confirmed' });
    expect(at(5).verdict).not.toBe('confirmed');
  });
  it('"Optional Features" lists features that can be switched on, not a plan', () => {
    expect(at(8)).toMatchObject({ asserted: 'done', verdict: 'confirmed' });
  });
});

describe('round 3 classes: counts of source files and of kinds of class, from the file listing', () => {
  const java = (p: string) => `package x;\nclass ${p.slice(p.lastIndexOf('/') + 1, -5)} {}\n`;
  const paths = [
    'src/main/java/x/controller/HouseController.java',
    'src/main/java/x/controller/TenantController.java',
    'src/main/java/x/controller/PaymentController.java',
    'src/main/java/x/dto/HouseRequest.java',
    'src/main/java/x/dto/HouseResponse.java',
    'src/main/java/x/dto/PaymentRequest.java',
    'src/main/java/x/App.java',
    'src/test/java/x/HouseControllerTest.java',
  ];
  const tree: Tree = Object.fromEntries(paths.map((p) => [p, java(p)]));
  const doc = [
    '# Progress', // 1
    '- ✅ 7 Java source files', // 2
    '- ✅ 3 REST Controllers', // 3
    '- ✅ 2 DTO classes (Request/Response)', // 4
    '- ✅ 3 REST Controllers with 16 API endpoints', // 5
    '- ✅ Deployed as 4 services', // 6
  ].join('\n');
  const { at } = verifyIn(tree, doc);
  it('a count that matches the listing is confirmed, outside tests', () => {
    expect(at(2)).toMatchObject({ verdict: 'confirmed' });
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
  });
  it('a count the listing no longer matches is out of date', () => {
    expect(at(4)).toMatchObject({ verdict: 'contradicted' });
  });
  it('a line with figures not counted is not confirmed by the one that is, and "4 services" is not classes', () => {
    expect(at(5).verdict).toBe('unverifiable');
    expect(at(6).verdict).not.toBe('contradicted');
  });
});

describe('round 3 classes: files kept for contributors are settled by the file', () => {
  const tree: Tree = { '.github/pull_request_template.md': '## What\n', 'src/app.py': 'x = 1\n' };
  const doc = ['# Setup', '- ✅ Pull Request template', '- ✅ Contributing guidelines'].join('\n');
  const { at } = verifyIn(tree, doc);
  it('the template is there; contributing guidelines are not', () => {
    expect(at(2)).toMatchObject({ verdict: 'confirmed' });
    expect(at(2).evidence[0]?.path).toBe('.github/pull_request_template.md');
    expect(at(3).verdict).not.toBe('confirmed');
  });
});

describe('round 3 classes: a heading over key files makes each item a claim that its files are there', () => {
  const tree: Tree = { 'pom.xml': '<project/>\n', 'src/main/java/x/App.java': 'class App {}\n' };
  const doc = [
    '# Summary', // 1
    '## 📁 Key Files to Review', // 2
    '1. **Config**: `pom.xml`', // 3
    '2. **Docs**: `CONTRIBUTING.md`', // 4
    '## Notes', // 5
    '1. **Config**: `settings.gradle`', // 6
  ].join('\n');
  const { at, has } = verifyIn(tree, doc);
  it('a file named there is confirmed; one that is gone is not', () => {
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
    expect(at(4).verdict).not.toBe('confirmed');
  });
  it('the same item under another heading still names a file that must be there (round 6: a path in ticks is a claim)', () => {
    expect(has(6)).toBe(true);
    expect(at(6).verdict).toBe('contradicted');
  });
});

describe('round 3 classes: dependency audits in CI, and "zero vulnerabilities" is what the audit run says', () => {
  const tree: Tree = { 'src/main.rs': 'fn main() {}\n' };
  const report = reportWith([rule('security/security-scanning', 'pass', 'CI runs cargo audit')]);
  const doc = [
    '# Checklist', // 1
    '- [x] Dependency vulnerability monitoring', // 2
    '- [x] Security audit (cargo audit)', // 3
    '- [x] Zero security vulnerabilities (cargo audit)', // 4
  ].join('\n');
  const { at } = verifyIn(tree, doc, report);
  it('monitoring and a named audit tool are the scanning practice', () => {
    expect(at(2)).toMatchObject({ verdict: 'confirmed', rule: 'security/security-scanning' });
    expect(at(3)).toMatchObject({ verdict: 'confirmed', rule: 'security/security-scanning' });
  });
  it('the result of a run is not confirmed by the run being configured', () => {
    expect(at(4).verdict).toBe('unverifiable');
  });
});

describe('round 3 classes: server settings a hardening checklist names, by the settings that make them', () => {
  const tree: Tree = {
    'src/Api/KestrelServer.cs': [
      'builder.WebHost.ConfigureKestrel(options =>',
      '{',
      '    options.AddServerHeader = false;',
      '});',
    ].join('\n'),
  };
  const doc = [
    '# Checklist',
    '- [x] Kestrel configured explicitly',
    '- [x] Server header disabled',
    '- [x] Request size limit configured',
  ].join('\n');
  const { at } = verifyIn(tree, doc);
  it('settings found in code confirm, with their line; a limit set nowhere does not', () => {
    expect(at(2)).toMatchObject({ verdict: 'confirmed' });
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
    expect(at(3).evidence[0]).toMatchObject({ path: 'src/Api/KestrelServer.cs', line: 3 });
    expect(at(4).verdict).not.toBe('confirmed');
  });
});
