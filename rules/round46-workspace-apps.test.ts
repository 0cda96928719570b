/**
 * Blind round 46 (issue 15): an application inside a workspace package was not found, and the
 * repository was "a library" for its root package.json, a workspace holder. A React Router v7
 * framework-mode site (the Remix successor) on Cloudflare Workers in services/site, and an AWS CDK
 * app in packages/cdk beside lambdas, are a service and infrastructure; a monorepo of published
 * library packages stays a library.
 */
import { describe, expect, it } from 'vitest';
import { profileOf } from '../src/testing/profile.js';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import iac from './operations/infrastructure-as-code.js';
import orchestration from './operations/orchestration.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';

const json = (v: unknown) => JSON.stringify(v, null, 2);

/** Enough plain source files that a lone config does not outnumber them. */
const sources = (dir: string, n = 12): Tree =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${dir}/part${i}.ts`, `export const part${i} = ${i};\n`]));

const rootHolder = (globs: string[], extra: Record<string, unknown> = {}) =>
  json({ name: 'workspace', private: true, workspaces: globs, devDependencies: { prettier: '3' }, ...extra });

/** A React Router v7 framework-mode app: the framework's build tool is a dev dependency by design. */
const reactRouterApp = (dir: string, config = 'export default { ssr: true } satisfies Config;\n'): Tree => ({
  [`${dir}package.json`]: json({
    name: 'site',
    private: true,
    scripts: { build: 'react-router build', dev: 'react-router dev' },
    dependencies: { react: '19', 'react-router': '^7.0.0', isbot: '5' },
    devDependencies: { '@react-router/dev': '^7.0.0', '@cloudflare/vite-plugin': '1', wrangler: '4' },
  }),
  [`${dir}react-router.config.ts`]: `import type { Config } from '@react-router/dev/config';\n${config}`,
  [`${dir}app/routes.ts`]: "import { flatRoutes } from '@react-router/fs-routes';\nexport default flatRoutes();\n",
  [`${dir}app/routes/_index.tsx`]:
    'export function loader() { return { ok: true }; }\nexport default function Index() { return null; }\n',
  ...sources(`${dir}app/utils`),
});

const worker = (dir: string): Tree => ({
  [`${dir}package.json`]: json({
    name: 'api-worker',
    private: true,
    scripts: { deploy: 'wrangler deploy' },
    devDependencies: { wrangler: '4' },
  }),
  [`${dir}wrangler.jsonc`]: [
    '{',
    '\t"name": "api-worker",',
    '\t// "main": "src/old.ts",',
    '\t"main": "src/index.ts",',
    '\t"compatibility_date": "2025-01-01",',
    '\t"kv_namespaces": [{ "binding": "CACHE", "id": "abc" }],',
    '\t"d1_databases": [{ "binding": "DB", "database_name": "app", "database_id": "x" }]',
    '}',
    '',
  ].join('\n'),
  [`${dir}src/index.ts`]:
    'export default {\n  async fetch(request: Request): Promise<Response> {\n    return new Response("ok");\n  },\n};\n',
  ...sources(`${dir}src/lib`),
});

const cdkApp = (dir: string): Tree => ({
  [`${dir}package.json`]: json({
    name: 'cdk',
    scripts: { synth: 'cdk synth', test: 'jest' },
    dependencies: { 'aws-cdk-lib': '2.150.0', constructs: '10' },
  }),
  [`${dir}cdk.json`]: json({ app: 'npx tsx bin/cdk.ts', context: {} }),
  [`${dir}bin/cdk.ts`]:
    "import 'source-map-support/register';\nimport { App } from 'aws-cdk-lib';\nimport { Catalogue } from '../lib/catalogue';\n\nconst app = new App();\nnew Catalogue(app, 'Catalogue-PROD', { stage: 'PROD' });\n",
  [`${dir}lib/catalogue.ts`]:
    "import { Stack } from 'aws-cdk-lib';\nimport * as rds from 'aws-cdk-lib/aws-rds';\nexport class Catalogue extends Stack {\n  constructor(scope, id, props) {\n    super(scope, id, props);\n    new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, multiAz: true });\n  }\n}\n",
});

const lambda = (dir: string): Tree => ({
  [`${dir}package.json`]: json({ name: dir.split('/').at(-2), dependencies: { '@aws-sdk/client-s3': '3' } }),
  [`${dir}src/index.ts`]: 'export async function handler(event: unknown) {\n  return { statusCode: 200 };\n}\n',
  ...sources(`${dir}src/lib`, 6),
});

describe('round 46: an app in a workspace package is found as at the root', () => {
  it('a React Router v7 framework-mode app at the root is a service', async () => {
    const p = await profileOf({ ...reactRouterApp(''), 'package.json': reactRouterApp('')['package.json']! });
    expect(p.id).toBe('service');
    expect(p.reasons.join(' ')).toContain('React Router (framework mode)');
    expect(p.reasons.join(' ')).toContain('react-router.config.ts');
  });

  it('the same app in apps/web of a pnpm workspace is a service', async () => {
    const p = await profileOf({
      'package.json': json({ name: 'mono', private: true, devDependencies: { turbo: '2' } }),
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'packages/*'\n",
      ...reactRouterApp('apps/web/'),
      ...sources('packages/ui/src'),
      'packages/ui/package.json': json({ name: '@mono/ui', private: true, dependencies: { react: '19' } }),
    });
    expect(p.id).toBe('service');
    expect(p.reasons.join(' ')).toContain('apps/web/react-router.config.ts');
  });

  it('a Cloudflare Worker in services/* of an npm workspace is a service', async () => {
    const p = await profileOf({ 'package.json': rootHolder(['services/*']), ...worker('services/api/') });
    expect(p.id).toBe('service');
    expect(p.reasons.join(' ')).toContain('Cloudflare Worker (services/api/wrangler.jsonc:4: main src/index.ts)');
    expect(p.reasons.join(' ')).toContain('kv_namespaces, d1_databases');
  });

  it('an AWS CDK app in packages/cdk beside lambdas is infrastructure', async () => {
    const p = await profileOf({
      'package.json': json({ name: 'catalogue', workspaces: ['packages/*'], devDependencies: { eslint: '9' } }),
      ...cdkApp('packages/cdk/'),
      ...lambda('packages/repocop/'),
      ...lambda('packages/obligatron/'),
    });
    expect(p.id).toBe('infrastructure');
    expect(p.reasons.join(' ')).toContain(
      'AWS CDK application (packages/cdk/cdk.json; packages/cdk/bin/cdk.ts:5 creates the app)',
    );
  });

  it('the IaC rule passes on the workspace CDK app', async () => {
    const r = await runRuleOn(iac, {
      'package.json': json({ name: 'catalogue', workspaces: ['packages/*'] }),
      ...cdkApp('packages/cdk/'),
      ...lambda('packages/repocop/'),
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('AWS CDK');
  });

  it('orchestration names the Worker config as the deployment target', async () => {
    const r = await runRuleOn(orchestration, {
      'package.json': rootHolder(['services/*']),
      ...worker('services/api/'),
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Cloudflare Workers');
  });
});

describe('round 46: what stays a library', () => {
  const libraryMonorepo = (extra: Tree = {}): Tree => ({
    'package.json': rootHolder(['packages/*']),
    '.changeset/config.json': json({ access: 'public', baseBranch: 'main' }),
    'packages/core/package.json': json({ name: '@lib/core', version: '1.2.0', exports: './dist/index.js' }),
    ...sources('packages/core/src'),
    'packages/react/package.json': json({
      name: '@lib/react',
      version: '1.2.0',
      peerDependencies: { react: '19', 'react-router': '7' },
      dependencies: { 'react-router': '^7.0.0' },
    }),
    ...sources('packages/react/src'),
    ...extra,
  });

  it('published packages with no app: library', async () => {
    expect((await profileOf(libraryMonorepo())).id).toBe('library');
  });

  it('a Worker or a React Router app in examples/ does not make it a service', async () => {
    const p = await profileOf(libraryMonorepo({ ...worker('examples/worker/'), ...reactRouterApp('examples/site/') }));
    expect(p.id).toBe('library');
  });

  it("a published package's wrangler.toml for local development does not make it a service", async () => {
    const p = await profileOf(
      libraryMonorepo({
        'packages/core/wrangler.toml': 'name = "core-dev"\nmain = "src/part0.ts"\ncompatibility_date = "2025-01-01"\n',
      }),
    );
    expect(p.id).toBe('library');
  });

  it('a CDK app in a workspace of a repository that publishes its packages is not what it ships', async () => {
    const p = await profileOf(libraryMonorepo(cdkApp('packages/docs-infra/')));
    expect(p.id).toBe('library');
  });

  it('React Router in SPA mode (ssr: false) serves nothing itself', async () => {
    const app = reactRouterApp('', 'export default { ssr: false } satisfies Config;\n');
    const p = await profileOf(app);
    expect(p.id).not.toBe('service');
  });

  it('react-router as a routing library (no @react-router/dev, no config) is no framework app', async () => {
    const p = await profileOf({
      'package.json': json({ name: 'spa', private: true, dependencies: { react: '19', 'react-router': '7' } }),
      'app/routes.ts': 'export default [];\n',
      ...sources('src'),
    });
    expect(p.id).not.toBe('service');
  });
});

describe('round 46: a service on Cloudflare Workers has no process to shut down', () => {
  it('graceful shutdown does not apply to Workers', async () => {
    const r = await runRuleOn(gracefulShutdown, {
      'package.json': rootHolder(['services/*']),
      ...worker('services/api/'),
    });
    expect(r.outcome).toBe('not-applicable');
    expect(r.message).toContain('Cloudflare Workers (services/api/wrangler.jsonc)');
  });

  it('beside a Kubernetes Deployment of a server the rule still judges it', async () => {
    const r = await runRuleOn(gracefulShutdown, {
      'package.json': rootHolder(['services/*']),
      ...worker('services/api/'),
      'services/server/package.json': json({ name: 'server', private: true, dependencies: { express: '4' } }),
      'services/server/index.js': "const app = require('express')();\napp.listen(3000);\n",
      'deploy/server.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: server\nspec:\n  template:\n    spec:\n      containers:\n        - name: server\n          image: server:1\n',
    });
    expect(r.outcome).toBe('fail');
  });
});

describe('round 46: Workers configs bind resources they do not provision', () => {
  it('infrastructure-as-code is partial on bound KV and D1, naming what is missing', async () => {
    const r = await runRuleOn(iac, { 'package.json': rootHolder(['services/*']), ...worker('services/api/') });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('kv_namespaces, d1_databases');
    expect(r.message).toContain('nothing provisions those resources as code');
    expect(r.evidence[0]).toMatchObject({ path: 'services/api/wrangler.jsonc', line: 6 });
  });

  it('a Worker with no bindings has no infrastructure to declare: still no IaC', async () => {
    const tree: Tree = { 'package.json': rootHolder(['services/*']), ...worker('services/api/') };
    tree['services/api/wrangler.jsonc'] = '{\n  "name": "api",\n  "main": "src/index.ts"\n}\n';
    const r = await runRuleOn(iac, tree);
    expect(r.outcome).toBe('fail');
  });
});

describe('round 46: templates and integration helpers are not the deployment', () => {
  it("a create-app's templates/ and an integration suite's helpers/ Workers and React Router apps are not the product", async () => {
    const p = await profileOf({
      'package.json': rootHolder(['packages/*']),
      'packages/create-app/package.json': json({
        name: 'create-app',
        version: '1.0.0',
        dependencies: { prompts: '2' },
      }),
      ...sources('packages/create-app/src'),
      ...worker('packages/create-app/templates/hello/'),
      ...reactRouterApp('integration/helpers/rr-template/'),
    });
    expect(p.id).not.toBe('service');
  });
});
