/**
 * Blind round 25, class "the local-development unit taken as the deployment": a service whose only
 * compose file sits in dev/ and starts its backing services (a search engine built from a dev-folder
 * Dockerfile that adds a plugin, its dashboard pulled with a variable tag) had health-checks and
 * resource-limits pass and redundancy count "0 of 2 deployed units" on them. One judgement
 * (deploy.ts composeWorkloads, dockerfile.ts isToolImage) serves every deployment rule: such units
 * are not the deployment, and a verdict with nothing else left names what it set aside.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import healthChecks from './reliability/health-checks.js';
import redundancy from './reliability/redundancy.js';
import resourceLimits from './reliability/resource-limits.js';
import containerUser from './security/container-user.js';

const DEV_COMPOSE = [
  'services:', // 1
  '  cache:', // 2
  '    image: redis:7.2', // 3
  '    ports:', // 4
  '      - 6379:6379', // 5
  '  search:', // 6
  '    build:', // 7
  '      context: ./local_setup/search', // 8
  '      dockerfile: Dockerfile', // 9
  '    mem_limit: ${MEM_LIMIT}', // 10
  '    healthcheck:', // 11
  '      test: ["CMD-SHELL", "curl -sf http://localhost:9200/_cluster/health"]', // 12
  '  dashboard:', // 13
  '    image: docker.elastic.co/kibana/kibana:${STACK_VERSION}', // 14
  '    mem_limit: ${MEM_LIMIT}', // 15
  '    healthcheck:', // 16
  '      test: ["CMD-SHELL", "curl -s -I http://localhost:5601"]', // 17
  '',
].join('\n');

const SERVICE: Tree = {
  'pyproject.toml': '[project]\nname = "quotes"\ndependencies = ["fastapi>=0.110"]\n',
  'quotes/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
  'dockerfiles/Dockerfile': [
    'FROM python:3.12-slim', // 1
    'WORKDIR /app', // 2
    'COPY . .', // 3
    'RUN useradd app', // 4
    'USER app', // 5
    'EXPOSE 8000', // 6
    'CMD ["fastapi", "run", "quotes/main.py"]', // 7
    '',
  ].join('\n'),
  'dev/docker-compose.yaml': DEV_COMPOSE,
  'dev/local_setup/search/Dockerfile':
    'ARG STACK_VERSION=8.18.1\nFROM docker.elastic.co/elasticsearch/elasticsearch:${STACK_VERSION}\nRUN elasticsearch-plugin install --batch analysis-icu\n',
};

const ASIDE = 'Set aside, not deployed units: compose service search (dev/docker-compose.yaml:6, local development).';

describe('round 25: a local-development compose file and its dev-folder image are not the deployment', () => {
  it('health-checks fail on the image that ships, not pass on the dev dependencies, and name what was set aside', async () => {
    const run = await runRuleOn(healthChecks, SERVICE, { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.message).toBe(
      `No health checks: no probes, healthcheck, HEALTHCHECK or load-balancer check found. ${ASIDE}`,
    );
    expect(run.evidence[0]).toMatchObject({
      path: 'dockerfiles/Dockerfile',
      line: 1,
      note: 'final stage has no HEALTHCHECK',
    });
    expect(run.evidence).toContainEqual({
      path: 'dev/docker-compose.yaml',
      line: 6,
      note: 'compose service search (dev/docker-compose.yaml:6) set aside as local development: built from a development image (dev/local_setup/search/Dockerfile) that is not published',
    });
    // The dashboard runs a vendor's image whose tag is a variable: a dependency, never a unit.
    expect(run.evidence.some((e) => /dashboard/.test(e.note ?? '') && /has a healthcheck/.test(e.note ?? ''))).toBe(
      false,
    );
    expect(run.evidence.some((e) => e.path === 'dev/local_setup/search/Dockerfile')).toBe(false);
  });

  it('resource-limits is not applicable and says which compose service it set aside', async () => {
    const run = await runRuleOn(resourceLimits, SERVICE, { profile: 'service' });
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain(
      'no deployed workload here to size: compose service search (dev/docker-compose.yaml:6) set aside as local development',
    );
  });

  it('redundancy counts no deployed unit among the dev services: not applicable, naming them (as resource-limits)', async () => {
    const run = await runRuleOn(redundancy, SERVICE, { profile: 'service' });
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain(
      'no deployed workload here to replicate: compose service search (dev/docker-compose.yaml:6) set aside as local development',
    );
    expect(run.message).not.toMatch(/of 2 deployed units/);
  });

  it('container-user judges the image that ships and names the dev-folder image as local development', async () => {
    const run = await runRuleOn(containerUser, SERVICE, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'dockerfiles/Dockerfile', line: 5, note: 'runs as app' }),
    );
    expect(run.evidence).toContainEqual({
      path: 'dev/local_setup/search/Dockerfile',
      note: 'not judged: a local-development image (not published), not the deployment; the image that ships is judged',
    });
  });

  it('with no image that ships, a dev-folder image started by a dev compose file is still set aside', async () => {
    const tree: Tree = {
      'pyproject.toml': SERVICE['pyproject.toml']!,
      'quotes/main.py': SERVICE['quotes/main.py']!,
      'dev/docker-compose.yaml': DEV_COMPOSE,
      'dev/local_setup/search/Dockerfile': SERVICE['dev/local_setup/search/Dockerfile']!,
    };
    const run = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('compose service search (dev/docker-compose.yaml:6) set aside as local development');
  });

  it('beside a deployment compose file, the service it runs is judged (pass on its healthcheck and limits)', async () => {
    const tree: Tree = {
      ...SERVICE,
      'docker-compose.prod.yml': [
        'services:', // 1
        '  api:', // 2
        '    image: ghcr.io/example/quotes:1.4.0', // 3
        '    restart: always', // 4
        '    deploy:', // 5
        '      replicas: 2', // 6
        '      resources:', // 7
        '        limits:', // 8
        '          memory: 512M', // 9
        '    healthcheck:', // 10
        '      test: ["CMD", "curl", "-f", "http://localhost:8000/__heartbeat__"]', // 11
        '',
      ].join('\n'),
    };
    const hc = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(hc.outcome).toBe('pass');
    expect(hc.evidence[0]).toEqual({
      path: 'docker-compose.prod.yml',
      line: 2,
      note: 'compose service api has a healthcheck',
    });
    expect(hc.evidence.some((e) => /service search has/.test(e.note ?? ''))).toBe(false);
    const rl = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(rl.outcome).toBe('pass');
    expect(rl.message).toMatch(/all 1 workload\b/);
    expect(rl.evidence[0]).toMatchObject({ path: 'docker-compose.prod.yml', line: 2 });
  });
});
