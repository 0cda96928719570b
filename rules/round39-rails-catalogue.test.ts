/**
 * Blind round 39 (a Rails 8 API): okcomputer mounted at /status was "no health endpoint", the
 * honeybadger gem (its key in a deployment-provided config/honeybadger.yml) was "no DSN or key
 * configured", and the config gem's config/settings.yml with config/settings/*.yml was "no
 * documentation of the settings". Each is the Rails convention for the practice.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import healthEndpoints from './observability/health-endpoints.js';
import errorTracking from './observability/error-tracking.js';
import configExternalized from './architecture/config-externalized.js';

const gemfile = (...gems: string[]) =>
  ["source 'https://rubygems.org'", "gem 'rails', '~> 8.0'", ...gems.map((g) => `gem '${g}'`)].join('\n');
const rails = (gems: string[], extra: Record<string, string> = {}) => ({
  Gemfile: gemfile(...gems),
  'config/application.rb': 'module Shelf\n  class Application < Rails::Application\n  end\nend\n',
  'config/routes.rb': 'Rails.application.routes.draw do\n  resources :books\nend\n',
  'app/controllers/books_controller.rb': 'class BooksController < ApplicationController\nend\n',
  ...extra,
});

describe('Rails health-check engines', () => {
  it('okcomputer serves health checks at the path it is mounted at', async () => {
    const tree = rails(['okcomputer'], {
      'config/initializers/okcomputer.rb': [
        "OkComputer.mount_at = 'status'",
        "OkComputer::Registry.register 'database', OkComputer::ActiveRecordCheck.new",
      ].join('\n'),
    });
    const r = await runRuleOn(healthEndpoints, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/okcomputer \(\/status, and \/status\/all/);
  });

  it('the health_check gem is a health endpoint; a Rails app without any is not', async () => {
    const withGem = rails(['health_check'], {
      'config/routes.rb': 'Rails.application.routes.draw do\n  health_check_routes\n  resources :books\nend\n',
    });
    expect((await runRuleOn(healthEndpoints, withGem, { profile: 'service' })).outcome).toBe('pass');
    expect((await runRuleOn(healthEndpoints, rails([]), { profile: 'service' })).outcome).toBe('fail');
  });
});

describe('Rails error trackers that start themselves', () => {
  it('honeybadger in a Rails app reports errors with its key from the deployment', async () => {
    const tree = rails(['honeybadger'], {
      'config/deploy.rb':
        "set :application, 'shelf'\nappend :linked_files, 'config/database.yml', 'config/honeybadger.yml'\n",
    });
    const r = await runRuleOn(errorTracking, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/starts with Rails/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'config/deploy.rb', line: 2 }));
  });

  it('sentry-ruby needs its Sentry.init: declared alone it stays partial', async () => {
    const r = await runRuleOn(errorTracking, rails(['sentry-ruby']), { profile: 'service' });
    expect(r.outcome).toBe('partial');
  });
});

describe('the config gem documents the settings', () => {
  const settings = [
    'catalog:',
    "  url: 'http://localhost:3003'",
    '  timeout: 10',
    "redis_url: 'redis://localhost:6379/'",
    'batch_size: 20',
  ].join('\n');
  const env = { 'config/puma.rb': "port ENV.fetch('PORT', 3000)\n" };

  it('config/settings.yml with per-environment overrides is documented configuration', async () => {
    const tree = rails(['config'], {
      ...env,
      'config/settings.yml': settings,
      'config/settings/production.yml': 'batch_size: 50\n',
      'config/initializers/config.rb': 'Config.setup do |config|\n  config.use_env = true\nend\n',
    });
    const r = await runRuleOn(configExternalized, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'config/settings.yml',
        note: expect.stringMatching(/config gem.*production\.yml.*use_env/),
      }),
    );
  });

  it('the same settings.yml without the config gem documents nothing', async () => {
    const tree = rails([], { ...env, 'config/settings.yml': settings });
    expect((await runRuleOn(configExternalized, tree, { profile: 'service' })).outcome).toBe('partial');
  });
});
