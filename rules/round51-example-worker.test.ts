/**
 * Blind round 51 (issue 15): a Cloudflare Worker whose wrangler config is committed only as an
 * example (`wrangler.example.toml`, the real one git-ignored), routing with itty-router and deployed
 * by a `wrangler deploy` script, was judged a library and 23 service rules were not applicable.
 * The example config is the Worker's deployment descriptor; itty-router is a web framework.
 */
import { describe, expect, it } from 'vitest';
import { profileOf } from '../src/testing/profile.js';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import orchestration from './operations/orchestration.js';
import containerImage from './operations/container-image.js';
import healthChecks from './reliability/health-checks.js';
import { elixirFacts as factsOf } from '../src/testing/elixir-trees.js';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const sources = (dir: string, n = 12): Tree =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${dir}/part${i}.ts`, `export const part${i} = ${i};\n`]));

const exampleWorker = (config: Record<string, string>, deps: Record<string, string> = {}): Tree => ({
  'package.json': json({
    name: 'oci-registry',
    version: '1.0.0',
    main: 'index.ts',
    scripts: { deploy: 'wrangler deploy --env production', test: 'vitest run' },
    dependencies: { zod: '4', ...deps },
    devDependencies: { wrangler: '4', vitest: '4' },
  }),
  ...config,
  'index.ts':
    "import { Router } from 'itty-router';\nconst router = Router();\nexport default {\n  async fetch(request: Request): Promise<Response> {\n    return router.fetch(request);\n  },\n};\n",
  ...sources('src/lib'),
});

const TOML =
  'name = "reg"\nworkers_dev = true\nmain = "./index.ts"\n[env.production]\nr2_buckets = [\n  { binding = "REGISTRY", bucket_name = "" }\n]\n';

describe('round 51: a Worker whose wrangler config is an example', () => {
  it('wrangler.example.toml naming an existing entry makes a service', async () => {
    const p = await profileOf(exampleWorker({ 'wrangler.example.toml': TOML }));
    expect(p.id).toBe('service');
    expect(p.reasons.join(' ')).toContain('Cloudflare Worker (wrangler.example.toml:3: main index.ts)');
  });

  it('wrangler.example.jsonc too', async () => {
    const p = await profileOf(
      exampleWorker({ 'wrangler.example.jsonc': '{\n  "name": "reg",\n  "main": "index.ts"\n}\n' }),
    );
    expect(p.id).toBe('service');
  });

  it('orchestration names the example config as the deployment target', async () => {
    const r = await runRuleOn(orchestration, exampleWorker({ 'wrangler.example.toml': TOML }));
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Cloudflare Workers');
  });

  it('an example config whose entry does not exist makes no service', async () => {
    const p = await profileOf(
      exampleWorker({ 'wrangler.example.toml': 'name = "reg"\nmain = "./worker/missing.ts"\n' }),
    );
    expect(p.id).not.toBe('service');
  });

  it('an example config in examples/ of a library makes no service', async () => {
    const p = await profileOf(exampleWorker({ 'examples/demo/wrangler.example.toml': TOML }));
    expect(p.id).not.toBe('service');
  });
});

describe('round 51: itty-router is a web framework', () => {
  it('is detected from the manifest', async () => {
    const facts = await factsOf(exampleWorker({}, { 'itty-router': '^5.0.0' }));
    expect(facts.frameworks.map((f) => f.name)).toContain('itty-router');
  });
});

describe('round 51: a Worker has no process to health-check and no image', () => {
  it('health-checks does not apply to a Worker', async () => {
    const r = await runRuleOn(healthChecks, exampleWorker({ 'wrangler.example.toml': TOML }));
    expect(r.outcome).toBe('not-applicable');
    expect(r.message).toContain('Cloudflare Workers');
  });

  it('container-image does not apply to a Worker without a Dockerfile', async () => {
    const r = await runRuleOn(containerImage, exampleWorker({ 'wrangler.example.toml': TOML }));
    expect(r.outcome).toBe('not-applicable');
    expect(r.message).toContain('Cloudflare Worker (wrangler.example.toml)');
  });

  it('a Worker with a Dockerfile (a Containers binding) still has its image judged', async () => {
    const r = await runRuleOn(
      containerImage,
      exampleWorker({ 'wrangler.example.toml': TOML, Dockerfile: 'FROM node:22\nCMD ["node", "server.js"]\n' }),
    );
    expect(r.outcome).not.toBe('not-applicable');
  });
});
