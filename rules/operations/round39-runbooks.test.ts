import { describe, expect, it } from 'vitest';
import rule from './runbooks.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const MODULE = {
  'main.tf': 'resource "azurerm_recovery_services_vault" "this" {\n  name = var.name\n}\n',
  'variables.tf': 'variable "name" {\n  type = string\n}\n',
  'examples/basic/main.tf': 'provider "azurerm" {\n  features {}\n}\n\nmodule "run" {\n  source = "../../"\n}\n',
};

describe('runbooks: README sections named like operations are judged by what they hold (blind round 39)', () => {
  it('a Troubleshooting section about Docker on Windows and re-cloning the repository is the developer machine', async () => {
    const readme =
      '# Board\n\n## Troubleshooting\n\nIf you are running Docker on Windows and the application crashes immediately upon startup, set `autocrlf` to false and re-clone the repository. Give the Docker VM at least 4GB of RAM.\n';
    const run = await runRuleOn(
      rule,
      { 'README.md': readme, 'mix.exs': 'defmodule B.MixProject do\nend\n' },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });

  it('a Troubleshooting section about the production servers still counts as diagnosis', async () => {
    const readme =
      '# Board\n\n## Troubleshooting\n\nIf the application crashes on the production servers, read the logs with `journalctl -u board` and restart it.\n';
    const run = await runRuleOn(
      rule,
      { 'README.md': readme, 'mix.exs': 'defmodule B.MixProject do\nend\n' },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 3, note: 'diagnosis' }));
  });

  it('a "Deploy to Production" first-time setup guide is no runbook', async () => {
    const readme =
      '# Kit\n\n## Deploy to Production\n\n1. Set the Homepage URL of your OAuth application to your production URL.\n1. Create a new project on the hosting dashboard and select the repository.\n1. Copy the environment variables to the production environment.\n';
    const run = await runRuleOn(
      rule,
      { 'README.md': readme, 'main.ts': 'Deno.serve(() => new Response("ok"));\n' },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });

  it('a "Deploy to Production" procedure that verifies and rolls back is operational', async () => {
    const readme =
      '# Kit\n\n## Deploy to Production\n\n1. Promote the build that passed on staging.\n1. Watch the health checks; if they fail, roll back to the previous release.\n';
    const run = await runRuleOn(
      rule,
      { 'README.md': readme, 'main.ts': 'Deno.serve(() => new Response("ok"));\n' },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 3, note: 'operations' }));
  });

  it("a module README's feature section that only points to a sub-module README is no recovery procedure", async () => {
    const run = await runRuleOn(
      rule,
      {
        ...MODULE,
        'README.md':
          '# Run module\n\n### Azure Backup\n\nSee Azure Backup module [README](./modules/backup/README.md).\n',
      },
      { profile: 'infrastructure' },
    );
    expect(run.outcome).toBe('not-applicable');
  });

  it("a module README's restore section with steps is still its runbook", async () => {
    const run = await runRuleOn(
      rule,
      {
        ...MODULE,
        'README.md':
          '# Run module\n\n## Restoring a backup\n\n1. Stop the virtual machine.\n2. Run `az backup restore restore-disks` with the recovery point.\n',
      },
      { profile: 'infrastructure' },
    );
    expect(run.outcome).not.toBe('not-applicable');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 3, note: 'recovery' }));
  });
});
