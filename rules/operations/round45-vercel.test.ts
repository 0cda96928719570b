import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import orchestration from './orchestration.js';

/**
 * Blind round 45: a Next.js app's vercel.json is its deployment configuration on a managed platform
 * (Vercel builds, runs and scales it); a documentation site's vercel.json is not the service's.
 */
const pkg = JSON.stringify({ name: 'web', dependencies: { next: '^15.0.0', react: '^19.0.0' } });
const VERCEL =
  '{\n  "buildCommand": "pnpm build && pnpm db:deploy",\n  "crons": [{ "path": "/api/house-keeping", "schedule": "0 6 * * *" }]\n}\n';

describe('orchestration: Vercel (blind round 45)', () => {
  it("the app's vercel.json beside a development compose file: Vercel is the target, cited over the landing page's", async () => {
    const r = await runRuleOn(
      orchestration,
      {
        'package.json': JSON.stringify({ name: 'root', private: true }),
        'apps/landing/package.json': pkg,
        'apps/landing/vercel.json': '{ "buildCommand": "pnpm build:landing" }\n',
        'apps/web/package.json': pkg,
        'apps/web/vercel.json': VERCEL,
        'apps/web/src/app/api/status/route.ts': 'export const GET = () => Response.json({ ok: true });\n',
        'docker-compose.dev.yml': 'services:\n  db:\n    image: postgres:16\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Vercel');
    expect(r.evidence[0]).toMatchObject({
      path: 'apps/web/vercel.json',
      note: expect.stringContaining('managed platform'),
    });
  });
  it("a docs site's vercel.json is not the service's deployment", async () => {
    const r = await runRuleOn(
      orchestration,
      {
        'package.json': pkg,
        'src/app/api/status/route.ts': 'export const GET = () => Response.json({ ok: true });\n',
        'docs/vercel.json': '{ "buildCommand": "docusaurus build" }\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('pass');
  });
});
