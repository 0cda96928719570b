/**
 * Blind round 46: a committed .env whose block is marked for local development ("# --- FOR LOCAL
 * DEVELOPMENT ONLY ---", a host key naming localhost) holds the password a developer's database is
 * started with, not a credential; it failed the rule as a committed secret. The same value in a block
 * with no such sign, or under a header that names production, is still a finding.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import noCommittedSecrets from './no-committed-secrets.js';

const tree = (env: string) => ({
  'package.json': JSON.stringify({ name: 'infra', dependencies: { pg: '^8.0.0' } }),
  'src/db.ts':
    "import { Client } from 'pg';\nexport const c = new Client({ password: process.env.DATABASE_PASSWORD });\n",
  '.env': env,
});

describe('local-development blocks of a committed .env (round 46)', () => {
  it('a password under a "for local development only" header is not counted', async () => {
    const r = await runRuleOn(
      noCommittedSecrets,
      tree(
        [
          '# Plugin versions',
          'PLUGIN_VERSION=1.2.3',
          '',
          '# --- FOR LOCAL DEVELOPMENT ONLY ---',
          'STAGE=DEV',
          'DATABASE_USER=app',
          'DATABASE_PASSWORD=q7Wm2xRt9LpZ',
          'DATABASE_PORT=5432',
        ].join('\n'),
      ),
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
  });
  it('a password beside a host key naming localhost is not counted', async () => {
    const r = await runRuleOn(
      noCommittedSecrets,
      tree(['DATABASE_HOSTNAME=localhost', 'DATABASE_USER=app', 'DATABASE_PASSWORD=q7Wm2xRt9LpZ'].join('\n')),
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
  });
  it('the same password in a block with no such sign is still a committed secret', async () => {
    const r = await runRuleOn(
      noCommittedSecrets,
      tree(
        [
          '# --- FOR LOCAL DEVELOPMENT ONLY ---',
          'STAGE=DEV',
          '',
          'DATABASE_HOSTNAME=db.internal.example.org',
          'DATABASE_PASSWORD=q7Wm2xRt9LpZ',
        ].join('\n'),
      ),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: '.env', line: 5 }));
  });
  it('a header that names production is no local block', async () => {
    const r = await runRuleOn(
      noCommittedSecrets,
      tree(['# local copy of the production database credentials', 'DATABASE_PASSWORD=q7Wm2xRt9LpZ'].join('\n')),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});
