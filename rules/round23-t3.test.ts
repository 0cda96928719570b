/**
 * Blind round 23, NODE SERVICES AND TEST INVENTORY classes (reviewers X and Y): Jest multi-project
 * configs, …. Each case asserts the verdict and the file:line the rule cites.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { memoryIndex, type Tree } from '../src/testing/memory.js';
import { testInventory } from '../src/facts/tests/inventory.js';
import testsPresent from './quality/tests-present.js';
import testTypes from './quality/test-types.js';

const cases = (n: number, name = 'case') =>
  Array.from({ length: n }, (_, i) => `it("${name} ${i}", () => {\n  expect(${i}).toBe(${i});\n});\n`).join('');

/** A Yarn monorepo whose root jest.config.js splits the packages into projects, each with its own roots. */
const JEST_PROJECTS = [
  'const { defaults } = require("ts-jest/presets");',
  '',
  'const SHARED = {',
  '  clearMocks: true,',
  '  transform: { ...defaults.transform },',
  '};',
  '',
  'module.exports = {',
  '  testEnvironment: "node",',
  '  projects: [',
  '    {',
  '      ...SHARED,',
  '      displayName: "core",',
  '      roots: ["<rootDir>/packages/core/src"],',
  '      testPathIgnorePatterns: ["<rootDir>/packages/core/src/browser-tests/"],',
  '    },',
  '    {',
  '      ...SHARED,',
  '      displayName: "core-browser",',
  '      testEnvironment: "jsdom",',
  '      roots: ["<rootDir>/packages/core/src/browser-tests"],',
  '    },',
  '    { ...SHARED, displayName: "server", roots: ["<rootDir>/packages/server/src"] },',
  '    "<rootDir>/packages/widgets",',
  '    "<rootDir>/tools/jest.cli.config.js",',
  '  ],',
  '};',
  '',
].join('\n');

const monorepo: Tree = {
  'package.json': JSON.stringify({
    name: 'mailroom',
    private: true,
    workspaces: ['packages/*'],
    scripts: { test: 'jest' },
    devDependencies: { jest: '^29.7.0', 'ts-jest': '^29.1.0' },
  }),
  'jest.config.js': JEST_PROJECTS,
  'tools/jest.cli.config.js': 'module.exports = { rootDir: "../packages/cli", testMatch: ["**/*.check.ts"] };\n',
  'packages/core/src/queue.ts': 'export const queue: string[] = [];\n',
  'packages/core/src/queue.test.ts': cases(4, 'queue'),
  'packages/core/src/browser-tests/render.test.ts': cases(3, 'render'),
  'packages/server/src/routes.ts': 'export const routes = [];\n',
  'packages/server/src/routes.test.ts': cases(2, 'routes'),
  'packages/widgets/src/button.test.tsx': cases(1, 'button'),
  'packages/cli/src/args.check.ts': cases(2, 'args'),
  // Outside every project's roots: Jest never collects it.
  'packages/scratch/old.test.ts': cases(5, 'old'),
};

describe('round 23: Jest `projects`', () => {
  it('each project (inline object, folder, config file) selects its own files; one outside every project is not collected', () => {
    const inv = testInventory(memoryIndex(monorepo));
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([
      ['packages/cli/src/args.check.ts', 2],
      ['packages/core/src/browser-tests/render.test.ts', 3],
      ['packages/core/src/queue.test.ts', 4],
      ['packages/server/src/routes.test.ts', 2],
      ['packages/widgets/src/button.test.tsx', 1],
    ]);
    expect(inv.notCollected).toEqual([
      { path: 'packages/scratch/old.test.ts', reason: 'no configured JavaScript test runner includes it' },
    ]);
  });

  it('tests-present counts every project and cites the file outside them', async () => {
    const run = await runRuleOn(testsPresent, monorepo);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('12 test cases in 5 test files');
    expect(run.evidence[0]).toMatchObject({ path: 'packages/cli/src/args.check.ts', line: 1 });
    expect(run.evidence.find((e) => e.path === 'packages/scratch/old.test.ts')?.note).toBe(
      'not counted: no configured JavaScript test runner includes it',
    );
  });

  it('a projects entry the config computes (a call) keeps the top-level options beside the projects read', () => {
    const inv = testInventory(
      memoryIndex({
        ...monorepo,
        'jest.config.js': JEST_PROJECTS.replace('"<rootDir>/packages/widgets",', '...listProjects(),'),
      }),
    );
    // The top-level config (Jest's defaults under the root) stands: the scratch file is counted.
    expect(inv.files.map((f) => f.path)).toContain('packages/scratch/old.test.ts');
    expect(inv.notCollected).toEqual([]);
  });
});

