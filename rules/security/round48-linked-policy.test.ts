/**
 * Blind round 48, class "a policy reached by a link": SECURITY.md only links to the project's website
 * (`[on our website](https://example.org/security.md)`), and the page that site serves is a Markdown
 * page of this repository giving the reporting address. That is a disclosure policy one link away:
 * partial, citing both; a link to a page not in the repository stays a fail that says so.
 */
import { describe, expect, it } from 'vitest';
import rule from './security-policy.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const SECURITY =
  '# Security Notice\n\nThe Security Notice for our projects can be found [on our website](https://example.org/security.md).\n';
const NOTICE = [
  '---',
  'title: Security Notice',
  '---',
  '',
  'This is the security notice for all our repositories.',
  '',
  '# Reporting a Vulnerability',
  '',
  'Do not open a public issue.',
  'Send details to [admins@example.org](mailto:admins@example.org), including:',
  '',
  '* the page where the vulnerability can be observed',
].join('\n');

const tree = (extra: Tree): Tree => ({ 'SECURITY.md': SECURITY, 'README.md': '# Site\n', ...extra });

describe('round 48: SECURITY.md that links to a page this repository serves', () => {
  it('is partial, citing the linked page and its reporting address', async () => {
    const r = await runRuleOn(rule, tree({ 'site/apps/content/resources/security-notice.md': NOTICE }));
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/SECURITY\.md links to https:\/\/example\.org\/security\.md/);
    expect(r.message).toMatch(/site\/apps\/content\/resources\/security-notice\.md:10/);
    expect(r.evidence.find((e) => e.path === 'site/apps/content/resources/security-notice.md')?.line).toBe(10);
  });

  it('a link to a page not in the repository stays a fail that names the link', async () => {
    const r = await runRuleOn(rule, tree({ 'docs/security-settings.md': '# Security settings\n\nTurn on TLS.\n' }));
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(/links to https:\/\/example\.org\/security\.md, a page not found in this repository/);
  });
});
