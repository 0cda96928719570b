import { describe, expect, it } from 'vitest';
import healthChecks from './reliability/health-checks.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { webDeployment } from '../src/testing/k8s-trees.js';

/**
 * A self-hosted product shipped two ways: Kubernetes manifests and a compose template that runs the
 * published image. Compose runs the image's HEALTHCHECK (Kubernetes ignores it): both paths count.
 */
const tree = (compose: string): Record<string, string> => ({
  'package.json': '{"name":"acme","private":true,"dependencies":{"express":"4.0.0"}}',
  'src/server.ts': 'import express from "express";\nexpress().listen(3000);\n',
  'docker/Dockerfile':
    'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nHEALTHCHECK --interval=30s CMD wget -q --spider http://127.0.0.1:3000/api/health || exit 1\nCMD ["node", "dist/server.js"]\n',
  '.github/workflows/docker.yml':
    'name: docker\non: { release: { types: [published] } }\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        with:\n          file: docker/Dockerfile\n          push: true\n          tags: ghcr.io/acme/acme:release\n',
  'kubernetes/web-deployment.yaml': webDeployment().replace('ghcr.io/acme/web:1.0.0', 'ghcr.io/acme/acme:release'),
  'docker/docker-compose.yml': compose,
});

describe('health-checks: a self-hosting compose template counts beside Kubernetes manifests (round 48)', () => {
  it('the template runs the published image: its HEALTHCHECK is credited, the Deployment without probes is a finding', async () => {
    const run = await runRuleOn(
      healthChecks,
      tree(
        'services:\n  web:\n    image: ghcr.io/acme/acme:${ACME_VERSION:-release}\n    restart: unless-stopped\n    ports:\n      - 3000:3000\n',
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('1 of 2 deployed units lack health checks');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'docker/Dockerfile',
        line: 5,
        note: expect.stringContaining('compose service web'),
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'kubernetes/web-deployment.yaml',
        note: expect.stringContaining('no readiness'),
      }),
    );
  });

  it('a compose file for local development beside the manifests stays out', async () => {
    const run = await runRuleOn(
      healthChecks,
      tree(
        '# local development only\nservices:\n  web:\n    build: ..\n    volumes:\n      - ..:/app\n    ports:\n      - 3000:3000\n',
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('1 of 1 deployed unit');
  });
});
