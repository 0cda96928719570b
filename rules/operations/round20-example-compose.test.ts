/**
 * Round 20: a compose file in examples/ that runs the project's own image, which the README tells
 * users to run, is the deployment the project documents (judged like a root compose file); a
 * library's demo compose in examples/ that runs only third-party images is not.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import orchestration from './orchestration.js';
import redundancy from '../reliability/redundancy.js';
import resourceLimits from '../reliability/resource-limits.js';

const compose = (db: string) =>
  [
    'services:',
    '  ledger:',
    '    image: ledger:pre-release',
    '    ports:',
    '      - 8081:8080',
    '    environment:',
    `      - DB_PROVIDER=${db}`,
    '    depends_on:',
    '      - db',
    '  db:',
    `    image: ${db}`,
    '    volumes:',
    '      - data:/var/lib/db',
    'volumes:',
    '  data:',
    '',
  ].join('\n');

const APP: Tree = {
  'Ledger.sln': '\n',
  'Ledger.Web/Ledger.Web.csproj':
    '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n',
  'Ledger.Web/Program.cs':
    'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/", () => "ok");\napp.Run();\n',
  Dockerfile:
    'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out/ /app\nENTRYPOINT ["dotnet", "/app/Ledger.Web.dll"]\n',
  '.github/workflows/docker.yml': [
    'on: { push: { branches: [main] } }',
    'jobs:',
    '  image:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: docker/build-push-action@v6',
    '        with: { context: ., push: true, tags: "acme/ledger:latest" }',
    '',
  ].join('\n'),
  'README.md': [
    '# Ledger',
    '',
    '## Quick Start',
    '',
    'Run Ledger with Docker and PostgreSQL:',
    '',
    '```yml',
    'services:',
    '  ledger:',
    '    image: acme/ledger:latest',
    '```',
    '',
  ].join('\n'),
  'examples/compose-postgres.yaml': compose('postgres:16'),
  'examples/compose-mariadb.yaml': compose('mariadb'),
};

describe('round 20: a documented example compose file is the deployment', () => {
  it('orchestration is partial on it, redundancy and resource-limits judge its service', async () => {
    const o = await runRuleOn(orchestration, APP, { profile: 'service' });
    expect(o.outcome, o.message).toBe('partial');
    expect(o.message).toContain(
      'Only the example compose files the README documents (examples/compose-mariadb.yaml and examples/compose-postgres.yaml)',
    );
    expect(o.evidence).toContainEqual(
      expect.objectContaining({
        path: 'examples/compose-postgres.yaml',
        note: 'docker-compose (documented example running the project image)',
      }),
    );
    const r = await runRuleOn(redundancy, APP, { profile: 'service' });
    expect(r.outcome, r.message).toBe('fail');
    expect(r.message).toContain('0 of 1 deployed units are redundant');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'examples/compose-mariadb.yaml',
        line: 2,
        note: expect.stringContaining('compose service ledger runs one instance'),
      }),
    );
    const l = await runRuleOn(resourceLimits, APP, { profile: 'service' });
    expect(l.outcome, l.message).toBe('fail');
    expect(l.evidence).toContainEqual(expect.objectContaining({ path: 'examples/compose-mariadb.yaml', line: 2 }));
  });

  it('without the README showing that image or the folder, the example stays an example', async () => {
    const tree = { ...APP, 'README.md': '# Ledger\n\nBuild with `dotnet build`.\n' };
    const o = await runRuleOn(orchestration, tree, { profile: 'service' });
    expect(o.outcome, o.message).toBe('fail');
    expect(JSON.stringify(o.evidence)).not.toContain('examples/compose');
  });

  it("a library's demo compose in examples/ running only third-party images is no deployment", async () => {
    const lib: Tree = {
      'pyproject.toml': '[project]\nname = "cachekit"\nversion = "1.0.0"\n',
      'cachekit/__init__.py': 'def get(key):\n    return None\n',
      'README.md': '# cachekit\n\nSee `examples/` for a demo: `docker compose -f examples/compose.yaml up`.\n',
      'examples/compose.yaml': 'services:\n  redis:\n    image: redis:7\n    ports:\n      - 6379:6379\n',
    };
    const o = await runRuleOn(orchestration, lib, { profile: 'library' });
    expect(JSON.stringify(o.evidence)).not.toContain('examples/compose.yaml');
    const r = await runRuleOn(redundancy, lib, { profile: 'library' });
    expect(JSON.stringify(r.evidence)).not.toContain('examples/compose.yaml');
  });

  it('a README that shows `docker run` of the image documents the example; hostile long lines cost linear time', async () => {
    const run = { ...APP, 'README.md': '# Ledger\n\n    docker run -d -p 8081:8080 ACME/Ledger:latest\n' };
    expect((await runRuleOn(orchestration, run, { profile: 'service' })).outcome).toBe('partial');
    const sameLine = {
      ...APP,
      'README.md': '# Ledger\n\ndocker run --rm ghcr.io/acme/ledger-cli docker run ledger.sh\n',
    };
    expect((await runRuleOn(orchestration, sameLine, { profile: 'service' })).outcome).toBe('fail');
    // 200k characters of `docker run ` on one line, and 200k-letter words in the README and the
    // workflow: each pattern used to restart at every `docker run` or letter (minutes at this size).
    const hostile: Tree = {
      ...APP,
      'README.md': `# Ledger\n\n${'docker run '.repeat(18_000)}${'x'.repeat(200_000)}\n${'y'.repeat(200_000)}\n`,
      '.github/workflows/docker.yml': `${APP['.github/workflows/docker.yml']}# ${'a'.repeat(200_000)}\n`,
    };
    const o = await runRuleOn(orchestration, hostile, { profile: 'service' });
    expect(o.outcome, o.message).toBe('fail');
    expect(JSON.stringify(o.evidence)).not.toContain('examples/compose');
  });
});
