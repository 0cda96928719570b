/**
 * readiness verify: a route the code composes from prefixes, where no string writes it whole — Go
 * router groups nested in variables (`users := api.Group("/users")`, `users.GET("/:id", …)`), Django's
 * nested `path('api/v1/', include([path('customers/', …)]))` and an app mounted with
 * `path('rosetta/', include('rosetta.urls'))` — is there; it is not "not found". A route the code
 * does not compose stays unconfirmed, and "DELETE /x (delete user)" is a route, not a removal.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { composedRoutes, routeKey } from '../src/verify/composed-routes.js';
import { verifier } from './helpers/verify.js';

const goMain = [
  'package main', // 1
  '', // 2
  'import "github.com/gin-gonic/gin"', // 3
  '', // 4
  'func main() {', // 5
  '\trouter := gin.Default()', // 6
  '\tapi := router.Group("/api")', // 7
  '\t{', // 8
  '\t\tauth := api.Group("/auth")', // 9
  '\t\tauth.POST("/login", login)', // 10
  '\t}', // 11
  '\tusers := api.Group("/users")', // 12
  '\tusers.Use(admin())', // 13
  '\t{', // 14
  '\t\tusers.GET("", list)', // 15
  '\t\tusers.GET("/:id", get)', // 16
  '\t\tusers.DELETE("/:id", remove)', // 17
  '\t}', // 18
  '\treports := api.Group("/reports")', // 19
  '\treports.GET("/export", export)', // 20
  '}', // 21
].join('\n');

const urls = [
  'from django.urls import path, include', // 1
  '', // 2
  'urlpatterns = [', // 3
  "    path('admin/', admin.site.urls),", // 4
  "    path('api/v1/', include([", // 5
  "        path('customers/', include('apps.customers.urls')),", // 6
  "        path('invoices/', include('apps.invoices.urls')),", // 7
  '    ])),', // 8
  "    path('rosetta/', include('rosetta.urls')),", // 9
  ']', // 10
].join('\n');

describe('routes composed from prefixes', () => {
  it('reads Go groups and Django nested lists', () => {
    const go = composedRoutes(goMain).map((r) => routeKey(r.route));
    expect(go).toContain('api/users/:p');
    expect(go).toContain('api/users');
    expect(go).toContain('api/auth/login');
    expect(go).not.toContain('api/users/export');
    const dj = composedRoutes(urls).map((r) => routeKey(r.route));
    expect(dj).toEqual(expect.arrayContaining(['api/v1/customers', 'api/v1/invoices', 'rosetta']));
    expect(dj).not.toContain('api/v1/rosetta');
  });

  const tree: Tree = {
    'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
    'cmd/api/main.go': goMain,
    'requirements.txt': 'Django==5.0\n',
    'config/urls.py': urls,
  };
  const doc = [
    '# API', // 1
    '', // 2
    '## Endpoints', // 3
    '', // 4
    '- ✅ `GET /api/users` - List all users', // 5
    '- ✅ `DELETE /api/users/:id` - Delete user', // 6
    '- ✅ `/api/v1/customers/` - Customers', // 7
    '- ✅ `/rosetta/` - Translations', // 8
    '- ✅ `GET /api/users/export` - Export users', // 9
  ].join('\n');
  const { at } = verifier('API.md')(tree, doc);

  it('confirms a route the file composes, with the lines that compose it', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence.some((e) => e.path === 'cmd/api/main.go' && e.line === 12)).toBe(true);
    expect(at(6).verdict).toBe('confirmed');
    // The DELETE route, not the GET on the same path.
    expect(at(6).evidence.some((e) => e.line === 17)).toBe(true);
    expect(at(7).verdict).toBe('confirmed');
    expect(at(7).evidence.some((e) => e.path === 'config/urls.py' && e.line === 6)).toBe(true);
    expect(at(8).verdict).toBe('confirmed');
  });

  it('a route whose last segment the groups compose under another prefix is not there', () => {
    expect(at(9).verdict).toBe('contradicted');
    expect(at(9).reason).toContain('/api/reports/export');
  });
});
