import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import environments from './environments.js';

/**
 * Blind round 38: a folder of per-environment configuration (`appconfig/{dev,test,pre,snd1,prd}.yaml`)
 * names the environments the service is deployed to before production, not production only.
 */
const APP = {
  'package.json': JSON.stringify({ name: 'pay', dependencies: { '@hapi/hapi': '^21.0.0' } }),
  'app/index.js': "const Hapi = require('@hapi/hapi');\nHapi.server({ port: 3000 }).start();\n",
};
const cfg = (names: string[]) => Object.fromEntries(names.map((n) => [`appconfig/${n}.yaml`, `environment: ${n}\n`]));

describe('round 38: a per-environment config folder', () => {
  it('dev, test, pre, snd1 and prd files are several environments', async () => {
    const r = await runRuleOn(
      environments,
      { ...APP, ...cfg(['dev', 'test', 'pre', 'snd1', 'snd2', 'pr', 'prd']) },
      {
        profile: 'service',
      },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).not.toMatch(/Only production/);
  });

  it('a settings folder of other kinds beside one production file stays production only', async () => {
    const r = await runRuleOn(
      environments,
      { ...APP, ...cfg(['database', 'logging', 'routes', 'prd']) },
      {
        profile: 'service',
      },
    );
    expect(r.outcome).not.toBe('pass');
  });
});
