import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const counts = (tree: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, `${f.framework}:${f.cases}`]));

const spec = (n: number) =>
  `describe('ctrl', function () {\n${Array.from({ length: n }, (_, i) => `  it('case ${i}', function () {});\n`).join('')}});\n`;

// An AngularJS front end whose Jasmine specs, named `*.test.js` under web/tests, Karma loads
// through the `files` of karma.conf.js beside the vendor bundles and the sources.
const PKG = JSON.stringify({
  scripts: { test: 'karma start karma.conf.js' },
  devDependencies: { karma: '6', 'karma-jasmine': '5', 'jasmine-core': '4' },
});
const KARMA = `module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    // 'web/legacy/**/*.test.js' is no longer loaded
    files: [
      'web/dist/vendors/*.js',
      'node_modules/angular-mocks/angular-mocks.js',
      'web/src/**/*.js',
      { pattern: 'web/tests/**/*.test.js', watched: true },
    ],
    exclude: ['web/tests/broken/**'],
    browsers: ['ChromeHeadless'],
  });
};
`;
const APP: Tree = {
  'package.json': PKG,
  'karma.conf.js': KARMA,
  'web/src/app.js': 'angular.module("app", []);\n',
  'web/tests/ctrl.test.js': spec(3),
  'web/tests/auth/login.test.js': spec(2),
  'web/tests/broken/old.test.js': spec(4),
  'web/legacy/old.test.js': spec(5),
};

describe('Karma configs select the test files', () => {
  it("karma.conf.js `files` globs that name tests are Jasmine's specs, its `exclude` set aside", () => {
    expect(counts(APP)).toEqual({ 'web/tests/auth/login.test.js': 'jasmine:2', 'web/tests/ctrl.test.js': 'jasmine:3' });
    expect(testInventory(memoryIndex(APP)).sources).toContain('karma.conf.js');
  });

  it('without a Karma config the same files are not collected by any runner', () => {
    const { 'karma.conf.js': _, ...bare } = APP;
    expect(counts(bare)).toEqual({});
  });

  it('a config CI names with `karma start <file>`, basePath and Mocha frameworks', () => {
    const tree: Tree = {
      'package.json': JSON.stringify({
        scripts: { test: 'karma start build/browser.js --single-run' },
        devDependencies: { karma: '6', 'karma-mocha': '2', mocha: '10' },
      }),
      'build/browser.js': `module.exports = (c) => c.set({ basePath: '..', frameworks: ['mocha', 'chai'], files: ['test/browser/*.js'] });\n`,
      'test/browser/a.js': spec(4),
    };
    expect(counts(tree)).toEqual({ 'test/browser/a.js': 'mocha:4' });
  });

  it("Angular's karma.conf.js, which names no spec files, leaves the *.spec.ts default in place", () => {
    const tree: Tree = {
      'package.json': JSON.stringify({ devDependencies: { karma: '6', 'karma-jasmine': '5' } }),
      'karma.conf.js': `module.exports = (c) => c.set({ frameworks: ['jasmine', '@angular-devkit/build-angular'], files: [] });\n`,
      'src/app/app.component.spec.ts': spec(2),
    };
    expect(counts(tree)).toEqual({ 'src/app/app.component.spec.ts': 'jasmine:2' });
  });
});
