/**
 * Blind round 46: django-cors-headers mounted in MIDDLEWARE, its allow-all only under `if DEBUG:`, was
 * worded "no CORS middleware". The middleware is there; no origin is allowed outside development.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import securityMiddleware from './security-middleware.js';

const DJANGO = (cors: string) => ({
  'requirements.txt': 'Django==5.0\ndjango-cors-headers==4.3\n',
  'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\n',
  'config/settings.py': [
    'DEBUG = False',
    'MIDDLEWARE = [',
    '    "django.middleware.security.SecurityMiddleware",',
    '    "django.middleware.csrf.CsrfViewMiddleware",',
    cors,
    ']',
    'if DEBUG:',
    '    CORS_ORIGIN_ALLOW_ALL = True',
  ].join('\n'),
  'config/urls.py': 'from django.urls import path\nurlpatterns = []\n',
});

describe('security-middleware: a CORS middleware mounted without production origins (round 46)', () => {
  it('says the middleware is mounted, not "no CORS middleware"', async () => {
    const r = await runRuleOn(securityMiddleware, DJANGO('    "corsheaders.middleware.CorsMiddleware",'), {
      profile: 'service',
    });
    expect(r.message).not.toMatch(/no CORS middleware/);
    expect(r.message).toMatch(/CORS middleware mounted at config\/settings\.py:5/);
  });
  it('without it, the message still says there is none', async () => {
    const r = await runRuleOn(securityMiddleware, DJANGO('    "django.middleware.common.CommonMiddleware",'), {
      profile: 'service',
    });
    expect(r.message).toMatch(/no CORS middleware/);
  });
});
