/**
 * Blind round 36 (nerves_hub_web), class "Elixir/Phoenix practices missing from the catalogues": the
 * practices the rules know for Rails, Django and Spring, written the Elixir way.
 */
import { ruleTester } from '../src/testing/rule-tester.js';
import { phoenixService } from '../src/testing/elixir-trees.js';
import authorization from './security/authorization.js';
import middleware from './security/security-middleware.js';
import authentication from './security/authentication.js';
import apiContract from './architecture/api-contract.js';
import metrics from './observability/metrics.js';
import retries from './reliability/retries.js';

const ex = (lines: string[]): string => `${lines.join('\n')}\n`;

// authorization: hand-written role and permission checks that refuse the request.
ruleTester(authorization, {
  valid: [
    {
      name: 'a permission helper that raises when the role lacks it (`authorized?(…) || raise UnauthorizedError`)',
      tree: phoenixService([], {
        'lib/shop_web/helpers/authorization.ex': ex([
          'defmodule ShopWeb.Helpers.Authorization do',
          '  def authorized!(permission, scope) do',
          '    authorized?(permission, scope) || raise ShopWeb.UnauthorizedError',
          '  end',
          '',
          '  def authorized?(:"order:delete", role), do: role_check(:admin, role)',
          'end',
        ]),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop_web/helpers/authorization.ex', line: 3 }] },
    },
    {
      name: 'a plug that checks the role and halts with 403',
      tree: phoenixService([], {
        'lib/shop_web/plugs/require_role.ex': ex([
          'defmodule ShopWeb.Plugs.RequireRole do',
          '  import Plug.Conn',
          '  def init(role), do: role',
          '',
          '  def call(conn, role) do',
          '    if Shop.Accounts.has_org_role?(conn.assigns.org, conn.assigns.user, role) do',
          '      conn',
          '    else',
          '      conn',
          '      |> put_status(:forbidden)',
          '      |> halt()',
          '    end',
          '  end',
          'end',
        ]),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop_web/plugs/require_role.ex', line: 6 }] },
    },
    {
      name: 'an on_mount hook that halts the LiveView unless the user is an admin',
      tree: phoenixService([], {
        'lib/shop_web/live/admin_hook.ex': ex([
          'defmodule ShopWeb.AdminHook do',
          '  import Phoenix.LiveView',
          '  def on_mount(:require_admin, _params, _session, socket) do',
          '    if socket.assigns.current_user.admin? do',
          '      {:cont, socket}',
          '    else',
          '      {:halt, redirect(socket, to: "/")}',
          '    end',
          '  end',
          'end',
        ]),
      }),
      expect: { outcome: 'pass' },
    },
    {
      name: 'LetMe policy module',
      tree: phoenixService(['{:let_me, "~> 1.2"}'], {
        'lib/shop/policy.ex': ex(['defmodule Shop.Policy do', '  use LetMe.Policy', 'end']),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop/policy.ex', line: 2 }] },
    },
    {
      name: 'Permit in a controller',
      tree: phoenixService(['{:permit_phoenix, "~> 0.2"}'], {
        'lib/shop_web/controllers/article_controller.ex': ex([
          'defmodule ShopWeb.ArticleController do',
          '  use ShopWeb, :controller',
          '  use Permit.Phoenix.Controller, authorization_module: Shop.Authorization',
          'end',
        ]),
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'an authentication plug reading the authorization header and answering 401 is no role check',
      tree: phoenixService([], {
        'lib/shop_web/plugs/api_auth.ex': ex([
          'defmodule ShopWeb.Plugs.ApiAuth do',
          '  import Plug.Conn',
          '  def call(conn, _opts) do',
          '    case get_req_header(conn, "authorization") do',
          '      ["Bearer " <> token] -> assign(conn, :token, token)',
          '      _ -> conn |> send_resp(401, "unauthorized") |> halt()',
          '    end',
          '  end',
          'end',
        ]),
      }),
      expect: { outcome: 'fail' },
    },
    {
      name: "phx.gen.auth's on_mount halting without a signed-in scope is authentication",
      tree: phoenixService([], {
        'lib/shop_web/user_auth.ex': ex([
          'defmodule ShopWeb.UserAuth do',
          '  def on_mount(:require_authenticated, _params, session, socket) do',
          '    if socket.assigns.current_scope && socket.assigns.current_scope.user do',
          '      {:cont, socket}',
          '    else',
          '      {:halt, Phoenix.LiveView.redirect(socket, to: "/users/log-in")}',
          '    end',
          '  end',
          'end',
        ]),
      }),
      expect: { outcome: 'fail' },
    },
  ],
});

const BROWSER_ROUTER = ex([
  'defmodule ShopWeb.Router do',
  '  use ShopWeb, :router',
  '  pipeline :browser do',
  '    plug(:accepts, ["html"])',
  '    plug(:fetch_session)',
  '    plug(:protect_from_forgery)',
  '    plug(:put_secure_browser_headers)',
  '  end',
  'end',
]);

const endpoint = (extra: string[]): string =>
  ex([
    'defmodule ShopWeb.Endpoint do',
    '  use Phoenix.Endpoint, otp_app: :shop',
    ...extra,
    '  plug ShopWeb.Router',
    'end',
  ]);

// security-middleware: Plug.SSL (HTTPS redirect and HSTS) however the endpoint writes it.
ruleTester(middleware, {
  valid: [
    {
      name: 'plug(Plug.SSL, …) with parentheses inside a compile-time prod branch',
      tree: phoenixService([], {
        'lib/shop_web/router.ex': BROWSER_ROUTER,
        'lib/shop_web/endpoint.ex': endpoint([
          '  if Application.compile_env(:shop, :env) == :prod do',
          '    plug(Plug.SSL, rewrite_on: [:x_forwarded_proto], exclude: ["localhost"])',
          '  end',
        ]),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop_web/endpoint.ex', line: 4 }] },
    },
    {
      name: 'force_ssl: [hsts: true] in the endpoint config',
      tree: phoenixService([], {
        'lib/shop_web/router.ex': BROWSER_ROUTER,
        'config/prod.exs': ex([
          'import Config',
          'config :shop, ShopWeb.Endpoint,',
          '  force_ssl: [hsts: true, rewrite_on: [:x_forwarded_proto]]',
        ]),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'config/prod.exs', line: 3 }] },
    },
    {
      name: 'the HSTS header put by hand in a plug',
      tree: phoenixService([], {
        'lib/shop_web/router.ex': BROWSER_ROUTER,
        'lib/shop_web/plugs/hsts.ex': ex([
          'defmodule ShopWeb.Plugs.HSTS do',
          '  import Plug.Conn',
          '  def call(conn, _), do: put_resp_header(conn, "strict-transport-security", "max-age=31536000")',
          'end',
        ]),
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'headers and CSRF in the browser pipeline but no Plug.SSL: no HTTPS redirect/HSTS',
      tree: phoenixService([], { 'lib/shop_web/router.ex': BROWSER_ROUTER }),
      expect: { outcome: 'partial', message: 'no HTTPS redirect/HSTS' },
    },
  ],
});

// `plug(:name, …)` is the same plug as `plug :name, …` (mix format keeps the parentheses a project wrote).
ruleTester(authentication, {
  valid: [
    {
      name: 'plug(:require_authenticated_user) in a pipeline',
      tree: phoenixService([], {
        'lib/shop_web/router.ex': ex([
          'defmodule ShopWeb.Router do',
          '  pipeline :auth do',
          '    plug(:require_authenticated_user)',
          '  end',
          'end',
        ]),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop_web/router.ex', line: 3 }] },
    },
  ],
  invalid: [{ name: 'no authentication plug', tree: phoenixService(), expect: { outcome: 'fail' } }],
});

ruleTester(authorization, {
  valid: [
    {
      name: 'plug(:authorize, role: :admin) in a controller',
      tree: phoenixService([], {
        'lib/shop_web/controllers/admin_controller.ex': ex([
          'defmodule ShopWeb.AdminController do',
          '  use ShopWeb, :controller',
          '  plug(:authorize, role: :admin)',
          'end',
        ]),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop_web/controllers/admin_controller.ex', line: 3 }] },
    },
  ],
  invalid: [
    {
      name: 'plug(:accepts, …) authorises nothing',
      tree: phoenixService([], {
        'lib/shop_web/controllers/admin_controller.ex': ex([
          'defmodule ShopWeb.AdminController do',
          '  plug(:accepts, ["json"])',
          'end',
        ]),
      }),
      expect: { outcome: 'fail' },
    },
  ],
});

// api-contract: OpenApiSpex operation specs generate the document from code (partial, like springdoc).
ruleTester(apiContract, {
  valid: [
    {
      name: 'a committed openapi.yaml beside OpenApiSpex',
      tree: phoenixService(['{:open_api_spex, "~> 3.18"}'], {
        'priv/static/openapi.yaml':
          'openapi: 3.0.0\ninfo:\n  title: Shop\n  version: "1"\npaths:\n  /api/orders:\n    get:\n      responses:\n        "200":\n          description: ok\n',
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'OpenApiSpex declared and used in controllers: generated docs only',
      tree: phoenixService(['{:open_api_spex, "~> 3.18"}'], {
        'lib/shop_web/controllers/api/order_controller.ex': ex([
          'defmodule ShopWeb.API.OrderController do',
          '  use ShopWeb, :controller',
          '  use OpenApiSpex.ControllerSpecs',
          '  operation :index, summary: "List orders"',
          'end',
        ]),
      }),
      expect: { outcome: 'partial', message: 'Only generated API docs (open_api_spex)' },
    },
    {
      name: 'OpenApiSpex wired through its plug, without the dependency in this mix.exs (an umbrella app)',
      tree: phoenixService([], {
        'lib/shop_web/router.ex': ex([
          'defmodule ShopWeb.Router do',
          '  pipeline :api do',
          '    plug(OpenApiSpex.Plug.PutApiSpec, module: ShopWeb.ApiSpec)',
          '  end',
          'end',
        ]),
      }),
      expect: { outcome: 'partial', message: 'OpenApiSpex', evidence: [{ path: 'lib/shop_web/router.ex', line: 3 }] },
    },
    { name: 'a JSON API with no spec at all', tree: phoenixService(), expect: { outcome: 'fail' } },
  ],
});

// metrics: a Telemetry.Metrics reporter started under the supervisor exports the metrics it lists.
const TELEMETRY = (children: string[]): string =>
  ex([
    'defmodule ShopWeb.Telemetry do',
    '  use Supervisor',
    '  import Telemetry.Metrics',
    '',
    '  def init(_arg) do',
    '    children = [',
    '      {:telemetry_poller, measurements: [], period: 10_000},',
    ...children.map((c) => `      ${c},`),
    '    ]',
    '    Supervisor.init(children, strategy: :one_for_one)',
    '  end',
    '',
    '  def metrics do',
    '    [counter("shop.orders.created.count"), summary("phoenix.endpoint.stop.duration", unit: {:native, :millisecond})]',
    '  end',
    'end',
  ]);

ruleTester(metrics, {
  valid: [
    {
      name: '{TelemetryMetricsStatsd, metrics: metrics()} in the supervision tree',
      tree: phoenixService(['{:telemetry_metrics, "~> 1.0"}', '{:telemetry_metrics_statsd, "~> 0.7"}'], {
        'lib/shop_web/telemetry.ex': TELEMETRY(['{TelemetryMetricsStatsd, metrics: metrics(), formatter: :datadog}']),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop_web/telemetry.ex', line: 8 }] },
    },
    {
      name: 'a reporter started from a child spec list built in another function (`[{TelemetryMetricsStatsd,`)',
      tree: phoenixService(['{:telemetry_metrics_statsd, "~> 0.7"}'], {
        'lib/shop/statsd.ex': ex([
          'defmodule Shop.Statsd do',
          '  def children, do: [',
          '    {TelemetryMetricsStatsd, host: "localhost", metrics: ShopWeb.Telemetry.metrics()}',
          '  ]',
          'end',
        ]),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop/statsd.ex', line: 3 }] },
    },
    {
      name: 'Peep as the reporter',
      tree: phoenixService(['{:peep, "~> 3.0"}'], {
        'lib/shop_web/telemetry.ex': TELEMETRY(['{Peep, name: :shop_peep, metrics: metrics()}']),
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: "Phoenix's generated telemetry module with no reporter (metrics shown in LiveDashboard only)",
      tree: phoenixService(['{:telemetry_metrics, "~> 1.0"}', '{:telemetry_metrics_statsd, "~> 0.7"}'], {
        'lib/shop_web/telemetry.ex': TELEMETRY(['# {Telemetry.Metrics.ConsoleReporter, metrics: metrics()}']),
      }),
      expect: { outcome: 'partial' },
    },
  ],
});

// retries: Req retries GET/HEAD on transient errors with backoff unless told not to.
const download = (opts: string): string =>
  ex([
    'defmodule Shop.Downloads do',
    '  def fetch_file(url, path) do',
    '    Req.get!(',
    '      url,',
    `      into: File.stream!(path)${opts}`,
    '    )',
    '  end',
    'end',
  ]);

ruleTester(retries, {
  valid: [
    {
      name: 'Req.get! with an explicit retry policy',
      tree: phoenixService(['{:req, "~> 0.5"}'], {
        'lib/shop/downloads.ex': download(', retry: :transient, max_retries: 5'),
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: "Req.get! with Req's default retry: partial, named as the default",
      tree: phoenixService(['{:req, "~> 0.5"}'], { 'lib/shop/downloads.ex': download('') }),
      expect: {
        outcome: 'partial',
        message: 'Req retries by default',
        evidence: [{ path: 'lib/shop/downloads.ex', line: 3 }],
      },
    },
    {
      name: 'Req.get! with retry: false is not retried',
      tree: phoenixService(['{:req, "~> 0.5"}'], { 'lib/shop/downloads.ex': download(', retry: false') }),
      expect: { outcome: 'partial', message: 'no call that applies it' },
    },
  ],
});
