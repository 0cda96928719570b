/**
 * Elixir quality tooling (issue 15, blind round 27): Dialyzer as Elixir's type checking, Credo as
 * its linter (a .credo.exs without the dependency is left over), ExCoveralls and Mix's cover
 * thresholds as coverage gates, Sobelow and mix deps.audit as scanners, ExUnit tests counted.
 */
import typeSafety from './architecture/type-safety.js';
import linting from './quality/linting.js';
import coverageGate from './quality/coverage-gate.js';
import scanning from './security/security-scanning.js';
import testsPresent from './quality/tests-present.js';
import { ruleTester } from '../src/testing/rule-tester.js';
import { mixExs, phoenixService } from '../src/testing/elixir-trees.js';
import { githubWorkflow } from '../src/testing/workflows.js';

const CI = (steps: string[]) => githubWorkflow(steps);

ruleTester(typeSafety, {
  valid: [
    {
      name: 'Dialyzer through dialyxir: gradual typing, partial credit',
      tree: phoenixService(['{:dialyxir, "~> 1.4", only: [:dev], runtime: false}']),
      expect: { outcome: 'partial', message: 'Dialyzer' },
    },
  ],
  invalid: [
    {
      name: 'Elixir without Dialyzer is untyped (not "no language graded")',
      tree: phoenixService(),
      expect: { outcome: 'fail', message: 'Elixir' },
    },
  ],
});

ruleTester(linting, {
  valid: [
    {
      name: 'Credo declared and run in CI',
      tree: phoenixService(['{:credo, "~> 1.7", only: [:dev, :test], runtime: false}'], {
        '.credo.exs': '%{configs: [%{name: "default"}]}\n',
        '.github/workflows/ci.yml': CI(['mix credo --strict']),
      }),
      expect: { outcome: 'pass', message: 'Credo' },
    },
    {
      name: 'Credo declared with its .credo.exs but run nowhere: configured, partial (not "not configured")',
      tree: phoenixService(['{:credo, "~> 1.7", only: [:dev, :test], runtime: false}'], {
        '.credo.exs': '%{configs: [%{name: "default"}]}\n',
      }),
      expect: { outcome: 'partial', message: 'Credo configured', evidence: [{ path: '.credo.exs' }] },
    },
  ],
  invalid: [
    {
      name: 'Credo only declared, no .credo.exs and no run: not configured',
      tree: phoenixService(['{:credo, "~> 1.7", only: [:dev, :test], runtime: false}']),
      expect: { outcome: 'fail', message: 'not configured' },
    },
    {
      name: 'a .credo.exs left without the credo dependency configures nothing',
      tree: phoenixService([], { '.credo.exs': '%{configs: [%{name: "default"}]}\n' }),
      expect: { outcome: 'fail' },
    },
  ],
});

ruleTester(coverageGate, {
  valid: [
    {
      name: 'ExCoveralls minimum_coverage, mix coveralls in CI',
      tree: phoenixService(['{:excoveralls, "~> 0.18", only: :test}'], {
        'coveralls.json': '{\n  "coverage_options": {\n    "minimum_coverage": 85\n  }\n}\n',
        '.github/workflows/ci.yml': CI(['mix coveralls']),
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'coveralls.json', line: 3 }] },
    },
    {
      name: "Mix's cover threshold in mix.exs, mix test --cover in CI",
      tree: {
        ...phoenixService(),
        'mix.exs': mixExs(['{:phoenix, "~> 1.7"}'], ['test_coverage: [summary: [threshold: 90]],']),
        '.github/workflows/ci.yml': CI(['mix test --cover']),
      },
      expect: { outcome: 'pass', evidence: [{ path: 'mix.exs', line: 8 }] },
    },
  ],
  invalid: [
    {
      name: 'tests with no coverage',
      tree: phoenixService([], { '.github/workflows/ci.yml': CI(['mix test']) }),
      expect: { outcome: 'fail' },
    },
  ],
});

ruleTester(scanning, {
  valid: [
    {
      name: 'Sobelow and mix deps.audit in CI',
      tree: phoenixService(['{:sobelow, "~> 0.13", only: [:dev, :test], runtime: false}'], {
        '.github/workflows/ci.yml': CI(['mix sobelow --config', 'mix deps.audit']),
      }),
      expect: { outcome: 'pass', message: ['sobelow', 'mix deps.audit'] },
    },
  ],
  invalid: [
    {
      name: 'no scanner',
      tree: phoenixService([], { '.github/workflows/ci.yml': CI(['mix test']) }),
      expect: { outcome: 'fail' },
    },
  ],
});

ruleTester(testsPresent, {
  valid: [
    {
      name: 'ExUnit tests under test/',
      tree: phoenixService([], {
        'test/shop/orders_test.exs': `defmodule Shop.OrdersTest do\n  use ExUnit.Case, async: true\n\n${[
          'lists',
          'totals',
          'cancels',
          'refunds',
          'ships',
          'returns',
        ]
          .map((t) => `  test "${t} orders" do\n    assert true\n  end\n`)
          .join('\n')}end\n`,
      }),
      expect: { outcome: 'pass', evidence: [{ path: 'test/shop/orders_test.exs', line: 4 }] },
    },
  ],
  invalid: [
    {
      name: 'only test_helper.exs',
      tree: phoenixService([], { 'test/test_helper.exs': 'ExUnit.start()\n' }),
      expect: { outcome: 'fail' },
    },
  ],
});
