import { describe, expect, it } from 'vitest';
import rule from './architecture-docs.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 43: the README of a kustomize base for a simulated database (deploy/bases/database/
 * README.md, "## Components" over a table of its manifests) was taken as the system's architecture
 * section. A Components section in the README of a folder of deployment manifests lists their
 * resources; the same heading in a README beside code still counts.
 */
const README = [
  '# Database Setup', // 1
  '', // 2
  'This directory contains the Kubernetes manifests to simulate a database with a primary and replicas.', // 3
  '', // 4
  '## Components', // 5
  '', // 6
  '| Resource | File | Description |',
  '|---|---|---|',
  '| StatefulSet | `primary.yaml` | The primary database, its volume claim and its service account |',
  '| CronJob | `backup.yaml` | A daily backup of the primary to the volume mounted for it |',
  '',
].join('\n');
const GO = { 'go.mod': 'module example.com/demo\n\ngo 1.22\n', 'main.go': 'package main\n\nfunc main() {}\n' };

describe('architecture-docs: a manifests folder README is not the architecture (blind round 43)', () => {
  it('set aside and named, the rule fails', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...GO,
        'deploy/bases/database/README.md': README,
        'deploy/bases/database/primary.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\n',
        'deploy/bases/database/backup.yaml': 'apiVersion: batch/v1\nkind: CronJob\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain(
      'The Components section of deploy/bases/database/README.md lists the resources of the deployment manifests beside it',
    );
  });

  it('the same section in a README beside code is an architecture section (partial)', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...GO,
        'services/database/README.md': README,
        'services/database/primary.go': 'package database\n',
        'services/database/backup.yaml': 'apiVersion: batch/v1\nkind: CronJob\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
  });
});
