/**
 * Blind round 39, class "Python database clients missed": a Litestar template declared
 * `advanced-alchemy` and `psycopg[pool,binary]`, reached the database through SQLAlchemy's URL
 * (`postgresql+psycopg://`) and kept Alembic under src/py/app/db/migrations/; database-migrations was
 * not applicable ("a Redis client … imported at tools/…"). The repository layers over SQLAlchemy and
 * the async drivers are database clients; an Alembic tree anywhere in the source counts.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import migrations from './architecture/database-migrations.js';

const service = (deps: string[], code: Record<string, string>, extra: Tree = {}): Tree => ({
  'pyproject.toml': `[project]\nname = "shop"\ndependencies = [${deps.map((d) => JSON.stringify(d)).join(', ')}]\n`,
  'src/py/app/asgi.py': 'from litestar import Litestar\n\napp = Litestar([])\n',
  ...code,
  ...extra,
});

const ALEMBIC: Tree = {
  'src/py/app/db/migrations/alembic.ini': '[alembic]\nscript_location = src/py/app/db/migrations\n',
  'src/py/app/db/migrations/env.py': 'from alembic import context\n',
  'src/py/app/db/migrations/versions/2026-01-04_initial_dc54.py':
    'revision = "dc54"\ndown_revision = None\n\ndef upgrade():\n    pass\n',
  'src/py/app/db/migrations/versions/__init__.py': '',
};

describe('round 39: Python database clients and a nested Alembic tree', () => {
  it('advanced-alchemy with psycopg 3 and Alembic under src/ passes', async () => {
    const run = await runRuleOn(
      migrations,
      service(
        ['litestar>=2', 'advanced-alchemy[uuid]>=1.8', 'psycopg[pool,binary]>=3.2', 'redis>=5'],
        {
          'src/py/app/server/plugins.py':
            'from advanced_alchemy.extensions.litestar import SQLAlchemyPlugin\n\nalchemy = SQLAlchemyPlugin()\n',
          'src/py/app/lib/settings.py': 'URL = "postgresql+psycopg://app:app@localhost:5432/app"\n',
        },
        ALEMBIC,
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('1 migration file(s)');
    expect(run.evidence.some((e) => e.path.startsWith('src/py/app/db/migrations/versions/2026'))).toBe(true);
  });

  it('aiosqlite or Piccolo used from the app applies; without migrations it fails', async () => {
    for (const [dep, code] of [
      ['aiosqlite>=0.20', 'import aiosqlite\n\nasync def open_db():\n    return await aiosqlite.connect("app.db")\n'],
      ['piccolo[postgres]>=1', 'from piccolo.table import Table\n\nclass Task(Table):\n    pass\n'],
    ] as const) {
      const run = await runRuleOn(migrations, service(['litestar>=2', dep], { 'src/py/app/db.py': code }), {
        profile: 'service',
      });
      expect(run.outcome).toBe('fail');
    }
  });

  it('a Redis client alone is still not applicable', async () => {
    const run = await runRuleOn(
      migrations,
      service(['litestar>=2', 'redis>=5'], { 'src/py/app/cache.py': 'import redis\n\nr = redis.Redis()\n' }),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('not-applicable');
  });
});
