/**
 * Blind round 49, class "test counts within 3 % of the runner": Ember's QUnit tests
 * (`tests/**\/*-test.js` run by `ember test`) and RSpec examples written inside a loop over a
 * literal array, which run once per element.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const counts = (t: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(t)).files.map((f) => [f.path, [f.cases, f.expanded]]));

describe('Ember QUnit tests', () => {
  const classic = `import { moduleForComponent, test } from 'ember-qunit';

moduleForComponent('share-socials', 'Integration | Component | share socials', { integration: true });

test('it renders', function(assert) {
  assert.ok(true);
});

test('it renders a block', function(assert) {
  assert.ok(true);
});
`;
  const modern = `import { module, test } from 'qunit';
import { setupTest } from 'ember-qunit';

module('Unit | Service | session', function (hooks) {
  setupTest(hooks);

  test('it exists', function (assert) {
    assert.ok(this.owner.lookup('service:session'));
  });
});
`;
  const tree = (pkg: string): Tree => ({
    'frontend/package.json': pkg,
    'frontend/tests/integration/components/share-socials-test.js': classic,
    'frontend/tests/unit/services/session-test.js': modern,
    'frontend/tests/test-helper.js': "import { start } from 'ember-qunit';\nstart();\n",
    'frontend/app/app.js': 'export default class App {}\n',
  });

  it('counts the test(…) calls of tests/**/*-test.js where ember-qunit runs them', () => {
    const c = counts(tree('{"scripts":{"test":"ember test"},"devDependencies":{"ember-cli-qunit":"^4.1.1"}}'));
    expect(c['frontend/tests/integration/components/share-socials-test.js']).toEqual([2, 2]);
    expect(c['frontend/tests/unit/services/session-test.js']).toEqual([1, 1]);
    expect(c['frontend/tests/test-helper.js']).toBeUndefined();
  });

  it('counts nothing there when no QUnit runner is set up', () => {
    const c = counts(tree('{"scripts":{"build":"webpack"},"devDependencies":{"webpack":"5.0.0"}}'));
    expect(c['frontend/tests/integration/components/share-socials-test.js']).toBeUndefined();
    expect(c['frontend/tests/unit/services/session-test.js']).toBeUndefined();
  });
});
