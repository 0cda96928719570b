/**
 * Blind round 28, settings with computed defaults: a Django setting read from the environment
 * whose default is secure (`default=not DEBUG`, `default=True`, a non-zero HSTS max-age) is on in
 * production unless someone turns it off (kitsune settings.py:624).
 */
import { describe, expect, it } from 'vitest';
import securityMiddleware from './security-middleware.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const settings = (https: string) =>
  [
    'from decouple import config',
    '',
    'DEBUG = config("DEBUG", default=False, cast=bool)',
    'MIDDLEWARE = [',
    "    'django.middleware.security.SecurityMiddleware',",
    "    'corsheaders.middleware.CorsMiddleware',",
    "    'django.middleware.csrf.CsrfViewMiddleware',",
    ']',
    "CORS_ALLOWED_ORIGINS = ['https://shop.example.com']",
    https,
    '',
  ].join('\n');

const tree = (https: string) => ({
  'requirements.txt': 'django==5.0\ndjango-cors-headers==4.3.0\npython-decouple==3.8\n',
  'shop/settings.py': settings(https),
});

describe('security-middleware: an HTTPS setting from the environment with a secure default is set', () => {
  for (const line of [
    'SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", default=not DEBUG, cast=bool)',
    'SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)',
    'SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", default=31536000, cast=int)',
    'SECURE_SSL_REDIRECT = not DEBUG',
  ]) {
    it(line, async () => {
      const run = await runRuleOn(securityMiddleware, tree(line), { profile: 'service' });
      expect(run.outcome).toBe('pass');
      expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'shop/settings.py', line: 10 }));
    });
  }

  it('a default of False or 0 leaves HTTPS off: named missing', async () => {
    for (const line of [
      'SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", default=False, cast=bool)',
      'SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", default="0", cast=int)',
    ]) {
      const run = await runRuleOn(securityMiddleware, tree(line), { profile: 'service' });
      expect(run.outcome, line).toBe('partial');
      expect(run.message).toContain('no HTTPS redirect/HSTS');
    }
  });
});
