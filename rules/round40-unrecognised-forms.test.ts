/**
 * Blind round 40: practices present under names the detectors did not know. Prisma migrations in
 * one folder per provider (`prisma/postgresql-migrations/<timestamp>_<name>/migration.sql`); a
 * Grafana dashboard shipped as `grafana-dashboard.json.example`; a Dockerfile ending `USER root`
 * whose entrypoint drops to the service's user with gosu; a compose service running
 * `${IMAGE:-owner/app:dev}`, the image this repository's Dockerfile (with a HEALTHCHECK) builds.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import databaseMigrations from './architecture/database-migrations.js';
import dashboards from './observability/dashboards.js';
import healthChecks from './reliability/health-checks.js';
import containerUser from './security/container-user.js';

const prismaPkg = JSON.stringify({
  name: 'api',
  dependencies: { '@prisma/client': '^5.0.0', express: '^4.19.0' },
  scripts: { 'db:deploy': 'prisma migrate deploy' },
});
const schema =
  'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\nmodel User {\n  id Int @id\n}\n';
const step = 'CREATE TABLE "User" (\n  "id" INTEGER NOT NULL,\n  CONSTRAINT "User_pkey" PRIMARY KEY ("id")\n);\n';

describe('round 40: Prisma migrations kept per provider', () => {
  it('prisma/postgresql-migrations/<timestamp>_<name>/migration.sql are versioned migrations', async () => {
    const r = await runRuleOn(
      databaseMigrations,
      {
        'package.json': prismaPkg,
        'prisma/postgresql-schema.prisma': schema,
        'prisma/postgresql-migrations/20240809105427_init/migration.sql': step,
        'prisma/mysql-migrations/20240809105427_init/migration.sql': step,
        'src/server.ts': "import { PrismaClient } from '@prisma/client';\nconst db = new PrismaClient();\n",
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Prisma Migrate');
  });

  it('a schema script outside any migrations folder is still no migration', async () => {
    const r = await runRuleOn(
      databaseMigrations,
      {
        'package.json': prismaPkg,
        'prisma/schema.prisma': schema,
        'sql/init.sql': step,
        'src/server.ts': "import { PrismaClient } from '@prisma/client';\nconst db = new PrismaClient();\n",
      },
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('pass');
  });
});

const dashboard = JSON.stringify(
  { title: 'API', schemaVersion: 39, panels: [{ type: 'timeseries', targets: [{ expr: 'api_up' }] }] },
  null,
  2,
);
const server = "import express from 'express';\nconst app = express();\napp.listen(3000);\n";
const pkg = JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0' } });

describe('round 40: a dashboard shipped as an example file', () => {
  for (const name of ['grafana-dashboard.json.example', 'monitoring/api.json.sample', 'ops/api.json.tmpl'])
    it(`${name} is a Grafana dashboard`, async () => {
      const r = await runRuleOn(
        dashboards,
        { 'package.json': pkg, 'src/server.ts': server, [name]: dashboard },
        { profile: 'service' },
      );
      expect(r.outcome).not.toBe('fail');
      expect(r.evidence[0]).toMatchObject({ path: name });
    });

  it('an example file that is not a dashboard earns nothing', async () => {
    const r = await runRuleOn(
      dashboards,
      { 'package.json': pkg, 'src/server.ts': server, 'config.json.example': '{ "port": 3000 }\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});

const rootDockerfile = (entry: string) =>
  `FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gosu && useradd -u 911 app\nCOPY . /app\nUSER app\nRUN pip install /app\nUSER root\nHEALTHCHECK CMD curl -f http://localhost:8000/health/ || exit 1\nENTRYPOINT ["dumb-init", "--", "/app/bin/${entry}"]\nCMD ["app", "server"]\n`;

describe('round 40: USER root with an entrypoint that drops privileges', () => {
  for (const drop of [
    'exec gosu "$PUID" "$@"',
    'exec su-exec app "$@"',
    'exec setpriv --reuid=911 --regid=911 --init-groups "$@"',
    'exec su -s /bin/sh app -c "$*"',
  ])
    it(`\`${drop}\` runs the service as non-root`, async () => {
      const r = await runRuleOn(
        containerUser,
        {
          Dockerfile: rootDockerfile('entrypoint.sh'),
          'bin/entrypoint.sh': `#!/bin/bash\nchown -R 911 /data\n${drop}\n`,
        },
        { profile: 'service' },
      );
      expect(r.outcome).toBe('pass');
      expect(r.evidence[0]).toMatchObject({ path: 'bin/entrypoint.sh', line: 3 });
    });

  it('USER root with an entrypoint that keeps root still fails', async () => {
    const r = await runRuleOn(
      containerUser,
      {
        Dockerfile: rootDockerfile('entrypoint.sh'),
        'bin/entrypoint.sh': '#!/bin/bash\nchown -R 911 /data\nexec "$@"\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it('`su root -c` is no drop', async () => {
    const r = await runRuleOn(
      containerUser,
      { Dockerfile: rootDockerfile('entrypoint.sh'), 'bin/entrypoint.sh': '#!/bin/bash\nexec su root -c "$*"\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});

describe('round 40: a compose service running the image built here inherits its HEALTHCHECK', () => {
  const tree = (image: string, healthcheck: boolean) => ({
    'pyproject.toml': '[project]\nname = "app"\nversion = "1.0"\ndependencies = ["django"]\n',
    Dockerfile: `FROM python:3.12-slim\nCOPY . /app\nRUN pip install /app\nUSER nobody\nEXPOSE 8000\n${healthcheck ? 'HEALTHCHECK CMD curl -f http://localhost:8000/health/ || exit 1\n' : ''}CMD ["app", "server"]\n`,
    'docker-compose.yml': `services:\n  app:\n    image: ${image}\n    ports:\n      - 8000:8000\n    restart: unless-stopped\n`,
    '.github/workflows/docker.yml':
      'on: push\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: acme/app:latest\n',
    'app/views.py': 'def health(request):\n    return "OK"\n',
  });

  it('`image: ${APP_IMAGE:-acme/app:dev}` runs the Dockerfile HEALTHCHECK', async () => {
    const r = await runRuleOn(healthChecks, tree('${APP_IMAGE:-acme/app:dev}', true), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'Dockerfile', note: expect.stringContaining('compose service app') }),
    );
  });

  it('the same service without a HEALTHCHECK in the image is unchecked', async () => {
    const r = await runRuleOn(healthChecks, tree('${APP_IMAGE:-acme/app:dev}', false), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'docker-compose.yml' }));
  });
});