/** A Go CLI whose CI builds the binary and points Bats suites at it. */
const goCli: Tree = {
  'go.mod': 'module example.com/tabswitch\n\ngo 1.22\n',
  'cmd/tabswitch/main.go':
    'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tfmt.Println(parse(os.Args[1:]))\n}\n',
  'cmd/tabswitch/parse.go': 'package main\n\nfunc parse(args []string) string {\n\treturn "ok"\n}\n',
  'cmd/tabswitch/parse_test.go':
    'package main\n\nimport "testing"\n\nfunc TestParse(t *testing.T) {\n\tif parse(nil) != "ok" {\n\t\tt.Fatal("parse")\n\t}\n}\n',
  'test/helpers.bash': 'setup() {\n  export HOME="$(mktemp -d)"\n}\n',
  'test/tabswitch.bats': [
    '#!/usr/bin/env bats',
    '',
    'BIN="${BIN:-$BATS_TEST_DIRNAME/../tabswitch}"',
    'load helpers',
    '',
    '@test "--help exits 0" {',
    '  run ${BIN} --help',
    '  [ "$status" -eq 0 ]',
    '}',
    '',
    '@test "unknown flag fails" {',
    '  run ${BIN} --nope',
    '  [ "$status" -eq 1 ]',
    '}',
    '',
  ].join('\n'),
  '.github/workflows/ci.yml': [
    'name: ci',
    'on: [push, pull_request]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-go@v5',
    '      - run: go test ./...',
    '      - run: go build -o dist/tabswitch ./cmd/tabswitch',
    '      - run: sudo npm install -g bats',
    '      - name: integration tests',
    '        run: BIN=./dist/tabswitch bats test/tabswitch.bats',
    '',
  ].join('\n'),
};

describe('round 23: Bats suites CI runs against the built binary', () => {
  it('test-types credits them as integration tests, cited at the first @test with the CI step', async () => {
    const run = await runRuleOn(testTypes, goCli);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('integration tests found');
    expect(run.evidence.find((e) => e.path === 'test/tabswitch.bats')).toMatchObject({
      line: 6,
      snippet: '@test "--help exits 0" {',
      note: 'integration: Bats: 2 tests that run the program and check its output and exit status, run by CI at .github/workflows/ci.yml:13',
    });
    // The inventory counts no shell test framework: the Go tests alone are counted.
    const inv = testInventory(memoryIndex(goCli));
    expect(inv.files.map((f) => f.path)).toEqual(['cmd/tabswitch/parse_test.go']);
  });

  it('a Bats suite of shell functions (`run parse_flags`), or one CI never runs, is not an integration test', async () => {
    const functions = {
      ...goCli,
      'test/tabswitch.bats': (goCli['test/tabswitch.bats'] as string).replace(/run \$\{BIN\}/g, 'run parse_flags'),
    };
    const run = await runRuleOn(testTypes, functions);
    expect(run.outcome).toBe('partial');
    expect(run.evidence.some((e) => e.path.endsWith('.bats'))).toBe(false);
    const notRun = {
      ...goCli,
      '.github/workflows/ci.yml': (goCli['.github/workflows/ci.yml'] as string).replace(
        / {6}- name: integration[\s\S]*$/,
        '',
      ),
    };
    const run2 = await runRuleOn(testTypes, notRun);
    expect(run2.outcome).toBe('partial');
    expect(run2.message).toContain('no integration');
  });
});
