/**
 * Blind round 48: a server shipped as a gem published it from a job with `environment: rubygems.org`
 * through RubyGems' release action; continuous-deployment called it "jobs target deployment
 * environments". Publishing a package (the release action, `rake release`, `gem push`) is a release,
 * not a deployment; a job that also deploys still counts.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import continuousDeployment from './operations/continuous-deployment.js';

const GEM_SERVER = {
  'mirror.gemspec': 'Gem::Specification.new do |s|\n  s.name = "mirror"\n  s.add_dependency "sinatra", "~> 4.0"\nend\n',
  Gemfile: 'source "https://rubygems.org"\ngemspec\n',
  'lib/mirror/web.rb': 'require "sinatra/base"\nclass Web < Sinatra::Base\nend\n',
};

const workflow = (steps: string[]) =>
  [
    'name: Publish gem',
    'on:',
    '  push:',
    '    tags: ["v*"]',
    'jobs:',
    '  push:',
    '    runs-on: ubuntu-latest',
    '    environment:',
    '      name: rubygems.org',
    '      url: https://rubygems.org/gems/mirror',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: ruby/setup-ruby@v1',
    ...steps,
    '',
  ].join('\n');

describe('a gem publish job gates a release, not a deployment', () => {
  for (const [how, steps] of [
    ['the RubyGems release action', ['      - uses: rubygems/release-gem@v1']],
    ['bundle exec rake release', ['      - run: bundle exec rake release']],
    ['gem push', ['      - run: gem build mirror.gemspec && gem push mirror-*.gem']],
  ] as const) {
    it(how, async () => {
      const r = await runRuleOn(
        continuousDeployment,
        { ...GEM_SERVER, '.github/workflows/push_gem.yml': workflow([...steps]) },
        { profile: 'service' },
      );
      expect(r.outcome, r.message).toBe('fail');
      expect(r.message).toContain('gates a release, not a deployment');
      expect(r.evidence.find((e) => e.path !== '.')).toMatchObject({
        path: '.github/workflows/push_gem.yml',
        line: 9,
        note: expect.stringMatching(/^set aside: job push only publishes a package \(.*package publish/),
      });
    });
  }

  it('the same environment on a job that deploys is a deployment', async () => {
    const r = await runRuleOn(
      continuousDeployment,
      {
        ...GEM_SERVER,
        '.github/workflows/push_gem.yml': workflow([
          '      - uses: rubygems/release-gem@v1',
          '      - run: flyctl deploy --remote-only',
        ]),
      },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).not.toBe('fail');
    expect(r.message).not.toContain('gates a release');
  });
});
