/**
 * Blind round 50: a release workflow computes the patch, minor and major numbers in a step named
 * `tags` and tags the pushed image with them (`owner/server:${{ steps.tags.outputs.patch }}`):
 * every release stays pullable by its version.
 */
import { describe, expect, it } from 'vitest';
import rule from './rollback.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const workflow = (tag: string) =>
  [
    'name: Release',
    'on:',
    '  release:',
    '    types: [published]',
    'jobs:',
    '  image:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - name: Version number for tags',
    '        id: tags',
    '        run: |-',
    '          patch=${GITHUB_REF#refs/*/}',
    '          echo "patch=${patch}" >> $GITHUB_OUTPUT',
    '      - uses: docker/build-push-action@v6',
    '        with:',
    '          context: .',
    '          push: true',
    '          tags: |-',
    `            ghcr.io/\${{ github.repository_owner }}/server:${tag},`,
    '            ghcr.io/${{ github.repository_owner }}/server:latest',
    '',
  ].join('\n');

const tree = (tag: string) => ({
  'pyproject.toml': '[project]\nname = "srv"\nversion = "1.0.0"\ndependencies = ["aiohttp==3.9.0"]\n',
  'srv/app.py': 'from aiohttp import web\napp = web.Application()\nweb.run_app(app)\n',
  Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-m", "srv"]\n',
  '.github/workflows/release.yml': workflow(tag),
});

describe('round 50: images tagged with a version step output', () => {
  it('count as versioned artefacts', async () => {
    const r = await runRuleOn(rule, tree('${{ steps.tags.outputs.patch }}'), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: '.github/workflows/release.yml', line: 20 }));
  });

  it('a mutable tag alone does not', async () => {
    const r = await runRuleOn(rule, tree('stable'), { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });
});
