/**
 * Blind round 46, class "test counts within 3 % of the runner": a describe wrapper of the
 * repository that runs its callback once per backend, and a `forEach` over the entries of a
 * literal case object, make the runner run more tests than are written. Both were expanded already
 * (in the evidence note); the headline gave only the written count, which a reader compared with
 * the runner's. The headline now gives both.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../../src/testing/memory.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './tests-present.js';

const UTIL = `export type Backend = "Mock" | "Redis";

export function describeAcrossBackends(
  topic: string,
  runTests: (backend: Backend) => void
) {
  describe(topic, () => {
    describe("Redis", () => {
      runTests("Redis");
    });

    describe("Mock", () => {
      runTests("Mock");
    });
  });
}

export function getAddress(s: { port: number }) {
  return "http://localhost:" + s.port;
}
`;

const JOBS = `import { describeAcrossBackends } from "../../client/test/util";

describeAcrossBackends("Jobs", (backend) => {
  test("enqueues", async () => {
    expect(backend).toBeTruthy();
  });
  test("deletes", async () => {
    expect(backend).toBeTruthy();
  });
  test("lists", async () => {
    expect(backend).toBeTruthy();
  });
});
`;

const CRON = `const cases = {
  "next.js": { input: "a", output: 1 },
  "blitz": { input: "b", output: 2 },
  "redwood": { input: "c", output: 3 },
  "syntax errors": { input: "{", output: null },
};

describe("detect", () => {
  Object.entries(cases).forEach(([name, { input, output }]) => {
    test(name, () => {
      expect(input.length > 0 || output === null).toBe(true);
    });
  });
});
`;

const PLAIN = `test("plain", () => {
  expect(1).toBe(1);
});
`;

const tree = (files: Tree): Tree => ({
  'package.json': JSON.stringify({ name: 'q', devDependencies: { jest: '29.0.0' }, scripts: { test: 'jest' } }),
  'jest.config.js': 'module.exports = { testEnvironment: "node" };\n',
  'src/api/index.ts': 'export const a = 1;\n',
  'src/client/index.ts': 'export const b = 2;\n',
  'src/client/test/util.ts': UTIL,
  ...files,
});

describe('the runner count in the tests-present headline', () => {
  it('suites a wrapper runs twice and cases of a forEach over an object literal: written and run counts', async () => {
    const run = await runRuleOn(
      rule,
      tree({ 'src/api/test/jobs.test.ts': JOBS, 'src/cli/cron.spec.ts': CRON, 'src/api/plain.test.ts': PLAIN }),
    );
    // Written: 3 + 1 + 1; run: 3 × 2 + 4 + 1.
    expect(run.message).toMatch(/^5 test cases in 3 test files/);
    expect(run.message).toContain(
      '; 11 as the runners run them (case tables, loops and suites run more than once expanded)',
    );
    expect(run.data).toMatchObject({ testCases: 5, expandedCases: 11 });
  });

  it('no run count when every test runs once as written', async () => {
    const run = await runRuleOn(rule, tree({ 'src/api/plain.test.ts': PLAIN }));
    expect(run.message).toMatch(/^1 test case in 1 test file/);
    expect(run.message).not.toContain('as the runners run them');
  });
});
