/**
 * Blind round 27, single verdicts: a troubleshooting section of an integration guide for another
 * product (example_configs/netbox.md) is no runbook; a GraphQL query document whose selection holds a
 * `schema { … }` field is no schema (the root schema.graphql is the contract); "Using this
 * collection" is a usage section.
 */
import { describe, expect, it } from 'vitest';
import apiContract, { isGraphqlSchema } from './architecture/api-contract.js';
import readme from './architecture/readme.js';
import runbooks from './operations/runbooks.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

const GUIDE = [
  '# Configuring NetBox with the directory',
  '',
  'NetBox can authenticate its users against this server.',
  '',
  '## Configure LDAP',
  '',
  'Set AUTH_LDAP_SERVER_URI in ldap_config.py.',
  '',
  '## Troubleshoot LDAP',
  '',
  'Turn on the debug log of django-auth-ldap and restart netbox.',
  '',
].join('\n');

describe('runbooks: an integration guide for another product is not operations documentation', () => {
  it('a troubleshooting section in example_configs/ or integrations/ counts for nothing', async () => {
    for (const dir of ['example_configs', 'integrations', 'docs/examples-k8s']) {
      const run = await runRuleOn(
        runbooks,
        { 'README.md': '# dirsrv\n', [`${dir}/netbox.md`]: GUIDE },
        {
          profile: 'service',
        },
      );
      expect(run.outcome, dir).toBe('fail');
    }
  });

  it('the same section in the project’s own docs still earns partial credit', async () => {
    const run = await runRuleOn(runbooks, { 'README.md': '# dirsrv\n', 'docs/ldap.md': GUIDE }, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({ path: 'docs/ldap.md', line: 9 });
  });
});

const SCHEMA = [
  '"""The directory\'s API."""',
  'schema {',
  '  query: Query',
  '  mutation: Mutation',
  '}',
  '',
  'type Query {',
  '  group(groupId: Int!): Group!',
  '}',
  '',
].join('\n');

const QUERY = [
  'query GetGroupDetails($id: Int!) {',
  '  group(groupId: $id) {',
  '    id',
  '    displayName',
  '  }',
  '  schema {',
  '    groupSchema {',
  '      attributes { name }',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

describe('api-contract: a GraphQL schema defines types at the top level', () => {
  it('tells a schema from an operation document with a schema field', () => {
    expect(isGraphqlSchema(SCHEMA)).toBe(true);
    expect(isGraphqlSchema('type Query {\n  me: User\n}\n')).toBe(true);
    expect(isGraphqlSchema('extend type Query {\n  me: User\n}\n')).toBe(true);
    expect(isGraphqlSchema(QUERY)).toBe(false);
    expect(isGraphqlSchema('# type Query { }\nquery Me { me { id } }\n')).toBe(false);
    expect(isGraphqlSchema('fragment UserParts on User { id type }\n')).toBe(false);
    // Unbalanced and unterminated input ends without error, in one pass.
    expect(isGraphqlSchema(`${'{'.repeat(50_000)}"unterminated`)).toBe(false);
  });

  it('cites the root schema.graphql, not the client queries', async () => {
    const tree: Tree = {
      'Cargo.toml': '[package]\nname = "dirsrv"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\n',
      'src/main.rs': 'fn main() {}\n',
      'schema.graphql': SCHEMA,
      'app/queries/get_group_details.graphql': QUERY,
    };
    const run = await runRuleOn(apiContract, tree, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence.map((e) => e.path)).toEqual(['schema.graphql']);
    // Only the query documents: no contract.
    delete tree['schema.graphql'];
    const none = await runRuleOn(apiContract, tree, { profile: 'service' });
    expect(none.outcome).not.toBe('pass');
  });
});

describe('readme: "Using this collection" is a usage section', () => {
  const text = (usage: string) =>
    [
      '# Hardening collection',
      '',
      'Roles that harden Linux hosts, SSH, nginx and MySQL, tested on every supported platform.',
      'Each role is configured through its variables and documented in its own README.',
      'The collection is released to Ansible Galaxy with a changelog for each version.',
      '',
      '## Installation',
      '',
      'ansible-galaxy collection install example.hardening',
      '',
      `## ${usage}`,
      '',
      'Add the roles to your playbook and set their variables.',
      '',
      '## Contributing',
      '',
      'See CONTRIBUTING.md.',
      '',
    ].join('\n');

  it('passes with "Using this collection" and "Use it in a playbook"', async () => {
    for (const h of ['Using this collection', 'Use it in a playbook']) {
      const run = await runRuleOn(readme, { 'README.md': text(h) });
      expect(run.outcome, h).toBe('pass');
    }
  });

  it('"Use cases" is not a usage section', async () => {
    const run = await runRuleOn(readme, { 'README.md': text('Use cases') });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no usage section');
  });
});
