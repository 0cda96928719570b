import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './health-endpoints.js';

/**
 * Issue 15, blind round 43: Remix flat routes name the route by the file: `app/routes/api+/health.ts`
 * (remix-flat-routes folders) and `app/routes/api.health.ts` (Remix v2 dot segments) serve
 * /api/health. A route file named for something else is no health endpoint.
 */
const pkg = JSON.stringify({
  name: 'web',
  dependencies: { '@remix-run/node': '^2.0.0', '@remix-run/react': '^2.0.0' },
});
const LOADER =
  "import { prisma } from './db';\nexport const loader = async () => {\n  await prisma.$queryRaw`SELECT 1`;\n  return Response.json({ status: 'ok' });\n};\n";

ruleTester(rule, {
  valid: [
    {
      name: 'remix-flat-routes folder: app/routes/api+/health.ts is /api/health',
      profile: 'service',
      tree: { 'package.json': pkg, 'apps/web/app/routes/api+/health.ts': LOADER },
      expect: { outcome: 'pass', evidence: [{ path: 'apps/web/app/routes/api+/health.ts' }] },
    },
    {
      name: 'Remix v2 dot segments: app/routes/api.healthz.tsx is /api/healthz',
      profile: 'service',
      tree: { 'package.json': pkg, 'app/routes/api.healthz.tsx': LOADER },
      expect: { outcome: 'pass', evidence: [{ path: 'app/routes/api.healthz.tsx' }] },
    },
  ],
  invalid: [
    {
      name: 'a flat route named for something else is no health endpoint',
      profile: 'service',
      tree: { 'package.json': pkg, 'app/routes/api+/theme.ts': LOADER },
      expect: { outcome: 'fail', message: 'No health or readiness endpoint found' },
    },
  ],
});
