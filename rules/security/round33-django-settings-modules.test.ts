import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import noCommittedSecrets from './no-committed-secrets.js';

/**
 * Blind round 33: a Django project whose settings.py star-imports settings_base.py, which holds a
 * literal 50-character SECRET_KEY (an optional, git-ignored settings_secret.py may override it).
 * Only settings.py and settings/*.py were read, so the committed signing key was missed.
 */
const KEY = 'uzq7t30thl4&hw)p@c#xt=b8mn!3l080kmnuk7ez+g5l%lb*p9';
const DJANGO = {
  'manage.py': 'import os\nimport sys\n',
  'requirements.txt': 'Django==4.2\n',
  'site/settings.py':
    'from site.settings_base import *\ntry:\n    from site.settings_secret import *\nexcept ImportError:\n    print("no secret settings")\n',
};

describe('round 33: Django settings split into modules', () => {
  it('a literal SECRET_KEY in settings_base.py is a committed signing secret', async () => {
    const r = await runRuleOn(
      noCommittedSecrets,
      { ...DJANGO, 'site/settings_base.py': `import os\n\nSECRET_KEY = '${KEY}'\nDEBUG = False\n` },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
    expect(r.evidence[0]).toMatchObject({ path: 'site/settings_base.py', line: 3 });
  });

  it('read from the environment, or only in test_settings.py: not a committed production secret', async () => {
    const env = await runRuleOn(
      noCommittedSecrets,
      { ...DJANGO, 'site/settings_base.py': "import os\n\nSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n" },
      { profile: 'service' },
    );
    expect(env.outcome).toBe('pass');
    const test = await runRuleOn(
      noCommittedSecrets,
      { ...DJANGO, 'site/test_settings.py': `from site.settings import *\nSECRET_KEY = '${KEY}'\n` },
      { profile: 'service' },
    );
    expect(test.outcome).not.toBe('fail');
  });
});
