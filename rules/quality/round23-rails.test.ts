import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import testTypes from './test-types.js';
import testsInCi from './tests-in-ci.js';

/**
 * Blind round 23 (a Rails 8 app): CI ran the suites with `bin/rails db:setup test` and `bin/rails
 * db:setup test:system` — the rails command runs its tasks in turn, the test task after a namespaced
 * one — yet tests-in-ci said no job runs a test command. Controller tests subclassing
 * ActionDispatch::IntegrationTest drive requests through the whole stack: integration tests.
 */
const workflow = [
  'name: CI', // 1
  'on: [push]', // 2
  'jobs:', // 3
  '  test:', // 4
  '    runs-on: ubuntu-latest', // 5
  '    steps:', // 6
  '      - uses: actions/checkout@v4', // 7
  '      - uses: ruby/setup-ruby@v1', // 8
  '        with:', // 9
  '          bundler-cache: true', // 10
  '      - name: Run tests', // 11
  '        run: bin/rails db:setup test', // 12
  '  test_system:', // 13
  '    runs-on: ubuntu-latest', // 14
  '    steps:', // 15
  '      - uses: actions/checkout@v4', // 16
  '      - name: Run system tests', // 17
  '        run: bin/rails db:test:prepare test:system', // 18
].join('\n');
const controllerTest = [
  'require "test_helper"', // 1
  '', // 2
  'class RoomsControllerTest < ActionDispatch::IntegrationTest', // 3
  '  setup do', // 4
  '    sign_in :david', // 5
  '  end', // 6
  '', // 7
  '  test "index redirects to the last room" do', // 8
  '    get rooms_url', // 9
  '    assert_redirected_to room_url(rooms(:watercooler))', // 10
  '  end', // 11
  'end', // 12
].join('\n');
const modelTest = [
  'require "test_helper"', // 1
  '', // 2
  'class RoomTest < ActiveSupport::TestCase', // 3
  '  test "has a name" do', // 4
  '    assert rooms(:watercooler).name.present?', // 5
  '  end', // 6
  'end', // 7
].join('\n');
const RAILS = (steps: string = workflow) => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\n",
  Rakefile: 'require_relative "config/application"\n\nRails.application.load_tasks\n',
  'config/application.rb': 'module Chat\n  class Application < Rails::Application\n  end\nend\n',
  'bin/rails': '#!/usr/bin/env ruby\nrequire_relative "../config/boot"\nrequire "rails/commands"\n',
  'test/test_helper.rb': 'require "rails/test_help"\n',
  'test/models/room_test.rb': modelTest,
  'test/controllers/rooms_controller_test.rb': controllerTest,
  '.github/workflows/ci.yml': steps,
});

describe('round 23: Rails multi-task commands and integration tests', () => {
  it('`bin/rails db:setup test` and `… db:test:prepare test:system` run the tests: pass, cited per job', async () => {
    const r = await runRuleOn(testsInCi, RAILS(), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/ci.yml',
        line: 12,
        note: expect.stringMatching(/rails test/),
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/ci.yml',
        line: 18,
        note: expect.stringMatching(/rails test/),
      }),
    );
  });

  it('`bin/rails db:setup` alone runs no tests', async () => {
    const r = await runRuleOn(
      testsInCi,
      RAILS(workflow.replace('db:setup test', 'db:setup').split('\n').slice(0, 12).join('\n')),
      {
        profile: 'service',
      },
    );
    expect(r.outcome).not.toBe('pass');
  });

  it('ActionDispatch::IntegrationTest controller tests are integration tests, model tests unit', async () => {
    const r = await runRuleOn(testTypes, RAILS(), { profile: 'service' });
    expect(r.message).toMatch(/unit tests and integration tests found/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'test/controllers/rooms_controller_test.rb',
        line: 8,
        note: expect.stringMatching(/^integration: .*ActionDispatch::IntegrationTest/),
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'test/models/room_test.rb', note: expect.stringMatching(/^unit:/) }),
    );
  });
});
