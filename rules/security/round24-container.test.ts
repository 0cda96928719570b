import { describe, expect, it } from 'vitest';
import user from './container-user.js';
import image from '../operations/container-image.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const APP = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY . .',
  'RUN go build -o /thumbs ./cmd/thumbs',
  '',
  'FROM debian:bookworm-slim',
  'COPY --from=build /thumbs /usr/local/bin/thumbs',
  'USER 999',
  'CMD ["thumbs"]',
  '',
].join('\n');

const WORKFLOW = [
  'name: build',
  'on: [push]',
  'jobs:',
  '  image:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: docker/build-push-action@v6',
  '        with:',
  '          file: docker/Dockerfile',
  '          tags: ghcr.io/acme/thumbs:latest',
  '',
].join('\n');

const base = {
  'go.mod': 'module github.com/acme/thumbs\n\ngo 1.22\n',
  'cmd/thumbs/main.go': 'package main\n\nfunc main() {}\n',
  'docker/Dockerfile': APP,
  '.dockerignore': '.git\n',
  '.github/workflows/build.yml': WORKFLOW,
};

describe('container-user: a Dockerfile FROM this repository’s own image inherits its user (blind round 24)', () => {
  it('a platform wrapper on the image docker/Dockerfile builds with USER 999 passes, citing both files', async () => {
    const run = await runRuleOn(
      user,
      {
        ...base,
        'heroku/Dockerfile': 'ARG THUMBS_TAG=v3.1.0\n\nFROM ghcr.io/acme/thumbs:$THUMBS_TAG\nLABEL maintainer="ops"\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'heroku/Dockerfile',
        line: 3,
        note: "built on this repository's own image ghcr.io/acme/thumbs (published by its CI), whose Dockerfile docker/Dockerfile:8 runs as 999: the container inherits that user",
      }),
    );
  });

  it('a wrapper FROM a third-party image without USER still runs as root', async () => {
    const run = await runRuleOn(
      user,
      { ...base, 'heroku/Dockerfile': 'FROM ghcr.io/other/imaging:2.0\nLABEL maintainer="ops"\n' },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'heroku/Dockerfile', line: 1, note: expect.stringContaining('runs as root') }),
    );
  });
});

describe('container-image: multi-stage builds are asked only where something is built (blind round 24)', () => {
  const tree = {
    ...base,
    '.github/workflows/build.yml': [
      WORKFLOW.trimEnd(),
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          context: Backups',
      '          file: Backups/Dockerfile',
      '          tags: ghcr.io/acme/thumbs-backups:latest',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          context: ops/migrate',
      '          file: ops/migrate/Dockerfile',
      '          tags: ghcr.io/acme/thumbs-migrate:latest',
      '',
    ].join('\n'),
    'Backups/Dockerfile': 'FROM amazon/aws-cli:2.15.0\nWORKDIR /tmp\nCOPY . .\nUSER 1000:1000\n',
    'ops/migrate/Dockerfile':
      'FROM python:3.12-alpine\nRUN apk add --no-cache build-base postgresql-dev\nRUN pip install psycopg2==2.9.9\nCOPY migrate.sh .\n',
  };

  it('a tool image that only copies files needs no build stage; one that installs a compiler does', async () => {
    const run = await runRuleOn(image, tree, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('missing multi-stage builds (ops/migrate/Dockerfile)');
    expect(run.message).not.toContain('Backups/Dockerfile');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'Backups/Dockerfile',
        line: 1,
        note: expect.stringContaining('1 stage (nothing compiled and no build tools installed: no build stage needed)'),
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'ops/migrate/Dockerfile',
        note: expect.stringContaining(
          'builds in the final image: apk add --no-cache build-base postgresql-dev, line 2',
        ),
      }),
    );
  });
});
