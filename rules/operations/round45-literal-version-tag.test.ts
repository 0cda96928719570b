import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rollback from './rollback.js';

/**
 * Blind round 45: a release workflow that pushes the image with a version written by hand
 * (`org/app:1.6.2` beside `:latest`) keeps every released version pullable; a service container a
 * job runs (`image: postgres:16.2`) is no artefact of the project.
 */
const workflow = (tags: string) =>
  [
    'name: Docker release',
    'on:',
    '  workflow_dispatch:',
    'jobs:',
    '  release:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - name: Build and push',
    '        uses: docker/build-push-action@v6',
    '        with:',
    '          push: true',
    `          tags: ${tags}`,
    '',
  ].join('\n');
const base = {
  'composer.json': '{"require":{"symfony/framework-bundle":"7.1.0"}}',
  Dockerfile: 'FROM php:8.3-fpm\nCOPY . /app\nCMD ["php-fpm"]\n',
};

describe('rollback: a hand-written version tag in a release workflow (blind round 45)', () => {
  it('org/app:1.6.2 beside :latest is a versioned image', async () => {
    const r = await runRuleOn(
      rollback,
      {
        ...base,
        '.github/workflows/docker-release.yml': workflow('docker.io/acme/app:latest,docker.io/acme/app:1.6.2'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('fail');
    expect(r.evidence.some((e) => e.path === '.github/workflows/docker-release.yml' && e.line === 13)).toBe(true);
  });
  it(':latest alone, or a third-party service image a job runs, is no versioned artefact', async () => {
    const latest = await runRuleOn(
      rollback,
      { ...base, '.github/workflows/docker-release.yml': workflow('docker.io/acme/app:latest') },
      { profile: 'service' },
    );
    expect(latest.outcome).toBe('fail');
    const service = await runRuleOn(
      rollback,
      {
        ...base,
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: bitnami/postgresql:16.2.0\n    steps:\n      - run: docker push acme/app:latest\n',
      },
      { profile: 'service' },
    );
    expect(service.outcome).toBe('fail');
  });
});
