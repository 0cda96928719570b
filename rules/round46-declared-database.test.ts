/**
 * Blind round 46 (issue 15): database-migrations was "no database client or ORM" for a Prisma 7
 * project (its client is generated into the project, so no import names @prisma/client) with 84
 * migrations, and for a Worker whose D1 binding holds 19 SQL migrations. A relational Prisma
 * datasource and a D1 binding declare a database; a MongoDB Prisma schema does not.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import migrations from './architecture/database-migrations.js';

const prisma = (provider: string) => ({
  'package.json': JSON.stringify({ name: 'app', dependencies: { express: '4' } }),
  'src/index.ts': "import express from 'express';\nexpress().listen(3000);\n",
  'packages/common/prisma/schema.prisma': `generator client {\n  provider = "prisma-client"\n  output   = "../prisma-client"\n}\n\ndatasource db {\n  provider = "${provider}"\n}\n\nmodel repo {\n  id String @id\n}\n`,
  'packages/common/prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE repo (id text primary key);\n',
});

describe('round 46: a database declared outside the imports', () => {
  it('a relational Prisma datasource with committed migrations passes', async () => {
    const r = await runRuleOn(migrations, prisma('postgresql'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
  });

  it('a MongoDB Prisma datasource declares no relational database', async () => {
    const r = await runRuleOn(migrations, prisma('mongodb'), { profile: 'service' });
    expect(r.outcome).toBe('not-applicable');
  });

  it("a Worker's D1 binding with SQL migrations passes; without the binding nothing applies", async () => {
    const tree = (binding: string) => ({
      'package.json': JSON.stringify({ name: 'site', private: true, devDependencies: { wrangler: '4' } }),
      'wrangler.jsonc': `{\n  "name": "site",\n  "main": "src/index.ts"${binding}\n}\n`,
      'src/index.ts': 'export default { fetch() { return new Response("ok"); } };\n',
      'migrations/0001_init.sql': 'CREATE TABLE users (id integer primary key);\n',
    });
    const d1 = await runRuleOn(
      migrations,
      tree(',\n  "d1_databases": [{ "binding": "DB", "database_name": "app", "database_id": "x" }]'),
      { profile: 'service' },
    );
    expect(d1.outcome).toBe('pass');
    const none = await runRuleOn(migrations, tree(''), { profile: 'service' });
    expect(none.outcome).toBe('not-applicable');
  });
});
