import { describe, expect, it } from 'vitest';
import rule from './readme.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 48: a "Quickstart Guide" heading whose steps sit in its sub-sections ("### Setup" with
 * `gem install`, "### Mirroring" pointing the package manager at the server, "### Stopping the
 * Server") was read as an empty section, and the README had "no usage section". Its body runs to the
 * next heading of its level; a quickstart with prose only, sub-sections and all, is still stepless.
 */
const intro = '# Cachebox\n\nA caching proxy for package downloads, run on your own machine or network.\n\n';
const tail = '## Development\n\nRun `rake test` before opening a pull request.\n';

describe('readme: quickstart whose steps sit in sub-sections (blind round 48)', () => {
  it('the quickstart with stepped sub-sections is the usage section', async () => {
    const run = await runRuleOn(rule, {
      'README.md': `${intro}## Quickstart Guide\n\n### Setup\n\nInstall it:\n\n    $ gem install cachebox\n\nThen start the server:\n\n    $ cachebox start\n\n### Mirroring\n\nPoint the package manager at it:\n\n    $ bundle config mirror.https://rubygems.org http://localhost:9292\n\n### Stopping the Server\n\n    $ cachebox stop\n\n${tail}`,
    });
    expect(run.outcome, run.message).toBe('pass');
    expect(run.evidence.some((e) => e.path === 'README.md' && e.line === 5)).toBe(true);
  });

  it('a quickstart whose sub-sections hold prose only is not the usage section', async () => {
    const run = await runRuleOn(rule, {
      'README.md': `${intro}## Quickstart Guide\n\n### Why\n\nIt is quick and painless, and it saves bandwidth for everyone on the team.\n\n### Who\n\nTeams with many machines that download the same packages over and over.\n\n## Install\n\n    $ gem install cachebox\n\n${tail}`,
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no usage section');
  });
});
