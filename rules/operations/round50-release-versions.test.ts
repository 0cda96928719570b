/**
 * Blind round 50: versions written as a change log's bullets (`* *4.4.0* (2025-11-19): …`) or as
 * prefixed headings (`## release-0.18 / 2026-06-03`) are versions; CI's numbered release tags with a
 * channel prefix (`alpha_release-1237`) are releases; `dev-*` deploy-trigger tags are not.
 */
import { describe, expect, it } from 'vitest';
import rule from './release-management.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const app = {
  'package.json': '{"name":"tuner","version":"4.4.0","dependencies":{"express":"4.19.0"}}',
  'index.js': "require('express')().listen(3000);\n",
};

describe('round 50: version evidence', () => {
  it('a change log whose versions are emphasised bullets with dates records versions', async () => {
    const r = await runRuleOn(rule, {
      ...app,
      'CHANGELOG.md':
        '## CHANGELOG\n\nFrom most recent to oldest:\n\n* *4.4.0* (2025-11-19): upgrade runtime\n* *4.3.6* (2024-11-07): updated dependencies\n* **4.0.0** (2023-01-10): major release\n',
    });
    expect(r.message).not.toMatch(/records no versions/);
  });

  it('a change log of `## release-0.18 / date` headings records versions', async () => {
    const r = await runRuleOn(rule, {
      ...app,
      'CHANGELOG.md': '## release-0.18 / 2026-06-03\n\nUpdates.\n\n## release-0.17 / 2026-03-19\n\nMore.\n',
    });
    expect(r.message).not.toMatch(/records no versions/);
  });

  it('plain bullets without a version are still no versions', async () => {
    const r = await runRuleOn(rule, { ...app, 'CHANGELOG.md': '## CHANGELOG\n\n* upgrade runtime\n* fix logging\n' });
    expect(r.message).toMatch(/records no versions/);
  });

  it('channel-prefixed numbered release tags are a release history', async () => {
    const r = await runRuleOn(rule, app, {
      profile: 'service',
      tags: ['alpha_release-1237', 'alpha_release-1236', 'alpha_release-1235', 'paas_release-82'],
    });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.message).toMatch(/4 version tags in git \(latest alpha_release-1237\)/);
  });

  it('dev-* deploy-trigger tags are not release versions', async () => {
    const r = await runRuleOn(rule, app, {
      profile: 'service',
      tags: ['dev-Airflow-2.10.5', 'dev-plugin-1.0.0.2', 'v2.8.2', 'v2.8.1', 'v2.8.0'],
    });
    expect(r.message).toMatch(/3 version tags in git \(latest v2\.8\.2\)/);
    expect(r.message).not.toMatch(/dev-/);
  });
});
