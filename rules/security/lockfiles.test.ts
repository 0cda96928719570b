import { describe, expect, it } from 'vitest';
import rule from './lockfiles.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';

const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'x', dependencies: deps }, null, 2);

/** A Python formatter published to PyPI: its own command, built by a [build-system] backend (or, without one, an app run from the checkout). */
const pyCli = (built: boolean) => ({
  'pyproject.toml': `${built ? '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n' : ''}[project]\nname = "tidy"\ndependencies = ["platformdirs>=3"]\n\n[project.scripts]\ntidy = "tidy:main"\n`,
  'tidy/__init__.py': 'def main():\n    return 0\n',
});

ruleTester(rule, {
  valid: [
    {
      name: 'a module named setup.py inside a package and a setup.cfg of tool sections only are no manifests (round 13)',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "board"\ndependencies = ["flask>=3"]\n',
        'uv.lock': 'version = 1\n',
        'board/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n',
        'board/constants/setup.py':
          'from board.constants import RawEnum\n\n\nclass DEFAULTS(RawEnum):\n    THEME = "core"\n',
        'board/forms/setup.py': 'def setup(form):\n    return form\n',
        'setup.cfg': '[flake8]\nmax-line-length = 88\n\n[nosetests]\nverbosity=2\n',
      },
      expect: {
        outcome: 'pass',
        message: 'All 1 dependency manifest has its lockfile.',
        evidence: [{ path: 'pyproject.toml', note: 'locked by uv.lock' }],
        data: { manifests: 1, locked: 1 },
        absent: ['Not judged', 'constants/setup.py'],
      },
    },
    {
      name: 'a command-line package built for PyPI is resolved by pip/pipx from its metadata: no lockfile needed',
      tree: pyCli(true),
      expect: {
        outcome: 'pass',
        message: 'Not judged: pyproject.toml (a command-line package built for PyPI',
        data: { manifests: 0 },
      },
    },
    {
      name: 'a packable NuGet library and its benchmark and helper projects follow the library policy (round 10, .NET library)',
      profile: 'library',
      tree: {
        'Directory.Build.props': '<Project><PropertyGroup><IsPackable>false</IsPackable></PropertyGroup></Project>\n',
        'Acme.Shell/Acme.Shell.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <IsPackable>true</IsPackable>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="PolyShim" PrivateAssets="all" />\n  </ItemGroup>\n</Project>\n',
        'Acme.Shell.Benchmarks/Acme.Shell.Benchmarks.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="BenchmarkDotNet" />\n  </ItemGroup>\n</Project>\n',
        'Acme.Shell.Signal/Acme.Shell.Signal.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="System.CommandLine" />\n  </ItemGroup>\n</Project>\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Acme.Shell/Acme.Shell.csproj (a library',
        evidence: [
          { path: 'Acme.Shell/Acme.Shell.csproj', note: expect.stringContaining('a library') },
          // A *.Benchmarks project is benchmark code by its folder name (the shared path rules); a helper
          // project beside the library is exempt as a project of a NuGet library.
          {
            path: 'Acme.Shell.Benchmarks/Acme.Shell.Benchmarks.csproj',
            note: expect.stringContaining('no lockfile needed: documentation, test or example code'),
          },
          {
            path: 'Acme.Shell.Signal/Acme.Shell.Signal.csproj',
            note: expect.stringContaining('of a NuGet library: not shipped'),
          },
        ],
      },
    },
    {
      name: 'a src/ project that sets NuGet package metadata (PackageTags, license, readme; no PackageId) is the shipped library',
      profile: 'library',
      tree: {
        'src/Logkit/Logkit.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <Description>Structured logging</Description>\n    <PackageTags>logging;structured</PackageTags>\n    <PackageLicenseExpression>Apache-2.0</PackageLicenseExpression>\n    <PackageReadmeFile>README.md</PackageReadmeFile>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="PolySharp" PrivateAssets="all" />\n  </ItemGroup>\n</Project>\n',
        'test/Logkit.Tests/Logkit.Tests.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="xunit" />\n  </ItemGroup>\n</Project>\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'src/Logkit/Logkit.csproj',
            note: 'no lockfile needed: a library: its users resolve versions from its package metadata, no lockfile needed',
          },
        ],
        absent: ['src/Logkit/Logkit.csproj (a test, benchmark or helper project'],
      },
    },
    {
      name: "a library's unpinned dev requirements need no lock",
      profile: 'library',
      tree: {
        'requirements-dev.txt': 'pytest>=8\nsphinx\n',
        'pyproject.toml': '[project]\nname = "lib"\ndependencies = ["urllib3>=2"]\n',
      },
      expect: { outcome: 'pass', data: { manifests: 0 } },
    },
    {
      name: "a published Gradle library's module builds need no gradle.lockfile (round 9, a cache library)",
      profile: 'library',
      tree: {
        'settings.gradle.kts': 'include("cache")\n',
        'cache/build.gradle.kts':
          'plugins {\n  `java-library`\n  `maven-publish`\n}\ndependencies {\n  api("org.jspecify:jspecify:1.0.0")\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Not judged: cache/build.gradle.kts (a library',
        evidence: [{ path: 'cache/build.gradle.kts', note: expect.stringContaining('no lockfile needed: a library') }],
        data: { manifests: 0 },
      },
    },
    {
      name: 'an npm workspace monorepo with one root lockfile passes',
      tree: {
        'package.json': JSON.stringify({
          name: 'root',
          private: true,
          workspaces: ['packages/*'],
          devDependencies: { typescript: '5.0.0' },
        }),
        'package-lock.json': '{}',
        'packages/api/package.json': pkg({ express: '^4.19.0' }),
        'packages/web/package.json': pkg({ react: '^18.0.0' }),
      },
      expect: {
        outcome: 'pass',
        data: { manifests: 3, locked: 3 },
        evidence: [{ path: 'packages/api/package.json', note: 'locked by package-lock.json' }],
      },
    },
    {
      name: 'Poetry, go.sum and pinned requirements pass',
      tree: {
        'svc/pyproject.toml':
          '[tool.poetry]\nname = "svc"\n[tool.poetry.dependencies]\npython = "^3.12"\nfastapi = "^0.110"\n',
        'svc/poetry.lock': '# lock\n',
        'go.mod': 'module x\n\nrequire github.com/gin-gonic/gin v1.9.0\n',
        'go.sum': 'h1\n',
        'worker/requirements.txt': 'celery==5.3.6\nredis==5.0.1 \\\n    --hash=sha256:abc\n',
      },
      expect: { outcome: 'pass', data: { manifests: 3, locked: 3 } },
    },
    {
      name: 'tool crates that are members of a library workspace share its (absent) Cargo.lock; a cargo-fuzz harness is not shipped (round 14)',
      tree: {
        'Cargo.toml':
          '[package]\nname = "wire"\nversion = "0.4.0"\n[dependencies]\nbytes = "1"\n\n[workspace]\nmembers = [\n    "tests/wire-support",\n    "util/*",\n]\n',
        'src/lib.rs': 'pub fn f() {}\n',
        '.gitignore': 'target\nCargo.lock\n',
        'util/genfixture/Cargo.toml':
          '[package]\nname = "genfixture"\nversion = "0.1.0"\n[dependencies]\nserde_json = "1"\n',
        'util/genfixture/src/main.rs': 'fn main() {}\n',
        'fuzz/Cargo.toml':
          '[package]\nname = "wire-fuzz"\nversion = "0.0.0"\npublish = false\n\n[package.metadata]\ncargo-fuzz = true\n\n[dependencies]\nlibfuzzer-sys = "0.4"\n\n[[bin]]\nname = "frame"\npath = "fuzz_targets/frame.rs"\n',
        'fuzz/fuzz_targets/frame.rs': '#![no_main]\nfn main() {}\n',
      },
      expect: {
        outcome: 'pass',
        message: [
          'util/genfixture/Cargo.toml (member of the library workspace Cargo.toml',
          'fuzz/Cargo.toml (cargo-fuzz harness',
        ],
        data: { missing: [] },
      },
    },
    {
      name: 'an application crate in a virtual workspace without Cargo.lock is asked for the root lock, cited at the member',
      tree: {
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
        'crates/server/Cargo.toml': '[package]\nname = "server"\nversion = "0.1.0"\n[dependencies]\naxum = "0.7"\n',
        'crates/server/src/main.rs': 'fn main() {}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'crates/server/Cargo.toml',
            line: 1,
            note: 'application crate in the workspace Cargo.toml, which has no Cargo.lock',
          },
        ],
      },
    },
    {
      name: 'a library crate needs no Cargo.lock; a Gemfile with Gemfile.lock passes',
      tree: {
        'Cargo.toml': '[package]\nname = "parser"\nversion = "0.1.0"\n[dependencies]\nserde = "1"\n',
        'src/lib.rs': 'pub fn f() {}\n',
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n",
        'Gemfile.lock': 'GEM\n',
      },
      expect: { outcome: 'pass', data: { manifests: 1, locked: 1 } },
    },
    {
      name: "a gem's dev-only Gemfile (`gemspec`) needs no Gemfile.lock, as Composer libraries need no composer.lock",
      tree: {
        'validator.gemspec':
          'Gem::Specification.new do |spec|\n  spec.name = "validator"\n  spec.add_runtime_dependency "concurrent-ruby", "~> 1.0"\nend\n',
        Gemfile: 'source "https://rubygems.org"\n\ngemspec\n\ngroup :test do\n  gem "rspec"\nend\n',
        'lib/validator.rb': 'module Validator\nend\n',
      },
      expect: {
        outcome: 'pass',
        message:
          'Not judged: Gemfile (a library: its users resolve versions from its package metadata, no lockfile needed)',
        evidence: [
          {
            path: 'Gemfile',
            note: 'no lockfile needed: a library: its users resolve versions from its package metadata, no lockfile needed',
          },
        ],
        data: { manifests: 0 },
      },
    },
    {
      name: "a Python library's tool requirements (mypy, docs) are counted as not judged, and the message says which and why",
      profile: 'library',
      tree: {
        'pyproject.toml': '[project]\nname = "humane"\ndependencies = []\n',
        'requirements-mypy.txt': 'mypy\npytest\ntypes-freezegun\n',
        'docs/requirements.txt': 'mkdocs>=1.6\nmkdocs-material\n',
      },
      expect: {
        outcome: 'pass',
        message: [
          'Not judged: docs/requirements.txt (documentation, test or example code)',
          'requirements-mypy.txt (a library',
        ],
        evidence: [{ path: 'requirements-mypy.txt', note: expect.stringContaining('no lockfile needed: a library') }],
      },
    },
  ],
  invalid: [
    {
      name: 'a command-line program without a build backend runs from the checkout: its unlocked dependencies are a finding',
      tree: pyCli(false),
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'pyproject.toml', note: expect.stringContaining('no poetry.lock, uv.lock') }],
      },
    },
    {
      name: 'Helm: Chart.yaml dependencies are locked by Chart.lock; a chart without one is a finding with its line (round 5)',
      profile: 'infrastructure',
      tree: {
        'charts/cloud/Chart.yaml':
          'apiVersion: v2\nname: cloud\nversion: 9.1.0\ndependencies:\n  - name: postgresql\n    version: 16.7.4\n    repository: oci://registry.example.org/charts\n  - name: redis\n    version: 21.1.3\n    repository: oci://registry.example.org/charts\n',
        'charts/cloud/Chart.lock': 'dependencies:\n- name: postgresql\n  version: 16.7.4\n',
        'charts/proxy/Chart.yaml':
          'apiVersion: v2\nname: proxy\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 2.x.x\n    repository: https://charts.example.org\n',
        'charts/plain/Chart.yaml': 'apiVersion: v2\nname: plain\nversion: 0.1.0\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: '1 of 2 dependency manifests has no lockfile: charts/proxy/Chart.yaml',
        evidence: [
          {
            path: 'charts/proxy/Chart.yaml',
            line: 4,
            note: '1 chart dependency but no Chart.lock (helm dependency update writes it)',
          },
          { path: 'charts/cloud/Chart.yaml', note: '2 chart dependencies locked by charts/cloud/Chart.lock' },
        ],
      },
    },
    {
      name: 'Helm: a v1 requirements.yaml is locked by requirements.lock or by the Chart.lock beside it; with neither it is a finding (round 32)',
      profile: 'infrastructure',
      tree: {
        'charts/app/Chart.yaml': 'apiVersion: v1\nname: app\nversion: 2.0.0\n',
        'charts/app/requirements.yaml':
          'dependencies:\n  - name: postgresql\n    version: 13.2.24\n    repository: https://charts.example.org\n',
        'charts/app/Chart.lock': 'dependencies:\n- name: postgresql\n  version: 13.2.24\n',
        'charts/old/Chart.yaml': 'apiVersion: v1\nname: old\nversion: 1.0.0\n',
        'charts/old/requirements.yaml':
          'dependencies:\n  - name: redis\n    version: 10.0.0\n    repository: https://charts.example.org\n',
      },
      expect: {
        outcome: 'partial',
        message: '1 of 2 dependency manifests has no lockfile: charts/old/requirements.yaml',
        evidence: [
          {
            path: 'charts/old/requirements.yaml',
            line: 1,
            note: '1 chart dependency but no requirements.lock (helm dependency update writes it)',
          },
          { path: 'charts/app/requirements.yaml', note: '1 chart dependency locked by charts/app/Chart.lock' },
        ],
      },
    },
    {
      name: 'a service with only loose dev requirements still needs them pinned',
      profile: 'service',
      tree: { 'requirements-dev.txt': 'pytest>=8\n', 'requirements.txt': 'fastapi==0.110.0\n' },
      expect: { outcome: 'partial', score: 0.5, data: { missing: ['requirements-dev.txt'] } },
    },
    {
      name: 'a Node service without a lockfile fails with a finding on the manifest',
      tree: { 'package.json': pkg({ express: '^4.19.0' }), 'index.js': 'require("express")\n' },
      expect: { outcome: 'fail', evidence: [{ path: 'package.json', line: 1 }], data: { missing: ['package.json'] } },
    },
    {
      name: 'loose requirements and a Cargo application without Cargo.lock: partial, with evidence per manifest',
      tree: {
        'requirements.txt': 'flask>=2.0\ngunicorn==21.2.0\n',
        'cli/Cargo.toml': '[package]\nname = "tool"\nversion = "0.1.0"\n[dependencies]\nclap = "4"\n',
        'cli/src/main.rs': 'fn main() {}\n',
        'go.mod': 'module x\n\nrequire github.com/go-chi/chi/v5 v5.0.0\n',
        'go.sum': 'h1\n',
      },
      expect: {
        outcome: 'partial',
        score: [0.3, 0.4],
        message: ['2 of 3', 'cli/Cargo.toml', 'requirements.txt'],
        evidence: [
          {
            path: 'requirements.txt',
            line: 1,
            note: '1 of 2 requirements not pinned with == (e.g. flask >=2.0, line 1)',
          },
          { path: 'cli/Cargo.toml', line: 1 },
        ],
      },
    },
    {
      name: 'a .NET project without packages.lock.json and a Laravel app without composer.lock fail',
      profile: 'service',
      tree: {
        'src/Api/Api.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Serilog" Version="3.1.1" />\n  </ItemGroup>\n</Project>\n',
        'composer.json': JSON.stringify({ require: { 'laravel/framework': '^11.0' } }),
      },
      expect: { outcome: 'fail', data: { missing: ['composer.json', 'src/Api/Api.csproj'] } },
    },
  ],
  notApplicable: [
    { name: 'no manifest: not applicable', tree: { 'README.md': '# x\n' }, expect: { outcome: 'not-applicable' } },
  ],
});

