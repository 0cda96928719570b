/**
 * Blind round 27: environments split by PaaS app names — `flyctl deploy --app NAME-staging` on one
 * branch and the production app on main; Heroku `--app`, Railway `--environment`, Vercel `--prod`
 * against a preview. One app deployed under one name separates nothing.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import environments, { paasTarget } from './environments.js';

const workflow = (steps: string[]) =>
  [
    'name: Deploy',
    'on:',
    '  push:',
    '    branches: [main, dev]',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    ...steps,
    '',
  ].join('\n');

const FLY_STAGING =
  "      - name: Deploy Staging\n        if: ${{ github.ref == 'refs/heads/dev' }}\n        run: flyctl deploy --remote-only --app ${{ steps.app_name.outputs.value }}-staging";
const FLY_PROD =
  "      - name: Deploy Production\n        if: ${{ github.ref == 'refs/heads/main' }}\n        run: flyctl deploy --remote-only --app ${{ steps.app_name.outputs.value }}";

const tree = (steps: string[]): Tree => ({
  'package.json': '{ "name": "webapp", "dependencies": { "hono": "^4.6.0" } }\n',
  'server/index.ts': "import { Hono } from 'hono';\nexport const app = new Hono();\n",
  'fly.toml': 'app = "webapp"\n',
  '.github/workflows/deploy.yml': workflow(steps),
});

describe('round 27: environments split by PaaS app names', () => {
  it('a staging app on dev and the production app on main: production and pre-production', async () => {
    const run = await runRuleOn(environments, tree([FLY_STAGING, FLY_PROD]), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/deploy.yml',
        note: expect.stringContaining('pre-production app'),
      }),
    );
  });

  it('one app deployed under one name separates nothing', async () => {
    const run = await runRuleOn(environments, tree([FLY_PROD]), { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });

  it('reads Heroku, Railway and Vercel targets', () => {
    expect(paasTarget('heroku container:release web --app acme-staging')).toEqual({
      raw: 'acme-staging',
      kind: 'preprod',
    });
    expect(paasTarget('railway up --service api --environment production')).toEqual({
      raw: 'production',
      kind: 'prod',
    });
    expect(paasTarget('vercel deploy --prebuilt --prod --token=$VERCEL_TOKEN')).toMatchObject({ kind: 'prod' });
    expect(paasTarget('vercel deploy --prebuilt --token=$VERCEL_TOKEN')).toMatchObject({ kind: 'preprod' });
    expect(paasTarget('fly deploy -a acme')).toEqual({ raw: 'acme' });
    expect(paasTarget('flyctl deploy --app ${{ steps.app_name.outputs.value }}-staging --remote-only')).toEqual({
      raw: '${{ steps.app_name.outputs.value }}-staging',
      kind: 'preprod',
    });
    expect(paasTarget('npm run deploy -- --app acme-staging')).toBeUndefined();
  });
});
