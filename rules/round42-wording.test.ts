/**
 * Wording and evidence (issue 15, blind round 42): the health route cited is the one that says
 * health (`/health` over a `/live` page of the same router); a hand-written limiter is counted
 * where it is called (every file), not once for its definition; a Quarkus `%dev,staging.` property
 * is not the production CORS policy.
 */
import health from './observability/health-endpoints.js';
import rateLimiting from './reliability/rate-limiting.js';
import middleware from './security/security-middleware.js';
import { expect } from 'vitest';
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

const BUCKET = [
  'from django.db import models',
  '',
  '',
  'class TokenBucket(models.Model):',
  '    value = models.CharField(max_length=80)',
  '    tokens = models.FloatField(default=1.0)',
  '',
  '    @staticmethod',
  '    def authorize(value, capacity, refill_time_secs):',
  '        obj, created = TokenBucket.objects.get_or_create(value=value)',
  '        obj.tokens = min(1.0, obj.tokens + elapsed / refill_time_secs)',
  '        obj.tokens -= 1.0 / capacity',
  '        return obj.tokens >= 0',
  '',
].join('\n');
const caller = (fn: string, extra = '') =>
  `from hc.api.models import TokenBucket\n\n\ndef ${fn}(request):\n    if not TokenBucket.authorize(request.POST["email"], 20, 3600):\n        return render(request, "try_later.html")\n${extra}`;

ruleTester(rateLimiting, {
  valid: [
    {
      name: 'a hand-written TokenBucket called in three files: 4 call sites in 3 files (not "1 call site in 1 file")',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\n',
        'hc/api/models.py': BUCKET,
        'hc/accounts/views.py': caller(
          'login',
          '\n\ndef signup(request):\n    if not TokenBucket.authorize(request.POST["email"], 5, 3600):\n        return render(request, "try_later.html")\n',
        ),
        'hc/api/views.py': caller('ping'),
        'hc/front/views.py': caller('search'),
      },
      expect: { outcome: 'pass', message: '4 call sites in 3 files' },
    },
  ],
  invalid: [
    {
      name: 'no limiter',
      profile: 'service',
      tree: { 'requirements.txt': 'django==5.0\n', 'hc/api/views.py': 'def ping(request):\n    return 1\n' },
      expect: { outcome: 'fail' },
    },
  ],
});

const QUARKUS_POM =
  '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.quarkus</groupId>\n      <artifactId>quarkus-rest</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n';
const props = (cors: string) =>
  [
    'quarkus.http.cors.enabled=true',
    'quarkus.http.cors.origins=https://shop.example,https://docs.shop.example',
    'quarkus.http.header."X-Content-Type-Options".value=nosniff',
    'quarkus.http.header."Strict-Transport-Security".value=max-age=31536000',
    cors,
    '',
  ].join('\n');

ruleTester(middleware, {
  valid: [
    {
      name: 'Quarkus: any origin only under %dev,staging. — set aside and named, production origins stand',
      profile: 'service',
      tree: {
        'pom.xml': QUARKUS_POM,
        'src/main/resources/application.properties': props('%dev,staging.quarkus.http.cors.origins=/.*/'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'src/main/resources/application.properties',
            line: 5,
            note: expect.stringContaining('%dev, %staging profiles'),
          },
        ],
        message: 'security headers, CORS and HTTPS/HSTS',
        absent: ['CORS (any origin)', 'no CORS middleware'],
      },
    },
  ],
  invalid: [
    {
      name: 'Quarkus: any origin for the %prod profile is the production policy',
      profile: 'service',
      tree: {
        'pom.xml': QUARKUS_POM,
        'src/main/resources/application.properties': props('%prod.quarkus.http.cors.origins=*'),
      },
      expect: {
        outcome: 'partial',
        evidence: [{ path: 'src/main/resources/application.properties', line: 5, note: 'CORS allows any origin' }],
      },
    },
  ],
});
