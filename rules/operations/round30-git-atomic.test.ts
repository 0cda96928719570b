import { describe, expect, it } from 'vitest';
import rule from './rollback.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const wf = (line: string) => ({
  '.github/workflows/release.yml': `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${line}\n`,
  Dockerfile: 'FROM python:3.12\n',
  'app.py': 'print(1)\n',
});

describe('rollback: git push --atomic is no rollback (blind round 30)', () => {
  it('an atomic push of a version bump rolls nothing back', async () => {
    const run = await runRuleOn(rule, wf('git push --atomic origin master refs/tags/v1.2.0'), { profile: 'service' });
    expect(run.message).not.toContain('a rollback command or automatic rollback found');
    expect(run.evidence.map((e) => e.note ?? '')).not.toContain('automatic rollback on failed deploys');
  });
  it('helm upgrade --atomic is an automatic rollback', async () => {
    const run = await runRuleOn(rule, wf('helm upgrade --install app ./chart --atomic'), { profile: 'service' });
    expect(run.evidence.map((e) => e.note ?? '')).toContain('automatic rollback on failed deploys');
  });
});
