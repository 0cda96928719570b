import { describe, expect, it } from 'vitest';
import { collectFacts } from './index.js';
import { memoryIndex } from '../testing/memory.js';
import { elixirFacts } from '../testing/elixir-trees.js';

const MIX = (deps: string, extra = '') =>
  `defmodule Shop.MixProject do\n  use Mix.Project\n\n  def project do\n    [\n      app: :shop,\n      version: "0.1.0",\n${extra}      deps: deps()\n    ]\n  end\n\n  defp deps do\n    [\n${deps}\n    ]\n  end\nend\n`;

const PHOENIX_DEPS = [
  '      {:phoenix, "~> 1.7"},',
  '      {:ecto_sql, "~> 3.10"},',
  '      {:bandit, "~> 1.0"},',
  '      {:credo, "~> 1.7", only: [:dev, :test], runtime: false},',
  '      {:git_diff,',
  '       github: "someone/git_diff", ref: "abc"},',
  '      {:ex_doc, ">= 0.0.0", only: :dev, runtime: false}',
].join('\n');

describe('Elixir / Mix', () => {
  it('mix.exs is a manifest: dependency tuples (one line or several), only: dev/test, the app name', () => {
    const facts = collectFacts(memoryIndex({ 'mix.exs': MIX(PHOENIX_DEPS), 'mix.lock': '%{}\n' }));
    expect(facts.manifests).toEqual([{ ecosystem: 'hex', path: 'mix.exs', ok: true, name: 'shop' }]);
    const deps = facts.dependencies.map((d) => [d.name, d.version ?? null, d.line, d.dev]);
    expect(deps).toEqual([
      ['phoenix', '~> 1.7', 14, false],
      ['ecto_sql', '~> 3.10', 15, false],
      ['bandit', '~> 1.0', 16, false],
      ['credo', '~> 1.7', 17, true],
      ['git_diff', null, 18, false],
      ['ex_doc', '>= 0.0.0', 20, true],
    ]);
    expect(facts.frameworks.map((f) => f.id)).toEqual(['phoenix', 'plug']);
  });

  it('a Phoenix endpoint in lib/ makes a service; the same dependencies with the endpoint only in test/ make a library', async () => {
    const service = await elixirFacts({
      'mix.exs': MIX(PHOENIX_DEPS),
      'lib/shop_web/endpoint.ex': 'defmodule ShopWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :shop\nend\n',
    });
    expect(service.profile.id).toBe('service');
    expect(service.profile.reasons[0]).toContain('web framework Phoenix, Plug (mix.exs:14)');

    const library = await elixirFacts({
      'mix.exs': MIX(PHOENIX_DEPS, '      package: package(),\n'),
      'lib/shop/components.ex': 'defmodule Shop.Components do\n  use Phoenix.Component\nend\n',
      'test/support/endpoint.ex': 'defmodule Shop.TestEndpoint do\n  use Phoenix.Endpoint, otp_app: :shop\nend\n',
    });
    expect(library.profile.id).toBe('library');
  });

  it('a Bandit or Plug.Cowboy child in the supervision tree makes a Plug application a service', async () => {
    const facts = await elixirFacts({
      'mix.exs': MIX('      {:plug_cowboy, "~> 2.0"},\n      {:jason, "~> 1.4"}'),
      'lib/shop/application.ex':
        'defmodule Shop.Application do\n  use Application\n\n  def start(_type, _args) do\n    children = [\n      {Plug.Cowboy, scheme: :http, plug: Shop.Router, options: [port: 4000]}\n    ]\n    Supervisor.start_link(children, strategy: :one_for_one)\n  end\nend\n',
    });
    expect(facts.profile.id).toBe('service');
  });

  it('an optional Plug dependency of a Hex package is an integration, not a framework', () => {
    const facts = collectFacts(
      memoryIndex({ 'mix.exs': MIX('      {:plug, "~> 1.14", optional: true},\n      {:jason, "~> 1.4"}') }),
    );
    expect(facts.frameworks).toEqual([]);
  });

  it('escript: builds a command-line program; without it the package is a library', async () => {
    const cli = await elixirFacts({
      'mix.exs': MIX('      {:optimus, "~> 0.2"}', '      escript: [main_module: Shop.CLI],\n'),
      'lib/shop/cli.ex': 'defmodule Shop.CLI do\n  def main(args), do: IO.inspect(args)\nend\n',
    });
    expect(cli.profile.id).toBe('cli');
    expect(cli.profile.reasons[0]).toContain('mix.exs:8: escript:');
    const lib = await elixirFacts({
      'mix.exs': MIX('      {:optimus, "~> 0.2"}'),
      'lib/shop/cli.ex': 'defmodule Shop.CLI do\n  def main(args), do: IO.inspect(args)\nend\n',
    });
    expect(lib.profile.id).toBe('library');
  });
});
