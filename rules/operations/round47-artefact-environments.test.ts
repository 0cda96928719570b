import { describe } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';
import cd from './continuous-deployment.js';
import environments from './environments.js';

/**
 * Blind round 47: a job that only builds and pushes an image (or uploads an extension) names an
 * environment for the registry's secrets (`environment: chrome-production`): that environment gates a
 * release, not a deployment, and is no production stage. A job with the same environment that also
 * reaches a cluster or a web hook still counts.
 */
const server = { 'src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n" };
const pkg = { 'package.json': '{"name":"svc","dependencies":{"express":"^4"}}' };
const publish = (extra: string) =>
  `name: Image\non:\n  workflow_dispatch:\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    environment: image-production\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/setup-buildx-action@v3\n      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n      - uses: docker/build-push-action@v5\n        with:\n          push: true\n          tags: ghcr.io/acme/svc:latest\n      - run: docker buildx imagetools inspect ghcr.io/acme/svc:latest\n${extra}`;
const extension = `name: Extension\non:\n  workflow_dispatch:\njobs:\n  upload:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: pnpm install\n      - run: npx chrome-webstore-upload-cli upload --source ext.zip\n`;

describe('continuous-deployment', () => {
  ruleTester(cd, {
    valid: [
      {
        name: 'an image job that also calls a deploy hook keeps its environment',
        profile: 'service',
        tree: {
          ...server,
          ...pkg,
          '.github/workflows/image.yml': publish('      - run: curl -X POST "$DEPLOY_HOOK"\n'),
        },
        expect: { outcome: 'pass', message: 'through environment image-production' },
      },
    ],
    invalid: [
      {
        name: 'the environment of an image publishing job is no deployment',
        profile: 'service',
        tree: { ...server, ...pkg, '.github/workflows/image.yml': publish('') },
        expect: {
          outcome: 'fail',
          message:
            'The environment image-production of a job that only publishes a package, an image or an extension gates a release, not a deployment.',
          evidence: [{ path: '.github/workflows/image.yml', line: 7 }],
        },
      },
      {
        name: 'the environment of an extension upload job is no deployment',
        profile: 'service',
        tree: { ...server, ...pkg, '.github/workflows/extension.yml': extension },
        expect: { outcome: 'fail', message: 'The environment production of a job that only publishes' },
      },
    ],
  });
});

describe('environments', () => {
  ruleTester(environments, {
    valid: [
      {
        name: 'an image job that also calls a deploy hook keeps its production environment',
        profile: 'service',
        tree: {
          ...server,
          ...pkg,
          '.github/workflows/image.yml': publish('      - run: curl -X POST "$DEPLOY_HOOK"\n'),
        },
        expect: { outcome: 'partial', message: 'Only production is described (image-production)' },
      },
    ],
    invalid: [
      {
        name: 'the environment of an image publishing job is no production stage',
        profile: 'service',
        tree: { ...server, ...pkg, '.github/workflows/image.yml': publish('') },
        expect: {
          outcome: 'fail',
          message:
            'No environment separation found. The CI environment image-production belongs to a job that only publishes an image or an extension: a release gate, not a stage of the service.',
          evidence: [{ path: '.github/workflows/image.yml', line: 7 }],
        },
      },
    ],
  });
});
