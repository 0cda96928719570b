import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const FEATURE = [
  'Feature: Bookmarks',
  '  Background:',
  '    Given I am logged in as "reader"',
  '',
  '  Scenario: A reader bookmarks a work',
  '    When I bookmark the work "Alpha"',
  '    Then I should see "Bookmark was successfully created"',
  '',
  '  @wip',
  '  Scenario: Bookmarks of a hidden work',
  '    Then I should not see "Alpha"',
  '',
  '  Scenario Outline: The bookmark pages of a pseud',
  '    When I go to the <page> page',
  '    Then I should see "<heading>"',
  '    Examples:',
  '      | page      | heading   |',
  '      | bookmarks | Bookmarks |',
  '      | works     | Works     |',
  '      | series    | Series    |',
  '',
].join('\n');

describe('Gherkin feature files are tests (round 13, a Rails app with Cucumber)', () => {
  it('counts scenarios, outlines with their example rows, not the Background; features/ and configured paths only', () => {
    const inv = testInventory(
      memoryIndex({
        Gemfile: "source 'https://rubygems.org'\ngem 'cucumber-rails'\n",
        'features/bookmarks/bookmark_create.feature': FEATURE,
        'acceptance/login.feature': 'Feature: Login\n  Scenario: Logging in\n    Given a user\n',
        'cucumber.yml': 'default: --strict acceptance\n',
        'docs/examples/sample.feature': 'Feature: Sample\n  Scenario: not run\n',
      }),
    );
    const bookmarks = inv.files.find((f) => f.path === 'features/bookmarks/bookmark_create.feature');
    expect(bookmarks).toMatchObject({
      language: 'Gherkin',
      cases: 3,
      skipped: 1,
      parametrized: 1,
      expanded: 5,
      first: { line: 5, snippet: 'Scenario: A reader bookmarks a work' },
    });
    expect(inv.files.find((f) => f.path === 'acceptance/login.feature')).toMatchObject({ cases: 1, expanded: 1 });
    expect(inv.sources).toContain('cucumber.yml');
    expect(inv.files.some((f) => f.path === 'docs/examples/sample.feature')).toBe(false);
    expect(inv.notCollected).toContainEqual({
      path: 'docs/examples/sample.feature',
      reason: 'a feature file outside features/ and the paths a Cucumber configuration or JUnit Cucumber runner names',
    });
  });
});
