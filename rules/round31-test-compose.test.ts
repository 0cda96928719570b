/**
 * Blind round 31, class "test-only compose files in a library": a Go client library's
 * docker-compose.yml starts the brokers its test suite talks to, and its CI runs the same vendor
 * images as job services (`- image: bitnamilegacy/kafka:3.7.0`). A CI file's `image:` key is what
 * the job runs, not what the repository publishes, so the compose file builds nothing of the
 * project's own and is test infrastructure: no deployed units to judge for health checks or limits.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import healthChecks from './reliability/health-checks.js';
import resourceLimits from './reliability/resource-limits.js';

const COMPOSE = [
  'services:',
  '  zookeeper:',
  '    image: bitnamilegacy/zookeeper:latest',
  '    ports: ["2181:2181"]',
  '  broker:',
  '    image: acmebroker/broker:3.7.0',
  '    restart: on-failure:3',
  '    ports: ["9092:9092"]',
  '',
].join('\n');

const CIRCLE = [
  'version: 2',
  'jobs:',
  '  test:',
  '    docker:',
  '      - image: cimg/go:1.22',
  '      - image: acmebroker/broker:3.7.0',
  '    steps:',
  '      - checkout',
  '      - run: go test ./...',
  '',
].join('\n');

function library(ci: string): Tree {
  return {
    'go.mod': 'module github.com/acme/broker-go\n\ngo 1.22\n',
    'client.go': 'package broker\n\nfunc Dial() {}\n',
    'client_test.go': 'package broker\n\nimport "testing"\n\nfunc TestDial(t *testing.T) { Dial() }\n',
    'docker-compose.yml': COMPOSE,
    '.circleci/config.yml': ci,
  };
}

describe('a library whose compose file starts its test dependencies', () => {
  it('sets the compose services aside when CI only runs the same vendor images', async () => {
    for (const rule of [healthChecks, resourceLimits]) {
      const r = await runRuleOn(rule, library(CIRCLE));
      expect(r.outcome).toBe('not-applicable');
    }
  });

  it('still judges the compose service when CI builds and pushes that image', async () => {
    const ci = `${CIRCLE}      - run: docker build -t acmebroker/broker:3.7.0 . && docker push acmebroker/broker:3.7.0\n`;
    const r = await runRuleOn(healthChecks, library(ci));
    expect(r.outcome).toBe('fail');
  });
});
