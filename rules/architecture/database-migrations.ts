import {
  defineRule,
  type Dependency,
  type Evidence,
  type FileView,
  type Match,
  type RuleContext,
} from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { dirOf, isExampleFolder, isProductionPath, isTestPath, NOT_THE_PRODUCT } from '../../src/facts/paths.js';
import { workerConfigs } from '../../src/facts/workers.js';
import { workflowPlatforms } from '../../src/facts/workflow-platforms.js';

/**
 * What a migration file says, for layouts whose folder or file name alone is common in app code:
 * DDL, a migration framework's API (knex `schema.createTable`, Sequelize `queryInterface`, TypeORM
 * `MigrationInterface`), an `up`/`down` step with a body, or a list of steps. `content-migrations.ts`
 * (an HTTP client) and `app-migrations/types.ts` (an interface) are named like migrations and say
 * none of it (blind round 16, mx-space/core). The `migrate` package's ES-module steps are
 * `export const up = async function () {…}`: a step that only creates folders or renames rows has
 * neither DDL nor a framework call, yet is one of the history (blind round 22, 4 of 6 counted).
 */
const MIGRATION_CONTENT =
  /\b(?:CREATE|ALTER|DROP|create|alter|drop)\s+(?:TABLE|INDEX|COLUMN|VIEW|SEQUENCE|table|index|column|view|sequence)\b|\b(?:ADD|add)\s+(?:COLUMN|column)\b|\bexports\.(?:up|down)\s*=|\bexport\s+(?:async\s+)?function\s+(?:up|down)\b|\bexport\s+(?:const|let|var)\s+(?:up|down)\s*=|^[ \t]*(?:public\s+)?(?:async\s+)?(?:up|down)\s*\([^)\n]*\)\s*(?::[^{\n]*)?\{|\bMigrationInterface\b|\bqueryInterface\.|\.schema\.(?:createTable|alterTable|table|dropTable)\b|\b[Mm]igrations\s*(?::=|=)\s*(?:\[|map\[|\{|vec!|&\[)|\bdef\s+(?:up|down|upgrade|downgrade|change)\b|\bfunc\s+(?:[Uu]p|[Dd]own)\w*\s*\(/m;

// Versioned schema changes by file layout, per tool. Checked in order; every tool found is cited.
// `content`: the globs take names common in app code, so a file counts only when it reads as a migration.
const LAYOUTS: { tool: string; globs: string[]; content?: RegExp }[] = [
  { tool: 'Alembic', globs: ['**/alembic/versions/*.py', '**/migrations/versions/*.py'] },
  { tool: 'Django migrations', globs: ['**/migrations/[0-9][0-9][0-9][0-9]_*.py'] },
  {
    tool: 'Flyway',
    globs: ['**/db/migration/**/V[0-9]*__*.sql', '**/flyway/**/V[0-9]*__*.sql', '**/V[0-9]*__*.{sql,java,kt}'],
  },
  {
    tool: 'Liquibase',
    globs: [
      '**/db.changelog*.{xml,yaml,yml,json,sql}',
      '**/db/changelog/**/*.{xml,yaml,yml,sql}',
      // Quarkus's default change log (quarkus.liquibase.change-log = db/changeLog.xml), and its
      // lower-case spelling (blind round 27, Horreum horreum-backend/src/main/resources/db/changeLog.xml).
      '**/db/changeLog.{xml,yaml,yml,json,sql}',
      '**/db/changelog.{xml,yaml,yml,json,sql}',
      '**/liquibase/**/*.{xml,yaml,yml,sql}',
    ],
  },
  { tool: 'Prisma Migrate', globs: ['**/prisma/migrations/*/migration.sql'] },
  { tool: 'Rails migrations', globs: ['**/db/migrate/*.rb'] },
  // Sequel (and ROM, built on it): numbered or timestamped files, each a `Sequel.migration do … end`
  // block, in whatever folder `Sequel::Migrator.run(db, dir)` is given (blind round 48: a Sinatra
  // server kept lib/<app>/migrations/01_*.rb … 05_*.rb and was "no versioned migrations").
  {
    tool: 'Sequel migrations',
    globs: ['**/migrations/*.rb', '**/migrate/*.rb', '**/migration/*.rb', '**/*[_-]migrations/*.rb'],
    content: /\b(?:Sequel|ROM::SQL)\.migration\b/,
  },
  // Ecto (Elixir): `priv/repo/migrations/20240101000000_create_users.exs`, one folder per repo.
  { tool: 'Ecto migrations', globs: ['**/priv/*/migrations/[0-9]*.exs'] },
  // Fluent (Vapor, Hummingbird): a type conforming to Migration or AsyncMigration, kept under Migrations/.
  {
    tool: 'Fluent migrations',
    globs: ['**/Migrations/**/*.swift', '**/migrations/**/*.swift'],
    content: /:\s*(?:Async)?Migration\b/,
  },
  { tool: 'Laravel migrations', globs: ['**/database/migrations/*.php'] },
  { tool: 'Doctrine migrations', globs: ['**/migrations/Version*.php', '**/DoctrineMigrations/*.php'] },
  // EF Core writes its migrations wherever the migrations assembly lives: `Migrations/`, or one
  // project per provider (`App.Data.Postgres.Migrations/20231221153511_AddColor.cs`). Read by
  // content: the `[Migration("…")]` attribute, a `: Migration` class, the model snapshot.
  {
    tool: 'EF Core migrations',
    globs: ['**/*ModelSnapshot.cs', '**/[0-9]*_*.cs'],
    content:
      /\[(?:Microsoft\.EntityFrameworkCore\.Migrations\.)?Migration\(\s*"|\bclass\s+\w+\s*:\s*(?:Migration|ModelSnapshot)\b/,
  },
  // Diesel and golang-migrate style: one folder per step, and one tree per backend when a project
  // supports several databases (`migrations/postgresql/2024-01-01-000000_users/up.sql`).
  { tool: 'up/down SQL migrations', globs: ['**/*.up.sql', '**/migrations/*/up.sql', '**/migrations/*/*/up.sql'] },
  { tool: 'SQL migrations', globs: ['**/migrations/*.sql', '**/migration/*.sql', '**/drizzle/*.sql'] },
  // Upgrade scripts kept per release range (`delta/v230-v240/configdb-v230-v240.sql`): the schema's
  // versioned history, cited before any one-off maintenance script folder.
  {
    tool: 'versioned SQL upgrade (delta) scripts',
    globs: ['**/delta/**/*.sql', '**/deltas/**/*.sql', '**/upgrade/**/*v[0-9]*.sql', '**/upgrades/**/*v[0-9]*.sql'],
  },
  // Knex, Sequelize and friends take any directory: `db/knex_migrations`, `src/db-migrations`.
  {
    tool: 'JS/TS migrations',
    // One folder per database engine is common (TypeORM `server/migration/{sqlite,postgres}/`).
    globs: [
      '**/migrations/*.{js,ts,mjs,cjs}',
      '**/migration/*.{js,ts}',
      '**/*[_-]migrations/*.{js,ts,mjs,cjs}',
      '**/migrations/*/*.{js,ts,mjs,cjs}',
      '**/migration/*/*.{js,ts}',
    ],
    content: MIGRATION_CONTENT,
  },
  { tool: 'Go migrations', globs: ['**/migrations/*.go'] },
  // SeaORM (Rust): one module per step named for its time, `m20240101_000001_create_users.rs`, in
  // the migration crate, each a `Migration` that implements MigrationTrait (blind round 46).
  {
    tool: 'SeaORM migrations',
    globs: ['**/m[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]_*.rs'],
    content: /\bimpl\s+MigrationTrait\s+for\b|\bDeriveMigrationName\b/,
  },
  { tool: 'Sqitch', globs: ['**/sqitch.plan'] },
  { tool: 'Atlas migrations', globs: ['**/atlas.sum'] },
  // A versioned list of schema steps kept in code (a `migrations.go` with one function per version).
  {
    tool: 'migrations in code',
    globs: ['**/{migrations,*[_-]migrations}.{go,rs,py,rb,ts,js,java,kt,cs}'],
    content: MIGRATION_CONTENT,
  },
];

/**
 * Files of the migration machinery, named for their role in the app (NestJS/Angular suffixes, an
 * index or types module): the runner, its module, command, entity, interfaces and tests.
 */
const MIGRATION_MACHINERY =
  /(?:^|\/)(?:index|types?|interfaces?|constants?|utils?|helpers?)\.[cm]?[jt]s$|\.(?:service|module|command|entity|controller|provider|repository|types?|interface|dto|spec|test|utils?|helpers?|config|constants?|schema|guard|decorator|d)\.[cm]?[jt]s$/;

/** ORMs that ship a migration runner but also synchronise the schema from their entities. */
const SYNC_ORMS = new Set(['typeorm', 'sequelize']);

/** A production path outside tests and examples. */
const ownSchema = (p: string) => !isTestPath(p) && !isExampleFolder(p);

/**
 * State-based schema projects, each with the file that declares it and the schema files it holds:
 * an SSDT project's .sql files below its *.sqlproj, the .sql files beside a .skeema, the Atlas HCL
 * schema files.
 */
function stateBased(ctx: RuleContext): { tool: string; at: string; files: string[] }[] {
  const out: { tool: string; at: string; files: string[] }[] = [];
  const sql = ctx.files.match('**/*.sql').filter(ownSchema);
  const projects = ctx.files.match('**/*.sqlproj').filter(ownSchema).slice(0, 50);
  if (projects.length > 0) {
    const dirs = projects.map(dirOf);
    const files = sql.filter((p) => dirs.some((d) => d === '' || p.startsWith(`${d}/`)));
    out.push({
      tool: 'SQL Server database project (state-based, deployed as a dacpac)',
      at: projects[0]!,
      files: [...projects, ...files],
    });
  }
  const skeema = ctx.files.match('**/.skeema').filter(ownSchema).slice(0, 50);
  if (skeema.length > 0) {
    const dirs = skeema.map(dirOf);
    const files = sql.filter((p) => dirs.some((d) => d === '' || p.startsWith(`${d}/`)));
    out.push({ tool: 'Skeema (state-based)', at: skeema[0]!, files });
  }
  const atlas = ctx.matches('atlasSchema').filter((m) => ownSchema(m.path));
  if (atlas.length > 0)
    out.push({ tool: 'Atlas schema (state-based)', at: atlas[0]!.path, files: [...new Set(atlas.map((m) => m.path))] });
  return out;
}

/** `001_init.sql`, `V3__add.sql`, `20240101120000_users.sql`, `0002-orders.sql`: a numbered SQL step. */
const NUMBERED_SQL = /(^|\/)(?:V|U|R)?\d+(?:[._]\d+)*(?:__|[_.-])[^/]*\.sql$/;
// Tool configuration without migration files yet (partial credit).
const TOOL_CONFIGS = [
  '**/alembic.ini',
  '**/flyway.conf',
  '**/flyway.toml',
  '**/liquibase.properties',
  '**/prisma/schema.prisma',
  '**/knexfile.{js,ts,mjs,cjs}',
  '**/.sequelizerc',
  '**/drizzle.config.{ts,js}',
  '**/diesel.toml',
  '**/atlas.hcl',
  '**/dbconfig.yml',
  '**/phinx.{php,yml,yaml,json}',
];

/** Embedded databases: a file or folder the program opens itself, no server. */
const EMBEDDED = /sqlite|\bbolt\b|bbolt|badger|leveldb|pebble|rocksdb|duckdb|nedb|lowdb|sled|redb/i;

/** Redis clients: a key-value store without a schema (names as the package managers spell them). */
const REDIS_CLIENTS = [
  'github.com/gomodule/redigo',
  'github.com/garyburd/redigo',
  'github.com/redis/go-redis*',
  'github.com/go-redis/redis*',
  'github.com/redis/rueidis',
  'github.com/mna/redisc',
  'redis',
  'ioredis',
  'redis-py',
  'aioredis',
  'StackExchange.Redis',
  'redis-rb',
  'predis/predis',
];

/** Web frameworks whose package brings a database layer the application may never use. */
const DB_FRAMEWORKS = new Set(['laravel/framework', 'rails']);
/** Settings that point the application at a database (.env.example, .env.dist, .env.sample…). */
const DB_SETTING =
  /^[ \t]*(?:export[ \t]+)?(?:DB_(?:CONNECTION|HOST|DATABASE|URL)|DATABASE_URL|(?:SESSION_DRIVER|CACHE_DRIVER|CACHE_STORE|QUEUE_CONNECTION)[ \t]*=[ \t]*["']?database\b)/m;

/**
 * The folders Doctrine Migrations reads (`doctrine_migrations.migrations_paths` in a Symfony
 * config/packages/doctrine_migrations.yaml: namespace → folder, `%kernel.project_dir%` the folder
 * holding config/), with the PHP classes in each that extend AbstractMigration.
 */
function doctrineMigrations(files: FileView): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const cfg of files.match([
    '**/config/packages/doctrine_migrations.{yaml,yml}',
    '**/config/packages/*/doctrine_migrations.{yaml,yml}',
  ])) {
    const parsed = files.readYaml<Record<string, unknown>>(cfg);
    const doc = parsed.ok ? parsed.value : undefined;
    const conf = doc && typeof doc === 'object' ? (doc as Record<string, unknown>).doctrine_migrations : undefined;
    const paths = conf && typeof conf === 'object' ? (conf as Record<string, unknown>).migrations_paths : undefined;
    if (!paths || typeof paths !== 'object' || Array.isArray(paths)) continue;
    const base = cfg.startsWith('config/') ? '' : cfg.slice(0, cfg.lastIndexOf('/config/'));
    for (const v of Object.values(paths as Record<string, unknown>).slice(0, 20)) {
      if (typeof v !== 'string') continue;
      const rel = v
        .replace(/^%kernel\.project_dir%\/?/, base ? `${base}/` : '')
        .replace(/^\.\//, '')
        .replace(/\/+$/, '');
      // Only a folder inside the repository, written plainly (no other parameter, no `..`).
      if (!rel || /%|\.\.|^\/|[*?{}[\]]/.test(rel)) continue;
      const list = files
        .match(`${rel}/*.php`)
        .filter((p) => /\bextends\s+AbstractMigration\b/.test(files.read(p) ?? ''));
      if (list.length > 0) out.set(rel, list);
    }
  }
  return out;
}

/**
 * A database client declared in a production manifest whose import the scan did not see, beside
 * committed migration files of a known layout: the schema is owned here. In a workspace the client
 * is often declared by the app and imported through a database package that re-exports a
 * generated client (Prisma's `generator { output = "../generated/prisma" }`, imported by a
 * relative path), while the migrations sit in that package (blind round 45: `@prisma/client` in
 * apps/web/package.json, 146 Prisma migrations under packages/database/prisma/migrations, was "no
 * database client"). Layouts read by content are left out: their files are not migrations by name.
 */
function declaredWithMigrations(ctx: RuleContext): { clients: Dependency[]; migrations: string[] } | undefined {
  const clients = ctx.facts.findDependencies(ctx.catalogue('database-clients'), { includeUnused: true });
  if (clients.length === 0) return undefined;
  const globs = LAYOUTS.filter((l) => !l.content).flatMap((l) => l.globs);
  const migrations = ctx.files.match(globs).filter((p) => isProductionPath(p) && ownSchema(p));
  return migrations.length > 0 ? { clients, migrations } : undefined;
}

/**
 * The reason the rule does not apply when the only database clients are web frameworks that bundle
 * a database layer (laravel/framework, rails) and nothing of the application uses it: no migrations
 * or schema folder, no database.yml, no database setting in the sample environment, no model, DB
 * facade or schema call in production code (blind round 23, data-importer: a Laravel app with file
 * cache and sessions and a sync queue). Null when the rule applies.
 */
function frameworkWithoutDatabase(ctx: RuleContext): string | null {
  const clients = ctx.facts.findDependencies(ctx.catalogue('database-clients'));
  if (clients.length === 0 || !clients.every((d) => DB_FRAMEWORKS.has(d.name))) return null;
  if (
    ctx.files.match([
      '**/database/migrations/*.php',
      '**/db/migrate/*.rb',
      '**/db/schema.rb',
      '**/db/structure.sql',
      '**/config/database.yml',
    ]).length > 0
  )
    return null;
  const envFiles = ctx.files
    .match(['.env.example', '.env.dist', '.env.sample', '.env.template', '**/.env.example'])
    .slice(0, 5);
  if (envFiles.some((p) => DB_SETTING.test(ctx.files.read(p) ?? ''))) return null;
  // The skeleton's stock `class User extends Authenticatable` ships with every new Laravel app, with
  // the users migration; where the migrations are gone and nothing is configured, it is a leftover.
  if (
    ctx
      .matches('frameworkDbUse')
      .some((m) => isProductionPath(m.path) && !/\bclass[ \t]+User[ \t]+extends[ \t]+Authenticatable\b/.test(m.snippet))
  )
    return null;
  const d = clients[0]!;
  return `${listing([...new Set(clients.map((c) => c.name))].sort())} (${d.path}${d.line ? `:${d.line}` : ''}) bundles a database layer, but the application uses none: no migrations or schema, no database setting${envFiles.length ? ` in ${envFiles[0]}` : ''}, and no model, DB facade or schema call in production code`;
}

/** JPA/Hibernate as a library: the ORM layer, no relational driver. */
const JPA_LAYER =
  /^(?:org\.springframework\.boot:spring-boot-starter-data-jpa|org\.springframework\.data:spring-data-jpa|org\.hibernate(?:\.orm)?:hibernate-core|jakarta\.persistence:[\w.-]+|javax\.persistence:[\w.-]+)$/;

/** The display name of a document store from its dependency. */
function documentStoreName(name: string): string {
  return /mongo|goose|motor|beanie|odmantic|djongo/i.test(name)
    ? 'MongoDB'
    : /dynamo/i.test(name)
      ? 'DynamoDB'
      : /couchbase/i.test(name)
        ? 'Couchbase'
        : /cosmos/i.test(name)
          ? 'Azure Cosmos DB'
          : 'CouchDB';
}

/**
 * The only "relational" dependencies are the JPA/Hibernate layer (`spring-boot-starter-data-jpa`,
 * `hibernate-core`) while the store is a document database (Cosmos DB, MongoDB) whose classes are
 * `@Container`/`@Document`s, and no class is a JPA `@Entity`: the ORM maps no table, so there is no
 * schema to migrate (blind round 24, a Spring service on Cosmos DB that borrows `javax.persistence.Id`).
 */
function jpaOverDocumentStore(ctx: RuleContext): string | null {
  const clients = ctx.facts.findDependencies(ctx.catalogue('database-clients'));
  if (!clients.length || !clients.every((d) => JPA_LAYER.test(d.name))) return null;
  const doc = ctx.facts.findDependencies(ctx.catalogue('document-databases'))[0];
  if (!doc) return null;
  if (ctx.matches('jpaEntity').some((m) => isProductionPath(m.path))) return null;
  const documents = ctx.matches('documentClass').filter((m) => isProductionPath(m.path));
  if (!documents.length) return null;
  const d = documents[0]!;
  const orm = listing([...new Set(clients.map((c) => c.name))].sort());
  return `a document database (${documentStoreName(doc.name)} via ${doc.name}, ${doc.path}${doc.line ? `:${doc.line}` : ''}) is the store: ${documents.length} document class${documents.length === 1 ? '' : 'es'} such as ${d.path}:${d.line} (${d.snippet.trim()}), and ${orm} map${clients.length === 1 ? 's' : ''} no JPA @Entity, so there is no relational schema to migrate`;
}

/**
 * Prisma Migrate's migration files: `migrations/<step>/migration.sql` in the folder of each Prisma schema
 * (any .prisma file, or the schema file or folder package.json's `prisma.schema` names), or in a
 * folder per provider named for it (`postgresql-migrations/`).
 */
function prismaMigrations(files: FileView): string[] {
  const dirs = new Set(
    files
      .match('**/*.prisma')
      .filter((p) => !/(?:^|\/)node_modules\//.test(p))
      .map(dirOf),
  );
  for (const pkg of files.named('package.json')) {
    if (/(?:^|\/)node_modules\//.test(pkg)) continue;
    const text = files.read(pkg) ?? '';
    if (!text.includes('"prisma"')) continue;
    // The listing's own parse (files.readJson: JSON with comments, cached), not a second JSON.parse.
    const json = files.readJson<{ prisma?: { schema?: unknown } }>(pkg);
    const schema = json.ok ? json.value?.prisma?.schema : undefined;
    if (typeof schema !== 'string') continue;
    const joined = [dirOf(pkg), ...schema.replace(/^\.\//, '').split('/')].filter(Boolean).join('/');
    dirs.add(/\.prisma$/.test(joined) ? dirOf(joined) : joined);
  }
  // One history per provider beside the schemas (`prisma/postgresql-migrations/<timestamp>_init/migration.sql`,
  // `prisma/mysql-migrations/…`, applied by `prisma migrate deploy --schema …`; blind round 40).
  return [...dirs]
    .sort()
    .flatMap((d) =>
      files.match([
        `${d ? `${d}/` : ''}migrations/*/migration.sql`,
        `${d ? `${d}/` : ''}*[-_]migrations/*/migration.sql`,
      ]),
    );
}

export default defineRule({
  meta: {
    id: 'database-migrations',
    title: 'Database schema changes are versioned',
    failureTitle: 'No versioned database migrations',
    description:
      'Schema changes applied by hand drift between environments and cannot be reviewed or rolled back. Versioned migrations make every change reviewable, repeatable and part of the deployment.',
    remediation:
      'Adopt the migration tool of your stack (Alembic, Django migrations, Flyway or Liquibase, Prisma Migrate, Knex/TypeORM migrations, golang-migrate/goose, EF Core migrations, Rails/Laravel migrations, Diesel/sqlx) and commit every schema change as a migration that runs on deploy.',
    severity: 'high',
    effort: 'medium',
    patterns: {
      // Migration tools that mark their files: goose, dbmate, sql-migrate, Liquibase formatted SQL.
      marker: {
        regex:
          /^[ \t]*--\s*(?:\+goose\s+Up|migrate:up|\+migrate\s+Up|liquibase\s+formatted\s+sql)\b|\bgoose\.Add(?:Named)?Migration(?:Context)?\(/im,
        files: ['**/*.sql', '**/*.go'],
        literals: ['goose', 'migrate:up', '+migrate', 'liquibase', 'Migration'],
        ignoreCase: true,
        maxPerFile: 1,
      },
      // A tool that reads other people's databases asks the catalogue what is there: information_schema,
      // pg_catalog, sqlite_master, PRAGMA table_info, SHOW TABLES/COLUMNS/CREATE TABLE, sys.tables.
      catalogRead: {
        regex:
          /\binformation_schema\.|\bpg_catalog\.|\bsqlite_(?:master|schema)\b|\bPRAGMA\s+(?:table_info|index_list|foreign_key_list)\b|\bSHOW\s+(?:FULL\s+)?(?:TABLES|COLUMNS|CREATE\s+TABLE|INDEX)\b|\bsys\.(?:tables|columns|objects|schemas)\b/i,
        files: ['**/*.{go,rs,py,rb,ts,js,java,kt,cs,php}'],
        literals: ['information_schema', 'pg_catalog', 'sqlite_', 'PRAGMA', 'SHOW', 'sys.'],
        ignoreCase: true,
        maxPerFile: 1,
      },
      // Code that shapes a schema of its own: CREATE/ALTER TABLE (not `SHOW CREATE TABLE`), an ORM's
      // AutoMigrate, create_all.
      schemaWrite: {
        regex: /(?<!SHOW\s)\b(?:CREATE|ALTER)\s+TABLE\b|\bAutoMigrate\(|\bcreate_all\(/i,
        files: ['**/*.{go,rs,py,rb,ts,js,java,kt,cs,php}'],
        literals: ['TABLE', 'AutoMigrate', 'create_all'],
        ignoreCase: true,
        maxPerFile: 1,
      },
      // Migrations kept in code under any file name: a table of numbered steps (`migrations =
      // map[int]func…{1: migrateFrom1}`) beside a stored schema version (`schemaVersion` table,
      // `PRAGMA user_version`). Both in one file are the mechanism; either alone is not.
      codeSteps: {
        // A slice of anonymous structs (`migrations := []struct {\n Version uint; Func func() error }{…}`) too,
        // and a Rust array of SQL statements run in order (`static MIGRATIONS: &[&str] = &[ "CREATE TABLE …", … ]`).
        regex:
          /\b(?:migrations?|MIGRATIONS?)\s*(?::?=|=)\s*(?:map\[int\]|\[\]\w*[ \t]*\{|\{|\[)|\b(?:migrations?|MIGRATIONS?)\s*:\s*&(?:'static\s+)?\[&(?:'static\s+)?str\]\s*=\s*&\[|\bmigrat\w*(?:[Ff]rom|[Tt]o|_?[Vv])_?\d+\b|^[ \t]*(?:if|elif|else if)[ \t]*(?:\([ \t]*)?(?:self\.|this\.)?(?:prev|old|from|current|db|schema|stored)_?[Vv]ersion[ \t]*<=?[ \t]*\d+\b/m,
        files: ['**/*.{go,rs,py,rb,ts,js,java,kt,cs}'],
        // A migrate function stepping through the versions (`if prev_version < 7:`) (blind round 50).
        literals: ['igration', 'igrate', 'IGRATION', 'ersion'],
        maxPerFile: 2,
      },
      versionStore: {
        // A version table of the project's own (`type MigrationVersion struct`, `migration_version`,
        // `database_versions (… migration_counter INTEGER)`).
        regex:
          /\bschema_?[Vv]ersion\b|\b(?:[A-Z0-9]+_)*SCHEMA_VERSION\b|\bSchemaVersion\b|\bPRAGMA\s+user_version\b|\bschema_migrations\b|\b[Mm]igrations?_?[Vv]ersions?\b|\bdatabase_versions?\b|\bDatabaseVersions?\b|\bmigration_counter\b/,
        files: ['**/*.{go,rs,py,rb,ts,js,java,kt,cs}'],
        literals: [
          'chema',
          'CHEMA_VERSION',
          'user_version',
          'igrationVersion',
          'igrationsVersion',
          'igration_version',
          'igrations_version',
          'database_version',
          'DatabaseVersion',
          'migration_counter',
        ],
        maxPerFile: 1,
      },
      // The ORM builds the schema from the entities at startup (TypeORM `synchronize: true`,
      // Sequelize `sequelize.sync()`): the ORM dependency is then no migration tool at work.
      schemaSync: {
        regex: /\bsynchronize\s*:\s*true\b|\b(?:sequelize|db)\.sync\s*\(|\.sync\s*\(\s*\{\s*(?:alter|force)\s*:\s*true/,
        files: ['**/*.{js,ts,mjs,cjs}'],
        literals: ['synchronize', '.sync('],
        maxPerFile: 1,
      },
      // Go ORMs that migrate the schema from the models at start-up: gorm `db.AutoMigrate(&User{})`,
      // Ent `client.Schema.Create(ctx)`. Additive and unversioned, but a migration mechanism at work.
      autoMigrate: {
        regex: /\.AutoMigrate\(|\.Schema\.Create\(/,
        files: ['**/*.go'],
        literals: ['AutoMigrate', 'Schema.Create'],
        maxPerFile: 1,
      },
      // Where a web framework that bundles a database layer (laravel/framework, rails) is the only
      // database client, the application's own code shows whether it uses one: Eloquent models, the
      // DB facade, schema calls; Active Record models (frameworkDbUse).
      // A JPA entity in JVM code: the ORM maps a relational table. `@Container` (Spring Data Cosmos) and
      // `@Document` (Spring Data MongoDB) are documents of a schemaless store.
      jpaEntity: {
        regex: /^[ \t]*@(?:jakarta\.persistence\.|javax\.persistence\.)?Entity\b(?![.\w])/m,
        files: ['**/*.{java,kt}'],
        literals: ['@'],
        maxPerFile: 1,
      },
      documentClass: {
        regex: /^[ \t]*@(?:Container|Document)[ \t]*\(/m,
        files: ['**/*.{java,kt}'],
        literals: ['@Container', '@Document'],
        maxPerFile: 1,
      },
      frameworkDbUse: {
        regex:
          /\bextends[ \t]+(?:\\?Illuminate\\Database\\Eloquent\\)?(?:Model|Authenticatable|Pivot)\b|\bDB::(?:table|select|insert|update|delete|statement|connection|transaction|raw)\s*\(|\bSchema::(?:create|table|drop|dropIfExists|hasTable|hasColumn)\s*\(|<[ \t]*(?:ApplicationRecord|ActiveRecord::Base)\b|\bActiveRecord::(?:Schema|Migration)\b/,
        files: ['**/*.php', '**/*.rb'],
        literals: ['extends', 'DB::', 'Schema::', 'ApplicationRecord', 'ActiveRecord::'],
        maxPerFile: 1,
      },
      // An Alembic revision under any folder (Flask-Migrate's `migrations/`, Flask-Alembic's
      // `<pkg>/migrations/`, a plugin's own): `revision = "8ad96e49dc6"` beside `down_revision = …`.
      alembicRevision: {
        regex: /^(down_)?revision[ \t]*(?::[^=\n]{0,60})?=/m,
        files: ['**/*.py'],
        literals: ['revision'],
        maxPerFile: 2,
      },
      // A Liquibase change log wherever the project keeps it (`src/main/resources/database/changelog-master.yml`,
      // `changes/release-12/changelog.yml`): its root element or key is `databaseChangeLog`.
      liquibaseRoot: {
        regex: /^[ \t]*(?:<(?:\w+:)?databaseChangeLog\b|["']?databaseChangeLog["']?[ \t]*:)/m,
        files: ['**/*.{xml,yml,yaml,json}'],
        literals: ['databaseChangeLog'],
        maxPerFile: 1,
      },
      // The framework setting that names the change log or the Flyway folders: Spring Boot
      // `spring.liquibase.change-log` / `spring.flyway.locations`, Quarkus `quarkus.liquibase.change-log`,
      // Micronaut `liquibase.datasources.default.change-log`, in properties or nested YAML.
      migrationSetting: {
        regex: /(?:^|[.\s])(change-?log|changeLog|locations)["']?[ \t]*[:=][ \t]*["']?([^\s"'#,\]]+)/m,
        files: ['**/application*.{yml,yaml,properties}', '**/bootstrap*.{yml,yaml,properties}'],
        literals: ['change-log', 'changelog', 'locations'],
        ignoreCase: true,
        maxPerFile: 4,
      },
      // A schema dump (schema.sql applied at startup) is schema as code, but its changes are not versioned.
      // An Atlas HCL schema (the desired state `atlas schema apply` diffs against): a table block's
      // `schema = schema.public`.
      atlasSchema: {
        regex: /^[ \t]*schema[ \t]*=[ \t]*schema\.\w/m,
        files: ['**/*.hcl'],
        literals: ['schema.'],
        maxPerFile: 1,
      },
      schemaSql: {
        regex: /^[ \t]*create\s+table\b/im,
        files: ['**/*.sql'],
        literals: ['create table'],
        ignoreCase: true,
        maxPerFile: 1,
      },
    },
    detection:
      "Applies when a relational database client or ORM is a production dependency (catalogue `database-clients`) and the project is not a library (or is declared by a production manifest of the workspace, its import not seen — a database package re-exporting the client Prisma generates into its own folder — beside committed migration files of a known layout); a document database alone (catalogue `document-databases`: MongoDB, DynamoDB, CouchDB, Cosmos DB) is not applicable, said as such; so is a JPA/Hibernate dependency with no relational driver and no JPA `@Entity` beside a document store whose classes are `@Container`/`@Document`s. Passes on migration files: alembic/versions, Django migrations/0001_*.py, Flyway V1__*.sql (or any SQL in the folder spring.flyway.locations names), Liquibase changelogs (by their databaseChangeLog root wherever they sit, or the file spring/quarkus liquibase change-log names, with the SQL beside them) (or migrations/ beside any schema.prisma, or the schema package.json names), db/migrate, Sequel/ROM migrations (`Sequel.migration do` files in a migrations/ or migrate/ folder), database/migrations, Doctrine migrations (also in the folders `migrations_paths` names in config/packages/doctrine_migrations.yaml, one per database driver), EF Core Migrations, *.up.sql, migrations/ folders, SeaORM migration modules (`m20240101_000001_*.rs` implementing MigrationTrait), migrations kept in code (numbered steps, or an ordered array of SQL statements such as Rust `static MIGRATIONS: &[&str] = &[…]`, or a migrate function stepping through versions such as `if prev_version < 7:`, beside a stored schema version: a schema_version/database_versions table, a SCHEMA_VERSION constant, PRAGMA user_version). Partial: a migration tool is configured or declared (catalogue `migration-tools`) but no migration is committed; less for a plain schema script (CREATE TABLE in *.sql). A web framework that bundles a database layer (laravel/framework, rails) as the only client applies only where the application uses a database: migrations or a schema, config/database.yml, a DB_*/DATABASE_URL (or `database` session/cache/queue driver) setting in .env.example, or a model (beside the stock User model of the skeleton), DB facade or schema call in production code. An ORM that synchronises the schema from its entities (TypeORM `synchronize: true`, Sequelize `sync()`) with no migration config is no migration tool at work. A Go ORM that migrates the schema from the models at start-up (gorm `AutoMigrate(`, Ent `client.Schema.Create(`) in production code, with no versioned migrations, is partial (0.3). Not applicable for an Airflow deployment whose code creates or alters no table and commits no migrations: the database it uses is Airflow's metadata database, which Airflow migrates itself.",
  },
  appliesTo(ctx) {
    if (ctx.facts.profile.id === 'library' || ctx.facts.profile.id === 'docs')
      return { reason: `profile is ${ctx.facts.profile.id}: it does not own a database schema` };
    if (
      ctx.facts.findDependencies(ctx.catalogue('database-clients')).length === 0 &&
      !declaredWithMigrations(ctx) &&
      !declaredDatabase(ctx.files)
    ) {
      // A document store (MongoDB, DynamoDB, CouchDB) has no schema to migrate: said, with where it is used.
      const doc = ctx.facts.findDependencies(ctx.catalogue('document-databases'))[0];
      if (doc) {
        const store = documentStoreName(doc.name);
        const at = doc.usedAt ? `, imported at ${doc.usedAt.path}:${doc.usedAt.line}` : ` (${doc.path})`;
        return {
          reason: `a document database (${store} via ${doc.name}${at}): no schema migrations expected, and no relational database client or ORM is a dependency that production code uses`,
        };
      }
      // A Redis client (redigo, go-redis, ioredis, redis-py…) talks to a key-value store: no schema to
      // migrate, and "no database client" would be false (blind round 19, redis_exporter).
      const kv = ctx.facts.findDependencies(REDIS_CLIENTS)[0];
      if (kv) {
        const at = kv.usedAt ? `, imported at ${kv.usedAt.path}:${kv.usedAt.line}` : `, declared in ${kv.path}`;
        return {
          reason: `a Redis client (${kv.name}${at}): Redis is a key-value store and holds no schema to migrate, and no relational database client or ORM is a dependency that production code uses`,
        };
      }
      return { reason: 'no database client or ORM is a dependency that production code uses' };
    }
    const none = frameworkWithoutDatabase(ctx);
    if (none) return { reason: none };
    // A workflow platform the repository deploys with its flows (an Airflow image and its DAGs)
    // migrates its own metadata database; flows that create or alter no table own no schema, the
    // databases they connect to are other systems' (facts/workflow-platforms.ts).
    const platform = workflowPlatforms(ctx.files, ctx.facts.dependencies).find((p) => p.spec.metadataDatabase);
    if (
      platform &&
      !ctx.matches('schemaWrite').some((m) => isProductionPath(m.path) && !isExampleFolder(m.path)) &&
      !declaredWithMigrations(ctx)
    )
      return {
        reason: `${platform.spec.metadataDatabase} (${platform.evidence.path}${platform.evidence.line ? `:${platform.evidence.line}` : ''}); the project's code creates or alters no table of its own, so it owns no schema to migrate`,
      };
    const orm = jpaOverDocumentStore(ctx);
    if (orm) return { reason: orm };
    // A command-line tool's embedded database (SQLite, bbolt, Badger…) is a file the program creates on
    // the user's machine (a cache, an index): no shared schema that deployments migrate.
    if (ctx.facts.profile.id === 'cli') {
      const clients = ctx.facts.findDependencies(ctx.catalogue('database-clients'));
      if (clients.every((d) => EMBEDDED.test(d.name))) {
        const d = clients[0]!;
        return {
          reason: `profile is cli: its database is embedded (${listing([...new Set(clients.map((c) => c.name))].sort().slice(0, 3))}, ${d.path}${d.line ? `:${d.line}` : ''}), a local file the program creates for itself, not a shared schema that deployments migrate`,
        };
      }
      // A tool whose database is its input (a schema documenter, a linter or differ of databases): its
      // production code reads the catalogues of the databases it is pointed at and creates or alters
      // no table of its own. It owns no schema to migrate (blind round 40: a schema-documenting CLI
      // with MySQL/Postgres drivers was failed for having no migrations).
      const prod = (k: string) => ctx.matches(k).filter((m) => isProductionPath(m.path) && !isExampleFolder(m.path));
      const reads = prod('catalogRead');
      if (reads.length > 0 && prod('schemaWrite').length === 0) {
        const r = reads[0]!;
        return {
          reason: `profile is cli: the databases it connects to are its input — its code reads their catalogues (${r.path}:${r.line}${reads.length > 1 ? ` and ${reads.length - 1} more file(s)` : ''}) and creates or alters no table of its own, so it owns no schema to migrate (database clients: ${listing([...new Set(clients.map((c) => c.name))].sort().slice(0, 3))})`,
        };
      }
    }
    return true;
  },
  check(ctx) {
    const used = ctx.facts.findDependencies(ctx.catalogue('database-clients'));
    const clients = used.length > 0 ? used : (declaredWithMigrations(ctx)?.clients ?? []);
    const clientNote = `database client: ${listing([...new Set(clients.map((d) => d.name))].sort().slice(0, 4))}`;
    const evidence: Evidence[] = [];
    const tools: string[] = [];
    const counted = new Set<string>();
    const django =
      ctx.facts.frameworks.some((f) => f.id === 'django') ||
      ctx.facts.dependencies.some((d) => /^django$/i.test(d.name));
    for (const l of LAYOUTS) {
      // Rails initializers configure migration tools (config/initializers/strong_migrations.rb).
      const found = ctx.files
        .match(l.globs)
        // An example app's migrations (examples/supabase/…) are the example's schema, not the product's.
        .filter(
          (p) => !isTestPath(p) && !isExampleFolder(p) && !counted.has(p) && !/(^|\/)config\/initializers\//.test(p),
        )
        // The runner beside the migrations (`migration/migration.service.ts`, `.module.ts`,
        // `.command.ts`, `index.ts`) defines up/down for them; it is no migration (blind round 29).
        .filter((p) => !l.content || !MIGRATION_MACHINERY.test(p))
        // A package marker in a migrations folder (`versions/__init__.py`) is no revision (blind round 39).
        .filter((p) => !p.endsWith('/__init__.py'))
        .filter((p) => !l.content || l.content.test(ctx.files.read(p) ?? ''))
        // A numbered Python file in an Alembic/Flask-Migrate tree (`migrations/0001_warning.py` beside
        // migrations/versions/ or env.py) belongs to that tree, and outside a Django project no file
        // is a Django migration (blind round 30: "Django migrations" in a Flask app).
        .filter((p) => l.tool !== 'Django migrations' || (django && !alembicTree(ctx.files, p)));
      if (!found.length) continue;
      // Newest last by natural order of the file name, numbers as numbers: `v15.go` after `v9.go`,
      // `common/V10__x.sql` after `dev/V4.1__y.sql` (blind round 34); the path breaks ties.
      const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
      found.sort((a, b) => naturalOrder(base(a), base(b)) || naturalOrder(a, b));
      found.forEach((p) => counted.add(p));
      if (l.tool === 'Sqitch') {
        sqitchChanges(ctx.files, found, counted, tools, evidence);
        continue;
      }
      const tool =
        l.tool === 'Alembic' && ctx.facts.dependencies.some((d) => /^flask[-_]migrate$/i.test(d.name))
          ? 'Alembic (Flask-Migrate)'
          : l.tool;
      tools.push(tool);
      evidence.push({
        path: found[0]!,
        note: `${tool}: ${found.length} file(s)${found.length > 1 ? `, latest ${found[found.length - 1]}` : ''}`,
      });
    }
    // Doctrine's `migrations_paths` (namespace → folder) may name one folder per database driver
    // (`migrations/Postgresql`, `migrations/Mysql`): each class there is a migration (blind round 45).
    for (const [dir, list] of doctrineMigrations(ctx.files)) {
      const fresh = list.filter((p) => !counted.has(p) && !isTestPath(p) && !isExampleFolder(p));
      if (fresh.length === 0) continue;
      fresh.sort((a, b) => naturalOrder(a, b));
      fresh.forEach((p) => counted.add(p));
      if (!tools.includes('Doctrine migrations')) tools.push('Doctrine migrations');
      evidence.push({
        path: fresh[0]!,
        note: `Doctrine migrations (migrations_paths ${dir}/): ${fresh.length} file(s)${fresh.length > 1 ? `, latest ${fresh[fresh.length - 1]}` : ''}`,
      });
    }
    // Prisma Migrate writes its history beside the schema: `migrations/<timestamp>_<name>/migration.sql`
    // next to a root-level or nested schema.prisma, or next to the schema package.json names
    // (`"prisma": { "schema": "db/schema.prisma" }`) — blind round 25, podkrepi-api migrations/ beside
    // its root schema.prisma.
    const prisma = prismaMigrations(ctx.files).filter((p) => !counted.has(p) && !isTestPath(p) && !isExampleFolder(p));
    if (prisma.length > 0) {
      prisma.forEach((p) => counted.add(p));
      if (!tools.includes('Prisma Migrate')) tools.push('Prisma Migrate');
      evidence.push({
        path: prisma[0]!,
        note: `Prisma Migrate (beside the schema in ${dirOf(dirOf(dirOf(prisma[0]!))) || '.'}/): ${prisma.length} file(s)${prisma.length > 1 ? `, latest ${prisma[prisma.length - 1]}` : ''}`,
      });
    }
    // Any folder of at least two numbered SQL files is a migration history, whatever the tool.
    const numbered = new Map<string, string[]>();
    for (const p of ctx.files.match('**/*.sql')) {
      if (counted.has(p) || isTestPath(p) || isExampleFolder(p) || !NUMBERED_SQL.test(p)) continue;
      const dir = dirOf(p);
      const list = numbered.get(dir);
      if (list) list.push(p);
      else numbered.set(dir, [p]);
    }
    for (const [dir, list] of [...numbered].filter(([, l]) => l.length >= 2)) {
      list.forEach((p) => counted.add(p));
      if (!tools.includes('numbered SQL migrations')) tools.push('numbered SQL migrations');
      evidence.push({ path: list[0]!, note: `numbered SQL migrations in ${dir || '.'}/: ${list.length} file(s)` });
    }
    // State-based schema management: the desired schema is versioned and the tool computes and
    // applies the changes — an SSDT database project (*.sqlproj, built to a dacpac, deployed by
    // SqlPackage or a pipeline task), an Atlas HCL schema, Skeema's per-table files under .skeema
    // (blind round 37: an SSDT project read as "unversioned SQL").
    for (const s of stateBased(ctx)) {
      if (s.files.length === 0) continue;
      s.files.forEach((p) => counted.add(p));
      if (!tools.includes(s.tool)) tools.push(s.tool);
      evidence.push({ path: s.at, note: `${s.tool}: ${s.files.length} schema file(s) in ${dirOf(s.at) || '.'}/` });
    }
    const versioned = new Set(ctx.matches('versionStore').map((m) => m.path));
    const inCode = ctx
      .matches('codeSteps')
      .filter((m) => versioned.has(m.path) && !isTestPath(m.path) && !counted.has(m.path));
    const stepFiles = [...new Set(inCode.map((m) => m.path))];
    if (stepFiles.length > 0) {
      stepFiles.forEach((p) => counted.add(p));
      if (!tools.includes('migrations in code')) tools.push('migrations in code');
      const first = inCode[0]!;
      evidence.push({
        path: first.path,
        line: first.line,
        snippet: first.snippet,
        note: `numbered schema steps applied by code against a stored schema version (${stepFiles.length} file(s))`,
      });
    }
    // Alembic revision files recognised by content (`revision =` and `down_revision =` in one
    // file), wherever the project keeps them: the folder layouts above know only `versions/`.
    const revisionLines = new Map<string, { up?: number; down?: boolean; snippet?: string }>();
    for (const m of ctx.matches('alembicRevision')) {
      if (isTestPath(m.path) || counted.has(m.path)) continue;
      const seen = revisionLines.get(m.path) ?? {};
      if (m.groups[0]) seen.down = true;
      else if (seen.up === undefined) Object.assign(seen, { up: m.line, snippet: m.snippet });
      revisionLines.set(m.path, seen);
    }
    const revisions = [...revisionLines]
      .filter(([, s]) => s.down && s.up !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    if (revisions.length > 0) {
      revisions.forEach(([p]) => counted.add(p));
      if (!tools.includes('Alembic')) tools.push('Alembic');
      const [path, first] = revisions[0]!;
      evidence.push({
        path,
        line: first.up!,
        snippet: first.snippet!,
        note: `Alembic revisions (revision and down_revision): ${revisions.length} file(s) in ${listing([...new Set(revisions.map(([p]) => `${dirOf(p) || '.'}/`))].slice(0, 3))}`,
      });
    }
    const markers = ctx.matches('marker').filter((m) => !isTestPath(m.path) && !counted.has(m.path));
    if (markers.length > 0) {
      tools.push('migration files marked for goose/dbmate/sql-migrate/Liquibase');
      for (const m of markers) counted.add(m.path);
      evidence.push({
        path: markers[0]!.path,
        line: markers[0]!.line,
        snippet: markers[0]!.snippet,
        note: 'migration marker',
      });
    }
    // Liquibase change logs and Flyway folders outside the default places, found by content or by the
    // framework setting that names them (blind round 35: changelog-master.yml under
    // src/main/resources/database/, named by spring.liquibase.change-log).
    const changeLogs = new Set(
      ctx
        .matches('liquibaseRoot')
        .map((m) => m.path)
        .filter((p) => !isTestPath(p) && !isExampleFolder(p) && !counted.has(p)),
    );
    const flywayFiles: string[] = [];
    for (const m of ctx.matches('migrationSetting')) {
      if (isTestPath(m.path)) continue;
      const key = (m.groups[0] ?? '').toLowerCase();
      const text = ctx.files.read(m.path) ?? '';
      const isFlyway = key === 'locations';
      if (isFlyway ? !/flyway/i.test(text) : !/liquibase/i.test(text)) continue;
      for (const target of settingTargets(ctx.files, m.groups[1] ?? '')) {
        if (counted.has(target) || isTestPath(target)) continue;
        if (isFlyway) {
          if (target.endsWith('.sql')) flywayFiles.push(target);
        } else if (/\.(?:xml|ya?ml|json|sql)$/.test(target)) changeLogs.add(target);
      }
    }
    if (changeLogs.size > 0) {
      const logs = [...changeLogs].sort(naturalOrder);
      const dirs = new Set(logs.map(dirOf));
      // The SQL files the change logs include sit beside them (`sqlFile: path: …`).
      const sql = ctx.files
        .match('**/*.sql')
        .filter((p) => dirs.has(dirOf(p)) && !counted.has(p) && !isTestPath(p) && !changeLogs.has(p));
      for (const p of [...logs, ...sql]) counted.add(p);
      if (!tools.includes('Liquibase')) tools.push('Liquibase');
      evidence.push({
        path: logs[0]!,
        note: `Liquibase change log(s): ${logs.length} file(s)${sql.length ? ` and ${sql.length} SQL file(s) beside them` : ''}${logs.length > 1 ? `, latest ${logs[logs.length - 1]}` : ''}`,
      });
    }
    if (flywayFiles.length > 0) {
      const files = [...new Set(flywayFiles)].sort(naturalOrder);
      for (const p of files) counted.add(p);
      if (!tools.includes('Flyway')) tools.push('Flyway');
      evidence.push({
        path: files[0]!,
        note: `Flyway (folder named by the locations setting): ${files.length} file(s)${files.length > 1 ? `, latest ${files[files.length - 1]}` : ''}`,
      });
    }
    const data = { tools, migrations: counted.size, clients: [...new Set(clients.map((d) => d.name))].sort() };
    if (tools.length)
      return pass(
        tools.every((t) => t.includes('state-based'))
          ? `The schema is managed state-based (${listing(tools)}; ${counted.size} schema file(s) under version control): the tool computes and applies the changes.`
          : `Schema changes are versioned (${listing(tools)}; ${counted.size} migration file(s)).`,
        evidence,
        data,
      );

    const configs = ctx.files.match(TOOL_CONFIGS).filter((p) => !isTestPath(p));
    // An ORM that also ships migrations (typeorm) is no migration tool at work when the code syncs
    // the schema from its entities and nothing configures migrations (round 8).
    // A `synchronize: true` in a development data source (`const devConfig = { … }`) beside a
    // production one says nothing of production's schema strategy: judged on the production settings.
    const sync = ctx
      .matches('schemaSync')
      .filter((m) => !isTestPath(m.path) && !/^\s*(?:\/\/|\*)/.test(m.snippet) && !devDataSource(ctx.files, m));
    const declared = ctx.facts
      .findDependencies(ctx.catalogue('migration-tools'), { includeDev: true })
      .filter((d) => !(sync.length && configs.length === 0 && SYNC_ORMS.has(d.name)));
    const syncEvidence: Evidence[] = (declared.length || configs.length ? [] : sync).slice(0, 2).map((m) => ({
      path: m.path,
      line: m.line,
      snippet: m.snippet,
      note: 'the ORM synchronises the schema from the entities at startup: no versioned migrations',
    }));
    const setup: Evidence[] = [
      ...configs.slice(0, 3).map((p) => ({ path: p, note: 'migration tool configured' })),
      ...declared.slice(0, 3).map((d) => ({
        path: d.path,
        ...(d.line ? { line: d.line } : {}),
        snippet: d.name,
        note: 'migration tool declared',
      })),
    ];
    const client = clients[0]!;
    const clientEvidence: Evidence = {
      path: client.path,
      ...(client.line ? { line: client.line } : {}),
      snippet: client.name,
      note: clientNote,
    };
    if (setup.length)
      return partial(
        0.4,
        `A migration tool is set up (${listing([...new Set([...configs.slice(0, 2), ...declared.map((d) => d.name)])].slice(0, 3))}) but no migration file is committed.`,
        [...setup, clientEvidence],
        data,
      );
    // The ORM migrates the schema from the models at start-up (gorm AutoMigrate, Ent Schema.Create):
    // the schema is managed, but its changes are neither versioned nor reviewable (blind round 35, keel).
    const auto = ctx
      .matches('autoMigrate')
      .filter((m) => !isTestPath(m.path) && !isExampleFolder(m.path) && !/^\s*\/\//.test(m.snippet));
    if (auto.length) {
      const a = auto[0]!;
      const how = /AutoMigrate/.test(a.snippet) ? 'gorm AutoMigrate' : 'Ent Schema.Create';
      return partial(
        0.3,
        `The schema is auto-migrated at start-up (${how} at ${a.path}:${a.line}), with no versioned migrations: changes are applied from the models, unreviewed, and nothing records or rolls back a schema version.`,
        [
          ...auto.slice(0, 3).map((m) => ({
            path: m.path,
            line: m.line,
            snippet: m.snippet,
            note: 'auto-migration from the models at start-up, no versioned migrations',
          })),
          clientEvidence,
        ],
        { ...data, autoMigrate: auto.length },
      );
    }
    const schema = ctx.matches('schemaSql').filter((m) => !isTestPath(m.path));
    if (schema.length) {
      return partial(
        0.2,
        'The schema is kept as SQL, but its changes are not versioned as migrations.',
        [
          ...schema.slice(0, 3).map((m) => ({
            path: m.path,
            line: m.line,
            snippet: m.snippet,
            note: 'schema script, not a versioned migration',
          })),
          clientEvidence,
        ],
        data,
      );
    }
    return fail(
      `A database client is used but no versioned migrations were found${
        syncEvidence.length
          ? ` (the schema is synchronised from the entities at startup, ${syncEvidence[0]!.path}:${syncEvidence[0]!.line})`
          : ''
      }.`,
      [
        clientEvidence,
        ...syncEvidence,
        {
          path: '.',
          note: 'no migrations (alembic/versions, migrations/, db/migrate, db/migration/V*__*.sql, prisma/migrations, Migrations/*.cs, *.up.sql, changelogs) among the listed files',
        },
      ],
      data,
    );
  },
});

/**
 * The `synchronize: true` sits in an object named for development or tests (`const devConfig:
 * DataSourceOptions = {`, `development: {`) and the same file holds a data source that does not
 * synchronise (`synchronize: false`): the production settings are the other ones.
 */
function devDataSource(files: FileView, m: Match): boolean {
  const lines = files.lines(m.path);
  if (!lines || !/\bsynchronize\s*:\s*false\b/.test(files.read(m.path) ?? '')) return false;
  for (let n = m.line - 1; n >= Math.max(1, m.line - 30); n--) {
    const owner = /^\s*(?:(?:export\s+)?(?:const|let|var)\s+(\w+)|["']?(\w+)["']?\s*:\s*\{)/.exec(lines.line(n));
    if (owner) return /dev|test|local/i.test(owner[1] ?? owner[2] ?? '');
  }
  return false;
}

/** Whether a migrations folder is an Alembic tree (Flask-Migrate's too): versions/ or env.py beside the file. */
function alembicTree(files: FileView, path: string): boolean {
  const dir = path.slice(0, path.lastIndexOf('/'));
  return files.exists(`${dir}/env.py`) || files.exists(`${dir}/alembic.ini`) || files.has([`${dir}/versions/*.py`]);
}

/**
 * Paths in natural order: runs of digits compare as numbers (`v9` before `v15`, `0009_` before
 * `0010_`), everything else by code unit as a plain sort would.
 */
function naturalOrder(a: string, b: string): number {
  const x = a.match(/\d+|\D+/g) ?? [];
  const y = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < x.length && i < y.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) {
      const m = p.replace(/^0+/, '');
      const n = q.replace(/^0+/, '');
      if (m.length !== n.length) return m.length - n.length;
      if (m !== n) return m < n ? -1 : 1;
      continue;
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The files a change-log or locations setting names: `classpath:/database/changelog-master.yml` and
 * `db/changelog.xml` resolve against the resource folders of the module that holds the setting (or any
 * module), `filesystem:sql/migrations` against the repository and the module; a folder gives its files.
 * Comma-separated Flyway locations are read one by one. At most 200 files.
 */
function settingTargets(files: FileView, value: string): string[] {
  const out: string[] = [];
  const all = files.paths;
  for (const raw of value.split(',').slice(0, 8)) {
    const v = raw
      .trim()
      .replace(/^(?:classpath\*?|filesystem):/, '')
      .replace(/^\/+/, '')
      .replace(/\/+$/, '');
    if (!v || v.includes('${') || v.includes('..')) continue;
    const suffix = `/${v}`;
    for (const p of all) {
      if (out.length >= 200) return out;
      if (p === v || p.endsWith(suffix)) out.push(p);
      else if (p.startsWith(`${v}/`) || p.includes(`${suffix}/`)) out.push(p);
    }
  }
  return out;
}

/** A Sqitch plan line that names a change (`name [deps] date planner <email> # note`): no pragma, tag or comment. */
const SQITCH_CHANGE = /^[ \t]*\+?([A-Za-z_][^\s[\]@:#]*)[ \t]/;

/**
 * Sqitch: the plan lists the changes, each deployed by `deploy/<change>.sql` beside the plan — the
 * migrations are the changes, not the plan file (blind round 37, job-board: "Sqitch; 1 migration
 * file(s)" for a plan of 7 changes). Each change counts once per plan line (a reworked change again).
 */
function sqitchChanges(files: FileView, plans: string[], counted: Set<string>, tools: string[], evidence: Evidence[]) {
  let changes = 0;
  let latest = '';
  for (const plan of plans) {
    counted.delete(plan);
    const dir = dirOf(plan);
    const deploy = new Set(files.match([`${dir ? `${dir}/` : ''}deploy/**`]));
    let k = 0;
    for (const line of (files.read(plan) ?? '').split('\n')) {
      const name = SQITCH_CHANGE.exec(line)?.[1];
      if (!name) continue;
      k++;
      const script = `${dir ? `${dir}/` : ''}deploy/${name}.sql`;
      counted.add(deploy.has(script) && !counted.has(script) ? script : `${plan}#${k}`);
      latest = name;
    }
    changes += k;
    if (k === 0) counted.add(plan);
  }
  tools.push('Sqitch');
  evidence.push({
    path: plans[0]!,
    note: `Sqitch: ${changes} change(s) in ${plans.length === 1 ? 'the plan' : `${plans.length} plans`}${changes > 1 ? `, latest ${latest}` : ''}`,
  });
}

/**
 * A relational database the project declares outside its imports (blind round 46): a Prisma schema
 * whose datasource is a relational provider (Prisma 7 generates its client into the project, so no
 * import names @prisma/client), or a D1 (SQLite) binding in a Cloudflare Workers config. Returns
 * where, or undefined.
 */
const PRISMA_RELATIONAL = /^[ \t]*provider[ \t]*=[ \t]*"(postgresql|postgres|mysql|sqlite|sqlserver|cockroachdb)"/m;
function declaredDatabase(files: FileView): string | undefined {
  for (const p of files.match('**/*.prisma').slice(0, 50)) {
    if (!isProductionPath(p) || NOT_THE_PRODUCT.test(p)) continue;
    const text = (files.read(p) ?? '').slice(0, 200_000);
    const ds = text.search(/^[ \t]*datasource[ \t]+\w+[ \t]*\{/m);
    if (ds >= 0 && PRISMA_RELATIONAL.test(text.slice(ds, ds + 2000))) return p;
  }
  const d1 = workerConfigs(files).find((w) => w.bindings.some((b) => b.kind === 'd1_databases'));
  return d1 ? d1.path : undefined;
}
