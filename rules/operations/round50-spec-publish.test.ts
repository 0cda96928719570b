import { describe, expect, it } from 'vitest';
import rule from './continuous-deployment.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 50: a tag workflow inlines the service's OpenAPI description and pushes the JSON into
 * a specs repository with a Pages deploy action. That publishes documentation of the API, not the
 * web client: no deployment.
 */
const SERVICE = {
  'package.json': '{"name":"links","dependencies":{"express":"4.19.0"}}',
  'server/index.js': "const express = require('express');\nexpress().listen(8080);\n",
};

const workflow = (file: string, name: string, target: string) => ({
  [`.github/workflows/${file}`]: [
    `name: ${name}`,
    'on:',
    '  push:',
    "    tags: ['v*']",
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: npm run build:client',
    '      - run: mkdir out && mv build/output.json out/',
    '      - uses: JamesIves/github-pages-deploy-action@v4',
    '        with:',
    "          repository-name: 'acme/published'",
    '          branch: main',
    '          folder: out',
    `          target-folder: ${target}`,
    '',
  ].join('\n'),
});

describe('round 50: publishing an API description is not a web-client deploy', () => {
  it('a workflow named for the OpenAPI spec deploys nothing', async () => {
    const r = await runRuleOn(rule, {
      ...SERVICE,
      ...workflow('publish-openapi-spec.yml', 'Publish openapi spec', 'v1'),
    });
    expect(r.outcome).toBe('fail');
    expect(r.message).not.toMatch(/web client/);
  });

  it('a target folder of specs deploys nothing either', async () => {
    const r = await runRuleOn(rule, { ...SERVICE, ...workflow('publish.yml', 'Publish', 'specs/v1') });
    expect(r.outcome).toBe('fail');
  });

  it('the same workflow publishing a built client is still a web-client deploy', async () => {
    const r = await runRuleOn(rule, { ...SERVICE, ...workflow('publish.yml', 'Publish', 'app') });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/web client/);
  });
});
