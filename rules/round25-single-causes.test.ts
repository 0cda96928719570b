import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import databaseMigrations from './architecture/database-migrations.js';
import environments from './operations/environments.js';
import runbooks from './operations/runbooks.js';

/**
 * Blind round 25, single causes: Prisma migrations beside a root schema.prisma were not found; a
 * development environment CI deploys to before production was only "development"; a Troubleshooting
 * heading in an example's README earned runbook credit.
 */
const prismaApp = (extra: Record<string, string>, pkgPrisma?: Record<string, string>) => ({
  'package.json': JSON.stringify({
    name: 'donations-api',
    dependencies: { '@nestjs/core': '^10.0.0', '@prisma/client': '5.1.1' },
    devDependencies: { prisma: '5.1.1' },
    ...(pkgPrisma ? { prisma: pkgPrisma } : {}),
  }),
  'src/main.ts': "import { PrismaClient } from '@prisma/client'\nexport const db = new PrismaClient()\n",
  ...extra,
});
const schema = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n';
const step = (name: string) => `-- ${name}\nCREATE TABLE "${name}" ("id" UUID NOT NULL);\n`;

describe('round 25: Prisma migrations beside the schema', () => {
  it('migrations/ beside a root-level schema.prisma: pass, cited at the first step', async () => {
    const r = await runRuleOn(
      databaseMigrations,
      prismaApp({
        'schema.prisma': schema,
        'migrations/20210912131923_init/migration.sql': step('person'),
        'migrations/20210913074603_campaign/migration.sql': step('campaign'),
        'migrations/migration_lock.toml': 'provider = "postgresql"\n',
      }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'migrations/20210912131923_init/migration.sql',
        note: expect.stringMatching(/^Prisma Migrate \(beside the schema in \.\/\): 2 file\(s\)/),
      }),
    );
  });

  it('migrations/ beside the schema package.json names (prisma.schema): pass', async () => {
    const r = await runRuleOn(
      databaseMigrations,
      prismaApp(
        {
          'db/schema.prisma': schema,
          'db/migrations/20240101000000_init/migration.sql': step('person'),
        },
        { schema: './db/schema.prisma' },
      ),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'db/migrations/20240101000000_init/migration.sql' }),
    );
  });

  it('a migrations/ folder with no Prisma schema beside it is not Prisma Migrate', async () => {
    const r = await runRuleOn(
      databaseMigrations,
      prismaApp({ 'prisma/schema.prisma': schema, 'tools/migrations/20240101_x/migration.sql': step('x') }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
  });
});

const release = (devEnv: string) =>
  [
    'name: release', // 1
    'on:', // 2
    '  push:', // 3
    '    tags: ["v*"]', // 4
    'jobs:', // 5
    '  release-dev:', // 6
    '    runs-on: ubuntu-latest', // 7
    `    environment: ${devEnv}`, // 8
    '    steps:', // 9
    '      - uses: actions/checkout@v4', // 10
    '      - run: kubectl apply -k manifests/overlays/development', // 11
    '  release-prod:', // 12
    '    needs: release-dev', // 13
    '    runs-on: ubuntu-latest', // 14
    '    environment: prod', // 15
    '    steps:', // 16
    '      - uses: actions/checkout@v4', // 17
    '      - run: kubectl apply -k manifests/overlays/production', // 18
  ].join('\n');
const overlays = {
  'manifests/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'manifests/overlays/development/kustomization.yaml': 'resources:\n  - ../../base\n',
  'manifests/overlays/production/kustomization.yaml': 'resources:\n  - ../../base\n',
  'src/main.ts': "import express from 'express'\nexpress().listen(3000)\n",
  'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.0.0' } }),
};

describe('round 25: a development environment CI deploys to before production is pre-production', () => {
  it('GitHub environments dev → prod: pass, citing the dev deploy', async () => {
    const r = await runRuleOn(
      environments,
      { ...overlays, '.github/workflows/release.yml': release('dev') },
      {
        profile: 'service',
      },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(
      /development environment CI deploys to before it \(dev, \.github\/workflows\/release\.yml:8\)/,
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: '.github/workflows/release.yml', line: 8 }));
  });

  it('development overlays with no CI deploy to them stay development (partial)', async () => {
    const r = await runRuleOn(environments, overlays, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/no staging or pre-production environment/);
  });
});

describe('round 25: an example README is not a runbook', () => {
  const readme =
    '# mTLS example\n\nDeploy the example cluster.\n\n## Troubleshooting\n\nCheck the certificates with openssl.\n';
  it('a Troubleshooting heading in docs/examples/…/README.md earns nothing', async () => {
    const r = await runRuleOn(
      runbooks,
      { 'docs/examples/mtls/README.md': readme, 'go.mod': 'module x\n', 'main.go': 'package main\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
  it('the same heading in docs/ is still partial credit', async () => {
    const r = await runRuleOn(
      runbooks,
      { 'docs/mtls.md': readme, 'go.mod': 'module x\n', 'main.go': 'package main\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'docs/mtls.md', line: 5 }));
  });
});
