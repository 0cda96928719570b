/**
 * Round 19: a Pulumi program that deploys the service is the deployment target; a development
 * compose file beside it is set aside (health-checks, redundancy, resource-limits, orchestration,
 * backups all read the program's object literals by key, with lines).
 */
import { describe, expect, it } from 'vitest';
import healthChecks from './health-checks.js';
import redundancy from './redundancy.js';
import resourceLimits from './resource-limits.js';
import backups from './backups.js';
import healthEndpoints from '../observability/health-endpoints.js';
import orchestration from '../operations/orchestration.js';
import { assertRun, runRuleOn, type Case } from '../../src/testing/rule-tester.js';
import type { Rule } from '../../src/types.js';

const cases = (rule: Rule, list: Case[]) =>
  describe(`rule ${rule.meta.id} on a Pulumi program`, () => {
    for (const c of list) it(c.name, async () => assertRun(await runRuleOn(rule, c.tree, c), c.expect));
  });
import type { Tree } from '../../src/testing/memory.js';

const program = [
  "import * as gcp from '@pulumi/gcp';", // 1
  "import * as k8s from '@pulumi/kubernetes';", // 2
  "import { Redis, deployApplicationSuite } from '@acme/pulumi-common';", // 3
  '', // 4
  '// Provision Redis (Memorystore)', // 5
  "const redis = new Redis('feed-redis', {", // 6
  "  tier: 'BASIC',", // 7
  '  memorySizeGb: 2,', // 8
  '});', // 9
  '', // 10
  'const readinessProbe: k8s.types.input.core.v1.Probe = {', // 11
  "  httpGet: { path: '/health', port: 'http' },", // 12
  '};', // 13
  'const livenessProbe = {', // 14
  "  httpGet: { path: '/liveness', port: 'http' },", // 15
  '};', // 16
  '', // 17
  'deployApplicationSuite({', // 18
  "  name: 'feed',", // 19
  '  apps: [', // 20
  '    {', // 21
  '      port: 3000,', // 22
  "      args: ['node', 'bin/cli', 'api'],", // 23
  '      minReplicas: 3,', // 24
  '      maxReplicas: 15,', // 25
  "      limits: { memory: '1Gi' },", // 26
  "      requests: { cpu: '500m', memory: '1Gi' },", // 27
  '      readinessProbe,', // 28
  '      livenessProbe,', // 29
  '    },', // 30
  '    {', // 31
  "      nameSuffix: 'worker',", // 32
  "      args: ['node', 'bin/cli', 'background'],", // 33
  '      minReplicas: 1,', // 34
  '      maxReplicas: 4,', // 35
  "      limits: { memory: '512Mi' },", // 36
  "      requests: { cpu: '50m', memory: '256Mi' },", // 37
  '    },', // 38
  '  ],', // 39
  '});', // 40
  '', // 41
].join('\n');

const tree: Tree = {
  'package.json': '{"name":"feed","dependencies":{"fastify":"4.0.0","ioredis":"5.0.0"}}',
  'src/index.ts':
    "import fastify from 'fastify'\n\nconst app = fastify()\napp.get('/health', async () => ({ ok: true }))\napp.listen({ port: 3000 })\n",
  'docker-compose.yml':
    'services:\n  db:\n    image: pgvector/pgvector:pg18\n    ports:\n      - "5432:5432"\n  redis:\n    image: redis:7\n    ports:\n      - "6379:6379"\n',
  '.infra/Pulumi.yaml': 'name: feed\nruntime: nodejs\n',
  '.infra/package.json': '{"name":"infra","dependencies":{"@pulumi/kubernetes":"4.0.0","@pulumi/gcp":"7.0.0"}}',
  '.infra/index.ts': program,
};

cases(healthChecks, [
  {
    name: 'probes set in the Pulumi program are judged, not the development compose file (round 19)',
    profile: 'service',
    tree,
    expect: {
      outcome: 'partial',
      message: '1 of 2 deployed units lack health checks',
      evidence: [
        { path: '.infra/index.ts', line: 21, note: expect.stringContaining('readiness and liveness probes') },
        {
          path: '.infra/index.ts',
          line: 31,
          note: expect.stringContaining('worker (Pulumi) container worker has no readiness or liveness probe'),
        },
      ],
      absent: ['docker-compose.yml:'],
    },
  },
]);

cases(resourceLimits, [
  {
    name: 'limits and requests set per app in the Pulumi program pass; the compose databases are not judged (round 19)',
    profile: 'service',
    tree,
    expect: {
      outcome: 'pass',
      message: 'declared for all 2 workloads',
      evidence: [
        { path: '.infra/index.ts', line: 21 },
        { path: '.infra/index.ts', line: 31 },
      ],
    },
  },
]);