describe('lockfiles: a Helm chart whose only dependencies are local subcharts needs no Chart.lock (round 18)', () => {
  const chart = (deps: string) => `apiVersion: v2\nname: operator\nversion: 0.5.0\ndependencies:\n${deps}`;
  const tree = (deps: string) => ({
    'charts/operator/Chart.yaml': chart(deps),
    'charts/operator/charts/crds/Chart.yaml': 'apiVersion: v2\nname: crds\nversion: 0.1.0\n',
    'charts/metrics/Chart.yaml':
      'apiVersion: v2\nname: metrics\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 18.0.0\n    repository: oci://registry-1.docker.io/bitnamicharts\n',
  });
  it('a vendored subchart (no repository, or file://) is not counted; a remote one without Chart.lock is', async () => {
    for (const deps of [
      '  - name: crds\n    version: "0.1.0"\n    condition: crds.enabled\n',
      '  - name: crds\n    version: "0.1.0"\n    repository: "file://./charts/crds"\n',
    ]) {
      const run = await runRuleOn(rule, tree(deps));
      expect(run.outcome).toBe('fail');
      expect(run.message).toBe('1 of 1 dependency manifest has no lockfile: charts/metrics/Chart.yaml.');
      expect(run.evidence[0]).toMatchObject({ path: 'charts/metrics/Chart.yaml', line: 4 });
    }
  });
  it('a remote dependency listed after a local one still needs the lock', async () => {
    const run = await runRuleOn(
      rule,
      tree(
        '  - name: crds\n    version: "0.1.0"\n  - repository: https://charts.example.org\n    name: common\n    version: 2.0.0\n',
      ),
    );
    expect(run.message).toMatch(
      /^2 of 2 dependency manifests have no lockfile: charts\/metrics\/Chart.yaml, charts\/operator\/Chart.yaml/,
    );
  });
});

