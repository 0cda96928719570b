import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import rollback from './operations/rollback.js';

/**
 * Blind round 50 (a SAM application published to the Serverless Application Repository): its deploy
 * script runs `sam deploy`, whose CloudFormation stack update is rolled back when it fails, and every
 * release is a semantic version of the published application; rollback was "nothing found".
 */
const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31', // 1
  'Metadata:', // 2
  '  AWS::ServerlessRepo::Application:', // 3
  '    Name: tuner', // 4
  '    SemanticVersion: 2.3.0', // 5
  'Resources:', // 6
  '  Fn:', // 7
  '    Type: AWS::Serverless::Function', // 8
  '    Properties:', // 9
  '      CodeUri: lambda', // 10
  '      Handler: app.handler', // 11
  '',
].join('\n');

const tree = (deploy: string) => ({
  'template.yml': TEMPLATE,
  'lambda/app.js': 'module.exports.handler = async () => ({ ok: true });\n',
  'scripts/deploy.sh': `#!/bin/bash\nsam package --s3-bucket b --output-template-file packaged.yml\n${deploy}\n`,
});

describe('round 50: a CloudFormation deploy rolls a failed update back', () => {
  it('`sam deploy` and SAR versions: partial (no written procedure), citing both', async () => {
    const r = await runRuleOn(rollback, tree('sam deploy --template-file packaged.yml --stack-name app'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/no written rollback procedure/);
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(
      expect.arrayContaining(['scripts/deploy.sh:3', 'template.yml:5']),
    );
    expect(r.evidence.find((e) => e.path === 'scripts/deploy.sh')!.note).toMatch(/rolled back/);
  });

  it('a deploy with rollback turned off is no automatic rollback', async () => {
    const off = await runRuleOn(
      rollback,
      tree('sam deploy --template-file packaged.yml --stack-name app --disable-rollback'),
      { profile: 'service' },
    );
    const on = await runRuleOn(rollback, tree('sam deploy --template-file packaged.yml --stack-name app'), {
      profile: 'service',
    });
    expect(off.score).toBeLessThan(on.score!);
    expect(off.evidence.map((e) => e.path)).not.toContain('scripts/deploy.sh');
  });
});
