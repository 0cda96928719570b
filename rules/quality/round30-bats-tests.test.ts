import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import testsPresent from './tests-present.js';
import testTypes from './test-types.js';

/**
 * Blind round 30 (a Helm chart repository): 23 Bats `@test` cases in test/integration/*.bats,
 * run in CI by `bats`, were left out of the test count. A shell tool tested only with Bats
 * (its test/*.bats run the commands) had "No test cases found".
 */
const suite = (n: number) =>
  `#!/usr/bin/env bats\nload test_helper\n\n${Array.from({ length: n }, (_, i) => `@test "command ${i}" {\n  run greet --name ${i}\n  [ "$status" -eq 0 ]\n}\n`).join('\n')}`;
const shellTool = {
  'bin/greet': '#!/usr/bin/env bash\necho "hello ${1:-world}"\n',
  'libexec/greet-name': '#!/usr/bin/env bash\necho "$1"\n',
  'test/test_helper.bash': 'export PATH="$BATS_TEST_DIRNAME/../bin:$PATH"\n',
  'test/greet.bats': suite(3),
  'test/name.bats': suite(2),
  '.github/workflows/ci.yml':
    'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: bats test\n',
};

describe('round 30: Bats @test cases are test cases', () => {
  it('a shell tool tested with Bats has its cases counted, and they are not called unit tests', async () => {
    const present = await runRuleOn(testsPresent, shellTool, { profile: 'cli' });
    expect(present.outcome).toBe('pass');
    expect(present.message).toMatch(/^5 test cases in 2 test files/);
    expect(present.evidence[0]!.note).toBe('Shell: 5 test cases in 2 files (Bats)');
    const types = await runRuleOn(testTypes, shellTool, { profile: 'cli' });
    expect(types.evidence.some((e) => /^unit: Bats/.test(e.note ?? ''))).toBe(false);
  });

  it('without the .bats suites there are no test cases', async () => {
    const { 'test/greet.bats': _a, 'test/name.bats': _b, ...bare } = shellTool;
    expect((await runRuleOn(testsPresent, bare, { profile: 'cli' })).outcome).toBe('fail');
  });
});
