/**
 * Blind round 45, class "calendar-versioned release tags" (issue 15): a project that moved from
 * semantic versions (v0.1.18) to calendar versions (v2024.10.2 … v2025.9.26) released by a tag
 * workflow names its latest release by the newest tag, not the newest semantic version. Date tags
 * that mark deploys (no tag-triggered release, no other versions) stay apart.
 */
import { describe, expect, it } from 'vitest';
import rule from './release-management.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const tree = (releaseOnTags: boolean) => ({
  'mix.exs':
    'defmodule Tube.MixProject do\n  use Mix.Project\n  def project, do: [app: :tube, version: "2025.9.26"]\nend\n',
  'lib/tube.ex': 'defmodule Tube do\nend\n',
  ...(releaseOnTags
    ? {
        '.github/workflows/docker_release.yml': [
          'name: release',
          'on:',
          '  push:',
          '    tags:',
          "      - 'v*'",
          'jobs:',
          '  release:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: docker/build-push-action@v6',
          '        with:',
          '          push: true',
          '',
        ].join('\n'),
      }
    : {}),
});
const calendar = ['v2025.9.26', 'v2025.6.6', 'v2025.3.17', 'v2024.10.30', 'v2024.10.2'];
const semantic = ['v0.1.18', 'v0.1.17', 'v0.1.16', 'v0.1.15'];

describe('round 45: calendar versions are the latest releases', () => {
  it('names the newest calendar version as the latest release', async () => {
    const run = await runRuleOn(rule, tree(true), { profile: 'service', tags: [...calendar, ...semantic] });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('latest v2025.9.26: calendar versions, 5 since v0.1.18');
    expect(run.message).not.toContain('latest v0.1.18');
  });

  it('calendar versions alone, released by tags, are release versions', async () => {
    const run = await runRuleOn(rule, tree(true), { profile: 'service', tags: calendar });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('5 version tags in git (latest v2025.9.26: calendar versions)');
  });

  it('semantic versions newest first keep the semantic latest', async () => {
    const run = await runRuleOn(rule, tree(true), { profile: 'service', tags: [...semantic, ...calendar] });
    expect(run.message).toContain('latest v0.1.18)');
  });

  it('date tags without a tag-triggered release or other versions are not release versions', async () => {
    const run = await runRuleOn(rule, tree(false), { profile: 'service', tags: calendar });
    expect(run.message).not.toContain('calendar versions');
  });
});
