/**
 * Blind round 51, a C network service: its SIGTERM handler (`signal(SIGTERM, handler)` setting the
 * flag the main loop checks) was "nothing handles SIGTERM", and its CUnit suites (`CU_add_test`)
 * were not counted at all. C handlers installed with signal()/sigaction() now count (not SIG_IGN or
 * SIG_DFL); CUnit, Unity, Check and cmocka registrations are test cases.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';
import testsPresent from './quality/tests-present.js';
import { countCTests } from '../src/facts/tests/c-tests.js';

const MAIN = (install: string) =>
  [
    '#include <signal.h>', // 1
    '#include "broker.h"', // 2
    '', // 3
    'static volatile int run = 1;', // 4
    'static void handle_term(int sig) { (void)sig; run = 0; }', // 5
    '', // 6
    'int main(int argc, char *argv[])', // 7
    '{', // 8
    `\t${install}`, // 9
    '\twhile (run) { loop_once(); }', // 10
    '\tclose_listeners();', // 11
    '\treturn 0;', // 12
    '}', // 13
    '',
  ].join('\n');

const service = (main: string): Tree => ({
  'CMakeLists.txt': 'project(broker C)\nadd_executable(broker src/main.c)\n',
  'src/main.c': main,
  'docker/Dockerfile': 'FROM alpine:3.20\nCOPY broker /usr/sbin/broker\nEXPOSE 1883\nCMD ["/usr/sbin/broker"]\n',
});

describe('graceful-shutdown: a C service', () => {
  it('signal(SIGTERM, handler) passes, citing the line', async () => {
    const r = await runRuleOn(gracefulShutdown, service(MAIN('signal(SIGTERM, handle_term);')), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'src/main.c' && e.line === 9)).toBe(true);
  });

  it('sigaction(SIGTERM, &act, NULL) passes', async () => {
    const r = await runRuleOn(gracefulShutdown, service(MAIN('sigaction(SIGTERM, &act, NULL);')), {
      profile: 'service',
    });
    expect(r.outcome).toBe('pass');
  });

  it('ignoring SIGTERM or restoring its default handles nothing: fail', async () => {
    for (const install of ['signal(SIGTERM, SIG_IGN);', 'signal(SIGTERM, SIG_DFL);', '/* signal(SIGINT, h); */']) {
      const r = await runRuleOn(gracefulShutdown, service(MAIN(install)), { profile: 'service' });
      expect(r.outcome).toBe('fail');
    }
  });
});

const CUNIT = [
  '#include <CUnit/Basic.h>',
  'static void TEST_empty(void) { CU_ASSERT_EQUAL(parse(""), 0); }',
  'static void TEST_long(void) { CU_ASSERT_EQUAL(parse("xx"), 2); }',
  '/* CU_add_test(suite, "old", TEST_old); */',
  'int init_parse_tests(void)',
  '{',
  '\tCU_pSuite suite = CU_add_suite("Parse", NULL, NULL);',
  '\tif(!suite',
  '\t\t\t|| !CU_add_test(suite, "Empty", TEST_empty)',
  '\t\t\t|| !CU_add_test(suite, "Long", TEST_long)',
  '\t\t\t){',
  '\t\tprintf("Error adding CU_add_test(…)\\n");',
  '\t\treturn 1;',
  '\t}',
  '\treturn 0;',
  '}',
  '',
].join('\n');

describe('C unit-test frameworks are counted', () => {
  it('CUnit: each CU_add_test is a case; comments and strings are none', () => {
    expect(countCTests(CUNIT)).toMatchObject({ cases: 2, framework: 'CUnit', firstLine: 9 });
  });

  it('Unity, Check and cmocka registrations; a #define of the macro is none', () => {
    expect(
      countCTests(
        'int main(void) {\n  UNITY_BEGIN();\n  RUN_TEST(test_a);\n  RUN_TEST(test_b);\n  return UNITY_END();\n}\n',
      ),
    ).toMatchObject({ cases: 2, framework: 'Unity' });
    expect(countCTests('  tcase_add_test(tc, test_a);\n  tcase_add_loop_test(tc, test_b, 0, 4);\n')).toMatchObject({
      cases: 2,
      framework: 'Check',
    });
    expect(
      countCTests(
        'const struct CMUnitTest tests[] = {\n  cmocka_unit_test(test_a),\n  cmocka_unit_test_setup_teardown(test_b, up, down),\n};\n',
      ),
    ).toMatchObject({ cases: 2, framework: 'cmocka' });
    expect(countCTests('#define RUN_TEST(f) run(f)\nint x;\n')).toMatchObject({ cases: 0 });
  });

  it('tests-present counts the CUnit cases of a C service', async () => {
    const tree: Tree = { ...service(MAIN('signal(SIGTERM, handle_term);')), 'test/unit/parse_test.c': CUNIT };
    const r = await runRuleOn(testsPresent, tree, { profile: 'service' });
    expect(r.message).toMatch(/^2 test cases/);
    expect(r.evidence.some((e) => e.path === 'test/unit/parse_test.c' && e.line === 9)).toBe(true);
    expect(r.evidence.map((e) => e.note ?? '').join('\n')).toMatch(/C: 2 test cases in 1 file/);
  });

  it('a copy of the framework kept in the repository (its self-tests and examples) is not the project’s tests', async () => {
    const tree: Tree = {
      ...service(MAIN('signal(SIGTERM, handle_term);')),
      'test/unit/parse_test.c': CUNIT,
      'tests/unity/test/tests/testunity.c': 'int main(void) {\n  RUN_TEST(test_x);\n  RUN_TEST(test_y);\n}\n',
      'tests/unity/examples/example_1/test/test_runners/Runner.c': 'int main(void) {\n  RUN_TEST(test_z);\n}\n',
      'third/CUnit-2.1/Examples/ex.c': 'int f(void) { CU_add_test(s, "x", t); }\n',
    };
    const r = await runRuleOn(testsPresent, tree, { profile: 'service' });
    expect(r.message).toMatch(/^2 test cases in 1 test file/);
  });

  it('a C file in a test folder without any registration counts nothing (a hand-written harness)', async () => {
    const tree: Tree = {
      ...service(MAIN('signal(SIGTERM, handle_term);')),
      'test/harness.c': 'int main(void) { return check_all(); }\n',
    };
    const r = await runRuleOn(testsPresent, tree, { profile: 'service' });
    expect(r.message).not.toMatch(/^\d+ test cases/);
  });
});

describe('C test counter on hostile input', () => {
  it('one long line of many registrations is read in linear time', () => {
    const line = 'RUN_TEST(t); '.repeat(100_000);
    const started = Date.now();
    expect(countCTests(`${line}\n#define RUN_TEST(f) f()\n`).cases).toBe(100_000);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
