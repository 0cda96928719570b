/**
 * Blind round 23, NODE SERVICES AND TEST INVENTORY classes (reviewers X and Y): Jest multi-project
 * configs, …. Each case asserts the verdict and the file:line the rule cites.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { memoryIndex, type Tree } from '../src/testing/memory.js';
import { testInventory } from '../src/facts/tests/inventory.js';
import testsPresent from './quality/tests-present.js';
import testTypes from './quality/test-types.js';
import healthEndpoints from './observability/health-endpoints.js';
import structuredLogging from './observability/structured-logging.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';
import authorization from './security/authorization.js';
import databaseMigrations from './architecture/database-migrations.js';
import resourceLimits from './reliability/resource-limits.js';

const cases = (n: number, name = 'case') =>
  Array.from({ length: n }, (_, i) => `it("${name} ${i}", () => {\n  expect(${i}).toBe(${i});\n});\n`).join('');

/** A Yarn monorepo whose root jest.config.js splits the packages into projects, each with its own roots. */
const JEST_PROJECTS = [
  'const { defaults } = require("ts-jest/presets");',
  '',
  'const SHARED = {',
  '  clearMocks: true,',
  '  transform: { ...defaults.transform },',
  '};',
  '',
  'module.exports = {',
  '  testEnvironment: "node",',
  '  projects: [',
  '    {',
  '      ...SHARED,',
  '      displayName: "core",',
  '      roots: ["<rootDir>/packages/core/src"],',
  '      testPathIgnorePatterns: ["<rootDir>/packages/core/src/browser-tests/"],',
  '    },',
  '    {',
  '      ...SHARED,',
  '      displayName: "core-browser",',
  '      testEnvironment: "jsdom",',
  '      roots: ["<rootDir>/packages/core/src/browser-tests"],',
  '    },',
  '    { ...SHARED, displayName: "server", roots: ["<rootDir>/packages/server/src"] },',
  '    "<rootDir>/packages/widgets",',
  '    "<rootDir>/tools/jest.cli.config.js",',
  '  ],',
  '};',
  '',
].join('\n');

const monorepo: Tree = {
  'package.json': JSON.stringify({
    name: 'mailroom',
    private: true,
    workspaces: ['packages/*'],
    scripts: { test: 'jest' },
    devDependencies: { jest: '^29.7.0', 'ts-jest': '^29.1.0' },
  }),
  'jest.config.js': JEST_PROJECTS,
  'tools/jest.cli.config.js': 'module.exports = { rootDir: "../packages/cli", testMatch: ["**/*.check.ts"] };\n',
  'packages/core/src/queue.ts': 'export const queue: string[] = [];\n',
  'packages/core/src/queue.test.ts': cases(4, 'queue'),
  'packages/core/src/browser-tests/render.test.ts': cases(3, 'render'),
  'packages/server/src/routes.ts': 'export const routes = [];\n',
  'packages/server/src/routes.test.ts': cases(2, 'routes'),
  'packages/widgets/src/button.test.tsx': cases(1, 'button'),
  'packages/cli/src/args.check.ts': cases(2, 'args'),
  // Outside every project's roots: Jest never collects it.
  'packages/scratch/old.test.ts': cases(5, 'old'),
};

describe('round 23: Jest `projects`', () => {
  it('each project (inline object, folder, config file) selects its own files; one outside every project is not collected', () => {
    const inv = testInventory(memoryIndex(monorepo));
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([
      ['packages/cli/src/args.check.ts', 2],
      ['packages/core/src/browser-tests/render.test.ts', 3],
      ['packages/core/src/queue.test.ts', 4],
      ['packages/server/src/routes.test.ts', 2],
      ['packages/widgets/src/button.test.tsx', 1],
    ]);
    expect(inv.notCollected).toEqual([
      { path: 'packages/scratch/old.test.ts', reason: 'no configured JavaScript test runner includes it' },
    ]);
  });

  it('tests-present counts every project and cites the file outside them', async () => {
    const run = await runRuleOn(testsPresent, monorepo);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('12 test cases in 5 test files');
    expect(run.evidence[0]).toMatchObject({ path: 'packages/cli/src/args.check.ts', line: 1 });
    expect(run.evidence.find((e) => e.path === 'packages/scratch/old.test.ts')?.note).toBe(
      'not counted: no configured JavaScript test runner includes it',
    );
  });

  it('a projects entry the config computes (a call) keeps the top-level options beside the projects read', () => {
    const inv = testInventory(
      memoryIndex({
        ...monorepo,
        'jest.config.js': JEST_PROJECTS.replace('"<rootDir>/packages/widgets",', '...listProjects(),'),
      }),
    );
    // The top-level config (Jest's defaults under the root) stands: the scratch file is counted.
    expect(inv.files.map((f) => f.path)).toContain('packages/scratch/old.test.ts');
    expect(inv.notCollected).toEqual([]);
  });
});

