import { describe, expect, it } from 'vitest';
import authentication from './security/authentication.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const APP: Record<string, string> = {
  'package.json': '{"name":"app","private":true,"dependencies":{"nuxt":"^4.0.0"}}',
  'nuxt.config.ts': 'export default defineNuxtConfig({ runtimeConfig: { adminKey: "" } })\n',
  'server/api/list.ts': 'export default defineEventHandler(() => [])\n',
};

describe('authentication: a request key compared with a configured secret is a shared-key check (round 48)', () => {
  it('a route refusing a query key that is not the runtime secret: partial, not "no code that checks requests"', async () => {
    const run = await runRuleOn(
      authentication,
      {
        ...APP,
        'server/api/clear.ts':
          "export default defineEventHandler(async (event) => {\n  const { key } = getQuery(event)\n  if (key !== String(useRuntimeConfig().adminKey))\n    return { status: false, error: 'incorrect key' }\n  return { status: true }\n})\n",
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('Only a shared key guards one route: server/api/clear.ts:3');
    expect(run.message).toContain('no other endpoint authenticates its callers');
  });

  it('the same comparison on a value the request does not carry is no check', async () => {
    const run = await runRuleOn(
      authentication,
      {
        ...APP,
        'server/utils/boot.ts':
          'export function boot(key: string) {\n  if (key !== String(useRuntimeConfig().adminKey))\n    return false\n  return true\n}\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});
