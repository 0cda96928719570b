import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import orchestration from './orchestration.js';

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