/** A Go CLI whose CI builds the binary and points Bats suites at it. */
const goCli: Tree = {
  'go.mod': 'module example.com/tabswitch\n\ngo 1.22\n',
  'cmd/tabswitch/main.go':
    'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tfmt.Println(parse(os.Args[1:]))\n}\n',
  'cmd/tabswitch/parse.go': 'package main\n\nfunc parse(args []string) string {\n\treturn "ok"\n}\n',
  'cmd/tabswitch/parse_test.go':
    'package main\n\nimport "testing"\n\nfunc TestParse(t *testing.T) {\n\tif parse(nil) != "ok" {\n\t\tt.Fatal("parse")\n\t}\n}\n',
  'test/helpers.bash': 'setup() {\n  export HOME="$(mktemp -d)"\n}\n',
  'test/tabswitch.bats': [
    '#!/usr/bin/env bats',
    '',
    'BIN="${BIN:-$BATS_TEST_DIRNAME/../tabswitch}"',
    'load helpers',
    '',
    '@test "--help exits 0" {',
    '  run ${BIN} --help',
    '  [ "$status" -eq 0 ]',
    '}',
    '',
    '@test "unknown flag fails" {',
    '  run ${BIN} --nope',
    '  [ "$status" -eq 1 ]',
    '}',
    '',
  ].join('\n'),
  '.github/workflows/ci.yml': [
    'name: ci',
    'on: [push, pull_request]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-go@v5',
    '      - run: go test ./...',
    '      - run: go build -o dist/tabswitch ./cmd/tabswitch',
    '      - run: sudo npm install -g bats',
    '      - name: integration tests',
    '        run: BIN=./dist/tabswitch bats test/tabswitch.bats',
    '',
  ].join('\n'),
};

describe('round 23: Bats suites CI runs against the built binary', () => {
  it('test-types credits them as integration tests, cited at the first @test with the CI step', async () => {
    const run = await runRuleOn(testTypes, goCli);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('integration tests found');
    expect(run.evidence.find((e) => e.path === 'test/tabswitch.bats')).toMatchObject({
      line: 6,
      snippet: '@test "--help exits 0" {',
      note: 'integration: Bats: 2 tests that run the program and check its output and exit status, run by CI at .github/workflows/ci.yml:13',
    });
    // The inventory counts the Bats cases beside the Go tests (round 30).
    const inv = testInventory(memoryIndex(goCli));
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([
      ['cmd/tabswitch/parse_test.go', 1],
      ['test/tabswitch.bats', 2],
    ]);
  });

  it('a Bats suite of shell functions (`run parse_flags`), or one CI never runs, is not an integration test', async () => {
    const functions = {
      ...goCli,
      'test/tabswitch.bats': (goCli['test/tabswitch.bats'] as string).replace(/run \$\{BIN\}/g, 'run parse_flags'),
    };
    const run = await runRuleOn(testTypes, functions);
    expect(run.outcome).toBe('partial');
    expect(run.evidence.some((e) => e.path.endsWith('.bats'))).toBe(false);
    const notRun = {
      ...goCli,
      '.github/workflows/ci.yml': (goCli['.github/workflows/ci.yml'] as string).replace(
        / {6}- name: integration[\s\S]*$/,
        '',
      ),
    };
    const run2 = await runRuleOn(testTypes, notRun);
    expect(run2.outcome).toBe('partial');
    expect(run2.message).toContain('no integration');
  });
});

