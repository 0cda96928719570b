/**
 * Blind round 45, class "committed secrets judged by name, not value" (issue 15). A framework's
 * committed defaults .env whose secret-named keys hold file paths (`JWT_SECRET_KEY=%kernel.project_dir%/…pem`),
 * empty values and a local database password equal to the user name commits no credential; while a
 * generated secret_key_base that production Mix configuration falls back to when the variable is
 * unset (alone on its line inside an `if` bound to `secret_key_base =`, or after `||`) is one.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import { phoenixService } from '../../src/testing/elixir-trees.js';
import noCommittedSecrets from './no-committed-secrets.js';
import { envSecrets, filePathValue, secretBinding } from '../../src/facts/secrets.js';

// A generated-looking key, assembled so no scanner flags this file.
const KEY = ['Qh7vR2mXk9PzL4wN', 'b8Tc3Yd6Fs1Ga5Je', '0uKi+Vo/Hn2Wq7Ep', 'Zr4Mx9Ly6Ct3Bs8D'].join('');

const symfony = (password: string, host = 'localhost', user = 'shop'): Tree => ({
  'composer.json':
    '{"require": {"php": ">=8.2", "symfony/framework-bundle": "7.1.*", "lexik/jwt-authentication-bundle": "^3.0"}}\n',
  'public/index.php': '<?php\nuse App\\Kernel;\nrequire_once dirname(__DIR__)."/vendor/autoload_runtime.php";\n',
  '.env': [
    'APP_ENV=dev',
    'APP_SECRET=',
    'JWT_SECRET_KEY=%kernel.project_dir%/config/jwt/private.pem',
    'JWT_PUBLIC_KEY=%kernel.project_dir%/config/jwt/public.pem',
    'JWT_PASSPHRASE=',
    `DB_NAME=shop`,
    `DB_HOST=${host}`,
    `DB_USER=${user}`,
    `DB_PASSWORD=${password}`,
    '',
  ].join('\n'),
});

const runtime = (body: string[]): Tree =>
  phoenixService([], {
    'config/runtime.exs': ['import Config', '', 'if config_env() == :prod do', ...body, 'end', ''].join('\n'),
    'config/dev.exs': `import Config\n\nconfig :shop, ShopWeb.Endpoint,\n  secret_key_base: "${KEY}"\n`,
  });

describe('round 45: a committed .env judged by its values', () => {
  it('passes on a defaults .env with key paths, empty secrets and a local default password', async () => {
    const run = await runRuleOn(noCommittedSecrets, symfony('shop'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence.some((e) => e.path === '.env' && /no real secret values/.test(e.note ?? ''))).toBe(true);
  });

  it('passes when the password differs from the user but its host is this machine', async () => {
    const run = await runRuleOn(noCommittedSecrets, symfony('Tr0ub4dor-x9k2', 'localhost', 'app'), {
      profile: 'service',
    });
    expect(run.outcome).toBe('pass');
  });

  it('still fails on a real-looking password for a remote database host', async () => {
    const run = await runRuleOn(noCommittedSecrets, symfony('Tr0ub4dor-x9k2', 'db.internal.example.net', 'app'), {
      profile: 'service',
    });
    expect(run.outcome).toBe('fail');
    expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toContain('.env:9');
    expect(run.evidence.some((e) => e.line === 3)).toBe(false);
  });

  it('reads paths as paths and keys as keys', () => {
    expect(filePathValue('%kernel.project_dir%/config/jwt/private.pem')).toBe(true);
    expect(filePathValue('./keys/jwt.key')).toBe(true);
    expect(filePathValue('/run/secrets/db_password')).toBe(true);
    expect(filePathValue('config/jwt/private.pem')).toBe(true);
    expect(filePathValue(KEY)).toBe(false);
    expect(filePathValue('ab12/cd34ef56gh78ij90')).toBe(false);
    expect(envSecrets('.env', `JWT_SECRET_KEY=${KEY}\n`)).toHaveLength(1);
  });
});

describe('round 45: a generated default secret in production Mix configuration', () => {
  const fallback = [
    '  secret_key_base =',
    '    if System.get_env("SECRET_KEY_BASE") do',
    '      System.get_env("SECRET_KEY_BASE")',
    '    else',
    '      if System.get_env("RUN_CONTEXT") == "selfhosted" do',
    '        # Using the default is dangerous on an internet-facing server.',
    `        "${KEY}"`,
    '      else',
    '        raise "environment variable SECRET_KEY_BASE is missing."',
    '      end',
    '    end',
  ];

  it('fails on a literal an if-block bound to secret_key_base falls back to', async () => {
    const run = await runRuleOn(noCommittedSecrets, runtime(fallback), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]).toMatchObject({ path: 'config/runtime.exs', line: 10 });
    expect(run.evidence[0]!.note).toMatch(/secret_key_base falls back to this literal/);
    expect(JSON.stringify(run.evidence)).not.toContain(KEY);
  });

  it('fails on `System.get_env(…) || "…"` in runtime.exs', async () => {
    const run = await runRuleOn(
      noCommittedSecrets,
      runtime([`  secret_key_base = System.get_env("SECRET_KEY_BASE") || "${KEY}"`]),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });

  it('passes when production raises instead (the dev.exs key is a development key)', async () => {
    const run = await runRuleOn(
      noCommittedSecrets,
      runtime([
        '  secret_key_base =',
        '    System.get_env("SECRET_KEY_BASE") ||',
        '      raise "environment variable SECRET_KEY_BASE is missing."',
      ]),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });

  it('a development Dockerfile that fetches dev and test deps does not make dev.exs deployed', async () => {
    const tree = {
      ...runtime(['  secret_key_base = System.get_env("SECRET_KEY_BASE") || raise "missing"']),
      'docker/dev.Dockerfile': 'FROM elixir:1.17\nRUN MIX_ENV=dev mix deps.get && MIX_ENV=test mix deps.get\n',
      'docker/app.Dockerfile': 'FROM elixir:1.17\nENV MIX_ENV="prod"\nRUN mix release\n',
    };
    const run = await runRuleOn(noCommittedSecrets, tree, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    const deployed = await runRuleOn(
      noCommittedSecrets,
      { ...tree, 'docker/app.Dockerfile': 'FROM elixir:1.17\nENV MIX_ENV="dev"\nRUN mix release\n' },
      { profile: 'service' },
    );
    expect(deployed.outcome).toBe('fail');
    expect(deployed.evidence[0]).toMatchObject({ path: 'config/dev.exs' });
  });

  it('does not bind a literal of another setting (a long static asset digest, a salt)', () => {
    const lines = ['config :shop,', '  cache_manifest:', `    "${KEY}"`, `  signing_salt: "${KEY}"`];
    expect(secretBinding(lines, 3)).toBeUndefined();
    expect(secretBinding(lines, 4)).toBeUndefined();
    expect(secretBinding(fallback, 7)).toBe('secret_key_base');
  });
});
