import { describe, expect, it } from 'vitest';
import rule from './runbooks.js';
import arch from '../architecture/architecture-docs.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const README = [
  '# Legal Aid Backend', // 1
  '',
  '## Installation for Development', // 3
  '',
  'Run `docker compose up` to start the API and its database.',
  '',
  '### Troubleshooting', // 7
  '',
  'If the database container stops with "No space left on device", the Docker Desktop VM is out of disk: run `docker system prune`.',
  '',
  '## Releasing to Production', // 11
  '',
  '1. Wait for the image build to finish in CI.',
  '2. Approve the staging deploy and check the staging server.',
  '3. If staging is broken, roll back; otherwise approve the production deploy.',
  '',
].join('\n');

describe('runbooks: a release procedure counts before local troubleshooting (blind round 24)', () => {
  it('cites "Releasing to Production", not the troubleshooting of the development setup', async () => {
    const run = await runRuleOn(rule, { 'README.md': README, 'manage.py': 'import django\n' }, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toEqual([
      expect.objectContaining({
        path: 'README.md',
        line: 11,
        snippet: '## Releasing to Production',
        note: 'operations',
      }),
    ]);
  });

  it('a troubleshooting section outside the development setup is still diagnosis', async () => {
    const text = README.replace('## Installation for Development', '## Running in production');
    const run = await runRuleOn(rule, { 'README.md': text, 'manage.py': 'import django\n' }, { profile: 'service' });
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 7, note: 'diagnosis' }));
  });
});

describe('architecture-docs: the ## Architecture heading is cited, not the title (blind round 24)', () => {
  it('a title naming the architecture style gives way to the section below it', async () => {
    const readme = [
      '# Shop API — Clean Architecture, CQRS and Event Sourcing', // 1
      '',
      'An online shop backend.',
      '',
      '## Architecture', // 5
      '',
      'The solution is split into four layers. The Domain project holds the aggregates and their events; the',
      'Application layer holds the commands and queries handled through MediatR; Infrastructure persists the',
      'write model in SQL Server and projects events into MongoDB for the read side; the API exposes both.',
      'Commands go through the write model, and queries read the MongoDB projections only.',
      '',
    ].join('\n');
    const run = await runRuleOn(
      arch,
      { 'README.md': readme, 'src/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"/>\n' },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'README.md', line: 5, note: 'architecture section in README.md' }),
    );
    expect(run.evidence).not.toContainEqual(expect.objectContaining({ path: 'README.md', line: 1 }));
  });
});
