/**
 * Blind round 24, class "progressive delivery and rollback": a platform's canary deploy strategy
 * (fly.toml), a deploy that switches on a chart's canary release with a traffic weight, images pushed
 * with the version given to the release workflow, and chart values that pin the image to a release.
 * Each case asserts the verdict and the file:line cited.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import progressiveDelivery from './operations/progressive-delivery.js';
import rollback from './operations/rollback.js';

const FLY = [
  "app = 'notes-server'", // 1
  "primary_region = 'ams'", // 2
  '', // 3
  '[deploy]', // 4
  'release_command = "npm run migrate"', // 5
  'strategy = "canary"', // 6
  '', // 7
  '[http_service]', // 8
  'internal_port = 3000', // 9
  '',
].join('\n');

const RELEASE_IMAGES = [
  'name: Publish images', // 1
  'on:', // 2
  '  workflow_dispatch:', // 3
  '    inputs:', // 4
  '      version:', // 5
  '        required: true', // 6
  'jobs:', // 7
  '  images:', // 8
  '    runs-on: ubuntu-latest', // 9
  '    steps:', // 10
  '      - uses: actions/checkout@v4', // 11
  '      - uses: docker/build-push-action@v6', // 12
  '        with:', // 13
  '          push: true', // 14
  '          tags: |', // 15
  '            example/notes:latest', // 16
  '            example/notes:${{ inputs.version }}', // 17
  '',
].join('\n');

const nodeService = (extra: Tree): Tree => ({
  'package.json': JSON.stringify({ name: 'notes', dependencies: { hono: '^4.0.0' } }),
  'src/server.ts':
    "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.text('ok'));\nexport default app;\n",
  Dockerfile: 'FROM node:22-alpine\nCOPY . .\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n',
  ...extra,
});

const CHART =
  'apiVersion: v2\nname: fees-api\nversion: 1.0.0\ndependencies:\n  - name: service-blueprint\n    version: 3.1.0\n    repository: "https://charts.example.org"\n';
const prodValues = (tag: string) =>
  [
    'service-blueprint:', // 1
    '  image:', // 2
    '    repository: ghcr.io/example/fees-api', // 3
    `    tag: ${tag}`, // 4
    '    pullPolicy: Always', // 5
    '  canaryDelivery:', // 6
    '    create: false', // 7
    '',
  ].join('\n');
const DEPLOY = [
  'name: deploy', // 1
  'on:', // 2
  '  workflow_dispatch:', // 3
  '    inputs:', // 4
  '      is_canary:', // 5
  '        type: boolean', // 6
  '      weight:', // 7
  '        type: number', // 8
  'jobs:', // 9
  '  deploy:', // 10
  '    runs-on: ubuntu-latest', // 11
  '    steps:', // 12
  '      - uses: actions/checkout@v4', // 13
  '      - name: Deploy', // 14
  '        run: helm upgrade --install fees-api helm -f helm/values-prod.yaml --set service-blueprint.canaryDelivery.ingress.weightPercent=${{ inputs.weight }} --set service-blueprint.canaryDelivery.create=${{ inputs.is_canary }}', // 15
  '',
].join('\n');
const chartService = (tag: string, deploy = true): Tree => ({
  'pom.xml': '<project><artifactId>fees-api</artifactId></project>\n',
  'src/main/java/org/example/App.java': 'package org.example;\npublic class App {}\n',
  'helm/Chart.yaml': CHART,
  'helm/values-prod.yaml': prodValues(tag),
  ...(deploy ? { '.github/workflows/deploy.yml': DEPLOY } : {}),
});

describe('round 24: staged releases', () => {
  it('fly.toml `strategy = "canary"` is a staged release', async () => {
    const run = await runRuleOn(progressiveDelivery, nodeService({ 'fly.toml': FLY }), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'fly.toml',
      line: 6,
      note: 'deploy strategy canary: the platform releases to a share of the machines first',
    });
    const rolling = await runRuleOn(
      progressiveDelivery,
      nodeService({ 'fly.toml': FLY.replace('"canary"', '"rolling"') }),
      { profile: 'service' },
    );
    expect(rolling.outcome).toBe('fail');
  });

  it('a deploy that switches on the chart canary release with a weight is a staged release', async () => {
    const run = await runRuleOn(progressiveDelivery, chartService('"2.3.1"'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: '.github/workflows/deploy.yml',
      line: 15,
      note: "the deploy switches on the chart's canary release (--set service-blueprint.canaryDelivery.create) with a traffic weight",
    });
    // The chart's switch alone, off in the values and never set by a deploy, stages nothing.
    const off = await runRuleOn(progressiveDelivery, chartService('"2.3.1"', false), { profile: 'service' });
    expect(off.outcome).toBe('fail');
  });
});

describe('round 24: versioned artefacts for rollback', () => {
  it('images pushed with the version given to the release workflow', async () => {
    const run = await runRuleOn(rollback, nodeService({ '.github/workflows/release-images.yml': RELEASE_IMAGES }), {
      profile: 'service',
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe(
      'immutable versioned image tags found; no written rollback procedure, no rollback command or automatic rollback.',
    );
    expect(run.evidence[0]).toMatchObject({
      path: '.github/workflows/release-images.yml',
      line: 17,
      note: 'images tagged with a version or commit',
    });
  });

  it("chart values that pin the project's image to a release; `latest` pins nothing", async () => {
    const run = await runRuleOn(rollback, chartService('"2.3.1"', false), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({
      path: 'helm/values-prod.yaml',
      line: 4,
      note: "the deployment's values pin the image to version 2.3.1: an earlier tag can be deployed again",
    });
    const latest = await runRuleOn(rollback, chartService('latest', false), { profile: 'service' });
    expect(latest.outcome).toBe('fail');
  });
});
