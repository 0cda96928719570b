/**
 * Blind round 19, reviewer P class 1: CI steps the tool did not read (CircleCI `circleci tests run`,
 * paths to package binaries, orb jobs, Rails `rake spec`, reusable workflows and their inputs,
 * deploy workflows with an environment choice, pytest `--cov` and Codecov in .github/). Each case
 * asserts the verdict of the rules that read these steps and the file:line they cite.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import testsInCi from './quality/tests-in-ci.js';
import ciPipeline from './operations/ci-pipeline.js';
import continuousDeployment from './operations/continuous-deployment.js';

const CIRCLE = [
  'version: 2.1',
  'orbs:',
  '  infra: acme/infra@1.4.2',
  'jobs:',
  '  build:',
  '    docker:',
  '      - image: cimg/node:22.4',
  '    steps:',
  '      - checkout',
  '      - run: pnpm run build',
  '  test:',
  '    docker:',
  '      - image: cimg/node:22.4',
  '    parallelism: 4',
  '    steps:',
  '      - checkout',
  '      - run:',
  '          name: Test',
  '          command: |',
  '            ./node_modules/.bin/jest --listTests | circleci tests run --command="xargs ./node_modules/.bin/jest --ci --" --split-by=timings',
  'workflows:',
  '  build:',
  '    jobs:',
  '      - build',
  '      - test',
  '      - infra/pulumi-preview:',
  '          context: PROD',
  '      - infra/pulumi-up:',
  '          requires:',
  '            - test',
  '          context: PROD',
  '          filters:',
  '            branches:',
  '              only:',
  '                - main',
  '',
].join('\n');

const node: Tree = {
  '.circleci/config.yml': CIRCLE,
  'package.json':
    '{"name":"feed-api","scripts":{"build":"tsc","test":"jest"},"dependencies":{"fastify":"^5.0.0"},"devDependencies":{"jest":"^29.0.0","typescript":"^5.5.0"}}\n',
  'src/index.ts': 'import Fastify from "fastify";\nconst app = Fastify();\napp.listen({ port: 5000 });\n',
  'tsconfig.json': '{"compilerOptions":{"strict":true}}\n',
  'src/index.test.ts': 'it("starts", () => {\n  expect(1).toBe(1);\n});\n',
};

describe('round 19: CircleCI steps', () => {
  it('tests-in-ci passes on jest by its node_modules/.bin path inside `circleci tests run --command`', async () => {
    const run = await runRuleOn(testsInCi, node);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('1 CI job runs the tests (Jest)');
    expect(run.evidence[0]).toMatchObject({
      path: '.circleci/config.yml',
      line: 20,
      note: 'job test runs tests: .circleci/config.yml:20 → Jest',
    });
    const pipeline = await runRuleOn(ciPipeline, node);
    expect(pipeline.outcome).toBe('pass');
  });

  it('tests-in-ci still fails when the only jest run lists the tests (`--listTests`)', async () => {
    const tree = {
      ...node,
      '.circleci/config.yml': CIRCLE.replace(/ \| circleci tests run.*$/m, ' > tests.txt'),
    };
    const run = await runRuleOn(testsInCi, tree);
    expect(run.outcome).toBe('fail');
  });

  it('continuous-deployment passes on the orb job `infra/pulumi-up` on main; a pulumi-preview alone is no deploy', async () => {
    const run = await runRuleOn(continuousDeployment, node);
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: '.circleci/config.yml', line: 28 });
    const preview = await runRuleOn(continuousDeployment, {
      ...node,
      '.circleci/config.yml': CIRCLE.replace(/ {6}- infra\/pulumi-up:[\s\S]*$/, ''),
    });
    expect(preview.outcome).toBe('fail');
  });
});
