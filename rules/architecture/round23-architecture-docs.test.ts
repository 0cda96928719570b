import { describe, expect, it } from 'vitest';
import rule from './architecture-docs.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 23: an issue-triage flowchart in a contributing guide passed as "diagrams as code"
 * (commitizen), while a "System Architecture" page in MDX under a docs package was missed (dittofeed).
 */
const CONTRIBUTING = [
  '# Contributing', // 1
  '', // 2
  '## Issue life cycle', // 3
  '', // 4
  '```mermaid', // 5
  'graph TD', // 6
  '    input[/issue created/] --> needs-triage', // 7
  '    needs-triage --triage--> close(wont-fix, duplicate)', // 8
  '    wait-for-implementation --PR-created--> pr-created --PR-merged--> output[/close/]', // 9
  '```', // 10
  '', // 11
].join('\n');

const SYSTEM = [
  '## Request path', // 11
  '', // 12
  '```mermaid', // 13
  'flowchart LR', // 14
  '    browser --> api[API server]', // 15
  '    api --> worker[Queue worker]', // 16
  '    worker --> db[(Postgres)]', // 17
  '```', // 18
  '',
].join('\n');

const PY = { 'pyproject.toml': '[project]\nname = "bumper"\n', 'bumper/__init__.py': 'x = 1\n' };

describe('architecture-docs: what a diagram draws, and MDX pages (round 23)', () => {
  it('Mermaid diagrams of an issue/PR life cycle are set aside, named at the block: fail', async () => {
    const run = await runRuleOn(rule, { ...PY, 'docs/contributing/contributing.md': CONTRIBUTING });
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('The Mermaid diagrams of contributing.md draw a process');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'docs/contributing/contributing.md',
        line: 5,
        snippet: '```mermaid',
        note: expect.stringContaining('under "Issue life cycle"'),
      }),
    );
  });

  it('a page with a diagram of the system beside the process diagram passes, cited at the system diagram', async () => {
    const run = await runRuleOn(rule, { ...PY, 'docs/contributing/contributing.md': `${CONTRIBUTING}${SYSTEM}` });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'docs/contributing/contributing.md',
        line: 13,
        snippet: '```mermaid',
        note: 'Mermaid diagram',
      }),
    );
  });

  it('a git graph under a neutral heading is a process too', async () => {
    const run = await runRuleOn(rule, {
      ...PY,
      'docs/overview.md': '# Overview\n\n```mermaid\ngitGraph\n    commit\n    branch develop\n```\n',
    });
    expect(run.outcome).toBe('fail');
  });

  it('packages/docs/contributing/architecture.mdx is the architecture document', async () => {
    const run = await runRuleOn(rule, {
      'package.json': '{"name":"mono","private":true}',
      'packages/docs/contributing/architecture.mdx':
        '---\ntitle: "System Architecture"\n---\n\nThe API server writes events to Kafka; workers compute segments and store them in ClickHouse.\n',
    });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual({
      path: 'packages/docs/contributing/architecture.mdx',
      note: 'architecture document',
    });
  });
});
