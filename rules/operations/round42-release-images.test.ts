import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rollback from './rollback.js';

/**
 * Blind round 42: docker/metadata-action with its default tags in a workflow run by a published
 * release (or a pushed tag) tags the image with the release's version (`type=ref,event=tag` is one of
 * its defaults): an immutable image per release to go back to. Run on a branch push, the same defaults
 * are the branch name (round 39): no version.
 */
const workflow = (on: string[]) =>
  [
    'name: Publish image', // 1
    'on:', // 2
    ...on,
    'jobs:',
    '  push:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - id: meta',
    '        uses: docker/metadata-action@v5',
    '        with:',
    '          images: example/monitor',
    '      - uses: docker/build-push-action@v6',
    '        with:',
    '          push: true',
    '          tags: ${{ steps.meta.outputs.tags }}',
    '',
  ].join('\n');
const APP = {
  'requirements.txt': 'django==5.1\n',
  'manage.py': 'import django\n',
  'docker/Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nUSER 1000\nCMD ["gunicorn", "app.wsgi"]\n',
};

describe('round 42: images tagged per release by metadata-action defaults', () => {
  it('a release-triggered workflow with default tags is a versioned image (partial: no written procedure)', async () => {
    for (const on of [
      ['  release:', '    types: [published]', '  workflow_dispatch:'],
      ['  push:', '    tags:', "      - 'v*'"],
    ]) {
      const run = await runRuleOn(
        rollback,
        { ...APP, '.github/workflows/publish.yml': workflow(on) },
        { profile: 'service' },
      );
      expect(run.outcome, on.join(' ')).toBe('partial');
      expect(run.message).toMatch(/versioned image/);
      expect(run.evidence).toContainEqual(
        expect.objectContaining({
          path: '.github/workflows/publish.yml',
          note: expect.stringContaining("images tagged with the release's git tag"),
        }),
      );
    }
  });

  it('the same defaults on a branch push are the branch name: no versioned image', async () => {
    const run = await runRuleOn(
      rollback,
      { ...APP, '.github/workflows/publish.yml': workflow(['  push:', '    branches: [main]']) },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});
