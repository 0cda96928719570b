/**
 * Blind round 29, class "practices configured the framework's way": a self-hosted app released as
 * versioned archives (`app-${{ steps.v.outputs.VERSION }}.zip`/`.tar.gz`) attached to a GitHub
 * release keeps every past version installable, as versioned images do: rollback's artefact part.
 * An archive built without a version in its name, or never published, is not.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import rollback from './rollback.js';

const release = (archive: string, publish: string): Tree => ({
  'composer.json': '{"name":"acme/music","require":{"laravel/framework":"^11.0"}}',
  '.github/workflows/release.yml': [
    'name: Release',
    'on:',
    '  push:',
    '    tags: ["v*"]',
    'jobs:',
    '  release:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - id: get_version',
    '        run: echo "VERSION=${GITHUB_REF#refs/tags/}" >> $GITHUB_OUTPUT',
    '      - name: Create archives',
    '        run: |',
    '          cd ../',
    `          ${archive}`,
    publish,
    '',
  ].join('\n'),
});

const PUBLISH = [
  '      - uses: softprops/action-gh-release@v2',
  '        with:',
  '          files: /tmp/music-*.zip',
].join('\n');

describe('round 29: versioned release archives are a version to roll back to', () => {
  it('credits a versioned archive attached to a GitHub release', async () => {
    const run = await runRuleOn(
      rollback,
      release('zip -r /tmp/music-${{ steps.get_version.outputs.VERSION }}.zip music/', PUBLISH),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/versioned release archives/);
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: '.github/workflows/release.yml', line: 15 }));
  });

  it('does not credit an archive whose name carries no version, nor one never published', async () => {
    const unversioned = await runRuleOn(rollback, release('zip -r /tmp/music.zip music/', PUBLISH), {
      profile: 'service',
    });
    expect(unversioned.outcome).toBe('fail');
    const unpublished = await runRuleOn(
      rollback,
      release('tar -zcf /tmp/music-${{ steps.get_version.outputs.VERSION }}.tar.gz music/', ''),
      { profile: 'service' },
    );
    expect(unpublished.outcome).toBe('fail');
  });
});
