/**
 * Elixir/Phoenix practices (issue 15, blind round 42): a hand-written Authorize module plug applying
 * policy modules is authorization; Oban workers retry failed jobs by default (20 attempts with
 * backoff) unless `max_attempts` says otherwise; test modules that use a ConnCase (requests through
 * the Phoenix endpoint) are integration tests.
 */
import authorization from './security/authorization.js';
import retries from './reliability/retries.js';
import testTypes from './quality/test-types.js';
import { ruleTester } from '../src/testing/rule-tester.js';
import { phoenixService } from '../src/testing/elixir-trees.js';

const ADMIN_CONTROLLER = (plug: string) =>
  [
    'defmodule ShopWeb.Admin.OrderController do',
    '  use ShopWeb, :controller',
    '',
    '  alias Shop.Policies',
    '',
    `  ${plug}`,
    '',
    '  def index(conn, _params), do: render(conn, :index)',
    'end',
    '',
  ].join('\n');

ruleTester(authorization, {
  valid: [
    {
      name: 'a module plug named Authorize applies a policy module to each action',
      tree: phoenixService([], {
        'lib/shop_web/controllers/admin/order_controller.ex': ADMIN_CONTROLLER(
          'plug Authorize, [Policies.Admin.Order, :order]',
        ),
      }),
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'lib/shop_web/controllers/admin/order_controller.ex', line: 6 }],
      },
    },
    {
      name: 'a fully named RequireAdmin module plug',
      tree: phoenixService([], {
        'lib/shop_web/controllers/admin/order_controller.ex': ADMIN_CONTROLLER('plug ShopWeb.Plugs.RequireAdmin'),
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'a module plug that only requires a signed-in user is authentication, not authorization',
      tree: phoenixService([], {
        'lib/shop_web/controllers/admin/order_controller.ex': ADMIN_CONTROLLER(
          'plug Guardian.Plug.EnsureAuthenticated',
        ),
      }),
      expect: { outcome: 'fail' },
    },
    {
      name: 'a plug whose name merely starts with Authorize… (AuthorizeLogger) is not one',
      tree: phoenixService([], {
        'lib/shop_web/controllers/admin/order_controller.ex': ADMIN_CONTROLLER('plug AuthorizeLogger'),
      }),
      expect: { outcome: 'fail' },
    },
  ],
});

const HTTP_CALL = 'lib/shop/shipping.ex';
const httpCall = {
  [HTTP_CALL]:
    'defmodule Shop.Shipping do\n  def quote(order) do\n    HTTPoison.post!("https://carrier.example/quote", Jason.encode!(order))\n  end\nend\n',
};
const worker = (opts: string) =>
  [
    'defmodule Shop.Workers.Notifier do',
    `  use Oban.Worker${opts}`,
    '',
    '  @impl Oban.Worker',
    '  def perform(%Oban.Job{args: args}), do: Shop.Shipping.quote(args)',
    'end',
    '',
  ].join('\n');

ruleTester(retries, {
  valid: [
    {
      name: 'an Oban worker with no max_attempts is retried with backoff by default: jobs retried, partial',
      tree: phoenixService(['{:oban, "~> 2.17"}', '{:httpoison, "~> 2.0"}'], {
        ...httpCall,
        'lib/shop/workers/notifier.ex': worker(', queue: :mailers'),
      }),
      expect: {
        outcome: 'partial',
        message: 'Oban worker retry',
        evidence: [{ path: 'lib/shop/workers/notifier.ex', line: 2 }],
      },
    },
  ],
  invalid: [
    {
      name: 'an Oban worker whose keyword list (over several lines) sets max_attempts: 1 is not retried',
      tree: phoenixService(['{:oban, "~> 2.17"}', '{:httpoison, "~> 2.0"}'], {
        ...httpCall,
        'lib/shop/workers/notifier.ex': worker(',\n    queue: :mailers,\n    max_attempts: 1'),
      }),
      expect: { outcome: 'fail' },
    },
  ],
});

const CONN_CASE = [
  'defmodule ShopWeb.ConnCase do',
  '  use ExUnit.CaseTemplate',
  '',
  '  using do',
  '    quote do',
  '      @endpoint ShopWeb.Endpoint',
  '      import Plug.Conn',
  '      import Phoenix.ConnTest',
  '    end',
  '  end',
  '',
  '  setup tags do',
  '    :ok = Ecto.Adapters.SQL.Sandbox.checkout(Shop.Repo)',
  '    {:ok, conn: Phoenix.ConnTest.build_conn()}',
  '  end',
  'end',
  '',
].join('\n');
const DATA_CASE =
  'defmodule Shop.DataCase do\n  use ExUnit.CaseTemplate\n\n  setup do\n    :ok = Ecto.Adapters.SQL.Sandbox.checkout(Shop.Repo)\n  end\nend\n';
const unitTest =
  'defmodule Shop.PriceTest do\n  use ExUnit.Case, async: true\n\n  test "adds tax" do\n    assert Shop.Price.gross(100) == 120\n  end\nend\n';

ruleTester(testTypes, {
  valid: [
    {
      name: 'controller tests through a ConnCase (the Phoenix endpoint in process) are integration tests',
      tree: phoenixService([], {
        'test/support/conn_case.ex': CONN_CASE,
        'test/shop/price_test.exs': unitTest,
        'test/shop_web/controllers/order_controller_test.exs':
          'defmodule ShopWeb.OrderControllerTest do\n  use ShopWeb.ConnCase\n\n  test "lists orders", %{conn: conn} do\n    conn = get(conn, "/orders")\n    assert html_response(conn, 200)\n  end\nend\n',
      }),
      expect: {
        outcome: 'pass',
        message: 'integration',
        evidence: [{ path: 'test/shop_web/controllers/order_controller_test.exs' }],
      },
    },
  ],
  invalid: [
    {
      name: 'a DataCase (SQL sandbox, no endpoint) alone does not make a test an integration test',
      tree: phoenixService([], {
        'test/support/data_case.ex': DATA_CASE,
        'test/shop/price_test.exs': unitTest,
        'test/shop/order_test.exs':
          'defmodule Shop.OrderTest do\n  use Shop.DataCase\n\n  test "saves" do\n    assert true\n  end\nend\n',
      }),
      expect: { outcome: 'partial', message: 'no integration' },
    },
  ],
});
