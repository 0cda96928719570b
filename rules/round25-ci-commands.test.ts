/**
 * Blind round 25, class "CI commands the command graph does not follow": a run line that names a
 * variable the step binds to a matrix value (`bin/rails $TEST_COMMAND`), the Nx GitHub action's
 * `targets:` input, and a Ginkgo CLI a Makefile reaches through `$(shell pwd)/bin`. Each case asserts
 * the verdict and the file:line cited.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import linting from './quality/linting.js';
import testsInCi from './quality/tests-in-ci.js';

const rails = (env: string): Tree => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\n",
  'config/application.rb': 'module Shelf\n  class Application < Rails::Application\n  end\nend\n',
  'app/models/book.rb': 'class Book < ApplicationRecord\nend\n',
  'test/models/book_test.rb':
    'require "test_helper"\n\nclass BookTest < ActiveSupport::TestCase\n  test "has a title" do\n    assert Book.new(title: "x").title\n  end\nend\n',
  '.github/workflows/test.yml': [
    'name: Tests', // 1
    'on: [push, pull_request]', // 2
    'jobs:', // 3
    '  rails:', // 4
    '    strategy:', // 5
    '      matrix:', // 6
    '        suite:', // 7
    '          - name: Unit', // 8
    '            command: test', // 9
    '          - name: System', // 10
    '            command: test:system', // 11
    '    runs-on: ubuntu-latest', // 12
    '    steps:', // 13
    '      - uses: actions/checkout@v4', // 14
    '      - name: Tests ${{ matrix.suite.name }}', // 15
    '        run: |', // 16
    '          # shellcheck disable=SC2086', // 17
    '          bin/rails $SUITE_COMMAND', // 18
    '        env:', // 19
    `          SUITE_COMMAND: ${env}`, // 20
    '',
  ].join('\n'),
});

describe('round 25: a run line names a variable bound to a matrix value', () => {
  it('`bin/rails $SUITE_COMMAND` with the variable set from the matrix runs the Rails tests', async () => {
    const run = await runRuleOn(testsInCi, rails('${{ matrix.suite.command }}'));
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: '.github/workflows/test.yml',
      line: 18,
      note: 'job rails runs tests: .github/workflows/test.yml:18 → rails test',
    });
  });
  it('a variable set from an input no one writes out stays unknown: no test run is credited', async () => {
    const run = await runRuleOn(testsInCi, rails('${{ inputs.command }}'));
    expect(run.outcome).toBe('fail');
  });
});

const nx = (targets: string): Tree => ({
  'package.json': JSON.stringify(
    {
      name: 'donations',
      private: true,
      devDependencies: { nx: '^15.5.1', eslint: '^8.0.0', '@nrwl/linter': '^15.5.1' },
    },
    null,
    2,
  ),
  'yarn.lock': '# yarn lockfile v1\n',
  'nx.json': '{\n  "npmScope": "donations"\n}\n',
  '.eslintrc.json': '{\n  "root": true,\n  "extends": ["eslint:recommended"]\n}\n',
  'apps/api/project.json': [
    '{', // 1
    '  "name": "api",', // 2
    '  "targets": {', // 3
    '    "build": {', // 4
    '      "executor": "@nrwl/webpack:webpack"', // 5
    '    },', // 6
    '    "lint": {', // 7
    '      "executor": "@nrwl/linter:eslint",', // 8
    '      "options": { "lintFilePatterns": ["apps/api/**/*.ts"] }', // 9
    '    }', // 10
    '  }', // 11
    '}', // 12
    '',
  ].join('\n'),
  'apps/api/src/main.ts': 'export const port = 3000;\n',
  '.github/workflows/tests.yml': [
    'name: API tests', // 1
    'on: [push, pull_request]', // 2
    'jobs:', // 3
    '  run-tests:', // 4
    '    runs-on: ubuntu-latest', // 5
    '    steps:', // 6
    '      - uses: actions/checkout@v4', // 7
    '      - run: yarn install --immutable', // 8
    '      - name: Nx build and lint', // 9
    '        uses: MansaGroup/nrwl-nx-action@v3', // 10
    '        with:', // 11
    `          targets: ${targets}`, // 12
    '          projects: api', // 13
    '',
  ].join('\n'),
});

