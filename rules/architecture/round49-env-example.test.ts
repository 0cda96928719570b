/**
 * Blind round 49: a Rails back end loads its settings with dotenv-rails and documents them in
 * backend/env-example (PORT, BASE_URL, REDIS_URL …): the env template under a name without the
 * leading dot. It was "no .env.example". A file that merely starts with env (`environment.md`) is none.
 */
import { describe, expect, it } from 'vitest';
import rule from './config-externalized.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const tree = (extra: Tree): Tree => ({
  'backend/Gemfile': "source 'https://rubygems.org'\ngem 'rails'\ngem 'dotenv-rails'\n",
  'backend/config/puma.rb': "port ENV.fetch('PORT', 3000)\n",
  'backend/config/initializers/redis.rb': "Redis.new(url: ENV['REDIS_URL'])\n",
  'backend/config.ru': 'run Rails.application\n',
  'README.md': '# Tracker\n\nA symptom tracker.\n',
  ...extra,
});

describe('round 49: env template without the leading dot', () => {
  for (const name of ['backend/env-example', 'backend/env_sample', 'backend/env.template']) {
    it(`${name} documents the settings`, async () => {
      const r = await runRuleOn(
        rule,
        tree({ [name]: 'PORT=3000\nBASE_URL=http://localhost:3000\nREDIS_URL=redis://localhost:6379\n' }),
        {
          profile: 'service',
        },
      );
      expect(r.evidence.find((e) => e.path === name)?.note, r.message).toBe('documents the environment variables');
      expect(r.message).not.toMatch(/documentation of the settings/);
    });
  }
  it('a file named env-something else is no template', async () => {
    const r = await runRuleOn(rule, tree({ 'backend/env-notes': 'PORT=3000\nBASE_URL=x\nREDIS_URL=y\n' }), {
      profile: 'service',
    });
    expect(r.evidence.some((e) => e.path === 'backend/env-notes')).toBe(false);
  });
});
