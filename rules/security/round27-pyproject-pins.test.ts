/**
 * Blind round 27: a service whose pyproject.toml pins every runtime dependency with `==` in
 * [project].dependencies is pinned like a requirements file of `==` lines; one range leaves it unlocked.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import lockfiles from './lockfiles.js';

const pyproject = (flask: string) =>
  [
    '[project]',
    'name = "scorer"',
    'version = "2.1.0"',
    'dependencies = [',
    '  "bcrypt==5.0.0",',
    '  "celery[redis]==5.6.3",',
    `  "${flask}",`,
    '  "python-dateutil==2.9.0.post0",',
    ']',
    '',
    '[project.optional-dependencies]',
    'dev = ["pytest>=8"]',
    '',
  ].join('\n');
const app = { 'scorer/web.py': 'from flask import Flask\napp = Flask(__name__)\n' };

describe('round 27: exact pins in [project].dependencies', () => {
  it('every runtime dependency pinned with ==: locked by the manifest itself', async () => {
    const run = await runRuleOn(
      lockfiles,
      { 'pyproject.toml': pyproject('Flask==3.1.3'), ...app },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'pyproject.toml',
      note: expect.stringContaining('every runtime dependency pinned with ==: 4 in the manifest itself'),
    });
  });

  it('one range among them: no lockfile', async () => {
    const run = await runRuleOn(
      lockfiles,
      { 'pyproject.toml': pyproject('Flask>=3.1'), ...app },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('pyproject.toml');
  });
});
