/**
 * Blind round 44: version tags that stopped years before the audited commit (a 2015 v2.1.3 on a
 * site deployed from main since; framework-era snapshot tags beside current code) were credited as
 * release versioning. Without a CHANGELOG or release tool they are at most partial, said so.
 */
import { describe, expect, it } from 'vitest';
import releaseManagement from './operations/release-management.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const APP = { 'composer.json': '{"require": {"laravel/framework": "^11.0"}}\n', 'app/Http/Kernel.php': '<?php\n' };
const TAGS = ['v2.1.3', 'v2.1.2', 'v2.1.1', 'v2.1.0', 'v2.0.0'];

describe('release-management: tags that stopped long ago are no release process of the current code', () => {
  it('the newest tag nine years older than the audited commit: partial, with both dates', async () => {
    const r = await runRuleOn(releaseManagement, APP, {
      profile: 'service',
      tags: TAGS,
      tagRecency: { tag: 'v2.1.3', tagDate: '2015-02-14T22:18:36+01:00', headDate: '2024-08-21T03:06:32+00:00' },
    });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain(
      'tagging stopped: the newest tag (v2.1.3, 2015-02-14) is 9 years older than the audited commit (2024-08-21)',
    );
    expect(r.message).toContain('no CHANGELOG, release tool or tag-triggered release');
  });

  it('a recent newest tag still passes as a history of version tags', async () => {
    const r = await runRuleOn(releaseManagement, APP, {
      profile: 'service',
      tags: TAGS,
      tagRecency: { tag: 'v2.1.3', tagDate: '2024-05-14T22:18:36+01:00', headDate: '2024-08-21T03:06:32+00:00' },
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/versioned by 5 version tags/);
  });

  it('old tags beside a versioned CHANGELOG: the change log carries the releases, still a pass', async () => {
    const r = await runRuleOn(
      releaseManagement,
      { ...APP, 'CHANGELOG.md': '# Changelog\n\n## 3.0.0\n\n- current\n\n## 2.1.3\n\n- old\n' },
      {
        profile: 'service',
        tags: TAGS,
        tagRecency: { tag: 'v2.1.3', tagDate: '2015-02-14T22:18:36+01:00', headDate: '2024-08-21T03:06:32+00:00' },
      },
    );
    expect(r.outcome).toBe('pass');
  });
});
