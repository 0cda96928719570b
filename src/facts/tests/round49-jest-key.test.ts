import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const cases = (n: number) =>
  `describe('svc', () => {\n${Array.from({ length: n }, (_, i) => `  it('case ${i}', () => {\n    expect(${i}).toBe(${i});\n  });\n`).join('')}});\n`;

// A Nest-style service: jest configured by package.json's `jest` key (rootDir src, testRegex), the e2e
// suite by a second JSON config passed with `--config` (issue 15, blind round 49).
const tree = {
  'package.json': JSON.stringify(
    {
      name: 'events',
      scripts: {
        test: 'NODE_OPTIONS=--experimental-vm-modules jest',
        'test:e2e': 'NODE_OPTIONS=--experimental-vm-modules jest --config ./test/jest-e2e.json',
      },
      devDependencies: { jest: '30.0.0', 'ts-jest': '29.0.0' },
      jest: {
        moduleFileExtensions: ['js', 'json', 'ts'],
        rootDir: 'src',
        testRegex: '.*\\.spec\\.ts$',
        transform: { '^.+\\.(t|j)s$': 'ts-jest' },
        testEnvironment: 'node',
      },
    },
    null,
    2,
  ),
  'test/jest-e2e.json': JSON.stringify({
    rootDir: '../',
    roots: ['./test'],
    testRegex: '.e2e-spec.ts$',
    transform: { '^.+\\.(t|j)s$': 'ts-jest' },
  }),
  'src/main.ts': 'bootstrap();\n',
  'src/common/compare.spec.ts': cases(3),
  'src/modules/hooks/dispatcher.service.spec.ts': cases(4),
  'test/app.e2e-spec.ts': cases(2),
};

describe("Jest configured by package.json's `jest` key", () => {
  it('collects the files its rootDir and testRegex select, and the --config JSON suite', () => {
    const inv = testInventory(memoryIndex(tree));
    expect(inv.notCollected).toEqual([]);
    expect(inv.files.map((f) => [f.path, f.cases])).toEqual([
      ['src/common/compare.spec.ts', 3],
      ['src/modules/hooks/dispatcher.service.spec.ts', 4],
      ['test/app.e2e-spec.ts', 2],
    ]);
  });

  it("a spec outside the key's rootDir is not collected, and a jest.config file beside the key still wins", () => {
    const outside = testInventory(memoryIndex({ ...tree, 'scripts/tool.spec.ts': cases(1) }));
    expect(outside.notCollected.map((n) => n.path)).toEqual(['scripts/tool.spec.ts']);
    const withFile = testInventory(
      memoryIndex({
        ...tree,
        'jest.config.js': "module.exports = { testMatch: ['<rootDir>/src/common/**/*.spec.ts'] };\n",
      }),
    );
    expect(withFile.files.map((f) => f.path)).toEqual(['src/common/compare.spec.ts', 'test/app.e2e-spec.ts']);
  });
});
