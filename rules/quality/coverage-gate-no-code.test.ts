import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './coverage-gate.js';

// Root Terragrunt/Terraform stacks with a remote backend: an infrastructure estate, not a reusable module (blind round 36).
const estate = {
  'stacks/prod/main.tf':
    'terraform {\n  backend "azurerm" {}\n}\nprovider "azurerm" {\n  features {}\n}\nresource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "uksouth"\n}\n',
  'stacks/prod/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders()\n}\n',
  'README.md': '# Estate\n',
};

describe('coverage-gate: nothing to cover without product code', () => {
  it('an infrastructure estate with no source code is not applicable, as type-safety says', async () => {
    const run = await runRuleOn(rule, estate);
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('no source code in the repository');
  });

  it('the same estate with a service of its own is judged: no gate is a fail', async () => {
    const run = await runRuleOn(rule, {
      ...estate,
      'package.json': '{"name":"api","scripts":{"test":"vitest run"},"devDependencies":{"vitest":"3"}}',
      'src/server.ts': 'export const port = Number(process.env.PORT ?? 3000);\n',
    });
    expect(run.outcome).toBe('fail');
  });
});
