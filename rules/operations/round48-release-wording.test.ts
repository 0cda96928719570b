/**
 * Blind round 48, class "a message that contradicts the tool's own data": one version tag and
 * nothing else was reported as "no version among 1 git tags" while data.versionTags = 1. One tag is
 * no release history (still a fail), but the message says what is there and what is missing.
 */
import { describe, expect, it } from 'vitest';
import rule from './release-management.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const tree = { 'package.json': JSON.stringify({ name: 'api', version: '1.0.0' }), 'index.js': 'console.log(1)\n' };

describe('round 48: release-management names the one version tag it counts', () => {
  it('one version tag: fail that cites it, never "no version among 1 git tags"', async () => {
    const r = await runRuleOn(rule, tree, { tags: ['v0.2.0'] });
    expect(r.outcome).toBe('fail');
    expect(r.data?.versionTags).toBe(1);
    expect(r.message).toMatch(/one version tag in git \(v0\.2\.0\)/);
    expect(JSON.stringify(r.evidence)).not.toMatch(/no version among/);
    expect(r.evidence[0]?.note).toMatch(/1 version tag \(v0\.2\.0\) among 1 git tag: one tag is no release history/);
  });

  it('tags that are not versions are still said so', async () => {
    const r = await runRuleOn(rule, tree, { tags: ['deploy-prod', 'staging'] });
    expect(r.outcome).toBe('fail');
    expect(r.message).toBe('No release versioning found.');
    expect(r.evidence[0]?.note).toMatch(/no version among 2 git tags/);
  });
});
