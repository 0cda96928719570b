import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';
import authorization from './authorization.js';

/**
 * Blind round 22: a Rust paste server reads the Authorization header and grants token types that
 * actix-web-grants `#[protect(…)]` requires per handler (both rules said missing); a Go auth proxy
 * looks the caller's groups up in the configured allowed groups (authorization missing); a Django
 * public API with only the default AuthenticationMiddleware was credited with authentication.
 */
const PASTE = {
  'Cargo.toml':
    '[package]\nname = "pastebox"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\nactix-web-grants = "4.1"\n',
  'src/main.rs': 'fn main() {\n    server::run();\n}\n',
  'src/auth.rs': [
    'use actix_web::http::header::AUTHORIZATION;', // 1
    '', // 2
    'pub(crate) async fn extract_tokens(req: &ServiceRequest) -> Result<HashSet<TokenType>, Error> {', // 3
    '    let header = req', // 4
    '        .headers()', // 5
    '        .get(AUTHORIZATION)', // 6
    '        .map(|v| v.to_str().unwrap_or_default());', // 7
    '    if configured.contains(header.unwrap_or_default()) {', // 8
    '        tokens.insert(TokenType::Auth);', // 9
    '    }', // 10
    '    Ok(tokens)', // 11
    '}', // 12
  ].join('\n'),
  'src/server.rs': [
    'use actix_web::{delete, post, web, HttpServer};', // 1
    '', // 2
    '#[delete("/{file}")]', // 3
    '#[actix_web_grants::protect("TokenType::Delete", ty = TokenType, error = unauthorized_error)]', // 4
    'async fn delete(file: web::Path<String>) -> Result<HttpResponse, Error> {', // 5
    '    Ok(HttpResponse::Ok().finish())', // 6
    '}', // 7
  ].join('\n'),
};

const PROXY = {
  'go.mod': 'module example.com/authproxy\n\ngo 1.22\n',
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":4180", nil)\n}\n',
  'providers/provider.go': [
    'package providers', // 1
    '', // 2
    'func (p *ProviderData) Authorize(_ context.Context, s *sessions.SessionState) (bool, error) {', // 3
    '\tif len(p.AllowedGroups) == 0 {', // 4
    '\t\treturn true, nil', // 5
    '\t}', // 6
    '\tfor _, group := range s.Groups {', // 7
    '\t\tif _, ok := p.AllowedGroups[group]; ok {', // 8
    '\t\t\treturn true, nil', // 9
    '\t\t}', // 10
    '\t}', // 11
    '\treturn false, nil', // 12
    '}', // 13
  ].join('\n'),
};

const DJANGO_SETTINGS = [
  'MIDDLEWARE = [', // 1
  '    "django.middleware.security.SecurityMiddleware",', // 2
  '    "django.contrib.sessions.middleware.SessionMiddleware",', // 3
  '    "django.contrib.auth.middleware.AuthenticationMiddleware",', // 4
  ']', // 5
].join('\n');

const PUBLIC_API = {
  'requirements.txt': 'Django==5.0\ndjangorestframework==3.15\n',
  'manage.py': 'import django\n',
  'config/settings.py': DJANGO_SETTINGS,
  'config/urls.py': 'from django.urls import include, path\n\nurlpatterns = [path("api/v2/", include("api.urls"))]\n',
  'api/views.py': 'class ItemViewSet(viewsets.ReadOnlyModelViewSet):\n    queryset = Item.objects.all()\n',
};

describe('round 22: authentication and authorization by hand or by less common libraries', () => {
  it('a Rust handler reading the Authorization header is authentication written by hand', async () => {
    const r = await runRuleOn(authentication, PASTE, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/auth.rs', line: 6, note: expect.stringMatching(/Authorization header/) }),
    );
  });

  it('actix-web-grants #[protect(…)] on a handler is authorization', async () => {
    const r = await runRuleOn(authorization, PASTE, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/server.rs', line: 4, note: 'Rust role or policy checks' }),
    );
  });

  it('the grants crate without any #[protect] is the library only', async () => {
    const r = await runRuleOn(
      authorization,
      {
        ...PASTE,
        'src/server.rs':
          'use actix_web_grants::GrantsMiddleware;\n\nasync fn delete() -> HttpResponse {\n    HttpResponse::Ok().finish()\n}\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'Cargo.toml' }));
  });

  it("a Go caller's groups looked up in the configured allowed groups is authorization", async () => {
    const r = await runRuleOn(authorization, PROXY, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'providers/provider.go', line: 8, note: expect.stringMatching(/allowed-group/) }),
    );
  });

  it('a Go lookup in a map of another name is none', async () => {
    const r = await runRuleOn(
      authorization,
      {
        ...PROXY,
        'providers/provider.go': PROXY['providers/provider.go'].replaceAll('AllowedGroups', 'KnownHosts'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it("Django's default AuthenticationMiddleware alone in a public API authenticates no request", async () => {
    const r = await runRuleOn(authentication, PUBLIC_API, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence.some((e) => e.path === 'config/settings.py')).toBe(false);
  });

  it('the middleware counts where the admin is routed', async () => {
    const r = await runRuleOn(
      authentication,
      {
        ...PUBLIC_API,
        'config/urls.py':
          'from django.contrib import admin\nfrom django.urls import path\n\nurlpatterns = [path("admin/", admin.site.urls)]\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'config/settings.py', line: 4 }));
  });
});
