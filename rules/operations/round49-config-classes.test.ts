/**
 * Blind round 49: a Python service's config module declares a class per environment (`class
 * Production(Config)`, `class Staging(Production)`, `class Development(Config)`): production and
 * its staging counterpart are described, not "no production counterpart".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import environments from './environments.js';

const app = {
  'requirements.txt': 'flask==3.0.0\ngunicorn==21.2.0\n',
  'app/__init__.py':
    "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return 'ok'\n",
};
const config = (classes: string) =>
  `import os\n\n\nclass Config(object):\n    DEBUG = False\n    SQLALCHEMY_DATABASE_URI = os.getenv("DATABASE_URL")\n\n${classes}`;

describe('environments: configuration classes per environment (blind round 49)', () => {
  it('Production and Staging classes (and Development, Test): production with a staging counterpart', async () => {
    const r = await runRuleOn(
      environments,
      {
        ...app,
        'app/config.py': config(
          'class Development(Config):\n    DEBUG = True\n\n\nclass Test(Development):\n    TESTING = True\n\n\nclass Production(Config):\n    pass\n\n\nclass Staging(Production):\n    pass\n',
        ),
      },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
    expect(r.message).toContain('Production config class');
    expect(r.message).toContain('Staging config class');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('app/config.py:16');
  });
  it('DevelopmentConfig, TestingConfig and ProductionConfig: production and development, the test config apart', async () => {
    const r = await runRuleOn(
      environments,
      {
        ...app,
        'app/config.py': config(
          'class DevelopmentConfig(Config):\n    DEBUG = True\n\n\nclass TestingConfig(Config):\n    TESTING = True\n\n\nclass ProductionConfig(Config):\n    pass\n',
        ),
      },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('partial');
    expect(r.message).toContain('no staging or pre-production');
    expect(r.message).not.toContain('TestingConfig');
  });
  it('one class named for an environment is one mode, not a set of environments', async () => {
    const r = await runRuleOn(
      environments,
      { ...app, 'app/config.py': config('class ProductionConfig(Config):\n    pass\n') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});
