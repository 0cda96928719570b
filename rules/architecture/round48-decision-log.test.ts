/**
 * Blind round 48, class "decision records kept in one file": docs/reference/architecture/
 * decision-records.md holds several records (Context / Decision / Consequences under one heading
 * each, a template among them) and was reported "no decision records". A file named for decision
 * records that holds Decision sections is a decision log: its records are counted and cited.
 */
import { describe, expect, it } from 'vitest';
import rule from './architecture-docs.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const record = (title: string) =>
  `## ${title}\n\n**Context**\n\nWhy it came up.\n\n**Decision**\n\nWhat we chose.\n\n**Consequences**\n\n- What follows.\n`;

const LOG = [
  '# Decision records',
  '',
  'The records of design decisions.',
  '',
  '??? Template',
  '',
  '    ## Description of the change',
  '',
  '    **Decision**',
  '',
  '    CHANGEME',
  '',
  record('Remove the Docker wrapper'),
  record('Use Cilium as the network plugin'),
  record('Use Kanidm for identity'),
].join('\n');

const SYSTEM_PAGE = [
  '# Secrets management',
  '',
  '```mermaid',
  'flowchart LR',
  '  vault --> operator --> pods',
  '```',
  '',
  '## Components',
  '',
  'Components line one of the section says how the vault, the operator and the pods work together in the cluster.',
  'Components line two says which service account reads which secret, and which namespaces may ask for them at all.',
  'Components line three says what happens on a restart, when a value is rotated, and who is paged if syncing fails.',
  '',
  '## Flow',
  '',
  'Flow line one of the section says how the vault, the operator and the pods work together in the cluster.',
  'Flow line two says which service account reads which secret, and which namespaces may ask for them at all.',
  'Flow line three says what happens on a restart, when a value is rotated, and who is paged if syncing fails.',
  '',
  '## Rotation',
  '',
  'Rotation line one of the section says how the vault, the operator and the pods work together in the cluster.',
  'Rotation line two says which service account reads which secret, and which namespaces may ask for them at all.',
  'Rotation line three says what happens on a restart, when a value is rotated, and who is paged if syncing fails.',
].join('\n');

describe('round 48: a decision log in one file counts as decision records', () => {
  it('counts the records of docs/**/decision-records.md (the indented template aside)', async () => {
    const r = await runRuleOn(rule, {
      'README.md': '# Homelab\n',
      'docs/concepts/secrets-management.md': SYSTEM_PAGE,
      'docs/reference/architecture/decision-records.md': LOG,
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/3 architecture decision record\(s\)/);
    expect(r.message).not.toMatch(/no decision records/);
    expect(r.data?.adrs).toBe(3);
    expect(r.evidence.find((e) => e.path === 'docs/reference/architecture/decision-records.md')).toMatchObject({
      line: 19,
      note: 'decision log: 3 decision records kept in one file (3 in total)',
    });
    // The page about the system beside them is the overview, said so.
    expect(r.message).toMatch(
      /a page about the system with diagrams and prose \(docs\/concepts\/secrets-management\.md\)/,
    );
    expect(r.message).not.toMatch(/no architecture overview/);
  });

  it('a document in an architecture folder under docs/ is the overview; the log there is cited as records', async () => {
    const r = await runRuleOn(rule, {
      'README.md': '# Homelab\n',
      'docs/reference/architecture/overview.md':
        '# Overview\n\n## Components\n\n- metal: bare metal\n- system: cluster services\n',
      'docs/reference/architecture/decision-records.md': LOG,
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).toBe('Design written down: architecture document and 3 architecture decision record(s).');
    expect(r.evidence[0]).toMatchObject({
      path: 'docs/reference/architecture/overview.md',
      note: 'architecture document',
    });
  });

  it('a file named decisions.md without any Decision section is no decision log', async () => {
    const r = await runRuleOn(rule, {
      'README.md': '# Homelab\n',
      'docs/concepts/secrets-management.md': SYSTEM_PAGE,
      'docs/decisions.md': '# Decisions\n\nTo be written.\n',
    });
    expect(r.data?.adrs).toBe(0);
    expect(r.message).toMatch(/decision records\.$/);
    expect(r.message).not.toMatch(/decision record\(s\)/);
  });
});
