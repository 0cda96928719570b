/**
 * Blind round 29, class "look-alikes accepted": a Ruby method whose keyword parameter is named
 * `timeout:` (`def online?(timeout: 300)`, a presence window kept in Redis) is the method's own
 * setting, not a client's timeout, in a file that makes no outbound call. A `timeout:` given to
 * Faraday stays an explicit client timeout.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import timeouts from './timeouts.js';

const app = (client: string): Tree => ({
  Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 8.0"\ngem "faraday"\n',
  'config/application.rb': 'module Forum\n  class Application < Rails::Application\n  end\nend\n',
  'app/models/user/online_trackable.rb': [
    'class User',
    '  module OnlineTrackable',
    '    def touch_online',
    '      Redis.current.set("online:#{id}", Time.now.to_i)',
    '    end',
    '',
    '    def online?(timeout: 300)',
    '      Time.now.to_i - Redis.current.get("online:#{id}").to_i < timeout',
    '    end',
    '  end',
    'end',
    '',
  ].join('\n'),
  'app/models/user/github_repository.rb': [
    'class User',
    '  module GithubRepository',
    '    def fetch_repos',
    `      conn = ${client}`,
    '      conn.get("/users/#{login}/repos")',
    '    end',
    '  end',
    'end',
    '',
  ].join('\n'),
});

describe('round 29: a Ruby method parameter named timeout is no client timeout', () => {
  it('fails when the only client has no timeout, not citing the method parameter', async () => {
    const run = await runRuleOn(timeouts, app('Faraday.new("https://api.github.com")'), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence.some((e) => e.path === 'app/models/user/online_trackable.rb')).toBe(false);
  });

  it('passes when the Faraday client sets its timeout', async () => {
    const run = await runRuleOn(
      timeouts,
      app('Faraday.new("https://api.github.com", request: { timeout: 5, open_timeout: 2 })'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });
});
