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
import linting from './quality/linting.js';
import formatting from './quality/formatting.js';
import securityScanning from './security/security-scanning.js';
import environments from './operations/environments.js';
import coverageGate from './quality/coverage-gate.js';

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

const rubyApp: Tree = {
  '.github/workflows/ci.yml': [
    'name: CI',
    'on: [push, pull_request]',
    'jobs:',
    '  lint-ruby:',
    '    uses: acme/platform/.github/workflows/rubocop.yml@main',
    '  security:',
    '    uses: acme/platform/.github/workflows/brakeman.yml@main',
    '  test-ruby:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: ruby/setup-ruby@v1',
    '        with:',
    '          bundler-cache: true',
    '      - run: bundle exec rails db:setup',
    '      - run: bundle exec rake spec',
    '',
  ].join('\n'),
  Gemfile:
    'source "https://rubygems.org"\ngem "rails"\ngroup :test do\n  gem "rspec-rails"\nend\ngroup :development do\n  gem "rubocop-rails"\nend\n',
  Rakefile: 'require_relative "config/application"\n\nRails.application.load_tasks\n',
  '.rubocop.yml': 'inherit_gem:\n  rubocop-govuk:\n    - config/default.yml\n',
  'config/application.rb': 'module Links\n  class Application < Rails::Application\n  end\nend\n',
  'app/models/check.rb': 'class Check < ApplicationRecord\nend\n',
  'spec/models/check_spec.rb': 'RSpec.describe Check do\n  it "exists" do\n    expect(Check).to be\n  end\nend\n',
};

describe('round 19: Rails rake spec and reusable workflows named for their tool', () => {
  it('tests-in-ci passes on an inline job running `bundle exec rake spec` beside reusable workflows', async () => {
    const run = await runRuleOn(testsInCi, rubyApp);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('(RSpec)');
    expect(run.evidence[0]).toMatchObject({
      path: 'Rakefile',
      line: 3,
      note: 'job test-ruby runs tests: .github/workflows/ci.yml:16 → Rakefile:3 (rake spec) → RSpec',
    });
    expect((await runRuleOn(ciPipeline, rubyApp)).outcome).toBe('pass');
  });

  it('linting and formatting credit `uses: …/workflows/rubocop.yml@main` at its line', async () => {
    const lint = await runRuleOn(linting, rubyApp);
    expect(lint.outcome).toBe('pass');
    expect(lint.evidence).toContainEqual(expect.objectContaining({ path: '.github/workflows/ci.yml', line: 5 }));
    const fmt = await runRuleOn(formatting, rubyApp);
    expect(fmt.outcome).toBe('pass');
    expect(fmt.message).toContain('checked in CI');
    expect(fmt.message).not.toContain('not checked in CI');
  });

  it('security-scanning credits a reusable zizmor-audit.yml; linting credits ruff run by a reusable workflow input', async () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  lint:',
        '    uses: acme/shared/.github/workflows/lint.yml@main',
        '    with:',
        '      extra-checks: just ci-lint',
        '  zizmor:',
        '    uses: acme/shared/.github/workflows/zizmor-audit.yml@main',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: uv run pytest',
        '',
      ].join('\n'),
      justfile: 'lint-check:\n    ruff format --check . && ruff check .\n\nci-lint: lint-check\n',
      'pyproject.toml': '[project]\nname = "shop"\n\n[tool.ruff]\nline-length = 100\n',
      'shop/__init__.py': 'VERSION = "1"\n',
      'tests/test_shop.py': 'def test_version():\n    assert True\n',
    };
    // zizmor scans the workflows only: credited, as workflow scanning (round 32).
    const scan = await runRuleOn(securityScanning, tree);
    expect(scan.outcome).toBe('partial');
    expect(scan.evidence[0]).toMatchObject({ path: '.github/workflows/ci.yml', line: 8 });
    const lint = await runRuleOn(linting, tree);
    expect(lint.outcome).toBe('pass');
    expect(lint.evidence).toContainEqual(
      expect.objectContaining({
        path: 'justfile',
        line: 2,
        note: expect.stringContaining(
          '.github/workflows/ci.yml:6 (input extra-checks of acme/shared/.github/workflows/lint.yml)',
        ),
      }),
    );
  });
});

