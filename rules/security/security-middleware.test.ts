import { expect } from 'vitest';
import rule from './security-middleware.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const express = { 'package.json': '{"dependencies":{"express":"^4.19.0","helmet":"^7.0.0","cors":"^2.8.5"}}' };
const fastapi = { 'requirements.txt': 'fastapi==0.110.0\n' };

const fastifyAutoload = (corsOptions: string) => ({
  'package.json':
    '{"type":"module","dependencies":{"fastify":"^5.0.0","@fastify/autoload":"^6.0.0","@fastify/helmet":"^13.0.0","@fastify/cors":"^11.0.0"}}',
  'src/app.ts':
    "import path from 'node:path'\nimport fastifyAutoload from '@fastify/autoload'\n\nexport default async function serviceApp (fastify) {\n  await fastify.register(fastifyAutoload, {\n    dir: path.join(import.meta.dirname, 'plugins/external'),\n    options: {}\n  })\n}\n",
  'src/plugins/external/helmet.ts':
    "import helmet from '@fastify/helmet'\n\nexport const autoConfig = {}\n\nexport default helmet\n",
  'src/plugins/external/cors.ts': `import cors from '@fastify/cors'\n\nexport const autoConfig = ${corsOptions}\n\nexport default cors\n`,
  'src/server.ts':
    "import Fastify from 'fastify'\nimport app from './app.js'\nconst server = Fastify()\nserver.register(app)\nawait server.listen({ port: 3000 })\n",
});

