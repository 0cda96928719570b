/**
 * Blind round 23, NODE SERVICES AND TEST INVENTORY classes (reviewers X and Y): Jest multi-project
 * configs, …. Each case asserts the verdict and the file:line the rule cites.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { memoryIndex, type Tree } from '../src/testing/memory.js';
import { testInventory } from '../src/facts/tests/inventory.js';
import testsPresent from './quality/tests-present.js';

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
