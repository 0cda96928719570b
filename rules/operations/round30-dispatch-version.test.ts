import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rollback from './rollback.js';

/**
 * Blind round 30: a workflow_dispatch deploy workflow whose `version` input ("must already exist")
 * is handed to the deploy as `app_version: ${{ inputs.version }}` redeploys any earlier version,
 * yet the rule found "no versioned artefact".
 */
const deploy = (withLine: string) =>
  [
    'name: Deploy to environment',
    'on:',
    '  workflow_dispatch:',
    '    inputs:',
    '      environment:',
    '        type: choice',
    '        options: [dev, prod]',
    '      version:',
    '        description: version to deploy - must already exist',
    '        required: true',
    'jobs:',
    '  deploy_env:',
    '    uses: acme/shared/.github/workflows/deploy_env.yml@v2',
    '    with:',
    '      environment: ${{ inputs.environment }}',
    `      ${withLine}`,
    '',
  ].join('\n');
const GO = 'package main\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n';

describe('round 30: a dispatch input names the version to deploy', () => {
  it('app_version from inputs.version: a versioned artefact redeployed on demand (partial)', async () => {
    const r = await runRuleOn(
      rollback,
      { 'main.go': GO, '.github/workflows/deploy.yml': deploy('app_version: ${{ inputs.version }}') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: '.github/workflows/deploy.yml', line: 16 }));
  });

  it('a literal version, or an input that is not a version: nothing found', async () => {
    for (const line of ['app_version: latest', 'app_version: ${{ inputs.environment }}']) {
      const r = await runRuleOn(
        rollback,
        { 'main.go': GO, '.github/workflows/deploy.yml': deploy(line) },
        { profile: 'service' },
      );
      expect(r.outcome).toBe('fail');
    }
  });
});
