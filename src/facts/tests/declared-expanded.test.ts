import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const byPath = (tree: Tree) =>
  Object.fromEntries(
    testInventory(memoryIndex(tree)).files.map((f) => [
      f.path,
      { cases: f.cases, expanded: f.expanded, skipped: f.skipped },
    ]),
  );

// A gem's specs: one shared-example group used by three strategy specs, one of them twice.
const RSPEC: Tree = {
  Gemfile: 'source "https://rubygems.org"\ngem "rspec"\n',
  'spec/support/shared_examples/strategy.rb': [
    'shared_examples_for "a build strategy" do',
    '  it "builds the object" do',
    '    expect(subject.result).not_to be_nil',
    '  end',
    '',
    '  its(:name) { is_expected.to eq(:strategy) }',
    '  xit "runs callbacks" do',
    '  end',
    'end',
  ].join('\n'),
  'spec/strategies/build_spec.rb': [
    'describe Builder::Build do',
    '  it_behaves_like "a build strategy"',
    '  it "does not save" do',
    '  end',
    'end',
  ].join('\n'),
  'spec/strategies/create_spec.rb': [
    'describe Builder::Create do',
    '  it_should_behave_like "a build strategy"',
    '  context "with a block" do',
    '    include_examples "a build strategy"',
    '  end',
    'end',
  ].join('\n'),
  'spec/strategies/stub_spec.rb': 'describe Builder::Stub do\n  it_behaves_like "a build strategy"\nend\n',
};

