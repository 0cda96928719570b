/**
 * A task dispatcher whose functions live in a file it sources (`. ./scripts/lib.sh`, `source
 * "$DIR/tasks.sh"`, then `"$@"`): `./run test` runs the `test` function of the sourced file. Before,
 * the dispatcher was not recognised (its own text defines no `test`) and was read whole, with the
 * sourced library read whole too. Each case asserts the verdict and the file:line cited.
 */
import { describe, expect, it } from 'vitest';
import { commandGraph, describeChain } from '../src/facts/commands/index.js';
import { dispatcherView } from '../src/facts/commands/dispatcher.js';
import { memoryIndex, type Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import linting from './quality/linting.js';
import testsInCi from './quality/tests-in-ci.js';

const RUN = [
  '#!/usr/bin/env bash', // 1
  'set -euo pipefail', // 2
  'DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"', // 3
  'source "$DIR/scripts/tasks.sh"', // 4
  '. ./scripts/log.sh', // 5
  '', // 6
  'help() {', // 7
  '  echo "usage: ./run <task>"', // 8
  '}', // 9
  '', // 10
  '"${@:-help}"', // 11
  '',
].join('\n');

const TASKS = [
  '#!/usr/bin/env bash', // 1
  '# Tasks for ./run, sourced.', // 2
  'source "$(dirname "${BASH_SOURCE[0]}")/common.sh"', // 3
  'test() {', // 4
  '  log "running tests"', // 5
  '  go test -race ./...', // 6
  '}', // 7
  'lint() {', // 8
  '  golangci-lint run', // 9
  '}', // 10
  'release() {', // 11
  '  goreleaser release --clean', // 12
  '}', // 13
  '',
].join('\n');

const COMMON = ['#!/usr/bin/env bash', 'bench() {', '  go test -bench=. ./...', '}', ''].join('\n');
const LOG = ['#!/usr/bin/env bash', 'log() {', '  printf "==> %s\\n" "$1"', '}', ''].join('\n');

const gha = [
  'name: ci', // 1
  'on: [push]', // 2
  'jobs:', // 3
  '  test:', // 4
  '    runs-on: ubuntu-latest', // 5
  '    steps:', // 6
  '      - uses: actions/checkout@v4', // 7
  '      - run: ./run test', // 8
  '      - run: ./run lint', // 9
  '',
].join('\n');

const service: Tree = {
  'go.mod': 'module example.com/thumbs\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'fit/fit.go': 'package fit\n\nfunc Fit(w, h int) int { return w * h }\n',
  'fit/fit_test.go':
    'package fit\n\nimport "testing"\n\nfunc TestFit(t *testing.T) {\n\tif Fit(2, 3) != 6 {\n\t\tt.Fatal("fit")\n\t}\n}\n',
  '.golangci.yml': 'version: "2"\nlinters:\n  default: standard\n',
  run: RUN,
  'scripts/tasks.sh': TASKS,
  'scripts/common.sh': COMMON,
  'scripts/log.sh': LOG,
  '.github/workflows/ci.yml': gha,
};

const chains = (tree: Tree) =>
  commandGraph(memoryIndex(tree))
    .runs.filter((r) => r.origin.kind === 'ci' && r.tools.length)
    .map((r) => describeChain(r, r.tools[0]!.name));

describe('a task dispatcher whose functions are in a sourced file', () => {
  it('`./run test` reaches the test function of scripts/tasks.sh; release and bench are not run', () => {
    expect(chains(service)).toEqual([
      '.github/workflows/ci.yml:8 → run:11 → scripts/tasks.sh:6 → go test',
      '.github/workflows/ci.yml:9 → run:11 → scripts/tasks.sh:9 → golangci-lint',
    ]);
    const runs = commandGraph(memoryIndex(service)).runs.map((r) => r.argv[0]);
    expect(runs).not.toContain('goreleaser');
  });

  it('tests-in-ci passes, citing the function in the sourced file', async () => {
    const run = await runRuleOn(testsInCi, service);
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'scripts/tasks.sh',
      line: 6,
      note: 'job test runs tests: .github/workflows/ci.yml:8 → run:11 → scripts/tasks.sh:6 → go test',
    });
  });

  it('linting passes with golangci-lint reached through the sourced file', async () => {
    const run = await runRuleOn(linting, service);
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'scripts/tasks.sh', line: 9 }));
  });

  it('a sourced file of a sourced file is followed (bounded), relative to its own directory', () => {
    const v = dispatcherView(RUN, 'run', 'bench', (p) => service[p] as string | undefined);
    expect(v?.functions.get('bench')).toMatchObject({ path: 'scripts/common.sh', line: 3 });
    expect(v?.functions.get('log')).toMatchObject({ path: 'scripts/log.sh' });
    expect([...(v?.sourced?.keys() ?? [])].sort()).toEqual(['scripts/common.sh', 'scripts/log.sh', 'scripts/tasks.sh']);
  });

  it('a sourced path not in the listing, or built at run time, adds nothing: the task is not found', async () => {
    const { 'scripts/tasks.sh': _t, ...noTasks } = service;
    expect(dispatcherView(RUN, 'run', 'test', (p) => noTasks[p] as string | undefined)).toBeUndefined();
    const dynamic = RUN.replace('source "$DIR/scripts/tasks.sh"', 'source "$DIR/scripts/$TASKS_FILE"');
    expect(dispatcherView(dynamic, 'run', 'test', (p) => service[p] as string | undefined)).toBeUndefined();
    const run = await runRuleOn(testsInCi, noTasks);
    expect(run.outcome).toBe('fail');
  });
});
