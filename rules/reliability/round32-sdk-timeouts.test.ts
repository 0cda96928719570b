import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import timeouts from './timeouts.js';

/**
 * Blind round 32 (a test-case manager with issue-tracker integrations): `jira.JIRA(…)`,
 * `gitlab.Gitlab(…)` and `redminelib.Redmine(…)` were built without a timeout — none of these
 * libraries has one by default — while timeouts said "no call without one". The constructors of
 * such API clients, where the project depends on the library directly, are calls to judge.
 */
const REQS = 'django==5.0\nrequests==2.32.0\njira==3.10.5\npython-gitlab==8.5.0\npython-redmine==2.5.0\n';
const trackers = (jiraArgs: string, gitlabArgs: string) =>
  [
    'import gitlab', // 1
    'import jira', // 2
    'import requests', // 3
    '', // 4
    '', // 5
    'class JIRA:', // 6
    '    def client(self):', // 7
    `        return jira.JIRA(self.url, ${jiraArgs})`, // 8
    '', // 9
    '', // 10
    'class Gitlab:', // 11
    '    def client(self):', // 12
    `        return gitlab.Gitlab(self.url, ${gitlabArgs})`, // 13
    '', // 14
    '    def ping(self):', // 15
    '        return requests.get(self.url, timeout=10)', // 16
    '',
  ].join('\n');

describe('round 32: API client constructors without a timeout', () => {
  it('jira.JIRA and gitlab.Gitlab built without timeout= are calls without one (partial); a class of that name is not', async () => {
    const r = await runRuleOn(
      timeouts,
      { 'requirements.txt': REQS, 'app/trackers.py': trackers('basic_auth=auth', 'private_token=token') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/trackers.py',
        line: 8,
        note: expect.stringMatching(/^jira\.JIRA\(\) without timeout=/),
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/trackers.py',
        line: 13,
        note: expect.stringMatching(/^gitlab\.Gitlab\(\) without timeout=/),
      }),
    );
    expect(r.evidence.some((e) => e.line === 6 || e.line === 11)).toBe(false);
  });

  it('built with timeout= they pass', async () => {
    const r = await runRuleOn(
      timeouts,
      {
        'requirements.txt': REQS,
        'app/trackers.py': trackers('basic_auth=auth, timeout=30', 'private_token=token, timeout=30'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });

  it('a Redmine client bounded through requests={"timeout": …}, and the same name without the library, are no fault', async () => {
    const redmine = (args: string) =>
      `import redminelib\n\n\ndef connect(url, key):\n    return redminelib.Redmine(url, key=key${args})\n`;
    const bounded = await runRuleOn(
      timeouts,
      { 'requirements.txt': REQS, 'app/redmine.py': redmine(", requests={'timeout': 10}") },
      { profile: 'service' },
    );
    expect(bounded.evidence.some((e) => /Redmine\(\) without/.test(e.note ?? ''))).toBe(false);
    const unbounded = await runRuleOn(
      timeouts,
      { 'requirements.txt': REQS, 'app/redmine.py': redmine('') },
      { profile: 'service' },
    );
    expect(unbounded.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/redmine.py',
        line: 5,
        note: expect.stringMatching(/^redminelib\.Redmine\(\) without/),
      }),
    );
    const noLibrary = await runRuleOn(
      timeouts,
      {
        'requirements.txt': 'django==5.0\nrequests==2.32.0\n',
        'app/redmine.py': `${redmine('')}\nrequests.get(url, timeout=5)\n`,
      },
      { profile: 'service' },
    );
    expect(noLibrary.evidence.some((e) => /Redmine\(\) without/.test(e.note ?? ''))).toBe(false);
  });
});
