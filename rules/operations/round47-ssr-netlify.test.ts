import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import continuousDeployment from './continuous-deployment.js';

/**
 * Blind round 47: a Nuxt app built with `nuxt build` on Netlify is rendered on the server (Netlify
 * functions), so netlify.toml deploys the app, not a static site built from one folder. A static
 * build (`nuxt generate`, or top-level `ssr: false`) beside the app's own image stays set aside.
 */
const tree = (build: string, nuxtConfig = 'export default defineNuxtConfig({\n  modules: [],\n})\n') => ({
  'package.json': `{"name":"app","scripts":{"build":"${build}"},"dependencies":{"nuxt":"^3.0.0"}}`,
  'nuxt.config.ts': nuxtConfig,
  'server/api/status.ts': 'export default defineEventHandler(() => ({ ok: true }))\n',
  Dockerfile: 'FROM node:20-slim\nCOPY . /app\nRUN pnpm run build\nCMD ["node", ".output/server/index.mjs"]\n',
  'netlify.toml': '[build]\npublish = "dist"\ncommand = "pnpm run build"\n',
});

describe('round 47: a server-rendered app on Netlify is deployed there', () => {
  it('nuxt build through the package script: the platform config counts (partial)', async () => {
    const run = await runRuleOn(continuousDeployment, tree('nuxt build'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('A hosting platform config (netlify.toml) suggests deploys on push');
  });
  it('nuxt generate is a static site: set aside beside the image', async () => {
    const run = await runRuleOn(continuousDeployment, tree('nuxt generate'), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('netlify.toml publishes a static site built from one folder');
  });
  it('nuxt build with top-level ssr: false is a static client: set aside', async () => {
    const run = await runRuleOn(
      continuousDeployment,
      tree('nuxt build', 'export default defineNuxtConfig({\n  ssr: false,\n  image: {\n    ssr: true,\n  },\n})\n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});
