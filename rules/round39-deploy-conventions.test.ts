/**
 * Blind round 39, summary class 3: deployment conventions outside Kubernetes. Capistrano stage files
 * (`config/deploy/<stage>.rb`) are deployment environments and a deployment target; a Swarm stack's
 * `deploy.mode: global` runs one task per node (not "one instance"), and `update_config.order:
 * start-first` is a rolling-update setting.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import environments from './operations/environments.js';
import orchestration from './operations/orchestration.js';
import redundancy from './reliability/redundancy.js';
import progressiveDelivery from './operations/progressive-delivery.js';

const rails = (extra: Tree): Tree => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0.0'\ngem 'capistrano-rails', group: :deployment\n",
  'config.ru': 'require_relative "config/environment"\nrun Rails.application\n',
  'app/controllers/items_controller.rb': 'class ItemsController < ApplicationController\n  def show; end\nend\n',
  Capfile: "require 'capistrano/setup'\nrequire 'capistrano/deploy'\n",
  'config/deploy.rb': "set :application, 'shelf'\nset :repo_url, 'https://example.org/shelf.git'\n",
  ...extra,
});

const stages: Tree = {
  'config/deploy/production.rb':
    "# the production servers\nserver 'shelf-prod.example.org', user: 'shelf', roles: %w[app db web]\n",
  'config/deploy/staging.rb': "server 'shelf-stage.example.org', user: 'shelf', roles: %w[app db web]\n",
};

describe('round 39: Capistrano stages', () => {
  it('environments passes on production and staging stage files; fails with the shared config alone', async () => {
    const run = await runRuleOn(environments, rails(stages));
    expect(run.outcome).toBe('pass');
    expect(run.evidence.map((e) => e.path)).toEqual(['config/deploy/production.rb', 'config/deploy/staging.rb']);
    expect((await runRuleOn(environments, rails({}))).outcome).toBe('fail');
  });

  it('orchestration names the servers the stages deploy to; without a server line nothing is described', async () => {
    const run = await runRuleOn(orchestration, rails(stages));
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/^Capistrano deploys to the servers its stages name \(production and staging\)/);
    expect(run.evidence[0]).toMatchObject({ path: 'config/deploy/production.rb', line: 2 });
    const empty = await runRuleOn(orchestration, rails({ 'config/deploy/production.rb': '# servers set elsewhere\n' }));
    expect(empty.outcome).toBe('fail');
  });
});

const stack = (deploy: string): Tree => ({
  'package.json': '{"name":"shelf","dependencies":{"express":"^4.19.0"}}\n',
  'src/server.js': 'const express = require("express");\nconst app = express();\napp.listen(8080);\n',
  Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "src/server.js"]\n',
  'docker-compose.prod.yml': `services:\n  server:\n    image: registry.example.org/shelf:latest\n    ports:\n      - "8080:8080"\n    deploy:\n${deploy}`,
});

describe('round 39: Docker Swarm stack settings', () => {
  it('redundancy credits deploy.mode global (one task per node); a single replica is a finding', async () => {
    const global = await runRuleOn(redundancy, stack('      mode: global\n'));
    expect(global.outcome).not.toBe('fail');
    expect(global.evidence.map((e) => e.note)).toContain(
      'compose service server: deploy.mode global, one task on every Swarm node (the node count is not set here)',
    );
    expect((await runRuleOn(redundancy, stack('      replicas: 1\n'))).outcome).toBe('fail');
  });

  it('progressive-delivery gives partial credit to update_config order start-first; stop-first is no rolling setting', async () => {
    const run = await runRuleOn(
      progressiveDelivery,
      stack('      mode: global\n      update_config:\n        order: start-first\n        failure_action: rollback\n'),
    );
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({ path: 'docker-compose.prod.yml', line: 9 });
    const stop = await runRuleOn(progressiveDelivery, stack('      update_config:\n        order: stop-first\n'));
    expect(stop.outcome).toBe('fail');
  });
});
