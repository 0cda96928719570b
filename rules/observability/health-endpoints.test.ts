import { describe, expect, it } from 'vitest';
import rule from './health-endpoints.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';

const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'svc', dependencies: deps }, null, 2);

ruleTester(rule, {
  valid: [
    {
      name: 'health routes set as the defaults of path settings (PingPath: "/ping", ReadyPath: "/ready") are served (round 22)',
      profile: 'service',
      tree: {
        'go.mod': 'module github.com/acme/gatekeeper\n\ngo 1.22\n',
        'main.go':
          'package main\n\nimport "net/http"\n\nfunc main() {\n\topts := NewOptions()\n\thttp.ListenAndServe(":4180", NewProxy(opts))\n}\n',
        'options.go': [
          'package main', // 1
          '', // 2
          'type Options struct {', // 3
          '\tPingPath  string `flag:"ping-path"`', // 4
          '\tReadyPath string `flag:"ready-path"`', // 5
          '}', // 6
          '', // 7
          'func NewOptions() *Options {', // 8
          '\treturn &Options{', // 9
          '\t\tPingPath:  "/ping",', // 10
          '\t\tReadyPath: "/ready",', // 11
          '\t}', // 12
          '}', // 13
        ].join('\n'),
        'proxy.go':
          'package main\n\nimport "net/http"\n\nfunc NewProxy(o *Options) http.Handler {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc(o.PingPath, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })\n\tmux.HandleFunc(o.ReadyPath, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })\n\treturn mux\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'options.go', line: 10, note: 'health route /ping' },
          { path: 'options.go', line: 11, note: 'health route /ready' },
        ],
      },
    },
    {
      name: 'Rails routes under a health prefix (/healthcheck/live, /healthcheck/ready to a mounted rack app) are liveness and readiness (round 19)',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n",
        'config/routes.rb': [
          'Rails.application.routes.draw do',
          '  get "/healthcheck/live", to: proc { [200, {}, %w[OK]] }',
          '  get "/healthcheck/ready", to: Healthcheck.rack_response(',
          '    Healthcheck::ActiveRecord,',
          '  )',
          '',
          '  resources :checks, only: %i[create show]',
          'end',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'config/routes.rb', line: 2, note: 'health route /healthcheck/live' },
          { path: 'config/routes.rb', line: 3, note: 'health route /healthcheck/ready' },
        ],
      },
    },
    {
      name: 'one /healthz route that both the liveness and the readiness probe call is both endpoints (round 20)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"ide","dependencies":{"express":"4.19.0"}}',
        'src/routes/index.ts': [
          "import express from 'express'",
          "import * as health from './health'",
          '',
          'const app = express()',
          "app.use('/healthz', health.router)",
          'app.listen(8080)',
          '',
        ].join('\n'),
        'src/routes/health.ts':
          "import { Router } from 'express'\nexport const router = Router()\nrouter.get('/', (req, res) => res.json({ status: 'alive' }))\n",
        'k8s/deployment.yaml': [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: ide',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: ide',
          '          image: ide:4.0.0',
          '          livenessProbe:',
          '            httpGet:',
          '              path: /healthz',
          '              port: 8080',
          '          readinessProbe:',
          '            httpGet:',
          '              path: /healthz',
          '              port: 8080',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'One health endpoint (/healthz) answers both the liveness and the readiness probe.',
        evidence: [
          { path: 'src/routes/index.ts', line: 5, note: 'health route /healthz' },
          {
            path: 'k8s/deployment.yaml',
            line: 9,
            note: 'the liveness and readiness probes of Deployment ide call /healthz',
          },
        ],
      },
    },
    {
      name: 'a /health route that the Kubernetes readinessProbe calls is the readiness endpoint beside /liveness (round 19)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"feed","dependencies":{"fastify":"4.0.0"}}',
        'src/index.ts': [
          "import fastify from 'fastify'",
          '',
          'const app = fastify()',
          "app.get('/health', async (req, res) => (terminating ? res.status(500).send() : { ok: true }))",
          "app.get('/liveness', async () => ({ ok: true }))",
          'app.listen({ port: 3000 })',
          '',
        ].join('\n'),
        'k8s/deployment.yaml': [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: feed',
          'spec:',
          '  replicas: 2',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: api',
          '          image: feed:1.0.0',
          '          readinessProbe:',
          '            httpGet:',
          '              path: /health',
          '              port: 3000',
          '          livenessProbe:',
          '            httpGet:',
          '              path: /liveness',
          '              port: 3000',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/index.ts', line: 4, note: 'health route /health' },
          { path: 'k8s/deployment.yaml', line: 10, note: 'the readiness probe of Deployment feed calls /health' },
        ],
      },
    },
    {
      name: 'Rocket #[get("/alive")] whose handler takes a pooled database connection guard passes (Rust)',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "vault"\n\n[dependencies]\nrocket = "0.5"\n',
        'src/api/web.rs':
          '#[get("/alive")]\nfn alive(_conn: DbConn) -> Json<String> {\n    Json(now())\n}\n\n#[head("/alive")]\nfn alive_head(_conn: DbConn) -> EmptyResult {\n    Ok(())\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'the database',
        evidence: [{ path: 'src/api/web.rs', line: 1, note: 'health route /alive' }],
      },
    },
    {
      name: 'Next.js health and readiness route files pass (file-system routing)',
      profile: 'service',
      tree: {
        'package.json': pkg({ next: '^14.2.0' }),
        'app/healthz/route.ts': 'export const GET = () => new Response("ok");\n',
        'pages/api/readyz.ts': 'export default function handler(req, res) { res.status(200).end(); }\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'app/healthz/route.ts' }, { path: 'pages/api/readyz.ts' }],
        data: { routes: ['/api/readyz', '/healthz'] },
      },
    },
    {
      name: 'Express liveness and readiness routes pass',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0' }),
        'src/server.js':
          "const app = require('express')();\napp.get('/healthz', (req, res) => res.send('ok'));\napp.get('/readyz', async (req, res) => res.send(await db.ping()));\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/server.js', line: 2 },
          { path: 'src/server.js', line: 3 },
        ],
        data: { routes: ['/healthz', '/readyz'] },
      },
    },
    {
      name: 'ASP.NET MapHealthChecks passes',
      profile: 'service',
      tree: {
        'Api/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddHealthChecks();\nvar app = builder.Build();\napp.MapHealthChecks("/health");\n',
      },
      expect: {
        outcome: 'pass',
        message: 'ASP.NET Core health checks',
        evidence: [{ path: 'Api/Program.cs', line: 4 }],
      },
    },
    {
      name: 'Spring Boot Actuator by dependency passes',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-actuator</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/java/App.java': 'public class App {}\n',
      },
      expect: {
        outcome: 'pass',
        // Said as it is: the probe groups are not on by default outside Kubernetes (round 8).
        message: [
          'spring-boot-starter-actuator (/actuator/health; its liveness and readiness groups switch on under Kubernetes',
        ],
        evidence: [{ path: 'pom.xml' }],
      },
    },
    {
      name: 'a Go gRPC health service passes',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire google.golang.org/grpc v1.64.0\n',
        'cmd/server/main.go':
          'package main\n\nfunc main() {\n\ts := grpc.NewServer()\n\thealthpb.RegisterHealthServer(s, health.NewServer())\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'a gRPC health service',
        evidence: [{ path: 'cmd/server/main.go', line: 5 }],
      },
    },
    {
      name: 'Django path() routes without a leading slash count',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\n',
        'app/urls.py':
          'from django.urls import path\nurlpatterns = [\n    path("healthz/", views.live),\n    path("readyz/", views.ready),\n]\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'app/urls.py', line: 3 },
          { path: 'app/urls.py', line: 4 },
        ],
      },
    },
    {
      name: 'PHP Slim routes pass; a Guzzle call to another service does not count',
      profile: 'service',
      tree: {
        'composer.json': JSON.stringify({ require: { 'slim/slim': '^4.12' } }, null, 2),
        'public/index.php':
          "<?php\n$app->get('/healthz', fn ($req, $res) => $res);\n$app->get('/readyz', [HealthController::class, 'ready']);\n",
        'src/Billing.php': "<?php\n$client->get('/health');\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'public/index.php', line: 2 },
          { path: 'public/index.php', line: 3 },
        ],
        data: { routes: ['/healthz', '/readyz'] },
      },
    },
    {
      name: 'controller-runtime healthz/readyz checks pass',
      profile: 'service',
      tree: {
        'main.go':
          'package main\nfunc main() {\n\tmgr.AddHealthzCheck("healthz", healthz.Ping)\n\tmgr.AddReadyzCheck("readyz", healthz.Ping)\n\thttp.ListenAndServe(":8080", nil)\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'main.go', line: 3 }] },
    },
    {
      name: 'one NestJS health route that checks the database and Redis serves readiness too (passes)',
      profile: 'service',
      tree: {
        'package.json': pkg({ '@nestjs/core': '^10.0.0' }),
        'src/health/health.controller.ts': [
          "import { Controller, Get, HttpStatus, Res } from '@nestjs/common';",
          "@Controller('health')",
          'export class HealthController {',
          '  constructor(private readonly healthService: HealthService) {}',
          '  @Get()',
          '  public async getHealth(@Res() response) {',
          '    const dbOk = await this.healthService.isDatabaseHealthy();',
          '    const cacheOk = await this.healthService.isRedisHealthy();',
          '    return response.status(dbOk && cacheOk ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).end();',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'The health endpoint /health checks the database',
        evidence: [
          { path: 'src/health/health.controller.ts', line: 2, note: 'health route /health' },
          { path: 'src/health/health.controller.ts', line: 7, note: 'the /health handler checks a dependency' },
        ],
      },
    },
    {
      name: 'a Django status route whose view runs SELECT 1 is a readiness check (passes)',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0.4\n',
        'hc/api/urls.py':
          'from django.urls import path\nfrom hc.api import views\n\nurlpatterns = [\n    path("checks/", views.checks),\n    path("status/", views.status),\n]\n',
        'hc/api/views.py': [
          'from django.db import connection',
          'from django.http import HttpResponse',
          '',
          'def checks(request):',
          '    return HttpResponse("[]")',
          '',
          'def status(request):',
          '    with connection.cursor() as c:',
          '        c.execute("SELECT 1")',
          '        c.fetchone()',
          '    return HttpResponse("OK")',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'hc/api/urls.py', line: 6, note: 'health route /status' },
          { path: 'hc/api/views.py', line: 8, note: 'the /status handler checks a dependency' },
        ],
        data: { routes: ['/status'] },
      },
    },
    {
      name: 'Django: path("health", health_view, name="health") names an imported alias whose view ensures the database connection (passes)',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0\n',
        'shelf/urls.py': [
          'from django.urls import path',
          'from shelf.views.probe import health as health_view',
          '',
          'urlpatterns = [',
          '    path("health", health_view, name="health"),',
          ']',
          '',
        ].join('\n'),
        'shelf/views/probe.py': [
          'from django.db import connections',
          'from django.http import JsonResponse',
          '',
          'def health(request):',
          '    try:',
          '        connections["default"].ensure_connection()',
          '    except Exception:',
          '        return JsonResponse({"status": "down"}, status=500)',
          '    return JsonResponse({"status": "up"})',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'shelf/urls.py', line: 5, note: 'health route /health' },
          { path: 'shelf/views/probe.py', line: 6, note: 'the /health handler checks a dependency' },
        ],
      },
    },
    {
      name: '.NET: health checks mapped outside the development branch are served',
      profile: 'service',
      tree: {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'Api/Program.cs':
          'var app = builder.Build();\nif (app.Environment.IsDevelopment())\n{\n    app.UseSwagger();\n}\napp.MapHealthChecks("/health");\napp.Run();\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Api/Program.cs', line: 6 }] },
    },
    {
      name: 'NestJS: @Get("health") under setGlobalPrefix("api") is /api/health, and its Prisma query checks the database',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"@nestjs/core":"10","@prisma/client":"5"}}',
        'backend/src/main.ts':
          'async function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix("api");\n  await app.listen(8080);\n}\n',
        'backend/src/app.controller.ts':
          '@Controller("/")\nexport class AppController {\n  constructor(private prismaService: PrismaService) {}\n\n  @Get("health")\n  async health() {\n    await this.prismaService.config.findMany();\n    return "OK";\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: '/api/health',
        evidence: [{ path: 'backend/src/app.controller.ts', line: 5, note: 'health route /api/health' }],
        data: { routes: ['/api/health'] },
      },
    },
  ],
  invalid: [
    {
      name: 'a "/ping" string in a setting not named for a path is no route (round 22 counterpart)',
      profile: 'service',
      tree: {
        'go.mod': 'module github.com/acme/gatekeeper\n\ngo 1.22\n',
        'main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":4180", nil)\n}\n',
        'options.go': 'package main\n\nvar defaults = Options{\n\tUpstreamPrefix: "/ping",\n}\n',
      },
      expect: { outcome: 'fail', absent: ['options.go'] },
    },
    {
      name: 'a PingFederate SSO callback registered at /auth/ping is no liveness endpoint (round 20)',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0\nflask-restful==0.3\n',
        'vault/app.py': 'from flask import Flask\napp = Flask(__name__)\n',
        'vault/auth/views.py': [
          'from flask_restful import Api, Resource',
          'api = Api(mod)',
          '',
          'class Ping(Resource):',
          '    # Log in through PingFederate: an example SSO provider.',
          '    def post(self):',
          '        return exchange_code()',
          '',
          'api.add_resource(Ping, "/auth/ping", endpoint="ping")',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'fail', absent: ['vault/auth/views.py'] },
    },
    {
      name: 'NestJS: a health controller behind a wrapper decorator is the evidence; an @Auth() link checker /health and an event named health_check are not (round 16)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"core","dependencies":{"@nestjs/core":"10.0.0","@nestjs/common":"10.0.0"}}',
        'src/main.ts':
          "import { NestFactory } from '@nestjs/core'\n\nconst app = await NestFactory.create(AppModule)\nawait app.listen(2333)\n",
        'src/modules/health/health.controller.ts': [
          "import { Get } from '@nestjs/common'",
          "import { ApiController } from '~/common/decorators/api-controller.decorator'",
          '',
          "@ApiController('health')",
          'export class HealthController {',
          "  @Get('/')",
          '  check() {',
          '    return { ok: 1 }',
          '  }',
          '}',
          '',
        ].join('\n'),
        'src/modules/link/link.controller.ts': [
          "import { Get } from '@nestjs/common'",
          "import { ApiController } from '~/common/decorators/api-controller.decorator'",
          "import { Auth } from '~/common/decorators/auth.decorator'",
          '',
          "@ApiController('link')",
          'export class LinkController {',
          '  @Auth()',
          "  @Get('/health')",
          '  checkHealth() {',
          '    return this.links.checkAll()',
          '  }',
          '}',
          '',
        ].join('\n'),
        'src/modules/webhook/webhook.service.ts': "export const EVENTS = [\n  'post_create',\n  'health_check',\n]\n",
      },
      expect: {
        outcome: 'pass',
        message: 'A health endpoint is registered',
        evidence: [
          { path: 'src/modules/health/health.controller.ts', line: 4, note: 'health route /health' },
          {
            path: 'src/modules/link/link.controller.ts',
            line: 8,
            note: expect.stringContaining('requires an authenticated caller'),
          },
        ],
        absent: ['served by', 'webhook.service.ts', 'health route /link/health'],
      },
    },
    {
      name: 'the same /healthz called by the readiness probe only (no liveness probe): one route passes, a liveness route is suggested (round 20, round 30)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"ide","dependencies":{"express":"4.19.0"}}',
        'src/routes/index.ts':
          "import express from 'express'\nimport * as health from './health'\n\nconst app = express()\napp.use('/healthz', health.router)\napp.listen(8080)\n",
        'src/routes/health.ts':
          "import { Router } from 'express'\nexport const router = Router()\nrouter.get('/', (req, res) => res.json({ status: 'alive' }))\n",
        'k8s/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ide\nspec:\n  template:\n    spec:\n      containers:\n        - name: ide\n          image: ide:4.0.0\n          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n',
      },
      expect: {
        outcome: 'pass',
        message: ['A readiness endpoint is registered', 'Suggestion: a separate liveness route'],
        evidence: [
          { path: 'src/routes/index.ts', line: 5, note: 'health route /healthz' },
          { path: 'k8s/deployment.yaml', line: 9, note: 'the readiness probe of Deployment ide calls /healthz' },
        ],
      },
    },
    {
      name: 'a host-check bypass for /health/ paths in wsgi.py is no route: one readiness route passes with a suggestion, not "liveness and readiness" (round 12, round 30)',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0\n',
        'manage.py': 'from django.core.management import execute_from_command_line\n',
        'app/urls.py':
          'from django.urls import path\nfrom .views import home, health_check_ready\n\nurlpatterns = [\n    path("", home),\n    path("health/ready", health_check_ready, name="health_check_ready"),\n]\n',
        'app/views.py':
          'from django.http import HttpResponse\n\ndef health_check_ready(request):\n    return HttpResponse("OK")\n',
        'app/wsgi.py':
          'class CustomRequest(WSGIRequest):\n    def get_host(self):\n        if self.path.startswith("/health/"):\n            return self._get_raw_host()\n        return super().get_host()\n',
      },
      expect: {
        outcome: 'pass',
        score: 1,
        message: ['A readiness endpoint is registered', 'Suggestion: a separate liveness route'],
        evidence: [{ path: 'app/urls.py', line: 6, note: 'health route /health/ready' }],
        absent: ['wsgi.py', 'Liveness and readiness'],
      },
    },
    {
      name: 'a gRPC health CLIENT that probes other services serves no health check of its own (round 8, a monitoring service)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/mon\n\ngo 1.22\n\nrequire google.golang.org/grpc v1.64.0\n',
        'main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n',
        'client/grpc.go':
          'package client\n\nimport (\n\thealth "google.golang.org/grpc/health/grpc_health_v1"\n)\n\nfunc Probe(conn *grpc.ClientConn) error {\n\tc := health.NewHealthClient(conn)\n\t_, err := c.Check(ctx, &health.HealthCheckRequest{})\n\treturn err\n}\n',
      },
      expect: { outcome: 'fail', absent: ['client/grpc.go'] },
    },
    {
      name: 'a Go 1.22 mux route whose last segment is liveness (GET /system/liveness) is a health endpoint',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/bookmarks\n\ngo 1.22\n',
        'internal/http/server.go':
          'package http\n\nfunc (s *HTTPServer) Setup(deps *Dependencies) {\n\ts.mux.HandleFunc("GET /system/liveness", ToHTTPHandler(deps, handlers.HandleLiveness))\n\ts.mux.HandleFunc("GET /api/v1/bookmarks/{id}/status", ToHTTPHandler(deps, handlers.HandleStatus))\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'internal/http/server.go', line: 4, note: 'health route /system/liveness' }],
      },
    },
    {
      name: "a wrapper of RestTemplate calling another service's /health is a client call, not a health route of this one",
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/java/app/AdminApi.java':
          'public class AdminApi {\n  public Health health(Env env) {\n    return restTemplate.get(env, "/health", Health.class);\n  }\n}\n',
      },
      expect: { outcome: 'fail', absent: ['AdminApi.java:3', '"line":3'] },
    },
    {
      name: 'a product resource named heartbeats (a monitoring app listing them) is no health route',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0' }),
        'src/server.js': 'const app = express();\napp.get("/heartbeats/:id", showHeartbeat);\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Django: a keyword argument (name="health") is no handler, and an aliased view that checks nothing is liveness only (a pass with a readiness suggestion)',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0\n',
        'shelf/urls.py':
          'from django.urls import path\nfrom shelf.views.probe import health as health_view\n\nurlpatterns = [\n    path("health", health_view, name="health"),\n]\n',
        'shelf/views/probe.py':
          'from django.db import connections\nfrom django.http import JsonResponse\n\ndef health(request):\n    return JsonResponse({"status": "up"})\n\ndef stats(request):\n    connections["default"].ensure_connection()\n    return JsonResponse({})\n',
      },
      expect: { outcome: 'pass', score: 1 },
    },
    {
      name: 'Rails `resources :health` is a health route (liveness only: a pass with a readiness suggestion)',
      profile: 'service',
      tree: {
        Gemfile: 'source "https://rubygems.org"\ngem "rails"\n',
        'config/routes.rb':
          'Rails.application.routes.draw do\n  resources :users\n  resources :health, only: %i[index] do\n    collection { get :gh_ci_csv }\n  end\nend\n',
        'app/controllers/health_controller.rb':
          'class HealthController < ApplicationController\n  def index\n    render json: { latest_deploy_time: deployed_at }\n  end\nend\n',
      },
      expect: {
        outcome: 'pass',
        score: 1,
        evidence: [{ path: 'config/routes.rb', line: 3, note: 'health route /health' }],
      },
    },
    {
      name: 'an ASP.NET HealthController is cited as the route, ahead of a log filter that names /api/health',
      profile: 'service',
      tree: {
        'API/API.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'API/Logging/LogLevelOptions.cs':
          'static bool Keep(LogEvent e, string path)\n{\n    if (path == "/api/health") return false;\n    return true;\n}\n',
        'API/Controllers/HealthController.cs':
          '[AllowAnonymous]\npublic class HealthController : BaseApiController\n{\n    [HttpGet]\n    public ActionResult GetHealth() => Ok("Ok");\n}\n',
      },
      expect: { outcome: 'pass', score: 1 },
    },
    {
      name: 'Rails resources and controllers not named for health are no health route',
      profile: 'service',
      tree: {
        Gemfile: 'source "https://rubygems.org"\ngem "rails"\n',
        'config/routes.rb':
          'Rails.application.routes.draw do\n  resources :users\n  resources :healthcare_plans\nend\n',
        'app/controllers/users_controller.rb': 'class UsersController < ApplicationController\nend\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a Next.js app-router health route file counts as a liveness route',
      profile: 'service',
      tree: {
        'package.json': pkg({ next: '^14.2.0' }),
        'src/app/api/healthz/route.ts': 'export async function GET() {\n  return Response.json({ ok: true });\n}\n',
      },
      expect: {
        outcome: 'pass',
        score: 1,
        evidence: [{ path: 'src/app/api/healthz/route.ts' }],
        data: { routes: ['/api/healthz'] },
      },
    },
    {
      name: 'a Next.js /api/heartbeat route file is a liveness route (heartbeat is a health name)',
      profile: 'service',
      tree: {
        'package.json': pkg({ next: '^15.0.0' }),
        'src/app/api/heartbeat/route.ts': 'export async function GET() {\n  return Response.json({ ok: true });\n}\n',
      },
      expect: {
        outcome: 'pass',
        score: 1,
        evidence: [{ path: 'src/app/api/heartbeat/route.ts' }],
        data: { routes: ['/api/heartbeat'] },
      },
    },
    {
      name: 'an Express app.get("/heartbeat") is a liveness route',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0' }),
        'src/server.js': 'const app = express();\napp.get("/heartbeat", (req, res) => res.send("ok"));\n',
      },
      expect: { outcome: 'pass', score: 1, evidence: [{ path: 'src/server.js', line: 2 }] },
    },
    {
      name: 'a FastAPI /health route alone passes: health routes are alternatives, a readiness route is a suggestion (round 30)',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110.0\n',
        'app/main.py': 'app = FastAPI()\n\n@app.get("/health")\ndef health():\n    return {"ok": True}\n',
      },
      expect: {
        outcome: 'pass',
        score: 1,
        message: 'Suggestion: a separate readiness route',
        evidence: [{ path: 'app/main.py', line: 3 }],
      },
    },
    {
      name: 'Rails `get "up"` is a liveness route only',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n",
        'config/routes.rb':
          'Rails.application.routes.draw do\n  get "up" => "rails/health#show", as: :rails_health_check\nend\n',
      },
      expect: { outcome: 'pass', score: 1, evidence: [{ path: 'config/routes.rb', line: 2 }] },
    },
    {
      name: 'comments, tests and client calls to another service are not health endpoints',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0' }),
        'src/server.js':
          "// TODO: add app.get('/healthz') and '/readyz'\nconst app = require('express')();\napp.listen(3000);\n",
        'src/upstream.js': "export const ok = () => fetch('/health');\nconst r = await axios.get('/ready');\n",
        'src/probe.py': 'requests.get("http://billing:8080/healthz", timeout=2)\n',
        'test/server.test.js': "request(app).get('/healthz').expect(200);\n",
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }], data: { routes: [] } },
    },
    {
      name: 'a Django status page that checks nothing is no health endpoint',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0.4\n',
        'shop/urls.py': 'urlpatterns = [\n    path("status/", views.status),\n]\n',
        'shop/views.py':
          'def status(request):\n    return render(request, "status.html", {"orders": Order.objects.all()})\n\ndef ping_db(request):\n    return None\n',
      },
      expect: { outcome: 'fail', data: { routes: [] } },
    },
    {
      name: 'AddHealthChecks without MapHealthChecks is partial',
      profile: 'service',
      tree: {
        'Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddHealthChecks();\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'no health route',
        evidence: [{ path: 'Program.cs', line: 2 }],
      },
    },
    {
      name: '@godaddy/terminus declared but never used is partial',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', '@godaddy/terminus': '^4.12.0' }),
        'src/index.js': 'app.listen(3000);\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: '@godaddy/terminus is declared',
        evidence: [{ path: 'package.json', line: 5 }],
      },
    },
    {
      name: '.NET: health checks mapped only inside IsDevelopment() are not a production endpoint',
      profile: 'service',
      tree: {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'Defaults/Extensions.cs': [
          'public static class Extensions',
          '{',
          '    public static WebApplication MapDefaultEndpoints(this WebApplication app)',
          '    {',
          '        if (app.Environment.IsDevelopment())',
          '        {',
          '            app.MapHealthChecks("/health");',
          '            app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });',
          '        }',
          '        return app;',
          '    }',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: 'mapped only in development',
        evidence: [
          {
            path: 'Defaults/Extensions.cs',
            line: 7,
            note: 'mapped only in development: if (app.Environment.IsDevelopment())',
          },
        ],
      },
    },
    {
      name: 'Django: a health route added to urlpatterns only when settings.DEBUG is on',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\n',
        'app/urls.py':
          'from django.conf import settings\nurlpatterns = [path("", views.home)]\nif settings.DEBUG:\n    urlpatterns += [path("health/", views.health)]\n',
      },
      expect: { outcome: 'partial', score: 0.3, evidence: [{ path: 'app/urls.py', line: 4 }] },
    },
    {
      name: 'NestJS: a health route the global prefix excludes keeps its own path; a @Get("healthy-cats") is no health route',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"@nestjs/core":"10"}}',
        'src/main.ts': "app.setGlobalPrefix('api', {\n  exclude: ['health'],\n});\n",
        'src/health.controller.ts':
          "@Controller()\nexport class HealthController {\n  @Get('health')\n  ok() {\n    return 'ok';\n  }\n}\n",
        'src/cats.controller.ts':
          "@Controller('cats')\nexport class CatsController {\n  @Get('healthy-cats')\n  list() {}\n}\n",
      },
      expect: { outcome: 'pass', score: 1, data: { routes: ['/health'] } },
    },
  ],
  notApplicable: [
    {
      name: 'a library is not asked for health endpoints',
      profile: 'library',
      tree: { 'package.json': pkg({}), 'index.js': 'module.exports = 1;\n' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});

describe('health-endpoints evidence', () => {
  it('cites the registering line, not the import, for NestJS terminus', async () => {
    const run = await runRuleOn(
      rule,
      {
        'package.json': pkg({ '@nestjs/core': '^10.0.0', '@nestjs/terminus': '^10.0.0' }),
        'src/health.controller.ts':
          "import { HealthCheckService } from '@nestjs/terminus';\n\n@Controller('health')\nexport class HealthController {\n  constructor(private health: HealthCheckService) {}\n}\n",
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/health.controller.ts', line: 3, note: 'health route /health' }),
    );
  });
});

describe('health-endpoints short route names', () => {
  it('ignores a /live string that is not a route (a websocket client) but keeps a registered /ready', async () => {
    const run = await runRuleOn(
      rule,
      {
        'package.json': pkg({ express: '^4.19.0' }),
        'assets/js/app.js':
          "const liveSocket = new LiveSocket(rootPath === '/' ? '/live' : `${rootPath}live`, Socket);\n",
        'src/routes.js': "router.get('/ready', ready);\nconst help = '/ping';\n",
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.data).toMatchObject({ routes: ['/ready'] });
  });
});

describe('health-endpoints evidence order', () => {
  it('cites the HealthController class before a log filter that mentions /api/health', async () => {
    const run = await runRuleOn(
      rule,
      {
        'API/API.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'API/Logging/LogLevelOptions.cs':
          'static bool Keep(string path)\n{\n    if (path == "/api/health") return false;\n    return true;\n}\n',
        'API/Controllers/HealthController.cs': 'public class HealthController : BaseApiController\n{\n}\n',
      },
      { profile: 'service' },
    );
    expect(run.evidence[0]).toMatchObject({ path: 'API/Controllers/HealthController.cs', line: 1 });
  });
});

describe('health-endpoints: a second health route that touches a dependency is the readiness check (round 18)', () => {
  const views = (healthArgs: string) =>
    [
      'from fastapi import APIRouter, Depends',
      'from sqlalchemy.ext.asyncio import AsyncSession',
      '',
      'from shop.db import get_session',
      '',
      'router = APIRouter()',
      '',
      '',
      '@router.get("/live")',
      'async def live() -> str:',
      '    return "ok"',
      '',
      '',
      '@router.get("/health")',
      'async def health(',
      `    ${healthArgs}`,
      ') -> str:',
      '    return "app and database ok"',
    ].join('\n');
  const tree = (healthArgs: string) => ({
    'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["fastapi", "sqlalchemy"]\n',
    'shop/main.py':
      'from fastapi import FastAPI\nfrom shop.probe import router\napp = FastAPI()\napp.include_router(router, prefix="/probe")\n',
    'shop/probe.py': views(healthArgs),
  });
  it('/live beside a /health whose handler depends on a database session passes, citing the session', async () => {
    const run = await runRuleOn(rule, tree('_: AsyncSession = Depends(get_session),'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      'Liveness (/live) and readiness (/health, which checks the database) endpoints are registered.',
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'shop/probe.py', line: 16, note: 'the /health handler checks a dependency' }),
    );
    expect(run.evidence).not.toContainEqual(expect.objectContaining({ note: 'the /live handler checks a dependency' }));
  });
  it('two routes that check nothing pass, with a readiness route as a suggestion (no finding, round 30)', async () => {
    const run = await runRuleOn(rule, tree('verbose: bool = False,'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.score).toBe(1);
    expect(run.message).toMatch(/Suggestion: a separate readiness route/);
  });
});

describe('health-endpoints: a route file of any name is matched to its plugin prefix without a pattern (review 23)', () => {
  const controller = (what: string) =>
    `export default async function c(fastify) {\n  fastify.get(\n    "/",\n    { schema: { description: "${what}" } },\n    async () => ({ ok: true }),\n  );\n}\n`;
  const tree = (file: string, source: string) => ({
    'package.json': pkg({ fastify: '^4.28.0' }),
    'src/index.ts':
      'import Fastify from "fastify";\nimport router from "./router";\nconst app = Fastify();\nawait app.register(router);\nawait app.listen({ port: 3000 });\n',
    'src/router.ts': `import plugin from "${source}";\n\nexport default async function router(fastify) {\n  await fastify.register(plugin, { prefix: "/api" });\n}\n`,
    [`src/controllers/${file}`]: controller('Service health check endpoint.'),
  });
  const routeOf = async (file: string, source: string) => {
    const run = await runRuleOn(rule, tree(file, source), { profile: 'service' });
    return run.evidence.find((e) => e.note?.endsWith('(documented as a health check)'))?.note;
  };
  it('file names with pattern characters neither throw nor backtrack, and still find their prefix', async () => {
    expect(await routeOf('x(.ts', './controllers/x(')).toBe('health route /api (documented as a health check)');
    expect(await routeOf(`(a|aa)+$.ts`, './controllers/(a|aa)+$.js')).toBe(
      'health route /api (documented as a health check)',
    );
    expect(await routeOf('status.ts', './controllers/status.ts')).toBe(
      'health route /api (documented as a health check)',
    );
  });
  it('a plugin imported from another file is no prefix of this one', async () => {
    expect(await routeOf('status.ts', './controllers/other')).toBe('health route / (documented as a health check)');
    expect(await routeOf('x(.ts', './controllers/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab')).toBe(
      'health route / (documented as a health check)',
    );
  });
});
