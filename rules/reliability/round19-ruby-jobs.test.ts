import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import retries from './retries.js';
import timeouts from './timeouts.js';

/**
 * Blind round 19: Faraday's per-request options are timeouts, and a Sidekiq job that makes the
 * outbound call is retried with Sidekiq's exponential backoff.
 */
const RUBY_NOTIFIER = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'faraday'\ngem 'sidekiq'\n",
  'config/application.rb': 'module Notifier\n  class Application < Rails::Application\n  end\nend\n',
  'app/lib/probe.rb': [
    'class Probe', // 1
    '  LIMIT = 10', // 2
    '', // 3
    '  def head(url)', // 4
    '    conn.run_request(:head, url, nil, {}) do |req|', // 5
    '      req.options.timeout = LIMIT', // 6
    '      req.options[:open_timeout] = LIMIT', // 7
    '    end', // 8
    '  end', // 9
    '', // 10
    '  def conn', // 11
    '    Faraday.new(request: { timeout: LIMIT })', // 12
    '  end', // 13
    'end', // 14
  ].join('\n'),
  'app/sidekiq/callback_job.rb': [
    'class CallbackJob', // 1
    '  include Sidekiq::Job', // 2
    '', // 3
    '  sidekiq_options queue: :callbacks, retry: 6', // 4
    '', // 5
    '  def perform(url, body)', // 6
    '    Faraday.post(url, body) do |req|', // 7
    '      req.options.timeout = 15', // 8
    '    end', // 9
    '  end', // 10
    'end', // 11
  ].join('\n'),
};

describe('Ruby outbound calls: Faraday request options and Sidekiq jobs', () => {
  it('timeouts: req.options.timeout = … and Faraday.new(request: { timeout: }) bound the calls', async () => {
    const r = await runRuleOn(timeouts, RUBY_NOTIFIER, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/lib/probe.rb', line: 6 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/sidekiq/callback_job.rb', line: 8 }));
  });

  it('retries: a Sidekiq job making the call is retried with backoff (Sidekiq job retries)', async () => {
    const r = await runRuleOn(retries, RUBY_NOTIFIER, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/^Sidekiq job retries: .*app\/sidekiq\/callback_job\.rb:4 sets retry: 6/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/sidekiq/callback_job.rb', line: 2 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/sidekiq/callback_job.rb', line: 7 }));
  });

  it('retries: without sidekiq_options the default 25 retries are said; retry: false is no retry', async () => {
    const job = RUBY_NOTIFIER['app/sidekiq/callback_job.rb'];
    const dflt = await runRuleOn(
      retries,
      {
        ...RUBY_NOTIFIER,
        'app/sidekiq/callback_job.rb': job.replace('queue: :callbacks, retry: 6', 'queue: :callbacks'),
      },
      { profile: 'service' },
    );
    expect(dflt.outcome).toBe('pass');
    expect(dflt.message).toMatch(/Sidekiq's default, 25 retries/);
    const off = await runRuleOn(
      retries,
      { ...RUBY_NOTIFIER, 'app/sidekiq/callback_job.rb': job.replace('retry: 6', 'retry: false') },
      { profile: 'service' },
    );
    expect(off.outcome).not.toBe('pass');
  });
});
