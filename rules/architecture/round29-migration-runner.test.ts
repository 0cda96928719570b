/**
 * Blind round 29, class "look-alikes accepted": a NestJS app's migration runner
 * (`src/migration/migration.service.ts`, which defines up/down for the migrations it runs) was
 * counted as "1 migration file" while `src/migration/migrations/` held only .gitkeep. The runner's
 * files (service, module, command, entity, index) are machinery; a migration in that folder counts.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import migrations from './database-migrations.js';

const api = (extra: Tree): Tree => ({
  'package.json': '{"name":"api","dependencies":{"@nestjs/core":"^10.0.0","typeorm":"^0.3.0","pg":"^8.0.0"}}',
  'src/main.ts':
    'import { NestFactory } from "@nestjs/core";\nasync function boot() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nboot();\n',
  'src/migration/migration.service.ts': [
    'export class MigrationService {',
    '  async up(name: string) {',
    '    return this.run(name, "up");',
    '  }',
    '  async down(name: string) {',
    '    return this.run(name, "down");',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/db.ts':
    'import { DataSource } from "typeorm";\nexport const dataSource = new DataSource({ type: "postgres", url: process.env.DATABASE_URL });\n',
  'src/migration/migration.module.ts': 'export class MigrationModule {}\n',
  'src/migration/migrations/.gitkeep': '',
  ...extra,
});

describe('round 29: a migration runner is not a migration', () => {
  it('does not count the runner service as a migration file', async () => {
    const run = await runRuleOn(migrations, api({}), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence.some((e) => e.path === 'src/migration/migration.service.ts')).toBe(false);
  });

  it('counts a migration committed beside it', async () => {
    const run = await runRuleOn(
      migrations,
      api({
        'src/migration/migrations/1700000000000-add-users.ts': [
          'module.exports = {',
          '  async up({ db }) {',
          '    await db.query("CREATE TABLE users (id serial primary key)");',
          '  },',
          '  async down({ db }) {',
          '    await db.query("DROP TABLE users");',
          '  },',
          '};',
          '',
        ].join('\n'),
      }),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });
});
