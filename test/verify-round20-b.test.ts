/**
 * readiness verify: precision (rounds 5–19, ninth session) — verdicts a careful reader calls wrong in the
 * other direction, each on a small document of our own against an in-memory tree. A list's items are
 * what the line just above them marks, not what an older heading said; a setting's value contradicts
 * only a value of the same kind, under a key the claim names; a limit is not a measured figure; a count
 * of the whole suite is not the count of a part the line names.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const noRateLimit = reportWith([
  {
    id: 'reliability/rate-limiting',
    outcome: 'fail',
    message: 'No rate limiting found',
    evidence: [{ path: '.' }],
    score: 0,
  },
]);

describe('a list under a lead-in line that carries its own mark', () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","version":"1.0.0","dependencies":{"express":"^4.19.0"}}\n',
    'src/export.ts': [
      "import { Router } from 'express';",
      'export const router = Router();',
      "router.get('/export/:id', (req, res) => res.json({ id: req.params.id }));",
      "router.put('/export/:id', (req, res) => res.json({ ok: true }));",
      '',
    ].join('\n'),
  };
  const fixed = [
    '# Audit', // 1
    '', // 2
    '### 2. ❌ Export routes missing', // 3
    '**Problem:** there was no GET/:id', // 4
    '**Fix:** ✅ Added two routes in `src/export.ts`', // 5
    '- GET /export/:id - read one export', // 6
    '- PUT /export/:id - update an export', // 7
  ].join('\n');

  it('reads the items as the lead-in marks them (done), not as the heading does', () => {
    const { at } = verifier('AUDIT.md')(tree, fixed);
    expect(at(6).verdict).not.toBe('contradicted');
    expect(at(7).verdict).not.toBe('contradicted');
  });

  it('still reads items right under a heading of gaps as missing', () => {
    const gaps = ['# Audit', '', '### ❌ Export routes missing', '- GET /export/:id - read one export'].join('\n');
    const { at } = verifier('AUDIT.md')(tree, gaps);
    expect(at(4).verdict).toBe('contradicted');
  });
});

describe('a warning mark on a line that itself states an absence', () => {
  const tree: Tree = {
    'package.json': '{"name":"api","version":"1.0.0","dependencies":{"express":"^4.19.0"}}\n',
    'src/app.ts':
      "import express from 'express';\nexport const app = express();\napp.get('/health', (_q, r) => r.send('ok'));\n",
  };

  it('is confirmed when nothing is there: the line says so', () => {
    const doc = ['# Review', '', '- ⚠️ IMPROVABLE - No rate limiting on the login route'].join('\n');
    const { at } = verifier('REVIEW.md')(tree, doc, noRateLimit);
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toContain('absent, as the line itself says');
  });

  it('stays contradicted when the partial line names something present-in-part that is absent', () => {
    const doc = ['# Review', '', '- ⚠️ Rate limiting on the login route (partly done)'].join('\n');
    const { at } = verifier('REVIEW.md')(tree, doc, noRateLimit);
    expect(at(3).verdict).toBe('contradicted');
  });
});

describe('a setting compared with what the line says of it', () => {
  const tree: Tree = {
    'package.json': JSON.stringify(
      { name: 'web', version: '1.0.0', scripts: { build: 'vite build', lint: 'eslint .' } },
      null,
      2,
    ),
    '.golangci.yml': 'issues:\n  max-issues-per-linter: 50\nlinters:\n  enable:\n    - govet\n',
    'config/logging.yml': 'log:\n  format: text\n  level: info\n',
    'src/main.ts': 'console.log("web");\n',
  };
  const doc = [
    '# Status', // 1
    '', // 2
    '- **Build Status**: SUCCESSFUL', // 3
    '- **Lint issues**: 478 (tracked)', // 4
    '- **Max issues per linter**: 40', // 5
    '- **Log format**: JSON', // 6
  ].join('\n');

  it('does not contradict a verdict word with a command the key holds', () => {
    const { result } = verifier('STATUS.md')(tree, doc);
    const c = result.claims.find((x) => x.line === 3);
    expect(c?.verdict ?? 'unverifiable').not.toBe('contradicted');
  });

  it('does not contradict a measured figure with a limit, unless the line speaks of the limit', () => {
    const { result } = verifier('STATUS.md')(tree, doc);
    const c4 = result.claims.find((x) => x.line === 4);
    expect(c4?.verdict ?? 'unverifiable').not.toBe('contradicted');
    const c5 = result.claims.find((x) => x.line === 5);
    expect(c5?.verdict).toBe('contradicted');
    expect(c5?.reason).toContain('50');
  });

  it('still contradicts a word value of the same kind under the key the line names', () => {
    const { at } = verifier('STATUS.md')(tree, doc);
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('text');
  });
});

describe("publishing in the app's own sense", () => {
  const tree: Tree = {
    'package.json': '{\n  "name": "newsroom",\n  "private": true,\n  "version": "1.0.0"\n}\n',
    'src/articles.ts': 'export const publishArticle = (id: string) => ({ id, published: true });\n',
  };

  it('"Publish to the feed" or "publishing API" is not a package kept from a registry', () => {
    const doc = ['# Status', '', '- ✅ Role-based publishing API implemented', '- ✅ Ready to publish to npm'].join(
      '\n',
    );
    const { result, at } = verifier('STATUS.md')(tree, doc);
    const c3 = result.claims.find((x) => x.line === 3);
    expect(c3?.reason ?? '').not.toContain('from the registry');
    // A registry named beside the word: the private package is kept from it.
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('from the registry');
  });
});

describe('an extension written alone, as a glob whose star was read as emphasis', () => {
  const tree: Tree = {
    'Shop.sln': 'Microsoft Visual Studio Solution File\n',
    'frontend/index.html': '<html></html>\n',
    'frontend/admin.html': '<html></html>\n',
    'frontend/js/app.js': 'console.log(1);\n',
  };
  const doc = [
    '# Layout', // 1
    '', // 2
    '- ✅ `frontend/*.html` - static pages', // 3
    '- ✅ `frontend/js/*.js` - plain scripts', // 4
    '- ✅ `docs/*.md` - guides', // 5
  ].join('\n');

  it('is the files with that extension under the folder', () => {
    const { at } = verifier('LAYOUT.md')(tree, doc);
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]?.path).toBe('frontend/admin.html');
    expect(at(4).verdict).toBe('confirmed');
  });

  it('is contradicted when the folder holds none', () => {
    const { at } = verifier('LAYOUT.md')(tree, doc);
    expect(at(5).verdict).toBe('contradicted');
  });
});

describe('a name written with a trailing underscore: the start of names', () => {
  const tree: Tree = {
    'go.mod': 'module example.com/keys\n\ngo 1.22\n',
    'internal/keys/keys.go': 'package keys\n\nconst PublicPrefix = "pq_pk_live"\nconst SecretPrefix = "pq_sk_live"\n',
    'internal/config/config.go': 'package config\n\ntype Config struct {\n\tazure_speech_key string\n}\n',
  };
  const doc = [
    '# Keys', // 1
    '', // 2
    '- ✅ API keys with a recognisable prefix (`pq_pk_`, `pq_sk_`)', // 3
    '- ✅ The `azure_speech_*` settings exist', // 4
    '- ✅ The `zz_missing_*` settings exist', // 5
  ].join('\n');

  it('is found where a longer name begins with it', () => {
    const { at } = verifier('KEYS.md')(tree, doc);
    expect(at(3).verdict).not.toBe('contradicted');
    expect(at(4).verdict).not.toBe('contradicted');
  });

  it('is still not found where no name begins with it', () => {
    const { at } = verifier('KEYS.md')(tree, doc);
    expect(at(5).reason).toContain('zz_missing not found');
  });
});

describe('a clipboard or calendar on a heading whose words say the work is done', () => {
  const tree: Tree = {
    'package.json': '{"name":"api","version":"1.0.0","dependencies":{"express":"^4.19.0"}}\n',
    'src/app.ts':
      "import express from 'express';\nexport const app = express();\napp.get('/status/health', (_q, r) => r.send('ok'));\n",
  };

  it('reads the items as done (the words win over the picture)', () => {
    const doc = ['# Report', '', '## 📋 Endpoints implementados', '', '- `GET /status/health` - estado geral'].join(
      '\n',
    );
    const { at } = verifier('REPORT.md')(tree, doc);
    expect(at(5).verdict).toBe('confirmed');
  });

  it('still reads a clipboard over a plan as planned', () => {
    const doc = ['# Report', '', '## 📋 Next steps', '', '- ✅ `GET /status/health` - estado geral'].join('\n');
    const { at } = verifier('REPORT.md')(tree, doc);
    expect(at(5).verdict).toBe('confirmed');
  });
});

describe('a port a compose file lists under "ports:"', () => {
  const tree: Tree = {
    'docker-compose.yml': [
      'services:',
      '  kafka:',
      '    image: bitnami/kafka:3.7',
      '    environment:',
      '      KAFKA_CFG_LISTENERS: PLAINTEXT://:9092',
      '      KAFKA_CFG_CONTROLLER_PORT: 9093',
      '    ports:',
      '      - "9092:9092"',
      '  db:',
      '    image: postgres:16',
      '    ports:',
      '      - "127.0.0.1:5434:5432"',
      '',
    ].join('\n'),
    'src/main.py': 'print("app")\n',
  };

  it("is found on the line of the list, not only on the key's own line", () => {
    const doc = ['# Services', '', '- ✅ Kafka active (port 9092)', '- ✅ Database port: 5434 (host)'].join('\n');
    const { at } = verifier('SERVICES.md')(tree, doc);
    expect(at(3).verdict).not.toBe('contradicted');
    expect(at(4).verdict).not.toBe('contradicted');
  });

  it('is not what a run met ("restart fails: port 9092 already in use")', () => {
    const doc = ['# Incidents', '', '- ✅ Port conflicts: restart fails due to port 9092 already in use'].join('\n');
    const { result } = verifier('INCIDENTS.md')(tree, doc);
    const c = result.claims.find((x) => x.line === 3);
    expect(c?.reason ?? '').not.toContain('is mapped');
  });
});

describe('a name the line says was removed, which the search does not find', () => {
  const tree: Tree = {
    'pom.xml': '<project><artifactId>shop</artifactId></project>\n',
    'src/main/java/shop/AuthController.java':
      'package shop;\n\npublic class AuthController {\n  private static final org.slf4j.Logger log = null;\n  public void login() { log.info("login"); }\n}\n',
    'src/main/java/shop/Cache.java': 'package shop;\n\npublic class RedisCacheService {}\n',
  };
  const doc = [
    '# Cleanup', // 1
    '', // 2
    '- ✅ Eliminados todos los `System.out.println` del código', // 3
    '- ✅ Remove `MockCacheService`', // 4
    '- ✅ `RedisCacheService` added', // 5
    '- ✅ `LegacyQueue` added', // 6
  ].join('\n');

  it('is gone, as the line says', () => {
    const { at } = verifier('CLEANUP.md')(tree, doc);
    expect(at(3).verdict).toBe('confirmed');
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toContain('gone');
  });

  it('a name said to be added and not found is still not confirmed', () => {
    const { at } = verifier('CLEANUP.md')(tree, doc);
    expect(at(5).verdict).toBe('confirmed');
    expect(at(6).verdict).not.toBe('confirmed');
  });
});

describe('a marked heading over a list: the title of the group', () => {
  const tree: Tree = {
    '.github/workflows/ci.yml':
      'name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    'package.json': '{"name":"api","version":"1.0.0","scripts":{"test":"vitest run"}}\n',
    'src/a.ts': 'export const a = 1;\n',
  };

  it('is no claim; its items are', () => {
    const doc = [
      '# Status',
      '',
      '## ✅ CI/CD Pipeline',
      '',
      '- ✅ Tests run on every push',
      '- ✅ `src/a.ts` exists',
    ].join('\n');
    const { has } = verifier('STATUS.md')(tree, doc);
    expect(has(3)).toBe(false);
    expect(has(6)).toBe(true);
  });

  it('stays a claim over prose, or when it gives a figure', () => {
    const prose = ['# Status', '', '## ✅ CI/CD Pipeline', '', 'The pipeline runs the tests.'].join('\n');
    expect(verifier('STATUS.md')(tree, prose).has(3)).toBe(true);
    const figure = ['# Status', '', '## ✅ Test suite (100% passing)', '', '- ✅ `src/a.ts` exists'].join('\n');
    expect(verifier('STATUS.md')(tree, figure).has(3)).toBe(true);
  });
});

describe("an app's own dashboard is not a monitoring dashboard", () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","version":"1.0.0"}\n',
    'src/pages/AdminDashboard.tsx': 'export const AdminDashboard = () => null;\n',
  };
  const noDashboards = reportWith([
    {
      id: 'observability/dashboards',
      outcome: 'fail',
      message: 'No dashboards defined as code',
      evidence: [{ path: '.' }],
      score: 0,
    },
  ]);
  const doc = [
    '# Status',
    '',
    '- ✅ Admin dashboard with order statistics',
    '- ✅ Grafana dashboards for the API',
  ].join('\n');

  it('is not judged by the rule for monitoring dashboards', () => {
    const { result } = verifier('STATUS.md')(tree, doc, noDashboards);
    const c = result.claims.find((x) => x.line === 3);
    expect(c?.rule ?? '').not.toBe('observability/dashboards');
    expect(c?.verdict ?? 'unverifiable').not.toBe('contradicted');
  });

  it('a dashboard of monitoring still is', () => {
    const { at } = verifier('STATUS.md')(tree, doc, noDashboards);
    expect(at(4)).toMatchObject({ verdict: 'contradicted', rule: 'observability/dashboards' });
  });
});
