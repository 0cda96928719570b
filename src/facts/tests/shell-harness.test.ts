import { describe, expect, it } from 'vitest';
import { testInventory } from './inventory.js';
import { memoryIndex } from '../../testing/memory.js';

const WORKFLOW = [
  'on: push',
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - run: make test-shell',
  '',
].join('\n');
const MAKEFILE = 'test-shell:\n\tbash ./test/cli-test.bash\n';
const COMMON = [
  'test_start() {',
  '  cd "$TEST_DIR/scenarios/$1" || exit 1',
  '  echo "## Testing $1 ##"',
  '}',
  'test_stop() {',
  '  cd /',
  '}',
  'test_eq() {',
  '  [[ $1 == "$2" ]] || exit 1',
  '}',
  '',
  'test_start base',
  '  test_eq "$(../../tool show)" "ok"',
  'test_stop',
  '',
  'test_start "space dir"',
  '  test_eq "$(../../tool show)" "ok"',
  'test_stop',
  '',
  '# test_start commented',
  '',
].join('\n');
const RUNNER = '#!/usr/bin/env bash\nsource "$(dirname "$0")/cli-test-common.sh"\n';
const SHARNESS = [
  '#!/bin/sh',
  '. ./test-lib.sh',
  "test_expect_success 'prints its version' '",
  '  ../tool --version',
  "'",
  "test_expect_failure 'rejects a bad flag' '",
  '  ../tool --nope',
  "'",
  'test_done',
  '',
].join('\n');
const LIB = 'test_expect_success() {\n  eval "$2"\n}\ntest_expect_failure() {\n  ! eval "$2"\n}\n';

describe('shell harness suites', () => {
  it('counts one case per call of a harness function a sourced file defines, when CI runs the script', () => {
    const inv = testInventory(
      memoryIndex({
        '.github/workflows/ci.yml': WORKFLOW,
        Makefile: MAKEFILE,
        'test/cli-test.bash': RUNNER,
        'test/cli-test-common.sh': COMMON,
        'main.go': 'package main\nfunc main() {}\n',
      }),
    );
    expect(inv.files.filter((f) => f.language === 'Shell')).toEqual([
      expect.objectContaining({
        path: 'test/cli-test-common.sh',
        framework: 'shell harness',
        cases: 2,
        first: { line: 12, snippet: 'test_start base' },
      }),
    ]);
  });

  it('counts sharness test_expect_* cases of a script a CI step runs directly', () => {
    const inv = testInventory(
      memoryIndex({
        '.github/workflows/ci.yml': WORKFLOW.replace('make test-shell', 'cd tests && sh ./t0001-version.sh'),
        'tests/t0001-version.sh': SHARNESS,
        'tests/test-lib.sh': LIB,
      }),
    );
    expect(inv.files.find((f) => f.path === 'tests/t0001-version.sh')).toMatchObject({ cases: 2 });
  });

  it('counts nothing that no CI command runs, nor calls of a function nobody defines', () => {
    const notRun = testInventory(
      memoryIndex({ 'test/cli-test.bash': RUNNER, 'test/cli-test-common.sh': COMMON, Makefile: MAKEFILE }),
    );
    expect(notRun.files.filter((f) => f.language === 'Shell')).toEqual([]);
    const undefinedHarness = testInventory(
      memoryIndex({
        '.github/workflows/ci.yml': WORKFLOW,
        Makefile: MAKEFILE,
        'test/cli-test.bash': 'test_start base\n./tool show\ntest_start other\n',
      }),
    );
    expect(undefinedHarness.files.filter((f) => f.language === 'Shell')).toEqual([]);
  });
});
