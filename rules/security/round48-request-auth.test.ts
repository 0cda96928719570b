/**
 * Blind round 48, class "authentication credited to the wrong mechanism": a Django REST Framework
 * service whose request authentication is `DEFAULT_AUTHENTICATION_CLASSES` (TokenAuthentication), and
 * which also uses PyJWT only to sign the GitHub App tokens it sends (`"Authorization": f"bearer
 * {generate_token()}"`, lower-case scheme), was reported "wired in code with pyjwt" and cited a view's
 * `authentication_classes = ()` — which switches authentication off. The request-side mechanism is
 * cited; the signing library earns no credit; an empty authentication_classes is no authentication.
 */
import { describe, expect, it } from 'vitest';
import rule from './authentication.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const tree = (bearer: string): Tree => ({
  'pyproject.toml':
    '[project]\nname = "site"\ndependencies = [\n  "django==5.0",\n  "djangorestframework==3.15",\n  "pyjwt==2.10.1",\n  "httpx==0.27",\n]\n',
  'site/settings.py': [
    'INSTALLED_APPS = ["django.contrib.auth", "rest_framework", "rest_framework.authtoken"]', // 1
    'MIDDLEWARE = ["django.contrib.auth.middleware.AuthenticationMiddleware"]', // 2
    'REST_FRAMEWORK = {', // 3
    "    'DEFAULT_AUTHENTICATION_CLASSES': (", // 4
    "        'rest_framework.authentication.TokenAuthentication',", // 5
    '    ),', // 6
    '}', // 7
  ].join('\n'),
  'site/api/views.py': [
    'from rest_framework.views import APIView', // 1
    '', // 2
    'class HealthcheckView(APIView):', // 3
    '    authentication_classes = ()', // 4
    '    permission_classes = ()', // 5
    '', // 6
    '    def get(self, request):', // 7
    "        return Response({'status': 'ok'})", // 8
  ].join('\n'),
  'site/api/github_utils.py': [
    'import jwt', // 1
    'import httpx', // 2
    'from django.conf import settings', // 3
    '', // 4
    'def generate_token() -> str:', // 5
    '    return jwt.encode(', // 6
    '        {"iss": settings.GITHUB_APP_ID},', // 7
    '        settings.GITHUB_APP_KEY,', // 8
    '        algorithm="RS256",', // 9
    '    )', // 10
    '', // 11
    '', // 12
    'def authorize(owner: str, repo: str) -> httpx.Client:', // 13
    '    """Get an access token for the requested repository."""', // 14
    '    x = 1', // 15
    '    y = 2', // 16
    '    z = 3', // 17
    '    w = 4', // 18
    '    client = httpx.Client(', // 19
    '        base_url=settings.GITHUB_API,', // 20
    `        headers={"Authorization": f"${bearer} {generate_token()}"},`, // 21
    '    )', // 22
    '    return client', // 23
  ].join('\n'),
});

describe('round 48: the request-side authentication is cited, not a library that signs outbound tokens', () => {
  for (const bearer of ['bearer', 'Bearer']) {
    it(`DRF DEFAULT_AUTHENTICATION_CLASSES cited; pyjwt signing for "${bearer}" outbound earns nothing`, async () => {
      const r = await runRuleOn(rule, tree(bearer), { profile: 'service' });
      expect(r.outcome).toBe('pass');
      expect(r.message).not.toMatch(/pyjwt/);
      expect(r.evidence[0]).toMatchObject({ path: 'site/settings.py', line: 4 });
      expect(r.evidence.some((e) => e.path === 'site/api/views.py' && e.line === 4)).toBe(false);
      expect(r.data?.libraries).toEqual([]);
    });
  }

  it('beside the admin (Django session middleware counted), the API authentication classes are cited first', async () => {
    const t = tree('bearer');
    t['site/urls.py'] = "from django.contrib import admin\nurlpatterns = [path('admin/', admin.site.urls)]\n";
    const r = await runRuleOn(rule, t, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.data?.codeMatches).toBe(2);
    expect(r.evidence[0]).toMatchObject({ path: 'site/settings.py', line: 4 });
  });

  it('a view that sets authentication_classes to a real class list is still authentication', async () => {
    const t = tree('bearer');
    t['site/settings.py'] = 'INSTALLED_APPS = ["rest_framework"]\n';
    t['site/api/views.py'] = [
      'from rest_framework.authentication import TokenAuthentication',
      'class ItemsView(APIView):',
      '    authentication_classes = (TokenAuthentication,)',
    ].join('\n');
    const r = await runRuleOn(rule, t, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'site/api/views.py', line: 3 });
  });
});
