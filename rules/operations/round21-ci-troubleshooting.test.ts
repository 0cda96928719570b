import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import runbooks from './runbooks.js';

/**
 * Blind round 21 (ardalis-ca): a "Troubleshooting" heading in .github/workflows/README.md (a failed
 * restore or test run in CI) earned runbook credit; the CI's own docs are no operations docs.
 */
const TREE = (path: string) => ({
  'src/Web/Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>',
  'README.md': '# Shop\n\nA sample web API.\n',
  [path]: [
    '# CI workflows', // 1
    '', // 2
    'The build workflow restores, builds and tests on every push.', // 3
    '', // 4
    '## Troubleshooting', // 5
    '', // 6
    'If the restore step fails, clear the NuGet cache of the runner and re-run the job.', // 7
    'If tests time out in CI, check the runner logs for the failing test project.', // 8
  ].join('\n'),
});

describe('round 21: CI docs are no runbook', () => {
  it('Troubleshooting in .github/workflows/README.md earns nothing', async () => {
    const r = await runRuleOn(runbooks, TREE('.github/workflows/README.md'), { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ path: '.github/workflows/README.md' }));
  });

  it('the same section in docs/guide.md is still partial credit', async () => {
    const r = await runRuleOn(runbooks, TREE('docs/guide.md'), { profile: 'service' });
    expect(r.outcome).not.toBe('fail');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'docs/guide.md', line: 5 }));
  });
});
