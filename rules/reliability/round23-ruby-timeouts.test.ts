import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import timeouts from './timeouts.js';

/**
 * Blind round 23 (a Rails chat app): `http.open_timeout = ENDPOINT_TIMEOUT` and `http.read_timeout =
 * ENDPOINT_TIMEOUT` on a Net::HTTP connection were not read as timeouts (only a number was), and the
 * rule failed with "no explicit timeouts". A timeout set from a constant or a setting is explicit.
 */
const webhook = (value: string) =>
  [
    'require "net/http"', // 1
    '', // 2
    'class Webhook < ApplicationRecord', // 3
    '  ENDPOINT_TIMEOUT = 7.seconds', // 4
    '', // 5
    '  def deliver(payload)', // 6
    '    http.request Net::HTTP::Post.new(uri, "Content-Type" => "application/json").tap { |r| r.body = payload }', // 7
    '  end', // 8
    '', // 9
    '  private', // 10
    '    def http', // 11
    '      Net::HTTP.new(uri.host, uri.port).tap do |http|', // 12
    '        http.use_ssl = (uri.scheme == "https")', // 13
    `        http.open_timeout = ${value}`, // 14
    `        http.read_timeout = ${value}`, // 15
    '      end', // 16
    '    end', // 17
    '', // 18
    '    def uri', // 19
    '      @uri ||= URI(url)', // 20
    '    end', // 21
    'end', // 22
  ].join('\n');
const tree = (value: string) => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\n",
  'config/application.rb': 'module Chat\n  class Application < Rails::Application\n  end\nend\n',
  'app/models/webhook.rb': webhook(value),
});

describe('round 23: Ruby Net::HTTP timeouts set from a constant', () => {
  it('open_timeout/read_timeout = ENDPOINT_TIMEOUT: explicit timeouts, cited at their line', async () => {
    const r = await runRuleOn(timeouts, tree('ENDPOINT_TIMEOUT'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'app/models/webhook.rb', line: 14, note: 'explicit timeout' }),
    );
  });

  it('set to nil they bound nothing: no explicit timeout', async () => {
    const r = await runRuleOn(timeouts, tree('nil'), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
    expect(r.evidence.some((e) => e.note === 'explicit timeout')).toBe(false);
  });
});
