/**
 * Blind round 26, class "documents recognised by file name only": an explanation page titled "How X
 * works" with reStructuredText Mermaid diagrams is the architecture document; a README Security section
 * with a private address is a disclosure policy (partial: no SECURITY.md); a changelog in docs/ whose
 * version titles sit between RST overlines is a versioned change log. Each with a counter-case.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import architectureDocs from './architecture/architecture-docs.js';
import securityPolicy from './security/security-policy.js';
import releaseManagement from './operations/release-management.js';

const base: Tree = {
  'pyproject.toml': '[project]\nname = "deptool"\nversion = "1.0"\n',
  'src/deptool/__init__.py': '',
};

describe('round 26: architecture written in a docs page of another name', () => {
  const explanation = (title: string, directive: string) =>
    [
      title,
      '='.repeat(title.length),
      '',
      'Package discovery',
      '-----------------',
      '',
      'The scanner reads the metadata of every installed distribution and builds a graph.',
      '',
      directive,
      '',
      '    flowchart TD',
      '        A["site-packages"] --> B["metadata scanner"]',
      '        B --> C["dependency graph"]',
      '        C --> D["renderer"]',
      '',
      'Rendering',
      '---------',
      '',
      'The renderer walks the graph.',
      '',
    ].join('\n');

  it('an RST page titled "How … works" with `.. mermaid::` diagrams passes, citing the page', async () => {
    const run = await runRuleOn(
      architectureDocs,
      { ...base, 'docs/explanation.rst': explanation('How deptool works', '.. mermaid::') },
      { profile: 'cli' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'docs/explanation.rst', note: 'architecture document' }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'docs/explanation.rst', line: 9, note: 'Mermaid diagram' }),
    );
  });

  it('a docs page with an RST Mermaid diagram alone passes as diagrams as code', async () => {
    const run = await runRuleOn(
      architectureDocs,
      { ...base, 'docs/graph.rst': explanation('Graph output', '.. mermaid::') },
      { profile: 'cli' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('diagrams as code (docs/graph.rst)');
  });

  it('a Markdown H1 "Architecture" page in docs/ counts as well', async () => {
    const run = await runRuleOn(
      architectureDocs,
      {
        ...base,
        'docs/internals/overview.md':
          '# Architecture of deptool\n\nThe scanner feeds the graph, which the renderer walks.\n',
      },
      { profile: 'cli' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: 'docs/internals/overview.md', note: 'architecture document' });
  });

  it('a page titled for something else, without diagrams, is no architecture document', async () => {
    const run = await runRuleOn(
      architectureDocs,
      { ...base, 'docs/explanation.rst': explanation('How to install deptool', '.. note::') },
      { profile: 'cli' },
    );
    expect(run.outcome).toBe('fail');
  });
});

const readme = (section: string[]) =>
  ['# Storage', '', 'A filesystem abstraction.', '', ...section, '', '## Licence', '', 'MIT', ''].join('\n');

describe('round 26: a Security section of the README', () => {
  it('with a private address is a disclosure policy, partial without SECURITY.md', async () => {
    const run = await runRuleOn(
      securityPolicy,
      {
        'readme.md': readme([
          '## Security',
          '',
          'If you discover any security related issues, please email security@example.org instead of using the issue tracker.',
        ]),
      },
      { profile: 'library' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.score).toBe(0.75);
    expect(run.evidence[0]).toMatchObject({ path: 'readme.md', line: 5 });
  });

  it('that sends reports to the public tracker, or describes features, is no policy', async () => {
    for (const body of [
      'Please report security problems as a GitHub issue.',
      'Passwords are hashed with bcrypt and e-mail addresses are verified.',
    ]) {
      const run = await runRuleOn(
        securityPolicy,
        { 'README.md': readme(['## Security', '', body]) },
        { profile: 'library' },
      );
      expect(run.outcome, body).toBe('fail');
    }
  });

  it('SECURITY.md still passes', async () => {
    const run = await runRuleOn(
      securityPolicy,
      { 'SECURITY.md': 'Report to security@example.org\n' },
      { profile: 'library' },
    );
    expect(run.outcome).toBe('pass');
  });
});

describe('round 26: a changelog in docs/ with overlined RST version titles', () => {
  const changelog = (version: string) =>
    [
      '###########',
      ' Changelog',
      '###########',
      '',
      '*******************',
      ` ${version} (2026-07-31)`,
      '*******************',
      '',
      'Features',
      '========',
      '',
      '- Publish free-threaded wheels.',
      '',
    ].join('\n');

  it('is a versioned change log', async () => {
    const run = await runRuleOn(
      releaseManagement,
      { ...base, 'docs/changelog.rst': changelog('4.2.0') },
      { profile: 'cli' },
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'docs/changelog.rst', line: 6, note: 'change log with version headings' }),
    );
  });

  it('titles without a version are not', async () => {
    const run = await runRuleOn(
      releaseManagement,
      { ...base, 'docs/changelog.rst': changelog('Unreleased') },
      { profile: 'cli' },
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'docs/changelog.rst', note: 'change log without version headings' }),
    );
  });
});
