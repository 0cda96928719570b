/**
 * Blind round 39, class "Swift server projects are read": Vapor is a web framework (security
 * middleware applies), Fluent migrations under Sources/App/Migrations are versioned schema changes,
 * and Vapor's `Environment.get("X")` reads configuration — while Elixir's `vapor` config library
 * is no longer mistaken for Swift's web framework of the same name.
 */
import { expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import configExternalized from './architecture/config-externalized.js';
import databaseMigrations from './architecture/database-migrations.js';
import securityMiddleware from './security/security-middleware.js';

const manifest = (deps: string[]) =>
  [
    '// swift-tools-version:5.9',
    'import PackageDescription',
    'let package = Package(',
    '  name: "shop",',
    '  dependencies: [',
    ...deps.map((d) => `    .package(url: "https://github.com/vapor/${d}.git", from: "4.0.0"),`),
    '  ],',
    '  targets: [.executableTarget(name: "App")]',
    ')',
    '',
  ].join('\n');

const vapor = (extra: Record<string, string> = {}) => ({
  'Package.swift': manifest(['vapor', 'fluent', 'fluent-postgres-driver']),
  Dockerfile: 'FROM swift:5.9\nEXPOSE 8080\nCMD ["./App", "serve"]\n',
  'Sources/App/configure.swift': [
    'import Vapor',
    'import Fluent',
    'public func configure(_ app: Application) throws {',
    '  app.middleware.use(ErrorMiddleware.default(environment: app.environment))',
    '  app.migrations.add(CreateUser())',
    '}',
    '',
  ].join('\n'),
  ...extra,
});

it('a Vapor app is a web app: HTTP security middleware applies to it', async () => {
  const run = await runRuleOn(securityMiddleware, vapor(), { profile: 'service' });
  expect(run.outcome).not.toBe('not-applicable');
});

it('a Swift package without a server framework is no web app for security middleware', async () => {
  const run = await runRuleOn(
    securityMiddleware,
    { 'Package.swift': manifest(['swift-argument-parser']), 'Sources/App/main.swift': 'print("hi")\n' },
    { profile: 'service' },
  );
  expect(run.outcome).toBe('not-applicable');
});

it('Fluent migrations under Sources/App/Migrations are versioned schema changes', async () => {
  const withMigration = vapor({
    'Sources/App/Migrations/001/CreateUser.swift':
      'import Fluent\nstruct CreateUser: AsyncMigration {\n  func prepare(on database: Database) async throws {}\n  func revert(on database: Database) async throws {}\n}\n',
  });
  expect((await runRuleOn(databaseMigrations, withMigration, { profile: 'service' })).outcome).toBe('pass');
  expect((await runRuleOn(databaseMigrations, vapor(), { profile: 'service' })).outcome).not.toBe('pass');
});

it("Vapor's Environment.get reads configuration; the Swift vapor package is no config library", async () => {
  const reads = vapor({
    'Sources/App/Settings.swift': 'import Vapor\nlet dbHost = Environment.get("DATABASE_HOST") ?? "localhost"\n',
    '.env.development.template':
      '# Postgres host\nDATABASE_HOST=\n# Postgres port\nDATABASE_PORT=\n# API token\nAPI_TOKEN=\n',
  });
  const run = await runRuleOn(configExternalized, reads, { profile: 'service' });
  expect(run.outcome).toBe('pass');
  expect(run.evidence.map((e) => e.path)).toContain('Sources/App/Settings.swift');
  const none = await runRuleOn(configExternalized, vapor(), { profile: 'service' });
  expect(none.outcome).toBe('fail');
});
