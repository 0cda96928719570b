import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import circuitBreakers from './circuit-breakers.js';
import retries from './retries.js';

/**
 * Blind round 20: a gem in an optional Bundler group (`group :payments, :optional => true`) is
 * installed only on request; with no code that uses it, it is not the service's outbound client.
 */
const GEMFILE = [
  "source 'https://rubygems.org'", // 1
  "gem 'rails'", // 2
  "gem 'bcrypt'", // 3
  '', // 4
  'group :payments, :optional => true do', // 5
  "  gem 'stripe'", // 6
  'end', // 7
].join('\n');
const SHOP = {
  Gemfile: GEMFILE,
  'config/application.rb': 'module Shop\n  class Application < Rails::Application\n  end\nend\n',
  'app/controllers/orders_controller.rb': 'class OrdersController < ApplicationController\n  def index; end\nend\n',
};

describe('optional Bundler groups', () => {
  it('an optional gem no code uses is no outbound client: retries and circuit breakers are N/A', async () => {
    for (const rule of [retries, circuitBreakers]) {
      const r = await runRuleOn(rule, SHOP, { profile: 'service' });
      expect(r.outcome).toBe('not-applicable');
      expect(JSON.stringify(r.evidence)).not.toContain('stripe');
    }
  });

  it('the same gem counts once the code uses it (Stripe::Charge.create)', async () => {
    const r = await runRuleOn(
      retries,
      {
        ...SHOP,
        'app/models/payment.rb': 'class Payment\n  def charge!\n    Stripe::Charge.create(amount: 100)\n  end\nend\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'app/models/payment.rb', line: 3, note: 'imports the client library stripe' }),
    );
  });

  it('`optional: true` in the new hash syntax is read the same way', async () => {
    const r = await runRuleOn(
      retries,
      { ...SHOP, Gemfile: GEMFILE.replace(':optional => true', 'optional: true') },
      {
        profile: 'service',
      },
    );
    expect(r.outcome).toBe('not-applicable');
  });
});
