/**
 * Blind round 37: a Procfile with a `web:` process is a platform's process manifest (Heroku, Dokku,
 * Scalingo). A README that says the project is deployed to Heroku, or code that reads Heroku's
 * `DYNO`, names the platform; a Procfile of development commands, or Procfile.dev, is local.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import orchestration from './operations/orchestration.js';

const app = {
  Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'puma'\n",
  'lib/app.rb': "require 'sinatra'\nget('/') { 'ok' }\n",
  'README.md': '# Jobs\n\nA job queue API.\n',
};
const procfile = 'web: bundle exec puma -C config/puma.rb\nworker: bundle exec sidekiq\n';

describe('round 37: a Procfile with a web process', () => {
  for (const [what, extra] of <[string, Record<string, string>][]>[
    ['README "Deployment: Heroku"', { 'README.md': '# Jobs\n\n* **Deployment**: Heroku\n' }],
    ['README git push heroku', { 'README.md': '# Jobs\n\n## Deploy\n\n    git push heroku main\n' }],
    [
      'code reads DYNO (Ruby)',
      { 'config.ru': "require './lib/app'\n$stdout.sync = true if ENV['DYNO']\nrun Sinatra::Application\n" },
    ],
    ['code reads DYNO (Node)', { 'lib/boot.js': 'if (process.env.DYNO) console.log("on a dyno");\n' }],
  ])
    it(`is Heroku when ${what}`, async () => {
      const r = await runRuleOn(orchestration, { ...app, Procfile: procfile, ...extra }, { profile: 'service' });
      expect(r.outcome).toBe('pass');
      expect(r.message).toContain('Heroku');
    });

  it('is a platform process manifest, partial, when nothing names the platform', async () => {
    const r = await runRuleOn(orchestration, { ...app, Procfile: procfile }, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('platform process manifest');
    expect(r.evidence[0]).toMatchObject({ path: 'Procfile', line: 1 });
  });

  it('a Procfile of development commands stays a local process list', async () => {
    const r = await runRuleOn(
      orchestration,
      {
        ...app,
        Procfile: 'web: bin/rails server --reload\ncss: npm run watch\n',
        'README.md': '# Jobs\nDeployed to Heroku.\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it('Procfile.dev (foreman, overmind) is no deployment', async () => {
    const r = await runRuleOn(orchestration, { ...app, 'Procfile.dev': procfile }, { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });
});
