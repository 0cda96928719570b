/**
 * Backups declared as code but not seen (issue 15, blind rounds 48-49): a chart's database backup
 * CronJob whose name comes from a helper (`{{ include "dbBackupJob.name" . }}`) in
 * templates/db_backup_job.yaml; VolSync ReplicationSources a repository script builds on a schedule;
 * and a Spanner database declared in Terraform without backups, which is a store to judge, not
 * "no data store".
 */
import { describe, expect, it } from 'vitest';
import rule from './backups.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import { neutraliseHelm } from '../../src/facts/helm.js';

const APP = { 'manage.py': 'print(1)\n' };
const chartJob = (name: string, script: string) =>
  [
    '{{- if .Values.backup.schedule }}', // 1
    'apiVersion: batch/v1', // 2
    'kind: CronJob', // 3
    'metadata:', // 4
    `  name: "{{ include "${name}" . }}"`, // 5
    'spec:',
    '  schedule: {{ .Values.backup.schedule | quote }}',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          containers:',
    '            - name: run',
    '              image: "alpine:3.20"',
    '              command:',
    '                - sh',
    '                - "-c"',
    `                - |{{ range .Files.Lines "files/${script}" }}`,
    '                  {{ . }}{{ end }}',
    '{{- end }}',
    '',
  ].join('\n');
const CHART = 'apiVersion: v2\nname: app\nversion: 1.0.0\n';

const SCRIPT = (kind: string, schedule: boolean) =>
  [
    '#!/usr/bin/env python',
    'from kubernetes import client, config',
    '',
    'config.load_kube_config()',
    'body = {',
    '    "apiVersion": "volsync.backube/v1alpha1",',
    `    "kind": "${kind}",`,
    '    "metadata": {"name": "data", "namespace": "media"},',
    `    "spec": {"sourcePVC": "data", ${schedule ? '"trigger": {"schedule": "*/30 * * * *"}, ' : ''}"restic": {"repository": "data-restic"}},`,
    '}',
    'client.CustomObjectsApi().create_namespaced_custom_object("volsync.backube", "v1alpha1", "media", "replicationsources", body)',
    '',
  ].join('\n');

const SPANNER = (extra = '') =>
  [
    'resource "google_spanner_instance" "main" {', // 1
    '  name         = "main"',
    '  config       = "regional-europe-west1"',
    '  num_nodes    = 1',
    '}',
    '',
    'resource "google_spanner_database" "db" {', // 7
    '  instance = google_spanner_instance.main.name',
    '  name     = "app-db"',
    '}',
    extra,
    '',
  ].join('\n');

describe('backups declared as code (blind rounds 48-49)', () => {
  it("a chart's backup CronJob named by a helper, in templates/db_backup_job.yaml, running a backup script: pass", async () => {
    const r = await runRuleOn(
      rule,
      {
        ...APP,
        'helm/app/Chart.yaml': CHART,
        'helm/app/templates/db_backup_job.yaml': chartJob('dbBackupJob.name', 'db_backup_job/create-backup.sh'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'helm/app/templates/db_backup_job.yaml')).toBe(true);
    expect(r.message).not.toMatch(/persistent volumes \(0/);
  });
  it('a backup CronJob off in values.yaml but switched on by the deploy workflow (--set): pass, the switch named', async () => {
    const chart = {
      ...APP,
      'helm/app/Chart.yaml': CHART,
      'helm/app/values.yaml': 'backup:\n  schedule:\n',
      'helm/app/templates/db_backup_job.yaml': chartJob('dbBackupJob.name', 'db_backup_job/create-backup.sh'),
    };
    const off = await runRuleOn(rule, chart, { profile: 'service' });
    expect(off.outcome).toBe('not-applicable');
    const deploy =
      'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          helm upgrade --install app helm/app \\\n            --set backup.schedule="0 3 * * *"\n';
    const on = await runRuleOn(rule, { ...chart, '.github/workflows/deploy.yml': deploy }, { profile: 'service' });
    expect(on.outcome).toBe('pass');
    expect(JSON.stringify(on.evidence)).toMatch(/--set backup\.schedule at \.github\/workflows\/deploy\.yml:8/);
  });
  it('a helper-named CronJob that cleans up is no backup: nothing to judge', async () => {
    const r = await runRuleOn(
      rule,
      {
        ...APP,
        'helm/app/Chart.yaml': CHART,
        'helm/app/templates/cleanup_job.yaml': chartJob('cleanupJob.name', 'cleanup/prune.sh'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('not-applicable');
  });
  it('VolSync ReplicationSources a script builds on a schedule: pass', async () => {
    const r = await runRuleOn(
      rule,
      { ...APP, 'scripts/backup': SCRIPT('ReplicationSource', true) },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'scripts/backup' && e.line === 6)).toBe(true);
  });
  it('a script building a restore destination with no schedule is no scheduled backup', async () => {
    const r = await runRuleOn(
      rule,
      { ...APP, 'scripts/restore': SCRIPT('ReplicationDestination', false) },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('not-applicable');
  });
  it('a Spanner database without a backup schedule or retention is judged, not "no data store"', async () => {
    const r = await runRuleOn(rule, { ...APP, 'deployment/main.tf': SPANNER() }, { profile: 'service' });
    expect(['fail', 'partial']).toContain(r.outcome);
    expect(r.score ?? 0).toBeLessThan(0.5);
    expect(
      r.evidence.some(
        (e) =>
          e.path === 'deployment/main.tf' && e.line === 7 && /no google_spanner_backup_schedule/.test(e.note ?? ''),
      ),
    ).toBe(true);
  });
  it('a Spanner database with a backup schedule: pass', async () => {
    const schedule =
      'resource "google_spanner_backup_schedule" "daily" {\n  instance = google_spanner_instance.main.name\n  database = google_spanner_database.db.name\n  retention_duration = "604800s"\n}';
    const r = await runRuleOn(rule, { ...APP, 'deployment/main.tf': SPANNER(schedule) }, { profile: 'service' });
    expect(r.outcome).toBe('pass');
  });
});

describe('a block scalar header followed by a template (a chart file inlined line by line)', () => {
  it('keeps the header alone, so the manifest parses', () => {
    const lines = neutraliseHelm('command:\n  - |{{ range .Files.Lines "files/run.sh" }}\n    {{ . }}{{ end }}\n');
    expect(lines[1]!.text).toBe('  - |');
    expect(neutraliseHelm('script: >-  {{ .Files.Get "a.sh" }}\n')[0]!.text).toBe('script: >-');
  });
});
