/**
 * Blind round 40, smaller classes (issue 15): a Galaxy requirements.yml that installs the collection
 * from its own tree (`collections: - name: .`) fetches nothing to pin; module-size does not name the
 * largest module from a folder kept for old code (old/, legacy/, deprecated/, archive/); browser
 * scripts a Rust/Go server serves from public/ are not the product's language share.
 */
import { describe, expect, it } from 'vitest';
import lockfiles from './security/lockfiles.js';
import coverageGate from './quality/coverage-gate.js';
import moduleSize from './architecture/module-size.js';
import typeSafety from './architecture/type-safety.js';
import securityMiddleware from './security/security-middleware.js';
import healthChecks from './reliability/health-checks.js';
import metrics from './observability/metrics.js';
import databaseMigrations from './architecture/database-migrations.js';
import resourceLimits from './reliability/resource-limits.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

const TASKS =
  '---\n- name: Configure sshd\n  ansible.builtin.template:\n    src: sshd_config.j2\n    dest: /etc/ssh/sshd_config\n';

function collection(extra: Tree): Tree {
  const tree: Tree = {
    'README.md': '# Ansible collection\n',
    'galaxy.yml': 'namespace: example\nname: net\nversion: 1.2.0\nreadme: README.md\n',
    ...extra,
  };
  for (let i = 0; i < 5; i++) tree[`roles/r${i}/tasks/main.yml`] = TASKS;
  return tree;
}

describe('round 40: an Ansible requirements.yml that installs from its own tree', () => {
  it('`collections: - name: .` (and `type: dir`) is no dependency to pin', async () => {
    const run = await runRuleOn(
      lockfiles,
      collection({
        'requirements.yml': '---\ncollections:\n  - name: .\n    type: dir\n  - name: ./vendor/helper\n',
      }),
    );
    expect(run.outcome).not.toBe('fail');
    expect(JSON.stringify(run.evidence)).not.toContain('not pinned');
  });

  it('beside the self-reference a remote collection without a version is still unpinned', async () => {
    const run = await runRuleOn(
      lockfiles,
      collection({ 'requirements.yml': '---\ncollections:\n  - name: .\n  - name: community.general\n' }),
    );
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]).toMatchObject({ path: 'requirements.yml', line: 4 });
    expect(run.evidence[0]!.note).toContain('1 of 1 Ansible Galaxy requirements not pinned');
  });
});

