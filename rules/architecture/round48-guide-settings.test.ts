/**
 * Blind round 48, class "settings documented in a guide inside the repository": a Django service reads
 * its settings with django-environ (`env("SECRET_KEY")`, `env.list("ALLOWED_HOSTS")`) and documents
 * them in a contributing guide the site itself serves (…/guides/contributing/site.md, "Configuration
 * in detail": `- **\`SECRET_KEY\`**: …`). That is documentation of the settings, found and cited.
 */
import { describe, expect, it } from 'vitest';
import rule from './config-externalized.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const SETTINGS = [
  'import environ', // 1
  '', // 2
  'env = environ.Env(', // 3
  '    DEBUG=(bool, False),', // 4
  ')', // 5
  '', // 6
  "DEBUG = env('DEBUG')", // 7
  "SECRET_KEY = env('SECRET_KEY')", // 8
  "ALLOWED_HOSTS = env.list('ALLOWED_HOSTS', default=['*'])", // 9
  "STATIC_ROOT = env('STATIC_ROOT', default='/app/staticfiles')", // 10
  "DATABASES = {'default': env.db(), 'metricity': env.db('METRICITY_DB_URL')}", // 11
].join('\n');

const GUIDE = [
  '# Setting up the site', // 1
  '', // 2
  'Clone the repository and run docker compose up.', // 3
  '', // 4
  '# Configuration in detail', // 5
  '', // 6
  'The website is configured through the following environment variables:', // 7
  '', // 8
  '- **`METRICITY_DB_URL`**: the metric database to connect to.', // 9
  '- **`DEBUG`**: controls debugging. Optional, defaults to `False`.', // 10
  '- **`SECRET_KEY`**: the secret key used by Django.', // 11
  '- **`STATIC_ROOT`**: where collectstatic puts the files.', // 12
].join('\n');

const tree = (extra: Tree): Tree => ({
  'pyproject.toml': '[project]\nname = "site"\ndependencies = ["django==5.0", "django-environ==0.11"]\n',
  'site/settings.py': SETTINGS,
  'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")\n',
  'README.md': '# Site\n\nSee the contributing guide.\n',
  ...extra,
});

describe('round 48: settings documented in a contributing guide inside the repository', () => {
  it('finds and cites the guide that names the settings the code reads', async () => {
    const r = await runRuleOn(rule, tree({ 'site/content/guides/contributing/site.md': GUIDE }), {
      profile: 'service',
    });
    expect(r.outcome).toBe('pass');
    expect(r.data?.documented).toBe(true);
    expect(r.evidence.find((e) => e.path === 'site/content/guides/contributing/site.md')).toMatchObject({ line: 9 });
  });

  it('without the guide the settings are undocumented (partial)', async () => {
    const r = await runRuleOn(rule, tree({}), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.data?.documented).toBe(false);
  });
});
