/**
 * Blind round 49: stand-ins failed no-committed-secrets as committed credentials.
 * - A typed phrase (`ADMIN_WEBHOOK_AUTH=super-secret-token`) in the env file a local compose stack
 *   loads (`env_file: .env.docker`, beside `ADMIN_PASSWORD=password` and postgres defaults) is what
 *   `docker compose up` starts with, not a product secret. A generated value there, or the same phrase
 *   in a `.env` no compose file loads, still counts.
 * - A password-encrypted demo key in a Go test-helper package (`testonly/keys.go`, "KEYS IN THIS FILE
 *   ARE ONLY FOR TESTING") is a test fixture; the same key in product code still fails.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import noCommittedSecrets from './no-committed-secrets.js';

const compose = [
  'services:',
  '  web:',
  '    build: .',
  '    env_file:',
  '      - .env.docker',
  '    ports:',
  '      - "3000:3000"',
  '  db:',
  '    image: postgres:17-alpine',
  '    environment:',
  '      POSTGRES_PASSWORD: postgres',
].join('\n');

const service = (envName: string, value: string, withCompose = true) => ({
  'package.json': JSON.stringify({ name: 'events', dependencies: { '@nestjs/core': '^10.0.0' } }),
  'src/main.ts': "import { NestFactory } from '@nestjs/core';\nawait NestFactory.create({}).listen(3000);\n",
  Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "dist/main.js"]\n',
  ...(withCompose ? { 'docker-compose.yml': compose } : {}),
  [envName]: [
    'DATABASE_URL=psql://postgres:postgres@db:5432/test',
    'ADMIN_EMAIL=admin@local',
    'ADMIN_PASSWORD=password',
    `ADMIN_WEBHOOK_AUTH=${value}`,
  ].join('\n'),
});

describe('env file of a local compose stack (round 49)', () => {
  it('a typed phrase in the env file compose loads is a stand-in, named and not counted', async () => {
    const r = await runRuleOn(noCommittedSecrets, service('.env.docker', 'super-secret-token'), { profile: 'service' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.message).toMatch(/typed stand-in.*ADMIN_WEBHOOK_AUTH.*\.env\.docker/);
    expect(
      r.evidence.some((e) => e.path === '.env.docker' && e.line === 4 && /docker-compose\.yml/.test(e.note ?? '')),
    ).toBe(true);
  });
  it('a generated value in the same file still counts', async () => {
    const r = await runRuleOn(noCommittedSecrets, service('.env.docker', 'q7Wm2xRt9LpZ4kVb8NcY'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('fail');
    expect(r.evidence.some((e) => e.path === '.env.docker' && e.line === 4)).toBe(true);
  });
  it('the same phrase in an env file no compose file loads still counts', async () => {
    const r = await runRuleOn(noCommittedSecrets, service('.env.docker', 'super-secret-token', false), {
      profile: 'service',
    });
    expect(r.outcome).toBe('fail');
  });
});

const key = [
  '-----BEGIN EC PRIVATE KEY-----',
  'Proc-Type: 4,ENCRYPTED',
  'DEK-Info: DES-CBC,0011223344556677',
  '',
  'q7Wm2xRt9LpZ4kVb8NcYq7Wm2xRt9LpZ4kVb8NcYq7Wm2xRt9LpZ4kVb8NcYq7Wm',
  'Rt9LpZ4kVb8NcYq7Wm2xRt9LpZ4kVb8NcYq7Wm2xRt9LpZ4kVb8NcYq7Wm2xRt9L',
  '-----END EC PRIVATE KEY-----',
].join('\n');

const goTree = (path: string, header: string) => ({
  'go.mod': 'module example.com/ledger\n\ngo 1.22\n',
  'cmd/server/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
  [path]: `package ${path.split('/').at(-2)}\n\n${header}\n\nconst DemoPrivateKeyPass = "towel"\n\nconst DemoPrivateKey = \`\n${key}\`\n`,
});

describe('keys of a test-helper package (round 49)', () => {
  it('a key in a testonly/ package is a test fixture', async () => {
    const r = await runRuleOn(noCommittedSecrets, goTree('testonly/keys.go', '// Keys used by the tests.'), {
      profile: 'service',
    });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'testonly/keys.go')).toBe(true);
  });
  it('a key under a comment giving it to tests only is a test fixture', async () => {
    const r = await runRuleOn(
      noCommittedSecrets,
      goTree('crypto/keys.go', '// KEYS IN THIS FILE ARE ONLY FOR TESTING. They must not be used by production code.'),
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence.find((e) => e.path === 'crypto/keys.go')?.note).toMatch(/tests only/);
  });
  it('the same key in product code with no such comment still fails', async () => {
    const r = await runRuleOn(noCommittedSecrets, goTree('crypto/keys.go', '// Signing key of the ledger.'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('fail');
    expect(r.evidence.some((e) => e.path === 'crypto/keys.go' && e.line === 8)).toBe(true);
  });
});