/** A Fastify API: a documented health route under a plugin prefix, a preHandler hook, pino with OpenTelemetry. */
const fastifyApi: Tree = {
  'package.json': JSON.stringify({
    name: 'notify-api',
    dependencies: {
      fastify: '^4.28.0',
      'fastify-plugin': '^4.5.0',
      pino: '^9.0.0',
      '@opentelemetry/sdk-node': '^0.52.0',
      '@opentelemetry/instrumentation-pino': '^0.40.0',
    },
  }),
  'src/index.ts': [
    'import Fastify from "fastify";',
    'import router from "./router";',
    'import { logger } from "./logger";',
    '',
    'const app = Fastify({ loggerInstance: logger });',
    'await app.register(router);',
    'await app.listen({ port: 3000, host: "0.0.0.0" });',
    '',
  ].join('\n'),
  'src/logger.ts': 'import pino from "pino";\n\nexport const logger = pino({ level: "info" });\n',
  'src/router.ts': [
    'import { FastifyInstance } from "fastify";',
    'import statusController from "./controllers/statusController";',
    'import membership from "./membership";',
    '',
    'export default async function router(fastify: FastifyInstance) {',
    '  await fastify.register(membership);',
    '  await fastify.register(statusController, { prefix: "/api" });',
    '}',
    '',
  ].join('\n'),
  'src/controllers/statusController.ts': [
    'import { FastifyInstance } from "fastify";',
    '',
    'export default async function statusController(fastify: FastifyInstance) {',
    '  fastify.get(',
    '    "/",',
    '    { schema: { description: "Service health check endpoint." } },',
    '    async () => ({ ok: true }),',
    '  );',
    '}',
    '',
  ].join('\n'),
  'src/membership.ts': [
    'import fp from "fastify-plugin";',
    'import { findMember } from "./members";',
    '',
    'export default fp(async (fastify) => {',
    '  fastify.addHook("preHandler", async (request, reply) => {',
    '    const member = await findMember(request.headers.authorization);',
    '    if (!member) {',
    '      return reply.status(401).send();',
    '    }',
    '    const { workspaceId } = request.params as { workspaceId: string };',
    '    if (workspaceId !== member.workspace.id) {',
    '      request.log.warn({ workspaceId }, "not a member of this workspace");',
    '      return reply.status(403).send();',
    '    }',
    '  });',
    '});',
    '',
  ].join('\n'),
  'src/members.ts':
    'export async function findMember(token?: string) {\n  return token ? { workspace: { id: "w1" } } : undefined;\n}\n',
  'src/telemetry.ts': [
    'import { NodeSDK } from "@opentelemetry/sdk-node";',
    '',
    'const sdk = new NodeSDK({',
    '  instrumentations: [',
    '    {',
    '      "@opentelemetry/instrumentation-pino": { enabled: true },',
    '    },',
    '  ],',
    '});',
    '',
    'export function startTelemetry() {',
    '  sdk.start();',
    '  [',
    '    // flush spans before the process goes',
    '    "SIGTERM",',
    '    "SIGINT",',
    '  ].forEach((signal) =>',
    '    process.on(signal, () => {',
    '      sdk.shutdown().finally(() => process.exit(0));',
    '    }),',
    '  );',
    '}',
    '',
  ].join('\n'),
  'deploy/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: notify-api',
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels: { app: notify-api }',
    '  template:',
    '    metadata:',
    '      labels: { app: notify-api }',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: ghcr.io/acme/notify-api:1.4.0',
    '          livenessProbe:',
    '            httpGet:',
    '              path: /api',
    '              port: 3000',
    '',
  ].join('\n'),
};

