/**
 * Blind round 29, class "look-alikes accepted": a monorepo's packages/api/.dockerignore was
 * credited although compose builds packages/api/Dockerfile with the repository root as its context
 * (`context: ../` from docker/), where Docker looks for the .dockerignore. The file at the
 * context's root counts; one in the Dockerfile's folder does not.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import containerImage from './container-image.js';

const repo = (extra: Tree): Tree => ({
  'package.json': '{"name":"bots","private":true,"workspaces":["packages/*"]}',
  'packages/api/package.json': '{"name":"api","dependencies":{"express":"^4.18.0"}}',
  'packages/api/src/main.js': 'const express = require("express");\nexpress().listen(3000);\n',
  'packages/api/Dockerfile': [
    'FROM node:20.11-alpine AS build',
    'WORKDIR /app',
    'COPY . .',
    'RUN npm ci && npm run build',
    'FROM node:20.11-alpine',
    'COPY --from=build /app/packages/api/dist /app',
    'CMD ["node", "/app/main.js"]',
    '',
  ].join('\n'),
  'packages/api/.dockerignore': 'node_modules\n',
  'docker/docker-compose.yml': [
    'services:',
    '  api:',
    '    build:',
    '      context: ../',
    '      dockerfile: ./packages/api/Dockerfile',
    '    ports:',
    '      - 3000:3000',
    '',
  ].join('\n'),
  ...extra,
});

describe('round 29: the .dockerignore that applies is the build context’s', () => {
  it('does not credit a .dockerignore beside a Dockerfile built from the repository root', async () => {
    const run = await runRuleOn(containerImage, repo({}), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/missing a \.dockerignore/);
  });

  it('credits the .dockerignore at the context root', async () => {
    const run = await runRuleOn(containerImage, repo({ '.dockerignore': 'node_modules\n**/.env\n' }), {
      profile: 'service',
    });
    expect(run.outcome).toBe('pass');
  });
});
