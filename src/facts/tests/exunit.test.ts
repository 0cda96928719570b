import { describe, expect, it } from 'vitest';
import { countExUnit } from './exunit.js';
import { testInventory } from './inventory.js';
import { memoryIndex } from '../../testing/memory.js';

const FILE = [
  'defmodule Shop.OrdersTest do',
  '  use Shop.DataCase, async: true',
  '  doctest Shop.Orders',
  '',
  '  describe "create/1" do',
  '    test "creates an order" do',
  '      assert {:ok, _} = Shop.Orders.create(%{})',
  '    end',
  '',
  '    test "needs a context", %{',
  '      user: user',
  '    } do',
  '      assert user',
  '    end',
  '',
  '    @tag :skip',
  '    test "flaky upstream" do',
  '      :ok',
  '    end',
  '',
  '    test "not written yet"',
  '    # test "commented out" do',
  '  end',
  '',
  '  property "totals never go negative" do',
  '    check all n <- integer(), do: assert(n * n >= 0)',
  '  end',
  'end',
  '',
].join('\n');

describe('ExUnit', () => {
  it('counts test and property definitions; describe, doctest and comments are not tests', () => {
    const r = countExUnit(FILE);
    expect(r).toMatchObject({ cases: 5, skipped: 2, framework: 'ExUnit', firstLine: 6 });
  });

  it('@moduletag :skip skips every test of the module', () => {
    const r = countExUnit('defmodule T do\n  use ExUnit.Case\n  @moduletag :skip\n  test "a" do\n  end\nend\n');
    expect(r).toMatchObject({ cases: 1, skipped: 1 });
  });

  it('mix test collects *_test.exs under test/ (an umbrella app included); test/support and test_helper.exs are no tests', () => {
    const inv = testInventory(
      memoryIndex({
        'mix.exs': 'defmodule Shop.MixProject do\nend\n',
        'test/test_helper.exs': 'ExUnit.start()\n',
        'test/support/data_case.ex': 'defmodule Shop.DataCase do\n  test "helper" do\n  end\nend\n',
        'test/shop/orders_test.exs': FILE,
        'apps/billing/test/billing_test.exs':
          'defmodule BillingTest do\n  use ExUnit.Case\n  test "bills" do\n  end\nend\n',
        'lib/shop/orders_test.exs': 'defmodule NotRun do\n  test "x" do\n  end\nend\n',
      }),
    );
    expect(inv.files.map((f) => [f.path, f.language, f.framework, f.cases])).toEqual([
      ['apps/billing/test/billing_test.exs', 'Elixir', 'ExUnit', 1],
      ['test/shop/orders_test.exs', 'Elixir', 'ExUnit', 5],
    ]);
  });

  it('a hostile file of long blank runs after `test` is read in one pass, and its real tests still count', () => {
    const blanks = ' '.repeat(200_000);
    const text = `defmodule T do\n  test${blanks}\n  test (${blanks}x\n  test ( "a" )${blanks}\n  test "b" do\n  end\nend\n`;
    const r = countExUnit(text);
    // `test ( "a" )` alone on its line is not implemented (skipped); `test "b" do` runs.
    expect(r).toMatchObject({ cases: 2, skipped: 1 });
  });
});