describe('round 23: Fastify services', () => {
  it('health-endpoints: a route documented as a health check, under its plugin prefix, is the route the liveness probe calls', async () => {
    const run = await runRuleOn(healthEndpoints, fastifyApi, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/^A health endpoint is registered \(.*\)\. Suggestion: a separate readiness route/);
    expect(run.evidence[0]).toMatchObject({
      path: 'src/controllers/statusController.ts',
      line: 4,
      note: 'health route /api (documented as a health check)',
    });
    expect(run.evidence[1]).toMatchObject({
      path: 'deploy/deployment.yaml',
      note: 'the liveness probe of Deployment notify-api calls /api',
    });
    const undocumented = await runRuleOn(
      healthEndpoints,
      {
        ...fastifyApi,
        'src/controllers/statusController.ts': (fastifyApi['src/controllers/statusController.ts'] as string).replace(
          'Service health check endpoint.',
          'Service version.',
        ),
      },
      { profile: 'service' },
    );
    expect(undocumented.outcome).toBe('fail');
  });

  it('structured-logging: the OpenTelemetry pino instrumentation and request.log carry the correlation ids', async () => {
    const run = await runRuleOn(structuredLogging, fastifyApi, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/telemetry.ts',
        line: 6,
        note: 'request/correlation id: the OpenTelemetry log instrumentation adds the trace and span ids to each log record',
      }),
    );
    const bare = await runRuleOn(
      structuredLogging,
      {
        ...fastifyApi,
        'src/telemetry.ts': (fastifyApi['src/telemetry.ts'] as string).replace(
          '"@opentelemetry/instrumentation-pino": { enabled: true },',
          '',
        ),
        'src/membership.ts': (fastifyApi['src/membership.ts'] as string).replace('request.log.warn', 'console.warn'),
      },
      { profile: 'service' },
    );
    expect(bare.outcome).toBe('pass');
    expect(bare.message).toContain('Suggestion: attach a request/correlation id');
  });

  it('graceful-shutdown: `["SIGTERM", "SIGINT"].forEach((s) => process.on(s, …))` handles SIGTERM; flushing telemetry alone drains nothing', async () => {
    const run = await runRuleOn(gracefulShutdown, fastifyApi, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('SIGTERM is handled, but the handler only shuts down telemetry');
    expect(run.evidence[0]).toMatchObject({
      path: 'src/telemetry.ts',
      line: 18,
      snippet: 'process.on(signal, () => {',
    });
    const draining = await runRuleOn(
      gracefulShutdown,
      {
        ...fastifyApi,
        'src/telemetry.ts': (fastifyApi['src/telemetry.ts'] as string).replace(
          'sdk.shutdown().finally',
          'app.close().then(() => sdk.shutdown()).finally',
        ),
      },
      { profile: 'service' },
    );
    expect(draining.outcome).toBe('pass');
    expect(draining.evidence[0]).toMatchObject({ path: 'src/telemetry.ts', line: 18 });
  });

  it('authorization: a request hook that refuses a caller outside the workspace with 403 checks requests', async () => {
    const run = await runRuleOn(authorization, fastifyApi, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'src/membership.ts',
      line: 11,
      snippet: 'if (workspaceId !== member.workspace.id) {',
    });
    // The same comparison outside any request hook (a helper) refuses nothing by itself.
    const helper = (fastifyApi['src/membership.ts'] as string).replace(
      'fastify.addHook("preHandler", async (request, reply) => {',
      'fastify.decorate("check", async (request, reply) => {',
    );
    const noHook = await runRuleOn(
      authorization,
      { ...fastifyApi, 'src/membership.ts': helper },
      { profile: 'service' },
    );
    expect(noHook.outcome).toBe('fail');
  });
});

const DATASOURCE = [
  "import { DataSource, type DataSourceOptions } from 'typeorm';",
  '',
  'const devConfig: DataSourceOptions = {',
  "  type: 'sqlite',",
  "  database: 'config/db/dev.sqlite3',",
  '  synchronize: true,',
  "  entities: ['server/entity/**/*.ts'],",
  "  migrations: ['server/migration/sqlite/**/*.ts'],",
  '};',
  '',
  'const prodConfig: DataSourceOptions = {',
  "  type: 'postgres',",
  '  url: process.env.DATABASE_URL,',
  '  synchronize: false,',
  '  migrationsRun: true,',
  "  entities: ['dist/entity/**/*.js'],",
  "  migrations: ['dist/migration/postgres/**/*.js'],",
  '};',
  '',
  "export const dataSource = new DataSource(process.env.NODE_ENV === 'production' ? prodConfig : devConfig);",
  '',
].join('\n');
const migration = (name: string, sql: string) =>
  `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name} implements MigrationInterface {\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(\`${sql}\`);\n  }\n\n  public async down(): Promise<void> {}\n}\n`;
const typeormApp: Tree = {
  'package.json': JSON.stringify({
    name: 'watchlist',
    dependencies: { typeorm: '0.3.20', pg: '8.12.0', express: '4.19.2' },
  }),
  'server/index.ts':
    "import express from 'express';\nimport { dataSource } from './datasource';\n\nawait dataSource.initialize();\nexpress().listen(5055);\n",
  'server/datasource.ts': DATASOURCE,
  'server/entity/Title.ts':
    "import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n@Entity()\nexport class Title {\n  @PrimaryGeneratedColumn() id!: number;\n}\n",
  'server/migration/sqlite/1700000000000-Init.ts': migration(
    'Init1700000000000',
    'CREATE TABLE "title" ("id" integer PRIMARY KEY)',
  ),
  'server/migration/sqlite/1700000000001-AddYear.ts': migration(
    'AddYear1700000000001',
    'ALTER TABLE "title" ADD COLUMN "year" integer',
  ),
  'server/migration/postgres/1700000000000-Init.ts': migration(
    'Init1700000000000',
    'CREATE TABLE "title" ("id" SERIAL PRIMARY KEY)',
  ),
};

