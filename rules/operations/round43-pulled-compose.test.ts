import { describe, expect, it } from 'vitest';
import rule from './orchestration.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 43: beside Helm charts, a local compose file that pulls the organisation's published
 * images (and builds none) was described as "running 6 services built here". A service the compose
 * file builds is built here; one that pulls an image is said to run a pulled image.
 */
const CHART = 'apiVersion: v2\nname: search\nversion: 0.1.0\n';
const compose = (api: string) =>
  [
    'services:',
    '  search:',
    api,
    '  auth:',
    '    image: ghcr.io/acme-gov/acme-auth:latest',
    '  db:',
    '    image: postgres:16',
    '',
  ].join('\n');
const TREE = {
  'build.gradle.kts': 'plugins { id("org.springframework.boot") version "3.3.0" }\n',
  'helm_deploy/search/Chart.yaml': CHART,
  '.github/workflows/build.yml':
    'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t ghcr.io/acme-gov/acme-search .\n      - run: docker build -t ghcr.io/acme-gov/acme-auth .\n',
  Dockerfile: 'FROM eclipse-temurin:21\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
};

describe('orchestration: compose services pulled, not built here (blind round 43)', () => {
  it('a compose file that only pulls images is not said to run services built here', async () => {
    const run = await runRuleOn(
      rule,
      { ...TREE, 'docker-compose.yml': compose('    image: ghcr.io/acme-gov/acme-search:latest') },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain(
      'compose file docker-compose.yml also present, running 2 services from pulled images (ghcr.io/acme-gov/acme-search:latest, ghcr.io/acme-gov/acme-auth:latest), none built by the compose file',
    );
    expect(run.message).not.toContain('built here');
  });

  it('one it builds from source is still built here', async () => {
    const run = await runRuleOn(
      rule,
      { ...TREE, 'docker-compose.yml': compose('    build: .') },
      { profile: 'service' },
    );
    expect(run.message).toContain('running 2 services (1 built from source here, 1 from pulled images)');
  });
});
