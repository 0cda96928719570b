import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import architectureDocs from './architecture-docs.js';
import readme from './readme.js';

/**
 * Blind round 22: a "Getting Started" heading over prose only was both the installation and the
 * usage section (actual-server README.md:7); "### How it works" under "## Code formatting with
 * Spotless" was an architecture section (laa-cma README.md:185).
 */
const POINTER = [
  '# budget-sync', // 1
  '', // 2
  'The server that keeps budgets in sync across devices.', // 3
  '', // 4
  '### Getting Started', // 5
  'Budget-sync is a local-first finance tool. It is free and open source, written in NodeJS.', // 6
  '', // 7
  'If you want to contribute, see our contributing guide, we would love to have you.', // 8
  '', // 9
  '### Documentation', // 10
  'Everything is documented on our community site, including installing and budgeting.', // 11
  '', // 12
  '### Feature Requests', // 13
  'Vote for your favourite requests on the issue tracker.', // 14
].join('\n');

describe('round 22: headings by what is under them', () => {
  it('"Getting Started" over prose is no installation section', async () => {
    const r = await runRuleOn(readme, { 'README.md': POINTER, 'package.json': '{"name":"budget-sync"}' });
    expect(r.outcome).toBe('partial');
    expect(r.evidence.some((e) => e.line === 5 && /installation section/.test(e.note ?? ''))).toBe(false);
  });

  it('"Getting Started" with a command is one', async () => {
    const r = await runRuleOn(readme, {
      'README.md': POINTER.replace(
        'If you want to contribute',
        '```sh\nnpm ci && npm start\n```\n\nIf you want to contribute',
      ),
      'package.json': '{"name":"budget-sync"}',
    });
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'README.md', line: 5, note: 'installation section' }),
    );
  });

  it('"Getting Started" that links the installation guide points to the steps', async () => {
    const r = await runRuleOn(readme, {
      'README.md': POINTER.replace(
        'If you want to contribute',
        'The [Installation Docs](https://example.org/docs/installation) cover the setup.\n\nIf you want to contribute',
      ),
      'package.json': '{"name":"budget-sync"}',
    });
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'README.md', line: 5, note: 'installation section' }),
    );
  });

  const TOOL = [
    '# court-proceedings', // 1
    '', // 2
    'Records crown court proceedings.', // 3
    '', // 4
    '## Code formatting with Spotless', // 5
    '', // 6
    'This project uses Spotless to enforce a consistent Java code style.', // 7
    '', // 8
    '### How it works', // 9
    '', // 10
    'Spotless is configured in build.gradle to format the Java sources with Palantir Java Format.', // 11
  ].join('\n');

  it('"How it works" under a tool\'s section is no architecture section', async () => {
    const r = await runRuleOn(architectureDocs, { 'README.md': TOOL }, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence.some((e) => e.path === 'README.md' && e.line === 9)).toBe(false);
  });

  it('"How it works" at the top of the README is the system\'s', async () => {
    const r = await runRuleOn(
      architectureDocs,
      { 'README.md': TOOL.replace('## Code formatting with Spotless', '## Overview') },
      { profile: 'service' },
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 9 }));
  });
});

describe('a hostile README: one long line of brackets under "Getting Started" (review of the round-22 fixes)', () => {
  it('is read like any prose line: no installation section, the rule finishes', async () => {
    const r = await runRuleOn(readme, {
      'README.md': POINTER.replace('If you want to contribute', `${'['.repeat(60_000)}\n\nIf you want to contribute`),
      'package.json': '{"name":"budget-sync"}',
    });
    expect(r.outcome).toBe('partial');
    expect(r.evidence.some((e) => e.line === 5 && /installation section/.test(e.note ?? ''))).toBe(false);
  });
});
