/**
 * Small Elixir projects written for the tests (issue 15, Elixir support): a Phoenix service, a Hex
 * library and an escript CLI, each as an in-memory tree a test extends or trims.
 */
import { collectFacts, completeFacts, factPatterns } from '../facts/index.js';
import { scan } from '../scan/scanner.js';
import { memoryIndex, MemorySource, type Tree } from './memory.js';

export const mixExs = (deps: string[], extra: string[] = [], app = 'shop'): string =>
  [
    `defmodule ${app[0]!.toUpperCase()}${app.slice(1)}.MixProject do`,
    '  use Mix.Project',
    '',
    '  def project do',
    '    [',
    `      app: :${app},`,
    '      version: "0.1.0",',
    ...extra.map((e) => `      ${e}`),
    '      deps: deps()',
    '    ]',
    '  end',
    '',
    '  defp deps do',
    '    [',
    deps.map((d) => `      ${d}`).join(',\n'),
    '    ]',
    '  end',
    'end',
    '',
  ].join('\n');

/** A Phoenix service: endpoint, router, application with its supervision tree, Ecto repo. */
export function phoenixService(deps: string[] = [], files: Tree = {}): Tree {
  return {
    'mix.exs': mixExs([
      '{:phoenix, "~> 1.7"}',
      '{:phoenix_ecto, "~> 4.4"}',
      '{:ecto_sql, "~> 3.10"}',
      '{:postgrex, ">= 0.0.0"}',
      '{:bandit, "~> 1.0"}',
      '{:jason, "~> 1.2"}',
      ...deps,
    ]),
    'mix.lock': '%{\n  "phoenix": {:hex, :phoenix, "1.7.14", "abc", [:mix], [], "hexpm", "def"},\n}\n',
    'lib/shop/application.ex': [
      'defmodule Shop.Application do',
      '  use Application',
      '',
      '  @impl true',
      '  def start(_type, _args) do',
      '    children = [Shop.Repo, ShopWeb.Endpoint]',
      '    Supervisor.start_link(children, strategy: :one_for_one, name: Shop.Supervisor)',
      '  end',
      'end',
      '',
    ].join('\n'),
    'lib/shop/repo.ex':
      'defmodule Shop.Repo do\n  use Ecto.Repo, otp_app: :shop, adapter: Ecto.Adapters.Postgres\nend\n',
    'lib/shop_web/endpoint.ex': [
      'defmodule ShopWeb.Endpoint do',
      '  use Phoenix.Endpoint, otp_app: :shop',
      '',
      '  plug Plug.RequestId',
      '  plug ShopWeb.Router',
      'end',
      '',
    ].join('\n'),
    'lib/shop_web/router.ex': [
      'defmodule ShopWeb.Router do',
      '  use ShopWeb, :router',
      '',
      '  pipeline :api do',
      '    plug :accepts, ["json"]',
      '  end',
      '',
      '  scope "/api", ShopWeb do',
      '    pipe_through :api',
      '    get "/orders", OrderController, :index',
      '  end',
      'end',
      '',
    ].join('\n'),
    'lib/shop_web/controllers/order_controller.ex':
      'defmodule ShopWeb.OrderController do\n  use ShopWeb, :controller\n\n  def index(conn, _params), do: json(conn, [])\nend\n',
    ...files,
  };
}

/** Facts of an in-memory tree through the real scan, as an audit collects them. */
export async function elixirFacts(tree: Tree) {
  const files = memoryIndex(tree);
  const pre = collectFacts(files);
  const scanned = await scan(files, new MemorySource(tree), factPatterns(pre, []), [], []);
  return completeFacts(
    files,
    pre,
    { matches: (k) => scanned.matches.get(k) ?? [], searched: (k) => scanned.searched.get(k) ?? 0 },
    { watched: [], tags: [] },
  );
}