describe('lockfiles: a maintainer helper crate beside a library is not a shipped program (blind round 30)', () => {
  const lib = {
    'Cargo.toml': '[package]\nname = "xmlish"\nversion = "0.3.0"\n[dependencies]\nmemchr = "2"\n',
    'src/lib.rs': 'pub fn parse() {}\n',
    '.gitignore': 'target\nCargo.lock\n',
  };
  const gen = '[package]\nname = "test-gen"\nversion = "0.1.0"\n[dependencies]\nserde_json = "1.0"\n';
  it('a test-data generator outside the workspace is set aside like a fuzz harness', async () => {
    const run = await runRuleOn(
      rule,
      { ...lib, 'test-gen/Cargo.toml': gen, 'test-gen/src/main.rs': 'fn main() {}\n' },
      { profile: 'library' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('test-gen/Cargo.toml (maintainer helper in test-gen/ beside a library');
  });
  it('an unpublished xtask is set aside even in an application repository', async () => {
    const run = await runRuleOn(
      rule,
      {
        'Cargo.toml': '[package]\nname = "srv"\nversion = "0.1.0"\n[dependencies]\naxum = "0.7"\n',
        'src/main.rs': 'fn main() {}\n',
        'Cargo.lock': '# lock\n',
        'xtask/Cargo.toml':
          '[package]\nname = "xtask"\nversion = "0.1.0"\npublish = false\n[dependencies]\nclap = "4"\n',
        'xtask/src/main.rs': 'fn main() {}\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });
  it('a program crate in an ordinary folder of a library, or a published tool, still needs its lock', async () => {
    const server = await runRuleOn(
      rule,
      {
        ...lib,
        'server/Cargo.toml': '[package]\nname = "xmlish-server"\nversion = "0.1.0"\n[dependencies]\naxum = "0.7"\n',
        'server/src/main.rs': 'fn main() {}\n',
      },
      { profile: 'library' },
    );
    expect(server.outcome).toBe('fail');
    expect(server.message).toContain('server/Cargo.toml');
    const tool = await runRuleOn(
      rule,
      {
        'Cargo.toml': '[workspace]\nmembers = ["tools/cli"]\n',
        'tools/cli/Cargo.toml': '[package]\nname = "cli"\nversion = "1.0.0"\n[dependencies]\nclap = "4"\n',
        'tools/cli/src/main.rs': 'fn main() {}\n',
      },
      { profile: 'cli' },
    );
    expect(tool.outcome).toBe('fail');
  });
});