describe('declared vs expanded: one policy for shared test bodies', () => {
  it('counts an RSpec shared-example body once in cases and once per inclusion in expanded', () => {
    const files = byPath(RSPEC);
    // Three declared examples (it, its, xit) in the shared body, lent to the first user only.
    expect(files['spec/strategies/build_spec.rb']).toEqual({ cases: 1 + 3, expanded: 1 + 3, skipped: 1 });
    expect(files['spec/strategies/create_spec.rb']).toEqual({ cases: 0, expanded: 3 + 3, skipped: 0 });
    expect(files['spec/strategies/stub_spec.rb']).toEqual({ cases: 0, expanded: 3, skipped: 0 });
    const all = testInventory(memoryIndex(RSPEC)).files;
    expect(all.reduce((n, f) => n + f.cases, 0)).toBe(4);
    expect(all.reduce((n, f) => n + f.expanded, 0)).toBe(4 + 6 + 3);
    // The support file defines tests but is not collected itself.
    expect(files['spec/support/shared_examples/strategy.rb']).toBeUndefined();
  });

  it('follows shared examples that include others, from support files not named *_spec.rb, to any depth', () => {
    // An HTTP-stub gem: adapter specs include one shared group that only includes the behaviour groups.
    const tree: Tree = {
      Gemfile: 'source "https://rubygems.org"\ngem "rspec"\n',
      'spec/acceptance/shared/stubbing.rb': [
        'shared_examples_for "stubbing" do |*adapter_info|',
        '  describe "when stubbed" do',
        '    it "returns the stubbed body" do',
        '    end',
        '    it "returns the stubbed status" do',
        '    end',
        '  end',
        'end',
      ].join('\n'),
      'spec/acceptance/shared/expectations.rb': [
        'shared_context "expectations" do |*adapter_info|',
        '  it "counts requests" do',
        '  end',
        '  xit "reports the diff" do',
        '  end',
        'end',
      ].join('\n'),
      'spec/acceptance/client_shared.rb': [
        "require 'acceptance/shared/stubbing'",
        "require 'acceptance/shared/expectations'",
        '',
        'shared_examples "with Stubs" do |*adapter_info|',
        '  describe "with Stubs" do',
        '    include_context "stubbing", *adapter_info',
        '    include_context "expectations", *adapter_info',
        '  end',
        'end',
      ].join('\n'),
      'spec/acceptance/net/net_spec.rb': [
        "require 'acceptance/client_shared'",
        'describe "Net" do',
        '  include_examples "with Stubs", :no_auth',
        '  it "marshals" do',
        '  end',
        'end',
      ].join('\n'),
      'spec/acceptance/curl/curl_spec.rb': 'describe "Curl" do\n  include_examples "with Stubs"\nend\n',
    };
    const files = byPath(tree);
    // Declared at the first user (curl), run by both.
    expect(files['spec/acceptance/curl/curl_spec.rb']).toEqual({ cases: 4, expanded: 4, skipped: 1 });
    expect(files['spec/acceptance/net/net_spec.rb']).toEqual({ cases: 1, expanded: 1 + 4, skipped: 0 });
    expect(files['spec/acceptance/client_shared.rb']).toBeUndefined();
    const net = testInventory(memoryIndex(tree)).files.find((f) => f.path === 'spec/acceptance/net/net_spec.rb');
    expect(net?.via).toEqual([
      { name: 'with Stubs', path: 'spec/acceptance/client_shared.rb', line: 4, cases: 0 },
      { name: 'stubbing', path: 'spec/acceptance/shared/stubbing.rb', line: 3, cases: 2 },
      { name: 'expectations', path: 'spec/acceptance/shared/expectations.rb', line: 2, cases: 2 },
    ]);
  });

  it('works out deep and cyclic shared-example chains once per body (no blow-up, no endless loop)', () => {
    const tree: Tree = {
      'spec/loop_spec.rb': 'describe "Loop" do\n  it_behaves_like "level 0"\n  it_behaves_like "ping"\nend\n',
    };
    // Each level includes the next twice: 2^24 runs of the last level's one example, declared once.
    for (let i = 0; i < 24; i++)
      tree[`spec/support/level_${i}.rb`] =
        `shared_examples "level ${i}" do\n  include_examples "level ${i + 1}"\n  include_examples "level ${i + 1}"\nend\n`;
    tree['spec/support/level_24.rb'] = 'shared_examples "level 24" do\n  it "runs" do\n  end\nend\n';
    tree['spec/support/ping.rb'] =
      'shared_examples "ping" do\n  it_behaves_like "pong"\n  it "pings" do\n  end\nend\nshared_examples "pong" do\n  it_behaves_like "ping"\nend\n';
    const files = byPath(tree);
    expect(files['spec/loop_spec.rb']).toEqual({ cases: 2, expanded: 2 ** 24 + 1, skipped: 0 });
  });

  it('a chain of 5,000 shared examples, each including the next: no stack overflow, every case counted, `via` capped at 100', () => {
    const n = 5000;
    const chain = Array.from(
      { length: n },
      (_, i) => `shared_examples "s${i}" do\n  include_context "s${i + 1}"\n  it "runs ${i}" do\n  end\nend\n`,
    ).join('');
    const tree: Tree = {
      'spec/support/chain_shared.rb': chain,
      'spec/chain_spec.rb': 'describe "Chain" do\n  it_behaves_like "s0"\nend\n',
    };
    const file = testInventory(memoryIndex(tree)).files.find((f) => f.path === 'spec/chain_spec.rb');
    expect(file).toMatchObject({ cases: n, expanded: n });
    expect(file?.via).toHaveLength(100);
    expect(file?.via?.slice(0, 2).map((v) => v.name)).toEqual(['s0', 's1']);
  });

  it('40,000 uses inside one shared body: each attributed to its innermost shared block, counted once per use', () => {
    const uses = Array.from({ length: 40_000 }, (_, i) => `  include_context "c${i % 2}"\n`).join('');
    const tree: Tree = {
      'spec/support/big_shared.rb': [
        'shared_context "c0" do\n  it "zero" do\n  end\nend\n',
        'shared_context "c1" do\n  it "one" do\n  end\nend\n',
        `shared_examples "big" do\n${uses}  shared_examples "inner" do\n    include_context "c0"\n  end\nend\n`,
      ].join(''),
      'spec/big_spec.rb': 'describe "Big" do\n  it_behaves_like "big"\nend\n',
    };
    expect(byPath(tree)['spec/big_spec.rb']).toEqual({ cases: 2, expanded: 40_000, skipped: 0 });
  });

  it('counts a PHPUnit abstract base once in cases and once per concrete subclass in expanded', () => {
    const tree: Tree = {
      'composer.json': JSON.stringify({ 'require-dev': { 'phpunit/phpunit': '^11' } }),
      'tests/TabularDataReaderTestCase.php': [
        '<?php',
        'abstract class TabularDataReaderTestCase extends TestCase',
        '{',
        '    public function testCountsRows(): void {}',
        '    public function testReadsHeader(): void {}',
        '}',
      ].join('\n'),
      'tests/ReaderTest.php':
        '<?php\nfinal class ReaderTest extends TabularDataReaderTestCase\n{\n    public function testOpens(): void {}\n}\n',
      'tests/ResultSetTest.php': '<?php\nfinal class ResultSetTest extends TabularDataReaderTestCase\n{\n}\n',
    };
    const files = byPath(tree);
    expect(files['tests/ReaderTest.php']).toEqual({ cases: 1 + 2, expanded: 1 + 2, skipped: 0 });
    expect(files['tests/ResultSetTest.php']).toEqual({ cases: 0, expanded: 2, skipped: 0 });
  });
});
