import { describe, expect, it } from 'vitest';
import rule from './runbooks.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 43: runbooks under other names — a document per alert saying what each one means and
 * what to do, a guide to restoring the search index from snapshots — were missed because neither
 * name says "runbook". A document titled for alerts, restoring or maintenance counts when its body
 * gives procedures for the running system; a document of that title that describes a feature does not.
 */
const ALERTS = [
  '# Alerts', // 1
  '',
  '## Index size check', // 3
  'A cronjob compares the number of people in the source system with the index in production and alerts when they differ.',
  '',
  '### Index far smaller', // 6
  'This would indicate the index has become corrupt. Check the cluster console; if necessary restore the index from a snapshot (see Restoring.md).',
  '',
  '### Index larger', // 9
  'This would indicate a deletion event was missed. See Maintenance.md to find the records and remove them from the index.',
  '',
  '## Queue alerts', // 12
  'The alert fires when messages are not processed from the queue in 3 hours.',
  '',
].join('\n');
const RESTORING = [
  '# Restoring from Snapshots', // 1
  '',
  'Snapshots of the production cluster are taken every night.',
  '',
  '## Restoring from an automated snapshot', // 5
  '',
  '```bash',
  'kubectl exec -it deploy/indexer -- curl -X POST "$SEARCH/_snapshot/repo/snap-1/_restore"',
  '```',
  '',
].join('\n');
const SERVICE = { 'build.gradle.kts': 'plugins { id("org.springframework.boot") version "3.3.0" }\n' };

describe('runbooks by content (blind round 43)', () => {
  it('an alerts document with what each alert means and what to do, and a restore guide, pass', async () => {
    const run = await runRuleOn(
      rule,
      { ...SERVICE, 'indexer/Alerts.md': ALERTS, 'indexer/Restoring.md': RESTORING },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/diagnosis and recovery \(2 documents\)/);
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'indexer/Restoring.md', line: 5 }));
  });

  it('a document titled "Alerts" that describes a UI component is no runbook', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...SERVICE,
        'docs/Alerts.md':
          '# Alerts\n\nThe Alert component shows a coloured banner.\n\n## Props\n\n`variant` picks the colour; `dismissible` adds a close button.\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });

  it('a maintenance document that holds no procedure is no runbook', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...SERVICE,
        'docs/Maintenance.md':
          '# Maintenance\n\nThis project is maintained by the platform team.\nIssues are triaged weekly.\nReleases follow semantic versioning.\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});
