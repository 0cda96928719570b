/**
 * Detection catalogues: library names per concern, as data. A user extends any of them from the
 * config (`detect: {metrics: ["@acme/metrics"]}`); rules read them through ctx.catalogue(name).
 * Names match dependencies exactly or, with a trailing `*`, by prefix (case-insensitive).
 */
export const CATALOGUES: Record<string, string[]> = {
  'security-headers': [
    'helmet', '@fastify/helmet', 'fastify-helmet', 'koa-helmet', 'hono', 'flask-talisman', 'talisman', 'secure',
    'django', 'github.com/unrolled/secure', 'NWebsec.AspNetCore.Middleware', 'NetEscapades.AspNetCore.SecurityHeaders',
    'secure_headers', 'org.springframework.boot:spring-boot-starter-security', 'bepsvpt/secure-headers',
  ],
};

export function catalogueFor(name: string, detect?: Record<string, string[]>): string[] {
  return [...(CATALOGUES[name] ?? []), ...(detect?.[name] ?? [])];
}

// architecture pillar
Object.assign(CATALOGUES, {
  // Libraries that generate an API description from code (api-contract: partial credit).
  'openapi-generators': [
    '@nestjs/swagger', 'swagger-jsdoc', 'swagger-ui-express', '@fastify/swagger', 'fastify-swagger', 'tsoa', '@hono/zod-openapi', 'hono-openapi', 'express-openapi',
    'drf-spectacular', 'drf-yasg', 'flasgger', 'flask-smorest', 'apispec', 'flask-restx', 'django-ninja', 'spectree',
    'github.com/swaggo/swag', 'github.com/swaggo/gin-swagger', 'github.com/swaggo/http-swagger*', 'github.com/danielgtaylor/huma*',
    'org.springdoc:*', 'io.springfox:*', 'io.swagger.core.v3:*', 'io.smallrye:smallrye-open-api*', 'io.quarkus:quarkus-smallrye-openapi', 'io.micronaut.openapi:*',
    'Swashbuckle.AspNetCore*', 'NSwag.AspNetCore', 'Microsoft.AspNetCore.OpenApi', 'Scalar.AspNetCore',
    'rswag*', 'grape-swagger', 'darkaonline/l5-swagger', 'nelmio/api-doc-bundle', 'zircote/swagger-php', 'api-platform/core',
    'utoipa', 'aide', 'paperclip', 'rocket_okapi',
  ],
  // Relational database clients and ORMs: a dependency means the project owns a schema.
  'database-clients': [
    'pg', 'mysql', 'mysql2', 'sqlite3', 'better-sqlite3', '@prisma/client', 'prisma', 'typeorm', 'sequelize', 'knex', 'drizzle-orm', '@mikro-orm/core', 'objection', 'kysely', 'postgres', 'tedious', 'mssql', 'oracledb',
    'psycopg2', 'psycopg2-binary', 'psycopg', 'asyncpg', 'sqlalchemy', 'django', 'pymysql', 'mysqlclient', 'aiomysql', 'peewee', 'tortoise-orm', 'sqlmodel', 'pony', 'databases', 'flask-sqlalchemy',
    'github.com/lib/pq', 'github.com/jackc/pgx*', 'gorm.io/gorm', 'github.com/go-sql-driver/mysql', 'github.com/jmoiron/sqlx', 'entgo.io/ent', 'github.com/mattn/go-sqlite3', 'github.com/uptrace/bun', 'modernc.org/sqlite', 'github.com/go-pg/pg*',
    'org.springframework.boot:spring-boot-starter-data-jpa', 'org.springframework.boot:spring-boot-starter-jdbc', 'org.springframework.boot:spring-boot-starter-data-jdbc', 'org.springframework.boot:spring-boot-starter-data-r2dbc', 'org.hibernate:hibernate-core', 'org.hibernate.orm:hibernate-core', 'org.postgresql:postgresql', 'mysql:mysql-connector-java', 'com.mysql:mysql-connector-j', 'org.mariadb.jdbc:mariadb-java-client', 'com.microsoft.sqlserver:mssql-jdbc', 'org.jooq:jooq', 'org.mybatis*', 'org.jetbrains.exposed:*', 'io.quarkus:quarkus-hibernate-orm*', 'io.quarkus:quarkus-jdbc-*',
    'Microsoft.EntityFrameworkCore*', 'Npgsql*', 'Dapper', 'MySql.Data', 'MySqlConnector', 'Pomelo.EntityFrameworkCore.MySql', 'Microsoft.Data.SqlClient', 'System.Data.SqlClient', 'linq2db',
    'activerecord', 'rails', 'pg', 'mysql2', 'sqlite3', 'sequel',
    'doctrine/orm', 'doctrine/dbal', 'laravel/framework', 'illuminate/database',
    'diesel', 'sqlx', 'sea-orm', 'tokio-postgres', 'rusqlite',
  ],
  // Tools that version schema changes (database-migrations: configured but no migration files → partial).
  'migration-tools': [
    'alembic', 'flask-migrate', 'yoyo-migrations', 'org.flywaydb:*', 'org.liquibase:*', 'io.quarkus:quarkus-flyway', 'io.quarkus:quarkus-liquibase',
    'github.com/golang-migrate/migrate*', 'github.com/pressly/goose*', 'ariga.io/atlas*', 'github.com/rubenv/sql-migrate',
    'knex', 'node-pg-migrate', 'db-migrate', 'umzug', 'prisma', 'drizzle-kit', 'typeorm', 'sequelize-cli',
    'FluentMigrator*', 'dbup*', 'Microsoft.EntityFrameworkCore.Design', 'Microsoft.EntityFrameworkCore.Tools',
    'doctrine/doctrine-migrations-bundle', 'doctrine/migrations', 'robmorgan/phinx', 'diesel_migrations', 'refinery', 'sea-orm-migration',
  ],
  // Libraries that load configuration from the environment (config-externalized).
  'config-libraries': [
    'pydantic-settings', 'python-dotenv', 'environs', 'django-environ', 'python-decouple', 'dynaconf', 'hydra-core', 'everett',
    'dotenv', 'dotenv-flow', 'envalid', 'convict', '@nestjs/config', 'config', 'env-var', '@t3-oss/env-core', '@t3-oss/env-nextjs', 'znv', 'dotenv-safe', '@dotenvx/dotenvx',
    'github.com/spf13/viper', 'github.com/kelseyhightower/envconfig', 'github.com/caarlos0/env*', 'github.com/joho/godotenv', 'github.com/sethvargo/go-envconfig', 'github.com/knadh/koanf*', 'github.com/ilyakaznacheev/cleanenv',
    'org.springframework.boot:spring-boot-starter', 'org.springframework.boot:spring-boot-autoconfigure', 'org.springframework.cloud:spring-cloud-starter-config', 'io.micronaut:micronaut-runtime', 'io.quarkus:quarkus-core', 'com.typesafe:config', 'io.github.cdimascio:dotenv-java',
    'Microsoft.Extensions.Configuration*', 'Microsoft.Extensions.Options*', 'DotNetEnv',
    'dotenv-rails', 'dotenv', 'figaro', 'config', 'anyway_config',
    'vlucas/phpdotenv', 'symfony/dotenv', 'laravel/framework',
    'dotenvy', 'envy', 'figment', 'config', 'envconfig',
  ],
});
