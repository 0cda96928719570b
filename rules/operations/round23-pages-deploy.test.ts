import { describe, expect, it } from 'vitest';
import rule from './continuous-deployment.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 23: every GitHub Pages deploy was taken for a docs site. kotlinconf-app's
 * web-deploy.yml builds the product's web client with Gradle and deploys it with deploy-pages; a
 * docs site (jellyseerr's docs-deploy.yml) stays set aside. Decided by what is built.
 */
const SERVICE = {
  'package.json': '{"name":"conf","dependencies":{"express":"4.19.0"}}',
  'server/index.js': "const express = require('express');\nexpress().listen(8080);\n",
};

const workflow = (name: string, build: string, path: string) =>
  [
    `name: ${name}`, // 1
    'on:', // 2
    '  push:', // 3
    '    branches: [main]', // 4
    'jobs:', // 5
    '  build:', // 6
    '    runs-on: ubuntu-latest', // 7
    '    steps:', // 8
    '      - uses: actions/checkout@v4', // 9
    `      - run: ${build}`, // 10
    '      - uses: actions/upload-pages-artifact@v3', // 11
    '        with:', // 12
    `          path: ${path}`, // 13
    '  deploy:', // 14
    '    needs: build', // 15
    '    environment:', // 16
    '      name: github-pages', // 17
    '    runs-on: ubuntu-latest', // 18
    '    steps:', // 19
    '      - id: deployment', // 20
    '        uses: actions/deploy-pages@v4', // 21
    '',
  ].join('\n');

describe('continuous-deployment: a Pages deploy of the product is a deployment, a docs site is not (round 23)', () => {
  it('the web client built and deployed to Pages: partial, cited at the deploy step', async () => {
    const run = await runRuleOn(rule, {
      ...SERVICE,
      '.github/workflows/web-deploy.yml': workflow(
        'Publish Application on GitHub Pages',
        './gradlew app:webApp:wasmJsBrowserDistribution',
        'app/webApp/build/dist/wasmJs/productionExecutable/',
      ),
    });
    expect(run.outcome).toBe('partial');
    expect(run.score).toBe(0.6);
    expect(run.message).toContain('CI deploys the web client to GitHub Pages (.github/workflows/web-deploy.yml:21)');
    expect(run.evidence[0]).toMatchObject({
      path: '.github/workflows/web-deploy.yml',
      line: 21,
      snippet: 'uses: actions/deploy-pages@v4',
    });
  });

  it('a docs site built by a docs generator and deployed to Pages stays set aside: fail', async () => {
    const run = await runRuleOn(rule, {
      ...SERVICE,
      '.github/workflows/site.yml': workflow('Publish site', 'npx docusaurus build', 'website/build'),
    });
    expect(run.outcome).toBe('fail');
  });

  it('a Pages workflow named for the docs stays set aside: fail', async () => {
    const run = await runRuleOn(rule, {
      ...SERVICE,
      '.github/workflows/docs-deploy.yml': workflow('Deploy docs', 'npm run build', 'dist'),
    });
    expect(run.outcome).toBe('fail');
  });
});
