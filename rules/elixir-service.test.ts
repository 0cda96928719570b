/**
 * Elixir/Phoenix services (issue 15, blind round 27): each catalogue a service rule reads knows the
 * Elixir way of doing the thing. One small Phoenix service, extended per case.
 */
import migrations from './architecture/database-migrations.js';
import config from './architecture/config-externalized.js';
import errorTracking from './observability/error-tracking.js';
import health from './observability/health-endpoints.js';
import authentication from './security/authentication.js';
import authorization from './security/authorization.js';
import middleware from './security/security-middleware.js';
import shutdown from './reliability/graceful-shutdown.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';
import { ruleTester } from '../src/testing/rule-tester.js';
import { phoenixService } from '../src/testing/elixir-trees.js';

const ROUTER = (pipeline: string[]) =>
  [
    'defmodule ShopWeb.Router do',
    '  use ShopWeb, :router',
    '',
    '  pipeline :browser do',
    '    plug :accepts, ["html"]',
    '    plug :fetch_session',
    ...pipeline.map((l) => `    ${l}`),
    '  end',
    '',
    '  scope "/", ShopWeb do',
    '    pipe_through :browser',
    '    get "/orders", OrderController, :index',
    '  end',
    'end',
    '',
  ].join('\n');

ruleTester(migrations, {
  valid: [
    {
      name: 'Ecto migrations in priv/repo/migrations',
      tree: phoenixService([], {
        'priv/repo/migrations/20240101000000_create_orders.exs':
          'defmodule Shop.Repo.Migrations.CreateOrders do\n  use Ecto.Migration\n\n  def change do\n    create table(:orders)\n  end\nend\n',
      }),
      expect: { outcome: 'pass', message: 'Ecto migrations' },
    },
  ],
  invalid: [{ name: 'ecto_sql with no migration committed', tree: phoenixService(), expect: { outcome: 'partial' } }],
});

ruleTester(config, {
  valid: [
    {
      name: 'config/runtime.exs reads the environment, documented in .env.example',
      tree: phoenixService([], {
        'config/runtime.exs':
          'import Config\n\nif config_env() == :prod do\n  config :shop, Shop.Repo, url: System.fetch_env!("DATABASE_URL")\n  config :shop, ShopWeb.Endpoint, secret_key_base: System.get_env("SECRET_KEY_BASE")\nend\n',
        '.env.example': 'DATABASE_URL=\nSECRET_KEY_BASE=\nPORT=4000\n',
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'config/runtime.exs', line: 4 }] },
    },
  ],
  invalid: [
    {
      name: 'settings written into config/prod.exs only',
      tree: phoenixService([], {
        'config/prod.exs': 'import Config\n\nconfig :shop, ShopWeb.Endpoint, url: [host: "shop.example"]\n',
      }),
      expect: { outcome: 'fail' },
    },
  ],
});

