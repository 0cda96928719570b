/**
 * Blind round 38: compose files read for what they deploy. A compose file kept in a self-hosting
 * folder, or one that puts a Let's Encrypt proxy in front of the service built here, is the
 * production deployment, not local development; a helper that never restarts is a one-shot job;
 * a long-running API that migrates first (a multi-line `sh -c` script) is not; another owner's
 * pinned image in a development file is a dependency; `deploy.replicas: $VAR` is left to the deployer.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import orchestration from './operations/orchestration.js';
import healthChecks from './reliability/health-checks.js';
import redundancy from './reliability/redundancy.js';

const PKG = JSON.stringify({ name: 'tallybird', dependencies: { fastify: '^4.0.0' } });
const SERVER = "import Fastify from 'fastify';\nconst app = Fastify();\napp.listen({ port: 3000 });\n";

function app(extra: Tree): Tree {
  return {
    'package.json': PKG,
    'src/server.ts': SERVER,
    Dockerfile: 'FROM node:20\nCMD ["node","dist/server.js"]\n',
    ...extra,
  };
}

const TEMPLATE = [
  'services:',
  '  tb-api:',
  '    image: someone/tallybird-api:2',
  '    restart: always',
  '    command: >',
  '      sh -c "',
  "        echo 'Running migrations...'",
  '        pnpm -r run migrate:deploy',
  '',
  '        pnpm start',
  '      "',
  '    healthcheck:',
  '      test: ["CMD", "curl", "-f", "http://localhost:3000/healthcheck"]',
  '  tb-worker:',
  '    image: someone/tallybird-worker:2',
  '    restart: always',
  '    healthcheck:',
  '      test: ["CMD", "true"]',
  '    deploy:',
  '      mode: replicated',
  '      replicas: $TB_WORKER_REPLICAS',
  '',
].join('\n');

const ACME = [
  'services:',
  '  proxy:',
  '    image: nginxproxy/nginx-proxy:1.4',
  '    restart: unless-stopped',
  '    ports: ["80:80", "443:443"]',
  '  proxy-acme:',
  '    image: nginxproxy/acme-companion',
  '    restart: unless-stopped',
  '    environment:',
  '      DEFAULT_EMAIL: "${PROXY_LETSENCRYPT_EMAIL:?error}"',
  '  web:',
  '    image: "${APP_IMAGE}:${APP_TAG}"',
  '    build: .',
  '    restart: unless-stopped',
  '    healthcheck:',
  '      test: ["CMD", "curl", "-f", "http://localhost/health"]',
  '',
].join('\n');

const PLAIN = ACME.replace(/ {2}proxy-acme:[\s\S]*?(?= {2}web:)/, '');

const DEV_DEPS = [
  'services:',
  '  db:',
  '    image: postgres:14-alpine',
  '  queue:',
  '    image: redpandadata/redpanda:v25.1.4',
  '  queue-console:',
  '    image: redpandadata/console:v3.7.2',
  '',
].join('\n');

describe('compose files read for what they deploy', () => {
  it('credits a compose file in a self-hosting folder as the deployment', async () => {
    const r = await runRuleOn(orchestration, app({ 'self-hosting/docker-compose.template.yml': TEMPLATE }));
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('docker-compose (production)');
  });

  it('keeps the same file elsewhere, unpublished, as local development', async () => {
    const r = await runRuleOn(
      orchestration,
      app({
        'docker/docker-compose.yml': TEMPLATE.replace(/restart: always/g, 'restart: on-failure').replace(
          / {4}deploy:[\s\S]*$/,
          '',
        ),
      }),
    );
    expect(r.outcome).toBe('partial');
  });

  it("credits a compose file whose proxy obtains Let's Encrypt certificates for the service built here", async () => {
    const r = await runRuleOn(orchestration, app({ 'docker-compose.yml': ACME }));
    expect(r.outcome).toBe('pass');
    const plain = await runRuleOn(orchestration, app({ 'docker-compose.yml': PLAIN }));
    expect(plain.outcome).toBe('partial');
  });

  it('sets aside a helper that never restarts, and keeps an API that migrates then starts', async () => {
    const r = await runRuleOn(
      healthChecks,
      app({
        'self-hosting/docker-compose.yml': TEMPLATE,
        'self-hosting/docker-compose.migrate.yml': [
          'services:',
          '  migrate:',
          '    image: "someone/tallybird-rsync"',
          '    command: \'bash -c "exit 1"\'',
          '    restart: never',
          '',
        ].join('\n'),
      }),
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).not.toContain('tb-api set aside');
    const without = await runRuleOn(
      healthChecks,
      app({
        'self-hosting/docker-compose.yml': TEMPLATE.replace(/ {4}healthcheck:\n {6}test: \["CMD", "curl"[^\n]*\n/, ''),
      }),
    );
    expect(without.outcome).toBe('partial');
    expect(JSON.stringify(without.evidence)).toContain('tb-api');
  });

  it('does not count another owner’s pinned images in a development file as deployed units', async () => {
    const r = await runRuleOn(redundancy, app({ 'docker-compose.yml': DEV_DEPS }));
    expect(JSON.stringify(r.evidence)).not.toContain('queue');
    const own = await runRuleOn(
      redundancy,
      app({ 'docker-compose.yml': `${DEV_DEPS}  api:\n    image: someone/tallybird-api:2.1.0\n` }),
    );
    expect(JSON.stringify(own.evidence)).toContain('compose service api runs one instance');
    expect(JSON.stringify(own.evidence)).not.toContain('queue');
  });

  it('reads replicas set by the environment, and a default value', async () => {
    const r = await runRuleOn(redundancy, app({ 'self-hosting/docker-compose.yml': TEMPLATE }));
    expect(r.outcome).toBe('partial');
    expect(JSON.stringify(r.evidence)).toContain('set by the environment ($TB_WORKER_REPLICAS)');
    const dflt = await runRuleOn(
      redundancy,
      app({ 'self-hosting/docker-compose.yml': TEMPLATE.replace('$TB_WORKER_REPLICAS', '${TB_WORKER_REPLICAS:-1}') }),
    );
    expect(JSON.stringify(dflt.evidence)).toContain('tb-worker: 1 replicas');
  });
});
