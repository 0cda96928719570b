import { describe, expect, it } from 'vitest';
import rule from './environments.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Round 23/24 (kotlinconf-app): the web client is published to GitHub Pages from a job with
 * `environment: github-pages`, which deploy-pages requires. The reviewer expected environments to
 * fail (no staging or production of the service); the message said "no CI environments" although
 * one is there. It names it and says what it is.
 */
const SERVICE = {
  'package.json': '{"name":"conf","dependencies":{"express":"4.19.0"}}',
  'server/index.js': "const express = require('express');\nexpress().listen(8080);\n",
  '.github/workflows/web-deploy.yml': [
    'name: Publish web app', // 1
    'on:', // 2
    '  push:', // 3
    '    branches: [main]', // 4
    'jobs:', // 5
    '  deploy:', // 6
    '    environment:', // 7
    '      name: github-pages', // 8
    '      url: ${{ steps.deployment.outputs.page_url }}', // 9
    '    runs-on: ubuntu-latest', // 10
    '    steps:', // 11
    '      - run: ./gradlew webApp:distribution', // 12
    '      - uses: actions/upload-pages-artifact@v3', // 13
    '      - id: deployment', // 14
    '        uses: actions/deploy-pages@v4', // 15
    '',
  ].join('\n'),
};

describe('environments: the github-pages environment is no stage of the service', () => {
  it('fails, naming the Pages environment and citing it', async () => {
    const run = await runRuleOn(rule, SERVICE, { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain(
      "The CI environment github-pages (.github/workflows/web-deploy.yml:8) is GitHub Pages' publishing target for a static site, not a stage of the service.",
    );
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: '.github/workflows/web-deploy.yml', line: 8 }));
    expect(run.evidence[0]?.note).toContain('no CI environment but GitHub Pages');
  });

  it('a staging and a production environment beside it still separate the environments', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...SERVICE,
        '.github/workflows/deploy.yml': [
          'on: push',
          'jobs:',
          '  staging:',
          '    environment: staging',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: fly deploy --app conf-staging',
          '  production:',
          '    needs: staging',
          '    environment: production',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: fly deploy --app conf',
          '',
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).not.toContain('GitHub Pages');
  });
});
