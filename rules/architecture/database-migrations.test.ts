import { expect } from 'vitest';
import rule from './database-migrations.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the ORM and Alembic declared in a PEP 735 runtime group (web) count; alembic versions are the history (round 19)',
      profile: 'service',
      tree: {
        'pyproject.toml': [
          '[project]',
          'name = "shop-api"',
          'dependencies = ["python-decouple"]',
          '',
          '[dependency-groups]',
          'test = ["pytest>=8", "httpx>=0.28"]',
          'base = ["sqlalchemy[asyncio]>=2.0"]',
          'web = [',
          '    { include-group = "base" },',
          '    "alembic>=1.16",',
          '    "fastapi>=0.115",',
          ']',
          '',
        ].join('\n'),
        'api/db.py':
          'from sqlalchemy.ext.asyncio import create_async_engine\n\nengine = create_async_engine("postgresql+asyncpg://")\n',
        'alembic.ini': '[alembic]\nscript_location = alembic\n',
        'alembic/env.py': 'from alembic import context\n',
        'alembic/versions/0001_init.py': 'revision = "0001"\n\ndef upgrade():\n    pass\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: expect.stringContaining('alembic') }] },
    },
    {
      name: 'migration steps that say so are cited; a client and an interface named like migrations are not (round 16)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"blog","dependencies":{"express":"4.0.0","pg":"8.0.0"}}',
        'apps/core/src/db/pool.ts': "import pg from 'pg'\n\nexport const pool = new pg.Pool()\n",
        'apps/admin/src/api/content-migrations.ts': [
          "import { postJson } from './http'",
          '',
          "export type MigrationKind = 'draft' | 'source'",
          '',
          'export function previewMigration(id: string) {',
          "  return postJson('/content/migrations/preview', { id })",
          '}',
          '',
        ].join('\n'),
        'apps/core/src/db/app-migrations/types.ts':
          'export interface AppMigration {\n  id: string\n  up: (ctx: { db: unknown }) => Promise<void>\n}\n',
        'apps/core/src/db/app-migrations/20260515-drop-columns.ts': [
          "import { sql } from 'drizzle-orm'",
          '',
          'export const migration = {',
          "  id: '20260515-drop-columns',",
          '  async up({ db }) {',
          '    await db.execute(sql`ALTER TABLE "posts" DROP COLUMN IF EXISTS "legacy"`)',
          '  },',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: '(JS/TS migrations; 1 migration file(s))',
        evidence: [
          {
            path: 'apps/core/src/db/app-migrations/20260515-drop-columns.ts',
            note: 'JS/TS migrations: 1 file(s)',
          },
        ],
      },
    },
    {
      name: 'release-range delta scripts are the versioned history and are cited before a one-off maintenance folder',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-jpa</artifactId></dependency><dependency><groupId>com.mysql</groupId><artifactId>mysql-connector-j</artifactId></dependency></dependencies></project>',
        'src/main/java/app/Repo.java': 'interface Repo extends JpaRepository<Item, Long> {}\n',
        'scripts/sql/src/delta/v220-v230/configdb-v220-v230.sql':
          'ALTER TABLE `Item` ADD COLUMN `Label` varchar(64);\n',
        'scripts/sql/src/delta/v230-v240/configdb-v230-v240.sql': 'CREATE INDEX `IX_Label` ON `Item` (`Label`);\n',
        'scripts/sql/migration/history-retention/01-precheck.sql': 'SELECT COUNT(*) FROM `Release`;\n',
        'scripts/sql/migration/history-retention/02-cleanup.sql': 'DELETE FROM `Release` WHERE 1 = 0;\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'scripts/sql/src/delta/v220-v230/configdb-v220-v230.sql',
            note: expect.stringContaining('versioned SQL upgrade (delta) scripts: 2 file(s)'),
          },
        ],
      },
    },
    {
      name: 'ES-module steps of the migrate package (export const up = …) count whole, DDL or not',
      profile: 'service',
      tree: {
        'package.json':
          '{"name": "ledger-sync", "type": "module", "dependencies": {"better-sqlite3": "^9.0.0", "migrate": "^2.0.0"}}',
        'src/db.js': "import Database from 'better-sqlite3';\nexport default () => new Database('ledger.sqlite');\n",
        'migrations/1700000000000-create-dirs.js':
          "import fs from 'node:fs/promises';\n\nexport const up = async function () {\n  await fs.mkdir('data', { recursive: true });\n};\n\nexport const down = async function () {};\n",
        'migrations/1700000100000-create-ledger.js':
          "import db from '../src/db.js';\n\nexport const up = async function () {\n  db().exec('CREATE TABLE ledger (id TEXT)');\n};\n",
        'migrations/1700000200000-rename-keys.js':
          "import db from '../src/db.js';\n\nexport const up = async () => {\n  db().exec(\"UPDATE ledger SET id = 'a' WHERE id = 'b'\");\n};\n",
      },
      expect: {
        outcome: 'pass',
        message: '(JS/TS migrations; 3 migration file(s))',
        evidence: [
          {
            path: 'migrations/1700000000000-create-dirs.js',
            note: 'JS/TS migrations: 3 file(s), latest migrations/1700000200000-rename-keys.js',
          },
        ],
      },
    },
    {
      name: 'knex migrations in a custom folder (db/knex_migrations) pass',
      profile: 'service',
      tree: {
        'package.json': '{"name": "pinger", "dependencies": {"knex": "^3.1.0", "sqlite3": "^5.1.7"}}',
        'server/database.js': 'const knex = require("knex");\nconst migrationsPath = "./db/knex_migrations";\n',
        'db/knex_migrations/2023-08-16-0000-create-monitor.js':
          'exports.up = (knex) => knex.schema.createTable("monitor", (t) => t.increments());\n',
        'db/knex_migrations/2023-09-01-0000-add-interval.js':
          'exports.up = (knex) => knex.schema.alterTable("monitor", (t) => t.integer("interval"));\n',
      },
      expect: {
        outcome: 'pass',
        message: 'JS/TS migrations',
        evidence: [{ path: 'db/knex_migrations/2023-08-16-0000-create-monitor.js' }],
      },
    },
    {
      name: 'Diesel migrations kept per backend (migrations/<backend>/<timestamp>/up.sql) pass (Rust)',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "vault"\n\n[dependencies]\ndiesel = "2"\ndiesel_migrations = "2"\n',
        'diesel.toml': '[print_schema]\nfile = "src/db/schema.rs"\n',
        'src/db/mod.rs': 'use diesel::prelude::*;\n',
        'migrations/sqlite/2018-01-14-171611_create_tables/up.sql': 'CREATE TABLE users (uuid TEXT PRIMARY KEY);\n',
        'migrations/sqlite/2018-01-14-171611_create_tables/down.sql': 'DROP TABLE users;\n',
        'migrations/postgresql/2019-09-12-100000_create_tables/up.sql': 'CREATE TABLE users (uuid TEXT PRIMARY KEY);\n',
      },
      expect: { outcome: 'pass', message: 'up/down SQL migrations' },
    },
    {
      name: 'any folder of numbered SQL files is a migration history (no known tool needed)',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire github.com/jackc/pgx/v5 v5.5.0\n',
        'main.go': 'package main\n\nimport "github.com/jackc/pgx/v5"\n',
        'sql/schema/001_users.sql': 'CREATE TABLE users (id int);\n',
        'sql/schema/002_orders.sql': 'CREATE TABLE orders (id int);\n',
      },
      expect: {
        outcome: 'pass',
        message: 'numbered SQL migrations',
        evidence: [{ path: 'sql/schema/001_users.sql', note: 'numbered SQL migrations in sql/schema/: 2 file(s)' }],
      },
    },
    {
      name: 'goose-marked SQL files pass wherever they live',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire github.com/jackc/pgx/v5 v5.5.0\n',
        'main.go': 'package main\n\nimport "github.com/jackc/pgx/v5"\n',
        'store/schema.sql': '-- +goose Up\nCREATE TABLE users (id int);\n-- +goose Down\nDROP TABLE users;\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'store/schema.sql', line: 1 }] },
    },
    {
      name: 'a versioned migration list kept in code (sql_migrations.go) passes',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire github.com/lib/pq v1.10.9\n',
        'internal/database/database.go': 'package database\n\nimport _ "github.com/lib/pq"\n',
        'internal/database/sql_migrations.go': 'package database\n\nvar migrations = []func(tx *sql.Tx) error{\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'internal/database/sql_migrations.go' }] },
    },
    {
      name: 'numbered schema steps beside a stored schema version, in a file of any name, pass (ntfy-style SQLite)',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire github.com/mattn/go-sqlite3 v1.14.22\n',
        'user/manager.go': [
          'package user',
          '',
          'import _ "github.com/mattn/go-sqlite3"',
          '',
          'const selectSchemaVersionQuery = `SELECT version FROM schemaVersion WHERE id = 1`',
          '',
          'var migrations = map[int]func(db *sql.DB) error{',
          '\t1: migrateFrom1,',
          '\t2: migrateFrom2,',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'migrations in code',
        evidence: [{ path: 'user/manager.go', line: 7, note: expect.stringContaining('stored schema version') }],
      },
    },
    {
      name: 'Rust: an ordered array of SQL statements run at start-up against a database_versions counter is migrations in code (round 13)',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "bot"\n\n[dependencies]\ntokio-postgres = "0.7"\n',
        'src/main.rs': 'mod db;\nfn main() { db::run_migrations(); }\n',
        'src/db.rs': [
          'use tokio_postgres::Client;',
          '',
          'pub async fn run_migrations(client: &mut Client) -> anyhow::Result<()> {',
          '    client.execute("CREATE TABLE IF NOT EXISTS database_versions (zero INTEGER PRIMARY KEY, migration_counter INTEGER);", &[]).await?;',
          '    Ok(())',
          '}',
          '',
          '// Each schema change is one element; the count equals database_versions.migration_counter.',
          'static MIGRATIONS: &[&str] = &[',
          '    "CREATE TABLE notifications (id BIGSERIAL PRIMARY KEY, user_id BIGINT);",',
          '    "ALTER TABLE notifications ADD COLUMN short_description TEXT;",',
          '];',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'migrations in code',
        evidence: [{ path: 'src/db.rs', line: 9, snippet: 'static MIGRATIONS: &[&str] = &[' }],
      },
    },
    {
      name: 'GORM: a slice of {Version, Func} steps applied against a MigrationVersion table is a migration mechanism (round 12)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/snippets\n\ngo 1.22\n\nrequire gorm.io/gorm v1.25.0\n',
        'internal/db/db.go': 'package db\n\nimport "gorm.io/gorm"\n\nvar db *gorm.DB\n',
        'internal/db/upgrade.go': [
          'package db',
          '',
          'type MigrationVersion struct {',
          '\tID      uint `gorm:"primaryKey"`',
          '\tVersion uint',
          '}',
          '',
          'func upgrade() error {',
          '\tif err := db.AutoMigrate(&MigrationVersion{}); err != nil {',
          '\t\treturn err',
          '\t}',
          '\tvar current MigrationVersion',
          '\tdb.First(&current)',
          '\tsteps := 0',
          '\tmigrations := []struct {',
          '\t\tVersion uint',
          '\t\tFunc    func() error',
          '\t}{',
          '\t\t{1, v1_renameColumns},',
          '\t\t{2, v2_lowercaseEmails},',
          '\t}',
          '\t_ = steps',
          '\treturn nil',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'migrations in code',
        evidence: [
          { path: 'internal/db/upgrade.go', line: 15, note: expect.stringContaining('stored schema version') },
        ],
      },
    },
    {
      name: 'Alembic versions in a FastAPI service pass',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi\nsqlalchemy==2.0\n',
        'app/db.py': 'from sqlalchemy import create_engine\n',
        'alembic.ini': '[alembic]\n',
        'alembic/versions/1a2b_create_users.py': 'revision = "1a2b"\n',
        'alembic/versions/3c4d_add_email.py': 'revision = "3c4d"\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Alembic',
        evidence: [{ path: 'alembic/versions/1a2b_create_users.py' }],
        data: { migrations: 2 },
      },
    },
    {
      name: 'Alembic revisions kept flat in a package migrations folder (Flask-Alembic) pass, recognised by revision and down_revision',
      profile: 'service',
      tree: {
        'pyproject.toml':
          '[project]\nname = "boardly"\ndependencies = [\n  "alembic",\n  "flask",\n  "flask-alembic",\n  "flask-sqlalchemy",\n]\n',
        'requirements.txt': 'alembic\nflask\nflask-alembic\nflask-sqlalchemy\n',
        'boardly/extensions.py':
          'from flask_alembic import Alembic\nfrom flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\nalembic = Alembic()\n',
        'boardly/migrations/201601011200_1f2e3d4c5b6a_init.py':
          '"""init\n\nRevision ID: 1f2e3d4c5b6a\n"""\nfrom alembic import op\n\nrevision = "1f2e3d4c5b6a"\ndown_revision = None\n\n\ndef upgrade():\n    op.create_table("boards")\n',
        'boardly/migrations/201702021300_9a8b7c6d5e4f_add_topics.py':
          'from alembic import op\n\nrevision: str = "9a8b7c6d5e4f"\ndown_revision: str | None = "1f2e3d4c5b6a"\n\n\ndef upgrade():\n    op.create_table("topics")\n',
        'boardly/plugins/models.py': 'revision = 3  # the plugin schema revision shown in the admin page\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Alembic',
        evidence: [
          {
            path: 'boardly/migrations/201601011200_1f2e3d4c5b6a_init.py',
            line: 7,
            note: 'Alembic revisions (revision and down_revision): 2 file(s) in boardly/migrations/',
          },
        ],
        data: { migrations: 2 },
      },
    },
    {
      name: 'Flyway scripts in a Spring app pass',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies>\n<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-jpa</artifactId></dependency>\n</dependencies></project>\n',
        'src/main/resources/db/migration/V1__init.sql': 'create table t (id int);\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Flyway',
        evidence: [{ path: 'src/main/resources/db/migration/V1__init.sql' }],
      },
    },
    {
      name: 'EF Core migrations in a .NET app pass',
      profile: 'service',
      tree: {
        'src/Shop/Shop.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup>\n<PackageReference Include="Microsoft.EntityFrameworkCore.SqlServer" Version="8.0.0" />\n</ItemGroup></Project>\n',
        'src/Shop/Migrations/20240101120000_Initial.cs':
          'using Microsoft.EntityFrameworkCore.Migrations;\n\npublic partial class Initial : Migration\n{\n}\n',
        'src/Shop/Migrations/ShopContextModelSnapshot.cs':
          '[DbContext(typeof(ShopContext))]\npartial class ShopContextModelSnapshot : ModelSnapshot\n{\n}\n',
      },
      expect: { outcome: 'pass', message: 'EF Core', data: { migrations: 2 } },
    },
    {
      name: 'EF Core migrations in one project per provider (App.Data.Postgres.Migrations/) pass (round 20)',
      profile: 'service',
      tree: {
        'Ledger.Data/Ledger.Data.csproj':
          '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>\n<PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.0" />\n<PackageReference Include="Pomelo.EntityFrameworkCore.MySql" Version="8.0.0" />\n</ItemGroup></Project>\n',
        'Ledger.Data.Postgres.Migrations/20231221153511_AddBucketColor.cs':
          'using Microsoft.EntityFrameworkCore.Migrations;\n\nnamespace Ledger.Data.Postgres.Migrations;\n\npublic partial class AddBucketColor : Migration\n{\n}\n',
        'Ledger.Data.Postgres.Migrations/20231221153511_AddBucketColor.Designer.cs':
          '[DbContext(typeof(PostgresContext))]\n[Migration("20231221153511_AddBucketColor")]\npartial class AddBucketColor\n{\n}\n',
        'Ledger.Data.MySql.Migrations/20230211161733_GuidKeys.cs':
          'namespace Ledger.Data.MySql.Migrations;\n\npublic partial class GuidKeys : Migration\n{\n}\n',
        // A numbered C# file that is no migration is not counted.
        'Ledger.Data/2024_Report.cs': 'public class Report2024 { }\n',
      },
      expect: {
        outcome: 'pass',
        message: 'EF Core',
        data: { migrations: 3 },
        evidence: [
          {
            path: 'Ledger.Data.MySql.Migrations/20230211161733_GuidKeys.cs',
            note: 'EF Core migrations: 3 file(s), latest Ledger.Data.Postgres.Migrations/20231221153511_AddBucketColor.cs',
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'files named like migrations (an HTTP client, an interface) are no migrations: the name is not the content (round 16)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"blog","dependencies":{"express":"4.0.0","pg":"8.0.0"}}',
        'apps/core/src/db/pool.ts': "import pg from 'pg'\n\nexport const pool = new pg.Pool()\n",
        'apps/admin/src/api/content-migrations.ts': [
          "import { postJson } from './http'",
          '',
          "export type MigrationKind = 'draft' | 'source'",
          '',
          'export function previewMigration(id: string) {',
          "  return postJson('/content/migrations/preview', { id })",
          '}',
          '',
        ].join('\n'),
        'apps/core/src/db/app-migrations/types.ts':
          'export interface AppMigration {\n  id: string\n  up: (ctx: { db: unknown }) => Promise<void>\n}\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'TypeORM with synchronize: true and no migrations: the ORM dependency is no migration tool at work',
      profile: 'service',
      tree: {
        'package.json': '{"name":"mooc","dependencies":{"express":"^4.17.1","typeorm":"^0.2.31","pg":"^8.5.1"}}',
        'src/shared/persistence/TypeOrmClientFactory.ts':
          "import { createConnection } from 'typeorm';\n\nexport class TypeOrmClientFactory {\n  static async createClient() {\n    return createConnection({\n      type: 'postgres',\n      entities: [__dirname + '/**/*.entity{.js,.ts}'],\n      synchronize: true,\n      logging: true\n    });\n  }\n}\n",
      },
      expect: {
        outcome: 'fail',
        message: 'synchronised from the entities at startup, src/shared/persistence/TypeOrmClientFactory.ts:8',
        evidence: [
          {
            path: 'src/shared/persistence/TypeOrmClientFactory.ts',
            line: 8,
            note: expect.stringContaining('synchronises the schema'),
          },
        ],
      },
    },
    {
      name: 'TypeORM declared without schema sync stays a migration tool set up (partial)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"mooc","dependencies":{"express":"^4.17.1","typeorm":"^0.2.31","pg":"^8.5.1"}}',
        'src/db.ts':
          "import { createConnection } from 'typeorm';\n\nexport const db = () => createConnection({ type: 'postgres', synchronize: false });\n",
      },
      expect: { outcome: 'partial', score: 0.4, evidence: [{ path: 'package.json', note: 'migration tool declared' }] },
    },
    {
      name: 'a folder merely ending in "migrations" in its middle (data-migrations-notes) is no migration history',
      profile: 'service',
      tree: {
        'package.json': '{"name": "pinger", "dependencies": {"knex": "^3.1.0", "sqlite3": "^5.1.7"}}',
        'server/database.js': 'const db = require("knex")({ client: "sqlite3" });\n',
        'docs/migrations-notes/howto.js': 'module.exports = {};\n',
      },
      expect: { outcome: 'partial' },
    },
    {
      name: 'Diesel configured with an empty migrations tree is partial (Rust)',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "vault"\n\n[dependencies]\ndiesel = "2"\ndiesel_migrations = "2"\n',
        'diesel.toml': '[print_schema]\nfile = "src/db/schema.rs"\n',
        'src/db/mod.rs': 'use diesel::prelude::*;\n',
        'migrations/sqlite/.keep': '',
      },
      expect: { outcome: 'partial', evidence: [{ path: 'diesel.toml' }] },
    },
    {
      name: 'Prisma schema without migrations is partial',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"@prisma/client":"5.0.0"},"devDependencies":{"prisma":"5.0.0"}}',
        'src/db.ts': "import { PrismaClient } from '@prisma/client';\n",
        'prisma/schema.prisma': 'datasource db { provider = "postgresql" }\n',
      },
      expect: { outcome: 'partial', score: 0.4, evidence: [{ path: 'prisma/schema.prisma' }] },
    },
    {
      name: 'a schema script applied at startup is not versioning (Spring, schema.sql)',
      profile: 'service',
      tree: {
        'build.gradle':
          "dependencies {\n    implementation 'org.springframework.boot:spring-boot-starter-data-jpa'\n}\n",
        'src/main/resources/db/mysql/schema.sql': 'DROP TABLE IF EXISTS owners;\nCREATE TABLE owners (id INT);\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.2,
        evidence: [
          { path: 'src/main/resources/db/mysql/schema.sql', line: 2 },
          { path: 'build.gradle', line: 2 },
        ],
      },
    },
    {
      name: 'a Go service with pgx and no migrations fails, citing the client',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire github.com/jackc/pgx/v5 v5.5.0\n',
        'main.go': 'package main\n\nimport "github.com/jackc/pgx/v5/pgxpool"\n',
        // A list named migrations with no stored schema version is not a migration history.
        'internal/jobs/jobs.go': 'package jobs\n\nvar migrations = []string{"copy files"}\n',
        // A Rails initializer that configures strong_migrations is no migration.
        'config/initializers/strong_migrations.rb': 'StrongMigrations.start_after = 20_230_825\n',
      },
      expect: {
        outcome: 'fail',
        message: 'no versioned migrations',
        evidence: [{ path: 'go.mod', line: 3 }, { path: '.' }],
      },
    },
  ],
  notApplicable: [
    {
      name: "a command-line tool's embedded SQLite cache is no schema that deployments migrate (round 13)",
      profile: 'cli',
      tree: {
        'go.mod':
          'module example.com/dusk\n\ngo 1.22\n\nrequire (\n\tgithub.com/spf13/cobra v1.8.0\n\tmodernc.org/sqlite v1.29.0\n)\n',
        'cmd/dusk/main.go': 'package main\n\nfunc main() {}\n',
        'pkg/cache/sqlite.go':
          'package cache\n\nimport (\n\t"database/sql"\n\n\t_ "modernc.org/sqlite"\n)\n\nfunc Open(p string) (*sql.DB, error) {\n\tdb, err := sql.Open("sqlite", p)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\t_, err = db.Exec("CREATE TABLE IF NOT EXISTS items (path TEXT)")\n\treturn db, err\n}\n',
      },
      expect: {
        outcome: 'not-applicable',
        message: ['profile is cli: its database is embedded (modernc.org/sqlite, go.mod:7)', 'not a shared schema'],
      },
    },
    {
      name: 'a database driver declared but imported by no code does not make the service own a schema',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire (\n\tgithub.com/lib/pq v1.10.9\n\tgithub.com/gin-gonic/gin v1.9.0\n)\n',
        'main.go': 'package main\n\nimport "github.com/gin-gonic/gin"\n',
      },
      expect: { outcome: 'not-applicable', message: 'production code uses' },
    },
    {
      name: 'without a database client the rule does not apply',
      profile: 'service',
      tree: { 'package.json': '{"dependencies":{"express":"4"}}', 'src/app.js': '' },
      expect: { outcome: 'not-applicable', message: 'no database client' },
    },
    {
      name: 'a MongoDB app (mongoose imported) is a document database: no schema migrations expected, said with where it is used',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"@nestjs/core":"10.0.0","mongoose":"8.0.0"}}',
        'src/main.ts': "import { NestFactory } from '@nestjs/core';\nbootstrap();\n",
        'src/shared/pipe/object-id.pipe.ts':
          "import { Injectable } from '@nestjs/common';\nimport { isValidObjectId } from 'mongoose';\n\nexport class ObjectIdPipe {}\n",
      },
      expect: {
        outcome: 'not-applicable',
        message:
          'a document database (MongoDB via mongoose, imported at src/shared/pipe/object-id.pipe.ts:2): no schema migrations expected',
        absent: ['no database client or ORM is a dependency that production code uses"'],
      },
    },
    {
      name: 'a database client used only in tests does not count',
      profile: 'service',
      tree: { 'package.json': '{"dependencies":{"express":"4"},"devDependencies":{"better-sqlite3":"9"}}' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
