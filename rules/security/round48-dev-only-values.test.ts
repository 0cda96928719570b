/**
 * Blind round 48, class "a value whose words say it is for development only" (issue 15): a compose
 * file's `SECRET_KEY: suitable-for-development-only`, `JWT_SECRET: dev-only-signing-key`, a
 * `not-for-production` or `local-development` value describes itself as a stand-in: a placeholder,
 * not a credential, and no partial. A generated key stays a finding, even one whose random letters
 * happen to spell a word.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import noCommittedSecrets from './no-committed-secrets.js';
import { isPlaceholder, secretValue } from '../../src/facts/secrets.js';

const run = (tree: Tree) => runRuleOn(noCommittedSecrets, tree, { profile: 'service' });
const compose = (value: string): Tree => ({
  'requirements.txt': 'django==5.0\n',
  'docker-compose.yml': [
    '# This file is not intended to be used for production.',
    'services:',
    '  web:',
    '    build: .',
    '    environment:',
    '      DEBUG: 1',
    `      SECRET_KEY: ${value}`,
  ].join('\n'),
});

describe('round 48: values whose words say they are for development only are stand-ins', () => {
  for (const value of [
    'suitable-for-development-only',
    'dev-only-signing-key-2024',
    'development_only_secret_key',
    'not-for-production-use-42',
    'local-development-secret-key',
    'for_local_dev_use_only',
  ]) {
    it(`passes on SECRET_KEY: ${value}`, async () => {
      expect(isPlaceholder(value)).toBe(true);
      const r = await run(compose(value));
      expect(r.outcome).toBe('pass');
      expect(r.message).toBe('No committed credentials found.');
    });
  }

  it('still fails on a generated key in the same place', async () => {
    const key = ['Qh7vR2mXk9PzL4wN', 'b8Tc3Yd6Fs1Ga5Je'].join('');
    const r = await run(compose(key));
    expect(r.outcome).not.toBe('pass');
  });

  it('a generated key whose letters spell a word is not a stand-in', () => {
    for (const v of ['a8Klocal9Zq2Wd7Xv1Bn', 'Xdevelopment9q2W7v1Bn3k', 'p0Q9onlyx7Rz2Lk4Vb8'])
      expect(secretValue(v)).toBe(true);
    // Nor is a password to a database whose host is named for development.
    expect(isPlaceholder('postgres://app:Qh7vR2mXk9PzL4wN@db.development.internal/app')).toBe(false);
  });
});
