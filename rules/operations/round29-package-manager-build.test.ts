/**
 * Blind round 29, class "look-alikes accepted": a single-stage Rails image on the project's own
 * toolchain base (gcc, build-base) runs `bundle install && yarn` and `rails assets:precompile`:
 * it builds in the final image, so a build stage is asked for. A single stage that only copies
 * files onto a tool image still builds nothing.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import containerImage from './container-image.js';

const rails = (runs: string[]): Tree => ({
  Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 8.0"\ngem "puma"\n',
  'config/application.rb': 'module Forum\n  class Application < Rails::Application\n  end\nend\n',
  '.dockerignore': 'log\ntmp\n',
  Dockerfile: [
    'FROM acme/forum-base:3.4-alpine',
    'WORKDIR /app',
    'COPY . .',
    ...runs,
    'CMD ["bundle", "exec", "puma"]',
    '',
  ].join('\n'),
});

describe('round 29: package-manager installs and asset builds are a build in the final image', () => {
  it('asks for a build stage when bundle install, yarn and assets:precompile run in the only stage', async () => {
    const run = await runRuleOn(
      containerImage,
      rails(['RUN bundle install && yarn && \\', '    yarn cache clean', 'RUN bundle exec rails assets:precompile']),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/multi-stage/);
  });

  it('does not ask for one when the stage only copies files', async () => {
    const run = await runRuleOn(containerImage, rails([]), { profile: 'service' });
    expect(run.outcome).toBe('pass');
  });
});
