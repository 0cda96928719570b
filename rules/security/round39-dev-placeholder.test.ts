/**
 * Blind round 39: a Rails app's config/settings.yml held the token for a dependency running on the
 * developer's machine (`url: 'http://localhost:3003'`, a JWT with payload {"sub":"Foo"}, under a
 * comment saying how to generate it with docker compose); it failed the rule as a committed
 * credential. A development placeholder is noted, not counted; the same value without those signs,
 * or beside a comment that names production, is still a finding.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import { developmentPlaceholder } from '../../src/facts/secrets.js';
import noCommittedSecrets from './no-committed-secrets.js';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: object) => `${b64({ alg: 'HS256' })}.${b64(claims)}.Qx7vT2mZk9LpR4sW8yB1nC6dF3hJ5gK0aE-uV_oX`;
const rails = (settings: string) => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\ngem 'config'\n",
  'config/application.rb': 'module Ingest\n  class Application < Rails::Application\n  end\nend\n',
  'config/settings.yml': settings,
});

describe('development placeholders in settings files', () => {
  const real = jwt({ sub: 'ingest-service', iss: 'catalog.internal', iat: 1700000000 });

  it('a token under a comment that says how to generate it locally is set aside', async () => {
    const tree = rails(
      [
        'catalog:',
        "  url: 'https://catalog.internal.example.org'",
        '  # To generate the token locally: docker compose run catalog rake generate_token',
        `  token: ${real}`,
      ].join('\n'),
    );
    const r = await runRuleOn(noCommittedSecrets, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'config/settings.yml',
        line: 4,
        note: expect.stringMatching(/development placeholder/),
      }),
    );
  });

  it('a token whose block points at localhost, or a JWT of stand-in claims, is set aside', async () => {
    const local = rails(['catalog:', "  url: 'http://localhost:3003'", `  token: ${real}`].join('\n'));
    expect((await runRuleOn(noCommittedSecrets, local, { profile: 'service' })).outcome).toBe('pass');
    const dummy = rails(
      ['catalog:', "  url: 'https://catalog.internal.example.org'", `  token: ${jwt({ sub: 'Foo' })}`].join('\n'),
    );
    expect((await runRuleOn(noCommittedSecrets, dummy, { profile: 'service' })).outcome).toBe('pass');
  });

  it('a real-looking token without those signs, or under a comment naming production, is a committed credential', async () => {
    const bare = rails(['catalog:', "  url: 'https://catalog.internal.example.org'", `  token: ${real}`].join('\n'));
    expect((await runRuleOn(noCommittedSecrets, bare, { profile: 'service' })).outcome).toBe('fail');
    const prod = rails(
      [
        'catalog:',
        "  url: 'https://catalog.internal.example.org'",
        '  # production token, generated locally by the ops team',
        `  token: ${real}`,
      ].join('\n'),
    );
    expect((await runRuleOn(noCommittedSecrets, prod, { profile: 'service' })).outcome).toBe('fail');
  });

  it('the judgement names its reason and stays bounded on hostile lines', () => {
    expect(developmentPlaceholder(['a:', '  url: http://127.0.0.1:9000', '  key: x'], 3, 'x')).toMatch(/localhost/);
    expect(developmentPlaceholder(['a:', '  url: https://api.example.org', '  key: x'], 3, 'x')).toBeUndefined();
    const long = `  token: "${'"'.repeat(50_000)}${"'".repeat(50_000)}`;
    expect(developmentPlaceholder(['a:', long], 2, 'x')).toBeUndefined();
  });
});