describe('round 25: the Nx action runs the targets its input names', () => {
  it('`targets: lint,build` runs the project lint target (ESLint), cited at project.json', async () => {
    const run = await runRuleOn(linting, nx('lint,build'));
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'apps/api/project.json',
        line: 7,
        note: 'job run-tests runs ESLint: .github/workflows/tests.yml:10 → apps/api/project.json:7 (nx target lint) → ESLint',
      }),
    );
  });
  it('`targets: build` alone runs no linter', async () => {
    const run = await runRuleOn(linting, nx('build'));
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no CI job runs it');
  });
});

const ginkgo = (localbin: string): Tree => ({
  'go.mod': 'module example.com/queue-operator\n\ngo 1.23\n\nrequire github.com/onsi/ginkgo/v2 v2.22.0\n',
  'cmd/main.go': 'package main\n\nfunc main() {}\n',
  'internal/queue/queue.go': 'package queue\n\nfunc Size() int { return 1 }\n',
  'internal/queue/queue_test.go':
    'package queue\n\nimport (\n\t. "github.com/onsi/ginkgo/v2"\n\t. "github.com/onsi/gomega"\n)\n\nvar _ = Describe("Size", func() {\n\tIt("is one", func() { Expect(Size()).To(Equal(1)) })\n})\n',
  Makefile: [
    `LOCALBIN ?= ${localbin}`, // 1
    'GINKGO_CLI ?= $(LOCALBIN)/ginkgo', // 2
    'KIND ?= $(LOCALBIN)/kind', // 3
    '', // 4
    '.PHONY: unit-tests', // 5
    'unit-tests: ## Run the unit tests', // 6
    '\t$(GINKGO_CLI) -r -p --randomize-all internal/', // 7
    '', // 8
    'e2e-tests:', // 9
    '\tKIND=$(KIND) KIND_CLUSTER=queue-e2e go test -tags=e2e ./test/e2e/ -v', // 10
    '', // 11
    'system-tests:', // 12
    '\tgo run github.com/onsi/ginkgo/v2/ginkgo -r test/system/', // 13
    '',
  ].join('\n'),
  '.github/workflows/ci.yml': [
    'name: ci', // 1
    'on: [push]', // 2
    'jobs:', // 3
    '  unit:', // 4
    '    runs-on: ubuntu-latest', // 5
    '    steps:', // 6
    '      - run: make unit-tests', // 7
    '  e2e:', // 8
    '    runs-on: ubuntu-latest', // 9
    '    steps:', // 10
    '      - run: make e2e-tests', // 11
    '  system:', // 12
    '    runs-on: ubuntu-latest', // 13
    '    steps:', // 14
    '      - run: make system-tests', // 15
    '',
  ].join('\n'),
});

describe('round 25: Ginkgo runs reached through make variables that hold $(shell pwd)', () => {
  it('each job that runs Ginkgo or an env-prefixed go test is counted, cited at the Makefile line', async () => {
    const run = await runRuleOn(testsInCi, ginkgo('$(shell pwd)/bin'));
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('3 CI jobs run the tests (ginkgo and go test).');
    expect(run.evidence).toEqual([
      expect.objectContaining({
        path: 'Makefile',
        line: 7,
        note: 'job unit runs tests: .github/workflows/ci.yml:7 → Makefile:7 (make unit-tests) → ginkgo',
      }),
      expect.objectContaining({
        path: 'Makefile',
        line: 10,
        note: 'job e2e runs tests: .github/workflows/ci.yml:11 → Makefile:10 (make e2e-tests) → go test',
      }),
      expect.objectContaining({ path: 'Makefile', line: 13, note: expect.stringContaining('(make system-tests) →') }),
    ]);
  });
  it('the same Makefile with a literal bin directory gives the same three jobs', async () => {
    const run = await runRuleOn(testsInCi, ginkgo('bin'));
    expect(run.message).toBe('3 CI jobs run the tests (ginkgo and go test).');
  });
  it('without a CI line that reaches a test target nothing is credited', async () => {
    const tree = ginkgo('$(shell pwd)/bin');
    tree['.github/workflows/ci.yml'] =
      'on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go build ./...\n';
    const run = await runRuleOn(testsInCi, tree);
    expect(run.outcome).toBe('fail');
  });
});
