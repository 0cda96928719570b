import { describe, expect, it } from 'vitest';
import rule from './backups.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 43: a database's claim beside a CronJob `backup-daily` that runs the backup script was
 * judged "no explicit backups". A CronJob named for backups whose manifest runs a backup command is
 * a scheduled backup written by hand; one of that name that runs something else is not.
 */
const PVC =
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: database-primary\nspec:\n  resources:\n    requests:\n      storage: 1Gi\n';
const cron = (command: string) =>
  [
    'apiVersion: batch/v1', // 1
    'kind: CronJob', // 2
    'metadata:', // 3
    '  name: backup-daily', // 4
    'spec:',
    '  schedule: "0 0 * * *"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          containers:',
    '          - name: backup',
    '            image: postgres:16',
    '            command:',
    `            - ${command}`,
    '',
  ].join('\n');
const tree = (command: string) => ({
  'manage.py': 'print(1)\n',
  'deploy/database/pvc.yaml': PVC,
  'deploy/database/cronjob-backup.yaml': cron(command),
});

describe('backups: a backup CronJob written by hand (blind round 43)', () => {
  it('a CronJob named for backups that runs pg_dump backs the volume up', async () => {
    const r = await runRuleOn(rule, tree('pg_dump -h database-primary app > /backup/app.sql'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'deploy/database/pvc.yaml',
        note: expect.stringContaining('backed up by backup CronJob backup-daily (deploy/database/cronjob-backup.yaml:'),
      }),
    );
  });

  it('a CronJob of that name that runs something else is no backup', async () => {
    const r = await runRuleOn(rule, tree('echo hello'), { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });
});