describe('round 40: the largest module is not named from a folder of retired code', () => {
  const big = (n: number) => `${'x = 1\n'.repeat(n)}`;
  it('old/ and legacy/ copies are set aside; the live package decides', async () => {
    const run = await runRuleOn(
      moduleSize,
      {
        'pyproject.toml': '[project]\nname = "app"\n',
        'app/core.py': big(1200),
        'app/small.py': big(40),
        'old/app.py': big(6100),
        'legacy/views.py': big(3000),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('app/core.py');
    expect(run.message).not.toContain('old/');
    expect(JSON.stringify(run.evidence)).not.toContain('legacy/');
  });

  it('a feature folder named archive/ deeper in the package is still counted', async () => {
    const run = await runRuleOn(
      moduleSize,
      { 'pyproject.toml': '[project]\nname = "app"\n', 'app/archive/store.py': big(2500), 'app/a.py': big(10) },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('app/archive/store.py');
  });
});

describe('round 40: browser scripts served as static assets by a typed server', () => {
  const rust = (extra: Tree): Tree => {
    const tree: Tree = { 'Cargo.toml': '[package]\nname = "srv"\nversion = "0.1.0"\n', ...extra };
    for (let i = 0; i < 20; i++) tree[`src/m${i}.rs`] = `pub fn f${i}() -> u32 { ${i} }\n`;
    tree['src/main.rs'] = 'fn main() {}\n';
    return tree;
  };
  const js = { 'public/static/index.js': 'document.title = "x";\n', 'public/static/settings.js': 'let a = 1;\n' };

  it('public/static/*.js beside a Rust service does not make it partial', async () => {
    const run = await runRuleOn(typeSafety, rust(js), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Rust');
    expect(run.message).toContain('2 JavaScript file(s) served as static assets (public/static/)');
  });

  it("the same scripts built by a package.json are the product's JavaScript and still judged", async () => {
    const run = await runRuleOn(
      typeSafety,
      rust({ ...js, 'package.json': '{"name":"web","scripts":{"build":"esbuild public/static/index.js"}}\n' }),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('JavaScript');
  });
});

describe('round 40: a library that registers ASP.NET Core middleware says so in its N/A reason', () => {
  const lib = (ext: string): Tree => ({
    'src/Acme.Infrastructure/Acme.Infrastructure.csproj':
      '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework><IsPackable>true</IsPackable></PropertyGroup>\n  <ItemGroup><PackageReference Include="Microsoft.AspNetCore.Authentication.JwtBearer" Version="8.0.0" /></ItemGroup>\n</Project>\n',
    'src/Acme.Infrastructure/Extensions.cs': ext,
  });
  it('AddCors/UseCors in the library code are named, not "no web framework"', async () => {
    const run = await runRuleOn(
      securityMiddleware,
      lib(
        'namespace Acme;\npublic static class Extensions\n{\n    public static IServiceCollection AddCore(this IServiceCollection services)\n    {\n        services.AddCors(o => o.AddPolicy("api", p => p.WithOrigins("https://a.example")));\n        return services;\n    }\n}\n',
      ),
      { profile: 'library' },
    );
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('profile is library: its code registers HTTP middleware');
    expect(run.message).toContain('src/Acme.Infrastructure/Extensions.cs:6');
    expect(run.message).not.toContain('no web framework');
  });

  it('a library with no middleware at all keeps the plain reason', async () => {
    const run = await runRuleOn(
      securityMiddleware,
      lib('namespace Acme;\npublic static class Text\n{\n    public static string Up(string s) => s.ToUpper();\n}\n'),
      { profile: 'library' },
    );
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('no web framework or HTTP server detected');
  });
});

describe('round 40: a library compose file that builds only its samples is an example deployment', () => {
  const compose = (dockerfile: string) =>
    [
      'services:',
      '  gateway:',
      '    image: acme/gateway:latest',
      '    build:',
      '      context: .',
      `      dockerfile: ${dockerfile}`,
      '    ports:',
      '      - "5000:80"',
      '  redis:',
      '    image: redis:7',
      '',
    ].join('\n');
  const lib = (dockerfile: string): Tree => ({
    'src/Acme.Core/Acme.Core.csproj':
      '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework><IsPackable>true</IsPackable></PropertyGroup>\n</Project>\n',
    'src/Acme.Core/Thing.cs': 'namespace Acme;\npublic class Thing {}\n',
    [dockerfile]: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY . /app\nENTRYPOINT ["dotnet", "/app/Gateway.dll"]\n',
    'docker-compose.yml': compose(dockerfile),
  });

  it('health-checks and resource-limits are N/A, the services named as an example deployment', async () => {
    for (const rule of [healthChecks, resourceLimits]) {
      const run = await runRuleOn(rule, lib('samples/Gateway/Dockerfile'), { profile: 'library' });
      expect(run.outcome).toBe('not-applicable');
      expect(run.message).toContain('gateway (docker-compose.yml:2) set aside as an example deployment');
      expect(run.message).not.toMatch(/no Dockerfile[,)]/);
    }
  });

  it('the same compose file building a Dockerfile outside the examples is still judged', async () => {
    const run = await runRuleOn(healthChecks, lib('deploy/Dockerfile'), { profile: 'library' });
    expect(run.outcome).toBe('fail');
  });
});

describe('round 40: a /metrics route that writes the exposition format by hand', () => {
  const app = (route: string): Tree => ({
    'package.json': '{"name":"api","dependencies":{"express":"^4.19.0"}}\n',
    'src/main.ts':
      "import express from 'express';\nimport { router } from './router';\nconst app = express();\napp.use(router);\napp.listen(8080);\n",
    'src/router.ts': route,
  });
  const byHand = [
    "import { Router } from 'express';",
    'export const router = Router();',
    "router.get('/metrics', (req, res) => {",
    "  res.set('Content-Type', 'text/plain; version=0.0.4');",
    '  const lines: string[] = [];',
    "  lines.push('# HELP app_instances_total Number of instances');",
    "  lines.push('# TYPE app_instances_total gauge');",
    '  lines.push(`app_instances_total ${count()}`);',
    "  lines.push('# TYPE app_instance_up gauge');",
    "  res.send(lines.join('\\n'));",
    '});',
    '',
  ].join('\n');

  it('is credited as metrics written by hand, not "no code that registers metrics"', async () => {
    const run = await runRuleOn(metrics, app(byHand), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('writes the Prometheus exposition format by hand (2 metric families');
    expect(run.message).not.toContain('no code that registers metrics');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'src/router.ts', line: 7 }));
  });

  it('a /metrics route that only names the format keeps the old wording', async () => {
    const plain = byHand.replace(/ {2}lines\.push\('# [^\n]*\n/g, '');
    const run = await runRuleOn(metrics, app(plain), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no code that registers metrics');
  });
});

describe('round 40: a command-line tool whose database is its input owns no schema', () => {
  const tool = (driver: string): Tree => ({
    'go.mod': 'module example.com/schemadoc\n\ngo 1.22\n\nrequire github.com/go-sql-driver/mysql v1.8.1\n',
    'main.go': 'package main\n\nimport "example.com/schemadoc/cmd"\n\nfunc main() { cmd.Execute() }\n',
    'cmd/root.go':
      'package cmd\n\nimport "github.com/spf13/cobra"\n\nvar rootCmd = &cobra.Command{Use: "schemadoc"}\n\nfunc Execute() { _ = rootCmd.Execute() }\n',
    'drivers/mysql/mysql.go': driver,
  });
  const reader = [
    'package mysql',
    '',
    'import (',
    '\t"database/sql"',
    '\t_ "github.com/go-sql-driver/mysql"',
    ')',
    '',
    'func Tables(db *sql.DB, schema string) (*sql.Rows, error) {',
    '\treturn db.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = ?", schema)',
    '}',
    '',
    'func Def(db *sql.DB, t string) (*sql.Rows, error) {',
    '\treturn db.Query("SHOW CREATE TABLE `" + t + "`")',
    '}',
    '',
  ].join('\n');

  it('reads information_schema and SHOW CREATE TABLE, creates nothing: not applicable, the reason says why', async () => {
    const run = await runRuleOn(databaseMigrations, tool(reader), { profile: 'cli' });
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('the databases it connects to are its input');
    expect(run.message).toContain('drivers/mysql/mysql.go:9');
  });

  it('a tool that also creates its own table owns that schema and is judged', async () => {
    const run = await runRuleOn(
      databaseMigrations,
      tool(
        `${reader}func Init(db *sql.DB) error {\n\t_, err := db.Exec("CREATE TABLE IF NOT EXISTS runs (id INT)")\n\treturn err\n}\n`,
      ),
      { profile: 'cli' },
    );
    expect(run.outcome).not.toBe('not-applicable');
  });
});

describe('round 40: Gradle coordinates handed to a configuration another way are dependencies', () => {
  const build = (deps: string): Tree => ({
    'settings.gradle.kts': 'rootProject.name = "app"\n',
    'build.gradle.kts': `plugins {\n    application\n}\n\ndependencies {\n${deps}}\n`,
    'src/main/java/app/Main.java': 'package app;\npublic class Main { public static void main(String[] a) {} }\n',
  });

  it('listOf("g:a:v").forEach { testImplementation(it) } and rewrite("g:a:v") are declared, not "no dependencies to lock"', async () => {
    const run = await runRuleOn(
      lockfiles,
      build(
        '    listOf("org.testng:testng:7.0.0", "com.fasterxml.jackson.core:jackson-core:2.13.1")\n        .forEach { testImplementation(it) }\n    rewrite("org.openrewrite.recipe:rewrite-migrate-java:3.22.0")\n',
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('build.gradle.kts');
    expect(run.message).not.toContain('no dependencies to lock');
  });

  it('a buildscript classpath plugin alone is still no dependency to lock', async () => {
    const run = await runRuleOn(
      lockfiles,
      {
        ...build(''),
        'build.gradle.kts':
          'buildscript {\n    dependencies {\n        classpath("com.example:gradle-plugin:1.0.0")\n    }\n}\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('fail');
  });
});

describe('round 40: a script CI calls with --no-coverage measures nothing there', () => {
  const script = [
    '#!/usr/bin/env bash',
    'ENABLE_COVERAGE=true',
    'for arg in "$@"; do',
    '  if [ "$arg" = "--no-coverage" ]; then ENABLE_COVERAGE=false; fi',
    'done',
    'if [ "$ENABLE_COVERAGE" = true ]; then',
    '  coverage run -m pytest tests',
    '  coverage report',
    'else',
    '  pytest tests',
    'fi',
    '',
  ].join('\n');
  const tree = (args: string): Tree => ({
    'bin/test.sh': script,
    '.github/workflows/test.yml': `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: bash ./bin/test.sh${args}\n`,
    'pyproject.toml': '[project]\nname = "app"\n\n[tool.coverage.run]\nsource = ["app"]\n',
    'app/main.py': 'def main():\n    return 1\n',
    'tests/test_main.py': 'def test_main():\n    assert True\n',
  });

  it('with --no-coverage the coverage branch is not credited as measured in CI', async () => {
    const run = await runRuleOn(coverageGate, tree(' --no-coverage'), { profile: 'service' });
    expect(run.message).not.toContain('measured in CI');
  });

  it('the same call without the flag measures coverage in CI', async () => {
    const run = await runRuleOn(coverageGate, tree(''), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('measured in CI');
  });
});