ruleTester(rule, {
  valid: [
    {
      name: 'Flask-CORS CORS() with origins from CORS_ORIGINS in the config module is an explicit policy (blind round 17)',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\nflask-cors==4.0.0\nflask-talisman==1.1.0\n',
        'config.py':
          "class Config:\n    CORS_ORIGINS = ['https://app.example.com']\n    CORS_SUPPORTS_CREDENTIALS = True\n",
        'api/app.py':
          'from flask import Flask\nfrom flask_cors import CORS\nfrom flask_talisman import Talisman\n\ncors = CORS()\n\n\ndef create_app():\n    app = Flask(__name__)\n    Talisman(app)\n    cors.init_app(app)\n    return app\n',
      },
      // Talisman(app) keeps its defaults: HTTPS forced and HSTS sent (round 34).
      expect: {
        outcome: 'pass',
        message: 'security headers, CORS and HSTS (sent by default by Flask-Talisman)',
        evidence: [{ path: 'api/app.py', line: 5, note: 'CORS policy' }],
        absent: ['CORS allows any origin'],
        data: { corsAnyOrigin: false },
      },
    },
    {
      name: 'Fastify plugins registered by @fastify/autoload (export default helmet, cors with origins) count at the plugin module',
      profile: 'service',
      tree: fastifyAutoload("{ origin: ['https://app.example.com'] }"),
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/plugins/external/helmet.ts', line: 5, note: 'security headers' },
          { path: 'src/plugins/external/cors.ts', line: 5, note: 'CORS policy' },
          { path: 'src/app.ts', line: 6, note: 'registers every plugin module of its folder (@fastify/autoload)' },
        ],
      },
    },
    {
      name: 'a Caddy front end (automatic HTTPS) and headers set there count, for a plain net/http service',
      profile: 'service',
      tree: {
        'go.mod': 'module shop\n',
        'main.go': 'package main\n\nfunc main() {\n\thttp.ListenAndServe(":8080", mux)\n}\n',
        Caddyfile:
          'shop.example.com {\n  header {\n    X-Frame-Options "DENY"\n    X-Content-Type-Options "nosniff"\n  }\n  reverse_proxy app:8080\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: ['security headers (reverse proxy)', 'HTTPS/HSTS (reverse proxy)'],
        evidence: [
          { path: 'Caddyfile', line: 3, note: 'the reverse proxy adds security headers' },
          { path: 'Caddyfile', line: 1, note: expect.stringContaining('automatic HTTPS') },
        ],
      },
    },
    {
      name: 'lusca headers and CSRF without any CORS middleware: same-origin is not penalised; without HTTPS enforcement, three of four categories (round 20)',
      tree: {
        ...express,
        'app.js':
          "app.use((req, res, next) => { lusca.csrf()(req, res, next); });\napp.use(lusca.xframe('SAMEORIGIN'));\napp.use(lusca.xssProtection(true));\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.75,
        message: ['no CORS middleware: browsers keep requests same-origin', 'no HTTPS redirect/HSTS'],
        evidence: [
          { path: 'app.js', line: 2, note: 'security headers' },
          { path: 'app.js', line: 1, note: 'CSRF protection' },
        ],
      },
    },
    {
      name: 'Express with helmet, CORS with explicit origins and HSTS passes, citing the app.use lines',
      tree: {
        ...express,
        'src/app.ts':
          "import helmet from 'helmet';\nimport cors from 'cors';\nconst app = express();\napp.use(helmet());\napp.use(cors({ origin: ['https://shop.example.com'], credentials: true }));\napp.use(helmet.hsts({ maxAge: 31536000 }));\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/app.ts', line: 4 },
          { path: 'src/app.ts', line: 5 },
        ],
      },
    },
    {
      name: "Django: a base module's CORS_ALLOW_ALL_ORIGINS = True overridden to False by production settings is no finding (round 5)",
      tree: {
        'requirements.txt': 'django==5.0\ndjango-cors-headers==4.3.0\n',
        'config/django/base.py':
          "MIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n    'corsheaders.middleware.CorsMiddleware',\n    'django.middleware.csrf.CsrfViewMiddleware',\n]\nfrom config.settings.cors import *  # noqa\n",
        'config/settings/cors.py':
          'CORS_ALLOW_CREDENTIALS = True\nCORS_ALLOW_ALL_ORIGINS = True\nCORS_ORIGIN_WHITELIST = env.list("CORS_ORIGIN_WHITELIST", default=[])\n',
        'config/django/production.py':
          'from .base import *  # noqa\n\nCORS_ALLOW_ALL_ORIGINS = False\nCORS_ORIGIN_WHITELIST = env.list("CORS_ORIGIN_WHITELIST", default=[])\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.75,
        message: 'no HTTPS redirect/HSTS',
        evidence: [
          { path: 'config/django/base.py', line: 2 },
          {
            path: 'config/django/production.py',
            line: 3,
            note: 'production settings override the development value: CORS is not open to any origin',
          },
        ],
      },
    },
    {
      name: 'Django settings with SecurityMiddleware, CORS origins and CSRF but no SECURE_SSL_REDIRECT/HSTS: three of four categories, HTTPS named missing (round 20)',
      tree: {
        'requirements.txt': 'django==5.0\ndjango-cors-headers==4.3.0\n',
        'shop/settings.py':
          "MIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n    'corsheaders.middleware.CorsMiddleware',\n    'django.middleware.csrf.CsrfViewMiddleware',\n]\nCORS_ALLOWED_ORIGINS = ['https://shop.example.com']\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.75,
        message: 'security headers, CORS and CSRF protection found; no HTTPS redirect/HSTS.',
        evidence: [
          { path: 'shop/settings.py', line: 2 },
          { path: 'shop/settings.py', line: 6 },
          { path: 'shop/settings.py', line: 4 },
        ],
      },
    },
    {
      name: 'ASP.NET with security headers, AddCors policy and UseHsts passes',
      tree: {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>',
        'Api/Program.cs':
          'builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins("https://app.example.com")));\nvar app = builder.Build();\napp.UseHsts();\napp.UseHttpsRedirection();\napp.UseSecurityHeaders();\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'Api/Program.cs', line: 5 },
          { path: 'Api/Program.cs', line: 3 },
        ],
      },
    },
    {
      name: 'ASP.NET: a controller option that turns CSRF off (`CsrfProtectionEnabled = false`) is no CSRF protection; AntiforgeryOptions is (round 16)',
      profile: 'service',
      tree: {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'Api/Program.cs':
          'builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins("https://app.example.com")));\nvar app = builder.Build();\napp.UseHsts();\napp.UseHttpsRedirection();\n',
        'Api/Config/IdentityServices.cs':
          'public static class IdentityServices\n{\n    public static void AddIdentity(IServiceCollection services)\n    {\n        services.Configure<AntiforgeryOptions>((c, options) =>\n        {\n            options.SuppressXFrameOptionsHeader = true;\n        });\n    }\n}\n',
        'Api/Controllers/SharedController.cs':
          'public sealed class SharedController : ApiController\n{\n    private static readonly ApiOptions Options = new ApiOptions\n    {\n        CsrfProtectionEnabled = false,\n        CsrfProtectionHeaders = [],\n    };\n}\n',
      },
      expect: {
        outcome: 'partial',
        message: 'CORS, HTTPS/HSTS and CSRF protection found; no security headers.',
        evidence: [
          { path: 'Api/Config/IdentityServices.cs', line: 5, note: 'CSRF protection' },
          { path: 'Api/Controllers/SharedController.cs', line: 5, note: 'CSRF protection disabled' },
        ],
        absent: [
          '"snippet":"CsrfProtectionEnabled = false,","note":"CSRF protection"}',
          '"snippet":"CsrfProtectionHeaders = [],","note":"CSRF protection"}',
        ],
      },
    },
    {
      name: "Go 1.25: the standard library's CrossOriginProtection is CSRF protection, beside headers set by hand",
      tree: {
        'go.mod': 'module example.com/push\n\ngo 1.25\n',
        'server.go':
          'package main\n\nfunc main() {\n\tcop := http.NewCrossOriginProtection()\n\th := func(w http.ResponseWriter, r *http.Request) {\n\t\tw.Header().Set("X-Content-Type-Options", "nosniff")\n\t}\n\thttp.ListenAndServe(":80", cop.Handler(http.HandlerFunc(h)))\n}\n',
      },
      expect: { outcome: 'partial', score: 0.75, evidence: [{ path: 'server.go', line: 4, note: 'CSRF protection' }] },
    },
    {
      name: 'Flask: Cross-Origin-Opener-Policy set by hand beside CSRFProtect: a security header, half the headers’ share without CSP, frame or sniffing protection (round 13)',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\nflask-wtf==1.2.1\n',
        'board/__init__.py':
          'from flask import Flask\nfrom flask_wtf.csrf import CSRFProtect\n\napp = Flask(__name__)\nCSRFProtect(app)\n\n\n@app.after_request\ndef response_headers(response):\n    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"\n    return response\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.63,
        message: 'hardening headers (CSP, X-Frame-Options, X-Content-Type-Options)',
        evidence: [{ path: 'board/__init__.py', line: 10 }],
        absent: ['no security headers'],
      },
    },
    {
      name: 'Flask: a proxy fix whose force_https switch is False (a parameter default, its attribute) is no HTTPS enforcement; CSRFProtect is the evidence',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\nflask-wtf==1.2.1\n',
        'board/extensions.py': 'from flask_wtf.csrf import CSRFProtect\n\ncsrf = CSRFProtect()\n',
        'board/proxy.py':
          'class ProxyPathFix(object):\n    """Fix paths behind a proxy.\n\n    :param force_https: Force HTTPS on all routes. Defaults to ``False``.\n    """\n\n    def __init__(self, app, force_https=False):\n        self.app = app\n        self.force_https = force_https\n\n    def __call__(self, environ, start_response):\n        if self.force_https:\n            environ["wsgi.url_scheme"] = "https"\n        return self.app(environ, start_response)\n',
        'wsgi.py':
          'from board.app import create_app\nfrom board.proxy import ProxyPathFix\n\napp = create_app()\napp.wsgi_app = ProxyPathFix(app.wsgi_app, force_https=False)\n',
      },
      expect: {
        outcome: 'partial',
        message: 'no HTTPS redirect/HSTS',
        evidence: [{ path: 'board/extensions.py', line: 3, note: 'CSRF protection' }],
        absent: ['board/proxy.py', 'wsgi.py', 'HTTPS/HSTS and'],
        data: { https: false, csrf: true },
      },
    },
    {
      name: 'Rails force_ssl set from the environment is HTTPS/HSTS, named in the found list',
      tree: {
        Gemfile: "gem 'rails', '~> 8.0'\n",
        'config/environments/production.rb':
          "Rails.application.configure do\n  config.force_ssl = ENV['FORCE_SSL'].present?\nend\n",
        'config/application.rb':
          'module App\n  class Application < Rails::Application\n    config.load_defaults 8.0\n  end\nend\n',
        'app/controllers/api_controller.rb':
          "class ApiController\n  def cors\n    headers['Access-Control-Allow-Origin'] = '*'\n  end\nend\n",
      },
      expect: {
        outcome: 'pass',
        message: 'HTTPS/HSTS and CSRF protection in place',
        evidence: [{ path: 'config/environments/production.rb', line: 2, note: 'HTTPS/HSTS' }],
      },
    },
  ],
  invalid: [
    {
      name: 'Go rs/cors Options without AllowedOrigins (default *) and AllowCredentials is any origin with credentials; an https:// URL inside a validity check is no HTTPS redirect (blind round 17)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/idp\n\ngo 1.22\n\nrequire github.com/rs/cors v1.11.0\n',
        'internal/api/api.go': [
          'package api',
          '',
          'import (',
          '\t"net/http"',
          '',
          '\t"github.com/rs/cors"',
          ')',
          '',
          'func NewAPI(mux http.Handler) http.Handler {',
          '\thandler := cors.New(cors.Options{',
          '\t\tAllowedMethods:   []string{http.MethodGet, http.MethodPost},',
          '\t\tAllowedHeaders:   []string{"Authorization", "Content-Type"},',
          '\t\tAllowCredentials: true,',
          '\t})',
          '\treturn handler.Handler(mux)',
          '}',
          '',
          'func checkDomain(msgHost, domain string) bool {',
          '\treturn msgHost == domain && isRedirectURLValid("https://"+domain)',
          '}',
          '',
        ].join('\n'),
        'cmd/main.go': 'package main\n\nfunc main() {\n\thttp.ListenAndServe(":8080", api.NewAPI(mux))\n}\n',
      },
      expect: {
        outcome: 'fail',
        message: 'CORS allows any origin with credentials at internal/api/api.go:10: a finding, not a protection',
        evidence: [
          {
            path: 'internal/api/api.go',
            line: 10,
            note: expect.stringContaining('CORS allows any origin together with credentials'),
          },
          { path: 'internal/api/api.go', line: 13, note: 'credentials allowed for cross-origin requests' },
        ],
        absent: ['"HTTPS/HSTS"', '"CORS policy"'],
        data: { corsWildcardWithCredentials: true, https: false },
      },
    },
    {
      name: 'Flask-CORS CORS() with default origins and CORS_SUPPORTS_CREDENTIALS = True in the config module is any origin with credentials (blind round 17)',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\nflask-cors==4.0.0\n',
        'config.py': [
          'import os',
          '',
          '',
          'class Config:',
          "    SECRET_KEY = os.environ.get('SECRET_KEY')",
          "    USE_CORS = os.environ.get('USE_CORS', 'yes') == 'yes'",
          '    CORS_SUPPORTS_CREDENTIALS = True',
          '',
        ].join('\n'),
        'api/app.py': [
          'from flask import Flask',
          'from flask_cors import CORS',
          '',
          'cors = CORS()',
          '',
          '',
          'def create_app(config):',
          '    app = Flask(__name__)',
          '    app.config.from_object(config)',
          "    if app.config['USE_CORS']:",
          '        cors.init_app(app)',
          '    return app',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'api/app.py',
            line: 4,
            note: expect.stringContaining('CORS allows any origin together with credentials'),
          },
          { path: 'config.py', line: 7, note: 'credentials allowed for cross-origin requests' },
        ],
        data: { corsWildcardWithCredentials: true },
      },
    },
    {
      name: 'Access-Control-* headers set by hand in an interceptor are CORS, not security headers: with no helmet, security headers are absent (round 16)',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"@nestjs/core":"^10.0.0","@nestjs/common":"^10.0.0"}}',
        'apps/api/src/main.ts': [
          "import { NestFactory } from '@nestjs/core';",
          "import { AppModule } from './app.module';",
          '',
          'async function start() {',
          "  const app = await NestFactory.create(AppModule, { cors: { origin: ['https://blog.example.org'] } });",
          '  await app.listen(3000);',
          '}',
          'start();',
          '',
        ].join('\n'),
        'apps/api/src/common/cors.interceptor.ts': [
          "import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';",
          '',
          'export class CorsInterceptor implements NestInterceptor {',
          '  intercept(context: ExecutionContext, next: CallHandler) {',
          '    const response = context.switchToHttp().getResponse();',
          '    const request = context.switchToHttp().getRequest();',
          '    response.headers({',
          "      'Access-Control-Allow-Origin': request.headers.origin,",
          "      'Access-Control-Allow-Methods': 'GET,POST',",
          "      'Access-Control-Max-Age': '86400',",
          '    });',
          '    return next.handle();',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'fail',
        message: 'no security headers',
        // The interceptor sends the request's own Origin back: any origin (blind round 32), never security headers.
        evidence: [
          { path: 'apps/api/src/main.ts', line: 5, note: 'CORS policy' },
          {
            path: 'apps/api/src/common/cors.interceptor.ts',
            line: 8,
            note: "CORS sends the request's own Origin back with no allow-list check: any origin",
          },
        ],
        absent: ['"note":"security headers"'],
        data: { headers: false, corsAnyOrigin: true },
      },
    },
    {
      name: 'security headers a response sets by hand with reply.headers({ … }) are credited at that call (round 16 counterpart)',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"@nestjs/core":"^10.0.0","@nestjs/common":"^10.0.0"}}',
        'apps/api/src/main.ts': [
          "import { NestFactory } from '@nestjs/core';",
          "import { AppModule } from './app.module';",
          '',
          'async function start() {',
          "  const app = await NestFactory.create(AppModule, { cors: { origin: ['https://blog.example.org'] } });",
          '  await app.listen(3000);',
          '}',
          'start();',
          '',
        ].join('\n'),
        'apps/api/src/common/security.interceptor.ts': [
          'export class SecurityHeaders {',
          '  intercept(context, next) {',
          '    context.switchToHttp().getResponse().headers({',
          "      'X-Content-Type-Options': 'nosniff',",
          "      'X-Frame-Options': 'DENY',",
          '    });',
          '    return next.handle();',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'apps/api/src/common/security.interceptor.ts', line: 3, note: 'security headers' },
          { path: 'apps/api/src/main.ts', line: 5, note: 'CORS policy' },
        ],
        data: { headers: true },
      },
    },
    {
      name: 'Spring addCorsMappings with origins from a property set to * allows any origin: both lines cited, not a CORS policy (round 12)',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/java/com/example/shop/WebConfig.java': [
          'package com.example.shop;',
          '',
          '@Configuration',
          'class WebConfig implements WebMvcConfigurer {',
          '    private final ShopProperties properties;',
          '',
          '    @Override',
          '    public void addCorsMappings(CorsRegistry registry) {',
          '        var cors = properties.cors();',
          '        registry.addMapping(cors.pathPattern())',
          '                .allowedOriginPatterns(cors.allowedOrigins())',
          '                .allowedMethods(cors.allowedMethods());',
          '    }',
          '}',
          '',
        ].join('\n'),
        'src/main/java/com/example/shop/SecurityConfig.java':
          'package com.example.shop;\n\n@Configuration\n@EnableWebSecurity\nclass SecurityConfig {\n    @Bean\n    SecurityFilterChain chain(HttpSecurity http) throws Exception {\n        return http.build();\n    }\n}\n',
        'src/main/resources/application.properties':
          'shop.cors.path-pattern=/api/**\nshop.cors.allowed-origins=*\nshop.cors.allowed-methods=*\n',
      },
      expect: {
        outcome: 'partial',
        message: 'CORS (any origin)',
        evidence: [
          {
            path: 'src/main/java/com/example/shop/WebConfig.java',
            line: 11,
            note: 'CORS allows any origin: the origins come from a property set to *',
          },
          {
            path: 'src/main/resources/application.properties',
            line: 2,
            note: 'the CORS origins property allows any origin (*)',
          },
        ],
        absent: ['"CORS policy"'],
        data: { corsAnyOrigin: true },
      },
    },
    {
      name: "Echo CORSWithConfig without AllowOrigins answers every origin (Echo's default is *); middleware.Secure() is cited before a hand-set header and an OpenAPI description is no code (round 12)",
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/snippets\n\ngo 1.22\n\nrequire github.com/labstack/echo/v4 v4.12.0\n',
        'internal/server/server.go': [
          'package server',
          '',
          'import (',
          '\t"github.com/labstack/echo/v4"',
          '\t"github.com/labstack/echo/v4/middleware"',
          ')',
          '',
          'func Setup(e *echo.Echo) {',
          '\te.Pre(middleware.CORSWithConfig(middleware.CORSConfig{',
          '\t\tExposeHeaders: []string{"Link", "X-Total"},',
          '\t}))',
          '\te.Use(middleware.Secure())',
          '\te.Use(middleware.CSRF())',
          '}',
          '',
        ].join('\n'),
        'internal/api/openapi.yaml':
          'openapi: 3.1.0\npaths:\n  /raw:\n    get:\n      description: |\n        Always sets `X-Content-Type-Options: nosniff`.\n',
      },
      expect: {
        outcome: 'partial',
        message: 'CORS (any origin)',
        evidence: [
          { path: 'internal/server/server.go', line: 12, note: 'security headers' },
          {
            path: 'internal/server/server.go',
            line: 9,
            note: "CORS allows any origin: Echo's CORSConfig without AllowOrigins defaults to *",
          },
        ],
        absent: ['openapi.yaml'],
      },
    },
    {
      name: 'NestJS: NestFactory.create with cors.origin listing the front ends is an explicit policy; a public metadata handler writing * by hand is a finding, not the app policy (round 14)',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"@nestjs/core":"^10.0.0","@nestjs/common":"^10.0.0"}}',
        'apps/api/src/main.ts': [
          "import { NestFactory } from '@nestjs/core';",
          "import { AppModule } from './app.module';",
          '',
          'async function start() {',
          '  const app = await NestFactory.create(AppModule, {',
          '    rawBody: true,',
          '    cors: {',
          '      credentials: true,',
          "      allowedHeaders: ['Content-Type', 'Authorization'],",
          '      origin: [',
          '        process.env.FRONTEND_URL,',
          "        'http://localhost:4200',",
          '      ],',
          '    },',
          '  });',
          '  await app.listen(3000);',
          '}',
          'start();',
          '',
        ].join('\n'),
        'libs/mcp/src/metadata.ts': [
          "import type { ServerResponse } from 'node:http';",
          '',
          'export function serveMetadata(res: ServerResponse, doc: object) {',
          '  res.writeHead(200, {',
          "    'Content-Type': 'application/json',",
          "    'Access-Control-Allow-Origin': '*',",
          '  });',
          '  res.end(JSON.stringify(doc));',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'apps/api/src/main.ts', line: 7, note: 'CORS policy' },
          { path: 'libs/mcp/src/metadata.ts', line: 6, note: 'CORS allows any origin' },
        ],
        message: 'CORS with explicit origins (any origin only on 1 response header set by hand)',
        absent: ['no CORS restricted to explicit origins'],
        data: { cors: true },
      },
    },
    {
      name: 'NestJS: NestFactory.create with `cors: true` answers every origin',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"@nestjs/core":"^10.0.0"}}',
        'src/main.ts':
          "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule, { cors: true });\n  await app.listen(3000);\n}\nbootstrap();\n",
      },
      expect: {
        outcome: 'fail',
        message: ['CORS (any origin) found', 'no CORS restricted to explicit origins'],
        evidence: [{ path: 'src/main.ts', line: 5, note: 'CORS allows any origin' }],
      },
    },
    {
      name: 'an autoloaded @fastify/cors module without an origin option allows any origin',
      profile: 'service',
      tree: fastifyAutoload("{ methods: ['GET', 'POST'] }"),
      expect: {
        outcome: 'partial',
        message: 'no CORS restricted to explicit origins',
        evidence: [{ path: 'src/plugins/external/cors.ts', line: 5, note: 'CORS allows any origin' }],
      },
    },
    {
      name: 'a Rack::Cors block whose origins are "*" is no CORS policy: partial, the origins line cited (round 11)',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\ngem 'rack-cors'\n",
        'config/application.rb':
          'module Maps\n  class Application < Rails::Application\n    config.load_defaults 8.0\n  end\nend\n',
        'config/initializers/cors.rb':
          '# Allow cross-origin requests to the API.\nRails.application.config.middleware.insert_before 0, Rack::Cors do\n  allow do\n    origins "*"\n    resource "/api/*", :headers => :any, :methods => [:get, :post]\n  end\nend\n',
      },
      expect: {
        outcome: 'partial',
        message: 'CORS (any origin)',
        evidence: [{ path: 'config/initializers/cors.rb', line: 4, note: 'CORS allows any origin' }],
        absent: ['"CORS policy"'],
      },
    },
    {
      name: 'ASP.NET AddCors with AllowAnyOrigin on a later line is no CORS policy, as in the other stacks',
      profile: 'service',
      tree: {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'Api/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddCors(options =>\n  options.AddPolicy("open", policy =>\n    policy.AllowAnyOrigin().AllowAnyHeader()));\nvar app = builder.Build();\napp.UseHsts();\napp.UseCors("open");\napp.Run();\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [{ path: 'Api/Program.cs', line: 4, note: 'CORS allows any origin' }],
        absent: ['"CORS policy"'],
      },
    },
    {
      name: 'Quarkus quarkus.http.cors.origins=* in application.properties allows any origin',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.quarkus</groupId>\n      <artifactId>quarkus-rest</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/resources/application.properties':
          'quarkus.http.port=8080\nquarkus.http.cors=true\nquarkus.http.cors.origins=*\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'src/main/resources/application.properties', line: 3, note: 'CORS allows any origin' }],
      },
    },
    {
      name: 'FastAPI: CORSMiddleware with allow_origins from a setting whose default is ["*"], and credentials, is the any-origin-with-credentials finding',
      profile: 'service',
      tree: {
        'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.9"\nfastapi = "^0.110"\n',
        'app/core/settings/app.py':
          'from typing import List\n\nfrom pydantic import BaseSettings\n\n\nclass AppSettings(BaseSettings):\n    api_prefix: str = "/api"\n\n    allowed_hosts: List[str] = ["*"]\n',
        'app/main.py':
          'from fastapi import FastAPI\nfrom starlette.middleware.cors import CORSMiddleware\n\n\ndef get_application() -> FastAPI:\n    settings = get_app_settings()\n    application = FastAPI(**settings.fastapi_kwargs)\n    application.add_middleware(\n        CORSMiddleware,\n        allow_origins=settings.allowed_hosts,\n        allow_credentials=True,\n        allow_methods=["*"],\n        allow_headers=["*"],\n    )\n    return application\n',
      },
      expect: {
        outcome: 'fail',
        message: 'CORS allows any origin with credentials at app/main.py:10: a finding, not a protection',
        data: { corsAnyOrigin: true, corsWildcardWithCredentials: true },
        evidence: [
          {
            path: 'app/main.py',
            line: 10,
            note: 'CORS allows any origin together with credentials: any website can send authenticated requests and read the answers',
          },
          {
            path: 'app/core/settings/app.py',
            line: 9,
            note: 'the setting allowed_hosts defaults to any origin (["*"])',
          },
          { path: 'app/main.py', line: 11, note: 'credentials allowed for cross-origin requests' },
        ],
      },
    },
    {
      name: 'Django: CORS_ALLOW_ALL_ORIGINS = True with credentials and no production override stays a finding',
      tree: {
        'requirements.txt': 'django==5.0\ndjango-cors-headers==4.3.0\n',
        'config/django/base.py':
          "MIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n    'corsheaders.middleware.CorsMiddleware',\n]\n",
        'config/settings/cors.py': 'CORS_ALLOW_CREDENTIALS = True\nCORS_ALLOW_ALL_ORIGINS = True\n',
        'config/django/production.py': 'from .base import *  # noqa\n\nDEBUG = False\n',
      },
      expect: {
        outcome: 'partial',
        message: 'CORS allows any origin with credentials',
        evidence: [{ path: 'config/settings/cors.py', line: 2 }],
      },
    },
    {
      name: 'a generated symbol table ("Code generated … DO NOT EDIT.") that lists the HSTS header is no HSTS',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/tasks\n\ngo 1.22\n\nrequire github.com/labstack/echo/v4 v4.12.0\n',
        'main.go':
          'package main\n\nimport "github.com/labstack/echo/v4"\n\nfunc main() {\n\te := echo.New()\n\te.Logger.Fatal(e.Start(":3456"))\n}\n',
        'pkg/plugins/symbols/echo.go': [
          "// Code generated by 'yaegi extract github.com/labstack/echo/v4'. DO NOT EDIT.",
          '',
          'package symbols',
          '',
          'func init() {',
          '\tSymbols["github.com/labstack/echo/v4/echo"] = map[string]reflect.Value{',
          '\t\t"HeaderStrictTransportSecurity": reflect.ValueOf(constant.MakeFromLiteral("\\"Strict-Transport-Security\\"", token.STRING, 0)),',
          '\t}',
          '}',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'fail', absent: ['pkg/plugins/symbols/echo.go'] },
    },
    {
      name: 'Symfony: framework csrf_protection and a nelmio_cors policy in app/config count; headers are still missing',
      tree: {
        'composer.json': '{"require": {"symfony/framework-bundle": "^6.4", "nelmio/cors-bundle": "^2.4"}}',
        'app/config/config.yml':
          'framework:\n    form: ~\n    csrf_protection: ~\n\nnelmio_cors:\n    defaults:\n        allow_origin: []\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'app/config/config.yml', line: 3, note: 'CSRF protection' },
          { path: 'app/config/config.yml', line: 5, note: 'CORS policy' },
        ],
      },
    },
    {
      name: 'Symfony: csrf_protection switched off is no CSRF protection',
      tree: {
        'composer.json': '{"require": {"symfony/framework-bundle": "^6.4"}}',
        'app/config/config.yml': 'framework:\n    form: ~\n    csrf_protection: false\n',
      },
      expect: { outcome: 'fail', message: 'CSRF' },
    },
    {
      name: 'FastAPI allow_origins=["*"] with credentials is a finding at its own line',
      tree: {
        ...fastapi,
        'app/main.py':
          'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=["*"],\n    allow_credentials=True,\n)\n',
      },
      expect: {
        outcome: 'fail',
        message: ['any origin', 'no security headers'],
        evidence: [
          {
            path: 'app/main.py',
            line: 7,
            note: 'CORS allows any origin together with credentials: any website can send authenticated requests and read the answers',
          },
          { path: 'app/main.py', line: 8 },
        ],
        data: { corsWildcardWithCredentials: true },
      },
    },
    {
      name: 'helmet and HSTS do not outweigh a credentialed wildcard: the score is capped',
      tree: { ...express, 'src/app.js': 'app.use(helmet());\napp.use(cors({ origin: true, credentials: true }));\n' },
      expect: {
        outcome: 'partial',
        score: 0.4,
        evidence: [
          {
            path: 'src/app.js',
            line: 2,
            note: 'CORS allows any origin together with credentials: any website can send authenticated requests and read the answers',
          },
        ],
      },
    },
    {
      name: 'cors() without options and helmet: partial, naming what is missing, not citing the import',
      tree: {
        ...express,
        'src/server.js':
          "const cors = require('cors');\nconst helmet = require('helmet');\napp.use(helmet());\napp.use(cors());\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: [
          'security headers, CORS (any origin) and HSTS (sent by default by helmet) found',
          'no CORS restricted to explicit origins',
        ],
        evidence: [
          { path: 'src/server.js', line: 3 },
          { path: 'src/server.js', line: 4, note: 'CORS allows any origin' },
        ],
      },
    },
    {
      name: 'helmet with HSTS and CSP switched off in its options: headers count, HSTS does not (kubero-style)',
      tree: {
        ...express,
        'src/main.ts':
          "app.use(cors({ origin: ['https://a.example.com'] }));\napp.use(\n  helmet({\n    contentSecurityPolicy: false,\n    strictTransportSecurity: false,\n  }),\n);\n",
      },
      expect: {
        outcome: 'partial',
        message: ['security headers and CORS found', 'no HTTPS redirect/HSTS'],
        data: { headers: true, https: false },
      },
    },
    {
      name: 'helmet whose options keep HSTS on still sends it by default',
      tree: {
        ...express,
        'src/main.ts':
          "app.use(cors({ origin: ['https://a.example.com'] }));\napp.use(\n  helmet({\n    contentSecurityPolicy: false,\n  }),\n);\n",
      },
      expect: { outcome: 'pass', data: { headers: true, https: true } },
    },
    {
      name: 'Spring Security 5 by a WebSecurityConfigurerAdapter subclass also sends HSTS by default (piggymetrics)',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>',
        'auth/src/main/java/app/WebSecurityConfig.java':
          '@Configuration\npublic class WebSecurityConfig extends WebSecurityConfigurerAdapter {\n  protected void configure(HttpSecurity http) throws Exception {\n    http.authorizeRequests().anyRequest().authenticated();\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'HSTS (sent by default by Spring Security)',
        evidence: [{ path: 'auth/src/main/java/app/WebSecurityConfig.java', line: 2, note: 'HSTS sent by default' }],
      },
    },
    {
      name: 'Spring Security with CSRF disabled in its only filter chain: headers and HSTS count, the off switch makes it partial with the reason',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>',
        'src/main/java/app/SecurityConfig.java':
          '@EnableWebSecurity\nclass SecurityConfig {\n  @Bean SecurityFilterChain chain(HttpSecurity http) throws Exception {\n    return http.csrf(csrf -> csrf.disable()).build();\n  }\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.7,
        message: [
          'security headers and HSTS (sent by default by Spring Security) in place',
          'CSRF protection is disabled (src/main/java/app/SecurityConfig.java:4): acceptable only if no route is authenticated by a session cookie',
        ],
        evidence: [
          { path: 'src/main/java/app/SecurityConfig.java', line: 1, note: 'HSTS sent by default' },
          { path: 'src/main/java/app/SecurityConfig.java', line: 4, note: 'CSRF protection disabled' },
        ],
        data: { csrf: false, headers: true, https: true },
      },
    },
    {
      name: 'Spring: csrf() disabled on the next line, http.cors() with a wildcard CorsConfiguration but no credentials',
      tree: {
        'build.gradle': "dependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-web'\n}\n",
        'src/main/java/app/WebSecurityConfig.java':
          '@EnableWebSecurity\nclass WebSecurityConfig {\n  void configure(HttpSecurity http) throws Exception {\n    http.csrf()\n        .disable()\n        .cors();\n  }\n  CorsConfigurationSource cors() {\n    CorsConfiguration c = new CorsConfiguration();\n    c.setAllowedOrigins(asList("*"));\n    c.setAllowCredentials(false);\n    return null;\n  }\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: ['security headers, CORS (any origin) and HSTS (sent by default by Spring Security) found'],
        data: { csrf: false, corsWildcardWithCredentials: false },
        evidence: [
          { path: 'src/main/java/app/WebSecurityConfig.java', line: 10, note: 'CORS allows any origin' },
          { path: 'src/main/java/app/WebSecurityConfig.java', line: 4, note: 'CSRF protection disabled' },
        ],
      },
    },
    {
      name: 'Spring: @CrossOrigin on controllers with no origins (or origins = "*") allows any origin; one with explicit origins is a policy',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>',
        'src/main/java/org/clinic/rest/OwnerController.java':
          'package org.clinic.rest;\n\n@RestController\n@CrossOrigin(exposedHeaders = "errors, content-type")\n@RequestMapping("/api/owners")\nclass OwnerController {}\n',
        'src/main/java/org/clinic/rest/VetController.java':
          'package org.clinic.rest;\n\n@RestController\n@CrossOrigin(origins = {"*"})\nclass VetController {}\n',
        'src/main/java/org/clinic/rest/VisitController.java':
          'package org.clinic.rest;\n\n@RestController\n@CrossOrigin(origins = "https://clinic.example.org")\nclass VisitController {}\n',
      },
      expect: {
        outcome: 'fail',
        message: ['CORS (any origin)'],
        data: { corsAnyOrigin: true },
        evidence: [
          { path: 'src/main/java/org/clinic/rest/OwnerController.java', line: 4, note: 'CORS allows any origin' },
          { path: 'src/main/java/org/clinic/rest/VetController.java', line: 4, note: 'CORS allows any origin' },
          { path: 'src/main/java/org/clinic/rest/VisitController.java', line: 4, note: 'CORS policy' },
        ],
        absent: ['no CORS middleware'],
      },
    },
    {
      name: 'CORS set by hand in a stdlib handler from configuration counts as a CORS policy (ntfy-style)',
      tree: {
        'go.mod': 'module example.com/push\n\ngo 1.22\n',
        'server/server.go':
          'package server\n\nfunc (s *Server) handle(w http.ResponseWriter, r *http.Request) {\n\tw.Header().Set("Access-Control-Allow-Origin", s.config.AccessControlAllowOrigin)\n\thttp.ListenAndServe(":80", nil)\n}\n',
      },
      expect: { outcome: 'partial', evidence: [{ path: 'server/server.go', line: 4, note: 'CORS policy' }] },
    },
    {
      name: 'a Go service with helmet declared only fails and points at the dependency',
      tree: {
        'go.mod': 'module x\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.0\n\tgithub.com/unrolled/secure v1.14.0\n)\n',
        'main.go': 'package main\nfunc main() { r := gin.Default(); r.Run() }\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: '.' },
          { path: 'go.mod', line: 5, note: 'declared as a dependency, but never registered in code' },
        ],
      },
    },
    {
      name: 'commented-out hardening does not count (Rails force_ssl left as a comment)',
      tree: {
        Gemfile: "gem 'rails', '~> 7.1'\n",
        'config/environments/production.rb': 'Rails.application.configure do\n  # config.force_ssl = true\nend\n',
        'config/application.rb': 'module App\n  class Application < Rails::Application\n  end\nend\n',
      },
      expect: {
        outcome: 'partial',
        message: ['security headers found', 'no HTTPS redirect/HSTS'],
        data: { https: false, headers: true },
        evidence: [{ path: 'config/application.rb', line: 2, note: 'security headers (Rails default_headers)' }],
      },
    },
    {
      name: "an HTTP client's outbound default headers are not the server's security headers",
      tree: {
        ...fastapi,
        'cook/app.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
        'cook/services/openai.py':
          'from openai import AsyncOpenAI\n\nclient = AsyncOpenAI(api_key=key, default_headers=settings.OPENAI_CUSTOM_HEADERS)\n',
      },
      expect: { outcome: 'fail', data: { headers: false } },
    },
    {
      name: 'Rails action_dispatch.default_headers set explicitly count as security headers',
      tree: {
        Gemfile: "gem 'rails', '~> 7.1'\n",
        'config/initializers/headers.rb':
          "Rails.application.config.action_dispatch.default_headers = { 'X-Frame-Options' => 'DENY' }\n",
      },
      expect: { outcome: 'partial', data: { headers: true } },
    },
    {
      name: 'middleware registered only in tests does not count',
      tree: {
        ...fastapi,
        'tests/test_app.py': 'app.add_middleware(TrustedHostMiddleware, allowed_hosts=["x"])\n',
        'app/main.py': 'app = FastAPI()\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Laravel: an HSTS header under `! app()->environment(local)` runs everywhere except development (not set aside)',
      profile: 'service',
      tree: {
        'composer.json': '{"require": {"laravel/framework": "^12.0"}}',
        'app/Providers/AppServiceProvider.php':
          "<?php\n\nnamespace App\\Providers;\n\nclass AppServiceProvider extends ServiceProvider\n{\n    protected function forceHttps(): void\n    {\n        if (! app()->environment('local') && config('app.force_https')) {\n            header('Strict-Transport-Security: max-age=31536000');\n        }\n    }\n}\n",
      },
      expect: {
        outcome: 'partial',
        message: 'no security headers',
        absent: ['only in development', 'Set aside'],
        data: { https: true },
        evidence: [{ path: 'app/Providers/AppServiceProvider.php', line: 10, note: 'HTTPS/HSTS' }],
      },
    },
    {
      name: 'Go: a hand-written redirect to https:// is HTTPS enforcement; no headers stays missing',
      tree: {
        'go.mod': 'module example.com/push\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
        'router/router.go':
          'package router\n\nfunc Create(g *gin.Engine) {\n\tg.Use(func(ctx *gin.Context) {\n\t\tif ctx.Request.TLS == nil {\n\t\t\tctx.Redirect(http.StatusFound, fmt.Sprintf("https://%s%s", ctx.Request.Host, ctx.Request.RequestURI))\n\t\t}\n\t})\n}\n',
      },
      expect: {
        outcome: 'partial',
        message: 'no security headers',
        data: { https: true },
        evidence: [{ path: 'router/router.go', line: 6, note: 'HTTPS/HSTS' }],
      },
    },
    {
      name: 'Go Fiber: CORS set only when ENVIRONMENT is dev, and an auth function named Apply…SecurityMiddleware, are no hardening',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/watch\n\ngo 1.22\n\nrequire github.com/gofiber/fiber/v2 v2.52.0\n',
        'api/api.go':
          'package api\n\nfunc (a *API) createRouter() *fiber.App {\n\tapp := fiber.New()\n\tif os.Getenv("ENVIRONMENT") == "dev" {\n\t\tapp.Use(cors.New(cors.Config{\n\t\t\tAllowOrigins:     "http://localhost:8081",\n\t\t\tAllowCredentials: true,\n\t\t}))\n\t}\n\tapp.Use(recover.New())\n\treturn app\n}\n',
        'security/config.go':
          'package security\n\n// ApplySecurityMiddleware applies an authentication middleware to the router passed.\nfunc (c *Config) ApplySecurityMiddleware(router fiber.Router) error {\n\trouter.Use(basicauth.New(basicauth.Config{Users: c.users}))\n\treturn nil\n}\n',
      },
      expect: {
        outcome: 'fail',
        message: ['No security headers', 'apply only in development (api/api.go:6'],
        evidence: [{ path: 'api/api.go', line: 6, note: expect.stringContaining('set only in development (line 5') }],
        data: { headers: false, cors: false },
      },
    },
    {
      name: 'Django: a CORS middleware class listed only by the development settings module is not the production policy',
      tree: {
        'requirements.txt': 'Django==5.1\n',
        'site/settings/common.py':
          'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.middleware.common.CommonMiddleware",\n]\n',
        'site/settings/dev.py':
          'from .common import *  # noqa\n\nMIDDLEWARE.insert(\n    MIDDLEWARE.index("django.middleware.common.CommonMiddleware") + 1,\n    "site.middleware.CORSMiddleware",\n)\n',
        'site/middleware.py':
          'class CORSMiddleware:\n    def __init__(self, get_response):\n        self.get_response = get_response\n\n    def __call__(self, request):\n        response = self.get_response(request)\n        response["Access-Control-Allow-Origin"] = "*"\n        return response\n',
      },
      expect: {
        outcome: 'partial',
        message: ['security headers found (no CORS middleware', 'apply only in development'],
        data: { headers: true, cors: false, corsAnyOrigin: false },
        evidence: [
          { path: 'site/settings/common.py', line: 2, note: 'security headers' },
          {
            path: 'site/middleware.py',
            line: 1,
            note: 'CORSMiddleware is listed only in development settings (site/settings/dev.py:5): not the production policy',
          },
          { path: 'site/settings/dev.py', line: 5, note: expect.stringContaining('development settings module') },
        ],
      },
    },
    {
      name: 'helmet applied as separate middlewares (xssFilter, noSniff, frameguard) sends security headers',
      tree: {
        ...express,
        'src/server.ts':
          "export class Server {\n  constructor() {\n    this.express = express();\n    this.express.use(helmet.xssFilter());\n    this.express.use(helmet.noSniff());\n    this.express.use(helmet.hidePoweredBy());\n    this.express.use(helmet.frameguard({ action: 'deny' }));\n    router.use(cors());\n  }\n}\n",
      },
      expect: {
        outcome: 'partial',
        message: ['security headers and CORS (any origin) found'],
        data: { headers: true, corsAnyOrigin: true },
        evidence: [
          { path: 'src/server.ts', line: 4, note: 'security headers' },
          { path: 'src/server.ts', line: 8, note: 'CORS allows any origin' },
        ],
      },
    },
  ],
  notApplicable: [
    {
      name: 'a gRPC-only server has no browser to protect',
      profile: 'service',
      tree: { 'go.mod': 'module x\n', 'main.go': 'package main\n\nfunc main() {\n\ts := grpc.NewServer()\n}\n' },
      expect: { outcome: 'not-applicable' },
    },
    {
      name: "a published library built on Spring Boot: its samples' security config is not the library's",
      tree: {
        'pom.xml':
          '<project>\n  <distributionManagement><repository><id>central</id></repository></distributionManagement>\n  <dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies>\n</project>\n',
        'src/main/java/acme/AcmeAutoConfiguration.java': '@AutoConfiguration\npublic class AcmeAutoConfiguration {}\n',
        'acme-samples/web/src/main/java/demo/SecurityConfig.java':
          '@EnableWebSecurity\nclass SecurityConfig {\n  SecurityFilterChain chain(HttpSecurity http) { return http.build(); }\n}\n',
      },
      expect: { outcome: 'not-applicable', message: 'profile is library' },
    },
    {
      name: "a CLI's optional local web UI (net.Listen + http.Server) is named in the reason, not 'no HTTP server detected' (round 13)",
      profile: 'cli',
      tree: {
        'go.mod': 'module example.com/dusk\n\ngo 1.22\n',
        'cmd/dusk/main.go': 'package main\n\nfunc main() {\n\tapp.Run(os.Args)\n}\n',
        'webui/server.go':
          'package webui\n\nfunc (ui *UI) Start() error {\n\tln, err := net.Listen("tcp", ui.addr)\n\tif err != nil {\n\t\treturn err\n\t}\n\tsrv := &http.Server{Handler: ui.routes()}\n\treturn srv.Serve(ln)\n}\n',
      },
      expect: {
        outcome: 'not-applicable',
        message: ['profile is cli: its HTTP listener (webui/server.go:4)', 'not a deployed service'],
      },
    },
    {
      name: 'no web framework: not applicable',
      tree: { 'src/lib.rs': 'pub fn f() {}\n', 'Cargo.toml': '[package]\nname="x"\n' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
