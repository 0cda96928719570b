/**
 * Blind round 48, class "a diagnosis guide known by its place": docs/how-to-guides/troubleshooting/
 * pxe-boot.md (logs to read, checks to make when nodes do not boot) was not seen, and the verdict
 * said "no … diagnosis". A guide in a troubleshooting folder that gives procedures for the running
 * system is a diagnosis document, whatever its headings say.
 */
import { describe, expect, it } from 'vitest';
import rule from './runbooks.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const BACKUP = [
  '# Backup and restore',
  '',
  'Backups of the volumes run nightly.',
  '',
  '## Restore from backup',
  '',
  '```sh',
  'kubectl -n backup exec restic -- restic restore latest',
  '```',
].join('\n');

const PXE = [
  '# PXE boot',
  '',
  '## PXE server logs',
  '',
  'To view the PXE server logs:',
  '',
  '```sh',
  './scripts/pxe-logs',
  '```',
  '',
  '## Nodes not booting from the network',
  '',
  '- Check if the controller is on the same subnet as the servers',
  '- Check if Wake-on-LAN is enabled',
  '- Check the PXE server Docker logs',
].join('\n');

const tree = (extra: Tree): Tree => ({
  'README.md': '# Homelab\n',
  'metal/k3s.yml': 'kind: Deployment\napiVersion: apps/v1\nmetadata:\n  name: app\n',
  'docs/how-to-guides/backup-and-restore.md': BACKUP,
  ...extra,
});

describe('round 48: a guide in a troubleshooting folder is a diagnosis document', () => {
  it('counts diagnosis beside recovery, citing the guide', async () => {
    const r = await runRuleOn(rule, tree({ 'docs/how-to-guides/troubleshooting/pxe-boot.md': PXE }), {
      profile: 'service',
    });
    expect(r.message).toMatch(/diagnosis/);
    expect(r.message).not.toMatch(/no [^.]*diagnosis/);
    expect(r.outcome).toBe('pass');
    expect(r.evidence.find((e) => e.path === 'docs/how-to-guides/troubleshooting/pxe-boot.md')?.note).toMatch(
      /diagnosis \(a guide in a troubleshooting folder\)/,
    );
  });

  it('a page there with no procedures (a stub) adds nothing', async () => {
    const r = await runRuleOn(
      rule,
      tree({ 'docs/how-to-guides/troubleshooting/index.md': '# Troubleshooting\n\nPages below.\n' }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/no [^.]*diagnosis/);
  });
});
