/**
 * Blind round 29, class "practices configured the framework's way": a Rails forum records its
 * exceptions with the exception-track engine (mounted in routes.rb, configured with
 * exception_notification): a self-hosted tracker, partial credit — errors are kept, not grouped and
 * alerted on by a service. A Rails app with none stays a fail.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import errorTracking from './error-tracking.js';

const rails = (extra: Tree): Tree => ({
  Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 8.0"\ngem "puma"\n',
  'config/application.rb': 'module Forum\n  class Application < Rails::Application\n  end\nend\n',
  'app/controllers/topics_controller.rb': 'class TopicsController < ApplicationController\n  def index; end\nend\n',
  'config/routes.rb': 'Rails.application.routes.draw do\n  resources :topics\nend\n',
  ...extra,
});

describe('round 29: a self-hosted exception tracker mounted in the app', () => {
  it('is partial credit with the mount cited', async () => {
    const run = await runRuleOn(
      errorTracking,
      rails({
        Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 8.0"\ngem "exception-track"\n',
        'config/routes.rb':
          'Rails.application.routes.draw do\n  resources :topics\n  authenticate :user, ->(u) { u.admin? } do\n    mount ExceptionTrack::Engine, at: "exception-track"\n  end\nend\n',
        'config/initializers/exception-track.rb':
          'ExceptionNotification.configure do |config|\n  config.ignored_exceptions += %w[ActionController::BadRequest]\nend\n',
      }),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/self-hosted tracker/);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'config/routes.rb', line: 4, note: 'self-hosted error tracker' }),
    );
  });

  it('fails when nothing records the exceptions', async () => {
    const run = await runRuleOn(errorTracking, rails({}), { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });
});
