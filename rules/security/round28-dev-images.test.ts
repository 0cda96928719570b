import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import containerImage from '../operations/container-image.js';
import gracefulShutdown from '../reliability/graceful-shutdown.js';
import containerUser from './container-user.js';

/**
 * Blind round 28: development, mock and try-it-out files were judged as the production setup — a
 * Gitpod workspace image (`.gitpod.Dockerfile`) and an evaluation image (`Dockerfile.evaluation`)
 * beside the deployed multi-stage Dockerfile, and an MSW mock server's `server.close()` on SIGTERM
 * taken for the product's graceful shutdown.
 */
const APP = [
  'FROM node:20-bookworm-slim AS deps', // 1
  'WORKDIR /app', // 2
  'COPY package.json package-lock.json ./', // 3
  'RUN npm ci', // 4
  'FROM node:20-bookworm-slim', // 5
  'WORKDIR /app', // 6
  'COPY --from=deps /app/node_modules ./node_modules', // 7
  'COPY . .', // 8
  'USER node', // 9
  'CMD ["node", "server.js"]', // 10
].join('\n');

const TRY_OUT = ['FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["npm", "start"]'].join('\n');

const BASE = {
  'package.json': JSON.stringify({ name: 'shop', dependencies: { express: '^4.0.0' } }),
  'server.js': "const express = require('express');\nconst app = express();\napp.listen(3000);\n",
  '.dockerignore': 'node_modules\n',
  Dockerfile: APP,
};

describe('round 28: development and try-it-out images are not the product image', () => {
  for (const name of ['.gitpod.Dockerfile', 'Dockerfile.evaluation', 'Dockerfile.demo', 'playground.Dockerfile']) {
    it(`${name} (unpinned, single stage, root) is set aside; the deployed Dockerfile is judged`, async () => {
      const tree = {
        ...BASE,
        [name]: name.startsWith('.gitpod') ? 'FROM gitpod/workspace-full\nRUN brew install fly\n' : TRY_OUT,
      };
      const image = await runRuleOn(containerImage, tree);
      expect(image.outcome).toBe('pass');
      expect(image.evidence).toContainEqual(
        expect.objectContaining({ path: name, note: expect.stringContaining('not counted') }),
      );
      const user = await runRuleOn(containerUser, tree);
      expect(user.outcome).toBe('pass');
      expect(user.evidence).not.toContainEqual(
        expect.objectContaining({ path: name, note: expect.stringContaining('root') }),
      );
    });
  }

  it('an evaluation image CI builds and pushes is the published image: judged (single stage, unpinned)', async () => {
    const tree = {
      ...BASE,
      'Dockerfile.evaluation': TRY_OUT,
      '.github/workflows/release.yml': [
        'on: { push: { tags: ["v*"] } }',
        'jobs:',
        '  image:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: docker build -f Dockerfile.evaluation -t acme/shop-eval:latest .',
        '      - run: docker push acme/shop-eval:latest',
      ].join('\n'),
    };
    const image = await runRuleOn(containerImage, tree);
    expect(image.outcome).toBe('partial');
    expect(image.message).toContain('Dockerfile.evaluation');
  });

  it('a sandbox image a platform configuration deploys (a Workers container) is judged: it runs in production', async () => {
    const tree = {
      ...BASE,
      'workers/audio/sandbox.dockerfile': TRY_OUT,
      'workers/audio/wrangler.jsonc': [
        '{',
        '  "name": "audio-worker",',
        '  "main": "src/index.ts",',
        '  "containers": [',
        '    {',
        '      "class_name": "AudioSandbox",',
        '      "image": "./sandbox.dockerfile",',
        '      "max_instances": 2',
        '    }',
        '  ]',
        '}',
      ].join('\n'),
    };
    const user = await runRuleOn(containerUser, tree);
    expect(user.outcome).toBe('partial');
    expect(user.evidence).not.toContainEqual(
      expect.objectContaining({
        path: 'workers/audio/sandbox.dockerfile',
        note: expect.stringContaining('not judged'),
      }),
    );
    // The same image with no configuration that deploys it stays set aside.
    const alone = await runRuleOn(containerUser, { ...BASE, 'workers/audio/sandbox.dockerfile': TRY_OUT });
    expect(alone.outcome).toBe('pass');
    expect(alone.evidence).toContainEqual(
      expect.objectContaining({
        path: 'workers/audio/sandbox.dockerfile',
        note: expect.stringContaining('not judged'),
      }),
    );
  });

  it('a product image named evaluator or demographics is not a try-it-out image', async () => {
    const tree = { ...BASE, Dockerfile: TRY_OUT.replace('FROM node:20', 'FROM node'), 'Dockerfile.evaluator': TRY_OUT };
    const image = await runRuleOn(containerImage, tree);
    expect(image.evidence).not.toContainEqual(
      expect.objectContaining({ path: 'Dockerfile.evaluator', note: expect.stringContaining('not counted') }),
    );
  });
});

describe('round 28: a mock server is not the product shutting down gracefully', () => {
  const MOCK =
    "const { setupServer } = require('msw/node');\nconst server = setupServer();\nserver.listen();\nprocess.once('SIGTERM', () => server.close());\n";
  it('SIGTERM handled only in mocks/ (MSW) or __mocks__/: fail', async () => {
    for (const path of ['mocks/index.js', 'app/__mocks__/server.js']) {
      const run = await runRuleOn(gracefulShutdown, { ...BASE, [path]: MOCK }, { profile: 'service' });
      expect(run.outcome).toBe('fail');
      expect(run.evidence).not.toContainEqual(expect.objectContaining({ path }));
    }
  });

  it('the server itself handling SIGTERM still passes', async () => {
    const run = await runRuleOn(
      gracefulShutdown,
      {
        ...BASE,
        'mocks/index.js': MOCK,
        'server.js':
          "const express = require('express');\nconst app = express();\nconst server = app.listen(3000);\nprocess.on('SIGTERM', () => server.close());\n",
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'server.js', line: 4 }));
  });
});
