/**
 * Blind round 28, class "local-development files judged as the production deployment": a service
 * deployed by a wrapper Helm chart whose blueprint takes flat keys (`readinessPath`, `memoryLimits`;
 * the image set per environment) had its health checks and resource limits judged on the local
 * compose stack's database, and the key of that stack's stand-in SFTP server (in the compose file and
 * in a settings file it mounts) reported as a committed credential. With a deployment described
 * elsewhere, the compose stack is local development and its fixtures are not production secrets.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import healthChecks from './reliability/health-checks.js';
import resourceLimits from './reliability/resource-limits.js';
import noSecrets from './security/no-committed-secrets.js';

const BODY = [
  'MIIEowIBAAKCAQEAq7Zk3ExampleOnlyNotARealKeyAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy',
];

const COMPOSE = [
  'services:', // 1
  '  api:', // 2
  '    image: registry.example.org/post/letters:latest', // 3
  '    depends_on: [letters-db, sftp]', // 4
  '    environment:', // 5
  '      SFTP_KEY: >', // 6
  '        -----BEGIN RSA PRIVATE KEY-----', // 7
  ...BODY.map((l) => `        ${l}`), // 8-9
  '        -----END RSA PRIVATE KEY-----', // 10
  '    ports:', // 11
  '      - 8485:8485', // 12
  '  letters-db:', // 13
  '    build:', // 14
  '      context: ./docker/database', // 15
  '    ports:', // 16
  '      - 5440:5432', // 17
  '  sftp:', // 18
  '    image: atmoz/sftp', // 19
  '    volumes:', // 20
  '      - ./docker/sftp/users.json:/app/config/users.json:ro', // 21
  '',
].join('\n');

const SFTP_SETTINGS = JSON.stringify(
  {
    users: [{ name: 'tester' }],
    hostKeys: { rsa: `-----BEGIN RSA PRIVATE KEY-----\n${BODY.join('\n')}\n-----END RSA PRIVATE KEY-----` },
  },
  null,
  2,
);

const CHART = [
  'apiVersion: v2',
  'name: letters',
  'version: 0.4.1',
  'dependencies:',
  '  - name: app-blueprint',
  '    version: 5.3.0',
  '    repository: oci://charts.example.org/helm',
  '',
].join('\n');

const VALUES = [
  'app-blueprint:', // 1
  '  applicationPort: 8485', // 2
  '  readinessPath: /health/readiness', // 3
  '  environment:', // 4
  '    DB_HOST: letters-db', // 5
  '',
].join('\n');

const VALUES_STAGING = [
  'app-blueprint:', // 1
  '  image: ${IMAGE_NAME}', // 2
  '  memoryRequests: "1Gi"', // 3
  '  cpuRequests: "500m"', // 4
  '  memoryLimits: "2Gi"', // 5
  '  cpuLimits: "1500m"', // 6
  '',
].join('\n');

const VALUES_PREVIEW = ['app-blueprint:', '  image: ${IMAGE_NAME}', '  ingressHost: ${SERVICE_FQDN}', ''].join('\n');

const service = (extra: Tree): Tree => ({
  'build.gradle':
    "plugins { id 'org.springframework.boot' version '3.4.1' }\ndependencies { implementation 'org.springframework.boot:spring-boot-starter-web' }\n",
  'src/main/java/org/example/letters/App.java': 'package org.example.letters;\n\npublic class App {}\n',
  Dockerfile:
    'FROM eclipse-temurin:21-jre\nCOPY build/libs/letters.jar /opt/app/\nEXPOSE 8485\nHEALTHCHECK CMD wget -q http://localhost:8485/health\nCMD ["java", "-jar", "/opt/app/letters.jar"]\n',
  'docker/database/Dockerfile': 'FROM postgres:17-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
  'docker-compose.yml': COMPOSE,
  'docker/sftp/users.json': SFTP_SETTINGS,
  ...extra,
});

const charted = service({
  'charts/letters/Chart.yaml': CHART,
  'charts/letters/values.yaml': VALUES,
  'charts/letters/values.staging.template.yaml': VALUES_STAGING,
  'charts/letters/values.preview.template.yaml': VALUES_PREVIEW,
});
const composeOnly = service({});

describe('round 28: beside a chart, the compose stack is local development', () => {
  it('health-checks judge the chart (a readinessPath of the blueprint), not the local database', async () => {
    const run = await runRuleOn(healthChecks, charted, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'charts/letters/values.yaml',
      line: 3,
      note: expect.stringMatching(
        /^Deployment letters \(app-blueprint values\) container letters: readiness and liveness probes/,
      ),
    });
    expect(run.evidence.some((e) => /letters-db has no healthcheck/.test(e.note ?? ''))).toBe(false);
  });

  it('without the chart the compose stack is the deployment, and its database lacks a health check', async () => {
    const run = await runRuleOn(healthChecks, composeOnly, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(
      run.evidence.some((e) => e.path === 'docker-compose.yml' && /letters-db has no healthcheck/.test(e.note ?? '')),
    ).toBe(true);
  });

  it('resource-limits read the blueprint flat keys; sized in one environment only is half the credit', async () => {
    const run = await runRuleOn(resourceLimits, charted, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.score).toBe(0.5);
    expect(run.evidence[0]).toMatchObject({
      path: 'charts/letters/values.yaml',
      note: expect.stringContaining(
        'requests and limits set only in charts/letters/values.staging.template.yaml, not in charts/letters/values.yaml and charts/letters/values.preview.template.yaml; values: resources charts/letters/values.staging.template.yaml:3',
      ),
    });
    const everywhere = await runRuleOn(
      resourceLimits,
      { ...charted, 'charts/letters/values.preview.template.yaml': VALUES_STAGING },
      { profile: 'service' },
    );
    expect(everywhere.outcome).toBe('pass');
    const composeRun = await runRuleOn(resourceLimits, composeOnly, { profile: 'service' });
    expect(composeRun.outcome).toBe('fail');
  });

  it('the stand-in SFTP key in the local compose stack and the file it mounts are set aside', async () => {
    const run = await runRuleOn(noSecrets, charted, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/Set aside: 2 private key files .*docker-compose\.yml and docker\/sftp\/users\.json/);
  });

  it('without a deployment described elsewhere, the same keys are committed credentials', async () => {
    const run = await runRuleOn(noSecrets, composeOnly, { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence.map((e) => e.path)).toEqual(
      expect.arrayContaining(['docker-compose.yml', 'docker/sftp/users.json']),
    );
  });
});
