import rule from './api-contract.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

/**
 * Issue 15, blind round 43: TypeScript libraries that generate an OpenAPI document from code (a
 * ts-rest contract through @ts-rest/open-api, tRPC procedures through trpc-to-openapi) are generated
 * docs, partial like FastAPI's. A tRPC server without them publishes no document.
 */
const tree = (deps: Record<string, string>, generator?: string) => ({
  'package.json': JSON.stringify({ name: 'web', private: true, workspaces: ['packages/*'] }),
  'packages/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: deps }),
  'packages/api/server.ts': `import { Hono } from 'hono';\n${generator ? `import { generateOpenApi } from '${generator}';\n` : ''}const app = new Hono();\napp.get('/api/v1/documents', (c) => c.json([]));\nexport default app;\n`,
});

ruleTester(rule, {
  valid: [
    {
      name: '@ts-rest/open-api generates the OpenAPI document from the ts-rest contract: partial',
      profile: 'service',
      tree: tree({ hono: '^4.0.0', '@ts-rest/core': '^3.52.0', '@ts-rest/open-api': '^3.52.0' }, '@ts-rest/open-api'),
      expect: { outcome: 'partial', message: 'Only generated API docs (@ts-rest/open-api)' },
    },
    {
      name: 'trpc-to-openapi generates the OpenAPI document from tRPC procedures: partial',
      profile: 'service',
      tree: tree({ hono: '^4.0.0', '@trpc/server': '^11.0.0', 'trpc-to-openapi': '^2.1.0' }, 'trpc-to-openapi'),
      expect: { outcome: 'partial', message: 'Only generated API docs (trpc-to-openapi)' },
    },
  ],
  invalid: [
    {
      name: 'a tRPC server without an OpenAPI generator has no contract',
      profile: 'service',
      tree: tree({ hono: '^4.0.0', '@trpc/server': '^11.0.0' }),
      expect: { outcome: 'fail' },
    },
  ],
});
