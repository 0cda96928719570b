import { describe, expect, it } from 'vitest';
import environments from './environments.js';
import rollback from './rollback.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const workflow = (tags: string) =>
  [
    'name: Images',
    'on:',
    '  push:',
    '    branches: [main]',
    'jobs:',
    '  image:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - id: meta',
    '        uses: docker/metadata-action@v5',
    '        with:',
    '          images: ghcr.io/acme/board',
    tags,
    '      - uses: docker/build-push-action@v5',
    '        with:',
    '          push: true',
    '          tags: ${{ steps.meta.outputs.tags }}',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
const APP = { 'go.mod': 'module acme/board\n', Dockerfile: 'FROM golang:1.22\n' };

describe('names taken for content (blind round 39)', () => {
  it('a workflow file named production.yml is no environment', async () => {
    const run = await runRuleOn(
      environments,
      { ...APP, '.github/workflows/production.yml': workflow('') },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });

  it("a workflow job's environment: key still names an environment", async () => {
    const deploy =
      'name: Deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./deploy.sh\n';
    const run = await runRuleOn(
      environments,
      { ...APP, '.github/workflows/production.yml': deploy },
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('fail');
  });

  it("docker/metadata-action's default tags (the branch name) are no versioned image", async () => {
    for (const tags of ['', '          tags: |\n            type=ref,event=branch\n            type=edge']) {
      const run = await runRuleOn(
        rollback,
        { ...APP, '.github/workflows/images.yml': workflow(tags) },
        { profile: 'service' },
      );
      expect(run.outcome).toBe('fail');
    }
  });

  it('docker/metadata-action asked for sha, semver or a raw version tag is a versioned image', async () => {
    for (const tags of [
      '          tags: |\n            type=ref,event=branch\n            type=sha',
      '          tags: type=semver,pattern={{version}}',
      '          tags: |\n            type=raw,value=${{ github.sha }}',
    ]) {
      const run = await runRuleOn(
        rollback,
        { ...APP, '.github/workflows/images.yml': workflow(tags) },
        { profile: 'service' },
      );
      expect(run.outcome, tags).toBe('partial');
      expect(run.message).toMatch(/versioned/);
    }
  });
});
