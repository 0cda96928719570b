/**
 * A reusable module's notes on moving to one of its versions (issue 15, blind round 42:
 * docs/upgrading_to_sql_db_23.0.md, cited for a heading naming a "backup module") change the
 * caller's code; they are no runbooks. An UPGRADING.md on operating what the module deploys still is.
 */
import { describe, expect, it } from 'vitest';
import rule from './runbooks.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const tfModule = {
  'main.tf': 'resource "google_sql_database_instance" "this" {\n  name = var.name\n}\n',
  'variables.tf': 'variable "name" {\n  type    = string\n  default = "db"\n}\n',
  'examples/basic/main.tf': 'provider "google" {\n  project = "p"\n}\n\nmodule "db" {\n  source = "../../"\n}\n',
  'README.md': '# Cloud SQL module\n\n## Usage\n\nSee examples/.\n',
};
const notes = {
  'docs/upgrading_to_sql_db_23.0.md':
    '# Upgrading to SQL DB 23.0\n\n## Cloud SQL Service Account role update in backup module\n\nThe role moved; run `terraform apply`.\n',
  'docs/upgrade-v3.md': '# Upgrade to v3\n\n## Restore the renamed outputs\n\nRename `instance` to `instance_name`.\n',
};

describe('runbooks: version migration notes of a module', () => {
  it('notes on upgrading to a version are no runbooks: the module stays N/A', async () => {
    const run = await runRuleOn(rule, { ...tfModule, ...notes }, { profile: 'infrastructure' });
    expect(run.outcome).toBe('not-applicable');
  });
  it("a README's Upgrading section that only lists the version notes, and a note's failover heading, earn nothing", async () => {
    const run = await runRuleOn(
      rule,
      {
        ...tfModule,
        ...notes,
        'docs/upgrading_to_sql_db_4.0.0.md':
          '# Upgrading to SQL DB 4.0.0\n\n## MySQL Failover Instance\n\nThe failover replica moved to `read_replicas`; move its state.\n',
        'README.md':
          '# Cloud SQL module\n\n## Upgrading\n\nThe following guides are available to assist with upgrades:\n\n- [3.X -> 4.0](./docs/upgrading_to_sql_db_4.0.0.md)\n- [22.X -> 23.0](./docs/upgrading_to_sql_db_23.0.md)\n',
      },
      { profile: 'infrastructure' },
    );
    expect(run.outcome).toBe('not-applicable');
  });
  it('beside a README section that makes the module judged, the notes are not cited as runbook-like documents', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...tfModule,
        ...notes,
        'README.md':
          '# Cloud SQL module\n\n## Usage\n\nSee examples/.\n\n## Backups\n\nBackups run daily; restore by cloning the instance from the backup run in the console.\n',
      },
      { profile: 'infrastructure' },
    );
    expect(run.outcome).not.toBe('pass');
    expect(run.evidence.map((e) => e.path)).not.toContain('docs/upgrading_to_sql_db_23.0.md');
    expect(run.message).not.toContain('upgrading_to');
  });
  it('beside them, an UPGRADING.md on operating what the module deploys is still judged (and cited)', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...tfModule,
        ...notes,
        'UPGRADING.md':
          '# Upgrading\n\n## Upgrading the database version\n\nTake a backup, then set `database_version` and apply during the maintenance window.\n\n## Restore from a backup\n\nClone the instance from the backup run.\n',
      },
      { profile: 'infrastructure' },
    );
    expect(['pass', 'partial']).toContain(run.outcome);
    expect(run.evidence.map((e) => e.path)).toContain('UPGRADING.md');
    expect(run.evidence.map((e) => e.path)).not.toContain('docs/upgrading_to_sql_db_23.0.md');
  });
});
