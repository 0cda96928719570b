import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import retries from './retries.js';

/**
 * Blind round 21 (CodeTriage): the GitHub client's own retry count is set in an initializer, and the
 * jobs are ActiveJob classes run by the Sidekiq adapter (not `include Sidekiq::Job`), which the
 * round-19 Sidekiq check did not see; the calls are made in a fetcher class, not in the job files.
 */
const RAILS_TRIAGE = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'sidekiq'\ngem 'hub_client'\n",
  'config/application.rb': [
    'module Triage', // 1
    '  class Application < Rails::Application', // 2
    '    config.load_defaults 7.1', // 3
    '    config.active_job.queue_adapter = :sidekiq', // 4
    '  end', // 5
    'end', // 6
  ].join('\n'),
  'config/initializers/hub_client.rb': [
    '# the API client retries a failed request', // 1
    'HubClient::Request::USER_AGENT = "triage"', // 2
    'HubClient::Request::RETRIES = 3', // 3
  ].join('\n'),
  'app/jobs/application_job.rb': 'class ApplicationJob < ActiveJob::Base\n  queue_as :default\nend\n',
  'app/jobs/sync_issues_job.rb': [
    'class SyncIssuesJob < ApplicationJob', // 1
    '  def perform(repo)', // 2
    '    IssueFetcher.new(repo).call', // 3
    '  end', // 4
    'end', // 5
  ].join('\n'),
  'app/models/issue_fetcher.rb': [
    'class IssueFetcher', // 1
    '  def initialize(repo)', // 2
    '    @api_path = "/repos/#{repo}/issues"', // 3
    '  end', // 4
    '', // 5
    '  def call', // 6
    '    HubClient.get(api_path, state: "open")', // 7
    '  end', // 8
    'end', // 9
  ].join('\n'),
};

describe("round 21: a client's own retry count and ActiveJob on Sidekiq", () => {
  it('the client retry constant is a retry without backoff (partial 0.5), and the Sidekiq jobs are named', async () => {
    const r = await runRuleOn(retries, RAILS_TRIAGE, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.score).toBe(0.5);
    expect(r.message).toMatch(
      /config\/initializers\/hub_client\.rb:3 sets `HubClient::Request::RETRIES = 3` \(3 retries\)/,
    );
    expect(r.message).toMatch(/jobs? run on Sidekiq \(config\/application\.rb:4\)/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'config/initializers/hub_client.rb', line: 3 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'config/application.rb', line: 4 }));
  });

  it('without the client setting, ActiveJob jobs on Sidekiq alone are a job retry (partial 0.3)', async () => {
    const { 'config/initializers/hub_client.rb': _, ...tree } = RAILS_TRIAGE;
    const r = await runRuleOn(retries, tree, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.score).toBe(0.3);
    expect(r.message).toMatch(/^Only jobs are retried: 1 job run on Sidekiq/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'config/application.rb', line: 4 }));
  });

  it('an ActiveJob job on Sidekiq that makes the call in its own file passes as Sidekiq job retries', async () => {
    const r = await runRuleOn(
      retries,
      {
        ...RAILS_TRIAGE,
        'app/jobs/ping_job.rb': [
          'class PingJob < ApplicationJob', // 1
          '  def perform(url)', // 2
          '    Net::HTTP.get_response(URI(url))', // 3
          '  end', // 4
          'end', // 5
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/^Sidekiq job retries/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/jobs/ping_job.rb', line: 3 }));
  });

  it('without the Sidekiq adapter, ActiveJob jobs are no retry', async () => {
    const { 'config/initializers/hub_client.rb': _, ...tree } = RAILS_TRIAGE;
    const r = await runRuleOn(
      retries,
      { ...tree, 'config/application.rb': tree['config/application.rb'].replace(':sidekiq', ':async') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});