describe('round 23: database migrations', () => {
  it('TypeORM migrations in one folder per database engine pass; the dev data source synchronising is not the production strategy', async () => {
    const run = await runRuleOn(databaseMigrations, typeormApp, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('Schema changes are versioned (JS/TS migrations; 3 migration file(s)).');
    expect(run.evidence[0]).toMatchObject({ path: 'server/migration/postgres/1700000000000-Init.ts' });
    // No migration committed: judged on the production data source (synchronize: false), not the dev one.
    const none = Object.fromEntries(Object.entries(typeormApp).filter(([p]) => !p.includes('/migration/')));
    const bare = await runRuleOn(databaseMigrations, none, { profile: 'service' });
    expect(bare.outcome).not.toBe('pass');
    expect(bare.evidence.some((e) => e.path === 'server/datasource.ts' && e.line === 6)).toBe(false);
    // The production data source synchronising is the schema strategy, cited.
    const prodSync = await runRuleOn(
      databaseMigrations,
      {
        ...none,
        'server/datasource.ts': DATASOURCE.replace('synchronize: true', 'synchronize: false').replace(
          'synchronize: false,\n  migrationsRun',
          'synchronize: true,\n  migrationsRun',
        ),
      },
      { profile: 'service' },
    );
    expect(prodSync.evidence).toContainEqual(expect.objectContaining({ path: 'server/datasource.ts', line: 14 }));
  });

  it("an example app's migrations are not the product's", async () => {
    const tree: Tree = {
      ...Object.fromEntries(Object.entries(typeormApp).filter(([p]) => !p.includes('/migration/'))),
      'examples/supabase/migrations/20221017024722_init.sql': 'create table profiles (id uuid primary key);\n',
      'examples/supabase/migrations/20221018000000_names.sql': 'alter table profiles add column name text;\n',
      'db/drizzle/0000_init.sql': 'CREATE TABLE "users" ("id" serial PRIMARY KEY);\n',
      'db/drizzle/0001_email.sql': 'ALTER TABLE "users" ADD COLUMN "email" text;\n',
    };
    const run = await runRuleOn(databaseMigrations, tree, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('Schema changes are versioned (SQL migrations; 2 migration file(s)).');
    expect(run.evidence[0]).toMatchObject({ path: 'db/drizzle/0000_init.sql' });
  });
});

const VALUES = [
  'replicaCount: 2',
  'image:',
  '  repository: ghcr.io/acme/mailer',
  '  tag: "2.1.0"',
  'resources:',
  '  requests:',
  '    cpu: 250m',
  '    memory: 256Mi',
  '  limits:',
  '    memory: 512Mi',
  'queueWorkers:',
  '  enabled: false',
  '  email:',
  '    replicaCount: 2',
  '',
].join('\n');
const chart: Tree = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: mailer\nversion: 0.4.0\nappVersion: "2.1.0"\n',
  'chart/values.yaml': VALUES,
  'chart/templates/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Release.Name }}-mailer',
    'spec:',
    '  replicas: {{ .Values.replicaCount }}',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: mailer',
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
    '          resources:',
    '            {{- toYaml .Values.resources | nindent 12 }}',
    '',
  ].join('\n'),
  'chart/templates/workers.yaml': [
    '{{- define "mailer.worker" -}}',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .root.Release.Name }}-worker-{{ .name }}',
    'spec:',
    '  replicas: {{ .vals.replicaCount }}',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: worker',
    '          image: "{{ .root.Values.image.repository }}:{{ .root.Values.image.tag }}"',
    '          args: ["worker", "{{ .name }}"]',
    '{{- end -}}',
    '',
    '{{- if .Values.queueWorkers.enabled }}',
    '{{- include "mailer.worker" (dict "root" . "name" "email" "vals" .Values.queueWorkers.email) }}',
    '{{- end }}',
    '',
  ].join('\n'),
};

describe('round 23: Helm workload written in a define of its own file', () => {
  it('is off by default when every include of it sits under an `if` off in values.yaml: not judged', async () => {
    const run = await runRuleOn(resourceLimits, chart, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain(
      '1 more workload template is off by default and not counted (queueWorkers.enabled chart/values.yaml:12)',
    );
    expect(run.evidence[0]).toMatchObject({ path: 'chart/templates/deployment.yaml' });
    // Switched on, the worker is judged: it sets no resources.
    const on = await runRuleOn(
      resourceLimits,
      { ...chart, 'chart/values.yaml': VALUES.replace('enabled: false', 'enabled: true') },
      { profile: 'service' },
    );
    expect(on.outcome).toBe('partial');
    expect(on.evidence.some((e) => e.path === 'chart/templates/workers.yaml')).toBe(true);
  });
});
