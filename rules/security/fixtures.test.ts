/** The whole security pillar on two inert mini-repos on disk: one hardened, one leaky. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import pillar from './index.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

function load(dir: string): Tree {
  const tree: Tree = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else tree[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return tree;
}

async function verdicts(name: string): Promise<Record<string, string>> {
  const tree = load(join(import.meta.dirname, '..', '..', 'fixtures', name));
  const out: Record<string, string> = {};
  for (const { rule } of pillar.rules)
    out[rule.meta.id] = (await runRuleOn(rule, tree, { profile: 'service' })).outcome;
  return out;
}

describe('security pillar on fixtures', () => {
  it('security-hardened-go passes every rule', async () => {
    expect(await verdicts('security-hardened-go')).toEqual({
      authentication: 'pass',
      authorization: 'pass',
      'container-user': 'pass',
      'dependency-updates': 'pass',
      license: 'pass',
      lockfiles: 'pass',
      'no-committed-secrets': 'pass',
      'security-middleware': 'pass',
      'security-policy': 'pass',
      'security-scanning': 'pass',
    });
  });

  it('security-leaky-django fails where it leaks, and never prints the secrets', async () => {
    expect(await verdicts('security-leaky-django')).toEqual({
      authentication: 'fail',
      authorization: 'fail',
      'container-user': 'fail',
      'dependency-updates': 'fail',
      license: 'fail',
      lockfiles: 'fail',
      'no-committed-secrets': 'fail',
      'security-middleware': 'fail',
      'security-policy': 'fail',
      'security-scanning': 'fail',
    });
    const tree = load(join(import.meta.dirname, '..', '..', 'fixtures', 'security-leaky-django'));
    const secrets = (await import('./no-committed-secrets.js')).default;
    const run = await runRuleOn(secrets, tree, { profile: 'service' });
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'shop/settings.py', line: 2 }));
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: '.env', line: 2, snippet: 'DB_PASSWORD=[REDACTED]' }),
    );
    expect(JSON.stringify(run)).not.toMatch(/k7#q2v|Vq9!fixture/);
  });
});
