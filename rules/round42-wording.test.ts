/**
 * Wording and evidence (issue 15, blind round 42): the health route cited is the one that says
 * health (`/health` over a `/live` page of the same router).
 */
import health from './observability/health-endpoints.js';
import { ruleTester } from '../src/testing/rule-tester.js';
import { phoenixService } from '../src/testing/elixir-trees.js';

const HEALTH_PLUG = [
  'defmodule ShopWeb.Plug.HealthCheck do',
  '  import Plug.Conn',
  '  def init(opts), do: opts',
  '',
  '  def call(conn = %Plug.Conn{request_path: "/health"}, _opts) do',
  '    conn |> send_resp(200, "") |> halt()',
  '  end',
  '',
  '  def call(conn, _opts), do: conn',
  'end',
  '',
].join('\n');
const ROUTER =
  'defmodule ShopWeb.Router do\n  use ShopWeb, :router\n\n  scope "/", ShopWeb do\n    get "/live", PageController, :live\n  end\nend\n';

ruleTester(health, {
  valid: [
    {
      name: 'a /health plug beside a /live page route: /health is named and cited first',
      tree: phoenixService([], { 'lib/shop_web/router.ex': ROUTER, 'lib/shop_web/plugs/health_check.ex': HEALTH_PLUG }),
      expect: {
        outcome: 'pass',
        message: 'registered (/health)',
        evidence: [{ path: 'lib/shop_web/plugs/health_check.ex', line: 5 }],
      },
    },
  ],
  invalid: [{ name: 'no health route', tree: phoenixService(), expect: { outcome: 'fail' } }],
});
