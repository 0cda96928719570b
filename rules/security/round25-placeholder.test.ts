/**
 * Blind round 25, class "a placeholder secret in an env template not named .example": LinkAce's
 * `.env.docker` ships `APP_KEY=someRandomStringWith32Characters` ("The app key is generated later").
 * One placeholder judgement (secrets.ts isPlaceholder) for every secret check: words that describe
 * the value to choose are no credential, wherever they are; a generated-looking key still counts.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import { connectionSecret, describedValue, isPlaceholder } from '../../src/facts/secrets.js';
import noCommittedSecrets from './no-committed-secrets.js';

const env = (key: string) =>
  [
    '## Basic app configuration', // 1
    'COMPOSE_PROJECT_NAME=bookmarks', // 2
    'APP_ENV=production', // 3
    '# The app key is generated later, please leave it like that', // 4
    `APP_KEY=${key}`, // 5
    'DB_CONNECTION=mysql', // 6
    'DB_PASSWORD=ChangeThisToASecurePassword!', // 7
    '',
  ].join('\n');

const tree = (key: string): Tree => ({
  'composer.json': '{"name":"acme/bookmarks","require":{"laravel/framework":"^10.0"}}',
  '.env.docker': env(key),
  '.env.docker.production': env(key),
});

describe('round 25: placeholders in env templates', () => {
  it('words that describe the value are placeholders; generated keys are not', () => {
    for (const v of ['someRandomStringWith32Characters', 'YourSecretKeyHere', 'a-long-random-string-of-32-chars'])
      expect(isPlaceholder(v)).toBe(true);
    for (const v of ['kJ8s2LmQ9xVb4Tn7Wz1Rc5Yp3Hd6Fg0A', 'base64:3q2+7w==', 'Tr0ub4dor&3', 'MoonlightSonata1801'])
      expect(describedValue(v)).toBe(false);
  });

  it('passes on .env.docker files whose APP_KEY is a described stand-in, naming them as placeholder-only', async () => {
    const run = await runRuleOn(noCommittedSecrets, tree('someRandomStringWith32Characters'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.env.docker',
        note: expect.stringContaining(
          'committed .env file with no real secret values (public settings or placeholders only; not counted)',
        ),
      }),
    );
  });

  it('still fails on a generated-looking APP_KEY in the same file', async () => {
    const run = await runRuleOn(noCommittedSecrets, tree('base64:Jx8Qm2Lz7Rt4Vw9Ks1Pd6Hn3Yc5Bf0Ga8Ue2Io4Wq='), {
      profile: 'service',
    });
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]).toMatchObject({ path: '.env.docker', line: 5, snippet: 'APP_KEY=[REDACTED]' });
  });

  it('typed passwords made of ordinary words stay secrets in a .env (review: describing words were too broad)', async () => {
    const typed = ['MyStrongPasswordForTheServer1', 'SuperSecretKeyForProd2024', 'ThisIsMySecretPassword1'];
    for (const v of typed) expect(isPlaceholder(v)).toBe(false);
    const run = await runRuleOn(
      noCommittedSecrets,
      {
        'composer.json': '{"name":"acme/bookmarks","require":{"laravel/framework":"^10.0"}}',
        '.env': typed.map((v, i) => `SECRET_${i}_PASSWORD=${v}`).join('\n') + '\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.evidence.filter((e) => e.path === '.env').map((e) => e.line)).toEqual([1, 2, 3]);
  });

  it('10,000 seeded random 64-hex keys are all secrets, none a described value', () => {
    let seed = 25;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    let described = 0;
    for (let k = 0; k < 10_000; k++) {
      let key = '';
      for (let i = 0; i < 64; i++) key += ((next() >> 16) & 15).toString(16);
      if (isPlaceholder(key) || describedValue(key)) described++;
    }
    expect(described).toBe(0);
  });

  it('a connection string password is never excused by its words (remote database)', () => {
    expect(
      connectionSecret(
        'Server=db.prod.example.net;Password=someRandomStringWith32Characters;',
        'someRandomStringWith32Characters',
      ),
    ).toBe(true);
  });
});
