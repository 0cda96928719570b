/**
 * Blind round 24, class "task dispatcher script" (imgproxy): CI and hooks call `./run test`, and
 * `run` dispatches its first argument to `bin/<task>.sh`. The graph follows `./run X` to the task the
 * dispatcher runs for X (a path built from the argument, a `case "$1"` arm, the function it names),
 * never the dispatcher's whole body. Each case asserts the verdict and the file:line cited.
 */
import { describe, expect, it } from 'vitest';
import { commandGraph, describeChain } from '../src/facts/commands/index.js';
import { memoryIndex, type Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import linting from './quality/linting.js';
import preCommitHooks from './quality/pre-commit-hooks.js';
import testsInCi from './quality/tests-in-ci.js';

/** A small task runner of the kind that replaces a Makefile: helpers, an rc installer, a final `case`. */
const RUN = [
  '#!/usr/bin/env bash', // 1
  '# tasks — runs bin/<task>.sh', // 2
  'set -euo pipefail', // 3
  'ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"', // 4
  'TASKS="$ROOT/bin"', // 5
  '', // 6
  'tasks::need() {', // 7
  '  command -v "$1" >/dev/null 2>&1 || { echo "need $1" >&2; exit 1; }', // 8
  '}', // 9
  'tasks::say() { printf "%s\\n" "$1"; }', // 10
  'tasks::after() {', // 11
  '  for t in "$@"; do "$ROOT/tasks" "$t"; done', // 12
  '}', // 13
  'tasks::_list() {', // 14
  '  for f in "$TASKS"/*.sh; do', // 15
  '    basename "$f" .sh', // 16
  '  done', // 17
  '}', // 18
  'tasks::_install() {', // 19
  '  cat >>"$HOME/.bashrc" <<\'EOF\'', // 20
  'tasks() {', // 21
  '  ./tasks "$@"', // 22
  '}', // 23
  'EOF', // 24
  '  docker build -t never-run .', // 25
  '}', // 26
  '', // 27
  'case "${1:-}" in', // 28
  '  "") tasks::_list ;;', // 29
  '  install) shift; tasks::_install ;;', // 30
  '  *)', // 31
  '    task="$1"; shift', // 32
  '    if [ ! -f "$TASKS/$task.sh" ]; then', // 33
  '      echo "unknown task $task" >&2', // 34
  '      tasks::_list >&2', // 35
  '      exit 1', // 36
  '    fi', // 37
  '    . "$TASKS/$task.sh"', // 38
  '    main "$@"', // 39
  '    ;;', // 40
  'esac', // 41
  '',
].join('\n');

const task = (description: string, body: string) =>
  [
    '#!/usr/bin/env bash',
    '# Sourced by ./tasks.',
    `description() { echo "${description}"; }`,
    'main() {',
    '  tasks::need go',
    `  ${body}`,
    '}',
    '',
  ].join('\n');

const gha = [
  'name: ci',
  'on: [push, pull_request]',
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - name: Test',
  '        run: ./tasks test',
  '  lint:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - name: Lint',
  '        run: ./tasks lint-go --timeout 5m',
  '',
].join('\n');

const LEFTHOOK = [
  'pre-commit:',
  '  commands:',
  '    lint:',
  '      run: ./tasks lint-go',
  'pre-push:',
  '  commands:',
  '    test:',
  '      run: ./tasks test',
  '',
].join('\n');

const service: Tree = {
  'go.mod': 'module example.com/thumbs\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'resize/resize.go': 'package resize\n\nfunc Fit(w, h int) int { return w * h }\n',
  'resize/resize_test.go':
    'package resize\n\nimport "testing"\n\nfunc TestFit(t *testing.T) {\n\tif Fit(2, 3) != 6 {\n\t\tt.Fatal("fit")\n\t}\n}\n',
  '.golangci.yml': 'version: "2"\nlinters:\n  default: standard\n',
  tasks: RUN,
  'bin/test.sh': task('Run the Go tests', 'go test -race ./... "$@"'),
  'bin/lint-go.sh': task('Lint Go code', 'golangci-lint run "$@"'),
  'bin/build.sh': task('Build the image', 'docker build -t thumbs .'),
  '.github/workflows/ci.yml': gha,
  'lefthook.yml': LEFTHOOK,
};

const chains = (tree: Tree, origin: 'ci' | 'hook') =>
  commandGraph(memoryIndex(tree))
    .runs.filter((r) => r.origin.kind === origin && r.tools.length)
    .map((r) => describeChain(r, r.tools[0]!.name));

describe('round 24: a task dispatcher is followed to the task its argument picks', () => {
  it('`./tasks test` reaches bin/test.sh through the sourcing line, and nothing else of the dispatcher runs', () => {
    expect(chains(service, 'ci')).toEqual([
      '.github/workflows/ci.yml:9 → tasks:38 → bin/test.sh:6 → go test',
      '.github/workflows/ci.yml:15 → tasks:38 → bin/lint-go.sh:6 → golangci-lint',
    ]);
    expect(chains(service, 'hook')).toEqual([
      'lefthook.yml:4 (lefthook pre-commit) → tasks:38 → bin/lint-go.sh:6 → golangci-lint',
      'lefthook.yml:8 (lefthook pre-push) → tasks:38 → bin/test.sh:6 → go test',
    ]);
    // The helpers, the listing, the rc installer (and the heredoc function inside it) are not run.
    const lines = commandGraph(memoryIndex(service)).runs.flatMap((r) =>
      r.chain.filter((h) => h.path === 'tasks').map((h) => h.line),
    );
    // Line 4 is the directory lookup at the top level, line 8 the helper the task's main() calls.
    expect([...new Set(lines)].sort((a, b) => a - b)).toEqual([4, 8, 32, 38, 39]);
  });

  it('tests-in-ci passes, citing the CI step and the task file', async () => {
    const run = await runRuleOn(testsInCi, service);
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'bin/test.sh',
      line: 6,
      note: 'job test runs tests: .github/workflows/ci.yml:9 → tasks:38 → bin/test.sh:6 → go test',
    });
  });

  it('linting passes with golangci-lint run in CI through the dispatcher', async () => {
    const run = await runRuleOn(linting, service);
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('golangci-lint configured and run in CI.');
    expect(run.evidence[1]).toMatchObject({
      path: 'bin/lint-go.sh',
      line: 6,
      note: 'job lint runs golangci-lint: .github/workflows/ci.yml:15 → tasks:38 → bin/lint-go.sh:6 → golangci-lint',
    });
  });

  it('pre-commit hooks name the linter and the tests the hooks reach, not the dispatcher helpers', async () => {
    const run = await runRuleOn(preCommitHooks, service);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('golangci-lint');
    expect(run.message).not.toMatch(/dirname|pwd|tasks::/);
    expect(run.message).toBe('Commit hooks (lefthook) run go test and golangci-lint.');
    expect(run.evidence[0]).toMatchObject({
      path: 'bin/lint-go.sh',
      line: 6,
      note: 'lefthook hook runs golangci-lint: lefthook.yml:4 (lefthook pre-commit) → tasks:38 → bin/lint-go.sh:6 → golangci-lint',
    });
  });

  it('without the task file nothing is credited: the dispatcher is not read as the task', async () => {
    const { 'bin/test.sh': _t, ...noTask } = service;
    const run = await runRuleOn(testsInCi, noTask);
    expect(run.outcome).toBe('fail');
  });

  it('a `case "$1"` arm runs only the functions it calls; `"$@"` runs the function the argument names', () => {
    const ci = (script: string, cmd: string): Tree => ({
      'scripts/ci.sh': script,
      '.github/workflows/ci.yml': gha
        .replace('./tasks test', `${cmd} test`)
        .replace('./tasks lint-go --timeout 5m', `${cmd} lint`),
    });
    const arms = [
      '#!/bin/sh', // 1
      'unit() {', // 2
      '  go test ./...', // 3
      '}', // 4
      'lint() {', // 5
      '  golangci-lint run', // 6
      '}', // 7
      'release() {', // 8
      '  goreleaser release --clean', // 9
      '}', // 10
      'case "$1" in', // 11
      '  test) unit ;;', // 12
      '  lint) lint ;;', // 13
      '  release) release ;;', // 14
      'esac', // 15
      '',
    ].join('\n');
    expect(chains(ci(arms, 'sh scripts/ci.sh'), 'ci')).toEqual([
      '.github/workflows/ci.yml:9 → scripts/ci.sh:12 → scripts/ci.sh:3 → go test',
      '.github/workflows/ci.yml:15 → scripts/ci.sh:13 → scripts/ci.sh:6 → golangci-lint',
    ]);
    const named = [
      '#!/usr/bin/env bash',
      'test() { go test ./...; }',
      'lint() { golangci-lint run; }',
      '"$@"',
      '',
    ].join('\n');
    expect(chains(ci(named, './scripts/ci.sh'), 'ci')).toEqual([
      '.github/workflows/ci.yml:9 → scripts/ci.sh:4 → scripts/ci.sh:2 → go test',
      '.github/workflows/ci.yml:15 → scripts/ci.sh:4 → scripts/ci.sh:3 → golangci-lint',
    ]);
  });
});
