/**
 * Blind round 29, class "secrets: empty values and self-hosting placeholders". A defaults `.env`
 * that leaves `secret_key_base=` empty (to be set in `.env.local`) commits no secret: the signing
 * secret pattern read past the end of the empty line and took the next line (`domain=localhost`) as
 * its value. A self-hosting env template whose connection URL carries the compose file's demo
 * password (`postgres://postgres:password@db/…`) and whose keys say "replace this" commits none
 * either; a real-looking password in the same URL still counts.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import noCommittedSecrets from './no-committed-secrets.js';
import { envSecrets } from '../../src/facts/secrets.js';

const railsDefaults = (secret: string): Tree => ({
  Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 8.0"\n',
  '.env': [
    '# DO NOT CHANGE THIS FILE, OVERRIDE IN .env.local',
    'RAILS_ENV=production',
    'DATABASE_URL=postgres://localhost:5432/forum',
    `secret_key_base=${secret}`,
    'domain=localhost',
    'https_enabled_for_host=false',
    '',
  ].join('\n'),
});

const selfHosted = (password: string): Tree => ({
  'Cargo.toml': '[package]\nname = "captcha"\nversion = "0.1.0"\n[dependencies]\nactix-web = "4"\n',
  'docker-compose.yml': [
    'services:',
    '  app:',
    '    image: acme/captcha:latest',
    '    env_file:',
    '      - .env.docker-compose',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    `      POSTGRES_PASSWORD: ${password} # change password`,
    '',
  ].join('\n'),
  '.env.docker-compose': [
    `DATABASE_URL=postgres://postgres:${password}@db:5432/postgres`,
    'APP_server_COOKIE_SECRET=pleasereplacethiswithrandomstring # PLEASE SET RANDOM STRING',
    'APP_captcha_SALT=pleasereplacethiswithrandomstring',
    '',
  ].join('\n'),
});

describe('round 29: empty values and self-hosting placeholders are no committed secrets', () => {
  it('passes on a defaults .env whose secret_key_base is empty', async () => {
    const run = await runRuleOn(noCommittedSecrets, railsDefaults(''), { profile: 'service' });
    expect(run.outcome).toBe('pass');
  });

  it('still fails when the same line carries a generated key', async () => {
    const run = await runRuleOn(noCommittedSecrets, railsDefaults('9f8e7d6c5b4a39281706f5e4d3c2b1a0Zq8Xw7Vu6'), {
      profile: 'service',
    });
    expect(run.outcome).toBe('fail');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: '.env', line: 4 }));
  });

  it('passes on a self-hosting env template with the compose demo password and "replace this" secrets', async () => {
    const run = await runRuleOn(noCommittedSecrets, selfHosted('password'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
  });

  it('fails when the connection URL carries a real-looking password', async () => {
    const run = await runRuleOn(noCommittedSecrets, selfHosted('Qm7vT2xL9pRw4Kz8'), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: '.env.docker-compose', line: 1 }));
  });
});

describe('env values built to make the URL and placeholder checks backtrack', () => {
  it('reads a run of colons or of `<` once, with the same verdicts', () => {
    // Hostile: a URL whose user part is `a:a:a:…` and no `@` (each colon was a fresh retry of the
    // rest of the run), and a value of `<` with no `>` (each `<` scanned to the end).
    const n = 100_000;
    const text = [
      `APP_PASSWORD=postgres://${'a:'.repeat(n)}`,
      `API_SECRET=${'<'.repeat(n)}`,
      `DATABASE_URL=mysql://${'a:'.repeat(n)}/db`,
      'DB_PASSWORD=postgres://app:Zq8vR2mK9wLx@db.internal/app',
      'TOKEN_SECRET=<a<b<your-token>',
      '',
    ].join('\n');
    expect(envSecrets('.env', text).map((s) => s.key)).toEqual(['API_SECRET', 'DB_PASSWORD']);
  });
});
