import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import orchestration from './orchestration.js';
import environments from './environments.js';

/** A Nuxt app on Netlify beside a compose file: a server-rendered build runs on the platform. */
const tree = (build: string) => ({
  'package.json': `{"name":"app","scripts":{"build":"${build}"},"dependencies":{"nuxt":"^4.0.0"}}`,
  'nuxt.config.ts': 'export default defineNuxtConfig({\n  modules: [],\n})\n',
  'server/api/status.ts': 'export default defineEventHandler(() => ({ ok: true }))\n',
  Dockerfile: 'FROM node:22-slim\nCOPY . /app\nRUN pnpm run build\nCMD ["node", ".output/server/index.mjs"]\n',
  'docker-compose.yaml': 'services:\n  app:\n    build: .\n    ports:\n      - 3000:3000\n',
  'netlify.toml': '[build]\npublish = "dist"\ncommand = "pnpm run build"\n',
});

describe('orchestration: Netlify running a server-rendered build is a deployment target (round 48)', () => {
  it('nuxt build on Netlify: pass, naming Netlify', async () => {
    const run = await runRuleOn(orchestration, tree('nuxt build'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Deployment target described: Netlify');
  });
  it('nuxt generate (a static site): Netlify is not the target, compose alone stays partial', async () => {
    const run = await runRuleOn(orchestration, tree('nuxt generate'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).not.toContain('Netlify');
  });
});

describe('environments: Netlify deploy contexts of a server-rendered app (round 48)', () => {
  const withContexts = (build: string, contexts: string) => {
    const t = tree(build);
    return { ...t, 'netlify.toml': `${t['netlify.toml']}\n${contexts}` };
  };
  it('a deploy-preview context: pre-production described (partial), cited at its line', async () => {
    const run = await runRuleOn(
      environments,
      withContexts('nuxt build', '[context.deploy-preview.environment]\nNUXT_STORAGE_DRIVER = "memory"\n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('Netlify deploy-preview');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'netlify.toml', line: 5 }));
  });
  it('production and deploy-preview contexts: pass', async () => {
    const run = await runRuleOn(
      environments,
      withContexts(
        'nuxt build',
        '[context.production]\ncommand = "pnpm run build"\n\n[context.deploy-preview]\ncommand = "pnpm run build"\n',
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });
  it("a static site's contexts are not the service's", async () => {
    const run = await runRuleOn(
      environments,
      withContexts('nuxt generate', '[context.production]\ncommand = "x"\n\n[context.deploy-preview]\ncommand = "x"\n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});
