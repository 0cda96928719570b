/**
 * Blind round 39, summary class 2: CI steps hidden behind reusable CI units. CircleCI orb jobs a
 * workflow lists (`- ruby-rails/test-rails: {name: test}`) are jobs, and what their names say they
 * run (tests, lint, a security scan, a build) is what CI runs; set-up steps (`install-test-deps`)
 * run none of it. GitLab jobs run the script they inherit (`<<: *anchor`, `extends:`, `!reference`),
 * unless they set their own.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import testsInCi from './quality/tests-in-ci.js';
import ciPipeline from './operations/ci-pipeline.js';
import securityScanning from './security/security-scanning.js';
import continuousDeployment from './operations/continuous-deployment.js';
import { ciFiles } from '../src/facts/ci.js';
import { memoryIndex } from '../src/testing/memory.js';

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

const swarmService = (gitlab: string): Tree => ({
  '.gitlab-ci.yml': gitlab,
  'Package.swift': '// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: "shop")\n',
  Dockerfile: 'FROM swift:5.10\nCOPY . .\nRUN swift build -c release\nEXPOSE 8080\nCMD [".build/release/Run"]\n',
  'app.yml': 'services:\n  server:\n    image: registry.example.com/shop:latest\n    ports:\n      - "8080:8080"\n',
});

const ANCHORED = [
  'stages: [build, deploy]',
  '.deploy-common: &deploy-common',
  '  stage: deploy',
  '  image: docker',
  '  script: |',
  '    set -eu',
  '    docker stack deploy --with-registry-auth -c app.yml app',
  'deploy prod:',
  '  rules:',
  '    - if: $CI_COMMIT_TAG',
  '  <<: *deploy-common',
  'deploy dev:',
  '  extends: .deploy-common',
  '',
].join('\n');

describe('round 39: GitLab jobs run the script they inherit', () => {
  it('continuous-deployment passes on jobs that take their deploy script from an anchor or extends; fails when the job sets its own', async () => {
    const run = await runRuleOn(continuousDeployment, swarmService(ANCHORED));
    expect(run.outcome).toBe('pass');
    expect(run.evidence.map((e) => [e.line, e.note])).toEqual([
      [7, 'job deploy prod deploys: .gitlab-ci.yml:7 → docker stack deploy'],
      [7, 'job deploy dev deploys: .gitlab-ci.yml:7 → docker stack deploy'],
    ]);
    const own = ANCHORED.replace(
      '  <<: *deploy-common',
      '  <<: *deploy-common\n  script: echo "deploys by hand"',
    ).replace('  extends: .deploy-common', '  extends: .deploy-common\n  script: echo "deploys by hand"');
    expect((await runRuleOn(continuousDeployment, swarmService(own))).outcome).not.toBe('pass');
  });

  it('a `!reference [.template, script]` item runs the referenced lines in its job; the template alone runs in no job', () => {
    const text = [
      '.tests:',
      '  script:',
      '    - swift test --parallel',
      'test:',
      '  script:',
      '    - echo start',
      '    - !reference [.tests, script]',
      '',
    ].join('\n');
    const [f] = ciFiles(memoryIndex({ '.gitlab-ci.yml': text }));
    expect(f!.commands.map((c) => [c.job, c.line, c.text])).toEqual([
      ['test', 6, 'echo start'],
      ['test', 3, 'swift test --parallel'],
    ]);
    const unused = ciFiles(
      memoryIndex({ '.gitlab-ci.yml': '.tests:\n  script:\n    - swift test\nlint:\n  script:\n    - swiftlint\n' }),
    );
    expect(unused[0]!.commands.map((c) => [c.job, c.text])).toEqual([
      [undefined, 'swift test'],
      ['lint', 'swiftlint'],
    ]);
  });
});
