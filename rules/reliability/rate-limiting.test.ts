import { expect } from 'vitest';
import rule from './rate-limiting.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: "governor keyed limiters checked through the project's own wrapper (ratelimit::check_limit_login) pass (Rust)",
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "vault"\n\n[dependencies]\ngovernor = "0.10"\nrocket = "0.5"\n',
        'src/ratelimit.rs':
          'use governor::{Quota, RateLimiter};\n\nstatic LIMITER_LOGIN: LazyLock<Limiter> = LazyLock::new(|| {\n    RateLimiter::keyed(Quota::with_period(secs).unwrap().allow_burst(burst))\n});\n\npub fn check_limit_login(ip: &IpAddr) -> Result<(), Error> {\n    match LIMITER_LOGIN.check_key(ip) {\n        Ok(_) => Ok(()),\n        Err(_) => err_code!("Too many login requests", 429),\n    }\n}\n',
        'src/api/identity.rs': 'crate::ratelimit::check_limit_login(&ip.ip)?;\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/ratelimit.rs', line: 4 }] },
    },
    {
      name: 'a hand-written quota per window: the view answers HttpResponse(status=HTTP_429_TOO_MANY_REQUESTS) when a configured MAX_EVENTS_PER_HOUR is exceeded (round 12, Django)',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0\n',
        'manage.py': 'from django.core.management import execute_from_command_line\n',
        'ingest/views.py': [
          'from django.http import HttpResponse',
          'from rest_framework.status import HTTP_429_TOO_MANY_REQUESTS',
          '',
          'WINDOWS = [("hour", 1, "MAX_EVENTS_PER_HOUR")]',
          '',
          'class IngestView(View):',
          '    def post(self, request, project_pk):',
          '        project = Project.objects.get(pk=project_pk)',
          '        if self.is_quota_still_exceeded(project, now()):',
          '            return HttpResponse(status=HTTP_429_TOO_MANY_REQUESTS)',
          '        return HttpResponse()',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'ingest/views.py', line: 10, snippet: 'return HttpResponse(status=HTTP_429_TOO_MANY_REQUESTS)' },
        ],
      },
    },
    {
      name: 'a hand-written fixed-window limiter: requests counted per key in Redis, 429 when over (Go middleware)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/api\n\ngo 1.22\n',
        'internal/middleware/limit.go': [
          'package middleware',
          '',
          'func Limit(next http.Handler) http.Handler {',
          '\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
          '\t\tkey := "rl:" + clientIP(r)',
          '\t\tn, _ := rdb.Incr(r.Context(), key).Result()',
          '\t\tif n > 100 {',
          '\t\t\tw.WriteHeader(http.StatusTooManyRequests)',
          '\t\t\treturn',
          '\t\t}',
          '\t\tnext.ServeHTTP(w, r)',
          '\t})',
          '}',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'pass', evidence: [{ path: 'internal/middleware/limit.go', line: 8 }] },
    },
    {
      name: 'a home-grown token bucket counts as rate limiting (healthchecks)',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\n',
        'hc/api/models.py': [
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
        ].join('\n'),
        'hc/accounts/views.py':
          'from hc.api.models import TokenBucket\n\n\ndef login(request):\n    if not TokenBucket.authorize(request.POST["email"], 20, 3600):\n        return render(request, "try_later.html")\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'hc/api/models.py', line: 4, note: 'hand-written rate limiting: TokenBucket defined here' },
          { path: 'hc/accounts/views.py', line: 5, note: 'TokenBucket used here' },
        ],
      },
    },
    {
      name: "the project's own limiter (a rate_limit module with a request budget) wired into the server (Rust)",
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "forum"\n\n[dependencies]\nactix-web = "4"\n',
        'crates/utils/src/rate_limit/mod.rs': [
          'mod backend;',
          '',
          '#[derive(Clone, Copy)]',
          'pub struct BucketConfig {',
          '  pub max_requests: u32,',
          '  pub interval: u32,',
          '}',
          '',
          '#[derive(Clone)]',
          'pub struct RateLimit {',
          '  backend: ForumBackend,',
          '}',
          '',
          'impl RateLimit {',
          '  pub fn new(configs: EnumMap<ActionType, BucketConfig>) -> Self {',
          '    Self { backend: ForumBackend::new(configs) }',
          '  }',
          '}',
          '',
        ].join('\n'),
        'crates/server/src/lib.rs': [
          'use forum_utils::{',
          '  rate_limit::RateLimit,',
          '};',
          '',
          'pub async fn start() -> std::io::Result<()> {',
          '  let rate_limit = RateLimit::new(site.rate_limits());',
          '  HttpServer::new(move || App::new().wrap(rate_limit.message()).configure(routes::config))',
          '    .bind(("0.0.0.0", 8536))?',
          '    .run()',
          '    .await',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'Hand-written: RateLimit',
        evidence: [
          {
            path: 'crates/utils/src/rate_limit/mod.rs',
            line: 10,
            note: 'hand-written rate limiting: RateLimit defined here',
          },
          { path: 'crates/server/src/lib.rs', line: 6, note: 'RateLimit used here' },
        ],
      },
    },
    {
      name: 'nginx in front of the app limits request rates (limit_req)',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"express":"4"}}',
        'src/app.js': "const app = require('express')();\napp.listen(3000);\n",
        'deploy/nginx/nginx.conf':
          'http {\n  limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\n  server {\n    location / {\n      limit_req zone=api burst=20;\n      proxy_pass http://app:3000;\n    }\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'deploy/nginx/nginx.conf',
            line: 2,
            note: 'nginx limit_req_zone: the rate a limit_req applies per client',
          },
          { path: 'deploy/nginx/nginx.conf', line: 5, note: 'the reverse proxy limits request rates on location /' },
        ],
      },
    },
    {
      name: 'Traefik rate-limit labels on the compose service count',
      profile: 'service',
      tree: {
        'main.go': 'package main\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
        'docker-compose.yml':
          'services:\n  api:\n    build: .\n    labels:\n      - "traefik.http.middlewares.api-limit.ratelimit.average=100"\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'docker-compose.yml', line: 5 }] },
    },
    {
      name: 'Node: express-rate-limit registered on the app passes',
      profile: 'service',
      tree: {
        'package.json': '{"name":"a","dependencies":{"express":"4","express-rate-limit":"7"}}',
        'src/app.js':
          "const rateLimit = require('express-rate-limit');\napp.use(rateLimit({ windowMs: 60000, max: 100 }));\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/app.js', line: 2 }] },
    },
    {
      name: 'Python: a slowapi limit decorator passes',
      profile: 'service',
      tree: {
        'api/main.py':
          'limiter = Limiter(key_func=get_remote_address)\n\n@app.get("/")\n@limiter.limit("5/minute")\ndef home(request):\n    pass\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'api/main.py', line: 1 }] },
    },
    {
      name: '.NET: AddRateLimiter passes',
      profile: 'service',
      tree: {
        'Api/Program.cs':
          'builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("fixed", x => x.PermitLimit = 10));\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Api/Program.cs', line: 1 }] },
    },
    {
      name: 'an ingress rate-limit annotation in a Helm template counts',
      profile: 'service',
      tree: {
        'chart/Chart.yaml': 'apiVersion: v2\nname: web\n',
        'chart/templates/ingress.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: {{ .Release.Name }}\n  annotations:\n    nginx.ingress.kubernetes.io/limit-rps: "20"\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'chart/templates/ingress.yaml', line: 2 }] },
    },
    {
      name: 'a WAF rate-based rule in Terraform counts',
      profile: 'service',
      tree: {
        'infra/waf.tf':
          'resource "aws_wafv2_web_acl" "edge" {\n  rule {\n    statement {\n      rate_based_statement {\n        limit = 1000\n      }\n    }\n  }\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'infra/waf.tf', line: 1 }] },
    },
    {
      name: 'Django: DRF throttles beside django-axes are rate limiting (the login lockout adds to it)',
      profile: 'service',
      tree: {
        'app/settings.py':
          'MIDDLEWARE = ["axes.middleware.AxesMiddleware"]\nREST_FRAMEWORK = {\n    "DEFAULT_THROTTLE_RATES": {"anon": "100/day"},\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/settings.py', line: 3 }] },
    },
  ],
  invalid: [
    {
      name: 'nginx (extensionless include files in nginx/) limits only the login and password-reset locations: partial, naming them',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==4.2\ngunicorn==21.2\n',
        'manage.py': 'import os\nimport sys\n',
        'shelf/urls.py': 'from django.urls import path\nurlpatterns = []\n',
        'shelf/views.py':
          'from django.http import HttpResponse\n\ndef index(request):\n    return HttpResponse("ok")\n',
        'nginx/default.conf':
          'include /etc/nginx/conf.d/server_config;\nserver {\n    listen 80;\n    include /etc/nginx/conf.d/locations;\n}\n',
        'nginx/server_config':
          'client_max_body_size 10m;\nlimit_req_zone $binary_remote_addr zone=loginlimit:10m rate=1r/s;\n',
        'nginx/locations':
          'location / {\n    proxy_pass http://web;\n}\n\nlocation ~ ^/(login[^-/]|password-reset|2fa-check) {\n    limit_req zone=loginlimit burst=1 nodelay;\n    limit_req_status 429;\n    proxy_pass http://web;\n}\n',
      },
      expect: {
        outcome: 'partial',
        message:
          "Only authentication routes are rate-limited: the reverse proxy's limit_req applies to location ~ ^/(login[^-/]|password-reset|2fa-check) (nginx/locations:6)",
        evidence: [
          {
            path: 'nginx/locations',
            line: 6,
            note: 'the reverse proxy limits request rates on location ~ ^/(login[^-/]|password-reset|2fa-check)',
          },
          { path: 'nginx/server_config', line: 2 },
        ],
      },
    },
    {
      name: 'a rateLimit() method defined on a cache client and never called is no rate limiting',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"next":"14","redis":"4"}}',
        'src/lib/redis.ts': [
          'export class RedisClient {',
          '  async get(key: string) {',
          '    return this.client.get(key);',
          '  }',
          '',
          '  async rateLimit(key: string, limit: number, seconds: number): Promise<boolean> {',
          '    const count = await this.client.incr(key);',
          '    if (count === 1) await this.client.expire(key, seconds);',
          '    return count <= limit;',
          '  }',
          '}',
          '',
        ].join('\n'),
        'src/app/api/send/route.ts':
          'import { redis } from "@/lib/redis";\n\nexport async function POST(req: Request) {\n  await redis.get("x");\n  return Response.json({ ok: true });\n}\n',
      },
      expect: {
        outcome: 'fail',
        message: 'rateLimit is defined at src/lib/redis.ts:6, but never used',
        evidence: [{ path: 'src/lib/redis.ts', line: 6, note: 'rateLimit defined here, but never used: no credit' }],
      },
    },
    {
      name: 'a home-grown limiter type that nothing uses earns nothing (Python)',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\n',
        'app/limits.py':
          'class RateLimiter:\n    def __init__(self, max_requests, window_secs):\n        self.max_requests = max_requests\n        self.window_secs = window_secs\n',
        'app/views.py': 'def index(request):\n    return render(request, "index.html")\n',
      },
      expect: { outcome: 'fail', message: 'RateLimiter is defined at app/limits.py:1, but never used' },
    },
    {
      name: 'governor only imported (a Quota type named, no limiter built or checked) stays partial (Rust)',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "vault"\n\n[dependencies]\ngovernor = "0.10"\nrocket = "0.5"\n',
        'src/ratelimit.rs': 'use governor::{Quota, RateLimiter};\n\npub type Q = Quota;\n',
      },
      expect: { outcome: 'partial', message: 'governor' },
    },
    {
      name: '.NET: an action filter answering 429 when the usage gate blocks the client is a quota, partial (no limiter counts requests)',
      profile: 'service',
      tree: {
        'src/Shop/Shop.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n</Project>\n',
        'src/Shop/Pipeline/UsageFilter.cs':
          'public sealed class UsageFilter(IUsageGate usageGate) : IAsyncActionFilter\n{\n    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)\n    {\n        if (await usageGate.IsBlockedAsync(context.HttpContext.User))\n        {\n            context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);\n            return;\n        }\n        await next();\n    }\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: 'no rate limiter counts requests per client',
        evidence: [{ path: 'src/Shop/Pipeline/UsageFilter.cs', line: 7 }],
      },
    },
    {
      name: "a client that handles another service's 429, and a counter elsewhere, is no limiter",
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"express":"4"}}',
        'src/upstream.js':
          'const r = await fetch(url);\nif (r.status === 429) await sleep(1000);\nif (res.statusCode == 429) retry();\n',
        'src/stats.js': 'let hits = 0;\nexport const hit = () => { hits += 1; };\n',
        'src/errors.js': 'export const TOO_MANY = (res) => res.status(429).end();\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Go: x/time imported but no limiter is partial',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire golang.org/x/time v0.5.0\n',
        'main.go': 'package main\n\nimport "golang.org/x/time/rate"\n\nvar every = rate.Every\n',
      },
      expect: { outcome: 'partial', message: 'golang.org/x/time', evidence: [{ path: 'go.mod', line: 3 }] },
    },
    {
      name: 'Go: x/time required only // indirect is not the service’s limiter',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire golang.org/x/time v0.5.0 // indirect\n',
        'main.go': 'package main\n\nfunc main() {}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'go.mod', line: 3, note: expect.stringContaining('// indirect') }],
      },
    },
    {
      name: 'nothing fails, and a malformed manifest does not crash',
      profile: 'service',
      tree: { 'main.py': 'app = FastAPI()\n', 'k8s/bad.yaml': 'apiVersion: v1\nkind: Service\nmetadata: [\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'Django: django-axes alone throttles failed logins, not requests: partial, saying so',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\ndjango-axes==6.5\n',
        'app/settings.py':
          'INSTALLED_APPS = ["axes"]\nMIDDLEWARE = [\n    "axes.middleware.AxesMiddleware",\n]\nAXES_FAILURE_LIMIT = 5\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'Failed logins are throttled',
        evidence: [{ path: 'app/settings.py', line: 3, note: 'login throttling' }],
      },
    },
  ],
});
