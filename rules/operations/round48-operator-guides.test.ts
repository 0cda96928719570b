import { describe, expect, it } from 'vitest';
import rule from './runbooks.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 48: a service's operator guides written as man pages in Markdown — "# Deploying
 * <product>" (stop, update, start; a /health check to monitor it) and "# Debugging <product>" (where
 * the server log is, `<product> status`) — were "no runbooks". They are operational sections: partial
 * credit, not a dedicated runbook. A "Debugging" page about a developer's IDE, or a "Deploying" page
 * with prose only or a first-time setup guide (nothing on upgrading, rolling back or health) earns nothing.
 */
const DEPLOY = [
  '<!-- generated -->', // 1
  '', // 2
  '# Deploying Cachebox', // 3
  '', // 4
  'When you are ready to upgrade, stop the server first, then start it again once you are done:', // 5
  '', // 6
  '    $ cachebox stop', // 7
  '    $ bundle update', // 8
  '    $ cachebox start', // 9
  '', // 10
  '## Monitoring', // 11
  '', // 12
  'Request /health from the server: every health check reports OK or the status code says which failed.', // 13
].join('\n');
const DEBUG = [
  '# Debugging Cachebox', // 1
  '', // 2
  'Start with the server log, server.log in the base directory.', // 3
  '', // 4
  '    $ cachebox status', // 5
].join('\n');
const SERVICE = {
  Gemfile: "source 'https://rubygems.org'\ngem 'puma'\ngem 'sinatra'\n",
  'config.ru': "require './app'\nrun App\n",
  'app.rb': "require 'sinatra/base'\nclass App < Sinatra::Base\n  get('/') { 'ok' }\nend\n",
  'README.md': '# Cachebox\n\nA caching proxy.\n',
};

describe('runbooks: operator guides by title (blind round 48)', () => {
  it('deploying and debugging guides with procedures are operational sections (partial)', async () => {
    const r = await runRuleOn(
      rule,
      { ...SERVICE, 'docs/cachebox-deploy.7.md': DEPLOY, 'docs/cachebox-debugging.7.md': DEBUG },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('partial');
    expect(r.message).toMatch(/diagnosis and operations/);
    expect(r.message).toMatch(/no dedicated runbook/);
    expect(r.evidence.find((e) => e.path === 'docs/cachebox-deploy.7.md')?.line).toBe(3);
    expect(r.evidence.find((e) => e.path === 'docs/cachebox-debugging.7.md')?.note).toMatch(/diagnosis/);
  });
  it('a debugging guide for the IDE and a deploying page with prose only earn nothing', async () => {
    const r = await runRuleOn(
      rule,
      {
        ...SERVICE,
        'docs/debugging.md':
          '# Debugging\n\nOpen the project in your IDE and set a breakpoint.\n\n    $ npm run dev\n\nThe dev server on localhost reloads on save; read its logs in the terminal.\n',
        'docs/deploying.md': '# Deploying Cachebox\n\nCachebox is easy to deploy and a joy to run.\n',
        // A first-time setup guide: commands, but nothing about upgrading, rolling back or health.
        'docs/deploy_lowcost.md':
          '# Deploying with Minimal Costs\n\nTurn off the monitoring service, then run:\n\n    $ azd up\n\nThe servers start on the cheapest plan; read their logs in the portal.\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('fail');
  });
});
