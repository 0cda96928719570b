import rule from './database-migrations.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

// Blind round 50: a Python service kept its schema version as a constant (`DB_SCHEMA_VERSION = 9`)
// and migrated in one function stepping through the versions (`if prev_version < 7: ALTER TABLE …`);
// it was "no versioned migrations".
const pyproject = '[project]\nname = "x"\ndependencies = ["aiosqlite>=0.20"]\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a schema version constant and a migrate function stepping through versions are migrations in code',
      profile: 'service',
      tree: {
        'pyproject.toml': pyproject,
        'app/controllers/music.py': [
          'import aiosqlite',
          'DB_SCHEMA_VERSION: Final[int] = 9',
          '',
          'class Music:',
          '    async def _migrate_database(self, prev_version: int) -> None:',
          '        if prev_version <= 6:',
          '            await self.db.execute("ALTER TABLE tracks ADD COLUMN isrc TEXT")',
          '        if prev_version < 8:',
          '            await self.db.execute("ALTER TABLE albums ADD COLUMN year INTEGER")',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'migrations in code',
        evidence: [{ path: 'app/controllers/music.py', line: 6 }],
      },
    },
  ],
  invalid: [
    {
      name: 'a version comparison without a stored schema version is no migration',
      profile: 'service',
      tree: {
        'pyproject.toml': pyproject,
        'app/compat.py': [
          'import aiosqlite',
          'def parse(api_version: int):',
          '    if api_version < 3:',
          '        return legacy()',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'fail' },
    },
  ],
});
