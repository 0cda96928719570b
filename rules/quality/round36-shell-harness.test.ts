import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import testTypes from './test-types.js';

/**
 * Blind round 36 (a Go command-line tool): CI ran a bash suite of the built binary
 * (`make test-bash` → test/tool-test.bash, which sources a common file calling `test_start "name"`
 * once per scenario), and test-types said "no integration".
 */
const tree = {
  'main.go': 'package main\n\nfunc main() {}\n',
  'cmd/run.go': 'package main\n\nfunc run() int { return 0 }\n',
  'cmd/run_test.go':
    'package main\n\nimport "testing"\n\nfunc TestRun(t *testing.T) {\n\tif run() != 0 {\n\t\tt.Fatal()\n\t}\n}\n',
  'go.mod': 'module example.com/tool\n\ngo 1.22\n',
  GNUmakefile: 'test: test-go test-bash\n\ntest-go:\n\tgo test ./...\n\ntest-bash:\n\tbash ./test/tool-test.bash\n',
  'test/tool-test.bash': '#!/usr/bin/env bash\nsource "$(dirname "$0")/tool-test-common.sh"\n',
  'test/tool-test-common.sh':
    'test_start() {\n  cd "scenarios/$1"\n}\ntest_stop() {\n  cd -\n}\n\ntest_start base\n[[ $(../../tool show) == ok ]]\ntest_stop\n\ntest_start empty\n[[ -z $(../../tool show) ]]\ntest_stop\n',
  '.github/workflows/ci.yml':
    'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n',
};

describe('round 36: a CI-run shell harness suite is an integration test of the program', () => {
  it('counts its scenarios as integration tests beside the Go unit tests', async () => {
    const r = await runRuleOn(testTypes, tree, { profile: 'cli' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => /^integration: shell test suite: 2 cases/.test(e.note ?? ''))).toBe(true);
  });

  it('without CI running the suite, only unit tests remain', async () => {
    const r = await runRuleOn(testTypes, { ...tree, GNUmakefile: 'test:\n\tgo test ./...\n' }, { profile: 'cli' });
    expect(r.outcome).not.toBe('pass');
    expect(r.evidence.some((e) => /shell test suite/.test(e.note ?? ''))).toBe(false);
  });
});
