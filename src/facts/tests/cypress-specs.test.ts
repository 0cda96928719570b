import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const spec = (n: number) =>
  `describe('page', () => {\n${Array.from({ length: n }, (_, i) => `  it('does ${i}', () => {\n    cy.visit('/');\n  });\n`).join('')}});\n`;
const jestTest = "test('adds', () => {\n  expect(1 + 1).toBe(2);\n});\n";
const pkg = JSON.stringify({
  scripts: { test: 'jest', cypress: 'cypress run' },
  devDependencies: { jest: '30', cypress: '11' },
  jest: { rootDir: './client' },
});
const counted = (tree: Record<string, string>) =>
  testInventory(memoryIndex(tree)).files.map((f) => [f.path, f.framework, f.cases]);

describe('Cypress specs', () => {
  it('a specPattern naming a folder collects every JS/TS spec under it, each counted once beside Jest', () => {
    expect(
      counted({
        'package.json': pkg,
        'cypress.config.js': [
          "const { defineConfig } = require('cypress');",
          'module.exports = defineConfig({',
          "  e2e: { baseUrl: 'http://localhost:5001', specPattern: 'client/cypress/integration/' },",
          '});',
        ].join('\n'),
        'client/cypress/integration/query/create_query_spec.js': spec(3),
        'client/cypress/integration/user/login_spec.js': spec(2),
        'client/app/lib/format.test.js': jestTest,
      }),
    ).toEqual([
      ['client/app/lib/format.test.js', 'jest', 1],
      ['client/cypress/integration/query/create_query_spec.js', 'cypress', 3],
      ['client/cypress/integration/user/login_spec.js', 'cypress', 2],
    ]);
  });

  it('a specPattern glob collects only what it matches: a spec outside it is not counted', () => {
    expect(
      counted({
        'package.json': JSON.stringify({ devDependencies: { cypress: '13' } }),
        'cypress.config.ts': "export default { e2e: { specPattern: 'tests/ui/**/*.cy.ts' } };\n",
        'tests/ui/login.cy.ts': spec(2),
        'tests/old/legacy_spec.js': spec(4),
      }),
    ).toEqual([['tests/ui/login.cy.ts', 'cypress', 2]]);
  });

  it('cypress.json (before Cypress 10): integrationFolder with the default testFiles; other folders are not collected', () => {
    expect(
      counted({
        'package.json': JSON.stringify({ devDependencies: { cypress: '9' } }),
        'cypress.json': JSON.stringify({ integrationFolder: 'e2e/specs', baseUrl: 'http://localhost:8080' }),
        'e2e/specs/checkout_spec.js': spec(4),
        'e2e/plugins/index.js': "module.exports = (on) => { it('not a spec', () => {}); };\n",
      }),
    ).toEqual([['e2e/specs/checkout_spec.js', 'cypress', 4]]);
  });
});
