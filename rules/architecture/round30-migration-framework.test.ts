import { describe, expect, it } from 'vitest';
import rule from './database-migrations.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

describe('database-migrations: the migration tool is named from the framework (blind round 30)', () => {
  it('a numbered file in a Flask-Migrate tree is not a Django migration', async () => {
    const run = await runRuleOn(
      rule,
      {
        'requirements.txt':
          'flask==3.0.0\nflask-migrate==4.0.5\nflask-sqlalchemy==3.1.1\nsqlalchemy==2.0.25\npsycopg2-binary==2.9.9\n',
        'app/__init__.py':
          'from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\nfrom flask_migrate import Migrate\napp = Flask(__name__)\ndb = SQLAlchemy(app)\nMigrate(app, db)\n',
        'migrations/env.py': 'from alembic import context\n',
        'migrations/0001_warning.py': '# run the upgrade in two steps\n',
        'migrations/versions/0ec979123ba4_.py': 'def upgrade():\n    op.create_table("users")\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Alembic (Flask-Migrate)');
    expect(run.message).not.toContain('Django');
  });
  it('in a Django project migrations/0001_initial.py is a Django migration', async () => {
    const run = await runRuleOn(
      rule,
      {
        'requirements.txt': 'django==5.0.1\npsycopg2==2.9.9\n',
        'shop/migrations/0001_initial.py':
          'from django.db import migrations\nclass Migration(migrations.Migration):\n    operations = []\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Django migrations');
  });
});
