/**
 * Blind round 28, class "environment names outside the fixed list, or computed in CI": decided by
 * how the names are used. Per-environment files of one kind beside production's (`aat.tfvars`,
 * `ithc.tfvars` beside `prod.tfvars`) name environments; a GitHub `environment:` expression takes
 * the values a shell step assigns to the variable behind it; Mix's config/prod.exs is a build
 * environment every Phoenix app ships, not a deployment stage.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import environments from './environments.js';

const SERVICE: Tree = {
  'package.json': '{ "name": "letters", "dependencies": { "express": "^4.19.0" } }\n',
  'src/server.js': "const express = require('express');\nexpress().listen(8080);\n",
  Dockerfile: 'FROM node:20-slim\nCOPY . .\nCMD ["node", "src/server.js"]\n',
};

describe('round 28: per-environment files named outside the vocabulary', () => {
  it('tfvars per environment beside prod.tfvars are the environments before production', async () => {
    const run = await runRuleOn(
      environments,
      {
        ...SERVICE,
        'infrastructure/main.tf': 'variable "env" {}\n',
        'infrastructure/prod.tfvars': 'capacity = 3\n',
        'infrastructure/aat.tfvars': 'capacity = 1\n',
        'infrastructure/ithc.tfvars': 'capacity = 1\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('Production (prod) and pre-production (aat and ithc) are described separately.');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'infrastructure/aat.tfvars',
        note: expect.stringContaining('named beside production'),
      }),
    );
  });

  it('a shared variables file beside prod.tfvars names no second environment', async () => {
    const run = await runRuleOn(
      environments,
      {
        ...SERVICE,
        'infrastructure/main.tf': 'variable "env" {}\n',
        'infrastructure/prod.tfvars': 'capacity = 3\n',
        'infrastructure/common.tfvars': 'region = "uksouth"\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe('Only production is described (prod); no staging counterpart.');
  });
});

const buildAndDeploy = (assign: boolean) =>
  [
    'name: Build and deploy',
    'on:',
    '  push:',
    '    branches: [main, dev]',
    '    tags: ["20*"]',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    outputs:',
    '      target: ${{ env.TARGET_ENV }}',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - id: resolve',
    '        run: |',
    ...(assign
      ? [
          '          if [[ "$GITHUB_REF" == "refs/heads/main" ]]; then', // 15
          '            echo TARGET_ENV=stage >> "$GITHUB_ENV"', // 16
          '          elif [[ "$GITHUB_REF" == refs/tags/* ]]; then',
          '            echo TARGET_ENV=prod >> "$GITHUB_ENV"', // 18
          '          else',
          '            echo TARGET_ENV=none >> "$GITHUB_ENV"',
          '          fi',
        ]
      : ['          echo "building"']),
    '  publish:',
    "    if: needs.build.outputs.target != 'none'",
    '    environment: ${{ needs.build.outputs.target }}', // 24 with the assignments
    '    runs-on: ubuntu-latest',
    '    needs: [build]',
    '    steps:',
    '      - run: ./publish.sh',
    '',
  ].join('\n');

describe('round 28: an environment computed in CI', () => {
  it('the values a shell step assigns to the variable behind `environment:` are the environments', async () => {
    const run = await runRuleOn(
      environments,
      { ...SERVICE, '.github/workflows/build.yml': buildAndDeploy(true) },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('Production (prod) and pre-production (stage) are described separately.');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/build.yml',
        line: 24,
        note: 'CI environment of job publish: the expression takes the value prod (.github/workflows/build.yml:18)',
      }),
    );
  });

  it('an expression nothing in the workflow assigns names no environment', async () => {
    const run = await runRuleOn(
      environments,
      { ...SERVICE, '.github/workflows/build.yml': buildAndDeploy(false) },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});

const PHOENIX: Tree = {
  'mix.exs':
    'defmodule Site.MixProject do\n  use Mix.Project\n  def project, do: [app: :site, deps: deps()]\n  defp deps, do: [{:phoenix, "~> 1.7"}]\nend\n',
  'lib/site_web/endpoint.ex': 'defmodule SiteWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :site\nend\n',
  'config/config.exs': 'import Config\n',
  'config/dev.exs': 'import Config\n',
  'config/test.exs': 'import Config\n',
  'config/prod.exs': 'import Config\nconfig :site, SiteWeb.Endpoint, url: [host: "example.org"]\n',
  'config/runtime.exs': 'import Config\n',
  'fly.toml': 'app = "site"\n',
};

describe('round 28: Mix build environments are not deployment environments', () => {
  it("a Phoenix app's config/prod.exs alone separates nothing", async () => {
    const run = await runRuleOn(environments, PHOENIX, { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });

  it('a Mix environment the project added (config/staging.exs) counts, with prod.exs beside it', async () => {
    const run = await runRuleOn(
      environments,
      {
        ...PHOENIX,
        'config/staging.exs': 'import Config\nconfig :site, SiteWeb.Endpoint, url: [host: "staging.example.org"]\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('Production (prod) and pre-production (staging) are described separately.');
  });
});
