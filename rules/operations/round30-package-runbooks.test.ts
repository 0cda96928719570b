import { describe, expect, it } from 'vitest';
import rule from './runbooks.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const tfModule = {
  'main.tf': 'resource "aws_autoscaling_group" "this" {\n  min_size = var.size\n}\n',
  'variables.tf': 'variable "size" {\n  type    = number\n  default = 3\n}\n',
  'examples/basic/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "vault" {\n  source = "../../"\n}\n',
  'README.md': '# Vault on AWS\n\n## Usage\n\nSee examples/.\n',
};
const chart = {
  'charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\n',
  'charts/db/values.yaml': 'replicaCount: 1\n',
  'charts/db/templates/statefulset.yaml': 'kind: StatefulSet\n',
};

describe('runbooks: a deployment package that documents operating what it deploys is judged (blind round 30)', () => {
  it('a module with TROUBLESHOOTING.md and UPGRADING.md has runbooks', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...tfModule,
        'TROUBLESHOOTING.md':
          '# Troubleshooting\n\nIssues and their resolution.\n\n## vault: command not found\n\nWait for user_data to finish.\n',
        'UPGRADING.md':
          '# Upgrading Vault\n\nSet `vault_version` and apply; the scaling group replaces nodes one by one.\n\n## Change the size of the nodes\n\nChange `size`.\n',
      },
      { profile: 'infrastructure' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('diagnosis');
    expect(run.evidence.map((e) => e.path)).toEqual(expect.arrayContaining(['TROUBLESHOOTING.md', 'UPGRADING.md']));
  });
  it("a chart's README sections on updating and restoring snapshots earn partial credit", async () => {
    const run = await runRuleOn(
      rule,
      {
        ...chart,
        'charts/db/README.md':
          '# db chart\n\n## Installation\n\nhelm install db ./charts/db\n\n## Updating StatefulSets\n\nSome fields are immutable; delete with --cascade=orphan.\n\n## Restoring from Snapshots\n\nMount the snapshot volume and restart.\n',
      },
      { profile: 'library' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'charts/db/README.md', line: 7 }));
  });
  it('a package whose docs only install and configure it stays N/A; so does a plain library with an Upgrading section', async () => {
    const plain = await runRuleOn(
      rule,
      {
        ...chart,
        'charts/db/README.md':
          '# db chart\n\n## Installation\n\nhelm install db\n\n## Configuration\n\nSee values.yaml.\n',
        'CONTRIBUTING.md': '# Contributing\n\n## Update the docs\n\nRun helm-docs.\n',
      },
      { profile: 'library' },
    );
    expect(plain.outcome).toBe('not-applicable');
    const lib = await runRuleOn(
      rule,
      {
        'package.json': '{"name":"lib"}',
        'index.js': '',
        'README.md': '# lib\n\n## Upgrading from v1\n\nRename f to g.\n',
      },
      { profile: 'library' },
    );
    expect(lib.outcome).toBe('not-applicable');
  });
});

describe('runbooks: a module README titled with an operating word is no operating guide (blind round 30 re-audit)', () => {
  it('"# Update Certificate Store" as a submodule title stays N/A', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...tfModule,
        'modules/update-certificate-store/README.md': '# Update Certificate Store\n\nThis module updates the store.\n',
        'modules/update-certificate-store/main.tf': 'resource "null_resource" "x" {}\n',
      },
      { profile: 'infrastructure' },
    );
    expect(run.outcome).toBe('not-applicable');
  });
});