cases(redundancy, [
  {
    name: 'minReplicas/maxReplicas of a Pulumi app are its autoscaling bounds, the floor cited with its line (round 19)',
    profile: 'service',
    tree,
    expect: {
      outcome: 'partial',
      message: '(1 of them autoscaled from minReplicas 1)',
      evidence: [
        { path: '.infra/index.ts', line: 24, note: expect.stringContaining('is autoscaled (min 3, max 15)') },
        { path: '.infra/index.ts', line: 34, note: expect.stringContaining('autoscaled from min 1 (max 4)') },
      ],
      absent: ['compose service db'],
    },
  },
]);

cases(orchestration, [
  {
    name: 'a Pulumi program deploying to Kubernetes is the target; the compose file is said to be set aside (round 19)',
    profile: 'service',
    tree,
    expect: {
      outcome: 'pass',
      message: 'Kubernetes via Pulumi',
      evidence: [
        { path: '.infra/index.ts', line: 21 },
        { path: 'docker-compose.yml', note: expect.stringContaining('set aside: local development') },
      ],
      absent: ['docker-compose (production)'],
    },
  },
]);

cases(backups, [
  {
    name: 'a managed Redis a Pulumi program provisions makes backups applicable; no persistence argument fails (round 19)',
    profile: 'service',
    tree,
    expect: {
      outcome: 'fail',
      evidence: [{ path: '.infra/index.ts', line: 6, note: expect.stringContaining('Pulumi Redis: no backup') }],
    },
  },
  {
    name: 'a Cloud SQL instance with backupConfiguration in the Pulumi program is backed up',
    profile: 'service',
    tree: {
      ...tree,
      '.infra/index.ts': [
        "import * as gcp from '@pulumi/gcp';",
        '',
        "const db = new gcp.sql.DatabaseInstance('feed-db', {",
        "  databaseVersion: 'POSTGRES_16',",
        '  settings: { backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true } },',
        '});',
        '',
      ].join('\n'),
    },
    expect: {
      outcome: 'pass',
      evidence: [{ path: '.infra/index.ts', line: 3, note: expect.stringContaining('backupConfiguration set') }],
    },
  },
]);

cases(healthEndpoints, [
  {
    name: 'the /health route the Pulumi readinessProbe calls is the readiness endpoint (round 19)',
    profile: 'service',
    tree: {
      ...tree,
      'src/index.ts':
        "import fastify from 'fastify'\n\nconst app = fastify()\napp.get('/health', async () => ({ ok: true }))\napp.get('/liveness', async () => ({ ok: true }))\napp.listen({ port: 3000 })\n",
    },
    expect: {
      outcome: 'pass',
      evidence: [
        { path: 'src/index.ts', line: 4, note: 'health route /health' },
        { path: '.infra/index.ts', line: 11, note: "the deployment's readiness probe calls /health" },
      ],
    },
  },
]);

const tfTree: Tree = {
  'package.json': '{"name":"feed","dependencies":{"express":"4.0.0"}}',
  'src/index.js':
    "const app = require('express')()\napp.get('/healthz', (req, res) => res.send('ok'))\napp.listen(3000)\n",
  'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports:\n      - "3000:3000"\n',
  'infra/main.tf': [
    'resource "kubernetes_deployment" "feed" {', // 1
    '  metadata {', // 2
    '    name = "feed"', // 3
    '  }', // 4
    '  spec {', // 5
    '    replicas = 3', // 6
    '    template {', // 7
    '      spec {', // 8
    '        container {', // 9
    '          name  = "feed"', // 10
    '          image = "acme/feed:1.0.0"', // 11
    '          liveness_probe {', // 12
    '            http_get {', // 13
    '              path = "/healthz"', // 14
    '              port = 3000', // 15
    '            }', // 16
    '          }', // 17
    '          readiness_probe {', // 18
    '            http_get {', // 19
    '              path = "/healthz"', // 20
    '              port = 3000', // 21
    '            }', // 22
    '          }', // 23
    '          resources {', // 24
    '            limits = { memory = "512Mi" }', // 25
    '            requests = { cpu = "100m", memory = "256Mi" }', // 26
    '          }', // 27
    '        }', // 28
    '      }', // 29
    '    }', // 30
    '  }', // 31
    '}', // 32
    '', // 33
  ].join('\n'),
};

for (const [rule, outcome, line] of [
  [healthChecks, 'pass', 9],
  [resourceLimits, 'pass', 9],
  [redundancy, 'partial', 6],
] as const)
  cases(rule, [
    {
      name: `a Terraform kubernetes_deployment is the deployment target, judged with lines; the compose file is set aside (round 19)`,
      profile: 'service',
      tree: tfTree,
      expect: { outcome, evidence: [{ path: 'infra/main.tf', line }], absent: ['compose service web'] },
    },
  ]);
