/**
 * Blind round 39, class "a production Dockerfile under tools/deploy/docker/ taken for a tool's image":
 * a template kept its multi-stage "production container" beside its compose and k8s files under
 * tools/deploy/; container-image said "no Dockerfile" and container-user was not applicable. A folder
 * named for deployment below tools/ or scripts/ holds the product's image; other tool folders still
 * hold tools' images.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import containerImage from './operations/container-image.js';
import containerUser from './security/container-user.js';

const IMAGE = [
  'FROM python:3.12-slim AS build', // 1
  'WORKDIR /app', // 2
  'COPY . .', // 3
  'RUN pip install --no-cache-dir .', // 4
  'FROM python:3.12-slim', // 5
  'COPY --from=build /usr/local /usr/local', // 6
  'USER 10001', // 7
  'EXPOSE 8000', // 8
  'CMD ["granian", "--interface", "asgi", "quotes.main:app"]', // 9
  '',
].join('\n');

const service = (dockerfile: string): Tree => ({
  'pyproject.toml': '[project]\nname = "quotes"\ndependencies = ["litestar>=2"]\n',
  'quotes/main.py': 'from litestar import Litestar\n\napp = Litestar([])\n',
  '.dockerignore': '.git\n',
  [dockerfile]: IMAGE,
});

describe('round 39: the image kept in a deployment folder under tools/ is the product image', () => {
  it('tools/deploy/docker/Dockerfile and scripts/release/Dockerfile count for container-image and container-user', async () => {
    for (const path of [
      'tools/deploy/docker/Dockerfile',
      'scripts/release/Dockerfile',
      'deploy/docker/Dockerfile',
      'infra/docker/Dockerfile',
      'ops/Dockerfile',
      'build/Dockerfile',
    ]) {
      const image = await runRuleOn(containerImage, service(path), { profile: 'service' });
      expect(image.outcome).toBe('pass');
      const user = await runRuleOn(containerUser, service(path), { profile: 'service' });
      expect(user.outcome).toBe('pass');
    }
  });

  it('a Dockerfile in another tools/ folder, or a dev-named one in the deployment folder, is still no product image', async () => {
    const tool = await runRuleOn(containerImage, service('tools/linter/Dockerfile'), { profile: 'service' });
    expect(tool.outcome).toBe('fail');
    const dev = await runRuleOn(containerImage, service('tools/deploy/docker/Dockerfile.dev'), { profile: 'service' });
    expect(dev.outcome).toBe('fail');
  });
});