const DEPLOY = [
  'name: Deploy',
  '',
  'on:',
  '  workflow_dispatch:',
  '    inputs:',
  '      gitRef:',
  '        type: string',
  '      environment:',
  '        description: Environment to deploy to',
  '        type: choice',
  '        options:',
  '        - integration',
  '        - staging',
  '        - production',
  '        default: integration',
  '  release:',
  '    types: [released]',
  '',
  'jobs:',
  '  build-image:',
  '    uses: acme/platform/.github/workflows/build-and-push-image.yml@main',
  '    with:',
  '      gitRef: ${{ inputs.gitRef || github.event.release.tag_name }}',
  '  trigger-deploy:',
  "    name: Deploy to ${{ inputs.environment || 'integration' }}",
  '    needs: build-image',
  '    uses: acme/platform/.github/workflows/deploy.yml@main',
  '    with:',
  '      imageTag: ${{ needs.build-image.outputs.imageTag }}',
  "      environment: ${{ inputs.environment || 'integration' }}",
  '    secrets:',
  '      WEBHOOK_TOKEN: ${{ secrets.ARGO_WEBHOOK_TOKEN }}',
  '',
].join('\n');

describe('round 19: a deploy workflow with an environment choice', () => {
  const tree: Tree = { ...rubyApp, '.github/workflows/deploy.yml': DEPLOY };

  it('continuous-deployment passes on the reusable deploy.yml of another repository, citing its line and the options', async () => {
    const run = await runRuleOn(continuousDeployment, tree);
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: '.github/workflows/deploy.yml',
      line: 27,
      note: expect.stringContaining('job trigger-deploy deploys'),
    });
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/deploy.yml',
        line: 14,
        snippet: '- production',
        note: "job trigger-deploy targets environment production (an option of the manual trigger's input environment)",
      }),
    );
  });

  it('environments passes on the choice options integration/staging/production, each at its line', async () => {
    const run = await runRuleOn(environments, tree);
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      'Production (production) and pre-production (integration and staging) are described separately.',
    );
    expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toEqual([
      '.github/workflows/deploy.yml:14',
      '.github/workflows/deploy.yml:12',
      '.github/workflows/deploy.yml:13',
    ]);
  });

  it('a choice input whose options name no environment (log levels) is no environment', async () => {
    const levels = DEPLOY.replace('- integration', '- debug')
      .replace('- staging', '- info')
      .replace('- production', '- warn');
    const run = await runRuleOn(environments, { ...rubyApp, '.github/workflows/deploy.yml': levels });
    expect(run.outcome).toBe('fail');
  });
});

describe('round 19: coverage in pytest addopts and Codecov in .github/', () => {
  const py = (addopts: string): Tree => ({
    '.github/workflows/ci.yml':
      'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: uv run pytest -n 4\n',
    'pyproject.toml': `[project]\nname = "pay"\n\n[tool.pytest.ini_options]\njunit_suite_name = "pay"\n${addopts}\nfilterwarnings = ["error"]\n`,
    'pay/__init__.py': 'VERSION = "1"\n',
    'tests/test_pay.py': 'def test_version():\n    assert True\n',
  });

  it('`addopts = [… "--cov=pay" …]` measures coverage wherever CI runs pytest: partial, cited at the addopts line', async () => {
    const run = await runRuleOn(
      coverageGate,
      py('addopts = ["-n", "auto", "--cov=pay", "--cov-report", "term-missing"]'),
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('measured in CI (pytest-cov through addopts)');
    expect(run.evidence[0]).toMatchObject({ path: 'pyproject.toml', line: 6 });
    expect(run.evidence[1]).toMatchObject({ path: '.github/workflows/ci.yml', line: 7 });
  });

  it('an addopts list over several lines names --cov on a continuation line', async () => {
    const run = await runRuleOn(coverageGate, py('addopts = [\n    "-ra",\n    "--cov",\n]'));
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({ path: 'pyproject.toml', line: 6 });
  });

  it('a setup.cfg [tool:pytest] addopts value continued on indented lines names --cov', async () => {
    const tree = py('');
    tree['setup.cfg'] =
      '[metadata]\nname = pay\n\n[tool:pytest]\naddopts =\n    -ra\n    --cov=pay\ntestpaths = tests\n';
    const run = await runRuleOn(coverageGate, tree);
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({ path: 'setup.cfg', line: 5 });
  });

  it('addopts with only --cov-report (no --cov) measure nothing', async () => {
    const run = await runRuleOn(coverageGate, py('addopts = "-ra --cov-report=term"'));
    expect(run.outcome).toBe('fail');
  });

  it('.github/.codecov.yml with `target: 80%` is a gate', async () => {
    const run = await runRuleOn(coverageGate, {
      ...py('addopts = "--cov=pay"'),
      '.github/.codecov.yml':
        'coverage:\n  status:\n    project:\n      default:\n        target: 80%\n        threshold: 3%\n',
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('Coverage is gated: Codecov status target (80).');
    expect(run.evidence[0]).toMatchObject({ path: '.github/.codecov.yml', line: 5, snippet: 'target: 80%' });
  });
});
