/**
 * Blind round 39, summary class 2: CI steps hidden behind reusable CI units. CircleCI orb jobs a
 * workflow lists (`- ruby-rails/test-rails: {name: test}`) are jobs, and what their names say they
 * run (tests, lint, a security scan, a build) is what CI runs; set-up steps (`install-test-deps`)
 * run none of it.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import testsInCi from './quality/tests-in-ci.js';
import ciPipeline from './operations/ci-pipeline.js';
import securityScanning from './security/security-scanning.js';

const rails = (circle: string): Tree => ({
  '.circleci/config.yml': circle,
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0.0'\ngem 'rspec-rails', group: :test\n",
  'config.ru': 'require_relative "config/environment"\nrun Rails.application\n',
  'app/controllers/items_controller.rb': 'class ItemsController < ApplicationController\n  def show; end\nend\n',
  'spec/requests/items_spec.rb': 'RSpec.describe "items" do\n  it "shows" do\n    expect(1).to eq(1)\n  end\nend\n',
});

const ORB_CI = [
  'version: 2.1',
  'orbs:',
  '  rails: acme-labs/rails-ci@2.0.1',
  'workflows:',
  '  build:',
  '    jobs:',
  '      - rails/lint:',
  '          name: lint',
  '      - rails/brakeman:',
  '          name: brakeman',
  '      - rails/test-rails:',
  '          name: test',
  '          api-only: true',
  '      - rails/docker-publish:',
  '          name: publish-latest',
  '          requires:',
  '            - test',
  '',
].join('\n');

const SETUP_ONLY = [
  'version: 2.1',
  'orbs:',
  '  rails: acme-labs/rails-ci@2.0.1',
  'workflows:',
  '  build:',
  '    jobs:',
  '      - rails/install-test-deps',
  '      - rails/lint',
  '',
].join('\n');

describe('round 39: CircleCI orb jobs are jobs, read by what their names run', () => {
  it('tests-in-ci passes on an orb job named for the tests; fails when the orb jobs only set up and lint', async () => {
    const run = await runRuleOn(testsInCi, rails(ORB_CI));
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: '.circleci/config.yml', line: 11, snippet: 'rails/test-rails' });
    expect(run.evidence[0]?.note).toMatch(/job test runs tests/);
    expect((await runRuleOn(testsInCi, rails(SETUP_ONLY))).outcome).toBe('fail');
  });

  it('security-scanning passes on an orb job named for Brakeman; fails without one', async () => {
    const run = await runRuleOn(securityScanning, rails(ORB_CI));
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/rails\/brakeman/);
    expect((await runRuleOn(securityScanning, rails(SETUP_ONLY))).outcome).toBe('fail');
  });

  it('ci-pipeline counts the orb jobs under their names', async () => {
    const run = await runRuleOn(ciPipeline, rails(ORB_CI));
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]?.note).toBe('circleci: 4 jobs (lint, brakeman, test, publish-latest)');
    const setup = await runRuleOn(ciPipeline, rails(SETUP_ONLY));
    expect(setup.outcome).toBe('partial');
    expect(setup.evidence[0]?.note).toBe('circleci: 2 jobs (rails/install-test-deps, rails/lint)');
  });
});
