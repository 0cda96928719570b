import rule from './architecture-docs.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'decision records in a folder of another name (docs/architecture-decision-log/)',
      tree: {
        'docs/architecture-decision-log/0001-record-architecture-decisions.md':
          '# 1. Record architecture decisions\n\n## Status\n\nAccepted\n',
        'docs/architecture-decision-log/0002-modular-monolith.md': '# 2. Modular monolith\n\n## Status\n\nAccepted\n',
        'src/App.cs': 'class App {}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'docs/architecture-decision-log/0001-record-architecture-decisions.md' }],
      },
    },
    {
      name: 'ARCHITECTURE.md at the root passes',
      tree: { 'ARCHITECTURE.md': '# Architecture\n\nComponents…\n', 'src/app.py': '' },
      expect: { outcome: 'pass', message: 'no decision records', evidence: [{ path: 'ARCHITECTURE.md' }] },
    },
    {
      name: 'an ADR folder passes and counts the records, not its index',
      tree: {
        'docs/adr/0001-record-architecture-decisions.md': '# 1. Record\n',
        'docs/adr/0002-use-postgres.md': '# 2. Postgres\n',
        'docs/adr/README.md': '# ADRs\n',
      },
      expect: {
        outcome: 'pass',
        data: { adrs: 2 },
        evidence: [{ path: 'docs/adr/0001-record-architecture-decisions.md' }],
      },
    },
  ],
  invalid: [
    {
      name: 'only a Mermaid diagram in the README is partial',
      tree: { 'README.md': '# Shop\n\n```mermaid\ngraph TD; A-->B\n```\n' },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: 'README.md', line: 3 }] },
    },
    {
      name: 'an Architecture heading in the README is partial',
      tree: { 'README.md': '# Shop\n\n## Architecture\n\nThe API talks to Postgres.\n' },
      expect: { outcome: 'partial', evidence: [{ path: 'README.md', line: 3 }] },
    },
    {
      name: 'nothing written down fails and says what was looked for',
      tree: { 'README.md': '# Shop\n\n## Usage\n', 'src/main.go': 'package main\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
});
