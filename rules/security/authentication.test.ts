import { expect } from 'vitest';
import rule from './authentication.js';
import { runRuleOn, ruleTester } from '../../src/testing/rule-tester.js';
import { it } from 'vitest';

ruleTester(rule, {
  valid: [
    {
      name: 'Rust: a webhook endpoint that checks X-Hub-Signature-256 with an HMAC (verify_slice) authenticates its requests',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "bot"\n\n[dependencies]\naxum = "0.7"\nhmac = "0.12"\nsha2 = "0.10"\n',
        'src/main.rs': 'mod webhook;\nfn main() {}\n',
        'src/webhook.rs': [
          'use hmac::{Hmac, Mac};',
          'use sha2::Sha256;',
          '',
          'pub async fn receive(headers: HeaderMap, body: Bytes) -> Response {',
          '    let Some(sig) = headers.get("X-Hub-Signature-256") else {',
          '        return (StatusCode::BAD_REQUEST, "missing signature").into_response();',
          '    };',
          '    if verify(sig.as_bytes(), &body).is_err() {',
          '        return (StatusCode::FORBIDDEN, "Wrong signature").into_response();',
          '    }',
          '    handle(body).await',
          '}',
          '',
          'fn verify(signature: &[u8], payload: &[u8]) -> Result<(), ()> {',
          '    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();',
          '    mac.update(payload);',
          '    mac.verify_slice(signature).map_err(|_| ())',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'webhook signature verified',
        evidence: [{ path: 'src/webhook.rs', line: 5 }],
      },
    },
    {
      name: 'Go: hand-written Echo middlewares that redirect or refuse (401) a request without a session user are authentication (round 12)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/snippets\n\ngo 1.22\n\nrequire github.com/labstack/echo/v4 v4.12.0\n',
        'internal/web/middlewares.go': [
          'package web',
          '',
          'type Handler func(ctx *Context) error',
          '',
          'func logged(next Handler) Handler {',
          '\treturn func(ctx *Context) error {',
          '\t\tif ctx.User != nil {',
          '\t\t\treturn next(ctx)',
          '\t\t}',
          '\t\treturn ctx.RedirectTo("/login")',
          '\t}',
          '}',
          '',
          'func apiRequireAuth(next Handler) Handler {',
          '\treturn func(ctx *Context) error {',
          '\t\tif ctx.User == nil {',
          '\t\t\treturn ctx.ErrorJson(401, "Requires authentication", nil)',
          '\t\t}',
          '\t\treturn next(ctx)',
          '\t}',
          '}',
          '',
          'func noCache(next Handler) Handler {',
          '\treturn func(ctx *Context) error {',
          '\t\tctx.Response().Header().Set("Cache-Control", "no-store")',
          '\t\treturn next(ctx)',
          '\t}',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'internal/web/middlewares.go', line: 5 }],
        absent: ['"line":29'],
      },
    },
    {
      name: 'Fastify autohooks: an onRequest hook that refuses a request without a session user (401) authenticates the routes',
      profile: 'service',
      tree: {
        'package.json':
          '{"dependencies":{"fastify":"^5.0.0","@fastify/autoload":"^6.0.0","@fastify/session":"^11.0.0"}}',
        'src/routes/api/autohooks.ts':
          "import { FastifyInstance } from 'fastify'\n\nexport default async function (fastify: FastifyInstance) {\n  fastify.addHook('onRequest', async (request, reply) => {\n    if (request.url.startsWith('/api/auth/login')) return\n    if (!request.session.user) {\n      reply.unauthorized('You must be authenticated to access this route.')\n    }\n  })\n}\n",
        'src/server.ts': "import Fastify from 'fastify'\nconst app = Fastify()\nawait app.listen({ port: 3000 })\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'src/routes/api/autohooks.ts',
            line: 4,
            note: expect.stringContaining('request hook that refuses requests without a session user or token'),
          },
        ],
      },
    },
    {
      name: 'a Laravel app: the declared auth packages (Passport, Fortify) are cited first, before a line that reads the current user (round 11)',
      profile: 'service',
      tree: {
        'composer.json': [
          '{',
          '  "name": "acme/timesheets",',
          '  "require": {',
          '    "php": "^8.3",',
          '    "laravel/fortify": "^1.20",',
          '    "laravel/framework": "^11.0",',
          '    "laravel/passport": "^12.0"',
          '  }',
          '}',
          '',
        ].join('\n'),
        'app/Filament/Members/InviteAction.php':
          '<?php\nclass InviteAction {\n  public function run($team, $data) {\n    return $this->service->invite($team, $data["email"], Role::from($data["role"]), auth()->user());\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'with laravel/fortify, laravel/passport',
        evidence: [
          { path: 'composer.json', line: 5, note: 'authentication library' },
          { path: 'app/Filament/Members/InviteAction.php', line: 4 },
        ],
      },
    },
    {
      name: 'an API key checked by hand: a request header compared with the configured key, refused with 401 (after other header reads)',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110.0\n',
        'api/general.py':
          'import os\n\nfrom fastapi import APIRouter, HTTPException, Request, status\n\nrouter = APIRouter()\n\n\ndef negotiate(request):\n    return request.headers.get("Accept"), request.headers.get("Accept-Encoding"), request.headers.get("Content-Type")\n\n\n@router.post("/general/v0/general")\ndef partition(request: Request):\n    # -- must have a valid API key --\n    if api_key_env := os.environ.get("ACME_API_KEY"):\n        api_key = request.headers.get("acme-api-key")\n        if api_key != api_key_env:\n            raise HTTPException(detail="API key is invalid", status_code=status.HTTP_401_UNAUTHORIZED)\n    return {"ok": True}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'API key checked by hand',
        evidence: [{ path: 'api/general.py', line: 16 }],
      },
    },
    {
      name: 'Express with passport.authenticate passes, citing the line and the dependency',
      profile: 'service',
      tree: {
        'package.json': '{\n  "dependencies": {\n    "express": "^4.19.0",\n    "passport": "^0.7.0"\n  }\n}\n',
        'src/app.ts':
          "import passport from 'passport';\nconst app = express();\napp.use('/api', passport.authenticate('jwt', { session: false }));\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/app.ts', line: 3 },
          { path: 'package.json', line: 4, snippet: 'passport ^0.7.0' },
        ],
      },
    },
    {
      name: 'FastAPI OAuth2PasswordBearer passes without any auth library',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110.0\n',
        'app/deps.py':
          'from fastapi.security import OAuth2PasswordBearer\n\noauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/deps.py', line: 3 }] },
    },
    {
      name: 'a FastAPI security scheme subclassed (class AuthDependency(OAuth2PasswordBearer)) is the mechanism, declared in a PEP 735 group (round 19)',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "shop"\n\n[dependency-groups]\nweb = ["fastapi>=0.115"]\n',
        'api/auth.py': [
          'from fastapi import HTTPException, Request',
          'from fastapi.security import OAuth2PasswordBearer, SecurityScopes',
          '',
          '',
          'class AuthDependency(OAuth2PasswordBearer):',
          '    async def __call__(self, request: Request, security_scopes: SecurityScopes):',
          '        token = await super().__call__(request)',
          '        if not token:',
          '            raise HTTPException(401)',
          '        return token',
          '',
        ].join('\n'),
        'api/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'api/auth.py', line: 5 }] },
    },
    {
      name: 'ASP.NET AddJwtBearer passes',
      profile: 'service',
      tree: {
        'Api/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddAuthentication().AddJwtBearer();\nvar app = builder.Build();\napp.UseAuthentication();\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Api/Program.cs', line: 2 }] },
    },
    {
      name: 'Spring Security oauth2ResourceServer passes',
      profile: 'service',
      tree: {
        'src/main/java/app/Security.java':
          '@Configuration\npublic class Security {\n  @Bean SecurityFilterChain chain(HttpSecurity http) throws Exception {\n    return http.oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults())).build();\n  }\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main/java/app/Security.java', line: 3 }] },
    },
    {
      name: 'golang-jwt parsing in middleware passes',
      profile: 'service',
      tree: {
        'internal/auth/middleware.go':
          'package auth\n\nfunc Verify(s string) error {\n\t_, err := jwt.ParseWithClaims(s, &Claims{}, keyFunc)\n\treturn err\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'internal/auth/middleware.go', line: 4 }] },
    },
    {
      name: 'jwt-go request.ParseFromRequest in a Gin middleware passes',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire github.com/dgrijalva/jwt-go v3.2.0+incompatible\n',
        'users/middlewares.go':
          'package users\n\nimport "github.com/dgrijalva/jwt-go/request"\n\nfunc Auth(c *gin.Context) {\n\ttoken, err := request.ParseFromRequest(c.Request, extractor, keyFunc)\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'users/middlewares.go', line: 6 },
          { path: 'go.mod', line: 3 },
        ],
      },
    },
    {
      name: 'authentication written by hand: Basic or Bearer credentials read from the request, bcrypt-checked (ntfy-style Go)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/push\n\ngo 1.22\n',
        'server/auth.go':
          'package server\n\nfunc (s *Server) authenticate(r *http.Request) (*User, error) {\n\tvalue := r.Header.Get("Authorization")\n\treturn s.users.Check(value)\n}\n',
        'user/manager.go':
          'package user\n\nfunc (m *Manager) check(u *User, pass string) error {\n\treturn bcrypt.CompareHashAndPassword([]byte(u.Hash), []byte(pass))\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'server/auth.go', line: 4 },
          { path: 'user/manager.go', line: 4 },
        ],
      },
    },
    {
      name: 'Rails with gds-sso: the controller includes GDS::SSO::ControllerMethods and authorises every request',
      profile: 'service',
      tree: {
        Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\ngem "gds-sso"\n',
        'app/controllers/application_controller.rb':
          'class ApplicationController < ActionController::API\n  include GDS::SSO::ControllerMethods\n\n  before_action :authorise\n\nprivate\n\n  def authorise\n    authorise_user!("internal_app")\n  end\nend\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/controllers/application_controller.rb', line: 2 }] },
    },
    {
      name: 'Rails Devise routes pass',
      profile: 'service',
      tree: { 'config/routes.rb': 'Rails.application.routes.draw do\n  devise_for :users\nend\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'config/routes.rb', line: 2 }] },
    },
    {
      name: 'Rails authentication written by hand: a login_required filter and a BCrypt password check pass (round 20)',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'bcrypt'\n",
        'config/application.rb': 'module Todo\n  class Application < Rails::Application\n  end\nend\n',
        'app/controllers/application_controller.rb': [
          'class ApplicationController < ActionController::Base', // 1
          '  include LoginSystem', // 2
          '  before_action :set_locale', // 3
          '  prepend_before_action :login_required', // 4
          'end', // 5
        ].join('\n'),
        'app/models/user.rb': [
          'class User < ApplicationRecord', // 1
          '  def self.authenticate(login, pass)', // 2
          '    candidate = find_by(login: login)', // 3
          '    candidate if candidate&.password_matches?(pass)', // 4
          '  end', // 5
          '', // 6
          '  def password_matches?(pass)', // 7
          '    BCrypt::Password.new(crypted_password) == pass', // 8
          '  end', // 9
          'end', // 10
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'app/controllers/application_controller.rb', line: 4 },
          { path: 'app/models/user.rb', line: 8 },
        ],
      },
    },
    {
      name: 'Spring: a permit-all configuration switched on by default is no authentication evidence; the message says auth is off by default',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-security</artifactId></dependency></dependencies></project>',
        'src/main/resources/application.properties': 'server.port=9966\nclinic.security.enable=false\n',
        'src/main/java/org/clinic/security/OpenSecurityConfig.java':
          '@Configuration\n@ConditionalOnProperty(name = "clinic.security.enable", havingValue = "false")\npublic class OpenSecurityConfig {\n  @Bean\n  public SecurityFilterChain filterChain(HttpSecurity http) throws Exception {\n    http.csrf(AbstractHttpConfigurer::disable)\n        .authorizeHttpRequests((authz) -> authz\n            .anyRequest().permitAll());\n    return http.build();\n  }\n}\n',
        'src/main/java/org/clinic/security/BasicAuthConfig.java':
          '@Configuration\n@ConditionalOnProperty(name = "clinic.security.enable", havingValue = "true")\npublic class BasicAuthConfig {\n  @Bean\n  public SecurityFilterChain filterChain(HttpSecurity http) throws Exception {\n    http.authorizeHttpRequests((a) -> a.anyRequest().authenticated()).httpBasic(Customizer.withDefaults());\n    return http.build();\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message:
          'Authentication is off by default: src/main/java/org/clinic/security/OpenSecurityConfig.java:8 permits every request (clinic.security.enable=false in src/main/resources/application.properties)',
        evidence: [
          {
            path: 'src/main/java/org/clinic/security/BasicAuthConfig.java',
            line: 5,
            note: 'Spring security configuration',
          },
          {
            path: 'src/main/java/org/clinic/security/OpenSecurityConfig.java',
            line: 8,
            note: expect.stringContaining('permits every request and is active by default'),
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'Rails filters that load records or set the locale are no authentication (round 20)',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
        'config/application.rb': 'module Todo\n  class Application < Rails::Application\n  end\nend\n',
        'app/controllers/application_controller.rb':
          'class ApplicationController < ActionController::Base\n  before_action :set_locale\n  prepend_before_action :require_json_format\nend\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a constant-time compare with no HMAC or signature in the file (a CSRF token) is not webhook authentication',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"express":"4"}}',
        'src/csrf.js':
          "const crypto = require('crypto');\nexports.same = (a, b) => crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));\n",
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Go: a hand-written middleware that only sets headers before next is no authentication',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/snippets\n\ngo 1.22\n\nrequire github.com/labstack/echo/v4 v4.12.0\n',
        'internal/web/middlewares.go':
          'package web\n\nfunc noCache(next Handler) Handler {\n\treturn func(ctx *Context) error {\n\t\tctx.Response().Header().Set("Cache-Control", "no-store")\n\t\treturn next(ctx)\n\t}\n}\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a Fastify onRequest hook that only logs is no authentication',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"fastify":"^5.0.0"}}',
        'src/hooks.ts':
          "export default async function (fastify) {\n  fastify.addHook('onRequest', async (request) => {\n    request.log.info({ url: request.url }, 'incoming')\n  })\n}\n",
        'src/server.ts': "import Fastify from 'fastify'\nconst app = Fastify()\nawait app.listen({ port: 3000 })\n",
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'an API-key header only passed on to another service checks nothing: no authentication',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110.0\nrequests\n',
        'api/proxy.py':
          'import os\n\nimport requests\nfrom fastapi import APIRouter, Request\n\nrouter = APIRouter()\n\n\n@router.post("/proxy")\ndef proxy(request: Request):\n    api_key = request.headers.get("acme-api-key", "")\n    return requests.post(os.environ["UPSTREAM"], headers={"acme-api-key": api_key}, timeout=5).json()\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a JWT library imported but never used to check requests is partial and says so',
      profile: 'service',
      tree: {
        'package.json': '{\n  "dependencies": {\n    "express": "^4.19.0",\n    "jsonwebtoken": "^9.0.0"\n  }\n}\n',
        'src/app.js': "const app = require('express')();\napp.get('/', (q, r) => r.send('ok'));\n",
        'src/token.js': "const jwt = require('jsonwebtoken');\nexports.issue = (id) => jwt.sign({ id }, key);\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: ['jsonwebtoken', 'imported', 'no code that checks requests'],
        evidence: [{ path: 'package.json', line: 4, note: expect.stringContaining('imported at src/token.js:1') }],
      },
    },
    {
      name: "Ktor's server auth plugin from an external version catalogue is an authentication library (round 12)",
      profile: 'service',
      tree: {
        'settings.gradle.kts':
          'dependencyResolutionManagement {\n  versionCatalogs {\n    create("ktorLibs").from("io.ktor:ktor-version-catalog:3.1.0")\n  }\n}\n',
        'build.gradle.kts':
          'plugins { application }\ndependencies {\n  implementation(ktorLibs.server.netty)\n  implementation(ktorLibs.server.auth.jwt)\n}\n',
        'src/main/kotlin/org/shop/Main.kt': 'package org.shop\nfun main() {}\n',
      },
      expect: {
        outcome: 'partial',
        message: ['io.ktor:ktor-server-auth-jwt', 'no code that checks requests'],
        evidence: [{ path: 'build.gradle.kts', line: 4, snippet: 'io.ktor:ktor-server-auth-jwt' }],
      },
    },
    {
      name: 'a JWT library declared but never imported earns nothing, and the evidence says why',
      profile: 'service',
      tree: {
        'package.json': '{\n  "dependencies": {\n    "express": "^4.19.0",\n    "jsonwebtoken": "^9.0.0"\n  }\n}\n',
        'src/app.js': "const app = require('express')();\napp.get('/', (q, r) => r.send('ok'));\n",
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'package.json', line: 4, note: expect.stringContaining('no code imports it') }],
      },
    },
    {
      name: 'python-jose that only a compiled requirements file lists, via another package, is not authentication',
      profile: 'service',
      tree: {
        'requirements.in': 'fastapi\nmoto\n',
        'requirements.txt':
          '# This file was autogenerated by uv via the following command:\n#    uv pip compile requirements.in\nfastapi==0.110.0\n    # via -r requirements.in\nmoto==5.0.0\n    # via -r requirements.in\npython-jose==3.3.0\n    # via moto\n',
        'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'requirements.txt', line: 7, note: expect.stringContaining('via moto') }],
      },
    },
    {
      name: 'a Flask service without authentication fails and says what was searched',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\n',
        'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
        // A client that sends credentials checks nobody's.
        'client.py': 'requests.get(URL, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=3)\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'authentication in tests only does not count',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n',
        'main.go': 'package main\n',
        'auth_test.go': 'package main\nfunc TestX() { jwt.Parse(tok, f) }\n',
      },
      expect: { outcome: 'fail' },
    },
  ],
  notApplicable: [
    {
      name: 'a library is not applicable',
      profile: 'library',
      tree: { 'src/index.ts': 'export {}\n' },
      expect: { outcome: 'not-applicable', message: 'library' },
    },
  ],
});

