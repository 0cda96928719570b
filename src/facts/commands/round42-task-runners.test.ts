import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain } from './index.js';

function chains(tree: Tree): string[] {
  const g = commandGraph(memoryIndex(tree));
  return g.runs
    .filter((r) => r.origin.kind === 'ci' && r.tools.length)
    .flatMap((r) => r.tools.map((t) => describeChain(r, t.name)));
}

const pyproject = [
  '[project]',
  'name = "lib"',
  '',
  '[tool.poe.tasks]',
  'test = "pytest"',
  'docs = "sphinx-build -W -b html doc build"',
  'check = ["test", "docs"]',
  '',
  '[tool.poe.tasks.lint]',
  'sequence = [',
  '    { cmd = "ruff check ." },',
  '    { cmd = "ruff format --check ." },',
  ']',
  '',
].join('\n');

describe('round 42: CI steps reached through a task runner', () => {
  it('poe tasks named by a matrix entry of `uv run --python … poe ${{ matrix.task }}`', () => {
    const tree: Tree = {
      'pyproject.toml': pyproject,
      '.github/workflows/ci.yaml': [
        'on: push',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    strategy:',
        '      matrix:',
        '        include:',
        '          - python: "3.12"',
        '            task: check',
        '          - python: "3.13"',
        '            task: lint',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: uv run --python ${{ matrix.python }} poe ${{ matrix.task }}',
        '',
      ].join('\n'),
    };
    // Each include entry is one job: `poe check` (a list of task names) and `poe lint` (its own table).
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yaml:14 → pyproject.toml:7 (poe task check) → pyproject.toml:5 (poe task test) → pytest',
      '.github/workflows/ci.yaml:14 → pyproject.toml:9 (poe task lint) → Ruff',
      '.github/workflows/ci.yaml:14 → pyproject.toml:9 (poe task lint) → Ruff format',
    ]);
    // A task the matrix does not name is not run in CI.
    const only = {
      ...tree,
      '.github/workflows/ci.yaml': (tree['.github/workflows/ci.yaml'] as string).replace('task: lint', 'task: docs'),
    };
    expect(chains(only)).toEqual([
      '.github/workflows/ci.yaml:14 → pyproject.toml:7 (poe task check) → pyproject.toml:5 (poe task test) → pytest',
    ]);
  });

  it('mix aliases: `mix ci` runs the tasks its alias lists; an alias naming itself runs the task', () => {
    const mixExs = [
      'defmodule App.MixProject do',
      '  def project, do: [app: :app, aliases: aliases()]',
      '',
      '  defp aliases do',
      '    [',
      '      setup: ["deps.get", "ecto.setup"],',
      '      test: ["ecto.create --quiet", "ecto.migrate --quiet", "test"],',
      '      ci: [',
      '        "format --check-formatted",',
      '        # "sobelow" is not run yet',
      '        "credo --strict",',
      '        "test"',
      '      ]',
      '    ]',
      '  end',
      '',
      '  defp deps, do: [{:credo, "~> 1.7", only: [:dev, :test]}]',
      'end',
      '',
    ].join('\n');
    const gha = (run: string) =>
      `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;
    expect(chains({ 'mix.exs': mixExs, '.github/workflows/ci.yml': gha('MIX_ENV=test mix ci') })).toEqual([
      '.github/workflows/ci.yml:7 → mix.exs:9 (mix alias ci) → mix format',
      '.github/workflows/ci.yml:7 → mix.exs:11 (mix alias ci) → mix credo',
      '.github/workflows/ci.yml:7 → mix.exs:12 (mix alias ci) → mix.exs:7 (mix alias test) → mix test',
    ]);
    // `mix test` with an alias of that name still runs the tests, through the alias.
    expect(chains({ 'mix.exs': mixExs, '.github/workflows/ci.yml': gha('mix test --cover') })).toEqual([
      '.github/workflows/ci.yml:7 → mix.exs:7 (mix alias test) → mix test',
      '.github/workflows/ci.yml:7 → mix.exs:7 (mix alias test) → mix test --cover',
    ]);
    // No alias of that name: the command is what it says, and an unknown task runs nothing known.
    expect(chains({ 'mix.exs': mixExs, '.github/workflows/ci.yml': gha('mix credo') })).toEqual([
      '.github/workflows/ci.yml:7 → mix credo',
    ]);
    expect(chains({ 'mix.exs': mixExs, '.github/workflows/ci.yml': gha('mix check') })).toEqual([]);
  });

  it("a platform library's Node pipeline (`withPipeline(type, …)`) runs the package's lint and test scripts", () => {
    const jenkinsfile = (lib: string, type: string) =>
      [
        '#!groovy',
        `@Library("${lib}")`,
        '',
        `def type = "${type}"`,
        'def product = "shop"',
        '',
        'withPipeline(type, product, "web") {',
        "  afterAlways('build') {",
        "    sh 'yarn setup'",
        '  }',
        '  enableAksStagingDeployment()',
        '}',
        '',
      ].join('\n');
    const pkg = JSON.stringify(
      {
        scripts: { lint: 'eslint .', test: 'mocha test/unit', 'test:a11y': 'mocha test/a11y', setup: 'node build.js' },
      },
      null,
      2,
    );
    const tree: Tree = { Jenkinsfile_CNP: jenkinsfile('Infrastructure', 'nodejs'), 'package.json': `${pkg}\n` };
    const via = "Jenkinsfile_CNP:7 (Jenkins library step withPipeline (nodejs): the library's default stages)";
    expect(chains(tree)).toEqual([
      `${via} → package.json:3 (yarn script lint) → ESLint`,
      `${via} → package.json:4 (yarn script test) → Mocha`,
      `${via} → package.json:5 (yarn script test:a11y) → Mocha`,
    ]);
    // The type written in the call, in the parameterized variant.
    const parameterized =
      "@Library('Infrastructure@2.4.9') _\n\nwithParameterizedPipeline('nodejs', 'shop', 'web', params.ENV, 'a') {\n}\n";
    expect(chains({ ...tree, Jenkinsfile_parameterized: parameterized, Jenkinsfile_CNP: '' })).toHaveLength(3);
    // Another library's step of that name, or a pipeline type of another stack: not known here.
    expect(chains({ ...tree, Jenkinsfile_CNP: jenkinsfile('acme-pipelines', 'nodejs') })).toEqual([]);
    expect(chains({ ...tree, Jenkinsfile_CNP: jenkinsfile('Infrastructure', 'java') })).toEqual([]);
  });

  it("a pipeline written as a Dagger program (mage as a library): its container execs are the CI step's commands", () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  ci:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: |',
        '          cd build',
        '          go run main.go -w ../ ci',
        '',
      ].join('\n'),
      'build/main.go':
        'package main\n\nimport "github.com/magefile/mage/mage"\n\nfunc main() { os.Exit(mage.Main()) }\n',
      'build/magefiles.go': [
        'package main',
        '',
        'import "dagger.io/dagger"',
        '',
        'func CI(ctx context.Context) {',
        '\tdag, _ := dagger.Connect(ctx)',
        '\tmg.CtxDeps(ctx, Test)',
        '}',
        '',
        'func Test(ctx context.Context) {',
        '\tdag, _ := dagger.Connect(ctx)',
        '\timage.New(ctx, dag).Test()',
        '}',
        '',
      ].join('\n'),
      'build/image/test.go': [
        'package image',
        '',
        'import "dagger.io/dagger"',
        '',
        'func (image *Image) Test() *Image {',
        '\treturn image.WithTest()',
        '}',
        '',
        'func (image *Image) WithTest() *Image {',
        '\timage.container = image.container.',
        '\t\tWithExec([]string{',
        '\t\t\t"mix", "test",',
        '\t\t})',
        '\treturn image',
        '}',
        '',
        'func (image *Image) Lint() *Image {',
        '\timage.container = image.container.WithExec([]string{"mix", "credo"})',
        '\treturn image',
        '}',
        '',
      ].join('\n'),
    };
    // Lint() is never called from the target: only the tests run.
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yml:9 → build/image/test.go:11 (mage Test (Dagger container exec)) → mix test',
    ]);
  });
});
