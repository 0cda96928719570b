import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './health-endpoints.js';

/**
 * Issue 15, blind round 45: a route the deployment's own check calls is the health endpoint
 * whatever its name (a Dockerfile HEALTHCHECK fetching /api/status served by a Next.js route
 * handler; a compose healthcheck of a service built here; a fly.toml check; render.yaml
 * healthCheckPath). A check of a third-party image, or a route nothing calls, is no such evidence.
 */
const pkg = JSON.stringify({ name: 'web', dependencies: { next: '^15.0.0', react: '^19.0.0' } });
const STATUS =
  "import { NextResponse } from 'next/server';\nimport { prisma } from '@acme/database';\n\nexport const GET = async () => {\n  let database = 'connected';\n  try {\n    await prisma.$connect();\n  } catch {\n    database = 'disconnected';\n  }\n  return NextResponse.json({ status: 'ok', database });\n};\n";
const PLAIN =
  "import { NextResponse } from 'next/server';\nexport const GET = () => NextResponse.json({ ok: true });\n";
const DOCKERFILE = (path: string) =>
  `FROM node:22-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nHEALTHCHECK CMD curl --fail http://localhost:\${PORT}${path} || exit 1\nCMD ["node", "server.js"]\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'Next.js app/api/status/route.ts probed by the Dockerfile HEALTHCHECK, pinging the database',
      profile: 'service',
      tree: {
        'package.json': pkg,
        'apps/web/Dockerfile': DOCKERFILE('/api/status'),
        'apps/web/src/app/api/status/route.ts': STATUS,
      },
      expect: {
        outcome: 'pass',
        message: 'The health endpoint /api/status checks the database',
        evidence: [
          { path: 'apps/web/src/app/api/status/route.ts' },
          { path: 'apps/web/Dockerfile', line: 5, note: 'the Dockerfile HEALTHCHECK calls /api/status' },
        ],
      },
    },
    {
      name: 'a route handler of any name, in a route group, that the HEALTHCHECK calls',
      profile: 'service',
      tree: {
        'package.json': pkg,
        Dockerfile: DOCKERFILE('/internal/alive/'),
        'src/app/(ops)/internal/alive/route.ts': PLAIN,
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/app/(ops)/internal/alive/route.ts' }] },
    },
    {
      name: 'an Express route registered by a literal path that the compose healthcheck of the service built here calls',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.0.0' } }),
        Dockerfile: 'FROM node:22-slim\nCOPY . .\nCMD ["node", "server.js"]\n',
        'docker-compose.yml':
          'services:\n  api:\n    build: .\n    healthcheck:\n      test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080/system/alive"]\n      interval: 10s\n',
        'server.js':
          "const express = require('express');\nconst app = express();\napp.get('/system/alive', (req, res) => res.send('ok'));\napp.listen(8080);\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'server.js', line: 3 }, { note: 'the compose healthcheck of api calls /system/alive' }],
      },
    },
    {
      name: 'a fly.toml http check path served by a route file',
      profile: 'service',
      tree: {
        'package.json': pkg,
        'fly.toml':
          'app = "web"\n\n[[http_service.checks]]\n  interval = "15s"\n  method = "GET"\n  path = "/api/up"\n',
        'app/api/up/route.ts': PLAIN,
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/api/up/route.ts' }] },
    },
    {
      name: 'app/api/status/route.ts is a status route handler by its name',
      profile: 'service',
      tree: { 'package.json': pkg, 'app/api/status/route.ts': PLAIN },
      expect: { outcome: 'pass', message: '(/api/status)' },
    },
  ],
  invalid: [
    {
      name: 'the compose healthcheck of a third-party image calls that image, not a route of ours',
      profile: 'service',
      tree: {
        'package.json': pkg,
        'docker-compose.yml':
          'services:\n  mail:\n    image: axllent/mailpit:v1.20\n    healthcheck:\n      test: ["CMD", "wget", "--spider", "http://localhost:8025/internal/alive"]\n',
        'app/internal/alive/route.ts': PLAIN,
      },
      expect: { outcome: 'fail', message: 'No health or readiness endpoint found' },
    },
    {
      name: 'a route handler nothing checks, named for a feature, is no health endpoint',
      profile: 'service',
      tree: {
        'package.json': pkg,
        Dockerfile: DOCKERFILE('/api/health'),
        'app/api/orders/route.ts': PLAIN,
      },
      expect: { outcome: 'fail', message: 'No health or readiness endpoint found' },
    },
  ],
});
