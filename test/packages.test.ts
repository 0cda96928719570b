/**
 * Monorepos audited per package (--packages): each workspace package gets its own profile, pillars
 * and gates from the one scan; what it inherits from the repository is marked; SARIF points into
 * each package's files; workspaces of every ecosystem are found.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/index.js';
import { parseManifests } from '../src/facts/manifests/index.js';
import { detectWorkspaces } from '../src/facts/workspaces.js';
import { reportSchema, type Report } from '../src/report/schema.js';
import { memoryIndex } from '../src/testing/memory.js';
import { builtins } from './helpers/builtins.js';
import { fixture } from './helpers/cli.js';
import { tempDir, writeTree } from './helpers/tree.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, env: {} };
  const code = await main(argv, io, builtins);
  return { code, stdout, stderr };
}
const rules = (r: { pillars: Report['pillars'] }) => r.pillars.flatMap((p) => p.rules);

let plain: Report;
let withPackages: Report;
beforeAll(async () => {
  plain = JSON.parse((await run(['audit', fixture('monorepo'), '--format', 'json'])).stdout);
  const r = await run(['audit', fixture('monorepo'), '--packages', '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  withPackages = reportSchema.parse(JSON.parse(r.stdout)) as Report;
});

describe('readiness audit --packages', () => {
  it('each workspace package gets its own profile, pillars and score; the root part is unchanged', () => {
    expect(withPackages.schemaVersion).toBe(2);
    const pk = withPackages.packages!;
    expect(pk.map((p) => [p.path, p.name, p.profile.id])).toEqual([
      ['packages/api', '@acme/api', 'service'],
      ['packages/ui-kit', '@acme/ui-kit', 'library'],
    ]);
    expect(pk[0]!.manifest).toBe('packages/api/package.json');
    // Service rules apply to the API, not to the UI kit.
    const health = (i: number) => rules(pk[i]!).find((r) => r.id === 'observability/health-endpoints')!.outcome;
    expect(health(0)).not.toBe('not-applicable');
    expect(health(1)).toBe('not-applicable');
    // Evidence points at repository paths inside the package.
    const tests = rules(pk[0]!).find((r) => r.id === 'quality/tests-present')!;
    expect(tests.evidence[0]!.path).toBe('packages/api/test/server.test.ts');
    const { packages: _p, ...root } = withPackages;
    expect(root.pillars).toEqual(plain.pillars);
    expect(root.summary).toEqual(plain.summary);
  });

  it('repository-level practices are inherited and marked as such', () => {
    const api = withPackages.packages![0]!;
    expect(api.inherited).toEqual(expect.arrayContaining(['operations/ci-pipeline', 'security/security-policy']));
    const policy = rules(api).find((r) => r.id === 'security/security-policy')!;
    const rootPolicy = rules(withPackages).find((r) => r.id === 'security/security-policy')!;
    expect(policy.outcome).toBe(rootPolicy.outcome);
    expect(policy.evidence.every((e) => e.note?.includes('inherited from the repository'))).toBe(true);
    // A root file the package has no own copy of (the README) serves it, marked as inherited.
    const readme = rules(api).find((r) => r.id === 'architecture/readme')!;
    expect(readme.evidence[0]).toMatchObject({ path: 'README.md', note: expect.stringContaining('inherited') });
  });

  it('one scan serves every package: the same files are read as without --packages', () => {
    expect(withPackages.stats.filesRead).toBe(plain.stats.filesRead);
  });

  it('gates apply to each package; --packages-fail-on all fails only when every package fails', async () => {
    const pk = withPackages.packages!;
    const scores = pk.map((p) => p.summary.score!);
    const between = Math.min(...scores) + 1;
    expect(Math.max(...scores)).toBeGreaterThanOrEqual(between);
    const any = await run([
      'audit',
      fixture('monorepo'),
      '--packages',
      '--min-score',
      String(between),
      '--format',
      'json',
    ]);
    expect(any.code).toBe(1);
    expect(any.stderr).toMatch(
      /gate failed: 1 of 2 packages fail the gates: packages\/\S+ \(overall score \d+ is below/,
    );
    const all = await run([
      'audit',
      fixture('monorepo'),
      '--packages',
      '--min-score',
      String(between),
      '--packages-fail-on',
      'all',
      '--format',
      'json',
    ]);
    const gate = (JSON.parse(all.stdout) as Report).gates.checks.find((c) => c.kind === 'packages')!;
    expect(gate).toMatchObject({ target: 'all', passed: true });
    expect((await run(['audit', fixture('monorepo'), '--packages', '--packages-fail-on', 'some'])).code).toBe(2);
  });

  it('Markdown and HTML show a package table; SARIF results point into each package', async () => {
    const md = (await run(['audit', fixture('monorepo'), '--packages', '--format', 'md'])).stdout;
    expect(md).toMatch(/## Packages\n/);
    expect(md).toMatch(/^\| `packages\/api` \(@\u200bacme\/api\) \| service \| \d+ /m); // no @mention (inertReferences)
    const html = (await run(['audit', fixture('monorepo'), '--packages', '--format', 'html'])).stdout;
    expect(html).toContain('<tr data-package="packages/ui-kit">');
    const sarif = JSON.parse((await run(['audit', fixture('monorepo'), '--packages', '--format', 'sarif'])).stdout);
    const own = sarif.runs[0].results.filter((r: { properties: { package?: string } }) => r.properties.package);
    expect(own.length).toBeGreaterThan(0);
    for (const r of own) {
      const uri: string = r.locations[0].physicalLocation.artifactLocation.uri;
      expect(uri.startsWith(`${r.properties.package}/`), uri).toBe(true);
      expect(r.message.text.startsWith(`${r.properties.package}: `)).toBe(true);
    }
  });

  it('`packages:` globs in the configuration choose the packages', async () => {
    const dir = tempDir('readiness-pkg-');
    writeTree(dir, {
      '.readiness.yml': 'packages: ["services/*"]\n',
      'services/billing/go.mod': 'module example.com/billing\n\ngo 1.22\n',
      'services/billing/main.go': 'package main\n\nfunc main() {}\n',
      'services/users/package.json': '{"name": "users", "dependencies": {"express": "^4.19.0"}}\n',
      'tools/gen/package.json': '{"name": "gen"}\n',
    });
    const r = await run(['audit', dir, '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.packages!.map((p) => [p.path, p.ecosystem])).toEqual([
      ['services/billing', 'go'],
      ['services/users', 'npm'],
    ]);
  });
});

describe('workspace packages of every ecosystem', () => {
  const detect = (tree: Record<string, string>) => {
    const files = memoryIndex(tree);
    return detectWorkspaces(files, parseManifests(files).manifests).map((w) => w.path);
  };
  it('npm workspaces, Cargo members, go.work, Maven modules and Gradle includes', () => {
    expect(detect({ 'package.json': '{"workspaces": ["apps/*"]}', 'apps/web/package.json': '{"name":"web"}' })).toEqual(
      ['apps/web'],
    );
    expect(
      detect({
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
        'crates/core/Cargo.toml': '[package]\nname = "core"\n',
      }),
    ).toEqual(['crates/core']);
    expect(detect({ 'go.work': 'go 1.22\n\nuse (\n\t./svc\n)\n', 'svc/go.mod': 'module x/svc\n' })).toEqual(['svc']);
  });
  it('Nx projects, .NET solutions and Python workspaces', () => {
    expect(
      detect({ 'nx.json': '{}', 'apps/shop/project.json': '{"name":"shop"}', 'apps/shop/src/main.ts': '' }),
    ).toEqual(['apps/shop']);
    const sln =
      'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "src\\Api\\Api.csproj", "{1}"\nEndProject\n';
    expect(
      detect({ 'Shop.sln': sln, 'src/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>' }),
    ).toEqual(['src/Api']);
    expect(
      detect({
        'pyproject.toml': '[project]\nname = "root"\n\n[tool.uv.workspace]\nmembers = ["libs/*"]\n',
        'libs/auth/pyproject.toml': '[project]\nname = "auth"\n',
      }),
    ).toEqual(['libs/auth']);
    expect(
      detect({
        'api/pyproject.toml': '[project]\nname = "api"\n',
        'worker/pyproject.toml': '[project]\nname = "worker"\n',
        'tests/pyproject.toml': '[project]\nname = "t"\n',
      }),
    ).toEqual(['api', 'worker']);
  });
});

describe('paths', () => {
  it('a package view never reaches outside the listed files', async () => {
    const { mapPackage } = await import('../src/walk/package-view.js');
    const m = mapPackage(
      [
        'README.md',
        'packages/a/x.ts',
        'packages/b/y.ts',
        'packages/shared.json',
        '.github/workflows/ci.yml',
        'other/z.ts',
      ],
      'packages/a',
    );
    expect([...m.full.entries()]).toEqual([
      ['x.ts', 'packages/a/x.ts'],
      ['README.md', 'README.md'],
      ['packages/shared.json', 'packages/shared.json'],
      ['.github/workflows/ci.yml', '.github/workflows/ci.yml'],
    ]);
    expect(join('packages/a', 'x.ts')).toBe('packages/a/x.ts');
  });
});

describe('schema versions', () => {
  it('a version 1 report (no stamp, level or packages) still renders, diffs and serves as a baseline', async () => {
    const { stamp: _s, packages: _p, level: _l, ...v1 } = { ...withPackages, schemaVersion: 1 };
    const dir = tempDir('readiness-v1-');
    const file = join(dir, 'old.json');
    writeTree(dir, { 'old.json': JSON.stringify(v1) });
    expect((await run(['render', file, '--format', 'md'])).code).toBe(0);
    expect((await run(['diff', file, file])).code).toBe(0);
    const r = await run(['audit', fixture('monorepo'), '--baseline', file, '--fail-on-regression', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
  });
});
