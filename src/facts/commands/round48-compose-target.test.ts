/**
 * Blind round 48, class "a CI job reached through a compose service not counted": `docker compose
 * run --rm client yarn run test` runs in the image of the service's `build.target` stage
 * (`client-development`, WORKDIR /srv/client), not the Dockerfile's last stage (an nginx stage that
 * serves the build). The target stage's WORKDIR and copies find client/package.json, whose `test`
 * script is `vitest run`; the job runs the tests.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function runs(tree: Tree): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, 'test', 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes('test'))?.name));
}

const DOCKERFILE = [
  'FROM node:20-alpine AS client-development', // 1
  'WORKDIR /srv/client', // 2
  'COPY package.json ./', // 3
  'RUN npm install', // 4
  '', // 5
  'FROM node:20-alpine AS client-builder', // 6
  'WORKDIR /srv/client', // 7
  'COPY . .', // 8
  'RUN npm run build', // 9
  '', // 10
  'FROM nginx AS client-production', // 11
  'COPY --from=client-builder /srv/client/build /usr/share/nginx/html/', // 12
].join('\n');

const tree = (target: string | undefined, volumes: boolean): Tree => ({
  '.github/workflows/ci.yml': [
    'on: pull_request',
    'jobs:',
    '  test-client-unit:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: docker compose build client',
    '      - run: docker compose run --rm client yarn run test',
    '',
  ].join('\n'),
  'docker-compose.yml': [
    'services:',
    '  client:',
    '    build:',
    '      context: ./client',
    '      dockerfile: Dockerfile.client',
    ...(target ? [`      target: ${target}`] : []),
    '    command: yarn run start',
    ...(volumes ? ['    volumes:', '      - ./client:/srv/client'] : []),
    '',
  ].join('\n'),
  'client/Dockerfile.client': DOCKERFILE,
  'client/package.json': JSON.stringify({ name: 'client', scripts: { test: 'vitest run' } }, null, 2),
  'client/src/sum.test.js': "import { it, expect } from 'vitest';\nit('adds', () => expect(1 + 1).toBe(2));\n",
});

describe('round 48: docker compose run uses the build target stage', () => {
  it('a mounted source tree under the target stage WORKDIR: the job runs vitest', () => {
    const t = runs(tree('client-development', true));
    expect(t.some((c) => /client\/package\.json:\d+ \(yarn script test\)/.test(c) && /Vitest/i.test(c))).toBe(true);
  });

  it('without a mount, the target stage built FROM a base stage copies the sources into its WORKDIR', () => {
    const t = runs({
      ...tree('client-test', false),
      'client/Dockerfile.client': [
        'FROM node:20-alpine AS base',
        'WORKDIR /srv/client',
        'COPY . .',
        'FROM base AS client-test',
        'RUN npm ci',
        'FROM nginx',
        'COPY --from=base /srv/client/build /usr/share/nginx/html/',
      ].join('\n'),
    });
    expect(t.some((c) => /client\/package\.json:\d+ \(yarn script test\)/.test(c))).toBe(true);
  });

  it('the last stage still decides without a target (an nginx stage runs no yarn script)', () => {
    const t = runs(tree(undefined, false));
    expect(t.some((c) => /client\/package\.json/.test(c))).toBe(false);
  });
});