it('authentication cites the declared library before code lines that only use it (round 11)', async () => {
  const run = await runRuleOn(
    rule,
    {
      'composer.json': '{\n  "require": {\n    "laravel/framework": "^11.0",\n    "laravel/sanctum": "^4.0"\n  }\n}\n',
      'app/Http/Controllers/HomeController.php':
        '<?php\nclass HomeController {\n  public function index() {\n    if (Auth::check()) { return 1; }\n  }\n}\n',
    },
    { profile: 'service' },
  );
  expect(run.outcome).toBe('pass');
  expect(run.evidence[0]).toMatchObject({ path: 'composer.json', line: 4, note: 'authentication library' });
  expect(run.evidence[1]).toMatchObject({ path: 'app/Http/Controllers/HomeController.php', line: 4 });
});

// Blind round 37 (a Ktor server): the inbound check is a publish-token header compared in the route,
// java-jwt only signs GitHub App tokens the server sends.
const ktorTree = (validator: string): Record<string, string> => ({
  'build.gradle':
    "dependencies {\n  implementation 'io.ktor:ktor-server-netty:2.3.0'\n  implementation 'com.auth0:java-jwt:4.4.0'\n  implementation 'org.kohsuke:github-api:1.321'\n}\n",
  'src/main/kotlin/app/auth/AuthConfig.kt':
    'package app.auth\n\ndata class AuthConfig(val publishToken: String?) {\n    companion object {\n        const val PUBLISH_TOKEN = "X-APP-TOKEN"\n    }\n}\n',
  'src/main/kotlin/app/auth/AuthService.kt': `package app.auth\n\nclass AuthService(private val authConfig: AuthConfig) {\n${validator}\n}\n`,
  'src/main/kotlin/app/route/ResultsRoutes.kt': [
    'package app.route',
    '',
    'fun Route.results(authService: AuthService) {',
    '    post("/results") {',
    '        if (!authService.isAuthValid(call.request.header(AuthConfig.PUBLISH_TOKEN))) {',
    '            call.respond(HttpStatusCode.Unauthorized)',
    '        } else {',
    '            call.respond(HttpStatusCode.OK)',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n'),
  'src/main/kotlin/app/github/JwtProvider.kt': [
    'package app.github',
    '',
    'class JwtProvider(private val appId: String) {',
    '    fun createJWT(): String {',
    '        return JWT.create()',
    '            .withIssuer(appId)',
    '            .sign(algorithm)',
    '    }',
    '}',
    '',
  ].join('\n'),
  'src/main/kotlin/app/github/CommentClient.kt': [
    'package app.github',
    '',
    'class CommentClient(private val jwtProvider: JwtProvider) {',
    '    fun client(): GitHub {',
    '        val jwtToken = jwtProvider.createJWT()',
    '        return GitHubBuilder()',
    '            .withJwtToken(jwtToken)',
    '            .build()',
    '    }',
    '}',
    '',
  ].join('\n'),
});

it('Ktor: a token header handed to a validator and refused with 401 is authentication; a JWT library that only signs outbound tokens is not', async () => {
  const run = await runRuleOn(
    rule,
    ktorTree('    fun isAuthValid(tokenFromRequest: String?) = authConfig.publishToken == tokenFromRequest'),
    { profile: 'service' },
  );
  expect(run.outcome).toBe('pass');
  expect(run.evidence[0]).toMatchObject({ path: 'src/main/kotlin/app/route/ResultsRoutes.kt', line: 5 });
  expect(run.message).not.toMatch(/java-jwt/);
});

it('Ktor: a token check that lets every request through when the configured token is empty is optional (partial)', async () => {
  const run = await runRuleOn(
    rule,
    ktorTree(
      '    fun isAuthValid(tokenFromRequest: String?) = authConfig.publishToken.isNullOrEmpty() || authConfig.publishToken == tokenFromRequest',
    ),
    { profile: 'service' },
  );
  expect(run.outcome).toBe('partial');
  expect(run.message).toMatch(
    /optional.*authConfig\.publishToken is empty \(src\/main\/kotlin\/app\/auth\/AuthService\.kt:4\)/,
  );
});

it('a token header read but never refused (only passed on), and a JWT library that only signs, earn no credit', async () => {
  const tree = ktorTree('    fun isAuthValid(tokenFromRequest: String?) = true');
  tree['src/main/kotlin/app/route/ResultsRoutes.kt'] = [
    'package app.route',
    '',
    'fun Route.results(client: Client) {',
    '    post("/results") {',
    '        client.forward(call.request.header(AuthConfig.PUBLISH_TOKEN))',
    '        call.respond(HttpStatusCode.OK)',
    '    }',
    '}',
    '',
  ].join('\n');
  const run = await runRuleOn(rule, tree, { profile: 'service' });
  expect(run.outcome).toBe('fail');
  expect(JSON.stringify(run.evidence)).toMatch(/used only to sign tokens the service sends/);
});

it('Express: an x-api-key header handed to a verify function and refused with 403 is authentication', async () => {
  const run = await runRuleOn(
    rule,
    {
      'package.json': '{ "dependencies": { "express": "^4.19.0" } }\n',
      'src/auth.js': [
        "const { verifyApiKey } = require('./keys');",
        'module.exports = function apiKey(req, res, next) {',
        "  if (!verifyApiKey(req.get('x-api-key'))) {",
        "    return res.status(403).json({ error: 'forbidden' });",
        '  }',
        '  next();',
        '};',
        '',
      ].join('\n'),
    },
    { profile: 'service' },
  );
  expect(run.outcome).toBe('pass');
  expect(run.evidence[0]).toMatchObject({ path: 'src/auth.js', line: 3 });
});