ruleTester(errorTracking, {
  valid: [
    {
      name: 'Sentry.PlugCapture in the endpoint',
      tree: phoenixService(['{:sentry, "~> 10.0"}'], {
        'lib/shop_web/endpoint.ex':
          'defmodule ShopWeb.Endpoint do\n  use Sentry.PlugCapture\n  use Phoenix.Endpoint, otp_app: :shop\nend\n',
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop_web/endpoint.ex', line: 2 }] },
    },
    {
      name: 'the Sentry OTP application armed by `config :sentry, dsn:`',
      tree: phoenixService(['{:sentry, "~> 10.0"}'], {
        'config/runtime.exs': 'import Config\n\nconfig :sentry, dsn: System.get_env("SENTRY_DSN")\n',
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'sentry declared, never configured',
      tree: phoenixService(['{:sentry, "~> 10.0"}']),
      expect: { outcome: 'partial' },
    },
  ],
});

ruleTester(health, {
  valid: [
    {
      name: 'router routes for liveness and readiness',
      tree: phoenixService([], {
        'lib/shop_web/router.ex':
          'defmodule ShopWeb.Router do\n  use ShopWeb, :router\n  get "/healthz", HealthController, :live\n  get "/readyz", HealthController, :ready\nend\n',
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'liveness only: a Plug answering path_info ["healthz"] in its function head (passes; a readiness route is a suggestion)',
      tree: phoenixService([], {
        'lib/shop_web/plugs/health.ex':
          'defmodule ShopWeb.Plugs.Health do\n  import Plug.Conn\n  def init(opts), do: opts\n\n  def call(%Plug.Conn{path_info: ["healthz"]} = conn, _opts) do\n    conn |> send_resp(200, "ok") |> halt()\n  end\n\n  def call(conn, _opts), do: conn\nend\n',
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop_web/plugs/health.ex', line: 5 }] },
    },
    { name: 'no health route', tree: phoenixService(), expect: { outcome: 'fail' } },
  ],
});

ruleTester(authentication, {
  valid: [
    {
      name: 'phx.gen.auth: plug :require_authenticated_user in a pipeline',
      tree: phoenixService(['{:bcrypt_elixir, "~> 3.0"}'], {
        'lib/shop_web/router.ex': ROUTER(['plug :fetch_current_user', 'plug :require_authenticated_user']),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop_web/router.ex', line: 8 }] },
    },
    {
      name: 'Guardian pipeline',
      tree: phoenixService(['{:guardian, "~> 2.3"}'], {
        'lib/shop_web/auth_pipeline.ex':
          'defmodule ShopWeb.AuthPipeline do\n  use Guardian.Plug.Pipeline, otp_app: :shop\n\n  plug Guardian.Plug.VerifyHeader\n  plug Guardian.Plug.EnsureAuthenticated\nend\n',
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'guardian declared, nothing plugged',
      tree: phoenixService(['{:guardian, "~> 2.3"}']),
      expect: { outcome: 'partial' },
    },
    { name: 'no authentication at all', tree: phoenixService(), expect: { outcome: 'fail' } },
  ],
});

ruleTester(authorization, {
  valid: [
    {
      name: 'Bodyguard policy checked in a context',
      tree: phoenixService(['{:bodyguard, "~> 2.4"}'], {
        'lib/shop/orders.ex':
          'defmodule Shop.Orders do\n  def cancel(user, order) do\n    with :ok <- Bodyguard.permit(Shop.Orders.Policy, :cancel, user, order) do\n      {:ok, order}\n    end\n  end\nend\n',
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop/orders.ex', line: 3 }] },
    },
    {
      name: 'a hand-written authorize plug in a controller',
      tree: phoenixService([], {
        'lib/shop_web/controllers/admin_controller.ex':
          'defmodule ShopWeb.AdminController do\n  use ShopWeb, :controller\n  plug :authorize, role: :admin\nend\n',
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [{ name: 'no authorization', tree: phoenixService(), expect: { outcome: 'fail' } }],
});

ruleTester(middleware, {
  valid: [
    {
      name: 'Phoenix browser pipeline: secure headers and CSRF, Plug.SSL, CORSPlug with origins',
      tree: phoenixService([], {
        'lib/shop_web/router.ex': ROUTER(['plug :protect_from_forgery', 'plug :put_secure_browser_headers']),
        'lib/shop_web/endpoint.ex':
          'defmodule ShopWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :shop\n  plug Plug.SSL, rewrite_on: [:x_forwarded_proto]\n  plug CORSPlug, origin: ["https://shop.example"]\n  plug ShopWeb.Router\nend\n',
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop_web/router.ex', line: 8 }] },
    },
  ],
  invalid: [{ name: 'no hardening plugs', tree: phoenixService(), expect: { outcome: 'fail' } }],
});

ruleTester(shutdown, {
  valid: [
    {
      name: 'a Phoenix endpoint: the BEAM stops the supervision tree and the endpoint drains',
      tree: phoenixService(),
      expect: { outcome: 'pass', message: 'Phoenix endpoint drains' },
    },
  ],
  invalid: [
    {
      name: 'a Node service beside it with no handler (for contrast)',
      tree: {
        'package.json': '{"name":"api","dependencies":{"express":"4.0.0"}}',
        'index.js': 'require("express")().listen(3000);\n',
      },
      expect: { outcome: 'fail' },
    },
  ],
});

ruleTester(retries, {
  valid: [
    {
      name: 'backoff written by hand: :math.pow(2, attempt) before retrying a Req call',
      tree: phoenixService(['{:req, "~> 0.5"}'], {
        'lib/shop/payments.ex':
          'defmodule Shop.Payments do\n  def charge(body, attempt \\\\ 0) do\n    case Req.post("https://pay.example/charges", json: body, retry: false) do\n      {:ok, resp} -> {:ok, resp}\n      {:error, _} when attempt < 3 ->\n        Process.sleep(trunc(:math.pow(2, attempt) * 100))\n        charge(body, attempt + 1)\n    end\n  end\nend\n',
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'lib/shop/payments.ex', line: 6 }] },
    },
  ],
  invalid: [
    {
      name: 'an HTTPoison call with no retry',
      tree: phoenixService(['{:httpoison, "~> 2.0"}'], {
        'lib/shop/payments.ex':
          'defmodule Shop.Payments do\n  def charge(body), do: HTTPoison.post("https://pay.example/charges", body)\nend\n',
      }),
      expect: { outcome: 'fail' },
    },
  ],
});

ruleTester(timeouts, {
  valid: [
    {
      name: 'a Req call with receive_timeout',
      tree: phoenixService(['{:req, "~> 0.5"}'], {
        'lib/shop/rates.ex':
          'defmodule Shop.Rates do\n  def fetch, do: Req.get("https://rates.example/today", receive_timeout: 5_000)\nend\n',
      }),
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: "a Tesla call without timeout; the socket's websocket timeout bounds no outbound call",
      tree: phoenixService(['{:tesla, "~> 1.7"}'], {
        'lib/shop/rates.ex':
          'defmodule Shop.Rates do\n  def fetch, do: Tesla.get("https://rates.example/today")\nend\n',
        'lib/shop_web/endpoint.ex':
          'defmodule ShopWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :shop\n  socket("/socket", ShopWeb.UserSocket,\n    websocket: [timeout: 45_000],\n    longpoll: false\n  )\nend\n',
      }),
      expect: { outcome: 'fail' },
    },
  ],
});
