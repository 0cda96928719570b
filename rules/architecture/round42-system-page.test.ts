/**
 * A page of its own about the system (issue 15, blind round 42): INFRASTRUCTURE.md with Mermaid
 * diagrams and prose sections on the tiers, the request path and deploys is architecture
 * documentation, not "only diagrams". A page of diagrams with a line or two under each stays partial.
 */
import rule from './architecture-docs.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const para = (topic: string) =>
  `The ${topic} is described here in enough words to be prose: what runs where, which part talks to which, and why it was built this way.\nRequests reach it through the proxy, and each tier keeps its own state so that one can be replaced without the others.\nThe last line of this paragraph says how it is deployed and watched in production.\n`;
const MERMAID = '```mermaid\nflowchart LR\n  cdn --> app --> db\n```\n';
const page = (withProse: boolean) =>
  [
    '# Infrastructure',
    '',
    MERMAID,
    '## A three-tier monolith',
    '',
    withProse ? para('front-end tier') : 'Three tiers.',
    '## Deploys',
    '',
    withProse ? para('deploy pipeline') : 'We deploy.',
    '## Secrets and observability',
    '',
    withProse ? para('secret store') : 'See the vault.',
    '',
  ].join('\n');
const app = {
  'package.json': '{"name":"site","dependencies":{"express":"4"}}',
  'src/app.js': 'require("express")().listen(3000);\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'INFRASTRUCTURE.md: Mermaid diagrams and three sections of prose on the system',
      profile: 'service',
      tree: { ...app, 'INFRASTRUCTURE.md': page(true) },
      expect: {
        outcome: 'pass',
        message: ['INFRASTRUCTURE.md', 'prose sections'],
        evidence: [{ path: 'INFRASTRUCTURE.md', line: 3 }],
      },
    },
  ],
  invalid: [
    {
      name: 'the same page with a line under each heading: only diagrams, partial',
      profile: 'service',
      tree: { ...app, 'INFRASTRUCTURE.md': page(false) },
      expect: { outcome: 'partial', message: 'Only diagrams' },
    },
    {
      name: 'a README with diagrams and prose sections is no page of its own: partial',
      profile: 'service',
      tree: { ...app, 'README.md': page(true) },
      expect: { outcome: 'partial' },
    },
  ],
});
