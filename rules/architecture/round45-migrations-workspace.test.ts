import { describe, expect, it } from 'vitest';
import rule from './database-migrations.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 45: the database client and the migrations are looked up across the workspace (the
 * app declares @prisma/client, a database package re-exports the client Prisma generates into its
 * own folder and holds the migrations), and Doctrine's `migrations_paths` may name one folder per
 * database driver.
 */
const MIGRATION = 'CREATE TABLE "polls" ("id" TEXT NOT NULL);\n';
const workspace = (withMigrations: boolean) => ({
  'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*', 'packages/*'] }),
  'apps/web/package.json': JSON.stringify({
    name: 'web',
    dependencies: { next: '^15.0.0', '@prisma/client': '^7.0.0', '@acme/database': 'workspace:*' },
  }),
  'apps/web/src/app/polls/page.tsx':
    "import { prisma } from '@acme/database';\nexport default async function Page() {\n  return prisma.poll.count();\n}\n",
  'packages/database/package.json': JSON.stringify({
    name: '@acme/database',
    scripts: { 'db:deploy': 'prisma migrate deploy' },
    dependencies: { '@prisma/client': '^7.0.0' },
    devDependencies: { prisma: '^7.0.0' },
  }),
  'packages/database/src/client.ts':
    "import { PrismaClient } from '../generated/prisma/client';\nexport const prisma = new PrismaClient();\n",
  'packages/database/prisma/schema.prisma':
    'generator client {\n  provider = "prisma-client"\n  output   = "../generated/prisma"\n}\n\ndatasource db {\n  provider = "postgresql"\n}\n',
  ...(withMigrations
    ? {
        'packages/database/prisma/migrations/20240101000000_init/migration.sql': MIGRATION,
        'packages/database/prisma/migrations/20240201000000_votes/migration.sql': MIGRATION,
      }
    : {}),
});

describe('database-migrations across a workspace (blind round 45)', () => {
  it('a client imported through a generated path, with migrations in another package: applies and passes', async () => {
    const run = await runRuleOn(rule, workspace(true), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Prisma Migrate');
    expect(run.evidence.some((e) => e.path.startsWith('packages/database/prisma/migrations/'))).toBe(true);
  });
  it('the same workspace with no migration committed: its relational Prisma schema makes the rule apply, and it says none is committed', async () => {
    const run = await runRuleOn(rule, workspace(false), { profile: 'service' });
    expect(run.outcome).not.toBe('not-applicable');
    expect(run.outcome).not.toBe('pass');
  });
});

const COMPOSER = JSON.stringify({
  require: {
    'doctrine/orm': '3.3.1',
    'doctrine/doctrine-migrations-bundle': '3.3.1',
    'symfony/framework-bundle': '7.1.0',
  },
});
const migration = (ns: string, v: string) =>
  `<?php\n\ndeclare(strict_types=1);\n\nnamespace App\\Migrations\\${ns};\n\nuse Doctrine\\DBAL\\Schema\\Schema;\nuse Doctrine\\Migrations\\AbstractMigration;\n\nfinal class Version${v} extends AbstractMigration\n{\n    public function up(Schema $schema): void\n    {\n        $this->addSql('CREATE TABLE koi (id INT)');\n    }\n}\n`;

describe('Doctrine migrations in the folders migrations_paths names (blind round 45)', () => {
  const tree = (paths: string) => ({
    'composer.json': COMPOSER,
    'src/Entity/Item.php':
      '<?php\nnamespace App\\Entity;\nuse Doctrine\\ORM\\Mapping as ORM;\n#[ORM\\Entity]\nclass Item {}\n',
    'config/packages/doctrine_migrations.yaml': `doctrine_migrations:\n    migrations_paths:\n${paths}`,
    'migrations/Postgresql/Version20240101000000.php': migration('Postgresql', '20240101000000'),
    'migrations/Postgresql/Version20240201000000.php': migration('Postgresql', '20240201000000'),
    'migrations/Mysql/Version20240101000000.php': migration('Mysql', '20240101000000'),
  });
  it('per-driver folders named by migrations_paths pass, counted from both', async () => {
    const run = await runRuleOn(
      rule,
      tree(
        "        'App\\Migrations\\Mysql': '%kernel.project_dir%/migrations/Mysql'\n        'App\\Migrations\\Postgresql': '%kernel.project_dir%/migrations/Postgresql'\n",
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence.map((e) => e.note).join('\n')).toMatch(
      /Doctrine migrations \(migrations_paths migrations\/(Mysql|Postgresql)\/\)/,
    );
    expect((run.data as { migrations: number }).migrations).toBe(3);
  });
  it('a migrations_paths folder outside the project (a parameter, ..) is not read', async () => {
    const run = await runRuleOn(rule, tree("        'App\\Migrations': '%app.other%/../migrations'\n"), {
      profile: 'service',
    });
    expect(run.outcome).not.toBe('pass');
  });
});
