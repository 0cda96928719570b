/**
 * Blind round 48, class "a test job reached through make not counted": `make ci-coverage` → a
 * recipe that sets GO_TEST_ARGS and re-enters `$(MAKE) test` → `$(GOTESTSUM) -- … -race ./...`, where
 * GOTESTSUM is the project-local binary `$(LOCALBIN)/gotestsum` (installed by a prerequisite).
 * gotestsum runs go test: the job runs the tests.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function runs(tree: Tree): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, 'test', 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes('test'))?.name));
}

const MAKEFILE = [
  'SHELL = /usr/bin/env bash -o pipefail', // 1
  'TEST_PATH ?= ./...', // 2
  '', // 3
  '.PHONY: test', // 4
  'test: fmt vet gotestsum ## Run tests.', // 5
  '\t@echo "Running tests..."', // 6
  '\t$(GOTESTSUM) -- $(GO_TEST_ARGS) -race $(TEST_PATH)', // 7
  '', // 8
  '.PHONY: ci-coverage', // 9
  'ci-coverage:', // 10
  "\t@PACKAGES_TO_COVER=$$(go list ./... | grep -v 'mocks'); \\", // 11
  '\tGO_TEST_ARGS="-cover -coverprofile cover.out" $(MAKE) test', // 12
  '', // 13
  'fmt:', // 14
  '\tgo fmt ./...', // 15
  'vet:', // 16
  '\tgo vet ./...', // 17
  '', // 18
  'LOCALBIN ?= $(shell pwd)/bin', // 19
  '$(LOCALBIN):', // 20
  '\tmkdir -p $(LOCALBIN)', // 21
  'GOTESTSUM ?= $(LOCALBIN)/gotestsum', // 22
  '.PHONY: gotestsum', // 23
  'gotestsum: $(GOTESTSUM)', // 24
  '$(GOTESTSUM): $(LOCALBIN)', // 25
  '\tGOBIN=$(LOCALBIN) go install gotest.tools/gotestsum@v1.13.0', // 26
].join('\n');

const tree: Tree = {
  'go.mod': 'module example.com/op\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'main_test.go': 'package main\n\nimport "testing"\n\nfunc TestMain2(t *testing.T) {}\n',
  Makefile: MAKEFILE,
  '.github/workflows/test.yml': [
    'on: [push]',
    'jobs:',
    '  tests:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - name: Run tests with coverage',
    '        run: make ci-coverage',
    '',
  ].join('\n'),
};

describe('round 48: gotestsum reached through make and a local binary variable runs the tests', () => {
  it('make ci-coverage → $(MAKE) test → $(GOTESTSUM) → gotestsum', () => {
    const t = runs(tree);
    expect(t.some((c) => /Makefile:7/.test(c) && /gotestsum/i.test(c))).toBe(true);
  });

  it('the direct form, `gotestsum -- ./...` in a recipe, too', () => {
    const t = runs({ ...tree, Makefile: 'test:\n\tgotestsum --format testname -- ./...\nci-coverage: test\n' });
    expect(t.some((c) => /gotestsum/i.test(c))).toBe(true);
  });
});
