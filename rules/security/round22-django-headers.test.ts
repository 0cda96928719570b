import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import securityMiddleware from './security-middleware.js';

/**
 * Blind round 22 (a Django API): `django.middleware.clickjacking.XFrameOptionsMiddleware` in
 * MIDDLEWARE sends X-Frame-Options on every response, yet the message said "no security headers".
 * Django's own header middleware counts where the settings register it; commented out it does not.
 */
const settings = (xframe: string) =>
  [
    'import os', // 1
    '', // 2
    'MIDDLEWARE = [', // 3
    '    "corsheaders.middleware.CorsMiddleware",', // 4
    '    "django.middleware.common.CommonMiddleware",', // 5
    '    "django.middleware.csrf.CsrfViewMiddleware",', // 6
    `    ${xframe}`, // 7
    ']', // 8
    '', // 9
    'CORS_ALLOW_ALL_ORIGINS = True', // 10
  ].join('\n');

const DJANGO = (xframe: string) => ({
  'requirements.txt': 'Django==5.0\ndjango-cors-headers==4.3\n',
  'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\n',
  'config/settings.py': settings(xframe),
  'config/urls.py': 'from django.urls import path\nurlpatterns = []\n',
});

describe('round 22: Django XFrameOptionsMiddleware is a security header', () => {
  it('registered in MIDDLEWARE: security headers credited at its line', async () => {
    const r = await runRuleOn(securityMiddleware, DJANGO('"django.middleware.clickjacking.XFrameOptionsMiddleware",'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/^security headers, /);
    expect(r.message).not.toMatch(/no security headers/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'config/settings.py', line: 7, note: 'security headers' }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'config/settings.py', line: 6, note: 'CSRF protection' }),
    );
  });

  it('commented out: no security headers', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      DJANGO('# "django.middleware.clickjacking.XFrameOptionsMiddleware",'),
      { profile: 'service' },
    );
    expect(r.message).toMatch(/no security headers/);
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ note: 'security headers' }));
  });
});
