import { describe, expect, it } from 'vitest';
import rule from './continuous-deployment.js';
import ci from './ci-pipeline.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const steps = (actions: string[]) => ({
  '.github/workflows/terraform.yml': [
    'on:',
    '  push:',
    '    branches: [main]',
    'jobs:',
    '  terraform:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    ...actions.flatMap((a) => [
      '      - uses: acme/terraform-action@1.1.4',
      '        with:',
      `          action: ${a}`,
      '          directory: ./stack',
    ]),
    '',
  ].join('\n'),
  'stack/main.tf': 'terraform {\n  backend "s3" {}\n}\nresource "aws_instance" "x" {}\n',
});

describe('continuous-deployment: a job that applies and then destroys tests the code (blind round 30)', () => {
  it('apply then destroy in one job deploys nothing', async () => {
    const run = await runRuleOn(rule, steps(['plan', 'apply', 'destroy']), { profile: 'infrastructure' });
    expect(run.outcome).not.toBe('pass');
  });
  it('an apply that stays is a deployment', async () => {
    const run = await runRuleOn(rule, steps(['plan', 'apply']), { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
  });
});

describe('ci-pipeline: applying and destroying infrastructure code in one job is its integration run (blind round 30)', () => {
  it('plan, apply and destroy pass; plan and apply only build', async () => {
    const run = await runRuleOn(ci, steps(['validate', 'plan', 'apply', 'destroy']), { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('destroys it again in the same job');
    const kept = await runRuleOn(ci, steps(['plan', 'apply']), { profile: 'infrastructure' });
    expect(kept.outcome).toBe('partial');
  });
});
