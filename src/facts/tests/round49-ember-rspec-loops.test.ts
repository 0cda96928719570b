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

describe('RSpec examples inside a loop over a literal array', () => {
  const gem = { Gemfile: "source 'https://rubygems.org'\ngem 'rspec'\n" };
  const spec = `require "rails_helper"

MODELS = [Food, Tag].freeze

describe CollectionRetriever do
  MODELS.each do |model|
    context model.name do
      it "retrieves #{model.name}" do
        expect(model).to be
      end

      it { expect(model.count).to eq(0) }
    end
  end

  %w[draft published archived].each do |state|
    it "accepts #{state}" do
      expect(state).to be
    end
  end

  [:a, :b].each { |key|
    it("reads #{key}") { expect(key).to be }
  }

  records.each do |record|
    it "has #{record}" do
      expect(record).to be
    end
  end

  it "stands alone" do
    expect(1).to eq(1)
  end
end
`;
  it('counts each example once per element of the literal the loop walks', () => {
    const c = counts({ ...gem, 'spec/services/collection_retriever_spec.rb': spec });
    // 2 + 1 + 1 + 1 + 1 written; 2×2 + 3 + 2 + 1 (a loop over a method's result is not sized) + 1 run.
    expect(c['spec/services/collection_retriever_spec.rb']).toEqual([6, 11]);
  });

  it('does not size a loop over a constant the file does not assign, nor a chain after the literal', () => {
    const other = `describe Thing do
  OTHER_MODELS.each do |model|
    it "works for #{model}" do
      expect(model).to be
    end
  end

  [1, 2, 3].map { |x| x * 2 }.each do |x|
    it "doubles #{x}" do
      expect(x).to be
    end
  end
end
`;
    expect(counts({ ...gem, 'spec/thing_spec.rb': other })['spec/thing_spec.rb']).toEqual([2, 2]);
  });
});

describe('hostile loops', () => {
  it('reads a spec of thousands of loops and examples quickly', () => {
    const body = Array.from(
      { length: 4000 },
      (_, i) => `  %w[a b].each do |x${i}|\n    it "e" do\n    end\n  end\n`,
    ).join('');
    const t0 = Date.now();
    const c = counts({ Gemfile: "gem 'rspec'\n", 'spec/big_spec.rb': `describe X do\n${body}end\n` });
    expect(Date.now() - t0).toBeLessThan(5000);
    // The first 200 loops are sized (each runs its example twice); the rest count once.
    expect(c['spec/big_spec.rb']).toEqual([4000, 4200]);
  });
});
