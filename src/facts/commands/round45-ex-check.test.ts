import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { checkConfig } from './ex-check.js';
import { commandGraph, describeChain } from './index.js';

function chains(tree: Tree): string[] {
  const g = commandGraph(memoryIndex(tree));
  return g.runs
    .filter((r) => r.origin.kind === 'ci' && r.tools.length)
    .flatMap((r) => r.tools.map((t) => describeChain(r, t.name)));
}

const gha = (run: string) =>
  `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;

const mixExs = (deps: string[], aliases = '') =>
  [
    'defmodule App.MixProject do',
    '  def project, do: [app: :app, deps: deps(), aliases: aliases()]',
    '  defp deps do',
    '    [',
    ...deps.map((d) => `      {:${d}, "~> 1.0", only: [:dev, :test], runtime: false},`),
    '    ]',
    '  end',
    `  defp aliases, do: [${aliases}]`,
    'end',
    '',
  ].join('\n');

const checkExs = [
  '[',
  '  ## always run tools in fix mode',
  '  fix: true,',
  '  tools: [',
  '    {:compiler, env: %{"MIX_ENV" => "test"}},',
  '    {:sobelow, "mix sobelow --config"},',
  '    {:prettier, "yarn run lint:check", fix: "yarn run lint:fix"},',
  '    {:credo, false},',
  '    # {:dialyzer, false},',
  '    {:ex_unit, env: %{"MIX_ENV" => "test"}}',
  '  ]',
  ']',
  '',
].join('\n');

describe('round 45: `mix check` runs the tools ex_check is given', () => {
  it('follows an alias to a .check.exs: curated defaults present, configured commands, less the disabled', () => {
    const tree: Tree = {
      'mix.exs': mixExs(['credo', 'ex_check', 'sobelow', 'dialyxir'], 'check: "check --config=tooling/.check.exs"'),
      'tooling/.check.exs': checkExs,
      '.formatter.exs': '[inputs: ["*.exs"]]\n',
      'lib/app.ex': 'defmodule App do\nend\n',
      'test/app_test.exs': 'defmodule AppTest do\nend\n',
      'package.json':
        '{\n  "scripts": {\n    "lint:check": "prettier --check .",\n    "lint:fix": "prettier --write ."\n  }\n}\n',
      '.github/workflows/ci.yml': gha('mix check --no-fix'),
    };
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yml:7 → tooling/.check.exs:5 (mix check tool compiler) → mix compile',
      '.github/workflows/ci.yml:7 → mix.exs:6 (mix check tool formatter) → mix format',
      '.github/workflows/ci.yml:7 → tooling/.check.exs:10 (mix check tool ex_unit) → mix test',
      '.github/workflows/ci.yml:7 → tooling/.check.exs:6 (mix check tool sobelow) → Sobelow',
      '.github/workflows/ci.yml:7 → mix.exs:6 (mix check tool dialyzer) → mix dialyzer',
      '.github/workflows/ci.yml:7 → tooling/.check.exs:7 (mix check tool prettier) → package.json:3 (yarn script lint:check) → Prettier',
    ]);
  });

  it('without --no-fix a config in fix mode rewrites: the formatter runs in write mode', () => {
    const tree: Tree = {
      'mix.exs': mixExs(['ex_check'], 'check: "check --config=tooling/.check.exs"'),
      'tooling/.check.exs': checkExs,
      '.formatter.exs': '[inputs: ["*.exs"]]\n',
      '.github/workflows/ci.yml': gha('mix check'),
    };
    const g = commandGraph(memoryIndex(tree));
    const fmt = g.runs.find((r) => r.argv.join(' ').startsWith('mix format'));
    expect(fmt?.argv).toEqual(['mix', 'format']);
  });

  it('no alias and no .check.exs: the curated defaults whose dependency is there; --except drops one', () => {
    const tree: Tree = {
      'mix.exs': mixExs(['ex_check', 'credo']),
      'test/app_test.exs': 'defmodule AppTest do\nend\n',
      '.github/workflows/ci.yml': gha('mix check --except compiler'),
    };
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yml:7 → mix.exs:5 (mix check tool ex_unit) → mix test',
      '.github/workflows/ci.yml:7 → mix.exs:5 (mix check tool credo) → mix credo',
    ]);
  });

  it('without ex_check among the dependencies `mix check` is an unknown task', () => {
    const tree: Tree = {
      'mix.exs': mixExs(['credo']),
      'test/app_test.exs': 'defmodule AppTest do\nend\n',
      '.check.exs': checkExs,
      '.github/workflows/ci.yml': gha('mix check'),
    };
    expect(chains(tree)).toEqual([]);
  });

  it('reads a hostile config (5,000 unclosed tools, 50,000 quotes) to a bounded list', () => {
    const big = `[tools: [${'{:a, ["x", '.repeat(5_000)}`;
    expect(checkConfig(big).entries.length).toBeLessThanOrEqual(100);
    expect(checkConfig(`[tools: [{:a, ${'"'.repeat(50_000)}}]]`).entries.length).toBeLessThanOrEqual(1);
  });
});
