/**
 * Blind round 48: a Hono service on Deno declared its packages in deno.json `imports` (jsr:, npm:)
 * and committed deno.lock; it read its settings with Deno.env.get, logged JSON through the standard
 * library's log module and formatted on save with the Deno extension. None was read: the framework,
 * database client and lockfile were "not applicable", the settings "not read in code", logging
 * "not structured" and formatting absent.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { collectFacts } from '../src/facts/index.js';
import { memoryIndex } from '../src/testing/memory.js';
import { denoSpecifierPackage } from '../src/facts/manifests/deno.js';
import configExternalized from './architecture/config-externalized.js';
import databaseMigrations from './architecture/database-migrations.js';
import structuredLogging from './observability/structured-logging.js';
import formatting from './quality/formatting.js';
import lockfiles from './security/lockfiles.js';
import securityMiddleware from './security/security-middleware.js';
import retries from './reliability/retries.js';
import { isServiceClientName } from '../src/facts/outbound.js';

const denoJson = JSON.stringify(
  {
    imports: {
      hono: 'jsr:@hono/hono@^4.5.5',
      'drizzle-orm': 'npm:drizzle-orm@0.33.0',
      postgres: 'npm:postgres@3.4.4',
    },
    tasks: { start: 'deno run -A src/main.ts' },
  },
  null,
  2,
);
const lock = JSON.stringify(
  {
    version: '4',
    specifiers: {
      'jsr:@hono/hono@^4.5.5': '4.5.5',
      'npm:drizzle-orm@0.33.0': '0.33.0',
      'npm:postgres@3.4.4': '3.4.4',
      'jsr:@std/log@0.224': '0.224.0',
    },
  },
  null,
  2,
);
const app = {
  'deno.json': denoJson,
  'deno.lock': lock,
  Dockerfile: 'FROM denoland/deno:2.1.4\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nCMD ["run", "-A", "src/main.ts"]\n',
  'src/constants.ts': [
    'export const PORT = parseInt(Deno.env.get("PORT") || "8080");', // 1
    'export const DATABASE_URL = Deno.env.get("DATABASE_URL");', // 2
  ].join('\n'),
  'src/logger.ts': [
    'import { ConsoleHandler, formatters, Logger } from "jsr:@std/log@0.224";', // 1
    'export const logger = new Logger("default", "INFO", {', // 2
    '  handlers: [new ConsoleHandler("INFO", { formatter: formatters.jsonFormatter, useColors: false })],', // 3
    '});', // 4
  ].join('\n'),
  'src/db.ts': [
    'import { drizzle } from "drizzle-orm/postgres-js";', // 1
    'import { migrate } from "drizzle-orm/postgres-js/migrator";', // 2
    'import postgres from "postgres";', // 3
    'import { DATABASE_URL } from "./constants.ts";', // 4
    'export const db = drizzle(postgres(DATABASE_URL!));', // 5
    'export const runMigration = () => migrate(db, { migrationsFolder: "./drizzle" });', // 6
  ].join('\n'),
  'src/main.ts': [
    'import { Hono } from "hono";', // 1
    'import { secureHeaders } from "hono/secure-headers";', // 2
    'import { PORT } from "./constants.ts";', // 3
    'import { runMigration } from "./db.ts";', // 4
    'await runMigration();', // 5
    'const app = new Hono();', // 6
    'app.use(secureHeaders());', // 7
    'app.get("/ping", (c) => c.text("pong"));', // 8
    'Deno.serve({ port: PORT }, app.fetch);', // 9
  ].join('\n'),
  'drizzle/0000_init.sql': 'CREATE TABLE users (id serial primary key, name text);\n',
  'drizzle/meta/_journal.json': '{"version":"7","dialect":"postgresql","entries":[]}\n',
};

describe('Deno specifiers name packages as the catalogues do', () => {
  it('npm:, jsr: (a home package @x/x is x), the standard library and deno.land/x by URL', () => {
    expect(denoSpecifierPackage('npm:drizzle-orm@0.33.0/postgres-js')).toBe('drizzle-orm');
    expect(denoSpecifierPackage('npm:@getalby/sdk@3')).toBe('@getalby/sdk');
    expect(denoSpecifierPackage('jsr:@hono/hono@^4.5.5')).toBe('hono');
    expect(denoSpecifierPackage('jsr:@std/log@0.224')).toBe('@std/log');
    expect(denoSpecifierPackage('https://deno.land/std@0.224.0/log/mod.ts')).toBe('@std/log');
    expect(denoSpecifierPackage('https://deno.land/x/oak@v12.6.1/mod.ts')).toBe('oak');
    expect(denoSpecifierPackage('https://esm.sh/zod@3.22.4')).toBe('zod');
    expect(denoSpecifierPackage('./local.ts')).toBeUndefined();
    expect(denoSpecifierPackage('https://example.com/mod.ts')).toBeUndefined();
  });

  it('deno.json imports are a manifest; lock entries it does not declare are not declarations', () => {
    const facts = collectFacts(memoryIndex(app));
    expect(facts.manifests.map((m) => m.path)).toContain('deno.json');
    const hono = facts.dependencies.find((d) => d.name === 'hono');
    expect(hono).toMatchObject({ path: 'deno.json', line: 3, direct: true, version: '^4.5.5' });
    expect(facts.dependencies.find((d) => d.name === '@std/log')).toMatchObject({ path: 'deno.lock', direct: false });
    // A deno.json holding only tasks declares nothing.
    const bare = collectFacts(memoryIndex({ 'deno.json': '{ "tasks": { "dev": "deno run main.ts" } }' }));
    expect(bare.dependencies).toEqual([]);
  });
});

describe('a Hono service on Deno (round 48)', () => {
  it('Hono from JSR is the web framework: its middleware is judged, not "no web framework"', async () => {
    const r = await runRuleOn(securityMiddleware, app, { profile: 'service' });
    expect(r.outcome).not.toBe('not-applicable');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/main.ts', line: 7 }));
  });

  it('drizzle-orm and postgres from npm: specifiers are the database client; the migrations are judged', async () => {
    const r = await runRuleOn(databaseMigrations, app, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    // Neither deno.json nor deno.lock names a database package: the bare imports resolve to nothing.
    const { 'deno.lock': _, ...unlocked } = app;
    const none = await runRuleOn(
      databaseMigrations,
      { ...unlocked, 'deno.json': JSON.stringify({ imports: { hono: 'jsr:@hono/hono@^4' } }) },
      { profile: 'service' },
    );
    expect(none.outcome).toBe('not-applicable');
  });

  it('deno.lock locks the deno.json; without it the manifest is unlocked', async () => {
    const r = await runRuleOn(lockfiles, app, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'deno.json', note: 'locked by deno.lock' }));
    const { 'deno.lock': _, ...unlocked } = app;
    expect((await runRuleOn(lockfiles, unlocked, { profile: 'service' })).outcome).toBe('fail');
    // `"lock": false` turns the lockfile off: said so, not "not committed".
    const off = await runRuleOn(
      lockfiles,
      { ...unlocked, 'deno.json': denoJson.replace('"tasks"', '"lock": false,\n  "tasks"') },
      { profile: 'service' },
    );
    expect(off.outcome).toBe('fail');
    expect(off.evidence).toContainEqual(
      expect.objectContaining({ path: 'deno.json', note: expect.stringContaining('"lock": false') }),
    );
  });

  it('Deno.env.get is an environment read', async () => {
    const r = await runRuleOn(configExternalized, app, { profile: 'service' });
    expect(r.message).not.toContain('no environment reads');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/constants.ts', line: 1 }));
    const hardcoded = {
      ...app,
      'src/constants.ts': 'export const PORT = 8080;\nexport const DATABASE_URL = "postgres://localhost/app";\n',
    };
    const h = await runRuleOn(configExternalized, hardcoded, { profile: 'service' });
    expect(h.outcome).toBe('fail');
  });

  it('the standard library logger with its jsonFormatter is JSON logging; with the default formatter it is not', async () => {
    const r = await runRuleOn(structuredLogging, app, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/logger.ts', line: 3 }));
    const plain = {
      ...app,
      'src/logger.ts': app['src/logger.ts'].replace('formatter: formatters.jsonFormatter, ', ''),
    };
    expect((await runRuleOn(structuredLogging, plain, { profile: 'service' })).outcome).not.toBe('pass');
  });

  it('format on save with the Deno extension is deno fmt in the editor only: partial', async () => {
    const editor = {
      ...app,
      '.vscode/settings.json': '{\n  "editor.formatOnSave": true\n}\n',
      '.vscode/extensions.json': '{\n  // recommended\n  "recommendations": ["denoland.vscode-deno"]\n}\n',
    };
    const r = await runRuleOn(formatting, editor, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('deno fmt');
    expect(r.message).toContain('nothing checks it');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: '.vscode/settings.json', line: 2 }));
    // Without the Deno extension the editor's formatter is unknown: nothing is credited.
    const { '.vscode/extensions.json': _, ...other } = editor;
    expect((await runRuleOn(formatting, other, { profile: 'service' })).outcome).toBe('fail');
    // An `fmt` block in deno.json configures deno fmt.
    const configured = {
      ...app,
      'deno.json': denoJson.replace('"tasks"', '"fmt": { "lineWidth": 100 },\n  "tasks"'),
    };
    const c = await runRuleOn(formatting, configured, { profile: 'service' });
    expect(c.outcome).toBe('pass');
    expect(c.message).toContain('deno fmt');
  });
});

describe('a service SDK imported inline is an outbound call (round 48)', () => {
  const withSdk = {
    ...app,
    'deno.lock': lock.replace('"specifiers": {', '"specifiers": {\n    "npm:@getalby/sdk": "3.7.1",'),
    'src/lnurlp.ts': [
      'import { nwc } from "npm:@getalby/sdk";', // 1
      'export async function invoice(secret: string, amount: number) {', // 2
      '  const client = new nwc.NWCClient({ nostrWalletConnectUrl: secret });', // 3
      '  return await client.makeInvoice({ amount });', // 4
      '}', // 5
    ].join('\n'),
  };

  it('npm:@getalby/sdk in production code: retries are judged, not "no outbound calls"', async () => {
    expect(isServiceClientName('@getalby/sdk')).toBe(true);
    expect(isServiceClientName('@modelcontextprotocol/sdk')).toBe(false);
    const r = await runRuleOn(retries, withSdk, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    // Only a test imports it: nothing the service calls.
    const { 'src/lnurlp.ts': code, ...rest } = withSdk;
    const testOnly = await runRuleOn(retries, { ...rest, 'src/lnurlp.test.ts': code }, { profile: 'service' });
    expect(testOnly.outcome).toBe('not-applicable');
  });
});
