import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import testsPresent from './tests-present.js';

/**
 * Blind round 25 (a Rails app tested with Minitest + shoulda-context): the suite's main style is
 * `should "…" do` inside `context` blocks, with shoulda-matchers one-liners (`should belong_to(:x)`,
 * `should_not allow_value(…)`), each a test method at runtime; only `test "…"` and `def test_` were
 * counted (−73 %). The count now takes what the runner runs: named blocks, matcher one-liners and
 * `should_not`; a named `should` without a block and `should_eventually` are pending (skipped).
 */
const modelTest = [
  'require "test_helper"', // 1
  '', // 2
  'class GemTest < ActiveSupport::TestCase', // 3
  '  should belong_to(:owner)', // 4
  '  should have_many(:versions).dependent(:destroy)', // 5
  '  should_not allow_value("a b").for(:name)', // 6
  '', // 7
  '  context "with a version" do', // 8
  '    setup do', // 9
  '      @gem = create(:gem)', // 10
  '    end', // 11
  '', // 12
  '    should "return the latest version" do', // 13
  '      assert_equal "1.0", @gem.latest', // 14
  '    end', // 15
  '', // 16
  '    should("not be yanked") { refute @gem.yanked? }', // 17
  '    should "sort prereleases last"', // 18
  '    should_eventually "compare platforms"', // 19
  '  end', // 20
  '', // 21
  '  test "has a name" do', // 22
  '    assert @gem.name', // 23
  '  end', // 24
  'end', // 25
].join('\n');
const controllerTest = [
  'require "test_helper"', // 1
  '', // 2
  'class DashboardsControllerTest < ActionController::TestCase', // 3
  '  context "when logged in" do', // 4
  '    setup { get :show }', // 5
  '    should respond_with :success', // 6
  '    should "render the feed" do', // 7
  '      assert page.has_content?("Feed")', // 8
  '    end', // 9
  '  end', // 10
  'end', // 11
].join('\n');
const app = (gemfile: string) => ({
  Gemfile: gemfile,
  'app/models/gem.rb': 'class Gem < ApplicationRecord\nend\n',
  'app/controllers/dashboards_controller.rb': 'class DashboardsController < ApplicationController\nend\n',
  'test/test_helper.rb': 'require "rails/test_help"\n',
  'test/models/gem_test.rb': modelTest,
  'test/controllers/dashboards_controller_test.rb': controllerTest,
});
const WITH_SHOULDA =
  'source "https://rubygems.org"\ngem "rails", "~> 8.0"\n\ngroup :test do\n  gem "shoulda-context", "~> 3.0"\n  gem "shoulda-matchers"\nend\n';
const WITHOUT = 'source "https://rubygems.org"\ngem "rails", "~> 8.0"\n';

describe('round 25: shoulda-context `should` blocks and matcher one-liners are Minitest tests', () => {
  it('counts named blocks, one-liners and should_not where the Gemfile names shoulda-context; pending ones skipped', async () => {
    const r = await runRuleOn(testsPresent, app(WITH_SHOULDA), { profile: 'service' });
    // gem_test: 3 one-liners + 2 blocks + 2 pending + 1 `test` = 8; dashboards: 1 one-liner + 1 block = 2.
    expect(r.data).toMatchObject({
      testFiles: 2,
      testCases: 10,
      skipped: 2,
      byFramework: {
        'Rails/Minitest + shoulda-context': { testFiles: 1, testCases: 8 },
        'Minitest + shoulda-context': { testFiles: 1, testCases: 2 },
      },
    });
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'test/controllers/dashboards_controller_test.rb',
        line: 6,
        snippet: 'should respond_with :success',
      }),
    );
  });

  it('the first test cited is the first `should` line when it precedes any `test`', async () => {
    const r = await runRuleOn(
      testsPresent,
      { ...app(WITH_SHOULDA), 'test/controllers/dashboards_controller_test.rb': '' },
      { profile: 'service' },
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'test/models/gem_test.rb', line: 4, snippet: 'should belong_to(:owner)' }),
    );
  });

  it('a file that requires shoulda counts its `should` blocks without a Gemfile entry', async () => {
    const r = await runRuleOn(
      testsPresent,
      {
        ...app(WITHOUT),
        'test/models/gem_test.rb': `require "shoulda/context"\n${modelTest}`,
        'test/controllers/dashboards_controller_test.rb': '',
      },
      { profile: 'service' },
    );
    expect(r.data).toMatchObject({ testCases: 8, testFiles: 1 });
  });

  it('without shoulda, a line that starts with `should` is no test: only `test "…"` counts', async () => {
    const r = await runRuleOn(testsPresent, app(WITHOUT), { profile: 'service' });
    expect(r.data).toMatchObject({ testFiles: 1, testCases: 1, byFramework: { 'Rails/Minitest': { testCases: 1 } } });
  });

  it("the dependency is read by the manifests' Gemfile parse: a gemspec counts, a commented-out gem does not", async () => {
    const gemspec = {
      ...app(WITHOUT),
      'bookmarks.gemspec':
        'Gem::Specification.new do |spec|\n  spec.name = "bookmarks"\n  spec.add_development_dependency "shoulda-context"\nend\n',
    };
    expect((await runRuleOn(testsPresent, gemspec, { profile: 'service' })).data).toMatchObject({ testCases: 10 });
    const commented = app(`${WITHOUT}# gem "shoulda-context"\n`);
    expect((await runRuleOn(testsPresent, commented, { profile: 'service' })).data).toMatchObject({ testCases: 1 });
  });
});
