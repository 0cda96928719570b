import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import containerUser from './container-user.js';
import containerImage from '../operations/container-image.js';

/**
 * Blind round 23 (once-campfire): a one-shot export image (`Dockerfile-export`, FROM ruby-slim +
 * COPY . . + `CMD ["zip", …]`, run once by a release script) halved container-user and lowered
 * container-image, though the app's own Dockerfile is multi-stage and runs as USER 1000.
 */
const APP = [
  'ARG RUBY_VERSION=3.4.7', // 1
  'FROM ruby:$RUBY_VERSION-slim AS base', // 2
  'WORKDIR /rails', // 3
  'FROM base AS build', // 4
  'COPY . .', // 5
  'RUN bundle install', // 6
  'FROM base', // 7
  'COPY --from=build /rails /rails', // 8
  'USER 1000:1000', // 9
  'EXPOSE 80', // 10
  'CMD ["bin/boot"]', // 11
].join('\n');

const EXPORT = [
  'ARG RUBY_VERSION=3.4.7', // 1
  'FROM ruby:$RUBY_VERSION-slim as base', // 2
  'RUN apt update && apt install -y zip', // 3
  'WORKDIR /app', // 4
  'COPY . .', // 5
  'CMD ["zip", "-r", "/app.zip", "."]', // 6
].join('\n');

const TREE = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
  '.dockerignore': '.git\nlog/*\n',
  Dockerfile: APP,
  'Dockerfile-export': EXPORT,
  'bin/release': 'EXPORT_DOCKERFILE = "Dockerfile-export"\n',
};

describe('round 23: an export image that only archives the source is not the service image', () => {
  it('container-user judges the app image (USER 1000) and names the export image as set aside', async () => {
    const run = await runRuleOn(containerUser, TREE);
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'Dockerfile', line: 9, snippet: 'USER 1000:1000' }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'Dockerfile-export', note: expect.stringContaining('not judged') }),
    );
    expect(run.data).toMatchObject({ dockerfiles: 1, nonRoot: 1, root: 0 });
  });

  it('container-image counts only the app image (multi-stage, pinned)', async () => {
    const run = await runRuleOn(containerImage, TREE);
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'Dockerfile-export', note: expect.stringContaining('not counted') }),
    );
  });

  it('an image whose command serves still counts: a root app image beside the export image fails', async () => {
    const run = await runRuleOn(containerUser, { ...TREE, Dockerfile: APP.replace('USER 1000:1000', 'RUN true') });
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]).toMatchObject({ path: 'Dockerfile', note: expect.stringContaining('root') });
  });
});
