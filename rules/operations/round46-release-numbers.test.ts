/**
 * Blind round 46: a Rails service released by a workflow that tags each release with a number
 * (`v663`, `release_1234`: 2,248 tags) was "no release tool": sequential release tags are versions.
 */
import { describe, expect, it } from 'vitest';
import rule from './release-management.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const app = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
  'config/application.rb': 'module Alerts\n  class Application < Rails::Application\n  end\nend\n',
};

describe('release-management: numbered release tags (round 46)', () => {
  it('vN and release_N tags are a release history', async () => {
    const r = await runRuleOn(rule, app, {
      profile: 'service',
      tags: ['v663', 'v662', 'v659', 'release_1000', 'release_999'],
    });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.message).toMatch(/5 version tags in git \(latest v663\)/);
  });
  it('tags that name no version stay no release history', async () => {
    const r = await runRuleOn(rule, app, { profile: 'service', tags: ['deployed', 'staging', 'hotfix-login'] });
    expect(r.outcome).toBe('fail');
  });
});
