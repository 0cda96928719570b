/**
 * Blind round 39, summary class 2: CI steps hidden behind reusable CI units. CircleCI orb jobs a
 * workflow lists (`- ruby-rails/test-rails: {name: test}`) are jobs, and what their names say they
 * run (tests, lint, a security scan, a build) is what CI runs; set-up steps (`install-test-deps`)
 * run none of it. GitLab jobs run the script they inherit (`<<: *anchor`, `extends:`, `!reference`),
 * unless they set their own. A Jenkinsfile that hands its build to a shared library (`@Library`, or
 * a script loaded into a variable: `jenkinsfile.gradle(…)`) is opaque: tests and scans unknown, not
 * missing; Nexus IQ (`nexusPolicyEvaluation`, a pipeline's `iq…` settings) scans the dependencies.
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

const kotlin = (jenkinsfile: string): Tree => ({
  Jenkinsfile: jenkinsfile,
  'build.gradle.kts':
    'plugins {\n  id("org.springframework.boot") version "3.2.0"\n  kotlin("jvm") version "1.9.22"\n}\ndependencies {\n  implementation("org.springframework.boot:spring-boot-starter-webflux")\n  testImplementation("org.springframework.boot:spring-boot-starter-test")\n}\n',
  'src/main/kotlin/shop/App.kt':
    'package shop\n@SpringBootApplication\nclass App\nfun main(args: Array<String>) { runApplication<App>(*args) }\n',
  'src/test/kotlin/shop/AppTest.kt': 'package shop\nclass AppTest {\n  @Test\n  fun starts() {}\n}\n',
});

const LOADED = [
  'def pipeline',
  'def settings = [',
  '  javaVersion: 17,',
  '  iqOrganizationName: "Team Shop",',
  '  iqBreakOnUnstable: true,',
  ']',
  "fileLoader.withGit('https://git.example.com/pipeline-scripts.git', 'v7') {",
  "  pipeline = fileLoader.load('templates/service')",
  '}',
  "pipeline.gradle('v7', settings)",
  '',
].join('\n');

describe('round 39: Jenkins shared libraries are opaque; Nexus IQ scans', () => {
  it('tests-in-ci is unknown for a step of a loaded pipeline script; fail for a function the file defines', async () => {
    const run = await runRuleOn(testsInCi, kotlin(LOADED));
    expect(run.outcome).toBe('unknown');
    expect(run.evidence[0]).toMatchObject({ path: 'Jenkinsfile', line: 10 });
    expect(run.message).toMatch(/pipeline\.gradle/);
    const local = "def build(v) {\n  echo v\n}\nbuild('v7')\n";
    expect((await runRuleOn(testsInCi, kotlin(local))).outcome).toBe('fail');
  });

  it('security-scanning passes on Nexus IQ settings or its step; unknown for a library step without them', async () => {
    const run = await runRuleOn(securityScanning, kotlin(LOADED));
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: 'Jenkinsfile', line: 4 });
    const step = [
      'pipeline {',
      '  agent any',
      '  stages {',
      "    stage('IQ') {",
      '      steps {',
      "        nexusPolicyEvaluation iqApplication: 'shop', iqStage: 'build'",
      '      }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    expect((await runRuleOn(securityScanning, kotlin(step))).outcome).toBe('pass');
    const library = "@Library('ci-steps') _\ngradleService(javaVersion: 17)\n";
    const opaque = await runRuleOn(securityScanning, kotlin(library));
    expect(opaque.outcome).toBe('unknown');
    expect(opaque.evidence[0]).toMatchObject({ path: 'Jenkinsfile', line: 2 });
    expect((await runRuleOn(securityScanning, kotlin("def build() {\n  echo 'x'\n}\nbuild()\n"))).outcome).toBe('fail');
  });
});
